package source

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"leadimport/importer/msg"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// book is a workbook written part by part, for what excelize's writer
// cannot make: inline strings, numbers stored in exponent notation, the
// 1904 date system, broken and hostile files.
type book struct {
	sheet    string // the sheetData's rows and anything after them
	styles   string // the cellXfs and numFmts, "" for none
	sst      []string
	date1904 bool
	ext      string // the workbook part's extLst, after its sheets
}

func (b book) files() map[string]string {
	pr := ""
	if b.date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			pr + `<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets>` + b.ext + `</workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + b.sheet + `</worksheet>`,
		"xl/styles.xml":            `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + b.styles + `</styleSheet>`,
	}
	sst := `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	for _, s := range b.sst {
		sst += "<si>" + s + "</si>"
	}
	files["xl/sharedStrings.xml"] = sst + "</sst>"
	return files
}

// writeZip writes files into a zip at a new path named file, deflated at
// flate.BestSpeed: archive/zip's default level takes 0.7 s under the race
// detector for the 4 MiB sheet of TestXLSXXMLBombs, BestSpeed 0.2 s, and
// how well the parts are packed makes no difference to reading them.
func writeZip(t testing.TB, file string, files map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for name, body := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = io.WriteString(w, body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	path := filepath.Join(t.TempDir(), file)
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o600))
	return path
}

// The styles the tests use: 0 General, 1 built-in date (14), 2 a custom
// date and time, 3 a custom "0.00", 4 General with an explicit id.
const testStyles = `<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="0.00&quot; kr&quot;"/></numFmts>` +
	`<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="0"/></cellXfs>`

func TestXLSXCellValues(t *testing.T) {
	tests := []struct {
		name   string
		book   book
		opt    Options
		header []string
		rows   []Row
		// excelize lists, by sheet!cell, where excelize reads the cell
		// otherwise, and why this reader is right (see diffFile).
		excelize map[string]string
	}{
		{
			name: "personnummer and phone numbers stored as numbers",
			book: book{styles: testStyles, sheet: `<sheetData>` +
				`<row r="1"><c r="A1" t="inlineStr"><is><t>Personnummer</t></is></c><c r="B1" t="inlineStr"><is><t>Telefon</t></is></c></row>` +
				// Excel shows 1.98001E+11 in a narrow General column.
				`<row r="2"><c r="A2" s="4"><v>198001022386</v></c><c r="B2"><v>701234567</v></c></row>` +
				`<row r="3"><c r="A3"><v>1.98001022394E+11</v></c><c r="B3" s="3"><v>701234567</v></c></row>` +
				`</sheetData>`},
			header: []string{"Personnummer", "Telefon"},
			rows: []Row{
				{Number: 2, Cells: []string{"198001022386", "701234567"}},
				{Number: 3, Cells: []string{"198001022394", "701234567"}},
			},
		},
		{
			name: "dates, times and other numbers",
			book: book{styles: testStyles, sheet: `<sheetData>` +
				`<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>` +
				`<row r="2"><c s="1"><v>45424</v></c><c s="2"><v>45424.604166666664</v></c><c s="3"><v>1234.5</v></c><c><v>0.30000000000000004</v></c></row>` +
				`</sheetData>`, sst: []string{"<t>Datum</t>", "<t>Tid</t>", "<t>Belopp</t>", "<t>Andel</t>"}},
			header: []string{"Datum", "Tid", "Belopp", "Andel"},
			rows:   []Row{{Number: 2, Cells: []string{"2024-05-12", "2024-05-12 14:30", "1234.5", "0.3"}}},
		},
		{
			name: "the 1904 date system",
			book: book{date1904: true, styles: testStyles, sheet: `<sheetData>` +
				`<row r="1"><c t="inlineStr"><is><t>Datum</t></is></c></row>` +
				`<row r="2"><c s="1"><v>43962</v></c></row></sheetData>`},
			header: []string{"Datum"},
			rows:   []Row{{Number: 2, Cells: []string{"2024-05-12"}}},
		},
		{
			// Recent Excel for Mac writes workbookPr twice: SpreadsheetML's,
			// with date1904, and an extension's without it, which must not
			// undo it (1971-01-01 read 1966-12-31).
			name: "the 1904 date system, then x14:workbookPr",
			book: book{date1904: true, styles: testStyles, ext: `<extLst><ext uri="{79F54976-1DA5-4618-B147-4CDE4B953A38}" ` +
				`xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:workbookPr/></ext></extLst>`,
				sheet: `<sheetData><row r="1"><c t="inlineStr"><is><t>Datum</t></is></c></row>` +
					`<row r="2"><c s="1"><v>24472</v></c></row></sheetData>`},
			header: []string{"Datum"},
			rows:   []Row{{Number: 2, Cells: []string{"1971-01-01"}}},
		},
		{
			name: "inline strings, rich text, booleans, formulas and errors",
			book: book{sheet: `<sheetData>` +
				`<row r="1"><c t="inlineStr"><is><t xml:space="preserve">Namn </t></is></c><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Aktiv</t></is></c><c t="inlineStr"><is><t>Summa</t></is></c><c t="inlineStr"><is><t>Ort</t></is></c></row>` +
				`<row r="2"><c t="inlineStr"><is><r><rPr><b/></rPr><t>Anna </t></r><r><t>Åberg</t></r><rPh><t>x</t></rPh></is></c>` +
				`<c t="s"><v>1</v></c><c t="b"><v>1</v></c><c><f>1+1</f><v>2</v></c><c t="str"><f>"Lu"&amp;"nd"</f><v>Lund</v></c></row>` +
				`<row r="3"><c r="C3" t="b"><v>0</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
				`</sheetData>`, sst: []string{"<r><t>E-</t></r><r><t>post</t></r>", "<t>anna@example.se</t>"}},
			header: []string{"Namn", "E-post", "Aktiv", "Summa", "Ort"},
			rows: []Row{
				{Number: 2, Cells: []string{"Anna Åberg", "anna@example.se", "TRUE", "2", "Lund"}},
				{Number: 3, Cells: []string{"", "", "FALSE", "#DIV/0!"}},
			},
		},
		{
			// ST_Xstring's escapes, in shared strings, inline strings and
			// a formula's string result; not in a number's v.
			name: "_xHHHH_ escapes in text",
			book: book{sheet: `<sheetData>` +
				`<row r="1"><c t="s"><v>0</v></c><c t="inlineStr"><is><t>Rad_x0009_2</t></is></c><c t="inlineStr"><is><t>Formel</t></is></c></row>` +
				`<row r="2"><c t="s"><v>1</v></c><c t="inlineStr"><is><r><t>ABC_x000D_` + "\n" + `</t></r><r><t>DEF</t></r><rPh><t>_x0041_</t></rPh></is></c>` +
				`<c t="str"><f>A2</f><v>x_x000d_y</v></c></row>` +
				`<row r="3"><c t="s"><v>2</v></c><c t="inlineStr"><is><t>_x005F_x000D_ and _x_ and _x12_ and _xGGGG_</t></is></c><c t="s"><v>3</v></c></row>` +
				`</sheetData>`, sst: []string{"<t>Namn_x0020_1</t>", "<t>ABC_x000D_\nDEF</t>", "<r><t>_xD83D__xDE00_</t></r><r><t>_xD83D_ ensam</t></r>", "<t>__x0041_</t>"}},
			header: []string{"Namn 1", "Rad\t2", "Formel"},
			excelize: map[string]string{
				// v is an ST_Xstring too; excelize unescapes only t.
				"Blad1!C2": `excelize reads "x_x000d_y"`,
				// excelize drops an escaped surrogate, so a character
				// past U+FFFF (an emoji) is lost, and a lone one too.
				"Blad1!A3": `excelize reads " ensam"`,
			},
			rows: []Row{
				{Number: 2, Cells: []string{"ABC\r\nDEF", "ABC\r\nDEF", "x\ry"}},
				{Number: 3, Cells: []string{"😀_xD83D_ ensam", "_x000D_ and _x_ and _x12_ and _xGGGG_", "_A"}},
			},
		},
		{
			// The is element is an inline string's value; a v beside it
			// (which some writers add) is not part of it.
			name: "an inline string with a stray v",
			book: book{sheet: `<sheetData>` +
				`<row r="1"><c t="inlineStr"><is><t>Nr</t></is></c></row>` +
				`<row r="2"><c t="inlineStr"><is><t>1.</t></is><v>1.0</v></c></row>` +
				`<row r="3"><c t="inlineStr"><v>2.0</v><is><t>2.</t></is></c></row>` +
				`</sheetData>`},
			header: []string{"Nr"},
			rows:   []Row{{Number: 2, Cells: []string{"1."}}, {Number: 3, Cells: []string{"2."}}},
		},
		{
			name: "a title row above the header, found by the names",
			book: book{sheet: `<sheetData>` +
				`<row r="1"><c t="inlineStr"><is><t>Visning Storgatan 1</t></is></c></row>` +
				`<row r="2"><c t="inlineStr"><is><t>12 maj, anmälda</t></is></c></row>` +
				`<row r="4"><c t="inlineStr"><is><t>NAMN</t></is></c><c t="inlineStr"><is><t>Personnummer&#160;</t></is></c></row>` +
				`<row r="5"><c t="inlineStr"><is><t>Anna</t></is></c><c><v>198001022386</v></c></row>` +
				`</sheetData>`},
			opt:    Options{Headers: []string{"namn", "personnummer"}},
			header: []string{"NAMN", "Personnummer"},
			rows:   []Row{{Number: 5, Cells: []string{"Anna", "198001022386"}}},
		},
		{
			name: "a merged header cell names every column of the merge",
			book: book{sheet: `<sheetData>` +
				`<row r="1"><c t="inlineStr"><is><t>Anmälan</t></is></c></row>` +
				`<row r="2"><c r="A2" t="inlineStr"><is><t>Namn</t></is></c><c r="B2" t="inlineStr"><is><t>Telefon</t></is></c></row>` +
				`<row r="3"><c r="A3" t="inlineStr"><is><t>Anna</t></is></c><c r="B3"><v>701234567</v></c><c r="C3"><v>702345678</v></c></row>` +
				`<row r="4"><c r="A4" t="inlineStr"><is><t>Bo</t></is></c></row>` +
				// A1:C1 is a title above the header; A4:C4 a merged data cell.
				`</sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="B2:C2"/><mergeCell ref="A4:C4"/></mergeCells>`},
			opt:    Options{HeaderRow: 2},
			header: []string{"Namn", "Telefon", "Telefon"},
			rows:   []Row{{Number: 3, Cells: []string{"Anna", "701234567", "702345678"}}, {Number: 4, Cells: []string{"Bo"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeZip(t, "x.xlsx", tt.book.files())
			diffFileAllowing(t, path, func(_, at string) bool { _, ok := tt.excelize[at]; return ok })
			r, err := Open(path, tt.opt)
			require.NoError(t, err)
			defer r.Close()
			assert.Equal(t, tt.header, r.Header())
			assert.Equal(t, tt.rows, readAll(t, r))
		})
	}
}

// TestXLSXSharedStringMissing: a shared-string cell with no v, an empty
// one, or an index past the table (some generators, and Tencent's office
// suite, write them) reads empty, as Excel shows it, and the sheet is
// read on; Options.Warn is told once, with the count and the first cell.
func TestXLSXSharedStringMissing(t *testing.T) {
	path := writeZip(t, "x.xlsx", book{sst: []string{"<t>Namn</t>", "<t>Ort</t>", "<t>Anna</t>", "<t>Lund</t>"}, sheet: `<sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"/></row>` +
		`<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="s"><v>3</v></c></row>` +
		`<row r="4"><c t="s"><v>2</v></c><c t="s"><v></v></c><c r="C4" t="s"><v>-1</v></c></row>` +
		`</sheetData>`}.files())
	diffFileAllowing(t, path, func(_, at string) bool { return false })
	var warnings []msg.Message
	r, err := Open(path, Options{Warn: func(m msg.Message) { warnings = append(warnings, m) }})
	require.NoError(t, err)
	defer r.Close()
	assert.Equal(t, []string{"Namn", "Ort"}, r.Header())
	assert.Equal(t, []Row{
		{Number: 2, Cells: []string{"Anna"}},
		{Number: 3, Cells: []string{"", "Lund"}},
		{Number: 4, Cells: []string{"Anna"}},
	}, readAll(t, r))
	_, err = r.Next()
	assert.Equal(t, io.EOF, err)
	require.Len(t, warnings, 1, "one warning for the sheet")
	assert.Equal(t, msg.SharedStringsMissing{File: path, Sheet: "Blad1", Cell: "B2", Count: 4}, warnings[0])
	assert.Equal(t, path+`: sheet "Blad1": 4 text cells without a text the workbook has (a shared string missing; the first is B2), read as empty as Excel shows them: check them in Excel`,
		msg.English.Say(warnings[0]))

	// A sheet whose strings are all there warns of nothing.
	warnings = nil
	path = writeZip(t, "y.xlsx", book{sst: []string{"<t>Namn</t>"}, sheet: `<sheetData><row r="1"><c t="s"><v>0</v></c></row><row r="2"><c t="s"><v>0</v></c></row></sheetData>`}.files())
	r2, err := Open(path, Options{Warn: func(m msg.Message) { warnings = append(warnings, m) }})
	require.NoError(t, err)
	defer r2.Close()
	readAll(t, r2)
	assert.Empty(t, warnings)
}

// chartFirst is a workbook whose first tab is a chart sheet, as Excel
// saves one after "Move Chart > New sheet", with the worksheet after it.
func chartFirst() map[string]string {
	files := book{sheet: `<sheetData><row r="1"><c t="inlineStr"><is><t>Namn</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>Anna</t></is></c></row></sheetData>`}.files()
	files["xl/workbook.xml"] = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="Diagram1" sheetId="2" r:id="rId4"/><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`
	files["xl/_rels/workbook.xml.rels"] = strings.Replace(files["xl/_rels/workbook.xml.rels"], "</Relationships>",
		`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`, 1)
	files["xl/chartsheets/sheet1.xml"] = `<?xml version="1.0"?><chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheetPr/><sheetViews><sheetView zoomScale="115" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`
	return files
}

// TestXLSXChartSheetFirst: a chart sheet first is passed over by the
// default pick, and refused, saying what it is, when named.
func TestXLSXChartSheetFirst(t *testing.T) {
	path := writeZip(t, "x.xlsx", chartFirst())
	diffFileAllowing(t, path, func(_, at string) bool { return false })
	r, err := Open(path, Options{})
	require.NoError(t, err)
	assert.Equal(t, []Row{{Number: 2, Cells: []string{"Anna"}}}, readAll(t, r))
	assert.Equal(t, []string{"Blad1"}, Sheets(r))
	require.NoError(t, r.Close())
	r, err = Open(path, Options{Sheet: "2"})
	require.NoError(t, err)
	assert.Equal(t, []string{"Namn"}, r.Header())
	require.NoError(t, r.Close())

	for _, name := range []string{"Diagram1", "diagram1", "1"} {
		r, err := Open(path, Options{Sheet: name})
		assert.Nil(t, r)
		assert.ErrorIs(t, err, ErrNoSheet)
		assert.EqualError(t, err, path+`: sheet "Diagram1" is a chart, with no rows to read: name a worksheet: Blad1`)
	}
}

// TestXLSXNumbersWrittenByExcelize: the same through excelize's writer,
// with the General format Excel shows as 1.98001E+11.
func TestXLSXNumbersWrittenByExcelize(t *testing.T) {
	path := writeXLSX(t, "x.xlsx", []sheet{{name: "Blad1", rows: map[int][]any{
		1: {"Personnummer", "Telefon", "Född"},
		2: {198001022386, 701234567, time.Date(1980, 1, 2, 0, 0, 0, 0, time.UTC)},
		3: {1.98001032385e11, 701234567.0, time.Date(1980, 1, 3, 8, 15, 0, 0, time.UTC)},
	}, styles: map[string]string{"A2": "General", "A3": "General", "C2": "yyyy-mm-dd", "C3": "d/m/yy h:mm"}}})
	r, err := Open(path, Options{})
	require.NoError(t, err)
	defer r.Close()
	assert.Equal(t, []Row{
		{Number: 2, Cells: []string{"198001022386", "701234567", "1980-01-02"}},
		{Number: 3, Cells: []string{"198001032385", "701234567", "1980-01-03 08:15"}},
	}, readAll(t, r))
}

// TestXLSXRowLimits: a cell or row over Excel's limits is a RowError, and
// the rows after it are read.
func TestXLSXRowLimits(t *testing.T) {
	long := strings.Repeat("å", maxCellChars+1)
	tests := []struct {
		name string
		row  string
		msg  string
	}{
		{name: "a cell over 32,767 characters", row: `<c r="B2" t="inlineStr"><is><t>` + long + `</t></is></c>`,
			msg: "x.xlsx: row 2: too large: the cell in column B has 32768 characters, more than the 32,767 Excel allows in a cell"},
		{name: "a cell past column XFD", row: `<c r="A2"><v>1</v></c><c r="XFE2"><v>1</v></c>`,
			msg: "x.xlsx: row 2: too large: the row has a cell in column XFE, past the 16,384 columns Excel has"},
		{name: "more than 16,384 cells without references", row: strings.Repeat(`<c><v>1</v></c>`, maxCells+1),
			msg: "x.xlsx: row 2: too large: the row has a cell in column XFE, past the 16,384 columns Excel has"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeZip(t, "x.xlsx", book{sheet: `<sheetData><row r="1"><c t="inlineStr"><is><t>Namn</t></is></c></row>` +
				`<row r="2">` + tt.row + `</row><row r="3"><c t="inlineStr"><is><t>Bo</t></is></c></row></sheetData>`}.files())
			r, err := Open(path, Options{})
			require.NoError(t, err)
			defer r.Close()
			_, err = r.Next()
			var rowErr *RowError
			require.ErrorAs(t, err, &rowErr)
			assert.Equal(t, 2, rowErr.Row)
			assert.ErrorIs(t, err, ErrTooLarge)
			assert.Equal(t, filepath.Dir(path)+"/"+tt.msg, err.Error())
			assert.Equal(t, []Row{{Number: 3, Cells: []string{"Bo"}}}, readAll(t, r))
		})
	}
}

// cfb builds a minimal OLE compound file (version 3, 512-byte sectors)
// whose root holds empty streams with the given names: sector 0 is the
// FAT, sector 1 the directory. mscfb only reads, and the checks need
// nothing but the directory, so this is all an encrypted workbook or an
// .xls needs to be recognised. Up to three names fit the one sector.
func cfb(names ...string) []byte {
	const (
		free       = 0xFFFFFFFF
		endOfChain = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
	)
	le := binary.LittleEndian
	header := make([]byte, 512)
	copy(header, cfbMagic)
	le.PutUint16(header[24:], 0x3E)       // minor version
	le.PutUint16(header[26:], 3)          // major version
	le.PutUint16(header[28:], 0xFFFE)     // byte order
	le.PutUint16(header[30:], 9)          // sector shift: 512
	le.PutUint16(header[32:], 6)          // mini sector shift: 64
	le.PutUint32(header[44:], 1)          // FAT sectors
	le.PutUint32(header[48:], 1)          // first directory sector
	le.PutUint32(header[56:], 4096)       // mini stream cutoff
	le.PutUint32(header[60:], endOfChain) // first mini FAT sector
	le.PutUint32(header[68:], endOfChain) // first DIFAT sector
	le.PutUint32(header[76:], 0)          // DIFAT[0]: the FAT is sector 0
	for i := 80; i < 512; i += 4 {
		le.PutUint32(header[i:], free)
	}
	fat := make([]byte, 512)
	for i := 0; i < 512; i += 4 {
		le.PutUint32(fat[i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain)

	dir := make([]byte, 512)
	entry := func(i int, name string, typ byte, child, right uint32) {
		e := dir[i*128:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1 // black
		le.PutUint32(e[68:], free)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], endOfChain)
	}
	entry(0, "Root Entry", 5, 1, free)
	for i, name := range names {
		right := uint32(free)
		if i+1 < len(names) {
			right = uint32(i + 2)
		}
		entry(i+1, name, 2, free, right)
	}
	return append(append(header, fat...), dir...)
}

// TestXLSXHostileFiles: files that are not what their name says, or built
// to hurt, are refused with a message an office worker can act on.
func TestXLSXHostileFiles(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		is   error
		msg  string // after the path
	}{
		{name: "password-protected", data: cfb("EncryptionInfo", "EncryptedPackage"), is: ErrEncrypted,
			msg: ": this is a password-protected Excel file: save it without a password and try again"},
		{name: "Excel 97-2003", data: cfb("Workbook", "\x05SummaryInformation"), is: ErrLegacyXLS,
			msg: ": this is an old Excel 97–2003 .xls file: open it in Excel and save it as .xlsx or CSV"},
		{name: "a Word document", data: cfb("WordDocument"), is: ErrNotXLSX,
			msg: ": not a readable Excel .xlsx file (an Office file of another kind, such as a Word document): open it in Excel and save it as .xlsx or CSV"},
		{name: "a CSV named .xlsx", data: []byte("namn;personnummer\r\nAnna;198001022386\r\n"), is: ErrMisnamed,
			msg: ": the file is not what its name says: it is a text (CSV) file named .xlsx: rename it to x.csv"},
		{name: "a zip without a workbook", data: zipOf(t, map[string]string{"word/document.xml": "<w/>"}), is: ErrNotXLSX,
			msg: ": not a readable Excel .xlsx file (it holds no workbook; it may be a Word or PowerPoint file): open it in Excel and save it as .xlsx or CSV"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "x.xlsx")
			require.NoError(t, os.WriteFile(path, tt.data, 0o600))
			r, err := Open(path, Options{})
			assert.Nil(t, r)
			assert.ErrorIs(t, err, tt.is)
			assert.EqualError(t, err, path+tt.msg)
		})
	}
}

func zipOf(t testing.TB, files map[string]string) []byte {
	data, err := os.ReadFile(writeZip(t, "z.zip", files))
	require.NoError(t, err)
	return data
}

// TestXLSXXMLBombs: a sheet nested without end, one endless token, or a
// cell whose text is put together from runs that are each short, in the
// sheet or in the shared strings, is refused rather than read into
// memory. The endless text takes 2 s under the race detector:
// encoding/xml reads the 4 MiB up to the limit a byte at a time.
func TestXLSXXMLBombs(t *testing.T) {
	// Runs of 64 KiB, one more than 4 MiB takes (a 255 KB file did make
	// a cell of 240 MB so, and took a gigabyte).
	runs := strings.Repeat("<r><t>"+strings.Repeat("a", 64<<10)+"</t></r>", maxTokenBytes/(64<<10)+1)
	tests := []struct {
		name  string
		book  book
		cause error
	}{
		{name: "deep nesting", book: book{sheet: `<sheetData><row r="1">` + strings.Repeat("<x>", 100_000) + `</row></sheetData>`}},
		{name: "an endless text", book: book{sheet: `<sheetData><row r="1"><c t="inlineStr"><is><t>` + strings.Repeat("a", maxTokenBytes+1) + `</t></is></c></row></sheetData>`}, cause: errTokenTooLong},
		{name: "an inline string of many runs", book: book{sheet: `<sheetData><row r="1"><c t="inlineStr"><is>` + runs + `</is></c></row></sheetData>`}, cause: errCellTooLong},
		{name: "a shared string of many runs", book: book{sheet: `<sheetData><row r="1"><c t="s"><v>1</v></c></row></sheetData>`, sst: []string{"<t>Namn</t>", runs}}, cause: errCellTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeZip(t, "x.xlsx", tt.book.files())
			r, err := Open(path, Options{})
			assert.Nil(t, r)
			assert.ErrorIs(t, err, ErrNotXLSX)
			if tt.cause != nil {
				assert.ErrorIs(t, err, tt.cause)
			}
		})
	}
	// Runs that make less than the limit together are one cell's text.
	short := strings.Repeat("<r><t>ab</t></r>", 1000)
	path := writeZip(t, "x.xlsx", book{sheet: `<sheetData><row r="1"><c t="inlineStr"><is><t>Namn</t></is></c><c t="s"><v>0</v></c></row>` +
		`<row r="2"><c t="inlineStr"><is>` + short + `</is></c><c t="s"><v>1</v></c></row></sheetData>`,
		sst: []string{"<t>Ort</t>", short}}.files())
	r, err := Open(path, Options{})
	require.NoError(t, err)
	defer r.Close()
	row, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, []string{strings.Repeat("ab", 1000), strings.Repeat("ab", 1000)}, row.Cells)
}

// TestXLSXBreakInARow: a sheet that breaks off inside a row says the
// reading stopped after the row before it, whose rows were all read, and
// names the file once.
func TestXLSXBreakInARow(t *testing.T) {
	runs := strings.Repeat("<r><t>"+strings.Repeat("a", 64<<10)+"</t></r>", maxTokenBytes/(64<<10)+1)
	path := writeZip(t, "x.xlsx", book{sheet: `<sheetData><row r="1"><c t="inlineStr"><is><t>Namn</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>Åsa</t></is></c></row>` +
		`<row r="3"><c t="inlineStr"><is>` + runs + `</is></c></row><row r="4"/></sheetData>`}.files())
	r, err := Open(path, Options{})
	require.NoError(t, err)
	defer r.Close()
	row, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, 2, row.Number)
	_, err = r.Next()
	assert.ErrorIs(t, err, errCellTooLong)
	assert.EqualError(t, err, path+`: sheet "Blad1" after row 2: not a readable Excel .xlsx file (a cell whose text, in all its parts, is more than 4 MiB): open it in Excel and save it as .xlsx or CSV`)
}

// bombSize is what the zip bomb's sheet unpacks to: 300 MiB of zeros,
// over the default limit of 256 MiB.
const bombSize = 300 << 20

// bombChunk is what each piece of the bomb's deflate stream unpacks to:
// more than deflate's window of 32 KiB, so that each leaves only zeros
// in it.
const bombChunk = 256 << 10

// bomb is the workbook of TestXLSXZipBomb and the pieces of its sheet's
// deflate stream: first, then again bombSize/bombChunk-1 times, then last.
type bomb struct {
	zip                []byte
	first, again, last []byte
}

// zipBomb builds the bomb once: book{sheet: "<sheetData/>"}'s parts but
// for the sheet, a deflated entry that unpacks to bombSize zeros and says
// so in its header, CRC-32 included. Compressing 300 MiB takes a minute
// under the race detector, so the stream is made of pieces compressed
// once. first is a chunk of zeros, sync-flushed; again the next chunk,
// flushed: blocks that start and end on a byte boundary and refer back
// only into the zeros before them, so that they unpack to a chunk of
// zeros after any zeros; last is the final empty block of the writer's
// Close. TestXLSXZipBombIsReal checks what they unpack to.
var zipBomb = sync.OnceValues(func() (b bomb, err error) {
	zeros := make([]byte, bombChunk)
	var z bytes.Buffer
	fw, err := flate.NewWriter(&z, flate.BestCompression)
	if err != nil {
		return b, err
	}
	if _, err := fw.Write(zeros); err != nil {
		return b, err
	}
	if err := fw.Flush(); err != nil {
		return b, err
	}
	b.first = bytes.Clone(z.Bytes())
	z.Reset()
	if _, err := fw.Write(zeros); err != nil {
		return b, err
	}
	if err := fw.Flush(); err != nil {
		return b, err
	}
	b.again = bytes.Clone(z.Bytes())
	z.Reset()
	if err := fw.Close(); err != nil {
		return b, err
	}
	b.last = bytes.Clone(z.Bytes())

	sheet := slices.Concat(b.first, bytes.Repeat(b.again, bombSize/bombChunk-1), b.last)
	crc := crc32.NewIEEE()
	for range bombSize / bombChunk {
		crc.Write(zeros)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range (book{sheet: "<sheetData/>"}).files() {
		if name == "xl/worksheets/sheet1.xml" {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			return b, err
		}
		if _, err := io.WriteString(w, body); err != nil {
			return b, err
		}
	}
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name:               "xl/worksheets/sheet1.xml",
		Method:             zip.Deflate,
		CRC32:              crc.Sum32(),
		CompressedSize64:   uint64(len(sheet)),
		UncompressedSize64: bombSize,
	})
	if err != nil {
		return b, err
	}
	if _, err := w.Write(sheet); err != nil {
		return b, err
	}
	if err := zw.Close(); err != nil {
		return b, err
	}
	b.zip = buf.Bytes()
	return b, nil
})

// TestXLSXZipBombIsReal: the sheet of zipBomb, built from repeated
// pieces, is a genuine bomb that unpacks to the 300 MiB of zeros its
// header declares. Unpacking all of it costs seconds under the race
// detector, so this unpacks each piece: a deflate decoder's state
// between blocks is where it is in the bits and the last 32 KiB it
// wrote, so a piece that leaves zeros behind it on a byte boundary,
// after zeros on a byte boundary, unpacks the same every time it comes.
func TestXLSXZipBombIsReal(t *testing.T) {
	t.Parallel()
	b, err := zipBomb()
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(b.zip), int64(len(b.zip)))
	require.NoError(t, err)
	var sheet *zip.File
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			sheet = f
		}
	}
	require.NotNil(t, sheet)
	assert.Equal(t, uint64(bombSize), sheet.UncompressedSize64)

	// The entry is first, again bombSize/bombChunk-1 times, then last.
	raw, err := sheet.OpenRaw()
	require.NoError(t, err)
	stream, err := io.ReadAll(raw)
	require.NoError(t, err)
	n := bombSize/bombChunk - 1
	require.Equal(t, len(b.first)+n*len(b.again)+len(b.last), len(stream), "the entry's length")
	require.True(t, bytes.HasPrefix(stream, b.first))
	require.True(t, bytes.HasSuffix(stream, b.last))
	for i := range n {
		at := len(b.first) + i*len(b.again)
		require.True(t, bytes.Equal(stream[at:at+len(b.again)], b.again), "piece %d", i)
	}

	// first, then last: a chunk of zeros, and the end of the stream.
	unpacks := func(stream io.Reader, want int64) {
		t.Helper()
		z := zeroCounter{firstNonzero: -1}
		n, err := io.Copy(&z, stream)
		require.NoError(t, err)
		assert.Equal(t, want, n)
		assert.Equal(t, int64(-1), z.firstNonzero, "the first byte that is not 0")
	}
	unpacks(flate.NewReader(bytes.NewReader(slices.Concat(b.first, b.last))), bombChunk)
	// After zeros, again twice then last: a chunk of zeros each time and
	// the end, so that again ends on the byte where a block begins.
	window := make([]byte, 32<<10)
	unpacks(flate.NewReaderDict(bytes.NewReader(slices.Concat(b.again, b.again, b.last)), window), 2*bombChunk)
	// Through archive/zip, as Open would unpack it: the first pieces.
	rc, err := sheet.Open()
	require.NoError(t, err)
	defer rc.Close()
	unpacks(io.LimitReader(rc, 4*bombChunk), 4*bombChunk)
	// So it unpacks to bombChunk + n*bombChunk bytes, all 0: bombSize.
	assert.Equal(t, bombSize, bombChunk+n*bombChunk)
	crc := crc32.NewIEEE()
	zeros := make([]byte, 1<<20)
	for range bombSize >> 20 {
		crc.Write(zeros)
	}
	assert.Equal(t, crc.Sum32(), sheet.CRC32, "the CRC-32 of 300 MiB of zeros")
}

// zeroCounter counts the bytes written to it and notes where the first
// that is not 0 was; firstNonzero starts at -1, for none.
type zeroCounter struct {
	n, firstNonzero int64
}

func (z *zeroCounter) Write(p []byte) (int, error) {
	if i := slices.IndexFunc(p, func(c byte) bool { return c != 0 }); i >= 0 && z.firstNonzero < 0 {
		z.firstNonzero = z.n + int64(i)
	}
	z.n += int64(len(p))
	return len(p), nil
}

// TestXLSXZipBomb: a workbook whose sheet unpacks to 300 MiB of zeros,
// from a few hundred KiB, is refused from the zip's directory: fast, and
// without unpacking it.
func TestXLSXZipBomb(t *testing.T) {
	b, err := zipBomb()
	require.NoError(t, err)
	require.Less(t, len(b.zip), 1<<20, "a bomb is small")
	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	require.NoError(t, os.WriteFile(path, b.zip, 0o600))

	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	var peak atomic.Uint64
	stop := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	r, err := Open(path, Options{})
	elapsed := time.Since(start)
	close(stop)
	<-sampled

	assert.Nil(t, r)
	assert.ErrorIs(t, err, ErrZipBomb)
	assert.EqualError(t, err, path+": unpacks to more than 256 MiB: refused as a possible zip bomb; if it is a real workbook, save its rows as CSV")
	assert.Less(t, elapsed, 5*time.Second)
	assert.Less(t, peak.Load(), uint64(200<<20), "heap during Open")
}

// TestXLSXLyingZip: a zip whose directory declares a small sheet that
// unpacks to more is stopped by archive/zip at the declared size.
func TestXLSXLyingZip(t *testing.T) {
	path := writeZip(t, "x.xlsx", book{sheet: `<sheetData><row r="1"><c t="inlineStr"><is><t>Namn</t></is></c></row>` +
		`<row r="2"><c t="inlineStr"><is><t>Anna</t></is></c></row></sheetData>`}.files())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		// Shrink the declared size in its central directory entry.
		for j := bytes.Index(data, []byte("PK\x01\x02")); j >= 0; {
			if bytes.HasPrefix(data[j+46:], []byte(f.Name)) {
				binary.LittleEndian.PutUint32(data[j+24:], 40)
			}
			k := bytes.Index(data[j+4:], []byte("PK\x01\x02"))
			if k < 0 {
				break
			}
			j += 4 + k
		}
	}
	require.NoError(t, os.WriteFile(path, data, 0o600))
	r, err := Open(path, Options{})
	if err == nil {
		defer r.Close()
		_, err = r.Next()
	}
	assert.ErrorIs(t, err, ErrIncomplete)
}

// TestXLSXSharedStringsBounded: a shared strings table is bounded by the
// cells its sheets could point to (fifty million empty <si/> took 3.7 GB
// and 94 s) and by what it costs in memory; either is refused with a
// clear message, before the table is read through. A table as a real
// workbook has it is read.
func TestXLSXSharedStringsBounded(t *testing.T) {
	sheet := `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row></sheetData>`
	real := book{sheet: sheet, sst: []string{"<t>Förnamn</t>", "<t>E-post</t>", "<t>Åsa</t>", "<t>asa@example.se</t>"}}
	empties := real
	empties.sst = append(slices.Clone(real.sst), slices.Repeat([]string{""}, 5_000)...) // <si></si>, more than the 1,041 the sheet allows
	long := real
	long.sst = append(slices.Clone(real.sst), "<t>"+strings.Repeat("x", 4<<10)+"</t>")

	tests := []struct {
		name   string
		book   book
		limits xlsxLimits
		want   string
	}{
		{"a table as a workbook has it", real, defaultLimits, ""},
		{"more entries than the sheets have cells", empties, defaultLimits, "its shared strings table has more than 1041 entries, more than its sheets have cells"},
		{"more text than the memory bound", long, xlsxLimits{unzip: 1 << 20, part: 1 << 20, strings: 2 << 10},
			"its shared strings take more than 1 MiB in memory: save the sheet as CSV (UTF-8)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := writeZip(t, "x.xlsx", tc.book.files())
			r, err := openXLSX(path, Options{}, tc.limits)
			if tc.want == "" {
				require.NoError(t, err)
				defer r.Close()
				assert.Equal(t, []string{"Förnamn", "E-post"}, r.Header())
				row, err := r.Next()
				require.NoError(t, err)
				assert.Equal(t, []string{"Åsa", "asa@example.se"}, row.Cells)
				return
			}
			assert.Nil(t, r)
			assert.ErrorIs(t, err, ErrTooLarge)
			assert.ErrorContains(t, err, path+": "+tc.want)
		})
	}
}

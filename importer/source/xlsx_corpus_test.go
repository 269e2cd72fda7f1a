package source

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"leadimport/importer/msg"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The corpus in testdata/xlsx is small workbooks laid out as the programs
// that write the workbooks we are sent lay theirs out: each part, element
// and attribute as that program writes it (testdata/xlsx/README.md says
// where each layout comes from). They are written here, part by part, so
// that what each holds can be read in one place:
//
//	go test ./importer/source -run TestXLSXCorpus -update-corpus
//
// writes them again. TestXLSXCorpus checks that the files hold what the
// generator writes, and reads each as the written-out rows say;
// TestXLSXDiffFiles reads them, and every other workbook under testdata/
// and samples/, with excelize too.
var updateCorpus = flag.Bool("update-corpus", false, "write testdata/xlsx/*.xlsx again from xlsx_corpus_test.go")

const corpusDir = "../../testdata/xlsx"

// corpusBook is one workbook of the corpus and how it must read.
type corpusBook struct {
	file  string
	parts func() []part
	opt   Options
	// header and rows are what the reader reads, with Options opt.
	header []string
	rows   []Row
	// warnings are what Options.Warn is told, in English.
	warnings []string
}

// part is one entry of a workbook's zip, in the order the program writes
// them.
type part struct{ name, body string }

const (
	xmlDecl   = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n"
	nsMain    = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsR       = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relsNS    = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relType   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctWorkbk  = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
	ctSheet   = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
	ctChart   = "application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"
	ctStyles  = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
	ctStrings = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)

// contentTypes is [Content_Types].xml with an Override for each part.
func contentTypes(overrides ...string) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`)
	for i := 0; i+1 < len(overrides); i += 2 {
		fmt.Fprintf(&b, `<Override PartName="%s" ContentType="%s"/>`, overrides[i], overrides[i+1])
	}
	b.WriteString(`</Types>`)
	return b.String()
}

// rels is a relationships part: id, type (after relType) and target.
func rels(list ...string) string {
	var b strings.Builder
	b.WriteString(xmlDecl + `<Relationships ` + relsNS + `>`)
	for i := 0; i+2 < len(list); i += 3 {
		fmt.Fprintf(&b, `<Relationship Id="%s" Type="%s%s" Target="%s"/>`, list[i], relType, list[i+1], list[i+2])
	}
	b.WriteString(`</Relationships>`)
	return b.String()
}

var rootRels = rels("rId1", "officeDocument", "xl/workbook.xml")

// sst is a shared strings part of the items given, each an si's inside.
func sst(items ...string) string {
	return xmlDecl + fmt.Sprintf(`<sst %s count="%d" uniqueCount="%d">`, nsMain, len(items), len(items)) +
		"<si>" + strings.Join(items, "</si><si>") + "</si></sst>"
}

var corpus = []corpusBook{
	{
		// Excel for Windows (Microsoft 365): shared strings, built-in
		// date formats by id, a custom one, x14ac row attributes, a
		// cell holding CR LF (_x000D_ before the line feed).
		file: "excel-windows.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/worksheets/sheet1.xml", ctSheet,
					"/xl/styles.xml", ctStyles, "/xl/sharedStrings.xml", ctStrings)},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
					`<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="202300"/>` +
					`<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15720" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>` +
					`<sheets><sheet name="Anmälda" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/>` +
					`<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId3", "styles", "styles.xml", "rId1", "worksheet", "worksheets/sheet1.xml", "rId4", "sharedStrings", "sharedStrings.xml")},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + ` ` + nsR + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{8D7F1E8A-2B0C-4C58-9F43-6A0C2B1D9E11}">` +
					`<dimension ref="A1:I3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A4" sqref="A4"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
					`<cols><col min="3" max="3" width="14.7109375" bestFit="1" customWidth="1"/></cols><sheetData>` +
					`<row r="1" spans="1:9" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c><c r="I1" t="s"><v>8</v></c></row>` +
					`<row r="2" spans="1:9" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>9</v></c><c r="B2" t="s"><v>10</v></c><c r="C2"><v>198001022386</v></c><c r="D2" s="4"><v>701234567</v></c><c r="E2" s="1"><v>29222</v></c><c r="F2" s="2"><v>45424.604166666664</v></c><c r="G2" s="3"><v>0.60468749999999993</v></c><c r="H2" s="5"><v>1234.5</v></c><c r="I2" t="s"><v>11</v></c></row>` +
					`<row r="3" spans="1:9" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>12</v></c><c r="B3" t="s"><v>10</v></c><c r="C3" t="s"><v>13</v></c><c r="D3" t="s"><v>14</v></c><c r="E3" s="6"><v>29223</v></c><c r="F3" s="2"><v>45425</v></c><c r="G3" s="3"><v>0.5</v></c><c r="H3" s="5"><v>-0.5</v></c><c r="I3" t="str"><f>"Ring"&amp;CHAR(13)&amp;CHAR(10)&amp;"igen"</f><v>Ring_x000D_` + "\n" + `igen</v></c></row>` +
					`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`},
				{"xl/styles.xml", xmlDecl + `<styleSheet ` + nsMain + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
					`<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd;@"/><numFmt numFmtId="165" formatCode="#,##0.00\ &quot;kr&quot;"/></numFmts>` +
					`<fonts count="1" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Aptos Narrow"/><family val="2"/><scheme val="minor"/></font></fonts>` +
					`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
					`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
					`<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
					`<xf numFmtId="21" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
					`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`},
				{"xl/sharedStrings.xml", sst("<t>Förnamn</t>", "<t>Efternamn</t>", "<t>Personnummer</t>", "<t>Telefon</t>", "<t>E-post</t>",
					"<t>Född</t>", "<t>Anmäld</t>", "<t>Tid</t>", "<t>Belopp</t>", "<t>Test</t>", "<t>Testsson</t>",
					"<t>Vill ha visning_x000D_\nlördag</t>", "<t>Åsa</t>", "<t>198001022394</t>", "<t>070-123 45 68</t>")},
			}
		},
		header: []string{"Förnamn", "Efternamn", "Personnummer", "Telefon", "E-post", "Född", "Anmäld", "Tid", "Belopp"},
		rows: []Row{
			{Number: 2, Cells: []string{"Test", "Testsson", "198001022386", "701234567", "1980-01-02", "2024-05-12 14:30", "14:30:45", "1234.5", "Vill ha visning\r\nlördag"}},
			{Number: 3, Cells: []string{"Åsa", "Testsson", "198001022394", "070-123 45 68", "1980-01-03", "2024-05-13", "12:00:00", "-0.5", "Ring\r\nigen"}},
		},
	},
	{
		// Excel for Mac (16.x) with the 1904 date system: workbookPr
		// with date1904, then an x14:workbookPr without it in the
		// extension list; a duration in [h]:mm:ss.
		file: "excel-mac-1904.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/worksheets/sheet1.xml", ctSheet,
					"/xl/styles.xml", ctStyles, "/xl/sharedStrings.xml", ctStrings)},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
					`<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="10711"/><workbookPr date1904="1" defaultThemeVersion="166925"/>` +
					`<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="/Users/test/Documents/" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>` +
					`<bookViews><workbookView xWindow="0" yWindow="500" windowWidth="28800" windowHeight="16360" xr2:uid="{6F5C7A7E-1B7A-0A4B-9F39-5D0C9C1E3F01}"/></bookViews>` +
					`<sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/>` +
					`<extLst><ext uri="{79F54976-1DA5-4618-B147-4CDE4B953A38}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:workbookPr/></ext>` +
					`<ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId3", "styles", "styles.xml", "rId1", "worksheet", "worksheets/sheet1.xml", "rId4", "sharedStrings", "sharedStrings.xml")},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + ` ` + nsR + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}">` +
					`<dimension ref="A1:D3"/><sheetViews><sheetView tabSelected="1" zoomScale="140" workbookViewId="0"/></sheetViews><sheetFormatPr baseColWidth="10" defaultRowHeight="16" x14ac:dyDescent="0.2"/><sheetData>` +
					`<row r="1" spans="1:4" x14ac:dyDescent="0.2"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
					`<row r="2" spans="1:4" x14ac:dyDescent="0.2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>24472</v></c><c r="C2" s="2"><v>43962.4375</v></c><c r="D2" s="3"><v>10.632060185185185</v></c></row>` +
					`<row r="3" spans="1:4" x14ac:dyDescent="0.2"><c r="A3" t="s"><v>5</v></c><c r="B3" s="1"><v>0</v></c><c r="C3" s="2"><v>1</v></c><c r="D3" s="3"><v>4.1666666666666664E-2</v></c></row>` +
					`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`},
				{"xl/styles.xml", xmlDecl + `<styleSheet ` + nsMain + `><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd\ hh:mm"/><numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts>` +
					`<fonts count="1"><font><sz val="12"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
					`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
					`<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
					`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
				{"xl/sharedStrings.xml", sst("<t>Namn</t>", "<t>Född</t>", "<t>Bokad</t>", "<t>Visningstid</t>", "<t>Test Testsson</t>", "<t>Testa Testsdotter</t>")},
			}
		},
		header: []string{"Namn", "Född", "Bokad", "Visningstid"},
		rows: []Row{
			{Number: 2, Cells: []string{"Test Testsson", "1971-01-01", "2024-05-12 10:30", "255:10:10"}},
			{Number: 3, Cells: []string{"Testa Testsdotter", "1904-01-01", "1904-01-02", "1:00:00"}},
		},
	},
	{
		// LibreOffice Calc with the 1904 date system (Tools > Options >
		// Calc > Calculate > 1904): date1904="true", t="n" numbers,
		// booleans, upper-case format codes with a locale.
		file: "libreoffice-1904.xlsx",
		parts: func() []part {
			return []part{
				{"_rels/.rels", rels("rId1", "officeDocument", "xl/workbook.xml")},
				{"xl/_rels/workbook.xml.rels", rels("rId1", "styles", "styles.xml", "rId2", "worksheet", "worksheets/sheet1.xml", "rId3", "sharedStrings", "sharedStrings.xml")},
				{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<workbook ` + nsMain + ` ` + nsR + `><fileVersion appName="Calc"/>` +
					`<workbookPr backupFile="false" showObjects="all" date1904="true"/><workbookProtection/><bookViews><workbookView showHorizontalScroll="true" showVerticalScroll="true" showSheetTabs="true" xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192" tabRatio="500" firstSheet="0" activeTab="0"/></bookViews>` +
					`<sheets><sheet name="Blad1" sheetId="1" state="visible" r:id="rId2"/></sheets><calcPr iterateCount="100" refMode="A1" iterate="false" iterateDelta="0.001"/></workbook>`},
				{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<styleSheet ` + nsMain + `><numFmts count="3"><numFmt numFmtId="164" formatCode="General"/><numFmt numFmtId="165" formatCode="[$-41D]YYYY\-MM\-DD"/><numFmt numFmtId="166" formatCode="[$-41D]YYYY\-MM\-DD\ HH:MM:SS"/></numFmts>` +
					`<fonts count="1"><font><sz val="10"/><name val="Arial"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border diagonalUp="false" diagonalDown="false"><left/><right/><top/><bottom/><diagonal/></border></borders>` +
					`<cellStyleXfs count="1"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyFont="true" applyBorder="true" applyAlignment="true" applyProtection="true"/></cellStyleXfs>` +
					`<cellXfs count="3"><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyFont="false" applyBorder="false" applyAlignment="false" applyProtection="false"/></cellXfs>` +
					`<cellStyles count="1"><cellStyle name="Default" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
				{"xl/worksheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + nsMain + ` ` + nsR + `><sheetPr filterMode="false"><pageSetUpPr fitToPage="false"/></sheetPr><dimension ref="A1:E3"/>` +
					`<sheetViews><sheetView showFormulas="false" showGridLines="true" showRowColHeaders="true" showZeros="true" rightToLeft="false" tabSelected="true" showOutlineSymbols="true" defaultGridColor="true" view="normal" topLeftCell="A1" colorId="64" zoomScale="100" zoomScaleNormal="100" zoomScalePageLayoutView="100" workbookViewId="0"><selection pane="topLeft" activeCell="A1" activeCellId="0" sqref="A1"/></sheetView></sheetViews>` +
					`<sheetFormatPr defaultColWidth="11.53515625" defaultRowHeight="12.8" zeroHeight="false" outlineLevelRow="0" outlineLevelCol="0"/><sheetData>` +
					`<row r="1" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A1" s="0" t="s"><v>0</v></c><c r="B1" s="0" t="s"><v>1</v></c><c r="C1" s="0" t="s"><v>2</v></c><c r="D1" s="0" t="s"><v>3</v></c><c r="E1" s="0" t="s"><v>4</v></c></row>` +
					`<row r="2" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A2" s="0" t="s"><v>5</v></c><c r="B2" s="0" t="n"><v>198001032385</v></c><c r="C2" s="1" t="n"><v>27395</v></c><c r="D2" s="2" t="n"><v>43962.6046875</v></c><c r="E2" s="0" t="b"><v>1</v></c></row>` +
					`<row r="3" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A3" s="0" t="s"><v>6</v></c><c r="B3" s="0" t="n"><v>198001032393</v></c><c r="C3" s="1" t="n"><v>27396</v></c><c r="D3" s="2" t="n"><v>43963</v></c><c r="E3" s="0" t="b"><v>0</v></c></row>` +
					`</sheetData><printOptions headings="false" gridLines="false" gridLinesSet="true" horizontalCentered="false" verticalCentered="false"/><pageMargins left="0.7875" right="0.7875" top="1.05277777777778" bottom="1.05277777777778" header="0.7875" footer="0.7875"/></worksheet>`},
				{"xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<sst ` + nsMain + ` count="7" uniqueCount="7"><si><t xml:space="preserve">Namn</t></si><si><t xml:space="preserve">Personnummer</t></si><si><t xml:space="preserve">Född</t></si><si><t xml:space="preserve">Anmäld</t></si><si><t xml:space="preserve">Samtycke</t></si><si><t xml:space="preserve">Test Testsson</t></si><si><t xml:space="preserve">Åsa Testsson </t></si></sst>`},
				{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + contentTypes("/_rels/.rels", "application/vnd.openxmlformats-package.relationships+xml",
					"/xl/workbook.xml", ctWorkbk, "/xl/styles.xml", ctStyles, "/xl/worksheets/sheet1.xml", ctSheet, "/xl/sharedStrings.xml", ctStrings)[len(xmlDecl):]},
			}
		},
		header: []string{"Namn", "Personnummer", "Född", "Anmäld", "Samtycke"},
		rows: []Row{
			{Number: 2, Cells: []string{"Test Testsson", "198001032385", "1979-01-02", "2024-05-12 14:30:45", "TRUE"}},
			{Number: 3, Cells: []string{"Åsa Testsson ", "198001032393", "1979-01-03", "2024-05-13", "FALSE"}},
		},
	},
	{
		// A Google Sheets download (File > Download > .xlsx): sheet
		// state="visible", a frozen header, shared strings, a date-time
		// with seconds and a duration as Sheets formats them.
		file: "google-sheets.xlsx",
		parts: func() []part {
			return []part{
				{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" ?>` + "\n" + rels("rId1", "styles", "styles.xml", "rId2", "sharedStrings", "sharedStrings.xml", "rId3", "worksheet", "worksheets/sheet1.xml")[len(xmlDecl):]},
				{"xl/worksheets/sheet1.xml", `<?xml version="1.0" ?>` + "\n" + `<worksheet ` + nsMain + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
					`<sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"><pane ySplit="1.0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection activeCell="B3" sqref="B3" pane="bottomLeft"/></sheetView></sheetViews>` +
					`<sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/><sheetData>` +
					`<row r="1"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c><c r="D1" s="1" t="s"><v>3</v></c><c r="E1" s="1" t="s"><v>4</v></c></row>` +
					`<row r="2"><c r="A2" s="2" t="s"><v>5</v></c><c r="B2" s="3"><v>45424.60468749999</v></c><c r="C2" s="2" t="s"><v>6</v></c><c r="D2" s="4"><v>198001042384</v></c><c r="E2" s="5"><v>0.0625</v></c></row>` +
					`<row r="3"><c r="A3" s="2" t="s"><v>7</v></c><c r="B3" s="3"><v>45425.5</v></c><c r="C3" s="2" t="s"><v>8</v></c><c r="D3" s="4"><v>198001042392</v></c><c r="E3" s="5"><v>1.25</v></c></row>` +
					`</sheetData><drawing r:id="rId1"/></worksheet>`},
				{"xl/sharedStrings.xml", `<?xml version="1.0" ?>` + "\n" + `<sst ` + nsMain + ` count="9" uniqueCount="9"><si><t>Namn</t></si><si><t>Tidstämpel</t></si><si><t>E-postadress</t></si><si><t>Personnummer</t></si><si><t>Restid</t></si>` +
					`<si><t>Test Testsson</t></si><si><t>test@example.se</t></si><si><t>Testa Testsdotter</t></si><si><t>testa@example.se</t></si></sst>`},
				{"xl/styles.xml", `<?xml version="1.0" ?>` + "\n" + `<styleSheet ` + nsMain + ` xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
					`<numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd h:mm:ss"/><numFmt numFmtId="165" formatCode="0"/><numFmt numFmtId="166" formatCode="[h]:mm:ss"/></numFmts>` +
					`<fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font><font><b/><color theme="1"/><name val="Arial"/><scheme val="minor"/></font></fonts>` +
					`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs>` +
					`<cellXfs count="6"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf><xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf>` +
					`<xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0"/></xf><xf borderId="0" fillId="0" fontId="0" numFmtId="164" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf>` +
					`<xf borderId="0" fillId="0" fontId="0" numFmtId="165" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf><xf borderId="0" fillId="0" fontId="0" numFmtId="166" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment readingOrder="0"/></xf></cellXfs>` +
					`<cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`},
				{"xl/workbook.xml", `<?xml version="1.0" ?>` + "\n" + `<workbook ` + nsMain + ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
					`<workbookPr/><sheets><sheet state="visible" name="Formulärsvar 1" sheetId="1" r:id="rId3"/></sheets><definedNames/><calcPr/></workbook>`},
				{"_rels/.rels", `<?xml version="1.0" ?>` + "\n" + rootRels[len(xmlDecl):]},
				{"[Content_Types].xml", `<?xml version="1.0" ?>` + "\n" + contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/styles.xml", ctStyles, "/xl/sharedStrings.xml", ctStrings, "/xl/worksheets/sheet1.xml", ctSheet)[len(xmlDecl):]},
			}
		},
		header: []string{"Namn", "Tidstämpel", "E-postadress", "Personnummer", "Restid"},
		rows: []Row{
			{Number: 2, Cells: []string{"Test Testsson", "2024-05-12 14:30:45", "test@example.se", "198001042384", "1:30:00"}},
			{Number: 3, Cells: []string{"Testa Testsdotter", "2024-05-13 12:00:00", "testa@example.se", "198001042392", "30:00:00"}},
		},
	},
	{
		// An Apple Numbers export (File > Export To > Excel): the sheet
		// named after the sheet and table, the table's name in a merged
		// first row, inline-free shared strings.
		file: "numbers.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/worksheets/sheet1.xml", ctSheet, "/xl/styles.xml", ctStyles, "/xl/sharedStrings.xml", ctStrings)},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + `><workbookPr date1904="0"/><bookViews><workbookView xWindow="0" yWindow="40" windowWidth="15360" windowHeight="8820" tabRatio="500" activeTab="0"/></bookViews>` +
					`<sheets><sheet name="Blad 1 - Tabell 1" sheetId="1" r:id="rId4"/></sheets></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId1", "sharedStrings", "sharedStrings.xml", "rId2", "styles", "styles.xml", "rId4", "worksheet", "worksheets/sheet1.xml")},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + ` ` + nsR + `><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:C4"/><sheetViews><sheetView workbookViewId="0" showGridLines="0" defaultGridColor="1"/></sheetViews>` +
					`<sheetFormatPr defaultColWidth="16.3333" defaultRowHeight="19.9" customHeight="1" outlineLevelRow="0" outlineLevelCol="0"/><cols><col min="1" max="3" width="16.3516" style="1" customWidth="1"/></cols><sheetData>` +
					`<row r="1" ht="27.65" customHeight="1"><c r="A1" t="s" s="2"><v>0</v></c><c r="B1" s="2"/><c r="C1" s="2"/></row>` +
					`<row r="2" ht="20.25" customHeight="1"><c r="A2" t="s" s="3"><v>1</v></c><c r="B2" t="s" s="3"><v>2</v></c><c r="C2" t="s" s="3"><v>3</v></c></row>` +
					`<row r="3" ht="20.05" customHeight="1"><c r="A3" t="s" s="4"><v>4</v></c><c r="B3" s="5"><v>198001052383</v></c><c r="C3" s="6"><v>45424</v></c></row>` +
					`<row r="4" ht="20.05" customHeight="1"><c r="A4" t="s" s="4"><v>5</v></c><c r="B4" s="5"><v>198001052391</v></c><c r="C4" s="6"><v>45425</v></c></row>` +
					`</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.25" footer="0.25"/><pageSetup firstPageNumber="1" fitToHeight="1" fitToWidth="1" scale="100" useFirstPageNumber="0" orientation="portrait" pageOrder="downThenOver"/><headerFooter><oddFooter>&amp;C&amp;"Helvetica Neue,Regular"&amp;12&amp;K000000&amp;P</oddFooter></headerFooter></worksheet>`},
				{"xl/styles.xml", xmlDecl + `<styleSheet ` + nsMain + `><numFmts count="1"><numFmt numFmtId="0" formatCode="General"/></numFmts><fonts count="1"><font><sz val="10"/><color indexed="8"/><name val="Helvetica Neue"/></font></fonts>` +
					`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" applyNumberFormat="0" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf></cellStyleXfs>` +
					`<cellXfs count="7"><xf numFmtId="0" fontId="0" applyNumberFormat="0" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
					`<xf numFmtId="0" fontId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="49" fontId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf>` +
					`<xf numFmtId="49" fontId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment horizontal="right" vertical="top" wrapText="1"/></xf><xf numFmtId="14" fontId="0" applyNumberFormat="1" applyFont="1" applyFill="0" applyBorder="0" applyAlignment="1" applyProtection="0"><alignment horizontal="right" vertical="top" wrapText="1"/></xf></cellXfs>` +
					`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
				{"xl/sharedStrings.xml", sst("<t>Tabell 1</t>", "<t>Namn</t>", "<t>Personnummer</t>", "<t>Visning</t>", "<t>Test Testsson</t>", "<t>Testa Testsdotter</t>")},
			}
		},
		opt:    Options{HeaderRow: 2},
		header: []string{"Namn", "Personnummer", "Visning"},
		rows: []Row{
			{Number: 3, Cells: []string{"Test Testsson", "198001052383", "2024-05-12"}},
			{Number: 4, Cells: []string{"Testa Testsdotter", "198001052391", "2024-05-13"}},
		},
	},
	{
		// WPS Office (Tencent's office suite) writes t="s" on cells it
		// styled as text but left empty, without a v; Excel shows them
		// empty. Its date format is yyyy/m/d.
		file: "wps-tencent.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/worksheets/sheet1.xml", ctSheet, "/xl/styles.xml", ctStyles, "/xl/sharedStrings.xml", ctStrings)},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + `><workbookPr/><bookViews><workbookView windowWidth="28800" windowHeight="12540"/></bookViews>` +
					`<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="144525"/></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId4", "sharedStrings", "sharedStrings.xml", "rId3", "styles", "styles.xml", "rId1", "worksheet", "worksheets/sheet1.xml")},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + ` ` + nsR + ` xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">` +
					`<sheetPr/><dimension ref="A1:D3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="D5" sqref="D5"/></sheetView></sheetViews><sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5" outlineLevelRow="2" outlineLevelCol="3"/><sheetData>` +
					`<row r="1" spans="1:4"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1" t="s"><v>1</v></c><c r="C1" s="1" t="s"><v>2</v></c><c r="D1" s="1" t="s"><v>3</v></c></row>` +
					`<row r="2" spans="1:4"><c r="A2" s="1" t="s"><v>4</v></c><c r="B2" s="1" t="s"/><c r="C2" s="2"><v>45424</v></c><c r="D2" s="1" t="s"><v>5</v></c></row>` +
					`<row r="3" spans="1:4"><c r="A3" s="1" t="s"><v>6</v></c><c r="B3" s="1" t="s"><v>7</v></c><c r="C3" s="2"><v>45425</v></c><c r="D3" s="1" t="s"/></row>` +
					`</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><headerFooter/></worksheet>`},
				{"xl/styles.xml", xmlDecl + `<styleSheet ` + nsMain + ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">` +
					`<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy/m/d"/></numFmts><fonts count="1"><font><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
					`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>` +
					`<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="center"/></xf></cellXfs>` +
					`<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
				{"xl/sharedStrings.xml", sst("<t>Namn</t>", "<t>Telefon</t>", "<t>Datum</t>", "<t>Kommentar</t>", "<t>Test Testsson</t>", "<t>ring efter 17</t>", "<t>Testa Testsdotter</t>", "<t>0701234569</t>")},
			}
		},
		header: []string{"Namn", "Telefon", "Datum", "Kommentar"},
		rows: []Row{
			{Number: 2, Cells: []string{"Test Testsson", "", "2024-05-12", "ring efter 17"}},
			{Number: 3, Cells: []string{"Testa Testsdotter", "0701234569", "2024-05-13"}},
		},
		warnings: []string{`testdata/xlsx/wps-tencent.xlsx: sheet "Sheet1": 2 text cells without a text the workbook has (a shared string missing; the first is B2), read as empty as Excel shows them: check them in Excel`},
	},
	{
		// Only inline strings, as programs that stream a sheet out write
		// it (no shared strings part), one with a stray v, one escaped.
		file: "inline-strings.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/worksheets/sheet1.xml", ctSheet)},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + `><sheets><sheet name="Export" sheetId="1" r:id="rId1"/></sheets></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId1", "worksheet", "worksheets/sheet1.xml")},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + `><sheetData>` +
					`<row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c><c r="B1" t="inlineStr"><is><t>Namn</t></is></c><c r="C1" t="inlineStr"><is><t>Personnummer</t></is></c><c r="D1" t="inlineStr"><is><t>Meddelande</t></is></c></row>` +
					`<row r="2"><c r="A2" t="inlineStr"><is><t>1.</t></is><v>1.0</v></c><c r="B2" t="inlineStr"><is><t>Test Testsson</t></is></c><c r="C2" t="inlineStr"><is><t>198001062382</t></is></c><c r="D2" t="inlineStr"><is><t xml:space="preserve">Hej!_x000D_` + "\n" + `Ring mig</t></is></c></row>` +
					`<row r="3"><c r="A3" t="inlineStr"><is><t>2.</t></is></c><c r="B3" t="inlineStr"><is><t>Testa Testsdotter</t></is></c><c r="C3"><v>198001062390</v></c><c r="D3" t="inlineStr"><is><t>_x005F_x000D_ är ingen radbrytning</t></is></c></row>` +
					`</sheetData></worksheet>`},
			}
		},
		header: []string{"Nr", "Namn", "Personnummer", "Meddelande"},
		rows: []Row{
			{Number: 2, Cells: []string{"1.", "Test Testsson", "198001062382", "Hej!\r\nRing mig"}},
			{Number: 3, Cells: []string{"2.", "Testa Testsdotter", "198001062390", "_x000D_ är ingen radbrytning"}},
		},
	},
	{
		// Rich text runs and phonetic guides (rPh, as Japanese Excel
		// writes furigana), which are not part of what the cell shows.
		file: "rich-text-phonetic.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/worksheets/sheet1.xml", ctSheet, "/xl/sharedStrings.xml", ctStrings)},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + `><workbookPr/><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId1", "worksheet", "worksheets/sheet1.xml", "rId2", "sharedStrings", "sharedStrings.xml")},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + `><sheetData>` +
					`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
					`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>` +
					`<row r="3"><c r="A3" t="s"><v>4</v></c><c r="B3" t="inlineStr"><is><r><t>Ort: </t></r><r><rPr><b/><sz val="11"/><rFont val="Calibri"/></rPr><t>Lund</t></r><rPh sb="0" eb="3"><t>ルンド</t></rPh></is></c></row>` +
					`</sheetData><phoneticPr fontId="1"/></worksheet>`},
				{"xl/sharedStrings.xml", sst(`<r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t>Namn</t></r><r><rPr><sz val="11"/><color theme="1"/><rFont val="Calibri"/><family val="2"/><scheme val="minor"/></rPr><t xml:space="preserve"> (för- och efternamn)</t></r>`,
					`<t>Anteckning</t><phoneticPr fontId="1"/>`,
					`<t>テスト太郎</t><rPh sb="0" eb="3"><t>テスト</t></rPh><rPh sb="3" eb="5"><t>タロウ</t></rPh><phoneticPr fontId="1"/>`,
					`<r><t xml:space="preserve">Vill </t></r><r><rPr><i/><sz val="11"/><rFont val="Calibri"/></rPr><t>gärna</t></r><r><t xml:space="preserve"> komma</t></r>`,
					`<r><rPr><u/></rPr><t>Test</t></r><r><t xml:space="preserve"> Testsson</t></r>`)},
			}
		},
		header: []string{"Namn (för- och efternamn)", "Anteckning"},
		rows: []Row{
			{Number: 2, Cells: []string{"テスト太郎", "Vill gärna komma"}},
			{Number: 3, Cells: []string{"Test Testsson", "Ort: Lund"}},
		},
	},
	{
		// A header of two rows, as sign-up sheets have: a group name
		// merged over its columns above the column names, one of which
		// is merged over two columns.
		file: "merged-header.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/worksheets/sheet1.xml", ctSheet, "/xl/sharedStrings.xml", ctStrings)},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + `><workbookPr defaultThemeVersion="166925"/><sheets><sheet name="Visning" sheetId="1" r:id="rId1"/></sheets></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId1", "worksheet", "worksheets/sheet1.xml", "rId2", "sharedStrings", "sharedStrings.xml")},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + `><dimension ref="A1:D4"/><sheetData>` +
					`<row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>` +
					`<row r="2" spans="1:4"><c r="A2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c></row>` +
					`<row r="3" spans="1:4"><c r="A3" t="s"><v>5</v></c><c r="B3" t="s"><v>6</v></c><c r="C3" t="s"><v>7</v></c><c r="D3" t="s"><v>8</v></c></row>` +
					`<row r="4" spans="1:4"><c r="A4" t="s"><v>9</v></c><c r="B4" t="s"><v>6</v></c><c r="C4" t="s"><v>10</v></c></row>` +
					`</sheetData><mergeCells count="3"><mergeCell ref="A1:B1"/><mergeCell ref="C1:D1"/><mergeCell ref="A2:B2"/></mergeCells></worksheet>`},
				{"xl/sharedStrings.xml", sst("<t>Person</t>", "<t>Kontakt</t>", "<t>Namn</t>", "<t>Telefon</t>", "<t>E-post</t>", "<t>Test</t>", "<t>Testsson</t>",
					"<t>0701234567</t>", "<t>test@example.se</t>", "<t>Åsa</t>", "<t>0701234568</t>")},
			}
		},
		opt:    Options{HeaderRow: 2},
		header: []string{"Namn", "Namn", "Telefon", "E-post"},
		rows: []Row{
			{Number: 3, Cells: []string{"Test", "Testsson", "0701234567", "test@example.se"}},
			{Number: 4, Cells: []string{"Åsa", "Testsson", "0701234568"}},
		},
	},
	{
		// Lookup lists kept in a hidden and a very hidden sheet before
		// the one to read.
		file: "hidden-sheets.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/worksheets/sheet1.xml", ctSheet, "/xl/worksheets/sheet2.xml", ctSheet, "/xl/worksheets/sheet3.xml", ctSheet, "/xl/sharedStrings.xml", ctStrings)},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + `><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView activeTab="2"/></bookViews>` +
					`<sheets><sheet name="Listor" sheetId="1" state="hidden" r:id="rId1"/><sheet name="Koder" sheetId="2" state="veryHidden" r:id="rId2"/><sheet name="Anmälda" sheetId="3" r:id="rId3"/></sheets></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId1", "worksheet", "worksheets/sheet1.xml", "rId2", "worksheet", "worksheets/sheet2.xml", "rId3", "worksheet", "worksheets/sheet3.xml", "rId4", "sharedStrings", "sharedStrings.xml")},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>`},
				{"xl/worksheets/sheet2.xml", xmlDecl + `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1" t="s"><v>2</v></c></row><row r="2"><c r="A2"><v>17</v></c></row></sheetData></worksheet>`},
				{"xl/worksheets/sheet3.xml", xmlDecl + `<worksheet ` + nsMain + `><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetData>` +
					`<row r="1"><c r="A1" t="s"><v>3</v></c><c r="B1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>1</v></c></row></sheetData></worksheet>`},
				{"xl/sharedStrings.xml", sst("<t>Ort</t>", "<t>Lund</t>", "<t>Kod</t>", "<t>Namn</t>", "<t>Test Testsson</t>")},
			}
		},
		header: []string{"Namn", "Ort"},
		rows:   []Row{{Number: 2, Cells: []string{"Test Testsson", "Lund"}}},
	},
	{
		// A chart moved to a sheet of its own (Move Chart > New sheet),
		// which Excel puts before the data.
		file: "chart-first.xlsx",
		parts: func() []part {
			return []part{
				{"[Content_Types].xml", contentTypes("/xl/workbook.xml", ctWorkbk, "/xl/chartsheets/sheet1.xml", ctChart, "/xl/worksheets/sheet1.xml", ctSheet, "/xl/sharedStrings.xml", ctStrings,
					"/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml", "/xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml")},
				{"_rels/.rels", rootRels},
				{"xl/workbook.xml", xmlDecl + `<workbook ` + nsMain + ` ` + nsR + `><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView activeTab="0"/></bookViews>` +
					`<sheets><sheet name="Diagram1" sheetId="2" r:id="rId2"/><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
				{"xl/_rels/workbook.xml.rels", rels("rId1", "worksheet", "worksheets/sheet1.xml", "rId2", "chartsheet", "chartsheets/sheet1.xml", "rId3", "sharedStrings", "sharedStrings.xml")},
				{"xl/chartsheets/sheet1.xml", xmlDecl + `<chartsheet ` + nsMain + ` ` + nsR + `><sheetPr/><sheetViews><sheetView tabSelected="1" zoomScale="115" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`},
				{"xl/chartsheets/_rels/sheet1.xml.rels", rels("rId1", "drawing", "../drawings/drawing1.xml")},
				{"xl/drawings/drawing1.xml", xmlDecl + `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666400" cy="6300000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></xdr:cNvGraphicFramePr></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` + nsR + ` r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:absoluteAnchor></xdr:wsDr>`},
				{"xl/drawings/_rels/drawing1.xml.rels", rels("rId1", "chart", "../charts/chart1.xml")},
				{"xl/charts/chart1.xml", xmlDecl + `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` + nsR + `><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>Blad1!$B$2:$B$3</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>`},
				{"xl/worksheets/sheet1.xml", xmlDecl + `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
					`<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>3</v></c></row><row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>5</v></c></row></sheetData></worksheet>`},
				{"xl/sharedStrings.xml", sst("<t>Namn</t>", "<t>Besök</t>", "<t>Test Testsson</t>", "<t>Testa Testsdotter</t>")},
			}
		},
		header: []string{"Namn", "Besök"},
		rows: []Row{
			{Number: 2, Cells: []string{"Test Testsson", "3"}},
			{Number: 3, Cells: []string{"Testa Testsdotter", "5"}},
		},
	},
}

// corpusTime is every entry's modification time, so that writing the
// corpus again changes no file that the generator did not change.
var corpusTime = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// zipParts writes parts into a zip, deflated, in their order.
func zipParts(t testing.TB, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: corpusTime})
		require.NoError(t, err)
		_, err = io.WriteString(w, p.body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// unzipParts reads a zip's entries back, in order.
func unzipParts(t testing.TB, data []byte) []part {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var parts []part
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		body, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		parts = append(parts, part{f.Name, string(body)})
	}
	return parts
}

func TestXLSXCorpus(t *testing.T) {
	if *updateCorpus {
		require.NoError(t, os.MkdirAll(corpusDir, 0o755))
		for _, b := range corpus {
			require.NoError(t, os.WriteFile(filepath.Join(corpusDir, b.file), zipParts(t, b.parts()), 0o644))
		}
	}
	for _, b := range corpus {
		t.Run(b.file, func(t *testing.T) {
			path := filepath.Join(corpusDir, b.file)
			data, err := os.ReadFile(path)
			require.NoError(t, err, "go test ./importer/source -run TestXLSXCorpus -update-corpus writes it")
			assert.Less(t, len(data), 8<<10, "a few KB")
			require.Equal(t, b.parts(), unzipParts(t, data), "the file holds what the generator writes: go test ./importer/source -run TestXLSXCorpus -update-corpus")

			var warnings []string
			opt := b.opt
			opt.Warn = func(m msg.Message) { warnings = append(warnings, msg.English.Say(m)) }
			r, err := Open(path, opt)
			require.NoError(t, err)
			defer r.Close()
			assert.Equal(t, b.header, r.Header())
			assert.Equal(t, b.rows, readAll(t, r))
			want := slices.Clone(b.warnings)
			for i := range want {
				want[i] = strings.Replace(want[i], "testdata/xlsx/", corpusDir+"/", 1)
			}
			assert.Equal(t, want, warnings)
		})
	}
}

// TestXLSXCorpusNamedChart: the chart sheet of chart-first.xlsx named.
func TestXLSXCorpusNamedChart(t *testing.T) {
	path := filepath.Join(corpusDir, "chart-first.xlsx")
	_, err := Open(path, Options{Sheet: "Diagram1"})
	assert.EqualError(t, err, path+`: sheet "Diagram1" is a chart, with no rows to read: name a worksheet: Blad1`)
}

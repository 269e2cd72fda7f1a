package source

import (
	"encoding/binary"
	"errors"
	"io"
	"leadimport/importer/msg"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// utf16Bytes encodes s as UTF-16 with a byte order mark, as Excel's
// "Unicode Text" and old Windows systems write it.
func utf16Bytes(s string, bigEndian, bom bool) string {
	var order binary.AppendByteOrder = binary.LittleEndian
	if bigEndian {
		order = binary.BigEndian
	}
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	b := make([]byte, 0, 2*len(units))
	for _, u := range units {
		b = order.AppendUint16(b, u)
	}
	return string(b)
}

func TestCSVEncodingsAndLayouts(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		opt      Options
		header   []string
		rows     []Row
		describe string
	}{
		{
			name: "Windows-1252 with semicolons, as Swedish Excel saves CSV",
			// å ä ö Å Ä Ö are E5 E4 F6 C5 C4 D6 in Windows-1252; € is 80.
			in:       "Namn;Ort;Belopp\r\nAnna \xc5berg;V\xe4xj\xf6;100 \x80\r\nBo \xd6hman;\xc4lmhult;50\r\n",
			header:   []string{"Namn", "Ort", "Belopp"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna Åberg", "Växjö", "100 €"}}, {Number: 3, Cells: []string{"Bo Öhman", "Älmhult", "50"}}},
			describe: "x.csv: windows-1252, ';', header on row 1, 3 columns",
		},
		{
			name:     "Windows-1252 named in Options, for a file whose start is ASCII",
			in:       "namn,ort\nBo,Malm\xf6\n",
			opt:      Options{Encoding: "cp1252"},
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Bo", "Malmö"}}},
			describe: "x.csv: windows-1252, ',', header on row 1, 2 columns",
		},
		{
			name:     "latin1 is read as Windows-1252",
			in:       "namn;ort\nBo;G\xe4vle\n",
			opt:      Options{Encoding: "ISO-8859-1"},
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Bo", "Gävle"}}},
			describe: "x.csv: windows-1252, ';', header on row 1, 2 columns",
		},
		{
			name:     "UTF-16 LE with BOM",
			in:       utf16Bytes("Namn\tOrt\r\nÅsa\tLuleå\r\n😀 Bo\tÖrebro\r\n", false, true),
			header:   []string{"Namn", "Ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Åsa", "Luleå"}}, {Number: 3, Cells: []string{"😀 Bo", "Örebro"}}},
			describe: "x.csv: utf-16le, tab, header on row 1, 2 columns",
		},
		{
			name:     "UTF-16 BE with BOM",
			in:       utf16Bytes("Namn;Ort\nÅsa;Luleå\n", true, true),
			header:   []string{"Namn", "Ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Åsa", "Luleå"}}},
			describe: "x.csv: utf-16be, ';', header on row 1, 2 columns",
		},
		{
			name:     "UTF-16 LE without BOM is known by its NULs",
			in:       utf16Bytes("Namn;Ort\nÅsa;Luleå\n", false, false),
			header:   []string{"Namn", "Ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Åsa", "Luleå"}}},
			describe: "x.csv: utf-16le, ';', header on row 1, 2 columns",
		},
		{
			name:     "utf-16 named in Options takes the byte order from the BOM",
			in:       utf16Bytes("Namn;Ort\nÅsa;Luleå\n", true, true),
			opt:      Options{Encoding: "utf-16"},
			header:   []string{"Namn", "Ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Åsa", "Luleå"}}},
			describe: "x.csv: utf-16be, ';', header on row 1, 2 columns",
		},
		{
			name:     "a BOM wins over the encoding named in Options",
			in:       "\xEF\xBB\xBFnamn;ort\nBo;Malmö\n",
			opt:      Options{Encoding: "windows-1252"},
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Bo", "Malmö"}}},
			describe: "x.csv: utf-8 with BOM, ';', header on row 1, 2 columns",
		},
		{
			name:     "UTF-8 with BOM",
			in:       "\xEF\xBB\xBFnamn,ort\nBo,Malmö\n",
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Bo", "Malmö"}}},
			describe: "x.csv: utf-8 with BOM, ',', header on row 1, 2 columns",
		},
		{
			name:     "a U+FFFD that is in the UTF-8 file is text",
			in:       "namn,ort\nBo,\uFFFD\n",
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Bo", "\uFFFD"}}},
			describe: "x.csv: utf-8, ',', header on row 1, 2 columns",
		},
		{
			name:     "CR-only line ends, in a quoted cell too",
			in:       "namn,ort\r\"Anna\rAndersson\",Lund\r\rBo,Malmö\r",
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna\nAndersson", "Lund"}}, {Number: 4, Cells: []string{"Bo", "Malmö"}}},
			describe: "x.csv: utf-8, ',', header on row 1, 2 columns",
		},
		{
			name:     "CR-only Windows-1252",
			in:       "namn;ort\rBo;Malm\xf6\r",
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Bo", "Malmö"}}},
			describe: "x.csv: windows-1252, ';', header on row 1, 2 columns",
		},
		{
			name:     "pipes",
			in:       "namn|personnummer|ort\nAnna|198001022386|Lund\n",
			header:   []string{"namn", "personnummer", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna", "198001022386", "Lund"}}},
			describe: "x.csv: utf-8, '|', header on row 1, 3 columns",
		},
		{
			name: "the header line alone would say comma; the rows say pipe",
			in:   "Kund, namn, fullständigt|Ort\nAnna|Lund\nBo|Malmö\nCecilia|Ystad\n",
			// Two commas on the header, one pipe on every line.
			header:   []string{"Kund, namn, fullständigt", "Ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna", "Lund"}}, {Number: 3, Cells: []string{"Bo", "Malmö"}}, {Number: 4, Cells: []string{"Cecilia", "Ystad"}}},
			describe: "x.csv: utf-8, '|', header on row 1, 2 columns",
		},
		{
			name:     "a delimiter named in Options",
			in:       "namn;ort,land\nBo;Lund,SE\n",
			opt:      Options{Delimiter: ','},
			header:   []string{"namn;ort", "land"},
			rows:     []Row{{Number: 2, Cells: []string{"Bo;Lund", "SE"}}},
			describe: "x.csv: utf-8, ',', header on row 1, 2 columns",
		},
		{
			name: "a title row above the header, found by the names",
			in:   "Visning Storgatan 1, 12 maj\n\nNamn;Personnummer;Telefon\nAnna;198001022386;0701234567\n",
			opt:  Options{Headers: []string{"namn", " PERSONNUMMER\u00a0"}},
			// The title's comma is outvoted by the semicolons of the rows.
			header:   []string{"Namn", "Personnummer", "Telefon"},
			rows:     []Row{{Number: 4, Cells: []string{"Anna", "198001022386", "0701234567"}}},
			describe: "x.csv: utf-8, ';', header on row 3, 3 columns",
		},
		{
			name:   "without a row holding every name, the one holding most",
			in:     "Anmälan;;\nNamn;Pnr;Telefon\nAnna;198001022386;0701234567\n",
			opt:    Options{Headers: []string{"Namn", "Personnummer", "Telefon"}},
			header: []string{"Namn", "Pnr", "Telefon"},
			rows:   []Row{{Number: 3, Cells: []string{"Anna", "198001022386", "0701234567"}}},
		},
		{
			name:   "without any name, the first non-blank row",
			in:     "\nA;B\n1;2\n",
			opt:    Options{Headers: []string{"Namn"}},
			header: []string{"A", "B"},
			rows:   []Row{{Number: 3, Cells: []string{"1", "2"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewCSV(strings.NewReader(tt.in), "x.csv", tt.opt)
			require.NoError(t, err)
			defer r.Close()
			assert.Equal(t, tt.header, r.Header())
			assert.Equal(t, tt.rows, readAll(t, r))
			if tt.describe != "" {
				assert.Equal(t, tt.describe, msg.English.Say(r.Description()))
			}
		})
	}
}

// TestCSVBadRowsInGoodFiles: a row the encoding cannot decode, or over
// Excel's limits, is a RowError and the next row is read.
func TestCSVBadRowsInGoodFiles(t *testing.T) {
	// More ASCII than the 64 KiB the encoding is chosen from.
	ascii := strings.Repeat("Anna;Lund\n", sniffSize/10+1)
	asciiRows := sniffSize/10 + 1
	tests := []struct {
		name  string
		in    string
		row   int
		is    error
		msg   string
		after Row
	}{
		{
			name:  "a late row that is not UTF-8",
			in:    "namn;ort\n" + ascii + "Bo;Malm\xf6\nCecilia;Ystad\n",
			row:   asciiRows + 2,
			is:    ErrNotUTF8,
			msg:   `bytes that are not UTF-8 in column B, though the start of the file is UTF-8: fix the cell, or if Excel saved the file as plain "CSV", set input.encoding or --encoding windows-1252`,
			after: Row{Number: asciiRows + 3, Cells: []string{"Cecilia", "Ystad"}},
		},
		{
			name:  "a byte Windows-1252 does not define",
			in:    "namn;ort\nBo;Malm\xf6\x81\nCecilia;Ystad\n",
			row:   2,
			is:    ErrUndecodable,
			msg:   `characters the encoding cannot represent: the cell in column B holds byte 0x81, which windows-1252 does not define, so the file is in another encoding: save it from Excel as "CSV UTF-8" (File > Save As) and try again`,
			after: Row{Number: 3, Cells: []string{"Cecilia", "Ystad"}},
		},
		{
			name:  "an unpaired UTF-16 surrogate",
			in:    utf16Bytes("namn;ort\nBo;", false, true) + "\x00\xd8" + utf16Bytes("x\nCecilia;Ystad\n", false, false),
			row:   2,
			is:    ErrUndecodable,
			msg:   "the cell in column B holds a broken utf-16le character, so the file is damaged",
			after: Row{Number: 3, Cells: []string{"Cecilia", "Ystad"}},
		},
		{
			name:  "a cell over 32,767 characters",
			in:    "namn;ort\nBo;" + strings.Repeat("ö", maxCellChars+1) + "\nCecilia;Ystad\n",
			row:   2,
			is:    ErrTooLarge,
			msg:   "too large: the cell in column B has 32768 characters, more than the 32,767 Excel allows in a cell",
			after: Row{Number: 3, Cells: []string{"Cecilia", "Ystad"}},
		},
		{
			name:  "a row over 16,384 cells",
			in:    "namn;ort\n" + strings.Repeat("x;", maxCells) + "x\nCecilia;Ystad\n",
			row:   2,
			is:    ErrTooLarge,
			msg:   "too large: the row has 16385 cells, more than the 16,384 columns Excel has",
			after: Row{Number: 3, Cells: []string{"Cecilia", "Ystad"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewCSV(strings.NewReader(tt.in), "x.csv", Options{})
			require.NoError(t, err)
			for {
				row, err := r.Next()
				require.NotEqual(t, io.EOF, err, "no error before the end")
				if err == nil {
					require.Less(t, row.Number, tt.row)
					continue
				}
				var rowErr *RowError
				require.ErrorAs(t, err, &rowErr)
				assert.Equal(t, tt.row, rowErr.Row)
				assert.ErrorIs(t, err, tt.is)
				assert.Contains(t, err.Error(), tt.msg)
				break
			}
			assert.Equal(t, []Row{tt.after}, readAll(t, r))
		})
	}
}

// TestCSVRecordTooLong: one endless line is refused with its row number
// instead of being read into memory, and the refusal is final.
func TestCSVRecordTooLong(t *testing.T) {
	tests := []struct {
		name string
		in   string
		msg  string
	}{
		{
			name: "an endless line",
			in:   "namn;ort\nBo;Lund\n\n" + strings.Repeat("x", maxRecordBytes+10) + "\nCecilia;Ystad\n",
			msg:  "x.csv: row 4: too large: the row is over 1 MiB of text, most likely a line that never ends: fix the file in a text editor, or save it again from Excel",
		},
		{
			// A quote that runs past its line is judged a stray one (see
			// TestCSVStrayQuote); one on an endless line is not.
			name: "an endless line in a quote",
			in:   "namn;ort\nBo;Lund\n\"Cecilia;" + strings.Repeat("Ystad ", maxRecordBytes/6+10) + "\nDag;Ystad\n",
			msg:  "x.csv: row 3: too large: the row is over 1 MiB of text, most likely a quote (\") that is not closed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewCSV(strings.NewReader(tt.in), "x.csv", Options{})
			require.NoError(t, err)
			row, err := r.Next()
			require.NoError(t, err)
			assert.Equal(t, Row{Number: 2, Cells: []string{"Bo", "Lund"}}, row)
			_, err = r.Next()
			assert.ErrorIs(t, err, ErrTooLarge)
			assert.Contains(t, err.Error(), tt.msg)
			var rowErr *RowError
			assert.False(t, errors.As(err, &rowErr), "not a row error: nothing after it can be read")
			_, again := r.Next()
			assert.Equal(t, err, again)
		})
	}
}

func TestSniffEncoding(t *testing.T) {
	tests := []struct {
		name  string
		head  string
		atEOF bool
		want  string // "" for a file that could be either
	}{
		{name: "ASCII", head: "a;b\n", atEOF: true, want: "utf-8"},
		{name: "UTF-8", head: "Malmö", atEOF: true, want: "utf-8"},
		{name: "a character cut by the window is not a bad byte", head: "Malm\xc3", want: "utf-8"},
		{name: "a cut character at the end of the file is", head: "Malm\xc3", atEOF: true, want: "windows-1252"},
		{name: "a four-byte character cut after three", head: "x\xf0\x9f\x98", want: "utf-8"},
		{name: "Windows-1252", head: "Malm\xf6", atEOF: true, want: "windows-1252"},
		{name: "one stray byte among UTF-8 is UTF-8", head: "Åsa;Örjan;Västerås;Malmö\nBo;Malm\xf6\n", atEOF: true, want: "utf-8"},
		{name: "Windows-1252 with a pair that happens to be UTF-8", head: "G\xf6teborg;V\xe4xj\xf6;\xc4\xa0;Lule\xe5\n", atEOF: true, want: "windows-1252"},
		{name: "as much of one as of the other", head: "Åsa;Lund\nBo;Malm\xf6\n", atEOF: true, want: ""},
		{name: "a few of each", head: "Åsa;Örjan\nBo;Malm\xf6;G\xf6teborg\n", atEOF: true, want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := sniffEncoding([]byte(tt.head), tt.atEOF)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestCSVStrayByteInUTF8: one byte that is not UTF-8 near the start of a
// UTF-8 file refuses its row, naming the column, and no other row turns to
// mojibake ("Ã…sa"); a start that could be either encoding refuses the
// file, saying what to set.
func TestCSVStrayByteInUTF8(t *testing.T) {
	t.Run("UTF-8 with one stray byte", func(t *testing.T) {
		in := "Namn;Ort\nÅsa Öberg;Västerås\nBo;Malm\xf6\nÖrjan;Göteborg\n"
		r, err := NewCSV(strings.NewReader(in), "x.csv", Options{})
		require.NoError(t, err)
		assert.Equal(t, "x.csv: utf-8, ';', header on row 1, 2 columns", msg.English.Say(r.Description()))
		row, err := r.Next()
		require.NoError(t, err)
		assert.Equal(t, Row{Number: 2, Cells: []string{"Åsa Öberg", "Västerås"}}, row)
		_, err = r.Next()
		var rowErr *RowError
		require.ErrorAs(t, err, &rowErr)
		assert.Equal(t, 3, rowErr.Row)
		assert.ErrorIs(t, err, ErrNotUTF8)
		assert.Contains(t, err.Error(), "x.csv: row 3: bytes that are not UTF-8 in column B")
		assert.Equal(t, []Row{{Number: 4, Cells: []string{"Örjan", "Göteborg"}}}, readAll(t, r))
	})
	t.Run("too close to call", func(t *testing.T) {
		in := "Namn;Ort\nÅsa;Lund\nBo;Malm\xf6\n"
		_, err := NewCSV(strings.NewReader(in), "x.csv", Options{})
		require.ErrorIs(t, err, ErrAmbiguousEncoding)
		assert.Equal(t, "x.csv: cannot tell the encoding: the start of the file has 1 character in UTF-8 but also 1 byte not in UTF-8 (the first on line 3), "+
			"so it could be UTF-8 with a damaged cell or windows-1252: look at the file, then set --encoding utf-8 (rows with bytes that are not UTF-8 are then invalid) "+
			"or --encoding windows-1252, or input.encoding in the mapping; the choices are utf-8, utf-16le, utf-16be, utf-16, windows-1252", err.Error())
		for _, enc := range []string{"utf-8", "windows-1252"} {
			_, err := NewCSV(strings.NewReader(in), "x.csv", Options{Encoding: enc})
			assert.NoError(t, err, "named, %s is read", enc)
		}
	})
}

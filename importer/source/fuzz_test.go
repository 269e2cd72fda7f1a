package source

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzCSV feeds any bytes to the CSV reader: it must not panic or hang,
// every error must name the file, and the rows must be numbered in order.
// For text without quotes or carriage returns, where a line is a row, the
// rows are also checked against a plain split of the lines.
//
// opts picks the options: the header row (0–3), the encoding named (the
// next bits: detect, or one of fuzzEncodings) and the delimiter named
// (detect, or one of delimiters), and whether the header is found by
// name.
func FuzzCSV(f *testing.F) {
	seeds := [][]byte{
		[]byte("Visning\n\nnamn;ort\n\nAnna;Lund\n  ;\n"),
		[]byte("\xEF\xBB\xBFa\tb\r\n\"x\r\ny\"\t1\r\n"),
		[]byte("a,b\n1,\"open\n2,3\n"),
		[]byte("Namn;Ort\r\nAnna \xc5berg;V\xe4xj\xf6\r\nBo;\x81\r\n"),
		[]byte(utf16Bytes("Namn;Ort\r\nÅsa;Luleå\r\n", false, true)),
		[]byte(utf16Bytes("Namn|Ort\nÅsa|Luleå\n", true, true) + "\x00\xd8"),
		[]byte("namn,ort\r\"Anna\rA\",Lund\r\rBo,Malmö\r"),
		[]byte("Kund, namn|Ort\nAnna|Lund\nBo|Malmö\n"),
		[]byte("a;b;c\n1;\"Kalle;x\n2;3;4\n5;6;7\n8;9;0\n"),
		[]byte("Namn;Ort\nÅsa;Lund\nBo;Malm\xf6\n"),
	}
	for _, path := range append(spectrumFiles(f), "../../samples/legacy/kontakter.csv") {
		data, err := os.ReadFile(path)
		require.NoError(f, err)
		seeds = append(seeds, data)
	}
	for i, data := range seeds {
		f.Add(data, uint16(0))
		f.Add(data, uint16(i*37))
	}

	f.Fuzz(func(t *testing.T, data []byte, opts uint16) {
		opt := Options{HeaderRow: int(opts % 4)}
		if e := int(opts/4) % (len(fuzzEncodings) + 1); e > 0 {
			opt.Encoding = fuzzEncodings[e-1]
		}
		if d := int(opts/32) % (len(delimiters) + 1); d > 0 {
			opt.Delimiter = delimiters[d-1]
		}
		if opts&0x100 != 0 {
			opt.Headers = []string{"namn", "Ort"}
		}
		r, err := NewCSV(bytes.NewReader(data), "fuzz.csv", opt)
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), "fuzz.csv: "), err.Error())
			return
		}
		c := r.(*csvReader)
		var rows []Row
		last := c.headerRow
		// A row takes at least one byte, so more rows than bytes is a loop.
		for range len(data) + 2 {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				require.True(t, strings.HasPrefix(err.Error(), "fuzz.csv: "), err.Error())
				continue
			}
			require.Greater(t, row.Number, last)
			require.False(t, blank(row.Cells))
			last = row.Number
			rows = append(rows, row)
		}
		_, err = r.Next()
		require.Equal(t, io.EOF, err, "more rows than bytes")

		// Each row was checked to hold only UTF-8, the only text the
		// decoders may hand on.
		for _, row := range rows {
			for _, c := range row.Cells {
				require.True(t, utf8.ValidString(c), "%q", c)
			}
		}

		text := string(data)
		if bytes.ContainsAny(data, "\"\r\x00") || !utf8.Valid(data) || strings.HasPrefix(text, "\uFEFF") ||
			opt.Encoding != "" && opt.Encoding != "utf-8" || len(opt.Headers) > 0 || len(data) > maxCellChars {
			return
		}
		lines := strings.Split(text, "\n")
		var want []Row
		for i := c.headerRow; i < len(lines); i++ {
			cells := strings.Split(lines[i], string(r.Delimiter()))
			if !blank(cells) {
				want = append(want, Row{Number: i + 1, Cells: cells})
			}
		}
		assert.Equal(t, want, rows)
	})
}

// fuzzEncodings are the encodings FuzzCSV names in Options.
var fuzzEncodings = []string{"utf-8", "windows-1252", "utf-16le", "utf-16be", "utf-16"}

// FuzzCellValue feeds any stored value, cell type and number format to
// cellValue: it must not panic, must give valid UTF-8 for valid input, and
// a whole number must read back as its digits.
func FuzzCellValue(f *testing.F) {
	for _, s := range []struct {
		typ, raw, code string
		id             int
	}{
		{"", "198001022386", "", 0},
		{"n", "1.98001022386E+11", "General", 0},
		{"", "701234567", "0.00", 2},
		{"", "45424.604166666664", "", 14},
		{"", "45424.5", "yyyy-mm-dd hh:mm", 164},
		{"", "0.5", "[h]:mm", 165},
		{"d", "2024-05-12T14:30:00Z", "", 0},
		{"b", "1", "", 0},
		{"e", "#N/A", "", 0},
		{"s", "Malmö", "@", 49},
		{"", "-0", "\"kr\" 0.00", 170},
		{"", "1e308", "d", 0},
		{"", "2958465.99999", "", 22},
		{"", "10.632", "[h]:mm:ss", 164},
		{"", "10.632", "[mm]:ss.000;@", 164},
		{"", "0.5", "", 47},
		{"d", "2021-01-01T10:10:10", "yyyy-mm-dd hh:mm:ss", 164},
		{"d", "10:10:10.5", "", 0},
	} {
		f.Add(s.typ, s.raw, s.code, s.id, false)
		f.Add(s.typ, s.raw, s.code, s.id, true)
	}
	f.Fuzz(func(t *testing.T, typ, raw, code string, id int, date1904 bool) {
		got := cellValue(typ, raw, newNumFormat(id, code), date1904)
		if utf8.ValidString(raw) {
			require.True(t, utf8.ValidString(got))
		}
		f := newNumFormat(id, code)
		if v, ok := parseNumber(raw); ok && (typ == "" || typ == "n") && !f.date && v == math.Trunc(v) && math.Abs(v) < 1e15 {
			require.Equal(t, strconv.FormatInt(int64(v), 10), got)
		}
	})
}

// FuzzQuoteTracker checks quoteTracker against encoding/csv itself. With
// "\nZZZ" appended, a file whose last cell is closed gains a last record
// ["ZZZ"]; one that ends inside an open quote takes the text into that
// cell instead. The tracker reads one byte at a time, so every state must
// also survive a chunk boundary.
func FuzzQuoteTracker(f *testing.F) {
	for _, path := range spectrumFiles(f) {
		data, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(data, uint8(0))
	}
	for _, s := range []string{`"a"` + "\r", `"a""`, `"a"b`, `a"b`, `"a"` + "\r\"", "x,\"a\"\r,b\"", "\"\r\n"} {
		f.Add([]byte(s), uint8(0))
		f.Add([]byte(s), uint8(1))
	}
	f.Fuzz(func(t *testing.T, data []byte, d uint8) {
		delim := delimiters[int(d)%len(delimiters)]
		q := &quoteTracker{r: iotest.OneByteReader(bytes.NewReader(data)), delim: byte(delim)}
		_, err := io.Copy(io.Discard, q)
		require.NoError(t, err)

		cr := csv.NewReader(io.MultiReader(bytes.NewReader(data), strings.NewReader("\nZZZ")))
		cr.Comma, cr.LazyQuotes, cr.FieldsPerRecord = delim, true, -1
		var last []string
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
			last = rec
		}
		closed := len(last) == 1 && last[0] == "ZZZ"
		assert.Equal(t, !closed, q.unclosed(), "%q", data)
	})
}

// FuzzSheetXML feeds any bytes to the sheet reader as a sheet's XML, and
// to the merged-cell scan: neither may panic or hang, and rows must come
// in ascending order.
func FuzzSheetXML(f *testing.F) {
	for _, sheet := range []string{
		`<sheetData><row r="1"><c t="inlineStr"><is><t>Namn</t></is></c><c r="C1" t="s"><v>0</v></c></row><row><c s="1"><v>45424</v></c></row></sheetData><mergeCells><mergeCell ref="A1:B1"/></mergeCells>`,
		`<x:sheetData><x:row r="3"><x:c r="XFD3"><x:v>1.98001022386E+11</x:v></x:c></x:row></x:sheetData><x:mergeCell ref="$A$1:C$2"/>`,
		`<sheetData><row r="2"><c t="b"><f>TRUE()</f><v>1</v></c><c t="e"><v>#N/A</v></c></row><row r="1"/></sheetData>`,
	} {
		f.Add([]byte(sheet))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		book := &workbook{sst: sharedStrings{text: []byte("Malmö"), ends: []uint32{6}}, formats: []numFormat{{}, newNumFormat(14, "")}}
		s := &sheetReader{book: book, src: io.NopCloser(bytes.NewReader(data)), w: newScanner(&tokenGuard{r: bytes.NewReader(data)})}
		last := 0
		for range len(data) + 2 {
			row, err := s.next()
			if err == io.EOF {
				break
			}
			var rowErr *RowError
			if errors.As(err, &rowErr) {
				require.Greater(t, rowErr.Row, last)
				last = rowErr.Row
				continue
			}
			if err != nil {
				break
			}
			require.Greater(t, row.Number, last)
			require.LessOrEqual(t, len(row.Cells), maxCells)
			last = row.Number
		}
		open := func(string) (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
		merges, err := readMerges(open, "sheet")
		require.NoError(t, err)
		for _, m := range merges {
			require.True(t, m.left <= m.right && m.top <= m.bottom)
		}
	})
}

// FuzzXstring: unescaping undoes an escaping of every underscore and
// control character, never lengthens the text, leaves what comes before
// from as it is, and keeps UTF-8 valid.
func FuzzXstring(f *testing.F) {
	for _, s := range []string{"ABC_x000D_\nDEF", "_x005F_x000D_", "_xD83D__xDE00_", "_xD83D_", "_xDE00__x", "_x00e9_", "a_xGGGG_b", "__x0041__"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, from int) {
		from = min(max(from, 0), len(s))
		got := unescapeXstring([]byte(s), from)
		require.LessOrEqual(t, len(got), len(s))
		require.Equal(t, s[:from], string(got[:from]))
		if utf8.ValidString(s) {
			require.True(t, utf8.ValidString(string(got)))
			var esc strings.Builder
			for _, r := range s {
				switch {
				case r == '_':
					esc.WriteString("_x005F_")
				case r < 0x20 || r == 0xFFFE || r == 0xFFFF:
					fmt.Fprintf(&esc, "_x%04X_", r)
				case r > 0xFFFF && r%7 == 0: // some as surrogate pairs
					hi, lo := utf16.EncodeRune(r)
					fmt.Fprintf(&esc, "_x%04x__x%04X_", hi, lo)
				default:
					esc.WriteRune(r)
				}
			}
			require.Equal(t, s, string(unescapeXstring([]byte(esc.String()), 0)))
		}
	})
}

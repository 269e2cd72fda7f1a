package source

import (
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzCSV feeds any bytes to the CSV reader: it must not panic or hang,
// every error must name the file, and the rows must be numbered in order.
// For text without quotes or carriage returns, where a line is a row, the
// rows are also checked against a plain split of the lines.
func FuzzCSV(f *testing.F) {
	for _, path := range spectrumFiles(f) {
		data, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(data, uint8(0))
		f.Add(data, uint8(2))
	}
	f.Add([]byte("Visning\n\nnamn;ort\n\nAnna;Lund\n  ;\n"), uint8(3))
	f.Add([]byte("\xEF\xBB\xBFa\tb\r\n\"x\r\ny\"\t1\r\n"), uint8(0))
	f.Add([]byte("a,b\n1,\"open\n2,3\n"), uint8(0))

	f.Fuzz(func(t *testing.T, data []byte, headerRow uint8) {
		r, err := NewCSV(bytes.NewReader(data), "fuzz.csv", Options{HeaderRow: int(headerRow % 4)})
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

		text := string(data)
		if bytes.ContainsAny(data, "\"\r") || !utf8.Valid(data) || strings.HasPrefix(text, "\uFEFF") {
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

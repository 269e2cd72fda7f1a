package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// strayNote is the note on a cell read with its stray quote as text.
func strayNote(column, value string) []Note {
	return []Note{{Column: column, Value: value, Message: msg.StrayQuote{}}}
}

// people is a CSV of n rows under the header Namn;Smeknamn;E-post;Ort,
// with the rows whose numbers (as Excel's, from 2) are in cells given
// other cells.
func people(n int, eol string, cells map[int]string) (string, []Row) {
	var b strings.Builder
	b.WriteString("Namn;Smeknamn;E-post;Ort" + eol)
	var rows []Row
	for i := 2; i < n+2; i++ {
		line := fmt.Sprintf("Anna %d;Annie;anna%d@example.se;Lund", i, i)
		if c, ok := cells[i]; ok {
			line = c
		}
		b.WriteString(line + eol)
		rows = append(rows, Row{Number: i, Cells: strings.Split(line, ";")})
	}
	return b.String(), rows
}

// TestCSVStrayQuote: a quote that opens a cell and is never closed where
// a real cell would close is read as text: its row is read with a note,
// and every row after it as usual. Real multi-line cells stay one cell.
// Each case is read in one piece and a byte at a time, so that the
// look-ahead holds across every chunk boundary.
func TestCSVStrayQuote(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want func(rows []Row) []Row // from the rows as written
	}{
		{
			name: "in row 3 of 1,000: records follow it",
			in:   must(people(1000, "\n", map[int]string{3: `Bo Ek;"Kalle;bo@example.se;Lund`})),
			want: func(rows []Row) []Row {
				rows[1].Notes = strayNote("Smeknamn", `"Kalle`)
				return rows
			},
		},
		{
			name: "with CRLF line ends",
			in:   must(people(300, "\r\n", map[int]string{3: `Bo Ek;"Kalle;bo@example.se;Lund`})),
			want: func(rows []Row) []Row {
				rows[1].Notes = strayNote("Smeknamn", `"Kalle`)
				return rows
			},
		},
		{
			name: "closed by the quoted cell of the next row",
			in: must(people(3, "\n", map[int]string{
				2: `Bo Ek;"Kalle;bo@example.se;Lund`,
				3: `"Ek, Cecilia";Cissi;cecilia@example.se;Ystad`,
			})),
			want: func(rows []Row) []Row {
				rows[0].Notes = strayNote("Smeknamn", `"Kalle`)
				rows[1].Cells[0] = "Ek, Cecilia"
				return rows
			},
		},
		{
			name: "in the last row, never closed",
			in:   must(people(3, "\n", map[int]string{4: `Bo Ek;"Kalle "den store;bo@example.se;Lund`})),
			want: func(rows []Row) []Row {
				rows[2].Notes = strayNote("Smeknamn", `"Kalle "den store`)
				return rows
			},
		},
		{
			name: "in the last column, with a quote that closes a later cell",
			in: must(people(4, "\n", map[int]string{
				2: `Bo Ek;Bosse;bo@example.se;"Lund`,
				4: `Cecilia;"Cissi";cecilia@example.se;Ystad`,
			})),
			want: func(rows []Row) []Row {
				rows[0].Notes = strayNote("Ort", `"Lund`)
				rows[2].Cells[1] = "Cissi"
				return rows
			},
		},
		{
			name: "in a one-column file, past Excel's 253 line breaks in a cell",
			in:   "Namn\n\"Anna\n" + strings.Repeat("Bo\n", 300),
			want: func([]Row) []Row {
				rows := []Row{{Number: 2, Cells: []string{`"Anna`}, Notes: strayNote("Namn", `"Anna`)}}
				for i := range 300 {
					rows = append(rows, Row{Number: 3 + i, Cells: []string{"Bo"}})
				}
				return rows
			},
		},
		{
			name: "swallowing the rest of a comma-separated file",
			in:   "a,b\n1,2\n3,\"abc\n4,5\n6,7\n",
			want: func([]Row) []Row {
				return []Row{
					{Number: 2, Cells: []string{"1", "2"}},
					{Number: 3, Cells: []string{"3", `"abc`}, Notes: strayNote("b", `"abc`)},
					{Number: 4, Cells: []string{"4", "5"}},
					{Number: 5, Cells: []string{"6", "7"}},
				}
			},
		},
		{
			name: "an escaped quote at the very end does not close the cell",
			in:   "a,b\n1,\"x\"\"",
			want: func([]Row) []Row {
				return []Row{{Number: 2, Cells: []string{"1", `"x""`}, Notes: strayNote("b", `"x""`)}}
			},
		},
		{
			name: "a c/o line in an address is a real cell",
			in: "Kundnr;Namn;Gatuadress;Postnr;Ort;E-post\n" +
				"10236;Ulla-Britt;\"c/o Lindqvist\nHamngatan 8 B\";852 30;Sundsvall;ulla@example.se\n" +
				"10237;Bo;Storgatan 1;852 31;Sundsvall;bo@example.se\n",
			want: func([]Row) []Row {
				return []Row{
					{Number: 2, Cells: []string{"10236", "Ulla-Britt", "c/o Lindqvist\nHamngatan 8 B", "852 30", "Sundsvall", "ulla@example.se"}},
					{Number: 3, Cells: []string{"10237", "Bo", "Storgatan 1", "852 31", "Sundsvall", "bo@example.se"}},
				}
			},
		},
		{
			name: "a real cell in the first column, its last line the rest of the record",
			in:   "Adress;Ort;Land\n\"c/o Ek\r\nStorgatan 1\";Lund;SE\r\nBo;Malmö;SE\r\n",
			want: func([]Row) []Row {
				return []Row{
					{Number: 2, Cells: []string{"c/o Ek\nStorgatan 1", "Lund", "SE"}},
					{Number: 3, Cells: []string{"Bo", "Malmö", "SE"}},
				}
			},
		},
		{
			name: "a real comment of many lines, with quotes and delimiters in it",
			in: "Namn;E-post;Kommentar\nAnna;anna@example.se;\"Ring efter 17; helst mobil.\n" +
				strings.Repeat("Säg \"\"hej\"\"; från mig.\n", 40) + "Tack\"\nBo;bo@example.se;\n",
			want: func([]Row) []Row {
				return []Row{
					{Number: 2, Cells: []string{"Anna", "anna@example.se", "Ring efter 17; helst mobil.\n" +
						strings.Repeat("Säg \"hej\"; från mig.\n", 40) + "Tack"}},
					{Number: 3, Cells: []string{"Bo", "bo@example.se", ""}},
				}
			},
		},
		// Found in review: a stray quote that closes at a quote inside a
		// later row's cell, or at a lazy quote at the end of a row.
		{
			name: "closed by a quote inside the next row's cell",
			in:   "Namn,Smeknamn,Telefon,Meddelande\nKalle,\"Kalle,0701,hej\nBo,Bo \"Bosse\",0702,tja\nCia,Cissi,0703,\n",
			want: func([]Row) []Row {
				return []Row{
					{Number: 2, Cells: []string{"Kalle", `"Kalle`, "0701", "hej"}, Notes: strayNote("Smeknamn", `"Kalle`)},
					{Number: 3, Cells: []string{"Bo", `Bo "Bosse"`, "0702", "tja"}},
					{Number: 4, Cells: []string{"Cia", "Cissi", "0703", ""}},
				}
			},
		},
		{
			name: "closed by a lazy quote at the end of the next row",
			in:   "Namn,Smeknamn,Telefon,Meddelande\nKalle,\"Kalle,0701,hej\nBo,Bosse,0702,vill ha 55\"\nCia,Cissi,0703,\n",
			want: func([]Row) []Row {
				return []Row{
					{Number: 2, Cells: []string{"Kalle", `"Kalle`, "0701", "hej"}, Notes: strayNote("Smeknamn", `"Kalle`)},
					{Number: 3, Cells: []string{"Bo", "Bosse", "0702", `vill ha 55"`}},
					{Number: 4, Cells: []string{"Cia", "Cissi", "0703", ""}},
				}
			},
		},
		// Found in review: a message whose last line splits like a
		// record, in the last column and in the first, is a real cell.
		{
			name: "a message in the last column whose last line splits like a record",
			in: "Namn,E-post,Telefon,Meddelande\nAnna,anna@example.se,0701234567,\"Hej!\nJag vill boka visning.\n" +
				"Mvh Anna Ek, Storgatan 1, 123 45 Lund, Sverige\"\nBo,bo@example.se,0707654321,\n",
			want: func([]Row) []Row {
				return []Row{
					{Number: 2, Cells: []string{"Anna", "anna@example.se", "0701234567", "Hej!\nJag vill boka visning.\nMvh Anna Ek, Storgatan 1, 123 45 Lund, Sverige"}},
					{Number: 3, Cells: []string{"Bo", "bo@example.se", "0707654321", ""}},
				}
			},
		},
		{
			name: "a message in the first column whose first line splits like a record",
			in: "Meddelande;E-post;Telefon;Namn\n\"Hej; jag vill; boka; visning\ntack\";anna@example.se;0701234567;Anna\n" +
				"Hej;bo@example.se;0707654321;Bo\n",
			want: func([]Row) []Row {
				return []Row{
					{Number: 2, Cells: []string{"Hej; jag vill; boka; visning\ntack", "anna@example.se", "0701234567", "Anna"}},
					{Number: 3, Cells: []string{"Hej", "bo@example.se", "0707654321", "Bo"}},
				}
			},
		},
	}
	for _, tt := range tests {
		for _, how := range []struct {
			name string
			r    func(io.Reader) io.Reader
		}{{"whole", func(r io.Reader) io.Reader { return r }}, {"byte by byte", iotest.OneByteReader}} {
			t.Run(tt.name+"/"+how.name, func(t *testing.T) {
				r, err := NewCSV(how.r(strings.NewReader(tt.in)), "x.csv", Options{})
				require.NoError(t, err)
				var written []Row
				if strings.HasPrefix(tt.in, "Namn;Smeknamn") {
					_, written = people(strings.Count(tt.in, "\n")-1, "", nil)
					for i, line := range strings.Split(strings.ReplaceAll(tt.in, "\r\n", "\n"), "\n")[1:] {
						if i < len(written) {
							written[i].Cells = strings.Split(line, ";")
						}
					}
				}
				want := tt.want(written)
				got := readAll(t, r)
				require.Len(t, got, len(want), "every row read")
				assert.Equal(t, want, got)
			})
		}
	}
}

func must(s string, _ []Row) string { return s }

// FuzzCSVChunks reads any bytes whole, a byte at a time and in halves:
// the look-ahead that judges a quote must come to the same rows, notes
// and errors however the text arrives, and a note is only ever on a cell
// that starts with the quote it is about.
func FuzzCSVChunks(f *testing.F) {
	for _, s := range []string{
		"a;b\n1;\"Kalle\n2;3\n4;5\n6;7\n",
		"a,b\n1,\"x\"\"",
		"a;b;c\r\n\"c/o Ek\r\nGatan 1\";Lund;x\r\n2;3;4\r\n",
		"a;b\n\"x\ny\";\"z\n1;2\n",
		"Namn\n\"Anna\n" + strings.Repeat("Bo\n", 260),
		must(people(20, "\n", map[int]string{4: `Bo Ek;"Kalle;bo@example.se;Lund`, 9: `"Ek, C";Cissi;c@example.se;Ystad`})),
	} {
		f.Add([]byte(s))
	}
	data, err := os.ReadFile("../../samples/legacy/kontakter.csv")
	require.NoError(f, err)
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		read := func(r io.Reader) (rows []Row, errs []string) {
			src, err := NewCSV(r, "fuzz.csv", Options{})
			if err != nil {
				return nil, []string{err.Error()}
			}
			for range len(data) + 2 {
				row, err := src.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					errs = append(errs, err.Error())
					var rowErr *RowError
					if !errors.As(err, &rowErr) {
						break
					}
					continue
				}
				rows = append(rows, row)
			}
			return rows, errs
		}
		rows, errs := read(bytes.NewReader(data))
		for _, row := range rows {
			for _, n := range row.Notes {
				require.True(t, strings.HasPrefix(n.Value, `"`), "%q", n.Value)
				require.Contains(t, row.Cells, n.Value)
			}
		}
		for _, r := range []func(io.Reader) io.Reader{iotest.OneByteReader, iotest.HalfReader} {
			again, againErrs := read(r(bytes.NewReader(data)))
			require.Equal(t, rows, again, "%q", data)
			require.Equal(t, errs, againErrs, "%q", data)
		}
	})
}

// TestJudgeQuote: the verdicts on a quoted cell that runs past its line,
// and where a real one ends.
func TestJudgeQuote(t *testing.T) {
	records := strings.Repeat("Bo;Ek;bo@example.se\n", 3)
	tests := []struct {
		name   string
		held   string
		before int
		atEOF  bool
		want   verdict
		end    int
	}{
		{name: "closed on its own line", held: `"Lund";x` + "\n", before: 2, want: realCell, end: 6},
		{name: "a c/o line, closing on the rest of its record", held: "\"c/o Ek\nGatan 1\";Lund\n", before: 1, want: realCell, end: 16},
		{name: "closing on a record of its own", held: "\"Kalle;x\n\"Ek, Bo\";y;z\n", before: 1, want: strayQuote},
		{name: "its own line no record: only the limits tell", held: "\"Kalle\n" + records, before: 1, atEOF: true, want: strayQuote},
		{name: "its own line no record, closed", held: "\"Kalle\n" + records + `x"` + "\n", before: 1, want: realCell, end: 7 + len(records) + 2},
		{name: "three records inside it", held: "\"Kalle;x\n" + records, before: 1, want: strayQuote},
		{name: "two records: undecided", held: "\"Kalle;x\n" + records[:40], before: 1, want: undecided},
		{name: "the line before it not known", held: "\"Kalle;x\n" + records, before: -1, want: undecided},
		{name: "past 253 line breaks", held: "\"Kalle\n" + strings.Repeat("x\n", 254), before: 0, want: strayQuote},
		{name: "253 line breaks: undecided", held: "\"Kalle\n" + strings.Repeat("x\n", 252), before: 0, want: undecided},
		{name: "never closed", held: "\"Kalle\nx", before: 0, atEOF: true, want: strayQuote},
		{name: "closed by the end of the file", held: "\"a\nb\"\r", before: 0, atEOF: true, want: realCell, end: 5},
		{name: "a line longer than any cell is left to the record limit", held: `"` + strings.Repeat("x", maxHeld+1), want: realCell, end: maxHeld + 2},
		{name: "lines longer than any cell", held: "\"x\n" + strings.Repeat("x", maxHeld), want: strayQuote},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, end := judgeQuote([]byte(tt.held), ';', 3, tt.before, tt.atEOF)
			assert.Equal(t, tt.want, v)
			if v == realCell {
				assert.Equal(t, tt.end, end)
			}
		})
	}
}

// TestStrayQuoteInHeader: a quote opening the header and never closed is
// a stray like any other: the delimiter is still found, the header has
// its columns and every row after it is read.
func TestStrayQuoteInHeader(t *testing.T) {
	text := "\"Förnamn;Efternamn;E-post\nAnna;Berg;anna@example.se\nBo;Ek;bo@example.se\n"
	r, err := NewCSV(strings.NewReader(text), "anmälda.csv", Options{})
	require.NoError(t, err)
	assert.Equal(t, ';', r.Delimiter())
	assert.Equal(t, []string{`"Förnamn`, "Efternamn", "E-post"}, r.Header())
	var rows [][]string
	for {
		row, err := r.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		rows = append(rows, row.Cells)
	}
	assert.Equal(t, [][]string{{"Anna", "Berg", "anna@example.se"}, {"Bo", "Ek", "bo@example.se"}}, rows)
}

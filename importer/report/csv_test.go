package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

// referenceCSV writes lines as the CSV writer did before it wrote its
// lines itself: every field through Neutralize, then encoding/csv. A
// line's cells beyond the header, up to its last that is not blank, go
// after the outcome columns, and its error says so.
func referenceCSV(t testing.TB, delim rune, header []string, lines []Line) []byte {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	c := csv.NewWriter(&buf)
	c.Comma, c.UseCRLF = delim, true
	head := []string{RowColumn}
	for _, h := range header {
		head = append(head, Neutralize(h))
	}
	require.NoError(t, c.Write(append(head, Columns...)))
	for _, l := range lines {
		rec := []string{strconv.Itoa(l.Row)}
		for i := range header {
			cell := ""
			if i < len(l.Cells) {
				cell = Neutralize(l.Cells[i])
			}
			rec = append(rec, cell)
		}
		var extra []string
		for i := len(header); i < len(l.Cells); i++ {
			if strings.TrimSpace(l.Cells[i]) != "" {
				extra = l.Cells[len(header) : i+1]
			}
		}
		errs := ProblemsText(l.Errors, msg.English)
		if extra != nil {
			if errs != "" {
				errs += "; "
			}
			errs += msg.English.Say(msg.CellsAtLineEnd{After: "warnings"})
		}
		rec = append(rec, string(l.Status), count(l.HTTPStatus), count(l.Attempts), Neutralize(l.Response), Neutralize(errs),
			Neutralize(ChangesText(l.Changes, msg.English)), Neutralize(ProblemsText(l.Warnings, msg.English)))
		for _, c := range extra {
			rec = append(rec, Neutralize(c))
		}
		require.NoError(t, c.Write(rec))
	}
	c.Flush()
	require.NoError(t, c.Error())
	return buf.Bytes()
}

func writeCSV(t testing.TB, delim rune, header []string, lines []Line) []byte {
	t.Helper()
	return writeCSVIn(t, delim, header, msg.English, lines)
}

func writeCSVIn(t testing.TB, delim rune, header []string, lang msg.Lang, lines []Line) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewCSV(&buf, delim, header, lang)
	require.NoError(t, err)
	for _, l := range lines {
		require.NoError(t, w.Write(&l))
	}
	require.NoError(t, w.Close(nil))
	return buf.Bytes()
}

// cellBits are what a cell is made of in TestCSVAsEncodingCSV: whatever
// makes encoding/csv quote a field or Neutralize add an apostrophe, in
// any place.
var cellBits = []string{"a", "Å", "0", "7", " ", "\t", "\r", "\n", "\r\n", `"`, ";", ",", "|", "'", "=", "@", "+", "-", "(", ".",
	"/", `\`, `\.`, "\u00a0", "\u0085", "\u2003", "→", "é", "\xff"}

// csvInput is a header and lines to write with a delimiter.
type csvInput struct {
	delim  rune
	header []string
	lines  []Line
}

// drawCSVInputs draws, for each delimiter of a report, a header and
// lines of cells made of cellBits, the same ones on every call.
func drawCSVInputs() []csvInput {
	rnd := rand.New(rand.NewPCG(1, 2))
	cell := func() string {
		var b strings.Builder
		for range rnd.IntN(5) {
			b.WriteString(cellBits[rnd.IntN(len(cellBits))])
		}
		return b.String()
	}
	var inputs []csvInput
	for _, delim := range []rune{';', ',', '\t', '|', '\'', ' ', '-', '1', '→', 'é'} {
		header := []string{cell(), cell(), cell()}
		var lines []Line
		for i := range 2000 {
			l := Line{Row: i + 2, Status: "valid", Response: cell()}
			for range rnd.IntN(5) {
				l.Cells = append(l.Cells, cell())
			}
			if rnd.IntN(3) == 0 {
				l.HTTPStatus, l.Attempts = 200+rnd.IntN(400), rnd.IntN(3)
			}
			for range rnd.IntN(3) {
				l.Changes = append(l.Changes, mapping.Change{Column: cell(), From: cell(), To: cell()})
			}
			for range rnd.IntN(2) {
				l.Errors = append(l.Errors, mapping.Problem{Column: cell(), Value: cell(), Message: msg.Verbatim{Text: cell()}})
			}
			for range rnd.IntN(2) {
				l.Warnings = append(l.Warnings, mapping.Problem{Column: cell(), Value: cell(), Message: msg.Verbatim{Text: cell()}})
			}
			lines = append(lines, l)
		}
		inputs = append(inputs, csvInput{delim, header, append(lines, testLines()...)})
	}
	return inputs
}

// TestCSVAsEncodingCSV: every line, whatever its cells and delimiter, is
// written byte for byte as encoding/csv writes it. The lines are drawn
// first, in the order they always were, and the delimiters then checked
// in parallel.
func TestCSVAsEncodingCSV(t *testing.T) {
	for _, in := range drawCSVInputs() {
		t.Run(string(in.delim), func(t *testing.T) {
			t.Parallel()
			want := referenceCSV(t, in.delim, in.header, in.lines)
			got := writeCSV(t, in.delim, in.header, in.lines)
			requireSameLines(t, want, got)
		})
	}
}

// requireSameLines fails at the first line where two reports differ.
func requireSameLines(t *testing.T, want, got []byte) {
	t.Helper()
	if !bytes.Equal(want, got) {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
		for i := range min(len(wl), len(gl)) {
			require.Equal(t, wl[i], gl[i], "line %d", i+1)
		}
		require.Equal(t, len(wl), len(gl))
	}
}

// preformat gives l its head and changes as CSVLine formats them ahead
// for a report of layout, as a check does, and takes away what the
// writer is then not to read. A line with cells beyond the header is
// left as it is (AppendHead refuses it).
func preformat(t testing.TB, layout CSVLayout, l Line) Line {
	c := NewCSVLine(layout)
	head, ok := c.AppendHead(nil, l.Row, l.Cells)
	if !ok {
		require.NotNil(t, Extra(l.Cells, layout.Width))
		return l
	}
	l.Pre = Preformatted{Layout: layout, Head: string(head), Changes: string(c.AppendChanges(nil, l.Changes))}
	l.Cells, l.Changes = nil, nil
	return l
}

// TestCSVPreformatted: a line whose head and changes were formatted ahead
// (CSVLine) is written byte for byte as the writer writes it whole, for
// every delimiter and language, cells that need quotes or an apostrophe,
// changes that need them, and a row too short for the header.
func TestCSVPreformatted(t *testing.T) {
	for _, in := range drawCSVInputs() {
		for _, lang := range msg.Langs() {
			t.Run(string(in.delim)+"/"+string(lang), func(t *testing.T) {
				t.Parallel()
				layout := CSVLayout{Delimiter: in.delim, Width: len(in.header), Lang: lang}
				lines := slices.Concat(in.lines, []Line{{Row: 9, Status: "valid", Changes: []mapping.Change{{Column: "Telefon", From: "-"}}}})
				pre := make([]Line, len(lines))
				formatted := 0
				for i, l := range lines {
					if pre[i] = preformat(t, layout, l); pre[i].Pre.Head != "" {
						formatted++
					}
				}
				require.Greater(t, formatted, len(lines)/2)
				want := writeCSVIn(t, in.delim, in.header, lang, lines)
				requireSameLines(t, want, writeCSVIn(t, in.delim, in.header, lang, pre))
			})
		}
	}
}

// TestCSVRefusesAnotherLayout: a line formatted for another delimiter,
// width or language is refused, not written with the cells it lacks.
func TestCSVRefusesAnotherLayout(t *testing.T) {
	header := []string{"Förnamn", "Mobil"}
	l := Line{Row: 2, Cells: []string{"Åsa", "070-1234567"}, Status: "valid"}
	for name, layout := range map[string]CSVLayout{
		"delimiter": {Delimiter: ',', Width: 2, Lang: msg.English},
		"width":     {Delimiter: ';', Width: 3, Lang: msg.English},
		"language":  {Delimiter: ';', Width: 2, Lang: msg.Swedish},
	} {
		t.Run(name, func(t *testing.T) {
			w, err := NewCSV(io.Discard, ';', header, msg.English)
			require.NoError(t, err)
			pre := preformat(t, layout, l)
			require.ErrorIs(t, w.Write(&pre), errOtherLayout)
		})
	}
}

// FuzzCSVLine: one line of any cells is written as encoding/csv writes it,
// and so is one formatted ahead (CSVLine).
func FuzzCSVLine(f *testing.F) {
	f.Add(';', "Åsa", "=1+1", "070-174 06 05", "+46701740605", " x", `\.`, "a\r\nb\"c")
	f.Add(',', "", "-", "@x", "\tx", "a;b", "+1", "\u00a0")
	f.Fuzz(func(t *testing.T, delim rune, c1, c2, c3, c4, c5, c6, c7 string) {
		if delim == 0 || delim == '"' || delim == '\r' || delim == '\n' || delim == '\ufeff' || !strings.ContainsRune(string(delim), delim) {
			return // encoding/csv refuses these delimiters
		}
		lines := []Line{{Row: 2, Cells: []string{c1, c2, c3}, Status: "invalid", Response: c4,
			Errors:   []mapping.Problem{{Message: msg.Verbatim{Text: c5}}},
			Changes:  []mapping.Change{{Column: c6, From: c7, To: c1}, {Column: c2, From: c3, To: c4}},
			Warnings: []mapping.Problem{{Column: c5, Value: c6, Message: msg.Verbatim{Text: c7}}}}}
		header := []string{"A", "B"}
		want := string(referenceCSV(t, delim, header, lines))
		require.Equal(t, want, string(writeCSV(t, delim, header, lines)))
		lines[0].Cells = lines[0].Cells[:2] // none beyond the header, so that it is formatted ahead
		want = string(referenceCSV(t, delim, header, lines))
		pre := preformat(t, CSVLayout{Delimiter: delim, Width: len(header), Lang: msg.English}, lines[0])
		require.Equal(t, want, string(writeCSV(t, delim, header, []Line{pre})), "formatted ahead")
	})
}

// BenchmarkCSVWrite writes lines shaped as the benchmark suite's check
// report: 14 cells, four changes, no errors.
func BenchmarkCSVWrite(b *testing.B) {
	header := []string{"Kundnr", "Förnamn", "Efternamn", "Personnummer", "Gatuadress", "Postnr", "Ort",
		"Telefon", "Mobil", "E-post", "Registrerad", "Källa", "Status", "Anteckning"}
	l := Line{Row: 123456, Status: "valid",
		Cells: []string{"K123454", "Åsa", "Öberg123454", "", "Storgatan 95", "13574", "Stockholm",
			"08-454 54 04", "070-454 54 42", "person123454@Example.se", "2019-11-23", "Visning", "Kund", "Vill ha slutpris"},
		Changes: []mapping.Change{
			{Column: "Postnr", From: "13574", To: "135 74"},
			{Column: "Telefon", From: "08-454 54 04", To: "+4684545404"},
			{Column: "Mobil", From: "070-454 54 42", To: "+46704545442"},
			{Column: "E-post", From: "person123454@Example.se", To: "person123454@example.se"},
		}}
	w, err := NewCSV(io.Discard, ';', header, msg.English)
	require.NoError(b, err)
	b.ReportAllocs()
	for b.Loop() {
		if err := w.Write(&l); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkXLSXWide writes an XLSX report of 100 rows of an input as
// wide as importer.MaxColumns, each row with 4,000 cells beyond its
// header besides (a ragged row keeps them all): sizing the columns one
// call each took time quadratic in the columns (4,000 columns: 22 s).
func BenchmarkXLSXWide(b *testing.B) {
	header := make([]string, 1000)
	for i := range header {
		header[i] = fmt.Sprintf("Kolumn %d", i+1)
	}
	cells := make([]string, len(header)+4000)
	for i := range cells {
		cells[i] = strings.Repeat("x", 1+i%30)
	}
	l := Line{Row: 2, Status: "invalid", Cells: cells}
	b.ReportAllocs()
	for b.Loop() {
		w, err := NewXLSX(io.Discard, header, msg.English)
		require.NoError(b, err)
		for range 100 {
			require.NoError(b, w.Write(&l))
		}
		require.NoError(b, w.Close(&Summary{}))
	}
}

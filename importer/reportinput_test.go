package importer

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/importer/report"
	"leadimport/importer/source"
	"leadimport/importer/status"
)

// TestReportInputKeepsCellsBeyondTheHeader reads back a report whose row
// had more cells than its input's header: the cells at the end of its
// line follow the input's cells again (a CSV report's apostrophe taken
// off), so the row is still ragged; the other rows have the input's cells
// only, also when Excel padded every line of a CSV to the widest.
func TestReportInputKeepsCellsBeyondTheHeader(t *testing.T) {
	header := []string{"Förnamn", "E-post", "Kommentar"}
	lines := []report.Line{
		{Row: 2, Status: status.Invalid, Cells: []string{"Åsa", "asa@example.se", "ring efter 18", " gärna kväll", "", "=1+1"}},
		{Row: 3, Status: status.Sent, Response: "CON1", Cells: []string{"Bo", "bo@example.se", "hej"}},
	}
	want := []source.Row{
		{Number: 2, Cells: []string{"Åsa", "asa@example.se", "ring efter 18", " gärna kväll", "", "=1+1"}},
		{Number: 3, Cells: []string{"Bo", "bo@example.se", "hej"}},
	}
	dir := t.TempDir()
	write := func(name string, newWriter func(io.Writer) (report.Writer, error)) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		require.NoError(t, err)
		defer f.Close()
		w, err := newWriter(f)
		require.NoError(t, err)
		for _, l := range lines {
			require.NoError(t, w.Write(&l))
		}
		require.NoError(t, w.Close(nil))
		return path
	}
	csvReport := write("report.csv", func(w io.Writer) (report.Writer, error) { return report.NewCSV(w, ';', header, msg.English) })
	xlsxReport := write("report.xlsx", func(w io.Writer) (report.Writer, error) { return report.NewXLSX(w, header, msg.English) })
	// Excel saves a CSV with every line as wide as the widest: the header
	// and the short line padded with empty cells.
	data, err := os.ReadFile(csvReport)
	require.NoError(t, err)
	text := strings.Split(string(data), "\r\n")
	require.Len(t, text, 4)
	text[0] += ";;;"
	text[2] += ";;;"
	padded := filepath.Join(dir, "padded.csv")
	require.NoError(t, os.WriteFile(padded, []byte(strings.Join(text, "\r\n")), 0o600))

	for _, path := range []string{csvReport, xlsxReport, padded} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			in, err := source.OpenFile(path)
			require.NoError(t, err)
			defer in.Close()
			src, rep, err := openInput(in, path, source.Options{})
			require.NoError(t, err)
			defer src.Close()
			require.NotNil(t, rep, "read as a report")
			assert.Equal(t, header, src.Header())
			var got []source.Row
			for {
				row, err := src.Next()
				if err == io.EOF {
					break
				}
				require.NoError(t, err)
				got = append(got, row)
			}
			assert.Equal(t, want, got)
			_, ragged := extraCells(got[0].Cells, len(src.Header()))
			assert.True(t, ragged, "the row is as ragged as it was")
		})
	}
}

// TestCheckOfAReportWithManySentRows: a check of an earlier run's report
// whose first row was not sent and whose next thousand were. The first row
// waits in the reader's batch for the mappers while each sent row goes to
// the report on its own: the batch must go on first, or the collector
// waits for it while the reader waits for a slot of the window, for good
// (no stop ends that wait).
func TestCheckOfAReportWithManySentRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("row,Förnamn,Efternamn,Personnummer,E-post,Mobil,status,response\n")
	b.WriteString("2,Anna,,,anna@example.se,,invalid,\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "%d,Anna,Berg%d,,anna%d@example.se,,sent,CON%d\n", i+3, i, i, i)
	}
	b.WriteString("1003,Bo,Ek,,bo@example.se,,invalid,\n")
	input := filepath.Join(t.TempDir(), "report.csv")
	require.NoError(t, os.WriteFile(input, []byte(b.String()), 0o600))
	cfg := testConfig(t, input, "")
	sum, err := Run(t.Context(), cfg)
	require.NoError(t, err)
	require.Len(t, sum.Files, 1)
	assert.Equal(t, 1002, sum.Files[0].Rows)
	assert.Equal(t, 1000, sum.Counts["skipped"])
	lines := readReport(t, cfg.Report)
	require.Len(t, lines, 1002)
	assert.Equal(t, "2", lines[0]["row"])
	assert.Equal(t, "1003", lines[1001]["row"])
}

package importer

import (
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

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckStrayQuote: a stray quote at the start of a cell in row 3 of
// a 1,000-row legacy export does not take the rows after it into its
// cell: check reports every row exactly once, the row with the quote
// with a warning naming its column, the others as their cells say.
func TestCheckStrayQuote(t *testing.T) {
	dir := t.TempDir()
	input, rows := generate(t, dir, 1000)
	data, err := os.ReadFile(input)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\r\n")
	lines[2] = `"Kalle` + lines[2][len("Åsa"):] // row 3: the first name opens a quote
	require.NoError(t, os.WriteFile(input, []byte(strings.Join(lines, "\r\n")), 0o600))

	report := filepath.Join(dir, "report.csv")
	res := runCmd(t, dir, nil, "check", "--mapping", writeMapping(t, dir), "--report", report, input)
	assert.Equal(t, 1, res.code, res.stderr) // the generated rows include invalid ones
	assert.Regexp(t, `Förnamn +\d+ +\d+ +\d+ +\d+ +1 +person.firstName`, res.stderr, "the per-column table counts the warning")
	header, got := readReport(t, report)
	require.Len(t, got, len(rows), "one line per row")
	rowCol, statusCol, warnCol := slices.Index(header, "row"), slices.Index(header, "status"), slices.Index(header, "warnings")
	require.True(t, rowCol >= 0 && statusCol >= 0 && warnCol >= 0, "%q", header)
	for i, line := range got {
		require.Equal(t, strconv.Itoa(i+2), line[rowCol], "rows in order, each once")
		want := "valid"
		if rows[i].invalid != "" {
			want = "invalid"
		}
		assert.Equal(t, want, line[statusCol], "row %d", i+2)
	}
	assert.Contains(t, got[1][warnCol], `Förnamn "\"Kalle": starts with a quote (") that is never closed, so the quote was read as part of the text and the lines after it as rows: check the cell`)
}

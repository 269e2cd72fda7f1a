package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckColonDelimiter: a Nordic export separated by colons is read
// as such, sniffed or named with --delimiter, and its report keeps the
// delimiter; a file of semicolons with times in it is not split at the
// times' colons; a letter as --delimiter is refused with the choices
// (issue 16).
func TestCheckColonDelimiter(t *testing.T) {
	dir := t.TempDir()
	semicolons, rows := generate(t, dir, 30)
	data, err := os.ReadFile(semicolons)
	require.NoError(t, err)
	require.NotContains(t, string(data), ":")
	colons := filepath.Join(dir, "kolon.txt")
	require.NoError(t, os.WriteFile(colons, []byte(strings.ReplaceAll(string(data), ";", ":")), 0o600))
	mapping := writeMapping(t, dir)

	for _, tt := range []struct {
		name string
		args []string
	}{
		{name: "sniffed"},
		{name: "named", args: []string{"--delimiter", ":"}},
		{name: "named by its name", args: []string{"--delimiter", "colon"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			report := filepath.Join(t.TempDir(), "report.csv")
			args := append([]string{"check", "--mapping", mapping, "--report", report}, tt.args...)
			res := runCmd(t, dir, nil, append(args, colons)...)
			assert.Equal(t, 1, res.code, res.stderr) // the generated rows include invalid ones
			assert.Contains(t, res.stderr, "':'", "the log says which delimiter was read")
			out, err := os.ReadFile(report)
			require.NoError(t, err)
			assert.True(t, strings.HasPrefix(string(out), "\ufeffrow:Förnamn:Efternamn:"), "the report keeps the input's delimiter: %.80q", out)
			invalid := 0
			for _, r := range rows {
				if r.invalid != "" {
					invalid++
				}
			}
			assert.Equal(t, len(rows)+1, strings.Count(string(out), "\n"), "a line per row")
			assert.Equal(t, invalid, strings.Count(string(out), ":invalid:"))
		})
	}

	t.Run("times in a semicolon file", func(t *testing.T) {
		lines := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
		lines[0] += ";Tid"
		for i := 1; i < len(lines); i++ {
			lines[i] += ";10:30"
		}
		timed := filepath.Join(dir, "tider.csv")
		require.NoError(t, os.WriteFile(timed, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o600))
		res := runCmd(t, dir, nil, "check", "--mapping", mapping, "--report", filepath.Join(t.TempDir(), "r.csv"), timed)
		assert.Equal(t, 1, res.code, res.stderr)
		assert.Contains(t, res.stderr, "';'", res.stderr)
	})

	t.Run("a letter refused", func(t *testing.T) {
		res := runCmd(t, dir, nil, "check", "--mapping", mapping, "--delimiter", "x", colons)
		assert.Equal(t, 2, res.code, res.stderr)
		assert.Contains(t, res.stderr, `--delimiter "x": give one character that separates the cells, such as , ; | : or tab (not a letter, digit, space or quote)`)
	})
}

package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckStrayByteInUTF8: a UTF-8 export with one byte that is not
// UTF-8 is never read as Windows-1252, which would send "Ã…sa": with
// enough UTF-8 to tell, the row with the byte is invalid naming its
// column and the others read right; with too little, check refuses the
// file (exit 2) and says to name the encoding.
func TestCheckStrayByteInUTF8(t *testing.T) {
	pins := testPins(t)
	const head = "Förnamn;Efternamn;Personnummer;E-post;Mobil\n"
	åsa := "Åsa;Öberg;" + pins[0] + ";asa@example.se;070-123 45 67\n"
	stray := "Bo;Ek\xf6;" + pins[1] + ";bo@example.se;070-123 45 68\n"
	örjan := "Örjan;Åström;" + pins[2] + ";orjan@example.se;070-123 45 69\n"
	tests := []struct {
		name    string
		text    string
		args    []string
		code    int
		stderr  string
		status  []string // per row
		problem string   // of the row with the stray byte
	}{
		{
			name:    "mostly UTF-8: the row with the byte is invalid",
			text:    head + åsa + stray + örjan,
			code:    1,
			status:  []string{"valid", "invalid", "valid"},
			problem: "bytes that are not UTF-8 in column B",
		},
		{
			name:   "too little to tell: refused",
			text:   head + "Bo;Ek;" + pins[0] + ";bo@example.se;070-123 45 67\n" + "Åke;Ek;" + pins[2] + ";ake@example.se;\n" + stray,
			code:   2,
			stderr: "cannot tell the encoding: the start of the file has 2 characters in UTF-8 but also 1 byte not in UTF-8 (the first on line 4)",
		},
		{
			name:    "too little to tell, named",
			text:    head + "Bo;Ek;" + pins[0] + ";bo@example.se;070-123 45 67\n" + "Åke;Ek;" + pins[2] + ";ake@example.se;\n" + stray,
			args:    []string{"--encoding", "utf-8"},
			code:    1,
			status:  []string{"valid", "valid", "invalid"},
			problem: "bytes that are not UTF-8 in column B",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			input := filepath.Join(dir, "export.csv")
			require.NoError(t, os.WriteFile(input, []byte(tt.text), 0o600))
			report := filepath.Join(dir, "report.csv")
			args := append([]string{"check", "--mapping", writeMapping(t, dir), "--report", report}, tt.args...)
			res := runCmd(t, dir, nil, append(args, input)...)
			require.Equal(t, tt.code, res.code, res.stderr)
			assert.Contains(t, res.stderr, tt.stderr)
			if tt.code == 2 {
				assert.Contains(t, res.stderr, "--encoding utf-8")
				assert.Contains(t, res.stderr, "--encoding windows-1252")
				return
			}
			header, lines := readReport(t, report)
			statusCol, errCol, first := slices.Index(header, "status"), slices.Index(header, "error"), slices.Index(header, "Förnamn")
			require.Len(t, lines, len(tt.status))
			for i, line := range lines {
				assert.Equal(t, tt.status[i], line[statusCol], "row %d", i+2)
				assert.NotContains(t, line[first], "Ã", "no mojibake")
				if line[statusCol] == "invalid" {
					assert.Contains(t, line[errCol], tt.problem)
				}
			}
		})
	}
}

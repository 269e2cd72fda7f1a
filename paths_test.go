package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFilesMustBeDistinct: a run whose report, problems report, ledger,
// credentials, archive folder or inputs are two names for one file is
// refused (exit 2) before anything is written, and the file is as it was.
func TestFilesMustBeDistinct(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 3)
	m := writeMapping(t, dir)
	creds := filepath.Join(dir, "creds")
	require.NoError(t, os.WriteFile(creds, []byte("sandbox:"+sandboxPassword+"\n"), 0o600))
	led := filepath.Join(dir, "ledger.db")
	// A real ledger, from a run that sent the rows.
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, "--ledger", led, "--rate", "0", "--report", filepath.Join(dir, "first.csv"), input)
	require.Equal(t, 0, res.code, res.stderr)
	sent := len(s.requests())
	env := []string{"LEADIMPORT_BASE_URL=" + s.URL}
	problemsOfLedger := filepath.Join(dir, "ledger-problems.db")
	require.NoError(t, os.Link(led, problemsOfLedger))
	tests := []struct {
		name    string
		args    []string
		file    string // must be as it was
		errHas  string
		command string
	}{
		{"report is the ledger", []string{"--ledger", led, "--report", led}, led, "--report " + led + " is the same file as --ledger", "run"},
		{"report is the ledger, spelt otherwise", []string{"--ledger", led, "--report", filepath.Join(dir, "x", "..", "ledger.db")}, led, "is the same file as --ledger", "run"},
		{"report is a ledger not made yet", []string{"--ledger", filepath.Join(dir, "new.db"), "--report", filepath.Join(dir, "new.db")}, "", "is the same file as --ledger", "run"},
		{"problems report is the ledger", []string{"--ledger", problemsOfLedger, "--report", led, "--report-problems"}, led, "--report-problems", "run"},
		{"report is the credentials", []string{"--ledger", led, "--report", creds}, creds, "is the same file as --credentials", "run"},
		{"ledger is the input", []string{"--ledger", input}, input, "--ledger " + input + " is the same file as the input", "run"},
		{"credentials are the input", []string{"--ledger", led, "--credentials", input}, input, "--credentials", "run"},
		{"archive is the report", []string{"--ledger", led, "--archive-dir", filepath.Join(dir, "arch"), "--report", filepath.Join(dir, "arch")}, "", "--archive-dir", "run"},
		{"check: report is the input", []string{"--report", input}, input, "is the same file as the input", "check"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before []byte
			if tt.file != "" {
				var err error
				before, err = os.ReadFile(tt.file)
				require.NoError(t, err)
			}
			args := append([]string{tt.command, "--mapping", m}, tt.args...)
			if tt.command == "run" && !slices.Contains(tt.args, "--credentials") {
				args = append(args, "--credentials", creds)
			}
			res := runCmd(t, dir, env, append(args, input)...)
			assert.Equal(t, 2, res.code, res.stderr)
			assert.Contains(t, res.stderr, tt.errHas)
			if tt.file != "" {
				after, err := os.ReadFile(tt.file)
				require.NoError(t, err)
				assert.Equal(t, before, after, "nothing was written over it")
			}
			assert.NoFileExists(t, filepath.Join(dir, "new.db"))
		})
	}
	assert.Len(t, s.requests(), sent, "nothing is sent")
}

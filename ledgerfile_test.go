package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHistoryCreatesNoLedger: history only reads: a mistyped --ledger is
// an error (exit 2) that leaves no file or folder behind, and the default
// ledger before the first run is no runs (exit 0), still not created.
func TestHistoryCreatesNoLedger(t *testing.T) {
	dir := t.TempDir()
	typo := filepath.Join(dir, "typo", "x.db")
	res := runCmd(t, dir, nil, "history", "--ledger", typo)
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, "open ledger "+typo+": there is no such file")
	assert.NoDirExists(t, filepath.Join(dir, "typo"))

	res = runCmd(t, dir, nil, "history")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stdout, "no runs recorded yet")
	assert.NoDirExists(t, filepath.Join(dir, ".local", "state", "leadimport"))
}

// TestEmptyLedgerIsRefused: a --ledger file that exists but holds no
// ledger (0 bytes, or a database without tables) is not taken for a new
// one, which would send every lead again without a word: the run is
// refused (exit 2) unless --new-ledger says to start one. A missing file
// is a new ledger, as ever.
func TestEmptyLedgerIsRefused(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 3)
	m := writeMapping(t, dir)
	empty := filepath.Join(dir, "empty.db")
	require.NoError(t, os.WriteFile(empty, nil, 0o600))
	noTables := filepath.Join(dir, "notables.db")
	db, err := sql.Open("sqlite", noTables)
	require.NoError(t, err)
	_, err = db.Exec("CREATE TABLE t (a); DROP TABLE t")
	require.NoError(t, err)
	require.NoError(t, db.Close())
	tests := []struct {
		name   string
		ledger string
		flags  []string
		code   int
		sent   int
		errHas string
	}{
		{"empty file", empty, nil, 2, 0, "open ledger " + empty + ": the file is empty (or a database without tables)"},
		{"database without tables", noTables, nil, 2, 0, "--new-ledger"},
		{"empty file, --new-ledger", empty, []string{"--new-ledger"}, 0, 3, "3 sent"},
		{"missing file", filepath.Join(dir, "new", "ledger.db"), nil, 0, 3, "3 sent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(s.requests())
			args := append([]string{"run", "--mapping", m, "--rate", "0", "--ledger", tt.ledger, "--report", filepath.Join(dir, "reports") + "/"}, tt.flags...)
			res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), append(args, input)...)
			assert.Equal(t, tt.code, res.code, res.stderr)
			assert.Contains(t, res.stderr, tt.errHas)
			assert.Len(t, s.requests(), before+tt.sent)
		})
	}
}

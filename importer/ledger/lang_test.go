package ledger

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// TestErrorsInSwedish: what the ledger says to a user is a message, so it
// can be said in Swedish; paths, variables and SQLite's own words stay as
// they are, and the English is what it always was.
func TestErrorsInSwedish(t *testing.T) {
	dir := t.TempDir()
	notLedger := filepath.Join(dir, "leads.csv")
	require.NoError(t, os.WriteFile(notLedger, []byte("name;email\nTolvan;t@example.se\n"), 0o600))
	_, notDatabase := Open(notLedger)

	l, err := Open(filepath.Join(dir, "ledger.db"))
	require.NoError(t, err)
	r, err := l.Begin(RunInfo{Command: "run", PID: 1, Started: time.Now()})
	require.NoError(t, err)
	require.NoError(t, r.Release())
	released := r.Pending(l.Key("k"), "a.csv", 2, nil)
	require.NoError(t, l.Close())
	_, _, lookUp := l.Lookup(l.Key("k"))
	_, noHome := DefaultPath(func(string) string { return "" }, "linux")

	started := time.Date(2026, 11, 26, 18, 2, 0, 0, time.UTC)
	tests := []struct {
		name   string
		err    error
		en, sv string
	}{
		{"busy", &BusyError{Path: "l.db", PID: 7, Started: started, Inputs: []string{"a.csv", "b.xlsx"}, Host: "cron1"},
			"another leadimport run is using the ledger l.db: pid 7 on cron1, started 2026-11-26 18:02, inputs a.csv, b.xlsx; wait for it to finish",
			"en annan körning av leadimport använder liggaren l.db: pid 7 på cron1, startad 2026-11-26 18:02, indatafiler a.csv, b.xlsx; vänta tills den är klar"},
		{"busy, holder unknown", &BusyError{Path: "l.db"},
			"another leadimport run is using the ledger l.db; wait for it to finish",
			"en annan körning av leadimport använder liggaren l.db; vänta tills den är klar"},
		{"no state directory", noHome,
			"no state directory for the ledger: neither $XDG_STATE_HOME nor $HOME is set",
			"ingen tillståndskatalog för liggaren: varken $XDG_STATE_HOME eller $HOME är satt"},
		{"not a database", notDatabase,
			"open ledger " + notLedger + ": not a SQLite database: file is not a database (26)",
			"liggaren " + notLedger + " går inte att öppna: ingen SQLite-databas: file is not a database (26)"},
		{"a run used after it finished", released, "ledger run already finished", "körningen i liggaren är redan avslutad"},
		{"a step that failed", lookUp, "look up lead: sql: statement is closed", "leadet går inte att slå upp: sql: statement is closed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, tc.err)
			assert.EqualError(t, tc.err, tc.en)
			assert.Equal(t, tc.sv, msg.Swedish.Error(tc.err))
		})
	}
	assert.ErrorIs(t, notDatabase, ErrNotDatabase, "the sentinels still answer errors.Is")
	assert.ErrorIs(t, released, ErrRunReleased)
	assert.ErrorIs(t, noHome, ErrNoStateDir)
}

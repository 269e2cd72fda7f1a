package ledger

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBeginBusyInProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.db")
	first, err := Open(path)
	require.NoError(t, err)
	defer first.Close()
	started := time.Date(2026, 11, 26, 18, 2, 0, 0, time.UTC)
	r, err := first.Begin(RunInfo{Inputs: []Input{{Path: "a.csv", SHA256: "aa"}}, Command: "run", PID: 1234, Started: started})
	require.NoError(t, err)

	second, err := Open(path)
	require.NoError(t, err)
	defer second.Close()

	for name, l := range map[string]*Ledger{"same ledger": first, "second open": second} {
		t.Run(name, func(t *testing.T) {
			_, err := l.Begin(RunInfo{Command: "run", PID: 99, Started: time.Now()})
			var busy *BusyError
			require.ErrorAs(t, err, &busy)
			assert.Equal(t, 1234, busy.PID)
			assert.True(t, started.Equal(busy.Started))
			assert.Equal(t, []string{"a.csv"}, busy.Inputs)
			assert.Equal(t, path, busy.Path)
			assert.Contains(t, err.Error(), "pid 1234")
			assert.Contains(t, err.Error(), "started 2026-11-26 18:02, input a.csv")
		})
	}

	require.NoError(t, r.Finish(map[string]int{"sent": 1}, 0, "", time.Now()))
	r2, err := second.Begin(RunInfo{Command: "run", PID: 99, Started: time.Now()})
	require.NoError(t, err, "a finished run frees the ledger")
	require.NoError(t, r2.Release())
}

func TestReleasedRunRefusesWrites(t *testing.T) {
	l := newLedger(t)
	r := begin(t, l, "a.csv")
	require.NoError(t, r.Release())
	require.NoError(t, r.Release(), "Release is idempotent")

	k := l.Key("x")
	assert.ErrorIs(t, r.Pending(k, "a.csv", 2, nil), ErrRunReleased)
	assert.ErrorIs(t, r.Sent(k, "c", 201, nil), ErrRunReleased)
	assert.ErrorIs(t, r.Failed(k, 500), ErrRunReleased)
	assert.ErrorIs(t, r.Finish(nil, 0, "", time.Now()), ErrRunReleased)

	r2 := begin(t, l, "b.csv")
	require.NoError(t, r2.Finish(nil, 0, "", time.Now()))
	require.NoError(t, r2.Release(), "Release after Finish is harmless")
}

// A second process is refused while the first lives; once the first is
// killed (SIGKILL on unix: no chance to clean up) its lock is gone, and the
// key it left pending says the outcome is unknown.
func TestLockHeldByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger.db")
	child := startHolder(t, path)

	l, err := Open(path)
	require.NoError(t, err)
	defer l.Close()

	_, err = l.Begin(RunInfo{Command: "run", PID: os.Getpid(), Started: time.Now()})
	var busy *BusyError
	require.ErrorAs(t, err, &busy)
	assert.Equal(t, child.Process.Pid, busy.PID)
	assert.Equal(t, []string{childInput}, busy.Inputs)
	host, _ := os.Hostname()
	assert.Equal(t, host, busy.Host)

	require.NoError(t, child.Process.Kill())
	_ = child.Wait() // killed: the error is the point

	r, err := l.Begin(RunInfo{Command: "run", PID: os.Getpid(), Started: time.Now()})
	require.NoError(t, err, "the dead process's lock is taken over")
	defer r.Release()

	e, found, err := l.Lookup(l.Key(childKeyParts...))
	require.NoError(t, err)
	require.True(t, found)
	assert.Equal(t, StatusPending, e.Status)
	assert.Equal(t, 2, e.Row)
	assert.NotEqual(t, r.ID, e.RunID)

	runs, err := l.History(0)
	require.NoError(t, err)
	require.Len(t, runs, 2)
	assert.Equal(t, child.Process.Pid, runs[1].PID)
	assert.False(t, runs[1].Finished, "the killed run never finished")
}

func TestBusyErrorMessage(t *testing.T) {
	started := time.Date(2026, 11, 26, 18, 2, 0, 0, time.UTC)
	tests := []struct {
		name string
		err  BusyError
		want string
	}{
		{
			name: "one input",
			err:  BusyError{Path: "/s/ledger.db", PID: 1234, Started: started, Inputs: []string{"a.csv"}},
			want: "another leadimport run is using the ledger /s/ledger.db: pid 1234, started 2026-11-26 18:02, input a.csv; wait for it to finish",
		},
		{
			name: "two inputs and a host",
			err:  BusyError{Path: "l.db", PID: 7, Started: started, Inputs: []string{"a.csv", "b.xlsx"}, Host: "cron1"},
			want: "another leadimport run is using the ledger l.db: pid 7 on cron1, started 2026-11-26 18:02, inputs a.csv, b.xlsx; wait for it to finish",
		},
		{
			name: "holder unknown",
			err:  BusyError{Path: "l.db"},
			want: "another leadimport run is using the ledger l.db; wait for it to finish",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
		})
	}
}

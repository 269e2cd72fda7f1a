package ledger

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHistory(t *testing.T) {
	l := newLedger(t)
	base := time.Date(2026, 11, 26, 18, 0, 0, 0, time.FixedZone("CET", 3600))

	type run struct {
		info     RunInfo
		counts   map[string]int
		exitCode int
		reason   string
		finish   bool
	}
	runs := []run{
		{
			info: RunInfo{Inputs: []Input{{Path: "/data/a.csv", SHA256: "aa"}, {Path: "/data/b.xlsx", SHA256: "bb"}}, Mapping: "/data/m.yaml, /data/i.yaml",
				Endpoints: []string{"FinalPriceWatched", "Interest"}, Command: "run", PID: 11, Started: base},
			counts:   map[string]int{"sent": 2, "failed": 1},
			exitCode: 1,
			reason:   "some rows are invalid or failed",
			finish:   true,
		},
		{
			info: RunInfo{Inputs: []Input{{Path: "/data/a.csv", SHA256: "aa"}}, Mapping: "/data/i.yaml", Endpoints: []string{"Interest"},
				Command: "check", PID: 12, Started: base.Add(time.Hour)},
			counts: map[string]int{"valid": 3},
			finish: true,
		},
		{
			info: RunInfo{Inputs: []Input{{Path: "/data/c.csv", SHA256: "cc"}}, Mapping: "/data/m.yaml", Endpoints: []string{"FinalPriceWatched"},
				Command: "run", PID: 13, Started: base.Add(2 * time.Hour)},
		},
	}
	var ids []int64
	for i, r := range runs {
		got, err := l.Begin(r.info)
		require.NoError(t, err)
		ids = append(ids, got.ID)
		if r.finish {
			require.NoError(t, got.Finish(r.counts, r.exitCode, r.reason, r.info.Started.Add(time.Duration(i+1)*time.Minute)))
		} else {
			require.NoError(t, got.Release())
		}
	}

	all, err := l.History(0)
	require.NoError(t, err)
	require.Len(t, all, 3)
	for i, rec := range all {
		want := runs[len(runs)-1-i]
		assert.Equal(t, ids[len(runs)-1-i], rec.ID, "newest first")
		assert.Equal(t, want.info.Command, rec.Command)
		assert.Equal(t, want.info.Inputs, rec.Inputs)
		assert.Equal(t, want.info.Mapping, rec.Mapping)
		assert.Equal(t, want.info.Endpoints, rec.Endpoints)
		assert.Equal(t, want.info.PID, rec.PID)
		assert.True(t, want.info.Started.Equal(rec.Started))
		assert.Equal(t, want.finish, rec.Finished)
		assert.Equal(t, want.counts, rec.Counts)
		assert.Equal(t, want.exitCode, rec.ExitCode)
		assert.Equal(t, want.reason, rec.Reason)
	}
	assert.True(t, all[0].Ended.IsZero(), "an unfinished run has no end")
	assert.True(t, base.Add(time.Minute).Equal(all[2].Ended))

	latest, err := l.History(2)
	require.NoError(t, err)
	require.Len(t, latest, 2)
	assert.Equal(t, []int64{ids[2], ids[1]}, []int64{latest[0].ID, latest[1].ID})
}

func TestHistoryEmpty(t *testing.T) {
	l := newLedger(t)
	got, err := l.History(10)
	require.NoError(t, err)
	assert.Empty(t, got)
}

// TestRefused: a run refused before it began is in the history, ended,
// with its exit code and why, also while another run holds the ledger
// (which may be why it was refused).
func TestRefused(t *testing.T) {
	l := newLedger(t)
	base := time.Date(2026, 12, 3, 2, 0, 0, 0, time.UTC)
	holder, err := l.Begin(RunInfo{Command: "run", PID: 1, Started: base, Inputs: []Input{{Path: "/inbox/a.csv"}}})
	require.NoError(t, err)
	info := RunInfo{Command: "run", PID: 2, Started: base.Add(time.Minute), Mapping: "/etc/m.yaml", Endpoints: []string{"Interest"}, Inputs: []Input{{Path: "/inbox"}}}
	id, err := l.Refused(info, 2, "another run is using the ledger", base.Add(time.Minute+time.Second))
	require.NoError(t, err)
	require.NoError(t, holder.Finish(map[string]int{"sent": 1}, 0, "", base.Add(time.Hour)))

	all, err := l.History(0)
	require.NoError(t, err)
	require.Len(t, all, 2)
	rec := all[0]
	assert.Equal(t, id, rec.ID)
	assert.True(t, rec.Finished)
	assert.Equal(t, 2, rec.ExitCode)
	assert.Equal(t, "another run is using the ledger", rec.Reason)
	assert.Equal(t, info.Inputs, rec.Inputs)
	assert.Equal(t, "/etc/m.yaml", rec.Mapping)
	assert.Equal(t, []string{"Interest"}, rec.Endpoints)
	assert.Empty(t, rec.Counts)
	assert.True(t, base.Add(time.Minute+time.Second).Equal(rec.Ended))
	assert.Empty(t, all[1].Reason, "a run that ended well has no reason")

	// Refused before its mapping was read: no endpoint to say.
	_, err = l.Refused(RunInfo{Command: "run", PID: 3, Started: base.Add(time.Hour), Mapping: "/etc/broken.yaml"}, 2, "the mapping does not load", base.Add(time.Hour))
	require.NoError(t, err)
	all, err = l.History(1)
	require.NoError(t, err)
	assert.Nil(t, all[0].Endpoints)
}

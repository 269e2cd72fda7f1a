package importer

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/importer/status"
)

func touch(t *testing.T, path string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte("x"), 0o600))
}

func TestArchiveInputs(t *testing.T) {
	start := time.Date(2026, 11, 26, 2, 15, 0, 0, time.UTC)
	stopped := errors.New("interrupted")
	tests := []struct {
		name      string
		exitCode  int
		stopped   error // the run's
		counts    map[status.Status]int
		transient int    // failed rows that may pass
		err       error  // the input's own
		want      string // the folder it lands in; "" stays
	}{
		{"all sent", ExitOK, nil, map[status.Status]int{status.Sent: 3, status.Skipped: 1, status.Duplicate: 1}, 0, nil, "done"},
		{"some invalid", ExitRows, nil, map[status.Status]int{status.Sent: 3, status.Invalid: 1}, 0, nil, "failed"},
		{"one file clean in a run with rows to fix", ExitRows, nil, map[status.Status]int{status.Sent: 3}, 0, nil, "done"},
		{"one file clean in a run to retry", ExitStopped, nil, map[status.Status]int{status.Sent: 3}, 0, nil, "done"},
		{"stopped early: tried again next time", ExitStopped, stopped, map[status.Status]int{status.Sent: 3, status.NotSent: 9}, 0, nil, ""},
		{"failures that may pass: tried again next time", ExitStopped, nil, map[status.Status]int{status.Sent: 3, status.Failed: 2}, 2, nil, ""},
		{"invalid rows and a failure that may pass: tried again", ExitStopped, nil, map[status.Status]int{status.Sent: 3, status.Invalid: 4, status.Failed: 1}, 1, nil, ""},
		{"refused by Connect", ExitRows, nil, map[status.Status]int{status.Sent: 3, status.Failed: 3}, 0, nil, "failed"},
		{"broken off: a person must mend it", ExitNothing, nil, map[status.Status]int{status.Sent: 3}, 0, msg.Error(msg.Verbatim{Text: "broken at row 4"}), "failed"},
		{"too many invalid: nothing sent", ExitNothing, ErrTooManyInvalid, map[status.Status]int{status.Invalid: 3, status.NotSent: 9}, 0, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			input := filepath.Join(dir, "inbox", "leads.csv")
			touch(t, input)
			sum := &Summary{Stopped: tc.stopped, Files: []FileSummary{{Input: input, Counts: tc.counts, Transient: tc.transient, Err: tc.err}}}
			got, err := ArchiveInputs(filepath.Join(dir, "archive"), sum, tc.exitCode, start, msg.English)
			require.NoError(t, err)
			require.Len(t, got, 1)
			if tc.want == "" {
				assert.Empty(t, got[0].To)
				assert.Contains(t, msg.English.Say(got[0].Why), "left in place")
				assert.FileExists(t, input)
				return
			}
			want := filepath.Join(dir, "archive", tc.want, "leads.csv")
			assert.Equal(t, want, got[0].To)
			assert.FileExists(t, want)
			assert.NoFileExists(t, input)
			if tc.err != nil {
				reason, err := os.ReadFile(want + ".reason.txt")
				require.NoError(t, err)
				assert.Equal(t, msg.English.Error(tc.err)+"\n", string(reason))
			} else {
				assert.NoFileExists(t, want+".reason.txt")
			}
		})
	}
}

func TestArchiveKeepsAnEarlierFileOfTheSameName(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 11, 26, 2, 15, 0, 0, time.UTC)
	touch(t, filepath.Join(dir, "archive", "done", "leads.csv"))
	input := filepath.Join(dir, "inbox", "leads.csv")
	touch(t, input)
	got, err := ArchiveInputs(filepath.Join(dir, "archive"), &Summary{Files: []FileSummary{{Input: input, Counts: map[status.Status]int{status.Sent: 1}}}}, ExitOK, start, msg.English)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "archive", "done", "leads-20261126-021500.csv"), got[0].To)
	assert.FileExists(t, filepath.Join(dir, "archive", "done", "leads.csv"))
}

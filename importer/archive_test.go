package importer

import (
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
	tests := []struct {
		name     string
		exitCode int
		counts   map[status.Status]int
		want     string // the folder it lands in; "" stays
	}{
		{"all sent", ExitOK, map[status.Status]int{status.Sent: 3, status.Skipped: 1, status.Duplicate: 1}, "done"},
		{"some invalid", ExitRows, map[status.Status]int{status.Sent: 3, status.Invalid: 1}, "failed"},
		{"one file clean in a run with rows to fix", ExitRows, map[status.Status]int{status.Sent: 3}, "done"},
		{"stopped early: tried again next time", ExitStopped, map[status.Status]int{status.Sent: 3, status.NotSent: 9}, ""},
		{"failures that may pass: tried again next time", ExitRows, map[status.Status]int{status.Sent: 3, status.Failed: 2}, ""},
		{"refused by Connect", ExitRows, map[status.Status]int{status.Sent: 3, status.Failed: 3}, "failed"},
		{"nothing sent", ExitNothing, map[status.Status]int{status.Invalid: 3, status.NotSent: 9}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			input := filepath.Join(dir, "inbox", "leads.csv")
			touch(t, input)
			sum := &Summary{Files: []FileSummary{{Input: input, Counts: tc.counts, Transient: 2}}}
			got, err := ArchiveInputs(filepath.Join(dir, "archive"), sum, tc.exitCode, start)
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
		})
	}
}

func TestArchiveKeepsAnEarlierFileOfTheSameName(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 11, 26, 2, 15, 0, 0, time.UTC)
	touch(t, filepath.Join(dir, "archive", "done", "leads.csv"))
	input := filepath.Join(dir, "inbox", "leads.csv")
	touch(t, input)
	got, err := ArchiveInputs(filepath.Join(dir, "archive"), &Summary{Files: []FileSummary{{Input: input, Counts: map[status.Status]int{status.Sent: 1}}}}, ExitOK, start)
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "archive", "done", "leads-20261126-021500.csv"), got[0].To)
	assert.FileExists(t, filepath.Join(dir, "archive", "done", "leads.csv"))
}

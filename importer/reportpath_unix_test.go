//go:build unix

package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/regular"
)

// TestCheckReport: a report is never written through a link the user
// made (it would truncate the link's target), nor into a FIFO; the links
// the system keeps in /dev (/dev/stdout, to wherever the output goes) are
// devices' names, and --report /dev/stdout works as it did.
func TestCheckReport(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "precious.txt")
	require.NoError(t, os.WriteFile(target, []byte("keep"), 0o600))
	link := filepath.Join(dir, "r.csv")
	require.NoError(t, os.Symlink(target, link))

	assert.ErrorIs(t, CheckReport(link), regular.ErrNotRegular)
	assert.NoError(t, CheckReport(filepath.Join(dir, "new.csv")))
	assert.NoError(t, CheckReport(target))
	if _, err := os.Lstat("/dev/stdout"); err == nil {
		assert.NoError(t, CheckReport("/dev/stdout"))
	}
	for path, want := range map[string]bool{"/dev/stdout": true, "/dev/stderr": true, "/dev/fd/1": true,
		"/dev/fd/": false, "/dev/fd/1x": false, "/dev/shm/r.csv": false, "/dev/stdin2": false} {
		assert.Equal(t, want, isStreamLink(path), path)
	}
}

package web

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStaleFoldersAreRemovedAtStart: the folders of servers that died
// without removing them (a closed terminal, a kill) go at the next start;
// a running server's, and anything else, stay.
func TestStaleFoldersAreRemovedAtStart(t *testing.T) {
	tmp := t.TempDir()
	now := time.Now()
	gone := exec.Command("go", "version")
	require.NoError(t, gone.Run())
	folder := func(name, pid string, age time.Duration) string {
		dir := filepath.Join(tmp, name)
		require.NoError(t, os.MkdirAll(filepath.Join(dir, "import-1"), 0o700))
		require.NoError(t, os.WriteFile(filepath.Join(dir, "import-1", "visning.xlsx"), []byte("PK"), 0o600))
		if pid != "" {
			require.NoError(t, os.WriteFile(filepath.Join(dir, pidFile), []byte(pid), 0o600))
		}
		require.NoError(t, os.Chtimes(dir, now.Add(-age), now.Add(-age)))
		return dir
	}
	dead := folder("leadimport-serve-1", strconv.Itoa(gone.Process.Pid), time.Minute)
	running := folder("leadimport-serve-2", strconv.Itoa(os.Getpid()), 48*time.Hour)
	oldUnowned := folder("leadimport-serve-3", "", 2*unownedAge)
	newUnowned := folder("leadimport-serve-4", "", time.Second)
	other := folder("something-else", strconv.Itoa(gone.Process.Pid), 48*time.Hour)

	dir, err := newServeDir(tmp, now)
	require.NoError(t, err)
	assert.NoDirExists(t, dead)
	assert.NoDirExists(t, oldUnowned)
	assert.DirExists(t, running)
	assert.DirExists(t, newUnowned, "a server between making its folder and writing its pid")
	assert.DirExists(t, other)
	pid, err := os.ReadFile(filepath.Join(dir, pidFile))
	require.NoError(t, err)
	assert.Equal(t, strconv.Itoa(os.Getpid()), string(pid))
	info, err := os.Stat(dir)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), info.Mode().Perm())
}

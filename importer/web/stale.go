package web

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// serveDirPrefix starts the name of a server's private folder in the
// temporary folder, and pidFile, in it, names the process that owns it.
const (
	serveDirPrefix = "leadimport-serve-"
	pidFile        = "pid"
)

// unownedAge is how old a server's folder without a pid file must be
// before it is taken as left behind: one is without it for the moment
// between its making and its pid's writing.
const unownedAge = time.Hour

// newServeDir makes a server's private folder (0700) in tmp and writes
// this process's id in it, after removing the folders of servers that
// are gone without removing theirs (killed, or their terminal closed):
// they hold uploads, personal data.
func newServeDir(tmp string, now time.Time) (string, error) {
	removeStale(tmp, now)
	dir, err := os.MkdirTemp(tmp, serveDirPrefix+"*")
	if err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, pidFile), []byte(strconv.Itoa(os.Getpid())), 0o600); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	return dir, nil
}

// removeStale removes the servers' folders in tmp whose process is gone.
// Another user's is not ours to remove (and cannot be).
func removeStale(tmp string, now time.Time) {
	entries, err := os.ReadDir(tmp)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), serveDirPrefix) {
			continue
		}
		dir := filepath.Join(tmp, e.Name())
		if !ownedByUs(dir) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, pidFile))
		if err != nil {
			if info, err := e.Info(); err == nil && now.Sub(info.ModTime()) > unownedAge {
				os.RemoveAll(dir)
			}
			continue
		}
		if pid, err := strconv.Atoi(strings.TrimSpace(string(data))); err == nil && pid > 0 && !alive(pid) {
			os.RemoveAll(dir)
		}
	}
}

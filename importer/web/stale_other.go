//go:build !unix

package web

import "os"

// alive reports whether the process pid is running: on Windows,
// FindProcess opens it, and fails once it is gone.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}

// ownedByUs: the temporary folder is the user's own (%TEMP%).
func ownedByUs(string) bool { return true }

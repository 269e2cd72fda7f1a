package ledger

import (
	"errors"
	"path"
	"strings"

	"leadimport/importer/msg"
)

// ErrNoStateDir says the environment does not tell where the user's state
// directory is, so the ledger needs an explicit path.
var ErrNoStateDir = errors.New("no state directory for the ledger")

// DefaultPath returns where the ledger lives when no path is given: under the
// user's state directory, which is $XDG_STATE_HOME (else ~/.local/state) on
// Linux and other unix systems, ~/Library/Application Support on macOS and
// %LocalAppData% on Windows.
//
// It takes getenv and goos rather than reading them itself, so that main reads
// the environment once and tests can try every platform on any platform.
func DefaultPath(getenv func(string) string, goos string) (string, error) {
	switch goos {
	case "windows":
		dir := getenv("LocalAppData")
		if dir == "" {
			return "", noStateDir("%LocalAppData%")
		}
		// Built by hand so the result is a Windows path whatever the host.
		return strings.TrimRight(dir, `\/`) + `\leadimport\ledger.db`, nil
	case "darwin", "ios":
		home := getenv("HOME")
		if home == "" {
			return "", noStateDir("$HOME")
		}
		return path.Join(home, "Library", "Application Support", "leadimport", "ledger.db"), nil
	default:
		// The XDG spec says a relative $XDG_STATE_HOME is invalid and must be
		// ignored; honouring it would put the ledger under whatever directory
		// cron happened to start in, and a second run would not find it.
		if dir := getenv("XDG_STATE_HOME"); strings.HasPrefix(dir, "/") {
			return path.Join(dir, "leadimport", "ledger.db"), nil
		}
		home := getenv("HOME")
		if home == "" {
			return "", noStateDir("$XDG_STATE_HOME", "$HOME")
		}
		return path.Join(home, ".local", "state", "leadimport", "ledger.db"), nil
	}
}

// noStateDir says which variables, as the user sets them, were not set.
func noStateDir(unset ...string) error {
	return msg.Error(msg.NoStateDir{Unset: unset}, ErrNoStateDir)
}

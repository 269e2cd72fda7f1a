package importer

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"leadimport/importer/msg"
	"leadimport/importer/status"
)

// Archived is where an input was moved after its run, or why it stayed.
type Archived struct {
	Input string
	To    string // "" when it stayed where it was
	Why   msg.Message
}

// ArchiveInputs moves each input of a finished run into dir: to done/
// when every one of its rows was sent (now or before) or is a duplicate
// of one that was, to failed/ when some are invalid or were refused by
// Connect and need a person. An input with any row that failed for a
// reason that may pass (no answer, 429, 5xx) stays where it is, whatever
// else it holds, and so do an input that could not be read to its end
// and the inputs of a run that stopped early or never started: the next
// run tries them again, and the ledger sends only what was not sent. A
// name already taken in done/ or failed/ gets the time of the run added.
func ArchiveInputs(dir string, sum *Summary, exitCode int, start time.Time) ([]Archived, error) {
	var out []Archived
	var errs []error
	for _, f := range sum.Files {
		a := Archived{Input: f.Input}
		switch {
		case exitCode == ExitNothing || sum.Stopped != nil:
			a.Why = msg.LeftAfterExit{Code: exitCode}
		case f.Err != nil:
			a.Why = msg.LeftNotMoved{Err: f.Err}
		case clean(f.Counts):
			a.To = filepath.Join(dir, "done")
		case f.Transient > 0:
			a.Why = msg.LeftMayPass{Rows: f.Transient}
		default:
			a.To = filepath.Join(dir, "failed")
			a.Why = msg.ToFix{}
		}
		if a.To != "" {
			to, err := moveInto(f.Input, a.To, start)
			if err != nil {
				errs = append(errs, msg.Error(msg.ArchiveFailed{Input: f.Input, Err: err}))
				a.To, a.Why = "", msg.LeftNotMoved{Err: err}
			} else {
				a.To = to
			}
		}
		out = append(out, a)
	}
	return out, errors.Join(errs...)
}

// clean reports whether every row is settled: sent (now or before), a
// duplicate of one that was, or in a check valid.
func clean(counts map[status.Status]int) bool {
	for st, n := range counts {
		if n > 0 && !slices.Contains([]status.Status{status.Sent, status.Skipped, status.Duplicate, status.Valid}, st) {
			return false
		}
	}
	return true
}

// moveInto moves path into dir (made if need be) and returns its new
// path; across file systems it copies and then removes.
func moveInto(path, dir string, start time.Time) (string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	name := filepath.Base(path)
	to := filepath.Join(dir, name)
	if _, err := os.Lstat(to); err == nil {
		ext := filepath.Ext(name)
		to = filepath.Join(dir, strings.TrimSuffix(name, ext)+"-"+start.Format("20060102-150405")+ext)
	}
	if _, err := os.Lstat(to); err == nil {
		return "", msg.Error(msg.PathExists{Path: to})
	}
	err := os.Rename(path, to)
	var linkErr *os.LinkError
	switch {
	case err == nil:
		return to, nil
	case !errors.As(err, &linkErr) || !errors.Is(linkErr.Err, syscall.EXDEV):
		return "", err // e.g. the file is open in Excel (Windows): it stays
	}
	// Another file system: copy, then remove the original; if it cannot
	// be removed, remove the copy, so the file is in one place only.
	if err := copyFile(path, to); err != nil {
		os.Remove(to)
		return "", err
	}
	if err := os.Remove(path); err != nil {
		os.Remove(to)
		return "", err
	}
	return to, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

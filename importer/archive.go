package importer

import (
	"cmp"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"leadimport/importer/msg"
	"leadimport/importer/regular"
	"leadimport/importer/status"
)

// Archived is where an input was moved after its run, or why it stayed.
type Archived struct {
	Input string
	To    string // "" when it stayed where it was
	Why   msg.Message
	// Reason: Why is also in TO.reason.txt, beside the input moved.
	Reason bool
}

// ArchiveInputs moves each input of a finished run into dir: to done/
// when every one of its rows was sent (now or before) or is a duplicate
// of one that was, to failed/ when some are invalid or were refused by
// Connect and need a person, and to failed/ with NAME.reason.txt beside it
// (why, in l, with no personal data) when it could not be read, did not
// fit the mapping or broke off. An input still being written (see
// FileSummary.Held) stays where it is, and so does an input with any row
// that failed for a reason that may pass (no answer, 429, 5xx), whatever
// else it holds, and the inputs of a run that stopped early or never
// started: the next run tries them again, and the ledger sends
// only what was not sent. A name already taken in done/ or failed/ gets
// the time of the run added.
func ArchiveInputs(dir string, sum *Summary, exitCode int, start time.Time, l msg.Lang) ([]Archived, error) {
	var out []Archived
	var errs []error
	for _, f := range sum.Files {
		a := Archived{Input: f.Input}
		switch {
		case f.Held != nil:
			a.Why = msg.Of(f.Held)
		case sum.Stopped != nil:
			a.Why = msg.LeftAfterExit{Code: exitCode}
		case f.Refused != nil || f.Err != nil:
			a.To, a.Why, a.Reason = filepath.Join(dir, "failed"), msg.Of(cmp.Or(f.Refused, f.Err)), true
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
			if err == nil && a.Reason {
				err = writeReason(to+".reason.txt", l.Say(a.Why))
			}
			if err != nil {
				errs = append(errs, msg.Error(msg.ArchiveFailed{Input: f.Input, Err: err}))
				a.To, a.Why, a.Reason = "", msg.LeftNotMoved{Err: err}, false
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
	in, err := regular.Open(from)
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

// writeReason writes why an input was moved to failed/ beside it, for
// whoever looks in the folder; its words are leadimport's and the file's
// name, headers and line numbers, no row's values.
func writeReason(path, why string) error {
	return os.WriteFile(path, []byte(why+"\n"), 0o600)
}

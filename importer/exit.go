package importer

import (
	"errors"
	"fmt"
	"strings"

	"leadimport/importer/msg"
)

// Exit codes: a contract with scripts and cron jobs.
const (
	ExitOK      = 0   // every row sent, now or before (check: every row valid)
	ExitRows    = 1   // finished, but some rows are invalid or refused: a person must fix them
	ExitNothing = 2   // nothing sent: bad usage, mapping, input, credentials, a busy ledger
	ExitStopped = 3   // run again later: stopped early, or rows failed for a reason that may pass
	ExitForced  = 130 // a second interrupt quit at once
)

// ErrRowsLeft is a run that finished with rows invalid or refused: the
// report says which and why, and a person must fix them.
var ErrRowsLeft = errors.New("some rows are invalid or failed")

// ErrRetryLater is a run that finished with rows that failed for a reason
// that may pass (no answer, 429, 5xx): the next run sends them, and the
// ledger skips what was sent. It exits ExitStopped, so that a scheduler
// that retries failed runs retries it.
var ErrRetryLater = errors.New("some rows could not be sent for a reason that may pass")

// StoppedError is a run that stopped before every row was tried, after
// sending some: Connect refused the credentials or seemed down, a report
// could not be written, or the run was interrupted.
type StoppedError struct{ Err error }

func (e *StoppedError) Error() string    { return msg.English.Say(e.Msg()) }
func (e *StoppedError) Unwrap() error    { return e.Err }
func (e *StoppedError) Msg() msg.Message { return msg.StoppedEarly{Err: e.Err} }

// Err is how the run that returned runErr ended, as one error that
// ExitCode turns into its exit code: a run that never started (a
// *SetupError) or sent nothing because too many rows are invalid; one that
// stopped early (a *StoppedError); else the worst of its inputs' (see
// FileSummary.err), 3 over 2 over 1: nil when every row of every input
// was sent (now or before) or is a duplicate of one that was.
func (s *Summary) Err(runErr error) error {
	var setup *SetupError
	switch {
	case errors.As(runErr, &setup):
		return runErr
	case errors.Is(s.Stopped, ErrTooManyInvalid):
		return s.Stopped
	case s.Stopped != nil:
		return &StoppedError{s.Stopped}
	}
	var worst error
	for i := range s.Files {
		if err := s.Files[i].err(); ExitCode(err) > ExitCode(worst) {
			worst = err
		}
	}
	return worst
}

// err is how the input ended: held for the next run (ErrRetryLater's
// 3: it is still being written); refused, or broken off (a person must mend
// the file: ExitNothing's 2); with rows that may pass (ErrRetryLater);
// with rows a person must fix (ErrRowsLeft); or nil, every row settled.
func (f *FileSummary) err() error {
	switch {
	case f.Held != nil:
		return f.Held
	case f.Refused != nil:
		return f.Refused
	case f.Err != nil:
		return f.Err
	case f.Transient > 0:
		return ErrRetryLater
	case !clean(f.Counts):
		return ErrRowsLeft
	}
	return nil
}

// ExitCode is the exit code for a run that returned runErr.
func (s *Summary) ExitCode(runErr error) int { return ExitCode(s.Err(runErr)) }

// ExitCode is the documented exit code for an error a run ended with (see
// Summary.Err): every error that is not a stop or rows left means nothing
// was sent.
func ExitCode(err error) int {
	var stopped *StoppedError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &stopped), errors.Is(err, ErrRetryLater):
		return ExitStopped
	case errors.Is(err, ErrRowsLeft):
		return ExitRows
	}
	return ExitNothing
}

// maxReason is the most runes of a Reason.
const maxReason = 500

// Reason is why a run ended with err, as the ledger's history keeps it:
// in English (like a JSON log), the first line of the message (and of
// what it heads, when it ends in a colon) and how many more it has, cut at maxReason runes; "" for nil. The messages a
// run ends with name files, columns and counts, never a cell's value (a
// header that looks like data is not shown).
func Reason(err error) string {
	if err == nil {
		return ""
	}
	lines := strings.Split(strings.TrimSpace(msg.English.Error(err)), "\n")
	s, n := strings.TrimSpace(lines[0]), 1
	for ; strings.HasSuffix(s, ":") && n < len(lines); n++ { // a heading: its first line too
		s += " " + strings.TrimSpace(lines[n])
	}
	switch more := len(lines) - n; {
	case more == 1:
		s += " (and 1 more line)"
	case more > 1:
		s += fmt.Sprintf(" (and %d more lines)", more)
	}
	return oneLine(s, maxReason-1)
}

// SetupError is an error found before anything was sent: an unreadable
// input, a mapping that does not fit it, a report that cannot be created.
type SetupError struct{ Err error }

func (e *SetupError) Error() string    { return e.Err.Error() }
func (e *SetupError) Unwrap() error    { return e.Err }
func (e *SetupError) Msg() msg.Message { return msg.Of(e.Err) }

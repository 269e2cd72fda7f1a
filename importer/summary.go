package importer

import (
	"cmp"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// Summary is what a run did.
type Summary struct {
	Files    []FileSummary
	Counts   map[status.Status]int
	Requests int // attempts made, retries included
	// Throttled is how many attempts Connect answered 429 Too Many
	// Requests.
	Throttled int
	Elapsed   time.Duration
	// Stopped is why the run ended before every row was tried, or nil.
	Stopped error
	// LedgerErr is set when the run could not be closed in the ledger.
	LedgerErr error
	// Recorded says the run began in the ledger, which then has its end:
	// a run refused before (a *SetupError) is for the caller to record,
	// with ledger.Ledger.Refused.
	Recorded bool
}

// FileSummary is one input's part of a run.
type FileSummary struct {
	Input  string
	Report string
	// Problems is the report of the rows that need a person, when asked
	// for; "" otherwise.
	Problems string
	Rows     int
	Counts   map[status.Status]int
	// Columns says, per mapped column, how many values were valid,
	// changed, invalid or empty.
	Columns []mapping.ColumnCount
	// Transient is how many of the failed rows failed for a reason that
	// may pass (no answer, 429, 5xx): a later run may well send them.
	Transient int
	// Refused is why the input was not read at all: it cannot be opened,
	// or it does not fit the mapping. Its other fields are then empty.
	Refused error
	// Err is why the input could not be read to its end; nil when it was.
	Err error
	// Held is why the input was left for the next run: it was written
	// too recently (Config.Settle), or changed while it was read (then
	// some of its rows may have been sent). It wraps ErrRetryLater.
	Held error
	// Reasons counts why rows were invalid or failed, each reason as the
	// log says it (in Config.LogLang, without values), up to maxReasons
	// different ones; OtherReasons counts the rest.
	Reasons      map[string]int
	OtherReasons int
}

// transient is how many rows of the run failed for a reason that may pass.
func (s *Summary) transient() int {
	n := 0
	for _, f := range s.Files {
		n += f.Transient
	}
	return n
}

// Sent reports how many rows were sent.
func (s *Summary) Sent() int { return s.Counts[status.Sent] }

// Clean reports whether every row was sent, now or before, or is a
// duplicate of one that was (in check: is valid).
func (s *Summary) Clean() bool { return clean(s.Counts) }

// Print writes the closing summary in l: counts per status, time, rate.
func (s *Summary) Print(w io.Writer, l msg.Lang) {
	say := func(m msg.Message) { fmt.Fprintln(w, l.Say(m)) }
	done := msg.RunDone{Elapsed: s.Elapsed, Requests: s.Requests, Throttled: s.Throttled}
	for _, st := range status.All {
		if n := s.Counts[st]; n > 0 {
			done.Counts = append(done.Counts, msg.Count{Status: string(st), Rows: n})
		}
	}
	say(done)
	for _, f := range s.Files {
		if f.Report != "" {
			say(msg.ReportAt{Path: f.Report})
		}
		if f.Problems != "" {
			say(msg.ProblemsAt{Path: f.Problems})
		}
	}
	if s.Stopped != nil {
		say(msg.StoppedEarly{Err: s.Stopped})
	} else if n := s.transient(); n > 0 {
		say(msg.RetryLater{Rows: n})
	}
	s.printReasons(w, l)
	if s.LedgerErr != nil {
		say(msg.LedgerEndFailed{Err: s.LedgerErr})
	}
}

// Log logs the closing summary as records, for --log-format json: one
// "done" record with the counts per status and the exit code, and for
// check one "column" record per mapped column.
func (s *Summary) Log(log *slog.Logger, columns bool, exitCode int) {
	if columns {
		for _, f := range s.Files {
			for _, c := range f.Columns {
				log.Info("column", "input", f.Input, "column", c.Column, "field", c.Field, "valid", c.Valid,
					"changed", c.Changed, "invalid", c.Invalid, "empty", c.Empty, "warnings", c.Warned)
			}
		}
	}
	attrs := []any{}
	for _, st := range status.All {
		if n := s.Counts[st]; n > 0 {
			attrs = append(attrs, string(st), n)
		}
	}
	attrs = append(attrs, "exit_code", exitCode, "elapsed", s.Elapsed.Round(time.Millisecond).String(), "requests", s.Requests,
		"throttled", s.Throttled)
	var reports, problems []string
	for _, f := range s.Files {
		if f.Report != "" {
			reports = append(reports, f.Report)
		}
		if f.Problems != "" {
			problems = append(problems, f.Problems)
		}
	}
	attrs = append(attrs, "reports", reports)
	if problems != nil {
		attrs = append(attrs, "problems", problems)
	}
	if s.Stopped != nil {
		attrs = append(attrs, "stopped", s.Stopped.Error())
	}
	if s.LedgerErr != nil {
		attrs = append(attrs, "ledger_error", s.LedgerErr.Error())
	}
	log.Info("done", attrs...)
}

// PrintColumns writes, for each input, how the values of each mapped
// column fared: check's per-column summary. Names are left-aligned,
// counts right-aligned, in columns a terminal shows straight.
func (s *Summary) PrintColumns(w io.Writer, l msg.Lang) {
	for _, f := range s.Files {
		if len(f.Columns) == 0 {
			continue
		}
		say := l.Say
		column := say(msg.HeadColumn{})
		width := utf8.RuneCountInString(column)
		for _, c := range f.Columns {
			width = max(width, utf8.RuneCountInString(c.Column))
		}
		pad := func(s string) string { return s + strings.Repeat(" ", width-utf8.RuneCountInString(s)) }
		fmt.Fprintln(w, say(msg.PerColumn{Input: f.Input}))
		fmt.Fprintf(w, "  %s  %7s %7s %7s %7s %8s  %s\n", pad(column), say(msg.HeadValid{}), say(msg.HeadChanged{}),
			say(msg.HeadInvalid{}), say(msg.HeadEmpty{}), say(msg.HeadWarnings{}), say(msg.HeadField{}))
		for _, c := range f.Columns {
			fmt.Fprintf(w, "  %s  %7d %7d %7d %7d %8d  %s\n", pad(c.Column), c.Valid, c.Changed, c.Invalid, c.Empty, c.Warned, c.Field)
		}
	}
}

func (s *Summary) countsByName() map[string]int {
	m := make(map[string]int, len(s.Counts))
	for st, n := range s.Counts {
		m[string(st)] = n
	}
	return m
}

// shownReasons is how many reasons the summary lists; the others are
// counted in one line.
const shownReasons = 20

// printReasons ends the summary with why rows were invalid or failed,
// the most frequent reason first: what to mend first.
func (s *Summary) printReasons(w io.Writer, l msg.Lang) {
	counts := map[string]int{}
	other := 0
	for _, f := range s.Files {
		for r, n := range f.Reasons {
			counts[r] += n
		}
		other += f.OtherReasons
	}
	if len(counts) == 0 {
		return
	}
	reasons := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(counts[b]-counts[a], strings.Compare(a, b))
	})
	width := len(strconv.Itoa(counts[reasons[0]]))
	fmt.Fprintln(w, l.Say(msg.ByReason{}))
	for i, r := range reasons {
		if i == shownReasons {
			for _, r := range reasons[i:] {
				other += counts[r]
			}
			break
		}
		fmt.Fprintf(w, "  %*d  %s\n", width, counts[r], r)
	}
	if other > 0 {
		fmt.Fprintf(w, "  %*d  %s\n", width, other, l.Say(msg.OtherReasons{}))
	}
}

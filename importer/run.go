// Package importer runs an import: it reads each input's rows, turns them
// into leads through the mapping, sends the valid ones to Connect under a
// shared rate limit, and writes a report line for every row.
//
//	sum, err := importer.Run(ctx, importer.Config{
//		Inputs:  []string{"visning.xlsx"},
//		Mapping: m,
//		Client:  client, // nil: check only, send nothing
//		Workers: 4,
//		Limiter: rate.NewLimiter(5, 1),
//	})
//
// One row's way: source.Reader.Next → mapping.Mapper.Map → sender.send →
// report line. Only the collector writes the report, in input order.
package importer

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/time/rate"

	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/report"
	"leadimport/importer/source"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// Config is everything a run needs. main builds it from flags and the
// environment; tests build it directly.
type Config struct {
	Inputs  []string
	Mapping *mapping.Mapping
	Sets    map[string]string // --set FIELD=VALUE

	// Report is the report's path; its extension picks the format (.csv,
	// .xlsx, .jsonl). Empty: <input>-report-<time>.csv (.xlsx for an XLSX
	// input) in the working directory, one per input. An existing
	// directory: the same names inside it. A file path is allowed with
	// one input only.
	Report string
	// MappingPath and CommandLine are what an XLSX report's summary sheet
	// says the run was given. CommandLine must hold no secret.
	MappingPath string
	CommandLine string
	// Lang is the language of the reports' messages; "" is English.
	Lang msg.Lang

	// Client sends the leads. Nil means check: validate, send nothing.
	Client  Poster
	Workers int
	Limiter *rate.Limiter // shared by every worker; nil: no limit
	Timeout time.Duration // per request
	Retries int           // further attempts after a retryable failure
	Backoff Backoff       // zero: DefaultBackoff
	// MaxFailures rows failing in a row (5xx or network, after their
	// retries) stop the run: Connect is down. 0: never stop.
	MaxFailures int
	// MaxInvalid, when set, has every input read once before anything is
	// sent: with more invalid rows than this in all, nothing is sent (a
	// wrong mapping makes every row invalid). Nil: no limit.
	MaxInvalid *int

	// Ledger remembers what was sent, so that no lead is sent twice. Nil:
	// no memory between runs (and no duplicate check within one). Only a
	// run that sends uses it.
	Ledger *ledger.Ledger
	Force  bool // send even what the ledger says was sent

	Now func() time.Time // nil: time.Now
	// Sleep waits out a backoff or a Retry-After pause; nil: Sleep, on
	// the real clock. A test passes one that only moves its Now on.
	Sleep func(ctx context.Context, d time.Duration) error
	// Log hears what was detected in each input (info), each row that is
	// invalid or failed (warn, without personal data) and each row sent
	// (debug). Nil: nothing is logged.
	Log *slog.Logger
	// Progress hears of each row as its line is written; nil: nobody.
	// With CountRows, a second reader counts each input's rows meanwhile,
	// for a total and an ETA.
	Progress  Progress
	CountRows bool
}

// Summary is what a run did.
type Summary struct {
	Files    []FileSummary
	Counts   map[status.Status]int
	Requests int // attempts made, retries included
	Elapsed  time.Duration
	// Stopped is why the run ended before every row was tried, or nil.
	Stopped error
	// LedgerErr is set when the run could not be closed in the ledger.
	LedgerErr error
}

// FileSummary is one input's part of a run.
type FileSummary struct {
	Input  string
	Report string
	Rows   int
	Counts map[status.Status]int
	// Columns says, per mapped column, how many values were valid,
	// changed, invalid or empty.
	Columns []mapping.ColumnCount
	// Transient is how many of the failed rows failed for a reason that
	// may pass (no answer, 429, 5xx): a later run may well send them.
	Transient int
}

// Sent reports how many rows were sent.
func (s *Summary) Sent() int { return s.Counts[status.Sent] }

// Clean reports whether every row was sent, now or before, or is a
// duplicate of one that was (in check: is valid).
func (s *Summary) Clean() bool { return clean(s.Counts) }

// Print writes the closing summary: counts per status, time, rate.
func (s *Summary) Print(w io.Writer) {
	var parts []string
	for _, st := range status.All {
		if n := s.Counts[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, st))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "no rows")
	}
	fmt.Fprintf(w, "%s in %s", strings.Join(parts, ", "), s.Elapsed.Round(time.Millisecond))
	if s.Requests > 0 && s.Elapsed > 0 {
		fmt.Fprintf(w, ", %d requests (%.1f/s)", s.Requests, float64(s.Requests)/s.Elapsed.Seconds())
	}
	fmt.Fprintln(w)
	for _, f := range s.Files {
		fmt.Fprintf(w, "report: %s\n", f.Report)
	}
	if s.Stopped != nil {
		fmt.Fprintf(w, "stopped early: %v\n", s.Stopped)
	}
	if s.LedgerErr != nil {
		fmt.Fprintf(w, "the ledger could not record the run's end: %v\n", s.LedgerErr)
	}
}

// Log logs the closing summary as records, for --log-format json: one
// "done" record with the counts per status, and for check one "column"
// record per mapped column.
func (s *Summary) Log(log *slog.Logger, columns bool) {
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
	attrs = append(attrs, "elapsed", s.Elapsed.Round(time.Millisecond).String(), "requests", s.Requests)
	var reports []string
	for _, f := range s.Files {
		reports = append(reports, f.Report)
	}
	attrs = append(attrs, "reports", reports)
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
func (s *Summary) PrintColumns(w io.Writer) {
	for _, f := range s.Files {
		if len(f.Columns) == 0 {
			continue
		}
		width := len("column")
		for _, c := range f.Columns {
			width = max(width, utf8.RuneCountInString(c.Column))
		}
		pad := func(s string) string { return s + strings.Repeat(" ", width-utf8.RuneCountInString(s)) }
		fmt.Fprintf(w, "%s, per column:\n", f.Input)
		fmt.Fprintf(w, "  %s  %7s %7s %7s %7s %8s  %s\n", pad("column"), "valid", "changed", "invalid", "empty", "warnings", "field")
		for _, c := range f.Columns {
			fmt.Fprintf(w, "  %s  %7d %7d %7d %7d %8d  %s\n", pad(c.Column), c.Valid, c.Changed, c.Invalid, c.Empty, c.Warned, c.Field)
		}
	}
}

// SetupError is an error found before anything was sent: an unreadable
// input, a mapping that does not fit it, a report that cannot be created.
type SetupError struct{ Err error }

func (e *SetupError) Error() string    { return e.Err.Error() }
func (e *SetupError) Unwrap() error    { return e.Err }
func (e *SetupError) Msg() msg.Message { return msg.Of(e.Err) }

// Run imports every input in turn and returns what it did. A returned
// *SetupError means nothing was sent. Rows that fail are not errors: they
// are in the report and the summary. Cancelling ctx stops the run like an
// interruption: requests in flight finish, the rest are not_sent.
func Run(ctx context.Context, cfg Config) (sum Summary, runErr error) {
	cfg.setDefaults()
	start := cfg.Now()
	sum = Summary{Counts: map[status.Status]int{}}

	// Every input is opened and matched against the mapping, the ledger
	// taken and every report created, before any row is sent, so that a
	// wrong header in the third file does not leave the first two half
	// imported. The ledger comes before the reports: a run that finds
	// another one running must not touch that run's report.
	files, err := cfg.open(start)
	defer func() {
		for _, f := range files {
			f.close()
		}
	}()
	if err != nil {
		return sum, &SetupError{err}
	}

	stop, stopRun := context.WithCancelCause(ctx)
	defer stopRun(nil)
	var snd *sender
	if cfg.Client != nil {
		snd = &sender{client: cfg.Client, limiter: cfg.Limiter, timeout: cfg.Timeout, log: cfg.Log,
			retries: cfg.Retries, backoff: cfg.Backoff, now: cfg.Now, sleep: cfg.Sleep, stop: stopRun, maxFailures: cfg.MaxFailures}
		if cfg.Ledger != nil {
			lrun, err := cfg.beginLedger(start)
			if err != nil {
				return sum, &SetupError{err}
			}
			snd.ledger = lrun
			defer func() {
				sum.LedgerErr = lrun.Finish(sum.countsByName(), sum.ExitCode(runErr), cfg.Now())
			}()
			for _, f := range files {
				f.ledger, f.lrun, f.force = cfg.Ledger, lrun, cfg.Force
			}
		}
	}
	// Counted before the reports are made: a file that cannot be read
	// through is a setup error, and leaves no empty report behind.
	var tooMany error
	if snd != nil && cfg.MaxInvalid != nil {
		n, err := countInvalid(stop, files)
		if err != nil {
			return sum, &SetupError{err}
		}
		if n > *cfg.MaxInvalid {
			tooMany = msg.Error(msg.TooManyInvalid{Invalid: n, Max: *cfg.MaxInvalid}, ErrTooManyInvalid)
		}
	}
	if err := cfg.createReports(files, start); err != nil {
		return sum, &SetupError{err}
	}
	if tooMany != nil {
		// Every row still gets its line: the invalid ones say why, the
		// others are not_sent.
		stopRun(tooMany)
	}
	// After a stop every later input is still read, so that each of its
	// rows gets its line (not_sent) in its own report.
	var errs []error
	for _, f := range files {
		fsum, err := f.run(stop, stopRun, cfg, snd)
		sum.Files = append(sum.Files, fsum)
		for st, n := range fsum.Counts {
			sum.Counts[st] += n
		}
		sum.Requests += f.requests
		if err != nil {
			errs = append(errs, err)
		}
	}
	if stop.Err() != nil {
		sum.Stopped = context.Cause(stop)
	}
	sum.Elapsed = cfg.Now().Sub(start)
	return sum, errors.Join(errs...)
}

// beginLedger takes the ledger's one-run lock and records the run, with
// each input's SHA-256 so that history can tell which file was which.
func (cfg *Config) beginLedger(start time.Time) (*ledger.Run, error) {
	info := ledger.RunInfo{Mapping: cfg.Mapping.Name, Command: "run", PID: os.Getpid(), Started: start}
	for _, in := range cfg.Inputs {
		sum, err := fileSHA256(in)
		if err != nil {
			return nil, err
		}
		info.Inputs = append(info.Inputs, ledger.Input{Path: in, SHA256: sum})
	}
	return cfg.Ledger.Begin(info)
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ErrTooManyInvalid stops a run before anything is sent: see
// Config.MaxInvalid. The run exits ExitNothing.
var ErrTooManyInvalid = errors.New("too many invalid rows")

// countInvalid reads every input once, as the run will, and counts the
// rows that would be invalid. Rows a report input says were sent are not
// counted: they are not read again.
func countInvalid(ctx context.Context, files []*file) (int, error) {
	n := 0
	for _, f := range files {
		err := eachRow(ctx, f.input, f.opts, func(row source.Row, rep *reportInput, unreadable bool) {
			switch {
			case unreadable:
				n++
			case rep != nil && rep.sent():
			default:
				if _, extra := extraCells(row.Cells, f.width); extra || len(f.mapper.Map(row.Cells).Problems) > 0 {
					n++
				}
			}
		})
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

func (s *Summary) countsByName() map[string]int {
	m := make(map[string]int, len(s.Counts))
	for st, n := range s.Counts {
		m[string(st)] = n
	}
	return m
}

func (cfg *Config) setDefaults() {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = Sleep
	}
	if cfg.Workers < 1 {
		cfg.Workers = 1
	}
	if cfg.Limiter == nil {
		cfg.Limiter = rate.NewLimiter(rate.Inf, 1)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.Backoff == (Backoff{}) {
		cfg.Backoff = DefaultBackoff
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Progress == nil {
		cfg.Progress = noProgress{}
	}
}

// open opens every input and binds the mapping to its header. On error,
// the files opened so far are returned for closing.
func (cfg *Config) open(start time.Time) ([]*file, error) {
	if len(cfg.Inputs) == 0 {
		return nil, errors.New("no input file given")
	}
	in := cfg.Mapping.Input
	opts := source.Options{Sheet: in.Sheet, HeaderRow: in.HeaderRow, Encoding: in.Encoding, Delimiter: in.Delimiter}
	for _, c := range cfg.Mapping.Columns {
		opts.Headers = append(opts.Headers, c.Header)
	}
	var files []*file
	for _, in := range cfg.Inputs {
		src, rep, err := openInput(in, opts)
		if err != nil {
			return files, err
		}
		// Header returns a copy: its width is taken once here, not per row.
		f := &file{input: in, src: src, rep: rep, width: len(src.Header()), lang: cfg.Lang}
		files = append(files, f)
		f.mapper, err = cfg.Mapping.Bind(src.Header(), mapping.Options{Sets: cfg.Sets, Now: start})
		if err != nil {
			return files, fmt.Errorf("%s does not fit the mapping:\n%w", in, err)
		}
		f.opts = opts
		cfg.Log.Info(src.Describe())
	}
	if cfg.Report != "" && len(files) > 1 && !strings.HasSuffix(cfg.Report, "/") && !strings.HasSuffix(cfg.Report, string(filepath.Separator)) {
		if st, err := os.Stat(cfg.Report); err != nil || !st.IsDir() {
			return files, fmt.Errorf("--report %s names one file, but there are %d inputs: give a directory instead", cfg.Report, len(files))
		}
	}
	return files, nil
}

// createReports creates each input's report: at --report, or under the
// default name in --report's directory or the working directory. Reports
// are readable only by the user: they hold personal data. On error no
// report is left behind.
func (cfg *Config) createReports(files []*file, start time.Time) (err error) {
	defer func() {
		if err != nil {
			removeReports(files)
		}
	}()
	dir := ""
	if cfg.Report != "" {
		if strings.HasSuffix(cfg.Report, "/") || strings.HasSuffix(cfg.Report, string(filepath.Separator)) {
			// "out/" asks for a directory: make it.
			if err := os.MkdirAll(cfg.Report, 0o700); err != nil {
				return fmt.Errorf("report directory: %w", err)
			}
		}
		if st, err := os.Stat(cfg.Report); err == nil && st.IsDir() {
			dir = cfg.Report
		}
	}
	for _, f := range files {
		var err error
		if cfg.Report != "" && dir == "" {
			f.report = cfg.Report
			if f.format, err = report.FormatOf(f.report); err != nil {
				return err
			}
			if err := notAnInput(f.report, cfg.Inputs); err != nil {
				return err
			}
			f.out, f.created, err = openReport(f.report)
		} else {
			f.format = defaultFormat(f.input)
			f.report, f.out, err = createNew(dir, f.input, string(f.format), start)
			f.created = err == nil
		}
		if err != nil {
			return fmt.Errorf("create report: %w", err)
		}
	}
	return nil
}

// openReport opens the report --report names. A new file is created
// readable only by the user: it holds personal data. An existing regular
// file is first made so too (which fails, before anything is lost, when
// it is someone else's), then emptied. Anything else, such as a device,
// is written as it is and its mode left alone.
func openReport(path string) (f *os.File, created bool, err error) {
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		return f, err == nil, err
	case err != nil:
		return nil, false, err
	case st.Mode().IsRegular():
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, false, err
		}
		f, err = os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		return f, false, err
	}
	f, err = os.OpenFile(path, os.O_WRONLY, 0)
	return f, false, err
}

// removeReports closes the reports of a run that never started and
// removes those it created; a file that was there before stays.
func removeReports(files []*file) {
	for _, f := range files {
		if f.out != nil {
			f.out.Close()
			if f.created {
				os.Remove(f.report)
			}
			f.out = nil
		}
	}
}

// defaultFormat is the report's format when --report does not name a
// file: what the input came in, so an Excel user gets Excel back.
func defaultFormat(input string) report.Format {
	if ext := strings.ToLower(filepath.Ext(input)); ext == ".xlsx" || ext == ".xlsm" {
		return report.XLSX
	}
	return report.CSV
}

// createNew creates <input>-report-<time>.<ext> in dir, never over an
// existing file: two inputs of the same name, or a run in the same second,
// get -2, -3, ...
func createNew(dir, input, ext string, start time.Time) (string, *os.File, error) {
	base := strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
	name := fmt.Sprintf("%s-report-%s", base, start.Format("20060102-150405"))
	path := filepath.Join(dir, name+"."+ext)
	for i := 2; ; i++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if !errors.Is(err, fs.ErrExist) {
			return path, f, err
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d.%s", name, i, ext))
	}
}

// notAnInput refuses a report path that is one of the inputs: writing it
// would destroy the input while it is read.
func notAnInput(report string, inputs []string) error {
	rs, err := os.Stat(report)
	if err != nil {
		return nil // does not exist yet
	}
	for _, in := range inputs {
		if is, err := os.Stat(in); err == nil && os.SameFile(rs, is) {
			return fmt.Errorf("--report %s is the input %s: give the report another name", report, in)
		}
	}
	return nil
}

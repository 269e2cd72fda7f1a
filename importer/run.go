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
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"

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
	Inputs []string
	// Mappings are the mappings an input may take: each input takes the
	// one that fits its header, or the best fit (the most columns) when
	// several do. An input that fits none, or two best alike, is refused.
	Mappings []*mapping.Mapping
	Sets     map[string]string // --set FIELD=VALUE
	// Edits are corrections to an input's cells made on serve's page,
	// by input: every reading of it sees them (edits.go).
	Edits map[string]Edits

	// Report is the report's path; its extension picks the format (.csv,
	// .xlsx, .jsonl). Empty: <input>-report-<time>.csv (.xlsx for an XLSX
	// input) in the working directory, one per input. An existing
	// directory: the same names inside it. A file path is allowed with
	// one input only.
	Report string
	// CommandLine is what an XLSX report's summary sheet says the run was
	// given, beside the mapping the input took. It must hold no secret.
	CommandLine string
	// AlsoFormats are formats each input's report is written in too,
	// beside it: the same name with the format's extension (.csv, .xlsx,
	// .jsonl) in place of its own (AlsoReport). serve writes all three,
	// for the page to offer any.
	AlsoFormats []report.Format
	// ReportProblems asks for a second report beside each, NAME-problems,
	// of the rows that need a person: invalid and failed.
	ReportProblems bool
	// Lang is the language of the reports' messages; "" is English.
	Lang msg.Lang
	// LogLang is the language of the log's words; "" is English, which a
	// log read by programs (JSON) keeps.
	LogLang msg.Lang

	// Client sends the leads. Nil means check: validate, send nothing.
	Client Poster
	// Target is where Client sends (Connect's base URL), for messages.
	Target  string
	Workers int
	Limiter *rate.Limiter // shared by every worker; nil: no limit
	Timeout time.Duration // per request
	Retries int           // further attempts after a retryable failure
	Backoff Backoff       // zero: DefaultBackoff
	// MaxFailures rows failing in a row for a reason that may pass (see
	// connect.Retryable), after their retries, stop the run: Connect is
	// down. 0: never stop.
	MaxFailures int
	// MaxThrottle stops a run that Connect has answered nothing but 429
	// Too Many Requests for this long: it is not letting this user in,
	// and Retry-After pauses would hold the run for hours. 0: never stop.
	MaxThrottle time.Duration
	// MaxInvalid, when set, is how many invalid rows the inputs may hold
	// in all, counted as every input is read ahead (findPersons): with
	// more, nothing is sent (a wrong mapping makes every row invalid).
	// Nil: no limit.
	MaxInvalid *int

	// Ledger remembers what was sent, so that no lead is sent twice. Nil:
	// no memory between runs (the rows of one input that repeat another
	// are found all the same). Only a run that sends uses it.
	Ledger *ledger.Ledger
	Force  bool // send even what the ledger says was sent

	// Settle holds back an input of InFolder last written less than
	// Settle ago: it may still be being written (a copy into the inbox
	// under way). It is left for the next run, unread. 0: none is held.
	// Any input that changes while it is read is left so too, whatever
	// Settle says.
	Settle   time.Duration
	InFolder map[string]bool

	Now func() time.Time // nil: time.Now
	// Sleep waits out a backoff or a Retry-After pause; nil: Sleep, on
	// the real clock. A test passes one that only moves its Now on.
	Sleep func(ctx context.Context, d time.Duration) error
	// Log hears what was detected in each input (info), each row that is
	// invalid or failed (warn, without personal data) and each row sent
	// (debug). Nil: nothing is logged.
	Log *slog.Logger
	// Progress hears of each row as its line is written; nil: nobody.
	// With CountRows it hears each input's count of rows too, from the
	// reading ahead, for a total and an ETA.
	Progress  Progress
	CountRows bool
}

// Run imports every input in turn and returns what it did. A returned
// *SetupError means nothing was sent. An input that cannot be read, or
// does not fit the mapping, is refused (FileSummary.Refused, and an error
// of the returned ones) and the others go on. Rows that fail are not
// errors: they are in the report and the summary. Cancelling ctx stops
// the run like an interruption: requests in flight finish, the rest are
// not_sent.
func Run(ctx context.Context, cfg Config) (sum Summary, runErr error) {
	cfg.setDefaults()
	start := cfg.Now()
	sum = Summary{Counts: map[status.Status]int{}}

	// Every input is opened and matched against the mapping, the ledger
	// taken and every report created, before any row is sent, so that a
	// wrong header in the third file does not leave the first two half
	// imported. The ledger comes before the reports: a run that finds
	// another one running must not touch that run's report.
	files, refused, err := cfg.open(start)
	defer func() {
		for _, f := range files {
			f.close()
		}
	}()
	if err != nil {
		return sum, &SetupError{err}
	}
	var errs []error
	refuse := func(f FileSummary) {
		sum.Files = append(sum.Files, f)
		errs = append(errs, f.Refused)
	}
	for _, f := range refused {
		refuse(f)
	}

	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	// Every input is read once before the reports are made, to find the
	// rows that are the same person (persons.go), and the invalid rows
	// counted: with --max-invalid, a file that cannot be read through is
	// refused, and leaves no empty report behind. The reports' formats are
	// settled first: that reading formats a CSV report's lines. It reads
	// while the ledger is begun, which mostly waits for the disk.
	if err := cfg.chooseFormats(files); err != nil {
		return sum, &SetupError{err}
	}
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	ahead := make(chan personsFound, 1)
	go func() {
		var r personsFound
		r.invalid, r.files, r.unread, r.err = cfg.findPersons(readCtx, files, cfg.Client != nil && cfg.MaxInvalid != nil)
		ahead <- r
	}()
	var snd *sender
	var lrun *ledger.Run
	if cfg.Client != nil {
		snd = &sender{client: cfg.Client, limiter: cfg.Limiter, timeout: cfg.Timeout, log: cfg.Log,
			retries: cfg.Retries, backoff: cfg.Backoff, now: cfg.Now, sleep: cfg.Sleep, stop: stop, maxFailures: cfg.MaxFailures,
			maxThrottle: cfg.MaxThrottle, logLang: cfg.LogLang}
		if cfg.Ledger != nil {
			var err error
			if lrun, err = cfg.beginLedger(start, files); err != nil {
				stopReading()
				files = (<-ahead).files // the ones still open, for the deferred close
				return sum, &SetupError{err}
			}
			snd.ledger = lrun
			sum.Recorded = true
			defer func() {
				ended := sum.Err(runErr)
				sum.LedgerErr = lrun.Finish(sum.countsByName(), ExitCode(ended), Reason(ended), cfg.Now())
			}()
		}
	}
	r := <-ahead
	invalid, files, unread, err := r.invalid, r.files, r.unread, r.err
	if err != nil {
		return sum, &SetupError{err}
	}
	if lrun != nil {
		for _, f := range files {
			f.ledger, f.lrun, f.force = cfg.Ledger, lrun, cfg.Force
		}
	}
	for _, f := range unread {
		refuse(f)
	}
	if len(files) == 0 && len(unread) > 0 {
		return sum, &SetupError{errors.Join(errs...)}
	}
	// What changed while it was read ahead is still being written: it is
	// left whole for the next run, before a row of it is sent.
	files = slices.DeleteFunc(files, func(f *file) bool {
		if held := f.changed(cfg, false); held != nil {
			f.close()
			sum.Files = append(sum.Files, FileSummary{Input: f.input, Held: held})
			return true
		}
		return false
	})
	// An input with more rows than an XLSX report holds is refused now,
	// before a row of it is sent, rather than when its report is written.
	tooBig := false
	files = slices.DeleteFunc(files, func(f *file) bool {
		if err := f.fitsReport(cfg.AlsoFormats); err != nil {
			f.close()
			refuse(FileSummary{Input: f.input, Refused: err})
			tooBig = true
			return true
		}
		return false
	})
	if tooBig && len(files) == 0 {
		return sum, &SetupError{errors.Join(errs...)}
	}
	var tooMany error
	if snd != nil && cfg.MaxInvalid != nil && invalid > *cfg.MaxInvalid {
		tooMany = msg.Error(msg.TooManyInvalid{Invalid: invalid, Max: *cfg.MaxInvalid}, ErrTooManyInvalid)
	}
	if err := cfg.createReports(files, start); err != nil {
		return sum, &SetupError{err}
	}
	if tooMany != nil {
		// Every row still gets its line: the invalid ones say why, the
		// others are not_sent.
		stop(tooMany)
	}
	// Each report's header is written through to its file before the
	// first request: a report that cannot be written (a full disk) stops
	// the run before anything is sent that it could not account for.
	for _, f := range files {
		if err := f.startReport(cfg.Client == nil); err != nil {
			stop(msg.Error(msg.ReportWrite{Path: f.report, Err: err}))
		}
	}
	// After a stop every later input is still read, so that each of its
	// rows gets its line (not_sent) in its own report.
	for _, f := range files {
		fsum, err := f.run(ctx, stop, cfg, snd)
		fsum.Held = f.changed(cfg, fsum.Counts[status.Sent] > 0)
		sum.Files = append(sum.Files, fsum)
		for st, n := range fsum.Counts {
			sum.Counts[st] += n
		}
		sum.Requests += f.requests
		if err != nil {
			errs = append(errs, err)
		}
	}
	if ctx.Err() != nil {
		sum.Stopped = context.Cause(ctx)
	}
	if snd != nil {
		sum.Throttled = int(snd.throttled.Load())
	}
	if snd != nil && sum.Requests > 0 && !snd.answered.Load() && !snd.written.Load() && (sum.Stopped == nil || errors.Is(sum.Stopped, ErrConnectDown)) {
		// Not one request got an answer, or even went: Connect was never
		// reached, which is what the run has to say, not each row's
		// network error. (A request written and unanswered may have
		// reached it: its row says so.)
		sum.Stopped = msg.Error(msg.Unreachable{URL: cfg.Target}, ErrUnreachable)
	}
	sum.Elapsed = cfg.Now().Sub(start)
	return sum, errors.Join(errs...)
}

// personsFound is what Config.findPersons returns.
type personsFound struct {
	invalid int
	files   []*file
	unread  []FileSummary
	err     error
}

// beginLedger takes the ledger's one-run lock and records the run, with
// each input's SHA-256 so that history can tell which file was which.
func (cfg *Config) beginLedger(start time.Time, files []*file) (*ledger.Run, error) {
	info := ledger.RunInfo{Command: "run", PID: os.Getpid(), Started: start}
	var names []string
	for _, f := range files {
		if !slices.Contains(names, f.mapping.Name) {
			names = append(names, f.mapping.Name)
		}
		if !slices.Contains(info.Endpoints, f.mapping.Endpoint) {
			info.Endpoints = append(info.Endpoints, f.mapping.Endpoint)
		}
		sum, err := f.sha256()
		if err != nil {
			return nil, err
		}
		info.Inputs = append(info.Inputs, ledger.Input{Path: f.input, SHA256: sum})
	}
	info.Mapping = strings.Join(names, ", ")
	return cfg.Ledger.Begin(info)
}

// sha256 is the SHA-256 of the input's bytes, read from the descriptor
// its rows are read from.
func (f *file) sha256() (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, f.in.Content()); err != nil {
		return "", msg.Error(msg.ReadInput{Path: f.input, Err: err})
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ErrTooManyInvalid stops a run before anything is sent: see
// Config.MaxInvalid. The run exits ExitNothing.
var ErrTooManyInvalid = errors.New("too many invalid rows")

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

// open opens every input and binds a mapping to its header. An input
// that cannot be opened, or that no mapping fits, is refused: it is
// closed, and its summary says why; the others go on. When every input
// is refused, the error says why for each of them.
func (cfg *Config) open(start time.Time) (files []*file, refused []FileSummary, err error) {
	if len(cfg.Inputs) == 0 {
		return nil, nil, msg.Error(msg.NoInputGiven{})
	}
	var whyNot []error
	unreadable := false
	for _, in := range cfg.Inputs {
		// Its size and time before a byte of it is read: a file that
		// changes from here on is still being written (file.changed).
		st, _ := os.Stat(in)
		if held := cfg.settling(in, st, start); held != nil {
			refused = append(refused, FileSummary{Input: in, Held: held})
			whyNot = append(whyNot, held)
			continue
		}
		f, err := cfg.openInput(in, start)
		if err != nil {
			refused = append(refused, FileSummary{Input: in, Refused: err})
			whyNot, unreadable = append(whyNot, err), true
			continue
		}
		f.stat = st
		files = append(files, f)
	}
	if len(files) == 0 && unreadable {
		return nil, refused, errors.Join(whyNot...)
	}
	return files, refused, cfg.checkReportPath(len(cfg.Inputs))
}

// openFile opens an input; a test counts the openings through it.
var openFile = source.OpenFile

// MaxColumns is the widest header an input may have: far wider than any
// list of people, and narrow enough that its report is made in a moment
// (an XLSX report's column widths take time quadratic in the columns).
const MaxColumns = 1000

// settling is why the input in, found in a folder with st its state, is
// held back (Config.Settle), or nil.
func (cfg *Config) settling(in string, st os.FileInfo, now time.Time) error {
	if cfg.Settle <= 0 || st == nil || !cfg.InFolder[in] {
		return nil
	}
	age := now.Sub(st.ModTime())
	if age >= cfg.Settle || age < 0 {
		// A time in the future (a zip unpacked under another time zone,
		// a share whose clock runs ahead) says nothing of a copy under
		// way; a file that changes while read is held all the same.
		return nil
	}
	m := msg.NotSettled{Input: in, Age: age, Settle: cfg.Settle}
	// An error line: it is why the run exits 3, which --quiet must tell.
	cfg.Log.Error(cfg.LogLang.Say(m), "input", in)
	return msg.Error(m, ErrRetryLater)
}

// changed is why the input is held for the next run when it changed
// (size or time) since it was first looked at, or nil. sent: rows of it
// were sent.
func (f *file) changed(cfg Config, sent bool) error {
	st, err := os.Stat(f.input)
	if f.stat == nil || err != nil || (st.Size() == f.stat.Size() && st.ModTime().Equal(f.stat.ModTime())) {
		return nil
	}
	m := msg.ChangedWhileRead{Input: f.input, Sent: sent}
	cfg.Log.Error(cfg.LogLang.Say(m), "input", f.input) // as NotSettled
	return msg.Error(m, ErrRetryLater)
}

// openInput opens one input with the mapping that fits it best: of those
// whose columns are all in its header, the one with the most columns.
func (cfg *Config) openInput(in string, start time.Time) (_ *file, err error) {
	// The file is opened once, and read from the one descriptor as many
	// ways as there are mappings to try, and by the run.
	opened, err := openFile(in)
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			opened.Close()
		}
	}()
	var best []*file
	var whyNot []error
	for _, m := range cfg.Mappings {
		f, fits, err := cfg.openWith(opened, in, m, start)
		switch {
		case !fits:
			for _, b := range best {
				b.close()
			}
			return nil, err // the input itself cannot be read
		case err != nil && len(cfg.Mappings) > 1 && !isBindError(err):
			// Read as m says (its sheet, its header row), the input has
			// no table: that is m's misfit, and says not which mapping.
			whyNot = append(whyNot, msg.Error(msg.WithMapping{Mapping: m.Name, Err: err}))
		case err != nil:
			whyNot = append(whyNot, err)
		case len(best) == 0 || len(m.Columns) == len(best[0].mapping.Columns):
			best = append(best, f)
		case len(m.Columns) > len(best[0].mapping.Columns):
			for _, b := range best {
				b.close()
			}
			best = []*file{f}
		default:
			f.close()
		}
	}
	switch {
	case len(best) == 0 && len(cfg.Mappings) == 1:
		return nil, msg.Error(msg.DoesNotFit{Input: in, Err: whyNot[0]})
	case len(best) == 0:
		why := make([]msg.Message, len(whyNot))
		for i, err := range whyNot {
			why[i] = msg.Of(err)
		}
		return nil, msg.Error(msg.NoMappingFits{Input: in, Why: why})
	case len(best) > 1:
		names := make([]string, len(best))
		for i, b := range best {
			names[i] = b.mapping.Name
			b.close()
		}
		return nil, msg.Error(msg.MappingsTie{Input: in, Mappings: names})
	}
	f := best[0]
	f.in = opened
	if f.width > MaxColumns {
		f.close()
		return nil, msg.Error(msg.TooManyColumns{Input: in, Columns: f.width, Max: MaxColumns})
	}
	cfg.Log.Info(cfg.LogLang.Say(f.src.Description()))
	if len(cfg.Mappings) > 1 {
		cfg.Log.Info(cfg.LogLang.Say(msg.MappingTaken{Input: in, Mapping: f.mapping.Name}), "input", in, "mapping", f.mapping.Name)
	}
	return f, nil
}

// openWith opens one input as mapping m reads it (sheet, header row,
// encoding, delimiter, its headers) and binds m to its header. fits is
// false when the input cannot be read at all, whatever the mapping; err
// is then why; with fits true, err is why m does not fit it: its header
// lacks m's columns, or it has no sheet or header row where m says.
func (cfg *Config) openWith(opened *source.File, in string, m *mapping.Mapping, start time.Time) (f *file, fits bool, err error) {
	opts := readOptions(m)
	// What a person should check in how the sheet was read goes to the
	// log once, counted (a workbook's cells without their shared string).
	opts.Warn = func(w msg.Message) { cfg.Log.Warn(cfg.LogLang.Say(w), "input", in) }
	src, rep, err := openInput(opened, in, opts)
	if err != nil {
		mine := errors.Is(err, source.ErrNoSheet) || errors.Is(err, source.ErrNoHeader)
		return nil, mine, err
	}
	src = withEdits(src, cfg.Edits[in])
	// Header returns a copy: its width is taken once here, not per row.
	f = &file{input: in, src: src, rep: rep, width: len(src.Header()), mapping: m, opts: opts, edits: cfg.Edits[in],
		lang: cfg.Lang, log: cfg.Log, logLang: cfg.LogLang}
	if f.mapper, err = m.Bind(src.Header(), mapping.Options{Sets: cfg.Sets, Now: start}); err != nil {
		f.close()
		return nil, true, err
	}
	return f, true, nil
}

// isBindError reports whether err is a mapping's misfit with a header
// (mapping.Error values, which name the mapping file and its line).
func isBindError(err error) bool {
	var me *mapping.Error
	return errors.As(err, &me)
}

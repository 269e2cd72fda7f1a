package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"leadimport/importer"
	"leadimport/importer/connect"
	"leadimport/importer/console"
	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/mapping"
)

const defaultBaseURL = "https://connect.maklare.vitec.net"

// maxWorkers caps --workers: each worker holds a connection and a share
// of the reorder window (windowPerWorker rows), and past a few dozen
// they only wait on the rate limit and on Connect.
const maxWorkers = 64

// importOptions are the flags of run and check: check is run without
// sending, so it binds only the first part.
type importOptions struct {
	cmd      string // run or check
	args     []string
	inputs   []string
	mapping  string
	report   string
	problems bool
	sets     setFlag
	input    inputOptions

	logFormat string
	quiet     bool
	verbose   bool
	lang      string

	send sendOptions // run only
}

// sendOptions are the flags only run has: how to send, and where the
// ledger and the credentials are.
type sendOptions struct {
	baseURL     string
	workers     int
	rate        float64
	timeout     time.Duration
	retries     int
	maxFailures int
	maxThrottle time.Duration
	maxInvalid  int
	archiveDir  string
	ledger      string
	force       bool
	credentials string
	settle      time.Duration
	newLedger   bool
}

func (o *importOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.mapping, "mapping", "", "the mapping `file` (YAML), or a folder of them: each input takes the one that fits its header; required")
	fs.StringVar(&o.report, "report", "", "the report's `path`: .csv, .xlsx or .jsonl (default <input>-report-<time>.csv here, .xlsx for an XLSX input; a directory for several inputs)")
	fs.BoolVar(&o.problems, "report-problems", false, "write a second report beside each, NAME-problems, of just the rows that need a person (invalid and failed): a short list to work through, and an input for a re-run like any report")
	o.sets = setFlag{}
	fs.Var(o.sets, "set", "set `FIELD=VALUE` for every row, over the mapping (repeatable)")
	o.input.bind(fs)
	fs.StringVar(&o.logFormat, "log-format", "text", "stderr's `format`: text (lines for people; with times when stderr is not a terminal) or json (one object per line)")
	fs.BoolVar(&o.quiet, "quiet", false, "log only errors: no progress, no row warnings, no summary")
	fs.BoolVar(&o.verbose, "verbose", false, "log every row sent and every retry too (debug)")
	fs.StringVar(&o.lang, "lang", "", "the `language` of the report and the console: sv or en (default: from LC_ALL, LC_MESSAGES or LANG; sv_SE.UTF-8 is Swedish; a JSON log stays English)")
	if o.cmd == "run" {
		o.send.bind(fs)
	}
}

func (o *sendOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.baseURL, "base-url", "", "Connect's base `URL` (default: env LEADIMPORT_BASE_URL, else "+defaultBaseURL+")")
	fs.IntVar(&o.workers, "workers", 4, "concurrent requests, 1 to 64")
	fs.Float64Var(&o.rate, "rate", 5, "requests per second across all workers; 0 means no limit")
	fs.DurationVar(&o.timeout, "timeout", 30*time.Second, "time allowed for one request")
	fs.IntVar(&o.retries, "retries", 4, "further attempts after a retryable failure (one at most after a request that was written and got no answer)")
	fs.IntVar(&o.maxFailures, "max-failures", 20, "rows failing in a row for a reason that may pass (5xx, 429, no answer; after retries) that stop the run; 0: never stop")
	fs.DurationVar(&o.maxThrottle, "max-throttle", 15*time.Minute, "stop the run (exit 3) once Connect has answered nothing but 429 Too Many Requests for this `duration`; 0: never stop")
	fs.StringVar(&o.archiveDir, "archive-dir", "", "after the run, move each input into `DIR`/done (every row sent) or DIR/failed (rows to fix, or a file that does not fit, with NAME.reason.txt); an input with rows that may pass stays; reports go to DIR/reports unless --report says otherwise")
	fs.IntVar(&o.maxInvalid, "max-invalid", -1, "read every input first and send nothing (exit 2) if more than `N` rows are invalid; -1: no limit")
	fs.StringVar(&o.ledger, "ledger", "", "the ledger `file` that remembers what was sent (default: leadimport/ledger.db in the user's state directory)")
	fs.BoolVar(&o.newLedger, "new-ledger", false, "start a new ledger in a --ledger file that exists but is empty (or a database without tables), which is otherwise refused: every lead is then sent as new")
	fs.BoolVar(&o.force, "force", false, "send rows even when the ledger says they were sent before")
	fs.DurationVar(&o.settle, "settle", 10*time.Second, "leave a file found in an input folder for the next run when it was written less than `D` ago: it may still be being written; 0: off (a file that changes while it is read is left all the same)")
	fs.StringVar(&o.credentials, "credentials", "", "a `file` holding one line user:password, readable only by you (default: env VITEC_USERNAME, VITEC_PASSWORD)")
}

func (o *importOptions) usage(fs *flag.FlagSet) {
	if o.cmd == "run" {
		printUsage(fs, "leadimport run --mapping FILE [flags] INPUT...",
			"Reads each input (CSV or XLSX), turns every row into a lead through the mapping,\nsends the valid ones to Connect and writes a report with one line per row.\n",
			"  export VITEC_USERNAME=... VITEC_PASSWORD=...\n  leadimport run --mapping samples/open-house/mapping.yaml samples/open-house/visning.xlsx\n  leadimport run --mapping legacy.yaml --set estateId=OBJ1234 --rate 10 --report out/ a.csv b.csv\n")
		return
	}
	printUsage(fs, "leadimport check --mapping FILE [flags] INPUT...",
		"Reads and validates every row as run does, sends nothing, and writes a report\nsaying which rows are valid and what is wrong with the others.\n",
		"  leadimport check --mapping samples/legacy/mapping.yaml samples/legacy/kontakter.csv\n")
}

// validate checks every flag, before any file is opened.
func (o *importOptions) validate() error {
	if o.quiet && o.verbose {
		return usage(msg.QuietAndVerbose{})
	}
	if o.lang != "" {
		if _, err := msg.ParseLang(o.lang); err != nil {
			return usageError{err}
		}
	}
	if o.mapping == "" {
		return usage(msg.MappingRequired{Command: o.cmd})
	}
	if len(o.inputs) == 0 {
		return usage(msg.NoInputFile{Command: o.cmd, Mapping: o.mapping})
	}
	if err := o.input.validate(); err != nil {
		return err
	}
	if o.cmd == "run" {
		return o.send.validate()
	}
	return nil
}

func (o *sendOptions) validate() error {
	switch {
	case o.workers < 1:
		return usage(msg.WorkersTooFew{})
	case o.workers > maxWorkers:
		return usage(msg.WorkersTooMany{Max: maxWorkers})
	case o.rate < 0:
		return usage(msg.RateNegative{})
	case o.retries < 0:
		return usage(msg.RetriesNegative{})
	case o.maxFailures < 0:
		return usage(msg.MaxFailuresNegative{})
	case o.maxThrottle < 0:
		return usage(msg.MaxThrottleNegative{})
	case o.maxInvalid < -1:
		return usage(msg.MaxInvalidTooLow{})
	case o.settle < 0:
		return usage(msg.SettleNegative{})
	}
	return nil
}

// cmdImport is run and check.
func cmdImport(ctx context.Context, cmd string, args []string, e *env) error {
	o := importOptions{cmd: cmd, args: args}
	fs := newFlagSet(cmd, e.stderr, o.usage)
	o.bind(fs)
	var err error
	if o.inputs, err = parseFlags(fs, args); err != nil {
		return err
	}
	if o.lang != "" {
		if l, err := msg.ParseLang(o.lang); err == nil {
			e.lang = l // from here on, usage errors too (an unknown one is validate's)
		}
	}
	con, err := o.console(e)
	if err != nil {
		return err
	}
	if err := o.validate(); err != nil {
		return err
	}
	return o.run(ctx, e, con)
}

// runConsole is stderr as a run has it: the log and, on a terminal, the
// progress bar, sharing one Output.
type runConsole struct {
	out      *console.Output
	log      *slog.Logger
	terminal bool
	json     bool
}

// console makes the run's console and routes e's stderr through it, so
// that an error from here on is a line (or a record) of the same log.
func (o *importOptions) console(e *env) (runConsole, error) {
	format, err := console.ParseFormat(o.logFormat)
	if err != nil {
		return runConsole{}, usageError{err}
	}
	level := slog.LevelInfo
	switch {
	case o.quiet:
		level = slog.LevelError
	case o.verbose:
		level = slog.LevelDebug
	}
	c := runConsole{terminal: console.IsTerminal(e.stderr), out: console.NewOutput(e.stderr), json: format == console.JSON}
	if c.log, err = console.NewLogger(c.out, format, level, c.terminal); err != nil {
		return runConsole{}, usageError{err}
	}
	e.stderr = c.out
	if c.json {
		e.errLog = c.log
	}
	return c, nil
}

func (o *importOptions) run(ctx context.Context, e *env, con runConsole) (err error) {
	log := con.log
	lang := e.lang  // --lang's, set by cmdImport
	logLang := lang // a JSON log is for programs: English
	if con.json {
		logLang = msg.English
	}
	start := e.now()
	// A run that never begins in the ledger is recorded there all the
	// same, so that history lists every night: refused (with why), or
	// with nothing to read.
	var (
		led     *ledger.Ledger
		begun   bool
		ms      []*mapping.Mapping
		inputs  []string
		nothing msg.Message
		clash   bool // two paths are one file: nothing may be written, not even the ledger's record
	)
	if o.cmd == "run" {
		defer func() {
			if !begun && !clash {
				o.recordRefused(e, log, logLang, led, o.refusedInfo(start, inputs, ms), err, nothing)
			}
			if led != nil {
				led.Close()
			}
		}()
	}
	// The mapping first: a broken one must not go unnoticed on a night
	// when the inbox is empty.
	ms, err = mapping.LoadAll(o.mapping)
	if err != nil {
		return err
	}
	for _, m := range ms {
		o.input.apply(&m.Input)
	}
	found, err := importer.ExpandInputs(o.inputs)
	if err != nil {
		return err
	}
	inputs = found.Inputs
	for _, w := range found.Warnings {
		log.Warn(logLang.Say(w))
	}
	if err := o.distinct(e.getenv, inputs); err != nil {
		clash = true
		return err
	}
	if len(inputs) == 0 {
		nothing = msg.NoSpreadsheets{}
		log.Info(logLang.Say(nothing), "in", strings.Join(o.inputs, ", "))
		return nil
	}
	cfg := importer.Config{Inputs: inputs, InFolder: found.InFolder, Settle: o.send.settle, Mappings: ms, Sets: o.sets, Report: o.report, Log: log,
		CommandLine: commandLine(o.cmd, o.args), ReportProblems: o.problems, Lang: lang, LogLang: logLang, Now: e.now, Sleep: e.sleep}
	o.progress(&cfg, con)
	if o.cmd == "run" {
		if led, err = o.send.configure(&cfg, e.getenv); err != nil {
			return err
		}
	}
	if dir := o.send.archiveDir; dir != "" && cfg.Report == "" {
		cfg.Report = filepath.Join(dir, "reports") + string(filepath.Separator)
	}

	stop := context.AfterFunc(ctx, func() {
		if errors.Is(context.Cause(ctx), errInterrupted) {
			log.Warn(logLang.Say(msg.Interrupting{}))
		}
	})
	defer stop()
	sum, runErr := importer.Run(ctx, cfg)
	begun = sum.Recorded
	ended := sum.Err(runErr)
	o.printSummary(e, log, &sum, runErr, importer.ExitCode(ended))
	if runErr != nil {
		e.printErr(runErr)
	}
	if dir := o.send.archiveDir; dir != "" {
		archive(log, logLang, dir, &sum, importer.ExitCode(ended), start)
	}
	return told(ended)
}

// distinct refuses a run whose report, problems report, ledger,
// credentials, archive folder or inputs are two names for one file,
// before anything is written: --report L --ledger L would write the
// report over the ledger.
func (o *importOptions) distinct(getenv func(string) string, inputs []string) error {
	var roles []importer.Role
	if report := importer.ReportFile(o.report); report != "" {
		roles = append(roles, importer.Role{Flag: "--report", Path: report})
		if o.problems {
			roles = append(roles, importer.Role{Flag: "--report-problems", Path: importer.ProblemsPath(report)})
		}
	}
	if o.cmd == "run" {
		led, _ := importer.LedgerPath(o.send.ledger, getenv) // none: opening it says so
		roles = append(roles, importer.Role{Flag: "--ledger", Path: led},
			importer.Role{Flag: "--credentials", Path: o.send.credentials},
			importer.Role{Flag: "--archive-dir", Path: o.send.archiveDir})
	}
	for _, r := range roles {
		if strings.HasPrefix(r.Flag, "--report") { // not through a link, nor into a FIFO
			if err := importer.CheckReport(r.Path); err != nil {
				return usageError{err}
			}
		}
	}
	if err := importer.Distinct(roles, inputs); err != nil {
		return usageError{err}
	}
	return nil
}

// refusedInfo is what the ledger keeps of a run that never began there:
// its inputs as far as they were found (else as given), its mapping as
// given, and the endpoints of its mappings ms when they were read.
func (o *importOptions) refusedInfo(start time.Time, inputs []string, ms []*mapping.Mapping) ledger.RunInfo {
	info := ledger.RunInfo{Command: o.cmd, PID: os.Getpid(), Started: start, Mapping: o.mapping}
	for _, m := range ms {
		if !slices.Contains(info.Endpoints, m.Endpoint) {
			info.Endpoints = append(info.Endpoints, m.Endpoint)
		}
	}
	if inputs == nil {
		inputs = o.inputs
	}
	for _, in := range inputs {
		info.Inputs = append(info.Inputs, ledger.Input{Path: in})
	}
	return info
}

// recordRefused records a run that never began in the ledger: refused
// with err (exit 2, or a stop before it began), or ended with nothing to
// read (nothing says why). led is the run's ledger when it was opened,
// else it is opened here; a ledger that cannot be opened was said to be
// so, or was not what refused the run: the record is then left out, and
// the log says so when asked to be verbose.
func (o *importOptions) recordRefused(e *env, log *slog.Logger, logLang msg.Lang, led *ledger.Ledger, info ledger.RunInfo, err error, nothing msg.Message) {
	if led == nil {
		var openErr error
		if led, openErr = importer.OpenLedger(o.send.ledger, e.getenv, o.send.ledgerMode()); openErr != nil {
			log.Debug(logLang.Say(msg.RefusedNotRecorded{Err: openErr}))
			return
		}
		defer led.Close()
	}
	reason := importer.Reason(err)
	if err == nil && nothing != nil {
		reason = msg.English.Say(nothing)
	}
	if _, recErr := led.Refused(info, exitCode(err), reason, e.now()); recErr != nil {
		log.Warn(logLang.Say(msg.RefusedNotRecorded{Err: recErr}))
	}
}

// progress says how cfg's run shows its progress: a bar on a terminal,
// else a log line every 10 seconds or 1,000 rows; nothing when quiet.
func (o *importOptions) progress(cfg *importer.Config, con runConsole) {
	switch {
	case o.quiet:
	case con.terminal && !con.json:
		bar := console.NewBar(con.out)
		bar.Lang = cfg.LogLang
		cfg.Progress, cfg.CountRows = bar, true
	default:
		// A run counts its rows for a total and an ETA (it waits on the
		// rate limit anyway); a check off a terminal does not read its
		// inputs twice for that. (On a terminal it does: the bar wants
		// its total, and a person watching a check of a big file wants
		// to know how long.)
		cfg.Progress, cfg.CountRows = &console.LogProgress{Log: con.log}, o.cmd == "run"
	}
}

// printSummary tells how the run went: on a terminal or in a text log
// the counts (and for check, each column's), in JSON or --quiet as
// records, with why a run stopped always an error. A run that never
// started has no summary: its error says why.
func (o *importOptions) printSummary(e *env, log *slog.Logger, sum *importer.Summary, runErr error, exitCode int) {
	var setup *importer.SetupError
	switch {
	case errors.As(runErr, &setup):
	case o.quiet || e.errLog != nil:
		if !o.quiet {
			sum.Log(log, o.cmd == "check", exitCode)
		}
		// Why a run stopped is an error, whatever else is left out: a cron
		// job that filters on the level must see it.
		if sum.Stopped != nil {
			l := e.lang
			if e.errLog != nil {
				l = msg.English // a JSON log is for programs
			}
			log.Error(l.Say(msg.StoppedEarly{Err: sum.Stopped}))
		}
	default:
		if o.cmd == "check" {
			sum.PrintColumns(e.stderr, e.lang)
		}
		sum.Print(e.stderr, e.lang)
	}
}

// archive moves each input of a run that ended with code into dir, as
// --archive-dir asks, and logs where each went.
func archive(log *slog.Logger, l msg.Lang, dir string, sum *importer.Summary, code int, start time.Time) {
	moved, err := importer.ArchiveInputs(dir, sum, code, start, l)
	for _, a := range moved {
		if a.To != "" {
			log.Info("archived", "input", a.Input, "to", a.To)
		} else {
			log.Warn("not archived", "input", a.Input, "why", l.Say(a.Why))
		}
	}
	if err != nil {
		log.Error(err.Error())
	}
}

// configure gives cfg what sending needs: the Connect client, the limiter
// and the ledger, which the caller closes.
func (o *sendOptions) configure(cfg *importer.Config, getenv func(string) string) (*ledger.Ledger, error) {
	creds, err := importer.LoadCredentials(o.credentials, getenv)
	if err != nil {
		return nil, err
	}
	to := msg.SendingTo{User: creds.Username}
	to.URL, to.FromEnv = resolveBaseURL(o.baseURL, getenv)
	baseURL := to.URL
	client, err := connect.New(baseURL, creds.Username, creds.Password, "leadimport/"+version, connect.NewHTTPClient(o.workers))
	if err != nil {
		return nil, err
	}
	limit := rate.Inf
	if o.rate > 0 {
		limit = rate.Limit(o.rate)
	}
	cfg.Client, cfg.Target, cfg.Workers, cfg.Limiter = client, to.URL, o.workers, rate.NewLimiter(limit, 1)
	cfg.Timeout, cfg.Retries, cfg.MaxFailures, cfg.MaxThrottle = o.timeout, o.retries, o.maxFailures, o.maxThrottle
	if o.maxInvalid >= 0 {
		cfg.MaxInvalid = &o.maxInvalid
	}
	led, err := importer.OpenLedger(o.ledger, getenv, o.ledgerMode())
	if err != nil {
		return nil, err
	}
	cfg.Ledger, cfg.Force = led, o.force
	// Where it sends, before anything is: a base URL left in the
	// environment by a rehearsal is seen here.
	cfg.Log.Info(cfg.LogLang.Say(to), "url", to.URL, "user", to.User)
	return led, nil
}

// ledgerMode is how run opens its ledger: a missing one is made, and an
// empty file becomes one only when --new-ledger says so.
func (o *sendOptions) ledgerMode() ledger.Mode {
	if o.newLedger {
		return ledger.StartNew
	}
	return ledger.Create
}

// resolveBaseURL is Connect's address: --base-url, else the environment's
// LEADIMPORT_BASE_URL (fromEnv names it), else Connect's own.
func resolveBaseURL(flagValue string, getenv func(string) string) (url, fromEnv string) {
	switch {
	case flagValue != "":
		return flagValue, ""
	case getenv("LEADIMPORT_BASE_URL") != "":
		return getenv("LEADIMPORT_BASE_URL"), "LEADIMPORT_BASE_URL"
	}
	return defaultBaseURL, ""
}

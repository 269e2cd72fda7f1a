// Command leadimport registers the people in a spreadsheet as leads in
// Vitec Express Connect, and reports what became of every row.
package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"time"

	"golang.org/x/time/rate"

	"leadimport/importer"
	"leadimport/importer/connect"
	"leadimport/importer/console"
	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/sandbox"
	"leadimport/mapping"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// The exit codes, shorter.
const (
	exitOK      = importer.ExitOK
	exitNothing = importer.ExitNothing
	exitForced  = importer.ExitForced
)

const defaultBaseURL = "https://connect.maklare.vitec.net"

var errInterrupted = msg.Error(msg.Interrupted{})

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-sigs
		cancel(errInterrupted) // each command says so in its own way

		<-sigs
		os.Exit(exitForced)
	}()
	stop := startProfile(os.Getenv("LEADIMPORT_CPUPROFILE"))
	code := realMain(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// startProfile writes a CPU profile of the whole process to path, for
// `go tool pprof`, when path is set (LEADIMPORT_CPUPROFILE): the way to
// see where a run's time goes on the machine and file it is slow on. It
// returns the function that ends the profile.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "leadimport: LEADIMPORT_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// realMain runs one command and returns its exit code.
func realMain(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitNothing
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "run", "check":
		return runImport(ctx, cmd, args, getenv, stderr)
	case "sandbox":
		return runSandbox(ctx, args, getenv, stdout, stderr)
	case "history":
		return runHistory(args, getenv, stdout, stderr)
	case "init":
		return runInit(args, stdout, stderr)
	case "version", "--version":
		fmt.Fprintf(stdout, "leadimport %s (%s)\n", version, runtime.Version())
		return exitOK
	case "help", "-h", "-help", "--help":
		return runHelp(args, stdout, stderr)
	default:
		fmt.Fprintf(stderr, "leadimport: unknown command %q\n\n%s", cmd, usage)
		return exitNothing
	}
}

const usage = `leadimport registers the people in a spreadsheet as leads in Vitec Express Connect.

Usage:
  leadimport run     --mapping FILE [flags] INPUT...   read, map, validate, send, report
  leadimport check   --mapping FILE [flags] INPUT...   the same, but send nothing
  leadimport sandbox [--addr 127.0.0.1:8089] [flags]   a local stand-in for the Connect API
  leadimport history [--ledger FILE] [--limit N] [--csv]   recent runs, from the ledger
  leadimport init    [-o FILE] [flags] INPUT              propose a mapping file for INPUT
  leadimport version

Run 'leadimport COMMAND --help' for a command's flags,
'leadimport help mapping' for the mapping file and its fields,
'leadimport help exit-codes' for what each exit code means.

Examples:
  leadimport init visning.xlsx -o visning.yaml
  leadimport check --mapping visning.yaml visning.xlsx
  leadimport run --mapping visning.yaml visning.xlsx
  leadimport run --mapping visning.yaml visning-report-20261126-101500.xlsx
`

const exitCodesHelp = `leadimport run and check exit with:

  0    every row sent, now or by an earlier run, or a duplicate of one that
       was (check: every row valid)
  1    finished, but some rows are invalid or failed: the report says which
       and why; fix them and run the same command again (on the report, if
       you like: rows it says were sent are skipped)
  2    nothing sent: bad usage, an unreadable mapping or input, a mapping that
       does not fit the input, missing credentials, the ledger busy with
       another run, or more invalid rows than --max-invalid allows
  3    stopped early: Connect refused the credentials (401), Connect seemed
       down (--max-failures rows failed in a row), the report could not be
       written, or the run was interrupted; rows not reached are not_sent,
       and running the same command again sends them (the ledger skips the
       rest)
  130  interrupted twice: quit at once; the ledger holds every lead sent or
       under way, so a new run resends only what is unconfirmed; a CSV or
       JSONL report holds the rows written so far, an XLSX report nothing
       (it is written whole at the end)

Every row of every input has its line in the report, whatever the exit
code, except: exit 2 before the reports are made (the message says why),
exit 130, and an input that cannot be read to its end (the rows after the
break are named as not read).
`

// runHelp prints the usage, or the help on one topic.
func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	switch args[0] {
	case "exit-codes":
		fmt.Fprint(stdout, exitCodesHelp)
	case "mapping":
		if err := mapping.WriteReference(stdout); err != nil {
			return exitNothing
		}
	case "run", "check", "sandbox", "history", "init":
		return realMain(context.Background(), []string{args[0], "--help"}, func(string) string { return "" }, stdout, stdout)
	default:
		fmt.Fprintf(stderr, "leadimport help: no help on %q; try exit-codes, mapping or a command\n", args[0])
		return exitNothing
	}
	return exitOK
}

// inputOverrides are the flags that say how to read an input, over the
// mapping's input section.
type inputOverrides struct {
	sheet, encoding, delimiter *string
	headerRow                  *int
}

func inputFlags(fs *flag.FlagSet) inputOverrides {
	return inputOverrides{
		sheet:     fs.String("sheet", "", "XLSX: the `sheet` to read, by name or 1-based number (over input.sheet)"),
		headerRow: fs.Int("header-row", 0, "the `row` that holds the header, as Excel numbers it (over input.headerRow; default: found)"),
		encoding:  fs.String("encoding", "", "CSV: the `encoding`, one of "+strings.Join(mapping.Encodings, ", ")+" (over input.encoding; default: detected)"),
		delimiter: fs.String("delimiter", "", "CSV: the `delimiter`: , ; | or tab (over input.delimiter; default: detected)"),
	}
}

func (o inputOverrides) apply(in *mapping.Input) error {
	if *o.sheet != "" {
		in.Sheet = *o.sheet
	}
	if *o.headerRow < 0 {
		return errors.New("--header-row must be a row number, 1 or more")
	}
	if *o.headerRow > 0 {
		in.HeaderRow = *o.headerRow
	}
	if *o.encoding != "" {
		e := strings.ToLower(*o.encoding)
		if !slices.Contains(mapping.Encodings, e) {
			return fmt.Errorf("--encoding %s: use one of %s", *o.encoding, strings.Join(mapping.Encodings, ", "))
		}
		in.Encoding = e
	}
	if *o.delimiter != "" {
		d, ok := mapping.ParseDelimiter(*o.delimiter)
		if !ok {
			return fmt.Errorf("--delimiter %q: use , ; | or tab", *o.delimiter)
		}
		in.Delimiter = d
	}
	return nil
}

// commandLine is the command as typed, for the XLSX report's summary: no
// flag holds a secret (credentials come from the environment or a file),
// so it is safe to keep.
func commandLine(cmd string, args []string) string {
	parts := []string{"leadimport", cmd}
	for _, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n'\"$`\\;&|<>*?") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

// setFlag collects repeated --set FIELD=VALUE flags.
type setFlag map[string]string

func (s setFlag) String() string { return "" }
func (s setFlag) Set(v string) error {
	field, value, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(field) == "" {
		return errors.New("want FIELD=VALUE, e.g. estateId=OBJ1234")
	}
	s[strings.TrimSpace(field)] = strings.TrimSpace(value)
	return nil
}

func runImport(ctx context.Context, cmd string, args []string, getenv func(string) string, stderr io.Writer) int {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	mappingPath := fs.String("mapping", "", "the mapping `file` (YAML), required")
	reportPath := fs.String("report", "", "the report's `path`: .csv, .xlsx or .jsonl (default <input>-report-<time>.csv here, .xlsx for an XLSX input; a directory for several inputs)")
	sets := setFlag{}
	fs.Var(sets, "set", "set `FIELD=VALUE` for every row, over the mapping (repeatable)")
	in := inputFlags(fs)
	logFormat := fs.String("log-format", "text", "stderr's `format`: text (lines for people; with times when stderr is not a terminal) or json (one object per line)")
	quiet := fs.Bool("quiet", false, "log only errors: no progress, no row warnings, no summary")
	verbose := fs.Bool("verbose", false, "log every row sent and every retry too (debug)")
	langFlag := fs.String("lang", "", "the report's `language`: sv or en (default: from LC_ALL, LC_MESSAGES or LANG; sv_SE.UTF-8 is Swedish)")
	var (
		baseURL     *string
		workers     *int
		rps         *float64
		timeout     *time.Duration
		retries     *int
		maxFailures *int
		maxInvalid  *int
		archiveDir  *string
		ledgerPath  *string
		force       *bool
		credentials *string
	)
	if cmd == "run" {
		baseURL = fs.String("base-url", "", "Connect's base `URL` (default: env LEADIMPORT_BASE_URL, else "+defaultBaseURL+")")
		workers = fs.Int("workers", 4, "concurrent requests")
		rps = fs.Float64("rate", 5, "requests per second across all workers; 0 means no limit")
		timeout = fs.Duration("timeout", 30*time.Second, "time allowed for one request")
		retries = fs.Int("retries", 4, "further attempts after a retryable failure")
		maxFailures = fs.Int("max-failures", 20, "rows failing in a row (5xx or network, after retries) that stop the run; 0: never stop")
		archiveDir = fs.String("archive-dir", "", "after the run, move each input into `DIR`/done (every row sent) or DIR/failed (rows to fix); reports go to DIR/reports unless --report says otherwise")
		maxInvalid = fs.Int("max-invalid", -1, "read every input first and send nothing (exit 2) if more than `N` rows are invalid; -1: no limit")
		ledgerPath = fs.String("ledger", "", "the ledger `file` that remembers what was sent (default: leadimport/ledger.db in the user's state directory)")
		force = fs.Bool("force", false, "send rows even when the ledger says they were sent before")
		credentials = fs.String("credentials", "", "a `file` holding one line user:password, readable only by you (default: env VITEC_USERNAME, VITEC_PASSWORD)")
	}
	fs.Usage = func() { importUsage(fs, cmd) }
	inputs, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitNothing
	}
	terminal := console.IsTerminal(stderr)
	out := console.NewOutput(stderr)
	level := slog.LevelInfo
	switch {
	case *quiet:
		level = slog.LevelError
	case *verbose:
		level = slog.LevelDebug
	}
	log, err := console.NewLogger(out, console.Format(*logFormat), level, terminal)
	if err != nil {
		printErr(stderr, cmd, err)
		return exitNothing
	}
	jsonLog := *logFormat == string(console.JSON)
	fail := func(format string, a ...any) int {
		if jsonLog {
			log.Error(fmt.Sprintf(format, a...), "command", cmd)
		} else {
			printErr(stderr, cmd, fmt.Errorf(format, a...))
		}
		return exitNothing
	}
	if *quiet && *verbose {
		return fail("--quiet and --verbose say opposite things: give one")
	}
	lang := msg.LangFromEnv(getenv)
	if *langFlag != "" {
		if lang, err = msg.ParseLang(*langFlag); err != nil {
			return fail("%v", err)
		}
	}
	if *mappingPath == "" {
		return fail("--mapping FILE is required (see leadimport %s --help)", cmd)
	}
	if len(inputs) == 0 {
		return fail("no input file given: leadimport %s --mapping %s FILE...", cmd, *mappingPath)
	}
	// The mapping first: a broken one must not go unnoticed on a night
	// when the inbox is empty.
	m, err := mapping.Load(*mappingPath)
	if err != nil {
		return fail("%v", err)
	}
	if err := in.apply(&m.Input); err != nil {
		return fail("%v", err)
	}
	given := inputs
	if inputs, err = importer.ExpandInputs(inputs); err != nil {
		return fail("%v", err)
	}
	if len(inputs) == 0 {
		log.Info("no spreadsheets to import", "in", strings.Join(given, ", "))
		return exitOK
	}
	cfg := importer.Config{Inputs: inputs, Mapping: m, Sets: sets, Report: *reportPath, Log: log,
		MappingPath: *mappingPath, CommandLine: commandLine(cmd, args), Lang: lang}
	switch {
	case *quiet:
	case terminal && !jsonLog:
		cfg.Progress, cfg.CountRows = console.NewBar(out), true
	default:
		// A log line every 10 seconds or 1,000 rows. A run counts its
		// rows for a total and an ETA (it waits on the rate limit anyway);
		// a check off a terminal does not read its inputs twice for that.
		// (On a terminal it does: the bar wants its total, and a person
		// watching a check of a big file wants to know how long.)
		cfg.Progress, cfg.CountRows = &console.LogProgress{Log: log}, cmd == "run"
	}
	stop := context.AfterFunc(ctx, func() {
		if errors.Is(context.Cause(ctx), errInterrupted) {
			log.Warn("interrupted: finishing what is under way (interrupt again to quit at once)")
		}
	})
	defer stop()
	stderr = out // from here on, every line goes through the one writer
	if cmd == "run" {
		if *workers < 1 {
			return fail("--workers must be at least 1")
		}
		if *rps < 0 {
			return fail("--rate must be 0 (no limit) or more")
		}
		if *retries < 0 {
			return fail("--retries must be 0 or more")
		}
		if *maxFailures < 0 {
			return fail("--max-failures must be 0 (never stop) or more")
		}
		if *maxInvalid < -1 {
			return fail("--max-invalid must be 0 or more (-1: no limit)")
		}
		if *baseURL == "" {
			*baseURL = cmp.Or(getenv("LEADIMPORT_BASE_URL"), defaultBaseURL)
		}
		creds, err := loadCredentials(*credentials, getenv)
		if err != nil {
			return fail("%v", err)
		}
		client, err := connect.New(*baseURL, creds.Username, creds.Password, "leadimport/"+version, connect.NewHTTPClient(*workers))
		if err != nil {
			return fail("%v", err)
		}
		limit := rate.Inf
		if *rps > 0 {
			limit = rate.Limit(*rps)
		}
		cfg.Client, cfg.Workers, cfg.Limiter = client, *workers, rate.NewLimiter(limit, 1)
		cfg.Timeout, cfg.Retries, cfg.MaxFailures = *timeout, *retries, *maxFailures
		if *maxInvalid >= 0 {
			cfg.MaxInvalid = maxInvalid
		}
		led, err := openLedger(*ledgerPath, getenv)
		if err != nil {
			return fail("%v", err)
		}
		defer led.Close()
		cfg.Ledger, cfg.Force = led, *force
	}

	archive := ""
	if archiveDir != nil && *archiveDir != "" {
		archive = *archiveDir
		if cfg.Report == "" {
			cfg.Report = filepath.Join(archive, "reports") + string(filepath.Separator)
		}
	}
	start := time.Now()
	sum, err := importer.Run(ctx, cfg)
	var setup *importer.SetupError
	switch {
	case errors.As(err, &setup):
	case *quiet || jsonLog:
		if !*quiet {
			sum.Log(log, cmd == "check")
		}
		// Why a run stopped is an error, whatever else is left out: a cron
		// job that filters on the level must see it.
		if sum.Stopped != nil {
			log.Error("stopped early: " + sum.Stopped.Error())
		}
	default:
		if cmd == "check" {
			sum.PrintColumns(stderr)
		}
		sum.Print(stderr)
	}
	if err != nil {
		if jsonLog {
			log.Error(err.Error(), "command", cmd)
		} else {
			printErr(stderr, cmd, err)
		}
	}
	code := sum.ExitCode(err)
	if archive != "" {
		moved, err := importer.ArchiveInputs(archive, &sum, code, start)
		for _, a := range moved {
			if a.To != "" {
				log.Info("archived", "input", a.Input, "to", a.To)
			} else {
				log.Warn("not archived", "input", a.Input, "why", a.Why)
			}
		}
		if err != nil {
			log.Error(err.Error())
		}
	}
	return code
}

// printErr writes err after the command's name; the lines of an error
// that lists several problems are indented under the first.
func printErr(w io.Writer, cmd string, err error) {
	lines := strings.Split(err.Error(), "\n")
	fmt.Fprintf(w, "leadimport %s: %s\n", cmd, lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(w, "  %s\n", l)
	}
}

func importUsage(fs *flag.FlagSet, cmd string) {
	w := fs.Output()
	if cmd == "run" {
		fmt.Fprint(w, "Usage: leadimport run --mapping FILE [flags] INPUT...\n\nReads each input (CSV or XLSX), turns every row into a lead through the mapping,\nsends the valid ones to Connect and writes a report with one line per row.\n\nFlags:\n")
	} else {
		fmt.Fprint(w, "Usage: leadimport check --mapping FILE [flags] INPUT...\n\nReads and validates every row as run does, sends nothing, and writes a report\nsaying which rows are valid and what is wrong with the others.\n\nFlags:\n")
	}
	fs.PrintDefaults()
	fmt.Fprint(w, "\nExamples:\n")
	if cmd == "run" {
		fmt.Fprint(w, "  export VITEC_USERNAME=... VITEC_PASSWORD=...\n  leadimport run --mapping samples/open-house/mapping.yaml samples/open-house/visning.xlsx\n  leadimport run --mapping legacy.yaml --set estateId=OBJ1234 --rate 10 --report out/ a.csv b.csv\n")
	} else {
		fmt.Fprint(w, "  leadimport check --mapping samples/legacy/mapping.yaml samples/legacy/kontakter.csv\n")
	}
}

// openLedger opens the ledger at path, or at the default place in the
// user's state directory.
func openLedger(path string, getenv func(string) string) (*ledger.Ledger, error) {
	if path == "" {
		var err error
		if path, err = ledger.DefaultPath(getenv, runtime.GOOS); err != nil {
			return nil, fmt.Errorf("%w: give the ledger's place with --ledger FILE", err)
		}
	}
	return ledger.Open(path)
}

// loadCredentials takes the credentials file when one is named, else the
// environment.
func loadCredentials(path string, getenv func(string) string) (importer.Credentials, error) {
	if path != "" {
		return importer.ReadCredentials(path)
	}
	c := importer.Credentials{Username: getenv("VITEC_USERNAME"), Password: getenv("VITEC_PASSWORD")}
	if c.Username == "" || c.Password == "" {
		return c, errors.New("no Connect credentials: set VITEC_USERNAME and VITEC_PASSWORD, or pass --credentials FILE (one line user:password, chmod 600)")
	}
	return c, nil
}

// parseInterspersed parses flags wherever they stand among the inputs, as
// users type them (`run visning.xlsx --mapping m.yaml`). After "--" every
// argument is an input.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the mapping to this `file` instead of printing it (refused if it exists)")
	in := inputFlags(fs)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: leadimport init [flags] INPUT\n\nProposes a mapping file for INPUT: each header placed on a field by its name\n(Swedish or English), a near miss of one, or the values in its first rows. Each\nline says how sure it is; review it, then try it with leadimport check.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExamples:\n  leadimport init visning.xlsx -o visning.yaml\n  leadimport check --mapping visning.yaml visning.xlsx\n")
	}
	args, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitNothing
	}
	if len(args) != 1 {
		printErr(stderr, "init", errors.New("give one input file: leadimport init [-o FILE] INPUT"))
		return exitNothing
	}
	var input mapping.Input
	if err := in.apply(&input); err != nil {
		printErr(stderr, "init", err)
		return exitNothing
	}
	if err := proposeMapping(args[0], input, *out, stdout, stderr); err != nil {
		printErr(stderr, "init", err)
		return exitNothing
	}
	return exitOK
}

// proposeMapping writes a mapping proposed for input to outPath (never
// over an existing file), or to stdout when outPath is "".
func proposeMapping(input string, in mapping.Input, outPath string, stdout, stderr io.Writer) error {
	p, describe, err := importer.Propose(input, in, time.Now())
	if err != nil {
		return err
	}
	fmt.Fprintln(stderr, describe)
	w := stdout
	if outPath != "" {
		f, err := os.OpenFile(outPath, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return fmt.Errorf("write the mapping: %w", err)
		}
		defer f.Close()
		w = f
	}
	// A header row found rather than given is left out: run and check
	// find it again from the mapping's own headers.
	if err := p.WriteYAML(w, filepath.Base(input), in); err != nil {
		return fmt.Errorf("write the mapping: %w", err)
	}
	if outPath != "" {
		fmt.Fprintf(stderr, "wrote %s: %d columns placed, %d not; review it, then: leadimport check --mapping %s %s\n",
			outPath, len(p.Lines), len(p.Unplaced), outPath, input)
	}
	return nil
}

func runHistory(args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("history", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ledgerPath := fs.String("ledger", "", "the ledger `file` (default: leadimport/ledger.db in the user's state directory)")
	limit := fs.Int("limit", 20, "how many runs, newest first")
	asCSV := fs.Bool("csv", false, "write CSV instead of a table")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: leadimport history [flags]\n\nLists recent runs recorded in the ledger: when, inputs, counts per status, exit code.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExamples:\n  leadimport history\n  leadimport history --csv --limit 100 > runs.csv\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitNothing
	}
	led, err := openLedger(*ledgerPath, getenv)
	if err != nil {
		printErr(stderr, "history", err)
		return exitNothing
	}
	defer led.Close()
	runs, err := led.History(*limit)
	if err == nil {
		err = importer.WriteHistory(stdout, runs, *asCSV)
	}
	if err != nil {
		printErr(stderr, "history", err)
		return exitNothing
	}
	return exitOK
}

func runSandbox(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sandbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8089", "loopback `address` to listen on (port 0: any free port)")
	user := fs.String("user", "sandbox", "the user name it accepts (the password: env LEADIMPORT_SANDBOX_PASSWORD, else generated and printed)")
	customers := fs.String("customers", "", "comma-separated customer `ids` it serves; others get 403 (default: every id starting with M, S, O, G or T)")
	record := fs.String("record", "", "append every accepted lead to this `file` as a JSON line")
	failRate := fs.String("fail-rate", "", "inject faults: `KIND=P,...` with KIND 429, 500, 502, 503, 504, reset (drop the connection) or slow (accept, then answer after 35s)")
	rateLimit := fs.Float64("rate-limit", 0, "answer 429 with Retry-After above this many requests per second; 0: no limit")
	seed := fs.Int64("seed", 0, "seed for the fault dice, to repeat a run (default: random, printed)")
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: leadimport sandbox [flags]\n\nServes FinalPriceWatched on loopback as Connect documents it, to try imports\nwithout touching a real broker system.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprint(stderr, "\nExamples:\n  LEADIMPORT_SANDBOX_PASSWORD=secret leadimport sandbox --record sent.jsonl\n  leadimport sandbox --fail-rate 429=0.05,500=0.05,503=0.02,reset=0.02 --rate-limit 10\n  # in another terminal:\n  VITEC_USERNAME=sandbox VITEC_PASSWORD=secret LEADIMPORT_BASE_URL=http://127.0.0.1:8089 \\\n    leadimport run --mapping samples/open-house/mapping.yaml samples/open-house/visning.xlsx\n")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitNothing
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "leadimport sandbox: unexpected argument %q\n", fs.Arg(0))
		return exitNothing
	}
	host, _, splitErr := net.SplitHostPort(*addr)
	if ip := net.ParseIP(host); splitErr != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
		fmt.Fprintf(stderr, "leadimport sandbox: --addr %s: give a loopback address such as 127.0.0.1:8089; the sandbox speaks plain HTTP and is not meant to be reached from elsewhere\n", *addr)
		return exitNothing
	}
	faults, err := sandbox.ParseFaults(*failRate)
	if err != nil {
		fmt.Fprintf(stderr, "leadimport sandbox: --fail-rate: %v\n", err)
		return exitNothing
	}
	if *rateLimit < 0 {
		fmt.Fprintln(stderr, "leadimport sandbox: --rate-limit must be 0 (no limit) or more")
		return exitNothing
	}
	if *seed == 0 {
		*seed = rand.Int64N(1<<31) + 1
	}
	srv := &sandbox.Server{Username: *user, Password: getenv("LEADIMPORT_SANDBOX_PASSWORD"),
		Faults: faults, Seed: *seed, RateLimit: *rateLimit}
	generated := srv.Password == ""
	if generated {
		srv.Password = sandbox.GeneratePassword()
	}
	for _, c := range strings.Split(*customers, ",") {
		if c = strings.TrimSpace(c); c != "" {
			srv.Customers = append(srv.Customers, c)
		}
	}
	if *record != "" {
		f, err := os.OpenFile(*record, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			fmt.Fprintf(stderr, "leadimport sandbox: %v\n", err)
			return exitNothing
		}
		defer f.Close()
		srv.Record = f
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "leadimport sandbox: %v\n", err)
		return exitNothing
	}
	fmt.Fprintf(stdout, "sandbox: listening on http://%s\n", ln.Addr())
	if !faults.IsZero() {
		fmt.Fprintf(stdout, "sandbox: injecting faults %s (--seed %d)\n", faults, *seed)
	}
	if *rateLimit > 0 {
		fmt.Fprintf(stdout, "sandbox: at most %g requests a second, then 429\n", *rateLimit)
	}
	if generated {
		fmt.Fprintf(stdout, "sandbox: user %q, password %s\n", *user, srv.Password)
	} else {
		fmt.Fprintf(stdout, "sandbox: user %q, password from LEADIMPORT_SANDBOX_PASSWORD\n", *user)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "leadimport sandbox: %v\n", err)
		return exitNothing
	}
	fmt.Fprintf(stdout, "sandbox: stopped after accepting %d leads\n", srv.Accepted())
	return exitOK
}

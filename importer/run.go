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
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/time/rate"

	"leadimport/importer/source"
	"leadimport/mapping"
)

// Config is everything a run needs. main builds it from flags and the
// environment; tests build it directly.
type Config struct {
	Inputs  []string
	Mapping *mapping.Mapping
	Sets    map[string]string // --set FIELD=VALUE

	// Report is the report's path. Empty: <input>-report-<time>.csv in
	// the working directory, one per input. An existing directory: the
	// same names inside it. A file path is allowed with one input only.
	Report string

	// Client sends the leads. Nil means check: validate, send nothing.
	Client  Poster
	Workers int
	Limiter *rate.Limiter // shared by every worker; nil: no limit
	Timeout time.Duration // per request
	Retries int           // further attempts after a retryable failure
	Backoff Backoff       // zero: DefaultBackoff

	Now    func() time.Time // nil: time.Now
	Stderr io.Writer        // what was detected in each input
}

// Summary is what a run did.
type Summary struct {
	Files    []FileSummary
	Counts   map[Status]int
	Requests int // attempts made, retries included
	Elapsed  time.Duration
	// Stopped is why the run ended before every row was tried, or nil.
	Stopped error
}

// FileSummary is one input's part of a run.
type FileSummary struct {
	Input  string
	Report string
	Rows   int
	Counts map[Status]int
}

// Sent reports how many rows were sent.
func (s *Summary) Sent() int { return s.Counts[StatusSent] }

// Clean reports whether every row was sent (or, in check, is valid).
func (s *Summary) Clean() bool {
	for st, n := range s.Counts {
		if n > 0 && st != StatusSent && st != StatusValid {
			return false
		}
	}
	return true
}

// Print writes the closing summary: counts per status, time, rate.
func (s *Summary) Print(w io.Writer) {
	var parts []string
	for _, st := range statuses {
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
}

// SetupError is an error found before anything was sent: an unreadable
// input, a mapping that does not fit it, a report that cannot be created.
type SetupError struct{ Err error }

func (e *SetupError) Error() string { return e.Err.Error() }
func (e *SetupError) Unwrap() error { return e.Err }

// Run imports every input in turn and returns what it did. A returned
// *SetupError means nothing was sent. Rows that fail are not errors: they
// are in the report and the summary. Cancelling ctx stops the run like an
// interruption: requests in flight finish, the rest are not_sent.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	cfg.setDefaults()
	start := cfg.Now()
	sum := Summary{Counts: map[Status]int{}}

	// Every input is opened and matched against the mapping before any
	// row is sent, so that a wrong header in the third file does not
	// leave the first two half imported.
	files, err := cfg.open(start)
	defer func() {
		for _, f := range files {
			f.src.Close()
		}
	}()
	if err != nil {
		return sum, &SetupError{err}
	}

	stop, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var snd *sender
	if cfg.Client != nil {
		snd = &sender{client: cfg.Client, limiter: cfg.Limiter, timeout: cfg.Timeout,
			retries: cfg.Retries, backoff: cfg.Backoff, now: cfg.Now, stop: cancel}
	}
	for _, f := range files {
		fs, err := f.run(stop, cfg, snd)
		sum.Files = append(sum.Files, fs)
		for st, n := range fs.Counts {
			sum.Counts[st] += n
		}
		sum.Requests += f.requests
		if err != nil {
			sum.Elapsed = cfg.Now().Sub(start)
			return sum, err
		}
	}
	if stop.Err() != nil {
		sum.Stopped = context.Cause(stop)
	}
	sum.Elapsed = cfg.Now().Sub(start)
	return sum, nil
}

func (cfg *Config) setDefaults() {
	if cfg.Now == nil {
		cfg.Now = time.Now
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
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
}

// open opens every input, binds the mapping to its header and decides its
// report path. On error, the files opened so far are returned for closing.
func (cfg *Config) open(start time.Time) ([]*file, error) {
	if len(cfg.Inputs) == 0 {
		return nil, errors.New("no input file given")
	}
	reportDir := ""
	if cfg.Report != "" {
		if strings.HasSuffix(cfg.Report, "/") || strings.HasSuffix(cfg.Report, string(filepath.Separator)) {
			// "out/" asks for a directory: make it (reports hold
			// personal data, so only for this user).
			if err := os.MkdirAll(cfg.Report, 0o700); err != nil {
				return nil, fmt.Errorf("report directory: %w", err)
			}
		}
		if st, err := os.Stat(cfg.Report); err == nil && st.IsDir() {
			reportDir = cfg.Report
		} else if len(cfg.Inputs) > 1 {
			return nil, fmt.Errorf("--report %s names one file, but there are %d inputs: give a directory instead", cfg.Report, len(cfg.Inputs))
		}
	}
	opts := source.Options{Sheet: cfg.Mapping.Input.Sheet, HeaderRow: cfg.Mapping.Input.HeaderRow}
	var files []*file
	reports := map[string]bool{}
	for _, in := range cfg.Inputs {
		src, err := source.Open(in, opts)
		if err != nil {
			return files, err
		}
		f := &file{input: in, src: src}
		files = append(files, f)
		f.mapper, err = cfg.Mapping.Bind(src.Header(), mapping.Options{Sets: cfg.Sets, Now: start})
		if err != nil {
			return files, fmt.Errorf("%s does not fit the mapping:\n%w", in, err)
		}
		switch {
		case cfg.Report != "" && reportDir == "":
			f.report = cfg.Report
		default:
			base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
			name := fmt.Sprintf("%s-report-%s", base, start.Format("20060102-150405"))
			f.report = filepath.Join(reportDir, name+".csv")
			// Two inputs of the same name in different folders.
			for i := 2; reports[f.report]; i++ {
				f.report = filepath.Join(reportDir, fmt.Sprintf("%s-%d.csv", name, i))
			}
		}
		reports[f.report] = true
		fmt.Fprintln(cfg.Stderr, src.Describe())
	}
	return files, nil
}

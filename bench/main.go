// Command bench measures leadimport against the machine's limits and
// writes the figures, each beside its target, to bench/results.md:
//
//	make bench   # go run ./bench -bin bin/leadimport -o bench/results.md
//
// Every figure is a ratio to a baseline measured in the same run on the
// same input (a bare encoding/csv read, excelize's Rows, a bare HTTP
// client), because the machines it runs on are shared and noisy. The
// inputs are generated into a temporary directory and removed after.
// leadimport runs as a child process, so its wall time, CPU time and
// peak RSS are its own; the bare HTTP client is this program run again
// as a child, for the same reason. The sandbox it talks to runs in this
// process, where each request's arrival is timed to the microsecond.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "bare-client" {
		os.Exit(bareClientMain(os.Args[2:]))
	}
	bin := flag.String("bin", "bin/leadimport", "the leadimport `binary` to measure")
	out := flag.String("o", "bench/results.md", "where to write the results (Markdown)")
	rows := flag.Int("rows", 1_000_000, "rows of the big CSV inputs")
	xlsxRows := flag.Int("xlsx-rows", 100_000, "rows of the XLSX inputs")
	runRows := flag.Int("run-rows", 100_000, "rows sent in the run benchmark")
	quick := flag.Bool("quick", false, "small inputs and short rate runs, to try the suite (figures mean little)")
	only := flag.String("only", "", "run only these `steps`, comma-separated: check-csv, check-xlsx, run, rate, startup")
	flag.StringVar(&profiles, "profiles", "", "write each leadimport child's CPU profile into this `folder` (make pgo)")
	flag.Parse()
	if *quick {
		*rows, *xlsxRows, *runRows = 50_000, 5_000, 5_000
	}
	s := &suite{bin: *bin, rows: *rows, xlsxRows: *xlsxRows, runRows: *runRows, quick: *quick, only: *only}
	if err := s.run(); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
	md := s.markdown()
	fmt.Print(md)
	if *out != "" {
		if err := os.MkdirAll(filepath.Dir(*out), 0o755); err == nil {
			err = os.WriteFile(*out, []byte(md), 0o644)
		}
		fmt.Fprintf(os.Stderr, "bench: wrote %s\n", *out)
	}
	if s.missed > 0 {
		fmt.Fprintf(os.Stderr, "bench: %d of %d targets missed (see the table)\n", s.missed, len(s.figures))
	}
}

// figure is one line of the results: a measure, its value and target.
type figure struct {
	name     string
	value    string // what was measured, with the baseline where there is one
	target   string
	met      bool
	informal bool // no target: context for the figures around it
}

type suite struct {
	bin                     string
	rows, xlsxRows, runRows int
	quick                   bool
	only                    string
	dir                     string
	figures                 []figure
	missed                  int
	started                 time.Time
}

func (s *suite) add(f figure) {
	if !f.met && !f.informal {
		s.missed++
	}
	s.figures = append(s.figures, f)
	mark := "ok  "
	switch {
	case f.informal:
		mark = "    "
	case !f.met:
		mark = "MISS"
	}
	fmt.Fprintf(os.Stderr, "%s %-52s %s (target: %s)\n", mark, f.name, f.value, f.target)
}

func (s *suite) run() error {
	s.started = time.Now()
	dir, err := os.MkdirTemp("", "leadimport-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s.dir = dir
	if _, err := os.Stat(s.bin); err != nil {
		return fmt.Errorf("%s: %w (make bench builds it first)", s.bin, err)
	}
	if err := os.WriteFile(s.path("mapping.yaml"), []byte(mappingYAML), 0o600); err != nil {
		return err
	}
	steps := []struct {
		name string
		run  func() error
	}{
		{"check-csv", s.checkCSV}, {"check-xlsx", s.checkXLSX}, {"run", s.runThroughput},
		{"rate", s.rateAccuracy}, {"startup", s.startup},
	}
	for _, step := range steps {
		if s.only != "" && !slices.Contains(strings.Split(s.only, ","), step.name) {
			continue
		}
		if err := step.run(); err != nil {
			return fmt.Errorf("%s: %w", step.name, err)
		}
	}
	return nil
}

func (s *suite) markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# leadimport benchmarks\n\n")
	fmt.Fprintf(&b, "Written by `make bench` (bench/main.go) on %s: %d cores, %s, %s/%s. ",
		s.started.UTC().Format("2006-01-02 15:04 MST"), runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(&b, "Inputs: %d-row CSVs, %d-row XLSX (fourteen columns, eleven mapped), %d rows sent. "+
		"Each check and its bare read (and, for the big CSVs, a bare copy: the rows read and written back by encoding/csv, the least a report of every row takes), and the run and its bare client, are run %d times in turns, and their medians compared (peak RSS: the highest). "+
		"The machine is shared: read ratios, not absolute figures.\n\n",
		s.rows, s.xlsxRows, s.runRows, s.rounds())
	fmt.Fprintf(&b, "| measure | measured | target | met |\n|---|---|---|---|\n")
	for _, f := range s.figures {
		met := "yes"
		switch {
		case f.informal:
			met = ""
		case !f.met:
			met = "**no**"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", f.name, f.value, f.target, met)
	}
	fmt.Fprintf(&b, "\n%d of %d targets met.\n", countMet(s.figures), countTargets(s.figures))
	return b.String()
}

func countTargets(fs []figure) int {
	n := 0
	for _, f := range fs {
		if !f.informal {
			n++
		}
	}
	return n
}

func countMet(fs []figure) int {
	n := 0
	for _, f := range fs {
		if f.met && !f.informal {
			n++
		}
	}
	return n
}

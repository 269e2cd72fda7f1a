package importer

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"leadimport/importer/msg"
	"leadimport/importer/regular"
	"leadimport/importer/report"
)

// checkReportPath refuses a --report that names one file when there are
// several inputs, each with its report.
func (cfg *Config) checkReportPath(inputs int) error {
	if cfg.Report == "" || inputs < 2 || asksForDir(cfg.Report) {
		return nil
	}
	if st, err := os.Stat(cfg.Report); err != nil || !st.IsDir() {
		return msg.Error(msg.ReportOneFile{Report: cfg.Report, Inputs: inputs})
	}
	return nil
}

// asksForDir reports whether a --report path ends in a separator, as
// "out/" does: a directory, made if missing.
func asksForDir(path string) bool {
	return strings.HasSuffix(path, "/") || strings.HasSuffix(path, string(filepath.Separator))
}

// chooseFormats settles each input's report format, as createReports
// creates it: the format --report's name says, or, for a report named
// after its input, the input's own (defaultFormat). It is settled before
// the inputs are read ahead, which formats a CSV report's lines as it
// maps the rows (persons.go); no file is made yet.
func (cfg *Config) chooseFormats(files []*file) error {
	named := cfg.Report != "" && !asksForDir(cfg.Report)
	if st, err := os.Stat(cfg.Report); named && err == nil && st.IsDir() {
		named = false
	}
	for _, f := range files {
		if !named {
			f.format = defaultFormat(f.input)
			continue
		}
		format, err := report.FormatOf(cfg.Report)
		if err != nil {
			return err
		}
		f.format = format
	}
	return nil
}

// createReports creates each input's report, in the format chosen for it
// (chooseFormats): at --report, or under the default name in --report's
// directory or the working directory. Reports are readable only by the
// user: they hold personal data. On error no report is left behind.
func (cfg *Config) createReports(files []*file, start time.Time) (err error) {
	defer func() {
		if err != nil {
			removeReports(files)
		}
	}()
	dir := ""
	if cfg.Report != "" {
		if asksForDir(cfg.Report) {
			if err := os.MkdirAll(cfg.Report, 0o700); err != nil {
				return msg.Error(msg.ReportDir{Err: err})
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
			if err := notAnInput(f.report, cfg.Inputs); err != nil {
				return err
			}
			f.out, f.created, err = openReport(f.report)
		} else {
			f.report, f.out, err = createNew(dir, f.input, string(f.format), start)
			f.created = err == nil
		}
		if err != nil {
			return msg.Error(msg.CreateReport{Err: err})
		}
		for _, format := range cfg.AlsoFormats {
			if format == f.format || slices.ContainsFunc(f.also, func(a alsoReport) bool { return a.format == format }) {
				continue
			}
			a := alsoReport{path: AlsoReport(f.report, format), format: format}
			if err := notAnInput(a.path, cfg.Inputs); err != nil {
				return err
			}
			a.out, a.created, err = openReport(a.path)
			if err != nil {
				return msg.Error(msg.CreateReport{Err: err})
			}
			f.also = append(f.also, a)
		}
		if cfg.ReportProblems {
			f.problems = problemsPath(f.report)
			if f.problemsOut, f.problemsCreated, err = openReport(f.problems); err != nil {
				return msg.Error(msg.CreateReport{Err: err})
			}
		}
	}
	return nil
}

// maxXLSXRows is how many rows an XLSX report holds below its header:
// a sheet's 1,048,576 rows but one. Tests lower it.
var maxXLSXRows = report.XLSXRows - 1

// fitsReport says why f's rows cannot all have their line in its
// reports (an XLSX one, of the report's format or of also), or nil.
func (f *file) fitsReport(also []report.Format) error {
	xlsx := f.format == report.XLSX || slices.Contains(also, report.XLSX)
	if !xlsx || f.rows <= maxXLSXRows {
		return nil
	}
	return msg.Error(msg.TooManyRowsForXLSX{Input: f.input, Rows: f.rows, Max: maxXLSXRows})
}

// AlsoReport names the report in format beside the report at path, as
// Config.AlsoFormats writes it: visning-report-20261203-021500.csv
// beside visning-report-20261203-021500.xlsx.
func AlsoReport(path string, format report.Format) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + "." + string(format)
}

// alsoReport is one report of Config.AlsoFormats.
type alsoReport struct {
	path    string
	format  report.Format
	out     *os.File
	created bool
}

// problemsPath names the report of the rows that need a person beside
// the report at path: visning-report-20261203-021500-problems.xlsx.
func problemsPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + "-problems" + ext
}

// openReport opens the report --report names. A new file is created
// readable only by the user: it holds personal data. An existing regular
// file is first made so too (which fails, before anything is lost, when
// it is someone else's), then emptied. A symbolic link is refused: the
// file it points to, anywhere, would be emptied. So are a FIFO, which
// would block the run until a reader comes, and a socket. A device (such
// as /dev/null) is written as it is and its mode left alone.
func openReport(path string) (f *os.File, created bool, err error) {
	if err := CheckReport(path); err != nil {
		return nil, false, err
	}
	st, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		return f, err == nil, err
	case err != nil:
		return nil, false, err
	case regular.Readable(st.Mode()):
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, false, err
		}
		f, err = os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
		return f, false, err
	}
	f, err = os.OpenFile(path, os.O_WRONLY, 0)
	return f, false, err
}

// CheckReport refuses a report path that is a symbolic link, a FIFO or a
// socket (see openReport), so that a command can say so before it
// writes anything. The links the system keeps for the standard streams
// (/dev/stdout, /dev/stderr, /dev/fd/N: their target is wherever the
// output goes, a terminal, a pipe, a file the shell opened) are written
// to as such; no other link is, /dev/shm's among them.
func CheckReport(path string) error {
	st, err := os.Lstat(path)
	if err != nil || st.Mode()&(fs.ModeSymlink|fs.ModeNamedPipe|fs.ModeSocket) == 0 {
		return nil
	}
	if st.Mode()&fs.ModeSymlink != 0 && isStreamLink(filepath.Clean(path)) {
		return nil
	}
	return regular.Refuse(path, st.Mode())
}

// removeReports closes the reports of a run that never started and
// removes those it created; a file that was there before stays.
func removeReports(files []*file) {
	for _, f := range files {
		if f.out != nil {
			f.closeOut()
			if f.created {
				os.Remove(f.report)
			}
			f.out = nil
		}
		if f.problemsOut != nil {
			f.problemsOut.Close()
			if f.problemsCreated {
				os.Remove(f.problems)
			}
			f.problemsOut = nil
		}
		for _, a := range f.also {
			a.out.Close()
			if a.created {
				os.Remove(a.path)
			}
		}
		f.also = nil
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
			return msg.Error(msg.ReportIsInput{Report: report, Input: in})
		}
	}
	return nil
}

// isStreamLink reports whether path names a standard stream's link:
// /dev/stdout, /dev/stderr or /dev/fd/N.
func isStreamLink(path string) bool {
	if path == "/dev/stdout" || path == "/dev/stderr" {
		return true
	}
	n, ok := strings.CutPrefix(path, "/dev/fd/")
	if !ok || n == "" {
		return false
	}
	for _, c := range n {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

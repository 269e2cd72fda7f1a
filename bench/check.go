package main

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// bareCSV reads a CSV the bare way, encoding/csv with ReuseRecord (after
// a Windows-1252 decoder when asked), and returns the rows and the time.
func bareCSV(path string, cp1252 bool) (int, time.Duration, error) {
	start := time.Now()
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	c := bareReader(f, cp1252)
	n := -1 // the header
	for {
		_, err := c.Read()
		if err == io.EOF {
			return n, time.Since(start), nil
		}
		if err != nil {
			return 0, 0, err
		}
		n++
	}
}

// bareReader is how the bare measures read a CSV: encoding/csv with
// ReuseRecord, after a Windows-1252 decoder when asked.
func bareReader(f io.Reader, cp1252 bool) *csv.Reader {
	var r io.Reader = bufio.NewReaderSize(f, 64<<10)
	if cp1252 {
		r = charmap.Windows1252.NewDecoder().Reader(r)
	}
	c := csv.NewReader(r)
	c.Comma, c.ReuseRecord, c.FieldsPerRecord = ';', true, -1
	return c
}

// bareCopyCSV reads a CSV as bareCSV does and writes each record back to
// out through encoding/csv's Writer, with an outcome column and an empty
// one for why: the least a check can do, since its report has a line for
// every row with the row's cells. It returns the rows and the time.
func bareCopyCSV(path string, cp1252 bool, out string) (int, time.Duration, error) {
	start := time.Now()
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	o, err := os.Create(out)
	if err != nil {
		return 0, 0, err
	}
	defer os.Remove(out)
	defer o.Close()
	c := bareReader(f, cp1252)
	bw := bufio.NewWriterSize(o, 64<<10)
	w := csv.NewWriter(bw)
	w.Comma = ';'
	n := -1 // the header
	for {
		rec, err := c.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return 0, 0, err
		}
		if err := w.Write(append(rec, "valid", "")); err != nil {
			return 0, 0, err
		}
		n++
	}
	if w.Flush(); w.Error() != nil {
		return 0, 0, w.Error()
	}
	if err := bw.Flush(); err != nil {
		return 0, 0, err
	}
	return n, time.Since(start), o.Close()
}

// bareXLSX reads the first sheet with excelize's streaming Rows.
func bareXLSX(path string) (int, time.Duration, error) {
	start := time.Now()
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	rows, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		return 0, 0, err
	}
	defer rows.Close()
	n := -1
	for rows.Next() {
		if _, err := rows.Columns(); err != nil {
			return 0, 0, err
		}
		n++
	}
	return n, time.Since(start), rows.Error()
}

// rounds is how many times each check and its bare read are measured,
// alternating, so that a neighbour who takes the machine for a while
// slows both alike; the medians are compared.
const rounds = 3

func (s *suite) rounds() int {
	if s.quick {
		return 1
	}
	return rounds
}

// measure is one timed pass over an input: the rows it saw and the time.
type measure func() (int, time.Duration, error)

// alternate measures the bare read of path, its bare copy (when there is
// one) and the check in turns, and returns the median of each (the
// check's by wall time), with the check's highest peak RSS of the rounds.
func (s *suite) alternate(path string, rows int, bare, writeBack measure) (bareTime, copyTime time.Duration, check usage, err error) {
	n := s.rounds()
	var bares, copies []time.Duration
	var checks []usage
	timed := func(what string, m measure, into *[]time.Duration) error {
		got, d, err := m()
		if err != nil {
			return err
		}
		if got != rows {
			return fmt.Errorf("%s of %s: %d rows, want %d", what, path, got, rows)
		}
		*into = append(*into, d)
		return nil
	}
	for range n {
		if err := timed("bare read", bare, &bares); err != nil {
			return 0, 0, usage{}, err
		}
		if writeBack != nil {
			if err := timed("bare copy", writeBack, &copies); err != nil {
				return 0, 0, usage{}, err
			}
		}
		u, err := s.check(path)
		if err != nil {
			return 0, 0, usage{}, err
		}
		checks = append(checks, u)
	}
	slices.Sort(bares)
	slices.Sort(copies)
	if writeBack != nil {
		copyTime = copies[n/2]
	}
	peak := 0.0
	for _, u := range checks {
		peak = max(peak, u.rssMB)
	}
	slices.SortFunc(checks, func(a, b usage) int { return cmp.Compare(a.wall, b.wall) })
	check = checks[n/2]
	check.rssMB = peak // memory is a bound: the highest of the rounds
	return bares[n/2], copyTime, check, nil
}

// check runs leadimport check over an input, every row valid.
func (s *suite) check(input string) (usage, error) {
	u, _, err := child(nil, s.bin, []string{"check", "--quiet", "--mapping", s.path("mapping.yaml"),
		"--report", s.path("report.csv"), input})
	return u, err
}

func (s *suite) checkCSV() error {
	p, err := pins()
	if err != nil {
		return err
	}
	small := s.rows / 10
	inputs := []struct {
		name   string
		rows   int
		cp1252 bool
		bare   string // how the bare read decodes, where it differs from leadimport
		row    func([]string, int) []string
	}{
		{"UTF-8", s.rows, false, "", cells},
		// leadimport decodes Windows-1252 with its own decoder, about
		// three times as fast as x/text's.
		{"Windows-1252", s.rows, true, " (decoded by x/text)", cells},
		// Phones that are landlines, 077 and 020 numbers: no fast path
		// for mobiles hides a slow one.
		{"UTF-8 landline-heavy", s.rows, false, "", landlineCells},
		{"UTF-8", small, false, "", cells},
	}
	var bigRSS float64
	for i, in := range inputs {
		path := s.path(fmt.Sprintf("input-%d.csv", i))
		if err := writeCSV(path, in.rows, p, in.cp1252, in.row); err != nil {
			return err
		}
		read := func() (int, time.Duration, error) { return bareCSV(path, in.cp1252) }
		var writeBack measure
		if in.rows == s.rows {
			writeBack = func() (int, time.Duration, error) { return bareCopyCSV(path, in.cp1252, s.path("copy.csv")) }
		}
		bare, copied, u, err := s.alternate(path, in.rows, read, writeBack)
		if err != nil {
			return err
		}
		os.Remove(path)
		rate, bareRate := float64(in.rows)/u.wall.Seconds(), float64(in.rows)/bare.Seconds()
		ratio := rate / bareRate
		what := fmt.Sprintf("check, %s CSV, %s rows", in.name, thousands(in.rows))
		if in.rows == s.rows {
			s.add(figure{name: what + ": rows/s against a bare read" + in.bare,
				value:  fmt.Sprintf("%s vs %s rows/s: **%.0f%%**", thousands(int(rate)), thousands(int(bareRate)), 100*ratio),
				target: "≥ 40%", met: ratio >= 0.40})
			copyRate := float64(in.rows) / copied.Seconds()
			s.add(figure{name: what + ": a bare copy (each row read and written back by encoding/csv) against the bare read",
				value:  fmt.Sprintf("%s vs %s rows/s: %.0f%%", thousands(int(copyRate)), thousands(int(bareRate)), 100*copyRate/bareRate),
				target: "(context)", informal: true})
			s.add(figure{name: what + ": peak RSS", value: fmt.Sprintf("%.0f MB", u.rssMB), target: "< 50 MB", met: u.rssMB < 50})
			s.add(figure{name: what + ": CPU per row", value: fmt.Sprintf("%.2f µs (wall %.1f s)", perRow(u.cpu, in.rows), u.wall.Seconds()),
				target: "(context)", informal: true})
			bigRSS = max(bigRSS, u.rssMB)
			continue
		}
		s.add(figure{name: what + ": peak RSS against 10× the rows",
			value:  fmt.Sprintf("%.0f MB vs %.0f MB (%+.0f%%)", u.rssMB, bigRSS, 100*(bigRSS-u.rssMB)/u.rssMB),
			target: "within 10%", met: bigRSS <= u.rssMB*1.10})
	}
	return nil
}

func (s *suite) checkXLSX() error {
	p, err := pins()
	if err != nil {
		return err
	}
	inputs := []struct {
		name  string
		write func(string, int, []string) error
	}{
		{"XLSX written by excelize", writeXLSXExcelize},
		{"XLSX with shared strings, as Excel saves", writeXLSXShared},
	}
	for i, in := range inputs {
		path := s.path(fmt.Sprintf("input-%d.xlsx", i))
		if err := in.write(path, s.xlsxRows, p); err != nil {
			return err
		}
		bare, _, u, err := s.alternate(path, s.xlsxRows, func() (int, time.Duration, error) { return bareXLSX(path) }, nil)
		if err != nil {
			return err
		}
		os.Remove(path)
		ratio := u.wall.Seconds() / bare.Seconds()
		what := fmt.Sprintf("check, %s, %s rows", in.name, thousands(s.xlsxRows))
		s.add(figure{name: what + ": time against excelize Rows()",
			value:  fmt.Sprintf("%.2f s vs %.2f s: **%.2f×**", u.wall.Seconds(), bare.Seconds(), ratio),
			target: "≤ 0.5×", met: ratio <= 0.5})
		s.add(figure{name: what + ": peak RSS", value: fmt.Sprintf("%.0f MB", u.rssMB), target: "< 100 MB", met: u.rssMB < 100})
	}
	return nil
}

func perRow(d time.Duration, rows int) float64 { return float64(d.Microseconds()) / float64(rows) }

// thousands writes n with a comma every three digits: 1,000,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

package importer

import (
	"strconv"
	"strings"

	"leadimport/importer/report"
	"leadimport/importer/source"
)

// reportInput reads a report of an earlier run as an input, so that staff
// can fix the red rows of a report in Excel and run the same command on
// it: the row column gives each row its number in the original input, the
// outcome columns are left out of the cells the mapping sees, and the
// status of each row says whether it was sent already.
type reportInput struct {
	source.Reader
	header []string // the original input's
	width  int      // the original input's columns
	status int      // index of the status column in the report's cells
	// csv: a CSV report, whose cells Excel could run as formulas carry an
	// apostrophe (report.Neutralize), taken off here: it is the report's,
	// not the cell's.
	csv bool

	prior, response string // the last row's status and response in the report
}

// openInput opens an input: a report of an earlier run (CSV or XLSX, read
// from its first row of its Report sheet, whatever the mapping says of
// sheets and header rows, which were the original's), or else as the
// mapping and flags say.
func openInput(path string, opts source.Options) (source.Reader, *reportInput, error) {
	tries := []source.Options{{HeaderRow: 1, Encoding: opts.Encoding, Delimiter: opts.Delimiter}}
	isCSV := true
	if f, err := report.FormatOf(path); err == nil && f == report.XLSX {
		tries, isCSV = nil, false
		for _, name := range report.ReportSheets {
			tries = append(tries, source.Options{Sheet: name, HeaderRow: 1})
		}
	}
	for _, ropts := range tries {
		src, err := source.Open(path, ropts)
		if err != nil {
			continue
		}
		if width, ok := reportHeader(src.Header()); ok {
			r := &reportInput{Reader: src, width: width, status: 1 + width, csv: isCSV}
			r.header = append([]string(nil), src.Header()[1:1+width]...)
			r.unquote(r.header)
			return r, r, nil
		}
		src.Close()
	}
	src, err := source.Open(path, opts)
	return src, nil, err
}

// reportHeader reports whether header is a report's (row, the input's
// columns, then the outcome columns) and how many columns the input had.
func reportHeader(header []string) (int, bool) {
	n := len(header) - 1 - len(report.Columns)
	if n < 1 || !strings.EqualFold(header[0], report.RowColumn) {
		return 0, false
	}
	for i, c := range report.Columns {
		if !strings.EqualFold(header[1+n+i], c) {
			return 0, false
		}
	}
	return n, true
}

func (r *reportInput) Header() []string { return r.header }

// unquote takes off the apostrophes a CSV report put before cells.
func (r *reportInput) unquote(cells []string) {
	if r.csv {
		for i, c := range cells {
			cells[i] = report.Unneutralize(c)
		}
	}
}

// Next returns the next row numbered as in the original input, with the
// original's cells only; prior and response hold what the report said.
func (r *reportInput) Next() (source.Row, error) {
	row, err := r.Reader.Next()
	if err != nil {
		return row, err
	}
	cell := func(i int) string {
		if i < len(row.Cells) {
			return strings.TrimSpace(row.Cells[i])
		}
		return ""
	}
	r.prior, r.response = strings.ToLower(cell(r.status)), cell(r.status+3)
	if r.csv {
		r.response = report.Unneutralize(r.response)
	}
	if n, err := strconv.Atoi(cell(0)); err == nil && n > 0 {
		row.Number = n
	}
	if len(row.Cells) > 0 {
		row.Cells = row.Cells[1:min(len(row.Cells), 1+r.width)]
		r.unquote(row.Cells)
	}
	return row, nil
}

// sent reports whether the report says the last row was sent, now or by
// an earlier run.
func (r *reportInput) sent() bool {
	return r.prior == string(StatusSent) || r.prior == string(StatusSkipped)
}

func (r *reportInput) Describe() string {
	return r.Reader.Describe() + " (a report: rows it says were sent are skipped)"
}

package importer

import (
	"slices"
	"strconv"
	"strings"

	"leadimport/importer/connect"
	"leadimport/importer/msg"
	"leadimport/importer/report"
	"leadimport/importer/source"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// reportInput reads a report of an earlier run as an input, so that staff
// can fix the red rows of a report in Excel and run the same command on
// it: the row column gives each row its number in the original input, the
// outcome columns are left out of the cells the mapping sees, and the
// status of each row says whether it was sent already. The cells at the
// end of a line, beyond the report's header, are a ragged row's beyond its
// input's header (report.Extra): they follow the input's cells again, so
// that the row is as ragged as it was until a person moves them.
type reportInput struct {
	source.Reader
	header      []string // the original input's
	width       int      // the original input's columns
	columns     int      // the report's columns, as its header has them
	statusCol   int      // index of the status column in the report's cells
	responseCol int      // index of the response column, -1 when it was taken out
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
func openInput(in *source.File, path string, opts source.Options) (source.Reader, *reportInput, error) {
	tries := []source.Options{{HeaderRow: 1, Encoding: opts.Encoding, Delimiter: opts.Delimiter}}
	isCSV := true
	if f, err := report.FormatOf(path); err == nil && f == report.XLSX {
		tries, isCSV = nil, false
		for _, name := range report.ReportSheets {
			tries = append(tries, source.Options{Sheet: name, HeaderRow: 1})
		}
	}
	for _, ropts := range tries {
		src, err := in.Open(ropts)
		if err != nil {
			continue
		}
		if width, response, ok := reportHeader(src.Header()); ok {
			r := &reportInput{Reader: src, width: width, columns: len(src.Header()), statusCol: 1 + width, responseCol: response, csv: isCSV}
			r.header = append([]string(nil), src.Header()[1:1+width]...)
			r.unquote(r.header)
			return r, r, nil
		}
		src.Close()
	}
	src, err := in.Open(opts)
	return src, nil, err
}

// reportHeader reports whether header is a report's and how many columns
// the original input had. A report's header is row, the input's columns,
// then status and the other outcome columns; staff may have deleted or
// moved some of those in Excel, so it is enough that the header starts
// with row and ends with status and outcome columns only. The input may
// have a Status column of its own: the last status is the report's.
func reportHeader(header []string) (width, response int, ok bool) {
	if len(header) < 3 || !strings.EqualFold(header[0], report.RowColumn) {
		return 0, 0, false
	}
	for s := len(header) - 1; s >= 2; s-- {
		if !strings.EqualFold(header[s], "status") {
			if !slices.ContainsFunc(report.Columns, func(c string) bool { return strings.EqualFold(c, header[s]) }) {
				return 0, 0, false // an input column after the outcome's
			}
			continue
		}
		response = -1
		for i := s + 1; i < len(header); i++ {
			if strings.EqualFold(header[i], "response") {
				response = i
			}
		}
		return s - 1, response, true
	}
	return 0, 0, false
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
// original's cells and any beyond its header; prior and response hold
// what the report said.
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
	r.prior, r.response = strings.ToLower(cell(r.statusCol)), ""
	if r.responseCol >= 0 {
		r.response = cell(r.responseCol)
	}
	if r.csv {
		r.response = report.Unneutralize(r.response)
	}
	if n, err := strconv.Atoi(cell(0)); err == nil && n > 0 {
		row.Number = n
	}
	if len(row.Cells) > 0 {
		n := min(len(row.Cells), 1+r.width)
		// Moved down over the outcome columns: the cells beyond the
		// report's header start after the input's last, so the row has
		// them all.
		n += copy(row.Cells[n:], report.Extra(row.Cells, r.columns))
		row.Cells = row.Cells[1:n]
		r.unquote(row.Cells)
	}
	return row, nil
}

// sent reports whether the report says the last row was sent to
// endpoint, now or by an earlier run. A report says what was sent, not to
// which call; its response tells them apart when it holds one: the
// interest call's 204 in words, or FinalPriceWatched's contact id. A row
// the report shows sent to the other call is not sent to this one (the
// same sheet may go to both), and goes on to the ledger as any row does.
func (r *reportInput) sent(endpoint string) bool {
	if r.prior != string(status.Sent) && r.prior != string(status.Skipped) {
		return false
	}
	if endpoint == mapping.EndpointInterest {
		return !connect.IsContactID(r.response)
	}
	return !msg.IsAcceptedNoBody(r.response)
}

// Description says what the reader found, and that the input is a
// report.
func (r *reportInput) Description() msg.Message {
	return msg.AReport{Of: r.Reader.Description()}
}

// Package report writes the results report: one line per input data row,
// in input order, saying what became of it.
//
// Three formats share one Writer: CSV (opens in Excel as it is: UTF-8
// with a byte order mark, so Excel shows å, ä and ö), XLSX (coloured by
// status, the wrong cells marked, and a summary sheet) and JSONL (one
// object per row, for programs). No cell of a CSV or XLSX report is ever
// run by Excel as a formula. A row with more cells than the header keeps
// them all (see Extra): in CSV and XLSX after the outcome columns of its
// line, in JSONL in its object's cells.
//
// A writer says a row's problems, warnings and errors, the word for a
// cell taken as empty in its changes, and the XLSX sheets and summary,
// in the msg.Lang it is given; statuses and column names stay the tool's
// words in every language:
//
//	w, err := report.NewCSV(f, ';', header, msg.Swedish)
//	err = w.Write(&report.Line{Row: 2, Status: status.Invalid, Errors: []mapping.Problem{
//		{Column: "Personnummer", Value: "19890213-2390", Message: msg.CheckDigit{Want: 1}},
//	}})
//	// the error cell: Personnummer "19890213-2390": kontrollsiffran ska vara 1
package report

import (
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// Line is the outcome of one input row.
type Line struct {
	Row int // as the spreadsheet numbers it
	// Cells are the row's cells as read: the input's own, and any beyond
	// its header (see Extra), which a CSV or XLSX report keeps at the end
	// of the line and a JSONL report in the object's cells.
	Cells      []string
	Status     status.Status
	HTTPStatus int // 0: no request answered
	Attempts   int
	Response   string
	// Errors are every reason the row was not sent: its problems, each
	// naming the cell, then what went wrong in sending (Message only).
	Errors  []mapping.Problem
	Changes []mapping.Change // the values normalisation altered
	// ChangesText is the changes column's text (AppendChangesText), for
	// a line given it in place of Changes: a check that writes a CSV or
	// XLSX report keeps no more of a clean row. A JSONL report, which
	// shows each change apart, is always given Changes.
	ChangesText string
	Warnings    []mapping.Problem // what was accepted but looks wrong
	// Pre, when its Head is set, is the line's head and changes column as
	// formatted ahead for a CSV report (CSVLine): a CSV writer of its
	// layout copies them, and reads neither Cells nor Changes nor
	// ChangesText; one of another layout refuses the line. Only a line
	// for CSV writers alone may be given it.
	Pre Preformatted
	// Lead is the lead as sent, or as it would have been (JSONL only);
	// nil when the row could not be mapped.
	Lead *mapping.Lead
}

// Writer writes one report. Lines come in input order.
type Writer interface {
	// Write adds one line.
	Write(l *Line) error
	// Flush makes the lines so far durable where the format allows: a
	// CSV or JSONL report read after a crash holds every line flushed. An
	// XLSX file is whole only once closed.
	Flush() error
	// Close finishes the report; the summary is what an XLSX report's
	// second sheet shows. It does not close the underlying file.
	Close(s *Summary) error
}

// Summary is what a report says about its run as a whole.
type Summary struct {
	Counts   []Count // per status, in the order to show them
	Inputs   []string
	Mapping  string
	Started  time.Time
	Finished time.Time
	Command  string // the command line, without secrets
}

// Count is how many rows ended with one status.
type Count struct {
	Status status.Status
	Rows   int
}

// Format is a report's file format.
type Format string

const (
	CSV   Format = "csv"
	XLSX  Format = "xlsx"
	JSONL Format = "jsonl"
)

// FormatOf picks a report's format by its file name's extension; a name
// without one (or a device such as /dev/stdout) is CSV.
func FormatOf(path string) (Format, error) {
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case "", ".csv", ".txt":
		return CSV, nil
	case ".xlsx":
		return XLSX, nil
	case ".jsonl", ".ndjson":
		return JSONL, nil
	default:
		return "", msg.Error(msg.UnknownReportFormat{Path: path, Ext: ext})
	}
}

// failed is a writer's failure to write, said as a message.
func failed(err error) error { return msg.Error(msg.ReportFailed{Err: err}) }

// Columns are the report's own columns around the input's: RowColumn
// first, the others after the input's columns, in this order. They are
// how a report is recognised when it is read back as an input. A row's
// cells beyond its input's header (Extra) follow the last of them, on
// that line only: the header, written before such a row is read, does
// not name them, and a line may be longer than the header.
const RowColumn = "row"

var Columns = []string{"status", "http_status", "attempts", "response", "error", "changes", "warnings"}

// Extra are the cells of a row beyond the header's width: those after
// the header's last column up to the last that holds a visible character
// (cells of spaces alone at the end are nothing, as Excel's exports pad
// rows with them), or nil. A row with any is ragged, and invalid: which
// value belongs in which column cannot be guessed. A report keeps them,
// so that, read back as an input, the row is as ragged as it was until a
// person moves the values where they belong.
func Extra(cells []string, width int) []string {
	last := len(cells)
	for last > width && strings.TrimSpace(cells[last-1]) == "" {
		last--
	}
	if last <= width {
		return nil
	}
	return cells[width:last]
}

// QuoteCells lists cells in Go's quotes, ", " between: "a", "b; c". It
// is how a ragged row's error gives the values beyond the header.
func QuoteCells(cells []string) string {
	quoted := make([]string, len(cells))
	for i, c := range cells {
		quoted[i] = strconv.Quote(c)
	}
	return strings.Join(quoted, ", ")
}

// errorText is the error column's text of a CSV or XLSX report: every
// error, and for a line with cells beyond the header where they are and
// what to do with them.
func errorText(l *Line, extra bool, lang msg.Lang) string {
	s := ProblemsText(l.Errors, lang)
	if !extra {
		return s
	}
	note := lang.Say(msg.CellsAtLineEnd{After: Columns[len(Columns)-1]})
	if s == "" {
		return note
	}
	return s + "; " + note
}

// ProblemsText is the error or warnings column's text: every problem,
// its message in l, "; " between.
func ProblemsText(ps []mapping.Problem, l msg.Lang) string {
	switch len(ps) {
	case 0:
		return ""
	case 1:
		return ps[0].In(l)
	}
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.In(l)
	}
	return strings.Join(parts, "; ")
}

// count is a count as a report cell shows it: nothing for 0 (no request
// answered, no attempt made).
func count(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// ChangesText is the changes column's text in l:
// `Mobil: 070-123 45 67 → +46701234567; Telefon: "-" → empty`. Its one
// word is l's for a cell taken as empty.
func ChangesText(cs []mapping.Change, l msg.Lang) string {
	if len(cs) == 0 {
		return ""
	}
	n := 0
	for _, c := range cs {
		n += len(c.Column) + len(c.From) + len(c.To) + len(": → ; ")
	}
	return string(appendChanges(make([]byte, 0, n), cs, l))
}

// changesText is the changes column's text of l.
func changesText(l *Line, lang msg.Lang) string {
	if l.Changes == nil {
		return l.ChangesText
	}
	return ChangesText(l.Changes, lang)
}

// AppendChangesText appends ChangesText(cs, l) to b.
func AppendChangesText(b []byte, cs []mapping.Change, l msg.Lang) []byte {
	return appendChanges(b, cs, l)
}

// appendChanges appends ChangesText(cs, l) to b.
func appendChanges(b []byte, cs []mapping.Change, l msg.Lang) []byte {
	for i, c := range cs {
		if i > 0 {
			b = append(b, "; "...)
		}
		b = c.AppendText(b, l)
	}
	return b
}

// Neutralize keeps Excel from reading a cell as a formula: a cell that
// starts with =, @, a tab or a carriage return, or with + or - followed by
// anything but a number or phone number, gets a leading apostrophe, which
// Excel shows as text. Phone numbers such as +46701234567 stay as they are.
func Neutralize(s string) string {
	if neutralized(s) {
		return "'" + s
	}
	return s
}

// neutralized reports whether Neutralize puts an apostrophe before s.
func neutralized[T string | []byte](s T) bool {
	if len(s) == 0 {
		return false
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return true
	case '+', '-':
		return !numberLike(s[1:])
	}
	return false
}

// Unneutralize undoes Neutralize: it takes off a leading apostrophe that
// Neutralize would have put there, so that a CSV report read back as an
// input gives its cells as they were read. Any other apostrophe stays.
func Unneutralize(s string) string {
	if rest, ok := strings.CutPrefix(s, "'"); ok && Neutralize(rest) == s {
		return rest
	}
	return s
}

// numberLike reports whether s holds only what a number or a phone number
// is written with; none of it can make a formula call a function.
func numberLike[T string | []byte](s T) bool {
	if len(s) == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9', c == ' ', c == '(', c == ')', c == '.', c == ',', c == '/':
		case c == '-' && i > 0:
		default:
			return false
		}
	}
	return true
}

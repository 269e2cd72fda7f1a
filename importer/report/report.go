// Package report writes the results report: one line per input data row,
// in input order, saying what became of it.
//
// The CSV form opens in Excel as it is: UTF-8 with a byte order mark (so
// Excel shows å, ä and ö), and no cell that Excel would run as a formula.
package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// Line is the outcome of one input row.
type Line struct {
	Row        int      // as the spreadsheet numbers it
	Cells      []string // the input's own cells, as read
	Status     string
	HTTPStatus int // 0: no request answered
	Attempts   int
	Response   string
	Error      string
	Changes    string // the values normalisation altered
	Warnings   string // what was accepted but looks wrong
}

// Columns that follow the input's own, in order.
var outcomeColumns = []string{"status", "http_status", "attempts", "response", "error", "changes", "warnings"}

// CSV writes a report as CSV.
type CSV struct {
	buf    *bufio.Writer
	csv    *csv.Writer
	width  int // number of input columns
	record []string
}

// NewCSV writes the byte order mark and the header line to w and returns a
// writer for the lines. header is the input's own header, in order.
func NewCSV(w io.Writer, delimiter rune, header []string) (*CSV, error) {
	buf := bufio.NewWriterSize(w, 64<<10)
	c := csv.NewWriter(buf)
	c.Comma = delimiter
	c.UseCRLF = true // what Excel writes, and what Windows tools expect
	r := &CSV{buf: buf, csv: c, width: len(header)}
	if _, err := buf.WriteString("\ufeff"); err != nil {
		return nil, fmt.Errorf("write report: %w", err)
	}
	head := make([]string, 0, 1+len(header)+len(outcomeColumns))
	head = append(head, "row")
	for _, h := range header {
		head = append(head, Neutralize(h))
	}
	head = append(head, outcomeColumns...)
	if err := c.Write(head); err != nil {
		return nil, fmt.Errorf("write report: %w", err)
	}
	return r, nil
}

// Write adds one line. Lines are buffered; Flush makes them durable.
func (r *CSV) Write(l Line) error {
	rec := r.record[:0]
	rec = append(rec, strconv.Itoa(l.Row))
	// Exactly the header's width, so the outcome columns stay under their
	// names: a short row is padded; cells beyond the header are left out
	// (the importer names their values in the row's error).
	for i := range r.width {
		c := ""
		if i < len(l.Cells) {
			c = Neutralize(l.Cells[i])
		}
		rec = append(rec, c)
	}
	httpStatus, attempts := "", ""
	if l.HTTPStatus != 0 {
		httpStatus = strconv.Itoa(l.HTTPStatus)
	}
	if l.Attempts != 0 {
		attempts = strconv.Itoa(l.Attempts)
	}
	rec = append(rec, l.Status, httpStatus, attempts, Neutralize(l.Response), Neutralize(l.Error),
		Neutralize(l.Changes), Neutralize(l.Warnings))
	r.record = rec
	if err := r.csv.Write(rec); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// Flush writes buffered lines to the underlying writer.
func (r *CSV) Flush() error {
	r.csv.Flush()
	if err := r.csv.Error(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := r.buf.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// Neutralize keeps Excel from reading a cell as a formula: a cell that
// starts with =, @, a tab or a carriage return, or with + or - followed by
// anything but a number or phone number, gets a leading apostrophe, which
// Excel shows as text. Phone numbers such as +46701234567 stay as they are.
func Neutralize(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if !numberLike(s[1:]) {
			return "'" + s
		}
	}
	return s
}

// numberLike reports whether s holds only what a number or a phone number
// is written with; none of it can make a formula call a function.
func numberLike(s string) bool {
	if s == "" {
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

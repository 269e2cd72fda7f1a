package report

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
)

// csvWriter writes a report as CSV.
type csvWriter struct {
	buf    *bufio.Writer
	csv    *csv.Writer
	width  int // number of input columns
	lang   Lang
	record []string
}

// NewCSV writes the byte order mark and the header line to w and returns a
// writer for the lines, their messages in lang. header is the input's own
// header, in order.
func NewCSV(w io.Writer, delimiter rune, header []string, lang Lang) (Writer, error) {
	buf := bufio.NewWriterSize(w, 64<<10)
	c := csv.NewWriter(buf)
	c.Comma = delimiter
	c.UseCRLF = true // what Excel writes, and what Windows tools expect
	r := &csvWriter{buf: buf, csv: c, width: len(header), lang: lang}
	if _, err := buf.WriteString("\ufeff"); err != nil {
		return nil, fmt.Errorf("write report: %w", err)
	}
	head := make([]string, 0, 1+len(header)+len(Columns))
	head = append(head, RowColumn)
	for _, h := range header {
		head = append(head, Neutralize(h))
	}
	head = append(head, Columns...)
	if err := c.Write(head); err != nil {
		return nil, fmt.Errorf("write report: %w", err)
	}
	return r, nil
}

func (r *csvWriter) Write(l *Line) error {
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
	rec = append(rec, l.Status, count(l.HTTPStatus), count(l.Attempts), Neutralize(l.Response), Neutralize(r.lang.ProblemsText(l.Errors)),
		Neutralize(ChangesText(l.Changes)), Neutralize(r.lang.ProblemsText(l.Warnings)))
	r.record = rec
	if err := r.csv.Write(rec); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func (r *csvWriter) Flush() error {
	r.csv.Flush()
	if err := r.csv.Error(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if err := r.buf.Flush(); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

func (r *csvWriter) Close(*Summary) error { return r.Flush() }

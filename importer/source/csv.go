package source

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// sniffSize is how much of the file the delimiter is guessed from: the
// header line and any title rows above it fit many times over.
const sniffSize = 64 << 10

type csvReader struct {
	table
	csv    *csv.Reader
	quotes *quoteTracker
	enc    textEncoding
	delim  rune
	closer io.Closer // the file Open opened; nil for NewCSV

	// Excel shows every record as one row and every blank line as an
	// empty row, but encoding/csv skips blank lines without a trace. So
	// the row number comes from where each record starts in the text
	// against where the one before it ended.
	row     int // the last record's row
	endLine int // the text line the last record ended on
}

// NewCSV reads CSV text from r; name is used in messages (and a .tsv name
// makes a tab the delimiter of a file with one column). The delimiter,
// ',', ';' or tab, is the one that occurs most often on the header line.
// Closing the Reader does not close r.
func NewCSV(r io.Reader, name string, opt Options) (Reader, error) {
	return newCSV(r, name, opt)
}

func newCSV(r io.Reader, name string, opt Options) (*csvReader, error) {
	text, enc, err := decodeText(bufio.NewReaderSize(r, sniffSize))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", name, withoutPath(err))
	}
	head, err := text.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("%s: read: %w", name, withoutPath(err))
	}
	fallback := ','
	if strings.EqualFold(filepath.Ext(name), ".tsv") {
		fallback = '\t'
	}
	delim := sniffDelimiter(head, opt.HeaderRow, fallback)

	c := &csvReader{enc: enc, delim: delim}
	c.quotes = &quoteTracker{r: text, delim: byte(delim)}
	c.csv = csv.NewReader(c.quotes)
	c.csv.Comma = delim
	c.csv.FieldsPerRecord = -1 // ragged rows are normal in hand-made sheets
	c.csv.LazyQuotes = true    // so is `24" TV`; quoteTracker covers the risk
	// ReuseRecord stays off: rows travel through a pipeline, so each needs
	// its own slice. encoding/csv already makes a record's cells share one
	// string, so there is nothing to copy.
	c.table = table{name: name, read: c.record}
	if err := c.findHeader(opt.HeaderRow, "the file is empty"); err != nil {
		return nil, err
	}
	return c, nil
}

// record returns the next record, blank or not, numbered as Excel would.
func (c *csvReader) record() (Row, error) {
	cells, err := c.csv.Read()
	if err == io.EOF {
		return Row{}, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return Row{}, c.parseError(pe)
		}
		return Row{}, fmt.Errorf("%s: read after row %d: %w", c.name, c.row, withoutPath(err))
	}
	start, _ := c.csv.FieldPos(0)
	c.row += start - c.endLine // one for this record, one per blank line before it
	last := len(cells) - 1
	line, _ := c.csv.FieldPos(last)
	c.endLine = line + strings.Count(cells[last], "\n")

	if c.quotes.unclosed() && c.csv.InputOffset() == c.quotes.n {
		return Row{}, &RowError{File: c.name, Row: c.row,
			Err: fmt.Errorf("%w: the cell in column %s opens a quote (\") that the file never closes, so every line after it would be read into that one cell: fix the quotes on this row", ErrUnclosedQuote, columnLetter(last+1))}
	}
	if err := checkUTF8(cells); err != nil {
		return Row{}, &RowError{File: c.name, Row: c.row, Err: err}
	}
	return Row{Number: c.row, Cells: cells}, nil
}

// parseError numbers the row encoding/csv could not read; the partial
// record it returns with the error is dropped, never passed on as a row.
// With LazyQuotes and FieldsPerRecord = -1 encoding/csv has no syntax
// error left to report, but a stricter setting, or a later Go, would
// reach here.
func (c *csvReader) parseError(pe *csv.ParseError) error {
	c.row += max(1, pe.StartLine-c.endLine)
	c.endLine = pe.Line // the parser goes on after the line it failed on
	return &RowError{File: c.name, Row: c.row,
		Err: fmt.Errorf("%w: %w (line %d, column %d of the text): check the quotes on this row", ErrBadRow, pe.Err, pe.Line, pe.Column)}
}

func (c *csvReader) Delimiter() rune { return c.delim }

func (c *csvReader) Describe() string {
	d := fmt.Sprintf("'%c'", c.delim)
	if c.delim == '\t' {
		d = "tab"
	}
	return fmt.Sprintf("%s: %s, %s, header on row %d, %s", c.name, c.enc, d, c.headerRow, columns(len(c.header)))
}

func (c *csvReader) Close() error {
	if c.closer == nil {
		return nil
	}
	err := c.closer.Close()
	c.closer = nil
	return err
}

// columnLetter names column n (1-based) as Excel does: A, B, ..., Z, AA.
func columnLetter(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

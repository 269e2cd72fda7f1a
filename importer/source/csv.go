package source

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// sniffSize is how much of the file the encoding, the line ends and the
// delimiter are guessed from: the header line, any title rows above it and
// the first records fit many times over.
const sniffSize = 64 << 10

// Limits on what one row may hold. Excel itself stops at 32,767
// characters in a cell and 16,384 columns, so a file over them was not a
// sheet anyone saw; a CSV record over 1 MiB is one endless line or a quote
// never closed, and reading on would hold the rest of the file in memory.
const (
	maxCellChars   = 32767
	maxCells       = 16384
	maxRecordBytes = 1 << 20
)

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

	// spare holds cells given back (Recycle), to hold the next rows'.
	spare [][]string
}

// maxSpare bounds the cells a csvReader keeps for rows to come.
const maxSpare = 1024

// Recycle takes back the cells of a row read from c, to hold a row to
// come: a reader of a million rows then makes a few hundred slices, not
// a million, for the garbage collector to sweep. The caller gives back
// only cells that it, and everything it handed them to, is done with.
func (c *csvReader) Recycle(cells []string) {
	if cap(cells) > 0 && len(c.spare) < maxSpare {
		c.spare = append(c.spare, cells[:0])
	}
}

// cellsOf copies a record's cells, which encoding/csv reuses, to a slice
// of their own: one given back, when there is one with room.
func (c *csvReader) cellsOf(record []string) []string {
	for len(c.spare) > 0 {
		cells := c.spare[len(c.spare)-1]
		c.spare = c.spare[:len(c.spare)-1]
		if cap(cells) >= len(record) {
			return append(cells, record...)
		}
	}
	return slices.Clone(record)
}

// NewCSV reads CSV text from r; name is used in messages (and a .tsv name
// makes a tab the delimiter). The encoding and
// the delimiter are Options.Encoding and Options.Delimiter, or guessed from
// the first 64 KiB (see decodeText and sniffDelimiter); lines may end in
// LF, CRLF or CR alone. Closing the Reader does not close r.
func NewCSV(r io.Reader, name string, opt Options) (Reader, error) {
	return newCSV(r, name, opt)
}

func newCSV(r io.Reader, name string, opt Options) (*csvReader, error) {
	want, err := parseEncoding(opt.Encoding)
	if err != nil {
		return nil, inFile(name, err)
	}
	if d := opt.Delimiter; d != 0 && (d >= utf8.RuneSelf || d < ' ' && d != '\t' || d == '"') {
		return nil, fileError(name, msg.BadDelimiter{Delimiter: d}, ErrBadDelimiter)
	}
	raw := bufio.NewReaderSize(r, sniffSize)
	if err := checkNotWorkbook(raw, name); err != nil {
		return nil, err
	}
	decoded, enc, err := decodeText(raw, want)
	var unclear *ambiguousError
	if errors.As(err, &unclear) {
		return nil, fileError(name, msg.EncodingUnclear{UTF8Chars: unclear.multi, BadBytes: unclear.bad, BadLine: unclear.badLine},
			ErrAmbiguousEncoding)
	}
	if err != nil {
		return nil, fileError(name, msg.ReadFailed{Err: withoutPath(err)})
	}
	text := bufio.NewReaderSize(decoded, sniffSize)
	head, err := text.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fileError(name, msg.ReadFailed{Err: withoutPath(err)})
	}
	var lines io.Reader = text
	if crOnly(head) {
		head = bytes.ReplaceAll(head, []byte{'\r'}, []byte{'\n'})
		lines = crToLF{text}
	}
	delim := opt.Delimiter
	switch {
	case delim != 0:
	case strings.EqualFold(filepath.Ext(name), ".tsv"):
		// The name says tab; a one-column file's commas are text.
		delim = '\t'
	default:
		delim = sniffDelimiter(head, opt.HeaderRow, ',')
	}

	c := &csvReader{enc: enc, delim: delim}
	c.quotes = &quoteTracker{r: lines, delim: byte(delim), max: maxRecordBytes,
		judging: true, cells: headerWidth(head, opt.HeaderRow, byte(delim))}
	c.csv = csv.NewReader(c.quotes)
	c.csv.Comma = delim
	c.csv.FieldsPerRecord = -1 // ragged rows are normal in hand-made sheets
	c.csv.LazyQuotes = true    // so is `24" TV`; quoteTracker covers the risk
	// A record's cells share one string (encoding/csv's), and are copied
	// from the slice it reuses to one of their own (cellsOf): rows travel
	// through a pipeline.
	c.csv.ReuseRecord = true
	c.table = table{name: name, read: c.record}
	if err := c.findHeader(opt.HeaderRow, opt.Headers, msg.EmptyFile{}); err != nil {
		return nil, err
	}
	c.quotes.cells = len(c.header)
	return c, nil
}

// record returns the next record, blank or not, numbered as Excel would.
func (c *csvReader) record() (Row, error) {
	record, err := c.csv.Read()
	if err == io.EOF {
		return Row{}, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return Row{}, c.parseError(pe)
		}
		if errors.Is(err, errRecordTooLong) {
			return Row{}, c.tooLong()
		}
		return Row{}, fileError(c.name, msg.ReadAfterRow{Row: c.row, Err: withoutPath(err)})
	}
	cells := c.cellsOf(record)
	start, _ := c.csv.FieldPos(0)
	c.row += start - c.endLine // one for this record, one per blank line before it
	last := len(cells) - 1
	line, _ := c.csv.FieldPos(last)
	c.endLine = line + strings.Count(cells[last], "\n")

	if c.quotes.unclosed() && c.csv.InputOffset() == c.quotes.n {
		return Row{}, &RowError{File: c.name, Row: c.row,
			Err: msg.Error(msg.UnclosedQuote{Column: columnLetter(last + 1)}, ErrUnclosedQuote)}
	}
	// Text that was UTF-8 as read makes cells that are UTF-8: only after
	// the tracker has seen anything else must each cell be checked.
	if c.quotes.notUTF8 {
		if err := checkText(cells, c.enc); err != nil {
			return Row{}, &RowError{File: c.name, Row: c.row, Err: err}
		}
	}
	if err := checkSize(cells); err != nil {
		return Row{}, &RowError{File: c.name, Row: c.row, Err: err}
	}
	row := Row{Number: c.row, Cells: cells}
	if len(c.quotes.strays) > 0 {
		row.Notes = c.strayNotes(cells, start)
	}
	return row, nil
}

// strayNotes are the notes for the stray quotes the tracker read as text
// on the lines of the record just read, which starts on line start: the
// cell at each one's line that starts with a quote. The tracker reads
// ahead, so strays after the record wait for theirs.
func (c *csvReader) strayNotes(cells []string, start int) []Note {
	var notes []Note
	q := c.quotes
	for len(q.strays) > 0 && q.strays[0] <= c.endLine {
		line := q.strays[0]
		q.strays = q.strays[1:]
		for i, cell := range cells {
			if at, _ := c.csv.FieldPos(i); at == line && line >= start && strings.HasPrefix(cell, `"`) {
				notes = append(notes, Note{Column: c.columnName(i), Value: cell, Message: msg.StrayQuote{}})
				break
			}
		}
	}
	return notes
}

// columnName is column i's (0-based) header name, or its letter past
// the header or where the header has none.
func (c *csvReader) columnName(i int) string {
	if i < len(c.header) && c.header[i] != "" {
		return c.header[i]
	}
	return columnLetter(i + 1)
}

// headerWidth counts the cells of the header line in head, the start of
// the text: line headerRow, or the first that is not blank. It is what
// quoteTracker knows of the header until the header is found.
func headerWidth(head []byte, headerRow int, delim byte) int {
	for n := 1; len(head) > 0; n++ {
		line := head
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		if headerRow > 0 && n == headerRow || headerRow <= 0 && len(bytes.TrimSpace(line)) > 0 {
			return cellsIn(line, delim, true)
		}
	}
	return 0
}

// tooLong refuses the rest of the file at a record over maxRecordBytes:
// encoding/csv cannot skip it, so no row after it can be found. The record
// starts on the first line after the last one read, and blank lines
// between them are rows, as in record.
func (c *csvReader) tooLong() error {
	row := c.row + max(1, c.quotes.recStartLine-c.endLine)
	quote := c.quotes.state == quoted || c.quotes.state == quoteSeenCR
	return fileError(c.name, msg.RowOverMiB{Row: row, Quote: quote}, ErrTooLarge)
}

// checkSize holds a row to Excel's limits, which no sheet a person made
// exceeds.
func checkSize(cells []string) error {
	if len(cells) > maxCells {
		return msg.Error(msg.TooManyCells{Cells: len(cells)}, ErrTooLarge)
	}
	for i, cell := range cells {
		if len(cell) > maxCellChars && utf8.RuneCountInString(cell) > maxCellChars {
			return msg.Error(msg.CellTooLong{Column: columnLetter(i + 1), Len: utf8.RuneCountInString(cell)}, ErrTooLarge)
		}
	}
	return nil
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
		Err: msg.Error(msg.UnreadableRow{Err: pe.Err, Line: pe.Line, Column: pe.Column}, ErrBadRow)}
}

func (c *csvReader) Delimiter() rune { return c.delim }

func (c *csvReader) Description() msg.Message {
	return msg.CSVFound{File: c.name, Encoding: c.enc.name, BOM: c.enc.withBOM(), Delimiter: c.delim,
		HeaderRow: c.headerRow, Columns: len(c.header)}
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

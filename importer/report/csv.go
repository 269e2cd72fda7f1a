package report

import (
	"bufio"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// csvWriter writes a report as CSV.
type csvWriter struct {
	*CSVLine
	buf  *bufio.Writer
	csv  *csv.Writer // the header's; the lines are written by appendField
	line []byte      // the line being written, reused
	// validMid and validEnd are a valid line's fields after its head and
	// after its changes (WriteValid), made at its first.
	validMid, validEnd []byte
}

// CSVLayout is what a CSV report's line depends on besides the line
// itself: the delimiter, the header's number of columns and the language
// of its messages. Every writer of one layout writes a line alike.
type CSVLayout struct {
	Delimiter rune
	Width     int
	Lang      msg.Lang
}

// CSVLine formats the parts of a CSV report's line that are the row's
// own, known once it is mapped: its row number and cells (the head) and
// its changes column. A check formats them ahead, as the rows are mapped
// on every core, and hands them to the writer in Line.Pre, so that the
// one goroutine that writes the report only copies them. It is safe for
// concurrent use.
type CSVLine struct {
	layout CSVLayout
	class  [256]byte // each byte's class (changesInQuotes, isDelimiter)
}

// NewCSVLine formats the lines of a CSV report of layout l.
func NewCSVLine(l CSVLayout) *CSVLine {
	c := &CSVLine{layout: l}
	c.class['"'], c.class['\r'], c.class['\n'] = changesInQuotes, changesInQuotes, changesInQuotes
	if l.Delimiter < utf8.RuneSelf {
		c.class[l.Delimiter] |= isDelimiter
	}
	return c
}

// Layout is the layout of the report lines c formats.
func (c *CSVLine) Layout() CSVLayout { return c.layout }

// Preformatted is a line's head and changes column as CSVLine formatted
// them for a report of Layout: its row number and cells, delimiters
// between (AppendHead), and its changes field (AppendChanges).
type Preformatted struct {
	Layout  CSVLayout
	Head    string
	Changes string
}

// AppendHead appends the start of a line: the row number and the cells,
// delimiters between, as the line has them up to the status column. A
// row with cells beyond the header (Extra) has more to say at the line's
// end, so it is refused: AppendHead returns b as it was, and false.
func (c *CSVLine) AppendHead(b []byte, row int, cells []string) ([]byte, bool) {
	if Extra(cells, c.layout.Width) != nil {
		return b, false
	}
	return c.appendHead(b, row, cells), true
}

// appendHead appends the row number and the header's width of cells: a
// short row is padded, so the outcome columns stay under their names;
// cells beyond the header are left for the line's end.
func (c *CSVLine) appendHead(b []byte, row int, cells []string) []byte {
	var digits [20]byte
	b = appendField(c, b, strconv.AppendInt(digits[:0], int64(row), 10), false)
	for i := range c.layout.Width {
		b = c.appendComma(b)
		if i < len(cells) {
			b = appendField(c, b, cells[i], true)
		}
	}
	return b
}

// AppendChanges appends the changes column's field: the text of cs
// (ChangesText), quoted and neutralised as the report writes it.
func (c *CSVLine) AppendChanges(b []byte, cs []mapping.Change) []byte {
	at := len(b)
	b = appendChanges(b, cs, c.layout.Lang)
	text := b[at:]
	apostrophe := neutralized(text)
	quote, escape := needsQuotes(c, text, apostrophe)
	switch {
	case !quote && !apostrophe:
		return b // as it is
	case !escape && !apostrophe:
		// In quotes as it is, as most are when the delimiter is ';' (which
		// is between two changes): moved one byte on.
		b = append(b, 0)
		copy(b[at+1:], b[at:])
		b[at] = '"'
		return append(b, '"')
	}
	var room [512]byte // the text, out of the way of its quoted form
	return appendField(c, b[:at], append(room[:0], text...), true)
}

// NewCSV writes the byte order mark and the header line to w and returns a
// writer for the lines, their messages in lang. header is the input's own
// header, in order.
func NewCSV(w io.Writer, delimiter rune, header []string, lang msg.Lang) (Writer, error) {
	buf := bufio.NewWriterSize(w, 64<<10)
	c := csv.NewWriter(buf)
	c.Comma = delimiter
	c.UseCRLF = true // what Excel writes, and what Windows tools expect
	r := &csvWriter{CSVLine: NewCSVLine(CSVLayout{Delimiter: delimiter, Width: len(header), Lang: lang}), buf: buf, csv: c}
	if _, err := buf.WriteString("\ufeff"); err != nil {
		return nil, failed(err)
	}
	head := make([]string, 0, 1+len(header)+len(Columns))
	head = append(head, RowColumn)
	for _, h := range header {
		head = append(head, Neutralize(h))
	}
	head = append(head, Columns...)
	if err := c.Write(head); err != nil {
		return nil, failed(err)
	}
	// c's buffer is buf itself (bufio.NewWriter returns a big enough
	// *bufio.Writer as it is), so the lines may go to buf after it.
	return r, nil
}

// errOtherLayout: a line came formatted for a report of another layout.
var errOtherLayout = errors.New("report: a line formatted ahead for another CSV layout")

// Write writes the line exactly as encoding/csv would write the record of
// its cells, each through Neutralize, but without a string per cell: a
// check writes millions of lines. A line preformatted (Line.Pre) has its
// head and changes copied.
func (r *csvWriter) Write(l *Line) error {
	pre := l.Pre.Head != ""
	if pre && l.Pre.Layout != r.layout {
		return failed(errOtherLayout)
	}
	var b []byte
	var extra []string
	if pre {
		b = append(r.line[:0], l.Pre.Head...)
	} else {
		b = r.appendHead(r.line[:0], l.Row, l.Cells)
		extra = Extra(l.Cells, r.layout.Width)
	}
	var digits [20]byte
	b = appendField(r.CSVLine, r.appendComma(b), string(l.Status), false)
	b = r.appendComma(b)
	if l.HTTPStatus != 0 {
		b = appendField(r.CSVLine, b, strconv.AppendInt(digits[:0], int64(l.HTTPStatus), 10), false)
	}
	b = r.appendComma(b)
	if l.Attempts != 0 {
		b = appendField(r.CSVLine, b, strconv.AppendInt(digits[:0], int64(l.Attempts), 10), false)
	}
	b = appendField(r.CSVLine, r.appendComma(b), l.Response, true)
	b = appendField(r.CSVLine, r.appendComma(b), errorText(l, len(extra) > 0, r.layout.Lang), true)
	switch {
	case pre:
		b = append(r.appendComma(b), l.Pre.Changes...)
	case l.Changes == nil:
		b = appendField(r.CSVLine, r.appendComma(b), l.ChangesText, true)
	default:
		b = r.AppendChanges(r.appendComma(b), l.Changes)
	}
	b = appendField(r.CSVLine, r.appendComma(b), ProblemsText(l.Warnings, r.layout.Lang), true)
	for _, c := range extra {
		b = appendField(r.CSVLine, r.appendComma(b), c, true)
	}
	b = append(b, '\r', '\n')
	r.line = b
	if _, err := r.buf.Write(b); err != nil {
		return failed(err)
	}
	return nil
}

// ValidWriter is a Writer that also writes, many at once, the lines of
// valid rows with nothing to say but their changes, as formatted ahead
// (Preformatted): a check's rows of a CSV report. Each line is as Write
// writes a Line of its row with Status valid and Pre set.
type ValidWriter interface {
	Writer
	WriteValid(layout CSVLayout, lines []PreLine) error
}

// PreLine is a valid row's line formatted ahead, all but its outcome: its
// head and its changes field (Preformatted, of a layout given apart).
type PreLine struct {
	Head, Changes []byte
}

// WriteValid writes lines, valid, as Write would one at a time.
func (r *csvWriter) WriteValid(layout CSVLayout, lines []PreLine) error {
	if layout != r.layout {
		return failed(errOtherLayout)
	}
	if r.validMid == nil {
		// What Write puts between a valid line's head and its changes,
		// and after them, when it has no more to say.
		b := appendField(r.CSVLine, r.appendComma(nil), string(status.Valid), false)
		b = r.appendComma(b)                                   // no HTTP status
		b = r.appendComma(b)                                   // no attempts
		b = appendField(r.CSVLine, r.appendComma(b), "", true) // no response
		b = appendField(r.CSVLine, r.appendComma(b), "", true) // no error
		r.validMid = r.appendComma(b)
		r.validEnd = append(appendField(r.CSVLine, r.appendComma(nil), "", true), '\r', '\n') // no warning
	}
	b := r.line[:0]
	for _, l := range lines {
		if len(l.Head) == 0 {
			return failed(errNoHead)
		}
		b = append(b, l.Head...)
		b = append(b, r.validMid...)
		b = append(b, l.Changes...)
		b = append(b, r.validEnd...)
	}
	r.line = b
	if _, err := r.buf.Write(b); err != nil {
		return failed(err)
	}
	return nil
}

// errNoHead: a line to write valid came without its head.
var errNoHead = errors.New("report: a valid line without its head")

func (c *CSVLine) appendComma(b []byte) []byte {
	if d := c.layout.Delimiter; d < utf8.RuneSelf {
		return append(b, byte(d))
	}
	return utf8.AppendRune(b, c.layout.Delimiter)
}

// appendField appends s as encoding/csv's Writer with UseCRLF writes a
// field, after Neutralize if neutralize is set: in quotes if it holds a
// quote, CR, LF or the delimiter, starts with a space, or is `\.`; in
// quotes, a quote doubled, LF written CRLF and CR dropped.
func appendField[T string | []byte](r *CSVLine, b []byte, s T, neutralize bool) []byte {
	apostrophe := neutralize && neutralized(s)
	quote, escape := needsQuotes(r, s, apostrophe)
	if !quote {
		if apostrophe {
			b = append(b, '\'')
		}
		return append(b, s...)
	}
	b = append(b, '"')
	if apostrophe {
		b = append(b, '\'')
	}
	if !escape {
		return append(append(b, s...), '"')
	}
	from := 0 // s[from:i] is still to append as it is
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			b = append(append(b, s[from:i]...), '"', '"')
		case '\r':
			b = append(b, s[from:i]...)
		case '\n':
			b = append(append(b, s[from:i]...), '\r', '\n')
		default:
			continue
		}
		from = i + 1
	}
	return append(append(b, s[from:]...), '"')
}

// needsQuotes is encoding/csv's fieldNeedsQuotes for s, with an
// apostrophe in front when apostrophe is set; escape says whether s holds
// a quote, CR or LF, which change in quotes.
func needsQuotes[T string | []byte](r *CSVLine, s T, apostrophe bool) (quote, escape bool) {
	comma := r.layout.Delimiter
	// What each byte is (CSVLine.class), gathered eight at a time: a
	// cell is mostly letters.
	var class byte
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		class |= r.class[w[0]] | r.class[w[1]] | r.class[w[2]] | r.class[w[3]] |
			r.class[w[4]] | r.class[w[5]] | r.class[w[6]] | r.class[w[7]]
	}
	for ; i < len(s); i++ {
		class |= r.class[s[i]]
	}
	found, delim := class&changesInQuotes, class&isDelimiter
	escape = found != 0
	switch {
	case escape, delim != 0 && comma < utf8.RuneSelf:
		return true, escape
	case apostrophe && comma == '\'':
		return true, false
	case len(s) == 0:
		return false, false
	case !apostrophe && len(s) == 2 && s[0] == '\\' && s[1] == '.':
		return true, false
	case comma >= utf8.RuneSelf && strings.ContainsRune(string(s), comma):
		return true, false
	case apostrophe: // the field starts with the apostrophe
		return false, false
	case s[0] < utf8.RuneSelf:
		return asciiSpace[s[0]], false
	}
	r1, _ := utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
	return unicode.IsSpace(r1), false
}

// A byte's class in a field (CSVLine.class): one that changes in
// quotes (a quote, CR, LF), or an ASCII delimiter.
const (
	changesInQuotes byte = 1 << iota
	isDelimiter
)

// asciiSpace marks the ASCII characters unicode.IsSpace is true of.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

func (r *csvWriter) Flush() error {
	r.csv.Flush()
	if err := r.csv.Error(); err != nil {
		return failed(err)
	}
	if err := r.buf.Flush(); err != nil {
		return failed(err)
	}
	return nil
}

func (r *csvWriter) Close(*Summary) error { return r.Flush() }

package report

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// csvWriter writes a report as CSV.
type csvWriter struct {
	buf    *bufio.Writer
	csv    *csv.Writer // the header's; the lines are written by appendField
	width  int         // number of input columns
	lang   msg.Lang
	comma  rune
	class  *[256]byte // each byte's class (changesInQuotes, isDelimiter)
	line   []byte     // the line being written, reused
	text   []byte     // the changes column's text, reused
	digits []byte     // a number's, reused
}

// NewCSV writes the byte order mark and the header line to w and returns a
// writer for the lines, their messages in lang. header is the input's own
// header, in order.
func NewCSV(w io.Writer, delimiter rune, header []string, lang msg.Lang) (Writer, error) {
	buf := bufio.NewWriterSize(w, 64<<10)
	c := csv.NewWriter(buf)
	c.Comma = delimiter
	c.UseCRLF = true // what Excel writes, and what Windows tools expect
	r := &csvWriter{buf: buf, csv: c, width: len(header), lang: lang, comma: delimiter}
	r.class = new([256]byte)
	r.class['"'], r.class['\r'], r.class['\n'] = changesInQuotes, changesInQuotes, changesInQuotes
	if delimiter < utf8.RuneSelf {
		r.class[delimiter] |= isDelimiter
	}
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

// Write writes the line exactly as encoding/csv would write the record of
// its cells, each through Neutralize, but without a string per cell: a
// check writes millions of lines.
func (r *csvWriter) Write(l *Line) error {
	b := appendField(r, r.line[:0], r.number(l.Row), false)
	// Exactly the header's width, so the outcome columns stay under their
	// names: a short row is padded; cells beyond the header go at the end
	// of the line, after the outcome columns.
	for i := range r.width {
		b = r.appendComma(b)
		if i < len(l.Cells) {
			b = appendField(r, b, l.Cells[i], true)
		}
	}
	b = appendField(r, r.appendComma(b), string(l.Status), false)
	b = r.appendComma(b)
	if l.HTTPStatus != 0 {
		b = appendField(r, b, r.number(l.HTTPStatus), false)
	}
	b = r.appendComma(b)
	if l.Attempts != 0 {
		b = appendField(r, b, r.number(l.Attempts), false)
	}
	b = appendField(r, r.appendComma(b), l.Response, true)
	extra := Extra(l.Cells, r.width)
	b = appendField(r, r.appendComma(b), errorText(l, len(extra) > 0, r.lang), true)
	if l.Changes == nil {
		b = appendField(r, r.appendComma(b), l.ChangesText, true)
	} else {
		r.text = appendChanges(r.text[:0], l.Changes, r.lang)
		b = appendField(r, r.appendComma(b), r.text, true)
	}
	b = appendField(r, r.appendComma(b), ProblemsText(l.Warnings, r.lang), true)
	for _, c := range extra {
		b = appendField(r, r.appendComma(b), c, true)
	}
	b = append(b, '\r', '\n')
	r.line = b
	if _, err := r.buf.Write(b); err != nil {
		return failed(err)
	}
	return nil
}

// number writes n in r.digits, as strconv.Itoa would.
func (r *csvWriter) number(n int) []byte {
	r.digits = strconv.AppendInt(r.digits[:0], int64(n), 10)
	return r.digits
}

func (r *csvWriter) appendComma(b []byte) []byte {
	if r.comma < utf8.RuneSelf {
		return append(b, byte(r.comma))
	}
	return utf8.AppendRune(b, r.comma)
}

// appendField appends s as encoding/csv's Writer with UseCRLF writes a
// field, after Neutralize if neutralize is set: in quotes if it holds a
// quote, CR, LF or the delimiter, starts with a space, or is `\.`; in
// quotes, a quote doubled, LF written CRLF and CR dropped.
func appendField[T string | []byte](r *csvWriter, b []byte, s T, neutralize bool) []byte {
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
func needsQuotes[T string | []byte](r *csvWriter, s T, apostrophe bool) (quote, escape bool) {
	// What each byte is (csvWriter.class), gathered eight at a time: a
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
	case escape, delim != 0 && r.comma < utf8.RuneSelf:
		return true, escape
	case apostrophe && r.comma == '\'':
		return true, false
	case len(s) == 0:
		return false, false
	case !apostrophe && len(s) == 2 && s[0] == '\\' && s[1] == '.':
		return true, false
	case r.comma >= utf8.RuneSelf && strings.ContainsRune(string(s), r.comma):
		return true, false
	case apostrophe: // the field starts with the apostrophe
		return false, false
	case s[0] < utf8.RuneSelf:
		return asciiSpace[s[0]], false
	}
	r1, _ := utf8.DecodeRuneInString(string(s[:min(len(s), utf8.UTFMax)]))
	return unicode.IsSpace(r1), false
}

// A byte's class in a field (csvWriter.class): one that changes in
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

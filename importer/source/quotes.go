package source

import (
	"bytes"
	"errors"
	"io"
)

// quoteTracker watches the text on its way to encoding/csv and follows
// the parser's quoting, so that it can tell at the end of the file whether
// the last cell was left inside an open quote.
//
// The parser runs with LazyQuotes, because stray quotes such as `24" TV`
// are common in exported sheets. The price is that a quote which opens a
// cell and is never closed takes the rest of the file into that cell
// without any error. encoding/csv does not report that case, so this
// tracker does, at a cost of one pass over each byte.
//
// The states mirror encoding/csv's readRecord with LazyQuotes set: a quote
// opens a quoted cell only as a cell's first byte; inside one, `""` is a
// quote, `"` before the delimiter or the end of the line closes the cell,
// and any other `"` is kept as text. "\r\n" counts as "\n", and a final
// "\r" is dropped, as encoding/csv's readLine does.
//
// It also bounds a record's length: encoding/csv keeps a whole record in
// memory, so one endless line, or a quote that is never closed in a big
// file, would otherwise take the memory the file's size.
type quoteTracker struct {
	r     io.Reader
	delim byte
	state quoteState
	n     int64 // bytes read
	eof   bool

	max          int   // the longest record allowed, in bytes
	recLen       int   // bytes of the record being read
	recStartLine int   // the text line it starts on, from 1
	lines        int   // line breaks read
	err          error // sticky errRecordTooLong
}

// errRecordTooLong is what quoteTracker gives encoding/csv instead of the
// rest of a record that is too long; the csvReader names the row.
var errRecordTooLong = errors.New("record too long")

type quoteState uint8

const (
	cellStart   quoteState = iota // at a cell's first byte
	unquoted                      // in a cell that did not start with a quote
	quoted                        // in a quoted cell
	quoteSeen                     // just after a quote in a quoted cell
	quoteSeenCR                   // just after `"\r` in a quoted cell
)

func (q *quoteTracker) Read(p []byte) (int, error) {
	if q.err != nil {
		return 0, q.err
	}
	n, err := q.r.Read(p)
	q.scan(p[:n])
	q.n += int64(n)
	if err == io.EOF {
		q.eof = true
	}
	if q.max > 0 && q.recLen > q.max {
		// None of this chunk goes on, so encoding/csv cannot finish the
		// record with the line end in it.
		q.err = errRecordTooLong
		return 0, q.err
	}
	return n, err
}

// unclosed reports whether the whole input has been read and ended inside
// a quoted cell.
func (q *quoteTracker) unclosed() bool { return q.eof && q.state == quoted }

func (q *quoteTracker) scan(b []byte) {
	if q.recStartLine == 0 {
		q.recStartLine = 1
	}
	s, d := q.state, q.delim
	lastEnd := -1 // where the last record in b ended
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch s {
		case cellStart:
			switch c {
			case '"':
				s = quoted
			case '\n':
				lastEnd = i
			case d:
			default:
				s = unquoted
			}
		case unquoted:
			// Most bytes are here: skip to the end of the cell.
			j := i
			for j < len(b) && b[j] != d && b[j] != '\n' {
				j++
			}
			if i = j; j < len(b) {
				s = cellStart
				if b[j] == '\n' {
					lastEnd = j
				}
			}
		case quoted:
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				i = len(b)
				break
			}
			i += j
			s = quoteSeen
		case quoteSeen:
			switch c {
			case '"':
				s = quoted // `""`
			case '\n':
				s, lastEnd = cellStart, i
			case d:
				s = cellStart
			case '\r':
				s = quoteSeenCR
			default:
				s = quoted // a lazy quote, kept as text
			}
		case quoteSeenCR:
			switch c {
			case '\n':
				s, lastEnd = cellStart, i
			case '"':
				s = quoteSeen // the \r was text; this quote may close the cell
			default:
				s = quoted
			}
		}
	}
	q.state = s
	if lastEnd >= 0 {
		// The record that ended first in b may be the one over the limit.
		if first := bytes.IndexByte(b, '\n'); q.max > 0 && q.recLen+first > q.max {
			q.recLen += first
			return
		}
		q.recStartLine = q.lines + bytes.Count(b[:lastEnd+1], []byte{'\n'}) + 1
		q.recLen = len(b) - lastEnd - 1
	} else {
		q.recLen += len(b)
	}
	q.lines += bytes.Count(b, []byte{'\n'})
}

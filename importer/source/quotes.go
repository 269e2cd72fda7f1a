package source

import (
	"bytes"
	"errors"
	"io"
	"unicode/utf8"
)

// quoteTracker watches the text on its way to encoding/csv and follows
// the parser's quoting, so that it can tell at the end of the file whether
// the last cell was left inside an open quote.
//
// The parser runs with LazyQuotes, because stray quotes such as `24" TV`
// are common in exported sheets. The price is that a quote which opens a
// cell and is never closed takes the rest of the file into that cell
// without any error. encoding/csv does not report that case, so this
// tracker does, at a cost of one pass over each byte; with judging on, it
// holds such a cell back until it can tell a real one from a stray quote,
// and makes a stray quote text (see judge).
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

	// notUTF8 is set once the text read holds anything that is not
	// UTF-8. Until then every cell made of it is UTF-8 too (a cell is
	// text with ASCII bytes taken out), so its rows need no check of
	// their own; see checkText.
	notUTF8 bool
	cut     [utf8.UTFMax]byte // a character cut off at the end of the last read
	ncut    int

	// Stray quotes (see judge); off, the tracker passes the text on as
	// it reads it.
	judging bool
	cells   int    // the header's number of cells; 0 or 1 while unknown
	held    []byte // text read but not given out: held[0] opens the cell judged
	pass    int    // how many bytes of held were judged, and go out as they are
	srcDone bool   // r has returned io.EOF
	strays  []int  // the text lines (from 1) of stray quotes read as text, for csvReader
	before  []byte // the text given out on the current line, if under maxHeld bytes
	long    bool   // the current line went out longer than that
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
	for {
		if q.err != nil {
			return 0, q.err
		}
		var n int
		var err error
		if len(q.held) > 0 {
			n = copy(p, q.held)
		} else if q.srcDone {
			q.eof = true
			return 0, io.EOF
		} else {
			n, err = q.r.Read(p)
			if err == io.EOF {
				q.srcDone, err = true, nil
			}
		}
		out := q.scan(p[:n])
		switch {
		case len(q.held) > 0:
			q.held = q.held[out:]
		case out < n:
			q.held = append(q.held[:0], p[out:n]...)
		}
		q.pass = max(0, q.pass-out)
		if q.judging {
			q.keepLine(p[:out])
		}
		if out < n {
			// held[0] opens a quoted cell that runs past the end of
			// its chunk or its line: read on until it is judged.
			if jerr := q.judge(); jerr != nil {
				q.err = jerr
			}
		}
		q.n += int64(out)
		q.eof = q.srcDone && len(q.held) == 0
		if !q.notUTF8 {
			q.checkUTF8(p[:out])
		}
		if q.max > 0 && q.recLen > q.max {
			// None of this chunk goes on, so encoding/csv cannot finish the
			// record with the line end in it.
			q.err = errRecordTooLong
			return 0, q.err
		}
		if out > 0 || err != nil {
			return out, err
		}
	}
}

// checkUTF8 sets notUTF8 unless b, after what the last read cut off,
// is UTF-8; a character cut off at its end waits for the next read.
func (q *quoteTracker) checkUTF8(b []byte) {
	if q.ncut > 0 {
		// Complete the cut character from b's first bytes.
		var c [2 * utf8.UTFMax]byte
		n := copy(c[:], q.cut[:q.ncut])
		n += copy(c[n:], b[:min(len(b), utf8.UTFMax)])
		if !utf8.FullRune(c[:n]) {
			if !q.eof {
				q.ncut = copy(q.cut[:], c[:n]) // b was shorter than the rest of it
				return
			}
			q.notUTF8 = true
			return
		}
		r, size := utf8.DecodeRune(c[:n])
		if r == utf8.RuneError && size == 1 {
			q.notUTF8 = true
			return
		}
		b = b[size-q.ncut:]
		q.ncut = 0
	}
	if !q.eof {
		// Hold back a character cut off at the end (at most three bytes).
		for i := len(b) - 1; i >= 0 && i >= len(b)-(utf8.UTFMax-1); i-- {
			if utf8.RuneStart(b[i]) {
				if !utf8.FullRune(b[i:]) {
					q.ncut = copy(q.cut[:], b[i:])
					b = b[:i]
				}
				break
			}
		}
	}
	if !utf8.Valid(b) {
		q.notUTF8 = true
	}
}

// unclosed reports whether the whole input has been read and ended inside
// a quoted cell.
func (q *quoteTracker) unclosed() bool { return q.eof && q.state == quoted }

// scan follows the parser's state through b, the next text to go out,
// and returns how much of it goes out now: all of it, unless judging is on
// and a quoted cell that no earlier judgement covers (it opens at or
// after pass) runs past the end of its line or of b. Then the text goes
// out up to that cell's quote, and the rest waits for judge.
// lastNewline is bytes.LastIndexByte(b, '\n'), found by searching
// forwards: LastIndexByte looks at one byte at a time, IndexByte at many,
// and the stretch from one quoted cell to the next, which scan searches,
// is the end of one record and the start of the next, with one newline
// towards its middle. A stretch with many lines is searched backwards
// after the first few.
func lastNewline(b []byte) int {
	last := -1
	for range 4 {
		k := bytes.IndexByte(b[last+1:], '\n')
		if k < 0 {
			return last
		}
		last += k + 1
	}
	if k := bytes.LastIndexByte(b[last+1:], '\n'); k >= 0 {
		return last + 1 + k
	}
	return last
}

func (q *quoteTracker) scan(b []byte) int {
	if q.recStartLine == 0 {
		q.recStartLine = 1
	}
	s, d := q.state, q.delim
	lastEnd := -1 // where the last record in b ended
	open := -1    // where the quoted cell being read opened, if in b and not judged
	out := len(b)
loop:
	for i := 0; i < len(b); i++ {
		if s == cellStart || s == unquoted {
			// Outside quotes only a quote that starts a cell changes the
			// state, and most text has none: skip to the next quote.
			// Meanwhile a cell starts after each delimiter and line end.
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				j = len(b) - i
			}
			if j > 0 {
				if k := lastNewline(b[i : i+j]); k >= 0 {
					lastEnd = i + k
				}
				if c := b[i+j-1]; c == d || c == '\n' {
					s = cellStart
				} else {
					s = unquoted
				}
			}
			if i += j; i == len(b) {
				break
			}
			if s == cellStart {
				s = quoted
				if q.judging && i >= q.pass {
					open = i
				}
			}
			continue
		}
		c := b[i]
		switch s {
		case quoted:
			j := bytes.IndexByte(b[i:], '"')
			if open >= 0 {
				text := b[i:]
				if j >= 0 {
					text = text[:j]
				}
				if bytes.IndexByte(text, '\n') >= 0 {
					out = open
					break loop
				}
			}
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
				s, lastEnd, open = cellStart, i, -1
			case d:
				s, open = cellStart, -1
			case '\r':
				s = quoteSeenCR
			default:
				s = quoted // a lazy quote, kept as text
			}
		case quoteSeenCR:
			switch c {
			case '\n':
				s, lastEnd, open = cellStart, i, -1
			case '"':
				s = quoteSeen // the \r was text; this quote may close the cell
			default:
				s = quoted
			}
		}
	}
	if open >= 0 {
		// Stopped at a line end in the cell, or the cell goes on past b:
		// nothing in b after its quote ended a record.
		out, s = open, cellStart
		b = b[:out]
	}
	q.state = s
	if lastEnd >= 0 {
		// The record that ended first in b may be the one over the limit.
		if first := bytes.IndexByte(b, '\n'); q.max > 0 && q.recLen+first > q.max {
			q.recLen += first
			return out
		}
		q.recStartLine = q.lines + bytes.Count(b[:lastEnd+1], []byte{'\n'}) + 1
		q.recLen = len(b) - lastEnd - 1
	} else {
		q.recLen += len(b)
	}
	q.lines += bytes.Count(b, []byte{'\n'})
	return out
}

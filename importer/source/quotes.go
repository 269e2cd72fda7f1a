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
				if k := bytes.LastIndexByte(b[i:i+j], '\n'); k >= 0 {
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

// A quote at the start of a cell opens a quoted cell that LazyQuotes
// closes only at a quote before a delimiter or a line end. A stray one
// (`"Kalle` as a nickname, in a legacy export) so takes the lines after it
// into its cell, up to the next quoted cell or the end of the file, and
// every row in them is lost. A real cell spans a line or two (a c/o line
// in an address, a comment); so when a quoted cell runs past the end of
// its line, judge reads on (a bounded look-ahead, see maxHeld) and takes
// the quote as a stray one, read as text, when the cell
//
//   - is never closed;
//   - runs past maxCellLineBreaks lines or maxHeld bytes: more than Excel
//     puts in a cell, so no sheet made it; or
//   - goes on over lines that each split into the header's number of
//     cells, as records do and a real cell's lines do not: the line it
//     closes on, if it closes within strayLines lines, else the first
//     strayLines.
//
// The quote is then written as the parser reads a quote in a cell
// (`"""Kalle"`), and the rest of the text is read as usual from there.
const (
	// maxCellLineBreaks is Excel's limit of line breaks in a cell.
	maxCellLineBreaks = 253
	// maxHeld bounds the look-ahead, and so the memory a stray quote
	// costs: it is more than Excel's 32,767 characters take even at four
	// bytes each, so a cell longer than this is no cell a sheet had.
	maxHeld = 128 << 10
	// strayLines is how many of a cell's lines that split like records
	// make it a stray quote's. One is a coincidence a comment can make;
	// three in a row are records.
	strayLines = 3
	// heldRead is how much judge reads before it judges again, so that
	// a cell is judged at most maxHeld/heldRead+1 times.
	heldRead = 16 << 10
)

type verdict uint8

const (
	undecided verdict = iota
	realCell
	strayQuote
)

// judge reads on until the quoted cell that held opens is judged: real,
// it goes out as it is (pass covers it), or stray, its quote is made
// text (see literal). Memory stays under maxHeld plus one read.
func (q *quoteTracker) judge() error {
	for {
		before := -1
		if !q.long {
			before = cellsIn(q.before, q.delim, true) - 1
		}
		v, end := judgeQuote(q.held, q.delim, q.cells, before, q.srcDone)
		switch v {
		case realCell:
			q.pass = end
			return nil
		case strayQuote:
			q.literal()
			return nil
		}
		if len(q.held)+heldRead > cap(q.held) {
			q.held = append(make([]byte, 0, len(q.held)+heldRead+len(q.held)/2), q.held...)
		}
		// A whole heldRead at a time, however little each read gives:
		// the cell is judged again from its start after each.
		n, err := io.ReadFull(q.r, q.held[len(q.held):len(q.held)+heldRead])
		q.held = q.held[:len(q.held)+n]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			q.srcDone = true
		} else if err != nil {
			return err
		}
	}
}

// keepLine keeps the text of the current line that went out, b being
// the last of it, for judge to count the cells before a quote. Most
// chunks hold a line end, so this is a look at the end of each chunk and
// a copy of less than a line.
func (q *quoteTracker) keepLine(b []byte) {
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		q.before, q.long, b = q.before[:0], false, b[i+1:]
	}
	if q.long || len(q.before)+len(b) > maxHeld {
		q.before, q.long = q.before[:0], true
		return
	}
	q.before = append(q.before, b...)
}

// literal rewrites the cell that held opens with its quote as text: the
// text up to the next delimiter or line end, quoted, its quotes doubled.
// Line numbers do not change, as no line end is added or taken.
func (q *quoteTracker) literal() {
	k := bytes.IndexAny(q.held, string([]byte{q.delim, '\n'}))
	if k < 0 {
		k = len(q.held)
	}
	if k > 0 && q.held[k-1] == '\r' && (k == len(q.held) || q.held[k] == '\n') {
		k-- // the parser drops the "\r" of "\r\n", and one at the end
	}
	cell := make([]byte, 0, len(q.held)+8) // room for a few quotes doubled
	cell = append(cell, '"')
	for _, c := range q.held[:k] {
		if c == '"' {
			cell = append(cell, '"')
		}
		cell = append(cell, c)
	}
	cell = append(cell, '"')
	q.pass = len(cell)
	q.held = append(cell, q.held[k:]...)
	q.strays = append(q.strays, q.lines+1)
}

// judgeQuote judges the quoted cell held opens (held[0] is its quote) on
// the text held has, before being the number of cells before it on its
// line (-1 when not known); atEOF says there is no more. It returns
// undecided when it needs more text, and for a real cell where it ends.
//
// The lines a cell spans judge it only when its own line, read with the
// quote as text, splits like a record: a real cell in the first column
// closes on a line that holds the rest of its record.
func judgeQuote(held []byte, delim byte, cells, before int, atEOF bool) (verdict, int) {
	if cells > 1 && before >= 0 {
		line := held
		if i := bytes.IndexByte(held, '\n'); i >= 0 {
			line = held[:i]
		}
		if before+cellsIn(line[1:], delim, false) < cells {
			cells = 0 // its line is no record: only the limits can tell
		}
	} else {
		cells = 0
	}
	breaks := 0  // line ends inside the cell
	records := 0 // lines after the first that split like a record, in a row
	lineAt := -1 // where the line being read began, once past the first
	end := -1    // just after the quote that closes the cell
	s := quoted
	for i := 1; i < len(held); i++ {
		c := held[i]
		if end < 0 {
			switch s {
			case quoted:
				if c == '"' {
					s = quoteSeen
				}
			case quoteSeen:
				switch c {
				case '"':
					s = quoted // `""`
				case delim, '\n':
					end = i
				case '\r':
					s = quoteSeenCR
				default:
					s = quoted // a lazy quote, kept as text
				}
			case quoteSeenCR:
				switch c {
				case '\n':
					end = i - 1
				case '"':
					s = quoteSeen
				default:
					s = quoted
				}
			}
			if end >= 0 && breaks == 0 {
				return realCell, end // closed on its own line
			}
		}
		if c != '\n' {
			continue
		}
		if end >= 0 {
			// The line the cell closed on is whole: judge by it.
			return closingLine(held[lineAt:i], delim, cells), end
		}
		if lineAt >= 0 && isRecord(held[lineAt:i], delim, cells) {
			records++
		} else if lineAt >= 0 {
			records = 0
		}
		if breaks++; breaks > maxCellLineBreaks || records >= strayLines {
			return strayQuote, 0
		}
		lineAt = i + 1
	}
	switch {
	case end < 0 && s == quoteSeen && atEOF:
		end = len(held) // closed by the end of the file
	case end < 0 && s == quoteSeenCR && atEOF:
		end = len(held) - 1 // and a last "\r", which the parser drops
	}
	switch {
	case end >= 0 && breaks == 0:
		return realCell, end
	case end >= 0 && atEOF:
		return closingLine(held[lineAt:], delim, cells), end
	case end >= 0 && len(held) > maxHeld:
		return realCell, end // a closing line too long to wait for
	case atEOF:
		return strayQuote, 0 // never closed
	case len(held) > maxHeld && breaks == 0:
		// One line longer than any cell: the record limit deals with it.
		return realCell, len(held)
	case len(held) > maxHeld:
		return strayQuote, 0
	}
	return undecided, 0
}

// closingLine judges a cell by the line it closes on: a real cell's last
// line holds the rest of its record, a stray quote's a record of its own.
func closingLine(line []byte, delim byte, cells int) verdict {
	if isRecord(line, delim, cells) {
		return strayQuote
	}
	return realCell
}

// isRecord reports whether line splits into at least the header's cells.
func isRecord(line []byte, delim byte, cells int) bool {
	return cells > 1 && cellsIn(line, delim, true) >= cells
}

// cellsIn counts the cells of line, one record's text, as the parser
// splits it: at delimiters outside quoted cells. start says line starts
// a cell, rather than being the rest of one.
func cellsIn(line []byte, delim byte, start bool) int {
	n, inQuotes := 1, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inQuotes:
			if c == '"' {
				if i+1 < len(line) && line[i+1] == '"' {
					i++
				} else {
					inQuotes = false
				}
			}
		case c == '"' && start:
			inQuotes = true
		case c == delim:
			n++
			start = true
			continue
		}
		start = false
	}
	return n
}

package source

import (
	"bytes"
	"io"
)

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
//   - starts on a line that, read with the quote as text, splits into
//     the header's number of cells, as a record does, and goes on over
//     lines that do too, as a real cell's lines do not: the line it
//     closes on, or the first strayLines inside it.
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
			return closingLine(held[lineAt:i], end-lineAt, delim, cells, before), end
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
		return closingLine(held[lineAt:], end-lineAt, delim, cells, before), end
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

// closingLine judges a cell by the line it closes on, at being where in
// line the cell ends (its delimiter or line end) and before the cells
// before it in its record (-1: not known). A real cell's last line holds
// the rest of its record after it: as many cells as the header has left,
// no more and no fewer. A stray quote's closes inside a record of its
// own: at a quote in one of its cells, with that record's other cells
// around it, so a lone quote (not one of a pair, as a real cell writes
// one) before the close on a line that splits like a record is a stray
// quote's too. The last line of a real message may well split like a
// record ("Mvh Anna Ek, Storgatan 1, Lund"): that alone says nothing.
func closingLine(line []byte, at int, delim byte, cells, before int) verdict {
	if cells > 1 && before >= 0 && cellsIn(line[at:], delim, false)-1 != cells-1-before {
		return strayQuote
	}
	if isRecord(line, delim, cells) && loneQuote(line[:at]) {
		return strayQuote
	}
	return realCell
}

// loneQuote reports whether text, a closing line up to where its cell
// ends, holds a quote before the closing one that is not one of a pair.
func loneQuote(text []byte) bool {
	text = bytes.TrimSuffix(text, []byte{'\r'})
	text = bytes.TrimSuffix(text, []byte{'"'}) // the closing quote
	for i := 0; i < len(text); i++ {
		if text[i] != '"' {
			continue
		}
		if i+1 < len(text) && text[i+1] == '"' {
			i++ // a pair: a quote in a real cell
			continue
		}
		return true
	}
	return false
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

package msg

// What the reader says of a row it cannot read.

// InRow is a row's error with where it was: the file and the row.
type InRow struct {
	message
	File string
	Row  int
	Err  error
}

func (m InRow) Cause() error { return m.Err }

// UnclosedQuote: a cell opens a quote the file never closes.
type UnclosedQuote struct {
	message
	Column string // as Excel names it: A, B, … AA
}

// StrayQuote: a cell starts with a quote that is never closed, which
// the reader took as text rather than let it take the lines after it.
type StrayQuote struct{ message }

// UnreadableRow: encoding/csv could not make a row of the text.
type UnreadableRow struct {
	message
	Err          error // encoding/csv's
	Line, Column int   // in the text
}

func (m UnreadableRow) Cause() error { return m.Err }

// TooManyCells: more cells than Excel has columns.
type TooManyCells struct {
	message
	Cells int
}

// CellPastLastColumn: a cell beyond Excel's last column.
type CellPastLastColumn struct {
	message
	Column string
}

// CellTooLong: a cell longer than Excel allows.
type CellTooLong struct {
	message
	Column string
	Len    int
}

// UndefinedByte: a byte windows-1252 does not define.
type UndefinedByte struct {
	message
	Column string
	Byte   byte
}

// BrokenCharacter: a character the file's encoding (UTF-16) cannot
// decode.
type BrokenCharacter struct {
	message
	Column, Encoding string
}

// NotUTF8: bytes that are not UTF-8 in a file read as UTF-8.
type NotUTF8 struct {
	message
	Column string
	// Detected: the encoding was taken from the start of the file, not
	// set by the user.
	Detected bool
}

package source

import (
	"errors"
	"fmt"
)

// Every error from this package starts with the file's name, so a run over
// several inputs says which one failed; the sentinels below let a caller
// tell the cases apart with errors.Is.
var (
	// ErrUnsupported: the file's extension names no format this package reads.
	ErrUnsupported = errors.New("unsupported file type")
	// ErrNotXLSX: the file is named .xlsx or .xlsm but cannot be read as one.
	ErrNotXLSX = errors.New("not a readable Excel .xlsx file")
	// ErrNoSheet: Options.Sheet names no sheet of the workbook.
	ErrNoSheet = errors.New("no sheet")
	// ErrNoHeader: there is no row to take the column names from.
	ErrNoHeader = errors.New("no header row found")
	// ErrNotUTF8: a CSV cell holds bytes that are not UTF-8, most often
	// because Excel saved the file as plain "CSV" (Windows-1252).
	ErrNotUTF8 = errors.New("the file is not UTF-8")
	// ErrUnclosedQuote: a CSV cell opens a quote that the file never closes,
	// so the rest of the file would silently become one cell.
	ErrUnclosedQuote = errors.New("a quoted cell is never closed")
	// ErrBadRow: the CSV parser could not make a row of the text.
	ErrBadRow = errors.New("cannot read the row")
)

// A RowError is a problem with one row; the rows after it can still be
// read by calling Next again. It is modelled on csv.ParseError: it says
// where, and wraps why.
type RowError struct {
	File string
	Row  int // as the spreadsheet numbers it
	Err  error
}

func (e *RowError) Error() string {
	return fmt.Sprintf("%s: row %d: %v", e.File, e.Row, e.Err)
}

func (e *RowError) Unwrap() error { return e.Err }

package source

import (
	"errors"
	"fmt"

	"leadimport/importer/msg"
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
	// ErrNotUTF8: a CSV file read as UTF-8 has a row with bytes that are
	// not, most often because Excel saved it as plain "CSV" (Windows-1252)
	// and the first 64 KiB happened to be ASCII.
	ErrNotUTF8 = errors.New("bytes that are not UTF-8")
	// ErrUndecodable: a CSV row holds bytes that its encoding (UTF-16 or
	// Windows-1252) does not define; the row is refused rather than read
	// with U+FFFD in place of the lost characters.
	ErrUndecodable = errors.New("characters the encoding cannot represent")
	// ErrAmbiguousEncoding: a CSV file without a byte order mark starts
	// with text that could be UTF-8 with a few bytes that are not as well
	// as Windows-1252; Options.Encoding must say which.
	ErrAmbiguousEncoding = errors.New("cannot tell the encoding")
	// ErrUnknownEncoding: Options.Encoding names no encoding this package reads.
	ErrUnknownEncoding = errors.New("unknown encoding")
	// ErrBadDelimiter: Options.Delimiter cannot separate CSV cells.
	ErrBadDelimiter = errors.New("unusable delimiter")
	// ErrTooLarge: a cell, row or record is over Excel's own limits
	// (32,767 characters in a cell, 16,384 columns) or a CSV record is
	// over 1 MiB of text.
	ErrTooLarge = errors.New("too large")
	// ErrMisnamed: the file's content is another format than its name says,
	// e.g. CSV text named .xlsx.
	ErrMisnamed = errors.New("the file is not what its name says")
	// ErrEncrypted: the workbook is password-protected.
	ErrEncrypted = errors.New("this is a password-protected Excel file")
	// ErrLegacyXLS: the workbook is in the Excel 97–2003 (.xls) format.
	ErrLegacyXLS = errors.New("this is an old Excel 97–2003 .xls file")
	// ErrIncomplete: the workbook was cut off, e.g. by a failed download.
	ErrIncomplete = errors.New("the file is incomplete (cut off) or damaged")
	// ErrZipBomb: the workbook unpacks to more than the limit.
	ErrZipBomb = errors.New("refused as a possible zip bomb")
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

// Msg says the error, and where, as a message.
func (e *RowError) Msg() msg.Message { return msg.InRow{File: e.File, Row: e.Row, Err: e.Err} }

package msg

// What the reader says of a file it cannot read, and of what it found in
// one it can (importer/source). Its errors start with the file's name:
// InFile around the rest.

// InFile is an error with the name of the file it is about before it:
// an input, or a part inside a workbook.
type InFile struct {
	message
	File string
	Err  error
}

func (m InFile) Cause() error { return m.Err }

// CannotOpen: the file cannot be opened; Err is the operating system's.
type CannotOpen struct {
	message
	Err error
}

func (m CannotOpen) Cause() error { return m.Err }

// CannotReadIt: the file cannot be read at all.
type CannotReadIt struct {
	message
	Err error
}

func (m CannotReadIt) Cause() error { return m.Err }

// ReadFailed: reading a CSV file's text failed.
type ReadFailed struct {
	message
	Err error
}

func (m ReadFailed) Cause() error { return m.Err }

// ReadAfterRow: reading a CSV file failed after row Row.
type ReadAfterRow struct {
	message
	Row int
	Err error
}

func (m ReadAfterRow) Cause() error { return m.Err }

// UnsupportedFile: the file's extension names no format the reader
// reads; Ext is "" for a name without one.
type UnsupportedFile struct {
	message
	Ext string
}

// UnknownEncoding: an encoding the reader does not read.
type UnknownEncoding struct {
	message
	Encoding string // as given
}

// EncodingUnclear: a CSV file's first 64 KiB hold UTF8Chars characters
// that are multi-byte UTF-8 and BadBytes bytes that are not (the first on
// line BadLine): too much of both to tell UTF-8 from Windows-1252.
type EncodingUnclear struct {
	message
	UTF8Chars, BadBytes, BadLine int
}

// BadDelimiter: a delimiter that cannot separate CSV cells.
type BadDelimiter struct {
	message
	Delimiter rune
}

// RowOverMiB: a CSV record of more than 1 MiB, after which nothing can
// be read: a line that never ends, or (Quote) a quote never closed.
type RowOverMiB struct {
	message
	Row   int
	Quote bool
}

// WorkbookNamedCSV: an .xlsx workbook named as CSV (Ext).
type WorkbookNamedCSV struct {
	message
	Ext string
}

// XLSNamedCSV: an .xls file, or a workbook with a password, named as CSV.
type XLSNamedCSV struct {
	message
	Ext string
}

// TextNamedXLSX: a text file named .xlsx (Ext); Stem is its name
// without the extension.
type TextNamedXLSX struct {
	message
	Ext, Stem string
}

// UnreadableContainer: an Office container (the .xls kind) that cannot
// be read; Err is the reading library's words.
type UnreadableContainer struct {
	message
	Err error
}

func (m UnreadableContainer) Cause() error { return m.Err }

// Encrypted: a workbook saved with a password.
type Encrypted struct{ message }

// LegacyXLS: an Excel 97–2003 workbook.
type LegacyXLS struct{ message }

// OtherOfficeFile: an Office container holding no workbook.
type OtherOfficeFile struct{ message }

// NoWorkbookPart: a zip holding no workbook.
type NoWorkbookPart struct{ message }

// EmptyWorkbookFile: a file named .xlsx of no bytes.
type EmptyWorkbookFile struct{ message }

// NotZip: a file named .xlsx that is no zip.
type NotZip struct{ message }

// NotXLSX: a workbook that cannot be read, for the reason Err.
type NotXLSX struct {
	message
	Err error
}

func (m NotXLSX) Cause() error { return m.Err }

// Incomplete: a workbook cut off or damaged on its way; Err is what the
// zip reader found.
type Incomplete struct {
	message
	Err error
}

func (m Incomplete) Cause() error { return m.Err }

// ZipBomb: a workbook that unpacks to more than MiB mebibytes.
type ZipBomb struct {
	message
	MiB int64
}

// SheetAfterRow: reading a sheet failed after row Row.
type SheetAfterRow struct {
	message
	Sheet string
	Row   int
	Err   error
}

func (m SheetAfterRow) Cause() error { return m.Err }

// Sheet is a workbook's sheet as a list of them names it.
type Sheet struct {
	Name   string
	Hidden bool
}

// NoSheets: a workbook without a sheet.
type NoSheets struct{ message }

// AllSheetsHidden: no sheet named, and every sheet hidden.
type AllSheetsHidden struct {
	message
	Sheets []Sheet
}

// NoSuchSheet: no sheet of the name or number given.
type NoSuchSheet struct {
	message
	Sheet  string // as given
	Sheets []Sheet
}

// ChartSheet: the sheet named is a chart sheet, which has no cells;
// Worksheets are the visible sheets that have.
type ChartSheet struct {
	message
	Sheet      string
	Worksheets []Sheet
}

// HeaderRowNegative: a header row below 1.
type HeaderRowNegative struct {
	message
	Row int
}

// HeaderRowBlank: the header row given is empty.
type HeaderRowBlank struct {
	message
	Row int
}

// NoHeaderRow: no row to take the column names from, Why.
type NoHeaderRow struct {
	message
	Why Message
}

// EmptyFile: a file without a row that holds anything.
type EmptyFile struct{ message }

// EmptySheet: a sheet without a row that holds anything.
type EmptySheet struct {
	message
	Sheet string
}

// HeaderPastEnd: the header row given is past the last row, Last.
type HeaderPastEnd struct {
	message
	Last, Want int
}

// Why a workbook's parts cannot be read: said inside NotXLSX.

// PartMissing: a part the workbook names is not in it.
type PartMissing struct {
	message
	Part string
}

// TooManySharedStrings: a workbook's shared strings table has more
// entries than its sheets could point to (Max).
type TooManySharedStrings struct {
	message
	Max int
}

// SharedStringsTooLarge: a workbook's shared strings take more than MiB
// in memory.
type SharedStringsTooLarge struct {
	message
	MiB int
}

// PartTooLarge: a part over the limit of what is read whole.
type PartTooLarge struct {
	message
	Part string
	MiB  int64
}

// XMLTooDeep: XML nested deeper than any real part.
type XMLTooDeep struct{ message }

// XMLTokenTooLong: an XML element or text too long for any real cell.
type XMLTokenTooLong struct{ message }

// TooManyRowsForXLSX: Input has Rows rows, more than the Max an XLSX
// report holds below its header.
type TooManyRowsForXLSX struct {
	message
	Input     string
	Rows, Max int
}

// CellTextTooLong: a cell's text, put together from its parts (the runs
// of rich text), too long for any real cell.
type CellTextTooLong struct{ message }

// PastLastRow: a row numbered past Excel's last, Max.
type PastLastRow struct {
	message
	Row, Max int
}

// SharedStringsMissing: Count cells of a sheet are shared-string cells
// without a string the workbook has (no index, or one past its table),
// the first at Cell (e.g. B5); they were read as empty.
type SharedStringsMissing struct {
	message
	File, Sheet, Cell string
	Count             int
}

// What the reader found in a file, for the log (Describe).

// CSVFound: a CSV file's encoding, delimiter and header.
type CSVFound struct {
	message
	File      string
	Encoding  string // utf-8, utf-16le, utf-16be or windows-1252
	BOM       bool   // a UTF-8 file starts with a byte order mark
	Delimiter rune
	HeaderRow int
	Columns   int
}

// XLSXFound: a workbook's sheet and header.
type XLSXFound struct {
	message
	File, Sheet        string
	HeaderRow, Columns int
	// Of is how many worksheets the file shows when none was named and
	// it has more than one (Sheet is the first); 0 otherwise.
	Of int
}

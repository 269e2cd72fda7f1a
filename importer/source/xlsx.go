package source

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"leadimport/importer/msg"
)

// xlsxLimits bound what opening a workbook may cost. An .xlsx is a zip, and
// a small one can unpack to gigabytes. The sheet is read as a stream, so
// its size costs time, not memory; what is held in memory (the workbook
// part, styles, shared strings) counts against unzip as well, and each of
// the small parts also against part.
type xlsxLimits struct {
	unzip int64 // all entries together, as the zip declares them
	part  int64 // each part read whole: workbook, relationships, styles
	// strings bounds the shared strings table in memory: its text and 4
	// bytes an entry (see maxSharedStrings for its entries).
	strings int
}

// defaultLimits: 256 MiB unpacked is several times a sheet of a million
// leads and refuses a zip bomb before anything is unpacked; 16 MiB is far
// more than a workbook's own small parts ever take.
var defaultLimits = xlsxLimits{unzip: 256 << 20, part: 16 << 20, strings: 256 << 20}

type xlsxReader struct {
	table
	book   *workbook
	sheet  string
	of     int // the worksheets shown, when none was named; else 0
	rows   *sheetReader
	merges []cellRange
	warn   func(msg.Message) // Options.Warn
}

// openXLSX reads the workbook at path with its own streaming reader over
// archive/zip: it needs each cell's type and style to give the value the
// user typed (see cellValue), which excelize's row iterator does not
// expose, and reading the zip itself lets a bomb be refused from the
// central directory before a byte is unpacked.
func openXLSX(path string, opt Options, limits xlsxLimits) (Reader, error) {
	f, err := openFile(path, limits)
	if err != nil {
		return nil, err
	}
	r, err := f.Open(opt)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &closing{Reader: r, file: f}, nil
}

// openSheet starts a Reader of the sheet opt names in the workbook.
func (f *File) openSheet(opt Options) (_ Reader, err error) {
	x := &xlsxReader{book: f.book, warn: opt.Warn}
	x.table = table{name: f.path, read: x.readRow, fixHeader: x.spreadMerges}
	defer func() {
		if err != nil {
			x.Close()
		}
	}()
	if x.sheet, err = x.book.pick(f.path, opt.Sheet); err != nil {
		return nil, err
	}
	if opt.Sheet == "" {
		_, worksheets := x.book.shown()
		x.of = len(worksheets)
	}
	part := x.book.sheetParts[x.sheet]
	if x.merges, err = readMerges(x.book.open, part); err != nil {
		return nil, x.book.damaged(err)
	}
	if x.rows, err = x.book.openSheet(part); err != nil {
		return nil, x.book.damaged(err)
	}
	if err := x.findHeader(opt.HeaderRow, opt.Headers, msg.EmptySheet{Sheet: x.sheet}); err != nil {
		return nil, err
	}
	return x, nil
}

// checkZipMagic says what a file named .xlsx is when it is not a zip.
func checkZipMagic(path string, f io.ReaderAt, size int64) error {
	head := make([]byte, min(size, 8<<10))
	n, err := f.ReadAt(head, 0)
	if err != nil && err != io.EOF {
		return fileError(path, msg.CannotReadIt{Err: withoutPath(err)})
	}
	head = head[:n]
	switch {
	case len(head) == 0:
		return fileError(path, msg.EmptyWorkbookFile{}, ErrNotXLSX)
	case bytes.HasPrefix(head, zipMagic), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return nil
	case bytes.HasPrefix(head, cfbMagic):
		return checkCFB(path, f)
	case looksLikeText(head):
		ext := filepath.Ext(path)
		return fileError(path, msg.TextNamedXLSX{Ext: ext, Stem: strings.TrimSuffix(filepath.Base(path), ext)}, ErrMisnamed)
	}
	return fileError(path, msg.NotZip{}, ErrNotXLSX)
}

// readRow returns the next row present in the sheet; the sheet's row
// numbers, gaps included, are the row numbers.
func (x *xlsxReader) readRow() (Row, error) {
	row, err := x.rows.next()
	if err == io.EOF && x.rows.noStrings > 0 && x.warn != nil {
		x.warn(msg.SharedStringsMissing{File: x.name, Sheet: x.sheet, Cell: x.rows.firstNoString, Count: x.rows.noStrings})
		x.warn = nil // once
	}
	if err == nil || err == io.EOF {
		return row, err
	}
	var rowErr *RowError
	if errors.As(err, &rowErr) {
		rowErr.File = x.name
		return Row{}, rowErr
	}
	return Row{}, fileError(x.name, msg.SheetAfterRow{Sheet: x.sheet, Row: x.rows.last, Err: damage(err)})
}

// spreadMerges gives every cell of a merge that crosses the header row the
// merge's value, so a name merged over two columns names both, as the user
// sees it. Only the header is mended: a merged data cell means one value,
// and repeating it would put it in rows it was not typed in. A merge that
// starts above the header row is left alone: its value is in a row above
// the header, a title rather than a column name.
func (x *xlsxReader) spreadMerges(row Row) Row {
	cells := slices.Clone(row.Cells)
	for _, m := range x.merges {
		if m.top != row.Number || m.left > len(cells) || m.right > maxCells {
			continue
		}
		v := cells[m.left-1]
		for len(cells) < m.right {
			cells = append(cells, "")
		}
		for c := m.left + 1; c <= m.right; c++ {
			if strings.TrimSpace(cells[c-1]) == "" {
				cells[c-1] = v
			}
		}
	}
	row.Cells = cells
	return row
}

func (x *xlsxReader) Delimiter() rune { return 0 }

func (x *xlsxReader) Description() msg.Message {
	return msg.XLSXFound{File: x.name, Sheet: x.sheet, HeaderRow: x.headerRow, Columns: len(x.header), Of: x.of}
}

// Close closes the sheet, not its File. It is safe to call more than once.
func (x *xlsxReader) Close() error {
	if x.rows == nil {
		return nil
	}
	err := x.rows.close()
	x.rows = nil
	return err
}

// shown are the sheets Excel shows tabs of (not hidden), and the
// worksheets among them (not charts), in order.
func (b *workbook) shown() (visible, worksheets []string) {
	for _, s := range b.sheets {
		if !b.hidden[s] {
			visible = append(visible, s)
			if !b.charts[s] {
				worksheets = append(worksheets, s)
			}
		}
	}
	return visible, worksheets
}

// pick finds the sheet Options.Sheet names: by name, exactly and then
// ignoring case, or by its place among the visible tabs ("2"), as the user
// sees them in Excel. With no name it is the first visible worksheet: a
// hidden sheet usually holds lookup lists, never the rows to import, and
// a chart sheet (which Excel may put first) has no cells. A chart sheet
// named is refused, naming the worksheets.
func (b *workbook) pick(path, want string) (string, error) {
	visible, worksheets := b.shown()
	if want == "" {
		switch {
		case len(worksheets) > 0:
			return worksheets[0], nil
		case len(visible) > 0:
			return "", fileError(path, msg.ChartSheet{Sheet: visible[0]}, ErrNoSheet)
		case len(b.sheets) == 0:
			return "", fileError(path, msg.NoSheets{}, ErrNoSheet)
		}
		return "", fileError(path, msg.AllSheetsHidden{Sheets: b.sheetList()}, ErrNoSheet)
	}
	s, ok := b.find(want, visible)
	if !ok {
		return "", fileError(path, msg.NoSuchSheet{Sheet: want, Sheets: b.sheetList()}, ErrNoSheet)
	}
	if b.charts[s] {
		list := make([]msg.Sheet, len(worksheets))
		for i, w := range worksheets {
			list[i] = msg.Sheet{Name: w}
		}
		return "", fileError(path, msg.ChartSheet{Sheet: s, Worksheets: list}, ErrNoSheet)
	}
	return s, nil
}

// find is the sheet want names, as pick says.
func (b *workbook) find(want string, visible []string) (string, bool) {
	for _, s := range b.sheets {
		if s == want {
			return s, true
		}
	}
	for _, s := range b.sheets {
		if strings.EqualFold(s, want) {
			return s, true
		}
	}
	if n, err := strconv.Atoi(want); err == nil && n >= 1 && n <= len(visible) {
		return visible[n-1], true
	}
	return "", false
}

// sheetList lists the sheets in workbook order, marking the hidden ones,
// which the user may not know are there.
func (b *workbook) sheetList() []msg.Sheet {
	sheets := make([]msg.Sheet, len(b.sheets))
	for i, s := range b.sheets {
		sheets[i] = msg.Sheet{Name: s, Hidden: b.hidden[s]}
	}
	return sheets
}

func notXLSX(path string, cause error) error {
	return fileError(path, msg.NotXLSX{Err: cause}, ErrNotXLSX)
}

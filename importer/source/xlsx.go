package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// excelizeOptions bound what opening a workbook may cost. An .xlsx is a
// zip, and a small one can unpack to gigabytes: 1 GiB is far more than any
// sheet of leads and stops a zip bomb. A sheet bigger than 16 MiB of XML
// is unpacked to a temporary file instead of memory, so memory stays flat
// for long sheets; Close removes those files.
var excelizeOptions = excelize.Options{UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 16 << 20}

type xlsxReader struct {
	table
	file  *excelize.File
	rows  *excelize.Rows
	sheet string
	row   int // the row the iterator is on
}

func openXLSX(path string, opt Options, limits excelize.Options) (_ Reader, err error) {
	var x xlsxReader
	x.table = table{name: path, read: x.readRow}
	// Deferred in this order so that a panic is made an error first and
	// the half-opened file is then closed.
	defer func() {
		if err != nil {
			x.Close()
		}
	}()
	defer recoverAsNotXLSX(path, &err)

	x.file, err = excelize.OpenFile(path, limits)
	if err != nil {
		var pathErr *fs.PathError
		if errors.As(err, &pathErr) && pathErr.Op == "open" {
			return nil, fmt.Errorf("%s: cannot open it: %w", path, withoutPath(err))
		}
		return nil, notXLSX(path, err)
	}
	if x.sheet, err = pickSheet(x.file, path, opt.Sheet); err != nil {
		return nil, err
	}
	if x.rows, err = x.file.Rows(x.sheet); err != nil {
		return nil, notXLSX(path, err)
	}
	if err := x.findHeader(opt.HeaderRow, fmt.Sprintf("sheet %q is empty", x.sheet)); err != nil {
		return nil, err
	}
	return &x, nil
}

// readRow returns the next row of the sheet. excelize's iterator stops at
// every row number, also for rows the file leaves out, so counting its
// steps gives the row numbers Excel shows.
func (x *xlsxReader) readRow() (_ Row, err error) {
	defer recoverAsNotXLSX(x.name, &err)
	if !x.rows.Next() {
		if err := x.rows.Error(); err != nil {
			return Row{}, fmt.Errorf("%s: sheet %q after row %d: %w", x.name, x.sheet, x.row, err)
		}
		return Row{}, io.EOF
	}
	x.row++
	// Columns gives each cell as Excel shows it: numbers and dates in the
	// cell's number format, not the stored value.
	cells, err := x.rows.Columns()
	if err != nil {
		return Row{}, &RowError{File: x.name, Row: x.row,
			Err: fmt.Errorf("%w: %w: open the file in Excel and save it again", ErrBadRow, err)}
	}
	return Row{Number: x.row, Cells: cells}, nil
}

// pickSheet finds the sheet Options.Sheet names: by name, exactly and then
// ignoring case, or by its place among the visible tabs ("2"), as the user
// sees them in Excel. With no name it is the first visible sheet: a hidden
// sheet usually holds lookup lists, never the rows to import.
func pickSheet(f *excelize.File, path, want string) (string, error) {
	sheets := f.GetSheetList()
	var visible []string
	for _, s := range sheets {
		if v, err := f.GetSheetVisible(s); err == nil && v {
			visible = append(visible, s)
		}
	}
	if want == "" {
		if len(visible) == 0 {
			return "", fmt.Errorf("%s: %w to read: every sheet is hidden; the file has: %s: name one with the sheet setting", path, ErrNoSheet, sheetList(sheets, visible))
		}
		return visible[0], nil
	}
	for _, s := range sheets {
		if s == want {
			return s, nil
		}
	}
	for _, s := range sheets {
		if strings.EqualFold(s, want) {
			return s, nil
		}
	}
	if n, err := strconv.Atoi(want); err == nil && n >= 1 && n <= len(visible) {
		return visible[n-1], nil
	}
	return "", fmt.Errorf("%s: %w %q; the file has: %s", path, ErrNoSheet, want, sheetList(sheets, visible))
}

// sheetList names the sheets in workbook order, marking the hidden ones,
// which the user may not know are there.
func sheetList(sheets, visible []string) string {
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s
		if !slices.Contains(visible, s) {
			names[i] += " (hidden)"
		}
	}
	return strings.Join(names, ", ")
}

func notXLSX(path string, cause error) error {
	return fmt.Errorf("%s: %w (%v): open it in Excel and save it as .xlsx or CSV", path, ErrNotXLSX, cause)
}

// recoverAsNotXLSX turns a panic inside excelize, which odd input can
// cause, into an error: a bad file must not bring the run down.
func recoverAsNotXLSX(path string, err *error) {
	if p := recover(); p != nil {
		*err = notXLSX(path, fmt.Errorf("excelize: %v", p))
	}
}

func (x *xlsxReader) Delimiter() rune { return 0 }

func (x *xlsxReader) Describe() string {
	return fmt.Sprintf("%s: sheet %q, header on row %d, %s", x.name, x.sheet, x.headerRow, columns(len(x.header)))
}

// Close closes the row iterator and the workbook, which removes the
// temporary files excelize unpacked. It is safe to call more than once.
func (x *xlsxReader) Close() error {
	var errs []error
	if x.rows != nil {
		// Without a temporary file Close returns the iterator's error,
		// which Next has reported already.
		if err := x.rows.Close(); err != x.rows.Error() {
			errs = append(errs, err)
		}
		x.rows = nil
	}
	if x.file != nil {
		errs = append(errs, x.file.Close())
		x.file = nil
	}
	return errors.Join(errs...)
}

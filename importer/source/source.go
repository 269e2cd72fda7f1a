// Package source reads spreadsheet rows, CSV or XLSX, one at a time.
//
// A Reader keeps the header once and hands out rows numbered as the
// spreadsheet shows them (header on row 1: the first data row is 2). Rows
// with no value at all are skipped. Memory does not grow with the number of
// rows.
//
//	r, err := source.Open("visning.xlsx", source.Options{})
//	if err != nil { ... }
//	defer r.Close()
//	for {
//		row, err := r.Next()
//		if err == io.EOF { break }
//		...
//	}
//
// CSV files are UTF-8, with or without a byte order mark; the delimiter
// (',', ';' or tab) is guessed from the header line. A blank line is an
// empty row, as in Excel, so row numbers stay those Excel would show. In
// a workbook, the row numbers are the sheet's own, gaps included.
//
// Errors start with the file's name; one about a single row is a
// *RowError, after which Next can go on.
package source

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Row is one data row. Cells are in header order; a row may have fewer
// cells than the header (the missing ones are empty) or more.
type Row struct {
	Number int // as the spreadsheet numbers it
	Cells  []string
}

// Options choose what to read.
type Options struct {
	// Sheet is, for XLSX, a sheet name (exact, else ignoring case) or a
	// 1-based index among the visible sheets, as Excel shows their tabs;
	// "" is the first visible sheet.
	Sheet string
	// HeaderRow is the header's row, numbered as the spreadsheet numbers
	// it; the rows above it are not read. 0 means the first non-empty row.
	HeaderRow int
}

// Reader hands out the rows of one input file.
type Reader interface {
	// Header returns the header cells, trimmed, in column order.
	Header() []string
	// Next returns the next non-empty data row, or io.EOF after the last.
	// Other errors name the file and the row.
	Next() (Row, error)
	// Describe says what was detected, e.g.
	// `legacy.csv: utf-8, ';', header on row 1, 12 columns`.
	Describe() string
	// Delimiter is the CSV delimiter, or 0 for a format without one.
	Delimiter() rune
	Close() error
}

// Open reads the file at path, choosing the format by its extension:
// .csv, .txt and .tsv are CSV (see NewCSV); .xlsx and .xlsm are Excel
// workbooks, read a row at a time. Messages name the file as path gives it.
func Open(path string, opt Options) (Reader, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt", ".tsv":
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("%s: cannot open it: %w", path, withoutPath(err))
		}
		c, err := newCSV(f, path, opt)
		if err != nil {
			f.Close()
			return nil, err
		}
		c.closer = f
		return c, nil
	case ".xlsx", ".xlsm":
		return openXLSX(path, opt, excelizeOptions)
	}
	what := fmt.Sprintf("%q files", filepath.Ext(path))
	if filepath.Ext(path) == "" {
		what = "a file without an extension"
	}
	return nil, fmt.Errorf("%s: %w: cannot read %s: save it as .xlsx or CSV (read: .csv, .txt, .tsv, .xlsx, .xlsm)", path, ErrUnsupported, what)
}

// withoutPath drops the path from an *fs.PathError, because every message
// here starts with the file's name already.
func withoutPath(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	return err
}

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
// CSV files may be UTF-8 (with or without a byte order mark), UTF-16 with
// a byte order mark, or Windows-1252, as Swedish Excel saves plain "CSV";
// the delimiter (',', ';', tab or '|') and CR-only line ends are guessed
// from the first 64 KiB. Description says what was found:
//
//	legacy.csv: windows-1252, ';', header on row 1, 12 columns
//
// A blank line is an empty row, as in Excel, so row numbers stay those
// Excel would show. In a workbook, the row numbers are the sheet's own,
// gaps included, and cells read as the user typed them rather than as
// Excel displays them: a personnummer stored as a number reads
// "198001022386", not "1.98001E+11", and a date reads 2024-05-12.
//
// Errors start with the file's name; one about a single row is a
// *RowError, after which Next can go on. Each says itself by a message of
// importer/msg, so it can be said in Swedish (msg.Swedish.Error), and
// answers errors.Is for the sentinels below.
package source

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"

	"leadimport/importer/msg"
	"leadimport/importer/regular"
)

// Row is one data row. Cells are in header order; a row may have fewer
// cells than the header (the missing ones are empty) or more.
type Row struct {
	Number int // as the spreadsheet numbers it
	Cells  []string
	// Notes are what a person should check in how the row was read,
	// though it was read: a stray quote taken as text.
	Notes []Note
}

// Note is a warning about one cell of a Row.
type Note struct {
	Column  string // the header's name for it, or its letter past the header
	Value   string
	Message msg.Message
}

// Options choose what to read.
type Options struct {
	// Sheet is, for XLSX, a sheet name (exact, else ignoring case) or a
	// 1-based index among the visible sheets, as Excel shows their tabs;
	// "" is the first visible worksheet (a chart sheet has no rows, and
	// is refused when named).
	Sheet string
	// HeaderRow is the header's row, numbered as the spreadsheet numbers
	// it; the rows above it are not read. 0 means: found by Headers, else
	// the first non-empty row.
	HeaderRow int
	// Headers are the column names the caller looks for. With HeaderRow 0
	// the header is the first of the first 20 non-blank rows that holds
	// them all (ignoring case and surrounding spaces), else the one that
	// holds the most, else the first non-blank row; title rows above it
	// are skipped.
	Headers []string
	// Encoding is, for CSV, the text encoding: utf-8, utf-16le, utf-16be,
	// utf-16 (the byte order mark decides), windows-1252 (also cp1252;
	// latin1 and iso-8859-1 are read as windows-1252). "" guesses it. A
	// byte order mark at the start of the file wins over either.
	Encoding string
	// Delimiter is, for CSV, the cell delimiter; 0 guesses it among
	// ',', ';', tab and '|'.
	Delimiter rune
	// Warn, when set, is told what a person should check in how a sheet
	// was read though its rows were read (msg.SharedStringsMissing):
	// once for the sheet, counted, when its last row has been read.
	Warn func(msg.Message)
}

// Reader hands out the rows of one input file.
type Reader interface {
	// Header returns the header cells, trimmed, in column order.
	Header() []string
	// Next returns the next non-empty data row, or io.EOF after the last.
	// Other errors name the file and the row.
	Next() (Row, error)
	// Description says what was detected (msg.CSVFound, msg.XLSXFound),
	// e.g. `legacy.csv: utf-8, ';', header on row 1, 12 columns`.
	Description() msg.Message
	// Delimiter is the CSV delimiter, or 0 for a format without one.
	Delimiter() rune
	Close() error
}

// A Recycler is a Reader that takes back the cells of the rows it handed
// out (Row.Cells), to hold the rows to come in them. A caller gives back
// only cells that it, and everything it handed them to, is done with.
type Recycler interface {
	Recycle(cells []string)
}

// Open reads the file at path, choosing the format by its extension:
// .csv, .txt and .tsv are CSV (see NewCSV); .xlsx and .xlsm are Excel
// workbooks, read a row at a time. Messages name the file as path gives it.
// Closing the Reader closes the file; to read a file more than one way,
// open it once with OpenFile.
func Open(path string, opt Options) (Reader, error) {
	if ext := strings.ToLower(filepath.Ext(path)); ext == ".xlsx" || ext == ".xlsm" {
		return openXLSX(path, opt, defaultLimits)
	}
	f, err := OpenFile(path)
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

// openError says that the file at path cannot be opened: the operating
// system's reason, or that it is no regular file (a FIFO, a device),
// which says the path itself.
func openError(path string, err error) error {
	if errors.Is(err, regular.ErrNotRegular) {
		return err
	}
	return fileError(path, msg.CannotOpen{Err: withoutPath(err)})
}

// fileError is m said of the file name, and one of kinds for errors.Is.
func fileError(name string, m msg.Message, kinds ...error) error {
	return inFile(name, msg.Error(m, kinds...))
}

// inFile is err with the name of the file it is about before it.
func inFile(name string, err error) error {
	return msg.Error(msg.InFile{File: name, Err: err})
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

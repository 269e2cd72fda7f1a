package source

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
)

// table is the part of a Reader both formats share: given every row of
// the file in order, it finds the header and hands out the non-blank rows
// after it. Keeping it in one place makes CSV and XLSX agree on which row
// is the header.
type table struct {
	name      string
	read      func() (Row, error) // every row, blank ones allowed, numbers ascending
	header    []string
	headerRow int
	err       error // sticky: io.EOF, or a failure that is not about one row
}

// findHeader reads up to and including the header row: row want, or the
// first non-blank row when want is 0. empty says why there is no header
// when the file runs out (e.g. "the file is empty").
func (t *table) findHeader(want int, empty string) error {
	if want < 0 {
		return fmt.Errorf("%s: %w: header row %d: rows are numbered from 1 (0 picks the first non-empty row)", t.name, ErrNoHeader, want)
	}
	last := 0
	for {
		row, err := t.read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		last = row.Number
		switch {
		case want == 0 && blank(row.Cells), row.Number < want:
			continue
		case want != 0 && row.Number > want:
			// The CSV reader has no record for a blank line and the XLSX
			// one none for a row that was never written.
			return fmt.Errorf("%s: %w: row %d is empty: set the header row to the row with the column names", t.name, ErrNoHeader, want)
		}
		t.header = headerCells(row.Cells)
		t.headerRow = row.Number
		if len(t.header) == 0 {
			return fmt.Errorf("%s: %w: row %d is empty: set the header row to the row with the column names", t.name, ErrNoHeader, row.Number)
		}
		return nil
	}
	if want == 0 || last == 0 {
		return fmt.Errorf("%s: %w: %s", t.name, ErrNoHeader, empty)
	}
	return fmt.Errorf("%s: %w: the last row is %d, before header row %d: set the header row to the row with the column names", t.name, ErrNoHeader, last, want)
}

// Header returns a copy, so a caller cannot change what later rows are
// matched against.
func (t *table) Header() []string { return slices.Clone(t.header) }

// Next skips blank rows. A RowError leaves the reader usable; any other
// error is returned again by every later call.
func (t *table) Next() (Row, error) {
	if t.err != nil {
		return Row{}, t.err
	}
	for {
		row, err := t.read()
		if err != nil {
			var rowErr *RowError
			if !errors.As(err, &rowErr) {
				t.err = err
			}
			return Row{}, err
		}
		if !blank(row.Cells) {
			return row, nil
		}
	}
}

// headerCells trims each name of spaces and of a stray byte order mark
// (Excel adds one when a UTF-8 file is re-saved), and drops empty names at
// the end, which Excel writes for columns that were once used.
func headerCells(cells []string) []string {
	h := make([]string, len(cells))
	for i, c := range cells {
		h[i] = strings.TrimFunc(c, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' })
	}
	for len(h) > 0 && h[len(h)-1] == "" {
		h = h[:len(h)-1]
	}
	return h
}

// blank reports whether no cell has a visible character.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// columns is "1 column" or "n columns", for Describe.
func columns(n int) string {
	if n == 1 {
		return "1 column"
	}
	return fmt.Sprintf("%d columns", n)
}

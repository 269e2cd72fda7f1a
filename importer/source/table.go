package source

import (
	"errors"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"leadimport/importer/msg"
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

	// fixHeader, if set, mends the header row before it is trimmed (the
	// XLSX reader spreads merged cells with it).
	fixHeader func(Row) Row
	// Rows read past the header while looking for it by name, and the
	// error that stopped the search; Next hands them out first.
	pending    []Row
	pendingErr error
}

// headerSearchRows is how many non-blank rows are searched for the header
// by name: title rows, a date and a blank line or two fit many times over,
// while a file without those names is not read far for nothing.
const headerSearchRows = 20

// findHeader reads up to and including the header row: row want, or when
// want is 0 the row with the names in names (see findHeaderByName), or
// else the first non-blank row. empty says why there is no header when the
// file runs out (e.g. msg.EmptyFile).
func (t *table) findHeader(want int, names []string, empty msg.Message) error {
	if want < 0 {
		return fileError(t.name, msg.HeaderRowNegative{Row: want}, ErrNoHeader)
	}
	if want == 0 && len(names) > 0 {
		return t.findHeaderByName(names, empty)
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
			return fileError(t.name, msg.HeaderRowBlank{Row: want}, ErrNoHeader)
		}
		return t.setHeader(row)
	}
	if want == 0 || last == 0 {
		return fileError(t.name, msg.NoHeaderRow{Why: empty}, ErrNoHeader)
	}
	return fileError(t.name, msg.HeaderPastEnd{Last: last, Want: want}, ErrNoHeader)
}

// findHeaderByName takes as the header the first of the first
// headerSearchRows non-blank rows that holds every name in names (ignoring
// case and surrounding spaces); failing that the one holding the most of
// them, the earliest on a tie; failing that the first non-blank row, so
// that the caller, which knows what each name is for, can say which are
// missing. The rows after it that were read on the way are kept for Next.
func (t *table) findHeaderByName(names []string, empty msg.Message) error {
	want := make([]string, len(names))
	for i, n := range names {
		want[i] = headerKey(n)
	}
	var seen []Row
	best, bestHits := 0, 0
	for len(seen) < headerSearchRows {
		row, err := t.read()
		if err == io.EOF {
			break
		}
		var rowErr *RowError
		if err != nil && errors.As(err, &rowErr) && len(seen) > 0 {
			// A bad row stops the search; it is reported in its turn.
			t.pendingErr = err
			break
		}
		if err != nil {
			return err
		}
		if blank(row.Cells) {
			continue
		}
		seen = append(seen, row)
		hits := headerHits(row.Cells, want)
		if hits > bestHits {
			best, bestHits = len(seen)-1, hits
		}
		if hits == len(want) {
			break
		}
	}
	if len(seen) == 0 {
		return fileError(t.name, msg.NoHeaderRow{Why: empty}, ErrNoHeader)
	}
	t.pending = seen[best+1:]
	return t.setHeader(seen[best])
}

// headerHits counts the names in want (made with headerKey) among cells.
func headerHits(cells, want []string) int {
	have := make(map[string]bool, len(cells))
	for _, c := range cells {
		have[headerKey(c)] = true
	}
	n := 0
	for _, w := range want {
		if have[w] {
			n++
		}
	}
	return n
}

// headerKey is how a column name is compared: trimmed of spaces (no-break
// spaces too, which Excel users type with Ctrl+Shift+Space and web pages
// paste), a no-break space inside counted as a space, and case ignored.
func headerKey(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.ToLower(strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }))
}

func (t *table) setHeader(row Row) error {
	if t.fixHeader != nil {
		row = t.fixHeader(row)
	}
	t.header = headerCells(row.Cells)
	t.headerRow = row.Number
	if len(t.header) == 0 {
		return fileError(t.name, msg.HeaderRowBlank{Row: row.Number}, ErrNoHeader)
	}
	return nil
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
	if len(t.pending) > 0 {
		row := t.pending[0]
		t.pending = t.pending[1:]
		return row, nil
	}
	if err := t.pendingErr; err != nil {
		t.pendingErr = nil
		return Row{}, err
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
		// A cell that starts with a visible ASCII character needs no
		// trimming to tell: strings.TrimSpace is slow on one that starts
		// with Å.
		if c != "" && (c[0] > ' ' && c[0] < utf8.RuneSelf || strings.TrimSpace(c) != "") {
			return false
		}
	}
	return true
}

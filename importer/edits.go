package importer

import (
	"errors"
	"maps"
	"slices"

	"leadimport/importer/msg"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// Edits are corrections a person made to cells of an input on serve's
// page, without going back to Excel: by row (as Excel numbers it), by
// header, the value to read instead of the file's. The file itself is
// never modified; every reading of it (the reading ahead, the run, a
// check) sees the corrected value, which is what is checked, sent and
// written in the report, with a warning on the cell that it was edited.
type Edits map[int]map[string]string

// Set records one correction.
func (e Edits) Set(row int, header, value string) {
	if e[row] == nil {
		e[row] = map[string]string{}
	}
	e[row][header] = value
}

// Clone is a copy of e that later changes to e leave alone.
func (e Edits) Clone() Edits {
	c := make(Edits, len(e))
	for row, cells := range e {
		c[row] = maps.Clone(cells)
	}
	return c
}

// withEdits is src with the corrections e over its cells, if any.
func withEdits(src source.Reader, e Edits) source.Reader {
	if len(e) == 0 {
		return src
	}
	r := &editedReader{Reader: src, edits: e, column: map[string]int{}}
	for i, h := range src.Header() {
		if _, dup := r.column[h]; !dup {
			r.column[h] = i
		}
	}
	return r
}

// editedReader reads an input with a person's corrections over it.
type editedReader struct {
	source.Reader
	edits  Edits
	column map[string]int // a header's index
}

// Recycle gives cells back to the reader below, whose they are, or
// whose room they are as good as (an edited row's copy).
func (r *editedReader) Recycle(cells []string) {
	if rc, ok := r.Reader.(source.Recycler); ok {
		rc.Recycle(cells)
	}
}

func (r *editedReader) Next() (source.Row, error) {
	row, err := r.Reader.Next()
	cells := r.edits[row.Number]
	if err != nil || len(cells) == 0 {
		return row, err
	}
	row.Cells = slices.Clone(row.Cells)
	for _, h := range slices.Sorted(maps.Keys(cells)) {
		i, ok := r.column[h]
		if !ok {
			continue
		}
		for len(row.Cells) <= i {
			row.Cells = append(row.Cells, "")
		}
		row.Cells[i] = cells[h]
		row.Notes = append(row.Notes, source.Note{Column: h, Value: cells[h], Message: msg.EditedOnPage{}})
	}
	return row, nil
}

// readOptions are the options a run reads an input with under mapping
// m: its input section, and its headers to find the header row by.
func readOptions(m *mapping.Mapping) source.Options {
	opts := source.Options{Sheet: m.Input.Sheet, HeaderRow: m.Input.HeaderRow, Encoding: m.Input.Encoding, Delimiter: m.Input.Delimiter}
	for _, c := range m.Columns {
		opts.Headers = append(opts.Headers, c.Header)
	}
	return opts
}

// OpenInput opens the input at path as a run under mapping m reads it:
// its sheet and header row, a report of an earlier run as that, with the
// corrections e over its cells. The caller closes it.
func OpenInput(path string, m *mapping.Mapping, e Edits) (source.Reader, error) {
	in, err := openFile(path)
	if err != nil {
		return nil, err
	}
	src, _, err := openInput(in, path, readOptions(m))
	if err != nil {
		in.Close()
		return nil, err
	}
	return &closingBoth{Reader: withEdits(src, e), in: in}, nil
}

// closingBoth is a Reader that closes its File too.
type closingBoth struct {
	source.Reader
	in *source.File
}

func (c *closingBoth) Close() error { return errors.Join(c.Reader.Close(), c.in.Close()) }

package importer

import (
	"maps"
	"path/filepath"
	"slices"
	"sync"

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

// edited holds the inputs being read with corrections, by cleaned path.
//
// It stands in for a field of Config that importer/run.go would pass to
// openInput (Config.Edits, a map from input to Edits): until that hook is
// there, EditInput registers an input's corrections here, for the time
// the caller's run or check takes. An input's path is the server's own
// file in its private folder, so no two imports share one.
var edited = struct {
	sync.Mutex
	by map[string]Edits
}{by: map[string]Edits{}}

// EditInput makes every reading of the input at path see e over its
// cells until done is called. e must not change until then.
func EditInput(path string, e Edits) (done func()) {
	key := filepath.Clean(path)
	edited.Lock()
	edited.by[key] = e
	edited.Unlock()
	return func() {
		edited.Lock()
		delete(edited.by, key)
		edited.Unlock()
	}
}

// withEdits is src with the corrections registered for path, if any.
func withEdits(path string, src source.Reader) source.Reader {
	edited.Lock()
	e := edited.by[filepath.Clean(path)]
	edited.Unlock()
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
// its sheet and header row, a report of an earlier run as that, and the
// corrections EditInput registered. The caller closes it.
func OpenInput(path string, m *mapping.Mapping) (source.Reader, error) {
	src, _, err := openInput(path, readOptions(m))
	return src, err
}

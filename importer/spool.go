package importer

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"

	"leadimport/importer/msg"
	"leadimport/importer/scratch"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// An input is read once in a run. Reading it ahead (findPersons) keeps
// every row in a spool, and the run reads the rows from there: an XLSX
// sheet is not parsed twice, nor a CSV decoded twice, and what is sent
// is what was compared, even if the file is written to meanwhile. The
// spool is a scratch.File: encrypted, and gone with the run.

// spooledRow is a row as it was read ahead: a row, or a row that could
// not be read (err), whether a report input says it was sent, and what
// mapping made of it when the row is clean (mapping.Mapped.Clean): kept
// in binary, and read back (clean) into mapped, or, for a check that
// needs no more, its changes, so that it is not mapped again.
type spooledRow struct {
	row      source.Row
	err      *source.RowError
	sent     bool
	response string // the report input's contact id of a row sent
	mapping  []byte
	clean    bool
	mapped   *mapping.Mapped
	changes  []mapping.Change
}

// spool writes rows to a scratch file as they are read, and reads them
// back in order.
type spool struct {
	f   *scratch.File
	buf []byte // rows not yet written
	r   *bufio.Reader
	dec decoder
	err error // the first failure: every call after it fails so
	// changesOnly: a check that shows no lead (a CSV or XLSX report)
	// needs only a clean row's changes; the rest is not read back.
	changesOnly bool
}

// spoolFlush is how much a spool gathers before it writes.
const spoolFlush = 256 << 10

func newSpool(dir string) (*spool, error) {
	f, err := scratch.New(dir, ".leadimport-rows-*")
	if err != nil {
		return nil, err
	}
	return &spool{f: f}, nil
}

const (
	tagRow byte = iota
	tagRowError
)

// add keeps a row.
func (s *spool) add(r *spooledRow) error {
	if s.err != nil {
		return s.err
	}
	b := s.buf
	if r.err != nil {
		b = append(b, tagRowError)
		b = binary.AppendUvarint(b, uint64(r.err.Row))
		b = appendString(b, r.err.File)
		b = appendMessage(b, msg.Of(r.err.Err))
	} else {
		b = append(b, tagRow)
		b = binary.AppendUvarint(b, uint64(r.row.Number))
		b = binary.AppendUvarint(b, uint64(len(r.row.Cells)))
		for _, c := range r.row.Cells {
			b = appendString(b, c)
		}
		b = binary.AppendUvarint(b, uint64(len(r.row.Notes)))
		for _, n := range r.row.Notes {
			b = appendString(b, n.Column)
			b = appendString(b, n.Value)
			b = appendMessage(b, n.Message)
		}
		sent := byte(0)
		if r.sent {
			sent = 1
		}
		b = append(b, sent)
		b = appendString(b, r.response)
		b = binary.AppendUvarint(b, uint64(len(r.mapping)))
		b = append(b, r.mapping...)
	}
	s.buf = b
	if len(s.buf) >= spoolFlush {
		return s.flush()
	}
	return nil
}

func (s *spool) flush() error {
	if s.err == nil && len(s.buf) > 0 {
		_, s.err = s.f.Write(s.buf) // encrypts the buffer in place
	}
	s.buf = s.buf[:0]
	return s.err
}

// rewind writes what is left and starts reading from the first row.
func (s *spool) rewind() error {
	if err := s.flush(); err != nil {
		return err
	}
	s.buf = nil
	s.r = bufio.NewReaderSize(s.f.Reader(0, s.f.Size()), 64<<10)
	return nil
}

// next reads the next row; io.EOF after the last.
func (s *spool) next() (spooledRow, error) {
	if s.err != nil {
		return spooledRow{}, s.err
	}
	r, err := s.read()
	if err != nil && err != io.EOF {
		s.err = err
	}
	return r, err
}

func (s *spool) read() (spooledRow, error) {
	var r spooledRow
	tag, err := s.r.ReadByte()
	if err != nil {
		return r, err // io.EOF: the end, between two rows
	}
	d := &s.dec
	d.r, d.err = s.r, nil
	number := int(d.uvarint())
	if tag == tagRowError {
		r.err = &source.RowError{Row: number, File: d.string()}
		r.err.Err = msg.Error(d.message())
		return r, d.done()
	}
	r.row.Number = number
	r.row.Cells = d.cells()
	for n := d.count(); n > 0 && d.err == nil; n-- {
		r.row.Notes = append(r.row.Notes, source.Note{Column: d.string(), Value: d.string(), Message: d.message()})
	}
	r.sent = d.byte() == 1
	r.response = d.string()
	if kept := d.bytes(); len(kept) > 0 && d.err == nil {
		var err error
		if r.clean = true; s.changesOnly {
			r.changes, err = mapping.UnmarshalChanges(kept)
		} else {
			r.mapped = new(mapping.Mapped)
			err = r.mapped.UnmarshalBinary(kept)
		}
		if err != nil {
			d.fail(errSpoolBroken)
		}
	}
	return r, d.done()
}

func (s *spool) close() error { return s.f.Close() }

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// A message (a note's, a row error's) is kept as its type's name and
// its fields in JSON. The types a source.Reader says of a row are
// registered below; one that is not (or that holds an error, which JSON
// cannot keep) is kept as its English words. They are rare: a row that
// can be read has none.
var spooledMessages = map[string]reflect.Type{}

func init() {
	for _, m := range []msg.Message{msg.Verbatim{}, msg.StrayQuote{}, msg.UnclosedQuote{}, msg.NotUTF8{},
		msg.UndefinedByte{}, msg.BrokenCharacter{}, msg.TooManyCells{}, msg.CellTooLong{},
		msg.CellPastLastColumn{}, msg.EditedOnPage{}} {
		t := reflect.TypeOf(m)
		spooledMessages[t.Name()] = t
	}
}

func appendMessage(b []byte, m msg.Message) []byte {
	t := reflect.TypeOf(m)
	js, err := json.Marshal(m)
	if t == nil || spooledMessages[t.Name()] != t || err != nil {
		t = reflect.TypeOf(msg.Verbatim{})
		js, _ = json.Marshal(msg.Verbatim{Text: msg.English.Say(m)})
	}
	b = appendString(b, t.Name())
	return appendString(b, string(js))
}

// decoder reads what spool.add wrote; a short or broken record is its
// first error.
type decoder struct {
	r    *bufio.Reader
	text []byte // a row's cells, read
	ends []int  // where each ends in text
	buf  []byte // a kept mapping, read
	err  error
}

var errSpoolBroken = errors.New("the rows kept on disk for this run cannot be read back")

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.fail(err)
	return v
}

// count is a count of things still to read: no more than bytes could be
// left, so that a broken spool cannot ask for a huge allocation.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > 1<<24 {
		d.fail(errSpoolBroken)
		return 0
	}
	return int(n)
}

func (d *decoder) byte() byte {
	if d.err != nil {
		return 0
	}
	c, err := d.r.ReadByte()
	d.fail(err)
	return c
}

func (d *decoder) string() string {
	n := d.count()
	if d.err != nil || n == 0 {
		return ""
	}
	b := make([]byte, n)
	_, err := io.ReadFull(d.r, b)
	d.fail(err)
	return string(b)
}

// cells reads a row's cells into one string, as encoding/csv makes them:
// an allocation a row, not one a cell.
func (d *decoder) cells() []string {
	n := d.count()
	if n == 0 || d.err != nil {
		return nil
	}
	d.ends = slices.Grow(d.ends[:0], n)[:n]
	ends := d.ends
	d.text = d.text[:0]
	for i := range ends {
		size := d.count()
		if d.err != nil {
			return nil
		}
		at := len(d.text)
		d.text = append(d.text, make([]byte, size)...)
		if _, err := io.ReadFull(d.r, d.text[at:]); err != nil {
			d.fail(err)
			return nil
		}
		ends[i] = len(d.text)
	}
	all := string(d.text)
	cells := make([]string, n)
	start := 0
	for i, end := range ends {
		cells[i], start = all[start:end], end
	}
	return cells
}

// bytes reads a length and as many bytes, into a buffer that the next
// call reuses.
func (d *decoder) bytes() []byte {
	n := d.count()
	if d.err != nil {
		return nil
	}
	d.buf = slices.Grow(d.buf[:0], n)[:n]
	_, err := io.ReadFull(d.r, d.buf)
	d.fail(err)
	return d.buf
}

func (d *decoder) message() msg.Message {
	name, js := d.string(), d.string()
	if d.err != nil {
		return nil
	}
	t, ok := spooledMessages[name]
	if !ok {
		d.fail(errSpoolBroken)
		return nil
	}
	m := reflect.New(t)
	d.fail(json.Unmarshal([]byte(js), m.Interface()))
	return m.Elem().Interface().(msg.Message)
}

// done is the record's error: a spool cut short is broken, not ended.
func (d *decoder) done() error {
	if errors.Is(d.err, io.EOF) || errors.Is(d.err, io.ErrUnexpectedEOF) {
		return errSpoolBroken
	}
	return d.err
}

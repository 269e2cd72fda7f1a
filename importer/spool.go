package importer

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"sync/atomic"

	"leadimport/importer/msg"
	"leadimport/importer/report"
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
// mapping made of it when the row is clean (mapping.Mapped.Clean), so
// that it is not mapped again: kept in binary (mapping) and read back
// into mapped, or, for a check that shows no lead (changesOnly), kept
// and read back as its changes' text in the report (changesText). A
// check whose report is CSV keeps instead a clean row's line as the
// report writes it, all but the outcome (report.CSVLine): mapping holds
// its head, of head bytes, and then its changes field, read back into
// line, which points into the block it was read from (blk); its cells
// are not kept, only its number. (csvHead and csvChanges are line's
// copies, for a row that is not written as it stands: see file.read.)
type spooledRow struct {
	row         source.Row
	err         *source.RowError
	sent        bool
	response    string // the report input's contact id of a row sent
	clean       bool
	mapping     []byte
	head        int
	mapped      *mapping.Mapped
	changesText string
	line        report.PreLine
	blk         *block
	csvHead     string
	csvChanges  string
}

// block is a piece of the spool read back: whole records, decrypted. The
// lines of the clean rows in it point into it rather than being copied
// out (spooledRow.line), so it is shared by the reader and the fast lanes
// that hold its rows; it goes back to the read-ahead, to be filled again,
// once the reader is past it and each lane that holds rows of it is
// written. A row that is not written as it stands copies what it keeps.
type block struct {
	b    []byte
	refs atomic.Int32 // the reader's, and one for each lane
	free chan<- *block
}

// hold keeps the block for one more holder.
func (b *block) hold() { b.refs.Add(1) }

// release lets go of it; the last holder gives it back.
func (b *block) release() {
	if b.refs.Add(-1) == 0 {
		select {
		case b.free <- b:
		default:
		}
	}
}

// spool writes rows to a scratch file as they are read, and reads them
// back in order.
type spool struct {
	f     *scratch.File
	buf   []byte   // rows not yet written
	cur   *block   // the block being read
	rest  []byte   // its records not yet handed out (record)
	cells []string // room for the cells of the rows still to read
	// ahead brings the blocks the read-ahead (rewind) read and decrypted
	// beside the run, in blocks given back to free when there are some;
	// quit stops it, and it closes aheadDone once it is done.
	ahead     chan aheadBlock
	free      chan *block
	quit      chan struct{}
	aheadDone chan struct{}
	err       error // the first failure: every call after it fails so
	rowsRead  int   // rows read back
	// changesOnly: a check that shows no lead (a CSV or XLSX report)
	// needs only a clean row's changes, as its report words them: all
	// that is kept of its mapping (report.AppendChangesText).
	changesOnly bool
}

// spoolFlush is how much a spool gathers before it writes.
const spoolFlush = 256 << 10

func newSpool(dir string, changesOnly bool) (*spool, error) {
	f, err := scratch.New(dir, ".leadimport-rows-*")
	if err != nil {
		return nil, err
	}
	return &spool{f: f, changesOnly: changesOnly}, nil
}

const (
	tagRow byte = iota
	tagRowError
	tagLine // a clean row's line (spooledRow.head)
)

// add keeps a row.
func (s *spool) add(r *spooledRow) error {
	if s.err != nil {
		return s.err
	}
	// Each record after its size, so that it is read back in one piece:
	// four bytes, filled in once the record is written after them.
	at := len(s.buf)
	b := append(s.buf, 0, 0, 0, 0)
	switch {
	case r.err != nil:
		b = append(b, tagRowError)
		b = binary.AppendUvarint(b, uint64(r.err.Row))
		b = appendString(b, r.err.File)
		b = appendMessage(b, msg.Of(r.err.Err))
	case r.clean && r.head > 0:
		b = append(b, tagLine)
		b = binary.AppendUvarint(b, uint64(r.row.Number))
		b = appendBytes(b, r.mapping[:r.head])
		b = appendBytes(b, r.mapping[r.head:])
	default:
		b = append(b, tagRow, boolByte(r.clean))
		b = binary.AppendUvarint(b, uint64(len(r.mapping)))
		b = append(b, r.mapping...)
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
		b = append(b, boolByte(r.sent))
		b = appendString(b, r.response)
	}
	binary.LittleEndian.PutUint32(b[at:], uint32(len(b)-at-4))
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

// aheadBlock is a block of whole records, read ahead, or the error that
// ended the reading (io.EOF at the end).
type aheadBlock struct {
	records *block
	err     error
}

// spareBlocks is how many blocks given back are kept to be filled again:
// as many as are read ahead and held by the lanes in flight, about.
const spareBlocks = 8

// rewind writes what is left and starts reading from the first row. A
// goroutine of its own reads and decrypts the blocks ahead of the run,
// a few at a time, so that the run only decodes them: the reading and
// the run's writing of the report share the cores.
func (s *spool) rewind() error {
	if err := s.flush(); err != nil {
		return err
	}
	s.buf = nil
	s.readFrom(s.f.Reader(0, s.f.Size()))
	return nil
}

// readFrom starts the read-ahead of the records in r, after stopping
// one that was under way.
func (s *spool) readFrom(from io.Reader) {
	s.stopAhead()
	s.ahead, s.quit, s.aheadDone = make(chan aheadBlock, 2), make(chan struct{}), make(chan struct{})
	s.free = make(chan *block, spareBlocks)
	r := bufio.NewReaderSize(from, 64<<10)
	ahead, free, quit := s.ahead, s.free, s.quit
	go func() {
		defer close(s.aheadDone)
		defer close(ahead) // a read after the last is io.EOF, not a wait
		for {
			var blk *block
			select {
			case blk = <-free:
			default:
				blk = &block{free: free}
			}
			var err error
			blk.b, err = readBlock(r, blk.b[:0])
			blk.refs.Store(1) // the reader's
			select {
			case ahead <- aheadBlock{blk, err}:
			case <-quit:
				return
			}
			if err != nil {
				return
			}
		}
	}()
}

// stopAhead stops the read-ahead, if one was started, and waits for it.
func (s *spool) stopAhead() {
	if s.quit != nil {
		close(s.quit)
		<-s.aheadDone
		s.ahead, s.quit = nil, nil
	}
}

// spoolFailsAt, when not negative, is the row a spool's next fails at,
// as a disk that fails would make it: a test's.
var spoolFailsAt = -1

// next reads the next row; io.EOF after the last.
func (s *spool) next() (spooledRow, error) {
	if s.rowsRead == spoolFailsAt {
		s.err = errSpoolBroken
	}
	s.rowsRead++
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
	rec, err := s.record()
	switch {
	case err == io.EOF:
		return r, err // the end, between two rows
	case err != nil, len(rec) == 0, rec[0] > tagLine:
		return r, errSpoolBroken
	}
	if rec[0] == tagLine {
		// A clean row's line points into its block (spooledRow.line).
		return r, s.readLine(&r, rec[1:])
	}
	// The row's text, and a clean row's changes, are parts of one string
	// made of rec: its cells are, and so are its changes' words in a check.
	tag := rec[0]
	d := decoder{s: string(rec[1:])}
	if tag == tagRowError {
		number := int(d.uvarint())
		r.err = &source.RowError{Row: number, File: d.string()}
		r.err.Err = msg.Error(d.message())
		return r, d.done()
	}
	r.clean = d.byte() == 1
	kept := d.string()
	r.row.Number = int(d.uvarint())
	if n := d.count(); n > 0 {
		r.row.Cells = s.cellSlice(n)
		for i := range r.row.Cells {
			r.row.Cells[i] = d.string()
		}
	}
	for n := d.count(); n > 0 && d.err == nil; n-- {
		r.row.Notes = append(r.row.Notes, source.Note{Column: d.string(), Value: d.string(), Message: d.message()})
	}
	r.sent = d.byte() == 1
	r.response = d.string()
	switch {
	case !r.clean || d.err != nil:
	case s.changesOnly:
		r.changesText = kept
	default:
		r.mapped = new(mapping.Mapped)
		if r.mapped.UnmarshalBinary([]byte(kept)) != nil {
			d.fail(errSpoolBroken)
		}
	}
	return r, d.done()
}

// readLine reads a clean row's line (tagLine): its number, then its
// head and its changes field, which stay where they are, in the block.
func (s *spool) readLine(r *spooledRow, rec []byte) error {
	number, n := binary.Uvarint(rec)
	if n <= 0 {
		return errSpoolBroken
	}
	rec = rec[n:]
	var parts [2][]byte
	for i := range parts {
		size, n := binary.Uvarint(rec)
		if n <= 0 || size > uint64(len(rec)-n) {
			return errSpoolBroken
		}
		parts[i], rec = rec[n:n+int(size)], rec[n+int(size):]
	}
	if len(parts[0]) == 0 || len(rec) > 0 {
		return errSpoolBroken
	}
	r.clean, r.row.Number = true, int(number)
	r.line, r.blk = report.PreLine{Head: parts[0], Changes: parts[1]}, s.cur
	return nil
}

// record is the next record, read from the current block (fill).
func (s *spool) record() ([]byte, error) {
	if len(s.rest) == 0 {
		if err := s.fill(); err != nil {
			return nil, err
		}
	}
	b := s.rest
	size := int(binary.LittleEndian.Uint32(b)) // as add put it
	rec := b[4 : 4+size]
	s.rest = b[4+size:]
	return rec, nil
}

// fill moves to the next block of whole records, as the read-ahead read
// it, and lets go of the last; io.EOF at the end, between two records.
func (s *spool) fill() error {
	if s.cur != nil {
		s.cur.release()
		s.cur = nil
	}
	b, ok := <-s.ahead
	switch {
	case !ok:
		return io.EOF // the end was handed out already
	case b.err != nil:
		return b.err
	}
	s.cur, s.rest = b.records, b.records.b
	return nil
}

// readBlock reads the next whole records into dst: as many as r holds,
// at least one; io.EOF at the end, between two records. A record longer
// than r's buffer comes alone.
func readBlock(r *bufio.Reader, dst []byte) ([]byte, error) {
	head, err := r.Peek(4)
	switch {
	case err == io.EOF && len(head) == 0:
		return dst, io.EOF
	case err != nil:
		return dst, errSpoolBroken
	}
	size := binary.LittleEndian.Uint32(head)
	if size > maxSpooledRow {
		return dst, errSpoolBroken
	}
	if 4+int(size) > r.Size() {
		// Read as it comes, not made its size first: a broken size may be
		// gigabytes that are not there.
		rec, err := io.ReadAll(io.LimitReader(r, 4+int64(size)))
		if err != nil || len(rec) != 4+int(size) {
			return dst, errSpoolBroken
		}
		return rec, nil
	}
	if _, err := r.Peek(4 + int(size)); err != nil {
		return dst, errSpoolBroken
	}
	buf, _ := r.Peek(r.Buffered())
	n := 0 // the whole records of buf
	for n+4 <= len(buf) {
		end := n + 4 + int(binary.LittleEndian.Uint32(buf[n:]))
		if end > len(buf) { // not all here (or broken: for the next fill to say)
			break
		}
		n = end
	}
	dst = append(dst, buf[:n]...)
	r.Discard(n) // cannot fail: buffered
	return dst, nil
}

// cellSlice is room for a row's n cells: a part of a slice made for
// many rows, one allocation where there would be one a row. A part holds
// its rows' text for as long as any of them is kept, a few dozen rows.
func (s *spool) cellSlice(n int) []string {
	if len(s.cells) < n {
		s.cells = make([]string, max(n, 1024))
	}
	c := s.cells[:n:n]
	s.cells = s.cells[n:]
	return c
}

// maxSpooledRow bounds a row's record as read back: more than any row a
// source reads (16,384 cells of 32,767 characters), so a broken spool
// cannot ask for more.
const maxSpooledRow = 16384 * (32767*4 + 8)

// close stops the read-ahead, if it was started, and removes the file.
func (s *spool) close() error {
	s.stopAhead()
	return s.f.Close()
}

func boolByte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBytes(b, s []byte) []byte {
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

// decoder reads a record spool.add wrote; a short or broken record is
// its first error.
type decoder struct {
	s   string // what is left of the record
	err error
}

var errSpoolBroken = errors.New("the rows kept on disk for this run cannot be read back")

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uvarint() uint64 {
	if len(d.s) > 0 && d.s[0] < 0x80 {
		v := d.s[0]
		d.s = d.s[1:]
		return uint64(v)
	}
	var v uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.s = d.s[i+1:]
			return v
		}
	}
	d.fail(errSpoolBroken)
	return 0
}

// count is a length or a number of things still to read: no more than
// bytes are left, so that a broken record cannot ask for a huge
// allocation.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		d.fail(errSpoolBroken)
		return 0
	}
	return int(n)
}

func (d *decoder) byte() byte {
	if d.err != nil || d.s == "" {
		d.fail(errSpoolBroken)
		return 0
	}
	c := d.s[0]
	d.s = d.s[1:]
	return c
}

func (d *decoder) string() string {
	// Most are shorter than 128 bytes: their length is one byte.
	if len(d.s) > 0 && int(d.s[0]) < min(0x80, len(d.s)) {
		n := 1 + int(d.s[0])
		v := d.s[1:n]
		d.s = d.s[n:]
		return v
	}
	n := d.count()
	if d.err != nil {
		return ""
	}
	v := d.s[:n]
	d.s = d.s[n:]
	return v
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

// done is the record's error: one with bytes left over is broken too.
func (d *decoder) done() error {
	if d.err == nil && d.s != "" {
		d.err = errSpoolBroken
	}
	if d.err != nil {
		return errSpoolBroken
	}
	return nil
}

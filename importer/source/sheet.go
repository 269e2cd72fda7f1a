package source

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"leadimport/importer/msg"
)

// maxRows is the last row Excel has.
const maxRows = 1 << 20

// maxTokenBytes bounds the text between two '>' in a part. encoding/xml
// holds a whole token in memory, and a cell of 32,767 characters, each
// escaped as "&quot;", takes about 200 KiB; 4 MiB leaves room for any
// real cell while one endless token cannot take the memory the unpacked
// size allows.
const maxTokenBytes = 4 << 20

var errTokenTooLong = msg.Error(msg.XMLTokenTooLong{})

// errCellTooLong: a cell's text passes maxTokenBytes, though no one
// token does: rich text's runs, each short, put together. Without it a
// small file's cell could take the memory its unpacked size allows.
var errCellTooLong = msg.Error(msg.CellTextTooLong{})

// tokenGuard refuses a part with a run of maxTokenBytes without a '>'.
type tokenGuard struct {
	r   io.Reader
	run int
}

func (g *tokenGuard) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	first := bytes.IndexByte(p[:n], '>')
	if first < 0 {
		first = n
	}
	if g.run+first > maxTokenBytes {
		// None of p goes on, so the decoder cannot finish the token.
		return 0, errTokenTooLong
	}
	if i := bytes.LastIndexByte(p[:n], '>'); i >= 0 {
		g.run = n - i - 1
	} else {
		g.run += n
	}
	return n, err
}

// sheetReader reads a sheet's rows as a stream of XML tokens, one row at a
// time, so memory does not grow with the sheet.
type sheetReader struct {
	book *workbook
	src  io.ReadCloser
	w    *xmlScanner
	last int // the last row's number
	done bool
	buf  []byte // a cell's text, reused
	ref  []byte // a cell's reference, reused
	// noStrings counts the shared-string cells without a string,
	// firstNoString is the first's reference.
	noStrings     int
	firstNoString string
}

func (s *sheetReader) close() error {
	if s.src == nil {
		return nil
	}
	err := s.src.Close()
	s.src = nil
	return err
}

// next returns the next row element's cells, in column order with empty
// cells where the sheet has none. A row over Excel's limits is a
// *RowError without File, read to its end so the next row can follow.
func (s *sheetReader) next() (Row, error) {
	if s.done {
		return Row{}, io.EOF
	}
	for {
		k, err := s.w.next()
		if err == io.EOF {
			s.done = true
			return Row{}, io.EOF
		}
		if err != nil {
			return Row{}, err
		}
		switch {
		case k == tokStart && string(s.w.local) == "row":
			return s.row()
		case k == tokEnd && string(s.w.local) == "sheetData":
			s.done = true
			return Row{}, io.EOF
		}
	}
}

// row reads a row element, whose start tag was read last. Row numbers
// come from its r attribute; one without it, or out of order, follows the
// row before. A row the file breaks off in is not the last read: the
// error that says where the reading stopped names the row before it.
func (s *sheetReader) row() (Row, error) {
	num, err := atoi(s.w.attr("r"))
	if err != nil || num <= s.last {
		num = s.last + 1
	}
	if num > maxRows {
		return Row{}, msg.Error(msg.PastLastRow{Row: num, Max: maxRows})
	}
	r, err := s.cells(num)
	var rowErr *RowError
	if err == nil || errors.As(err, &rowErr) {
		s.last = num // read to its end
	}
	return r, err
}

// cells reads the cells of row num, up to its end tag.
func (s *sheetReader) cells(num int) (Row, error) {
	var (
		cells []string
		col   int
		bad   error // the first problem; the row is read to its end anyway
	)
	for {
		k, err := s.w.next()
		if err != nil {
			return Row{}, err
		}
		switch k {
		case tokStart:
			if string(s.w.local) != "c" {
				if err := s.w.skip(); err != nil {
					return Row{}, err
				}
				continue
			}
			c, err := s.cell()
			if err != nil {
				return Row{}, err
			}
			if n, _, ok := parseCellRef(c.ref); ok && n > col {
				col = n
			} else {
				col++
			}
			if bad != nil {
				continue
			}
			if col > maxCells {
				bad = msg.Error(msg.CellPastLastColumn{Column: columnLetter(col)}, ErrTooLarge)
				continue
			}
			if c.noString {
				if s.noStrings++; s.noStrings == 1 {
					s.firstNoString = columnLetter(col) + strconv.Itoa(num)
				}
			}
			v := c.value
			if !c.text {
				v = cellValue(c.typ, c.value, s.format(c.style), s.book.date1904)
			}
			if len(v) > maxCellChars && utf8.RuneCountInString(v) > maxCellChars {
				bad = msg.Error(msg.CellTooLong{Column: columnLetter(col), Len: utf8.RuneCountInString(v)}, ErrTooLarge)
				continue
			}
			if v == "" {
				continue
			}
			for len(cells) < col-1 {
				cells = append(cells, "")
			}
			if !c.text && v == c.value {
				v = strings.Clone(v) // c.value is s.buf's
			}
			cells = append(cells, v)
		case tokEnd:
			if bad != nil {
				return Row{}, &RowError{Row: num, Err: bad}
			}
			return Row{Number: num, Cells: cells}, nil
		}
	}
}

// atoi is strconv.Atoi of b, without a copy of b where it is a few digits.
func atoi(b []byte) (int, error) {
	if len(b) > 0 && len(b) < 10 {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return strconv.Atoi(string(b))
			}
			n = n*10 + int(c-'0')
		}
		return n, nil
	}
	return strconv.Atoi(string(b))
}

// rawCell is a c element as the file has it.
type rawCell struct {
	ref   []byte // valid until the next token
	typ   string
	value string // for a number, s.buf's bytes
	style int
	// noString: a shared-string cell without a string the workbook has.
	noString bool
	// text: value is the cell's text, as cellValue would return it, a
	// string of its own.
	text bool
}

// cellTypes are the c element's t attributes Excel writes, so that a
// cell's type costs no string of its own.
var cellTypes = []string{"s", "str", "inlineStr", "n", "b", "d", "e"}

func cellType(b []byte) string {
	for _, t := range cellTypes {
		if string(b) == t {
			return t
		}
	}
	return string(b)
}

// cell reads a c element, whose start tag was read last: its value is the
// v element (for a shared string the string it points to), or the text
// of an inline string, whose v, if it has one, is not part of it. A
// formula's value is its cached result, in v; the formula itself is
// skipped. Text is unescaped as ST_Xstring says (see unescapeXstring): an
// inline string's runs, and a formula's string result.
func (s *sheetReader) cell() (rawCell, error) {
	c := rawCell{typ: cellType(s.w.attr("t"))}
	s.ref = append(s.ref[:0], s.w.attr("r")...)
	c.ref = s.ref
	c.style, _ = atoi(s.w.attr("s"))
	inline := c.typ == "inlineStr"
	var (
		inV   bool
		inT   bool
		from  int // where the text of the t element read began
		inPh  int
		hasV  bool
		depth = 1
	)
	s.buf = s.buf[:0]
	for depth > 0 {
		k, err := s.w.next()
		if err != nil {
			return c, err
		}
		switch k {
		case tokStart:
			depth++
			switch string(s.w.local) {
			case "v":
				inV, hasV = !inline, true
			case "t":
				inT, from = inline && inPh == 0, len(s.buf)
			case "rPh":
				inPh++
			case "f":
				if err := s.w.skip(); err != nil {
					return c, err
				}
				depth--
			}
		case tokEnd:
			depth--
			switch string(s.w.local) {
			case "v":
				inV = false
			case "t":
				if inT {
					s.buf = unescapeXstring(s.buf, from)
				}
				inT = false
			case "rPh":
				inPh--
			}
		case tokText:
			if inV || inT {
				if len(s.buf)+len(s.w.text) > maxTokenBytes {
					return c, errCellTooLong
				}
				s.buf = append(s.buf, s.w.text...)
			}
		}
	}
	switch c.typ {
	case "s":
		c.text = true
		i, ok := sharedIndex(s.buf)
		if !hasV || !ok || i >= s.book.sst.len() {
			// Excel shows such a cell empty (some generators, and
			// Tencent's office suite, write t="s" with no v): so is it
			// read, and counted for the warning.
			c.noString = true
			return c, nil
		}
		c.value = s.book.sst.at(i)
	case "str":
		c.text = true
		c.value = string(unescapeXstring(s.buf, 0))
	case "inlineStr", "e":
		c.text = true
		c.value = string(s.buf)
	default:
		// cellValue reads a number into a string of its own; where it
		// returns the value as it is, row copies it.
		c.value = unsafe.String(unsafe.SliceData(s.buf), len(s.buf))
	}
	return c, nil
}

// sharedIndex reads a shared-string cell's index.
func sharedIndex(b []byte) (int, bool) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || len(b) > 10 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func (s *sheetReader) format(style int) numFormat {
	if style < 0 || style >= len(s.book.formats) {
		return numFormat{}
	}
	return s.book.formats[style]
}

// parseCellRef splits a cell reference such as "B12" into column and row.
func parseCellRef[S ~string | ~[]byte](ref S) (col, row int, ok bool) {
	i := 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
	}
	if i == 0 || i > 3 {
		return 0, 0, false
	}
	row, err := atoi([]byte(ref[i:]))
	if err != nil || row < 1 || row > maxRows {
		return 0, 0, false
	}
	return col, row, true
}

// cellRange is a merged area, 1-based and inclusive.
type cellRange struct{ left, top, right, bottom int }

// maxMerges bounds how many merged areas are kept; a real sheet has a
// handful.
const maxMerges = 100_000

// readMerges finds the sheet's merged areas. They are listed after the
// rows, so they are read in a pass of their own over the sheet, before its
// rows: rather than parse the whole sheet as XML, it looks for the name
// mergeCell, and at each '<' in the 32 bytes before it, as a tag's start
// (every '<' in the part starts a tag, as text escapes it), takes the
// tag's name: to the first space, '/' or '>' within them, after a prefix
// and its colon. A mergeCell's tag is read to its '>', within 64 KiB.
func readMerges(open func(string) (io.ReadCloser, error), part string) ([]cellRange, error) {
	rc, err := open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	const (
		peek   = 32       // the bytes after a '<' its name is looked for in
		maxTag = 64 << 10 // the bytes after a '<' its '>' is looked for in
	)
	m := &mergeScan{r: rc, buf: make([]byte, 4*maxTag)}
	var merges []cellRange
	for len(merges) < maxMerges {
		i := bytes.Index(m.buf[m.pos:m.end], []byte("mergeCell"))
		if i < 0 {
			if m.eof {
				return merges, m.err
			}
			m.pos = max(m.pos, m.end-len("mergeCell")-peek)
			if err := m.more(); err != nil {
				return nil, err
			}
			continue
		}
		// No '<' before the window can start a mergeCell's name.
		m.pos += max(0, i-peek)
		i = min(i, peek)
		if err := m.ensure(i + len("mergeCell") + peek); err != nil {
			return nil, err
		}
		found := -1
		for p := m.pos; p < m.pos+i; p++ {
			if m.buf[p] == '<' && isMergeCellTag(m.buf[p+1:min(p+1+peek, m.end)]) {
				found = p - m.pos
				break
			}
		}
		if found < 0 {
			m.pos += i + 1
			continue
		}
		if err := m.ensure(found + 1 + maxTag); err != nil {
			return nil, err
		}
		found += m.pos
		from := found + 1
		tail := m.buf[from:min(from+maxTag, m.end)]
		gt := bytes.IndexByte(tail, '>')
		switch {
		case gt >= 0:
			tail = tail[:gt+1]
		case len(tail) == maxTag:
			m.pos = from + maxTag // a tag longer than that is no mergeCell of Excel's
			continue
		}
		m.pos = from + len(tail)
		if c, ok := parseMerge(tail); ok {
			merges = append(merges, c)
		}
	}
	return merges, nil
}

// isMergeCellTag reports whether the bytes after a '<' start a mergeCell
// tag, as readMerges says.
func isMergeCellTag(b []byte) bool {
	end := bytes.IndexAny(b, " \t\r\n/>")
	if end < 0 {
		return false
	}
	name := b[:end]
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return string(name) == "mergeCell"
}

// mergeScan holds what readMerges has read of a part and not passed.
type mergeScan struct {
	r        io.Reader
	buf      []byte
	pos, end int
	eof      bool  // r has no more
	err      error // r's error, other than io.EOF
}

// more reads more of the part into buf, keeping buf[pos:end]; an error
// other than the end of the part is returned.
func (m *mergeScan) more() error {
	if m.eof {
		return nil
	}
	m.end = copy(m.buf, m.buf[m.pos:m.end])
	m.pos = 0
	for m.end < len(m.buf) {
		n, err := m.r.Read(m.buf[m.end:])
		m.end += n
		if err == io.EOF {
			m.eof = true
			return nil
		}
		if err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
	}
	return nil
}

// ensure reads until n bytes from pos are in buf, or the part ends.
// buf[pos:] moves to buf's start, so positions before are m.pos-relative.
func (m *mergeScan) ensure(n int) error {
	for m.end-m.pos < n && !m.eof {
		if err := m.more(); err != nil {
			return err
		}
	}
	return nil
}

// parseMerge reads the ref attribute of a mergeCell tag: `ref="A1:C1"`.
func parseMerge(tag []byte) (cellRange, bool) {
	i := bytes.Index(tag, []byte(`ref=`))
	if i < 0 || i+5 > len(tag) {
		return cellRange{}, false
	}
	q := tag[i+4]
	rest := tag[i+5:]
	j := bytes.IndexByte(rest, q)
	if j < 0 {
		return cellRange{}, false
	}
	from, to, ok := strings.Cut(string(rest[:j]), ":")
	if !ok {
		to = from
	}
	l, t, ok1 := parseCellRef(strings.ReplaceAll(from, "$", ""))
	r, b, ok2 := parseCellRef(strings.ReplaceAll(to, "$", ""))
	if !ok1 || !ok2 || r < l || b < t {
		return cellRange{}, false
	}
	return cellRange{left: l, top: t, right: r, bottom: b}, true
}

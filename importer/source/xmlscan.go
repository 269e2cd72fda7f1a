package source

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tokKind is what an xmlScanner token is.
type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// xmlScanner reads the elements and text of a large part (a sheet, the
// shared strings) several times as fast as encoding/xml, without an
// allocation a token. It reads the XML Excel and other programs write
// itself: tags with ASCII names and attributes, text with the five
// predefined entities and character references, UTF-8. At anything else
// (a comment, CDATA, a DTD, a carriage return, a name or value it does
// not check itself, a syntax error) it hands the rest of the part to
// encoding/xml, replaying the open elements' start tags and the lines
// read before, so that what is read, and any error with its line, is
// what encoding/xml alone would give.
//
// The token's slices (local, text, attribute values) are valid until the
// next call of next.
type xmlScanner struct {
	src   io.Reader
	buf   []byte
	pos   int   // the next byte to read
	end   int   // the end of the bytes read into buf
	rerr  error // src's error, met when buf[pos:end] is used up
	lines int   // the newlines in the bytes dropped from buf

	kind  tokKind
	local []byte // a start or end tag's local name
	text  []byte // char data
	attrs []scanAttr

	// The open elements' names, joined, and where each begins.
	open      []byte
	openAt    []int
	selfClose bool // the start tag read was <name/>: its end is next

	scratch []byte     // text with entities, decoded
	dec     *xmlWalker // encoding/xml, once the scanner has handed over
	decAttr []xml.Attr
}

type scanAttr struct{ local, value []byte }

const scanChunk = 64 << 10

func newScanner(r io.Reader) *xmlScanner {
	return &xmlScanner{src: r, buf: make([]byte, scanChunk)}
}

// attr is the value of the token's first attribute whose local name is
// name, as attr says for encoding/xml's.
func (s *xmlScanner) attr(name string) []byte {
	if s.dec != nil {
		for _, a := range s.decAttr {
			if a.Name.Local == name {
				return []byte(a.Value)
			}
		}
		return nil
	}
	for _, a := range s.attrs {
		if string(a.local) == name {
			return a.value
		}
	}
	return nil
}

// next reads the next start tag, end tag or text; comments, processing
// instructions and directives are passed over. At the end of the part it
// is io.EOF.
func (s *xmlScanner) next() (tokKind, error) {
	if s.dec != nil {
		return s.decNext()
	}
	if s.selfClose {
		s.selfClose = false
		s.kind = tokEnd
		return tokEnd, nil // local is still the start tag's
	}
	s.scratch = s.scratch[:0]
	for {
		if s.pos == s.end && !s.fill() {
			if s.rerr != io.EOF {
				return 0, s.rerr
			}
			if len(s.openAt) > 0 {
				return s.handOver() // encoding/xml's "unexpected EOF"
			}
			return 0, io.EOF
		}
		if s.buf[s.pos] != '<' {
			ok, err := s.charData()
			if err != nil {
				return 0, err
			}
			if !ok {
				return s.handOver()
			}
			s.kind = tokText
			return tokText, nil
		}
		if s.end-s.pos < 2 && !s.fill() && s.end-s.pos < 2 {
			return s.handOver()
		}
		switch s.buf[s.pos+1] {
		case '/':
			ok, err := s.endTag()
			if err != nil {
				return 0, err
			}
			if !ok {
				return s.handOver()
			}
			s.kind = tokEnd
			return tokEnd, nil
		case '?':
			ok, err := s.procInst()
			if err != nil {
				return 0, err
			}
			if !ok {
				return s.handOver()
			}
			continue
		case '!':
			return s.handOver()
		}
		ok, err := s.startTag()
		if err != nil {
			return 0, err
		}
		if !ok {
			return s.handOver()
		}
		s.kind = tokStart
		return tokStart, nil
	}
}

// fill reads more of src into buf, keeping buf[pos:end]; false when
// src has no more (rerr says why).
func (s *xmlScanner) fill() bool {
	if s.rerr != nil {
		return false
	}
	if s.pos > 0 {
		s.lines += bytes.Count(s.buf[:s.pos], []byte{'\n'})
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if len(s.buf)-s.end < scanChunk/2 {
		s.buf = append(s.buf[:s.end], make([]byte, len(s.buf))...)
		s.buf = s.buf[:cap(s.buf)]
	}
	for {
		n, err := s.src.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.rerr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// find is where c is in buf from pos+from on, relative to pos, reading
// more as needed; -1 when the part ends first.
func (s *xmlScanner) find(c byte, from int) int {
	for {
		if i := bytes.IndexByte(s.buf[s.pos+from:s.end], c); i >= 0 {
			return from + i
		}
		from = s.end - s.pos
		if !s.fill() {
			return -1
		}
	}
}

// charData reads the text at pos, up to the next '<' or the end of the
// part; false, with nothing read, for text it leaves to encoding/xml.
func (s *xmlScanner) charData() (bool, error) {
	n := s.find('<', 0)
	if n < 0 {
		if s.rerr != io.EOF {
			return false, s.rerr
		}
		n = s.end - s.pos
	}
	raw := s.buf[s.pos : s.pos+n]
	amp, wide, bracket := false, false, false
	for _, c := range raw {
		switch {
		case c >= 0x80:
			wide = true
		case c == '&':
			amp = true
		case c == ']':
			bracket = true
		case c < 0x20 && c != '\n' && c != '\t':
			return false, nil // \r, which XML turns into \n, and what it refuses
		}
	}
	if wide && !validXMLText(raw) || bracket && bytes.Contains(raw, []byte("]]>")) {
		return false, nil
	}
	s.text = raw
	if amp {
		var ok bool
		if s.text, ok = decodeEntities(s.scratch[:0], raw); !ok {
			return false, nil
		}
		s.scratch = s.text
	}
	s.pos += n
	return true, nil
}

// validXMLText reports whether b is UTF-8 of characters XML allows,
// given that its ASCII is (U+FFFE and U+FFFF are the others it refuses
// among those UTF-8 can write).
func validXMLText(b []byte) bool {
	return utf8.Valid(b) && !bytes.Contains(b, []byte("\uFFFE")) && !bytes.Contains(b, []byte("\uFFFF"))
}

// decodeEntities appends raw to dst with its entity and character
// references replaced; false at one encoding/xml would refuse, or read
// otherwise than as written here.
func decodeEntities(dst, raw []byte) ([]byte, bool) {
	for {
		i := bytes.IndexByte(raw, '&')
		if i < 0 {
			return append(dst, raw...), true
		}
		dst = append(dst, raw[:i]...)
		raw = raw[i+1:]
		semi := bytes.IndexByte(raw, ';')
		if semi < 0 || semi > 10 {
			return dst, false
		}
		switch ref := raw[:semi]; string(ref) {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "apos":
			dst = append(dst, '\'')
		case "quot":
			dst = append(dst, '"')
		default:
			r, ok := charRef(ref)
			if !ok {
				return dst, false
			}
			dst = utf8.AppendRune(dst, r)
		}
		raw = raw[semi+1:]
	}
}

// charRef reads the character reference ref ("#65", "#x41"), when it is
// of a character XML allows.
func charRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' {
		return 0, false
	}
	digits, base := ref[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if len(digits) == 0 || len(digits) > 8 {
		return 0, false
	}
	for _, c := range digits {
		if !('0' <= c && c <= '9' || base == 16 && ('a' <= c && c <= 'f' || 'A' <= c && c <= 'F')) {
			return 0, false
		}
	}
	n, err := strconv.ParseUint(string(digits), base, 32)
	r := rune(n)
	if err != nil || !(r == '\t' || r == '\n' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
		return 0, false // and \r, which is kept as it is, left to encoding/xml
	}
	return r, true
}

// isNameStart and isNameChar are the ASCII bytes an XML name may start
// with and go on with; a name with any other byte is left to
// encoding/xml.
func isNameStart(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

func isNameChar(c byte) bool {
	return isNameStart(c) || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ':'
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// name reads an XML name at b's start: how long it is and where its local
// part begins; 0 for none this scanner reads (one colon at most, inside).
func name(b []byte) (n, local int) {
	if len(b) == 0 || !isNameStart(b[0]) {
		return 0, 0
	}
	n = 1
	for n < len(b) && isNameChar(b[n]) {
		if b[n] == ':' {
			if local != 0 {
				return 0, 0
			}
			local = n + 1
		}
		n++
	}
	if local == n {
		return 0, 0
	}
	return n, local
}

// startTag reads a start tag at pos; false, with nothing read, for one it
// leaves to encoding/xml.
func (s *xmlScanner) startTag() (bool, error) {
	// A '>' in an attribute's value does not end the tag: then the
	// search goes on to the next.
	for gt := 0; ; {
		if gt = s.find('>', gt+1); gt < 0 {
			return false, nil
		}
		tag := s.buf[s.pos+1 : s.pos+gt]
		n, local := name(tag)
		if n == 0 {
			return false, nil
		}
		end := s.readAttrs(tag, n)
		switch end {
		case tagOther:
			return false, nil
		case tagCut:
			continue
		}
		if len(s.openAt) >= maxXMLDepth {
			return false, errTooDeep
		}
		s.local = tag[local:n]
		if end == tagEmpty {
			s.selfClose = true
		} else {
			s.openAt = append(s.openAt, len(s.open))
			s.open = append(s.open, tag[:n]...)
		}
		s.pos += gt + 1
		return true, nil
	}
}

// tagEnd is how the attributes of a tag end.
type tagEnd uint8

const (
	tagOpen  tagEnd = iota // at the '>' of a start tag
	tagEmpty               // at the "/>" of an element without content
	tagCut                 // in a value: the '>' is the value's
	tagOther               // at what the scanner leaves to encoding/xml
)

// readAttrs reads into s.attrs the attributes of tag, the bytes between
// '<' and '>', from i on, after the element's name.
func (s *xmlScanner) readAttrs(tag []byte, i int) tagEnd {
	s.attrs = s.attrs[:0]
	space := func() {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
	}
	for {
		space()
		switch {
		case i == len(tag):
			return tagOpen
		case tag[i] == '/' && i == len(tag)-1:
			return tagEmpty
		}
		n, local := name(tag[i:])
		if n == 0 {
			return tagOther
		}
		attr := tag[i+local : i+n]
		i += n
		space()
		if i == len(tag) || tag[i] != '=' {
			return tagOther
		}
		i++
		space()
		if i == len(tag) {
			return tagCut
		}
		q := tag[i]
		if q != '"' && q != '\'' {
			return tagOther
		}
		j := bytes.IndexByte(tag[i+1:], q)
		if j < 0 {
			return tagCut
		}
		v := tag[i+1 : i+1+j]
		if !plainValue(v) {
			return tagOther
		}
		s.attrs = append(s.attrs, scanAttr{local: attr, value: v})
		i += j + 2
	}
}

// plainValue reports whether an attribute's value is read as written:
// no reference, no '<', nothing XML refuses or changes.
func plainValue(v []byte) bool {
	wide := false
	for _, c := range v {
		switch {
		case c >= 0x80:
			wide = true
		case c == '&', c == '<', c < 0x20 && c != '\n' && c != '\t':
			return false
		}
	}
	return !wide || validXMLText(v)
}

// endTag reads an end tag at pos, which must close the element open
// last; false, with nothing read, otherwise.
func (s *xmlScanner) endTag() (bool, error) {
	gt := s.find('>', 2)
	if gt < 0 || len(s.openAt) == 0 {
		return false, nil
	}
	tag := s.buf[s.pos+2 : s.pos+gt]
	n, local := name(tag)
	if n == 0 {
		return false, nil
	}
	for _, c := range tag[n:] {
		if !isSpace(c) {
			return false, nil
		}
	}
	top := s.openAt[len(s.openAt)-1]
	if !bytes.Equal(tag[:n], s.open[top:]) {
		return false, nil
	}
	s.local = tag[local:n]
	s.open = s.open[:top]
	s.openAt = s.openAt[:len(s.openAt)-1]
	s.pos += gt + 1
	return true, nil
}

// procInst passes over a processing instruction (the XML declaration)
// that encoding/xml reads without an error; false, with nothing read,
// for any other.
func (s *xmlScanner) procInst() (bool, error) {
	from := 2
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], []byte("?>")); i >= 0 {
			pi := s.buf[s.pos : s.pos+from+i+2]
			if _, err := xml.NewDecoder(bytes.NewReader(pi)).Token(); err != nil {
				return false, nil
			}
			s.pos += len(pi)
			return true, nil
		}
		from = max(2, s.end-s.pos-1)
		if !s.fill() {
			return false, nil
		}
	}
}

// handOver gives the rest of the part, from pos, to encoding/xml, and
// reads its next token. The decoder is given first a comment of as many
// newlines as the part had before pos, then the open elements' start
// tags, by name (encoding/xml matches end tags to them; their attributes
// have been read), which it reads before the token at pos: its errors
// name the lines it would alone.
func (s *xmlScanner) handOver() (tokKind, error) {
	lines := s.lines + bytes.Count(s.buf[:s.pos], []byte{'\n'})
	var head []byte
	for i, at := range s.openAt {
		to := len(s.open)
		if i+1 < len(s.openAt) {
			to = s.openAt[i+1]
		}
		head = append(append(append(head, '<'), s.open[at:to]...), '>')
	}
	rest := bytes.Clone(s.buf[s.pos:s.end])
	s.buf = nil
	var tail io.Reader = s.src
	if s.rerr != nil {
		tail = errReader{s.rerr}
	}
	s.dec = newWalker(io.MultiReader(strings.NewReader("<!--"), &newlines{n: lines}, strings.NewReader("-->"),
		bytes.NewReader(head), bytes.NewReader(rest), tail))
	for opened := 0; opened < len(s.openAt); {
		tok, err := s.dec.token()
		if err != nil {
			return 0, err
		}
		if _, ok := tok.(xml.StartElement); ok {
			opened++
		}
	}
	s.open, s.openAt, s.attrs = nil, nil, nil
	return s.decNext()
}

// newlines reads as n newlines.
type newlines struct{ n int }

func (r *newlines) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	p = p[:min(len(p), r.n)]
	for i := range p {
		p[i] = '\n'
	}
	r.n -= len(p)
	return len(p), nil
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

// decNext reads the next token from encoding/xml.
func (s *xmlScanner) decNext() (tokKind, error) {
	for {
		tok, err := s.dec.token()
		if err != nil {
			return 0, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			s.kind, s.local, s.decAttr = tokStart, []byte(e.Name.Local), e.Attr
		case xml.EndElement:
			s.kind, s.local = tokEnd, []byte(e.Name.Local)
		case xml.CharData:
			s.kind, s.text = tokText, e
		default:
			continue
		}
		return s.kind, nil
	}
}

// skip reads to the end of the element just started.
func (s *xmlScanner) skip() error {
	for depth := 1; depth > 0; {
		k, err := s.next()
		if err != nil {
			return err
		}
		switch k {
		case tokStart:
			depth++
		case tokEnd:
			depth--
		}
	}
	return nil
}

package source

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"

	"leadimport/importer/msg"
)

// textEncoding is the encoding a CSV file is read in.
type textEncoding struct {
	name     string // utf-8, utf-16le, utf-16be or windows-1252, as Description shows it
	bom      bool
	detected bool // guessed from the first bytes rather than named in Options
}

// withBOM says a UTF-8 file starts with a byte order mark, which
// Description mentions: a UTF-16 file always has one.
func (e textEncoding) withBOM() bool { return e.bom && e.name == "utf-8" }

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// encodingNames maps the names Options.Encoding accepts to the encoding
// read. Latin-1 is read as Windows-1252, as browsers do: the two differ only
// in 0x80–0x9F, where Latin-1 has control characters no sheet holds.
var encodingNames = map[string]string{
	"utf-8": "utf-8", "utf8": "utf-8",
	"utf-16le": "utf-16le", "utf16le": "utf-16le",
	"utf-16be": "utf-16be", "utf16be": "utf-16be",
	"utf-16": "utf-16", "utf16": "utf-16",
	"windows-1252": "windows-1252", "cp1252": "windows-1252",
	"latin1": "windows-1252", "latin-1": "windows-1252", "iso-8859-1": "windows-1252",
}

// parseEncoding normalises Options.Encoding; "" means detect.
func parseEncoding(name string) (string, error) {
	if strings.TrimSpace(name) == "" {
		return "", nil
	}
	if enc, ok := encodingNames[strings.ToLower(strings.TrimSpace(name))]; ok {
		return enc, nil
	}
	return "", msg.Error(msg.UnknownEncoding{Encoding: name}, ErrUnknownEncoding)
}

// decodeText chooses the encoding from the first sniffSize bytes of br and
// returns the text as UTF-8. A byte order mark decides, also over the
// encoding the caller named: it cannot be there by accident. Without one,
// want decides, and when it is "" the prefix (see sniffEncoding); a prefix
// that could be either UTF-8 or Windows-1252 is an *ambiguousError.
//
// Deciding from a prefix keeps reading streaming; a later row that does
// not fit the choice becomes a RowError (see checkText). The decoders never
// put U+FFFD in place of what they cannot decode: they pass on a byte that
// is not UTF-8, so that checkText can refuse the row and a U+FFFD that was
// really in the file stays readable.
func decodeText(br *bufio.Reader, want string) (io.Reader, textEncoding, error) {
	head, err := br.Peek(sniffSize)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, textEncoding{}, err
	}
	enc := textEncoding{name: want}
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		enc = textEncoding{name: "utf-8", bom: true}
	case bytes.HasPrefix(head, utf16LEBOM):
		enc = textEncoding{name: "utf-16le", bom: true}
	case bytes.HasPrefix(head, utf16BEBOM):
		enc = textEncoding{name: "utf-16be", bom: true}
	case want == "utf-16":
		// No mark to decide by: Windows, where such files come from, is
		// little-endian.
		enc.name = "utf-16le"
	case want == "":
		name, ev := sniffEncoding(head, err == io.EOF)
		if name == "" {
			return nil, enc, &ambiguousError{ev}
		}
		enc = textEncoding{name: name, detected: true}
	}
	if enc.bom {
		bomLen := 2
		if enc.name == "utf-8" {
			bomLen = 3
		}
		if _, err := br.Discard(bomLen); err != nil {
			return nil, enc, err
		}
	}
	switch enc.name {
	case "utf-16le":
		return transform.NewReader(br, &utf16Decoder{}), enc, nil
	case "utf-16be":
		return transform.NewReader(br, &utf16Decoder{bigEndian: true}), enc, nil
	case "windows-1252":
		return transform.NewReader(br, cp1252Decoder{}), enc, nil
	}
	return br, enc, nil
}

// ambiguousError: the prefix holds evidence for UTF-8 and for
// Windows-1252 alike, and guessing wrong sends mojibake ("Ã…sa") or
// refuses good rows, so a person names the encoding.
type ambiguousError struct{ utf8Evidence }

func (e *ambiguousError) Error() string { return "cannot tell the encoding" }

// utf8Evidence is what a file's first bytes say of UTF-8: how many
// characters in them are multi-byte UTF-8, how many bytes are not UTF-8,
// and the line of the first such byte.
type utf8Evidence struct {
	multi, bad, badLine int
}

// evidenceRatio is how many times more of one kind of evidence than of the
// other decides the encoding. A multi-byte UTF-8 character is a lead byte
// followed by the right number of continuation bytes; Windows-1252 text
// makes one only by chance (a capital like Ã before a symbol like ¥), so
// each is strong evidence of UTF-8. A byte that is not UTF-8 in a UTF-8
// file is a slip (one cell pasted from elsewhere, a character cut in two),
// so one is weak evidence of Windows-1252, where every å, ä and ö is one.
const evidenceRatio = 4

// sniffEncoding guesses the encoding of a file without a BOM from head,
// its first bytes; atEOF says head is the whole file. It returns "" with
// the evidence when head could be UTF-8 with a few bad bytes as well as
// Windows-1252 with a few characters that happen to look like UTF-8.
func sniffEncoding(head []byte, atEOF bool) (string, utf8Evidence) {
	if !atEOF {
		head = trimCutRune(head)
	}
	if enc := sniffUTF16(head); enc != "" {
		return enc, utf8Evidence{}
	}
	if utf8.Valid(head) {
		return "utf-8", utf8Evidence{}
	}
	ev := weighUTF8(head)
	switch {
	case ev.multi >= evidenceRatio*ev.bad:
		return "utf-8", ev
	case ev.bad >= evidenceRatio*ev.multi:
		return "windows-1252", ev
	}
	return "", ev
}

// weighUTF8 counts the evidence in head for and against UTF-8.
func weighUTF8(head []byte) utf8Evidence {
	var ev utf8Evidence
	for i := 0; i < len(head); {
		if head[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && size == 1 {
			if ev.bad == 0 {
				ev.badLine = lineOf(head, i)
			}
			ev.bad++
		} else {
			ev.multi++
		}
		i += size
	}
	return ev
}

// lineOf is the line, from 1, of head[i]; lines end in LF, or CR alone in
// a file without LFs.
func lineOf(head []byte, i int) int {
	end := byte('\n')
	if crOnly(head) {
		end = '\r'
	}
	return bytes.Count(head[:i], []byte{end}) + 1
}

// trimCutRune drops a multi-byte character cut off at the end of head, so
// that the window's edge is not mistaken for a byte that is not UTF-8.
func trimCutRune(head []byte) []byte {
	for i := len(head) - 1; i >= 0 && i >= len(head)-utf8.UTFMax; i-- {
		if utf8.RuneStart(head[i]) {
			if !utf8.FullRune(head[i:]) {
				return head[:i]
			}
			break
		}
	}
	return head
}

// sniffUTF16 recognises UTF-16 text without a BOM by its NULs: ASCII text
// in UTF-16 has one in every other byte, which no CSV in a byte encoding
// has.
func sniffUTF16(head []byte) string {
	head = head[:min(len(head), 4096)]
	if len(head) < 8 {
		return ""
	}
	var even, odd int
	for i, b := range head {
		if b == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(head) / 2
	switch {
	case odd > half*3/4 && even == 0:
		return "utf-16le"
	case even > half*3/4 && odd == 0:
		return "utf-16be"
	}
	return ""
}

// cp1252 is each byte's character as UTF-8: n bytes of b. The five bytes
// Windows-1252 leaves undefined are themselves.
var cp1252 = func() (table [256]struct {
	n uint8
	b [3]byte
}) {
	for c := range table {
		e := &table[c]
		r := charmap.Windows1252.DecodeByte(byte(c))
		if c < utf8.RuneSelf || r == utf8.RuneError {
			e.n, e.b[0] = 1, byte(c)
			continue
		}
		e.n = uint8(utf8.EncodeRune(e.b[:], r))
	}
	return table
}()

// cp1252Decoder decodes Windows-1252. An undefined byte (0x81, 0x8D, 0x8F,
// 0x90, 0x9D) is passed on as itself: a lone continuation byte, never valid
// UTF-8, so checkText refuses its row instead of the row reading U+FFFD.
type cp1252Decoder struct{ transform.NopResetter }

func (cp1252Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		// Most text is ASCII, which stays as it is: eight bytes at a time.
		for nSrc+8 <= len(src) && nDst+8 <= len(dst) {
			w := binary.LittleEndian.Uint64(src[nSrc:])
			if w&0x8080808080808080 != 0 {
				break
			}
			binary.LittleEndian.PutUint64(dst[nDst:], w)
			nSrc, nDst = nSrc+8, nDst+8
		}
		if nSrc == len(src) {
			break
		}
		e := &cp1252[src[nSrc]]
		if nDst+int(e.n) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += copy(dst[nDst:], e.b[:e.n])
		nSrc++
	}
	return nDst, nSrc, nil
}

// notText stands for what a UTF-16 decoder cannot decode: an unpaired
// surrogate or an odd byte at the end. 0xFF is never valid UTF-8.
const notText = 0xFF

// utf16Decoder decodes UTF-16 of one byte order, without a BOM.
type utf16Decoder struct {
	transform.NopResetter
	bigEndian bool
}

func (d *utf16Decoder) unit(b []byte) rune {
	if d.bigEndian {
		return rune(b[0])<<8 | rune(b[1])
	}
	return rune(b[1])<<8 | rune(b[0])
}

func (d *utf16Decoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		r, size := rune(notText), 1
		switch {
		case len(src)-nSrc < 2:
			if !atEOF {
				return nDst, nSrc, transform.ErrShortSrc
			}
		default:
			u := d.unit(src[nSrc:])
			size = 2
			switch {
			case u < 0xD800 || u > 0xDFFF:
				r = u
			case u < 0xDC00 && len(src)-nSrc < 4 && !atEOF:
				return nDst, nSrc, transform.ErrShortSrc
			case u < 0xDC00 && len(src)-nSrc >= 4:
				if lo := d.unit(src[nSrc+2:]); lo >= 0xDC00 && lo <= 0xDFFF {
					r, size = 0x10000+(u-0xD800)<<10+(lo-0xDC00), 4
				}
			}
		}
		if r == notText {
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = notText
			nDst, nSrc = nDst+1, nSrc+size
			continue
		}
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc += size
	}
	return nDst, nSrc, nil
}

// checkText finds the first cell that is not valid UTF-8 after decoding:
// nothing downstream could show or send it correctly. What went wrong, and
// so what to do, depends on the encoding the file is read in.
func checkText(cells []string, enc textEncoding) error {
	for i, c := range cells {
		bad := invalidByte(c)
		if bad < 0 {
			continue
		}
		col := columnLetter(i + 1)
		switch enc.name {
		case "windows-1252":
			return msg.Error(msg.UndefinedByte{Column: col, Byte: c[bad]}, ErrUndecodable)
		case "utf-16le", "utf-16be":
			return msg.Error(msg.BrokenCharacter{Column: col, Encoding: enc.name}, ErrUndecodable)
		}
		return msg.Error(msg.NotUTF8{Column: col, Detected: enc.detected}, ErrNotUTF8)
	}
	return nil
}

// invalidByte is the index of the first byte of s that is not part of a
// valid UTF-8 character, or -1.
func invalidByte(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// crToLF makes a file with old Mac line ends (CR alone) readable by
// encoding/csv, which only ends lines at LF. Every CR becomes LF, inside
// quotes too, so a cell's line breaks read as everywhere else.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i := range p[:n] {
		if p[i] == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// crOnly reports whether head ends its lines with CR alone.
func crOnly(head []byte) bool {
	return bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0
}

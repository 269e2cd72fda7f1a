package source

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
)

// unescapeXstring undoes, in place, the escapes of OOXML's ST_Xstring
// (ECMA-376 Part 1, 22.9.2.19) in b[from:], and returns b cut to what is
// left. A character XML 1.0 cannot carry, such as a carriage return kept
// beside a line feed, is written _xHHHH_, HHHH the four hexadecimal digits
// of its UTF-16 code unit (either case); an underscore that would start
// such a text is itself written _x005F_, so "_x005F_x000D_" is the text
// "_x000D_". A character past U+FFFF is a pair of surrogates, each
// escaped. A lone surrogate, which is no character, stays as written.
//
// ST_Xstring is the type of the text of shared strings and inline strings
// (each t element, runs and phonetic runs alike) and of a cell's v; among
// values, only a formula's string result (t="str") is text. Text without
// "_x" is returned as it is, at the cost of a search.
func unescapeXstring(b []byte, from int) []byte {
	i := bytes.Index(b[from:], []byte("_x"))
	if i < 0 {
		return b
	}
	w, r := from+i, from+i // write and read: w never passes r
	for r < len(b) {
		if b[r] != '_' {
			b[w] = b[r]
			w, r = w+1, r+1
			continue
		}
		u, ok := xEscape(b[r:])
		if !ok {
			b[w] = b[r]
			w, r = w+1, r+1
			continue
		}
		c, n := rune(u), 7
		if utf16.IsSurrogate(c) {
			lo, ok := xEscape(b[r+7:])
			if c >= 0xDC00 || !ok || lo < 0xDC00 || lo > 0xDFFF {
				w, r = w+copy(b[w:], b[r:r+7]), r+7
				continue
			}
			c, n = utf16.DecodeRune(c, rune(lo)), 14
		}
		// The character's UTF-8 (at most 4 bytes) is shorter than its
		// escape (7), so it overwrites only what has been read.
		w += utf8.EncodeRune(b[w:r+n], c)
		r += n
	}
	return b[:w]
}

// xEscape reads an _xHHHH_ escape at the start of b.
func xEscape(b []byte) (uint16, bool) {
	if len(b) < 7 || b[0] != '_' || b[1] != 'x' || b[6] != '_' {
		return 0, false
	}
	var u uint16
	for _, c := range b[2:6] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		u = u<<4 | uint16(c)
	}
	return u, true
}

package mapping

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// asciiSpace marks the ASCII characters unicode.IsSpace is true of.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isSpace is unicode.IsSpace, without a table lookup for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

// spaceLead marks the bytes outside ASCII that a space can start with in
// UTF-8 (0xC2 of U+00A0, 0xE2 of U+2003, …): a cell starting with any
// other, Å or Ö, starts with no space, and need not be decoded to tell.
var spaceLead = func() (lead [256]bool) {
	var buf [utf8.UTFMax]byte
	mark := func(lo, hi, stride uint32) {
		for r := lo; r <= hi; r += stride {
			if r >= utf8.RuneSelf {
				utf8.EncodeRune(buf[:], rune(r))
				lead[buf[0]] = true
			}
		}
	}
	for _, r := range unicode.White_Space.R16 {
		mark(uint32(r.Lo), uint32(r.Hi), uint32(r.Stride))
	}
	for _, r := range unicode.White_Space.R32 {
		mark(r.Lo, r.Hi, r.Stride)
	}
	return lead
}()

// trimSpace is strings.TrimSpace, made quick for the usual cell, which
// starts and ends with a visible character: strings.TrimSpace takes its
// slow path for a cell that starts with a letter outside ASCII (Åsa,
// Öberg), and Map trims every cell of every row.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	first, last := rune(s[0]), rune(s[len(s)-1])
	if first >= utf8.RuneSelf && spaceLead[first] {
		first, _ = utf8.DecodeRuneInString(s)
	}
	if last >= utf8.RuneSelf {
		last, _ = utf8.DecodeLastRuneInString(s)
	}
	if isSpace(first) || isSpace(last) {
		return strings.TrimSpace(s)
	}
	return s
}

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

// trimSpace is strings.TrimSpace, made quick for the usual cell, which
// starts and ends with a visible character: strings.TrimSpace takes its
// slow path for a cell that starts with a letter outside ASCII (Åsa,
// Öberg), and Map trims every cell of every row.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	first, last := rune(s[0]), rune(s[len(s)-1])
	if first >= utf8.RuneSelf {
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

package mapping

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestIsSpace(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isSpace(r) != unicode.IsSpace(r) {
			assert.Equal(t, unicode.IsSpace(r), isSpace(r), "%U", r)
		}
	}
}

func TestTrimSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "\t", "a", "Åsa", " Åsa", "Åsa ", "\u00a0Åsa", "Åsa\u00a0", "\u2003", "ä\u3000", "\u0085x",
		"Storgatan 1", " 11120 ", "\xff", "\xc3", "a\xc3", "\xc3a", "\r\n", "x\u200b", "\ufeffx", "  a  b  ",
	} {
		assert.Equal(t, strings.TrimSpace(s), trimSpace(s), "%q", s)
	}
}

// FuzzTrimSpace: trimSpace is strings.TrimSpace.
func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"Åsa", " a ", "\u00a0x", "x\u2003", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		assert.Equal(t, strings.TrimSpace(s), trimSpace(s))
	})
}

func TestNormalizeEmailDomain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"anna@example.se", "anna@example.se"},
		{"Anna@Example.SE", "Anna@example.se"},
		{"person0@Example.se", "person0@example.se"},
		{"a@B.c", "a@b.c"},
		{"anna@EXÄMPLE.se", "anna@exämple.se"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, msg := normalizeEmail(tc.in, nil)
			assert.Empty(t, msg)
			assert.Equal(t, tc.want, got)
			at := strings.LastIndexByte(tc.in, '@')
			assert.Equal(t, tc.in[:at+1]+strings.ToLower(tc.in[at+1:]), got, "as strings.ToLower writes it")
		})
	}
}

// TestSpaceLead: every space outside ASCII starts with a byte spaceLead
// marks, and Å and Ö with one it does not.
func TestSpaceLead(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			assert.True(t, spaceLead[string(r)[0]], "%U", r)
		}
	}
	assert.False(t, spaceLead["Å"[0]])
	assert.False(t, spaceLead["Ö"[0]])
}

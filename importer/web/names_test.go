package web

import (
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCleanName(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain", "visning.xlsx", "visning.xlsx"},
		{"a path", `C:\Users\anna\visning.csv`, "visning.csv"},
		{"dots first", "..visning.csv", "visning.csv"},
		{"only an extension", ".csv", "csv"}, // refused: no extension
		{"an empty name", " ", "sheet"},
		{"control characters", "vis\x00ning\n.csv", "visning.csv"},
		{"not UTF-8", "vis\xffning.csv", "visning.csv"},
		{"long, cut at a character", strings.Repeat("å", 150) + ".csv", strings.Repeat("å", 98) + ".csv"},
		{"an extension too long to be one", "a." + strings.Repeat("x", 300), "a." + strings.Repeat("x", 198)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cleanName(tc.in)
			assert.Equal(t, tc.want, got)
			assert.True(t, utf8.ValidString(got))
			assert.LessOrEqual(t, len(got), maxName)
		})
	}
}

// A name whose "extension" is longer than a name may be is refused as a
// kind of file that is not read, not a panic of the handler.
func TestUploadWithLongExtensionIsRefused(t *testing.T) {
	h := newHarness(t)
	body, ct := form(t, "a."+strings.Repeat("x", 300), []byte("Förnamn;Efternamn\nAnna;Svensson\n"), nil)
	var e apiError
	decode(t, h.do("POST", "/api/imports", body, ct), http.StatusUnsupportedMediaType, &e)
	assert.Less(t, len(e.Error), 200)
	// The same with a name too long but an extension that is read: kept, cut.
	body, ct = form(t, strings.Repeat("å", 150)+".csv", []byte("Förnamn;Efternamn\nAnna;Svensson\n"), nil)
	var v importView
	decode(t, h.do("POST", "/api/imports", body, ct), http.StatusCreated, &v)
	require.True(t, utf8.ValidString(v.Input.Name))
	assert.Equal(t, strings.Repeat("å", 98)+".csv", v.Input.Name)
}

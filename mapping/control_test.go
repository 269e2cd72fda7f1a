package mapping

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// TestControlCharacters: a cell with a NUL or another control character
// is invalid, naming the column and the character, in any field; tab and
// line breaks are whitespace, and a c/o line in a street address stays.
func TestControlCharacters(t *testing.T) {
	tests := []struct {
		name       string
		validation string
		cells      map[string]string
		problems   []string
		warnings   []string
	}{
		{
			name:     "a NUL in a name",
			cells:    map[string]string{"Namn": "Anna\x00 Svensson", "E-post": "anna@example.se"},
			problems: []string{`Namn "Anna\x00 Svensson": holds an invisible control character (U+0000 NUL): delete it in the cell, or the whole value and write it again`},
		},
		{
			name:     "an escape in a street address",
			cells:    map[string]string{"E-post": "anna@example.se", "Gatuadress": "Storgatan 1\x1b[0m"},
			problems: []string{`Gatuadress "Storgatan 1\x1b[0m": holds an invisible control character (U+001B ESC): delete it in the cell, or the whole value and write it again`},
		},
		{
			name:     "a DEL at the end of a long street, past the first eight bytes",
			cells:    map[string]string{"E-post": "anna@example.se", "Gatuadress": "Storgatan 12 B\x7f"},
			problems: []string{`Gatuadress "Storgatan 12 B\x7f": holds an invisible control character (U+007F DEL): delete it in the cell, or the whole value and write it again`},
		},
		{
			name:     "an e-mail address and a phone refuse one by their own checks",
			cells:    map[string]string{"E-post": "anna@example.se\x00", "Mobil": "070-174 06 05\x1b"},
			problems: []string{`E-post "anna@example.se\x00": is not an e-mail address like anna@example.se`, `Mobil "070-174 06 05\x1b": a phone number may hold only digits, spaces and + - ( ) / .`},
		},
		{
			name:     "a vertical tab in a personnummer",
			cells:    map[string]string{"E-post": "anna@example.se", "Personnummer": "19800102\v2386"},
			problems: []string{`Personnummer "19800102\v2386": holds an invisible control character (U+000B VT): delete it in the cell, or the whole value and write it again`},
		},
		{
			name:       "lenient: left out, with the warning",
			validation: "validation: lenient\n",
			cells:      map[string]string{"E-post": "anna@example.se", "Postnr": "123\x0045"},
			warnings:   []string{`Postnr "123\x0045": holds an invisible control character (U+0000 NUL): delete it in the cell, or the whole value and write it again` + sentWithout},
		},
		{
			name:  "tabs and line breaks are whitespace",
			cells: map[string]string{"Namn": "Anna\tSvensson", "E-post": "anna@example.se", "Gatuadress": "c/o Lindqvist\r\nHamngatan 8 B"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mp := bindT(t, lenientMapping+tc.validation, lenientHeader, nil)
			m := mp.Map(lenientRow(t, tc.cells))
			assert.Equal(t, tc.problems, problemStrings(m.Problems))
			assert.Equal(t, tc.warnings, problemStrings(m.Warnings))
			if len(m.Problems) == 0 {
				assert.Empty(t, m.Lead.Body.Check(), "what is sent is a body Connect takes")
				if a := m.Lead.Body.Person.Address; a != nil {
					assert.Equal(t, "c/o Lindqvist\r\nHamngatan 8 B", a.StreetAddress)
				}
			}
		})
	}
}

// TestControlCharactersInMessage: a message keeps its line breaks and
// tabs, but not a NUL; the problem reads in Swedish too.
func TestControlCharactersInMessage(t *testing.T) {
	mp := bindT(t, "version: 1\ncolumns:\n  Namn: person.fullName\n  E-post: person.email.emailAddress\n  Kommentar: message\nconstants:\n  customerId: M1001\n  estateId: OBJ1\n",
		[]string{"Namn", "E-post", "Kommentar"}, nil)
	m := mp.Map([]string{"Anna Svensson", "anna@example.se", "Ring efter 17\n\tgärna mobil"})
	assert.Empty(t, m.Problems)
	assert.Equal(t, "Ring efter 17\n\tgärna mobil", m.Lead.Body.Message)

	m = mp.Map([]string{"Anna Svensson", "anna@example.se", "Ring\x00"})
	require.Len(t, m.Problems, 1)
	assert.Equal(t, `Kommentar "Ring\x00": innehåller ett osynligt styrtecken (U+0000 NUL): ta bort det i cellen, eller hela värdet och skriv det igen`, m.Problems[0].In(msg.Swedish))
	assert.Equal(t, "Kommentar", m.Problems[0].Column)
}

// TestControlAt holds the eight-bytes-at-a-time scan to the plain one.
func TestControlAt(t *testing.T) {
	for _, c := range []byte{0, 1, 0x0b, 0x1b, 0x1f, 0x7f} {
		for at := range 20 {
			v := []byte(strings.Repeat("åäöabcde", 3))
			v[at] = c
			assert.Equal(t, at, controlAt(string(v)), "byte 0x%02X at %d", c, at)
		}
	}
	for _, v := range []string{"", "Anna", "Anna\tSvensson\r\n", "åäö€ ~!", strings.Repeat("\u0080\u00ff\u07ff", 9)} {
		assert.Equal(t, -1, controlAt(v), "%q", v)
	}
}

// FuzzControlAt holds the eight-bytes-at-a-time scan to a byte at a time
// over any text, and Map to refusing every value that holds a control
// character once trimmed.
func FuzzControlAt(f *testing.F) {
	for _, s := range []string{"", "Anna Svensson", "Anna\x00", "åäöabcde\x1b", "c/o Ek\r\nGatan 1", "\x7f\x80\x9f\xff", strings.Repeat("x", 17) + "\x01"} {
		f.Add(s)
	}
	mp := bindT(f, lenientMapping, lenientHeader, nil)
	f.Fuzz(func(t *testing.T, v string) {
		want := -1
		for i := 0; i < len(v); i++ {
			if c := v[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				want = i
				break
			}
		}
		require.Equal(t, want, controlAt(v), "%q", v)
		// Spaces around a value are trimmed, \v and \f among them.
		if controlAt(strings.TrimSpace(v)) < 0 {
			return
		}
		for _, column := range []string{"Gatuadress", "E-post", "Mobil", "Status", "Utländskt", "Personnummer", "Postnr"} {
			cells := map[string]string{"E-post": "anna@example.se", "Telefon": "08-465 004 01"}
			cells[column] = v
			m := mp.Map(lenientRow(t, cells))
			require.NotEmpty(t, m.Problems, "%s %q", column, v)
		}
	})
}

// BenchmarkControlAt is what the check costs a row of the legacy sample's
// kind: every value Map fills is scanned once.
func BenchmarkControlAt(b *testing.B) {
	row := []string{"Åsa", "Öberg0", "Storgatan 1", "11120", "Stockholm", "08-465 004 01", "070-174 06 05",
		"person0@Example.se", "Visning", "Vill ha slutpris", "M1001", "OBJ1234", "Interested"}
	n := 0
	for b.Loop() {
		for _, v := range row {
			n += controlAt(v)
		}
	}
	require.Equal(b, -b.N*len(row), n)
}

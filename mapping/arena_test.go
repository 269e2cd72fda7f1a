package mapping

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTextArena: a string made in the arena is its bytes, and stays so
// while the arena makes many more after it, past the end of its block;
// the bytes given can be used again at once; an empty or a long string
// comes whole too, and a nil arena makes each on its own.
func TestTextArena(t *testing.T) {
	for _, a := range []*textArena{{}, nil} {
		t.Run(fmt.Sprintf("nil %v", a == nil), func(t *testing.T) {
			var made, want []string
			buf := make([]byte, 0, 64)
			for i := range 5000 { // some 60 KB: several blocks
				buf = fmt.Appendf(buf[:0], "+4670%07d", i)
				made = append(made, a.string(buf))
				want = append(want, string(buf))
				clear(buf[:cap(buf)])
			}
			assert.Equal(t, want, made)
			assert.Equal(t, "", a.string(nil))
			long := []byte(strings.Repeat("ö", arenaBlock))
			got := a.string(long)
			long[0] = 'x'
			require.Equal(t, strings.Repeat("ö", arenaBlock), got, "a long string is its own copy")
		})
	}
}

// TestArenaMapsAsMap: the values MapInto makes in the scratch's arena (a
// phone number in E.164, an e-mail domain in lower case, a postcode with
// its space, a personnummer in its long form) are what Map makes, and
// stay so while later rows are mapped with the same scratch.
func TestArenaMapsAsMap(t *testing.T) {
	const yaml = `version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  Postnr: person.address.zipCode
  Mobil: person.telephone.cell
  E-post: person.email.emailAddress
constants:
  customerId: M1001
  estateId: OBJ1
`
	mp := bindT(t, yaml, []string{"Förnamn", "Efternamn", "Personnummer", "Postnr", "Mobil", "E-post"}, nil)
	var scratch Scratch
	var kept, want [][4]string
	values := func(m Mapped) [4]string {
		p := m.Lead.Person()
		require.NotNil(t, p.Telephone)
		require.NotNil(t, p.Email)
		require.NotNil(t, p.Address)
		return [4]string{p.SocialSecurityNumber, p.Telephone.Cell, p.Email.EmailAddress, p.Address.ZipCode}
	}
	for i := range 3000 {
		cells := []string{"Tolvan", "Tolvansson", "121212-1212", fmt.Sprintf("1%04d", i), fmt.Sprintf("070-1%02d %02d %02d", i%100, i%97, i%89),
			fmt.Sprintf("tolvan%d@EXAMPLE.se", i)}
		into := mp.MapInto(cells, &scratch)
		require.Empty(t, into.Problems, "row %d", i)
		kept = append(kept, values(into))
		want = append(want, values(mp.Map(cells)))
	}
	assert.Equal(t, want, kept)
	assert.Equal(t, [4]string{"20121212-1212", "+46701000000", "tolvan0@example.se", "100 00"}, kept[0])
}

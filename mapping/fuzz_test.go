package mapping

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParse feeds mapping files to Parse, and what parses on to Bind and
// Map, which must never panic.
func FuzzParse(f *testing.F) {
	sample, err := os.ReadFile("testdata/mapping.yaml")
	require.NoError(f, err)
	f.Add(string(sample), "Anna\tSvensson\t850101-2382")
	f.Add(fullMapping, "Anna Maria Svensson\t\t0002292399\tx\tA@B.SE\t070 174 06 12")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Källa: marketing.utmTags.a\nconstants:\n  customerId: &a M1\n  estateId: *a\n", "Svensson, Anna")
	f.Add("version: 1\ncolumns: [a, b]\ninput: {headerRow: 2, sheet: x}\n", "")
	f.Add("version: 1\ncolumns:\n  Förnamn: person.firstName\n    Efternamn: x\n", "")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Tel: person.telephone.cell\n  Post: person.address.zipCode\n"+
		"normalize:\n  phone: national\n  socialSecurityNumber: short\n", "O'BRIEN,  ANNA\t+46 (0)70-174 06 05\tS-123 45")
	f.Add("- !!binary gIGC\n", "")
	f.Add("? [a]\n: b\n", "")
	f.Fuzz(func(t *testing.T, yaml, row string) {
		m, err := Parse(strings.NewReader(yaml), "fuzz.yaml")
		if err != nil {
			require.Nil(t, m)
			return
		}
		header := make([]string, len(m.Columns))
		for i, c := range m.Columns {
			header[i] = c.Header
		}
		mp, err := m.Bind(header, Options{Now: vectorsNow, Sets: map[string]string{"customerId": "M1001", "estateId": "OBJ1"}})
		if err != nil {
			return
		}
		mp.Map(strings.Split(row, "\t"))
	})
}

// FuzzPersonnummer: never panic; what is accepted reads back the same
// from its long form.
func FuzzPersonnummer(f *testing.F) {
	for _, v := range readJSON[[]listVector](f, "list.json") {
		for _, s := range v.forms() {
			f.Add(s)
		}
	}
	for _, v := range readJSON[[]listVector](f, "interim.json") {
		f.Add(v.SeparatedFormat)
	}
	for _, s := range readJSON[[]string](f, "allCoords.json")[:50] {
		f.Add(s)
	}
	f.Add(" 460823 + 9986 ")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePersonnummer(s, vectorsNow)
		if err != nil {
			var pe *PersonnummerError
			require.ErrorAs(t, err, &pe)
			require.NotEmpty(t, pe.Msg)
			return
		}
		long := p.Long()
		require.Len(t, long, 13)
		again, err := ParsePersonnummer(long, vectorsNow)
		require.NoError(t, err, "%q was accepted as %q, which is not", s, long)
		assert.Equal(t, p, again)
	})
}

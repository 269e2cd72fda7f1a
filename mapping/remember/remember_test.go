package remember

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/mapping"
)

// TestSaveFind: a remembered mapping is found for the same headers in
// any order and case, reads back as the same mapping for the same
// endpoint, and is proposed with its endpoint's constants (placeholders:
// none is kept).
func TestSaveFind(t *testing.T) {
	tests := []struct {
		name, mapping string
		endpoint      string
		header        []string
		lookup        []string // header in another order and case
		status        string   // the default status proposed, in the endpoint's vocabulary
	}{
		{
			name: "FinalPriceWatched",
			mapping: `version: 1
columns:
  "Förnamn": person.firstName
  "Efter: namn": person.lastName
  E-post: person.email.emailAddress
constants:
  customerId: M1001
  estateId: OBJ1234
input:
  headerRow: 3
  delimiter: ";"
`,
			endpoint: mapping.EndpointFinalPriceWatched,
			header:   []string{"Förnamn", "Efter: namn", "E-post", "Kommentar"},
			lookup:   []string{" kommentar", "E-POST", "efter: namn", "Förnamn", ""},
			status:   "prospectiveBuyerStatus: Interested",
		},
		{
			name: "Interest",
			mapping: `version: 1
endpoint: Interest
columns:
  "Förnamn": firstName
  "Efter: namn": lastName
  E-post: email.emailAddress
  Samtycke: gdprApprovalDate
  Antal rum: presentAccommodation.numberOfRooms
  Meddelande: contactMessage
constants:
  customerId: M1001
  estateId: OBJ1234
  status: VeryInterested
input:
  headerRow: 3
  delimiter: ";"
`,
			endpoint: mapping.EndpointInterest,
			header:   []string{"Förnamn", "Efter: namn", "E-post", "Samtycke", "Antal rum", "Meddelande"},
			lookup:   []string{"meddelande", "ANTAL RUM", "samtycke", "E-post", "efter: namn", "Förnamn"},
			status:   "status: Interested",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := Store{Dir: t.TempDir()}
			m, err := mapping.Parse(strings.NewReader(tc.mapping), "m.yaml")
			require.NoError(t, err)
			_, ok := find(t, st, tc.header)
			assert.False(t, ok)
			_, err = st.Save(tc.header, m)
			require.NoError(t, err)

			text, ok := find(t, st, tc.lookup)
			require.True(t, ok, "the same headers in another order and case")
			got, err := mapping.Parse(strings.NewReader(text), "remembered")
			require.NoError(t, err, text)
			assert.Equal(t, tc.endpoint, got.Endpoint)
			assert.Equal(t, columns(m), columns(got))
			_, err = got.Bind(tc.header, mapping.Options{Sets: map[string]string{"customerId": "M1001", "estateId": "OBJ1"}})
			require.NoError(t, err, text)
			assert.Equal(t, 3, got.Input.HeaderRow)
			assert.Equal(t, ';', got.Input.Delimiter)
			assert.NotContains(t, text, "customerId: M1001", "no constant is kept")
			assert.NotContains(t, text, "estateId: OBJ1234")
			assert.Contains(t, text, "customerId: M0000")
			assert.Contains(t, text, "  "+tc.status+" ")

			_, ok = find(t, st, tc.header[:2])
			assert.False(t, ok, "other headers")
		})
	}
}

// columns lists m's columns as header: field.
func columns(m *mapping.Mapping) []string {
	var cs []string
	for _, c := range m.Columns {
		cs = append(cs, c.Header+": "+c.Field)
	}
	return cs
}

func find(t *testing.T, st Store, header []string) (string, bool) {
	t.Helper()
	text, _, ok, err := st.Find(header)
	require.NoError(t, err)
	return text, ok
}

func TestDefaultDir(t *testing.T) {
	env := func(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }
	dir, err := DefaultDir(env(map[string]string{"XDG_CONFIG_HOME": "/x", "HOME": "/h"}), "linux")
	require.NoError(t, err)
	assert.Equal(t, "/x/leadimport/mappings", dir)
	dir, err = DefaultDir(env(map[string]string{"HOME": "/h"}), "linux")
	require.NoError(t, err)
	assert.Equal(t, "/h/.config/leadimport/mappings", dir)
	dir, err = DefaultDir(env(map[string]string{"AppData": `C:\Users\a\AppData\Roaming`}), "windows")
	require.NoError(t, err)
	assert.Equal(t, `C:\Users\a\AppData\Roaming\leadimport\mappings`, dir)
}

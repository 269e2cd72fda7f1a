package remember

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/mapping"
)

func TestSaveFind(t *testing.T) {
	st := Store{Dir: t.TempDir()}
	m, err := mapping.Parse(strings.NewReader(`version: 1
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
`), "m.yaml")
	require.NoError(t, err)
	header := []string{"Förnamn", "Efter: namn", "E-post", "Kommentar"}
	_, ok := find(t, st, header)
	assert.False(t, ok)
	_, err = st.Save(header, m)
	require.NoError(t, err)

	text, ok := find(t, st, []string{" kommentar", "E-POST", "efter: namn", "Förnamn", ""})
	require.True(t, ok, "the same headers in another order and case")
	got, err := mapping.Parse(strings.NewReader(text), "remembered")
	require.NoError(t, err)
	assert.Equal(t, m.Columns[1].Header, got.Columns[1].Header)
	assert.Equal(t, 3, got.Input.HeaderRow)
	assert.Equal(t, ';', got.Input.Delimiter)
	assert.NotContains(t, text, "customerId: M1001", "no constant is kept")
	assert.NotContains(t, text, "estateId: OBJ1234")
	assert.Contains(t, text, "customerId: M0000")

	_, ok = find(t, st, []string{"Förnamn", "E-post"})
	assert.False(t, ok, "other headers")
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

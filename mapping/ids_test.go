package mapping

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

func TestPlaceholderID(t *testing.T) {
	for _, v := range []string{"", "  ", "M0000", "OBJ0000", "m0", "S000", "TODO", "todo", "TBD", "FIXME", "x", "X", "xxx", "?", "-", "N/A", "0", "000"} {
		assert.True(t, PlaceholderID(v), "%q", v)
	}
	for _, v := range []string{"M1001", "OBJ1234", "OBJ10000", "M0001", "S1", "T0000A", "Xavier", "1000"} {
		assert.False(t, PlaceholderID(v), "%q", v)
	}
	// strings.ToLower takes İ to i: FİXME is FIXME.
	assert.True(t, PlaceholderID("FİXME"))
	assert.False(t, PlaceholderID("ÖBJ0001"))
}

// TestPlaceholderIDInACell: a row whose id cell is a placeholder is
// invalid, naming the cell.
func TestPlaceholderIDInACell(t *testing.T) {
	m, err := Parse(strings.NewReader("version: 1\ncolumns:\n  Namn: person.fullName\n  Mobil: person.telephone.cell\n  Objekt: estateId\nconstants:\n  customerId: M1001\n"), "m.yaml")
	require.NoError(t, err)
	mp, err := m.Bind([]string{"Namn", "Mobil", "Objekt"}, Options{Now: vectorsNow})
	require.NoError(t, err)
	got := mp.Map([]string{"Anna Svensson", "070-123 45 67", "OBJ0000"})
	require.Len(t, got.Problems, 1)
	assert.Equal(t, Problem{Column: "Objekt", Field: "estateId", Value: "OBJ0000", Message: msg.PlaceholderID{}}, got.Problems[0])
	assert.Empty(t, mp.Map([]string{"Anna Svensson", "070-123 45 67", "OBJ1234"}).Problems)
}

package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

// TestEditInput: a correction is read instead of the file's cell, with a
// note on the cell, for as long as it is registered; the file is untouched.
func TestEditInput(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.csv")
	content := "Förnamn;Efternamn\nAnna;\nBo;Ek\n"
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	m := &mapping.Mapping{Columns: []mapping.Column{{Header: "Förnamn", Field: "person.firstName"}, {Header: "Efternamn", Field: "person.lastName"}}}

	e := Edits{}
	e.Set(2, "Efternamn", "Svensson")
	e.Set(2, "Okänd", "x") // a header the input lacks is left out
	done := EditInput(path, e)
	src, err := OpenInput(path, m)
	require.NoError(t, err)
	row, err := src.Next()
	require.NoError(t, err)
	assert.Equal(t, []string{"Anna", "Svensson"}, row.Cells)
	require.Len(t, row.Notes, 1)
	assert.Equal(t, "Efternamn", row.Notes[0].Column)
	assert.Equal(t, msg.EditedOnPage{}, row.Notes[0].Message)
	row, err = src.Next()
	require.NoError(t, err)
	assert.Equal(t, []string{"Bo", "Ek"}, row.Cells)
	assert.Empty(t, row.Notes)
	src.Close()
	done()

	src, err = OpenInput(path, m)
	require.NoError(t, err)
	defer src.Close()
	row, err = src.Next()
	require.NoError(t, err)
	assert.Equal(t, []string{"Anna", ""}, row.Cells, "no longer once done")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, content, string(data))
}

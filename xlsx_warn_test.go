package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckWarnsOfTextCellsWithoutString: a workbook whose text cells
// point to no string (as WPS writes empty text cells) is read, those
// cells empty, and the log says so once for the sheet, counted.
func TestCheckWarnsOfTextCellsWithoutString(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	data, err := os.ReadFile("testdata/xlsx/wps-tencent.xlsx")
	require.NoError(t, err)
	input := filepath.Join(dir, "wps.xlsx")
	require.NoError(t, os.WriteFile(input, data, 0o600))
	mapping := filepath.Join(dir, "m.yaml")
	require.NoError(t, os.WriteFile(mapping, []byte(`version: 1
columns:
  Namn: person.fullName
  Telefon: person.telephone.cell
  Kommentar: message
constants:
  customerId: M1001
  estateId: OBJ1234
  prospectiveBuyerStatus: interested
`), 0o600))
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "check", "--mapping", mapping, "--report", filepath.Join(dir, "r.csv"), input)
	assert.NotEqual(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, `wps.xlsx: sheet "Sheet1": 2 text cells without a text the workbook has (a shared string missing; the first is B2), read as empty as Excel shows them: check them in Excel`)
	assert.Empty(t, s.requests())
}

package report

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"leadimport/importer/msg"
	"leadimport/importer/status"
)

// TestXLSXScratchBesideTheReport: the rows excelize's stream writer
// keeps on disk, past its first 16 MB, are beside the report, not in
// the system's temporary folder, and gone once the report is written;
// the report is zipped straight to its file, and whole.
func TestXLSXScratchBesideTheReport(t *testing.T) {
	sysTmp := t.TempDir()
	t.Setenv("TMPDIR", sysTmp)
	dir := t.TempDir()
	out, err := os.Create(filepath.Join(dir, "r.xlsx"))
	require.NoError(t, err)
	defer out.Close()
	w, err := NewXLSX(out, []string{"Namn", "Anteckning"}, msg.English)
	require.NoError(t, err)
	const rows = 20_000
	note := strings.Repeat("x", 1000) // 20 MB of rows: past the 16 MB excelize holds
	for i := range rows {
		require.NoError(t, w.Write(&Line{Row: i + 2, Cells: []string{fmt.Sprint("n", i), note}, Status: status.Valid}))
	}
	scratch, err := filepath.Glob(filepath.Join(dir, "excelize-*"))
	require.NoError(t, err)
	assert.Len(t, scratch, 1, "the rows past 16 MB are on disk beside the report")
	inTmp, err := os.ReadDir(sysTmp)
	require.NoError(t, err)
	assert.Empty(t, inTmp, "nothing in the system's temporary folder")

	require.NoError(t, w.Close(&Summary{}))
	scratch, err = filepath.Glob(filepath.Join(dir, "excelize-*"))
	require.NoError(t, err)
	assert.Empty(t, scratch, "removed once the report is written")
	require.NoError(t, out.Close())
	f, err := excelize.OpenFile(out.Name())
	require.NoError(t, err)
	defer f.Close()
	got, err := f.GetCellValue(sheetReport, fmt.Sprintf("B%d", rows+1))
	require.NoError(t, err)
	assert.Equal(t, fmt.Sprint("n", rows-1), got, "the last row is there")
}

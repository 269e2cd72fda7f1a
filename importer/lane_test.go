package importer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/status"
)

// TestCheckFastLaneAsPerRow: a check's fast lane (laneRows) writes the
// same report, byte for byte, and the same counts as the per-row path,
// whether its runs of clean rows are long, cut at every few rows, or
// broken by rows that are invalid, unreadable, the same person as
// another (a duplicate, a conflict) or have a warning.
func TestCheckFastLaneAsPerRow(t *testing.T) {
	pins := testPins(t, 40)
	var lines []string
	for i := range 600 {
		pin := pins[i%len(pins)]
		switch {
		case i%97 == 5: // a conflict: the pin of row 2 (i = 0), another name
			lines = append(lines, fmt.Sprintf("Bertil,Ek,%s,b%d@example.se,", pins[0], i))
		case i%41 == 7: // invalid: no last name
			lines = append(lines, fmt.Sprintf("Anna,,,a%d@example.se,", i))
		case i%53 == 11: // a warning: a stray quote
			lines = append(lines, fmt.Sprintf(`Anna,Be"rg%d,,s%d@example.se,`, i, i))
		case i%61 == 13: // a duplicate of the row before
			lines = append(lines, lines[len(lines)-1])
		case i < 40: // the first of their person
			lines = append(lines, fmt.Sprintf("Anna,Berg%d,%s,p%d@example.se,070-123 45 %02d", i, pin, i, i%100))
		default: // clean: its changes in its line
			lines = append(lines, fmt.Sprintf("Anna,Berg%d,,P%d@Example.se,070-123 45 %02d", i, i, i%100))
		}
	}
	lines = append(lines, `Anna,"Berg,,x@example.se,`) // unreadable at the end: an unclosed quote
	input := writeCSV(t, lines...)

	check := func(lane int) ([]byte, map[status.Status]int) {
		t.Helper()
		old := laneRows
		laneRows = lane
		defer func() { laneRows = old }()
		cfg := testConfig(t, input, "")
		cfg.Report = filepath.Join(t.TempDir(), "report.csv")
		sum, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		require.Len(t, sum.Files, 1)
		data, err := os.ReadFile(cfg.Report)
		require.NoError(t, err)
		return data, sum.Files[0].Counts
	}
	want, wantCounts := check(0)
	report := string(want)
	for _, s := range []string{",valid,", ",invalid,"} {
		require.Contains(t, report, s)
	}
	require.Equal(t, len(lines)+1, strings.Count(report, "\n"), "a line a row, and the header")
	for _, lane := range []int{1, 3, 256} {
		got, counts := check(lane)
		assert.Equal(t, report, string(got), "laneRows %d", lane)
		assert.Equal(t, wantCounts, counts, "laneRows %d", lane)
	}
}

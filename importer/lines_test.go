package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/importer/report"
	"leadimport/importer/status"
)

// TestCheckLinesFormattedAhead: a check whose report is CSV formats a
// clean row's line as it reads the input ahead (report.CSVLine), and
// keeps no more of the row; its report, and the report of the rows that
// need a person, are byte for byte those written from the rows' cells
// (a CSV report beside an XLSX one, which is not formatted ahead). The
// rows are of every kind: clean with and without changes, cells that
// need quotes or an apostrophe, short, with cells beyond the header,
// with a warning, invalid, the same person twice, and two rows that
// disagree on who a person is; in English and Swedish, with ',' and ';'.
func TestCheckLinesFormattedAhead(t *testing.T) {
	var pins []string // of people born since 1950: no warning of their age
	for _, p := range testPins(t, 41129) {
		if p >= "1950" && len(pins) < 40 {
			pins = append(pins, p)
		}
	}
	require.Len(t, pins, 40)
	var rows []string
	for i := range 40 {
		rows = append(rows, fmt.Sprintf("Anna,Svensson%d,%s,anna%d@example.se,070-123 45 %02d", i, pins[i], i, i))
	}
	rows = append(rows,
		`=Bo,"Ek, ""Junior""",,bo@Example.se,070-123 45 67`, // an apostrophe, quotes, the delimiter; changes
		"-Cia,Ax,,cia@example.se",                           // short
		"Dan,Ek,,dan@example.se,,extra",                     // a cell beyond the header
		"Eva,Ek,,eva@example,0701234567",                    // invalid
		"Gun,Ek,,,08-123 45 67",                             // a landline in the mobile column: a warning
		rows[3],                                             // the same person again
		"Anna,Svensson,"+pins[6]+",anna6@example.se,",       // Svensson6's personnummer, another name
		"\"Hej\nhopp\",Ek,,hej@example.se,",                 // a line break in a cell
	)
	for _, delim := range []string{",", ";"} {
		for _, lang := range msg.Langs() {
			t.Run(delim+"/"+string(lang), func(t *testing.T) {
				data := "Förnamn,Efternamn,Personnummer,E-post,Mobil\n" + strings.Join(rows, "\n") + "\n"
				data = strings.ReplaceAll(data, ",", delim) // no cell holds ';'
				input := filepath.Join(t.TempDir(), "in.csv")
				require.NoError(t, os.WriteFile(input, []byte(data), 0o600))

				check := func(reportName string, also ...report.Format) (csvReport, problems string, sum Summary) {
					cfg := testConfig(t, input, "")
					cfg.Report = filepath.Join(t.TempDir(), reportName)
					cfg.AlsoFormats, cfg.Lang, cfg.ReportProblems = also, lang, true
					cfg.Now = func() time.Time { return time.Date(2026, 12, 3, 12, 0, 0, 0, time.UTC) }
					sum, err := Run(t.Context(), cfg)
					require.NoError(t, err)
					csvReport = AlsoReport(cfg.Report, report.CSV)
					return csvReport, problemsPath(csvReport), sum
				}
				ahead, aheadProblems, sum := check("r.csv")
				require.Len(t, sum.Files, 1)
				assert.Equal(t, len(rows), sum.Files[0].Rows)
				assert.Equal(t, 4, sum.Files[0].Counts[status.Invalid], "the ragged row, the invalid one and the two that disagree")
				assert.Equal(t, 44, sum.Files[0].Counts[status.Valid])
				cells, _, _ := check("r.xlsx", report.CSV)
				all := readFile(t, ahead)
				assert.Equal(t, readFile(t, cells), all)
				// The rows that need a person: the same lines.
				var lines []string
				for _, l := range strings.SplitAfter(all, "\r\n") {
					if strings.Contains(l, ";invalid;") || strings.Contains(l, ",invalid,") || strings.HasPrefix(l, "\ufeff") {
						lines = append(lines, l)
					}
				}
				assert.Equal(t, strings.Join(lines, ""), readFile(t, aheadProblems))
			})
		}
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(data)
}

package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"leadimport/mapping"
)

// formulas are cell values Excel would run as formulas (or DDE commands)
// if a report wrote them as they are.
var formulas = []string{
	`=HYPERLINK("http://example.com","x")`,
	`+SUM(1,2)`,
	`@cmd`,
	`-2+3+cmd|' /C calc'!A0`,
	`=1+1`,
	"\t=1+1",
	"\r=1+1",
}

// formulaMapping maps columns whose headers are themselves formulas, so
// that the error and changes columns, which start with a column's name,
// start with one too (the personnummer is the first field with a problem).
const formulaMapping = `version: 1
columns:
  "=Förnamn": person.firstName
  Efternamn: person.lastName
  "+Personnummer": person.socialSecurityNumber
  "@E-post": person.email.emailAddress
  Mobil: person.telephone.cell
constants:
  customerId: M1001
  estateId: OBJ1234
`

// formulaSheet is an input in which every cell is one of formulas: the
// mapped columns' values, and the unmapped columns' headers and values.
func formulaSheet() (header []string, rows [][]string) {
	header = []string{"=Förnamn", "Efternamn", "+Personnummer", "@E-post", "Mobil"}
	for _, f := range formulas {
		if !strings.ContainsAny(f[:1], "\t\r") { // headers are trimmed
			header = append(header, f)
		}
	}
	for i := range 2 * len(formulas) {
		row := make([]string, len(header))
		for j := range row {
			row[j] = formulas[(i+j)%len(formulas)]
		}
		rows = append(rows, row)
	}
	return header, rows
}

// TestReportsHoldNoFormula checks CSV and XLSX inputs made only of
// formulas into CSV and XLSX reports, and opens the reports as Excel
// would: no cell of either is a formula, and each reads as its text.
func TestReportsHoldNoFormula(t *testing.T) {
	header, rows := formulaSheet()
	inputs := map[string]func(t *testing.T, path string){
		// The file names start with = too: the XLSX summary names them.
		"=input.csv": func(t *testing.T, path string) {
			var b bytes.Buffer
			w := csv.NewWriter(&b)
			w.Comma = ';'
			require.NoError(t, w.WriteAll(append([][]string{header}, rows...)))
			require.NoError(t, os.WriteFile(path, b.Bytes(), 0o600))
		},
		"=input.xlsx": func(t *testing.T, path string) {
			f := excelize.NewFile()
			defer f.Close()
			for r, cells := range append([][]string{header}, rows...) {
				for c, v := range cells {
					cell, err := excelize.CoordinatesToCellName(c+1, r+1)
					require.NoError(t, err)
					require.NoError(t, f.SetCellStr("Sheet1", cell, v))
				}
			}
			require.NoError(t, f.SaveAs(path))
		},
	}
	for input, write := range inputs {
		t.Run(input, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, input))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "@mapping.yaml"), []byte(formulaMapping), 0o600))
			for _, report := range []string{"report.csv", "report.xlsx"} {
				res := runCmd(t, dir, nil, "check", "--mapping", "@mapping.yaml", "--delimiter", ";", "--report", report, input)
				require.Equal(t, 1, res.code, "no row is valid: %s", res.stderr)
			}
			t.Run("csv", func(t *testing.T) { csvHasNoFormula(t, filepath.Join(dir, "report.csv"), header, rows) })
			t.Run("xlsx", func(t *testing.T) { xlsxHasNoFormula(t, filepath.Join(dir, "report.xlsx"), header, rows) })
		})
	}
}

// numberLike matches what Excel may read as a number or a sum of numbers,
// and what a phone number is written with: nothing that calls a function.
var numberLike = regexp.MustCompile(`^[+-]?[0-9][0-9 ().,/-]*$`)

func csvHasNoFormula(t *testing.T, path string, header []string, rows [][]string) {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 1+len(rows))

	// Every cell Excel would run as a formula is quoted with an apostrophe.
	for i, rec := range recs {
		for j, v := range rec {
			if v != "" && strings.ContainsAny(v[:1], "=+-@\t\r") {
				assert.Regexp(t, numberLike, v, "line %d, cell %d: Excel would run it", i+1, j+1)
			}
		}
	}
	// The input's cells, the headers included, are there as written after
	// the apostrophe; the headers that are not formulas as written.
	// encoding/csv, writing CRLF line ends, drops a carriage return inside
	// a cell (it writes a cell's line feed as CRLF): "\r=1+1" is '=1+1.
	quoted := func(s []string) []string {
		out := make([]string, len(s))
		for i, v := range s {
			if strings.ContainsAny(v[:1], "=+-@\t\r") {
				v = "'" + v
			}
			out[i] = strings.ReplaceAll(v, "\r", "")
		}
		return out
	}
	assert.Equal(t, quoted(header), recs[0][1:1+len(header)])
	statusCol := 1 + len(header)
	errorCol, changesCol := statusCol+4, statusCol+5
	for i, row := range rows {
		rec := recs[1+i]
		assert.Equal(t, quoted(row), rec[1:statusCol], "line %d", i+2)
		assert.Equal(t, "invalid", rec[statusCol], "line %d", i+2)
		assert.NotEmpty(t, rec[errorCol], "line %d", i+2)
	}
	// The outcome columns start with the column's name, here a formula.
	assert.True(t, slices.ContainsFunc(recs[1:], func(rec []string) bool { return strings.HasPrefix(rec[errorCol], "'+Personnummer") }),
		"an error naming a column whose header is a formula")
	assert.True(t, slices.ContainsFunc(recs[1:], func(rec []string) bool { return strings.HasPrefix(rec[changesCol], "'=Förnamn") }),
		"a change of a column whose header is a formula (@cmd in title case)")
}

func xlsxHasNoFormula(t *testing.T, path string, header []string, rows [][]string) {
	data, err := os.ReadFile(path)
	require.NoError(t, err)

	// No <f> element in any sheet.
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	sheets := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		sheets++
		rc, err := zf.Open()
		require.NoError(t, err)
		x, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		assert.NotRegexp(t, `<(\w+:)?f[ >/]`, string(x), zf.Name)
	}
	assert.Equal(t, 2, sheets, "Report and Summary")

	// Read as Excel shows it: every cell is the exact text, and none has
	// a formula.
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		for i, r := range got {
			for j := range r {
				cell, err := excelize.CoordinatesToCellName(j+1, i+1)
				require.NoError(t, err)
				formula, err := f.GetCellFormula(sheet, cell)
				require.NoError(t, err)
				assert.Empty(t, formula, "%s!%s", sheet, cell)
			}
		}
		if sheet != "Report" {
			continue
		}
		require.Len(t, got, 1+len(rows))
		assert.Equal(t, header, got[0][1:1+len(header)])
		for i, row := range rows {
			assert.Equal(t, row, got[1+i][1:1+len(header)], "row %d", i+2)
			for j, v := range row {
				cell, err := excelize.CoordinatesToCellName(j+2, i+2)
				require.NoError(t, err)
				typ, err := f.GetCellType(sheet, cell)
				require.NoError(t, err)
				assert.Contains(t, []excelize.CellType{excelize.CellTypeInlineString, excelize.CellTypeSharedString}, typ, "%s (%q) is text", cell, v)
			}
		}
	}
	sum, err := f.GetRows("Summary")
	require.NoError(t, err)
	assert.Contains(t, sum, []string{"mapping", "@mapping.yaml"})
}

// TestReportFilesAreOwnerOnly: a report holds personal data, so whatever
// its format, only its owner may read it: a new file, a file written over
// (which keeps its mode when opened), and a default name in a directory.
func TestReportFilesAreOwnerOnly(t *testing.T) {
	dir := t.TempDir()
	m, input := copySample(t, dir, sample{"legacy", "kontakter.csv"})
	check := func(t *testing.T, report string) {
		t.Helper()
		res := runCmd(t, dir, nil, "check", "--mapping", m, "--report", report, input)
		require.Equal(t, 1, res.code, res.stderr)
	}
	for _, format := range []string{"csv", "xlsx", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			fresh := filepath.Join(dir, "new."+format)
			check(t, fresh)
			assertMode(t, fresh)

			old := filepath.Join(dir, "old."+format)
			require.NoError(t, os.WriteFile(old, []byte("an earlier report"), 0o644))
			require.NoError(t, os.Chmod(old, 0o644)) // whatever the umask
			check(t, old)
			assertMode(t, old)
		})
	}
	t.Run("default name", func(t *testing.T) {
		check(t, "out/")
		reports, err := filepath.Glob(filepath.Join(dir, "out", "kontakter-report-*.csv"))
		require.NoError(t, err)
		require.Len(t, reports, 1)
		assertMode(t, reports[0])
	})
}

func assertMode(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), path)
	assert.Positive(t, st.Size(), "%s was written", path)
}

// TestJSONLReportMasksPersonnummer sends the open-house sample into a JSONL
// report: every line is a JSON object of its own, and each lead is the
// lead as the sandbox received it, but with the personnummer's last four
// digits masked.
func TestJSONLReportMasksPersonnummer(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	m, input := copySample(t, dir, sample{"open-house", "visning.xlsx"})
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, "--ledger", filepath.Join(dir, "ledger.db"),
		"--rate", "0", "--report", "report.jsonl", input)
	require.Equal(t, 1, res.code, res.stderr)

	received := map[string]mapping.FinalPriceWatched{} // by name
	for _, l := range s.received(t) {
		received[l.Person.FirstName+" "+l.Person.LastName] = l
	}
	require.Len(t, received, 16)

	type line struct {
		Row    int    `json:"row"`
		Status string `json:"status"`
		Lead   *struct {
			CustomerID string                    `json:"customerId"`
			EstateID   string                    `json:"estateId"`
			Body       mapping.FinalPriceWatched `json:"body"`
		} `json:"lead"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "report.jsonl"))
	require.NoError(t, err)
	require.True(t, bytes.HasSuffix(data, []byte("\n")), "the last line is whole")
	masked := regexp.MustCompile(`^\d{8}-\*\*\*\*$`)
	var rows []int
	withPin := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		var l line
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		require.NoError(t, dec.Decode(&l), "line %d: %s", n, sc.Text())
		require.False(t, dec.More(), "line %d holds one object", n)
		rows = append(rows, l.Row)
		require.NotNil(t, l.Lead, "row %d was mapped", l.Row)
		assert.Equal(t, "M1001", l.Lead.CustomerID)
		assert.Equal(t, "OBJ20261122", l.Lead.EstateID)
		pin := l.Lead.Body.Person.SocialSecurityNumber
		if pin != "" {
			withPin++
			assert.Regexp(t, masked, pin, "row %d", l.Row)
		}
		if l.Status != "sent" {
			continue
		}
		got, ok := received[l.Lead.Body.Person.FirstName+" "+l.Lead.Body.Person.LastName]
		require.True(t, ok, "row %d was received", l.Row)
		if got.Person.SocialSecurityNumber != "" {
			assert.Equal(t, got.Person.SocialSecurityNumber[:9]+"****", pin, "row %d", l.Row)
			assert.NotContains(t, sc.Text(), fmt.Sprintf(`"socialSecurityNumber":%q`, got.Person.SocialSecurityNumber), "row %d", l.Row)
		}
		got.Person.SocialSecurityNumber = pin
		assert.Equal(t, got, l.Lead.Body, "row %d: the lead as sent, masked", l.Row)
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, []int{4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25}, rows)
	assert.Equal(t, 15, withPin, "the rows with a personnummer")
}

package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// xlsxReport is the Report sheet of an XLSX report, read with excelize.
type xlsxReport struct {
	header []string
	// rows are the data rows, each padded to the header's width; a
	// ragged row's cells beyond its input's header follow.
	rows [][]string
}

func readXLSXReport(t *testing.T, path string) xlsxReport {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Report")
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	r := xlsxReport{header: rows[0]}
	for _, row := range rows[1:] {
		r.rows = append(r.rows, append(row, make([]string, max(0, len(r.header)-len(row)))...))
	}
	return r
}

// col is the index of a column, by its header.
func (r xlsxReport) col(t *testing.T, name string) int {
	t.Helper()
	i := slices.Index(r.header, name)
	require.GreaterOrEqual(t, i, 0, "report column %q", name)
	return i
}

// TestFixingAnXLSXReportSendsOnlyTheFixedRow is what staff do with a
// report: open it in Excel, correct a red cell, save, and run the same
// command on the saved report. Only the corrected row is sent; the rows
// the first run sent are skipped with their contact ids, the rows still
// wrong stay invalid, and every row keeps its number in the original sheet.
func TestFixingAnXLSXReportSendsOnlyTheFixedRow(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	env := sandboxEnv(s, sandboxPassword)
	m, input := copySample(t, dir, sample{"open-house", "visning.xlsx"})
	ledger := filepath.Join(dir, "ledger.db")

	first := runCmd(t, dir, env, "run", "--mapping", m, "--ledger", ledger, "--rate", "0", "--report", "first.xlsx", input)
	require.Equal(t, 1, first.code, "the sample's invalid rows make it 1: %s", first.stderr)
	require.Equal(t, 16, s.sb.Accepted())
	r1 := readXLSXReport(t, filepath.Join(dir, "first.xlsx"))
	rowCol, pinCol, statusCol := r1.col(t, "row"), r1.col(t, "Personnummer"), r1.col(t, "status")
	responseCol, errorCol := r1.col(t, "response"), r1.col(t, "error")
	contact := map[string]string{} // row: contact id, for the rows sent
	var invalid []string
	line10 := -1
	for i, l := range r1.rows {
		switch l[statusCol] {
		case "sent":
			require.NotEmpty(t, l[responseCol], "row %s", l[rowCol])
			contact[l[rowCol]] = l[responseCol]
		case "invalid":
			invalid = append(invalid, l[rowCol])
		default:
			t.Fatalf("row %s: %s", l[rowCol], l[statusCol])
		}
		if l[rowCol] == "10" {
			line10 = i
		}
	}
	require.Len(t, contact, 16)
	require.Equal(t, []string{"10", "14", "17", "20", "23"}, invalid)
	require.GreaterOrEqual(t, line10, 0)
	require.Equal(t, "19890213-2390", r1.rows[line10][pinCol])
	require.Contains(t, r1.rows[line10][errorCol], "check digit should be 1")

	// Fix row 10's personnummer (…2391 is Skatteverket's test number) as
	// staff would in Excel: type it into the cell and save under a new name.
	fixXLSX(t, filepath.Join(dir, "first.xlsx"), filepath.Join(dir, "fixed.xlsx"), pinCol+1, line10+2, "19890213-2391")

	second := runCmd(t, dir, env, "run", "--mapping", m, "--ledger", ledger, "--rate", "0", "--report", "second.xlsx", "fixed.xlsx")
	assert.Equal(t, 1, second.code, "rows 14, 17, 20 and 23 are still invalid: %s", second.stderr)
	assert.Contains(t, second.stderr, "a report")

	// The sandbox got exactly one more lead: the fixed one.
	leads := s.received(t)
	require.Len(t, leads, 17, "only the fixed row is sent")
	fixed := leads[16].Person
	assert.Equal(t, "19890213-2391", fixed.SocialSecurityNumber)
	assert.Equal(t, "Lars", fixed.FirstName)
	assert.Equal(t, "Nyström", fixed.LastName)

	r2 := readXLSXReport(t, filepath.Join(dir, "second.xlsx"))
	assert.Equal(t, r1.header, r2.header, "the same columns as the first report")
	require.Len(t, r2.rows, len(r1.rows))
	for i, l := range r2.rows {
		row := l[rowCol]
		require.Equal(t, r1.rows[i][rowCol], row, "row numbers are the original sheet's")
		switch {
		case row == "10":
			assert.Equal(t, "sent", l[statusCol], "row 10: %s", l[errorCol])
			assert.Equal(t, "19890213-2391", l[pinCol], "the report shows the cell as fixed")
			assert.NotEmpty(t, l[responseCol], "the new contact id")
			assert.NotContains(t, contact, l[responseCol])
			assert.Empty(t, l[errorCol])
		case contact[row] != "":
			assert.Equal(t, "skipped", l[statusCol], "row %s", row)
			assert.Equal(t, contact[row], l[responseCol], "row %s keeps the contact id of its send", row)
			assert.NotEmpty(t, l[errorCol], "row %s says why it was skipped", row)
		default:
			assert.Equal(t, "invalid", l[statusCol], "row %s", row)
			assert.Equal(t, r1.rows[i][errorCol], l[errorCol], "row %s: the same problems", row)
		}
		// Every input cell but the fixed one is as the first report had it.
		for c := rowCol + 1; c < statusCol; c++ {
			if row != "10" || c != pinCol {
				assert.Equal(t, r1.rows[i][c], l[c], "row %s, %s", row, r1.header[c])
			}
		}
	}
}

// fixXLSX sets one cell of the Report sheet at (col, row) to text and saves
// the workbook at out as Excel saves one: every string a shared string.
// (The report writes inline strings; excelize's SaveAs keeps them inline,
// so each is written again here, which makes it shared.)
func fixXLSX(t *testing.T, in, out string, col, row int, value string) {
	t.Helper()
	f, err := excelize.OpenFile(in)
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Report", excelize.Options{RawCellValue: true})
	require.NoError(t, err)
	for r, cells := range rows {
		for c, v := range cells {
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			require.NoError(t, err)
			typ, err := f.GetCellType("Report", cell)
			require.NoError(t, err)
			if typ == excelize.CellTypeInlineString {
				require.NoError(t, f.SetCellStr("Report", cell, v))
			}
		}
	}
	cell, err := excelize.CoordinatesToCellName(col, row)
	require.NoError(t, err)
	require.NoError(t, f.SetCellStr("Report", cell, value))
	require.NoError(t, f.SaveAs(out))

	data, err := os.ReadFile(out)
	require.NoError(t, err)
	sheet := string(worksheetsXML(t, data)["Report"])
	require.NotContains(t, sheet, `t="inlineStr"`)
	require.Contains(t, sheet, `t="s"`)
}

// TestFixingACSVReportSendsTheCellsAsWritten re-runs a CSV report: the
// apostrophe the report put before a cell Excel would run as a formula
// (a comment starting with "- ", a header starting with "=") is the
// report's, not the cell's, and is not sent.
func TestFixingACSVReportSendsTheCellsAsWritten(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	env := sandboxEnv(s, sandboxPassword)
	pins := testPins(t)
	pin := pins[0][:8] + "-" + pins[0][8:]
	input := filepath.Join(dir, "visning.csv")
	require.NoError(t, os.WriteFile(input, []byte("=Förnamn;Efternamn;Personnummer;E-post;Kommentar\r\n"+
		"Åsa;Öberg;;asa@example.se;- vill ha planritning\r\n"+
		"Bo;Ek;"+pin+";bo@example;- ring efter 18\r\n"), 0o600)) // a typo in the e-mail
	m := filepath.Join(dir, "mapping.yaml")
	require.NoError(t, os.WriteFile(m, []byte(`version: 1
columns:
  "=Förnamn": person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  E-post: person.email.emailAddress
  Kommentar: message
constants:
  customerId: M1001
  estateId: OBJ1234
`), 0o600))
	ledger := filepath.Join(dir, "ledger.db")

	first := runCmd(t, dir, env, "run", "--mapping", m, "--ledger", ledger, "--rate", "0", "--report", "first.csv", input)
	require.Equal(t, 1, first.code, first.stderr)
	require.Equal(t, 1, s.sb.Accepted())
	data, err := os.ReadFile(filepath.Join(dir, "first.csv"))
	require.NoError(t, err)
	require.Contains(t, string(data), "row;'=Förnamn;", "the report's header is safe in Excel")
	require.Contains(t, string(data), ";bo@example;'- ring efter 18;invalid;", "and so are its cells")

	// Fix the e-mail, as in a text editor: the rest of the line unchanged.
	fixed := strings.Replace(string(data), ";bo@example;", ";bo@example.se;", 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "fixed.csv"), []byte(fixed), 0o600))
	second := runCmd(t, dir, env, "run", "--mapping", m, "--ledger", ledger, "--rate", "0", "--report", "second.csv", "fixed.csv")
	require.Equal(t, 0, second.code, second.stderr)

	leads := s.received(t)
	require.Len(t, leads, 2, "only the fixed row is sent")
	assert.Equal(t, "Bo", leads[1].Person.FirstName)
	assert.Equal(t, pin, leads[1].Person.SocialSecurityNumber)
	assert.Equal(t, "- ring efter 18", leads[1].Message, "the comment as written, without the report's apostrophe")
	_, lines := readReport(t, filepath.Join(dir, "second.csv"))
	require.Len(t, lines, 2)
	assert.Equal(t, []string{"2", "Åsa", "Öberg", "", "asa@example.se", "'- vill ha planritning", "skipped"}, lines[0][:7])
	assert.Equal(t, []string{"3", "Bo", "Ek", pin, "bo@example.se", "'- ring efter 18", "sent"}, lines[1][:7],
		"the cell is quoted once in the new report, not twice")
}

// TestReportRunAgainForTheOtherEndpoint runs the interest sample's report
// again with a FinalPriceWatched mapping of the same sheet, each with a
// ledger of its own: a report says what was sent, and its response to
// which call (the interest call's 204 in words, FinalPriceWatched's
// contact id), so the rows it shows sent as interest registrations are
// sent as FinalPriceWatched leads, not skipped; each report run again
// for its own endpoint skips its sent rows.
func TestReportRunAgainForTheOtherEndpoint(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	env := sandboxEnv(s, sandboxPassword)
	interest, input := copySample(t, dir, sample{"interest", "intresse.xlsx"})
	finalPrice := filepath.Join(dir, "fpw.yaml")
	require.NoError(t, os.WriteFile(finalPrice, []byte(`version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
constants:
  customerId: M1001
  estateId: OBJ20261122
`), 0o600))
	run := func(mapping, ledger, report, input string) result {
		t.Helper()
		return runCmd(t, dir, env, "run", "--mapping", mapping, "--ledger", filepath.Join(dir, ledger),
			"--report", filepath.Join(dir, report), input)
	}

	res := run(interest, "interest.db", "interest.csv", input)
	require.Contains(t, res.stderr, "8 sent, 4 invalid")
	res = run(finalPrice, "fpw.db", "fpw.csv", filepath.Join(dir, "interest.csv"))
	assert.Contains(t, res.stderr, "11 sent, 1 invalid", "rows sent to the interest call are not FinalPriceWatched's")
	res = run(finalPrice, "fpw.db", "fpw-again.csv", filepath.Join(dir, "fpw.csv"))
	assert.Contains(t, res.stderr, "11 skipped, 1 invalid")
	assert.NotContains(t, res.stderr, "sent,")
	res = run(interest, "interest.db", "interest-again.csv", filepath.Join(dir, "interest.csv"))
	assert.Contains(t, res.stderr, "8 skipped, 4 invalid")
	assert.Len(t, s.requests(), 8+11, "each lead once")
}

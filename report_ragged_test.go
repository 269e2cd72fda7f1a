package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// raggedMapping maps the ragged test's semicolon export.
const raggedMapping = `version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  E-post: person.email.emailAddress
  Kommentar: message
constants:
  customerId: M1001
  estateId: OBJ1234
`

// reportLines reads a CSV or XLSX report as a person sees it: the header,
// and each line's cells, a ragged row's beyond the header included.
func reportLines(t *testing.T, path string) (header []string, lines [][]string) {
	t.Helper()
	if filepath.Ext(path) == ".xlsx" {
		r := readXLSXReport(t, path)
		return r.header, r.rows
	}
	return readReport(t, path)
}

// cellEdit is a person's change to one cell of a report: the line of the
// input's row (by the row column), the column's index, the new text.
type cellEdit struct {
	row   string
	col   int
	value string
}

// editReport makes the edits to the report at in and saves it at out: an
// XLSX report as Excel saves one, a CSV report as a spreadsheet writes
// CSV (every cell as it shows, quoted where it must be).
func editReport(t *testing.T, in, out string, edits ...cellEdit) {
	t.Helper()
	header, lines := reportLines(t, in)
	lineOf := func(row string) int {
		i := slices.IndexFunc(lines, func(l []string) bool { return l[0] == row })
		require.GreaterOrEqual(t, i, 0, "row %s", row)
		return i
	}
	if filepath.Ext(in) == ".xlsx" {
		for i, e := range edits {
			to := out
			if i < len(edits)-1 {
				to = filepath.Join(t.TempDir(), "step.xlsx")
			}
			fixXLSX(t, in, to, e.col+1, lineOf(e.row)+2, e.value)
			in = to
		}
		return
	}
	for _, e := range edits {
		l := lineOf(e.row)
		lines[l][e.col] = e.value
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma, w.UseCRLF = ';', true
	require.NoError(t, w.WriteAll(append([][]string{header}, lines...)))
	require.NoError(t, os.WriteFile(out, buf.Bytes(), 0o600))
}

// TestRaggedRowSurvivesTheReport follows a semicolon export whose comment
// held an unquoted ';' (row 3: one cell more than the header) beside a row
// with a typo in its e-mail (row 4), through the fix-and-re-run workflow,
// with a CSV report and with an XLSX one. The report keeps row 3's last
// cell at the end of its line; a person fixes row 4 only and runs the
// report: row 4 is sent, row 3 is still invalid and nothing of it is sent
// (before, it was sent with its comment cut at the ';'). Then the person
// puts the comment back together in its cell, empties the cell at the end
// and runs the new report: row 3 is sent, its comment whole.
func TestRaggedRowSurvivesTheReport(t *testing.T) {
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			s := startSandbox(t)
			env := sandboxEnv(s, sandboxPassword)
			pins := testPins(t)
			pin := func(i int) string { return pins[i][:8] + "-" + pins[i][8:] }
			input := filepath.Join(dir, "visning.csv")
			require.NoError(t, os.WriteFile(input, []byte("Förnamn;Efternamn;Personnummer;E-post;Kommentar\r\n"+
				"Åsa;Öberg;"+pin(0)+";asa@example.se;vill ha planritning\r\n"+
				"Bo;Ek;"+pin(1)+";bo@example.se;ring efter 18; gärna kväll\r\n"+
				"Cia;Lund;"+pin(2)+";cia@example;visning\r\n"), 0o600))
			m := filepath.Join(dir, "mapping.yaml")
			require.NoError(t, os.WriteFile(m, []byte(raggedMapping), 0o600))
			ledger := filepath.Join(dir, "ledger.db")
			run := func(in, report string) result {
				t.Helper()
				return runCmd(t, dir, env, "run", "--mapping", m, "--ledger", ledger, "--rate", "0", "--report", report, in)
			}
			at := func(lines [][]string, row string) []string {
				t.Helper()
				i := slices.IndexFunc(lines, func(l []string) bool { return l[0] == row })
				require.GreaterOrEqual(t, i, 0, "row %s", row)
				return lines[i]
			}

			first := run(input, "first."+format)
			require.Equal(t, 1, first.code, first.stderr)
			require.Equal(t, 1, s.sb.Accepted(), "only row 2 is sent")
			header, lines := reportLines(t, filepath.Join(dir, "first."+format))
			width := len(header)
			statusCol, errorCol := slices.Index(header, "status"), slices.Index(header, "error")
			emailCol, commentCol := slices.Index(header, "E-post"), slices.Index(header, "Kommentar")
			ragged := at(lines, "3")
			assert.Equal(t, []string{"Bo", "Ek", pin(1), "bo@example.se", "ring efter 18", "invalid"}, ragged[1:statusCol+1])
			assert.Contains(t, ragged[errorCol], `6 cells, header has 5: fix the row or the header; values beyond the last column: " gärna kväll"`)
			assert.Equal(t, []string{" gärna kväll"}, ragged[width:], "the cell beyond the header, at the end of the line")

			// Fix row 4's e-mail and nothing else.
			editReport(t, filepath.Join(dir, "first."+format), filepath.Join(dir, "fixed."+format),
				cellEdit{row: "4", col: emailCol, value: "cia@example.se"})
			second := run("fixed."+format, "second."+format)
			assert.Equal(t, 1, second.code, "row 3 is still invalid: %s", second.stderr)
			leads := s.received(t)
			require.Len(t, leads, 2, "only the fixed row is sent")
			assert.Equal(t, "Cia", leads[1].Person.FirstName)
			_, lines = reportLines(t, filepath.Join(dir, "second."+format))
			assert.Equal(t, "skipped", at(lines, "2")[statusCol])
			assert.Equal(t, "sent", at(lines, "4")[statusCol])
			ragged = at(lines, "3")
			assert.Equal(t, "invalid", ragged[statusCol], "nothing of row 3 is sent")
			assert.Contains(t, ragged[errorCol], "6 cells, header has 5")
			assert.Equal(t, "ring efter 18", ragged[commentCol])
			assert.Equal(t, []string{" gärna kväll"}, ragged[width:], "still at the end of its line")

			// Fix row 3 as a person would: the comment whole in its cell,
			// the cell at the end emptied.
			editReport(t, filepath.Join(dir, "second."+format), filepath.Join(dir, "fixed2."+format),
				cellEdit{row: "3", col: commentCol, value: "ring efter 18; gärna kväll"},
				cellEdit{row: "3", col: width, value: ""})
			third := run("fixed2."+format, "third."+format)
			require.Equal(t, 0, third.code, third.stderr)
			leads = s.received(t)
			require.Len(t, leads, 3, "row 3 is sent, once")
			assert.Equal(t, "Bo", leads[2].Person.FirstName)
			assert.Equal(t, "ring efter 18; gärna kväll", leads[2].Message, "the comment whole")
			_, lines = reportLines(t, filepath.Join(dir, "third."+format))
			fixed := at(lines, "3")
			assert.Equal(t, "sent", fixed[statusCol], fixed[errorCol])
			assert.Len(t, fixed, width, "nothing beyond the header any more")
		})
	}
}

// TestXLSXCellsBeyondHeader: a value in a workbook's column right of the
// header's last cell makes its row invalid, and the report keeps it after
// warnings, as a CSV row with more cells than its header does (issue 16).
func TestXLSXCellsBeyondHeader(t *testing.T) {
	dir := t.TempDir()
	pins := testPins(t)
	f := excelize.NewFile()
	rows := [][]any{
		{"Förnamn", "Efternamn", "Personnummer", "E-post", "Kommentar"},
		{"Åsa", "Öberg", pins[0][:8] + "-" + pins[0][8:], "asa@example.se", "planritning"},
		{"Bo", "Ek", pins[1][:8] + "-" + pins[1][8:], "bo@example.se", "ring efter 18", "gärna kväll", nil, "ej blank"},
	}
	for i, r := range rows {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		require.NoError(t, err)
		require.NoError(t, f.SetSheetRow("Sheet1", cell, &r))
	}
	input := filepath.Join(dir, "visning.xlsx")
	require.NoError(t, f.SaveAs(input))
	m := filepath.Join(dir, "mapping.yaml")
	require.NoError(t, os.WriteFile(m, []byte(raggedMapping), 0o600))
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			report := filepath.Join(t.TempDir(), "report."+format)
			res := runCmd(t, dir, nil, "check", "--mapping", m, "--report", report, input)
			assert.Equal(t, 1, res.code, res.stderr)
			header, lines := reportLines(t, report)
			require.Len(t, lines, 2)
			status, warnings := slices.Index(header, "status"), slices.Index(header, "warnings")
			require.True(t, status > 0 && warnings == len(header)-1, "%q", header)
			assert.Equal(t, "valid", lines[0][status])
			assert.Len(t, lines[0], len(header), "a row within the header has no cells after warnings")
			assert.Equal(t, "invalid", lines[1][status])
			assert.Equal(t, []string{"Bo", "Ek"}, lines[1][1:3])
			assert.Equal(t, []string{"gärna kväll", "", "ej blank"}, lines[1][warnings+1:], "the cells beyond the header, after warnings")
			assert.Contains(t, lines[1][slices.Index(header, "error")], `8 cells, header has 5: fix the row or the header; values beyond the last column: "gärna kväll", "", "ej blank"`)
		})
	}
}

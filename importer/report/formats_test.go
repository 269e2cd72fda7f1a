package report

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

func TestFormatOf(t *testing.T) {
	tests := []struct {
		path string
		want Format
	}{
		{"r.csv", CSV}, {"R.CSV", CSV}, {"r.txt", CSV}, {"report", CSV}, {"/dev/stdout", CSV}, {"dir/r.xlsx", XLSX}, {"r.jsonl", JSONL}, {"r.ndjson", JSONL},
	}
	for _, tc := range tests {
		got, err := FormatOf(tc.path)
		require.NoError(t, err, tc.path)
		assert.Equal(t, tc.want, got, tc.path)
	}
	_, err := FormatOf("report.xls")
	require.ErrorContains(t, err, `report report.xls: cannot tell the format from ".xls"; name it .csv, .xlsx or .jsonl`)
}

// brokenFile is a report's file that takes nothing.
type brokenFile struct{}

func (brokenFile) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestErrorsInSwedish: the writer's errors carry messages, so whoever
// shows them can say them in Swedish; the file's own words stay as the
// operating system wrote them, and the English is what it always was.
func TestErrorsInSwedish(t *testing.T) {
	_, formatErr := FormatOf("report.xls")
	w, err := NewCSV(brokenFile{}, ';', []string{"a"}, msg.English)
	require.NoError(t, err)
	tests := []struct {
		name   string
		err    error
		en, sv string
	}{
		{"unknown extension", formatErr,
			`report report.xls: cannot tell the format from ".xls"; name it .csv, .xlsx or .jsonl`,
			`rapporten report.xls: filändelsen ".xls" säger inte vilket format den ska ha; ge den namnet .csv, .xlsx eller .jsonl`},
		{"cannot write", w.Flush(),
			"write report: no space left on device",
			"rapporten kunde inte skrivas: no space left on device"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, tc.err)
			assert.EqualError(t, tc.err, tc.en)
			assert.Equal(t, tc.sv, msg.Swedish.Error(tc.err))
		})
	}
}

// The English report's sheets, as a user sees them.
const sheetReport, sheetSummary = "Report", "Summary"

// writeXLSX writes testLines as an XLSX report and opens it.
func writeXLSX(t *testing.T, header []string, lines []Line, s *Summary) (*excelize.File, []byte) {
	t.Helper()
	var buf bytes.Buffer
	w, err := NewXLSX(&buf, header, msg.English)
	require.NoError(t, err)
	for _, l := range lines {
		require.NoError(t, w.Write(&l))
	}
	require.NoError(t, w.Flush())
	assert.Zero(t, buf.Len(), "nothing is written before Close")
	require.NoError(t, w.Close(s))
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f, buf.Bytes()
}

// fill is the fill colour of a cell's style, "" for none.
func fill(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	if len(st.Fill.Color) == 0 {
		return ""
	}
	c := strings.ToUpper(st.Fill.Color[0])
	if len(c) == 8 { // with its alpha
		c = c[2:]
	}
	return c
}

func TestXLSX(t *testing.T) {
	header := []string{"Förnamn", "Efternamn", "=Mobil"}
	started := time.Date(2026, 11, 26, 10, 15, 0, 0, time.UTC)
	f, _ := writeXLSX(t, header, testLines(), &Summary{
		Counts:  []Count{{"sent", 1}, {"invalid", 2}},
		Inputs:  []string{"visning.xlsx"},
		Mapping: "visning.yaml",
		Started: started, Finished: started.Add(3 * time.Second),
		Command: "leadimport run --mapping visning.yaml visning.xlsx",
	})
	assert.Equal(t, []string{sheetReport, sheetSummary}, f.GetSheetList())

	rows, err := f.GetRows(sheetReport)
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"row", "Förnamn", "Efternamn", "=Mobil", "status", "http_status", "attempts", "response", "error", "changes", "warnings"},
		{"2", "Åsa", "070-1234567", "", "sent", "200", "1", "CON1", "", "=Mobil: 070-1234567 → +46701234567", `Förnamn "Åsa": looks odd`},
		{"4", "=HYPERLINK(\"x\")", "", "", "invalid", "", "", "", "Efternamn: is required; no e-mail or phone"},
		{"5", "Bo", "070", "extra", "invalid", "", "", "", "3 cells, header has 2"},
	}, rows, "text as written: an XLSX string cell is never a formula, so nothing is escaped")

	// The header is bold and frozen, with a filter on every column.
	id, err := f.GetCellStyle(sheetReport, "B1")
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	assert.True(t, st.Font.Bold)
	panes, err := f.GetPanes(sheetReport)
	require.NoError(t, err)
	assert.True(t, panes.Freeze)
	assert.Equal(t, 1, panes.YSplit)

	// Status cells by status; the cell a problem names red, a warned one yellow.
	assert.Equal(t, goodFill, fill(t, f, sheetReport, "E2"))
	assert.Equal(t, badFill, fill(t, f, sheetReport, "E3"))
	assert.Equal(t, neutralFill, fill(t, f, sheetReport, "B2"), "Förnamn has a warning on row 2")
	assert.Equal(t, badFill, fill(t, f, sheetReport, "C3"), "Efternamn is missing on row 4")
	assert.Empty(t, fill(t, f, sheetReport, "B3"))
	assert.Empty(t, fill(t, f, sheetReport, "C2"))

	sum, err := f.GetRows(sheetSummary)
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"status", "rows"},
		{"sent", "1"},
		{"invalid", "2"},
		{"total", "3"},
		nil,
		{"input", "visning.xlsx"},
		{"mapping", "visning.yaml"},
		{"started", started.Local().Format("2006-01-02 15:04:05")},
		{"finished", started.Add(3 * time.Second).Local().Format("2006-01-02 15:04:05")},
		{"command", "leadimport run --mapping visning.yaml visning.xlsx"},
	}, sum)
}

// TestXLSXHasNoFormula opens the workbook's XML: no cell of either sheet
// has a formula, and the report's sheet has its auto-filter.
func TestXLSXHasNoFormula(t *testing.T) {
	lines := testLines()
	for i, v := range []string{`=HYPERLINK("http://evil","x")`, "+SUM(A1:A9)", "@cmd", "-2+3+cmd|' /C calc'!A0", "=1+1"} {
		lines = append(lines, Line{Row: 10 + i, Cells: []string{v, v, v}, Status: "invalid", Response: v,
			Errors: []mapping.Problem{{Message: msg.Verbatim{Text: v}}}})
	}
	_, data := writeXLSX(t, []string{"Förnamn", "Efternamn", "Mobil"}, lines, &Summary{Command: "=cmd", Mapping: "@x"})
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
		xml, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		assert.NotContains(t, string(xml), "<f>", zf.Name)
		assert.NotContains(t, string(xml), "<f ", zf.Name)
		if zf.Name == "xl/worksheets/sheet1.xml" {
			assert.Contains(t, string(xml), `<autoFilter ref="$A$1:$K$9"`)
		}
	}
	assert.Equal(t, 2, sheets)
}

func TestXLSXStreamsPastTheHeldRows(t *testing.T) {
	var lines []Line
	for i := range widthRows + 50 {
		lines = append(lines, Line{Row: i + 2, Cells: []string{"Anna", strings.Repeat("x", i%70)}, Status: "valid"})
	}
	f, _ := writeXLSX(t, []string{"Förnamn", "Efternamn"}, lines, nil)
	rows, err := f.GetRows(sheetReport)
	require.NoError(t, err)
	require.Len(t, rows, 1+len(lines))
	for i, r := range rows[1:] {
		require.Equal(t, lines[i].Cells[0], r[1])
	}
	w, err := f.GetColWidth(sheetReport, "C")
	require.NoError(t, err)
	assert.Equal(t, float64(maxWidth+2), w, "widths from the held rows, capped")
	assert.Equal(t, []string{sheetReport}, f.GetSheetList(), "no summary given, no summary sheet")
}

func TestXLSXEmpty(t *testing.T) {
	f, _ := writeXLSX(t, []string{"Förnamn"}, nil, &Summary{})
	rows, err := f.GetRows(sheetReport)
	require.NoError(t, err)
	assert.Equal(t, [][]string{{"row", "Förnamn", "status", "http_status", "attempts", "response", "error", "changes", "warnings"}}, rows)
}

func TestJSONL(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONL(&buf, []string{"Förnamn", "=Mobil"}, msg.English)
	for _, l := range testLines() {
		require.NoError(t, w.Write(&l))
	}
	require.NoError(t, w.Close(nil))

	var got []map[string]any
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), sc.Text())
		got = append(got, m)
	}
	require.Len(t, got, 3)
	assert.Equal(t, map[string]any{
		"row": 2.0, "status": "sent", "http_status": 200.0, "attempts": 1.0, "response": "CON1",
		"errors":   []any{},
		"changes":  []any{map[string]any{"column": "=Mobil", "field": "person.telephone.cell", "from": "070-1234567", "to": "+46701234567"}},
		"warnings": []any{map[string]any{"column": "Förnamn", "field": "person.firstName", "value": "Åsa", "message": "looks odd"}},
		"lead": map[string]any{"endpoint": "FinalPriceWatched", "customerId": "M1", "estateId": "OBJ1", "body": map[string]any{
			"person": map[string]any{"firstName": "Åsa", "lastName": "Öberg", "socialSecurityNumber": "19800101-****"}}},
	}, got[0])
	assert.Equal(t, map[string]any{
		"row": 4.0, "status": "invalid", "http_status": 0.0, "attempts": 0.0, "response": "",
		"errors": []any{
			map[string]any{"field": "person.lastName", "column": "Efternamn", "value": "", "message": "is required"},
			map[string]any{"field": "", "column": "", "value": "", "message": "no e-mail or phone"},
		},
		"changes": []any{}, "warnings": []any{}, "lead": nil,
	}, got[1])
	assert.Equal(t, "19800101-9802", testLines()[0].Lead.Body.Person.SocialSecurityNumber, "the caller's lead is not masked")
}

func TestJSONLMasksEveryPersonnummer(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONL(&buf, []string{"Pnr"}, msg.English)
	require.NoError(t, w.Write(&Line{Row: 2, Status: "invalid",
		Errors:   []mapping.Problem{{Column: "Pnr", Field: "person.socialSecurityNumber", Value: "19890213-2390", Message: msg.CheckDigit{Want: 1}}},
		Warnings: []mapping.Problem{{Column: "Pnr", Field: "person.socialSecurityNumber", Value: "189001019802", Message: msg.BornLongAgo{Year: 1890, Age: 136}}},
		Changes:  []mapping.Change{{Column: "Pnr", Field: "person.socialSecurityNumber", From: "8101012382", To: "19810101-2382"}, {Column: "Mobil", Field: "person.telephone.cell", From: "070-174 06 05", To: "+46701740605"}},
	}))
	require.NoError(t, w.Close(nil))
	out := buf.String()
	for _, full := range []string{"2390", "9802", "2382"} {
		assert.NotContains(t, out, full)
	}
	assert.Contains(t, out, `"value":"19890213-****"`)
	assert.Contains(t, out, `"from":"810101****","to":"19810101-****"`)
	assert.Contains(t, out, `"to":"+46701740605"`, "only personnummer are masked")
}

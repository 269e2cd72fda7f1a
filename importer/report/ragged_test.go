package report

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

// raggedHeader and raggedLine are a semicolon export's row whose comment
// held an unquoted ';': the comment's end spilled past the header, and a
// formula-like cell and blank cells after it.
var raggedHeader = []string{"Förnamn", "Personnummer", "Kommentar"}

func raggedLine() Line {
	return Line{Row: 7, Status: "invalid",
		Cells: []string{"Åsa", "19890213-2391", "ring efter 18", " gärna kväll", "", "=1+1", " ", ""},
		Errors: []mapping.Problem{{Value: `" gärna kväll", "", "=1+1"`,
			Message: msg.ExtraCells{Cells: 6, Header: 3}}}}
}

// validLine is a row with no cell beyond the header but blank ones, as
// Excel's exports pad rows.
func validLine() Line {
	return Line{Row: 8, Status: "valid", Cells: []string{"Bo", "", "hej", "", "  "}}
}

// raggedError is the ragged line's error column in English.
var raggedError = `6 cells, header has 3: fix the row or the header; values beyond the last column: " gärna kväll", "", "=1+1"; ` +
	"this report keeps the cells beyond the last column at the end of the line, after warnings: put their text back where it belongs and empty them"

// TestCSVKeepsCellsBeyondTheHeader: a ragged row's cells beyond the
// header are at the end of its line, after the outcome columns, up to its
// last that is not blank, each as safe from Excel's formulas as any other;
// the header and every other line are as wide as ever.
func TestCSVKeepsCellsBeyondTheHeader(t *testing.T) {
	lines := []Line{raggedLine(), validLine()}
	out := writeCSV(t, ';', raggedHeader, lines)
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(out, []byte("\ufeff"))))
	r.Comma, r.FieldsPerRecord = ';', -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"row", "Förnamn", "Personnummer", "Kommentar", "status", "http_status", "attempts", "response", "error", "changes", "warnings"},
		{"7", "Åsa", "19890213-2391", "ring efter 18", "invalid", "", "", "", raggedError, "", "", " gärna kväll", "", "'=1+1"},
		{"8", "Bo", "", "hej", "valid", "", "", "", "", "", ""},
	}, recs)
}

// TestXLSXKeepsCellsBeyondTheHeader: in an XLSX report too, a ragged
// row's cells beyond the header follow the outcome columns, marked red,
// whether the row is among those held back to size the columns or comes
// long after the header was written; the filter takes them in, so that
// sorting in Excel moves them with their rows.
func TestXLSXKeepsCellsBeyondTheHeader(t *testing.T) {
	var lines []Line
	for i := range widthRows + 20 {
		l := validLine()
		l.Row = i + 2
		lines = append(lines, l)
	}
	early, late := raggedLine(), raggedLine()
	early.Row, late.Row = 3, widthRows+10
	lines[1], lines[widthRows+8] = early, late
	late.Cells = append(late.Cells[:6:6], "x") // wider still: one more cell
	late.Errors = []mapping.Problem{{Message: msg.Verbatim{Text: "7 cells"}}}
	lines[widthRows+8] = late
	f, data := writeXLSX(t, raggedHeader, lines, nil)

	rows, err := f.GetRows(sheetReport)
	require.NoError(t, err)
	require.Len(t, rows, 1+len(lines))
	assert.Equal(t, []string{"row", "Förnamn", "Personnummer", "Kommentar", "status", "http_status", "attempts", "response", "error", "changes", "warnings"},
		rows[0], "the header is the input's and the report's, nothing more")
	assert.Equal(t, []string{"3", "Åsa", "19890213-2391", "ring efter 18", "invalid", "", "", "", raggedError, "", "", " gärna kväll", "", "=1+1"},
		rows[2], "text as written: an XLSX string cell is never a formula")
	assert.Equal(t, []string{strconv.Itoa(widthRows + 10), "Åsa", "19890213-2391", "ring efter 18", "invalid", "", "", "",
		"7 cells; " + msg.English.Say(msg.CellsAtLineEnd{After: "warnings"}), "", "", " gärna kväll", "", "=1+1", "x"},
		rows[widthRows+9], "past the held rows")
	assert.Equal(t, []string{"4", "Bo", "", "hej", "valid"}, rows[3], "blank cells beyond the header are nothing")

	for _, cell := range []string{"L3", "M3", "N3", "L210", "O210"} {
		assert.Equal(t, badFill, fill(t, f, sheetReport, cell), cell)
	}
	assert.Empty(t, fill(t, f, sheetReport, "L4"))
	assert.Equal(t, "$A$1:$O$"+strconv.Itoa(len(lines)+1), autoFilter(t, data), "the filter reaches the widest row's last cell")
}

// autoFilter is the range of the report sheet's filter.
func autoFilter(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	require.NoError(t, err)
	defer rc.Close()
	sheet, err := io.ReadAll(rc)
	require.NoError(t, err)
	_, ref, ok := strings.Cut(string(sheet), `<autoFilter ref="`)
	require.True(t, ok, "no filter")
	ref, _, _ = strings.Cut(ref, `"`)
	return ref
}

// TestJSONLKeepsEveryCellOfARaggedRow: a ragged row's object holds all
// its cells (its lead was mapped from cells that may be out of place, and
// those beyond the header are nowhere else), every personnummer among
// them masked, in its column or moved out of it; a row that fits its
// header has no cells, as before.
func TestJSONLKeepsEveryCellOfARaggedRow(t *testing.T) {
	shifted := raggedLine()
	shifted.Row = 9
	// The comment's ';' came before the personnummer: it moved right.
	shifted.Cells = []string{"Cia", "ring; efter", "18", "19800101-9802", "8101012382"}
	shifted.Errors = []mapping.Problem{
		{Column: "Personnummer", Field: "person.socialSecurityNumber", Value: "ring; efter", Message: msg.PersonnummerFormat{}},
		{Value: `"19800101-9802", "8101012382"`, Message: msg.ExtraCells{Cells: 5, Header: 3}},
	}
	var buf bytes.Buffer
	w := NewJSONL(&buf, raggedHeader, msg.English)
	for _, l := range []Line{raggedLine(), validLine(), shifted} {
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
	assert.Equal(t, []any{"Åsa", "19890213-****", "ring efter 18", " gärna kväll", "", "=1+1", " ", ""}, got[0]["cells"],
		"every cell, as read, the personnummer masked")
	assert.NotContains(t, got[1], "cells", "a row that fits its header")
	assert.Equal(t, []any{"Cia", "ring; e****", "18", "19800101-****", "810101****"}, got[2]["cells"],
		"the personnummer column masked whatever it holds, and the personnummer beyond it")
	errs := got[2]["errors"].([]any)
	assert.Equal(t, `"19800101-****", "810101****"`, errs[1].(map[string]any)["value"], "the values beyond the header, masked")
	for _, full := range []string{"2391", "9802", "2382"} {
		assert.NotContains(t, buf.String(), full)
	}
}

package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

func TestNeutralize(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Anna", "Anna"},
		{"=SUM(A1:A2)", "'=SUM(A1:A2)"},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"+46701234567", "+46701234567"},
		{"+46 (0)70-123 45 67", "+46 (0)70-123 45 67"},
		{"-12.5", "-12.5"},
		{"+SUM(A1)", "'+SUM(A1)"},
		{"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
		{"+", "'+"},
		{"-", "'-"},
		{"070-123 45 67", "070-123 45 67"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, Neutralize(tt.in))
		})
	}
}

func TestCSV(t *testing.T) {
	var buf bytes.Buffer
	w, err := NewCSV(&buf, ';', []string{"Förnamn", "=Mobil"}, msg.English)
	require.NoError(t, err)
	for _, l := range testLines() {
		require.NoError(t, w.Write(&l))
	}
	require.NoError(t, w.Close(nil))

	out := buf.String()
	require.True(t, strings.HasPrefix(out, "\ufeff"), "a BOM, so Excel reads UTF-8")
	assert.Contains(t, out, "\r\n")
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\ufeff")))
	r.Comma, r.FieldsPerRecord = ';', -1 // a line with cells beyond the header is longer
	recs, err := r.ReadAll()
	require.NoError(t, err)
	assert.Equal(t, [][]string{
		{"row", "Förnamn", "'=Mobil", "status", "http_status", "attempts", "response", "error", "changes", "warnings"},
		{"2", "Åsa", "070-1234567", "sent", "200", "1", "CON1", "", "'=Mobil: 070-1234567 → +46701234567", `Förnamn "Åsa": looks odd`},
		{"4", "'=HYPERLINK(\"x\")", "", "invalid", "", "", "", "Efternamn: is required; no e-mail or phone", "", ""},
		{"5", "Bo", "070", "invalid", "", "", "", "3 cells, header has 2; " + msg.English.Say(msg.CellsAtLineEnd{After: "warnings"}), "", "", "extra"},
	}, recs)
}

// testLines are the lines every format's test writes: a sent row with a
// change and a warning, an invalid row with a formula for a name, and a
// row with a cell beyond the header.
func testLines() []Line {
	return []Line{
		{Row: 2, Cells: []string{"Åsa", "070-1234567"}, Status: "sent", HTTPStatus: 200, Attempts: 1, Response: "CON1",
			Changes:  []mapping.Change{{Column: "=Mobil", Field: "person.telephone.cell", From: "070-1234567", To: "+46701234567"}},
			Warnings: []mapping.Problem{{Column: "Förnamn", Field: "person.firstName", Value: "Åsa", Message: msg.Verbatim{Text: "looks odd"}}},
			Lead: &mapping.Lead{Endpoint: "FinalPriceWatched", CustomerID: "M1", EstateID: "OBJ1", Body: mapping.FinalPriceWatched{
				Person: mapping.Person{FirstName: "Åsa", LastName: "Öberg", SocialSecurityNumber: "19800101-9802"}}}},
		{Row: 4, Cells: []string{"=HYPERLINK(\"x\")"}, Status: "invalid", Errors: []mapping.Problem{
			{Column: "Efternamn", Field: "person.lastName", Message: msg.Required{}},
			{Message: msg.Verbatim{Text: "no e-mail or phone"}},
		}},
		{Row: 5, Cells: []string{"Bo", "070", "extra"}, Status: "invalid", Errors: []mapping.Problem{{Message: msg.Verbatim{Text: "3 cells, header has 2"}}}},
	}
}

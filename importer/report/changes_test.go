package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

// emptiedLine is a row whose phone cell held "-", taken as empty, beside
// a value normalisation changed.
func emptiedLine() *Line {
	return &Line{Row: 3, Cells: []string{"-", "12345"}, Status: "valid", Changes: []mapping.Change{
		{Column: "Telefon", Field: "person.telephone.home", From: "-", To: ""},
		{Column: "Postnr", Field: "person.address.zipCode", From: "12345", To: "123 45"},
	}}
}

// TestJSONLShowsAnEmptiedPersonnummerCell: a personnummer cell taken as
// empty held one of the mapping's texts, not a number, so JSONL, which
// masks every personnummer, shows it as written.
func TestJSONLShowsAnEmptiedPersonnummerCell(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONL(&buf, []string{"Personnummer", "Pnr"}, msg.English)
	require.NoError(t, w.Write(&Line{Row: 2, Status: "valid", Changes: []mapping.Change{
		{Column: "Personnummer", Field: "person.socialSecurityNumber", From: "saknas", To: ""},
		{Column: "Pnr", Field: "person.socialSecurityNumber", From: "8501012382", To: "19850101-2382"},
	}}))
	require.NoError(t, w.Close(nil))
	var got struct{ Changes []map[string]string }
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	assert.Equal(t, []map[string]string{
		{"column": "Personnummer", "field": "person.socialSecurityNumber", "from": "saknas", "to": ""},
		{"column": "Pnr", "field": "person.socialSecurityNumber", "from": "850101****", "to": "19850101-****"},
	}, got.Changes)
}

// TestChangesSayEmptyInTheReportsLanguage: a cell taken as empty is
// listed in the changes column, quoted, with the report's word for
// empty; JSONL, for programs, gives it as an empty "to".
func TestChangesSayEmptyInTheReportsLanguage(t *testing.T) {
	header := []string{"Telefon", "Postnr"}
	want := map[msg.Lang]string{
		msg.English: `Telefon: "-" → empty; Postnr: 12345 → 123 45`,
		msg.Swedish: `Telefon: "-" → tomt; Postnr: 12345 → 123 45`,
	}
	for _, l := range msg.Langs() {
		t.Run(string(l)+" csv", func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewCSV(&buf, ';', header, l)
			require.NoError(t, err)
			require.NoError(t, w.Write(emptiedLine()))
			require.NoError(t, w.Close(nil))
			r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
			r.Comma = ';'
			recs, err := r.ReadAll()
			require.NoError(t, err)
			require.Len(t, recs, 2)
			assert.Equal(t, []string{"3", "'-", "12345", "valid", "", "", "", "", want[l], ""}, recs[1],
				"the lone - is kept from Excel's formulas, and read back as -")
		})
		t.Run(string(l)+" xlsx", func(t *testing.T) {
			var buf bytes.Buffer
			w, err := NewXLSX(&buf, header, l)
			require.NoError(t, err)
			require.NoError(t, w.Write(emptiedLine()))
			require.NoError(t, w.Close(&Summary{}))
			f, err := excelize.OpenReader(&buf)
			require.NoError(t, err)
			defer f.Close()
			rows, err := f.GetRows(f.GetSheetList()[0])
			require.NoError(t, err)
			require.Len(t, rows, 2)
			assert.Equal(t, want[l], rows[1][8])
		})
	}
	t.Run("jsonl", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewJSONL(&buf, []string{"Telefon", "Postnr"}, msg.Swedish)
		require.NoError(t, w.Write(emptiedLine()))
		require.NoError(t, w.Close(nil))
		var got struct{ Changes []map[string]string }
		require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
		assert.Equal(t, []map[string]string{
			{"column": "Telefon", "field": "person.telephone.home", "from": "-", "to": ""},
			{"column": "Postnr", "field": "person.address.zipCode", "from": "12345", "to": "123 45"},
		}, got.Changes)
	})
}

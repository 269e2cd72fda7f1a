package mapping

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// emptyMapping maps a column of every kind of field: the texts that mean
// empty are empty in each.
const emptyMapping = `version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  Utländskt: person.isForeignSocialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
  Telefon: person.telephone.home
  Gatuadress: person.address.streetAddress
  Postnr: person.address.zipCode
  Status: prospectiveBuyerStatus
  Källa: marketing.utmTags.utm_source
  Anteckning: message
  Objekt: estateId
constants:
  customerId: M1001
  estateId: OBJ1
`

var emptyHeader = []string{"Förnamn", "Efternamn", "Personnummer", "Utländskt", "E-post", "Mobil", "Telefon",
	"Gatuadress", "Postnr", "Status", "Källa", "Anteckning", "Objekt"}

// emptyRow is a valid row of emptyHeader, every cell filled.
func emptyRow() []string {
	return []string{"Anna", "Svensson", "19850101-2382", "false", "anna@example.se", "+46701740605", "+46846500401",
		"Storgatan 1", "123 45", "Interested", "visning", "Ring efter sex", "OBJ7"}
}

// The default texts, as people write them: each in the case the issue
// gives, in other cases, and with spaces around.
var emptyTexts = []string{"-", "–", "—", ".", "?", "saknas", "Saknas", "SAKNAS", "N/A", "n/a", "n/A", "NULL", "null", "Null", " - ", "\tsaknas "}

// TestEmptyTextsInEveryField: a cell holding only a text that means
// empty is empty, in a field of every kind: the row is mapped as with
// the cell blank, and the report's changes list the cell. Before, a "-"
// in the phone column made the row invalid beside a valid e-mail.
func TestEmptyTextsInEveryField(t *testing.T) {
	mp := bindT(t, emptyMapping, emptyHeader, nil)
	optional := []string{"Personnummer", "Utländskt", "E-post", "Mobil", "Telefon", "Gatuadress", "Postnr", "Status", "Källa", "Anteckning", "Objekt"}
	for _, column := range optional {
		at := index(t, emptyHeader, column)
		blank := emptyRow()
		blank[at] = ""
		want := mp.Map(blank)
		require.Empty(t, want.Problems, column)
		for _, text := range emptyTexts {
			t.Run(column+" "+text, func(t *testing.T) {
				cells := emptyRow()
				cells[at] = text
				got := mp.Map(cells)
				assert.Empty(t, got.Problems)
				assert.Equal(t, want.Lead, got.Lead, "as with the cell blank")
				assert.Empty(t, got.Warnings)
				assert.Equal(t, []string{column + `: "` + strings.TrimSpace(text) + `" → empty`}, changeStrings(got.Changes))
			})
		}
	}
	t.Run("the estate's cell empty: the constant stands in", func(t *testing.T) {
		cells := emptyRow()
		cells[index(t, emptyHeader, "Objekt")] = "saknas"
		m := mp.Map(cells)
		assert.Equal(t, "OBJ1", m.Lead.EstateID)
	})
	t.Run("a required name", func(t *testing.T) {
		for _, text := range emptyTexts {
			cells := emptyRow()
			cells[index(t, emptyHeader, "Efternamn")] = text
			m := mp.Map(cells)
			assert.Equal(t, []string{"Efternamn: is required"}, problemStrings(m.Problems), "%q", text)
			assert.Equal(t, []string{`Efternamn: "` + strings.TrimSpace(text) + `" → empty`}, changeStrings(m.Changes))
		}
	})
	t.Run("a full name", func(t *testing.T) {
		mp := bindT(t, "version: 1\ncolumns:\n  Namn: person.fullName\n  Mobil: person.telephone.cell\nconstants:\n  customerId: M1001\n  estateId: OBJ1\n",
			[]string{"Namn", "Mobil"}, nil)
		m := mp.Map([]string{"—", "070-174 06 05"})
		assert.Equal(t, []string{"Namn: is required"}, problemStrings(m.Problems))
		assert.Equal(t, []string{`Namn: "—" → empty`, "Mobil: 070-174 06 05 → +46701740605"}, changeStrings(m.Changes))
	})
	t.Run("no e-mail and a dash for the phone: no contact", func(t *testing.T) {
		cells := emptyRow()
		cells[index(t, emptyHeader, "E-post")] = ""
		cells[index(t, emptyHeader, "Mobil")] = "-"
		cells[index(t, emptyHeader, "Telefon")] = "N/A"
		m := mp.Map(cells)
		assert.Equal(t, []string{"no e-mail or phone: at least one is required"}, problemStrings(m.Problems))
	})
}

// TestNotEmptyTexts: only the whole cell, trimmed, is compared; other
// short values are values.
func TestNotEmptyTexts(t *testing.T) {
	mp := bindT(t, emptyMapping, emptyHeader, nil)
	at := index(t, emptyHeader, "Anteckning")
	for _, v := range []string{"--", "-1", "..", "?!", "n.a.", "N/A2", "saknas ej", "Nul", "ingen", "0", "x", "Bo"} {
		cells := emptyRow()
		cells[at] = v
		m := mp.Map(cells)
		assert.Equal(t, v, m.Lead.Body.Message)
		assert.Empty(t, m.Changes, v)
	}
	// A phone cell of "--" is no phone number, and still says so.
	cells := emptyRow()
	cells[index(t, emptyHeader, "Mobil")] = "--"
	assert.Equal(t, []string{`Mobil "--": a phone number needs at least 5 digits`}, problemStrings(mp.Map(cells).Problems))
}

// TestEmptyTextsFromTheMapping: input.empty replaces the default texts,
// and [] turns them off.
func TestEmptyTextsFromTheMapping(t *testing.T) {
	const head = "version: 1\ncolumns:\n  Namn: person.fullName\n  E-post: person.email.emailAddress\n  Mobil: person.telephone.cell\n  Anteckning: message\n" +
		"constants:\n  customerId: M1001\n  estateId: OBJ1\n"
	header := []string{"Namn", "E-post", "Mobil", "Anteckning"}
	t.Run("replaced", func(t *testing.T) {
		mp := bindT(t, head+"input:\n  empty: [ingen, \"x\", \"-\"]\n", header, nil)
		m := mp.Map([]string{"Anna Svensson", "anna@example.se", "INGEN", "saknas"})
		assert.Empty(t, m.Problems)
		assert.Nil(t, m.Lead.Body.Person.Telephone)
		assert.Equal(t, "saknas", m.Lead.Body.Message, "no longer a text that means empty")
		assert.Equal(t, []string{`Mobil: "INGEN" → empty`}, changeStrings(m.Changes))
		m = mp.Map([]string{"Anna Svensson", "anna@example.se", "N/A", "x"})
		assert.Equal(t, []string{`Mobil "N/A": a phone number may hold only digits, spaces and + - ( ) / .`}, problemStrings(m.Problems))
		assert.Empty(t, m.Lead.Body.Message)
	})
	t.Run("none", func(t *testing.T) {
		mp := bindT(t, head+"input:\n  empty: []\n", header, nil)
		m := mp.Map([]string{"Anna Svensson", "anna@example.se", "-", "-"})
		assert.Equal(t, []string{`Mobil "-": a phone number needs at least 5 digits`}, problemStrings(m.Problems))
		assert.Equal(t, "-", m.Lead.Body.Message)
		assert.Empty(t, m.Changes)
	})
	t.Run("constants and --set are not cells", func(t *testing.T) {
		mp := bindT(t, head+"  marketing.referrer: \"-\"\n", header, map[string]string{"leadSourceId": "N/A"})
		m := mp.Map([]string{"Anna Svensson", "anna@example.se", "", ""})
		assert.Empty(t, m.Problems)
		assert.Equal(t, "-", m.Lead.Body.Marketing.Referrer)
		assert.Equal(t, "N/A", m.Lead.Body.LeadSourceID)
		assert.Empty(t, m.Changes)
	})
}

func TestParseInputEmpty(t *testing.T) {
	const head = "version: 1\ncolumns:\n  Förnamn: person.firstName\ninput:\n"
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"not given: the default", "  sheet: Blad1\n", nil},
		{"a flow list", `  empty: ["-", saknas, "?", .]` + "\n", []string{"-", "saknas", "?", "."}},
		{"a block list, NULL and ~ as written", "  empty:\n    - NULL\n    - ~\n    - \" ingen \"\n    - 0\n", []string{"NULL", "~", "ingen", "0"}},
		{"the same text twice, in two cases", "  empty: [saknas, SAKNAS]\n", []string{"saknas"}},
		{"none", "  empty: []\n", []string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(head+tc.yaml), "m.yaml")
			require.NoError(t, err)
			assert.Equal(t, tc.want, m.Input.Empty)
		})
	}
}

func TestParseInputEmptyErrors(t *testing.T) {
	const head = "version: 1\ncolumns:\n  Förnamn: person.firstName\ninput:\n"
	const list = `input.empty must be a list of the texts that mean an empty cell, e.g. ["-", saknas, N/A], or [] for none; not `
	const entry = `input.empty: each entry must be a text, e.g. "-" or saknas (put - ? and other signs in quotes), not `
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"a text", "  empty: saknas\n", []string{"m.yaml:5: " + list + `"saknas"`}},
		{"nothing", "  empty:\n", []string{"m.yaml:5: " + list + "(empty)"}},
		{"keys", "  empty:\n    saknas: yes\n", []string{"m.yaml:6: " + list + "(a mapping)"}},
		{"a blank entry and an unquoted ?", "  empty:\n    - \"-\"\n    -\n    - ?\n    - \"  \"\n", []string{
			"m.yaml:7: " + entry + "(empty)",
			"m.yaml:8: " + entry + "(a mapping)",
			"m.yaml:9: " + entry + `"  "`,
		}},
		{"a list in the list", "  empty: [[a]]\n", []string{"m.yaml:5: " + entry + "(a list)"}},
		{"misspelt", "  emtpy: []\n", []string{`m.yaml:5: unknown key "emtpy" under input (did you mean "empty"?)`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(head+tc.yaml), "m.yaml")
			assert.Nil(t, m)
			assert.Equal(t, tc.want, errorLines(t, err))
		})
	}
}

// TestEmptyChangeInSwedish: the change's one word is said in the
// report's language; the value is quoted, so that a "." stands out.
func TestEmptyChangeInSwedish(t *testing.T) {
	mp := bindT(t, emptyMapping, emptyHeader, nil)
	cells := emptyRow()
	cells[index(t, emptyHeader, "Telefon")] = "."
	cells[index(t, emptyHeader, "Postnr")] = "12345"
	m := mp.Map(cells)
	require.Len(t, m.Changes, 2)
	assert.Equal(t, []string{`Telefon: "." → empty`, "Postnr: 12345 → 123 45"}, changeStrings(m.Changes))
	assert.Equal(t, `Telefon: "." → tomt`, m.Changes[0].In(msg.Swedish))
	assert.Equal(t, "Postnr: 12345 → 123 45", m.Changes[1].In(msg.Swedish))
	assert.Equal(t, Change{Column: "Telefon", Field: "person.telephone.home", From: ".", To: "", col: 6}, m.Changes[0])
}

// TestTallyEmptyTexts: a text that means empty counts as an empty cell
// in check's per-column summary, not as a value.
func TestTallyEmptyTexts(t *testing.T) {
	const yaml = "version: 1\ncolumns:\n  Namn: person.fullName\n  E-post: person.email.emailAddress\n  Mobil: person.telephone.cell\n" +
		"constants:\n  customerId: M1001\n  estateId: OBJ1\n"
	mp := bindT(t, yaml, []string{"Namn", "E-post", "Mobil"}, nil)
	tally, mapped, scratch := mp.NewTally(), mp.NewTally(), new(Scratch)
	for _, cells := range [][]string{
		{"Anna Svensson", "anna@example.se", "-"},
		{"Bo Ek", "bo@example.se", " N/A "},
		{"Cecilia Berg", "saknas", "070-174 06 05"},
		{"?", "dan@example.se", "070-174 06 0"},
		{"  ", "eva@example.se"}, // blank, and short
	} {
		m := mp.Map(cells)
		tally.Add(cells, &m)
		into := mp.MapInto(cells, scratch)
		mapped.AddMapped(cells, &into, scratch)
	}
	assert.Equal(t, tally.Columns(), mapped.Columns(), "AddMapped counts as Add")
	assert.Equal(t, []ColumnCount{
		{Column: "Namn", Field: "person.fullName", Valid: 3, Empty: 2},
		{Column: "E-post", Field: "person.email.emailAddress", Valid: 4, Empty: 1},
		{Column: "Mobil", Field: "person.telephone.cell", Changed: 1, Invalid: 1, Empty: 3},
	}, tally.Columns())
}

// index is where column is in header.
func index(t testing.TB, header []string, column string) int {
	t.Helper()
	for i, h := range header {
		if h == column {
			return i
		}
	}
	require.Failf(t, "no such column", "%s", column)
	return -1
}

package mapping

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func changeStrings(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.String())
	}
	return out
}

func TestMapChangesAndWarnings(t *testing.T) {
	const yaml = `version: 1
columns:
  Namn: person.fullName
  Personnummer: person.socialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
  Postnummer: person.address.zipCode
  Status: prospectiveBuyerStatus
  Utländskt: person.isForeignSocialSecurityNumber
constants:
  customerId: M1001
  estateId: OBJ1
  prospectiveBuyerStatus: Intresserad
`
	header := []string{"Namn", "Personnummer", "E-post", "Mobil", "Postnummer", "Status", "Utländskt"}
	mp := bindT(t, yaml, header, nil)
	tests := []struct {
		name     string
		cells    []string
		changes  []string
		warnings []string
		problems []string
	}{
		{
			name:  "every value already as sent: no changes",
			cells: []string{"Anna Svensson", "19850101-2382", "anna@example.se", "+46701740605", "123 45", "Interested", "false"},
		},
		{
			name:  "surrounding spaces are no change",
			cells: []string{" Anna Svensson ", "19850101-2382\t", " anna@example.se", "+46701740605 ", " 123 45", "", ""},
		},
		{
			name:  "each normaliser's change, in the mapping's order",
			cells: []string{"ANNA-KARIN VON ESSEN", "8501012382", "Anna@Example.SE", "070-174 06 05", "SE-12345", "ej intresserad", "nej"},
			changes: []string{
				"Namn: ANNA-KARIN VON ESSEN → Anna-Karin von Essen",
				"Personnummer: 8501012382 → 19850101-2382",
				"E-post: Anna@Example.SE → Anna@example.se",
				"Mobil: 070-174 06 05 → +46701740605",
				"Postnummer: SE-12345 → 123 45",
				"Status: ej intresserad → NotInterested",
				"Utländskt: nej → false",
			},
		},
		{
			name:    "a number Excel stored without its 0",
			cells:   []string{"Anna Svensson", "", "", "701740605", "", "", ""},
			changes: []string{"Mobil: 701740605 → +46701740605"},
		},
		{
			name:    "last name first",
			cells:   []string{"Svensson,  Anna", "", "anna@example.se", "", "", "", ""},
			changes: []string{"Namn: Svensson,  Anna → Anna Svensson"},
		},
		{
			name:     "typo'd mail domain: warned, sent as written",
			cells:    []string{"Anna Svensson", "", "anna@gmial.com", "", "", "", ""},
			warnings: []string{`E-post "anna@gmial.com": gmial.com looks like a typo of gmail.com (anna@gmail.com?); sent as written`},
		},
		{
			name:     "typo'd domain in capitals: changed and warned",
			cells:    []string{"Anna Svensson", "", "anna@TELIA.SOM", "", "", "", ""},
			changes:  []string{"E-post: anna@TELIA.SOM → anna@telia.som"},
			warnings: []string{`E-post "anna@TELIA.SOM": telia.som looks like a typo of telia.com (anna@telia.com?); sent as written`},
		},
		{
			name:     "over 110",
			cells:    []string{"Anna Svensson", "189001019802", "", "0701740605", "", "", ""},
			changes:  []string{"Personnummer: 189001019802 → 18900101-9802", "Mobil: 0701740605 → +46701740605"},
			warnings: []string{`Personnummer "189001019802": says the person was born in 1890 (136 years old); check the year`},
		},
		{
			name:     "an invalid value is a problem, not a change",
			cells:    []string{"Anna Svensson", "850101-2383", "anna@example.se", "070-174 06 0", "1234", "", ""},
			problems: []string{`Personnummer "850101-2383": check digit should be 2`, `Postnummer "1234": is not a Swedish postcode (five digits, e.g. 123 45)`, `Mobil "070-174 06 0": is not a valid Swedish phone number`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := mp.Map(tc.cells)
			assert.Equal(t, tc.problems, problemStrings(m.Problems))
			assert.Equal(t, tc.changes, changeStrings(m.Changes))
			assert.Equal(t, tc.warnings, problemStrings(m.Warnings))
		})
	}
}

func TestMapConstantsAreNoChange(t *testing.T) {
	// The constant prospectiveBuyerStatus "Intresserad" is sent as
	// Interested on every row; saying so on each would drown the changes
	// that matter.
	mp := bindT(t, "version: 1\ncolumns:\n  Namn: person.fullName\n  E-post: person.email.emailAddress\nconstants:\n  customerId: M1001\n  estateId: OBJ1\n  prospectiveBuyerStatus: Intresserad\n",
		[]string{"Namn", "E-post"}, nil)
	m := mp.Map([]string{"Anna Svensson", "anna@example.se"})
	require.Empty(t, m.Problems)
	assert.Equal(t, "Interested", m.Lead.Body.ProspectiveBuyerStatus)
	assert.Empty(t, m.Changes)
}

func TestMailDomainTypo(t *testing.T) {
	tests := []struct {
		addr, want string
	}{
		{"anna@gmial.com", "gmail.com"},   // swapped
		{"anna@gmai.com", "gmail.com"},    // dropped
		{"anna@gmaill.com", "gmail.com"},  // added
		{"anna@gmail.con", "gmail.com"},   // changed
		{"anna@gmailcom", "gmail.com"},    // the dot dropped
		{"anna@hotmial.se", "hotmail.se"}, // the examples
		{"anna@telia.som", "telia.com"},
		{"anna@hotmail.co", "hotmail.com"},
		{"anna@outlok.com", "outlook.com"},
		{"anna@iclod.com", "icloud.com"},
		{"anna@bredband.ner", "bredband.net"},
		{"anna@gmail.com", ""},     // the domain itself
		{"anna@hotmail.de", ""},    // a real neighbour
		{"anna@mail.com", ""},      // one slip from gmail.com, and real
		{"anna@live.de", ""},       // live.se is too short to guess at
		{"anna@example.se", ""},    // nowhere near
		{"anna@gmial.example", ""}, // two slips and more
		{"anna@ab.se", ""},
	}
	for _, tc := range tests {
		t.Run(tc.addr, func(t *testing.T) {
			got, ok := mailDomainTypo(tc.addr)
			assert.Equal(t, tc.want != "", ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestOneSlip(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"abc", "abc", false},
		{"abc", "abd", true},
		{"abc", "xbc", true},
		{"abc", "bac", true},
		{"abc", "acb", true},
		{"abc", "cba", false},
		{"abc", "ab", true},
		{"abc", "bc", true},
		{"abc", "abxc", true},
		{"abc", "a", false},
		{"", "a", true},
		{"ab", "ba", true},
		{"abcd", "badc", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, oneSlip(tc.a, tc.b), "%q %q", tc.a, tc.b)
		assert.Equal(t, tc.want, oneSlip(tc.b, tc.a), "%q %q", tc.b, tc.a)
	}
}

func TestPersonnummerAge(t *testing.T) {
	now := time.Date(2026, 6, 15, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		pn   Personnummer
		want int
	}{
		{Personnummer{Year: 1985, Month: 1, Day: 1}, 41},
		{Personnummer{Year: 1985, Month: 6, Day: 15}, 41}, // birthday today
		{Personnummer{Year: 1985, Month: 6, Day: 16}, 40}, // tomorrow
		{Personnummer{Year: 1915, Month: 12, Day: 31}, 110},
		{Personnummer{Year: 1915, Month: 0, Day: 0, Coordination: true}, 111}, // date unknown: from the year's start
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.pn.Age(now), "%+v", tc.pn)
	}
}

func TestTally(t *testing.T) {
	const yaml = `version: 1
columns:
  Namn: person.fullName
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
  Objekt: estateId
constants:
  customerId: M1001
`
	header := []string{"Objekt", "Namn", "Anteckning", "E-post", "Mobil"}
	mp := bindT(t, yaml, header, map[string]string{"estateId": "OBJ9"})
	// Two tallies, as two goroutines would keep, merged.
	tally, other := mp.NewTally(), mp.NewTally()
	// And one fed as the reading ahead feeds it: MapInto's empty cells.
	mapped, scratch := mp.NewTally(), new(Scratch)
	for i, cells := range [][]string{
		{"OBJ1", "Anna Svensson", "x", "anna@example.se", "+46701740605"}, // valid, valid, valid
		{"", "ANNA SVENSSON", "", "Anna@Example.se", "070-174 06 05"},     // changed ×3
		{"", "Anna Svensson", "", "anna@gmial.com", "070-174 06 0"},       // valid, warned, invalid
		{"", "", "", "", ""},                // all empty
		{"", "Bo Ek", "", "not an address"}, // short row: Mobil empty
	} {
		m := mp.Map(cells)
		if i%2 == 0 {
			tally.Add(cells, &m)
		} else {
			other.Add(cells, &m)
		}
		into := mp.MapInto(cells, scratch)
		mapped.AddMapped(cells, &into, scratch)
	}
	tally.Merge(other)
	assert.Equal(t, tally.Columns(), mapped.Columns(), "AddMapped counts as Add")
	// Objekt is overridden by --set, and Anteckning is not mapped.
	assert.Equal(t, []ColumnCount{
		{Column: "Namn", Field: "person.fullName", Valid: 3, Changed: 1, Empty: 1},
		{Column: "E-post", Field: "person.email.emailAddress", Valid: 2, Changed: 1, Invalid: 1, Empty: 1, Warned: 1},
		{Column: "Mobil", Field: "person.telephone.cell", Valid: 1, Changed: 1, Invalid: 1, Empty: 2},
	}, tally.Columns())
}

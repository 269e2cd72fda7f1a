package mapping

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

func TestParseValidation(t *testing.T) {
	const head = "version: 1\ncolumns:\n  Förnamn: person.firstName\n"
	tests := []struct {
		name string
		yaml string
		want Validation
	}{
		{"not given: strict", "", Validation{}},
		{"nothing under it: strict", "validation:\n", Validation{}},
		{"the whole file lenient", "validation: lenient\n", Validation{Lenient: true}},
		{"strict, in any case", "validation: Strict\n", Validation{}},
		{"per field", "validation:\n  person.telephone.cell: lenient\n  person.address.zipCode: LENIENT\n",
			Validation{Fields: []FieldValidation{{"person.telephone.cell", true, 5}, {"person.address.zipCode", true, 6}}}},
		{"lenient but one", "validation:\n  default: lenient\n  person.socialSecurityNumber: strict\n  person.firstName: strict\n",
			Validation{Lenient: true, Fields: []FieldValidation{{"person.socialSecurityNumber", false, 6}, {"person.firstName", false, 7}}}},
		{"a flow mapping", "validation: {default: strict, marketing.utmTags.utm_source: lenient}\n",
			Validation{Fields: []FieldValidation{{"marketing.utmTags.utm_source", true, 4}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(head+tc.yaml), "m.yaml")
			require.NoError(t, err)
			assert.Equal(t, tc.want, m.Validation)
		})
	}
}

func TestParseValidationErrors(t *testing.T) {
	const head = "version: 1\ncolumns:\n  Förnamn: person.firstName\n"
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"misspelt", "validation: lenint\n", []string{
			`m.yaml:4: validation "lenint" is not a value it takes (did you mean "lenient"?); use strict (the default) or lenient`}},
		{"a list", "validation: [person.telephone.cell]\n", []string{
			"m.yaml:4: validation must be strict or lenient, or `field: strict|lenient` lines, e.g. `person.telephone.cell: lenient`, not (a list)"}},
		{"a field's value", "validation:\n  person.telephone.cell: yes\n  person.telephone.home:\n  default: loose\n", []string{
			`m.yaml:5: validation.person.telephone.cell "yes" is not a value it takes; use strict (the default) or lenient`,
			`m.yaml:6: validation.person.telephone.home (empty) is not a value it takes; use strict (the default) or lenient`,
			`m.yaml:7: validation.default "loose" is not a value it takes; use strict (the default) or lenient`,
		}},
		{"unknown field and key", "validation:\n  person.telephone.mobil: lenient\n  defualt: lenient\n", []string{
			`m.yaml:5: unknown field "person.telephone.mobil" (did you mean "person.telephone.home"?)`,
			`m.yaml:6: unknown key "defualt" under validation (did you mean "default"?)`,
		}},
		{"required fields", "validation:\n  person.firstName: lenient\n  person.lastName: lenient\n  person.fullName: lenient\n  customerId: lenient\n  estateId: lenient\n", []string{
			"m.yaml:5: person.firstName is required on every row, so it cannot be lenient; remove the line",
			"m.yaml:6: person.lastName is required on every row, so it cannot be lenient; remove the line",
			"m.yaml:7: person.fullName is required on every row, so it cannot be lenient; remove the line",
			"m.yaml:8: customerId is required on every row, so it cannot be lenient; remove the line",
			"m.yaml:9: estateId is required on every row, so it cannot be lenient; remove the line",
		}},
		{"a field twice", "validation:\n  person.telephone.cell: lenient\n  person.telephone.cell: strict\n", []string{
			`m.yaml:6: "person.telephone.cell" is given twice (first on line 5); keep one`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(head+tc.yaml), "m.yaml")
			assert.Nil(t, m)
			assert.Equal(t, tc.want, errorLines(t, err))
		})
	}
}

// lenientMapping maps a column of every optional kind that can be
// invalid; each test adds its validation.
const lenientMapping = `version: 1
columns:
  Namn: person.fullName
  Personnummer: person.socialSecurityNumber
  Utländskt: person.isForeignSocialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
  Telefon: person.telephone.home
  Gatuadress: person.address.streetAddress
  Postnr: person.address.zipCode
  Status: prospectiveBuyerStatus
constants:
  customerId: M1001
  estateId: OBJ1
`

var lenientHeader = []string{"Namn", "Personnummer", "Utländskt", "E-post", "Mobil", "Telefon", "Gatuadress", "Postnr", "Status"}

// lenientRow is a row of lenientHeader with the named cells set.
func lenientRow(t testing.TB, cells map[string]string) []string {
	row := make([]string, len(lenientHeader))
	row[0] = "Anna Svensson"
	for column, v := range cells {
		row[index(t, lenientHeader, column)] = v
	}
	return row
}

const sentWithout = "; sent without this value (validation: lenient)"

// TestLenient: a lenient field's invalid value is left out of the lead,
// with a warning that names the column and says why; strict, the
// default, keeps the row invalid; names and a way to reach the person
// are never left out.
func TestLenient(t *testing.T) {
	street := strings.Repeat("Storgatan ", 7) + "1" // 71 characters: over 68
	tests := []struct {
		name       string
		validation string
		cells      map[string]string
		problems   []string
		warnings   []string
		check      func(t *testing.T, l *Lead)
	}{
		{
			name:     "strict by default: a bad phone beside an e-mail keeps the row invalid",
			cells:    map[string]string{"E-post": "anna@example.se", "Mobil": "070-174 06 0"},
			problems: []string{`Mobil "070-174 06 0": is not a valid Swedish phone number`},
		},
		{
			name:       "lenient: the bad phone is left out, and the row sent with its e-mail",
			validation: "validation: lenient\n",
			cells:      map[string]string{"E-post": "anna@example.se", "Mobil": "070-174 06 0"},
			warnings:   []string{`Mobil "070-174 06 0": is not a valid Swedish phone number` + sentWithout},
			check: func(t *testing.T, l *Lead) {
				assert.Nil(t, l.Body.Person.Telephone)
				assert.Equal(t, "anna@example.se", l.Body.Person.Email.EmailAddress)
			},
		},
		{
			name:       "lenient: every kind of optional value left out",
			validation: "validation: lenient\n",
			cells: map[string]string{"Personnummer": "19850101-2383", "Utländskt": "kanske", "E-post": "anna@example",
				"Mobil": "+46701740605", "Telefon": "12", "Gatuadress": street, "Postnr": "1234", "Status": "kanske"},
			warnings: []string{ // in the order of the fields, as problems are
				`Status "kanske": must be Assigned, Interested or NotInterested` + sentWithout,
				`Utländskt "kanske": must be true or false (ja/nej, yes/no, 1/0 and x for true also work)` + sentWithout,
				`Personnummer "19850101-2383": check digit should be 2` + sentWithout,
				`Postnr "1234": is not a Swedish postcode (five digits, e.g. 123 45)` + sentWithout,
				`E-post "anna@example": the part after @ must be a domain like example.se` + sentWithout,
				`Telefon "12": a phone number needs at least 5 digits` + sentWithout,
				`Gatuadress "` + street + `": is 71 characters, at most 68 allowed` + sentWithout,
			},
			check: func(t *testing.T, l *Lead) {
				assert.Equal(t, Person{FirstName: "Anna", LastName: "Svensson", Telephone: &Telephone{Cell: "+46701740605"}}, l.Body.Person,
					"no empty address or e-mail object")
				assert.Empty(t, l.Body.ProspectiveBuyerStatus)
			},
		},
		{
			name:       "lenient: a street too long beside a good postcode",
			validation: "validation: lenient\n",
			cells:      map[string]string{"E-post": "anna@example.se", "Gatuadress": street, "Postnr": "12345"},
			warnings:   []string{`Gatuadress "` + street + `": is 71 characters, at most 68 allowed` + sentWithout},
			check: func(t *testing.T, l *Lead) {
				assert.Equal(t, &Address{ZipCode: "123 45"}, l.Body.Person.Address)
			},
		},
		{
			name:       "lenient, but the bad phone is all there is to reach her: invalid for it",
			validation: "validation: lenient\n",
			cells:      map[string]string{"Mobil": "070-174 06 0", "Postnr": "1234"},
			problems:   []string{`Mobil "070-174 06 0": is not a valid Swedish phone number`},
			warnings:   []string{`Postnr "1234": is not a Swedish postcode (five digits, e.g. 123 45)` + sentWithout},
		},
		{
			name:       "lenient, a bad e-mail and a bad phone and nothing else: invalid for both",
			validation: "validation: lenient\n",
			cells:      map[string]string{"E-post": "anna@@example.se", "Mobil": "12"},
			problems: []string{
				`E-post "anna@@example.se": is not an e-mail address like anna@example.se`,
				`Mobil "12": a phone number needs at least 5 digits`,
			},
		},
		{
			name:       "lenient, an e-mail too long and nothing else: invalid for it",
			validation: "validation: lenient\n",
			cells:      map[string]string{"E-post": strings.Repeat("a", 95) + "@example.se"},
			problems:   []string{`E-post "` + strings.Repeat("a", 95) + `@example.se": is 106 characters, at most 100 allowed`},
		},
		{
			name:       "lenient, a bad e-mail and a bad mobile beside a good landline: sent with the landline",
			validation: "validation: lenient\n",
			cells:      map[string]string{"E-post": "anna@@example.se", "Mobil": "12", "Telefon": "08-465 004 01"},
			warnings: []string{
				`E-post "anna@@example.se": is not an e-mail address like anna@example.se` + sentWithout,
				`Mobil "12": a phone number needs at least 5 digits` + sentWithout,
			},
			check: func(t *testing.T, l *Lead) {
				assert.Equal(t, &Telephone{Home: "+46846500401"}, l.Body.Person.Telephone)
				assert.Nil(t, l.Body.Person.Email)
			},
		},
		{
			name:       "lenient: a name is still required",
			validation: "validation: lenient\n",
			cells:      map[string]string{"Namn": "Anna", "E-post": "anna@example.se", "Postnr": "1234"},
			problems:   []string{`Namn "Anna": needs a first and a last name: write it as "Anna Svensson" or "Svensson, Anna"`},
			warnings:   []string{`Postnr "1234": is not a Swedish postcode (five digits, e.g. 123 45)` + sentWithout},
		},
		{
			name:       "one field lenient, the others strict",
			validation: "validation:\n  person.telephone.cell: lenient\n",
			cells:      map[string]string{"E-post": "anna@example.se", "Mobil": "12", "Postnr": "1234"},
			problems:   []string{`Postnr "1234": is not a Swedish postcode (five digits, e.g. 123 45)`},
			warnings:   []string{`Mobil "12": a phone number needs at least 5 digits` + sentWithout},
		},
		{
			name:       "all lenient but the personnummer",
			validation: "validation:\n  default: lenient\n  person.socialSecurityNumber: strict\n",
			cells:      map[string]string{"Personnummer": "19850101-2383", "E-post": "anna@example.se", "Mobil": "12"},
			problems:   []string{`Personnummer "19850101-2383": check digit should be 2`},
			warnings:   []string{`Mobil "12": a phone number needs at least 5 digits` + sentWithout},
		},
		{
			name:       "lenient: a typo'd mail domain is still only a warning, and sent",
			validation: "validation: lenient\n",
			cells:      map[string]string{"E-post": "anna@gmial.com", "Mobil": "12"},
			warnings: []string{
				`E-post "anna@gmial.com": gmial.com looks like a typo of gmail.com (anna@gmail.com?); sent as written`,
				`Mobil "12": a phone number needs at least 5 digits` + sentWithout,
			},
			check: func(t *testing.T, l *Lead) {
				assert.Equal(t, "anna@gmial.com", l.Body.Person.Email.EmailAddress)
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mp := bindT(t, lenientMapping+tc.validation, lenientHeader, nil)
			m := mp.Map(lenientRow(t, tc.cells))
			assert.Equal(t, tc.problems, problemStrings(m.Problems))
			assert.Equal(t, tc.warnings, problemStrings(m.Warnings))
			if tc.check != nil {
				tc.check(t, &m.Lead)
			}
			if len(m.Problems) == 0 {
				assert.Empty(t, m.Lead.Body.Check(), "what is sent is a body Connect takes")
			}
		})
	}
}

// TestLenientInSwedish: the warning says why, and that the value is
// left out, in the report's language.
func TestLenientInSwedish(t *testing.T) {
	mp := bindT(t, lenientMapping+"validation: lenient\n", lenientHeader, nil)
	m := mp.Map(lenientRow(t, map[string]string{"E-post": "anna@example.se", "Mobil": "070-174 06 0"}))
	require.Len(t, m.Warnings, 1)
	assert.Equal(t, `Mobil "070-174 06 0": är inget giltigt svenskt telefonnummer; skickas utan värdet (validation: lenient)`,
		m.Warnings[0].In(msg.Swedish))
	assert.Equal(t, Problem{Column: "Mobil", Field: "person.telephone.cell", Value: "070-174 06 0",
		Message: msg.LeftOut{Problem: msg.NotSwedishPhone{}}}, m.Warnings[0])
}

// TestLenientConstant: a lenient field's constant that breaks a rule on
// the row is left out too; its warning names the field.
func TestLenientConstant(t *testing.T) {
	mp := bindT(t, lenientMapping+"  person.address.city: "+strings.Repeat("x", 26)+"\nvalidation: lenient\n", lenientHeader, nil)
	m := mp.Map(lenientRow(t, map[string]string{"E-post": "anna@example.se"}))
	assert.Empty(t, m.Problems)
	assert.Equal(t, []string{`person.address.city "` + strings.Repeat("x", 26) + `": is 26 characters, at most 25 allowed` + sentWithout},
		problemStrings(m.Warnings))
	assert.Nil(t, m.Lead.Body.Person.Address)
}

// TestTallyLenient: a value a lenient field left out counts as invalid,
// and as warned; a strict one, or one restored because the row had no
// other way to reach the person, as invalid only.
func TestTallyLenient(t *testing.T) {
	mp := bindT(t, lenientMapping+"validation:\n  person.telephone.cell: lenient\n", lenientHeader, nil)
	tally := mp.NewTally()
	for _, cells := range [][]string{
		lenientRow(t, map[string]string{"E-post": "anna@example.se", "Mobil": "12"}),           // left out
		lenientRow(t, map[string]string{"E-post": "bo@example.se", "Mobil": "-"}),              // empty
		lenientRow(t, map[string]string{"Mobil": "12"}),                                        // the only contact: invalid
		lenientRow(t, map[string]string{"E-post": "dan@example.se", "Postnr": "1234"}),         // strict: invalid
		lenientRow(t, map[string]string{"E-post": "eva@example.se", "Mobil": "070-174 06 05"}), // changed
	} {
		m := mp.Map(cells)
		tally.Add(cells, &m)
	}
	cols := map[string]ColumnCount{}
	for _, c := range tally.Columns() {
		cols[c.Column] = c
	}
	assert.Equal(t, ColumnCount{Column: "Mobil", Field: "person.telephone.cell", Changed: 1, Invalid: 2, Empty: 2, Warned: 1}, cols["Mobil"])
	assert.Equal(t, ColumnCount{Column: "Postnr", Field: "person.address.zipCode", Invalid: 1, Empty: 4}, cols["Postnr"])
}

// TestValidationAndEmptyErrorsInSwedish: what is wrong with validation
// and input.empty is said in Swedish too, keys and values as written.
func TestValidationAndEmptyErrorsInSwedish(t *testing.T) {
	_, err := Parse(strings.NewReader("version: 1\ncolumns:\n  Namn: person.fullName\ninput:\n  empty: saknas\n"+
		"validation:\n  default: lenint\n  person.lastName: lenient\n"), "m.yaml")
	require.Error(t, err)
	assert.Equal(t, []string{
		`m.yaml:5: input.empty ska vara en lista med de texter som betyder en tom cell, t.ex. ["-", saknas, N/A], eller [] för inga; inte "saknas"`,
		`m.yaml:7: validation.default "lenint" är inget värde den tar (menade du "lenient"?); använd strict (standard) eller lenient`,
		"m.yaml:8: person.lastName krävs på varje rad och kan därför inte vara lenient; ta bort raden",
	}, strings.Split(msg.Swedish.Error(err), "\n"))
}

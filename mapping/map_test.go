package mapping

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// The phone numbers are from the range PTS keeps for fiction
// (070-174 06 05 to 070-174 06 99); personnummer are Skatteverket's test
// numbers.
const fullMapping = `version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  Utländskt: person.isForeignSocialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
  Objekt: estateId
  Status: prospectiveBuyerStatus
  Källa: marketing.utmTags.utm_source
  Adress: person.address.streetAddress
constants:
  customerId: M1001
  prospectiveBuyerStatus: Interested
  marketing.referrer: visning
  marketing.utmTags.utm_medium: print
  marketing.utmTags.utm_source: open-house
`

var fullHeader = []string{"Förnamn", "Efternamn", "Personnummer", "Utländskt", "E-post", "Mobil", "Objekt", "Status", "Källa", "Adress"}

func bindT(t testing.TB, yaml string, header []string, sets map[string]string) *Mapper {
	t.Helper()
	mp, err := parseT(t, yaml).Bind(header, Options{Sets: sets, Now: vectorsNow})
	require.NoError(t, err)
	return mp
}

func TestMap(t *testing.T) {
	mp := bindT(t, fullMapping, fullHeader, nil)
	tests := []struct {
		name     string
		cells    []string
		want     Lead
		problems []string
	}{
		{
			name:  "complete row",
			cells: []string{" Anna ", "Svensson", "850101-2382", "", "Anna.Svensson@Example.SE", "070-174 06 \t 05", "OBJ1", "notinterested", "", " Storgatan 1 "},
			want: Lead{Endpoint: "FinalPriceWatched", CustomerID: "M1001", EstateID: "OBJ1", Body: FinalPriceWatched{
				Person: Person{
					FirstName: "Anna", LastName: "Svensson", SocialSecurityNumber: "19850101-2382",
					Address:   &Address{StreetAddress: "Storgatan 1"},
					Email:     &Email{EmailAddress: "Anna.Svensson@example.se"},
					Telephone: &Telephone{Cell: "+46701740605"},
				},
				ProspectiveBuyerStatus: "NotInterested",
				Marketing: &Marketing{Referrer: "visning", UtmTags: []UtmTag{
					{Name: "utm_source", Value: "open-house"}, {Name: "utm_medium", Value: "print"},
				}},
			}},
		},
		{
			name:  "short row: missing cells are empty, constants still apply",
			cells: []string{"Anna", "Svensson", "19850101-2382"},
			want: Lead{Endpoint: "FinalPriceWatched", CustomerID: "M1001", Body: FinalPriceWatched{
				Person:                 Person{FirstName: "Anna", LastName: "Svensson", SocialSecurityNumber: "19850101-2382"},
				ProspectiveBuyerStatus: "Interested",
				Marketing: &Marketing{Referrer: "visning", UtmTags: []UtmTag{
					{Name: "utm_source", Value: "open-house"}, {Name: "utm_medium", Value: "print"},
				}},
			}},
			problems: []string{
				"Objekt: estateId is empty on this row",
				"no e-mail or phone: at least one is required",
			},
		},
		{
			name:  "a cell wins over a constant",
			cells: []string{"Anna", "Svensson", "", "", "", "0701740606", "OBJ1", "", "facebook"},
			want: Lead{Endpoint: "FinalPriceWatched", CustomerID: "M1001", EstateID: "OBJ1", Body: FinalPriceWatched{
				Person:                 Person{FirstName: "Anna", LastName: "Svensson", Telephone: &Telephone{Cell: "+46701740606"}},
				ProspectiveBuyerStatus: "Interested",
				Marketing: &Marketing{Referrer: "visning", UtmTags: []UtmTag{
					{Name: "utm_source", Value: "facebook"}, {Name: "utm_medium", Value: "print"},
				}},
			}},
		},
		{
			name:  "foreign number is kept as written",
			cells: []string{"John", "Smith", " 123-45-6789 ", "Ja", "john@example.com", "", "OBJ1"},
			want: Lead{Endpoint: "FinalPriceWatched", CustomerID: "M1001", EstateID: "OBJ1", Body: FinalPriceWatched{
				Person: Person{FirstName: "John", LastName: "Smith", SocialSecurityNumber: "123-45-6789",
					IsForeignSocialSecurityNumber: true, Email: &Email{EmailAddress: "john@example.com"}},
				ProspectiveBuyerStatus: "Interested",
				Marketing: &Marketing{Referrer: "visning", UtmTags: []UtmTag{
					{Name: "utm_source", Value: "open-house"}, {Name: "utm_medium", Value: "print"},
				}},
			}},
		},
		{
			name: "every problem of the row",
			cells: []string{"  ", "Svensson-Andersson-Karlsson-Johansson-Bergman", "19850101-2383", "kanske",
				"anna@example.se, bo@example.se", "070 ring mig", "", "Maybe", "", strings.Repeat("Storgatan ", 7)},
			problems: []string{
				`Status "Maybe": must be Assigned, Interested or NotInterested`,
				`Utländskt "kanske": must be true or false (ja/nej, yes/no, 1/0 and x for true also work)`,
				`Personnummer "19850101-2383": check digit should be 2`,
				`E-post "anna@example.se, bo@example.se": must be one e-mail address, not several; put a second one in person.email.emailAddress2`,
				`Mobil "070 ring mig": a phone number may hold only digits, spaces and + - ( ) / .`,
				`Objekt: estateId is empty on this row`,
				`Förnamn: is required`,
				`Efternamn "Svensson-Andersson-Karlsson-Johansson-Bergman": is 45 characters, at most 40 allowed`,
				`Adress "Storgatan Storgatan Storgatan Storgatan Storgatan Storgatan Storgatan ": is 69 characters, at most 68 allowed`,
			},
		},
		{
			name:  "organisation and interim numbers",
			cells: []string{"Anna", "Svensson", "802005-1952", "", "anna@example.se", "", "OBJ1"},
			problems: []string{
				`Personnummer "802005-1952": looks like an organisation number, not a personnummer`,
			},
		},
		{
			name:  "e-mail with a display name",
			cells: []string{"Anna", "Svensson", "", "nej", "Anna <anna@example.se>", "", "OBJ1"},
			problems: []string{
				`E-post "Anna <anna@example.se>": an e-mail address has no spaces`,
			},
		},
		{
			// The wrong number is the problem, not a missing one.
			name:  "too few digits for a phone",
			cells: []string{"Anna", "Svensson", "", "", "", "+46 (0)", "OBJ1"},
			problems: []string{
				`Mobil "+46 (0)": a phone number needs at least 5 digits`,
			},
		},
	}
	var scratch Scratch
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lead, problems := leadAndProblems(mp.Map(tc.cells))
			assert.Equal(t, tc.problems, problemStrings(problems))
			if tc.want.Endpoint != "" {
				assert.Equal(t, tc.want, lead)
			}
			// MapInto makes the same, in scratch used by the rows before.
			assert.Equal(t, mp.Map(tc.cells), mp.MapInto(tc.cells, &scratch))
		})
	}
}

func problemStrings(ps []Problem) []string {
	var s []string
	for _, p := range ps {
		s = append(s, p.String())
	}
	return s
}

func TestMapProblemFields(t *testing.T) {
	long := strings.Repeat("Lång", 11)
	mp := bindT(t, fullMapping, fullHeader, map[string]string{"person.lastName": long})
	_, problems := leadAndProblems(mp.Map([]string{"", "Svensson", "", "", "", "0701740606", "OBJ1"}))
	assert.Equal(t, []Problem{
		{Column: "Förnamn", Field: "person.firstName", Message: msg.Required{}},
		{Field: "person.lastName", Value: long, Message: msg.TooLong{Len: 44, Max: 40}},
	}, problems)
	assert.Equal(t, []string{"Förnamn: is required", `person.lastName "` + long + `": is 44 characters, at most 40 allowed`},
		problemStrings(problems))
}

func TestMapFullName(t *testing.T) {
	const yaml = "version: 1\ncolumns:\n  Namn: person.fullName\n  Kund: customerId\n  Objekt: estateId\n  Mejl: person.email.emailAddress\n"
	header := []string{"Namn", "Kund", "Objekt", "Mejl"}
	tests := []struct {
		name        string
		sets        map[string]string
		cells       []string
		first, last string
		problems    []Problem
	}{
		{name: "last word is the last name", cells: []string{"Anna Maria  Svensson"}, first: "Anna Maria", last: "Svensson"},
		{name: "comma puts the last name first", cells: []string{" Svensson , Anna "}, first: "Anna", last: "Svensson"},
		{name: "--set wins over the column", cells: []string{"Anna Svensson"}, sets: map[string]string{"person.firstName": "Bo"},
			first: "Bo", last: "Svensson"},
		{name: "one word", cells: []string{"Anna"}, problems: []Problem{
			{Column: "Namn", Field: "person.fullName", Value: "Anna", Message: msg.FirstAndLast{}},
		}},
		{name: "two commas", cells: []string{"Svensson, Anna, Bo"}, problems: []Problem{
			{Column: "Namn", Field: "person.fullName", Value: "Svensson, Anna, Bo", Message: msg.OneFirstOneLast{}},
		}},
		{name: "empty", cells: []string{""}, problems: []Problem{
			{Column: "Namn", Field: "person.fullName", Message: msg.Required{}},
		}},
		{name: "last name too long", cells: []string{"Anna " + strings.Repeat("x", 41)}, first: "Anna", last: strings.Repeat("x", 41),
			problems: []Problem{
				{Column: "Namn", Field: "person.fullName", Value: "Anna " + strings.Repeat("x", 41),
					Message: msg.LastName{Problem: msg.TooLong{Len: 41, Max: 40}}},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mp := bindT(t, yaml, header, tc.sets)
			cells := append(tc.cells, "M1001", "OBJ1", "anna@example.se")
			lead, problems := leadAndProblems(mp.Map(cells))
			assert.Equal(t, tc.problems, problems)
			assert.Equal(t, tc.first, lead.Body.Person.FirstName)
			assert.Equal(t, tc.last, lead.Body.Person.LastName)
		})
	}
}

func TestMapSetsAndIDs(t *testing.T) {
	const yaml = "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n  Kund: customerId\n  Objekt: estateId\n  Mejl: person.email.emailAddress\nconstants:\n  estateId: OBJ9\n"
	header := []string{"Förnamn", "Efternamn", "Kund", "Objekt", "Mejl"}
	tests := []struct {
		name     string
		sets     map[string]string
		cells    []string
		customer string
		estate   string
		problems []string
	}{
		{name: "from the cells", cells: []string{"Anna", "Svensson", "M1001", "OBJ1", "anna@example.se"}, customer: "M1001", estate: "OBJ1"},
		{name: "constant when the cell is empty", cells: []string{"Anna", "Svensson", "M1001", " ", "anna@example.se"}, customer: "M1001", estate: "OBJ9"},
		{name: "--set wins over cell and constant", sets: map[string]string{"customerId": "S2002", "estateId": " OBJ7 "},
			cells: []string{"Anna", "Svensson", "M1001", "OBJ1", "anna@example.se"}, customer: "S2002", estate: "OBJ7"},
		{name: "customerId empty on this row", cells: []string{"Anna", "Svensson", "", "OBJ1", "anna@example.se"}, estate: "OBJ1",
			problems: []string{"Kund: customerId is empty on this row"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lead, problems := leadAndProblems(bindT(t, yaml, header, tc.sets).Map(tc.cells))
			assert.Equal(t, tc.problems, problemStrings(problems))
			assert.Equal(t, tc.customer, lead.CustomerID)
			assert.Equal(t, tc.estate, lead.EstateID)
		})
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		name string
		id   fieldID
		in   string
		want string
		msg  string
	}{
		{"bool ja", fForeign, "JA", "true", ""},
		{"bool x", fForeign, "x", "true", ""},
		{"bool yes", fForeign, "Yes", "true", ""},
		{"bool 0", fForeign, "0", "false", ""},
		{"bool nej", fForeign, "Nej", "false", ""},
		{"bool no", fForeign, "NO", "false", ""},
		{"bool other", fForeign, "kanske", "kanske", "must be true or false (ja/nej, yes/no, 1/0 and x for true also work)"},
		{"status any case", fStatus, "assigned", "Assigned", ""},
		{"email keeps the local part", fEmail2, "Anna.S@EXAMPLE.se", "Anna.S@example.se", ""},
		{"email without a dot in the domain", fEmail, "anna@localhost", "anna@localhost", "the part after @ must be a domain like example.se"},
		{"email two at signs", fEmail, "anna@@example.se", "anna@@example.se", "is not an e-mail address like anna@example.se"},
		{"email in angle brackets", fEmail, "<anna@example.se>", "<anna@example.se>", "is not an e-mail address like anna@example.se"},
		{"email with a semicolon", fEmail, "a@example.se;b@example.se", "a@example.se;b@example.se",
			"must be one e-mail address, not several; put a second one in person.email.emailAddress2"},
		{"email domain dots", fEmail, "anna@example..se", "anna@example..se", "is not an e-mail address like anna@example.se"},
		{"phone with +46 (0)", fHome, "+46 (0)70-174 06 08", "+46701740608", ""},
		{"phone whitespace collapsed", fWork, "070  174\u00a006 09", "+46701740609", ""},
		{"phone that lost its 0 in Excel", fCell, "701740610", "+46701740610", ""},
		{"landline that lost its 0 in Excel", fHome, "84650040", "+4684650040", ""},
		{"short number is not Swedish", fHome, "112233", "112233", "is not a valid Swedish phone number"},
		{"international number kept", fCell, "+46701740610", "+46701740610", ""},
		{"phone with a letter", fOther, "070-174 06 1O", "070-174 06 1O", "a phone number may hold only digits, spaces and + - ( ) / ."},
		{"text kept", fMessage, "Ring efter 17", "Ring efter 17", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, wrong := normalize(tc.id.kindIn(epFinalPrice), tc.in, Normalize{}, time.Time{}, nil)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.msg, msg.English.Say(wrong))
		})
	}
}

func TestSuggest(t *testing.T) {
	candidates := []string{"version", "endpoint", "columns", "constants", "input"}
	tests := []struct{ in, want string }{
		{"Version", "version"},
		{"colums", "columns"},
		{"constant", "constants"},
		{"inptu", "input"},
		{"xyz", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			assert.Equal(t, tc.want, suggest(tc.in, candidates))
		})
	}
}

func TestMapperIsSafeForConcurrentUse(t *testing.T) {
	mp := bindT(t, fullMapping, fullHeader, nil)
	cells := []string{"Anna", "Svensson", "850101-2382", "", "anna@example.se", "0701740610", "OBJ1", "", "", ""}
	want, _ := leadAndProblems(mp.Map(cells))
	done := make(chan Lead)
	for range 8 {
		go func() {
			lead, _ := leadAndProblems(mp.Map(cells))
			done <- lead
		}()
	}
	for range 8 {
		assert.Equal(t, want, <-done)
	}
}

// BenchmarkMap maps a typical 8-column row; run with -benchmem.
func BenchmarkMap(b *testing.B) {
	const yaml = `version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
  Objekt: estateId
  Adress: person.address.streetAddress
  Ort: person.address.city
constants:
  customerId: M1001
  prospectiveBuyerStatus: Interested
  marketing.utmTags.utm_source: open-house
`
	header := []string{"Förnamn", "Efternamn", "Personnummer", "E-post", "Mobil", "Objekt", "Adress", "Ort"}
	mp := bindT(b, yaml, header, nil)
	cells := []string{"Anna", "Svensson", "850101-2382", "anna.svensson@example.se", "070-174 06 11", "OBJ1", "Storgatan 1", "Uppsala"}
	b.ReportAllocs()
	for b.Loop() {
		if problems := mp.Map(cells).Problems; problems != nil {
			b.Fatal(problems)
		}
	}
}

// leadAndProblems is the part of a Mapped most tests look at.
func leadAndProblems(m Mapped) (Lead, []Problem) { return m.Lead, m.Problems }

// BenchmarkMapLegacy maps rows shaped as the benchmark suite's 14-column
// legacy export (bench/inputs.go): a landline on every other row, a
// mobile, a postcode without its space, an e-mail domain in capitals.
func BenchmarkMapLegacy(b *testing.B) {
	const yaml = `version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  Gatuadress: person.address.streetAddress
  Postnr: person.address.zipCode
  Ort: person.address.city
  Telefon: person.telephone.home
  Mobil: person.telephone.cell
  E-post: person.email.emailAddress
  Källa: marketing.referrer
  Anteckning: message
constants:
  customerId: M1001
  estateId: OBJ1234
  prospectiveBuyerStatus: Interested
`
	header := []string{"Kundnr", "Förnamn", "Efternamn", "Personnummer", "Gatuadress", "Postnr", "Ort",
		"Telefon", "Mobil", "E-post", "Registrerad", "Källa", "Status", "Anteckning"}
	mp := bindT(b, yaml, header, nil)
	rows := [][]string{
		{"K0", "Åsa", "Öberg0", "", "Storgatan 1", "11120", "Stockholm", "08-465 004 01", "070-174 06 05",
			"person0@Example.se", "2019-01-01", "Visning", "Kund", "Vill ha slutpris"},
		{"K1", "Åsa", "Öberg1", "", "Storgatan 2", "11121", "Stockholm", "", "070-174 06 06",
			"person1@Example.se", "2019-02-02", "Visning", "Kund", "Vill ha slutpris"},
	}
	t := mp.NewTally()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m := mp.Map(rows[i%2])
		if m.Problems != nil {
			b.Fatal(m.Problems)
		}
		t.Add(rows[i%2], &m)
		i++
	}
}

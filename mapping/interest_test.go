package mapping

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// interestMapping names every field of an interest registration but the
// full name. Personnummer are Skatteverket's test numbers; the phones are
// from the range PTS keeps for fiction.
const interestMapping = `version: 1
endpoint: Interest
columns:
  Förnamn: firstName
  Efternamn: lastName
  Personnummer: socialSecurityNumber
  Utländskt: isForeignSocialSecurityNumber
  Adress: address.streetAddress
  Postnr: address.zipCode
  Ort: address.city
  E-post: email.emailAddress
  E-post 2: email.emailAddress2
  Hem: telephone.home
  Arbete: telephone.work
  Mobil: telephone.cell
  Annan: telephone.other
  Källa: leadSourceId
  Tilldelning: assignmentSourceId
  Samtycke: gdprApprovalDate
  Boende idag: presentAccommodation.estateType
  Boarea: presentAccommodation.livingSpace
  Antal rum: presentAccommodation.numberOfRooms
  Värde: presentAccommodation.price
  Övrigt: presentAccommodation.other
  Meddelande: contactMessage
  Intresse: status
  Objekt: estateId
constants:
  customerId: M1001
  marketing.referrer: visning
  marketing.utmTags.utm_source: open-house
`

var interestHeader = []string{"Förnamn", "Efternamn", "Personnummer", "Utländskt", "Adress", "Postnr", "Ort", "E-post", "E-post 2",
	"Hem", "Arbete", "Mobil", "Annan", "Källa", "Tilldelning", "Samtycke", "Boende idag", "Boarea", "Antal rum", "Värde", "Övrigt",
	"Meddelande", "Intresse", "Objekt"}

// interestRow is a full row of interestHeader, with the cells of edits
// (by header) changed.
func interestRow(edits map[string]string) []string {
	row := map[string]string{"Förnamn": "ANNA", "Efternamn": "svensson", "Personnummer": "850101-2382", "Adress": "Storgatan 1",
		"Postnr": "11122", "Ort": "Stockholm", "E-post": "anna@example.se", "E-post 2": "anna.s@example.se",
		"Hem": "08-123 456 78", "Arbete": "031-62 62 62", "Mobil": "070-174 06 05", "Annan": "070-174 06 06",
		"Källa": "LS1", "Tilldelning": "AS2", "Samtycke": "28/11/2025", "Boende idag": "Bostadsrätt", "Boarea": "84,5 kvm",
		"Antal rum": "3 rok", "Värde": "4 500 000 kr", "Övrigt": "Balkong", "Meddelande": "Ring efter 17",
		"Intresse": "Mycket intresserad", "Objekt": "OBJ1"}
	for h, v := range edits {
		row[h] = v
	}
	cells := make([]string, len(interestHeader))
	for i, h := range interestHeader {
		cells[i] = row[h]
	}
	return cells
}

// TestInterestBody maps a full row into the body Connect's interest call
// takes: flat, every field where the API notes put it, numbers as JSON
// numbers.
func TestInterestBody(t *testing.T) {
	mp := bindT(t, interestMapping, interestHeader, nil)
	got := mp.Map(interestRow(nil))
	require.Empty(t, got.Problems)
	assert.Empty(t, got.Warnings)
	assert.Equal(t, EndpointInterest, got.Lead.Endpoint)
	assert.Equal(t, FinalPriceWatched{}, got.Lead.Body, "an interest registration has no FinalPriceWatched body")
	body, err := got.Lead.MarshalBody()
	require.NoError(t, err)
	assert.JSONEq(t, `{
		"firstName": "Anna", "lastName": "Svensson", "socialSecurityNumber": "19850101-2382",
		"address": {"streetAddress": "Storgatan 1", "zipCode": "111 22", "city": "Stockholm"},
		"email": {"emailAddress": "anna@example.se", "emailAddress2": "anna.s@example.se"},
		"telephone": {"home": "+46812345678", "work": "+4631626262", "cell": "+46701740605", "other": "+46701740606"},
		"leadSourceId": "LS1", "assignmentSourceId": "AS2",
		"marketing": {"referrer": "visning", "utmTags": [{"name": "utm_source", "value": "open-house"}]},
		"gdprApprovalDate": "2025-11-28",
		"presentAccommodation": {"estateType": "Bostadsrätt", "livingSpace": 84.5, "numberOfRooms": 3, "price": 4500000, "other": "Balkong"},
		"contactMessage": "Ring efter 17", "status": "VeryInterested"
	}`, string(body))
	assert.Contains(t, changeStrings(got.Changes), "Samtycke: 28/11/2025 → 2025-11-28")
	assert.Contains(t, changeStrings(got.Changes), "Värde: 4 500 000 kr → 4500000")

	var back Interest
	require.NoError(t, json.Unmarshal(body, &back))
	assert.Equal(t, *got.Lead.Interest, back, "the body reads back as it was")

	t.Run("a bare row", func(t *testing.T) {
		got := mp.Map(interestRow(map[string]string{"Personnummer": "", "Adress": "", "Postnr": "", "Ort": "", "E-post 2": "", "Hem": "",
			"Arbete": "", "Mobil": "", "Annan": "", "Källa": "", "Tilldelning": "", "Samtycke": "", "Boende idag": "", "Boarea": "",
			"Antal rum": "", "Värde": "", "Övrigt": "", "Meddelande": "", "Intresse": ""}))
		require.Empty(t, got.Problems)
		body, err := got.Lead.MarshalBody()
		require.NoError(t, err)
		assert.JSONEq(t, `{"firstName": "Anna", "lastName": "Svensson", "email": {"emailAddress": "anna@example.se"},
			"marketing": {"referrer": "visning", "utmTags": [{"name": "utm_source", "value": "open-house"}]}}`, string(body),
			"no empty object, no empty string")
	})
}

// TestInterestRules holds every validation rule of the interest body to
// its message, on its column.
func TestInterestRules(t *testing.T) {
	mp := bindT(t, interestMapping, interestHeader, nil)
	tests := []struct {
		name  string
		edits map[string]string
		want  []string // problem strings; nil: valid
	}{
		{"names required", map[string]string{"Förnamn": "", "Efternamn": " "}, []string{"Förnamn: is required", "Efternamn: is required"}},
		{"a name too long", map[string]string{"Efternamn": strings.Repeat("Å", 41)},
			[]string{`Efternamn "` + strings.Repeat("Å", 41) + `": is 41 characters, at most 40 allowed`}},
		{"a city too long", map[string]string{"Ort": strings.Repeat("x", 26)},
			[]string{`Ort "` + strings.Repeat("x", 26) + `": is 26 characters, at most 25 allowed`}},
		{"no way to reach", map[string]string{"E-post": "", "E-post 2": "", "Hem": "", "Arbete": "", "Mobil": "", "Annan": ""},
			[]string{"no e-mail or phone: at least one is required"}},
		{"a phone is enough", map[string]string{"E-post": "", "E-post 2": "", "Hem": "", "Arbete": "", "Annan": ""}, nil},
		{"a bad personnummer", map[string]string{"Personnummer": "19850101-2383"}, []string{`Personnummer "19850101-2383": check digit should be 2`}},
		{"a foreign number as written", map[string]string{"Utländskt": "ja", "Personnummer": "X-123"}, nil},
		{"status in English", map[string]string{"Intresse": "veryinterested"}, nil},
		{"status not one of the four", map[string]string{"Intresse": "Kanske"}, []string{`Intresse "Kanske": ` + msg.English.Say(msg.NotInterestStatus{})}},
		{"FinalPriceWatched's statuses are Interest's too", map[string]string{"Intresse": "Ej intresserad"}, nil},
		{"a consent date in the future", map[string]string{"Samtycke": "2026-01-02"},
			[]string{`Samtycke "2026-01-02": is after today (2026-01-01): a consent cannot be given in the future; check the year`}},
		{"a consent date today", map[string]string{"Samtycke": "2026-01-01"}, nil},
		{"a consent date before 2000", map[string]string{"Samtycke": "1999-12-31"}, []string{`Samtycke "1999-12-31": is before 2000-01-01: check the year`}},
		{"a consent date that is no day", map[string]string{"Samtycke": "2025-02-29"}, []string{`Samtycke "2025-02-29": ` + msg.English.Say(msg.NotDate{})}},
		{"a consent date that is no date", map[string]string{"Samtycke": "i går"}, []string{`Samtycke "i går": ` + msg.English.Say(msg.NotDate{})}},
		{"a price in millions", map[string]string{"Värde": "4,5 mkr"},
			[]string{`Värde "4,5 mkr": is not a number: write it in full, e.g. 4 500 000 kr (a unit, kr, may follow)`}},
		{"an area with a price's unit", map[string]string{"Boarea": "84 kr"},
			[]string{`Boarea "84 kr": is not a number: write it in full, e.g. 84 or 84,5 kvm (a unit, m², may follow)`}},
		{"rooms in words", map[string]string{"Antal rum": "tre"}, []string{`Antal rum "tre": is not a number: write it in full, e.g. 3 or 3,5 (a unit, rum, may follow)`}},
		{"a control character in the estate type", map[string]string{"Boende idag": "Villa\x00"},
			[]string{`Boende idag "Villa\x00": holds an invisible control character (U+0000 NUL): delete it in the cell, or the whole value and write it again`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mp.Map(interestRow(tc.edits))
			assert.Equal(t, tc.want, problemStrings(got.Problems))
			_, err := got.Lead.MarshalBody()
			assert.NoError(t, err, "a row with problems still encodes, for the JSONL report")
		})
	}
}

// TestInterestLenient leaves an invalid optional value out, as for
// FinalPriceWatched.
func TestInterestLenient(t *testing.T) {
	yaml := interestMapping + "validation: lenient\n"
	mp := bindT(t, yaml, interestHeader, nil)
	got := mp.Map(interestRow(map[string]string{"Värde": "4,5 mkr", "Samtycke": "2030-01-01"}))
	require.Empty(t, got.Problems)
	require.Len(t, got.Warnings, 2)
	a := got.Lead.Interest.PresentAccommodation
	require.NotNil(t, a)
	assert.Empty(t, a.Price)
	assert.Empty(t, got.Lead.Interest.GDPRApprovalDate)
}

func TestNormalizeDate(t *testing.T) {
	now := time.Date(2026, 12, 3, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		in, want string
		wrong    msg.Message
	}{
		{"2026-11-28", "2026-11-28", nil},
		{"2026-11-28 14:30", "2026-11-28", nil}, // a date cell with a time
		{"2026-11-28T14:30:00", "2026-11-28", nil},
		{"20261128", "2026-11-28", nil},
		{"2026/11/28", "2026-11-28", nil},
		{"2026.11.28", "2026-11-28", nil},
		{"2026-1-5", "2026-01-05", nil},
		{"28/11/2026", "2026-11-28", nil},
		{"28.11.2026", "2026-11-28", nil},
		{"28-11-2026", "2026-11-28", nil},
		{"5/1/2026", "2026-01-05", nil}, // day first, as Swedes write it
		{"28/11-26", "2026-11-28", nil},
		{"28.11.26", "2026-11-28", nil},
		{"24-05-10", "2024-05-10", nil}, // the short form of ISO: year first
		{"26-11-28", "2026-11-28", nil},
		{"28/11/26", "", msg.NotDate{}}, // 28 Nov 2026, or 2028-11-26?
		{"28/11 2026", "2026-11-28", nil},
		{"22/11/2026 13:02", "2026-11-22", nil},
		{"22.11.2026 13:02:45", "2026-11-22", nil},
		{"2026-11-22 13:02", "2026-11-22", nil},
		{"22 nov 2026 13:02", "2026-11-22", nil},
		{"22/11/2026 13", "", msg.NotDate{}},
		{"2026--11-28", "", msg.NotDate{}},
		{"28 nov 2026", "2026-11-28", nil},
		{"28 nov. 2026", "2026-11-28", nil},
		{"28 November 2026", "2026-11-28", nil},
		{"3 maj 2026", "2026-05-03", nil},
		{"3 okt 2026", "2026-10-03", nil},
		{"2026-12-03", "2026-12-03", nil}, // today
		{"2026-12-04", "", msg.DateInFuture{Today: "2026-12-03"}},
		{"1999-12-31", "", msg.DateTooEarly{Earliest: "2000-01-01"}},
		{"2000-01-01", "2000-01-01", nil},
		{"2026-02-29", "", msg.NotDate{}},
		{"31/4/2026", "", msg.NotDate{}},
		{"2026-13-01", "", msg.NotDate{}},
		{"11/28/2026", "", msg.NotDate{}}, // month first is no Swedish date
		{"28 brumaire 2026", "", msg.NotDate{}},
		{"28 nov 26", "", msg.NotDate{}},
		{"2026-11", "", msg.NotDate{}},
		{"46000", "", msg.NotDate{}},
		{"i går", "", msg.NotDate{}},
		{"2026-11-28x", "", msg.NotDate{}},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, wrong := normalizeDate(tc.in, now)
			assert.Equal(t, tc.wrong, wrong)
			if tc.wrong == nil {
				assert.Equal(t, tc.want, got)
				assert.True(t, isISODate(got))
			}
		})
	}
}

// TestConsentTodayInSweden: at 00:30 in Stockholm it is the next day,
// whatever the machine's clock says in UTC.
func TestConsentTodayInSweden(t *testing.T) {
	late := time.Date(2026, 12, 3, 23, 30, 0, 0, time.UTC)
	got, wrong := normalizeDate("2026-12-04", late)
	assert.Nil(t, wrong)
	assert.Equal(t, "2026-12-04", got)
	_, wrong = normalizeDate("2026-12-05", late)
	assert.Equal(t, msg.DateInFuture{Today: "2026-12-04"}, wrong)
}

func TestNormalizeNumber(t *testing.T) {
	tests := []struct {
		kind     kind
		in, want string // want "": no number
	}{
		{kindRooms, "3", "3"},
		{kindRooms, "3,5", "3.5"},
		{kindRooms, "3.5", "3.5"},
		{kindRooms, "3 rok", "3"},
		{kindRooms, "3rum", "3"},
		{kindRooms, "3,50", "3.5"},
		{kindRooms, "03", "3"},
		{kindRooms, "0", "0"},
		{kindRooms, "tre", ""},
		{kindRooms, "3-4", ""},
		{kindRooms, "-3", ""},
		{kindRooms, "3 kvm", ""},
		{kindArea, "84", "84"},
		{kindArea, "84,5 m²", "84.5"},
		{kindArea, "84 M2", "84"},
		{kindArea, "120 kvm", "120"},
		{kindArea, "ca 84", ""},
		{kindPrice, "4 500 000", "4500000"},
		{kindPrice, "4\u00a0500\u00a0000 kr", "4500000"},
		{kindPrice, "4 500 000:-", "4500000"},
		{kindPrice, "4500000 SEK", "4500000"},
		{kindPrice, "4.500.000", "4500000"},
		{kindPrice, "4,500,000", "4500000"},
		{kindPrice, "4 500 000,50", "4500000.5"},
		{kindPrice, "4,500", ""},     // 4.5 or 4500?
		{kindPrice, "4.500", ""},     // the same
		{kindPrice, "1 000.000", ""}, // the same
		{kindPrice, "4,5", ""},       // kronor: millions meant
		{kindPrice, "999 kr", ""},    // no home
		{kindPrice, "1 000 kr", "1000"},
		{kindArea, "84,500", ""}, // 84.5 or 84500?
		{kindArea, "84,50", "84.5"},
		{kindArea, "84,1230", "84.1230"}, // 84.123 would not read back
		{kindArea, "84.1230", "84.1230"},
		{kindRooms, "0,0010", "0.0010"}, // found by FuzzNormalizeNumber
		{kindArea, "84,12300", "84.1230"},
		{kindArea, "84,12340", "84.1234"},
		{kindPrice, "1,234,567.89", "1234567.89"},
		{kindPrice, "4,5 mkr", ""},
		{kindPrice, "4,5 miljoner", ""},
		{kindPrice, "45 00 000", ""},
		{kindPrice, "4 5000", ""},
		{kindPrice, "4500 000", ""},
		{kindPrice, "4..5", ""},
		{kindPrice, "kr", ""},
		{kindPrice, "1e6", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, wrong := normalizeNumber(tc.kind, tc.in)
			if tc.want == "" {
				assert.IsType(t, msg.NotNumber{}, wrong, "got %q", got)
				return
			}
			require.Nil(t, wrong)
			assert.Equal(t, tc.want, got)
			assert.True(t, isJSONNumber(got))
		})
	}
}

func FuzzNormalizeDate(f *testing.F) {
	for _, s := range []string{"2026-11-28", "28/11/2026", "28 nov 2026", "20261128", "28/11-26", "2026-11-28 14:30", "x"} {
		f.Add(s)
	}
	now := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, wrong := normalizeDate(s, now)
		if wrong != nil {
			return
		}
		require.True(t, isISODate(got), "%q gave %q", s, got)
		require.LessOrEqual(t, got, "2026-12-03")
		require.GreaterOrEqual(t, got, "2000-01-01")
		again, wrong := normalizeDate(got, now)
		require.Nil(t, wrong)
		require.Equal(t, got, again, "the output reads back as itself")
	})
}

func FuzzNormalizeNumber(f *testing.F) {
	for _, s := range []string{"3,5", "4 500 000 kr", "4.500.000", "84 kvm", "1,234,567.89", "4,5 mkr", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, k := range []kind{kindArea, kindRooms, kindPrice} {
			got, wrong := normalizeNumber(k, s)
			if wrong != nil {
				continue
			}
			require.True(t, isJSONNumber(got), "%q gave %q", s, got)
			again, wrong := normalizeNumber(k, got)
			require.Nil(t, wrong)
			require.Equal(t, got, again, "the output reads back as itself")
		}
	})
}

// TestInterestCheck judges bodies as the sandbox does: by Connect's rules
// for the interest call, its fields named by their JSON paths.
func TestInterestCheck(t *testing.T) {
	valid := func() Interest {
		return Interest{Person: Person{FirstName: "Anna", LastName: "Svensson", Email: &Email{EmailAddress: "anna@example.se"}}}
	}
	tests := []struct {
		name string
		edit func(*Interest)
		want []string
	}{
		{"valid", func(*Interest) {}, nil},
		{"every status", func(b *Interest) { b.Status = "VeryInterested" }, nil},
		{"no names", func(b *Interest) { b.FirstName, b.LastName = "", "" }, []string{"firstName: is required", "lastName: is required"}},
		{"a zip too long", func(b *Interest) { b.Address = &Address{ZipCode: strings.Repeat("1", 16)} },
			[]string{`address.zipCode "1111111111111111": is 16 characters, at most 15 allowed`}},
		{"no contact", func(b *Interest) { b.Email = nil }, []string{"no e-mail or phone: at least one is required"}},
		{"a status of FinalPriceWatched's only by number", func(b *Interest) { b.Status = "2" },
			[]string{`status "2": ` + msg.English.Say(msg.NotInterestStatus{})}},
		{"a date not ISO", func(b *Interest) { b.GDPRApprovalDate = "28/11/2026" }, []string{`gdprApprovalDate "28/11/2026": ` + msg.English.Say(msg.NotDate{})}},
		{"a number that is none", func(b *Interest) { b.PresentAccommodation = &Accommodation{Price: "4,5"} },
			[]string{`presentAccommodation.price "4,5": ` + msg.English.Say(msg.NotNumber{})}},
		{"numbers", func(b *Interest) {
			b.PresentAccommodation = &Accommodation{LivingSpace: "84.5", NumberOfRooms: "3", Price: "4500000"}
		}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := valid()
			tc.edit(&b)
			var got []string
			for _, p := range b.Check() {
				got = append(got, p.String())
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestVocabularies refuses a field of the other endpoint's vocabulary with
// the name this one has for it, an unknown endpoint with the known ones,
// and --set endpoint.
func TestVocabularies(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
	}{
		{"FinalPriceWatched's names in an Interest mapping", `version: 1
columns:
  Förnamn: person.firstName
  Meddelande: message
  Status: prospectiveBuyerStatus
  Mobil: telephone.cell
endpoint: Interest
`, []string{
			`mapping.yaml:3: field "person.firstName" is FinalPriceWatched's; this mapping's endpoint is Interest, which calls it "firstName"`,
			`mapping.yaml:4: field "message" is FinalPriceWatched's; this mapping's endpoint is Interest, which calls it "contactMessage"`,
			`mapping.yaml:5: field "prospectiveBuyerStatus" is FinalPriceWatched's; this mapping's endpoint is Interest, which calls it "status"`,
		}},
		{"Interest's names in a FinalPriceWatched mapping", `version: 1
columns:
  Förnamn: firstName
  Samtycke: gdprApprovalDate
  Intresse: status
  Mobil: person.telephone.cell
`, []string{
			`mapping.yaml:3: field "firstName" is Interest's; this mapping's endpoint is FinalPriceWatched, which calls it "person.firstName"`,
			"mapping.yaml:4: field \"gdprApprovalDate\" is Interest's only; this mapping's endpoint is FinalPriceWatched, which has no such field (or write `endpoint: Interest`)",
			`mapping.yaml:5: field "status" is Interest's; this mapping's endpoint is FinalPriceWatched, which calls it "prospectiveBuyerStatus"`,
		}},
		{"a constant and a validation line", `version: 1
endpoint: Interest
columns:
  Mobil: telephone.cell
constants:
  prospectiveBuyerStatus: Interested
validation:
  person.telephone.cell: lenient
`, []string{
			`mapping.yaml:6: field "prospectiveBuyerStatus" is FinalPriceWatched's; this mapping's endpoint is Interest, which calls it "status"`,
			`mapping.yaml:8: field "person.telephone.cell" is FinalPriceWatched's; this mapping's endpoint is Interest, which calls it "telephone.cell"`,
		}},
		{"the full name's messages name Interest's fields", `version: 1
endpoint: Interest
columns:
  Namn: fullName
  Förnamn: firstName
  Mobil: telephone.cell
constants:
  fullName: Anna Svensson
`, []string{
			"mapping.yaml:5: column \"Förnamn\" fills firstName, but \"Namn\" (line 4) already gives the first and last name; map either fullName or firstName and lastName",
			"mapping.yaml:8: fullName can only come from a column; give firstName and lastName as constants instead",
		}},
		{"a misspelt field of its own", `version: 1
endpoint: Interest
columns:
  Samtycke: gdprAprovalDate
`, []string{`mapping.yaml:4: unknown field "gdprAprovalDate" (did you mean "gdprApprovalDate"?)`}},
		{"an unknown endpoint", `version: 1
endpoint: Intresse
columns:
  Mobil: telephone.cell
`, []string{`mapping.yaml:2: endpoint "Intresse" is not one leadimport knows (did you mean Interest?); the endpoints are FinalPriceWatched, Interest, the first the default`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tc.yaml), "mapping.yaml")
			assert.Equal(t, tc.want, errorLines(t, err))
		})
	}

	t.Run("--set endpoint", func(t *testing.T) {
		_, err := parseT(t, interestMapping).Bind(interestHeader, Options{Now: vectorsNow, Sets: map[string]string{"endpoint": "FinalPriceWatched"}})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "--set cannot change the endpoint")
	})
	t.Run("--set in the endpoint's vocabulary", func(t *testing.T) {
		mp := bindT(t, interestMapping, interestHeader, map[string]string{"status": "Anvisad", "gdprApprovalDate": "1 dec 2025"})
		got := mp.Map(interestRow(nil))
		require.Empty(t, got.Problems)
		assert.Equal(t, "Assigned", got.Lead.Interest.Status)
		assert.Equal(t, "2025-12-01", got.Lead.Interest.GDPRApprovalDate)
		_, err := parseT(t, interestMapping).Bind(interestHeader, Options{Now: vectorsNow, Sets: map[string]string{"prospectiveBuyerStatus": "Interested"}})
		require.Error(t, err)
		assert.Contains(t, err.Error(), `which calls it "status"`)
	})
	t.Run("--set fullName", func(t *testing.T) {
		_, err := parseT(t, interestMapping).Bind(interestHeader, Options{Now: vectorsNow, Sets: map[string]string{"fullName": "Anna Svensson"}})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "--set fullName: fullName can only come from a column; set firstName and lastName instead")
	})
	t.Run("two addresses in a cell", func(t *testing.T) {
		got := bindT(t, interestMapping, interestHeader, nil).Map(interestRow(map[string]string{"E-post": "a@example.se, b@example.se"}))
		assert.Equal(t, []string{`E-post "a@example.se, b@example.se": must be one e-mail address, not several; put a second one in email.emailAddress2`},
			problemStrings(got.Problems))
		got = bindT(t, fullMapping, fullHeader, nil).Map([]string{"Anna", "Svensson", "", "", "a@example.se; b@example.se", "", "OBJ1", "", "", ""})
		assert.Equal(t, []string{`E-post "a@example.se; b@example.se": must be one e-mail address, not several; put a second one in person.email.emailAddress2`},
			problemStrings(got.Problems))
	})
	t.Run("a consent constant in the future", func(t *testing.T) {
		_, err := parseT(t, strings.Replace(interestMapping, "constants:\n", "constants:\n  gdprApprovalDate: 2030-01-01\n", 1)).
			Bind(interestHeader, Options{Now: vectorsNow})
		require.Error(t, err)
		assert.Contains(t, err.Error(), "is after today")
	})
}

// TestVocabulary lists each endpoint's fields once, by its own names.
func TestVocabulary(t *testing.T) {
	names := func(fs []FieldInfo) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Name)
		}
		return out
	}
	fpw, in := names(Vocabulary(EndpointFinalPriceWatched)), names(Vocabulary(EndpointInterest))
	assert.Len(t, fpw, 21)
	assert.Len(t, in, 28)
	assert.Equal(t, fpw, names(Vocabulary("")), "the default")
	assert.Nil(t, Vocabulary("interest"))
	for _, n := range in {
		assert.False(t, strings.HasPrefix(n, "person."), n)
		id, _, ok := lookupField(epInterest, n)
		require.True(t, ok, n)
		assert.Equal(t, n, fieldName(epInterest, id, strings.TrimPrefix(n, utmPrefix)))
	}
	assert.Subset(t, in, []string{"gdprApprovalDate", "status", "contactMessage", "assignmentSourceId", "presentAccommodation.price"})
	assert.NotContains(t, fpw, "status")
	assert.True(t, IsPersonnummerField("socialSecurityNumber"))
	assert.True(t, IsPersonnummerField("person.socialSecurityNumber"))
	assert.False(t, IsPersonnummerField("person.firstName"))
}

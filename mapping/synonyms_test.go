package mapping

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSynonymsCSV: the embedded table loads, names only fields of the
// vocabulary, and is generous.
func TestSynonymsCSV(t *testing.T) {
	idx, err := parseSynonyms(bytes.NewReader(synonymsCSV))
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(idx.all), 120)
	for _, k := range idx.all {
		if k.ignore {
			continue
		}
		_, _, ok := lookupAnyField(k.fieldName())
		assert.True(t, ok, "%s: %s", k.name, k.fieldName())
	}
}

func TestParseSynonymsErrors(t *testing.T) {
	tests := []struct {
		name, csv, want string
	}{
		{"unknown field", "field,synonym\nperson.firstname,Förnamn\n", `unknown field "person.firstname" (did you mean "person.firstName"?)`},
		{"one name, two fields", "field,synonym\nperson.firstName,Namn\nperson.fullName,NAMN\n", `"NAMN" is already a name for person.firstName, as "Namn"`},
		{"a name of punctuation only", "field,synonym\nmessage,--\n", "the name has no letters or digits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseSynonyms(strings.NewReader(tc.csv))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestKnownNames: the names the feature promises, in Swedish and English,
// as sheets write them.
func TestKnownNames(t *testing.T) {
	tests := []struct {
		field   string
		headers []string
	}{
		{"person.firstName", []string{"Förnamn", "Tilltalsnamn", "First name", "FORNAMN", "first_name"}},
		{"person.lastName", []string{"Efternamn", "Last name", "Surname"}},
		{"person.fullName", []string{"Namn", "Name", "Fullständigt namn"}},
		{"person.socialSecurityNumber", []string{"Personnummer", "Pnr", "Personnr", "Födelsenummer", "Pers.nr"}},
		{"person.email.emailAddress", []string{"E-post", "Epost", "Mejl", "Mail", "E-mail", "Email", "email.emailAddress"}},
		{"person.email.emailAddress2", []string{"E-post 2", "Alternativ e-post"}},
		{"person.telephone.cell", []string{"Mobil", "Mobilnr", "Mobiltelefon", "Mobile"}},
		{"person.telephone.home", []string{"Telefon", "Tel", "Hemtelefon", "Phone"}},
		{"person.telephone.work", []string{"Arbete", "Jobb", "Work phone"}},
		{"person.address.streetAddress", []string{"Adress", "Gatuadress", "Street"}},
		{"person.address.zipCode", []string{"Postnr", "Postnummer", "Zip code"}},
		{"person.address.city", []string{"Ort", "Postort", "City"}},
		{"estateId", []string{"Objekt", "Objektnr", "ObjektID", "Estate"}},
		// A field both endpoints have is known by FinalPriceWatched's name,
		// and Interest's names for it are known names too.
		{"prospectiveBuyerStatus", []string{"Status", "Intresse", "Intresseanmälan", "status"}},
		{"message", []string{"Meddelande", "Kommentar", "Övrigt", "contactMessage"}},
		{"gdprApprovalDate", []string{"Samtycke", "GDPR", "Godkänt villkor", "Godkänner villkoren", "Samtycke GDPR", "Samtyckesdatum", "Consent"}},
		{"presentAccommodation.estateType", []string{"Boende idag", "Nuvarande boende", "Boendeform", "Bostadstyp"}},
		{"presentAccommodation.livingSpace", []string{"Boarea", "Boyta", "Boarea kvm", "Living space"}},
		{"presentAccommodation.numberOfRooms", []string{"Antal rum", "Antal rok", "Number of rooms"}},
		{"presentAccommodation.price", []string{"Uppskattat värde", "Bostadens värde", "Home value"}},
		{"presentAccommodation.other", []string{"Övrigt om boendet"}},
		{"marketing.referrer", []string{"Källa"}},
		{"person.isForeignSocialSecurityNumber", []string{"Utländskt", "Foreign"}},
		{"marketing.utmTags.utm_source", []string{"utm_source"}},
		{ignoreField, []string{"Kundnr", "Kundnummer", "Datum"}},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			for _, h := range tc.headers {
				hm, ok := matchHeader(h, synonyms())
				require.True(t, ok, h)
				assert.Equal(t, confSure, hm.level, h)
				assert.Equal(t, tc.field, hm.known.fieldName(), h)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"förnamn", "förnman", 1}, // a swap is one edit
		{"förnamn", "fornamn", 1},
		{"mobil", "mobilnr", 2},
		{"ca", "abc", 3},
		{"kundnr", "postnr", 4},
	}
	for _, tc := range tests {
		t.Run(tc.a+"/"+tc.b, func(t *testing.T) {
			assert.Equal(t, tc.want, editDistance(tc.a, tc.b))
			assert.Equal(t, tc.want, editDistance(tc.b, tc.a))
		})
	}
}

func TestIsSwedishMobile(t *testing.T) {
	tests := []struct {
		v    string
		want bool
	}{
		{"070-174 06 30", true},
		{"0701740630", true},
		{"+46 70 174 06 32", true},
		{"+46 (0)70-174 06 32", true},
		{"0046701740635", true},
		{"701740634", true}, // Excel dropped the 0
		{"08-465 004 01", false},
		{"031-390 06 05", false},
		{"070174063", false},
		{"+4670174063012", false},
		{"640511-2985", false},
	}
	for _, tc := range tests {
		t.Run(tc.v, func(t *testing.T) {
			assert.Equal(t, tc.want, isSwedishMobile(tc.v))
		})
	}
}

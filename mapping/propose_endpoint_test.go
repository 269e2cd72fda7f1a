package mapping

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	testConsent = []string{"2025-11-28", "28/11/2025", "28.11.2025", "28 nov 2025", "2025-11-29", "20251130"}
	testYesNo   = []string{"Ja", "ja", "Nej", "x", "Ja", "ja"}
)

// TestProposeEndpoint: a sheet whose headers speak of consent, the
// present home or the interest itself is proposed as interest
// registrations, in Interest's vocabulary and saying which headers chose
// it; any other sheet stays FinalPriceWatched. Either way the file parses
// as its endpoint's, binds to the sheet's header, and never mixes the
// two vocabularies.
func TestProposeEndpoint(t *testing.T) {
	type line struct{ header, field string }
	tests := []struct {
		name     string
		given    string // init --endpoint; "" lets the headers decide
		header   []string
		rows     [][]string
		endpoint string
		by       []string
		want     []line
		unplaced []string
		why      map[string]string // header → a part of its reason
		yaml     []string          // parts of the written file
		bindErr  []string          // what binding it to the header says, in its endpoint's words
	}{
		{
			name:     "a consent column",
			header:   []string{"Förnamn", "Efternamn", "E-post", "Samtycke"},
			rows:     sheet(testNames, testLast, testEmails, testConsent),
			endpoint: EndpointInterest,
			by:       []string{"Samtycke"},
			want: []line{
				{"Förnamn", "firstName"}, {"Efternamn", "lastName"},
				{"E-post", "email.emailAddress"}, {"Samtycke", "gdprApprovalDate"},
			},
			why: map[string]string{"Samtycke": `header "Samtycke" is a known name for the consent date; 6 of 6 values are dates`},
			yaml: []string{
				`endpoint: Interest  # an interest registration (intresseanmälan), as header "Samtycke" says; the fields below are its own`,
				"  status: Interested",
				"VeryInterested, Assigned and NotInterested are the others",
			},
		},
		{
			name:     "consent headers as forms write them",
			header:   []string{"Namn", "Mobil", "Godkänner villkoren", "GDPR", "Samtycke GDPR"},
			rows:     sheet(testNames, testMobiles, testConsent, testConsent, testConsent),
			endpoint: EndpointInterest,
			by:       []string{"Godkänner villkoren", "GDPR", "Samtycke GDPR"},
			want: []line{
				{"Namn", "fullName"}, {"Mobil", "telephone.cell"}, {"Godkänner villkoren", "gdprApprovalDate"},
			},
			unplaced: []string{"GDPR", "Samtycke GDPR"},
			yaml:     []string{`as headers "Godkänner villkoren", "GDPR" and "Samtycke GDPR" say`},
		},
		{
			name:   "current-home columns",
			header: []string{"Namn", "Telefon", "Boende idag", "Antal rum", "Boarea", "Uppskattat värde", "Meddelande"},
			rows: sheet(testNames, testMobiles, []string{"Villa", "Bostadsrätt", "", "Radhus", "Villa", "Hyresrätt"},
				[]string{"5", "3,5", "", "4 rok", "6", "2"}, []string{"140", "84,5 kvm", "", "110", "162", "55"},
				[]string{"6 500 000", "3 200 000 kr", "", "4500000", "", ""}, testNotes),
			endpoint: EndpointInterest,
			by:       []string{"Boende idag", "Antal rum", "Boarea", "Uppskattat värde"},
			want: []line{
				{"Namn", "fullName"}, {"Telefon", "telephone.cell"},
				{"Boende idag", "presentAccommodation.estateType"}, {"Antal rum", "presentAccommodation.numberOfRooms"},
				{"Boarea", "presentAccommodation.livingSpace"}, {"Uppskattat värde", "presentAccommodation.price"},
				{"Meddelande", "contactMessage"},
			},
			why: map[string]string{"Antal rum": "5 of 5 values are numbers"},
		},
		{
			name:     "the interest itself, with a status only Interest has",
			header:   []string{"Förnamn", "Efternamn", "Mobil", "Intresse"},
			rows:     sheet(testNames, testLast, testMobiles, []string{"Mycket intresserad", "Intresserad", "VeryInterested", "Ej intresserad", "Interested", "mycket intresserad"}),
			endpoint: EndpointInterest,
			by:       []string{"Intresse"},
			want: []line{
				{"Förnamn", "firstName"}, {"Efternamn", "lastName"}, {"Mobil", "telephone.cell"}, {"Intresse", "status"},
			},
			why: map[string]string{"Intresse": "6 of 6 values are interest statuses"},
		},
		{
			name:     "a consent column of yes and no is not sent as a date, nor decides the endpoint",
			header:   []string{"Förnamn", "Efternamn", "E-post", "Samtycke"},
			rows:     sheet(testNames, testLast, testEmails, testYesNo),
			endpoint: EndpointFinalPriceWatched,
			want:     []line{{"Förnamn", "person.firstName"}, {"Efternamn", "person.lastName"}, {"E-post", "person.email.emailAddress"}},
			unplaced: []string{"Samtycke"},
			why: map[string]string{"Samtycke": "but only 0 of 6 values are dates, and a FinalPriceWatched lead has no consent date " +
				"(an interest registration has one: leadimport init --endpoint Interest)"},
		},
		{
			name:     "asked for Interest, a consent column of yes and no is not sent as a date",
			given:    EndpointInterest,
			header:   []string{"Förnamn", "Efternamn", "E-post", "Samtycke"},
			rows:     sheet(testNames, testLast, testEmails, testYesNo),
			endpoint: EndpointInterest,
			want:     []line{{"Förnamn", "firstName"}, {"Efternamn", "lastName"}, {"E-post", "email.emailAddress"}},
			unplaced: []string{"Samtycke"},
			why: map[string]string{"Samtycke": "but only 0 of 6 values are dates: gdprApprovalDate takes the day the person consented; " +
				"map a column of dates to it, or give the day under constants"},
		},
		{
			name:     "an estate's price beside it is no present home's",
			header:   []string{"Namn", "E-post", "Mobil", "Objekt", "Pris"},
			rows:     sheet(testNames, testEmails, testMobiles, []string{"OBJ1", "OBJ1", "OBJ1", "OBJ1", "OBJ1", "OBJ1"}, []string{"4 500 000", "", "", "", "", ""}),
			endpoint: EndpointFinalPriceWatched,
			want: []line{
				{"Namn", "person.fullName"}, {"E-post", "person.email.emailAddress"}, {"Mobil", "person.telephone.cell"}, {"Objekt", "estateId"},
			},
			unplaced: []string{"Pris"},
		},
		{
			name:     "no such header: FinalPriceWatched, as before",
			header:   []string{"Förnamn", "Efternamn", "E-post", "Status", "Meddelande", "Datum"},
			rows:     sheet(testNames, testLast, testEmails, []string{"Interested", "", "NotInterested", "", "Assigned", ""}, testNotes, testConsent),
			endpoint: EndpointFinalPriceWatched,
			want: []line{
				{"Förnamn", "person.firstName"}, {"Efternamn", "person.lastName"}, {"E-post", "person.email.emailAddress"},
				{"Status", "prospectiveBuyerStatus"}, {"Meddelande", "message"},
			},
			unplaced: []string{"Datum"},
			yaml:     []string{"endpoint: FinalPriceWatched\n"},
		},
		{
			name:     "FinalPriceWatched asked for: a consent column is not placed",
			given:    EndpointFinalPriceWatched,
			header:   []string{"Förnamn", "Efternamn", "E-post", "Samtycke", "Meddelande"},
			rows:     sheet(testNames, testLast, testEmails, testConsent, testNotes),
			endpoint: EndpointFinalPriceWatched,
			want: []line{
				{"Förnamn", "person.firstName"}, {"Efternamn", "person.lastName"},
				{"E-post", "person.email.emailAddress"}, {"Meddelande", "message"},
			},
			unplaced: []string{"Samtycke"},
			why: map[string]string{"Samtycke": `it would fill Interest's gdprApprovalDate (sure: header "Samtycke" is a known name for the consent date; ` +
				"6 of 6 values are dates), but FinalPriceWatched leads have no such field"},
			yaml: []string{"endpoint: FinalPriceWatched\n", "  prospectiveBuyerStatus: Interested"},
		},
		{
			name:     "Interest asked for: a sheet without its headers",
			given:    EndpointInterest,
			header:   []string{"Namn", "Mobil", "Status"},
			rows:     sheet(testNames, testMobiles, []string{"Mycket intresserad", "", "", "", "", ""}),
			endpoint: EndpointInterest,
			want:     []line{{"Namn", "fullName"}, {"Mobil", "telephone.cell"}, {"Status", "status"}},
			yaml:     []string{"endpoint: Interest\n"},
		},
		{
			name:     "no name and no contact: the advice is in Interest's words",
			header:   []string{"Samtyckesdatum", "Boyta"},
			rows:     sheet(testConsent, []string{"84", "", "120", "", "", "55"}),
			endpoint: EndpointInterest,
			by:       []string{"Samtyckesdatum", "Boyta"},
			want:     []line{{"Samtyckesdatum", "gdprApprovalDate"}, {"Boyta", "presentAccommodation.livingSpace"}},
			yaml: []string{
				"# fullName, or two to firstName and lastName.\n",
				"# lead needs one: map one to email.emailAddress or telephone.cell.\n",
			},
			bindErr: []string{
				"nothing gives firstName, which every lead needs: map a column to it, or map one column to fullName",
				"map a column to email.emailAddress or telephone.cell (or another phone field)",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := ProposeFor(tc.given, tc.header, tc.rows, vectorsNow)
			assert.Equal(t, tc.endpoint, p.Endpoint)
			assert.Equal(t, tc.by, p.EndpointBy)
			var got []line
			why := map[string]string{}
			for _, l := range p.Lines {
				got = append(got, line{l.Header, l.Field})
				why[l.Header] = l.Why
			}
			for i, h := range p.Unplaced {
				why[h] = p.UnplacedWhy[i]
			}
			assert.Equal(t, tc.want, got, "%v", why)
			assert.Equal(t, tc.unplaced, p.Unplaced)
			for h, part := range tc.why {
				assert.Contains(t, why[h], part, h)
			}

			var buf bytes.Buffer
			require.NoError(t, p.WriteYAML(&buf, "anmälningar.xlsx", Input{}))
			for _, part := range tc.yaml {
				assert.Contains(t, buf.String(), part)
			}
			m, err := Parse(bytes.NewReader(buf.Bytes()), "proposed.yaml")
			require.NoError(t, err, buf.String())
			assert.Equal(t, tc.endpoint, m.Endpoint)
			assertOneVocabulary(t, m, buf.String())
			_, err = m.Bind(tc.header, Options{Now: vectorsNow, Sets: filledIn})
			if tc.bindErr == nil {
				require.NoError(t, err, buf.String())
			}
			for _, part := range tc.bindErr {
				assert.ErrorContains(t, err, part)
			}
		})
	}
}

// assertOneVocabulary: every field m names, in a column or a constant,
// is its endpoint's, and none is written by the other endpoint's name.
func assertOneVocabulary(t *testing.T, m *Mapping, text string) {
	t.Helper()
	ep, ok := endpointOf(m.Endpoint)
	require.True(t, ok)
	names := make([]string, 0, len(m.Columns)+len(m.Constants))
	for _, c := range m.Columns {
		names = append(names, c.Field)
	}
	for _, c := range m.Constants {
		names = append(names, c.Field)
	}
	for _, name := range names {
		id, _, ok := lookupField(ep, name)
		require.True(t, ok, "%s is not a field of %s:\n%s", name, m.Endpoint, text)
		for other := range numEndpoints {
			if n := id.nameIn(other); other != ep && n != "" && n != name {
				assert.NotContains(t, text, ": "+n+"\n", "%s's name for %s", other, name)
				assert.NotContains(t, text, ": "+n+" ", "%s's name for %s", other, name)
			}
		}
	}
}

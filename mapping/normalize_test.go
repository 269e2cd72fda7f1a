package mapping

import (
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nyaruka/phonenumbers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// Phone numbers are from PTS's ranges for fiction (070-174 06 05 to 99,
// 08-465 004 00 to 99) and, for a foreign one, Ofcom's for drama
// (020 7946 0000 to 0999).
func TestFormatPhone(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		format string
		want   string
		msg    string
	}{
		{"mobile with dash and spaces", "070-174 06 05", "", "+46701740605", ""},
		{"mobile digits only", "0701740605", "e164", "+46701740605", ""},
		{"+46 with (0)", "+46 (0)70-174 06 05", "", "+46701740605", ""},
		{"0046", "0046 70 174 06 05", "", "+46701740605", ""},
		{"Stockholm landline", "08-465 004 01", "", "+46846500401", ""},
		{"mobile that lost its 0 in Excel", "701740605", "", "+46701740605", ""},
		{"landline that lost its 0 in Excel", "84650040", "", "+4684650040", ""},
		{"foreign", "+44 20 7946 0001", "", "+442079460001", ""},
		{"national mobile", "+46701740605", "national", "070-174 06 05", ""},
		{"national landline", "0046 8 465 004 01", "national", "08-465 004 01", ""},
		{"national keeps a foreign country code", "0044 20 7946 0001", "national", "+44 20 7946 0001", ""},
		{"keep as written", "+46 (0)70-174 06 05", "keep", "+46 (0)70-174 06 05", ""},
		{"keep restores the lost 0", "701740605", "keep", "0701740605", ""},
		{"keep does not ask libphonenumber", "112233", "keep", "112233", ""},
		{"keep still checks the characters", "070-174 06 O5", "keep", "070-174 06 O5",
			"a phone number may hold only digits, spaces and + - ( ) / ."},
		{"mobile one digit short", "070-174 06 0", "", "070-174 06 0", "is not a valid Swedish phone number"},
		{"too short for Sweden", "112233", "national", "112233", "is not a valid Swedish phone number"},
		{"too short for its region", "+44 20 7946", "", "+44 20 7946", "is not a valid phone number for region GB"},
		{"no such country code", "+999 174 06 05", "", "+999 174 06 05",
			"is not a valid phone number: no country has the code after + or 00 (Sweden is +46)"},
		{"too few digits", "+46 (0)", "", "+46 (0)", "a phone number needs at least 5 digits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, wrong := normalize(kindPhone, tc.in, Normalize{Phone: tc.format}, time.Time{}, nil)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.msg, msg.English.Say(wrong))
			if wrong == nil && tc.format != "keep" {
				assert.LessOrEqual(t, len(got), 17, "Connect takes at most 17 characters")
			}
		})
	}
}

func TestNormalizeZip(t *testing.T) {
	const zipHint = "is not a Swedish postcode (five digits, e.g. 123 45)"
	tests := []struct {
		name, in, format, want, msg string
	}{
		{"five digits", "12345", "", "123 45", ""},
		{"already written right", "123 45", "swedish", "123 45", ""},
		{"S- prefix", "S-123 45", "", "123 45", ""},
		{"dash between the groups", "123-45", "", "123 45", ""},
		{"SE- prefix and a dash", "SE-123-45", "", "123 45", ""},
		{"SE- prefix", "SE-12345", "", "123 45", ""},
		{"lower-case prefix and a space", "se 123 45", "", "123 45", ""},
		{"no-break space", "123\u00a045", "", "123 45", ""},
		{"four digits", "1234", "", "1234", zipHint},
		{"six digits", "123456", "", "123456", zipHint},
		{"space in the wrong place", "12 345", "", "12 345", zipHint},
		{"foreign", "SW1A 1AA", "", "SW1A 1AA", zipHint},
		{"a city", "Stockholm", "", "Stockholm", zipHint},
		{"keep", "SW1A 1AA", "keep", "SW1A 1AA", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, wrong := normalize(kindZip, tc.in, Normalize{ZipCode: tc.format}, time.Time{}, nil)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.msg, msg.English.Say(wrong))
		})
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"capitals", "ANNA-KARIN VON ESSEN", "Anna-Karin von Essen"},
		{"lower case", "anna-karin von essen", "Anna-Karin von Essen"},
		{"a last name starting with a particle", "VON ESSEN", "von Essen"},
		{"a particle as the last word is a name", "ANNA DE", "Anna De"},
		{"several particles", "MARIA DE LA CRUZ", "Maria de la Cruz"},
		{"af and av", "carl af ugglas", "Carl af Ugglas"},
		{"apostrophe", "o'brien", "O'Brien"},
		{"Swedish letters", "ÅSA ÖSTLUND", "Åsa Östlund"},
		{"a capital keeps its form", "İLKAY YILMAZ", "İlkay Yilmaz"},
		{"Greek beta symbol", "ϐ", "Β"},
		{"mixed case is kept", "Carl af Ugglas", "Carl af Ugglas"},
		{"mixed case particle kept", "Anna Von Essen", "Anna Von Essen"},
		{"mixed case own spelling", "McDonald", "McDonald"},
		// Limits, documented in the README: title case cannot know a
		// family's own capitals.
		{"inner capital lost", "MCDONALD", "Mcdonald"},
		{"a capital particle lost", "LOUIS DE GEER", "Louis de Geer"},
		{"inner whitespace collapsed", "Anna \t Maria", "Anna Maria"},
		{"no letters", "12", "12"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, wrong := normalize(kindName, tc.in, Normalize{}, time.Time{}, nil)
			assert.Equal(t, tc.want, got)
			assert.Nil(t, wrong)
		})
	}
}

func TestNormalizeStatus(t *testing.T) {
	tests := []struct{ in, want, msg string }{
		{"Anvisad", "Assigned", ""},
		{"INTRESSERAD", "Interested", ""},
		{"ej intresserad", "NotInterested", ""},
		{"Inte  Intresserad", "NotInterested", ""},
		{"notinterested", "NotInterested", ""},
		{"Kanske", "Kanske", "must be Assigned, Interested or NotInterested"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, wrong := normalize(kindStatus, tc.in, Normalize{}, time.Time{}, nil)
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.msg, msg.English.Say(wrong))
		})
	}
}

// TestMapNormalize maps rows through a mapping with a normalize section:
// what is sent and what makes a row invalid.
func TestMapNormalize(t *testing.T) {
	header := []string{"Namn", "Personnummer", "Postnummer", "Telefon", "Status"}
	columns := "version: 1\ncolumns:\n  Namn: person.fullName\n  Personnummer: person.socialSecurityNumber\n" +
		"  Postnummer: person.address.zipCode\n  Telefon: person.telephone.home\n  Status: prospectiveBuyerStatus\n" +
		"constants:\n  customerId: M1001\n  estateId: OBJ1\n"
	type sent struct{ first, last, ssn, zip, phone, status string }
	tests := []struct {
		name      string
		normalize string
		cells     []string
		want      sent
		problems  []string
	}{
		{
			name:  "defaults",
			cells: []string{"ANNA-KARIN  SVENSSON", "850101-2382", "SE-12345", "08-465 004 01", "Ej intresserad"},
			want:  sent{"Anna-Karin", "Svensson", "19850101-2382", "123 45", "+46846500401", "NotInterested"},
		},
		{
			name:      "short, national, keep",
			normalize: "normalize:\n  phone: national\n  socialSecurityNumber: short\n  zipCode: keep\n",
			cells:     []string{"svensson,  anna", "19850101-2382", " SW1A 1AA ", "0846500401", "Anvisad"},
			want:      sent{"Anna", "Svensson", "850101-2382", "SW1A 1AA", "08-465 004 01", "Assigned"},
		},
		{
			name:      "short with + for 100 or older",
			normalize: "normalize:\n  socialSecurityNumber: short\n",
			cells:     []string{"Anna Svensson", "190905271474", "123 45", "070-174 06 05", ""},
			want:      sent{"Anna", "Svensson", "090527+1474", "123 45", "+46701740605", ""},
		},
		{
			name:      "keep is still validated",
			normalize: "normalize:\n  socialSecurityNumber: keep\n  phone: keep\n",
			cells:     []string{"Anna Svensson", "850101 - 2382", "123 45", "08-465 004 01", ""},
			want:      sent{"Anna", "Svensson", "850101 - 2382", "123 45", "08-465 004 01", ""},
		},
		{
			name:      "keep rejects a wrong check digit",
			normalize: "normalize:\n  socialSecurityNumber: keep\n",
			cells:     []string{"Anna Svensson", "850101-2383", "123 45", "070-174 06 05", ""},
			problems:  []string{`Personnummer "850101-2383": check digit should be 2`},
		},
		{
			name:  "bad postcode and phone",
			cells: []string{"Anna Svensson", "", "1234", "070-174 06 0", ""},
			problems: []string{
				`Postnummer "1234": is not a Swedish postcode (five digits, e.g. 123 45)`,
				`Telefon "070-174 06 0": is not a valid Swedish phone number`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lead, problems := leadAndProblems(bindT(t, columns+tc.normalize, header, nil).Map(tc.cells))
			assert.Equal(t, tc.problems, problemStrings(problems))
			if tc.problems != nil {
				return
			}
			p := lead.Body.Person
			require.NotNil(t, p.Address)
			require.NotNil(t, p.Telephone)
			assert.Equal(t, tc.want, sent{p.FirstName, p.LastName, p.SocialSecurityNumber, p.Address.ZipCode,
				p.Telephone.Home, lead.Body.ProspectiveBuyerStatus})
		})
	}
}

func TestParseNormalize(t *testing.T) {
	const head = "version: 1\ncolumns:\n  Namn: person.fullName\n"
	tests := []struct {
		name string
		yaml string
		want Normalize
	}{
		{"absent means the defaults", head, Normalize{}},
		{"empty section", head + "normalize:\n", Normalize{}},
		{"every key, any case", head + "normalize:\n  phone: National\n  socialSecurityNumber: SHORT\n  zipCode: keep\n",
			Normalize{Phone: "national", SocialSecurityNumber: "short", ZipCode: "keep"}},
		{"defaults written out", head + "normalize: {phone: e164, socialSecurityNumber: long, zipCode: swedish}\n",
			Normalize{Phone: "e164", SocialSecurityNumber: "long", ZipCode: "swedish"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, parseT(t, tc.yaml).Normalize)
		})
	}
}

// TestShortReadsBack: the short form, + included, parses to the same
// number on the day it was written.
func TestShortReadsBack(t *testing.T) {
	tests := []struct{ in, want string }{
		{"19090527-1474", "090527+1474"},
		{"19000101-9801", "000101+9801"},
		{"19260104-9030", "260104+9030"}, // turns 100 in 2026: + from New Year's Day
		{"19270108-9167", "270108-9167"},
		{"19850101-2382", "850101-2382"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			p, err := ParsePersonnummer(tc.in, vectorsNow)
			require.NoError(t, err)
			short := p.Short(vectorsNow)
			assert.Equal(t, tc.want, short)
			again, err := ParsePersonnummer(short, vectorsNow)
			require.NoError(t, err)
			assert.Equal(t, p, again)
		})
	}
}

// TestSwedishFastPath checks the fast path against libphonenumber:
// whatever it accepts, the full parse must write the same; what it turns
// down goes to the full parse. The landlines are from PTS's ranges for
// fiction (08-465 004 xx, 031-390 06 xx, 040-628 04 xx, 0980-319 2xx).
func TestSwedishFastPath(t *testing.T) {
	for _, v := range []string{
		"070-174 06 05", "0701740605", "+46701740605", "+46 70 174 06 05", "0046 70-174 06 05",
		"073-174 06 05", "076 174 06 05", "079-1740605", "072 174 06 05", "(070) 174 06 05",
		"08-465 004 05", "08-46500405", "(08) 465 004 05", "+46 8 465 004 05", "0046 8-465 004 05", "0846500405",
		"031-390 06 05", "040-628 04 05", "0980-319 205", "+46 980 319 205",
	} {
		t.Run(v, func(t *testing.T) {
			fast, ok := swedishE164(v, nil)
			require.True(t, ok)
			num, err := phonenumbers.Parse(v, phoneRegion)
			require.NoError(t, err)
			require.True(t, phonenumbers.IsValidNumber(num))
			assert.Equal(t, phonenumbers.Format(num, phonenumbers.E164), fast)
		})
	}
	for _, v := range []string{
		"071-174 06 05", "070-174 06 0", "+44 20 7946 0001", "0701740605x", "+46 (0)70-174 06 05",
		"08-465 0", "0980-31", "00 8 465 004 05", "+46 08 465 004 05", "08/465 004 05", "08.465.004.05",
		"0046", "+46", "0", "",
	} {
		_, ok := swedishE164(v, nil)
		assert.False(t, ok, v)
	}
}

// TestSwedishNumbers holds the automaton to IsValidNumberForRegion: every
// prefix of three digits at every length from 3 to 14 digits, ended in
// zeros, nines and a mix; every prefix of four digits (the patterns look
// no deeper) at the lengths around Sweden's, ended in one of the three.
// libphonenumber's answers are the time, some 50 µs of CPU a number under
// the race detector, so each of the 106,200 numbers is asked once (a prefix
// of three digits at 3 digits is one number for the three endings, and
// some of four digits and their ending are one of three digits and
// theirs) and the numbers are shared among GOMAXPROCS goroutines.
func TestSwedishNumbers(t *testing.T) {
	a := swedishNumbers()
	require.NotNil(t, a, "the metadata holds a pattern the automaton does not cover")
	fills := []string{"00000000000", "99999999999", "31415926535"}
	var nsns []string
	seen := map[string]bool{}
	add := func(nsn string) {
		if !seen[nsn] {
			seen[nsn] = true
			nsns = append(nsns, nsn)
		}
	}
	for prefix := 100; prefix < 1000; prefix++ {
		p := strconv.Itoa(prefix)
		for length := 3; length <= 14; length++ {
			for _, f := range fills {
				add(p + f[:length-3])
			}
		}
	}
	for prefix := 1000; prefix < 10000; prefix++ {
		p := strconv.Itoa(prefix)
		for length := 5; length <= 13; length++ {
			add(p + fills[prefix%3][:length-4])
		}
	}
	require.Equal(t, 106_200, len(nsns), "distinct numbers")

	// A collection empties the pools regexp keeps its backtracker's state
	// in (and the race detector drops a quarter of what is put back), so
	// libphonenumber's expressions allocate it again: collecting a quarter
	// as often saves a tenth of the time, for some 200 MB more memory.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	workers := runtime.GOMAXPROCS(0)
	wrong := make([][]string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(nsns); i += workers {
				nn, err := strconv.ParseUint(nsns[i], 10, 64)
				if err != nil || a.valid([]byte(nsns[i])) != isValidSwedish(nn) {
					wrong[w] = append(wrong[w], nsns[i])
				}
			}
		})
	}
	wg.Wait()
	all := slices.Concat(wrong...)
	slices.Sort(all)
	for _, nsn := range all[:min(len(all), 10)] {
		nn, err := strconv.ParseUint(nsn, 10, 64)
		require.NoError(t, err)
		t.Errorf("%s: the automaton says valid %v, libphonenumber %v", nsn, a.valid([]byte(nsn)), isValidSwedish(nn))
	}
	if len(all) > 10 {
		t.Errorf("%d numbers in all where the two differ", len(all))
	}
}

// isValidSwedish is libphonenumber's answer for +46 and the national
// significant number nsn.
func isValidSwedish(nsn uint64) bool {
	cc := int32(46)
	return phonenumbers.IsValidNumberForRegion(&phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &nsn}, phoneRegion)
}

// TestLandlines maps landlines through the public API: Stockholm's 08,
// Göteborg's 031, a four-digit area code, and numbers that are not.
func TestLandlines(t *testing.T) {
	header := []string{"Namn", "Telefon"}
	yaml := "version: 1\ncolumns:\n  Namn: person.fullName\n  Telefon: person.telephone.home\n" +
		"constants:\n  customerId: M1001\n  estateId: OBJ1\n"
	tests := []struct {
		name, normalize, in, want, problem string
	}{
		{name: "Stockholm", in: "08-465 004 01", want: "+46846500401"},
		{name: "Stockholm in brackets", in: "(08) 465 004 99", want: "+46846500499"},
		{name: "Stockholm from abroad", in: "+46 8 465 004 01", want: "+46846500401"},
		{name: "Göteborg", in: "031-390 06 05", want: "+46313900605"},
		{name: "Göteborg with 0046", in: "0046 31 390 06 05", want: "+46313900605"},
		{name: "Malmö", in: "040-628 04 05", want: "+46406280405"},
		{name: "four-digit area code", in: "0980-319 200", want: "+46980319200"},
		{name: "four-digit area code, digits only", in: "0980319250", want: "+46980319250"},
		{name: "national", normalize: "national", in: "08-46500401", want: "08-465 004 01"},
		{name: "national, four-digit area code", normalize: "national", in: "+46980319200", want: "0980-31 92 00"},
		{name: "keep", normalize: "keep", in: "031 - 390 06 05", want: "031 - 390 06 05"},
		{name: "Stockholm too short", in: "08-465 0", problem: `Telefon "08-465 0": is not a valid Swedish phone number`},
		{name: "Göteborg too long", in: "031-390 06 05 55 55", problem: `Telefon "031-390 06 05 55 55": is not a valid Swedish phone number`},
		{name: "no such area code", in: "0990-319 200", problem: `Telefon "0990-319 200": is not a valid Swedish phone number`},
		{name: "0 after the area code's 0", in: "+46 (0)8-465 004 01", want: "+46846500401"},
		{name: "two zeros are not a national number", in: "008-465 004 01",
			problem: `Telefon "008-465 004 01": is not a valid phone number for region VN`},
		// libphonenumber reads no more than 250 characters; neither does the fast path.
		{name: "longer than libphonenumber reads", in: "070-123 45 67" + strings.Repeat("-", 240),
			problem: `Telefon "070-123 45 67` + strings.Repeat("-", 240) + `": is not a valid phone number`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			y := yaml
			if tc.normalize != "" {
				y += "normalize:\n  phone: " + tc.normalize + "\n"
			}
			m := bindT(t, y, header, nil).Map([]string{"Anna Svensson", tc.in})
			if tc.problem != "" {
				assert.Equal(t, []string{tc.problem}, problemStrings(m.Problems))
				return
			}
			require.Empty(t, m.Problems)
			require.NotNil(t, m.Lead.Body.Person.Telephone)
			assert.Equal(t, tc.want, m.Lead.Body.Person.Telephone.Home)
		})
	}
}

func TestSplitFullName(t *testing.T) {
	tests := []struct{ in, first, last string }{
		{"Anna Maria Svensson", "Anna Maria", "Svensson"},
		{"Svensson, Anna", "Anna", "Svensson"},
		{"Anna-Karin von Essen", "Anna-Karin", "von Essen"},
		{"Anna de la Cruz", "Anna", "de la Cruz"},
		{"Anna De", "Anna", "De"},
		{"von Essen", "von", "Essen"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			first, last, wrong := splitFullName(tc.in)
			require.Nil(t, wrong)
			assert.Equal(t, tc.first, first)
			assert.Equal(t, tc.last, last)
		})
	}
}

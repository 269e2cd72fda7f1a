package mapping

import (
	"net/mail"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"

	"leadimport/importer/msg"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzParse feeds mapping files to Parse, and what parses on to Bind and
// Map, which must never panic: a cell Map takes as empty is one of the
// mapping's texts for empty, no required field is left out as lenient,
// and a row without problems is a body that passes Connect's rules.
func FuzzParse(f *testing.F) {
	sample, err := os.ReadFile("testdata/mapping.yaml")
	require.NoError(f, err)
	f.Add(string(sample), "Anna\tSvensson\t850101-2382")
	f.Add(fullMapping, "Anna Maria Svensson\t\t0002292399\tx\tA@B.SE\t070 174 06 12")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Källa: marketing.utmTags.a\nconstants:\n  customerId: &a M1\n  estateId: *a\n", "Svensson, Anna")
	f.Add("version: 1\ncolumns: [a, b]\ninput: {headerRow: 2, sheet: x}\n", "")
	f.Add("version: 1\ncolumns:\n  Förnamn: person.firstName\n    Efternamn: x\n", "")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Tel: person.telephone.cell\n  Post: person.address.zipCode\n"+
		"normalize:\n  phone: national\n  socialSecurityNumber: short\n", "O'BRIEN,  ANNA\t+46 (0)70-174 06 05\tS-123 45")
	f.Add("- !!binary gIGC\n", "")
	f.Add("? [a]\n: b\n", "")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Tel: person.telephone.cell\n  Mejl: person.email.emailAddress\n"+
		"input:\n  empty: [\"-\", saknas, NULL, ~, \"?\"]\n", "Anna Svensson\t-\tSAKNAS")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Tel: person.telephone.cell\ninput:\n  empty:\n    - ?\n    -\n    - [x]\n", "—\t–")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Tel: person.telephone.cell\ninput:\n  empty: []\n", "-\t-")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Tel: person.telephone.cell\n  Ort: person.address.city\n", " n/a \t070-174 06 05\t.")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Tel: person.telephone.cell\n  Mejl: person.email.emailAddress\n  Post: person.address.zipCode\n"+
		"validation: lenient\n", "Anna Svensson\t070-174 06 0\tanna@@x\t1234")
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Tel: person.telephone.cell\n  Pnr: person.socialSecurityNumber\n  Gata: person.address.streetAddress\n"+
		"validation:\n  default: lenient\n  person.socialSecurityNumber: strict\n  person.firstName: lenient\n  defualt: x\n",
		"Anna Svensson\t12\t19850101-2383\t"+strings.Repeat("gata ", 15))
	f.Add("version: 1\ncolumns:\n  Namn: person.fullName\n  Mejl: person.email.emailAddress\nvalidation: {person.email.emailAddress: lenient}\n",
		"Anna Svensson\t"+strings.Repeat("a", 95)+"@example.se")
	f.Fuzz(func(t *testing.T, yaml, row string) {
		m, err := Parse(strings.NewReader(yaml), "fuzz.yaml")
		if err != nil {
			require.Nil(t, m)
			return
		}
		header := make([]string, len(m.Columns))
		for i, c := range m.Columns {
			header[i] = c.Header
		}
		mp, err := m.Bind(header, Options{Now: vectorsNow, Sets: map[string]string{"customerId": "M1001", "estateId": "OBJ1"}})
		if err != nil {
			return
		}
		got := mp.Map(strings.Split(row, "\t"))
		for _, c := range got.Changes {
			if c.To == "" {
				require.True(t, mp.meansEmpty(c.From), "%q taken as empty", c.From)
			}
		}
		for _, w := range got.Warnings {
			if _, ok := w.Message.(msg.LeftOut); ok {
				id, _, ok := lookupField(epFinalPrice, w.Field)
				require.True(t, ok && !id.required(), "%s is required, and never left out", w.Field)
			}
		}
		if len(got.Problems) == 0 {
			require.Empty(t, got.Lead.Check(), "a row without problems is a body Connect takes")
			require.NotEmpty(t, got.Lead.CustomerID)
			require.NotEmpty(t, got.Lead.EstateID)
		}
	})
}

// FuzzPersonnummer: never panic; what is accepted reads back the same
// from its long form.
func FuzzPersonnummer(f *testing.F) {
	for _, v := range readJSON[[]listVector](f, "list.json") {
		for _, s := range v.forms() {
			f.Add(s)
		}
	}
	for _, v := range readJSON[[]listVector](f, "interim.json") {
		f.Add(v.SeparatedFormat)
	}
	for _, s := range readJSON[[]string](f, "allCoords.json")[:50] {
		f.Add(s)
	}
	f.Add(" 460823 + 9986 ")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePersonnummer(s, vectorsNow)
		if err != nil {
			var pe *PersonnummerError
			require.ErrorAs(t, err, &pe)
			require.NotNil(t, pe.Message)
			require.NotEmpty(t, pe.Error())
			return
		}
		long := p.Long()
		require.Len(t, long, 13)
		again, err := ParsePersonnummer(long, vectorsNow)
		require.NoError(t, err, "%q was accepted as %q, which is not", s, long)
		assert.Equal(t, p, again)
	})
}

// FuzzPhone: never panic; the E.164 fast path agrees with libphonenumber,
// and so does its automaton on the digits as a Swedish national number;
// what is accepted is accepted again as written out, unchanged.
func FuzzPhone(f *testing.F) {
	for _, s := range []string{
		"070-174 06 05", "0701740605", "+46 (0)70-174 06 05", "0046 70 174 06 05", "08-465 004 01",
		"701740605", "+44 20 7946 0001", "0980-319 200", "+46 8 465 004 01", "07-0174", "+999 1234567",
		"(08) 465 004 01", "031/390 06 05", "070.174.06.05", "+46701740605", "0046701740605",
		"031-390 06 05", "040-628 04 05", "0980319250", "08-465 0", "0990-319 200", "020-123 456", "0900-123 45 67",
		"0771-23 45 67", "010-123 45 67", "074-123 45 67", "0254 123 456 789", "+46 31 390 06 05", "008-465 004 01",
		"070-123 45 67" + strings.Repeat("-", 240), // past the 250 characters libphonenumber reads
	} {
		f.Add(s)
	}
	a := swedishNumbers()
	require.NotNil(f, a)
	var text textArena // as MapInto's scratch has it
	f.Fuzz(func(t *testing.T, v string) {
		for _, format := range []string{"e164", phoneNational, formatKeep} {
			out, wrong := formatPhone(v, format, nil)
			inArena, wrongInArena := formatPhone(v, format, &text)
			require.Equal(t, out, inArena, "%q as %s, made in an arena", v, format)
			require.Equal(t, wrong, wrongInArena)
			if wrong != nil {
				continue
			}
			again, wrong := formatPhone(out, format, nil)
			require.Nil(t, wrong, "%q is accepted as %q (%s), which is not", v, out, format)
			if format != formatKeep {
				require.Equal(t, out, again, "%q as %s", v, format)
			}
		}
		n, wrong := normalizePhone(v)
		if fast, ok := swedishE164(n, nil); ok {
			require.Nil(t, wrong, "%q passed the fast path but not the character check", v)
			num, err := phonenumbers.Parse(n, phoneRegion)
			require.NoError(t, err, n)
			require.True(t, phonenumbers.IsValidNumber(num), "%q passed the fast path but is not valid", n)
			require.Equal(t, phonenumbers.Format(num, phonenumbers.E164), fast, n)
		}
		// The automaton on the digits, as a national significant number.
		nsn := strings.TrimLeft(strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, v), "0")
		if nsn == "" || len(nsn) > 19 {
			return
		}
		nn, err := strconv.ParseUint(nsn, 10, 64)
		require.NoError(t, err)
		want := isValidSwedish(nn)
		require.Equal(t, want, a.valid([]byte(nsn)), nsn)
	})
}

// FuzzPostcode: never panic; an accepted postcode is NNN NN and accepted
// again as it is.
func FuzzPostcode(f *testing.F) {
	for _, s := range []string{"12345", "123 45", "S-123 45", "SE-12345", "se 123 45", "123-45", "1234", "S", "SE", "S 12345 6", "١٢٣٤٥"} {
		f.Add(s)
	}
	var text textArena // as MapInto's scratch has it
	f.Fuzz(func(t *testing.T, v string) {
		out, wrong := normalizeZip(v, nil)
		inArena, _ := normalizeZip(v, &text)
		require.Equal(t, out, inArena, "%q, made in an arena", v)
		if wrong != nil {
			require.Equal(t, v, out)
			return
		}
		require.Len(t, out, 6)
		for i, c := range []byte(out) {
			if i == 3 {
				require.Equal(t, byte(' '), c, out)
			} else {
				require.True(t, c >= '0' && c <= '9', "%q from %q", out, v)
			}
		}
		again, wrong := normalizeZip(out, nil)
		require.Nil(t, wrong)
		require.Equal(t, out, again)
	})
}

// sameLettersButCase reports whether a and b differ at most in case,
// letter by letter: the same lower case or the same capital (ı and I, İ
// and i, ϐ and Β are one letter in two cases).
func sameLettersButCase(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := range ra {
		if unicode.ToLower(ra[i]) != unicode.ToLower(rb[i]) && unicode.ToUpper(ra[i]) != unicode.ToUpper(rb[i]) {
			return false
		}
	}
	return true
}

// FuzzName: never panic; normalising twice changes nothing; only case and
// runs of whitespace change; a split full name holds the same words.
func FuzzName(f *testing.F) {
	for _, s := range []string{
		"ANNA-KARIN VON ESSEN", "anna svensson", "McDonald", "O'BRIEN", "svensson, anna", "Anna  Maria\tSvensson",
		"ÅSA ÖBERG", "de la gardie", "VON", "ǆ", "İ", "ß", "  ", "a-", "-", "'", "Anna De",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if !utf8.ValidString(v) {
			return // cells reach Map as valid UTF-8: the readers see to that
		}
		v = strings.TrimSpace(v) // as Map does
		n := normalizeName(v)
		require.Equal(t, n, normalizeName(n), "from %q", v)
		collapsed := strings.Join(strings.Fields(v), " ")
		require.True(t, sameLettersButCase(collapsed, n), "only case and whitespace may change: %q → %q", v, n)
		first, last, wrong := splitFullName(n)
		if wrong != nil || strings.Contains(n, ",") {
			return
		}
		require.Equal(t, strings.Join(strings.Fields(n), " "), first+" "+last)
	})
}

// FuzzPlainAddress: what plainAddress lets past net/mail, net/mail
// accepts as it is.
func FuzzPlainAddress(f *testing.F) {
	for _, s := range []string{"anna@example.se", "a.b+c@sub.example.com", "a..b@x.se", ".a@x.se", "a@-x.se", "a@x", "@x.se", "a@", "a_b-c@x-y.se", "ä@x.se"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		if !plainAddress(v) {
			return
		}
		addr, err := mail.ParseAddress(v)
		require.NoError(t, err, v)
		require.Equal(t, v, addr.Address)
		require.Empty(t, addr.Name)
	})
}

// FuzzPlaceholderID: the quick judgement of an id in ASCII is the one
// placeholderIDText makes of any text.
func FuzzPlaceholderID(f *testing.F) {
	for _, s := range []string{"", " ", "M0000", "OBJ0000", "m0", "TODO", "tbd", "FixMe", "x", "xX", "?", "-", "N/A", "0", "M1001", "Xavier", "1000", "xx0", "X0", " OBJ0 ", "FİXME", "\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, v string) {
		require.Equal(t, placeholderIDText(v), PlaceholderID(v), "%q", v)
	})
}

// FuzzMailDomainTypo: the targets looked up by length and by the bytes
// they hold are the ones a walk through every mail domain finds.
func FuzzMailDomainTypo(f *testing.F) {
	for _, s := range []string{"anna@gmial.com", "a@telia.som", "a@example.se", "a@hotmail.se", "a@gmail.co", "a@gmaill.com", "a@ownit.s", "a@g", "a@ågmail.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, addr string) {
		want, wantOK := "", false
		domain := addr[strings.LastIndexByte(addr, '@')+1:]
		if len(domain) >= shortestTarget-1 && !knownMailDomains[domain] {
			for _, d := range mailDomains {
				if len(d) >= shortestTarget && len(d) >= len(domain)-1 && len(d) <= len(domain)+1 && oneSlip(domain, d) {
					want, wantOK = d, true
					break
				}
			}
		}
		got, ok := mailDomainTypo(addr)
		require.Equal(t, wantOK, ok, addr)
		require.Equal(t, want, got, addr)
	})
}

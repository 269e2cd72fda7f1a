package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/mapping"
	"leadimport/mapping/remember"
)

// TestInitProposesAMappingCheckAccepts: init proposes a mapping and says
// its placeholder ids must be filled in; check refuses them, naming the
// line; filled in, check accepts the mapping.
func TestInitProposesAMappingCheckAccepts(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		summary string
		want    []string
	}{
		{"open-house sheet", "samples/open-house/visning.xlsx", "16 valid, 5 invalid",
			[]string{"Förnamn: person.firstName", "Personnummer: person.socialSecurityNumber", "Mobil: person.telephone.cell", "Objekt: estateId"}},
		{"legacy contact list", "samples/legacy/kontakter.csv", "26 valid, 4 invalid",
			[]string{"Namn: person.fullName", "Postnr: person.address.zipCode", "E-post: person.email.emailAddress", "# Kundnr: not placed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			input, err := filepath.Abs(tt.input)
			require.NoError(t, err)
			m := filepath.Join(dir, "proposed.yaml")
			res := runCmd(t, dir, nil, "init", input, "-o", m)
			require.Equal(t, 0, res.code, res.stderr)
			data, err := os.ReadFile(m)
			require.NoError(t, err)
			for _, w := range tt.want {
				assert.Contains(t, string(data), w)
			}
			assert.Contains(t, res.stderr, "fill in customerId in "+m+": it is a placeholder, which check and run refuse")

			check := runCmd(t, dir, nil, "check", "--mapping", m, input)
			assert.Equal(t, 2, check.code, check.stderr)
			assert.Regexp(t, `proposed\.yaml:\d+: constant customerId "M0000": is a placeholder, not an id`, check.stderr)

			require.NoError(t, os.WriteFile(m, []byte(strings.Replace(string(data), "customerId: M0000", "customerId: M1001", 1)), 0o600))
			check = runCmd(t, dir, nil, "check", "--mapping", m, input)
			assert.Equal(t, 1, check.code, "the mapping is accepted; the sample's bad rows make it 1: %s", check.stderr)
			assert.Contains(t, check.stderr, tt.summary)

			again := runCmd(t, dir, nil, "init", input, "-o", m)
			assert.Equal(t, 2, again.code, "an existing file is not overwritten")
		})
	}
}

func TestInitPlacesUnknownHeadersByTheirValues(t *testing.T) {
	dir := t.TempDir()
	pins := testPins(t)
	var b strings.Builder
	b.WriteString("Kundens mejl;Tfn mobil;ID-nr;Namn på besökare;X\n")
	for i := range 10 {
		b.WriteString("kund" + string(rune('a'+i)) + "@example.se;070-174 06 " + string(rune('1'+i%9)) + "0;" + pins[i] + ";Åsa Öberg;" + "x\n")
	}
	input := filepath.Join(dir, "okänd.csv")
	require.NoError(t, os.WriteFile(input, []byte(b.String()), 0o600))
	res := runCmd(t, dir, nil, "init", input)
	require.Equal(t, 0, res.code, res.stderr)
	for _, w := range []string{
		"Kundens mejl: person.email.emailAddress",
		"Tfn mobil: person.telephone.cell",
		"ID-nr: person.socialSecurityNumber",
		"# X: not placed",
	} {
		assert.Contains(t, res.stdout, w)
	}
}

func TestInitKeepsTheEncodingAndDelimiterItWasGiven(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "gammal.csv")
	// Windows-1252: ö is 0xF6, Å 0xC5.
	require.NoError(t, os.WriteFile(input, []byte("F\xf6rnamn|Efternamn|E-post\r\n\xc5sa|Berg|asa@example.se\r\n"), 0o600))
	res := runCmd(t, dir, nil, "init", "--encoding", "windows-1252", "--delimiter", "|", input)
	require.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stdout, "Förnamn: person.firstName")
	assert.Contains(t, res.stdout, "encoding: windows-1252")
	assert.Contains(t, res.stdout, `delimiter: '|'`)
}

// TestInitProposesTheEndpointTheHeadersSay: a sign-up sheet with a
// consent column or current-home columns gets a mapping for interest
// registrations, written in Interest's vocabulary, and init says which
// headers decided it, in the user's language; --endpoint overrules the
// headers; any other sheet stays FinalPriceWatched. Each proposal is a
// mapping of one vocabulary that check accepts once its ids are filled in.
func TestInitProposesTheEndpointTheHeadersSay(t *testing.T) {
	consent := "Förnamn;Efternamn;E-post;Mobil;Samtycke;Antal rum;Meddelande\n" +
		"Anna;Ek;anna@example.se;070-174 06 30;2025-11-28;3,5;ring efter 17\n" +
		"Bo;Lind;bo@example.com;070-174 06 31;28/11/2025;4;\n" +
		"Cecilia;Berg;c@example.se;070-174 06 32;28 nov 2025;2 rok;har hund\n"
	plain := "Förnamn;Efternamn;E-post;Status;Meddelande\n" +
		"Anna;Ek;anna@example.se;Intresserad;ring efter 17\n" +
		"Bo;Lind;bo@example.com;;\n"
	tests := []struct {
		name     string
		sheet    string
		env      []string
		flags    []string
		endpoint string
		said     string   // what init says of the endpoint ("" for nothing)
		lines    []string // lines of the proposal
	}{
		{
			name: "a consent column and a current-home column", sheet: consent,
			endpoint: "Interest",
			said: `the mapping is for interest registrations (endpoint: Interest), as the headers "Samtycke" and "Antal rum" say; ` +
				"if the people only asked for the final price: leadimport init --endpoint FinalPriceWatched ",
			lines: []string{
				`endpoint: Interest  # an interest registration (intresseanmälan), as headers "Samtycke" and "Antal rum" say`,
				"  Förnamn: firstName ", "  E-post: email.emailAddress ", "  Mobil: telephone.cell ",
				"  Samtycke: gdprApprovalDate ", "  Antal rum: presentAccommodation.numberOfRooms ",
				"  Meddelande: contactMessage ", "  status: Interested ",
			},
		},
		{
			name: "the same in Swedish", sheet: consent, env: []string{"LANG=sv_SE.UTF-8"},
			endpoint: "Interest",
			said:     `mappningen gäller intresseanmälningar (endpoint: Interest), eftersom rubrikerna "Samtycke" och "Antal rum" säger det; om personerna bara bad om slutpriset: leadimport init --endpoint FinalPriceWatched `,
			lines:    []string{"  Samtycke: gdprApprovalDate "},
		},
		{
			name: "--endpoint FinalPriceWatched overrules the headers", sheet: consent, flags: []string{"--endpoint", "FinalPriceWatched"},
			endpoint: "FinalPriceWatched",
			lines: []string{
				"endpoint: FinalPriceWatched\n", "  Förnamn: person.firstName ", "  Meddelande: message ",
				`  # Samtycke: not placed (kept in the report, not sent): it would fill Interest's gdprApprovalDate`,
				"  prospectiveBuyerStatus: Interested ",
			},
		},
		{
			name: "no consent nor current-home column", sheet: plain,
			endpoint: "FinalPriceWatched",
			lines: []string{
				"endpoint: FinalPriceWatched\n", "  Förnamn: person.firstName ", "  E-post: person.email.emailAddress ",
				"  Status: prospectiveBuyerStatus ", "  Meddelande: message ",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			input := filepath.Join(dir, "anmälningar.csv")
			require.NoError(t, os.WriteFile(input, []byte(tt.sheet), 0o600))
			m := filepath.Join(dir, "proposed.yaml")
			res := runCmd(t, dir, tt.env, append(append([]string{"init"}, tt.flags...), input, "-o", m)...)
			require.Equal(t, 0, res.code, res.stderr)
			if tt.said != "" {
				assert.Contains(t, res.stderr, tt.said+input+"\n")
			} else {
				assert.NotContains(t, res.stderr, "Interest")
			}
			data, err := os.ReadFile(m)
			require.NoError(t, err)
			for _, l := range tt.lines {
				assert.Contains(t, string(data), l)
			}

			parsed, err := mapping.Parse(strings.NewReader(string(data)), m)
			require.NoError(t, err)
			assert.Equal(t, tt.endpoint, parsed.Endpoint)
			vocabulary := map[string]bool{}
			for _, f := range mapping.Vocabulary(tt.endpoint) {
				vocabulary[f.Name] = true
			}
			for _, c := range parsed.Columns {
				assert.True(t, vocabulary[c.Field], "column %s: %s is not %s's", c.Header, c.Field, tt.endpoint)
			}
			for _, c := range parsed.Constants {
				assert.True(t, vocabulary[c.Field], "constant %s is not %s's", c.Field, tt.endpoint)
			}

			filled := strings.NewReplacer("customerId: M0000", "customerId: M1001", "estateId: OBJ0000", "estateId: OBJ1").Replace(string(data))
			require.NoError(t, os.WriteFile(m, []byte(filled), 0o600))
			check := runCmd(t, dir, nil, "check", "--mapping", m, input)
			assert.Equal(t, 0, check.code, check.stderr)
		})
	}
}

func TestInitEndpointFlag(t *testing.T) {
	dir := t.TempDir()
	res := runCmd(t, dir, nil, "init", "--endpoint", "Intresse", "anmälningar.csv")
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "--endpoint Intresse: use one of FinalPriceWatched, Interest")
}

// TestInitRememberedMappingAndEndpoint: a mapping remembered for the
// sheet's headers is proposed as it was, for its endpoint, unless
// --endpoint asks for another: then the headers are placed afresh.
func TestInitRememberedMappingAndEndpoint(t *testing.T) {
	dir := t.TempDir()
	header := []string{"Förnamn", "Efternamn", "Mobil", "Samtycke"}
	input := filepath.Join(dir, "anmälningar.csv")
	require.NoError(t, os.WriteFile(input, []byte(strings.Join(header, ";")+"\nAnna;Ek;070-174 06 30;2025-11-28\n"), 0o600))
	m, err := mapping.Parse(strings.NewReader("version: 1\nendpoint: Interest\ncolumns:\n  Förnamn: firstName\n  Efternamn: lastName\n  Mobil: telephone.other\n"), "confirmed")
	require.NoError(t, err)
	store, err := remember.DefaultDir(func(k string) string { return map[string]string{"HOME": dir}[k] }, runtime.GOOS)
	require.NoError(t, err)
	_, err = remember.Store{Dir: store}.Save(header, m)
	require.NoError(t, err)

	tests := []struct {
		name       string
		flags      []string
		remembered bool
		want       []string
	}{
		{"remembered", nil, true, []string{"endpoint: Interest\n", `"Mobil": telephone.other`, "  status: Interested "}},
		{"--endpoint the same", []string{"--endpoint", "Interest"}, true, []string{"endpoint: Interest\n", `"Mobil": telephone.other`}},
		{"--endpoint another", []string{"--endpoint", "FinalPriceWatched"}, false, []string{"endpoint: FinalPriceWatched\n", "  Mobil: person.telephone.cell "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCmd(t, dir, nil, append(append([]string{"init"}, tt.flags...), input)...)
			require.Equal(t, 0, res.code, res.stderr)
			assert.Equal(t, tt.remembered, strings.Contains(res.stderr, "had a mapping confirmed before"), res.stderr)
			for _, w := range tt.want {
				assert.Contains(t, res.stdout, w)
			}
			_, err := mapping.Parse(strings.NewReader(res.stdout), "proposed")
			require.NoError(t, err, res.stdout)
		})
	}
}

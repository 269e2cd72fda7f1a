package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/source"
	"leadimport/mapping"
)

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"sv": Swedish, "SV": Swedish, "en": English} {
		got, err := ParseLang(in)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := ParseLang("de")
	require.EqualError(t, err, "--lang de: use sv or en")
}

func TestLangFromEnv(t *testing.T) {
	tests := []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{"LANG": "sv_SE.UTF-8"}, Swedish},
		{map[string]string{"LANG": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "sv_SE.UTF-8", "LC_MESSAGES": "en_GB"}, English},
		{map[string]string{"LANG": "en_US", "LC_ALL": "sv_FI"}, Swedish},
		{map[string]string{}, English},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, LangFromEnv(func(k string) string { return tc.env[k] }), "%v", tc.env)
	}
}

func TestSwedishMessages(t *testing.T) {
	tests := []struct{ en, sv string }{
		{"is required", "krävs"},
		{"check digit should be 1", "kontrollsiffran ska vara 1"},
		{"is 41 characters, at most 40 allowed", "har 41 tecken, högst 40 är tillåtna"},
		{"first name is 41 characters, at most 40 allowed", "förnamnet har 41 tecken, högst 40 är tillåtna"},
		{"no such date: 19460230", "datumet finns inte: 19460230"},
		{"no such date: 19460292 (a samordningsnummer, whose day has 60 added)", "datumet finns inte: 19460292 (ett samordningsnummer, där dagen har 60 tillagt)"},
		{"not sent: interrupted", "inte skickad: avbruten"},
		{"500 Internal Server Error: boom (after 5 attempts)", "500 Internal Server Error: boom (efter 5 försök)"},
		{"the same person as row 7: only that row is sent", "samma person som rad 7: bara den raden skickas"},
		{"Connect's own words stay", "Connect's own words stay"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.sv, Swedish.Message(tc.en))
		assert.Equal(t, tc.en, English.Message(tc.en))
	}
	p := Swedish.Problem(mapping.Problem{Column: "Personnummer", Value: "19890213-2390", Message: "check digit should be 1"})
	assert.Equal(t, `Personnummer "19890213-2390": kontrollsiffran ska vara 1`, p.String())
}

// TestSwedishCoversTheMessagesTheCodeMakes maps rows that are wrong in
// every way mapping knows, and reads numbers of every kind that is not a
// personnummer: each message has its Swedish, and no entry of the
// catalogue is left unused.
func TestSwedishCoversTheMessagesTheCodeMakes(t *testing.T) {
	const yaml = `version: 1
columns:
  Namn: person.fullName
  Personnummer: person.socialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
  Postnummer: person.address.zipCode
  Status: prospectiveBuyerStatus
  Utländskt: person.isForeignSocialSecurityNumber
  Ort: person.address.city
  Objekt: estateId
  Kund: customerId
`
	m, err := mapping.Parse(strings.NewReader(yaml), "m.yaml")
	require.NoError(t, err)
	header := []string{"Namn", "Personnummer", "E-post", "Mobil", "Postnummer", "Status", "Utländskt", "Ort", "Objekt", "Kund"}
	mp, err := m.Bind(header, mapping.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	long := strings.Repeat("x", 41)
	rows := [][]string{
		{"Anna", "19890213-2390", "a,b@example.se", "07", "1234", "maybe", "kanske", strings.Repeat("y", 26), "", ""},
		{"Svensson, Anna, Bo", "460823 9986", "a b@example.se", "070x", "", "", "", "", "OBJ1", "M1001"},
		{long + " Svensson", "19460230-9986", "not-an-address", "+999 1234567", "", "", "", ""},
		{"Anna " + long, "19460292-9986", "anna@example", "070-174 06 0", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "20150916-0006", "anna@gmial.com", "+44 20 7946 000", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "20000101-T220", "", "", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "16857209-0606", "", "+46701740605", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "1946082", "", "", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "189001019802", "", "", "", "", "", "", "OBJ1", "M1001"},
		{"", "", "anna@example.se", "", "", "", "", "", "OBJ1", "M1001"},
	}
	var msgs []string
	for _, cells := range rows {
		r := mp.Map(cells)
		for _, p := range append(r.Problems, r.Warnings...) {
			msgs = append(msgs, p.Message)
		}
	}
	// What the reader says of a row it cannot read.
	for _, text := range []string{
		"a;b\r\n1;\"open\r\n2;x\r\n",                                // a quote never closed
		"a;b\r\n" + strings.Repeat("x;y\r\n", 20000) + "\xe5;y\r\n", // Windows-1252 late in a UTF-8 file
		"a;b\r\n\x81;y\r\n",                                         // a byte Windows-1252 does not define
	} {
		src, err := source.NewCSV(strings.NewReader(text), "t.csv", source.Options{})
		require.NoError(t, err)
		for {
			_, err := src.Next()
			if err == io.EOF {
				break
			}
			var rowErr *source.RowError
			if errors.As(err, &rowErr) {
				msgs = append(msgs, rowErr.Err.Error())
			}
		}
	}
	msgs = append(msgs,
		"cannot read the row: extraneous or missing \" in quoted-field (line 3, column 4 of the text): check the quotes on this row",
		"too large: the row has 20000 cells, more than the 16,384 columns Excel has",
		"too large: the row has a cell in column XFE, past the 16,384 columns Excel has",
		"too large: the cell in column B has 40000 characters, more than the 32,767 Excel allows in a cell",
		"characters the encoding cannot represent: the cell in column A holds a broken utf-16le character, so the file is damaged: save it from Excel as \"CSV UTF-8\" (File > Save As) and try again",
		"bytes that are not UTF-8 in column A: set input.encoding or --encoding windows-1252 if Excel saved the file as plain \"CSV\"",
	)
	// What the importer itself says of rows (see importer's errors).
	msgs = append(msgs,
		"14 cells, header has 12: fix the row or the header; values beyond the last column",
		"sent before, on 2026-11-26 10:15 (run 3): not sent again; --force sends it anyway",
		"the report says it was sent: not sent again; clear its status cell to send it anyway",
		"not checked: interrupted",
		"the same person as row 2: only that row is sent",
		"500 Internal Server Error: boom (after 5 attempts)",
		"no answer within 30s: context deadline exceeded (after 5 attempts)",
		"no answer within 30s: context deadline exceeded (not retried: interrupted)",
		"no access to customer M1: not sent, after 3 requests for it in a row were refused (403)",
		"not sent: Connect seems to be down: 20 rows in a row failed after their retries (--max-failures 20); run again later, or raise --max-failures",
		"not sent: Connect refused the user name or password (401): check VITEC_USERNAME and VITEC_PASSWORD, or the credentials file",
		"not sent: too many invalid rows: 9 rows are invalid, more than --max-invalid 2; nothing was sent (is the mapping right? leadimport check shows every row)",
		"note: sent again because an earlier run's attempt is unconfirmed (that run stopped before Connect answered), so Connect may have recorded this lead twice",
		"note: an attempt got no answer, so Connect may have recorded this lead; the next run sends it again",
		"note: retried after an unconfirmed attempt (it got no answer), so Connect may have recorded this lead twice",
		"401 Unauthorized: Connect refused the user name or password",
		"403 Forbidden: no access to this customer or function group (denied)",
		"is not a valid phone number",
	)
	used := make([]bool, len(swedish))
	// mark notes the entry that says msg, and those that say the messages
	// inside it; it reports whether there was one.
	var mark func(msg string) bool
	mark = func(msg string) bool {
		for i, tr := range swedish {
			m := tr.re.FindStringSubmatch(msg)
			if m == nil {
				continue
			}
			used[i] = true
			for k := 1; k < len(m); k++ {
				if strings.Contains(tr.to, fmt.Sprintf("%%%d", k)) {
					mark(m[k])
				}
			}
			return true
		}
		return false
	}
	for _, msg := range msgs {
		assert.True(t, mark(msg), "no Swedish for %q", msg)
		assert.NotEqual(t, msg, Swedish.Message(msg), msg)
	}
	for i, u := range used {
		assert.True(t, u, "catalogue entry %d (%s) matches no message the code makes", i, swedish[i].re)
	}
}

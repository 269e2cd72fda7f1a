package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The report's own columns after the five of emptyCellsCSV and row.
const (
	colStatus   = 6
	colError    = 10
	colChanges  = 11
	colWarnings = 12
)

// TestEmptyCellsAreEmpty: a "-", "saknas", "N/A" or "–" in the phone
// column beside a valid e-mail is no phone: the row is sent without one,
// and the report's changes column says the cell was taken as empty, in
// the report's language. A row left with neither e-mail nor phone stays
// invalid. Before, each of these rows was invalid for its phone.
func TestEmptyCellsAreEmpty(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input := filepath.Join(dir, "leads.csv")
	require.NoError(t, os.WriteFile(input, []byte("Förnamn;Efternamn;Personnummer;E-post;Mobil\r\n"+
		"Anna;Svensson;;anna@example.se;-\r\n"+
		"Bo;Ek;;bo@example.se;saknas\r\n"+
		"Cecilia;Berg;;cecilia@example.se; N/A \r\n"+
		"Dan;Lind;;dan@example.se;–\r\n"+
		"Eva;Holm;;-;-\r\n"), 0o600))
	m := writeMapping(t, dir)
	report := filepath.Join(dir, "report.csv")
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, "--rate", "0", "--report", report, input)
	assert.Equal(t, 1, res.code, "one row invalid: %s", res.stderr)
	assert.Contains(t, res.stderr, "4 sent, 1 invalid")

	leads := s.received(t)
	require.Len(t, leads, 4)
	for _, l := range leads {
		assert.Nil(t, l.Person.Telephone, "%s is sent without a phone", l.Person.FirstName)
		require.NotNil(t, l.Person.Email)
	}

	_, lines := readReport(t, report)
	require.Len(t, lines, 5)
	for i, text := range []string{"-", "saknas", "N/A", "–"} {
		assert.Equal(t, "sent", lines[i][colStatus], "row %d", i+2)
		assert.Equal(t, `Mobil: "`+text+`" → empty`, lines[i][colChanges], "row %d", i+2)
		assert.Empty(t, lines[i][colError])
	}
	assert.Equal(t, "invalid", lines[4][colStatus])
	assert.Equal(t, "no e-mail or phone: at least one is required", lines[4][colError])
	assert.Equal(t, `E-post: "-" → empty; Mobil: "-" → empty`, lines[4][colChanges])

	sv := filepath.Join(dir, "check-sv.csv")
	res = runCmd(t, dir, nil, "check", "--mapping", m, "--lang", "sv", "--report", sv, input)
	assert.Equal(t, 1, res.code, res.stderr)
	_, lines = readReport(t, sv)
	require.Len(t, lines, 5)
	assert.Equal(t, "valid", lines[0][colStatus])
	assert.Equal(t, `Mobil: "-" → tomt`, lines[0][colChanges])
	assert.Equal(t, `E-post: "-" → tomt; Mobil: "-" → tomt`, lines[4][colChanges])
}

// TestLenientPhone: with the phone lenient in the mapping, a row with a
// bad phone and a good e-mail address is sent without the phone, and the
// report warns of it; strict, as by default, the row stays invalid. A
// row whose bad phone is its only contact is invalid either way.
func TestLenientPhone(t *testing.T) {
	const csv = "Förnamn;Efternamn;Personnummer;E-post;Mobil\r\n" +
		"Anna;Svensson;;anna@example.se;070-174 06 0\r\n" +
		"Bo;Ek;;;070-174 06 0\r\n" +
		"Cecilia;Berg;;cecilia@example.se;070-174 06 05\r\n"
	const badPhone = `Mobil "070-174 06 0": is not a valid Swedish phone number`
	for _, tc := range []struct {
		name       string
		validation string
		summary    string
		sent       []string // first names
		status     []string
		errors     []string
		warnings   []string
		column     string // check's line for Mobil
	}{
		{
			name:     "strict, the default",
			summary:  "1 sent, 2 invalid",
			sent:     []string{"Cecilia"},
			status:   []string{"invalid", "invalid", "sent"},
			errors:   []string{badPhone, badPhone, ""},
			warnings: []string{"", "", ""},
			column:   "  Mobil               0       1       2       0        0  person.telephone.cell",
		},
		{
			name:       "lenient",
			validation: "validation:\n  person.telephone.cell: lenient\n",
			summary:    "2 sent, 1 invalid",
			sent:       []string{"Anna", "Cecilia"},
			status:     []string{"sent", "invalid", "sent"},
			errors:     []string{"", badPhone, ""},
			warnings:   []string{badPhone + "; sent without this value (validation: lenient)", "", ""},
			column:     "  Mobil               0       1       2       0        1  person.telephone.cell",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s := startSandbox(t)
			input := filepath.Join(dir, "leads.csv")
			require.NoError(t, os.WriteFile(input, []byte(csv), 0o600))
			m := filepath.Join(dir, "mapping.yaml")
			require.NoError(t, os.WriteFile(m, []byte(e2eMapping+tc.validation), 0o600))

			check := runCmd(t, dir, nil, "check", "--mapping", m, "--report", filepath.Join(dir, "check.csv"), input)
			assert.Equal(t, 1, check.code, check.stderr)
			assert.Contains(t, check.stderr, tc.column)

			report := filepath.Join(dir, "report.csv")
			res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, "--rate", "0", "--report", report, input)
			assert.Equal(t, 1, res.code, res.stderr)
			assert.Contains(t, res.stderr, tc.summary)
			var sent []string
			for _, l := range s.received(t) {
				sent = append(sent, l.Person.FirstName)
				require.NotNil(t, l.Person.Email)
				if l.Person.FirstName == "Anna" {
					assert.Nil(t, l.Person.Telephone, "sent without the phone")
				}
			}
			assert.ElementsMatch(t, tc.sent, sent)

			_, lines := readReport(t, report)
			require.Len(t, lines, 3)
			for i, l := range lines {
				assert.Equal(t, tc.status[i], l[colStatus], "row %d", i+2)
				assert.Equal(t, tc.errors[i], l[colError], "row %d", i+2)
				assert.Equal(t, tc.warnings[i], l[colWarnings], "row %d", i+2)
			}
		})
	}
}

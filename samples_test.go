package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/sandbox"
	"leadimport/mapping"
)

// sampleRow is what check's report says about one row of a sample.
type sampleRow struct {
	changes, warnings string
}

// TestSamplesShowEveryNormaliser runs check on both samples, as the README
// and samples/README.md describe them: the deliberately bad rows are the
// invalid ones, and the rows below show every normaliser at work (see
// "What normalisation does to them" in samples/README.md). Breaking a
// normaliser changes one of these cells.
func TestSamplesShowEveryNormaliser(t *testing.T) {
	// Legacy row 4 is a test number of a person born on 18 September
	// 1910, written with + in the 10-digit form; the warning counts the
	// years from today.
	now := time.Now()
	age := now.Year() - 1910
	if now.Month() < time.September || now.Month() == time.September && now.Day() < 18 {
		age--
	}
	tests := []struct {
		name, mapping, input string
		summary              string
		invalid              []string // row numbers, as Excel shows them
		rows                 map[string]sampleRow
	}{
		{
			name:    "open house",
			mapping: "samples/open-house/mapping.yaml",
			input:   "samples/open-house/visning.xlsx",
			summary: "16 valid, 5 invalid",
			invalid: []string{"10", "14", "17", "20", "23"},
			rows: map[string]sampleRow{
				// Mixed-case names and a 12-digit personnummer with its dash
				// are sent as written.
				"8": {},
				// Phone: 070-174 06 05, and a 10-digit personnummer.
				"4": {changes: "Mobil: 070-174 06 05 → +46701740605"},
				"5": {changes: "Personnummer: 760806-2399 → 19760806-2399; Mobil: 0701740606 → +46701740606"},
				// 12 digits without a separator.
				"7": {changes: "Personnummer: 199503312382 → 19950331-2382; Mobil: 070-174 06 08 → +46701740608"},
				// Names in capitals.
				"15": {changes: "Förnamn: INGRID → Ingrid; Efternamn: HÅKANSSON → Håkansson; Mobil: 070-174 06 14 → +46701740614"},
				// A mail domain one typo from gmail.com: a warning, and sent.
				"19": {
					changes:  "Personnummer: 801116-2396 → 19801116-2396; Mobil: 0701740616 → +46701740616",
					warnings: `E-post "oskar.lundgren@gmial.com": gmial.com looks like a typo of gmail.com (oskar.lundgren@gmail.com?); sent as written`,
				},
				// Spaces around the separator.
				"21": {changes: "Personnummer: 960218 - 2397 → 19960218-2397; Mobil: 070-174 06 18 → +46701740618"},
				// A numeric cell: Excel dropped the leading 0.
				"25": {changes: "Mobil: 701740622 → +46701740622"},
			},
		},
		{
			name:    "legacy contact list",
			mapping: "samples/legacy/mapping.yaml",
			input:   "samples/legacy/kontakter.csv",
			summary: "26 valid, 4 invalid",
			invalid: []string{"8", "10", "13", "19"},
			rows: map[string]sampleRow{
				// "Efternamn, Förnamn" split; 12 digits; a landline and a mobile.
				"2": {changes: "Namn: Lindberg, Karl-Erik → Karl-Erik Lindberg; Personnr: 640511-2985 → 19640511-2985; Telefon: 031-390 06 05 → +46313900605; Mobiltelefon: 070-174 06 30 → +46701740630"},
				// SE-12345, a Stockholm landline, a Swedish status.
				"3": {changes: "Postnr: SE-12345 → 123 45; Telefon: 08-465 004 01 → +46846500401; Status: Ej intresserad → NotInterested"},
				// + in a 10-digit personnummer: over 110, a warning, and sent.
				"4": {
					changes:  "Namn: Åberg, Gösta → Gösta Åberg; Personnr: 100918+9802 → 19100918-9802; Telefon: 040-628 04 02 → +46406280402",
					warnings: fmt.Sprintf(`Personnr "100918+9802": says the person was born in 1910 (%d years old); check the year`, age),
				},
				// 12345 and 0046.
				"6": {changes: "Namn: Nordin, Rolf → Rolf Nordin; Personnr: 540103-5638 → 19540103-5638; Postnr: 98132 → 981 32; Telefon: 0980-319 200 → +46980319200; Mobiltelefon: 0046 70 174 06 32 → +46701740632"},
				// +46 (0) and a status in lower case.
				"7": {changes: "Personnr: 500910-1824 → 19500910-1824; Mobiltelefon: +46 (0)70-174 06 33 → +46701740633; Status: intresserad → Interested"},
				// The domain in lower case, the local part as written.
				"9":  {changes: "Mobiltelefon: 070-174 06 34 → +46701740634; E-post: Anneli.Forsberg@Example.SE → Anneli.Forsberg@example.se"},
				"15": {changes: "Namn: Hedlund, Margareta → Margareta Hedlund; Status: ANVISAD → Assigned"},
				// A name in lower case.
				"16": {changes: "Namn: emil sandberg → Emil Sandberg; Personnr: 860907-2395 → 19860907-2395; Mobiltelefon: 0701740640 → +46701740640"},
				"20": {changes: "Postnr: S-753 21 → 753 21; Mobiltelefon: 070-174 06 43 → +46701740643"},
				// Capitals, a particle and a hyphen.
				"23": {changes: "Namn: VON ESSEN, ANNA-KARIN → Anna-Karin von Essen; Telefon: 08-465 004 04 → +46846500404"},
				"24": {
					changes:  "Personnr: 810403-2399 → 19810403-2399; Mobiltelefon: 070-174 06 46 → +46701740646",
					warnings: `E-post "daniel.persson@telia.som": telia.som looks like a typo of telia.com (daniel.persson@telia.com?); sent as written`,
				},
				// 10 digits without a separator.
				"29": {changes: "Namn: Hassan, Yusuf → Yusuf Hassan; Personnr: 9003242394 → 19900324-2394; Telefon: 08-46500405 → +46846500405; Mobiltelefon: 070-174 06 51 → +46701740651"},
			},
		},
		{
			name:    "interest registrations",
			mapping: "samples/interest/mapping.yaml",
			input:   "samples/interest/intresse.xlsx",
			summary: "8 valid, 4 invalid",
			invalid: []string{"7", "8", "9", "10"},
			rows: map[string]sampleRow{
				// A date cell is a consent date as it is; the price with
				// spaces, the area with a unit, a Swedish status.
				"2": {changes: "Mobil: 070-174 06 40 → +46701740640; Boarea: 84 kvm → 84; Uppskattat värde: 4 500 000 → 4500000; Intresse: Mycket intresserad → VeryInterested"},
				// A number cell for the price: sent as it is.
				"3": {changes: "Personnummer: 870309-2380 → 19870309-2380; Mobil: 0701740641 → +46701740641; Intresse: Intresserad → Interested"},
				// A consent date written day first; a decimal comma.
				"4": {changes: "Boarea: 56,5 → 56.5; Samtycke: 22/11/2026 → 2026-11-22"},
				"5": {changes: "Personnummer: 199406242389 → 19940624-2389; Mobil: 070-174 06 42 → +46701740642; Antal rum: 3,5 → 3.5; Boarea: 91,5 m² → 91.5; Uppskattat värde: 4 950 000 kr → 4950000"},
				// A month in words; rooms as "4 rok".
				"6":  {changes: "Mobil: 070 174 06 43 → +46701740643; Antal rum: 4 rok → 4; Uppskattat värde: 5 200 000 → 5200000; Intresse: Intresserad → Interested; Samtycke: 22 nov 2026 → 2026-11-22"},
				"12": {changes: "Mobil: 070-174 06 47 → +46701740647; Uppskattat värde: 2 150 000 kr → 2150000; Intresse: Ej intresserad → NotInterested"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			m, err := filepath.Abs(tt.mapping)
			require.NoError(t, err)
			input, err := filepath.Abs(tt.input)
			require.NoError(t, err)
			report := filepath.Join(dir, "report.csv")
			res := runCmd(t, dir, nil, "check", "--mapping", m, "--report", report, input)
			assert.Equal(t, 1, res.code, "the sample's bad rows make it 1: %s", res.stderr)
			assert.Contains(t, res.stderr, tt.summary)

			header, lines := readReport(t, report)
			col := func(name string) int {
				i := slices.Index(header, name)
				require.GreaterOrEqual(t, i, 0, "report column %q", name)
				return i
			}
			rowCol, statusCol, changesCol, warningsCol := col("row"), col("status"), col("changes"), col("warnings")
			var invalid, warned []string
			got := map[string]sampleRow{}
			for _, l := range lines {
				if l[statusCol] == "invalid" {
					invalid = append(invalid, l[rowCol])
				}
				if l[warningsCol] != "" {
					warned = append(warned, l[rowCol])
				}
				got[l[rowCol]] = sampleRow{changes: l[changesCol], warnings: l[warningsCol]}
			}
			assert.Equal(t, tt.invalid, invalid, "the deliberately bad rows, and only they, are invalid")
			var wantWarned []string
			for row, want := range tt.rows {
				if want.warnings != "" {
					wantWarned = append(wantWarned, row)
				}
			}
			assert.ElementsMatch(t, wantWarned, warned, "the rows with a warning")
			for row, want := range tt.rows {
				require.Contains(t, got, row)
				assert.Equal(t, want.changes, got[row].changes, "changes of row %s", row)
				assert.Equal(t, want.warnings, got[row].warnings, "warnings of row %s", row)
			}
		})
	}
}

// TestInterestSampleSent runs the interest sample against the sandbox:
// the valid rows are sent to the interest call, and the bodies it
// accepted are compared with a golden file, in the order of the rows
// (testdata/golden/interest/received.jsonl; -update rewrites it).
func TestInterestSampleSent(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	m, input := copySample(t, dir, sample{"interest", "intresse.xlsx"})
	report := filepath.Join(dir, "report.csv")
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, "--report", report,
		"--ledger", filepath.Join(dir, "l.db"), "--workers", "1", input)
	require.Equal(t, 1, res.code, "the sample's four bad rows make it 1: %s", res.stderr)
	assert.Contains(t, res.stderr, "8 sent, 4 invalid")

	header, lines := readReport(t, report)
	status, response := slices.Index(header, "status"), slices.Index(header, "response")
	for _, l := range lines {
		if l[status] == "sent" {
			assert.Equal(t, "204: accepted, no body", l[response], "row %s", l[0])
		}
	}

	var got bytes.Buffer
	for line := range strings.SplitSeq(strings.TrimSpace(s.record.String()), "\n") {
		var rec sandbox.RecordLine
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		assert.Equal(t, mapping.EndpointInterest, rec.Endpoint)
		assert.Empty(t, rec.ContactID, "the interest call answers without an id")
		body, err := rec.Interest()
		require.NoError(t, err)
		out, err := json.Marshal(struct {
			CustomerID string            `json:"customerId"`
			EstateID   string            `json:"estateId"`
			Lead       *mapping.Interest `json:"lead"`
		}{rec.CustomerID, rec.EstateID, &body})
		require.NoError(t, err)
		got.Write(append(out, '\n'))
	}
	golden(t, filepath.Join("interest", "received.jsonl"), got.Bytes())
}

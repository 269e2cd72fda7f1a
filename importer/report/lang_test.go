package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"leadimport/importer/msg"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// swedishLine is a row as the importer hands it over: a problem of its
// cells, what sending said, and Connect's own words.
func swedishLine() *Line {
	interrupted := msg.Error(msg.Interrupted{})
	return &Line{Row: 10, Cells: []string{"19890213-2390"}, Status: "failed",
		Errors: []mapping.Problem{
			{Column: "Personnummer", Field: "person.socialSecurityNumber", Value: "19890213-2390", Message: msg.CheckDigit{Want: 1}},
			{Message: msg.Of(msg.Error(msg.NotRetried{Err: errors.New("500 Internal Server Error: boom"), Why: interrupted}))},
			{Message: msg.MayHaveIt{}},
		},
		Warnings: []mapping.Problem{{Column: "E-post", Field: "person.email.emailAddress", Value: "anna@gmial.com",
			Message: msg.MailDomainTypo{Address: "anna@gmial.com", Likely: "gmail.com"}}},
	}
}

const (
	swedishErrors = `Personnummer "19890213-2390": kontrollsiffran ska vara 1; ` +
		`500 Internal Server Error: boom (inget nytt försök: avbruten); ` +
		`obs: ett försök fick inget svar, så Connect kan ha registrerat leadet; nästa körning skickar det igen`
	swedishWarnings = `E-post "anna@gmial.com": gmial.com ser ut som ett skrivfel för gmail.com (anna@gmail.com?); skickas som det är skrivet`
)

// TestSwedishReports: every format says a row's problems, what sending
// said and the notes in Swedish, Connect's own words as they are; the
// XLSX report names its sheets and labels its summary in Swedish too.
func TestSwedishReports(t *testing.T) {
	t.Run("csv", func(t *testing.T) {
		var buf bytes.Buffer
		w, err := NewCSV(&buf, ';', []string{"Personnummer"}, msg.Swedish)
		require.NoError(t, err)
		require.NoError(t, w.Write(swedishLine()))
		require.NoError(t, w.Close(nil))
		r := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\ufeff")))
		r.Comma = ';'
		recs, err := r.ReadAll()
		require.NoError(t, err)
		require.Len(t, recs, 2)
		assert.Equal(t, []string{"10", "19890213-2390", "failed", "", "", "", swedishErrors, "", swedishWarnings}, recs[1],
			"the status stays the tool's word")
	})
	t.Run("jsonl", func(t *testing.T) {
		var buf bytes.Buffer
		w := NewJSONL(&buf, []string{"Personnummer"}, msg.Swedish)
		require.NoError(t, w.Write(swedishLine()))
		require.NoError(t, w.Close(nil))
		var got struct {
			Errors   []struct{ Message string }
			Warnings []struct{ Message string }
		}
		require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
		require.Len(t, got.Errors, 3)
		assert.Equal(t, "kontrollsiffran ska vara 1", got.Errors[0].Message)
		assert.Equal(t, "500 Internal Server Error: boom (inget nytt försök: avbruten)", got.Errors[1].Message)
		require.Len(t, got.Warnings, 1)
		assert.Contains(t, got.Warnings[0].Message, "ser ut som ett skrivfel")
	})
	t.Run("xlsx", func(t *testing.T) {
		var buf bytes.Buffer
		w, err := NewXLSX(&buf, []string{"Personnummer"}, msg.Swedish)
		require.NoError(t, err)
		require.NoError(t, w.Write(swedishLine()))
		started := time.Date(2026, 11, 26, 10, 15, 0, 0, time.UTC)
		require.NoError(t, w.Close(&Summary{Counts: []Count{{Status: "failed", Rows: 1}}, Inputs: []string{"in.csv"},
			Mapping: "m.yaml", Started: started, Finished: started, Command: "leadimport run"}))
		f, err := excelize.OpenReader(&buf)
		require.NoError(t, err)
		defer f.Close()
		assert.Equal(t, []string{"Rapport", "Sammanfattning"}, f.GetSheetList())
		rows, err := f.GetRows("Rapport")
		require.NoError(t, err)
		require.Len(t, rows, 2)
		assert.Contains(t, rows[1], swedishErrors)
		assert.Contains(t, rows[1], swedishWarnings)
		sum, err := f.GetRows("Sammanfattning")
		require.NoError(t, err)
		var labels []string
		for _, r := range sum {
			if len(r) > 0 {
				labels = append(labels, r[0])
			}
		}
		assert.Equal(t, []string{"status", "failed", "totalt", "indata", "mappning", "start", "slut", "kommando"}, labels)
	})
}

func TestReportSheets(t *testing.T) {
	assert.Equal(t, []string{"Report", "Rapport"}, ReportSheets)
}

// TestSwedishCoversTheMessagesTheCodeMakes maps rows that are wrong in
// every way mapping knows, and reads rows of every kind the reader
// cannot read: each message they make is leadimport's own (none is
// English text passed on as it is), and says something else in Swedish
// than in English. (That every message type has its Swedish, and is
// made somewhere, the msg package's tests hold.)
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
		{"Anna Svensson", "20000101-T220", "", "+46 1234567890123456789", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "16857209-0606", "", "+46701740605", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "1946082", "", "", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "189001019802", "", "", "", "", "", "", "OBJ1", "M1001"},
		{"", "", "anna@example.se", "", "", "", "", "", "OBJ1", "M1001"},
		{"Anna Svensson", "", "anna@example.se", "", "", "", "", "Lu\x00nd", "OBJ1", "M1001"},
	}
	var made []msg.Message
	for _, cells := range rows {
		r := mp.Map(cells)
		for _, p := range append(r.Problems, r.Warnings...) {
			made = append(made, p.Message)
		}
	}
	for _, text := range []string{
		"a;b\r\n1;\"open\r\n2;x\r\n",                                        // a stray quote
		"a;b\r\n1;\"" + strings.Repeat("x", 200<<10),                        // a quote never closed, on a line longer than any cell
		"a;b\r\n" + strings.Repeat("x;y\r\n", 20000) + "\xe5;y\r\n",         // Windows-1252 late in a UTF-8 file
		"a;b\r\n\x81;y\r\n",                                                 // a byte Windows-1252 does not define
		"\xff\xfea\x00;\x00b\x00\r\x00\n\x00\x00\xd8;\x00y\x00\r\x00\n\x00", // a broken UTF-16 character
	} {
		src, err := source.NewCSV(strings.NewReader(text), "t.csv", source.Options{})
		require.NoError(t, err)
		for {
			row, err := src.Next()
			if err == io.EOF {
				break
			}
			for _, n := range row.Notes {
				made = append(made, n.Message)
			}
			var rowErr *source.RowError
			if errors.As(err, &rowErr) {
				made = append(made, msg.Of(rowErr.Err), msg.Of(rowErr))
				assert.Equal(t, rowErr.Error(), msg.English.Error(rowErr), "said in English, an error reads as its Error")
			}
		}
	}
	var types []string
	for _, m := range made {
		if name := reflect.TypeOf(m).Name(); !slices.Contains(types, name) {
			types = append(types, name)
		}
	}
	slices.Sort(types)
	assert.Equal(t, []string{"BornLongAgo", "BrokenCharacter", "CheckDigit", "ControlCharacter", "EmailSpaces", "FirstAndLast", "FirstName",
		"InRow", "InterimNumber", "LastName", "MailDomainTypo", "NoContact", "NoCountryCode", "NoCustomerID", "NoEstateID",
		"NoSuchDate", "NotBool", "NotBuyerStatus", "NotEmail", "NotEmailDomain", "NotPhone", "NotPhoneInRegion",
		"NotPostcode", "NotSwedishPhone", "NotUTF8", "OneFirstOneLast", "OrganisationNumber", "PersonnummerFormat",
		"PersonnummerSpace", "PhoneCharacters", "PhoneTooShort", "Required", "SeveralEmails", "StrayQuote", "TooLong",
		"UnclosedQuote", "UndefinedByte", "ZeroSerial"}, types, "the rows above make these messages")
	for _, m := range made {
		en, sv := msg.English.Say(m), msg.Swedish.Say(m)
		assert.IsNotType(t, msg.Verbatim{}, m, "%q is passed on as it is", en)
		assert.NotEqual(t, en, sv, "%q is English in Swedish", en)
	}
}

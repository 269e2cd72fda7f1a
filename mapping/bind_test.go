package mapping

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sampleHeader is the header of an input that testdata/mapping.yaml fits.
var sampleHeader = []string{"Förnamn", "Efternamn", "Personnummer", "E-post", "Mobil", "Objekt", "Kommentar", "Datum"}

func parseT(t testing.TB, yaml string) *Mapping {
	t.Helper()
	m, err := Parse(strings.NewReader(yaml), "mapping.yaml")
	require.NoError(t, err)
	return m
}

func TestBind(t *testing.T) {
	const base = "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n  Mobil: person.telephone.cell\n"
	tests := []struct {
		name   string
		yaml   string
		header []string
		sets   map[string]string
		want   []string // error lines; none for success
	}{
		{
			name:   "headers match ignoring case, spaces and a byte order mark",
			yaml:   base + "constants:\n  customerId: M1001\n  estateId: OBJ1\n",
			header: []string{"\ufeffFÖRNAMN", " efternamn ", "mobil"},
		},
		{
			name:   "customerId and estateId from --set",
			yaml:   base,
			header: []string{"Förnamn", "Efternamn", "Mobil"},
			sets:   map[string]string{"customerId": "M1001", "estateId": "OBJ1"},
		},
		{
			name:   "header not in the input",
			yaml:   base + "constants:\n  customerId: M1001\n  estateId: OBJ1\n",
			header: []string{"Förnamn", "Efternamn", "", "E-post"},
			want:   []string{`mapping.yaml:5: column "Mobil" is not in the input; its headers are: Förnamn, Efternamn, E-post`},
		},
		{
			name:   "header twice in the input",
			yaml:   base + "constants:\n  customerId: M1001\n  estateId: OBJ1\n",
			header: []string{"Förnamn", "Efternamn", "Mobil", "mobil "},
			want:   []string{`mapping.yaml:5: column "Mobil" occurs 2 times in the input (columns 3 and 4); rename all but one there, so it is clear which to read`},
		},
		{
			name:   "no customerId or estateId",
			yaml:   base,
			header: []string{"Förnamn", "Efternamn", "Mobil"},
			want: []string{
				"mapping.yaml: customerId is not given: map a column to it, add `customerId: M1001` under constants, or pass --set customerId=M1001",
				"mapping.yaml: estateId is not given: map a column to it, add `estateId: OBJ12345` under constants, or pass --set estateId=OBJ12345",
			},
		},
		{
			name:   "no names and no way to reach the person",
			yaml:   "version: 1\ncolumns:\n  Objekt: estateId\nconstants:\n  customerId: M1001\n",
			header: []string{"Objekt"},
			want: []string{
				"mapping.yaml: nothing gives person.firstName, which every lead needs: map a column to it, or map one column to person.fullName",
				"mapping.yaml: nothing gives person.lastName, which every lead needs: map a column to it, or map one column to person.fullName",
				"mapping.yaml: nothing gives an e-mail address or a phone number, and every lead needs one: map a column to person.email.emailAddress or person.telephone.cell (or another phone field)",
			},
		},
		{
			name:   "bad --set",
			yaml:   base + "constants:\n  estateId: OBJ1\n",
			header: []string{"Förnamn", "Efternamn", "Mobil"},
			sets: map[string]string{
				"customerid":             "M1001",
				"prospectiveBuyerStatus": "Intrested",
				"message":                " ",
				"person.fullName":        "Anna Svensson",
			},
			want: []string{
				`--set customerid=M1001: unknown field "customerid" (did you mean "customerId"?)`,
				`--set message=: the value is empty; give one, e.g. --set message=...`,
				`--set person.fullName: person.fullName can only come from a column; set person.firstName and person.lastName instead`,
				`--set prospectiveBuyerStatus=Intrested: must be Assigned, Interested or NotInterested`,
				`mapping.yaml: customerId is not given: map a column to it, add ` + "`customerId: M1001`" + ` under constants, or pass --set customerId=M1001`,
			},
		},
		{
			name:   "bad constants are reported once, with their line",
			yaml:   base + "constants:\n  customerId: M1001\n  estateId: OBJ1\n  prospectiveBuyerStatus: Maybe\n  person.email.emailAddress: info@example\n  person.isForeignSocialSecurityNumber: kanske\n",
			header: []string{"Förnamn", "Efternamn", "Mobil"},
			want: []string{
				`mapping.yaml:9: constant prospectiveBuyerStatus "Maybe": must be Assigned, Interested or NotInterested`,
				`mapping.yaml:10: constant person.email.emailAddress "info@example": the part after @ must be a domain like example.se`,
				`mapping.yaml:11: constant person.isForeignSocialSecurityNumber "kanske": must be true or false (ja/nej, yes/no, 1/0 and x for true also work)`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mp, err := parseT(t, tc.yaml).Bind(tc.header, Options{Sets: tc.sets, Now: vectorsNow})
			if tc.want == nil {
				require.NoError(t, err)
				require.NotNil(t, mp)
				return
			}
			assert.Nil(t, mp)
			assert.Equal(t, tc.want, errorLines(t, err))
		})
	}
}

func TestBindErrorHidesDataInAHeaderRow(t *testing.T) {
	// The header row given is really a data row.
	header := []string{"Anna", "Svensson", "19850101-2382", "anna@example.se", "070-174 06 05", "Björkvägen 14", "123 45", "Farsta", "Objekt"}
	_, err := parseT(t, "version: 1\ncolumns:\n  Förnamn: person.firstName\nconstants:\n  customerId: M1\n  estateId: O1\n").
		Bind(header, Options{Now: vectorsNow})
	require.Error(t, err)
	msg := err.Error()
	assert.Contains(t, msg, "its headers are: …, …, …, …, …, …, …, …, Objekt (8 cells not shown: not a known header name")
	for _, v := range []string{"Anna", "Svensson", "19850101-2382", "anna@example.se", "070-174 06 05", "Björkvägen", "Farsta"} {
		assert.NotContains(t, msg, v)
	}
}

package mapping

import (
	"errors"
	"strings"
	"testing"

	"leadimport/importer/msg"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoad(t *testing.T) {
	m, err := Load("testdata/mapping.yaml")
	require.NoError(t, err)
	assert.Equal(t, &Mapping{
		Version:  1,
		Endpoint: "FinalPriceWatched",
		Columns: []Column{
			{Header: "Förnamn", Field: "person.firstName", Line: 4},
			{Header: "Efternamn", Field: "person.lastName", Line: 5},
			{Header: "Personnummer", Field: "person.socialSecurityNumber", Line: 6},
			{Header: "E-post", Field: "person.email.emailAddress", Line: 7},
			{Header: "Mobil", Field: "person.telephone.cell", Line: 8},
			{Header: "Objekt", Field: "estateId", Line: 9},
		},
		Constants: []Constant{
			{Field: "customerId", Value: "M1001", Line: 11},
			{Field: "prospectiveBuyerStatus", Value: "Interested", Line: 12},
			{Field: "marketing.referrer", Value: "visning", Line: 13},
			{Field: "marketing.utmTags.utm_source", Value: "open-house", Line: 14},
		},
		Input: Input{Sheet: "Anmälningar", HeaderRow: 1},
		Name:  "testdata/mapping.yaml",
	}, m)
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load("testdata/no-such-mapping.yaml")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "open mapping: ")
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want *Mapping
	}{
		{
			name: "endpoint defaults to FinalPriceWatched",
			yaml: "version: 1\ncolumns:\n  Namn: person.fullName\n  Kund: customerId\n",
			want: &Mapping{Version: 1, Endpoint: "FinalPriceWatched", Name: "m.yaml",
				Columns: []Column{{"Namn", "person.fullName", 3}, {"Kund", "customerId", 4}}},
		},
		{
			name: "numbers as headers and constants are text",
			yaml: "version: 1\ncolumns:\n  2024: message\nconstants:\n  customerId: 1001\n  person.isForeignSocialSecurityNumber: false\n",
			want: &Mapping{Version: 1, Endpoint: "FinalPriceWatched", Name: "m.yaml",
				Columns:   []Column{{"2024", "message", 3}},
				Constants: []Constant{{"customerId", "1001", 5}, {"person.isForeignSocialSecurityNumber", "false", 6}}},
		},
		{
			name: "quoted version and empty constants and input",
			yaml: "version: \"1\"\ncolumns:\n  Mejl: person.email.emailAddress\nconstants:\ninput:\n",
			want: &Mapping{Version: 1, Endpoint: "FinalPriceWatched", Name: "m.yaml",
				Columns: []Column{{"Mejl", "person.email.emailAddress", 3}}},
		},
		{
			name: "any UTM tag name",
			yaml: "version: 1\ncolumns:\n  Kampanj: marketing.utmTags.utm_campaign\nconstants:\n  marketing.utmTags.x-y: z\n",
			want: &Mapping{Version: 1, Endpoint: "FinalPriceWatched", Name: "m.yaml",
				Columns:   []Column{{"Kampanj", "marketing.utmTags.utm_campaign", 3}},
				Constants: []Constant{{"marketing.utmTags.x-y", "z", 5}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(tc.yaml), "m.yaml")
			require.NoError(t, err)
			assert.Equal(t, tc.want, m)
		})
	}
}

// errorLines splits a joined error into its lines, one per *Error.
func errorLines(t *testing.T, err error) []string {
	t.Helper()
	require.Error(t, err)
	var e *Error
	require.True(t, errors.As(err, &e), "want an *Error, got %T", err)
	return strings.Split(err.Error(), "\n")
}

func TestParseErrors(t *testing.T) {
	const head = "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n"
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{
			name: "YAML syntax",
			yaml: "version: 1\ncolumns:\n  Förnamn: person.firstName\n    Efternamn: person.lastName\n",
			want: []string{"mapping.yaml:4: not valid YAML: mapping values are not allowed in this context"},
		},
		{
			name: "a tab",
			yaml: "version: 1\n\tcolumns:\n",
			want: []string{"mapping.yaml:2: not valid YAML: found a tab character that violates indentation: indent with spaces, not tabs, and put a value that starts with @ or ` in quotes"},
		},
		{
			name: "a value that starts with @",
			yaml: "version: 1\ncolumns:\n  Förnamn: @person.firstName\n",
			want: []string{"mapping.yaml:3: not valid YAML: found character that cannot start any token: indent with spaces, not tabs, and put a value that starts with @ or ` in quotes"},
		},
		{
			name: "not text",
			yaml: "\x80\x81binary",
			want: []string{"mapping.yaml: not valid YAML: invalid leading UTF-8 octet: is it the mapping file? One is text (leadimport init makes one)"},
		},
		{
			name: "empty file",
			yaml: "",
			want: []string{"mapping.yaml: is empty; a mapping file starts like this:", "version: 1", "columns:", "  Förnamn: person.firstName"},
		},
		{
			name: "not a mapping",
			yaml: "- a\n- b\n",
			want: []string{"mapping.yaml:1: must be a YAML mapping of keys to values; a mapping file starts like this:", "version: 1", "columns:", "  Förnamn: person.firstName"},
		},
		{
			name: "unknown top-level key, in other case",
			yaml: head + "Constants:\n  customerId: M1001\n",
			want: []string{`mapping.yaml:5: unknown key "Constants" (did you mean "constants"?)`},
		},
		{
			name: "unknown top-level key, misspelt",
			yaml: head + "coloumns: {}\n",
			want: []string{`mapping.yaml:5: unknown key "coloumns" (did you mean "columns"?)`},
		},
		{
			name: "unknown top-level key, nothing close",
			yaml: head + "password: hunter2\n",
			want: []string{`mapping.yaml:5: unknown key "password"; the keys are version, endpoint, columns, constants, input, normalize, validation`},
		},
		{
			name: "unknown key under normalize",
			yaml: head + "normalize:\n  telefon: e164\n  fone: keep\n",
			want: []string{
				`mapping.yaml:6: unknown key "telefon" under normalize; the keys are phone, phone.cell, socialSecurityNumber, zipCode`,
				`mapping.yaml:7: unknown key "fone" under normalize (did you mean "phone"?)`,
			},
		},
		{
			name: "unknown normalize values",
			yaml: head + "normalize:\n  phone: E.164\n  socialSecurityNumber: 10\n  zipCode:\n",
			want: []string{
				`mapping.yaml:6: normalize.phone "E.164" is not a value it takes (did you mean "e164"?); use e164, national, keep (the default is e164)`,
				`mapping.yaml:7: normalize.socialSecurityNumber "10" is not a value it takes; use long, short, keep (the default is long)`,
				`mapping.yaml:8: normalize.zipCode (empty) is not a value it takes; use swedish, keep (the default is swedish)`,
			},
		},
		{
			name: "normalize is not a mapping",
			yaml: head + "normalize: keep\n",
			want: []string{"mapping.yaml:5: normalize must hold `phone:`, `phone.cell:`, `socialSecurityNumber:`, `zipCode:` lines, e.g. `phone: national`, not \"keep\""},
		},
		{
			name: "top-level key twice",
			yaml: head + "version: 1\n",
			want: []string{`mapping.yaml:5: "version" is given twice (first on line 1); keep one`},
		},
		{
			name: "unknown field, wrong case",
			yaml: "version: 1\ncolumns:\n  Förnamn: person.firstname\n",
			want: []string{`mapping.yaml:3: unknown field "person.firstname" (did you mean "person.firstName"?)`},
		},
		{
			name: "unknown field, nothing close",
			yaml: head + "  Ålder: person.age\n",
			want: []string{`mapping.yaml:5: unknown field "person.age"; the fields are customerId, estateId, prospectiveBuyerStatus, leadSourceId, message, marketing.referrer, person.fullName, person.firstName, person.lastName, person.isForeignSocialSecurityNumber, person.socialSecurityNumber, person.address.streetAddress, person.address.zipCode, person.address.city, person.email.emailAddress, person.email.emailAddress2, person.telephone.home, person.telephone.work, person.telephone.cell, person.telephone.other, marketing.utmTags.NAME`},
		},
		{
			name: "unknown field, misspelt",
			yaml: head + "  Mobil: person.telephone.mobil\n",
			want: []string{`mapping.yaml:5: unknown field "person.telephone.mobil" (did you mean "person.telephone.home"?)`},
		},
		{
			name: "UTM tag with a misspelt prefix keeps its name",
			yaml: head + "constants:\n  marketing.utmtags.utm_source: x\n",
			want: []string{`mapping.yaml:6: unknown field "marketing.utmtags.utm_source" (did you mean "marketing.utmTags.utm_source"?)`},
		},
		{
			name: "UTM tag without a name",
			yaml: head + "  Källa: marketing.utmTags.\n  Kanal: marketing.utmTags.utm medium\n",
			want: []string{
				`mapping.yaml:5: unknown field "marketing.utmTags.": a UTM tag is marketing.utmTags.NAME with a NAME without spaces, e.g. marketing.utmTags.utm_source`,
				`mapping.yaml:6: unknown field "marketing.utmTags.utm medium": a UTM tag is marketing.utmTags.NAME with a NAME without spaces, e.g. marketing.utmTags.utm_source`,
			},
		},
		{
			name: "version missing",
			yaml: "columns:\n  Förnamn: person.firstName\n",
			want: []string{"mapping.yaml:1: version is missing; add `version: 1` at the top"},
		},
		{
			name: "version 2",
			yaml: "version: 2\ncolumns:\n  Förnamn: person.firstName\n",
			want: []string{"mapping.yaml:1: version \"2\" is not supported: this leadimport reads version 1; write `version: 1`"},
		},
		{
			name: "other endpoint",
			yaml: head + "endpoint: interest\n",
			want: []string{"mapping.yaml:5: endpoint \"interest\" is not one leadimport knows (did you mean Interest?); the endpoints are FinalPriceWatched, Interest, the first the default"},
		},
		{
			name: "columns missing",
			yaml: "version: 1\nconstants:\n  customerId: M1001\n",
			want: []string{"mapping.yaml:1: columns is missing; add `columns:` with one `Header: field` line per input column, e.g. `Förnamn: person.firstName`"},
		},
		{
			name: "columns empty",
			yaml: "version: 1\ncolumns:\n",
			want: []string{"mapping.yaml:2: columns is empty; add one `Header: field` line per input column, e.g. `Förnamn: person.firstName`"},
		},
		{
			name: "columns a list",
			yaml: "version: 1\ncolumns:\n  - Förnamn\n",
			want: []string{"mapping.yaml:3: columns must be `Header: field` lines, e.g. `Förnamn: person.firstName`, not (a list)"},
		},
		{
			name: "column value not a string",
			yaml: head + "  Mobil: [person.telephone.cell]\n  Hem:\n  Tal: 12\n",
			want: []string{
				`mapping.yaml:5: column "Mobil": the field must be a name such as person.firstName, not (a list)`,
				`mapping.yaml:6: column "Hem": the field must be a name such as person.firstName, not (empty)`,
				`mapping.yaml:7: column "Tal": the field must be a name such as person.firstName, not "12"`,
			},
		},
		{
			name: "same field from two columns",
			yaml: head + "  E-post: person.email.emailAddress\n  Mejl: person.email.emailAddress\n",
			want: []string{`mapping.yaml:6: person.email.emailAddress is filled by both "E-post" (line 5) and "Mejl" (line 6); map one of them to another field or remove it`},
		},
		{
			name: "full name with first name",
			yaml: "version: 1\ncolumns:\n  Namn: person.fullName\n  Förnamn: person.firstName\n",
			want: []string{`mapping.yaml:4: column "Förnamn" fills person.firstName, but "Namn" (line 3) already gives the first and last name; map either person.fullName or person.firstName and person.lastName`},
		},
		{
			name: "full name with a constant last name",
			yaml: "version: 1\ncolumns:\n  Namn: person.fullName\nconstants:\n  person.lastName: Okänd\n",
			want: []string{`mapping.yaml:5: constant person.lastName conflicts with column "Namn" (line 3), which gives the first and last name; remove one of them`},
		},
		{
			name: "headers differing in case and spaces",
			yaml: head + "  E-post: person.email.emailAddress\n  \" e-POST \": person.email.emailAddress2\n",
			want: []string{`mapping.yaml:6: column " e-POST " is the same header as "E-post" on line 5 (headers match ignoring case and surrounding spaces); keep one`},
		},
		{
			name: "empty header",
			yaml: head + "  \"\": message\n",
			want: []string{"mapping.yaml:5: a column needs a header before the colon, e.g. `Förnamn: person.firstName`"},
		},
		{
			name: "headerRow zero",
			yaml: head + "input:\n  headerRow: 0\n",
			want: []string{`mapping.yaml:6: input.headerRow "0" must be a positive whole number (1 is the first row), or leave it out to use the first non-empty row`},
		},
		{
			name: "headerRow not a number",
			yaml: head + "input:\n  headerRow: first\n",
			want: []string{`mapping.yaml:6: input.headerRow "first" must be a positive whole number (1 is the first row), or leave it out to use the first non-empty row`},
		},
		{
			name: "unknown input key",
			yaml: head + "input:\n  sheets: Blad1\n",
			want: []string{`mapping.yaml:6: unknown key "sheets" under input (did you mean "sheet"?)`},
		},
		{
			name: "full name as a constant",
			yaml: head + "constants:\n  person.fullName: Anna Svensson\n",
			want: []string{"mapping.yaml:6: person.fullName can only come from a column; give person.firstName and person.lastName as constants instead"},
		},
		{
			name: "constant without value",
			yaml: head + "constants:\n  customerId:\n",
			want: []string{"mapping.yaml:6: constant customerId has no value; give one, e.g. `customerId: M1001`, or remove the line"},
		},
		{
			name: "constant twice",
			yaml: head + "constants:\n  customerId: M1001\n  customerId: M1002\n",
			want: []string{"mapping.yaml:7: constant customerId is given twice (first on line 6); keep one"},
		},
		{
			name: "unknown constant field",
			yaml: head + "constants:\n  customerID: M1001\n",
			want: []string{`mapping.yaml:6: unknown field "customerID" (did you mean "customerId"?)`},
		},
		{
			name: "every problem at once, in line order",
			yaml: "version: 3\ncolumns:\n  Förnamn: person.frstName\nconstants:\n  estateid: 1\ninput:\n  headerRow: -1\n",
			want: []string{
				`mapping.yaml:1: version "3" is not supported: this leadimport reads version 1; write ` + "`version: 1`",
				`mapping.yaml:3: unknown field "person.frstName" (did you mean "person.firstName"?)`,
				`mapping.yaml:5: unknown field "estateid" (did you mean "estateId"?)`,
				`mapping.yaml:7: input.headerRow "-1" must be a positive whole number (1 is the first row), or leave it out to use the first non-empty row`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(tc.yaml), "mapping.yaml")
			assert.Nil(t, m)
			assert.Equal(t, tc.want, errorLines(t, err))
		})
	}
}

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		err  Error
		want string
	}{
		{"file and line", Error{File: "m.yaml", Line: 7, Message: msg.Verbatim{Text: "what"}}, "m.yaml:7: what"},
		{"file only", Error{File: "m.yaml", Message: msg.Verbatim{Text: "what"}}, "m.yaml: what"},
		{"neither", Error{Message: msg.Verbatim{Text: "--set x=y: what"}}, "--set x=y: what"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.err.Error())
		})
	}
}

func TestParseInputEncodingAndDelimiter(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		want   Input
		errHas string
	}{
		{"encoding", "  encoding: Windows-1252\n", Input{Encoding: "windows-1252"}, ""},
		{"tab delimiter", "  delimiter: tab\n", Input{Delimiter: '\t'}, ""},
		{"semicolon", "  delimiter: \";\"\n", Input{Delimiter: ';'}, ""},
		{"pipe", "  delimiter: \"|\"\n", Input{Delimiter: '|'}, ""},
		{"unknown encoding", "  encoding: ebcdic\n", Input{}, "m.yaml:7: input.encoding"},
		{"bad delimiter", "  delimiter: x\n", Input{}, "m.yaml:7: input.delimiter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n  E-post: person.email.emailAddress\ninput:\n" + tt.input
			m, err := Parse(strings.NewReader(src), "m.yaml")
			if tt.errHas != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.errHas)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, m.Input)
		})
	}
}

// TestParseDelimiter: a delimiter is any one character that can separate
// cells, or one of the names; a letter, digit, space, quote or control
// character is refused, as is more than one character (issue 16).
func TestParseDelimiter(t *testing.T) {
	tests := []struct {
		in   string
		want rune // 0: refused
	}{
		{",", ','}, {";", ';'}, {"|", '|'}, {":", ':'}, {"#", '#'}, {"~", '~'}, {"^", '^'}, {"!", '!'},
		{"comma", ','}, {"Semicolon", ';'}, {"PIPE", '|'}, {"colon", ':'},
		{"tab", '\t'}, {"TAB", '\t'}, {`\t`, '\t'}, {"\t", '\t'},
		{"", 0}, {" ", 0}, {`"`, 0}, {"a", 0}, {"Z", 0}, {"0", 0}, {"9", 0},
		{"\n", 0}, {"\r", 0}, {"\x00", 0}, {"\x7f", 0}, {"§", 0}, {";;", 0}, {", ", 0}, {"space", 0},
	}
	for _, tt := range tests {
		got, ok := ParseDelimiter(tt.in)
		assert.Equal(t, tt.want != 0, ok, "%q", tt.in)
		assert.Equal(t, string(tt.want), string(got), "%q", tt.in)
	}
}

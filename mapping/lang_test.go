package mapping

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// TestErrorsInSwedish: what is wrong with a mapping file, or with how it
// meets the input and --set, is said by message, so it can be said in
// Swedish; every problem is on its own line, with its place, and fields,
// keys, headers and flags stay as they are written. A value that is
// wrong (a constant, a --set) says why in the same language, not in
// English inside Swedish.
func TestErrorsInSwedish(t *testing.T) {
	_, parseErr := Parse(strings.NewReader("version: 1\ncolumns:\n  Förnamn: person.frstName\n  Namn: [x]\nnormalize:\n  phone: nationl\n"), "m.yaml")
	m, err := Parse(strings.NewReader("version: 1\ncolumns:\n  Namn: person.fullName\n  Mobil: person.telephone.cell\nconstants:\n  customerId: M1001\n  person.address.zipCode: '1'\n"), "m.yaml")
	require.NoError(t, err)
	_, bindErr := m.Bind([]string{"Namn", "Telefon", "19800101-1234"}, Options{Now: time.Now(),
		Sets: map[string]string{"estateId": "OBJ1", "person.email.emailAddress": "nope"}})

	tests := []struct {
		name   string
		err    error
		en, sv []string
	}{
		{"parse", parseErr,
			[]string{
				`m.yaml:3: unknown field "person.frstName" (did you mean "person.firstName"?)`,
				`m.yaml:4: column "Namn": the field must be a name such as person.firstName, not (a list)`,
				`m.yaml:6: normalize.phone "nationl" is not a value it takes (did you mean "national"?); use e164, national, keep (the default is e164)`,
			},
			[]string{
				`m.yaml:3: okänt fält "person.frstName" (menade du "person.firstName"?)`,
				`m.yaml:4: kolumnen "Namn": fältet ska vara ett namn som person.firstName, inte (en lista)`,
				`m.yaml:6: normalize.phone "nationl" är inget värde den tar (menade du "national"?); använd e164, national, keep (standard är e164)`,
			}},
		{"bind", bindErr,
			[]string{
				`--set person.email.emailAddress=nope: is not an e-mail address like anna@example.se`,
				`m.yaml:4: column "Mobil" is not in the input; its headers are: Namn, Telefon, … (1 cell not shown: not a known header name, so perhaps a person's details; is the header on another row? see --header-row)`,
				`m.yaml:7: constant person.address.zipCode "1": is not a Swedish postcode (five digits, e.g. 123 45)`,
			},
			[]string{
				`--set person.email.emailAddress=nope: är ingen e-postadress som anna@example.se`,
				`m.yaml:4: kolumnen "Mobil" finns inte i indata; dess rubriker är: Namn, Telefon, … (1 cell visas inte: inget känt rubriknamn, så kanske uppgifter om en person; står rubrikerna på en annan rad? se --header-row)`,
				`m.yaml:7: konstanten person.address.zipCode "1": är inget svenskt postnummer (fem siffror, t.ex. 123 45)`,
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, tc.err)
			assert.Equal(t, tc.en, strings.Split(tc.err.Error(), "\n"))
			assert.Equal(t, tc.sv, strings.Split(msg.Swedish.Error(tc.err), "\n"))
		})
	}
}

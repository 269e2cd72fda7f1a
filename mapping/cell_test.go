package mapping

import (
	"testing"

	"github.com/nyaruka/phonenumbers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// TestCellNotMobileAgrees: what cellNotMobile says of libphonenumber's
// Swedish example number of every type is what GetNumberType says of it
// (issue 19).
func TestCellNotMobileAgrees(t *testing.T) {
	kinds := map[phonenumbers.PhoneNumberType]msg.PhoneKind{
		phonenumbers.FIXED_LINE: msg.FixedLine, phonenumbers.TOLL_FREE: msg.TollFree,
		phonenumbers.PREMIUM_RATE: msg.PremiumRate, phonenumbers.SHARED_COST: msg.SharedCost,
		phonenumbers.PERSONAL_NUMBER: msg.PersonalNumber, phonenumbers.VOICEMAIL: msg.Voicemail,
		phonenumbers.VOIP: msg.OtherPhone, phonenumbers.PAGER: msg.OtherPhone, phonenumbers.UAN: msg.OtherPhone,
	}
	seen := 0
	for _, typ := range []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.MOBILE, phonenumbers.TOLL_FREE,
		phonenumbers.PREMIUM_RATE, phonenumbers.SHARED_COST, phonenumbers.VOIP, phonenumbers.PERSONAL_NUMBER,
		phonenumbers.PAGER, phonenumbers.UAN, phonenumbers.VOICEMAIL} {
		num := phonenumbers.GetExampleNumberForType(phoneRegion, typ)
		if num == nil {
			continue // Sweden has no such series
		}
		seen++
		national := phonenumbers.Format(num, phonenumbers.NATIONAL)
		require.Equal(t, typ, phonenumbers.GetNumberType(num), national)
		kind, notMobile := cellNotMobile(national)
		if typ == phonenumbers.MOBILE {
			assert.False(t, notMobile, "%s is a mobile number", national)
			continue
		}
		assert.True(t, notMobile, "%s (%v)", national, typ)
		assert.Equal(t, kinds[typ], kind, "%s (%v)", national, typ)
	}
	assert.GreaterOrEqual(t, seen, 7, "Sweden's example numbers")
}

// TestCellNotMobile: a Swedish number in the mobile column that is no
// mobile gets a warning on the column; normalize phone.cell: move sends it
// as the home number when the row has none, shown in the changes (issue 19).
func TestCellNotMobile(t *testing.T) {
	const mapping = "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n" +
		"  Mobil: person.telephone.cell\n  Telefon: person.telephone.home\nconstants:\n  customerId: M1001\n  estateId: OBJ1\n"
	header := []string{"Förnamn", "Efternamn", "Mobil", "Telefon"}
	tests := []struct {
		name       string
		normalize  string
		cell, home string
		warnings   []string
		changes    []string
		sentCell   string
		sentHome   string
	}{
		{name: "a mobile number: silent", cell: "070-174 06 05",
			changes: []string{"Mobil: 070-174 06 05 → +46701740605"}, sentCell: "+46701740605"},
		{name: "Stockholm", cell: "08-123 456 78",
			warnings: []string{`Mobil "08-123 456 78": is a landline, not a mobile number: a text message will not reach it (normalize phone.cell: move sends it as the home number)`},
			changes:  []string{"Mobil: 08-123 456 78 → +46812345678"}, sentCell: "+46812345678"},
		{name: "Göteborg", cell: "031-62 62 62", warnings: []string{`Mobil "031-62 62 62": is a landline, not a mobile number: a text message will not reach it (normalize phone.cell: move sends it as the home number)`},
			changes: []string{"Mobil: 031-62 62 62 → +4631626262"}, sentCell: "+4631626262"},
		{name: "a four-digit area code", cell: "0500-12 34 56", warnings: []string{`Mobil "0500-12 34 56": is a landline, not a mobile number: a text message will not reach it (normalize phone.cell: move sends it as the home number)`},
			changes: []string{"Mobil: 0500-12 34 56 → +46500123456"}, sentCell: "+46500123456"},
		{name: "toll-free", cell: "020-123 456", warnings: []string{`Mobil "020-123 456": is a toll-free number (020), not a mobile number: a text message will not reach it (normalize phone.cell: move sends it as the home number)`},
			changes: []string{"Mobil: 020-123 456 → +4620123456"}, sentCell: "+4620123456"},
		{name: "a mobile number in home: silent", cell: "", home: "070-174 06 05",
			changes: []string{"Telefon: 070-174 06 05 → +46701740605"}, sentHome: "+46701740605"},
		{name: "move: to home", normalize: "normalize:\n  phone.cell: move\n", cell: "08-123 456 78",
			changes: []string{"Mobil: 08-123 456 78 → +46812345678 (sent as person.telephone.home)"}, sentHome: "+46812345678"},
		{name: "move, written as sent", normalize: "normalize:\n  phone.cell: move\n", cell: "+46812345678",
			changes: []string{"Mobil: +46812345678 → +46812345678 (sent as person.telephone.home)"}, sentHome: "+46812345678"},
		{name: "move, but home is taken: a warning", normalize: "normalize:\n  phone.cell: move\n", cell: "08-123 456 78", home: "031-62 62 62",
			warnings: []string{`Mobil "08-123 456 78": is a landline, not a mobile number: a text message will not reach it (not moved: the row has a home number)`},
			changes:  []string{"Mobil: 08-123 456 78 → +46812345678", "Telefon: 031-62 62 62 → +4631626262"}, sentCell: "+46812345678", sentHome: "+4631626262"},
		{name: "move: a 075 number may be a mobile, so it stays, with a warning", normalize: "normalize:\n  phone.cell: move\n", cell: "075-123 45 67",
			warnings: []string{`Mobil "075-123 45 67": is a personal number (075), which may or may not ring a mobile: check it: a text message will not reach it (normalize phone.cell: move sends it as the home number)`},
			changes:  []string{"Mobil: 075-123 45 67 → +46751234567"}, sentCell: "+46751234567"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mp := bindT(t, mapping+tc.normalize, header, nil)
			m := mp.Map([]string{"Anna", "Berg", tc.cell, tc.home})
			require.Empty(t, m.Problems)
			var warnings, changes []string
			for _, w := range m.Warnings {
				warnings = append(warnings, w.String())
			}
			for _, c := range m.Changes {
				changes = append(changes, c.String())
			}
			assert.Equal(t, tc.warnings, warnings)
			assert.Equal(t, tc.changes, changes)
			tel := m.Lead.Body.Person.Telephone
			require.NotNil(t, tel)
			assert.Equal(t, tc.sentCell, tel.Cell)
			assert.Equal(t, tc.sentHome, tel.Home)
		})
	}
}

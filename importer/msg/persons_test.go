package msg

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestSayConflicts(t *testing.T) {
	sent := time.Date(2026, 11, 26, 10, 15, 0, 0, time.UTC)
	tests := []struct {
		name   string
		m      Message
		en, sv string
	}{
		{"the issue's example", SameButOther{Identity: ByPersonnummer, Row: 3475, Field: FieldName},
			"same personnummer as row 3475, but another name: check both rows",
			"samma personnummer som rad 3475, men ett annat namn: kontrollera båda raderna"},
		{"by e-mail", SameButOther{Identity: ByEmail, Row: 2, Field: FieldPersonnummer},
			"same e-mail address as row 2, but another personnummer: check both rows",
			"samma e-postadress som rad 2, men ett annat personnummer: kontrollera båda raderna"},
		{"two others", SameAsDisagreeing{Identity: ByNameAndPhone, A: 3, B: 9, Field: FieldEmail},
			"same name and phone number as rows 3 and 9, which give different e-mail addresses: check the rows",
			"samma namn och telefonnummer som rad 3 och 9, som har olika e-postadresser: kontrollera raderna"},
		{"changed since sent", ChangedSinceSent{At: sent, Run: 4, Fields: []PersonField{FieldName, FieldEmail}},
			"sent before, on 2026-11-26 10:15 (run 4), and changed since (the name and the e-mail address): not sent again; check the row, and --force sends it anyway",
			"skickad förut, 2026-11-26 10:15 (körning 4), och ändrad sedan dess (namnet och e-postadressen): skickas inte igen; kontrollera raden, --force skickar den ändå"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.en, English.Say(tc.m))
			assert.Equal(t, tc.sv, Swedish.Say(tc.m))
		})
	}
}

// TestEveryIdentityAndField: every Identity and PersonField has its words
// in every language, in each of the forms the messages use.
func TestEveryIdentityAndField(t *testing.T) {
	for id := range numIdentities {
		for _, l := range Langs() {
			said := l.Say(SameButOther{Identity: id, Row: 2})
			assert.NotContains(t, said, "!(", "identity %d has no %s", id, l)
		}
	}
	for f := range numPersonFields {
		for _, l := range Langs() {
			for _, m := range []Message{SameButOther{Field: f}, SameAsDisagreeing{Field: f},
				ChangedSinceSent{Fields: []PersonField{f}}} {
				assert.NotContains(t, l.Say(m), "!(", "field %d has no %s in %T", f, l, m)
			}
		}
	}
	assert.True(t, strings.HasPrefix(English.Say(SameButOther{Identity: 200}), "same !(msg.Identity 200)"),
		"a value no language has is shown as its number")
}

package importer

import (
	"strings"

	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/persons"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// A row whose lead the ledger does not know may still be for a person the
// ledger has sent a lead for, on the same estate, from a row that said
// something else: a name spelt otherwise, a new phone number, another
// message. Sending it would make a second lead for the person, which the
// ledger is there to prevent, and sending nothing without a word would
// lose what changed. So, as with two rows of one input that disagree,
// the row is not sent but skipped, saying which fields changed (never
// their values: the ledger keeps a keyed hash of each, ledger.Fields);
// --force sends it. A lead recorded before the ledger kept its person
// (an older leadimport) is found by its content only, as before.

// changedSinceSent settles a row for a person the ledger sent a lead for
// on the same estate, with other content: it is skipped, unless --force.
// It leaves the row's ledger.Who in j for its Pending.
func (f *file) changedSinceSent(lead *mapping.Lead, j *job) (settled bool, err error) {
	j.who = f.who(lead)
	if f.force {
		return false, nil
	}
	sent, found, err := f.ledger.LookupPerson(j.who.Persons)
	if err != nil || !found {
		return false, err
	}
	var changed []msg.PersonField
	for _, i := range sent.Fields.Changed(j.who.Fields) {
		changed = append(changed, msg.PersonField(i))
	}
	o := &j.out
	o.Status, o.Response = status.Skipped, sent.ContactID
	o.Err = msg.Error(msg.ChangedSinceSent{At: sent.At.Local(), Run: sent.RunID, Fields: changed})
	return true, nil
}

// identityNames name each kind of identity in the ledger's person keys.
// They are stored: never change one.
var identityNames = map[msg.Identity]string{
	msg.ByPersonnummer:  "personnummer",
	msg.ByForeignNumber: "foreign",
	msg.ByEmail:         "email",
	msg.ByNameAndPhone:  "name+phone",
}

// who is whom lead is for, as the ledger keeps it: the keys of its person
// (as persons.Person.Keys makes them, with endpoint, customer and estate)
// and each of its fields, in msg.PersonField's order.
func (f *file) who(lead *mapping.Lead) *ledger.Who {
	p := personOf(lead)
	var buf [3]persons.Key
	w := &ledger.Who{}
	for _, k := range p.Keys(&buf) {
		w.Persons = append(w.Persons, f.ledger.Person(lead.Endpoint, lead.CustomerID, lead.EstateID, identityNames[k.Identity], k.Value))
	}
	w.Fields = f.ledger.Fields(ledgerFields(&lead.Body)...)
	return w
}

// ledgerFields are a lead's fields as the ledger compares them, one value
// for each msg.PersonField, as sent: every part of the body is in one.
func ledgerFields(b *mapping.FinalPriceWatched) []string {
	p := &b.Person
	join := func(parts ...string) string { return strings.Join(parts, "\x00") }
	foreign := ""
	if p.IsForeignSocialSecurityNumber {
		foreign = "foreign"
	}
	var addr mapping.Address
	if p.Address != nil {
		addr = *p.Address
	}
	var mail mapping.Email
	if p.Email != nil {
		mail = *p.Email
	}
	var tel mapping.Telephone
	if p.Telephone != nil {
		tel = *p.Telephone
	}
	other := []string{b.ProspectiveBuyerStatus, b.LeadSourceID}
	if m := b.Marketing; m != nil {
		other = append(other, m.Referrer)
		for _, t := range m.UtmTags {
			other = append(other, t.Name, t.Value)
		}
	}
	return []string{
		msg.FieldName:         join(p.FirstName, p.LastName),
		msg.FieldPersonnummer: join(p.SocialSecurityNumber, foreign),
		msg.FieldEmail:        join(mail.EmailAddress, mail.EmailAddress2),
		msg.FieldPhone:        join(tel.Home, tel.Work, tel.Cell, tel.Other),
		msg.FieldAddress:      join(addr.StreetAddress, addr.ZipCode, addr.City),
		msg.FieldMessage:      b.Message,
		msg.FieldOther:        join(other...),
	}
}

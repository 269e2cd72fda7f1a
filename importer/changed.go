package importer

import (
	"strings"

	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/persons"
	"leadimport/mapping"
)

// The ledger knows a lead by whom Connect would take it for, for its
// customer and estate: the person's strongest key (the personnummer,
// else the e-mail address, else the name and phone number, as the rows
// of one input are matched), not the whole body. A row for a lead sent
// before whose content changed since (a name spelt otherwise, a new phone
// number, another message) is then that lead again: sending it would make
// a second lead for the person in Connect, and sending nothing without a
// word would lose what changed. So, as with two rows of one input that
// disagree, it is not sent but skipped, saying which fields changed: the
// ledger keeps a keyed hash of each field of the lead sent
// (ledger.Fields), never a value. --force sends it.
//
// A person's keys are tried strongest first, and a lead found by a
// weaker one keeps that key: a row that adds a personnummer to an e-mail
// address sent before is that lead, changed, not a new one.
//
// A lead an older leadimport sent is keyed by its whole body, and has no
// fields: a row is looked up by that key too, when its person's are not
// found, so that such a lead is still skipped when nothing changed; a
// changed row of it is sent, as before, and known by its person from then
// on.

// lookUp finds the row's lead in the ledger, and leaves its key and
// fields in j: the key it was found by, else its person's strongest.
func (f *file) lookUp(lead *mapping.Lead, j *job) (ledger.Entry, bool, error) {
	p := personOf(lead)
	var buf [3]persons.Key
	keys := p.Keys(&buf)
	j.fields = f.ledger.Fields(ledgerFields(&lead.Body)...)
	for i, k := range keys {
		key := f.ledger.Key("lead", lead.Endpoint, lead.CustomerID, lead.EstateID, identityNames[k.Identity], k.Value)
		if i == 0 {
			j.key = key
		}
		e, found, err := f.ledger.Lookup(key)
		if err != nil || found {
			if found {
				j.key = key
			}
			return e, found, err
		}
	}
	content := f.ledger.Key(lead.Endpoint, lead.CustomerID, lead.EstateID, string(j.body))
	if len(keys) == 0 {
		j.key = content // a valid row has a person's key; this is for one that has none
	}
	return f.ledger.Lookup(content)
}

// sentBefore says a lead was sent before, and, when the row's fields are
// not those sent, which changed.
func sentBefore(e ledger.Entry, fields ledger.Fields) msg.Message {
	if e.Fields == nil { // an older leadimport's: found by its content
		return msg.SentBefore{At: e.At.Local(), Run: e.RunID}
	}
	changed := e.Fields.Changed(fields)
	if len(changed) == 0 {
		return msg.SentBefore{At: e.At.Local(), Run: e.RunID}
	}
	m := msg.ChangedSinceSent{At: e.At.Local(), Run: e.RunID}
	for _, i := range changed {
		m.Fields = append(m.Fields, msg.PersonField(i))
	}
	return m
}

// identityNames name each kind of identity in the ledger's keys. They are
// stored: never change one.
var identityNames = map[msg.Identity]string{
	msg.ByPersonnummer:  "personnummer",
	msg.ByForeignNumber: "foreign",
	msg.ByEmail:         "email",
	msg.ByNameAndPhone:  "name+phone",
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

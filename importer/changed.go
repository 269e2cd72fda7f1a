package importer

import (
	"strings"

	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/persons"
	"leadimport/mapping"
)

// The ledger knows a lead by whom Connect would take it for, for its
// customer and estate: by one of its person's keys (the personnummer,
// else the e-mail address, else the name and phone number, as the rows
// of one input are matched), and by the others as aliases, not by the
// whole body. A row for a lead sent before whose content changed since (a
// name spelt otherwise, a new phone number, another message) is then that
// lead again: sending it would make a second lead for the person in
// Connect, and sending nothing without a word would lose what changed.
// So, as with two rows of one input that disagree, it is not sent but
// skipped, saying which fields changed: the ledger keeps a keyed hash of
// each field of the lead sent (ledger.Fields), never a value. --force
// sends it.
//
// A row's keys are looked up strongest first, each as a lead's key or an
// alias: a row that adds a personnummer to an e-mail address sent
// before, or that lacks the personnummer the lead was sent with, is that
// lead, changed, not a new one. A lead found keeps its key, and takes the
// row's other keys as aliases when the row is sent.
//
// A lead an older leadimport sent is keyed by its whole body, and has no
// fields: a row is looked up by that key too, when its person's are not
// found, so that such a lead is still skipped when nothing changed; a
// changed row of it is sent, as before, and known by its person from then
// on.

// lookUp finds the row's lead in the ledger, and leaves in j its key (the
// lead's found, else the person's strongest), its aliases and its fields.
func (f *file) lookUp(lead *mapping.Lead, j *job) (ledger.Entry, bool, error) {
	p := personOf(lead)
	var buf [3]persons.Key
	var keys [3]ledger.Key
	n := 0
	for _, k := range p.Keys(&buf) {
		keys[n] = f.ledger.Key("lead", lead.Endpoint, lead.CustomerID, lead.EstateID, identityNames[k.Identity], k.Value)
		n++
	}
	j.fields = f.ledger.Fields(ledgerFields(lead)...)
	e, found, err := f.lookUpKeys(lead, j, keys[:n])
	if err != nil || n == 0 {
		return e, found, err
	}
	j.key = keys[0]
	if found && e.Key != "" {
		j.key = e.Key
	}
	for _, k := range keys[:n] {
		if k != j.key {
			j.aliases = append(j.aliases, k)
		}
	}
	return e, found, nil
}

// lookUpKeys looks the row's keys up, strongest first, then its content
// (an older leadimport's key). A row without a person's key (a valid row
// has one) is kept by its content.
func (f *file) lookUpKeys(lead *mapping.Lead, j *job, keys []ledger.Key) (ledger.Entry, bool, error) {
	for _, k := range keys {
		if e, found, err := f.ledger.Lookup(k); err != nil || found {
			return e, found, err
		}
	}
	content := f.ledger.Key(lead.Endpoint, lead.CustomerID, lead.EstateID, string(j.body))
	e, found, err := f.ledger.Lookup(content)
	if len(keys) == 0 {
		j.key = content
	}
	e.Key = "" // an older lead is kept by its person from now on
	return e, found, err
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
func ledgerFields(lead *mapping.Lead) []string {
	p := lead.Person()
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
	b := &lead.Body
	message, mk := b.Message, lead.Marketing()
	other := []string{b.ProspectiveBuyerStatus, b.LeadSourceID}
	if in := lead.Interest; in != nil {
		message = in.ContactMessage
		other = []string{in.Status, in.LeadSourceID, in.AssignmentSourceID, in.GDPRApprovalDate}
		if a := in.PresentAccommodation; a != nil {
			other = append(other, a.EstateType, string(a.LivingSpace), string(a.NumberOfRooms), string(a.Price), a.Other)
		}
	}
	if m := mk; m != nil {
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
		msg.FieldMessage:      message,
		msg.FieldOther:        join(other...),
	}
}

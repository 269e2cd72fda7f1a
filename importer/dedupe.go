package importer

import (
	"strings"
	"unicode"

	"leadimport/importer/ledger"
	"leadimport/mapping"
)

// identities returns the keys that say who a lead is for, strongest
// first, in the order Connect itself matches people: the personnummer,
// else the e-mail, else first name + last name + phone. Each key also
// holds the customer and estate: the same person on another estate is
// another lead. The first key decides whether a row repeats an earlier
// one; the others are recorded so that a later row that has only those
// can match this one.
func identities(l *ledger.Ledger, lead *mapping.Lead) []ledger.Key {
	p := &lead.Body.Person
	var keys []ledger.Key
	add := func(kind, value string) {
		keys = append(keys, l.Key("identity", lead.Endpoint, lead.CustomerID, lead.EstateID, kind, value))
	}
	if p.SocialSecurityNumber != "" && !p.IsForeignSocialSecurityNumber {
		add("personnummer", p.SocialSecurityNumber)
	}
	if p.Email != nil && p.Email.EmailAddress != "" {
		add("email", strings.ToLower(p.Email.EmailAddress))
	}
	if t := p.Telephone; t != nil {
		for _, phone := range []string{t.Cell, t.Home, t.Work, t.Other} {
			if d := digits(phone); d != "" {
				add("name+phone", strings.ToLower(p.FirstName)+"\x00"+strings.ToLower(p.LastName)+"\x00"+d)
				break
			}
		}
	}
	return keys
}

// digits keeps the digits of a phone number, so that 070-123 45 67 and
// 0701234567 are one number.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

package importer

import (
	"cmp"
	"strings"
	"unicode"

	"leadimport/importer/ledger"
	"leadimport/mapping"
)

// identities returns the keys that say who a lead is for, strongest
// first, in the order Connect itself matches people: the personnummer (or
// foreign number), else the e-mail, else first name + last name + phone.
// Each key also holds the input, customer and estate: duplicates are
// looked for within one input, and the same person on another estate is
// another lead. The first key decides whether a row repeats an earlier
// one; the others are recorded so that a later row that has only those
// can match this one. Every valid row has at least one key, since it must
// have an e-mail address or a phone number.
func identities(l *ledger.Ledger, input string, lead *mapping.Lead) []ledger.Identity {
	p := &lead.Body.Person
	var keys []ledger.Identity
	add := func(kind, value string) {
		keys = append(keys, l.Identity(input, lead.Endpoint, lead.CustomerID, lead.EstateID, kind, value))
	}
	switch {
	case p.SocialSecurityNumber == "":
	case p.IsForeignSocialSecurityNumber:
		add("foreign", strings.ToLower(p.SocialSecurityNumber))
	default:
		add("personnummer", p.SocialSecurityNumber)
	}
	if e := p.Email; e != nil {
		if email := cmp.Or(e.EmailAddress, e.EmailAddress2); email != "" {
			add("email", strings.ToLower(email))
		}
	}
	if t := p.Telephone; t != nil {
		if d := cmp.Or(digits(t.Cell), digits(t.Home), digits(t.Work), digits(t.Other)); d != "" {
			add("name+phone", strings.ToLower(p.FirstName)+"\x00"+strings.ToLower(p.LastName)+"\x00"+d)
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

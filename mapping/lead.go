package mapping

import (
	"fmt"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// Endpoint names the Connect call a lead is sent to.
const EndpointFinalPriceWatched = "FinalPriceWatched"

// Lead is one request ready to send: where it goes and the JSON body.
type Lead struct {
	Endpoint   string
	CustomerID string
	EstateID   string
	Body       FinalPriceWatched
}

// FinalPriceWatched is the body of
// POST Advertising/Estate/{customerId}/{estateId}/FinalPriceWatched.
// Every field is omitempty: Connect gets no empty strings and no nulls.
type FinalPriceWatched struct {
	Person                 Person     `json:"person"`
	ProspectiveBuyerStatus string     `json:"prospectiveBuyerStatus,omitempty"`
	LeadSourceID           string     `json:"leadSourceId,omitempty"`
	Marketing              *Marketing `json:"marketing,omitempty"`
	Message                string     `json:"message,omitempty"`
}

// Person is Connect's AdvertisingLeadPerson.
type Person struct {
	FirstName                     string     `json:"firstName,omitempty"`
	LastName                      string     `json:"lastName,omitempty"`
	SocialSecurityNumber          string     `json:"socialSecurityNumber,omitempty"`
	IsForeignSocialSecurityNumber bool       `json:"isForeignSocialSecurityNumber,omitempty"`
	Address                       *Address   `json:"address,omitempty"`
	Email                         *Email     `json:"email,omitempty"`
	Telephone                     *Telephone `json:"telephone,omitempty"`
}

// Address is a person's postal address.
type Address struct {
	StreetAddress string `json:"streetAddress,omitempty"`
	ZipCode       string `json:"zipCode,omitempty"`
	City          string `json:"city,omitempty"`
}

// Email holds up to two e-mail addresses.
type Email struct {
	EmailAddress  string `json:"emailAddress,omitempty"`
	EmailAddress2 string `json:"emailAddress2,omitempty"`
}

// Telephone holds a person's phone numbers.
type Telephone struct {
	Home  string `json:"home,omitempty"`
	Work  string `json:"work,omitempty"`
	Cell  string `json:"cell,omitempty"`
	Other string `json:"other,omitempty"`
}

// Marketing says where a lead came from.
type Marketing struct {
	Referrer string   `json:"referrer,omitempty"`
	UtmTags  []UtmTag `json:"utmTags,omitempty"`
}

// UtmTag is one UTM parameter.
type UtmTag struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Problem is one thing wrong with a row. Column is the input header the
// value came from ("" for a constant or a rule across fields), Field the
// mapping field name ("" for a rule across fields). A problem's Message
// never holds the value, so that logs can show it: Value does. (A
// warning's message may: the likely fix of a mistyped address. Warnings
// are not logged.)
type Problem struct {
	Column  string
	Field   string
	Value   string
	Message msg.Message
}

// String reads as the report's error column does in English:
// `Personnummer "19800101-1235": check digit should be 8`.
func (p Problem) String() string { return p.In(msg.English) }

// In reads as the report's error column does in l:
// `Personnummer "19800101-1235": kontrollsiffran ska vara 8`.
func (p Problem) In(l msg.Lang) string {
	where := p.Column
	if where == "" {
		where = p.Field
	}
	m := l.Say(p.Message)
	switch {
	case where == "" && p.Value != "":
		return m + ": " + p.Value
	case where == "":
		return m
	case p.Value == "":
		return where + ": " + m
	default:
		return fmt.Sprintf("%s %q: %s", where, p.Value, m)
	}
}

// Check applies Connect's documented rules for a FinalPriceWatched body
// (connect-api.md): required names, length limits, at least one way to
// reach the person, and the status enum. It reports problems by field
// name; the sandbox uses it to judge bodies as Connect would.
func (b *FinalPriceWatched) Check() []Problem {
	if b.fits() {
		return nil
	}
	var ps []Problem
	p := &b.Person
	required := func(field, v string) {
		if v == "" {
			ps = append(ps, Problem{Field: field, Message: msg.Required{}})
		}
	}
	required("person.firstName", p.FirstName)
	required("person.lastName", p.LastName)
	limits, n := bodyLimits(b)
	for _, f := range limits[:n] {
		// A value no longer in bytes than the limit is within it in
		// characters: most are, and need no counting.
		if len(f.value) <= f.max {
			continue
		}
		if n := utf8.RuneCountInString(f.value); n > f.max {
			ps = append(ps, Problem{Field: f.name, Value: f.value, Message: msg.TooLong{Len: n, Max: f.max}})
		}
	}
	if !p.hasContact() {
		ps = append(ps, Problem{Message: msg.NoContact{}})
	}
	if s := b.ProspectiveBuyerStatus; s != "" && s != "Assigned" && s != "Interested" && s != "NotInterested" {
		ps = append(ps, Problem{Field: "prospectiveBuyerStatus", Value: s, Message: msg.NotBuyerStatus{}})
	}
	return ps
}

// fits reports whether Check would find nothing wrong with b, every
// value within its limit in bytes already: the usual body, judged
// without listing its limits (Map checks every row).
func (b *FinalPriceWatched) fits() bool {
	p := &b.Person
	if p.FirstName == "" || p.LastName == "" || len(p.FirstName) > 40 || len(p.LastName) > 40 ||
		len(p.SocialSecurityNumber) > 20 || !p.hasContact() {
		return false
	}
	if a := p.Address; a != nil && (len(a.StreetAddress) > 68 || len(a.ZipCode) > 15 || len(a.City) > 25) {
		return false
	}
	if e := p.Email; e != nil && (len(e.EmailAddress) > 100 || len(e.EmailAddress2) > 100) {
		return false
	}
	if t := p.Telephone; t != nil && (len(t.Home) > 17 || len(t.Work) > 17 || len(t.Cell) > 17 || len(t.Other) > 17) {
		return false
	}
	s := b.ProspectiveBuyerStatus
	return s == "" || s == "Assigned" || s == "Interested" || s == "NotInterested"
}

// hasContact reports whether p has a way to be reached that Connect
// takes: an e-mail address or a phone number.
func (p *Person) hasContact() bool {
	return p.Email != nil && (p.Email.EmailAddress != "" || p.Email.EmailAddress2 != "") ||
		p.Telephone != nil && *p.Telephone != (Telephone{})
}

type limited struct {
	name  string
	value string
	max   int
}

// bodyLimits lists every length-limited field of b with its documented
// limit. It returns an array, not a slice: Check runs once per row, and an
// array on the stack costs no allocation.
func bodyLimits(b *FinalPriceWatched) (ls [12]limited, n int) {
	add := func(name, value string, max int) {
		ls[n] = limited{name, value, max}
		n++
	}
	p := &b.Person
	add("person.firstName", p.FirstName, 40)
	add("person.lastName", p.LastName, 40)
	add("person.socialSecurityNumber", p.SocialSecurityNumber, 20)
	if a := p.Address; a != nil {
		add("person.address.streetAddress", a.StreetAddress, 68)
		add("person.address.zipCode", a.ZipCode, 15)
		add("person.address.city", a.City, 25)
	}
	if e := p.Email; e != nil {
		add("person.email.emailAddress", e.EmailAddress, 100)
		add("person.email.emailAddress2", e.EmailAddress2, 100)
	}
	if t := p.Telephone; t != nil {
		add("person.telephone.home", t.Home, 17)
		add("person.telephone.work", t.Work, 17)
		add("person.telephone.cell", t.Cell, 17)
		add("person.telephone.other", t.Other, 17)
	}
	return ls, n
}

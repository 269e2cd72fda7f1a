package mapping

import (
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// The Connect calls a lead is sent to, as a mapping's endpoint: names
// them (connect-api.md).
const (
	// EndpointFinalPriceWatched: the person asks to be told the estate's
	// final price. The default.
	EndpointFinalPriceWatched = "FinalPriceWatched"
	// EndpointInterest: the person registers an interest in the estate
	// (an intresseanmälan).
	EndpointInterest = "Interest"
)

// Endpoints are the endpoints a mapping may name, the default first.
var Endpoints = []string{EndpointFinalPriceWatched, EndpointInterest}

// endpoint indexes Endpoints: a mapping's vocabulary is its endpoint's.
type endpoint uint8

const (
	epFinalPrice endpoint = iota
	epInterest
	numEndpoints
)

// endpointOf finds the endpoint a mapping names; "" is the default.
func endpointOf(name string) (endpoint, bool) {
	switch name {
	case "", EndpointFinalPriceWatched:
		return epFinalPrice, true
	case EndpointInterest:
		return epInterest, true
	}
	return 0, false
}

func (ep endpoint) String() string { return Endpoints[ep] }

// inVocabulary is m with the fields its words name in ep's vocabulary:
// normalize names them in FinalPriceWatched's.
func (ep endpoint) inVocabulary(m msg.Message) msg.Message {
	if s, ok := m.(msg.SeveralEmails); ok {
		s.Second = fEmail2.nameIn(ep)
		return s
	}
	return m
}

// Lead is one request ready to send: where it goes and its body, Body
// for FinalPriceWatched, Interest for an interest registration.
type Lead struct {
	Endpoint   string
	CustomerID string
	EstateID   string
	Body       FinalPriceWatched
	Interest   *Interest // the body when Endpoint is EndpointInterest
}

// Person is the lead's person: in Body's person, or the flat fields of an
// interest registration.
func (l *Lead) Person() *Person {
	if l.Interest != nil {
		return &l.Interest.Person
	}
	return &l.Body.Person
}

// marketing is where the lead's body keeps its marketing: in Body, or
// in the interest registration's.
func (l *Lead) marketing() **Marketing {
	if l.Interest != nil {
		return &l.Interest.Marketing
	}
	return &l.Body.Marketing
}

// Marketing is the lead's marketing, nil when it has none.
func (l *Lead) Marketing() *Marketing { return *l.marketing() }

// MarshalBody is the lead's body as JSON, as it is sent.
func (l *Lead) MarshalBody() ([]byte, error) {
	if l.Interest != nil {
		return json.Marshal(l.Interest)
	}
	return json.Marshal(&l.Body)
}

// Check applies Connect's documented rules to the lead's body.
func (l *Lead) Check() []Problem {
	if l.Interest != nil {
		return l.Interest.Check()
	}
	return l.Body.Check()
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

// Interest is the body of
// POST Advertising/Estate/{customerId}/{estateId}/interest: the person's
// fields at the top level, without FinalPriceWatched's person wrapper,
// and what an interest registration adds. Every field is omitempty.
type Interest struct {
	Person
	LeadSourceID         string         `json:"leadSourceId,omitempty"`
	AssignmentSourceID   string         `json:"assignmentSourceId,omitempty"`
	Marketing            *Marketing     `json:"marketing,omitempty"`
	GDPRApprovalDate     string         `json:"gdprApprovalDate,omitempty"` // YYYY-MM-DD
	PresentAccommodation *Accommodation `json:"presentAccommodation,omitempty"`
	ContactMessage       string         `json:"contactMessage,omitempty"`
	Status               string         `json:"status,omitempty"`
}

// Accommodation is where an interested person lives today. The numbers
// are sent as JSON numbers, written as Go's strconv writes them.
type Accommodation struct {
	EstateType    string      `json:"estateType,omitempty"`
	LivingSpace   json.Number `json:"livingSpace,omitempty"` // m²
	NumberOfRooms json.Number `json:"numberOfRooms,omitempty"`
	Price         json.Number `json:"price,omitempty"` // kronor
	Other         string      `json:"other,omitempty"`
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
	ps := b.Person.check(nil, "person.")
	if s := b.ProspectiveBuyerStatus; s != "" && !isBuyerStatus(s) {
		ps = append(ps, Problem{Field: "prospectiveBuyerStatus", Value: s, Message: msg.NotBuyerStatus{}})
	}
	return ps
}

// Check applies Connect's documented rules for an interest registration
// (connect-api.md): those of FinalPriceWatched's person, its own status
// enum, a consent date that is a date, and numbers that are numbers.
func (b *Interest) Check() []Problem {
	if b.Person.fits() && (b.Status == "" || isInterestStatus(b.Status)) && b.GDPRApprovalDate == "" && b.PresentAccommodation == nil {
		return nil
	}
	ps := b.Person.check(nil, "")
	if s := b.Status; s != "" && !isInterestStatus(s) {
		ps = append(ps, Problem{Field: "status", Value: s, Message: msg.NotInterestStatus{}})
	}
	if d := b.GDPRApprovalDate; d != "" && !isISODate(d) {
		ps = append(ps, Problem{Field: "gdprApprovalDate", Value: d, Message: msg.NotDate{}})
	}
	if a := b.PresentAccommodation; a != nil {
		for _, n := range [...]struct {
			field string
			v     json.Number
		}{
			{"presentAccommodation.livingSpace", a.LivingSpace},
			{"presentAccommodation.numberOfRooms", a.NumberOfRooms},
			{"presentAccommodation.price", a.Price},
		} {
			if n.v != "" && !isJSONNumber(string(n.v)) {
				ps = append(ps, Problem{Field: n.field, Value: string(n.v), Message: msg.NotNumber{}})
			}
		}
	}
	return ps
}

// statuses are each endpoint's statuses, by Connect's names: a
// FinalPriceWatched lead's prospectiveBuyerStatus, an interest
// registration's status.
var statuses = [numEndpoints][]string{
	epFinalPrice: {"Interested", "Assigned", "NotInterested"},
	epInterest:   {"Interested", "VeryInterested", "Assigned", "NotInterested"},
}

// isBuyerStatus reports whether s is a prospectiveBuyerStatus by name.
func isBuyerStatus(s string) bool { return slices.Contains(statuses[epFinalPrice], s) }

// isInterestStatus reports whether s is an interest registration's
// status by name.
func isInterestStatus(s string) bool { return slices.Contains(statuses[epInterest], s) }

// Statuses lists the statuses a lead for endpoint is sent with, by
// Connect's names; nil for an unknown endpoint. serve's page offers them
// as a constant.
func Statuses(endpoint string) []string {
	ep, ok := endpointOf(endpoint)
	if !ok {
		return nil
	}
	return slices.Clone(statuses[ep])
}

// check appends to ps what is wrong with the person: required names,
// length limits, at least one way to reach them. Field names start with
// prefix: "person." in FinalPriceWatched, "" in an interest registration.
func (p *Person) check(ps []Problem, prefix string) []Problem {
	required := func(field, v string) {
		if v == "" {
			ps = append(ps, Problem{Field: prefix + field, Message: msg.Required{}})
		}
	}
	required("firstName", p.FirstName)
	required("lastName", p.LastName)
	limits, n := personLimits(p)
	for _, f := range limits[:n] {
		// A value no longer in bytes than the limit is within it in
		// characters: most are, and need no counting.
		if len(f.value) <= f.max {
			continue
		}
		if n := utf8.RuneCountInString(f.value); n > f.max {
			ps = append(ps, Problem{Field: prefix + f.name, Value: f.value, Message: msg.TooLong{Len: n, Max: f.max}})
		}
	}
	if !p.hasContact() {
		ps = append(ps, Problem{Message: msg.NoContact{}})
	}
	return ps
}

// fits reports whether Check would find nothing wrong with b, every
// value within its limit in bytes already: the usual body, judged
// without listing its limits (Map checks every row).
func (b *FinalPriceWatched) fits() bool {
	s := b.ProspectiveBuyerStatus
	return b.Person.fits() && (s == "" || isBuyerStatus(s))
}

// fits reports whether check would find nothing wrong with p.
func (p *Person) fits() bool {
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
	t := p.Telephone
	return t == nil || len(t.Home) <= 17 && len(t.Work) <= 17 && len(t.Cell) <= 17 && len(t.Other) <= 17
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

// personLimits lists every length-limited field of p with its documented
// limit, named without the "person." of FinalPriceWatched. It returns an
// array, not a slice: Check runs once per row, and an array on the stack
// costs no allocation.
func personLimits(p *Person) (ls [12]limited, n int) {
	add := func(name, value string, max int) {
		ls[n] = limited{name, value, max}
		n++
	}
	add("firstName", p.FirstName, 40)
	add("lastName", p.LastName, 40)
	add("socialSecurityNumber", p.SocialSecurityNumber, 20)
	if a := p.Address; a != nil {
		add("address.streetAddress", a.StreetAddress, 68)
		add("address.zipCode", a.ZipCode, 15)
		add("address.city", a.City, 25)
	}
	if e := p.Email; e != nil {
		add("email.emailAddress", e.EmailAddress, 100)
		add("email.emailAddress2", e.EmailAddress2, 100)
	}
	if t := p.Telephone; t != nil {
		add("telephone.home", t.Home, 17)
		add("telephone.work", t.Work, 17)
		add("telephone.cell", t.Cell, 17)
		add("telephone.other", t.Other, 17)
	}
	return ls, n
}

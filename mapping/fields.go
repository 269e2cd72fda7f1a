package mapping

import (
	"strings"

	"leadimport/importer/msg"
)

// fieldID indexes the vocabulary. Its order is the order Map fills a lead
// in: person.isForeignSocialSecurityNumber comes before the number it
// qualifies, and person.fullName before the first and last name that a
// --set may override.
type fieldID uint8

const (
	fCustomerID fieldID = iota
	fEstateID
	fStatus
	fLeadSource
	fMessage
	fReferrer
	fAssignmentSource // Interest only, as are the fields up to fFullName
	fConsentDate
	fEstateType
	fLivingSpace
	fRooms
	fPrice
	fHomeOther
	fFullName
	fFirstName
	fLastName
	fForeign
	fSSN
	fStreet
	fZip
	fCity
	fEmail
	fEmail2
	fHome
	fWork
	fCell
	fOther
	fUTM // marketing.utmTags.NAME: one entry stands for every NAME
	numFields
)

// kind says how a field's value is normalised and checked.
type kind uint8

const (
	kindText           kind = iota // trimmed, otherwise as written
	kindName                       // whitespace collapsed; ALL CAPS or all lower case in title case
	kindFullName                   // a name, split into person.firstName and person.lastName
	kindBool                       // true/false, ja/nej, yes/no, 1/0, x
	kindSSN                        // personnummer or samordningsnummer, unless foreign
	kindEmail                      // one bare address
	kindPhone                      // a valid number, in E.164 unless normalize.phone says otherwise
	kindZip                        // a Swedish postcode, NNN NN, unless normalize.zipCode is keep
	kindStatus                     // Assigned, Interested or NotInterested
	kindInterestStatus             // kindStatus, or VeryInterested
	kindID                         // a customer or estate id: as written, but not a placeholder
	kindDate                       // a date in the past, since 2000, sent as YYYY-MM-DD
	kindArea                       // a number of square metres, as Swedes write it
	kindRooms                      // a number of rooms, as Swedes write it (3,5)
	kindPrice                      // a sum in kronor, as Swedes write it (4 500 000 kr)
)

// isNumber reports whether k's values are sent as JSON numbers.
func (k kind) isNumber() bool { return k == kindArea || k == kindRooms || k == kindPrice }

// utmPrefix starts every marketing.utmTags.NAME field.
const utmPrefix = "marketing.utmTags."

type fieldDef struct {
	// name is the mapping's name for the field in FinalPriceWatched: its
	// JSON path in the body; "" when that body has no such field.
	name string
	kind kind
	doc  string // what it holds, for leadimport help mapping
	// interest is the field's name in an interest registration's flat
	// body, "" when it has none; its kind and doc when they differ.
	interest     string
	interestKind kind
	interestDoc  string
}

// person is the part of a FinalPriceWatched field name that an interest
// registration, whose body has no person wrapper, leaves out.
const person = "person."

// fields is the vocabulary of the mapping file and of --set, indexed by
// fieldID, for each endpoint. The documented length limits live with the
// body they apply to, in FinalPriceWatched.Check and Interest.Check.
var fields = [numFields]fieldDef{
	fCustomerID: {name: "customerId", kind: kindID, doc: "the Connect customer id (M…, S…, O…, G…, T…); required, from a column, a constant or --set; never a placeholder such as M0000"},
	fEstateID:   {name: "estateId", kind: kindID, doc: "the estate the person asked about; required, from a column, a constant or --set; never a placeholder such as OBJ0000"},
	fStatus: {name: "prospectiveBuyerStatus", kind: kindStatus, doc: "Assigned, Interested or NotInterested (any case), or Anvisad, Intresserad, Ej intresserad",
		interest: "status", interestKind: kindInterestStatus, interestDoc: "Interested, VeryInterested, Assigned or NotInterested (any case), or Intresserad, Mycket intresserad, Anvisad, Ej intresserad"},
	fLeadSource: {name: "leadSourceId", kind: kindText, doc: "Connect's lead source; without it Connect uses the customer's default"},
	fMessage: {name: "message", kind: kindText, doc: "a note to whoever receives the lead",
		interest: "contactMessage", interestDoc: "what the person wrote, to whoever receives the registration"},
	fReferrer:         {name: "marketing.referrer", kind: kindText, doc: "where the lead came from"},
	fAssignmentSource: {interest: "assignmentSourceId", kind: kindText, doc: "Connect's assignment source"},
	fConsentDate:      {interest: "gdprApprovalDate", kind: kindDate, doc: "the day the person consented to being stored (GDPR): a date cell, or 2026-11-28, 28/11/2026, 28.11.2026, 28 nov 2026; sent as YYYY-MM-DD; not in the future nor before 2000"},
	fEstateType:       {interest: "presentAccommodation.estateType", kind: kindText, doc: "the kind of home the person lives in today (Villa, Bostadsrätt, …)"},
	fLivingSpace:      {interest: "presentAccommodation.livingSpace", kind: kindArea, doc: "its living space in m²: 84, 84,5, 84 kvm"},
	fRooms:            {interest: "presentAccommodation.numberOfRooms", kind: kindRooms, doc: "its number of rooms: 3, 3,5, 3 rok"},
	fPrice:            {interest: "presentAccommodation.price", kind: kindPrice, doc: "what it is worth, in kronor: 4 500 000, 4500000 kr (not 4,5 mkr)"},
	fHomeOther:        {interest: "presentAccommodation.other", kind: kindText, doc: "anything else about it"},
	fFullName:         {name: "person.fullName", kind: kindFullName, doc: "a whole name, split into first and last name (\"Anna Maria Svensson\", \"Svensson, Anna\"); a column only, not with firstName/lastName columns"},
	fFirstName:        {name: "person.firstName", kind: kindName, doc: "1–40 characters, required; ALL CAPS or all lower case get title case"},
	fLastName:         {name: "person.lastName", kind: kindName, doc: "1–40 characters, required; particles stay lower case (von Essen)"},
	fForeign:          {name: "person.isForeignSocialSecurityNumber", kind: kindBool, doc: "true/false, ja/nej, yes/no, 1/0, x/empty; when true the number is sent as written"},
	fSSN:              {name: "person.socialSecurityNumber", kind: kindSSN, doc: "personnummer or samordningsnummer, 10 or 12 digits; sent as YYYYMMDD-NNNN (normalize.socialSecurityNumber)"},
	fStreet:           {name: "person.address.streetAddress", kind: kindText, doc: "at most 68 characters"},
	fZip:              {name: "person.address.zipCode", kind: kindZip, doc: "a Swedish postcode, sent as NNN NN (normalize.zipCode: keep for foreign ones); at most 15 characters"},
	fCity:             {name: "person.address.city", kind: kindText, doc: "at most 25 characters"},
	fEmail:            {name: "person.email.emailAddress", kind: kindEmail, doc: "one address, at most 100 characters; the domain is lower-cased"},
	fEmail2:           {name: "person.email.emailAddress2", kind: kindEmail, doc: "a second address, as emailAddress"},
	fHome:             {name: "person.telephone.home", kind: kindPhone, doc: "a phone number, read as Swedish unless it starts with + or 00; sent in E.164 (normalize.phone); at most 17 characters"},
	fWork:             {name: "person.telephone.work", kind: kindPhone, doc: "as telephone.home"},
	fCell:             {name: "person.telephone.cell", kind: kindPhone, doc: "as telephone.home; init puts mobile numbers here"},
	fOther:            {name: "person.telephone.other", kind: kindPhone, doc: "as telephone.home"},
	fUTM:              {name: utmPrefix + "NAME", kind: kindText, doc: "one UTM tag called NAME, e.g. marketing.utmTags.utm_source"},
}

func init() {
	// Every FinalPriceWatched field but the two with names of their own
	// has an interest registration's twin, without the person wrapper.
	for i := range fields {
		if f := &fields[i]; f.interest == "" && f.name != "" {
			f.interest = strings.TrimPrefix(f.name, person)
		}
	}
}

// nameIn is the field's name in ep's vocabulary, "" when ep has none.
func (id fieldID) nameIn(ep endpoint) string {
	if ep == epInterest {
		return fields[id].interest
	}
	return fields[id].name
}

// kindIn is how ep's body takes the field's value.
func (id fieldID) kindIn(ep endpoint) kind {
	if f := &fields[id]; ep == epInterest && f.interestKind != kindText {
		return f.interestKind
	}
	return fields[id].kind
}

// docIn says what the field holds in ep's body.
func (id fieldID) docIn(ep endpoint) string {
	if f := &fields[id]; ep == epInterest && f.interestDoc != "" {
		return f.interestDoc
	}
	return fields[id].doc
}

// FieldInfo is one field of an endpoint's vocabulary: its name in a
// mapping file and what it holds.
type FieldInfo struct {
	Name string // e.g. person.firstName (FinalPriceWatched), firstName (Interest)
	Doc  string
	// Required: every row needs it (the names also from a full name, the
	// ids also from a constant or --set).
	Required bool
}

// Vocabulary lists the fields a mapping for endpoint (one of Endpoints;
// "" is the default) may name, in the order leadimport help mapping
// shows them, marketing.utmTags.NAME last; nil for an unknown endpoint.
func Vocabulary(endpoint string) []FieldInfo {
	ep, ok := endpointOf(endpoint)
	if !ok {
		return nil
	}
	var fs []FieldInfo
	for id := range numFields {
		if name := id.nameIn(ep); name != "" {
			fs = append(fs, FieldInfo{Name: name, Doc: id.docIn(ep), Required: id.required()})
		}
	}
	return fs
}

// FieldIn is the name in endpoint to's vocabulary of the field that
// endpoint from calls name: person.firstName in FinalPriceWatched is
// firstName in Interest, message is contactMessage, a UTM tag is itself.
// "" when to has no such field (gdprApprovalDate in FinalPriceWatched),
// or name is no field of from, or either endpoint is unknown. The page
// of serve carries a matched column over with it when the endpoint is
// changed.
func FieldIn(name, from, to string) string {
	src, ok := endpointOf(from)
	dst, ok2 := endpointOf(to)
	if !ok || !ok2 {
		return ""
	}
	id, _, ok := lookupField(src, name)
	switch {
	case !ok:
		return ""
	case id == fUTM:
		return name
	}
	return id.nameIn(dst)
}

// required reports whether every row needs the field, so that no
// validation setting can leave it out.
func (id fieldID) required() bool {
	switch id {
	case fCustomerID, fEstateID, fFullName, fFirstName, fLastName:
		return true
	}
	return false
}

// isContact reports whether the field is one of the e-mail addresses and
// phone numbers, of which a row needs at least one.
func (id fieldID) isContact() bool { return id >= fEmail && id <= fOther }

// lookupField finds a field of ep's vocabulary by its exact name. For a
// UTM tag it also returns the tag's NAME.
func lookupField(ep endpoint, name string) (id fieldID, utm string, ok bool) {
	if tag, found := strings.CutPrefix(name, utmPrefix); found {
		if tag == "" || strings.ContainsFunc(tag, isSpace) {
			return 0, "", false
		}
		return fUTM, tag, true
	}
	if name == "" {
		return 0, "", false
	}
	for i := range fCustomerID + fUTM {
		if i.nameIn(ep) == name {
			return i, "", true
		}
	}
	return 0, "", false
}

// lookupAnyField is lookupField in the first endpoint's vocabulary that
// has the field.
func lookupAnyField(name string) (id fieldID, utm string, ok bool) {
	for ep := range numEndpoints {
		if id, utm, ok = lookupField(ep, name); ok {
			break
		}
	}
	return id, utm, ok
}

// lookupFieldName is lookupField for the names the bodies' Check
// reports, which are never UTM tags.
func lookupFieldName(ep endpoint, name string) (fieldID, bool) {
	id, _, ok := lookupField(ep, name)
	return id, ok && id != fUTM
}

// fieldNames lists ep's vocabulary as a user would write it, for
// messages.
func fieldNames(ep endpoint) []string {
	names := make([]string, 0, numFields)
	for id := range numFields {
		if n := id.nameIn(ep); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// unknownField says that name is not a field of ep and what the user may
// have meant, or else which fields there are. A field of the other
// endpoint's vocabulary is said to be one, with ep's name for it when
// there is one.
func unknownField(ep endpoint, name string) msg.Message {
	if strings.HasPrefix(name, utmPrefix) {
		return msg.BadUTMTag{Field: name}
	}
	for other := range numEndpoints {
		if id, _, ok := lookupField(other, name); ok && other != ep {
			return msg.FieldOfOtherEndpoint{Field: name, Endpoint: ep.String(), Other: other.String(), Suggest: id.nameIn(ep)}
		}
	}
	names := fieldNames(ep)
	candidates := names[:len(names)-1] // not marketing.utmTags.NAME
	// A UTM tag with a misspelt prefix: keep the user's tag name.
	if parts := strings.SplitN(name, ".", 3); len(parts) == 3 && parts[2] != "" &&
		!strings.ContainsFunc(parts[2], isSpace) {
		candidates = append(candidates, utmPrefix+parts[2])
	}
	if s := suggest(name, candidates); s != "" {
		return msg.UnknownField{Field: name, Suggest: s}
	}
	return msg.UnknownField{Field: name, Fields: names}
}

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
	kindText     kind = iota // trimmed, otherwise as written
	kindName                 // whitespace collapsed; ALL CAPS or all lower case in title case
	kindFullName             // a name, split into person.firstName and person.lastName
	kindBool                 // true/false, ja/nej, yes/no, 1/0, x
	kindSSN                  // personnummer or samordningsnummer, unless foreign
	kindEmail                // one bare address
	kindPhone                // a valid number, in E.164 unless normalize.phone says otherwise
	kindZip                  // a Swedish postcode, NNN NN, unless normalize.zipCode is keep
	kindStatus               // Assigned, Interested or NotInterested
	kindID                   // a customer or estate id: as written, but not a placeholder
)

// utmPrefix starts every marketing.utmTags.NAME field.
const utmPrefix = "marketing.utmTags."

type fieldDef struct {
	name string // the mapping's name for the field: its JSON path in the body
	kind kind
	doc  string // what it holds, for leadimport help mapping
}

// fields is the vocabulary of the mapping file and of --set, indexed by
// fieldID. The documented length limits live with the body they apply to,
// in FinalPriceWatched.Check.
var fields = [numFields]fieldDef{
	fCustomerID: {"customerId", kindID, "the Connect customer id (M…, S…, O…, G…, T…); required, from a column, a constant or --set; never a placeholder such as M0000"},
	fEstateID:   {"estateId", kindID, "the estate the person asked about; required, from a column, a constant or --set; never a placeholder such as OBJ0000"},
	fStatus:     {"prospectiveBuyerStatus", kindStatus, "Assigned, Interested or NotInterested (any case), or Anvisad, Intresserad, Ej intresserad"},
	fLeadSource: {"leadSourceId", kindText, "Connect's lead source; without it Connect uses the customer's default"},
	fMessage:    {"message", kindText, "a note to whoever receives the lead"},
	fReferrer:   {"marketing.referrer", kindText, "where the lead came from"},
	fFullName:   {"person.fullName", kindFullName, "a whole name, split into first and last name (\"Anna Maria Svensson\", \"Svensson, Anna\"); a column only, not with firstName/lastName columns"},
	fFirstName:  {"person.firstName", kindName, "1–40 characters, required; ALL CAPS or all lower case get title case"},
	fLastName:   {"person.lastName", kindName, "1–40 characters, required; particles stay lower case (von Essen)"},
	fForeign:    {"person.isForeignSocialSecurityNumber", kindBool, "true/false, ja/nej, yes/no, 1/0, x/empty; when true the number is sent as written"},
	fSSN:        {"person.socialSecurityNumber", kindSSN, "personnummer or samordningsnummer, 10 or 12 digits; sent as YYYYMMDD-NNNN (normalize.socialSecurityNumber)"},
	fStreet:     {"person.address.streetAddress", kindText, "at most 68 characters"},
	fZip:        {"person.address.zipCode", kindZip, "a Swedish postcode, sent as NNN NN (normalize.zipCode: keep for foreign ones); at most 15 characters"},
	fCity:       {"person.address.city", kindText, "at most 25 characters"},
	fEmail:      {"person.email.emailAddress", kindEmail, "one address, at most 100 characters; the domain is lower-cased"},
	fEmail2:     {"person.email.emailAddress2", kindEmail, "a second address, as emailAddress"},
	fHome:       {"person.telephone.home", kindPhone, "a phone number, read as Swedish unless it starts with + or 00; sent in E.164 (normalize.phone); at most 17 characters"},
	fWork:       {"person.telephone.work", kindPhone, "as telephone.home"},
	fCell:       {"person.telephone.cell", kindPhone, "as telephone.home; init puts mobile numbers here"},
	fOther:      {"person.telephone.other", kindPhone, "as telephone.home"},
	fUTM:        {utmPrefix + "NAME", kindText, "one UTM tag called NAME, e.g. marketing.utmTags.utm_source"},
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

// lookupField finds a field by its exact name. For a UTM tag it also
// returns the tag's NAME.
func lookupField(name string) (id fieldID, utm string, ok bool) {
	if tag, found := strings.CutPrefix(name, utmPrefix); found {
		if tag == "" || strings.ContainsFunc(tag, isSpace) {
			return 0, "", false
		}
		return fUTM, tag, true
	}
	for i := range fCustomerID + fUTM {
		if fields[i].name == name {
			return i, "", true
		}
	}
	return 0, "", false
}

// lookupFieldName is lookupField for the names FinalPriceWatched.Check
// reports, which are never UTM tags.
func lookupFieldName(name string) (fieldID, bool) {
	id, _, ok := lookupField(name)
	return id, ok && id != fUTM
}

// fieldNames lists the vocabulary as a user would write it, for messages.
func fieldNames() []string {
	names := make([]string, 0, numFields)
	for _, f := range fields {
		names = append(names, f.name)
	}
	return names
}

// unknownField says that name is not a field and what the user may have
// meant, or else which fields there are.
func unknownField(name string) msg.Message {
	if strings.HasPrefix(name, utmPrefix) {
		return msg.BadUTMTag{Field: name}
	}
	candidates := fieldNames()[:fUTM]
	// A UTM tag with a misspelt prefix: keep the user's tag name.
	if parts := strings.SplitN(name, ".", 3); len(parts) == 3 && parts[2] != "" &&
		!strings.ContainsFunc(parts[2], isSpace) {
		candidates = append(candidates, utmPrefix+parts[2])
	}
	if s := suggest(name, candidates); s != "" {
		return msg.UnknownField{Field: name, Suggest: s}
	}
	return msg.UnknownField{Field: name, Fields: fieldNames()}
}

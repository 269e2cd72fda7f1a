package mapping

import "strings"

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
)

// utmPrefix starts every marketing.utmTags.NAME field.
const utmPrefix = "marketing.utmTags."

type fieldDef struct {
	name string // the mapping's name for the field: its JSON path in the body
	kind kind
}

// fields is the vocabulary of the mapping file and of --set, indexed by
// fieldID. The documented length limits live with the body they apply to,
// in FinalPriceWatched.Check.
var fields = [numFields]fieldDef{
	fCustomerID: {"customerId", kindText},
	fEstateID:   {"estateId", kindText},
	fStatus:     {"prospectiveBuyerStatus", kindStatus},
	fLeadSource: {"leadSourceId", kindText},
	fMessage:    {"message", kindText},
	fReferrer:   {"marketing.referrer", kindText},
	fFullName:   {"person.fullName", kindFullName},
	fFirstName:  {"person.firstName", kindName},
	fLastName:   {"person.lastName", kindName},
	fForeign:    {"person.isForeignSocialSecurityNumber", kindBool},
	fSSN:        {"person.socialSecurityNumber", kindSSN},
	fStreet:     {"person.address.streetAddress", kindText},
	fZip:        {"person.address.zipCode", kindZip},
	fCity:       {"person.address.city", kindText},
	fEmail:      {"person.email.emailAddress", kindEmail},
	fEmail2:     {"person.email.emailAddress2", kindEmail},
	fHome:       {"person.telephone.home", kindPhone},
	fWork:       {"person.telephone.work", kindPhone},
	fCell:       {"person.telephone.cell", kindPhone},
	fOther:      {"person.telephone.other", kindPhone},
	fUTM:        {utmPrefix + "NAME", kindText},
}

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
func unknownField(name string) string {
	if strings.HasPrefix(name, utmPrefix) {
		return "unknown field " + quote(name) + ": a UTM tag is marketing.utmTags.NAME with a NAME without spaces, e.g. marketing.utmTags.utm_source"
	}
	candidates := fieldNames()[:fUTM]
	// A UTM tag with a misspelt prefix: keep the user's tag name.
	if parts := strings.SplitN(name, ".", 3); len(parts) == 3 && parts[2] != "" &&
		!strings.ContainsFunc(parts[2], isSpace) {
		candidates = append(candidates, utmPrefix+parts[2])
	}
	if s := suggest(name, candidates); s != "" {
		return "unknown field " + quote(name) + " (did you mean " + quote(s) + "?)"
	}
	return "unknown field " + quote(name) + "; the fields are " + strings.Join(fieldNames(), ", ")
}

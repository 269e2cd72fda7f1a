package mapping

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Proposal is a mapping guessed from an input's header and first rows, for
// a person to review: which column fills which field, how sure the guess
// is and why, and which columns it could not place.
type Proposal struct {
	// Endpoint is the call the leads are for, whose vocabulary Lines
	// use: EndpointInterest when headers say the sheet is of interest
	// registrations (see EndpointBy), else EndpointFinalPriceWatched;
	// "" is the default too.
	Endpoint    string
	EndpointBy  []string         // the headers that made it Interest, in input order
	Lines       []ProposedColumn // the placed columns, in input order
	Unplaced    []string         // headers not placed, in input order; their cells stay in the report
	UnplacedWhy []string         // UnplacedWhy[i] says why Unplaced[i] was not placed
	Sampled     int              // how many data rows the values were read from
	Header      []string         // the input's header, as proposed from
}

// ProposedColumn is one proposed `Header: field` line.
type ProposedColumn struct {
	Header     string // as the input writes it, without surrounding spaces
	Field      string
	Confidence string // ConfidenceSure, ConfidenceLikely or ConfidenceGuess
	Why        string // e.g. `header "E-post" is a known name for e-mail; 21 of 21 values are e-mail addresses`
}

// How sure a proposed line is.
const (
	ConfidenceSure   = "sure"   // a known header, and the values agree where they can be checked
	ConfidenceLikely = "likely" // a near miss of a known header, or values that say what the column is
	ConfidenceGuess  = "guess"  // a known word in the header, or a few telling values
)

type confidence uint8

const (
	confGuess confidence = iota + 1
	confLikely
	confSure
)

func (c confidence) String() string {
	return [...]string{"", ConfidenceGuess, ConfidenceLikely, ConfidenceSure}[c]
}

func (c confidence) up() confidence   { return min(c+1, confSure) }
func (c confidence) down() confidence { return max(c-1, confGuess) }

// fieldLabels name fields in reasons, as a person would.
var fieldLabels = [numFields]string{
	fCustomerID:       "the Connect customer id",
	fEstateID:         "the estate id",
	fStatus:           "the buyer status",
	fLeadSource:       "the lead source id",
	fMessage:          "the message",
	fReferrer:         "the referrer",
	fAssignmentSource: "the assignment source id",
	fConsentDate:      "the consent date",
	fEstateType:       "the kind of home the person lives in",
	fLivingSpace:      "the living space of the person's home",
	fRooms:            "the number of rooms of the person's home",
	fPrice:            "the value of the person's home",
	fHomeOther:        "more about the person's home",
	fFullName:         "the full name",
	fFirstName:        "the first name",
	fLastName:         "the last name",
	fForeign:          "whether the personnummer is foreign",
	fSSN:              "the personnummer",
	fStreet:           "the street address",
	fZip:              "the postcode",
	fCity:             "the city",
	fEmail:            "e-mail",
	fEmail2:           "a second e-mail",
	fHome:             "the home phone",
	fWork:             "the work phone",
	fCell:             "the mobile phone",
	fOther:            "another phone",
	fUTM:              "a UTM tag",
}

// headerMatch is what a header's name says about its column.
type headerMatch struct {
	known knownName
	level confidence // sure: the name itself; likely: a near miss; guess: a word in it
	why   string
}

// headerMatched is matchHeader's answer for one column.
type headerMatched struct {
	hm    headerMatch
	named bool // hm holds a match
}

// matchHeader looks a header up among the known names: as a whole, then
// with a typo or two, then word by word.
func matchHeader(h string, idx *synonymIndex) (headerMatch, bool) {
	f := foldHeader(h)
	if f == "" {
		return headerMatch{}, false
	}
	if k, ok := idx.byFolded[f]; ok {
		return headerMatch{k, confSure, fmt.Sprintf("header %s is a known name for %s", quote(h), k.label())}, true
	}
	if k, ok := nearestName(f, idx); ok {
		return headerMatch{k, confLikely, fmt.Sprintf("header %s is close to %s, a known name for %s", quote(h), quote(k.name), k.label())}, true
	}
	if k, word, ok := matchWords(h, idx); ok {
		return headerMatch{k, confGuess, fmt.Sprintf("the word %s in header %s is a known name for %s", quote(word), quote(h), k.label())}, true
	}
	return headerMatch{}, false
}

func (k knownName) label() string {
	switch {
	case k.ignore:
		return "data Connect does not take"
	case k.id == fUTM:
		return "the UTM tag " + k.utm
	}
	return fieldLabels[k.id]
}

// nearestName finds the known name within a typo or two of the folded
// header f. Short names get no slack: "Tel" is one edit from "Tfn" but
// "Ort" is one from "Orn". A tie between two fields is no match.
func nearestName(f string, idx *synonymIndex) (knownName, bool) {
	limit := 0
	switch n := len([]rune(f)); {
	case n >= 9:
		limit = 2
	case n >= 5:
		limit = 1
	}
	if limit == 0 {
		return knownName{}, false
	}
	var best knownName
	bestDist, tie := limit+1, false
	n := len([]rune(f))
	for _, k := range idx.all {
		if diff := n - len([]rune(k.folded)); diff > limit || -diff > limit {
			continue // at least diff edits apart: no need to count them
		}
		d := editDistance(f, k.folded)
		switch {
		case d < bestDist:
			best, bestDist, tie = k, d, false
		case d == bestDist && k.fieldName() != best.fieldName():
			tie = true
		}
	}
	return best, bestDist <= limit && !tie
}

// matchWords places a header of several words by the one word in it that
// is a known name: "Kundens mejl" by "mejl". Words naming two fields are
// no match, except that a generic phone word gives way to a specific one:
// "Tfn mobil" is the mobile phone.
func matchWords(h string, idx *synonymIndex) (knownName, string, bool) {
	words := strings.FieldsFunc(h, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("/_:;,()|&+", r)
	})
	if len(words) < 2 {
		return knownName{}, "", false
	}
	var found []knownName
	var foundWords []string
	for _, w := range words {
		k, ok := idx.byFolded[foldHeader(w)]
		if !ok || k.ignore || slices.ContainsFunc(found, func(o knownName) bool { return o.fieldName() == k.fieldName() }) {
			continue
		}
		found, foundWords = append(found, k), append(foundWords, w)
	}
	if len(found) == 2 && isPhone(found[0].id) && isPhone(found[1].id) {
		switch {
		case found[0].id == fHome:
			return found[1], foundWords[1], true
		case found[1].id == fHome:
			return found[0], foundWords[0], true
		}
	}
	if len(found) != 1 {
		return knownName{}, "", false
	}
	return found[0], foundWords[0], true
}

func isPhone(id fieldID) bool { return id == fHome || id == fWork || id == fCell || id == fOther }

// candidate is one field a column may fill.
type candidate struct {
	col      int
	id       fieldID
	utm      string
	conf     confidence
	fallback bool // the column's second choice, if its first is taken
	why      string
}

// tellingFields are the fields that telling values fill.
var tellingFields = map[valueKind]fieldID{valPersonnummer: fSSN, valEmail: fEmail, valMobile: fCell}

// checkedBy is the kind of value a field's cells should mostly be.
var checkedBy = map[fieldID]valueKind{
	fSSN: valPersonnummer, fEmail: valEmail, fEmail2: valEmail,
	fHome: valPhone, fWork: valPhone, fCell: valPhone, fOther: valPhone,
	fZip: valZip, fForeign: valBool, fStatus: valStatus,
	fConsentDate: valDate, fLivingSpace: valNumber, fRooms: valNumber, fPrice: valNumber,
}

// checkedIn is checkedBy in ep's body, whose status may also be
// VeryInterested.
func checkedIn(ep endpoint, id fieldID) (valueKind, bool) {
	if id == fStatus && ep == epInterest {
		return valInterestStatus, true
	}
	k, ok := checkedBy[id]
	return k, ok
}

// fits says whether a field suits values of kind k.
func fits(k valueKind, id fieldID) bool {
	switch k {
	case valPersonnummer:
		return id == fSSN
	case valEmail:
		return id == fEmail || id == fEmail2
	case valMobile:
		return isPhone(id)
	}
	return false
}

// columnCandidates weighs a column's header against its values, for ep's
// body. It returns the fields the column may fill, best first, or why it
// fills none.
func columnCandidates(ep endpoint, col int, h string, hm headerMatch, named bool, cv columnValues) ([]candidate, string) {
	valueLevel := confGuess
	if cv.n >= 5 {
		valueLevel = confLikely
	}
	kind, told := cv.telling()
	switch {
	case told && named && !hm.known.ignore && fits(kind, hm.known.id):
		id := hm.known.id
		if kind == valMobile && (id == fHome || id == fOther) {
			// Mobile numbers under a landline's name: the mobile field first.
			return []candidate{
				{col: col, id: fCell, conf: valueLevel, why: hm.why + ", but " + cv.share(kind)},
				{col: col, id: id, conf: min(hm.level, valueLevel), fallback: true, why: hm.why + "; " + cv.share(kind)},
			}, ""
		}
		return []candidate{{col: col, id: id, utm: hm.known.utm, conf: max(hm.level, valueLevel).up(), why: hm.why + "; " + cv.share(kind)}}, ""
	case told:
		c := candidate{col: col, id: tellingFields[kind], conf: valueLevel}
		if !named {
			c.why = fmt.Sprintf("header %s is not a known name, but %s", quote(h), cv.share(kind))
			return []candidate{c}, ""
		}
		c.why = hm.why + ", but " + cv.share(kind)
		cs := []candidate{c}
		if !hm.known.ignore {
			cs = append(cs, candidate{col: col, id: hm.known.id, utm: hm.known.utm, conf: min(hm.level, valueLevel), fallback: true,
				why: hm.why + ", though " + cv.share(kind)})
		}
		return cs, ""
	case named && hm.known.ignore:
		return nil, hm.why
	case named:
		c := candidate{col: col, id: hm.known.id, utm: hm.known.utm, conf: hm.level, why: hm.why}
		if c.id == fConsentDate && cv.n > 0 && cv.rarely(valDate) {
			// A consent sent on the wrong day, or for someone who said
			// no, is worse than none: a checkbox column says who
			// consented, not when.
			if ep != epInterest {
				return nil, fmt.Sprintf("%s, but only %s, and a %s lead has no consent date (an interest registration has one: leadimport init --endpoint Interest)",
					hm.why, cv.share(valDate), ep)
			}
			return nil, fmt.Sprintf("%s, but only %s: %s takes the day the person consented; map a column of dates to it, or give the day under constants",
				hm.why, cv.share(valDate), fieldName(ep, fConsentDate, ""))
		}
		if k, checked := checkedIn(ep, c.id); checked {
			switch {
			case cv.n == 0:
				c.why += "; the first rows hold no values"
			case cv.mostly(k):
				c.conf = c.conf.up()
				c.why += "; " + cv.share(k)
			case cv.rarely(k):
				c.conf = c.conf.down()
				c.why += ", but only " + cv.share(k)
			default:
				c.why += "; " + cv.share(k)
			}
		}
		return []candidate{c}, ""
	case cv.n == 0:
		return nil, "not a known name, and the first rows hold no values"
	}
	return nil, "not a known name, and its values are not personnummer, e-mail addresses or mobile numbers"
}

// Propose guesses a mapping for an input from its header and its data
// rows (all of them or the first; it reads the first 50 that are not
// empty). Each column is placed by its header's name among the known
// names (synonyms.csv), by a near miss of one, by a known word in it, and
// by its values: a column of personnummer, e-mail addresses or Swedish
// mobile numbers is placed by them whatever its header says. Each field
// goes to one column at most, the surest; a second e-mail column fills
// person.email.emailAddress2. The leads are interest registrations
// (EndpointInterest) when a header names a field only they have (a
// consent date, the present home) or the registration itself
// ("Intresse"), and FinalPriceWatched otherwise; the fields are named in
// that endpoint's vocabulary. now dates 10-digit personnummer, as in
// ParsePersonnummer, and ends the days a consent may have been given on.
func Propose(header []string, samples [][]string, now time.Time) Proposal {
	return ProposeFor("", header, samples, now)
}

// ProposeFor is Propose for the endpoint named (one of Endpoints),
// whatever the headers say: a column that names a field of the other
// endpoint only is not placed, and says so. With "" (or a name none of
// Endpoints) the headers decide, as in Propose.
func ProposeFor(named string, header []string, samples [][]string, now time.Time) Proposal {
	idx := synonyms()
	rows := sampleOf(samples)
	p := Proposal{Sampled: len(rows), Header: header}

	clean := make([]string, len(header))
	at := map[string][]int{} // headerKey → columns
	for i, h := range header {
		clean[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if k := headerKey(h); k != "" {
			at[k] = append(at[k], i)
		}
	}

	why := make([]string, len(header))             // why a column is not placed
	matches := make([]*headerMatched, len(header)) // nil: a column not to place
	for i, h := range clean {
		cols := at[headerKey(h)]
		switch {
		case h == "":
			continue
		case len(cols) > 1:
			if cols[0] == i {
				why[i] = fmt.Sprintf("occurs %d times in the header (columns %s); rename all but one to map it", len(cols), columnNumbers(cols))
			}
			continue
		case len(yamlScalar(h)) > maxKeyLen:
			why[i] = "too long to be a key in a mapping file"
			continue
		}
		hm, named := matchHeader(h, idx)
		matches[i] = &headerMatched{hm, named}
	}

	// The candidates of every column for ep, and why each column that
	// has none has none.
	candidatesFor := func(ep endpoint) ([]candidate, []string) {
		var cands []candidate
		whyNot := slices.Clone(why)
		for i, m := range matches {
			if m == nil {
				continue
			}
			cs, reason := columnCandidates(ep, i, clean[i], m.hm, m.named, sniff(column(rows, i), now))
			for _, c := range cs {
				if fieldName(ep, c.id, c.utm) != "" {
					cands = append(cands, c)
				} else if reason == "" {
					reason = fmt.Sprintf("it would fill %s (%s: %s), but %s leads have no such field", otherName(c.id), c.conf, c.why, ep)
				}
			}
			whyNot[i] = reason
		}
		return cands, whyNot
	}
	ep, by := proposeEndpoint(clean, matches)
	given, ok := endpointOf(named)
	if ok && named != "" {
		ep, by = given, nil
	}
	cands, whyNot := candidatesFor(ep)
	if len(by) > 0 {
		// A header decides only for a column its values let be placed: a
		// GDPR column of ticks, not dates, is no consent date.
		by = slices.DeleteFunc(by, func(h string) bool {
			i := slices.Index(clean, h)
			return !slices.ContainsFunc(cands, func(c candidate) bool { return c.col == i })
		})
		if len(by) == 0 {
			ep, by = epFinalPrice, nil
			cands, whyNot = candidatesFor(ep)
		}
	}
	why = whyNot
	p.Endpoint, p.EndpointBy = ep.String(), by

	placed := assign(ep, cands, clean, why)
	preferFirstAndLast(ep, placed, clean, why)

	for i, h := range clean {
		switch {
		case placed[i] != nil:
			p.Lines = append(p.Lines, ProposedColumn{Header: h, Field: fieldName(ep, placed[i].id, placed[i].utm),
				Confidence: placed[i].conf.String(), Why: placed[i].why})
		case why[i] != "":
			p.Unplaced = append(p.Unplaced, h)
			p.UnplacedWhy = append(p.UnplacedWhy, why[i])
		}
	}
	return p
}

// maxKeyLen keeps a header within what YAML allows an implicit key (1024
// characters), with room to spare.
const maxKeyLen = 1000

// sampleOf picks the rows Propose reads: the first sampleRows that hold
// anything, since a blank line says nothing about a column.
func sampleOf(samples [][]string) [][]string {
	var rows [][]string
	for _, r := range samples {
		if len(rows) == sampleRows {
			break
		}
		if slices.ContainsFunc(r, func(c string) bool { return strings.TrimSpace(c) != "" }) {
			rows = append(rows, r)
		}
	}
	return rows
}

func column(rows [][]string, i int) []string {
	values := make([]string, 0, len(rows))
	for _, r := range rows {
		if i < len(r) {
			values = append(values, r[i])
		}
	}
	return values
}

// assign gives each field to the surest column that wants it, taking the
// candidates surest first, first choices before second, and then in input
// order, so the same input always gets the same proposal. A column that
// loses its field to a surer one tries its next choice; one that loses
// them all gets a reason in why.
func assign(ep endpoint, cands []candidate, header []string, why []string) []*candidate {
	slices.SortStableFunc(cands, func(a, b candidate) int {
		if c := cmp.Compare(b.conf, a.conf); c != 0 {
			return c
		}
		if a.fallback != b.fallback {
			if a.fallback {
				return 1
			}
			return -1
		}
		return cmp.Compare(a.col, b.col)
	})
	type fieldKey struct {
		id  fieldID
		utm string
	}
	owner := map[fieldKey]int{}
	placed := make([]*candidate, len(header))
	for _, c := range cands {
		if placed[c.col] != nil {
			continue
		}
		if first, taken := owner[fieldKey{c.id, c.utm}]; taken {
			if _, second := owner[fieldKey{id: fEmail2}]; c.id == fEmail && !second {
				c.id = fEmail2
				c.why += fmt.Sprintf("; the second e-mail column, as %s has the first", quote(header[first]))
			} else {
				if why[c.col] == "" {
					why[c.col] = fmt.Sprintf("it would fill %s (%s: %s), but %s, as sure or surer, fills it",
						fieldName(ep, c.id, c.utm), c.conf, c.why, quote(header[first]))
				}
				continue
			}
		}
		owner[fieldKey{c.id, c.utm}] = c.col
		placed[c.col] = &c
		why[c.col] = ""
	}
	return placed
}

// preferFirstAndLast keeps a mapping Parse accepts: it gives the name
// either as a full name (person.fullName) or as a first and a last name.
// With both first and last name columns, those win: they need no
// splitting. With only one of them, the full name wins, since a lead
// needs both. The fields are named as ep names them.
func preferFirstAndLast(ep endpoint, placed []*candidate, header []string, why []string) {
	find := func(id fieldID) int {
		return slices.IndexFunc(placed, func(c *candidate) bool { return c != nil && c.id == id })
	}
	full, first, last := find(fFullName), find(fFirstName), find(fLastName)
	if full < 0 {
		return
	}
	switch {
	case first >= 0 && last >= 0:
		why[full] = fmt.Sprintf("it would fill %s (%s: %s), but %s and %s give the first and last name, which need no splitting",
			fFullName.nameIn(ep), placed[full].conf, placed[full].why, quote(header[first]), quote(header[last]))
		placed[full] = nil
	case first >= 0 || last >= 0:
		one := max(first, last)
		why[one] = fmt.Sprintf("it would fill %s (%s: %s), but %s gives the full name, and a mapping takes either a full name or both a first and a last name",
			placed[one].id.nameIn(ep), placed[one].conf, placed[one].why, quote(header[full]))
		placed[one] = nil
	}
}

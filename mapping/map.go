package mapping

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"leadimport/importer/msg"
)

// origin records where a field's value came from on one row, so that a
// problem found later (by FinalPriceWatched.Check) names the cell.
type origin struct {
	filled   bool
	slot     int
	fromCell bool
	raw      string // as written
}

// extras holds a lead's optional parts, and room for the row's changes, in
// one allocation instead of five.
type extras struct {
	addr Address
	mail Email
	tel  Telephone
	mkt  Marketing
	chg  [4]Change // room for a row's changes
}

// extrasUTM is extras with room for UTM tags, for a mapping that has
// some: without them a row's allocation is a quarter smaller (480 bytes
// instead of 640), and the collector has that much less to do.
type extrasUTM struct {
	extras
	utm [4]UtmTag
}

// Mapped is one row as a lead, with what Map found on the way.
type Mapped struct {
	Lead Lead
	// Problems are what is wrong with the row: a lead with any is not fit
	// to send.
	Problems []Problem
	// Warnings are values accepted as they are that look wrong all the
	// same (a mail domain one letter from gmail.com, a person over 110),
	// and the invalid values of lenient fields, left out of the lead
	// (their Message is a msg.LeftOut).
	Warnings []Problem
	// Changes are the cells whose values normalisation altered, and those
	// taken as empty, in the input's column order.
	Changes []Change
}

// Change is a cell's value that normalisation altered on its way into
// the lead, or a cell taken as empty because it holds one of the texts
// that mean so ("-", "saknas"): then To is "". Surrounding spaces are
// trimmed without a Change: nobody sees them in a spreadsheet.
type Change struct {
	Column string // the input header
	Field  string // the mapping field name
	From   string // as written, trimmed
	To     string // as sent; "" for a cell taken as empty
	// SentAs is the field To was sent as when it is not the column's
	// own: a landline moved from the mobile column (normalize phone.cell:
	// move) is sent as person.telephone.home.
	SentAs string
	col    int
}

// String reads as the report's changes column does in English:
// "Mobil: 070-123 45 67 → +46701234567", `Mobil: "-" → empty`.
func (c Change) String() string { return c.In(msg.English) }

// In reads as the report's changes column does in l:
// `Mobil: "-" → tomt` in Swedish.
func (c Change) In(l msg.Lang) string { return string(c.AppendText(nil, l)) }

// AppendText appends the change as In says it to b. Values are written
// as they are, but a cell taken as empty is quoted, so that a lone "."
// or "-" stands out as what was written, and what it became is l's word
// for empty (msg.Emptied): the only word in the changes column.
func (c Change) AppendText(b []byte, l msg.Lang) []byte {
	b = append(b, c.Column...)
	b = append(b, ": "...)
	if c.To == "" {
		b = strconv.AppendQuote(b, c.From)
		b = append(b, " → "...)
		return append(b, l.Say(msg.Emptied{})...)
	}
	b = append(b, c.From...)
	b = append(b, " → "...)
	b = append(b, c.To...)
	if c.SentAs != "" {
		b = append(b, " ("...)
		b = append(b, l.Say(msg.SentAs{Field: c.SentAs})...)
		b = append(b, ')')
	}
	return b
}

// row is Map's work on one row.
type row struct {
	Mapped
	mp   *Mapper
	ext  *extras
	utm  *[4]UtmTag // room for UTM tags, beside ext when the mapping has any
	text *textArena // where the values it makes are written: Scratch's, or nil
	from [numFields]origin
	bad  [numFields]bool // a problem was reported for the field already
	// leftContact: a lenient e-mail address or phone was left out, so
	// the row may have none left.
	leftContact bool
	// landline is the mobile column's number when it is no mobile and
	// normalize phone.cell says move: moveLandline sends it as the home
	// number once every cell is read, if the row has none.
	landline struct {
		o    origin
		v    string
		kind msg.PhoneKind
	}
}

// Map turns one row's cells into a lead, lists every problem with it and
// every value it changed. cells may be shorter than the header: missing
// cells are empty, and so are cells that hold only a text that means
// empty ("-", "saknas": input.empty), which Map lists as changes.
func (mp *Mapper) Map(cells []string) Mapped { return mp.mapRow(cells, nil) }

// Scratch is memory that MapInto uses again from one row to the next.
type Scratch struct {
	e    extrasUTM
	in   Interest
	text textArena
	// empty has a bit set for each column of the row last mapped whose
	// cell is empty, or means so, as Tally counts it (Tally.AddMapped).
	empty []uint64
}

// MapInto is Map, with the lead's optional parts (address, e-mail,
// telephone, marketing) and the row's first changes in scratch instead of
// an allocation of their own: what it returns points into scratch, and
// holds only until scratch is used again. For a caller that keeps nothing
// of a row's mapping past the row, or copies what it keeps
// (Mapped.AppendBinary).
func (mp *Mapper) MapInto(cells []string, scratch *Scratch) Mapped { return mp.mapRow(cells, scratch) }

func (mp *Mapper) mapRow(cells []string, scratch *Scratch) Mapped {
	r := row{mp: mp}
	if scratch != nil {
		scratch.e = extrasUTM{}
		r.ext = &scratch.e.extras
		r.text = &scratch.text
		if mp.utmTags > 0 {
			r.utm = &scratch.e.utm
		}
	}
	r.Lead.Endpoint = mp.endpoint
	if mp.ep == epInterest {
		if scratch != nil {
			scratch.in = Interest{}
			r.Lead.Interest = &scratch.in
		} else {
			r.Lead.Interest = new(Interest)
		}
	}
	var empty []uint64
	if scratch != nil {
		empty = append(scratch.empty[:0], make([]uint64, (len(cells)+63)/64)...)
		scratch.empty = empty
	}
	for i := range mp.slots {
		s := &mp.slots[i]
		raw, v, fromCell := s.value(cells)
		if fromCell && len(v) <= mp.emptyLen && mp.meansEmpty(v) {
			// Empty for every field, as a blank cell is: a constant
			// stands in.
			r.changed(origin{slot: i, fromCell: true}, v, "")
			raw, v, fromCell = s.fixed, s.fixed, false
		}
		if !fromCell && !s.isSet && s.col >= 0 && s.col < len(cells) && empty != nil {
			empty[s.col/64] |= 1 << (s.col % 64)
		}
		if v == "" {
			continue
		}
		r.fill(i, origin{filled: true, slot: i, fromCell: fromCell, raw: raw}, v)
	}
	r.moveLandline()
	r.rowRules()
	r.check()
	return r.Mapped
}

// value is the slot's value on a row, as written and trimmed: a --set,
// else a non-empty cell, else the constant (trimmed already).
func (s *slot) value(cells []string) (raw, trimmed string, fromCell bool) {
	if !s.isSet && s.col >= 0 && s.col < len(cells) {
		if c := cells[s.col]; c != "" {
			if v := trimSpace(c); v != "" {
				return c, v, true
			}
		}
	}
	return s.fixed, s.fixed, false
}

// meansEmpty reports whether v, a trimmed cell, is one of the texts
// that mean an empty cell. Callers ask only for a cell no longer than
// the longest of them, so that an ordinary value costs a comparison of
// lengths, and a short one (Bo, Ek, OBJ1) a look at its first byte.
func (mp *Mapper) meansEmpty(v string) bool {
	if v == "" || !mp.emptyFirst[v[0]] {
		return false
	}
	for _, t := range mp.empty {
		if strings.EqualFold(v, t) {
			return true
		}
	}
	return false
}

func (r *row) problem(o origin, m msg.Message) {
	r.Problems = append(r.Problems, r.about(o, m))
	r.bad[r.mp.slots[o.slot].id] = true
}

// about is m about the value o gave: its field, its value, and its
// column when a cell gave it.
func (r *row) about(o origin, m msg.Message) Problem {
	s := &r.mp.slots[o.slot]
	p := Problem{Field: s.field, Value: o.raw, Message: m}
	if o.fromCell {
		p.Column = s.header
	}
	return p
}

func (r *row) fill(i int, o origin, v string) {
	s := &r.mp.slots[i]
	if s.fixedReady && !o.fromCell {
		r.from[s.id] = o
		r.set(s.id, s.fixedOut)
		return
	}
	person := r.Lead.Person()
	if s.kind.mayHoldControls() {
		if at := controlAt(v); at >= 0 {
			r.control(o, msg.ControlCharacter{Code: rune(v[at])})
			return
		}
	}
	switch s.id {
	case fFullName:
		first, last, wrong := splitFullName(normalizeName(v))
		if wrong != nil {
			r.problem(o, wrong)
			r.bad[fFirstName], r.bad[fLastName] = true, true
			return
		}
		person.FirstName, person.LastName = first, last
		r.from[fFirstName], r.from[fLastName] = o, o
		r.changed(o, v, first+" "+last)
		return
	case fSSN:
		r.from[fSSN] = o
		person.SocialSecurityNumber = v
		if person.IsForeignSocialSecurityNumber {
			return
		}
		pn, err := ParsePersonnummer(v, r.mp.now)
		if err != nil {
			if r.leaveOut(o, msg.Of(err)) {
				person.SocialSecurityNumber = ""
				return
			}
			r.problem(o, msg.Of(err))
			return
		}
		switch r.mp.norm.SocialSecurityNumber {
		case formatKeep: // as written, now that it is known to be valid
		case ssnShort:
			person.SocialSecurityNumber = pn.Short(r.mp.now)
		default:
			var long [13]byte
			person.SocialSecurityNumber = r.text.string(pn.appendLong(long[:0]))
		}
		if age := pn.Age(r.mp.now); age > oldestLikely {
			r.warn(o, msg.BornLongAgo{Year: pn.Year, Age: age})
		}
		r.changed(o, v, person.SocialSecurityNumber)
		return
	case fUTM:
		m := r.marketing()
		if m.UtmTags == nil && r.mp.utmTags > len(r.utm) {
			m.UtmTags = make([]UtmTag, 0, r.mp.utmTags)
		} else if m.UtmTags == nil {
			m.UtmTags = r.utm[:0]
		}
		m.UtmTags = append(m.UtmTags, UtmTag{Name: s.utm, Value: v})
		return
	}
	r.from[s.id] = o
	out, wrong := normalize(s.kind, v, r.mp.norm, r.mp.now, r.text)
	if wrong != nil {
		wrong = r.mp.ep.inVocabulary(wrong)
		if !r.leaveOut(o, wrong) {
			r.problem(o, wrong)
			if !s.kind.isNumber() { // a JSON number it is not
				r.set(s.id, out)
			}
		}
		return
	}
	if s.kind == kindEmail {
		if fix, ok := mailDomainTypo(out); ok {
			r.warn(o, msg.MailDomainTypo{Address: out, Likely: fix})
		}
	}
	r.changed(o, v, out)
	r.set(s.id, out)
	if s.id == fCell {
		r.cellKind(o, v)
	}
}

// cellKind warns of a Swedish number in the mobile column that the
// numbering plan says is no mobile (a landline, a toll-free number), as
// an agent who texts it would find; with normalize phone.cell: move, it
// leaves it to moveLandline instead, but for a 075 number, which may be a
// mobile.
func (r *row) cellKind(o origin, v string) {
	kind, ok := cellNotMobile(v)
	switch {
	case !ok || !o.fromCell:
	case r.mp.norm.PhoneCell == cellMove && kind != msg.PersonalNumber:
		r.landline.o, r.landline.v, r.landline.kind = o, v, kind
	default:
		r.warn(o, msg.CellNotMobile{Kind: kind})
	}
}

// moveLandline sends the mobile column's landline as the home number,
// shown in the changes, when the row has no home number; else it stays
// where it is, with cellKind's warning.
func (r *row) moveLandline() {
	l := &r.landline
	if !l.o.filled {
		return
	}
	tel := r.Lead.Person().Telephone
	if tel == nil || tel.Home != "" || r.bad[fHome] || r.bad[fCell] {
		r.warn(l.o, msg.CellNotMobile{Kind: l.kind, HomeTaken: true})
		return
	}
	out := tel.Cell
	r.unset(fCell)
	r.set(fHome, out)
	r.from[fHome] = l.o
	home := fHome.nameIn(r.mp.ep)
	for i := range r.Changes {
		if c := &r.Changes[i]; c.col == r.mp.slots[l.o.slot].col && c.Field == r.mp.slots[l.o.slot].field {
			c.SentAs = home
			return
		}
	}
	r.addChange(l.o, l.v, out, home) // written as sent: no change until now
}

// control makes a value with a control character a problem of the row,
// or leaves it out of a lenient field: no field sends one.
func (r *row) control(o origin, wrong msg.Message) {
	switch id := r.mp.slots[o.slot].id; {
	case id == fFullName:
		r.problem(o, wrong)
		r.bad[fFirstName], r.bad[fLastName] = true, true
	case !r.leaveOut(o, wrong):
		r.from[id] = o
		r.problem(o, wrong)
	}
}

// oldestLikely is the age above which a personnummer gets a warning: a
// lead that old is more likely a wrong century (a - written for a +, or
// the other way round) than a buyer.
const oldestLikely = 110

// changed notes that a cell's value v (trimmed) is sent as out.
func (r *row) changed(o origin, v, out string) {
	if !o.fromCell || v == out {
		return
	}
	r.addChange(o, v, out, "")
}

// addChange lists the change of o's cell from v to out, sent as sentAs
// ("": as its column's field), in the order of the columns.
func (r *row) addChange(o origin, v, out, sentAs string) {
	s := &r.mp.slots[o.slot]
	if r.Changes == nil {
		r.Changes = r.extras().chg[:0]
	}
	c := Change{Column: s.header, Field: s.field, From: v, To: out, SentAs: sentAs, col: s.col}
	i := len(r.Changes)
	for i > 0 && r.Changes[i-1].col > s.col {
		i--
	}
	if i == len(r.Changes) {
		r.Changes = append(r.Changes, c) // the usual case: columns in field order
		return
	}
	r.Changes = slices.Insert(r.Changes, i, c)
}

// leaveOut leaves the invalid value o gave out of the lead, with a
// warning that says what is wrong with it, when its field is lenient; it
// reports false for a strict field, whose invalid value is a problem of
// the row. The value must not be in the lead yet, or be taken out.
func (r *row) leaveOut(o origin, wrong msg.Message) bool {
	id := r.mp.slots[o.slot].id
	if !r.mp.lenient[id] {
		return false
	}
	r.warn(o, msg.LeftOut{Problem: wrong})
	r.leftContact = r.leftContact || id.isContact()
	return true
}

// restoreContacts makes the e-mail addresses and phones left out the
// row's problems again: lenient leaves a value out only as long as the
// row keeps a way to reach the person, and a row without one is invalid
// for the values it had, as it would be with the fields strict.
func (r *row) restoreContacts() {
	kept := r.Warnings[:0]
	for _, w := range r.Warnings {
		left, ok := w.Message.(msg.LeftOut)
		id, known := lookupFieldName(r.mp.ep, w.Field)
		if ok && known && id.isContact() {
			w.Message = left.Problem
			r.Problems = append(r.Problems, w)
			r.bad[id] = true
			continue
		}
		kept = append(kept, w)
	}
	r.Warnings = kept
	if len(kept) == 0 {
		r.Warnings = nil
	}
}

// warn notes something that looks wrong with a value that is sent all the
// same.
func (r *row) warn(o origin, m msg.Message) {
	r.Warnings = append(r.Warnings, r.about(o, m))
}

// set puts a normalised value into the lead.
func (r *row) set(id fieldID, v string) {
	b, in := &r.Lead.Body, r.Lead.Interest
	p := r.Lead.Person()
	switch id {
	case fCustomerID:
		r.Lead.CustomerID = v
	case fEstateID:
		r.Lead.EstateID = v
	case fStatus:
		if in != nil {
			in.Status = v
		} else {
			b.ProspectiveBuyerStatus = v
		}
	case fLeadSource:
		if in != nil {
			in.LeadSourceID = v
		} else {
			b.LeadSourceID = v
		}
	case fMessage:
		if in != nil {
			in.ContactMessage = v
		} else {
			b.Message = v
		}
	case fAssignmentSource:
		in.AssignmentSourceID = v
	case fConsentDate:
		in.GDPRApprovalDate = v
	case fEstateType:
		r.accommodation().EstateType = v
	case fLivingSpace:
		r.accommodation().LivingSpace = json.Number(v)
	case fRooms:
		r.accommodation().NumberOfRooms = json.Number(v)
	case fPrice:
		r.accommodation().Price = json.Number(v)
	case fHomeOther:
		r.accommodation().Other = v
	case fReferrer:
		r.marketing().Referrer = v
	case fFirstName:
		p.FirstName = v
	case fLastName:
		p.LastName = v
	case fForeign:
		p.IsForeignSocialSecurityNumber = v == "true"
	case fStreet:
		r.address().StreetAddress = v
	case fZip:
		r.address().ZipCode = v
	case fCity:
		r.address().City = v
	case fEmail:
		r.email().EmailAddress = v
	case fEmail2:
		r.email().EmailAddress2 = v
	case fHome:
		r.telephone().Home = v
	case fWork:
		r.telephone().Work = v
	case fCell:
		r.telephone().Cell = v
	case fOther:
		r.telephone().Other = v
	}
}

// unset takes a value out of the lead again, and the part of the body
// that holds it when nothing else is left there: Connect gets no empty
// objects.
func (r *row) unset(id fieldID) {
	p := r.Lead.Person()
	if id == fSSN {
		p.SocialSecurityNumber = ""
		return
	}
	r.set(id, "")
	if p.Address != nil && *p.Address == (Address{}) {
		p.Address = nil
	}
	if p.Email != nil && *p.Email == (Email{}) {
		p.Email = nil
	}
	if p.Telephone != nil && *p.Telephone == (Telephone{}) {
		p.Telephone = nil
	}
	if in := r.Lead.Interest; in != nil {
		if a := in.PresentAccommodation; a != nil && *a == (Accommodation{}) {
			in.PresentAccommodation = nil
		}
	}
	if mk := r.Lead.marketing(); *mk != nil && (*mk).Referrer == "" && len((*mk).UtmTags) == 0 {
		*mk = nil
	}
}

func (r *row) extras() *extras {
	switch {
	case r.ext != nil:
	case r.mp.utmTags > 0:
		e := new(extrasUTM)
		r.ext, r.utm = &e.extras, &e.utm
	default:
		r.ext = new(extras)
	}
	return r.ext
}

func (r *row) address() *Address {
	p := r.Lead.Person()
	if p.Address == nil {
		p.Address = &r.extras().addr
	}
	return p.Address
}

func (r *row) email() *Email {
	p := r.Lead.Person()
	if p.Email == nil {
		p.Email = &r.extras().mail
	}
	return p.Email
}

func (r *row) telephone() *Telephone {
	p := r.Lead.Person()
	if p.Telephone == nil {
		p.Telephone = &r.extras().tel
	}
	return p.Telephone
}

func (r *row) marketing() *Marketing {
	mk := r.Lead.marketing()
	if *mk == nil {
		*mk = &r.extras().mkt
	}
	return *mk
}

// accommodation is an interest registration's present accommodation,
// made when the row gives a first value of it: few rows do.
func (r *row) accommodation() *Accommodation {
	in := r.Lead.Interest
	if in.PresentAccommodation == nil {
		in.PresentAccommodation = new(Accommodation)
	}
	return in.PresentAccommodation
}

// rowRules are the rules Check does not know: where the lead goes, and a
// full name that is missing as a whole.
func (r *row) rowRules() {
	mp := r.mp
	if i := mp.byField[fFullName]; i >= 0 && !r.bad[fFullName] &&
		!r.from[fFirstName].filled && !r.from[fLastName].filled {
		r.Problems = append(r.Problems, r.unfilled(int(i), msg.Required{}))
		r.bad[fFirstName], r.bad[fLastName] = true, true
	}
	if r.Lead.CustomerID == "" {
		r.Problems = append(r.Problems, r.unfilled(int(mp.byField[fCustomerID]), msg.NoCustomerID{}))
	}
	if r.Lead.EstateID == "" {
		r.Problems = append(r.Problems, r.unfilled(int(mp.byField[fEstateID]), msg.NoEstateID{}))
	}
}

// unfilled is a problem with the field of slot i, which has no value on
// this row; i may be -1 when nothing maps the field.
func (r *row) unfilled(i int, m msg.Message) Problem {
	if i < 0 {
		return Problem{Message: m}
	}
	s := &r.mp.slots[i]
	p := Problem{Field: s.field, Message: m}
	if s.col >= 0 {
		p.Column = s.header
	}
	return p
}

// check applies Connect's documented rules to the normalised body and
// points each problem at the cell that filled the field. Fields that
// already have a problem are skipped: one thing wrong, one message. A
// lenient field's value that breaks a rule (a street over 68
// characters) is left out instead, as long as the row keeps an e-mail
// address or a phone.
func (r *row) check() {
	for _, p := range r.Lead.Check() {
		if _, ok := p.Message.(msg.NoContact); ok && r.leftContact {
			continue // the values left out are the problems: below
		}
		id, ok := lookupFieldName(r.mp.ep, p.Field)
		if !ok {
			r.Problems = append(r.Problems, p)
			continue
		}
		if r.bad[id] {
			continue
		}
		o := r.from[id]
		if !o.filled {
			i := r.mp.byField[id]
			if i < 0 && (id == fFirstName || id == fLastName) {
				i = r.mp.byField[fFullName]
			}
			q := r.unfilled(int(i), p.Message)
			if q.Field == "" {
				q.Field = p.Field
			}
			r.Problems = append(r.Problems, q)
			continue
		}
		if r.mp.lenient[id] {
			r.unset(id)
			r.leaveOut(o, p.Message)
			continue
		}
		s := &r.mp.slots[o.slot]
		m := p.Message
		if s.id == fFullName && id == fFirstName {
			m = msg.FirstName{Problem: m}
		} else if s.id == fFullName {
			m = msg.LastName{Problem: m}
		}
		q := Problem{Field: s.field, Value: o.raw, Message: m}
		if o.fromCell {
			q.Column = s.header
		}
		r.Problems = append(r.Problems, q)
	}
	if r.leftContact && !r.Lead.Person().hasContact() {
		r.restoreContacts()
	}
}

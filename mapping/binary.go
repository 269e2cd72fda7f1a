package mapping

import (
	"encoding/binary"
	"encoding/json"
	"errors"
)

// A clean row's mapping (a lead without problems or warnings, and the
// changes made on its way) can be kept in binary and read back, so that
// a run maps each row once: as it reads the input ahead, keeping what it
// mapped with the row until the row is sent (importer's spool). A row
// with problems or warnings is not kept so: their messages are of many
// kinds, and such rows are few; they are mapped again.

// ErrNotClean: AppendBinary was asked to keep a row with problems or
// warnings.
var ErrNotClean = errors.New("mapping: only a clean row's mapping is kept in binary")

// Clean reports whether m has neither problems nor warnings.
func (m *Mapped) Clean() bool { return len(m.Problems) == 0 && len(m.Warnings) == 0 }

// AppendBinary appends m, which must be Clean, to b.
func (m *Mapped) AppendBinary(b []byte) ([]byte, error) {
	if !m.Clean() {
		return b, ErrNotClean
	}
	// The changes come first, after their size in bytes: a check reads
	// only them (UnmarshalChanges).
	b = binary.AppendUvarint(b, uint64(m.changesSize()))
	b = binary.AppendUvarint(b, uint64(len(m.Changes)))
	for _, c := range m.Changes {
		b = appendStrings(b, c.Column, c.Field, c.From, c.To, c.SentAs)
		b = binary.AppendUvarint(b, uint64(c.col))
	}
	l := &m.Lead
	p := l.Person()
	b = appendStrings(b, l.Endpoint, l.CustomerID, l.EstateID, p.FirstName, p.LastName, p.SocialSecurityNumber)
	b = appendBool(b, p.IsForeignSocialSecurityNumber)
	if b = appendBool(b, p.Address != nil); p.Address != nil {
		b = appendStrings(b, p.Address.StreetAddress, p.Address.ZipCode, p.Address.City)
	}
	if b = appendBool(b, p.Email != nil); p.Email != nil {
		b = appendStrings(b, p.Email.EmailAddress, p.Email.EmailAddress2)
	}
	if b = appendBool(b, p.Telephone != nil); p.Telephone != nil {
		t := p.Telephone
		b = appendStrings(b, t.Home, t.Work, t.Cell, t.Other)
	}
	if in := l.Interest; in != nil {
		b = appendBool(b, true)
		b = appendStrings(b, in.Status, in.LeadSourceID, in.ContactMessage, in.AssignmentSourceID, in.GDPRApprovalDate)
		if a := in.PresentAccommodation; a != nil {
			b = appendBool(b, true)
			b = appendStrings(b, a.EstateType, string(a.LivingSpace), string(a.NumberOfRooms), string(a.Price), a.Other)
		} else {
			b = appendBool(b, false)
		}
	} else {
		b = appendBool(b, false)
		b = appendStrings(b, l.Body.ProspectiveBuyerStatus, l.Body.LeadSourceID, l.Body.Message)
	}
	if mk := l.Marketing(); mk != nil {
		b = appendBool(b, true)
		b = appendStrings(b, mk.Referrer)
		b = binary.AppendUvarint(b, uint64(len(mk.UtmTags)))
		for _, t := range mk.UtmTags {
			b = appendStrings(b, t.Name, t.Value)
		}
	} else {
		b = appendBool(b, false)
	}
	return b, nil
}

// UnmarshalBinary reads into m what AppendBinary wrote, replacing what m
// held. The strings share one copy of data.
func (m *Mapped) UnmarshalBinary(data []byte) error {
	*m = Mapped{}
	d := binDecoder{s: string(data)}
	if size := d.count(); d.err == nil {
		end := len(d.s) - size
		m.Changes = readChanges(&d)
		if d.err == nil && len(d.s) != end {
			d.err = errBinary
		}
	}
	l := &m.Lead
	// The person is in an interest registration's body when there is one,
	// which is said after it: read it here, and move it there.
	p := &l.Body.Person
	d.strings(&l.Endpoint, &l.CustomerID, &l.EstateID, &p.FirstName, &p.LastName, &p.SocialSecurityNumber)
	p.IsForeignSocialSecurityNumber = d.bool()
	if d.bool() {
		p.Address = &Address{}
		d.strings(&p.Address.StreetAddress, &p.Address.ZipCode, &p.Address.City)
	}
	if d.bool() {
		p.Email = &Email{}
		d.strings(&p.Email.EmailAddress, &p.Email.EmailAddress2)
	}
	if d.bool() {
		t := &Telephone{}
		d.strings(&t.Home, &t.Work, &t.Cell, &t.Other)
		p.Telephone = t
	}
	if d.bool() {
		in := &Interest{Person: *p}
		l.Body.Person = Person{}
		d.strings(&in.Status, &in.LeadSourceID, &in.ContactMessage, &in.AssignmentSourceID, &in.GDPRApprovalDate)
		if d.bool() {
			a := &Accommodation{}
			var space, rooms, price string
			d.strings(&a.EstateType, &space, &rooms, &price, &a.Other)
			a.LivingSpace, a.NumberOfRooms, a.Price = json.Number(space), json.Number(rooms), json.Number(price)
			in.PresentAccommodation = a
		}
		l.Interest = in
	} else {
		d.strings(&l.Body.ProspectiveBuyerStatus, &l.Body.LeadSourceID, &l.Body.Message)
	}
	if d.bool() {
		mk := &Marketing{}
		d.strings(&mk.Referrer)
		if n := d.count(); n > 0 {
			mk.UtmTags = make([]UtmTag, n)
			for i := range mk.UtmTags {
				d.strings(&mk.UtmTags[i].Name, &mk.UtmTags[i].Value)
			}
		}
		*l.marketing() = mk
	}
	if d.err == nil && d.s != "" {
		d.err = errBinary
	}
	return d.err
}

// UnmarshalChanges reads only the changes of what AppendBinary wrote:
// all that a check's report shows of a clean row.
func UnmarshalChanges(data []byte) ([]Change, error) {
	size, n := binary.Uvarint(data)
	if n <= 0 || size > uint64(len(data)-n) {
		return nil, errBinary
	}
	d := binDecoder{s: string(data[n : n+int(size)])}
	changes := readChanges(&d)
	if d.err == nil && d.s != "" {
		d.err = errBinary
	}
	return changes, d.err
}

func readChanges(d *binDecoder) []Change {
	n := d.count()
	if n == 0 || d.err != nil {
		return nil
	}
	changes := make([]Change, n)
	for i := range changes {
		c := &changes[i]
		d.strings(&c.Column, &c.Field, &c.From, &c.To, &c.SentAs)
		c.col = int(d.uvarint())
	}
	return changes
}

// changesSize is how many bytes AppendBinary writes of m's changes.
func (m *Mapped) changesSize() int {
	n := uvarintLen(uint64(len(m.Changes)))
	for _, c := range m.Changes {
		for _, s := range [...]string{c.Column, c.Field, c.From, c.To, c.SentAs} {
			n += uvarintLen(uint64(len(s))) + len(s)
		}
		n += uvarintLen(uint64(c.col))
	}
	return n
}

func uvarintLen(v uint64) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

var errBinary = errors.New("mapping: a kept mapping that cannot be read back")

func appendStrings(b []byte, ss ...string) []byte {
	for _, s := range ss {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// binDecoder reads from s, failing once and for good at the first thing
// that is not there.
type binDecoder struct {
	s   string
	err error
}

func (d *binDecoder) uvarint() uint64 {
	var v uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		v |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.s = d.s[i+1:]
			return v
		}
	}
	d.err = errBinary
	return 0
}

// count is a length or a number of things still to read, which cannot
// be more than there are bytes left.
func (d *binDecoder) count() int {
	if d.err != nil {
		return 0
	}
	v := d.uvarint()
	if v > uint64(len(d.s)) {
		d.err = errBinary
		return 0
	}
	return int(v)
}

func (d *binDecoder) strings(out ...*string) {
	for _, o := range out {
		n := d.count()
		if d.err != nil || n > len(d.s) {
			d.err = errBinary
			return
		}
		*o, d.s = d.s[:n], d.s[n:]
	}
}

func (d *binDecoder) bool() bool {
	if d.err != nil || d.s == "" || d.s[0] > 1 {
		d.err = errBinary
		return false
	}
	v := d.s[0] == 1
	d.s = d.s[1:]
	return v
}

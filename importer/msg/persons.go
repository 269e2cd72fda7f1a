package msg

import (
	"fmt"
	"time"
)

// What the importer says of rows that are the same person but disagree
// on who that is, and of a lead sent before whose row has changed since.
// They name rows and fields, never a value: a message may reach the log,
// which holds no personal data.

// Identity is how two rows are taken for the same person, in the order
// Connect matches people: by personnummer (or a foreign number), else by
// e-mail address, else by name and phone number.
type Identity uint8

const (
	ByPersonnummer Identity = iota
	ByForeignNumber
	ByEmail
	ByNameAndPhone
	numIdentities
)

// PersonField is a part of a lead that two rows, or a row and the lead
// sent for it before, are compared on. The first four say who the lead
// is for; the others are what a lead sent before may have changed in.
type PersonField uint8

const (
	FieldName PersonField = iota
	FieldPersonnummer
	FieldEmail
	FieldPhone
	FieldAddress
	FieldMessage
	FieldOther
	numPersonFields
)

// SameButOther: the row is the same person as Row by Identity, but gives
// another Field: neither row is sent. Row 0: another row (WithoutRows).
type SameButOther struct {
	message
	Identity Identity
	Row      int
	Field    PersonField
}

// SameAsDisagreeing: the row is the same person by Identity as rows A
// and B, which give different values of Field: none of them is sent. A
// and B 0: other rows (WithoutRows).
type SameAsDisagreeing struct {
	message
	Identity Identity
	A, B     int
	Field    PersonField
}

// WithoutRows is m without the rows it names, to count rows by reason:
// rows that disagree with others are each a reason of their own, with
// their numbers. It returns false for a message that names no rows.
func WithoutRows(m Message) (Message, bool) {
	switch m := m.(type) {
	case SameButOther:
		m.Row = 0
		return m, true
	case SameAsDisagreeing:
		m.A, m.B = 0, 0
		return m, true
	}
	return m, false
}

// ChangedSinceSent: an earlier run sent a lead for the same person and
// estate, and the row has changed since in Fields (none: in parts of the
// lead not compared one by one).
type ChangedSinceSent struct {
	message
	At     time.Time // when, in the zone to show it in
	Run    int64
	Fields []PersonField
}

// words are an enumeration's words in one language; a value a language
// lacks shows as its number, never in another language's words (a test
// holds every language to every value).
func words[E ~uint8](e E, table []string) string {
	if int(e) < len(table) && table[e] != "" {
		return table[e]
	}
	return fmt.Sprintf("!(%T %d)", e, e)
}

// ComparingRows: the rows could not be compared for being the same
// person (the scratch file that holds what of them does not fit in
// memory failed).
type ComparingRows struct {
	message
	Err error
}

func (m ComparingRows) Cause() error { return m.Err }

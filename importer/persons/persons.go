// Package persons finds the rows of one input that are the same person,
// and whether they agree on who that is. It is given every valid row
// once, before anything is sent, and then says of each row, in input order,
// whether it repeats an earlier row (a duplicate, sent once) or disagrees
// with another row about the person both are for (a conflict: neither is
// sent, whichever comes first).
//
//	f := persons.New(dir)
//	for each valid row, in any order, from any goroutine:
//		f.Add(seq, rowNumber, &persons.Person{...}, sentBefore)
//	v, err := f.Verdicts() // every row added
//	defer v.Close()
//	for each row, in order:
//		verdict, err := v.At(seq)
//		verdict.Conflict: why the row is invalid; verdict.Duplicate: the row it repeats
//
// Two rows are the same person when they share a key: the personnummer
// (or a foreign number), the e-mail address, or the name and phone
// number, for the same endpoint, customer and estate. They agree when
// every field of who they are for (name, personnummer, e-mail address,
// phone number) is the same in both, or missing from one. A row that
// shares a key with a row it does not agree with is a conflict, and so
// is every row that shares that key: which of them is right is for a
// person to say. A row that agrees, and shares a key with an earlier
// row, is a duplicate of that row (of the earliest row of its strongest
// key that an earlier row had): a row that adds a personnummer to an
// e-mail address is the same person, and is not sent again.
//
// Memory does not grow with the rows: each row's keys go into an
// external sort (in memory up to a fixed count, beyond it into a scratch
// file that holds only hashes, encrypted under a key that never leaves
// the process, and is removed when done), and the rows sharing a key are
// found where the sorted keys meet.
package persons

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"sync"
	"unicode"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// Person is who one row's lead is for, as the mapping normalised it;
// "" for what the row does not give.
type Person struct {
	// Where the lead goes: the same person on another estate is another
	// lead.
	Endpoint, Customer, Estate string

	FirstName, LastName string
	Personnummer        string
	Foreign             bool // Personnummer is a foreign number, as written
	// Email and Phone are the address and the number the row would be
	// known by: its first e-mail address, and its first phone number of
	// mobile, home, work and other.
	Email, Phone string
}

// Key is one way of telling who a lead is for.
type Key struct {
	Identity msg.Identity
	Value    string // normalised: lower case; a phone number's digits
}

// Keys returns p's keys, strongest first, in the order Connect matches
// people: the personnummer (or foreign number), the e-mail address, the
// name and phone number. keys is room for them.
func (p *Person) Keys(keys *[3]Key) []Key {
	var buf [256]byte
	fm := p.form(buf[:0])
	var ids [3]msg.Identity
	ks := keys[:0]
	for _, k := range fm.keys(&ids) {
		ks = append(ks, Key{k, string(fm.appendKey(nil, k))})
	}
	return ks
}

// formed is a person in the forms its fields are compared in, one after
// another in buf; each field is a span of it, empty when not given. A
// name is in lower case with a hyphen for a space (Anna-Karin is anna
// karin), first name and last name with a 0 byte between; a
// personnummer as written (a foreign one in lower case, after a byte
// that says so); an e-mail address in lower case; a phone number as its
// digits (070-123 45 67 is 0701234567).
type formed struct {
	buf                     []byte
	name, ssn, email, phone span
	foreign                 bool
}

type span struct{ from, to int }

func (fm *formed) bytes(s span) []byte { return fm.buf[s.from:s.to] }

// form forms p into buf, which a caller keeps on its stack.
func (p *Person) form(buf []byte) formed {
	fm := formed{buf: buf, foreign: p.Foreign}
	mark := func() int { return len(fm.buf) }
	if p.FirstName != "" || p.LastName != "" {
		from := mark()
		fm.buf = appendName(fm.buf, p.FirstName)
		fm.buf = append(fm.buf, 0)
		fm.buf = appendName(fm.buf, p.LastName)
		fm.name = span{from, mark()}
	}
	if p.Personnummer != "" {
		from := mark()
		if p.Foreign {
			fm.buf = appendLower(append(fm.buf, 'f'), p.Personnummer)
		} else {
			fm.buf = append(append(fm.buf, 'p'), p.Personnummer...)
		}
		fm.ssn = span{from, mark()}
	}
	if p.Email != "" {
		from := mark()
		fm.buf = appendLower(fm.buf, p.Email)
		fm.email = span{from, mark()}
	}
	from := mark()
	for i := 0; i < len(p.Phone); i++ {
		if c := p.Phone[i]; '0' <= c && c <= '9' {
			fm.buf = append(fm.buf, c)
		}
	}
	fm.phone = span{from, mark()}
	return fm
}

// appendLower appends s in lower case; appendName as a name is compared.
func appendLower(dst []byte, s string) []byte { return appendFolded(dst, s, false) }
func appendName(dst []byte, s string) []byte  { return appendFolded(dst, s, true) }

func appendFolded(dst []byte, s string, name bool) []byte {
	// ASCII, most of what is folded (an e-mail address, a phone number,
	// many names), is folded in place by table; the rest from the first
	// byte that is not.
	lower := &asciiLower
	if name {
		lower = &nameLower
	}
	n := len(dst)
	dst = append(dst, s...)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return appendFoldedRest(dst[:n+i], s[i:], lower)
		}
		dst[n+i] = lower[c]
	}
	return dst
}

// asciiLower maps an ASCII byte to its lower case; nameLower a hyphen to
// a space too.
var asciiLower, nameLower = func() (a, n [utf8.RuneSelf]byte) {
	for c := range a {
		a[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			a[c] += 'a' - 'A'
		}
	}
	n = a
	n['-'] = ' '
	return a, n
}()

// appendFoldedRest is appendFolded from the first byte that is not
// ASCII on.
func appendFoldedRest(dst []byte, s string, lower *[utf8.RuneSelf]byte) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			dst = append(dst, lower[c])
			i++
		case c == 0xC3 && i+1 < len(s) && 0x80 <= s[i+1] && s[i+1] <= 0x9E && s[i+1] != 0x97:
			// À to Þ but ×, in UTF-8: Å, Ä, Ö and the rest of Latin-1's
			// capitals, whose lower case is 0x20 on.
			dst = append(dst, c, s[i+1]+0x20)
			i += 2
		default:
			r, n := utf8.DecodeRuneInString(s[i:]) // U+FFFD for a byte that is not UTF-8, as range says
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			i += n
		}
	}
	return dst
}

// keys are the kinds of key the person has, strongest first, in ids.
func (fm *formed) keys(ids *[3]msg.Identity) []msg.Identity {
	ks := ids[:0]
	switch {
	case fm.ssn.to == fm.ssn.from:
	case fm.foreign:
		ks = append(ks, msg.ByForeignNumber)
	default:
		ks = append(ks, msg.ByPersonnummer)
	}
	if fm.email.to > fm.email.from {
		ks = append(ks, msg.ByEmail)
	}
	if fm.phone.to > fm.phone.from {
		ks = append(ks, msg.ByNameAndPhone)
	}
	return ks
}

// appendKey appends the value of the person's key of kind k.
func (fm *formed) appendKey(dst []byte, k msg.Identity) []byte {
	switch k {
	case msg.ByPersonnummer, msg.ByForeignNumber:
		return append(dst, fm.bytes(fm.ssn)[1:]...)
	case msg.ByEmail:
		return append(dst, fm.bytes(fm.email)...)
	}
	return append(append(append(dst, fm.bytes(fm.name)...), 0), fm.bytes(fm.phone)...)
}

// compared are the fields two rows of one person must agree on, in the
// order a disagreement is named.
var compared = [numCompared]msg.PersonField{msg.FieldName, msg.FieldPersonnummer, msg.FieldEmail, msg.FieldPhone}

const numCompared = 4

// digests are a row's compared fields, each as a 32-bit hash (0: not
// given). Two values whose hashes are equal are taken as equal: one
// disagreement in some four billion goes unseen, and is then a
// duplicate, as every disagreement was before conflicts were looked for.
type digests [numCompared]uint32

// Finder finds the rows of one input that are the same person. Add may
// be called from several goroutines.
type Finder struct {
	seeds [3]maphash.Seed // two for a key's 128 bits, one for the fields

	mu       sync.Mutex
	spill    *spill
	mentions *sorter[mention]
	err      error
	// How many groups and verdicts are held in memory; tests lower them.
	groupsLimit, verdictsLimit int
}

// Memory: mentionsInMemory keys (384 KB, the keys of some 2,800 rows;
// twice that while a full buffer is sorted beside the next) before they
// go to the scratch file, and fewer of the rarer records that follow
// from them: the groups, the keys of their rows, the verdicts. The keys'
// buffers are made whole at once and held off the heap (offheap.go): on
// it, every MB held cost two of the peak, and a smaller heap made the
// collector pass more often. Twice as many keys save 1.3% of a check's
// instructions at 1,000,000 rows (fewer runs to merge), for 768 KB more.
const (
	mentionsInMemory = 1 << 13
	groupsInMemory   = 1 << 14
	verdictsInMemory = 1 << 16
)

// New returns a Finder whose scratch file, if it needs one, goes in dir
// ("": the system's directory for temporary files).
func New(dir string) *Finder {
	f := &Finder{spill: &spill{dir: dir}, groupsLimit: groupsInMemory, verdictsLimit: verdictsInMemory}
	for i := range f.seeds {
		f.seeds[i] = maphash.MakeSeed()
	}
	f.mentions = newSorter(&mentionCodec, mentionsInMemory, f.spill)
	f.mentions.background() // Add is called under f.mu: the sort is not
	return f
}

// mention is one key of one row.
type mention struct {
	id       id     // the key and where the lead goes, hashed
	seq      uint32 // the row's place in the input
	number   uint32 // the row's number, as the report shows it
	digests  digests
	identity msg.Identity
	rank     uint8 // the key's place among the row's, 0 the strongest: a row's verdicts are read strongest first
	sent     bool  // a report input says the row was sent
}

// Add records one valid row: seq is its place in the input (0 for the
// first row read), number its number as the report shows it, and
// sentBefore says a report input holds it as sent (it counts for the
// others but gets no verdict of its own).
func (f *Finder) Add(seq, number int, p *Person, sentBefore bool) error {
	var buf, kbuf [256]byte
	fm := p.form(buf[:0])
	var ids [3]msg.Identity
	keys := fm.keys(&ids)
	if len(keys) == 0 {
		return nil
	}
	// The key's hash covers where its lead goes, each part
	// length-prefixed, then the key's kind and value.
	scope := kbuf[:0]
	for _, part := range [...]string{p.Endpoint, p.Customer, p.Estate} {
		scope = binary.BigEndian.AppendUint32(scope, uint32(len(part)))
		scope = append(scope, part...)
	}
	var ms [3]mention
	d := f.digests(&fm)
	for i, k := range keys {
		key := fm.appendKey(append(scope, byte(k)), k)
		ms[i] = mention{id: id{maphash.Bytes(f.seeds[0], key), maphash.Bytes(f.seeds[1], key)},
			seq: uint32(seq), number: uint32(number), digests: d, identity: k, rank: uint8(i), sent: sentBefore}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	for i := range keys {
		if err := f.mentions.add(&ms[i]); err != nil {
			f.err = err
			return err
		}
	}
	return nil
}

// digests hashes the fields compared, in their forms.
func (f *Finder) digests(fm *formed) digests {
	var d digests
	for i, s := range [numCompared]span{fm.name, fm.ssn, fm.email, fm.phone} {
		if s.to > s.from {
			d[i] = uint32(maphash.Bytes(f.seeds[2], fm.bytes(s))) | 1 // never 0, which is "not given"
		}
	}
	return d
}

// Verdicts decides every row added, and returns them for reading in
// input order. No row may be added after.
func (f *Finder) Verdicts() (*Verdicts, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	defer f.mentions.release() // the keys' memory, whatever happens
	if f.err != nil {
		return nil, errors.Join(f.err, f.spill.close())
	}
	if err := f.mentions.finish(); err != nil {
		return nil, errors.Join(err, f.spill.close())
	}
	v, err := f.decide()
	if err != nil {
		return nil, errors.Join(err, f.spill.close())
	}
	return v, nil
}

// Close removes the scratch file of a Finder whose Verdicts were never
// asked for.
func (f *Finder) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	err := f.mentions.finish()
	f.mentions.release()
	return errors.Join(err, f.spill.close())
}

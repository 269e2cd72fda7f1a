package mapping

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// Options are what a run adds to its mapping file.
type Options struct {
	Sets map[string]string // from --set FIELD=VALUE on the command line
	Now  time.Time         // the run's date, for the century of 10-digit personnummer; zero means time.Now()
}

// Mapper turns rows of one input into leads. Bind has resolved every
// header to a column index, so Map only indexes slices. A Mapper is never
// changed after Bind: one may serve many goroutines.
type Mapper struct {
	ep       endpoint
	endpoint string // ep's name
	now      time.Time
	norm     Normalize
	slots    []slot // in fieldID order, UTM tags last in mapping order
	// empty are the texts that mean an empty cell; emptyLen is the
	// longest one's length in bytes and emptyFirst marks the bytes any of
	// them can start with, in any case, so that nearly every cell, longer
	// or starting otherwise, is compared with none.
	empty      []string
	emptyLen   int
	emptyFirst *[256]bool
	// lenient marks the optional fields whose invalid values are left
	// out of the lead with a warning instead of making the row invalid.
	lenient [numFields]bool
	// byField is the slot of each field, -1 when nothing gives it.
	byField [numFields]int8
	utmTags int
}

// slot is one field and where its value comes from on every row.
type slot struct {
	id     fieldID
	kind   kind   // how the endpoint takes the field's value
	field  string // the field's name, UTM tags with their NAME
	utm    string // the UTM tag's NAME
	col    int    // index in the row's cells, -1 when no column fills it
	header string // the input's header for col, as the input writes it
	fixed  string // the constant or --set value, trimmed; "" when none
	isSet  bool   // fixed came from --set and wins over the cell
	// fixedOut is fixed as Map puts it into the lead, when fixedReady:
	// normalised once here instead of on every row.
	fixedOut   string
	fixedReady bool
}

// prepare normalises the slot's constant or --set value once, when Map
// would make the same of it on every row without a problem or a
// warning: a value of a field Map fills by normalize alone, that holds
// no control character and is no mistyped mail domain.
func (s *slot) prepare(opt Normalize, now time.Time) {
	if s.fixed == "" {
		return
	}
	switch s.id {
	case fFullName, fSSN, fUTM:
		return // filled in their own ways
	}
	if s.kind.mayHoldControls() && controlAt(s.fixed) >= 0 {
		return
	}
	out, wrong := normalize(s.kind, s.fixed, opt, now, nil)
	if wrong != nil {
		return
	}
	if s.kind == kindEmail {
		if _, typo := mailDomainTypo(out); typo {
			return
		}
	}
	s.fixedOut, s.fixedReady = out, true
}

// Bind matches the mapping against an input's header (the cells of its
// header row) and returns the Mapper for that input's rows. Every problem
// is reported at once, as an *Error or several joined.
func (m *Mapping) Bind(header []string, opt Options) (*Mapper, error) {
	b := binder{parser: parser{m: m}, now: opt.Now}
	if b.now.IsZero() {
		b.now = time.Now()
	}
	mp := b.bind(header, opt.Sets)
	if err := b.err(); err != nil {
		return nil, err
	}
	return mp, nil
}

// binder collects Bind's errors the way parser collects Parse's.
type binder struct {
	parser
	now time.Time
	ep  endpoint
}

// setError notes what is wrong with a --set value, which has no file.
func (b *binder) setError(m msg.Message) {
	b.errs = append(b.errs, &Error{Message: m})
}

func (b *binder) bind(header []string, sets map[string]string) *Mapper {
	ep, _ := endpointOf(b.m.Endpoint) // Parse took only known ones
	b.ep = ep
	mp := &Mapper{ep: ep, endpoint: ep.String(), now: b.now, norm: b.m.Normalize, empty: b.m.Input.Empty}
	if mp.empty == nil {
		mp.empty = defaultEmpty
	}
	mp.emptyLen, mp.emptyFirst = emptyIndex(mp.empty)
	for id := range numFields {
		mp.lenient[id] = b.m.Validation.Lenient && !id.required()
	}
	for _, f := range b.m.Validation.Fields {
		if id, _, ok := lookupField(ep, f.Field); ok && !id.required() {
			mp.lenient[id] = f.Lenient
		}
	}
	index := map[string][]int{} // headerKey → positions in the input
	for i, h := range header {
		if k := headerKey(h); k != "" {
			index[k] = append(index[k], i)
		}
	}

	var slots []slot
	var given [numFields]bool // what the mapping and --set mean to give, bound or not
	find := func(id fieldID, utm string) *slot {
		for i := range slots {
			if slots[i].id == id && slots[i].utm == utm {
				return &slots[i]
			}
		}
		slots = append(slots, slot{id: id, kind: id.kindIn(ep), utm: utm, col: -1, field: fieldName(ep, id, utm)})
		return &slots[len(slots)-1]
	}

	for _, c := range b.m.Columns {
		id, utm, ok := lookupField(ep, c.Field)
		if !ok {
			b.add(c.Line, unknownField(ep, c.Field))
			continue
		}
		given[id] = true
		at := index[headerKey(c.Header)]
		switch len(at) {
		case 0:
			headers, hidden := listHeaders(header, b.m.Columns)
			b.add(c.Line, msg.ColumnNotInInput{Header: c.Header, Headers: headers, Hidden: hidden})
			continue
		case 1:
		default:
			b.add(c.Line, msg.ColumnTwiceInInput{Header: c.Header, Columns: countedFrom1(at)})
			continue
		}
		s := find(id, utm)
		s.col, s.header = at[0], header[at[0]]
	}
	for _, c := range b.m.Constants {
		id, utm, ok := lookupField(ep, c.Field)
		if !ok {
			b.add(c.Line, unknownField(ep, c.Field))
			continue
		}
		given[id] = true
		if _, set := sets[c.Field]; set {
			continue // --set gives the value, which is checked below
		}
		v := strings.TrimSpace(c.Value)
		if wrong := b.checkFixed(id, v); wrong != nil {
			b.add(c.Line, msg.BadConstant{Field: c.Field, Value: c.Value, Problem: wrong})
			continue
		}
		find(id, utm).fixed = v
	}
	for _, field := range slices.Sorted(maps.Keys(sets)) {
		value := sets[field]
		if field == "endpoint" {
			b.setError(msg.SetEndpoint{})
			continue
		}
		id, utm, ok := lookupField(ep, field)
		if !ok {
			b.setError(msg.SetValue{Field: field, Value: value, Problem: unknownField(ep, field)})
			continue
		}
		given[id] = true
		if id == fFullName {
			b.setError(msg.SetFullName{Field: field, First: fFirstName.nameIn(ep), Last: fLastName.nameIn(ep)})
			continue
		}
		v := strings.TrimSpace(value)
		if v == "" {
			b.setError(msg.SetEmpty{Field: field, Example: exampleValue(id)})
			continue
		}
		if wrong := b.checkFixed(id, v); wrong != nil {
			b.setError(msg.SetValue{Field: field, Value: value, Problem: wrong})
			continue
		}
		s := find(id, utm)
		s.fixed, s.isSet = v, true
	}

	// Map fills a lead in fieldID order; UTM tags keep their mapping order.
	slices.SortStableFunc(slots, func(a, b slot) int { return int(a.id) - int(b.id) })
	mp.slots = slots
	for i := range slots {
		slots[i].prepare(mp.norm, mp.now)
	}
	for i := range mp.byField {
		mp.byField[i] = -1
	}
	for i, s := range slots {
		if s.id == fUTM {
			mp.utmTags++
			continue
		}
		mp.byField[s.id] = int8(i)
	}
	b.required(&given)
	return mp
}

// emptyIndex is what lets Map pass over a cell that is none of the
// texts in empty quickly: their longest length in bytes, and the first
// bytes they can start with as strings.EqualFold matches them, every
// case of their first letter.
func emptyIndex(empty []string) (longest int, first *[256]bool) {
	first = new([256]bool)
	var buf [utf8.UTFMax]byte
	for _, t := range empty {
		longest = max(longest, len(t))
		r, _ := utf8.DecodeRuneInString(t)
		for f := r; ; {
			utf8.EncodeRune(buf[:], f)
			first[buf[0]] = true
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
	}
	return longest, first
}

// required reports the fields every row needs that nothing gives: such a
// mapping would fail every row, so it is better said once.
func (b *binder) required(given *[numFields]bool) {
	for _, id := range []fieldID{fCustomerID, fEstateID} {
		if !given[id] {
			b.add(0, msg.NotGiven{Field: id.nameIn(b.ep), Example: exampleValue(id)})
		}
	}
	has := func(ids ...fieldID) bool {
		return slices.ContainsFunc(ids, func(id fieldID) bool { return given[id] })
	}
	if !has(fFullName) {
		for _, id := range []fieldID{fFirstName, fLastName} {
			if !has(id) {
				b.add(0, msg.NothingGivesName{Field: id.nameIn(b.ep), FullName: fFullName.nameIn(b.ep)})
			}
		}
	}
	if !has(fEmail, fEmail2, fHome, fWork, fCell, fOther) {
		b.add(0, msg.NothingGivesContact{Email: fEmail.nameIn(b.ep), Cell: fCell.nameIn(b.ep)})
	}
}

// checkFixed checks a constant or --set value as Map would check a cell,
// so that a mistake in it is reported once instead of on every row.
func (b *binder) checkFixed(id fieldID, v string) msg.Message {
	switch k := id.kindIn(b.ep); k {
	case kindSSN:
		// Whether it must be Swedish depends on
		// person.isForeignSocialSecurityNumber, which a row may give.
		return nil
	default:
		_, wrong := normalize(k, v, b.m.Normalize, b.now, nil)
		return b.ep.inVocabulary(wrong)
	}
}

func fieldName(ep endpoint, id fieldID, utm string) string {
	if id == fUTM {
		return utmPrefix + utm
	}
	return id.nameIn(ep)
}

// listHeaders lists the input's headers for a message: those that are
// known header names (a column of the mapping, or a name Propose knows),
// with "…" for each of the others, which it counts. A header row that is
// really a data row would otherwise put names, addresses or numbers in an
// error message, and so in logs and the ledger's history: a cell that is
// not a known name is never shown.
func listHeaders(header []string, columns []Column) (hs []string, hidden int) {
	known := synonyms().byFolded
	mapped := make(map[string]bool, len(columns))
	for _, c := range columns {
		mapped[foldHeader(c.Header)] = true
	}
	for _, h := range header {
		h = strings.TrimSpace(h)
		f := foldHeader(h)
		_, isKnown := known[f]
		switch {
		case h == "":
		case mapped[f] || isKnown:
			hs = append(hs, h)
		default:
			hidden++
			hs = append(hs, "…")
		}
	}
	return hs, hidden
}

// countedFrom1 are positions as a spreadsheet user counts them, from 1.
func countedFrom1(at []int) []int {
	ns := make([]int, len(at))
	for i, n := range at {
		ns[i] = n + 1
	}
	return ns
}

// columnNumbers lists positions as a spreadsheet user counts them, from 1.
func columnNumbers(at []int) string {
	s := make([]string, len(at))
	for i, n := range countedFrom1(at) {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, " and ")
}

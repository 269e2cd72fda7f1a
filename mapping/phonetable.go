package mapping

import (
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"

	"leadimport/importer/msg"
)

// swedishNumbers decides, a table lookup per digit, whether a Swedish
// national significant number (the digits after +46 or the leading 0) is
// valid, the answer phonenumbers.IsValidNumberForRegion gives for it
// under "SE". libphonenumber asks up to ten regular expressions of its
// metadata, twice each, some two microseconds a number; this is the same
// expressions compiled once into one automaton over the digits. nil when
// the metadata holds something the automaton does not cover (see
// newNSNAutomaton): then every number takes libphonenumber's own path.
var swedishNumbers = sync.OnceValue(func() *nsnAutomaton {
	coll, err := phonenumbers.MetadataCollection() // the library's own, parsed once
	if err != nil {
		return nil
	}
	for _, md := range coll.GetMetadata() {
		if md.GetId() == phoneRegion {
			return newNSNAutomaton(md)
		}
	}
	return nil
})

// nsnAutomaton is a deterministic automaton over the digits 0–9 that runs
// every number description of a region's metadata at once: after a
// number's digits its state says which descriptions' patterns match the
// whole number.
type nsnAutomaton struct {
	next    [][10]int32 // state × digit → state; -1 where no pattern can match any more
	matches []uint32    // state → bit i: description i's pattern matches here
	// lengths[i] are description i's possible lengths, as bits; all ones
	// when it lists none (libphonenumber then checks the pattern only).
	lengths []uint32
}

// maxNSNStates bounds the automaton; Sweden's needs a few hundred states.
const maxNSNStates = 1 << 14

// valid reports whether the digits nsn (ASCII, no leading 0) are a valid
// number: as getNumberTypeHelper decides, nsn matches the general
// description (length and pattern) and the description of at least one
// type of number.
func (a *nsnAutomaton) valid(nsn []byte) bool {
	m := a.match(nsn)
	return m&1 != 0 && m != 1
}

// match is the descriptions nsn matches, pattern and length, as bits
// (bit i: description i); 0 when it is not even the general one's.
func (a *nsnAutomaton) match(nsn []byte) uint32 {
	if len(nsn) == 0 || len(nsn) > 31 {
		return 0
	}
	s := int32(0)
	for i := 0; i < len(nsn); i++ {
		if s = a.next[s][nsn[i]-'0']; s < 0 {
			return 0
		}
	}
	m, bit := a.matches[s], uint32(1)<<len(nsn)
	if m&1 == 0 || a.lengths[0]&bit == 0 {
		return 0
	}
	matched := uint32(1)
	for i := 1; i < len(a.lengths); i++ {
		if m&(1<<i) != 0 && a.lengths[i]&bit != 0 {
			matched |= 1 << i
		}
	}
	return matched
}

// The descriptions newNSNAutomaton builds, by their place.
const (
	descGeneral = iota
	descPremium
	descTollFree
	descSharedCost
	descVoIP
	descPersonal
	descPager
	descUAN
	descVoicemail
	descFixedLine
	descMobile // only when the region's mobile and fixed-line patterns differ
)

// notMobile says what kind of number a valid nsn is when libphonenumber's
// getNumberType would not call it mobile (or fixed line or mobile), and
// false when it would, or when nsn is not valid.
func (a *nsnAutomaton) notMobile(nsn []byte) (msg.PhoneKind, bool) {
	m := a.match(nsn)
	if m&1 == 0 || m == 1 {
		return 0, false
	}
	is := func(d int) bool { return m&(1<<d) != 0 }
	// getNumberTypeHelper's order: the first description that matches.
	switch {
	case is(descPremium):
		return msg.PremiumRate, true
	case is(descTollFree):
		return msg.TollFree, true
	case is(descSharedCost):
		return msg.SharedCost, true
	case is(descVoIP):
		return msg.OtherPhone, true
	case is(descPersonal):
		return msg.PersonalNumber, true
	case is(descPager), is(descUAN):
		return msg.OtherPhone, true
	case is(descVoicemail):
		return msg.Voicemail, true
	}
	mobile := is(descFixedLine) // the same patterns
	if len(a.lengths) > descMobile {
		mobile = is(descMobile)
	}
	if mobile {
		return 0, false
	}
	return msg.FixedLine, is(descFixedLine)
}

// newNSNAutomaton builds the automaton of md's general description
// (description 0) and the descriptions getNumberTypeHelper tries, in its
// order. It returns nil if a pattern does not compile, asserts anything
// (^, $, \b) or the automaton grows past maxNSNStates.
func newNSNAutomaton(md *phonenumbers.PhoneMetadata) *nsnAutomaton {
	descs := []*phonenumbers.PhoneNumberDesc{md.GetGeneralDesc(), md.GetPremiumRate(), md.GetTollFree(),
		md.GetSharedCost(), md.GetVoip(), md.GetPersonalNumber(), md.GetPager(), md.GetUan(),
		md.GetVoicemail(), md.GetFixedLine()}
	if !md.GetSameMobileAndFixedLinePattern() {
		descs = append(descs, md.GetMobile())
	}
	a := &nsnAutomaton{}
	progs := make([]*syntax.Prog, len(descs))
	for i, d := range descs {
		if d == nil {
			d = &phonenumbers.PhoneNumberDesc{} // no pattern: matches nothing but the empty number
		}
		re, err := syntax.Parse(d.GetNationalNumberPattern(), syntax.Perl) // as regexp.Compile
		if err != nil {
			return nil
		}
		p, err := syntax.Compile(re.Simplify())
		if err != nil {
			return nil
		}
		progs[i] = p
		var bits uint32
		for _, l := range d.PossibleLength {
			if l < 0 || l > 31 {
				return nil
			}
			bits |= 1 << l
		}
		if len(d.PossibleLength) == 0 {
			bits = ^uint32(0)
		}
		a.lengths = append(a.lengths, bits)
	}

	// A state is, per description, the set of its program's instructions
	// that wait for a rune; key writes it out, with the descriptions that
	// match there, to find a state again.
	type state [][]uint32
	key := func(s state, m uint32) string {
		var b strings.Builder
		b.WriteString(strconv.FormatUint(uint64(m), 36))
		b.WriteByte('|')
		for _, pcs := range s {
			for _, pc := range pcs {
				b.WriteString(strconv.FormatUint(uint64(pc), 36))
				b.WriteByte(',')
			}
			b.WriteByte('|')
		}
		return b.String()
	}
	ok := true
	// closure adds pc and what it leads to without a rune to *waiting,
	// and reports whether a match is among them.
	var closure func(p *syntax.Prog, pc uint32, waiting *[]uint32, seen map[uint32]bool) bool
	closure = func(p *syntax.Prog, pc uint32, waiting *[]uint32, seen map[uint32]bool) bool {
		if seen[pc] {
			return false
		}
		seen[pc] = true
		switch in := &p.Inst[pc]; in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			m := closure(p, in.Out, waiting, seen)
			return closure(p, in.Arg, waiting, seen) || m
		case syntax.InstCapture, syntax.InstNop:
			return closure(p, in.Out, waiting, seen)
		case syntax.InstMatch:
			return true
		case syntax.InstFail:
			return false
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			*waiting = append(*waiting, pc)
			return false
		default: // InstEmptyWidth: not in any metadata so far
			ok = false
			return false
		}
	}
	// settle turns each description's instructions reached into a state
	// and its matches.
	settle := func(starts [][]uint32) (state, uint32) {
		s := make(state, len(progs))
		var m uint32
		for i, p := range progs {
			seen := map[uint32]bool{}
			var waiting []uint32
			for _, pc := range starts[i] {
				if closure(p, pc, &waiting, seen) {
					m |= 1 << i
				}
			}
			slices.Sort(waiting)
			s[i] = waiting
		}
		return s, m
	}
	starts := make([][]uint32, len(progs))
	for i, p := range progs {
		starts[i] = []uint32{uint32(p.Start)}
	}
	first, m := settle(starts)
	states := []state{first}
	index := map[string]int32{key(first, m): 0}
	a.matches = append(a.matches, m)
	for at := 0; at < len(states) && ok; at++ {
		var row [10]int32
		for d := range 10 {
			r := rune('0' + d)
			after := make([][]uint32, len(progs))
			empty := true
			for i, p := range progs {
				for _, pc := range states[at][i] {
					if in := &p.Inst[pc]; in.MatchRune(r) {
						after[i] = append(after[i], in.Out)
						empty = false
					}
				}
			}
			if empty {
				row[d] = -1
				continue
			}
			s, m := settle(after)
			k := key(s, m)
			n, found := index[k]
			if !found {
				if len(states) == maxNSNStates {
					return nil
				}
				n = int32(len(states))
				index[k] = n
				states = append(states, s)
				a.matches = append(a.matches, m)
			}
			row[d] = n
		}
		a.next = append(a.next, row)
	}
	if !ok {
		return nil
	}
	return a
}

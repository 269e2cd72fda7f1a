package mapping

import "leadimport/importer/msg"

//go:generate go test -run ^TestSwedishTableGenerated$ -update

// swedishNumbers decides, a table lookup per digit, whether a Swedish
// national significant number (the digits after +46 or the leading 0) is
// valid, the answer phonenumbers.IsValidNumberForRegion gives for it
// under "SE", and what type of number it is. libphonenumber asks up to
// ten regular expressions of its metadata, twice each, some two
// microseconds a number; this is the same expressions compiled into one
// automaton over the digits. It is generated from the metadata the
// phonenumbers module ships (phonetable_se.go, by go generate), not
// built when a run starts: that took some ten milliseconds before the
// first request. TestSwedishTableGenerated fails when the module's
// metadata no longer makes the same table.
func swedishNumbers() *nsnAutomaton { return &seNumbers }

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

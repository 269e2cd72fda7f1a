package mapping

import (
	"math/bits"
	"strings"
)

// mailDomains are the mail domains most Swedish leads write. A domain one
// typing slip (a letter wrong, missing, added or two swapped) from one of
// them is most likely that domain mistyped: gmial.com, hotmial.se,
// telia.som. They are the targets of mailDomainTypo.
var mailDomains = []string{
	"gmail.com", "googlemail.com",
	"hotmail.com", "hotmail.se", "outlook.com", "outlook.se", "live.com",
	"icloud.com", "yahoo.com", "yahoo.se", "protonmail.com", "proton.me",
	"telia.com", "telia.se", "comhem.se", "bredband.net", "bredband2.com",
	"spray.se", "tele2.se", "bahnhof.se", "passagen.se", "glocalnet.net",
	"swipnet.se", "ownit.se", "tiscali.se",
}

// realMailDomains are real domains one slip from a target: never a typo.
var realMailDomains = []string{
	"mail.com", "email.com", "gmx.com", "gmx.de", "gmx.net", "web.de",
	"hotmail.de", "hotmail.dk", "hotmail.no", "hotmail.fi", "hotmail.fr", "hotmail.it", "hotmail.es",
	"outlook.de", "outlook.dk", "live.se", "live.dk", "live.no", "live.de",
	"yahoo.de", "yahoo.dk", "yahoo.no", "yahoo.fr", "yahoo.es", "yahoo.it",
	"telia.no", "telia.dk", "telia.fi", "tele2.nu", "spray.no",
}

// shortestTarget: a target shorter than this has too many real
// neighbours (me.com is one slip from mt.com and ne.com) to call any a
// typo, so it is not one.
const shortestTarget = 8

// knownMailDomains holds mailDomains and realMailDomains, for one lookup
// per address instead of a walk through both.
var knownMailDomains = func() map[string]bool {
	m := make(map[string]bool, len(mailDomains)+len(realMailDomains))
	for _, d := range mailDomains {
		m[d] = true
	}
	for _, d := range realMailDomains {
		m[d] = true
	}
	return m
}()

// typoTarget is a mailDomains domain a typo may be taken for, with the
// bytes it holds (byteSet).
type typoTarget struct {
	domain string
	bytes  uint64
}

// typoTargets holds by length the targets a domain may be one slip
// from: typoTargets[n] those of n-1 to n+1 bytes, in mailDomains'
// order.
var typoTargets = func() [][]typoTarget {
	longest := 0
	for _, d := range mailDomains {
		longest = max(longest, len(d))
	}
	by := make([][]typoTarget, longest+2)
	for n := range by {
		for _, d := range mailDomains {
			if len(d) >= shortestTarget && len(d) >= n-1 && len(d) <= n+1 {
				by[n] = append(by[n], typoTarget{d, byteSet(d)})
			}
		}
	}
	return by
}()

// byteSet marks the bytes s holds, a bit for each letter, digit, dot and
// dash, one for anything else. One slip takes at most one kind of byte
// away and adds at most one, so two domains one slip apart differ in at
// most two bits: most domains are ruled out by that alone.
func byteSet(s string) uint64 {
	var set uint64
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
			set |= 1 << (c - 'a')
		case '0' <= c && c <= '9':
			set |= 1 << (26 + c - '0')
		case c == '.':
			set |= 1 << 36
		case c == '-':
			set |= 1 << 37
		default:
			set |= 1 << 63
		}
	}
	return set
}

// mailDomainTypo reports the domain an address (domain in lower case)
// most likely meant, when its own domain is one typing slip from a
// common mail domain and not a known domain itself.
func mailDomainTypo(addr string) (string, bool) {
	domain := addr[strings.LastIndexByte(addr, '@')+1:]
	if len(domain) < shortestTarget-1 || len(domain) >= len(typoTargets) || knownMailDomains[domain] {
		return "", false
	}
	set := byteSet(domain)
	for _, t := range typoTargets[len(domain)] {
		// One slip also leaves the first or the last byte as it was (the
		// domains are long enough).
		d := t.domain
		if bits.OnesCount64(set^t.bytes) <= 2 && (domain[0] == d[0] || domain[len(domain)-1] == d[len(d)-1]) &&
			oneSlip(domain, d) {
			return d, true
		}
	}
	return "", false
}

// oneSlip reports whether a and b, which differ, are one edit apart: a
// byte changed, added or dropped, or two neighbours swapped.
func oneSlip(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	switch len(b) - len(a) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) {
			return false // equal
		}
		if a[i+1:] == b[i+1:] {
			return true // changed
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // swapped
	case 1:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		return a[i:] == b[i+1:] // b has one byte more
	}
	return false
}

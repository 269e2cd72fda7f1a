package mapping

import "strings"

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

// mailDomainTypo reports the domain an address (domain in lower case)
// most likely meant, when its own domain is one typing slip from a
// common mail domain and not a known domain itself.
func mailDomainTypo(addr string) (string, bool) {
	domain := addr[strings.LastIndexByte(addr, '@')+1:]
	if len(domain) < shortestTarget-1 || knownMailDomains[domain] {
		return "", false
	}
	for _, d := range mailDomains {
		// One slip changes the length by one at most, and leaves the
		// first or the last byte as it was (the domains are long
		// enough): most domains are ruled out here.
		if len(d) >= shortestTarget && len(d) >= len(domain)-1 && len(d) <= len(domain)+1 &&
			(domain[0] == d[0] || domain[len(domain)-1] == d[len(d)-1]) && oneSlip(domain, d) {
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

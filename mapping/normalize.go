package mapping

import (
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize returns v, already trimmed and not empty, as it is sent, or
// else a message saying what is wrong with it. It covers the kinds that
// need nothing but the value itself.
func normalize(id fieldID, v string) (string, string) {
	switch fields[id].kind {
	case kindBool:
		b, ok := parseBool(v)
		if !ok {
			return v, "must be true or false (ja/nej, yes/no, 1/0 and x for true also work)"
		}
		if b {
			return "true", ""
		}
		return "false", ""
	case kindEmail:
		return normalizeEmail(v)
	case kindPhone:
		return normalizePhone(v)
	case kindStatus:
		for _, s := range []string{"Assigned", "Interested", "NotInterested"} {
			if strings.EqualFold(v, s) {
				return s, ""
			}
		}
		return v, "must be Assigned, Interested or NotInterested"
	}
	return v, ""
}

// parseBool reads the ways a spreadsheet says yes or no; an empty cell
// never gets here, and means no.
func parseBool(v string) (value, ok bool) {
	for _, t := range []string{"true", "ja", "yes", "1", "x"} {
		if strings.EqualFold(v, t) {
			return true, true
		}
	}
	for _, f := range []string{"false", "nej", "no", "0"} {
		if strings.EqualFold(v, f) {
			return false, true
		}
	}
	return false, false
}

// normalizeEmail accepts one bare address and lower-cases its domain,
// which is case-insensitive; the local part may not be, so it is kept.
func normalizeEmail(v string) (string, string) {
	if strings.ContainsAny(v, ",;") {
		return v, "must be one e-mail address, not several; put a second one in person.email.emailAddress2"
	}
	if strings.ContainsFunc(v, unicode.IsSpace) {
		return v, "an e-mail address has no spaces"
	}
	addr, err := mail.ParseAddress(v)
	if err != nil || addr.Name != "" || addr.Address != v {
		return v, "is not an e-mail address like anna@example.se"
	}
	at := strings.LastIndexByte(v, '@')
	domain := v[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") ||
		strings.Contains(domain, "..") {
		return v, "the part after @ must be a domain like example.se"
	}
	if lower := strings.ToLower(domain); lower != domain {
		return v[:at+1] + lower, ""
	}
	return v, ""
}

// normalizePhone collapses runs of whitespace and checks the characters;
// otherwise the number is kept as written until it is normalised with
// libphonenumber.
func normalizePhone(v string) (string, string) {
	digits, collapse := 0, false
	prevSpace := false
	for _, r := range v {
		space := unicode.IsSpace(r)
		switch {
		case r >= '0' && r <= '9':
			digits++
		case space:
			collapse = collapse || prevSpace || r != ' '
		case strings.ContainsRune("+-()/.", r):
		default:
			return v, "a phone number may hold only digits, spaces and + - ( ) / ."
		}
		prevSpace = space
	}
	if digits < 5 {
		return v, "a phone number needs at least 5 digits"
	}
	if collapse {
		v = strings.Join(strings.Fields(v), " ")
	}
	if digits == len(v) && digits >= 7 && digits <= 9 && v[0] != '0' {
		// Bare digits without the leading 0 are a Swedish number that
		// Excel stored as a number and so lost its 0 (701234567 was
		// 0701234567): a national number is 7 to 9 digits after the 0.
		v = "0" + v
	}
	return v, ""
}

// splitFullName splits "Anna Maria Svensson" into "Anna Maria" and
// "Svensson" (the last word is the last name), and "Svensson, Anna" into
// "Anna" and "Svensson".
func splitFullName(v string) (first, last, msg string) {
	const how = `write it as "Anna Svensson" or "Svensson, Anna"`
	if i := strings.IndexByte(v, ','); i >= 0 {
		last, first = strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+1:])
		if first == "" || last == "" || strings.Contains(first, ",") {
			return "", "", "needs one first and one last name: " + how
		}
		return first, last, ""
	}
	i := strings.LastIndexFunc(v, unicode.IsSpace)
	if i < 0 {
		return "", "", "needs a first and a last name: " + how
	}
	_, size := utf8.DecodeRuneInString(v[i:])
	return strings.TrimRightFunc(v[:i], unicode.IsSpace), v[i+size:], ""
}

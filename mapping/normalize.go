package mapping

import (
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// Normalize is the mapping's normalize section: how phone numbers,
// personnummer and postcodes are written in the lead. An empty value
// means the default, the first of the key's values in normalizeKeys.
type Normalize struct {
	Phone                string // e164, national or keep
	PhoneCell            string // warn or move: a Swedish number in telephone.cell that is no mobile
	SocialSecurityNumber string // long, short or keep
	ZipCode              string // swedish or keep
}

// The values of the normalize keys that change what is sent; the
// defaults (e164, long, swedish) are also what "" means.
const (
	formatKeep    = "keep"
	phoneNational = "national"
	ssnShort      = "short"
	cellMove      = "move"
)

// normalizeKeys are the keys of the normalize section and the values each
// takes, the default first.
var normalizeKeys = []struct {
	key    string
	values []string
	note   string // for leadimport help mapping
}{
	{"phone", []string{"e164", phoneNational, formatKeep}, ""},
	{"phone.cell", []string{"warn", cellMove}, "a Swedish landline (or another number that is no\n" +
		"mobile) in telephone.cell: warn of it, or send it as\n" +
		"telephone.home when the row has none"},
	{"socialSecurityNumber", []string{"long", ssnShort, formatKeep}, ""},
	{"zipCode", []string{"swedish", formatKeep}, ""},
}

// field is the setting of a key of normalizeKeys.
func (n *Normalize) field(key string) *string {
	switch key {
	case "phone":
		return &n.Phone
	case "phone.cell":
		return &n.PhoneCell
	case "socialSecurityNumber":
		return &n.SocialSecurityNumber
	}
	return &n.ZipCode
}

// normalize returns v, already trimmed and not empty, as a value of kind
// k is sent, or else a message saying what is wrong with it. It covers
// the kinds that need nothing but the value itself, the mapping's
// normalize section and the day it is (for a date).
func normalize(k kind, v string, opt Normalize, now time.Time, a *textArena) (string, msg.Message) {
	switch k {
	case kindName:
		return normalizeName(v), nil
	case kindZip:
		if opt.ZipCode == formatKeep {
			return v, nil
		}
		return normalizeZip(v, a)
	case kindBool:
		b, ok := parseBool(v)
		if !ok {
			return v, msg.NotBool{}
		}
		if b {
			return "true", nil
		}
		return "false", nil
	case kindEmail:
		return normalizeEmail(v, a)
	case kindPhone:
		return formatPhone(v, opt.Phone, a)
	case kindID:
		if PlaceholderID(v) {
			return v, msg.PlaceholderID{}
		}
	case kindStatus:
		if s, ok := lookUpWord(statusWords, v); ok {
			return s, nil
		}
		return v, msg.NotBuyerStatus{}
	case kindInterestStatus:
		if s, ok := lookUpWord(interestStatusWords, v); ok {
			return s, nil
		}
		return v, msg.NotInterestStatus{}
	case kindDate:
		return normalizeDate(v, now)
	case kindArea, kindRooms, kindPrice:
		return normalizeNumber(k, v)
	}
	return v, nil
}

// lookUpWord finds what v means in words, in any case and spacing.
func lookUpWord(words []statusWord, v string) (string, bool) {
	w := collapseSpace(v)
	for _, s := range words {
		if strings.EqualFold(w, s.word) {
			return s.status, true
		}
	}
	return "", false
}

type statusWord struct{ word, status string }

// statusWords are the ways to write a prospectiveBuyerStatus, in English
// as Connect names them and in Swedish as a broker's sheet may.
var statusWords = []statusWord{
	{"Assigned", "Assigned"},
	{"Interested", "Interested"},
	{"NotInterested", "NotInterested"},
	{"Anvisad", "Assigned"},
	{"Intresserad", "Interested"},
	{"Ej intresserad", "NotInterested"},
	{"Inte intresserad", "NotInterested"},
	{"Not interested", "NotInterested"},
}

// interestStatusWords are the ways to write an interest registration's
// status, as statusWords.
var interestStatusWords = []statusWord{
	{"Interested", "Interested"},
	{"VeryInterested", "VeryInterested"},
	{"Assigned", "Assigned"},
	{"NotInterested", "NotInterested"},
	{"Intresserad", "Interested"},
	{"Mycket intresserad", "VeryInterested"},
	{"Anvisad", "Assigned"},
	{"Ej intresserad", "NotInterested"},
	{"Inte intresserad", "NotInterested"},
	{"Very interested", "VeryInterested"},
	{"Not interested", "NotInterested"},
}

// collapseSpace turns every run of whitespace in v into one space; it
// returns v itself, without allocating, when there is nothing to do.
func collapseSpace(v string) string {
	prevSpace := false
	for _, r := range v {
		space := isSpace(r)
		if space && (prevSpace || r != ' ') {
			return strings.Join(strings.Fields(v), " ")
		}
		prevSpace = space
	}
	return v
}

// nameParticles stay in lower case before the rest of a name: "Anna von
// Essen", and "von Essen" in a last-name cell. As a name's last word they
// are a name of their own ("Anna De").
var nameParticles = []string{"von", "af", "av", "de", "la", "van", "der", "den"}

// normalizeName collapses runs of whitespace in a name and, when it is
// written all in capitals or all in lower case, gives it Swedish title
// case: "ANNA-KARIN VON ESSEN" is "Anna-Karin von Essen". A name in mixed
// case is spelt as its owner spells it ("McDonald", "de Geer") and is
// kept.
func normalizeName(v string) string {
	v = collapseSpace(v)
	upper, lower := false, false
	for _, r := range v {
		upper = upper || unicode.IsUpper(r)
		lower = lower || unicode.IsLower(r)
	}
	if upper == lower { // mixed case, or no letters
		return v
	}
	words := strings.Split(v, " ")
	for i, w := range words {
		if i < len(words)-1 && isParticle(w) {
			words[i] = strings.ToLower(w)
			continue
		}
		parts := strings.Split(w, "-")
		for j, p := range parts {
			parts[j] = titleCase(p)
		}
		words[i] = strings.Join(parts, "-")
	}
	return strings.Join(words, " ")
}

func isParticle(w string) bool { return slices.Contains(nameParticles, strings.ToLower(w)) }

// titleCase writes one part of a name with a capital first letter, and
// a capital after an apostrophe that follows one letter: "O'Brien". A
// letter already capital stays the one written: İ in "İLKAY" keeps its
// dot, where lowering it first and raising it again would give "Ilkay".
func titleCase(w string) string {
	rs := []rune(w)
	for i, r := range rs {
		if i == 0 || i == 2 && (rs[1] == '\'' || rs[1] == '’') {
			if !unicode.IsUpper(r) && !unicode.IsTitle(r) {
				rs[i] = unicode.ToTitle(r)
			}
			continue
		}
		rs[i] = unicode.ToLower(r)
	}
	return string(rs)
}

// normalizeZip writes a Swedish postcode as NNN NN. It may be written
// with or without the space and with a country prefix: 12345, S-123 45,
// SE-12345, se 123 45.
func normalizeZip(v string, a *textArena) (string, msg.Message) {
	s := v
	if len(s) >= 2 && strings.EqualFold(s[:2], "SE") {
		s = s[2:]
	} else if len(s) >= 1 && (s[0] == 'S' || s[0] == 's') {
		s = s[1:]
	}
	if len(s) < len(v) {
		s = strings.TrimLeftFunc(strings.TrimPrefix(strings.TrimSpace(s), "-"), unicode.IsSpace)
	}
	var d [6]byte
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9' && n < 5:
			d[n] = byte(r)
			n++
		case (unicode.IsSpace(r) || r == '-') && n == 3: // between 123 and 45
		default:
			return v, msg.NotPostcode{}
		}
	}
	if n != 5 {
		return v, msg.NotPostcode{}
	}
	d[3], d[4], d[5] = ' ', d[3], d[4]
	return a.string(d[:]), nil
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
func normalizeEmail(v string, a *textArena) (string, msg.Message) {
	// One look at each byte for what the two checks below need: a
	// separator anywhere says several addresses, whatever else is wrong.
	several, space, ascii := false, false, true
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == ',' || c == ';':
			several = true
		case c >= utf8.RuneSelf:
			ascii = false
		case asciiSpace[c]:
			space = true
		}
	}
	if several {
		return v, msg.SeveralEmails{Second: fEmail2.nameIn(epFinalPrice)} // inVocabulary names it in the mapping's
	}
	if space || !ascii && strings.ContainsFunc(v, isSpace) {
		return v, msg.EmailSpaces{}
	}
	if !plainAddress(v) {
		// Anything but the plain form goes through net/mail, which knows
		// the whole syntax (and costs a few allocations per address).
		addr, err := mail.ParseAddress(v)
		if err != nil || addr.Name != "" || addr.Address != v {
			return v, msg.NotEmail{}
		}
	}
	at := strings.LastIndexByte(v, '@')
	domain := v[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") ||
		strings.Contains(domain, "..") {
		return v, msg.NotEmailDomain{}
	}
	if !hasUpper(domain) {
		return v, nil
	}
	if !isASCII(domain) {
		return v[:at+1] + strings.ToLower(domain), nil
	}
	// Many addresses have a capital in the domain.
	var buf [128]byte
	b := append(buf[:0], v[:at+1]...)
	for i := 0; i < len(domain); i++ {
		c := domain[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return a.string(b), nil
}

// hasUpper reports whether strings.ToLower would change s: an ASCII
// capital, or anything outside ASCII.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			return strings.ToLower(s) != s
		} else if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// plainAddress reports whether v is an address in the form nearly all
// are written in, local@domain with letters, digits and . _ + - only, no
// dot first, last or twice in a row: net/mail accepts every such address
// as it is (FuzzPlainAddress holds it to that), so it need not be asked.
func plainAddress(v string) bool {
	at := strings.IndexByte(v, '@')
	if at <= 0 || at == len(v)-1 {
		return false
	}
	return dotAtom(v[:at], "._+-") && dotAtom(v[at+1:], ".-")
}

// dotAtom reports whether s is ASCII letters, digits and the bytes in
// extra, and, if extra has a dot, no dot first, last or twice in a row.
func dotAtom(s, extra string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == '.':
			if i == 0 || i == len(s)-1 || s[i-1] == '.' {
				return false
			}
		case strings.IndexByte(extra, c) >= 0:
		default:
			return false
		}
	}
	return true
}

// normalizePhone collapses runs of whitespace and checks the characters;
// otherwise the number is kept as written. formatPhone reads the result
// with libphonenumber.
func normalizePhone(v string) (string, msg.Message) {
	digits, collapse := 0, false
	prevSpace := false
	for _, r := range v {
		space := isSpace(r)
		switch {
		case r >= '0' && r <= '9':
			digits++
		case space:
			collapse = collapse || prevSpace || r != ' '
		case r == '+' || r == '-' || r == '(' || r == ')' || r == '/' || r == '.':
		default:
			return v, msg.PhoneCharacters{}
		}
		prevSpace = space
	}
	if digits < 5 {
		return v, msg.PhoneTooShort{}
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
	return v, nil
}

// splitFullName splits "Anna Maria Svensson" into "Anna Maria" and
// "Svensson" (the last word is the last name), and "Svensson, Anna" into
// "Anna" and "Svensson".
func splitFullName(v string) (first, last string, m msg.Message) {
	if i := strings.IndexByte(v, ','); i >= 0 {
		last, first = strings.TrimSpace(v[:i]), strings.TrimSpace(v[i+1:])
		if first == "" || last == "" || strings.Contains(first, ",") {
			return "", "", msg.OneFirstOneLast{}
		}
		return first, last, nil
	}
	words := strings.Fields(v)
	if len(words) < 2 {
		return "", "", msg.FirstAndLast{}
	}
	// The last name is the last word, with the particles before it:
	// "Anna-Karin von Essen" is Anna-Karin / von Essen.
	at := len(words) - 1
	for at > 1 && isParticle(words[at-1]) {
		at--
	}
	return strings.Join(words[:at], " "), strings.Join(words[at:], " "), nil
}

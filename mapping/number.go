package mapping

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// A number field of an interest registration's present accommodation:
// the units it may be written with (the first is the one messages name)
// and an example.
type numberField struct {
	units   []string
	example string
}

var numberFields = map[kind]numberField{
	kindArea:  {[]string{"m²", "m2", "kvm"}, "84 or 84,5 kvm"},
	kindRooms: {[]string{"rum", "rok", "r.o.k.", "r.o.k"}, "3 or 3,5"},
	kindPrice: {[]string{"kr", "kronor", "sek", ":-"}, "4 500 000 kr"},
}

// normalizeNumber reads a number as a Swedish sheet writes it, and
// returns it as a JSON number: a decimal comma or point (3,5), spaces
// between groups of three digits (4 500 000), or points or commas
// between them when there are two or more (4.500.000), and one of the
// field's units after it (84 kvm, 4 500 000 kr). Anything else is no
// number, a different unit too: 4,5 mkr is not 4 500 000.
func normalizeNumber(k kind, v string) (string, msg.Message) {
	f := numberFields[k]
	wrong := msg.NotNumber{Unit: f.units[0], Example: f.example}
	s := strings.TrimSpace(v)
	lower := strings.ToLower(s)
	for _, u := range f.units {
		if strings.HasSuffix(lower, u) {
			s = strings.TrimRightFunc(s[:len(s)-len(u)], isSpace)
			break
		}
	}
	n, ok := parseNumber(s)
	if !ok {
		return v, wrong
	}
	// A price under a thousand kronor is a sum in another unit: 4,5 for
	// 4,5 miljoner.
	if f, err := strconv.ParseFloat(n, 64); k == kindPrice && (err != nil || f < minPrice) {
		return v, wrong
	}
	return n, nil
}

// minPrice is the least a home is taken to be worth, in kronor.
const minPrice = 1000

// parseNumber reads a number without a unit; see normalizeNumber. It
// returns the number without a sign, leading zeros or a fraction's
// trailing zeros: 003,50 is 3.5. A decimal mark followed by three digits
// is no number: 4,500 is four and a half to some and four thousand five
// hundred to others. So a fraction is not cut down to three digits:
// 1,0010 is 1.0010, which reads back as itself, where 1.001 would not.
func parseNumber(s string) (string, bool) {
	var groups []string // digits, between separators
	var seps []rune     // the separators between them
	start := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			continue
		case r == ' ' || r == '\u00a0' || r == '\u202f' || r == ',' || r == '.':
			groups = append(groups, s[start:i])
			seps = append(seps, r)
			start = i + utf8.RuneLen(r)
		default:
			return "", false
		}
	}
	groups = append(groups, s[start:])
	for _, g := range groups {
		if g == "" {
			return "", false
		}
	}
	// The decimal mark is the last separator when it is a comma or a
	// point and the only one of its kind; every other separator splits
	// thousands, and the groups after the first are three digits long.
	frac := ""
	if n := len(seps); n > 0 && (seps[n-1] == ',' || seps[n-1] == '.') && strings.Count(string(seps), string(seps[n-1])) == 1 {
		frac = groups[n]
		groups, seps = groups[:n], seps[:n-1]
		if len(frac) == 3 {
			return "", false
		}
	}
	for i, g := range groups {
		if i == 0 && len(g) > 3 && len(seps) > 0 || i > 0 && len(g) != 3 {
			return "", false
		}
	}
	whole := strings.TrimLeft(strings.Join(groups, ""), "0")
	if whole == "" {
		whole = "0"
	}
	if frac = strings.TrimRight(frac, "0"); len(frac) == 3 {
		frac += "0"
	}
	if frac != "" {
		whole += "." + frac
	}
	return whole, true
}

// isJSONNumber reports whether s is a number as JSON writes one.
func isJSONNumber(s string) bool {
	return json.Valid([]byte(s)) && s != "" && (s[0] == '-' || s[0] >= '0' && s[0] <= '9')
}

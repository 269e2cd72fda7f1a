package mapping

import (
	"errors"

	"github.com/nyaruka/phonenumbers"

	"leadimport/importer/msg"
)

// phoneRegion is where a number without a country code is from.
const phoneRegion = "SE"

// formatPhone checks v as normalizePhone does and then, unless format is
// keep, reads it with libphonenumber, a national number as Swedish, and
// writes it in E.164 (+46701740605, the default) or in the national
// format (070-174 06 05). A foreign number keeps its country code in the
// national format too (+44 20 7946 0001): without it, it would be read as
// Swedish.
func formatPhone(v, format string, a *textArena) (string, msg.Message) {
	v, wrong := normalizePhone(v)
	if wrong != nil || format == formatKeep {
		return v, wrong
	}
	if format != phoneNational {
		if e164, ok := swedishE164(v, a); ok {
			return e164, nil
		}
	}
	num, err := phonenumbers.Parse(v, phoneRegion)
	if errors.Is(err, phonenumbers.ErrInvalidCountryCode) {
		return v, msg.NoCountryCode{}
	}
	if err != nil {
		return v, msg.NotPhone{}
	}
	if !phonenumbers.IsValidNumber(num) {
		region := phonenumbers.GetRegionCodeForCountryCode(int(num.GetCountryCode()))
		if region == phoneRegion {
			return v, msg.NotSwedishPhone{}
		}
		return v, msg.NotPhoneInRegion{Region: region}
	}
	switch {
	case format != phoneNational:
		return phonenumbers.Format(num, phonenumbers.E164), nil
	case phonenumbers.GetRegionCodeForNumber(num) == phoneRegion:
		return phonenumbers.Format(num, phonenumbers.NATIONAL), nil
	default:
		return phonenumbers.Format(num, phonenumbers.INTERNATIONAL), nil
	}
}

// maxPhoneInput is libphonenumber's MAX_INPUT_STRING_LENGTH: it refuses
// anything longer as too long, whatever the digits, so the fast path
// leaves it to it.
const maxPhoneInput = 250

// swedishE164 writes a valid Swedish number (0, +46 or 0046, then the
// national significant number, which starts with 1–9; any spaces,
// dashes or brackets between the digits) in E.164 without
// libphonenumber's parse, which costs some ten microseconds: most phone
// cells in a sheet of leads are Swedish numbers, and a migration has
// millions. Validity is libphonenumber's own, its metadata's patterns run
// as one automaton (swedishNumbers). Anything else, an invalid number
// included, returns false and takes the full parse, which also says what
// is wrong. FuzzPhone holds the two paths to the same answers.
func swedishE164(v string, text *textArena) (string, bool) {
	var d [20]byte
	nsn, ok := swedishNSN(v, &d)
	a := swedishNumbers()
	if !ok || !a.valid(nsn) {
		return "", false
	}
	copy(d[3:], nsn)
	return text.string(d[:3+len(nsn)]), true
}

// cellNotMobile says what a Swedish number in the mobile column is when
// the numbering plan says it is no mobile number (a landline, a toll-free
// number), and false for a mobile number, a foreign one or one that is no
// valid number.
func cellNotMobile(v string) (msg.PhoneKind, bool) {
	var d [20]byte
	nsn, ok := swedishNSN(v, &d)
	a := swedishNumbers()
	if !ok {
		return 0, false
	}
	return a.notMobile(nsn)
}

// swedishNSN reads v as a Swedish number into d, after "+46": 0, +46 or
// 0046, then the national significant number, which starts with 1–9;
// any spaces, dashes or brackets between the digits. It returns the
// national significant number, a part of d, and false when v is written
// otherwise.
func swedishNSN(v string, d *[20]byte) ([]byte, bool) {
	if v == "" || len(v) > maxPhoneInput {
		return nil, false
	}
	d[0], d[1], d[2] = '+', '4', '6'
	n := 3
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			if n == len(d) {
				return nil, false
			}
			d[n] = c
			n++
		case c == ' ' || c == '-' || c == '(' || c == ')':
		case c == '+' && i == 0:
		default:
			return nil, false
		}
	}
	digits := d[3:n]
	var nsn []byte
	switch {
	case v[0] == '+' && len(digits) > 2 && digits[0] == '4' && digits[1] == '6':
		nsn = digits[2:]
	case v[0] != '+' && len(digits) > 4 && string(digits[:4]) == "0046":
		nsn = digits[4:]
	case v[0] != '+' && len(digits) > 1 && digits[0] == '0':
		nsn = digits[1:]
	default:
		return nil, false
	}
	return nsn, nsn[0] != '0'
}

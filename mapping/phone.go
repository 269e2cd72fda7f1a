package mapping

import (
	"errors"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// phoneRegion is where a number without a country code is from.
const phoneRegion = "SE"

// formatPhone checks v as normalizePhone does and then, unless format is
// keep, reads it with libphonenumber, a national number as Swedish, and
// writes it in E.164 (+46701740605, the default) or in the national
// format (070-174 06 05). A foreign number keeps its country code in the
// national format too (+44 20 7946 0001): without it, it would be read as
// Swedish.
func formatPhone(v, format string) (string, string) {
	v, msg := normalizePhone(v)
	if msg != "" || format == formatKeep {
		return v, msg
	}
	if format != phoneNational {
		if e164, ok := swedishMobileE164(v); ok {
			return e164, ""
		}
	}
	num, err := phonenumbers.Parse(v, phoneRegion)
	if errors.Is(err, phonenumbers.ErrInvalidCountryCode) {
		return v, "is not a valid phone number: no country has the code after + or 00 (Sweden is +46)"
	}
	if err != nil {
		return v, "is not a valid phone number"
	}
	if !phonenumbers.IsValidNumber(num) {
		region := phonenumbers.GetRegionCodeForCountryCode(int(num.GetCountryCode()))
		if region == phoneRegion {
			return v, "is not a valid Swedish phone number"
		}
		return v, "is not a valid phone number for region " + region
	}
	switch {
	case format != phoneNational:
		return phonenumbers.Format(num, phonenumbers.E164), ""
	case phonenumbers.GetRegionCodeForNumber(num) == phoneRegion:
		return phonenumbers.Format(num, phonenumbers.NATIONAL), ""
	default:
		return phonenumbers.Format(num, phonenumbers.INTERNATIONAL), ""
	}
}

// swedishMobileE164 writes a Swedish mobile number (07x, +467x or 00467x
// and seven more digits, with any spaces, dashes or brackets) in E.164
// without libphonenumber, whose parse costs some thirty microseconds: most
// phone cells in a sheet of leads are mobile numbers, and a migration has
// millions. Anything else returns false and takes the full parse.
func swedishMobileE164(v string) (string, bool) {
	var d [16]byte
	n := 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			if n == len(d) {
				return "", false
			}
			d[n] = c
			n++
		case c == ' ' || c == '-' || c == '(' || c == ')':
		case c == '+' && i == 0:
		default:
			return "", false
		}
	}
	if n < 10 {
		return "", false
	}
	national := string(d[:n])
	switch {
	case v[0] == '+' && n == 11 && national[:2] == "46":
		national = national[2:]
	case v[0] != '+' && n == 13 && national[:4] == "0046":
		national = national[4:]
	case v[0] != '+' && n == 10 && national[0] == '0':
		national = national[1:]
	default:
		return "", false
	}
	// 70, 72, 73, 76 and 79 are Sweden's mobile ranges (PTS); the others
	// (71 is for machines) go through the full parse.
	if len(national) != 9 || national[0] != '7' || !strings.ContainsRune("02369", rune(national[1])) {
		return "", false
	}
	return "+46" + national, true
}

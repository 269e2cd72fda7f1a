package mapping

import (
	"strconv"
	"strings"
	"time"
)

// sampleRows is how many data rows Propose reads: enough for a share of
// values to mean something, few enough that a large sheet is read at once.
const sampleRows = 50

// valueKind is what a column's values may turn out to be.
type valueKind uint8

const (
	valPersonnummer valueKind = iota
	valEmail
	valMobile
	valPhone
	valZip
	valBool
	valStatus
	valInterestStatus
	valDate
	valNumber
	numValueKinds
)

// valueNouns name each kind in a reason: "12 of 14 values are personnummer".
var valueNouns = [numValueKinds]string{
	valPersonnummer:   "are personnummer",
	valEmail:          "are e-mail addresses",
	valMobile:         "are Swedish mobile numbers",
	valPhone:          "look like phone numbers",
	valZip:            "look like postcodes",
	valBool:           "are yes/no values",
	valStatus:         "are buyer statuses (Assigned, Interested, NotInterested)",
	valInterestStatus: "are interest statuses (Interested, VeryInterested, Assigned, NotInterested)",
	valDate:           "are dates",
	valNumber:         "are numbers",
}

// columnValues counts, over a column's non-empty sampled values, how many
// are of each kind.
type columnValues struct {
	n      int
	counts [numValueKinds]int
}

// sniff counts what the values of one column are.
func sniff(values []string, now time.Time) columnValues {
	var cv columnValues
	for _, v := range values {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		cv.n++
		if _, err := ParsePersonnummer(v, now); err == nil {
			cv.counts[valPersonnummer]++
		}
		if _, wrong := normalizeEmail(v, nil); wrong == nil {
			cv.counts[valEmail]++
		}
		if isSwedishMobile(v) {
			cv.counts[valMobile]++
		}
		if isPhoneLike(v) {
			cv.counts[valPhone]++
		}
		if isZipCode(v) {
			cv.counts[valZip]++
		}
		if _, ok := parseBool(v); ok {
			cv.counts[valBool]++
		}
		if _, wrong := normalize(kindStatus, v, Normalize{}, time.Time{}, nil); wrong == nil {
			cv.counts[valStatus]++
		}
		if _, wrong := normalize(kindInterestStatus, v, Normalize{}, time.Time{}, nil); wrong == nil {
			cv.counts[valInterestStatus]++
		}
		if _, wrong := normalizeDate(v, now); wrong == nil {
			cv.counts[valDate]++
		}
		if isNumber(v) {
			cv.counts[valNumber]++
		}
	}
	return cv
}

// mostly says whether at least 80% of the values are of kind k: a few bad
// cells (a typo, a wrong check digit) do not hide what a column is.
func (cv columnValues) mostly(k valueKind) bool {
	return cv.n > 0 && cv.counts[k]*5 >= cv.n*4
}

// rarely says whether fewer than half the values are of kind k: enough
// to doubt a header that promises them.
func (cv columnValues) rarely(k valueKind) bool {
	return cv.n > 0 && cv.counts[k]*2 < cv.n
}

// share reads "12 of 14 values are personnummer".
func (cv columnValues) share(k valueKind) string {
	return strconv.Itoa(cv.counts[k]) + " of " + strconv.Itoa(cv.n) + " values " + valueNouns[k]
}

// telling is the kind of value that places a column whatever its header
// says: personnummer, e-mail addresses or mobile numbers. ok is false when
// the values are none of these.
func (cv columnValues) telling() (valueKind, bool) {
	best, found := valueKind(0), false
	for _, k := range []valueKind{valPersonnummer, valEmail, valMobile} {
		if cv.mostly(k) && (!found || cv.counts[k] > cv.counts[best]) {
			best, found = k, true
		}
	}
	return best, found
}

// isSwedishMobile accepts 07X XXX XX XX in the ways people and Excel
// write it: with spaces, dashes or dots; +46 or 0046 for the 0; or nine
// digits starting with 7, a number Excel kept as a number and so stripped
// of its 0.
func isSwedishMobile(v string) bool {
	v = strings.ReplaceAll(v, "(0)", "")
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '.' || r == '\u00a0' {
			return -1
		}
		return r
	}, v)
	switch {
	case strings.HasPrefix(s, "+46"):
		s = s[3:]
	case strings.HasPrefix(s, "0046"):
		s = s[4:]
	case strings.HasPrefix(s, "0"):
		s = s[1:]
	}
	return len(s) == 9 && s[0] == '7' && allDigits(s)
}

// isPhoneLike is a value normalizePhone accepts with at least 7 digits,
// as every Swedish number with its area code has.
func isPhoneLike(v string) bool {
	if _, wrong := normalizePhone(v); wrong != nil {
		return false
	}
	digits := 0
	for _, r := range v {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 7
}

// isZipCode accepts a Swedish postcode in any form the normaliser reads
// ("123 45", "12345", "S-123 45", "SE-12345"); none starts with 0.
func isZipCode(v string) bool {
	s, wrong := normalizeZip(v, nil)
	return wrong == nil && s[0] != '0'
}

// isNumber is a value one of the present accommodation's number fields
// takes: 84 kvm, 3,5, 4 500 000 kr.
func isNumber(v string) bool {
	for _, k := range []kind{kindArea, kindRooms, kindPrice} {
		if _, wrong := normalizeNumber(k, v); wrong == nil {
			return true
		}
	}
	return false
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

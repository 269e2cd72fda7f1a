package mapping

import (
	"strconv"
	"strings"
	"time"

	"leadimport/importer/msg"
)

// earliestConsent is the first day a consent date may be: a date before
// it is a wrong year, more likely than a consent (the GDPR came in 2018;
// older sign-ups were kept under its forerunner).
var earliestConsent = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// monthNames are the months as a Swedish sheet writes them, in full or
// cut short, with the English names that differ.
var monthNames = map[string]time.Month{
	"jan": 1, "januari": 1, "january": 1,
	"feb": 2, "febr": 2, "februari": 2, "february": 2,
	"mar": 3, "mars": 3, "march": 3,
	"apr": 4, "april": 4,
	"maj": 5, "may": 5,
	"jun": 6, "juni": 6, "june": 6,
	"jul": 7, "juli": 7, "july": 7,
	"aug": 8, "augusti": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9,
	"okt": 10, "oktober": 10, "oct": 10, "october": 10,
	"nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

// normalizeDate reads a consent date as a Swedish sheet writes it, or
// as the reader gives a date cell, and returns it as YYYY-MM-DD: ISO
// 2026-11-28 (a time after it is dropped), 20261128, 2026/11/28, day
// first 28/11/2026, 28.11.2026, 28-11-2026 or 28/11-26, and 28 nov 2026
// or 28 november 2026. A day that does not exist is no date; one after
// now's or before 2000 is refused as a wrong year.
func normalizeDate(v string, now time.Time) (string, msg.Message) {
	y, m, d, ok := parseDate(v)
	if !ok {
		return v, msg.NotDate{}
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return v, msg.NotDate{}
	}
	ny, nm, nd := now.Date()
	if today := time.Date(ny, nm, nd, 0, 0, 0, 0, time.UTC); t.After(today) {
		return v, msg.DateInFuture{Today: today.Format(time.DateOnly)}
	}
	if t.Before(earliestConsent) {
		return v, msg.DateTooEarly{Earliest: earliestConsent.Format(time.DateOnly)}
	}
	return t.Format(time.DateOnly), nil
}

// parseDate splits v into a year, month and day, not yet checked to be
// a day of the calendar.
func parseDate(v string) (y int, m time.Month, d int, ok bool) {
	v = strings.TrimSpace(v)
	// A date cell with a time, or an ISO date-time: the date is what
	// counts.
	if i := strings.IndexAny(v, "T "); i == 10 && len(v) > 10 && isDigits(v[:4]) {
		v = v[:10]
	}
	if len(v) == 8 && isDigits(v) {
		y, _ := strconv.Atoi(v[:4])
		mm, _ := strconv.Atoi(v[4:6])
		d, _ := strconv.Atoi(v[6:])
		return y, time.Month(mm), d, true
	}
	if f := strings.Fields(v); len(f) == 3 {
		// 28 nov 2026, 28 november 2026, 28 nov. 2026
		month, known := monthNames[strings.ToLower(strings.TrimSuffix(f[1], "."))]
		d, derr := strconv.Atoi(strings.TrimSuffix(f[0], "."))
		y, yerr := strconv.Atoi(f[2])
		if !known || derr != nil || yerr != nil || len(f[2]) != 4 {
			return 0, 0, 0, false
		}
		return y, month, d, true
	}
	parts := strings.FieldsFunc(v, func(r rune) bool { return r == '-' || r == '/' || r == '.' })
	if len(parts) != 3 || len(v) > 10 {
		return 0, 0, 0, false
	}
	var n [3]int
	for i, p := range parts {
		if !isDigits(p) || len(p) > 4 {
			return 0, 0, 0, false
		}
		n[i], _ = strconv.Atoi(p)
	}
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2: // 2026-11-28
		return n[0], time.Month(n[1]), n[2], true
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4: // 28/11/2026
		return n[2], time.Month(n[1]), n[0], true
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 2: // 28/11-26
		return 2000 + n[2], time.Month(n[1]), n[0], true
	}
	return 0, 0, 0, false
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isISODate reports whether s is a day of the calendar written
// YYYY-MM-DD, as an interest registration's gdprApprovalDate is sent.
func isISODate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

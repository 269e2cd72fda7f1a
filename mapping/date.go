package mapping

import (
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // Sweden's zone, on a machine without a zone database too

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
// 2026-11-28, 20261128, 2026/11/28, the short 26-11-28, day first
// 28/11/2026, 28.11.2026, 28-11-2026, 28/11 2026, 28/11-26 or 28.11.26,
// and 28 nov 2026 or 28 november 2026; a time after any of them is
// dropped. A day that does not exist is no date; one after today in
// Sweden or before 2000 is refused as a wrong year.
func normalizeDate(v string, now time.Time) (string, msg.Message) {
	y, m, d, ok := parseDate(v)
	if !ok {
		return v, msg.NotDate{}
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || t.Month() != m || t.Day() != d {
		return v, msg.NotDate{}
	}
	ny, nm, nd := now.In(swedish()).Date()
	if today := time.Date(ny, nm, nd, 0, 0, 0, 0, time.UTC); t.After(today) {
		return v, msg.DateInFuture{Today: today.Format(time.DateOnly)}
	}
	if t.Before(earliestConsent) {
		return v, msg.DateTooEarly{Earliest: earliestConsent.Format(time.DateOnly)}
	}
	return t.Format(time.DateOnly), nil
}

// swedish is Sweden's time zone, where a consent is given: a run at
// 00:30 in Stockholm is the day before in UTC. time/tzdata has it; the
// machine's own zone stands in should it ever not.
var swedish = sync.OnceValue(func() *time.Location {
	if l, err := time.LoadLocation("Europe/Stockholm"); err == nil {
		return l
	}
	return time.Local
})

// parseDate splits v into a year, month and day, not yet checked to be
// a day of the calendar.
func parseDate(v string) (y int, m time.Month, d int, ok bool) {
	v = strings.TrimSpace(v)
	// A date cell with a time, or an ISO date-time: the date is what
	// counts.
	if i := strings.IndexByte(v, 'T'); i == 10 && isDigits(v[:4]) {
		v = v[:10]
	}
	if f := strings.Fields(v); len(f) > 1 && isClock(f[len(f)-1]) {
		v = strings.Join(f[:len(f)-1], " ")
	}
	// 28/11 2026: the year after a space.
	if f := strings.Fields(v); len(f) == 2 && len(f[1]) == 4 && isDigits(f[1]) && strings.ContainsAny(f[0], "/.") {
		v = f[0] + "/" + f[1]
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
	if len(parts) != 3 || len(v) > 10 || len(parts[0])+len(parts[1])+len(parts[2])+2 != len(v) {
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
	case len(parts[0]) == 2 && len(parts[1]) == 2 && len(parts[2]) == 2 && strings.Count(v, "-") == 2: // 26-11-28
		return 2000 + n[0], time.Month(n[1]), n[2], true
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 2 && !strings.HasPrefix(v[len(v)-3:], "/"): // 28/11-26, 28.11.26
		return 2000 + n[2], time.Month(n[1]), n[0], true
	}
	return 0, 0, 0, false
}

// isClock reports whether s is a time of day as a date-time cell writes
// it after its date: 13:02 or 13:02:45.
func isClock(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ':' })
	if len(parts) < 2 || len(parts) > 3 || strings.Count(s, ":") != len(parts)-1 {
		return false
	}
	for _, p := range parts {
		if len(p) > 2 || !isDigits(p) {
			return false
		}
	}
	return true
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

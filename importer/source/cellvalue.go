package source

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// numFormat is a cell style's number format, as far as reading the value
// back needs it: whether it shows the number as a date, time or
// duration, and which parts of it.
type numFormat struct {
	id   int
	code string
	date bool
	show shown // what a date format shows, when date
}

// shown is what a date, time or duration format shows of the value.
type shown struct {
	date    bool  // a year, month or day
	clock   bool  // hours, minutes or seconds
	hours   bool  // hours
	minutes bool  // minutes
	seconds bool  // seconds
	frac    uint8 // digits of a second shown: ss.0 is 1, up to 3
	// elapsed is the unit of a duration's first field, [h], [m] or [s]
	// ('h', 'm', 's'): it counts on past a day (or hour, or minute)
	// where a time of day turns over; 0 for a date or time of day.
	elapsed byte
	// guess is a date format this reader does not parse (the East Asian
	// built-in ones): the value decides, as a date, a date and time, or a
	// time alone below 1.
	guess bool
}

func newNumFormat(id int, code string) numFormat {
	f := numFormat{id: id, code: code}
	if code == "" {
		code = builtInCodes[id]
	}
	switch {
	case code != "":
		if f.date = isDateCode(code); f.date {
			f.show = dateShown(code)
		}
	case builtInDate(id):
		f.date, f.show = true, shown{guess: true}
	}
	return f
}

// builtInCodes are the codes of the built-in date and time formats that
// are the same in every language of Excel (ECMA-376 Part 1, 18.8.30; 47,
// which it writes mmss.0, Excel shows as mm:ss.0). The order of the day
// and month in 14 and 22 follows the computer's settings: no matter, as
// dates are read as ISO 8601.
var builtInCodes = map[int]string{
	14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy",
	18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss", 22: "m/d/yy h:mm",
	45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0",
}

// builtInDate reports whether a built-in number format (one without a
// code in the file) shows a date or time: 14–22 and 45–47 everywhere,
// 27–36 and 50–58 in East Asian versions of Excel.
func builtInDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// isDateCode reports whether a format code shows a date or time: it has a
// y, m, d, h or s outside quoted text, escapes and [colour]/[condition]
// brackets ([h], [mm] and [ss] of elapsed time count).
func isDateCode(code string) bool {
	for i := 0; i < len(code); i++ {
		switch c := code[i] | 0x20; {
		case code[i] == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				return false
			}
			i += j + 1
		case code[i] == '\\', code[i] == '_', code[i] == '*':
			i++ // the next character is shown as it is, or is padding
		case code[i] == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				return false
			}
			inner := strings.ToLower(code[i+1 : i+j])
			if inner != "" && strings.Trim(inner, "hms") == "" {
				return true
			}
			i += j
		case c == 'y' || c == 'm' || c == 'd' || c == 'h' || c == 's':
			return true
		}
	}
	return false
}

// dateShown reads which parts of the value a date format code shows,
// from its first section (the one for positive numbers; isDateCode has
// said it is a date format). An m is the minutes after an h or before an
// s, else the month; mmm and longer are always the month. A code whose
// parts it cannot tell (no y, m, d, h or s it knows) is a guess.
func dateShown(code string) shown {
	var sh shown
	var (
		month  bool // an m or mm that is the month unless an s follows
		afterH bool // the last part was the hours
	)
	minutes := func() { sh.clock, sh.minutes, month = true, true, false }
	for i := 0; i < len(code); i++ {
		c := code[i] | 0x20
		run := 1
		for i+run < len(code) && code[i+run]|0x20 == c {
			run++
		}
		switch {
		case code[i] == ';':
			i = len(code)
			continue
		case code[i] == '"':
			j := strings.IndexByte(code[i+1:], '"')
			if j < 0 {
				i = len(code)
				continue
			}
			i += j + 1
			continue
		case code[i] == '\\', code[i] == '_', code[i] == '*':
			i++
			continue
		case code[i] == '[':
			j := strings.IndexByte(code[i:], ']')
			if j < 0 {
				i = len(code)
				continue
			}
			inner := strings.ToLower(code[i+1 : i+j])
			i += j
			if inner == "" || strings.Trim(inner, inner[:1]) != "" || !strings.Contains("hms", inner[:1]) {
				continue // a colour, a condition, a locale
			}
			c, run = inner[0], 0 // an elapsed field, read below
			if sh.elapsed == 0 {
				sh.elapsed = c
			}
		case strings.HasPrefix(strings.ToLower(code[i:]), "am/pm"):
			i += len("am/pm") - 1
			continue
		case strings.HasPrefix(strings.ToLower(code[i:]), "a/p"):
			i += len("a/p") - 1
			continue
		}
		switch c {
		case 'y', 'd': // and an m before it is the month
			sh.date, month, afterH = true, false, false
		case 'h':
			if month {
				sh.date, month = true, false
			}
			sh.clock, sh.hours, afterH = true, true, true
		case 'm':
			switch {
			case afterH || run == 0: // after the hours, or [m]
				minutes()
			case run >= 3:
				sh.date = true
			default:
				month = true
			}
			afterH = false
		case 's':
			if month {
				minutes()
			}
			sh.clock, sh.seconds, afterH = true, true, false
			end := i + max(run, 1) // after the s's, or the ] of [s]
			if end < len(code) && code[end] == '.' {
				for k := end + 1; k < len(code) && code[k] == '0' && sh.frac < 3; k++ {
					sh.frac++
				}
			}
		}
		if run > 1 {
			i += run - 1
		}
	}
	if month {
		sh.date = true
	}
	if !sh.date && !sh.clock {
		sh.guess = true
	}
	return sh
}

// cellValue turns a cell as the file stores it into the text the user
// typed: typ is the c element's t attribute, raw its value (for a shared
// string, the string), f its style's number format. Excel's display
// damages data, so it is not copied:
//
//   - a whole number reads as all its digits: a personnummer stored as
//     198001022386 reads "198001022386", not "1.98001E+11" (General) or
//     "198001022386.00"; a phone number stored as 701234567 stays that,
//     as only the mapping knows the column is a phone number;
//   - another number reads as Excel's General format shows it, up to 15
//     significant digits, without the format's thousands separators,
//     currency or percent sign;
//   - a number in a date or time format reads as ISO 8601, the parts its
//     format shows: 2024-05-12 for a date, 2024-05-12 14:30 for a date
//     and time (the date alone at midnight), 14:30 for a time of day,
//     with :45 when the format shows seconds (and .5 tenths for ss.0),
//     in the workbook's date system (1900 or 1904); a duration ([h]:mm:ss,
//     [m]:ss, [s]) reads as Excel shows it, 255:10:05;
//   - a cell of type "d" (an ISO 8601 date) reads as its style's date
//     format shows it, else as ISO 8601 with the seconds it has;
//   - booleans read TRUE and FALSE, error values as shown (#N/A), and
//     text as it is. A formula's cell holds its last result, read alike.
//
// Whatever the input, it returns a value: at worst raw as it is.
func cellValue(typ, raw string, f numFormat, date1904 bool) string {
	switch typ {
	case "s", "str", "inlineStr", "e":
		return raw
	case "b":
		switch strings.TrimSpace(raw) {
		case "1", "true":
			return "TRUE"
		case "0", "false":
			return "FALSE"
		}
		return raw
	case "d":
		t, timeOnly, ok := parseISODate(strings.TrimSpace(raw))
		if !ok {
			return raw
		}
		sh := shown{guess: true}
		if f.date {
			sh = f.show
		}
		if v, ok := serial(t, timeOnly, date1904); ok {
			if s, ok := dateValue(v, sh, date1904); ok {
				return s
			}
		}
		return isoDate(t, timeOnly) // before 1900 or 1904, which Excel cannot show
	}
	v, ok := parseNumber(raw)
	if !ok {
		return raw
	}
	if f.date {
		if s, ok := dateValue(v, f.show, date1904); ok {
			return s
		}
	}
	return formatNumber(v)
}

// parseNumber reads a stored number, which Excel writes in plain or
// exponent notation; strconv's other forms (hex, Inf, NaN, "_") are no
// number Excel writes.
func parseNumber(raw string) (float64, bool) {
	s := strings.TrimSpace(raw)
	if s == "" || strings.Trim(s, "0123456789.eE+-") != "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// formatNumber writes v with Excel's 15 significant digits, and a whole
// number with all its digits rather than in exponent notation.
func formatNumber(v float64) string {
	v, _ = strconv.ParseFloat(strconv.FormatFloat(v, 'g', 15, 64), 64)
	if v == 0 {
		return "0" // not "-0"
	}
	whole := v == math.Trunc(v)
	if whole && math.Abs(v) < 1e15 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	if whole && math.Abs(v) < 1e21 {
		// Past 15 digits the float's own digits are noise: Excel shows
		// zeros there, and so does this.
		mant, exp, _ := strings.Cut(strconv.FormatFloat(v, 'e', 14, 64), "e")
		e, _ := strconv.Atoi(exp)
		sign, digits := "", strings.Replace(mant, ".", "", 1)
		if digits[0] == '-' {
			sign, digits = "-", digits[1:]
		}
		return sign + digits + strings.Repeat("0", e-14)
	}
	return strconv.FormatFloat(v, 'G', 15, 64)
}

// maxSerial is the serial after 9999-12-31, the last day Excel shows.
const maxSerial = 2958466

// dateValue writes v, a serial in a date or time format, as sh says, in
// the date system the workbook has (see cellValue), or reports false for
// a serial Excel shows no date for: below 0 or past 9999-12-31.
//
// In the 1900 system day 1 is 1900-01-01 and day 60 the 29 February that
// 1900 did not have (kept from Lotus 1-2-3, and shown by Excel), so days
// from 61 count from 1899-12-30; the 1904 system counts from 1904-01-01.
// As Excel does, the value is rounded to the smallest unit shown (the
// second, or its tenth for ss.0), taking away floating-point noise, and
// the parts not shown are left out: 23:59:45 in hh:mm is 23:59 of the
// same day, not the next.
func dateValue(v float64, sh shown, date1904 bool) (string, bool) {
	if v < 0 || v >= maxSerial {
		return "", false
	}
	scale := int64(1)
	for range sh.frac {
		scale *= 10
	}
	units := int64(math.Round(v * 86400 * float64(scale)))
	secs, sub := units/scale, units%scale
	if sh.elapsed != 0 {
		return duration(secs, sub, sh), true
	}
	days, secs := secs/86400, secs%86400
	if sh.guess {
		sh = shown{date: days > 0 || v >= 1, clock: secs != 0 || sub != 0 || v < 1, hours: true, minutes: true, seconds: secs%60 != 0}
	}
	b := make([]byte, 0, 32) // on the stack: the one allocation is the string
	if sh.date {
		// A date and time at midnight reads as its date alone: a
		// birth date kept in a date-and-time format is a date.
		b = appendDate(b, days, date1904)
		if !sh.clock || secs == 0 && sub == 0 {
			return string(b), true
		}
		b = append(b, ' ')
	}
	h, m, s := secs/3600, secs/60%60, secs%60
	switch {
	case sh.hours:
		b = pad2(append(pad2(b, h), ':'), m)
		if sh.seconds {
			b = pad2(append(b, ':'), s)
		}
	case sh.minutes && sh.seconds: // mm:ss
		b = pad2(append(pad2(b, m), ':'), s)
	case sh.minutes:
		b = pad2(b, m)
	default:
		b = pad2(b, s)
	}
	return string(appendFrac(b, sub, sh)), true
}

// duration writes secs seconds and sub of its fractions as an elapsed
// time format shows them: the first field counts on ([h]:mm:ss 255:10:05),
// the rest turn over as on a clock.
func duration(secs, sub int64, sh shown) string {
	b := make([]byte, 0, 32)
	switch sh.elapsed {
	case 'h':
		b = strconv.AppendInt(b, secs/3600, 10)
		if sh.minutes {
			b = pad2(append(b, ':'), secs/60%60)
		}
		if sh.seconds {
			b = pad2(append(b, ':'), secs%60)
		}
	case 'm':
		b = strconv.AppendInt(b, secs/60, 10)
		if sh.seconds {
			b = pad2(append(b, ':'), secs%60)
		}
	default:
		b = strconv.AppendInt(b, secs, 10)
	}
	return string(appendFrac(b, sub, sh))
}

// pad2 appends n, below 100, in two digits.
func pad2(b []byte, n int64) []byte {
	return append(b, byte('0'+n/10), byte('0'+n%10))
}

// appendFrac appends the fraction of a second sub, when sh shows one.
func appendFrac(b []byte, sub int64, sh shown) []byte {
	if !sh.seconds || sh.frac == 0 {
		return b
	}
	b = append(b, '.')
	digits := strconv.AppendInt(make([]byte, 0, 3), sub, 10)
	for range int(sh.frac) - len(digits) {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// appendDate appends the date of day serial days as YYYY-MM-DD.
func appendDate(b []byte, days int64, date1904 bool) []byte {
	switch {
	case date1904:
		return time.Date(1904, 1, 1+int(days), 0, 0, 0, 0, time.UTC).AppendFormat(b, time.DateOnly)
	case days == 60:
		return append(b, "1900-02-29"...)
	case days < 61:
		return time.Date(1899, 12, 31+int(days), 0, 0, 0, 0, time.UTC).AppendFormat(b, time.DateOnly)
	}
	return time.Date(1899, 12, 30+int(days), 0, 0, 0, 0, time.UTC).AppendFormat(b, time.DateOnly)
}

// serial is the date serial of t (of its time of day alone when
// timeOnly), in the date system the workbook has, or false for a date
// before the system's first day.
func serial(t time.Time, timeOnly, date1904 bool) (float64, bool) {
	day := float64(t.Hour()*3600+t.Minute()*60+t.Second())/86400 + float64(t.Nanosecond())/86400e9
	if timeOnly {
		return day, true
	}
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	if date1904 {
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	y, m, d := t.Date()
	days := (time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() - base.Unix()) / 86400
	if !date1904 && days < 61 {
		days-- // before 1900-03-01: Lotus 1-2-3's 29 February comes after
	}
	if days < 1 && !(days == 0 && date1904) {
		return 0, false
	}
	return float64(days) + day, true
}

// isoDate writes t as YYYY-MM-DD, with HH:MM when it has a time of day,
// or HH:MM alone for a time without a date, with :SS when it has seconds.
func isoDate(t time.Time, timeOnly bool) string {
	clock := "15:04"
	if t.Second() != 0 {
		clock = "15:04:05"
	}
	switch {
	case timeOnly:
		return t.Format(clock)
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0:
		return t.Format(time.DateOnly)
	}
	return t.Format("2006-01-02 " + clock)
}

// parseISODate reads the ISO 8601 value of a cell of type "d", to the
// second; timeOnly when it is a time without a date.
func parseISODate(s string) (t time.Time, timeOnly, ok bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02", "15:04:05.999999999", "15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Round(time.Second), t.Year() == 0, true
		}
	}
	return time.Time{}, false, false
}

package source

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// numFormat is a cell style's number format, as far as reading the value
// back needs it: whether it shows the number as a date or time.
type numFormat struct {
	id   int
	code string
	date bool
}

func newNumFormat(id int, code string) numFormat {
	f := numFormat{id: id, code: code}
	if code != "" {
		f.date = isDateCode(code)
	} else {
		f.date = builtInDate(id)
	}
	return f
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
//   - a number in a date or time format reads as ISO 8601: 2024-05-12,
//     2024-05-12 14:30 when it has a time of day, 14:30 for a time alone,
//     in the workbook's date system (1900 or 1904);
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
		if t, ok := parseISODate(strings.TrimSpace(raw)); ok {
			return isoDate(t, t.Year() == 0) // a time alone parses into year 0
		}
		return raw
	}
	v, ok := parseNumber(raw)
	if !ok {
		return raw
	}
	if f.date {
		if t, ok := excelTime(v, date1904); ok {
			s := isoDate(t, v < 1)
			if !date1904 && v >= 60 && v < 61 {
				// Day 60 is 29 February 1900, a day that never was: Excel
				// keeps Lotus 1-2-3's leap-year mistake, and shows it.
				s = "1900-02-29" + s[len("1900-03-01"):]
			}
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

// excelTime turns a date serial into a time, to the nearest minute, in
// UTC. In the 1900 system day 1 is 1900-01-01 and day 60 the 29 February
// that 1900 did not have (kept from Lotus 1-2-3), so days from 61 count
// from 1899-12-30; the 1904 system counts from 1904-01-01. Serials outside
// what Excel shows as a date (before day 0, after 9999-12-31) are none.
func excelTime(v float64, date1904 bool) (time.Time, bool) {
	if v < 0 || v >= 2958466 {
		return time.Time{}, false
	}
	// Round to the second, which takes away floating-point noise, then
	// drop the seconds as Excel's hh:mm does: 23:59:45 is still 23:59 of
	// the same day, not the next.
	minutes := int64(math.Round(v*24*60*60)) / 60
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	switch {
	case date1904:
		base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	case v < 61:
		base = time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return base.Add(time.Duration(minutes) * time.Minute), true
}

// isoDate writes t as YYYY-MM-DD, with HH:MM when it has a time of day,
// or HH:MM alone for a time without a date.
func isoDate(t time.Time, timeOnly bool) string {
	switch {
	case timeOnly:
		return t.Format("15:04")
	case t.Hour() == 0 && t.Minute() == 0:
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}

// parseISODate reads the ISO 8601 value of a cell of type "d".
func parseISODate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02", "15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Round(time.Second).Truncate(time.Minute), true // as excelTime: hh:mm drops the seconds
		}
	}
	return time.Time{}, false
}

package mapping

import (
	"errors"
	"strings"
	"time"

	"leadimport/importer/msg"
)

// Personnummer is a Swedish personal identity number or coordination
// number (samordningsnummer), with its century resolved.
type Personnummer struct {
	Year, Month, Day int  // the date of birth; Month and Day are 0 in a samordningsnummer that does not know them
	Coordination     bool // a samordningsnummer: the day is written with 60 added
	Serial           int  // the three-digit birth number
	Check            int  // the Luhn check digit
}

// The reasons a number is not a personnummer; a *PersonnummerError wraps
// one of them.
var (
	ErrPersonnummerFormat = errors.New("personnummer: not 10 or 12 digits")
	ErrNoSuchDate         = errors.New("personnummer: no such date")
	ErrCheckDigit         = errors.New("personnummer: wrong check digit")
	ErrOrganisationNumber = errors.New("personnummer: an organisation number")
	ErrInterimNumber      = errors.New("personnummer: an interim number")
)

// PersonnummerError says in plain words why a number was rejected: its
// Message, ready for a Problem, is its Error in English.
type PersonnummerError struct {
	Err     error // one of the Err… values above
	Message msg.Message
}

func (e *PersonnummerError) Error() string    { return msg.English.Say(e.Message) }
func (e *PersonnummerError) Unwrap() error    { return e.Err }
func (e *PersonnummerError) Msg() msg.Message { return e.Message }

// interimLetters may stand first in an interim number's serial: the
// numbers hospitals and authorities give people without a personnummer.
const interimLetters = "TRSUWXJKLMN"

// ParsePersonnummer reads a personnummer or samordningsnummer written as
// YYYYMMDD-NNNN or YYMMDD-NNNN, with "-", "+" or no separator; spaces
// around the number and around the separator are ignored.
//
// A 10-digit number has no century. By the population register's rule,
// "+" is written from the year in which the person turns 100 (not from
// the birthday): it means a year at least 100 years before now's; "-" or
// no separator a year less than 100 years before now's (see century).
// now is the run's date; a zero now means time.Now().
// In the 12-digit form the century is written and the separator is not
// read.
func ParsePersonnummer(s string, now time.Time) (Personnummer, error) {
	var digits [12]byte
	n, sep, letter, err := scanPersonnummer(strings.TrimSpace(s), &digits)
	if err != nil {
		return Personnummer{}, err
	}
	d := digits[n-10 : n] // the 10-digit form
	if letter {
		return Personnummer{}, pnError(ErrInterimNumber, msg.InterimNumber{})
	}
	month, day := num(d[2:4]), num(d[4:6])
	if month >= 20 {
		return Personnummer{}, pnError(ErrOrganisationNumber, msg.OrganisationNumber{})
	}
	p := Personnummer{Month: month, Day: day, Serial: num(d[6:9]), Check: num(d[9:10])}
	if day >= 60 {
		p.Day, p.Coordination = day-60, true
	}
	if n == 12 {
		p.Year = num(digits[0:4])
	} else {
		if now.IsZero() {
			now = time.Now()
		}
		p.Year = century(num(d[0:2]), p.Month, p.Day, sep == '+', now)
	}
	if !p.validDate() {
		return Personnummer{}, pnError(ErrNoSuchDate, msg.NoSuchDate{Date: itoa(p.Year, 4) + string(d[2:6]), Coordination: p.Coordination})
	}
	if p.Serial == 0 {
		return Personnummer{}, pnError(ErrPersonnummerFormat, msg.ZeroSerial{})
	}
	if want := luhn(d[:9]); want != p.Check {
		return Personnummer{}, pnError(ErrCheckDigit, msg.CheckDigit{Want: want})
	}
	return p, nil
}

func pnError(err error, m msg.Message) error { return &PersonnummerError{Err: err, Message: m} }

// scanPersonnummer copies the digits of s into digits and returns how
// many there are, the separator ('-', '+' or 0) and whether the serial
// starts with an interim letter, which is kept in digits as written.
func scanPersonnummer(s string, digits *[12]byte) (n int, sep byte, letter bool, err error) {
	sepAt := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '-' || c == '+':
			if sep != 0 {
				return 0, 0, false, pnError(ErrPersonnummerFormat, msg.PersonnummerFormat{})
			}
			sep, sepAt = c, n
			continue
		case c == ' ':
			// Only beside the separator: a space alone does not separate
			// (the personnummer project's vectors reject "19090527 1474").
			if !besideSeparator(s, i) {
				return 0, 0, false, pnError(ErrPersonnummerFormat, msg.PersonnummerSpace{})
			}
			continue
		case (n == 6 || n == 8) && strings.IndexByte(interimLetters, c&^0x20) >= 0 && c&^0x20 >= 'A':
			letter = true
		default:
			return 0, 0, false, pnError(ErrPersonnummerFormat, msg.PersonnummerFormat{})
		}
		if n == len(digits) {
			return 0, 0, false, pnError(ErrPersonnummerFormat, msg.PersonnummerFormat{})
		}
		digits[n] = c
		n++
	}
	if n != 10 && n != 12 || sep != 0 && sepAt != n-4 {
		return 0, 0, false, pnError(ErrPersonnummerFormat, msg.PersonnummerFormat{})
	}
	if letter && digits[n-4] >= '0' && digits[n-4] <= '9' {
		// The letter was not first in the serial.
		return 0, 0, false, pnError(ErrPersonnummerFormat, msg.PersonnummerFormat{})
	}
	return n, sep, letter, nil
}

// besideSeparator reports whether the run of spaces around s[i] touches
// a '-' or '+'.
func besideSeparator(s string, i int) bool {
	l := strings.TrimRight(s[:i], " ")
	r := strings.TrimLeft(s[i:], " ")
	return strings.HasSuffix(l, "-") || strings.HasSuffix(l, "+") ||
		strings.HasPrefix(r, "-") || strings.HasPrefix(r, "+")
}

// century picks the full year for a two-digit year yy by the population
// register's rule, in which the separator turns from "-" to "+" in the
// year the person turns 100: with plus, the latest year at least 100
// years before now's; else the latest year not after now's. A date later
// this year with "-" is a birth yet to come, so it is read as the century
// before: a person in the year of their 100th birthday who wrote "-", as
// the rule is often misread (from the birthday).
func century(yy, month, day int, plus bool, now time.Time) int {
	ry, rm, rd := now.Date()
	base := ry
	if plus {
		base -= 100
	}
	y := base - ((base-yy)%100+100)%100
	if !plus && y == ry && (month > int(rm) || month == int(rm) && day > rd) {
		y -= 100
	}
	return y
}

func (p Personnummer) validDate() bool {
	if p.Year < 0 || p.Month > 12 || p.Day > 31 { // Day has lost its 60
		return false
	}
	// A samordningsnummer's date is what the person stated, not always a
	// real day: Skatteverket's test numbers leave the month or the day
	// unknown (0) and use day 31 in every month (19200491, 19300290).
	if p.Coordination {
		return true
	}
	return p.Month >= 1 && p.Day >= 1 && p.Day <= daysIn(p.Year, p.Month)
}

// daysIn is how many days month (1 to 12) of year has, in the Gregorian
// calendar as time.Date reckons it: without time.Date's cost, as every
// personnummer of every row asks.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// luhn is the check digit for nine digits.
func luhn(d []byte) int {
	sum := 0
	for i, c := range d {
		v := int(c - '0')
		if i%2 == 0 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return (10 - sum%10) % 10
}

func num(d []byte) int {
	v := 0
	for _, c := range d {
		v = v*10 + int(c-'0')
	}
	return v
}

// itoa writes v with at least width digits.
func itoa(v, width int) string {
	var b [20]byte
	i := len(b)
	for v > 0 || width > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
		width--
	}
	return string(b[i:])
}

// Short is the 10-digit form YYMMDD-NNNN, with + for - from the year in
// which the person turns 100 (the population register's rule): the form
// ParsePersonnummer reads back to the same date on that day.
func (p Personnummer) Short(now time.Time) string {
	long := p.Long()
	sep := "-"
	if now.Year()-p.Year >= 100 {
		sep = "+"
	}
	return long[2:8] + sep + long[9:]
}

// Age is how old the person is at now, in whole years. A samordningsnummer
// that does not know the month or the day counts from the year's start.
func (p Personnummer) Age(now time.Time) int {
	y, m, d := now.Date()
	age := y - p.Year
	if p.Month > int(m) || p.Month == int(m) && p.Day > d {
		age--
	}
	return age
}

// Long is the form leadimport sends: YYYYMMDD-NNNN, the day with 60 added
// for a samordningsnummer.
func (p Personnummer) Long() string {
	var b [13]byte
	return string(p.appendLong(b[:0]))
}

// appendLong appends Long's form to b.
func (p Personnummer) appendLong(b []byte) []byte {
	day := p.Day
	if p.Coordination {
		day += 60
	}
	put := func(v, width int) {
		at := len(b)
		b = append(b, "0000"[:width]...)
		for i := at + width - 1; i >= at; i-- {
			b[i] = byte('0' + v%10)
			v /= 10
		}
	}
	put(p.Year, 4)
	put(p.Month, 2)
	put(day, 2)
	b = append(b, '-')
	put(p.Serial, 3)
	put(p.Check, 1)
	return b
}

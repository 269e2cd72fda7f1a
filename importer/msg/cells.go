package msg

// What is wrong with a row's cells, or looks it: the problems and
// warnings mapping finds. A cell's problem never holds its value (the
// report shows the value beside it, the log never): a warning may.

// Required: the field has no value.
type Required struct{ message }

// TooLong: the value is over Connect's documented limit, in characters.
type TooLong struct {
	message
	Len, Max int
}

// ControlCharacter: the value holds a control character (NUL, ESC, …),
// invisible in Excel and refused or mangled downstream; Code is the first.
type ControlCharacter struct {
	message
	Code rune
}

// NoContact: the lead has neither an e-mail address nor a phone number.
type NoContact struct{ message }

// NotBuyerStatus: prospectiveBuyerStatus is none of Connect's three.
type NotBuyerStatus struct{ message }

// NotInterestStatus: an interest registration's status is none of
// Connect's four.
type NotInterestStatus struct{ message }

// NotDate: the value is no date as a Swedish sheet writes one.
type NotDate struct{ message }

// DateInFuture: a consent date after today (Today, YYYY-MM-DD).
type DateInFuture struct {
	message
	Today string
}

// DateTooEarly: a consent date before Earliest (YYYY-MM-DD), long before
// the GDPR: a wrong year, more likely than a consent.
type DateTooEarly struct {
	message
	Earliest string
}

// NotNumber: the value is no number as a Swedish sheet writes one. Unit
// is the unit the field may be written with ("kr", "m²", "rum"); Example
// how to write it, "" for a body's value (Interest.Check): then it says
// only that it is no number.
type NotNumber struct {
	message
	Unit, Example string
}

// BornLongAgo warns of a personnummer whose person would be over 110: a
// wrong century, more likely than a buyer.
type BornLongAgo struct {
	message
	Year, Age int
}

// MailDomainTypo warns of an e-mail address whose domain is one slip
// from a common one (gmial.com for gmail.com).
type MailDomainTypo struct {
	message
	Address string // as written
	Likely  string // the domain meant, likely
}

// parts are the mistyped domain and the address as likely meant.
func (m MailDomainTypo) parts() (domain, meant string) {
	at := len(m.Address)
	for at > 0 && m.Address[at-1] != '@' {
		at--
	}
	return m.Address[at:], m.Address[:at] + m.Likely
}

// PlaceholderID: a customerId or estateId is a placeholder (M0000, TODO),
// not an id.
type PlaceholderID struct{ message }

// NoCustomerID: nothing gives the row a customerId.
type NoCustomerID struct{ message }

// NoEstateID: nothing gives the row an estateId.
type NoEstateID struct{ message }

// FirstName is a problem with the first name a full-name cell gave.
type FirstName struct {
	message
	Problem Message
}

// LastName is a problem with the last name a full-name cell gave.
type LastName struct {
	message
	Problem Message
}

// NotBool: a yes-or-no cell says neither.
type NotBool struct{ message }

// SeveralEmails: an e-mail cell holds more than one address. Second is
// the mapping's name for the second address's field.
type SeveralEmails struct {
	message
	Second string
}

// EmailSpaces: an e-mail address with a space in it.
type EmailSpaces struct{ message }

// NotEmail: the cell is not an e-mail address.
type NotEmail struct{ message }

// NotEmailDomain: what follows the @ is not a domain.
type NotEmailDomain struct{ message }

// PhoneCharacters: a phone number with characters no number is written
// with.
type PhoneCharacters struct{ message }

// PhoneTooShort: fewer than five digits.
type PhoneTooShort struct{ message }

// NoCountryCode: no country has the code after + or 00.
type NoCountryCode struct{ message }

// NotPhone: libphonenumber cannot read the number.
type NotPhone struct{ message }

// NotSwedishPhone: a Swedish number that no Swedish series has.
type NotSwedishPhone struct{ message }

// CellNotMobile: a Swedish number in the mobile column (telephone.cell)
// that the numbering plan says is no mobile number: a landline, a
// toll-free number. A 075 personal number may be either: Kind says.
// HomeTaken: normalize phone.cell: move could not move it, the row
// having a home number.
type CellNotMobile struct {
	message
	Kind      PhoneKind
	HomeTaken bool
}

// SentAs follows a change whose value was sent as another field than its
// column's: a landline moved from the mobile column to telephone.home
// (normalize phone.cell: move).
type SentAs struct {
	message
	Field string // e.g. person.telephone.home
}

// PhoneKind is a kind of Swedish number, as libphonenumber's metadata
// for Sweden names its series.
type PhoneKind uint8

// The kinds CellNotMobile speaks of.
const (
	OtherPhone     PhoneKind = iota // VoIP, pager, UAN: no mobile either
	FixedLine                       // a landline: 08-123 456 78
	TollFree                        // 020, 0200
	PremiumRate                     // 0900, 0939, 0944
	SharedCost                      // 077
	PersonalNumber                  // 075: may or may not ring a mobile
	Voicemail                       // 0254…: a voicemail box
)

// NotPhoneInRegion: a foreign number that its country's series do not
// have.
type NotPhoneInRegion struct {
	message
	Region string // ISO 3166 code, e.g. GB
}

// NotPostcode: not a Swedish postcode.
type NotPostcode struct{ message }

// OneFirstOneLast: a full name written "Last, First" with a part missing
// or a comma too many.
type OneFirstOneLast struct{ message }

// FirstAndLast: a full name of one word.
type FirstAndLast struct{ message }

// Why a number is not a personnummer.

// InterimNumber: a letter in the last four, as in the numbers hospitals
// give people without a personnummer.
type InterimNumber struct{ message }

// OrganisationNumber: the month is 20 or more, as in an organisation
// number.
type OrganisationNumber struct{ message }

// NoSuchDate: the date of birth is no day of the calendar.
type NoSuchDate struct {
	message
	Date         string // YYYYMMDD, as written, the century resolved
	Coordination bool   // a samordningsnummer: the day has 60 added
}

// ZeroSerial: 000 after the date.
type ZeroSerial struct{ message }

// CheckDigit: the last digit is not the one the others give.
type CheckDigit struct {
	message
	Want int
}

// PersonnummerFormat: not 10 or 12 digits in the form of one.
type PersonnummerFormat struct{ message }

// PersonnummerSpace: the date and the last four separated by a space
// alone.
type PersonnummerSpace struct{ message }

package msg

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// english says every message as leadimport always has: it is what an
// error's Error() returns, and what logs say.
var english = []entry{
	// Said the same in every language.
	say(func(m Verbatim, _ Lang) string { return m.Text }),
	say(func(m Joined, l Lang) string { return lines(m.Parts, l) }),

	// A row's cells (mapping).
	say(func(Required, Lang) string { return "is required" }),
	say(func(m TooLong, _ Lang) string {
		return fmt.Sprintf("is %d characters, at most %d allowed", m.Len, m.Max)
	}),
	say(func(m ControlCharacter, _ Lang) string {
		return fmt.Sprintf("holds an invisible control character (%s): delete it in the cell, or the whole value and write it again", controlName(m.Code))
	}),
	say(func(NoContact, Lang) string { return "no e-mail or phone: at least one is required" }),
	say(func(NotBuyerStatus, Lang) string { return "must be Assigned, Interested or NotInterested" }),
	say(func(NotInterestStatus, Lang) string {
		return "must be Interested, VeryInterested, Assigned or NotInterested (or Intresserad, Mycket intresserad, Anvisad, Ej intresserad)"
	}),
	say(func(NotDate, Lang) string {
		return "is not a date: write 2026-11-28, 28/11/2026, 28.11.2026 or 28 nov 2026, or make the cell a date cell"
	}),
	say(func(m DateInFuture, _ Lang) string {
		return fmt.Sprintf("is after today (%s): a consent cannot be given in the future; check the year", m.Today)
	}),
	say(func(m DateTooEarly, _ Lang) string {
		return fmt.Sprintf("is before %s: check the year", m.Earliest)
	}),
	say(func(m NotNumber, _ Lang) string {
		if m.Unit != "" {
			return fmt.Sprintf("is not a number: write it in full, e.g. %s (a unit, %s, may follow)", m.Example, m.Unit)
		}
		if m.Example == "" { // a body's value, judged without its field's example (the sandbox)
			return "is not a number"
		}
		return fmt.Sprintf("is not a number: write it in full, e.g. %s", m.Example)
	}),
	say(func(m BornLongAgo, _ Lang) string {
		return fmt.Sprintf("says the person was born in %d (%d years old); check the year", m.Year, m.Age)
	}),
	say(func(m MailDomainTypo, _ Lang) string {
		domain, meant := m.parts()
		return fmt.Sprintf("%s looks like a typo of %s (%s?); sent as written", domain, m.Likely, meant)
	}),
	say(func(PlaceholderID, Lang) string {
		return "is a placeholder, not an id: write the real one from Vitec Express there"
	}),
	say(func(NoCustomerID, Lang) string { return "customerId is empty on this row" }),
	say(func(NoEstateID, Lang) string { return "estateId is empty on this row" }),
	say(func(m FirstName, l Lang) string { return "first name " + l.Say(m.Problem) }),
	say(func(m LastName, l Lang) string { return "last name " + l.Say(m.Problem) }),
	say(func(NotBool, Lang) string {
		return "must be true or false (ja/nej, yes/no, 1/0 and x for true also work)"
	}),
	say(func(m SeveralEmails, _ Lang) string {
		return "must be one e-mail address, not several; put a second one in " + m.Second
	}),
	say(func(EmailSpaces, Lang) string { return "an e-mail address has no spaces" }),
	say(func(NotEmail, Lang) string { return "is not an e-mail address like anna@example.se" }),
	say(func(NotEmailDomain, Lang) string { return "the part after @ must be a domain like example.se" }),
	say(func(PhoneCharacters, Lang) string {
		return "a phone number may hold only digits, spaces and + - ( ) / ."
	}),
	say(func(PhoneTooShort, Lang) string { return "a phone number needs at least 5 digits" }),
	say(func(NoCountryCode, Lang) string {
		return "is not a valid phone number: no country has the code after + or 00 (Sweden is +46)"
	}),
	say(func(NotPhone, Lang) string { return "is not a valid phone number" }),
	say(func(NotSwedishPhone, Lang) string { return "is not a valid Swedish phone number" }),
	say(func(m NotPhoneInRegion, _ Lang) string { return "is not a valid phone number for region " + m.Region }),
	say(func(m CellNotMobile, _ Lang) string {
		kind := map[PhoneKind]string{FixedLine: "is a landline, not a mobile number",
			TollFree: "is a toll-free number (020), not a mobile number", PremiumRate: "is a premium-rate number, not a mobile number",
			SharedCost: "is a shared-cost number (077), not a mobile number", Voicemail: "is a voicemail number, not a mobile number",
			PersonalNumber: "is a personal number (075), which may or may not ring a mobile: check it"}[m.Kind]
		if kind == "" {
			kind = "is not a mobile number"
		}
		if m.HomeTaken {
			return kind + ": a text message will not reach it (not moved: the row has a home number)"
		}
		return kind + ": a text message will not reach it (normalize phone.cell: move sends it as the home number)"
	}),
	say(func(m SentAs, _ Lang) string { return "sent as " + m.Field }),
	say(func(NotPostcode, Lang) string { return "is not a Swedish postcode (five digits, e.g. 123 45)" }),
	say(func(OneFirstOneLast, Lang) string {
		return `needs one first and one last name: write it as "Anna Svensson" or "Svensson, Anna"`
	}),
	say(func(FirstAndLast, Lang) string {
		return `needs a first and a last name: write it as "Anna Svensson" or "Svensson, Anna"`
	}),

	// Cells that mean empty, and lenient fields (mapping).
	say(func(Emptied, Lang) string { return "empty" }),
	say(func(m LeftOut, l Lang) string {
		return l.Say(m.Problem) + "; sent without this value (validation: lenient)"
	}),
	say(func(m EmptyNotList, l Lang) string {
		return `input.empty must be a list of the texts that mean an empty cell, e.g. ["-", saknas, N/A], or [] for none; not ` + l.Say(m.Value)
	}),
	say(func(m EmptyEntryNotText, l Lang) string {
		return `input.empty: each entry must be a text, e.g. "-" or saknas (put - ? and other signs in quotes), not ` + l.Say(m.Value)
	}),
	say(func(m ValidationNotLines, l Lang) string {
		return "validation must be strict or lenient, or `field: strict|lenient` lines, e.g. `person.telephone.cell: lenient`, not " + l.Say(m.Value)
	}),
	say(func(m BadValidation, l Lang) string {
		s := "validation"
		if m.Key != "" {
			s += "." + m.Key
		}
		s += " " + l.Say(m.Value) + " is not a value it takes"
		if m.Suggest != "" {
			s += fmt.Sprintf(" (did you mean %q?)", m.Suggest)
		}
		return s + "; use strict (the default) or lenient"
	}),
	say(func(m RequiredNotLenient, _ Lang) string {
		return m.Field + " is required on every row, so it cannot be lenient; remove the line"
	}),

	// Why a number is not a personnummer (mapping).
	say(func(InterimNumber, Lang) string {
		return "looks like an interim number (a letter in the last four), not a personnummer"
	}),
	say(func(OrganisationNumber, Lang) string { return "looks like an organisation number, not a personnummer" }),
	say(func(m NoSuchDate, _ Lang) string {
		if m.Coordination {
			return "no such date: " + m.Date + " (a samordningsnummer, whose day has 60 added)"
		}
		return "no such date: " + m.Date
	}),
	say(func(ZeroSerial, Lang) string { return "no personnummer has 000 after the date" }),
	say(func(m CheckDigit, _ Lang) string { return fmt.Sprintf("check digit should be %d", m.Want) }),
	say(func(PersonnummerFormat, Lang) string { return "must be 10 or 12 digits (YYYYMMDD-NNNN)" }),
	say(func(PersonnummerSpace, Lang) string {
		return "must be 10 or 12 digits (YYYYMMDD-NNNN); write - between the date and the last four, not a space"
	}),

	// The mapping file, and how it meets an input and --set (mapping).
	say(func(m InMapping, l Lang) string { return m.where(l.Say(m.Problem)) }),
	say(func(m NoMappings, _ Lang) string {
		return "no mapping file (*.yaml) in the folder " + m.Folder
	}),
	say(func(m OpenMapping, l Lang) string { return "open mapping: " + l.Error(m.Err) }),
	say(func(m ReadMapping, l Lang) string { return "read mapping " + m.Name + ": " + l.Error(m.Err) }),
	say(func(m MappingTooLarge, _ Lang) string {
		return fmt.Sprintf("is larger than %d bytes: is it the mapping file?", m.Max)
	}),
	say(func(m NotYAML, _ Lang) string { return "not valid YAML: " + m.Detail }),
	say(func(m MappingEmpty, _ Lang) string { return "is empty; a mapping file starts like this:\n" + m.Example }),
	say(func(m MappingNotKeys, _ Lang) string {
		return "must be a YAML mapping of keys to values; a mapping file starts like this:\n" + m.Example
	}),
	say(func(m KeyTwice, _ Lang) string {
		return fmt.Sprintf("%q is given twice (first on line %d); keep one", m.Key, m.First)
	}),
	say(func(m UnknownKey, _ Lang) string {
		s := fmt.Sprintf("unknown key %q", m.Key)
		if m.Section != "" {
			s += " under " + m.Section
		}
		if m.Suggest != "" {
			return s + fmt.Sprintf(" (did you mean %q?)", m.Suggest)
		}
		return s + "; the keys are " + strings.Join(m.Keys, ", ")
	}),
	say(func(NoVersion, Lang) string { return "version is missing; add `version: 1` at the top" }),
	say(func(NoColumns, Lang) string {
		return "columns is missing; add `columns:` with one `Header: field` line per input column, e.g. `Förnamn: person.firstName`"
	}),
	say(func(m UnsupportedVersion, l Lang) string {
		return "version " + l.Say(m.Value) + " is not supported: this leadimport reads version 1; write `version: 1`"
	}),
	say(func(m UnsupportedEndpoint, l Lang) string {
		if m.Suggest != "" {
			return fmt.Sprintf("endpoint %s is not one leadimport knows (did you mean %s?); the endpoints are %s, the first the default", l.Say(m.Value), m.Suggest, strings.Join(m.Endpoints, ", "))
		}
		return fmt.Sprintf("endpoint %s is not one leadimport knows; the endpoints are %s, the first the default", l.Say(m.Value), strings.Join(m.Endpoints, ", "))
	}),
	say(func(SetEndpoint, Lang) string {
		return "--set cannot change the endpoint: it decides which fields there are; write `endpoint:` in the mapping file"
	}),
	say(func(EmptyValue, Lang) string { return "(empty)" }),
	say(func(MappingValue, Lang) string { return "(a mapping)" }),
	say(func(ListValue, Lang) string { return "(a list)" }),
	say(func(ColumnsEmpty, Lang) string {
		return "columns is empty; add one `Header: field` line per input column, e.g. `Förnamn: person.firstName`"
	}),
	say(func(m ColumnsNotLines, l Lang) string {
		return "columns must be `Header: field` lines, e.g. `Förnamn: person.firstName`, not " + l.Say(m.Value)
	}),
	say(func(ColumnWithoutHeader, Lang) string {
		return "a column needs a header before the colon, e.g. `Förnamn: person.firstName`"
	}),
	say(func(m HeaderTwice, _ Lang) string {
		return fmt.Sprintf("column %q is the same header as %q on line %d (headers match ignoring case and surrounding spaces); keep one", m.Header, m.First, m.Line)
	}),
	say(func(m FieldNotName, l Lang) string {
		return fmt.Sprintf("column %q: the field must be a name such as person.firstName, not %s", m.Header, l.Say(m.Value))
	}),
	say(func(m UnknownField, _ Lang) string {
		if m.Suggest != "" {
			return fmt.Sprintf("unknown field %q (did you mean %q?)", m.Field, m.Suggest)
		}
		return fmt.Sprintf("unknown field %q; the fields are %s", m.Field, strings.Join(m.Fields, ", "))
	}),
	say(func(m FieldOfOtherEndpoint, _ Lang) string {
		if m.Suggest != "" {
			return fmt.Sprintf("field %q is %s's; this mapping's endpoint is %s, which calls it %q", m.Field, m.Other, m.Endpoint, m.Suggest)
		}
		return fmt.Sprintf("field %q is %s's only; this mapping's endpoint is %s, which has no such field (or write `endpoint: %s`)", m.Field, m.Other, m.Endpoint, m.Other)
	}),
	say(func(m BadUTMTag, _ Lang) string {
		return fmt.Sprintf("unknown field %q: a UTM tag is marketing.utmTags.NAME with a NAME without spaces, e.g. marketing.utmTags.utm_source", m.Field)
	}),
	say(func(m FieldTwice, _ Lang) string {
		return fmt.Sprintf("%s is filled by both %q (line %d) and %q (line %d); map one of them to another field or remove it", m.Field, m.First, m.FirstLine, m.Header, m.Line)
	}),
	say(func(m ConstantsNotLines, l Lang) string {
		return "constants must be `field: value` lines, e.g. `customerId: M1001`, not " + l.Say(m.Value)
	}),
	say(func(m FullNameConstant, _ Lang) string {
		return fmt.Sprintf("%s can only come from a column; give %s and %s as constants instead", m.Full, m.First, m.Last)
	}),
	say(func(m ConstantTwice, _ Lang) string {
		return fmt.Sprintf("constant %s is given twice (first on line %d); keep one", m.Field, m.First)
	}),
	say(func(m ConstantEmpty, _ Lang) string {
		return fmt.Sprintf("constant %s has no value; give one, e.g. `%s: %s`, or remove the line", m.Field, m.Field, m.Example)
	}),
	say(func(m InputNotLines, l Lang) string {
		return "input must hold `sheet:`, `headerRow:`, `encoding:`, `delimiter:` or `empty:` lines, not " + l.Say(m.Value)
	}),
	say(func(InputSheetEmpty, Lang) string {
		return "input.sheet is empty; name the sheet to read, or remove the line to read the first"
	}),
	say(func(m BadHeaderRow, l Lang) string {
		return "input.headerRow " + l.Say(m.Value) + " must be a positive whole number (1 is the first row), or leave it out to use the first non-empty row"
	}),
	say(func(m BadInputEncoding, l Lang) string {
		return "input.encoding " + l.Say(m.Value) + " is not one leadimport reads; use one of " + strings.Join(m.Encodings, ", ") + ", or leave it out to detect it"
	}),
	say(func(m BadInputDelimiter, l Lang) string {
		return "input.delimiter " + l.Say(m.Value) + `: use one character that separates the cells, such as ",", ";", "|", ":" or tab (not a letter, digit, space or quote), or leave it out to detect it`
	}),
	say(func(m NormalizeNotLines, l Lang) string {
		return "normalize must hold `" + strings.Join(m.Keys, ":`, `") + ":` lines, e.g. `phone: national`, not " + l.Say(m.Value)
	}),
	say(func(m BadNormalize, l Lang) string {
		s := "normalize." + m.Key + " " + l.Say(m.Value) + " is not a value it takes"
		if m.Suggest != "" {
			s += fmt.Sprintf(" (did you mean %q?)", m.Suggest)
		}
		return s + "; use " + strings.Join(m.Values, ", ") + " (the default is " + first(m.Values) + ")"
	}),
	say(func(m FullNameAndPart, _ Lang) string {
		return fmt.Sprintf("column %q fills %s, but %q (line %d) already gives the first and last name; map either %s or %s and %s", m.Header, m.Field, m.FullHeader, m.FullLine, m.Full, m.First, m.Last)
	}),
	say(func(m ConstantAndFullName, _ Lang) string {
		return fmt.Sprintf("constant %s conflicts with column %q (line %d), which gives the first and last name; remove one of them", m.Field, m.FullHeader, m.FullLine)
	}),
	say(func(m ColumnNotInInput, _ Lang) string {
		list := "(none: is the header row empty?)"
		if len(m.Headers) > 0 {
			list = strings.Join(m.Headers, ", ")
		}
		if m.Hidden > 0 {
			list += " (" + plural(m.Hidden, "cell", "cells") + " not shown: not a known header name, so perhaps a person's details; is the header on another row? see --header-row)"
		}
		return fmt.Sprintf("column %q is not in the input; its headers are: %s", m.Header, list)
	}),
	say(func(m ColumnTwiceInInput, _ Lang) string {
		return fmt.Sprintf("column %q occurs %d times in the input (columns %s); rename all but one there, so it is clear which to read", m.Header, len(m.Columns), numbers(m.Columns, " and "))
	}),
	say(func(m BadConstant, l Lang) string {
		return fmt.Sprintf("constant %s %q: %s", m.Field, m.Value, l.Say(m.Problem))
	}),
	say(func(m SetValue, l Lang) string { return "--set " + m.Field + "=" + m.Value + ": " + l.Say(m.Problem) }),
	say(func(m SetFullName, _ Lang) string {
		return "--set " + m.Field + ": " + m.Field + " can only come from a column; set " + m.First + " and " + m.Last + " instead"
	}),
	say(func(m SetEmpty, _ Lang) string {
		return fmt.Sprintf("--set %s=: the value is empty; give one, e.g. --set %s=%s", m.Field, m.Field, m.Example)
	}),
	say(func(m NotGiven, _ Lang) string {
		return fmt.Sprintf("%s is not given: map a column to it, add `%s: %s` under constants, or pass --set %s=%s", m.Field, m.Field, m.Example, m.Field, m.Example)
	}),
	say(func(m NothingGivesName, _ Lang) string {
		return fmt.Sprintf("nothing gives %s, which every lead needs: map a column to it, or map one column to %s", m.Field, m.FullName)
	}),
	say(func(m NothingGivesContact, _ Lang) string {
		return fmt.Sprintf("nothing gives an e-mail address or a phone number, and every lead needs one: map a column to %s or %s (or another phone field)", m.Email, m.Cell)
	}),

	// The row as a whole, and sending it (importer).
	say(func(m ExtraCells, _ Lang) string {
		return fmt.Sprintf("%d cells, header has %d: fix the row or the header; values beyond the last column", m.Cells, m.Header)
	}),
	say(func(m SamePerson, _ Lang) string {
		return fmt.Sprintf("the same person as row %d: only that row is sent", m.Row)
	}),
	say(func(m SentBefore, _ Lang) string {
		return fmt.Sprintf("sent before, on %s (run %d): not sent again; --force sends it anyway", m.At.Format("2006-01-02 15:04"), m.Run)
	}),
	say(func(ReportSaysSent, Lang) string {
		return "the report says it was sent: not sent again; clear its status cell to send it anyway"
	}),
	say(func(m NotSent, l Lang) string { return "not sent: " + l.Error(m.Err) }),
	say(func(m NotChecked, l Lang) string { return "not checked: " + l.Error(m.Err) }),
	say(func(Interrupted, Lang) string { return "interrupted" }),
	say(func(m AfterAttempts, l Lang) string {
		return fmt.Sprintf("%s (after %d attempts)", l.Error(m.Err), m.Attempts)
	}),
	say(func(m NotRetried, l Lang) string { return l.Error(m.Err) + " (not retried: " + l.Error(m.Why) + ")" }),
	say(func(m NoAnswer, l Lang) string {
		return "no answer within " + m.Within.String() + ": " + l.Error(m.Err)
	}),
	say(func(m UnansweredTwice, l Lang) string {
		if m.Again {
			return l.Error(m.Err) + " (the request went and no answer came, as in an earlier run: not tried again, since each may have reached Connect; look the lead up there)"
		}
		return fmt.Sprintf("%s (twice the request went and no answer came, in %d attempts: not tried again in this run, since each may have reached Connect)", l.Error(m.Err), m.Attempts)
	}),
	say(func(m CustomerRefused, _ Lang) string {
		return fmt.Sprintf("no access to customer %s: not sent, after %d requests for it in a row were refused (403)", m.Customer, m.Refusals)
	}),
	say(func(m ConnectDown, _ Lang) string {
		return fmt.Sprintf("Connect seems to be down: %d rows in a row failed after their retries (--max-failures %d); run again later, or raise --max-failures", m.Failures, m.Max)
	}),
	say(func(m SameRefusal, l Lang) string {
		return fmt.Sprintf("Connect refused %d rows in a row with the same answer, which no row's content explains: %s; check --base-url and the mapping's endpoint", m.Rows, l.Error(m.Answer))
	}),
	say(func(m Throttled, _ Lang) string {
		return fmt.Sprintf("Connect has answered nothing but 429 Too Many Requests for %s (--max-throttle %s): run again later, or raise --max-throttle", m.For.Round(time.Second), m.Max)
	}),
	say(func(CredentialsRefused, Lang) string {
		return "Connect refused the user name or password (401): check VITEC_USERNAME and VITEC_PASSWORD, or the credentials file"
	}),
	say(func(m TooManyInvalid, _ Lang) string {
		return fmt.Sprintf("too many invalid rows: %d rows are invalid, more than --max-invalid %d; nothing was sent (is the mapping right? leadimport check shows every row)", m.Invalid, m.Max)
	}),
	say(func(m CannotEncode, l Lang) string { return "cannot encode the lead: " + l.Error(m.Err) }),
	say(func(m LedgerRead, l Lang) string { return "cannot read the ledger: " + l.Error(m.Err) }),
	say(func(m LedgerWrite, l Lang) string { return "cannot write the ledger: " + l.Error(m.Err) }),
	say(func(m ReportWrite, l Lang) string { return "cannot write the report " + m.Path + ": " + l.Error(m.Err) }),
	say(func(EarlierUnconfirmed, Lang) string {
		return "note: sent again because an earlier run's attempt is unconfirmed (that run stopped before Connect answered), so Connect may have recorded this lead twice"
	}),
	say(func(m NotAContactID, _ Lang) string {
		return fmt.Sprintf("the answer, %d, is a success but not a contact id as Connect gives (is --base-url Connect's address?): the lead may or may not be in Connect; look it up there before the row is sent again", m.Status)
	}),
	say(func(m NotNoContent, _ Lang) string {
		return fmt.Sprintf("the answer, %d, is a success but not the 204 without a body that Connect gives for an interest registration (is --base-url Connect's address?): the lead may or may not be in Connect; look it up there before the row is sent again", m.Status)
	}),
	say(func(m AcceptedNoBody, _ Lang) string { return fmt.Sprintf("%d: accepted, no body", m.Status) }),
	say(func(MayHaveIt, Lang) string {
		return "note: an attempt got no answer, so Connect may have recorded this lead; the next run sends it again"
	}),
	say(func(MaybeTwice, Lang) string {
		return "note: retried after an unconfirmed attempt (it got no answer), so Connect may have recorded this lead twice"
	}),

	// Rows that are the same person but disagree on who that is, and a
	// lead sent before whose row has changed since (importer).
	say(func(m SameButOther, _ Lang) string {
		row := fmt.Sprintf("row %d", m.Row)
		if m.Row == 0 {
			row = "another row"
		}
		return fmt.Sprintf("same %s as %s, but %s: check both rows",
			words(m.Identity, identitiesEN[:]), row, words(m.Field, anotherFieldEN[:]))
	}),
	say(func(m SameAsDisagreeing, _ Lang) string {
		rows := fmt.Sprintf("rows %d and %d", m.A, m.B)
		if m.A == 0 {
			rows = "two other rows"
		}
		return fmt.Sprintf("same %s as %s, which give different %s: check the rows",
			words(m.Identity, identitiesEN[:]), rows, words(m.Field, differentFieldsEN[:]))
	}),
	say(func(m ChangedSinceSent, _ Lang) string {
		changed := make([]string, len(m.Fields))
		for i, f := range m.Fields {
			changed[i] = words(f, theFieldEN[:])
		}
		return fmt.Sprintf("sent before, on %s (run %d), and changed since%s: not sent again; check the row, and --force sends it anyway",
			m.At.Format("2006-01-02 15:04"), m.Run, aside(andList(changed, "and")))
	}),
	say(func(m ComparingRows, l Lang) string {
		return "cannot compare the rows for the same person: " + l.Error(m.Err)
	}),

	// A row the reader could not read (importer/source).
	say(func(m InRow, l Lang) string { return fmt.Sprintf("%s: row %d: %s", m.File, m.Row, l.Error(m.Err)) }),
	say(func(m UnclosedQuote, _ Lang) string {
		return `a quoted cell is never closed: the cell in column ` + m.Column + ` opens a quote (") that the file never closes, so every line after it would be read into that one cell: fix the quotes on this row`
	}),
	say(func(StrayQuote, Lang) string {
		return `starts with a quote (") that is never closed, so the quote was read as part of the text and the lines after it as rows: check the cell`
	}),
	say(func(EditedOnPage, Lang) string {
		return "edited on the page of leadimport serve; the file itself says otherwise"
	}),
	say(func(m UnreadableRow, l Lang) string {
		return fmt.Sprintf("cannot read the row: %s (line %d, column %d of the text): check the quotes on this row", l.Error(m.Err), m.Line, m.Column)
	}),
	say(func(m TooManyCells, _ Lang) string {
		return fmt.Sprintf("too large: the row has %d cells, more than the 16,384 columns Excel has", m.Cells)
	}),
	say(func(m CellPastLastColumn, _ Lang) string {
		return "too large: the row has a cell in column " + m.Column + ", past the 16,384 columns Excel has"
	}),
	say(func(m CellTooLong, _ Lang) string {
		return fmt.Sprintf("too large: the cell in column %s has %d characters, more than the 32,767 Excel allows in a cell", m.Column, m.Len)
	}),
	say(func(m UndefinedByte, _ Lang) string {
		return fmt.Sprintf(`characters the encoding cannot represent: the cell in column %s holds byte 0x%02X, which windows-1252 does not define, so the file is in another encoding: save it from Excel as "CSV UTF-8" (File > Save As) and try again`, m.Column, m.Byte)
	}),
	say(func(m BrokenCharacter, _ Lang) string {
		return fmt.Sprintf(`characters the encoding cannot represent: the cell in column %s holds a broken %s character, so the file is damaged: save it from Excel as "CSV UTF-8" (File > Save As) and try again`, m.Column, m.Encoding)
	}),
	say(func(m NotUTF8, _ Lang) string {
		if m.Detected {
			return `bytes that are not UTF-8 in column ` + m.Column + `, though the start of the file is UTF-8: fix the cell, or if Excel saved the file as plain "CSV", set input.encoding or --encoding windows-1252`
		}
		return `bytes that are not UTF-8 in column ` + m.Column + `: set input.encoding or --encoding windows-1252 if Excel saved the file as plain "CSV"`
	}),

	// A file the reader cannot read, and what it found in one it can (importer/source).
	say(func(m InFile, l Lang) string { return m.File + ": " + l.Error(m.Err) }),
	say(func(m CannotOpen, l Lang) string { return "cannot open it: " + l.Error(m.Err) }),
	say(func(m CannotReadIt, l Lang) string { return "cannot read it: " + l.Error(m.Err) }),
	say(func(m ReadFailed, l Lang) string { return "read: " + l.Error(m.Err) }),
	say(func(m ReadAfterRow, l Lang) string {
		return fmt.Sprintf("read after row %d: %s", m.Row, l.Error(m.Err))
	}),
	say(func(m UnsupportedFile, _ Lang) string {
		what := fmt.Sprintf("%q files", m.Ext)
		if m.Ext == "" {
			what = "a file without an extension"
		}
		return "unsupported file type: cannot read " + what + ": save it as .xlsx or CSV (read: .csv, .txt, .tsv, .xlsx, .xlsm)"
	}),
	say(func(m UnknownEncoding, _ Lang) string {
		return fmt.Sprintf("unknown encoding %q: use one of utf-8, utf-16le, utf-16be, utf-16 (the byte order mark decides), windows-1252 (also cp1252; latin1 and iso-8859-1 are read as windows-1252)", m.Encoding)
	}),
	say(func(m EncodingUnclear, _ Lang) string {
		return fmt.Sprintf("cannot tell the encoding: the start of the file has %s in UTF-8 but also %s not in UTF-8 (the first on line %d), so it could be UTF-8 with a damaged cell or windows-1252: look at the file, then set --encoding utf-8 (rows with bytes that are not UTF-8 are then invalid) or --encoding windows-1252, or input.encoding in the mapping; the choices are utf-8, utf-16le, utf-16be, utf-16, windows-1252",
			plural(m.UTF8Chars, "character", "characters"), plural(m.BadBytes, "byte", "bytes"), m.BadLine)
	}),
	say(func(m BadDelimiter, _ Lang) string {
		return fmt.Sprintf("unusable delimiter %q: use one character such as ',', ';', '|', ':' or tab", m.Delimiter)
	}),
	say(func(m RowOverMiB, _ Lang) string {
		why := "a line that never ends"
		if m.Quote {
			why = `a quote (") that is not closed`
		}
		return fmt.Sprintf("row %d: too large: the row is over 1 MiB of text, most likely %s: fix the file in a text editor, or save it again from Excel", m.Row, why)
	}),
	say(func(m WorkbookNamedCSV, _ Lang) string {
		return "the file is not what its name says: it is an Excel workbook (.xlsx) named " + m.Ext + ": rename it to .xlsx"
	}),
	say(func(m XLSNamedCSV, _ Lang) string {
		return "the file is not what its name says: it is an Excel .xls file or a password-protected workbook named " + m.Ext + `: open it in Excel and save it as .xlsx or "CSV UTF-8"`
	}),
	say(func(m TextNamedXLSX, _ Lang) string {
		return "the file is not what its name says: it is a text (CSV) file named " + m.Ext + ": rename it to " + m.Stem + ".csv"
	}),
	say(func(m UnreadableContainer, l Lang) string {
		return "not a readable Excel .xlsx file (an Office container that cannot be read: " + l.Error(m.Err) + "): open it in Excel and save it as .xlsx or CSV"
	}),
	say(func(Encrypted, Lang) string {
		return "this is a password-protected Excel file: save it without a password and try again"
	}),
	say(func(LegacyXLS, Lang) string {
		return "this is an old Excel 97–2003 .xls file: open it in Excel and save it as .xlsx or CSV"
	}),
	say(func(OtherOfficeFile, Lang) string {
		return "not a readable Excel .xlsx file (an Office file of another kind, such as a Word document): open it in Excel and save it as .xlsx or CSV"
	}),
	say(func(NoWorkbookPart, Lang) string {
		return "not a readable Excel .xlsx file (it holds no workbook; it may be a Word or PowerPoint file): open it in Excel and save it as .xlsx or CSV"
	}),
	say(func(EmptyWorkbookFile, Lang) string {
		return "not a readable Excel .xlsx file (the file is empty): copy or download it again"
	}),
	say(func(NotZip, Lang) string {
		return "not a readable Excel .xlsx file (it is not a zip file, as every .xlsx is): open it in Excel and save it as .xlsx or CSV"
	}),
	say(func(m NotXLSX, l Lang) string {
		return "not a readable Excel .xlsx file (" + l.Error(m.Err) + "): open it in Excel and save it as .xlsx or CSV"
	}),
	say(func(m Incomplete, l Lang) string {
		return "the file is incomplete (cut off) or damaged (" + l.Error(m.Err) + "): copy or download it again, or open it in Excel and save it again"
	}),
	say(func(m ZipBomb, _ Lang) string {
		return fmt.Sprintf("unpacks to more than %d MiB: refused as a possible zip bomb; if it is a real workbook, save its rows as CSV", m.MiB)
	}),
	say(func(m SheetAfterRow, l Lang) string {
		return fmt.Sprintf("sheet %q after row %d: %s", m.Sheet, m.Row, l.Error(m.Err))
	}),
	say(func(NoSheets, Lang) string { return "no sheet to read: the workbook has no sheets" }),
	say(func(m AllSheetsHidden, _ Lang) string {
		return "no sheet to read: every sheet is hidden; the file has: " + sheetList(m.Sheets, " (hidden)") + ": name one with the sheet setting"
	}),
	say(func(m NoSuchSheet, _ Lang) string {
		return fmt.Sprintf("no sheet %q; the file has: %s", m.Sheet, sheetList(m.Sheets, " (hidden)"))
	}),
	say(func(m ChartSheet, _ Lang) string {
		if len(m.Worksheets) == 0 {
			return fmt.Sprintf("sheet %q is a chart, with no rows to read, and the workbook has no visible worksheet", m.Sheet)
		}
		return fmt.Sprintf("sheet %q is a chart, with no rows to read: name a worksheet: %s", m.Sheet, sheetList(m.Worksheets, " (hidden)"))
	}),
	say(func(m HeaderRowNegative, _ Lang) string {
		return fmt.Sprintf("no header row found: header row %d: rows are numbered from 1 (0 picks the first non-empty row)", m.Row)
	}),
	say(func(m HeaderRowBlank, _ Lang) string {
		return fmt.Sprintf("no header row found: row %d is empty: set the header row to the row with the column names", m.Row)
	}),
	say(func(m NoHeaderRow, l Lang) string { return "no header row found: " + l.Say(m.Why) }),
	say(func(EmptyFile, Lang) string { return "the file is empty" }),
	say(func(m EmptySheet, _ Lang) string { return fmt.Sprintf("sheet %q is empty", m.Sheet) }),
	say(func(m HeaderPastEnd, _ Lang) string {
		return fmt.Sprintf("no header row found: the last row is %d, before header row %d: set the header row to the row with the column names", m.Last, m.Want)
	}),
	say(func(m PartMissing, _ Lang) string { return "part " + m.Part + " is missing" }),
	say(func(m PartTooLarge, _ Lang) string { return fmt.Sprintf("part %s is over %d MiB", m.Part, m.MiB) }),
	say(func(m TooManySharedStrings, _ Lang) string {
		return fmt.Sprintf("its shared strings table has more than %d entries, more than its sheets have cells: Excel does not write such a file; open it in Excel and save it again, or save the sheet as CSV", m.Max)
	}),
	say(func(m SharedStringsTooLarge, _ Lang) string {
		return fmt.Sprintf("its shared strings take more than %d MiB in memory: save the sheet as CSV (UTF-8), which is read as it goes", m.MiB)
	}),
	say(func(XMLTooDeep, Lang) string { return "XML nested too deep" }),
	say(func(XMLTokenTooLong, Lang) string { return "an XML element or text of more than 4 MiB" }),
	say(func(m PastLastRow, _ Lang) string {
		return fmt.Sprintf("row %d is past Excel's last row, %d", m.Row, m.Max)
	}),
	say(func(m SharedStringsMissing, _ Lang) string {
		return fmt.Sprintf("%s: sheet %q: %s without a text the workbook has (a shared string missing; the first is %s), read as empty as Excel shows them: check them in Excel",
			m.File, m.Sheet, plural(m.Count, "text cell", "text cells"), m.Cell)
	}),
	say(func(m CSVFound, _ Lang) string {
		enc, delim := m.Encoding, fmt.Sprintf("'%c'", m.Delimiter)
		if m.BOM {
			enc += " with BOM"
		}
		if m.Delimiter == '\t' {
			delim = "tab"
		}
		return fmt.Sprintf("%s: %s, %s, header on row %d, %s", m.File, enc, delim, m.HeaderRow, plural(m.Columns, "column", "columns"))
	}),
	say(func(m XLSXFound, _ Lang) string {
		return fmt.Sprintf("%s: sheet %q, header on row %d, %s", m.File, m.Sheet, m.HeaderRow, plural(m.Columns, "column", "columns"))
	}),

	// A request Connect refused, or that never got an answer (importer/connect).
	say(func(m Unauthorized, _ Lang) string { return m.Status + ": Connect refused the user name or password" }),
	say(func(m Forbidden, _ Lang) string {
		return m.Status + ": no access to this customer or function group" + aside(m.Connect)
	}),
	say(func(m SendFailed, l Lang) string { return "connect: send: " + l.Error(m.Err) }),
	say(func(m BuildRequest, l Lang) string {
		return "connect: build request for " + m.Path + ": " + l.Error(m.Err)
	}),

	// The client's settings, refused by New (importer/connect).
	say(func(NoUsername, Lang) string { return "connect: no user name given" }),
	say(func(ColonInUsername, Lang) string { return "connect: the user name must not contain ':'" }),
	say(func(NoPassword, Lang) string { return "connect: no password given" }),
	say(func(m BaseURLUnparsable, l Lang) string { return "connect: base URL is not a URL: " + l.Error(m.Err) }),
	say(func(BaseURLUnparsableSecret, Lang) string {
		return "connect: base URL is not a URL, and must not contain a user name or password; give just e.g. https://connect.maklare.vitec.net"
	}),
	say(func(BaseURLUserInfo, Lang) string {
		return "connect: base URL must not contain a user name or password; give them separately"
	}),
	say(func(m BaseURLNoHost, _ Lang) string {
		return fmt.Sprintf("connect: base URL %q has no host; expected e.g. https://connect.maklare.vitec.net", m.URL)
	}),
	say(func(m BaseURLQuery, _ Lang) string {
		return fmt.Sprintf("connect: base URL %q must not have a query or fragment", m.URL)
	}),
	say(func(m BaseURLScheme, _ Lang) string {
		return fmt.Sprintf("connect: base URL %q must start with https://", m.URL)
	}),
	say(func(m PlainHTTP, _ Lang) string {
		return "connect: refusing plain http to " + m.Host + ": the password would cross the network unencrypted; use https (http is only allowed for 127.0.0.1, ::1 or localhost)"
	}),
	say(func(NoBaseURL, Lang) string { return "connect: client has no base URL; use New" }),

	// The ledger (importer/ledger).
	say(func(m LedgerBusy, _ Lang) string {
		var b strings.Builder
		b.WriteString("another leadimport run is using the ledger " + m.Path)
		if m.PID != 0 {
			fmt.Fprintf(&b, ": pid %d", m.PID)
			if m.Host != "" {
				b.WriteString(" on " + m.Host)
			}
			if !m.Started.IsZero() {
				b.WriteString(", started " + m.Started.Format("2006-01-02 15:04"))
			}
			switch len(m.Inputs) {
			case 0:
			case 1:
				b.WriteString(", input " + m.Inputs[0])
			default:
				b.WriteString(", inputs " + strings.Join(m.Inputs, ", "))
			}
		}
		b.WriteString("; wait for it to finish")
		return b.String()
	}),
	say(func(m NoStateDir, _ Lang) string {
		if len(m.Unset) == 2 {
			return "no state directory for the ledger: neither " + m.Unset[0] + " nor " + m.Unset[1] + " is set"
		}
		return "no state directory for the ledger: " + strings.Join(m.Unset, ", ") + " is not set"
	}),
	say(func(NoLedgerPath, Lang) string { return "open ledger: empty path" }),
	say(func(m OpenLedger, l Lang) string { return "open ledger " + m.Path + ": " + l.Error(m.Err) }),
	say(func(m LockLedger, l Lang) string { return "lock ledger " + m.Path + ": " + l.Error(m.Err) }),
	say(func(m NotDatabase, l Lang) string { return "not a SQLite database: " + l.Error(m.Err) }),
	say(func(NotLedger, Lang) string { return "a SQLite database, but not a leadimport ledger" }),
	say(func(EmptyLedger, Lang) string {
		return "the file is empty (or a database without tables): it is not a ledger that remembers what was sent, and taking it for a new one would send every lead again; if a new ledger is what you want, run with --new-ledger"
	}),
	say(func(NoLedgerFile, Lang) string {
		return "there is no such file: no run has recorded anything there (check --ledger)"
	}),
	say(func(m NewerLedger, _ Lang) string {
		return fmt.Sprintf("ledger written by a newer leadimport (schema %d, this one knows %d)", m.Schema, m.Knows)
	}),
	say(func(RunReleased, Lang) string { return "ledger run already finished" }),
	say(func(m LedgerFailed, l Lang) string { return m.Step.in(&ledgerStepsEN) + ": " + l.Error(m.Err) }),
	say(func(m SecretSize, _ Lang) string { return fmt.Sprintf("%d bytes, want %d", m.Len, m.Want) }),
	say(func(m RunUnreadable, l Lang) string {
		if m.Column == "" {
			return fmt.Sprintf("run %d: %s", m.Run, l.Error(m.Err))
		}
		return fmt.Sprintf("run %d %s: %s", m.Run, m.Column, l.Error(m.Err))
	}),
	say(func(m RollbackFailed, l Lang) string {
		return "the ledger's transaction could not be rolled back: " + l.Error(m.Err)
	}),
	say(func(m CannotRemove, l Lang) string { return "remove " + m.Path + ": " + l.Error(m.Err) }),

	// The report's own words, and its writer's failures (importer/report).
	say(func(ReportSheet, Lang) string { return "Report" }),
	say(func(SummarySheet, Lang) string { return "Summary" }),
	say(func(SummaryStatus, Lang) string { return "status" }),
	say(func(SummaryRows, Lang) string { return "rows" }),
	say(func(SummaryTotal, Lang) string { return "total" }),
	say(func(SummaryInput, Lang) string { return "input" }),
	say(func(SummaryMapping, Lang) string { return "mapping" }),
	say(func(SummaryStarted, Lang) string { return "started" }),
	say(func(SummaryFinished, Lang) string { return "finished" }),
	say(func(SummaryCommand, Lang) string { return "command" }),
	say(func(m UnknownReportFormat, _ Lang) string {
		return fmt.Sprintf("report %s: cannot tell the format from %q; name it .csv, .xlsx or .jsonl", m.Path, m.Ext)
	}),
	say(func(m ReportFailed, l Lang) string { return "write report: " + l.Error(m.Err) }),

	// A row's cells beyond the input's header, in a CSV or XLSX report (importer/report).
	say(func(m CellsAtLineEnd, _ Lang) string {
		return "this report keeps the cells beyond the last column at the end of the line, after " + m.After +
			": put their text back where it belongs and empty them"
	}),

	// The console beside the log (importer/console).
	say(func(m UnknownLogFormat, _ Lang) string { return "--log-format " + m.Format + ": use text or json" }),
	say(func(m BarTitle, _ Lang) string {
		return fmt.Sprintf("%s (%d failed, %d invalid)", m.Input, m.Failed, m.Invalid)
	}),
	say(func(BarUnit, Lang) string { return "rows" }),

	// The sandbox's --fail-rate (importer/sandbox).
	say(func(m InFault, l Lang) string {
		return fmt.Sprintf("fault %q: %s (kinds: %s)", m.Fault, l.Say(m.Problem), strings.Join(m.Kinds, ", "))
	}),
	say(func(FaultWithoutProbability, Lang) string { return "want kind=probability" }),
	say(func(m UnknownFaultKind, _ Lang) string { return fmt.Sprintf("unknown kind %q", m.Kind) }),
	say(func(m FaultKindTwice, _ Lang) string { return "kind " + m.Kind + " given twice" }),
	say(func(m BadProbability, _ Lang) string {
		return fmt.Sprintf("probability %q is not a number from 0 to 1", m.Value)
	}),
	say(func(m FaultsOverOne, _ Lang) string {
		return fmt.Sprintf("faults %q: probabilities add up to %g, more than 1", m.Faults, m.Sum)
	}),

	// A run, beside its rows (importer).
	say(func(m SendingTo, _ Lang) string {
		from := ""
		if m.FromEnv != "" {
			from = " (from " + m.FromEnv + ")"
		}
		return fmt.Sprintf("sending to Connect at %s%s as user %q", m.URL, from, m.User)
	}),
	say(func(m ServeSendsTo, _ Lang) string {
		from := ""
		if m.FromEnv != "" {
			from = " (from " + m.FromEnv + ")"
		}
		switch m.CredentialsFrom {
		case "":
			return fmt.Sprintf("sends go to Connect at %s%s; no credentials yet: the page asks for them", m.URL, from)
		case "file":
			return fmt.Sprintf("sends go to Connect at %s%s as user %q (from the credentials file)", m.URL, from, m.User)
		}
		return fmt.Sprintf("sends go to Connect at %s%s as user %q (from VITEC_USERNAME)", m.URL, from, m.User)
	}),
	say(func(m SendingForCustomer, _ Lang) string { return m.Input + ": leads for customer " + m.Customer }),
	say(func(m ManyCustomers, _ Lang) string {
		return fmt.Sprintf("%s: leads for more customers than the %d named; the rest are not named", m.Input, m.Named)
	}),
	say(func(m Unreachable, _ Lang) string {
		return "Connect at " + m.URL + " could not be reached: nothing was sent; the files stay in the inbox"
	}),
	say(func(m RetryLater, _ Lang) string {
		return plural(m.Rows, "row", "rows") + " could not be sent for a reason that may pass (no answer, 429, 5xx): the next run sends them"
	}),
	say(func(ByReason, Lang) string { return "why rows are invalid or failed, the most frequent first:" }),
	say(func(OtherReasons, Lang) string { return "other reasons" }),
	say(func(m MappingTaken, _ Lang) string { return m.Input + ": mapping " + m.Mapping }),
	say(func(m NoMappingFits, l Lang) string {
		return m.Input + " fits none of the mappings:\n" + lines(m.Why, l)
	}),
	say(func(m WithMapping, l Lang) string { return m.Mapping + ": " + l.Error(m.Err) }),
	say(func(m MappingsTie, _ Lang) string {
		return m.Input + " fits " + andList(m.Mappings, "and") + " alike: keep one, or give one more column the others lack"
	}),
	say(func(NoInputGiven, Lang) string { return "no input file given" }),
	say(func(m DoesNotFit, l Lang) string { return m.Input + " does not fit the mapping:\n" + l.Error(m.Err) }),
	say(func(m TooManyColumns, _ Lang) string {
		return fmt.Sprintf("%s has %d columns, more than the %d leadimport reads: delete the columns the mapping does not use, or save only those", m.Input, m.Columns, m.Max)
	}),
	say(func(m ReadInput, l Lang) string { return "read " + m.Path + ": " + l.Error(m.Err) }),
	say(func(m RowsNotRead, l Lang) string { return l.Error(m.Err) + "; the rows after it were not read" }),
	say(func(m OpenInExcel, _ Lang) string {
		lock := filepath.Base(m.Lock)
		if m.Workbook == "" {
			return m.Lock + " is the lock file Excel keeps beside a workbook it has open, not a workbook, and its workbook is not beside it: name the workbook itself"
		}
		return m.Workbook + " is open in Excel (its lock file " + lock + " is here): save and close it first, or the rows you changed since the last save are not read"
	}),
	say(func(m NotRegular, _ Lang) string {
		return m.Path + " is " + kindEN(m.Kind) + ", not a regular file: leadimport reads and writes only regular files"
	}),
	say(func(m SkippedInFolder, _ Lang) string {
		if m.Kind == KindLink {
			return m.Path + " is a symbolic link: left out, as links in an input folder are not followed (name it on the command line to read it)"
		}
		return m.Path + " is " + kindEN(m.Kind) + ", not a regular file: left out"
	}),
	say(func(m ReadFolder, l Lang) string { return "read the folder " + m.Path + ": " + l.Error(m.Err) }),
	say(func(m BurstZero, _ Lang) string {
		return fmt.Sprintf("the rate limiter's burst is %d: no request can ever go", m.Burst)
	}),
	say(func(m ConnectAnswered, _ Lang) string {
		s := fmt.Sprintf("Connect answered %d %s", m.Status, m.StatusText)
		if len(m.Fields) > 0 {
			s += " about " + strings.Join(m.Fields, ", ")
		}
		return s + " (the report has its message)"
	}),
	say(func(m ReportOneFile, _ Lang) string {
		return fmt.Sprintf("--report %s names one file, but there are %d inputs: give a directory instead", m.Report, m.Inputs)
	}),
	say(func(m ReportIsInput, _ Lang) string {
		return fmt.Sprintf("--report %s is the input %s: give the report another name", m.Report, m.Input)
	}),
	say(func(m SamePath, _ Lang) string {
		other := m.Other
		if other == "input" {
			other = "the input"
		}
		return m.Flag + " " + m.Path + " is the same file as " + other + " " + m.OtherPath + ": give each its own file (nothing was written)"
	}),
	say(func(m ReportDir, l Lang) string { return "report directory: " + l.Error(m.Err) }),
	say(func(m CreateReport, l Lang) string { return "create report: " + l.Error(m.Err) }),
	say(func(m WriteReport, l Lang) string { return "write the report " + m.Path + ": " + l.Error(m.Err) }),
	say(func(m AReport, l Lang) string {
		return l.Say(m.Of) + " (a report: rows it says were sent are skipped)"
	}),
	say(func(m RunDone, _ Lang) string {
		var b strings.Builder
		b.WriteString(countList(m.Counts, "no rows"))
		fmt.Fprintf(&b, " in %s", m.Elapsed.Round(time.Millisecond))
		if m.Requests > 0 && m.Elapsed > 0 {
			fmt.Fprintf(&b, ", %d requests (%.1f/s)", m.Requests, float64(m.Requests)/m.Elapsed.Seconds())
		}
		if m.Throttled > 0 {
			fmt.Fprintf(&b, ", %d answered 429 Too Many Requests", m.Throttled)
		}
		return b.String()
	}),
	say(func(m ReportAt, _ Lang) string { return "report: " + m.Path }),
	say(func(m ProblemsAt, _ Lang) string { return "rows to fix: " + m.Path }),
	say(func(m StoppedEarly, l Lang) string { return "stopped early: " + l.Error(m.Err) }),
	say(func(m LedgerEndFailed, l Lang) string {
		return "the ledger could not record the run's end: " + l.Error(m.Err)
	}),
	say(func(m PerColumn, _ Lang) string { return m.Input + ", per column:" }),
	say(func(HeadColumn, Lang) string { return "column" }),
	say(func(HeadValid, Lang) string { return "valid" }),
	say(func(HeadChanged, Lang) string { return "changed" }),
	say(func(HeadInvalid, Lang) string { return "invalid" }),
	say(func(HeadEmpty, Lang) string { return "empty" }),
	say(func(HeadWarnings, Lang) string { return "warnings" }),
	say(func(HeadField, Lang) string { return "field" }),
	say(func(HeadRun, Lang) string { return "RUN" }),
	say(func(HeadStarted, Lang) string { return "STARTED" }),
	say(func(HeadTook, Lang) string { return "TOOK" }),
	say(func(HeadExit, Lang) string { return "EXIT" }),
	say(func(HeadEndpoint, Lang) string { return "ENDPOINT" }),
	say(func(HeadInputs, Lang) string { return "INPUTS" }),
	say(func(HeadReason, Lang) string { return "WHY (IN ENGLISH)" }),
	say(func(RunningOrDied, Lang) string { return "running or died" }),
	say(func(NoRuns, Lang) string { return "no runs recorded yet" }),
	say(func(m LeftAfterExit, _ Lang) string {
		return fmt.Sprintf("left in place: the run ended with exit code %d, so the next run tries it again", m.Code)
	}),
	say(func(m LeftMayPass, _ Lang) string {
		return fmt.Sprintf("left in place: %d rows failed for a reason that may pass (no answer, 429, 5xx), so the next run sends them again", m.Rows)
	}),
	say(func(m NotSettled, _ Lang) string {
		return fmt.Sprintf("%s was written %s ago, less than --settle %s: it may still be being written; left for the next run, unread", m.Input, m.Age.Round(time.Second), m.Settle)
	}),
	say(func(m ChangedWhileRead, _ Lang) string {
		if m.Sent {
			return m.Input + " changed while it was read: it is still being written; left for the next run, which sends what it adds (the rows sent are in the ledger, and are not sent again)"
		}
		return m.Input + " changed while it was read: it is still being written; left for the next run, nothing of it sent"
	}),
	say(func(ToFix, Lang) string { return "rows are invalid or were refused: see the report" }),
	say(func(m LeftNotMoved, l Lang) string { return "left in place: " + l.Error(m.Err) }),
	say(func(m ArchiveFailed, l Lang) string { return "archive " + m.Input + ": " + l.Error(m.Err) }),
	say(func(m PathExists, _ Lang) string { return m.Path + " exists" }),
	say(func(m ReadCredentials, l Lang) string { return "read credentials: " + l.Error(m.Err) }),
	say(func(m CredentialsOpen, _ Lang) string {
		return fmt.Sprintf("credentials file %s can be read by others (mode %04o): run `chmod 600 %s` and try again", m.Path, m.Mode, m.Path)
	}),
	say(func(m CredentialsFormat, _ Lang) string {
		return "credentials file " + m.Path + ": the first line must be user:password"
	}),
	say(func(m SaveCredentials, l Lang) string {
		return "save the credentials in " + m.Path + ": " + l.Error(m.Err)
	}),

	// The command line (package main).
	say(func(m UnknownCommand, _ Lang) string { return fmt.Sprintf("unknown command %q", m.Command) }),
	say(func(m NoHelp, _ Lang) string {
		return fmt.Sprintf("no help on %q; try exit-codes, mapping or a command", m.Topic)
	}),
	say(func(m UnexpectedArgument, _ Lang) string { return fmt.Sprintf("unexpected argument %q", m.Arg) }),
	say(func(m BadLang, _ Lang) string { return "--lang " + m.Lang + ": use sv or en" }),
	say(func(QuietAndVerbose, Lang) string { return "--quiet and --verbose say opposite things: give one" }),
	say(func(m MappingRequired, _ Lang) string {
		return "--mapping FILE is required (see leadimport " + m.Command + " --help)"
	}),
	say(func(m NoInputFile, _ Lang) string {
		return "no input file given: leadimport " + m.Command + " --mapping " + m.Mapping + " FILE..."
	}),
	say(func(WorkersTooFew, Lang) string { return "--workers must be at least 1" }),
	say(func(m WorkersTooMany, _ Lang) string {
		return fmt.Sprintf("--workers must be at most %d: more would only queue at the rate limit and at Connect", m.Max)
	}),
	say(func(RateNegative, Lang) string { return "--rate must be 0 (no limit) or more" }),
	say(func(RetriesNegative, Lang) string { return "--retries must be 0 or more" }),
	say(func(MaxFailuresNegative, Lang) string { return "--max-failures must be 0 (never stop) or more" }),
	say(func(MaxThrottleNegative, Lang) string { return "--max-throttle must be 0 (never stop) or more" }),
	say(func(MaxInvalidTooLow, Lang) string { return "--max-invalid must be 0 or more (-1: no limit)" }),
	say(func(HeaderRowFlag, Lang) string { return "--header-row must be a row number, 1 or more" }),
	say(func(RateLimitNegative, Lang) string { return "--rate-limit must be 0 (no limit) or more" }),
	say(func(SettleNegative, Lang) string { return "--settle must be 0 (off) or more" }),
	say(func(m EncodingFlag, _ Lang) string {
		return "--encoding " + m.Given + ": use one of " + strings.Join(m.Known, ", ")
	}),
	say(func(m EndpointFlag, _ Lang) string {
		return "--endpoint " + m.Given + ": use one of " + strings.Join(m.Known, ", ")
	}),
	say(func(m DelimiterFlag, _ Lang) string {
		return fmt.Sprintf("--delimiter %q: give one character that separates the cells, such as , ; | : or tab (not a letter, digit, space or quote)", m.Given)
	}),
	say(func(SetWant, Lang) string { return "want FIELD=VALUE, e.g. estateId=OBJ1234" }),
	say(func(NoCredentials, Lang) string {
		return "no Connect credentials: set VITEC_USERNAME and VITEC_PASSWORD, or pass --credentials FILE (one line user:password, chmod 600)"
	}),
	say(func(m NoLedgerPlace, l Lang) string {
		return l.Error(m.Err) + ": give the ledger's place with --ledger FILE"
	}),
	say(func(NoSpreadsheets, Lang) string { return "no spreadsheets to import" }),
	say(func(m RefusedNotRecorded, l Lang) string {
		return "this run is not recorded in the ledger, so history will not list it: " + l.Error(m.Err)
	}),
	say(func(Interrupting, Lang) string {
		return "interrupted: finishing what is under way (interrupt again to quit at once)"
	}),
	say(func(OneInputFile, Lang) string { return "give one input file: leadimport init [-o FILE] INPUT" }),
	say(func(m WriteMapping, l Lang) string { return "write the mapping: " + l.Error(m.Err) }),
	say(func(m WroteMapping, _ Lang) string {
		return fmt.Sprintf("wrote %s: %d columns placed, %d not; review it, then: leadimport check --mapping %s %s",
			m.Path, m.Placed, m.Unplaced, m.Path, m.Input)
	}),
	say(func(m ProposedInterest, _ Lang) string {
		by := "the header " + quotedList(m.Headers, "and") + " says"
		if len(m.Headers) > 1 {
			by = "the headers " + quotedList(m.Headers, "and") + " say"
		}
		return fmt.Sprintf("the mapping is for interest registrations (endpoint: Interest), as %s; if the people only asked for the final price: leadimport init --endpoint FinalPriceWatched %s", by, m.Input)
	}),
	say(func(m InitFits, _ Lang) string {
		return fmt.Sprintf("%s fits the mapping %s already: try it with  leadimport check --mapping %s %s", m.Input, m.Mapping, m.Given, m.Input)
	}),
	say(func(m RememberedMapping, _ Lang) string {
		return "these headers had a mapping confirmed before: it is proposed as it was (kept in " + m.Path + "; delete the file to forget it)"
	}),
	say(func(m FillInIDs, _ Lang) string {
		where := "the mapping"
		if m.Mapping != "" {
			where = m.Mapping
		}
		what := "they are placeholders"
		if len(m.Fields) == 1 {
			what = "it is a placeholder"
		}
		return fmt.Sprintf("fill in %s in %s: %s, which check and run refuse", andList(m.Fields, "and"), where, what)
	}),
	say(func(m AddrNotLoopback, _ Lang) string {
		return "--addr " + m.Addr + ": give a loopback address such as 127.0.0.1:8089; the sandbox speaks plain HTTP and is not meant to be reached from elsewhere"
	}),
	say(func(m FailRateFlag, l Lang) string { return "--fail-rate: " + l.Error(m.Err) }),
	say(func(m SandboxListening, _ Lang) string { return "sandbox: listening on http://" + m.Addr }),
	say(func(m SandboxFaults, _ Lang) string {
		return fmt.Sprintf("sandbox: injecting faults %s (--seed %d)", m.Faults, m.Seed)
	}),
	say(func(m SandboxRateLimit, _ Lang) string {
		return fmt.Sprintf("sandbox: at most %g requests a second, then 429", m.Rate)
	}),
	say(func(m SandboxPassword, _ Lang) string {
		return fmt.Sprintf("sandbox: user %q, password %s", m.User, m.Password)
	}),
	say(func(m SandboxPasswordFromEnv, _ Lang) string {
		return fmt.Sprintf("sandbox: user %q, password from LEADIMPORT_SANDBOX_PASSWORD", m.User)
	}),
	say(func(m SandboxStopped, _ Lang) string {
		return fmt.Sprintf("sandbox: stopped after accepting %d leads", m.Accepted)
	}),
	say(func(m ServeOpen, _ Lang) string { return "leadimport serve: open " + m.URL }),
	say(func(m ServeNotLoopback, _ Lang) string {
		return "--addr " + m.Addr + " is not a loopback address: other machines can reach the page, over plain HTTP; anyone with the link and its token can send leads"
	}),
	say(func(m ServeAddrFlag, _ Lang) string {
		return "--addr " + m.Addr + ": give host:port, e.g. 127.0.0.1:0 (a free port on this machine)"
	}),
	say(func(m ServeAddrEvery, _ Lang) string {
		return "--addr " + m.Addr + ": name the one address to listen on, e.g. 192.168.1.10:8080 (this machine's address in the office network), not every address"
	}),
	say(func(m ServeTokenShort, _ Lang) string {
		return fmt.Sprintf("LEADIMPORT_SERVE_TOKEN must be at least %d characters: it is the page's secret", m.Min)
	}),
	say(func(MaxUploadFlag, Lang) string {
		return "--max-upload must be 1 (MiB) or more, and at most 1048576 (1 TiB)"
	}),
	say(func(ServeStopped, Lang) string { return "leadimport serve: stopped; the uploaded files are removed" }),
	say(func(m ServeNoBrowser, l Lang) string {
		return "could not open a browser (" + l.Error(m.Err) + "): open the address above yourself"
	}),
	say(func(WebUnauthorized, Lang) string {
		return "open the page with the link leadimport serve printed when it started (it holds this start's token)"
	}),
	say(func(m WebBadHost, _ Lang) string {
		return fmt.Sprintf("a request for %q was refused: open the page at the address leadimport serve printed", m.Host)
	}),
	say(func(WebForeignOrigin, Lang) string { return "a request from another web site was refused" }),
	say(func(m WebTooLarge, _ Lang) string {
		return fmt.Sprintf("the file is larger than %d MiB, the most this page takes (leadimport serve --max-upload)", m.MiB)
	}),
	say(func(WebNoFile, Lang) string { return "no file: choose a sheet (CSV, TXT, TSV, XLSX or XLSM)" }),
	say(func(m WebBadRequest, _ Lang) string { return "the request cannot be read: " + m.Detail }),
	say(func(m WebBadLang, _ Lang) string {
		return fmt.Sprintf("lang=%q: the page speaks sv (Swedish) and en (English); ask for one of them", m.Lang)
	}),
	say(func(WebNoImport, Lang) string {
		return "this import is no longer here (it was finished, or leadimport serve started again): drop the sheet again"
	}),
	say(func(WebStopping, Lang) string {
		return "leadimport serve is stopping: nothing more is sent; start it again and drop the sheet again"
	}),
	say(func(m WebNoRow, _ Lang) string { return fmt.Sprintf("row %d is not a row of the sheet's table", m.Row) }),
	say(func(m WebNoColumn, _ Lang) string { return fmt.Sprintf("the sheet has no column %q", m.Header) }),
	say(func(WebBusy, Lang) string { return "the import is being sent: wait until it is done, or stop it" }),
	say(func(WebNoMapping, Lang) string { return "confirm how the columns are matched first" }),
	say(func(WebSentAlready, Lang) string {
		return "this import was sent already; drop the sheet again to send it again (rows sent are skipped)"
	}),
	say(func(m WebNoReport, _ Lang) string {
		if m.Written == "" {
			return "there is no report yet: it is written when the import is sent"
		}
		return fmt.Sprintf("the report was written as %s, not %s", strings.ToUpper(m.Written), strings.ToUpper(m.Format))
	}),
	say(func(WebNeedCredentials, Lang) string {
		return "leadimport has no Connect user name and password yet: give them to send"
	}),
	say(func(WebNothingToSend, Lang) string { return "no row is valid: there is nothing to send" }),
	say(func(m Page, _ Lang) string { return m.Text.in(pageEN) }),
}

// pageEN are the words of serve's page (page.go), in English.
var pageEN = map[PageText]string{
	PageSkip:       "Skip to the content",
	PageTagline:    "Send sign-ups to Vitec",
	PageStepsLabel: "Steps",
	PageNavFile:    "File",
	PageNavMatch:   "Match",
	PageNavCheck:   "Check",
	PageNavSend:    "Send",
	PageNavReport:  "Report",
	PageNavHistory: "History",
	PageSwitchTo:   "Svenska",

	PageHFile:          "Choose the spreadsheet",
	PageFileIntro:      "Drag the file with the sign-ups here, or choose it. Excel (.xlsx, .xlsm) and CSV (.csv, .txt, .tsv) will do. The file is never changed.",
	PageDropHere:       "Drop the file here",
	PageOr:             "or",
	PageChooseFile:     "Choose a file …",
	PageReading:        "Reading {name} …",
	PageReadDone:       "{name} has been read.",
	PageNotSheet:       "{name} is not a spreadsheet leadimport can read: choose an .xlsx, .xlsm, .csv, .txt or .tsv file.",
	PageHDetected:      "What was found in the file",
	PageFileName:       "File",
	PageRowsCount:      "Rows",
	PageSheet:          "Sheet",
	PageHeaderRow:      "Header row",
	PageEncoding:       "Encoding",
	PageDelimiter:      "Delimiter",
	PageDetected:       "Detected",
	PageTab:            "tab",
	PageDelimComma:     ", (comma)",
	PageDelimSemicolon: "; (semicolon)",
	PageDelimPipe:      "| (vertical bar)",
	PageDelimColon:     ": (colon)",
	PageDetectedAs:     "found: {value}",
	PageReread:         "Read the file again with these choices",

	PageHMatch:          "Match the columns",
	PageMatchIntro:      "For each column, choose the Vitec field it fills. The proposal comes from the columns' headers and values; check it.",
	PageRemembered:      "This matching was remembered: it was saved the last time a sheet with the same headers was read.",
	PageEndpointLegend:  "What do the visitors want?",
	PageEpFinalPrice:    "The final price",
	PageEpFinalHint:     "To be told what the estate sold for (FinalPriceWatched)",
	PageEpInterest:      "Interest registration",
	PageEpInterestHint:  "To register an interest in the estate, with a consent date and their present home (Interest)",
	PageNoTwin:          "{endpoint} has no field {field}: the column is not sent. Choose another field to send it.",
	PageConstDropped:    "{endpoint} has no field {field}: its value for every row was removed.",
	PageStatusDropped:   "{endpoint} has no status {status}: the status for every row was removed.",
	PageMatchCaption:    "The file's columns and the fields they fill",
	PageThColumn:        "Column in the file",
	PageThExamples:      "Examples",
	PageThField:         "Fills the field",
	PageNotSent:         "— not sent —",
	PageFieldFor:        "Field for the column {column}",
	PageNoExamples:      "(empty)",
	PageGroupPerson:     "The person",
	PageGroupLead:       "The lead",
	PageGroupHome:       "Their present home",
	PageConstantsLegend: "The same for every row",
	PageConstantsIntro:  "Details the file does not hold. A filled-in cell of a matched column wins over what is written here.",
	PageCustomerID:      "Customer id",
	PageEstateID:        "Estate id",
	PageRequired:        "(required)",
	PageCustomerIDHint:  "The agency's customer id in Vitec, e.g. M1001",
	PageEstateIDHint:    "The estate's id in Vitec, e.g. OBJ1234",
	PageFromColumn:      "The column {column} gives the value; this is only for rows where it is empty.",
	PageStatus:          "Status",
	PageNone:            "(none)",
	PageStInterested:    "Interested",
	PageStVeryInterest:  "Very interested",
	PageStAssigned:      "Assigned",
	PageStNotInterested: "Not interested",
	PageReferrer:        "Referrer",
	PageReferrerExample: "open house",
	PageNeedCustomer:    "Fill in the agency's customer id, e.g. M1001.",
	PageNeedEstate:      "Fill in the estate's id, e.g. OBJ1234, or match a column to Estate id.",
	PagePlaceholderID:   "{id} is a placeholder, not a real id.",
	PageMappingProblems: "The matching needs fixing:",
	PageLineProblem:     "line {line}: {problem}",
	PageCheckButton:     "Check the rows",
	PageChecking:        "Checking …",

	PageFieldFirstName:    "First name",
	PageFieldLastName:     "Last name",
	PageFieldFullName:     "Full name (split into first and last)",
	PageFieldPersonnummer: "Personnummer",
	PageFieldForeign:      "Foreign personnummer (yes/no)",
	PageFieldEmail:        "E-mail",
	PageFieldEmail2:       "E-mail 2",
	PageFieldCell:         "Mobile",
	PageFieldHome:         "Home phone",
	PageFieldWork:         "Work phone",
	PageFieldOther:        "Other phone",
	PageFieldStreet:       "Street address",
	PageFieldZip:          "Postcode",
	PageFieldCity:         "City",
	PageFieldEstateID:     "Estate id",
	PageFieldCustomerID:   "Customer id",
	PageFieldBuyerStatus:  "Buyer status",
	PageFieldMessage:      "Message",
	PageFieldLeadSource:   "Lead source (id)",
	PageFieldReferrer:     "Referrer",
	PageFieldAssignment:   "Assignment source (id)",
	PageFieldConsentDate:  "Consent date (GDPR)",
	PageFieldHomeType:     "Present home: type",
	PageFieldHomeSpace:    "Present home: living space (m²)",
	PageFieldHomeRooms:    "Present home: number of rooms",
	PageFieldHomePrice:    "Present home: value (kr)",
	PageFieldHomeOther:    "Present home: other",

	PageHCheck:         "Check and fix",
	PageSummaryValid:   "{valid} of {total} rows can be sent",
	PageSummaryInvalid: ", {invalid} have errors to fix first.",
	PageSummaryEnd:     ".",
	PageHReasons:       "What is wrong",
	PageNoReasons:      "No errors: every row can be sent.",
	PageReasonRow:      "1 row",
	PageReasonRows:     "{n} rows",
	PageHPerColumn:     "Per column",
	PageColValid:       "valid",
	PageColChanged:     "changed",
	PageColInvalid:     "invalid",
	PageColEmpty:       "empty",
	PageColWarnings:    "warnings",
	PageHRows:          "The rows",
	PageRowsIntro:      "Rows with errors come first. Red cells are wrong and yellow ones look suspicious; the reason is beside them. Press “Fix” to change a row here; the file is not changed, but the corrected value is sent and shown in the report.",
	PageShow:           "Show:",
	PageShowProblems:   "rows with errors or warnings",
	PageShowAll:        "all rows",
	PageRowsCaption:    "The file's rows, with errors and changes",
	PageThRow:          "Row",
	PageThStatus:       "Status",
	PageFix:            "Fix",
	PageFixRow:         "Fix row {row}",
	PageSave:           "Save",
	PageCancel:         "Cancel",
	PageSaveRow:        "Save row {row}",
	PageCancelRow:      "Cancel fixing row {row}",
	PageCellLabel:      "{column}, row {row}",
	PageEditedOnPage:   "fixed here",
	PageCellCut:        "The cell is longer than what is shown here.",
	PageCutReplace:     "The cell is too long to be shown whole: what you type replaces the whole cell.",
	PageEmpty:          "empty",
	PageSentAs:         "sent as {field}",
	PageSaving:         "Saving …",
	PageRowSaved:       "Row {row} is fixed and checked again.",
	PageNoProblemRows:  "No rows with errors or warnings.",
	PageShowingRows:    "Showing {shown} of {total} rows.",
	PageMoreRows:       "Show more rows",
	PageRecheck:        "Check again",
	PageStale:          "You changed the matching: check again before sending.",

	PageStSent:      "sent",
	PageStValid:     "valid",
	PageStSkipped:   "sent before",
	PageStDuplicate: "duplicate",
	PageStInvalid:   "invalid",
	PageStFailed:    "failed",
	PageStNotSent:   "not sent",

	PageHSend:         "Send to Vitec",
	PageCredIntro:     "Enter the user name and password for Vitec Express Connect. The password is never shown again.",
	PageUsername:      "User name",
	PagePassword:      "Password",
	PageCredRefused:   "Vitec did not accept the user name or the password. Type them again: they are used instead of the earlier ones.",
	PageCredSave:      "Save them in the credentials file on this computer (only you can read it; what was saved there before is replaced)",
	PageCredSubmit:    "Use these",
	PageCredSaved:     "These credentials are used now.",
	PageSendLead:      "Send 1 lead to Connect",
	PageSendLeadTo:    "Send 1 lead to Connect ({where})",
	PageSendLeads:     "Send {n} leads to Connect",
	PageSendLeadsTo:   "Send {n} leads to Connect ({where})",
	PageWhereCustomer: "customer {customer}",
	PageWhereEstate:   "estate {estate}",
	PageAndMore:       "{list} and {n} more",
	PageNothingToSend: "There are no valid rows to send.",
	PageSendNote:      "Rows sent before are not sent again.",
	PageReportFormat:  "Report as",
	PageFmtXlsx:       "Excel (.xlsx)",
	PageFmtCsv:        "CSV (.csv)",
	PageStop:          "Stop",
	PageRetry:         "Try again",
	PagePSent:         "Sent",
	PagePFailed:       "Failed",
	PagePSkipped:      "Sent before",
	PagePRemaining:    "Left",
	PagePRate:         "Per second",
	PageProgress:      "{done} of {total} done",
	PageStarting:      "Starting …",
	PageStopping:      "Stopping: requests under way may finish …",
	PageStoppedLabel:  "Stopped",
	PageDoneSent:      "Done: {sent} sent",
	PageDoneFailed:    ", {failed} failed",
	PageDoneSkipped:   ", {skipped} were sent before",
	PageDoneEnd:       ".",
	PageStoppedDone:   "Stopped. {sent} were sent; the rest were not and are in the report.",

	PageHReport:      "Report",
	PageReportIntro:  "The report has a line for every row of the file: sent, or why not. Open it in Excel.",
	PageDlXlsx:       "Download the report (Excel)",
	PageDlCsv:        "Download the report (CSV)",
	PageDlMapping:    "The matching as YAML (for nightly runs)",
	PageAnother:      "Send another file",
	PageHHistory:     "Earlier runs",
	PageHWhen:        "When",
	PageHInputs:      "File",
	PageHCounts:      "Result",
	PageHReportCol:   "Report",
	PageHistoryEmpty: "No runs yet.",
	PageRefresh:      "Refresh",
	PageOpenReport:   "Download",
	PageFooter:       "Everything stays on this computer until you press Send.",
	PageNetwork:      "The page cannot reach leadimport. Is it still running? Start it again and reload the page.",
	PageUnauthorized: "The page no longer has access to leadimport. Open the address leadimport printed when it started.",
	PageServerError:  "Something went wrong in leadimport (error {status}). Try again.",

	PageCountSent:      "sent",
	PageCountValid:     "valid",
	PageCountSkipped:   "sent before",
	PageCountDuplicate: "duplicates",
	PageCountInvalid:   "invalid",
	PageCountFailed:    "failed",
	PageCountNotSent:   "not sent",
}

// ledgerStepsEN say each LedgerStep, as LedgerFailed's start.
var ledgerStepsEN = [numLedgerSteps]string{
	LookUpLead:        "look up lead",
	ReadHistory:       "read history",
	BeginRun:          "begin run",
	FinishRun:         "finish run",
	RecordPending:     "record pending lead",
	RecordSent:        "record sent lead",
	RecordFailed:      "record failed lead",
	SyncLedger:        "sync the ledger",
	CloseWriter:       "close the ledger's writer",
	ReleaseLock:       "release ledger lock",
	SetWAL:            "set WAL mode",
	CreateSchema:      "create schema",
	MigrateSchema:     "bring the ledger to this version",
	StoreSecret:       "store secret",
	MarkLedger:        "mark ledger",
	ReadSecret:        "read secret",
	PrepareStatements: "prepare",
	RecordRefused:     "record the run refused",
}

// identitiesEN say each Identity, after "same".
var identitiesEN = [numIdentities]string{
	ByPersonnummer:  "personnummer",
	ByForeignNumber: "foreign id number",
	ByEmail:         "e-mail address",
	ByNameAndPhone:  "name and phone number",
}

// anotherFieldEN, differentFieldsEN and theFieldEN say each PersonField
// as "another …", "different …" and "the …" want it.
var (
	anotherFieldEN = [numPersonFields]string{
		FieldName: "another name", FieldPersonnummer: "another personnummer", FieldEmail: "another e-mail address",
		FieldPhone: "another phone number", FieldAddress: "another address", FieldMessage: "another message",
		FieldOther: "other details",
	}
	differentFieldsEN = [numPersonFields]string{
		FieldName: "names", FieldPersonnummer: "personnummer", FieldEmail: "e-mail addresses",
		FieldPhone: "phone numbers", FieldAddress: "addresses", FieldMessage: "messages", FieldOther: "details",
	}
	theFieldEN = [numPersonFields]string{
		FieldName: "the name", FieldPersonnummer: "the personnummer", FieldEmail: "the e-mail address",
		FieldPhone: "the phone number", FieldAddress: "the address", FieldMessage: "the message",
		FieldOther: "other details",
	}
)

// andList joins words as a sentence does: "a", "a and b", "a, b and c".
// kindEN is what a file of kind k is, with its article.
func kindEN(k FileKind) string {
	switch k {
	case KindFIFO:
		return "a named pipe (FIFO)"
	case KindSocket:
		return "a socket"
	case KindDevice:
		return "a device"
	case KindFolder:
		return "a folder"
	case KindLink:
		return "a symbolic link"
	}
	return "a special file"
}

// quotedList is andList of the words quoted: "A", "B" and "C".
func quotedList(words []string, and string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	return andList(q, and)
}

func andList(words []string, and string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " " + and + " " + words[len(words)-1]
}

// countList says how many rows ended with each status, "16 sent, 5
// invalid" (the statuses are vocabulary, the same in every language), or
// none when there are no rows.
func countList(counts []Count, none string) string {
	if len(counts) == 0 {
		return none
	}
	parts := make([]string, len(counts))
	for i, c := range counts {
		parts[i] = strconv.Itoa(c.Rows) + " " + c.Status
	}
	return strings.Join(parts, ", ")
}

// sheetList names sheets in workbook order, each hidden one marked.
func sheetList(sheets []Sheet, hidden string) string {
	names := make([]string, len(sheets))
	for i, s := range sheets {
		names[i] = s.Name
		if s.Hidden {
			names[i] += hidden
		}
	}
	return strings.Join(names, ", ")
}

// controlNames are the C0 control characters' abbreviations, for
// ControlCharacter.
var controlNames = [...]string{"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
	"DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"}

// controlName says a control character as its code and name: "U+0000 NUL".
func controlName(r rune) string {
	name := "DEL"
	if r >= 0 && int(r) < len(controlNames) {
		name = controlNames[r]
	}
	return fmt.Sprintf("U+%04X %s", r, name)
}

// plural is "1 column" or "n columns".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// first is the first of values, or "".
func first(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return values[0]
}

// numbers lists ns with sep between them.
func numbers(ns []int, sep string) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, sep)
}

// lines says ms in l, a line each.
func lines(ms []Message, l Lang) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = l.Say(m)
	}
	return strings.Join(parts, "\n")
}

// aside is s in brackets after a space, or nothing when s is "".
func aside(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

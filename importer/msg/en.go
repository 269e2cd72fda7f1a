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
func english(m Message, l Lang) string {
	switch m := m.(type) {
	// Said the same in every language.
	case Verbatim:
		return m.Text
	case Joined:
		return lines(m.Parts, l)

	// A row's cells (mapping).
	case Required:
		return "is required"
	case TooLong:
		return fmt.Sprintf("is %d characters, at most %d allowed", m.Len, m.Max)
	case ControlCharacter:
		return fmt.Sprintf("holds an invisible control character (%s): delete it in the cell, or the whole value and write it again", controlName(m.Code))
	case NoContact:
		return "no e-mail or phone: at least one is required"
	case NotBuyerStatus:
		return "must be Assigned, Interested or NotInterested"
	case NotInterestStatus:
		return "must be Interested, VeryInterested, Assigned or NotInterested (or Intresserad, Mycket intresserad, Anvisad, Ej intresserad)"
	case NotDate:
		return "is not a date: write 2026-11-28, 28/11/2026, 28.11.2026 or 28 nov 2026, or make the cell a date cell"
	case DateInFuture:
		return fmt.Sprintf("is after today (%s): a consent cannot be given in the future; check the year", m.Today)
	case DateTooEarly:
		return fmt.Sprintf("is before %s: check the year", m.Earliest)
	case NotNumber:
		if m.Unit != "" {
			return fmt.Sprintf("is not a number: write it in full, e.g. %s (a unit, %s, may follow)", m.Example, m.Unit)
		}
		if m.Example == "" { // a body's value, judged without its field's example (the sandbox)
			return "is not a number"
		}
		return fmt.Sprintf("is not a number: write it in full, e.g. %s", m.Example)
	case BornLongAgo:
		return fmt.Sprintf("says the person was born in %d (%d years old); check the year", m.Year, m.Age)
	case MailDomainTypo:
		domain, meant := m.parts()
		return fmt.Sprintf("%s looks like a typo of %s (%s?); sent as written", domain, m.Likely, meant)
	case PlaceholderID:
		return "is a placeholder, not an id: write the real one from Vitec Express there"
	case NoCustomerID:
		return "customerId is empty on this row"
	case NoEstateID:
		return "estateId is empty on this row"
	case FirstName:
		return "first name " + l.Say(m.Problem)
	case LastName:
		return "last name " + l.Say(m.Problem)
	case NotBool:
		return "must be true or false (ja/nej, yes/no, 1/0 and x for true also work)"
	case SeveralEmails:
		return "must be one e-mail address, not several; put a second one in " + m.Second
	case EmailSpaces:
		return "an e-mail address has no spaces"
	case NotEmail:
		return "is not an e-mail address like anna@example.se"
	case NotEmailDomain:
		return "the part after @ must be a domain like example.se"
	case PhoneCharacters:
		return "a phone number may hold only digits, spaces and + - ( ) / ."
	case PhoneTooShort:
		return "a phone number needs at least 5 digits"
	case NoCountryCode:
		return "is not a valid phone number: no country has the code after + or 00 (Sweden is +46)"
	case NotPhone:
		return "is not a valid phone number"
	case NotSwedishPhone:
		return "is not a valid Swedish phone number"
	case NotPhoneInRegion:
		return "is not a valid phone number for region " + m.Region
	case CellNotMobile:
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
	case SentAs:
		return "sent as " + m.Field
	case NotPostcode:
		return "is not a Swedish postcode (five digits, e.g. 123 45)"
	case OneFirstOneLast:
		return `needs one first and one last name: write it as "Anna Svensson" or "Svensson, Anna"`
	case FirstAndLast:
		return `needs a first and a last name: write it as "Anna Svensson" or "Svensson, Anna"`

	// Cells that mean empty, and lenient fields (mapping).
	case Emptied:
		return "empty"
	case LeftOut:
		return l.Say(m.Problem) + "; sent without this value (validation: lenient)"
	case EmptyNotList:
		return `input.empty must be a list of the texts that mean an empty cell, e.g. ["-", saknas, N/A], or [] for none; not ` + l.Say(m.Value)
	case EmptyEntryNotText:
		return `input.empty: each entry must be a text, e.g. "-" or saknas (put - ? and other signs in quotes), not ` + l.Say(m.Value)
	case ValidationNotLines:
		return "validation must be strict or lenient, or `field: strict|lenient` lines, e.g. `person.telephone.cell: lenient`, not " + l.Say(m.Value)
	case BadValidation:
		s := "validation"
		if m.Key != "" {
			s += "." + m.Key
		}
		s += " " + l.Say(m.Value) + " is not a value it takes"
		if m.Suggest != "" {
			s += fmt.Sprintf(" (did you mean %q?)", m.Suggest)
		}
		return s + "; use strict (the default) or lenient"
	case RequiredNotLenient:
		return m.Field + " is required on every row, so it cannot be lenient; remove the line"

	// Why a number is not a personnummer (mapping).
	case InterimNumber:
		return "looks like an interim number (a letter in the last four), not a personnummer"
	case OrganisationNumber:
		return "looks like an organisation number, not a personnummer"
	case NoSuchDate:
		if m.Coordination {
			return "no such date: " + m.Date + " (a samordningsnummer, whose day has 60 added)"
		}
		return "no such date: " + m.Date
	case ZeroSerial:
		return "no personnummer has 000 after the date"
	case CheckDigit:
		return fmt.Sprintf("check digit should be %d", m.Want)
	case PersonnummerFormat:
		return "must be 10 or 12 digits (YYYYMMDD-NNNN)"
	case PersonnummerSpace:
		return "must be 10 or 12 digits (YYYYMMDD-NNNN); write - between the date and the last four, not a space"

	// The mapping file, and how it meets an input and --set (mapping).
	case InMapping:
		return m.where(l.Say(m.Problem))
	case NoMappings:
		return "no mapping file (*.yaml) in the folder " + m.Folder
	case OpenMapping:
		return "open mapping: " + l.Error(m.Err)
	case ReadMapping:
		return "read mapping " + m.Name + ": " + l.Error(m.Err)
	case MappingTooLarge:
		return fmt.Sprintf("is larger than %d bytes: is it the mapping file?", m.Max)
	case NotYAML:
		s := "not valid YAML: " + m.Detail
		switch m.Hint {
		case YAMLTab:
			s += ": indent with spaces, not tabs, and put a value that starts with @ or ` in quotes"
		case YAMLNotText:
			s += ": is it the mapping file? One is text (leadimport init makes one)"
		}
		return s
	case MappingEmpty:
		return "is empty; a mapping file starts like this:\n" + m.Example
	case MappingNotKeys:
		return "must be a YAML mapping of keys to values; a mapping file starts like this:\n" + m.Example
	case KeyTwice:
		return fmt.Sprintf("%q is given twice (first on line %d); keep one", m.Key, m.First)
	case UnknownKey:
		s := fmt.Sprintf("unknown key %q", m.Key)
		if m.Section != "" {
			s += " under " + m.Section
		}
		if m.Suggest != "" {
			return s + fmt.Sprintf(" (did you mean %q?)", m.Suggest)
		}
		return s + "; the keys are " + strings.Join(m.Keys, ", ")
	case NoVersion:
		return "version is missing; add `version: 1` at the top"
	case NoColumns:
		return "columns is missing; add `columns:` with one `Header: field` line per input column, e.g. `Förnamn: person.firstName`"
	case UnsupportedVersion:
		return "version " + l.Say(m.Value) + " is not supported: this leadimport reads version 1; write `version: 1`"
	case UnsupportedEndpoint:
		if m.Suggest != "" {
			return fmt.Sprintf("endpoint %s is not one leadimport knows (did you mean %s?); the endpoints are %s, the first the default", l.Say(m.Value), m.Suggest, strings.Join(m.Endpoints, ", "))
		}
		return fmt.Sprintf("endpoint %s is not one leadimport knows; the endpoints are %s, the first the default", l.Say(m.Value), strings.Join(m.Endpoints, ", "))
	case SetEndpoint:
		return "--set cannot change the endpoint: it decides which fields there are; write `endpoint:` in the mapping file"
	case EmptyValue:
		return "(empty)"
	case MappingValue:
		return "(a mapping)"
	case ListValue:
		return "(a list)"
	case ColumnsEmpty:
		return "columns is empty; add one `Header: field` line per input column, e.g. `Förnamn: person.firstName`"
	case ColumnsNotLines:
		return "columns must be `Header: field` lines, e.g. `Förnamn: person.firstName`, not " + l.Say(m.Value)
	case ColumnWithoutHeader:
		return "a column needs a header before the colon, e.g. `Förnamn: person.firstName`"
	case HeaderTwice:
		return fmt.Sprintf("column %q is the same header as %q on line %d (headers match ignoring case and surrounding spaces); keep one", m.Header, m.First, m.Line)
	case FieldNotName:
		return fmt.Sprintf("column %q: the field must be a name such as person.firstName, not %s", m.Header, l.Say(m.Value))
	case UnknownField:
		if m.Suggest != "" {
			return fmt.Sprintf("unknown field %q (did you mean %q?)", m.Field, m.Suggest)
		}
		return fmt.Sprintf("unknown field %q; the fields are %s", m.Field, strings.Join(m.Fields, ", "))
	case FieldOfOtherEndpoint:
		if m.Suggest != "" {
			return fmt.Sprintf("field %q is %s's; this mapping's endpoint is %s, which calls it %q", m.Field, m.Other, m.Endpoint, m.Suggest)
		}
		return fmt.Sprintf("field %q is %s's only; this mapping's endpoint is %s, which has no such field (or write `endpoint: %s`)", m.Field, m.Other, m.Endpoint, m.Other)
	case BadUTMTag:
		return fmt.Sprintf("unknown field %q: a UTM tag is marketing.utmTags.NAME with a NAME without spaces, e.g. marketing.utmTags.utm_source", m.Field)
	case FieldTwice:
		return fmt.Sprintf("%s is filled by both %q (line %d) and %q (line %d); map one of them to another field or remove it", m.Field, m.First, m.FirstLine, m.Header, m.Line)
	case ConstantsNotLines:
		return "constants must be `field: value` lines, e.g. `customerId: M1001`, not " + l.Say(m.Value)
	case FullNameConstant:
		return fmt.Sprintf("%s can only come from a column; give %s and %s as constants instead", m.Full, m.First, m.Last)
	case ConstantTwice:
		return fmt.Sprintf("constant %s is given twice (first on line %d); keep one", m.Field, m.First)
	case ConstantEmpty:
		return fmt.Sprintf("constant %s has no value; give one, e.g. `%s: %s`, or remove the line", m.Field, m.Field, m.Example)
	case InputNotLines:
		return "input must hold `sheet:`, `headerRow:`, `encoding:`, `delimiter:` or `empty:` lines, not " + l.Say(m.Value)
	case InputSheetEmpty:
		return "input.sheet is empty; name the sheet to read, or remove the line to read the first"
	case BadHeaderRow:
		return "input.headerRow " + l.Say(m.Value) + " must be a positive whole number (1 is the first row), or leave it out to use the first non-empty row"
	case BadInputEncoding:
		return "input.encoding " + l.Say(m.Value) + " is not one leadimport reads; use one of " + strings.Join(m.Encodings, ", ") + ", or leave it out to detect it"
	case BadInputDelimiter:
		return "input.delimiter " + l.Say(m.Value) + `: use one character that separates the cells, such as ",", ";", "|", ":" or tab (not a letter, digit, space or quote), or leave it out to detect it`
	case NormalizeNotLines:
		return "normalize must hold `" + strings.Join(m.Keys, ":`, `") + ":` lines, e.g. `phone: national`, not " + l.Say(m.Value)
	case BadNormalize:
		s := "normalize." + m.Key + " " + l.Say(m.Value) + " is not a value it takes"
		if m.Suggest != "" {
			s += fmt.Sprintf(" (did you mean %q?)", m.Suggest)
		}
		return s + "; use " + strings.Join(m.Values, ", ") + " (the default is " + first(m.Values) + ")"
	case FullNameAndPart:
		return fmt.Sprintf("column %q fills %s, but %q (line %d) already gives the first and last name; map either %s or %s and %s", m.Header, m.Field, m.FullHeader, m.FullLine, m.Full, m.First, m.Last)
	case ConstantAndFullName:
		return fmt.Sprintf("constant %s conflicts with column %q (line %d), which gives the first and last name; remove one of them", m.Field, m.FullHeader, m.FullLine)
	case ColumnNotInInput:
		list := "(none: is the header row empty?)"
		if len(m.Headers) > 0 {
			list = strings.Join(m.Headers, ", ")
		}
		if m.Hidden > 0 {
			list += " (" + plural(m.Hidden, "cell", "cells") + " not shown: not a known header name, so perhaps a person's details; is the header on another row? see --header-row)"
		}
		return fmt.Sprintf("column %q is not in the input; its headers are: %s", m.Header, list)
	case ColumnTwiceInInput:
		return fmt.Sprintf("column %q occurs %d times in the input (columns %s); rename all but one there, so it is clear which to read", m.Header, len(m.Columns), numbers(m.Columns, " and "))
	case BadConstant:
		return fmt.Sprintf("constant %s %q: %s", m.Field, m.Value, l.Say(m.Problem))
	case SetValue:
		return "--set " + m.Field + "=" + m.Value + ": " + l.Say(m.Problem)
	case SetFullName:
		return "--set " + m.Field + ": " + m.Field + " can only come from a column; set " + m.First + " and " + m.Last + " instead"
	case SetEmpty:
		return fmt.Sprintf("--set %s=: the value is empty; give one, e.g. --set %s=%s", m.Field, m.Field, m.Example)
	case NotGiven:
		return fmt.Sprintf("%s is not given: map a column to it, add `%s: %s` under constants, or pass --set %s=%s", m.Field, m.Field, m.Example, m.Field, m.Example)
	case NothingGivesName:
		return fmt.Sprintf("nothing gives %s, which every lead needs: map a column to it, or map one column to %s", m.Field, m.FullName)
	case NothingGivesContact:
		return fmt.Sprintf("nothing gives an e-mail address or a phone number, and every lead needs one: map a column to %s or %s (or another phone field)", m.Email, m.Cell)

	// The row as a whole, and sending it (importer).
	case ExtraCells:
		return fmt.Sprintf("%d cells, header has %d: fix the row or the header; values beyond the last column", m.Cells, m.Header)
	case SamePerson:
		return fmt.Sprintf("the same person as row %d: only that row is sent", m.Row)
	case SentBefore:
		return fmt.Sprintf("sent before, on %s (run %d): not sent again; --force sends it anyway", m.At.Format("2006-01-02 15:04"), m.Run)
	case ReportSaysSent:
		return "the report says it was sent: not sent again; clear its status cell to send it anyway"
	case NotSent:
		return "not sent: " + l.Error(m.Err)
	case NotChecked:
		return "not checked: " + l.Error(m.Err)
	case Interrupted:
		return "interrupted"
	case AfterAttempts:
		return fmt.Sprintf("%s (after %d attempts)", l.Error(m.Err), m.Attempts)
	case NotRetried:
		return l.Error(m.Err) + " (not retried: " + l.Error(m.Why) + ")"
	case NoAnswer:
		return "no answer within " + m.Within.String() + ": " + l.Error(m.Err)
	case UnansweredTwice:
		if m.Again {
			return l.Error(m.Err) + " (the request went and no answer came, as in an earlier run: not tried again, since each may have reached Connect; look the lead up there)"
		}
		return fmt.Sprintf("%s (twice the request went and no answer came, in %d attempts: not tried again in this run, since each may have reached Connect)", l.Error(m.Err), m.Attempts)
	case CustomerRefused:
		return fmt.Sprintf("no access to customer %s: not sent, after %d requests for it in a row were refused (403)", m.Customer, m.Refusals)
	case ConnectDown:
		return fmt.Sprintf("Connect seems to be down: %d rows in a row failed after their retries (--max-failures %d); run again later, or raise --max-failures", m.Failures, m.Max)
	case SameRefusal:
		return fmt.Sprintf("Connect refused %d rows in a row with the same answer, which no row's content explains: %s; check --base-url and the mapping's endpoint", m.Rows, l.Error(m.Answer))
	case Throttled:
		return fmt.Sprintf("Connect has answered nothing but 429 Too Many Requests for %s (--max-throttle %s): run again later, or raise --max-throttle", m.For.Round(time.Second), m.Max)
	case CredentialsRefused:
		return "Connect refused the user name or password (401): check VITEC_USERNAME and VITEC_PASSWORD, or the credentials file"
	case TooManyInvalid:
		return fmt.Sprintf("too many invalid rows: %d rows are invalid, more than --max-invalid %d; nothing was sent (is the mapping right? leadimport check shows every row)", m.Invalid, m.Max)
	case CannotEncode:
		return "cannot encode the lead: " + l.Error(m.Err)
	case LedgerRead:
		return "cannot read the ledger: " + l.Error(m.Err)
	case LedgerWrite:
		return "cannot write the ledger: " + l.Error(m.Err)
	case ReportWrite:
		return "cannot write the report " + m.Path + ": " + l.Error(m.Err)
	case EarlierUnconfirmed:
		return "note: sent again because an earlier run's attempt is unconfirmed (that run stopped before Connect answered), so Connect may have recorded this lead twice"
	case NotAContactID:
		return fmt.Sprintf("the answer, %d, is a success but not a contact id as Connect gives (is --base-url Connect's address?): the lead may or may not be in Connect; look it up there before the row is sent again", m.Status)
	case NotNoContent:
		return fmt.Sprintf("the answer, %d, is a success but not the 204 without a body that Connect gives for an interest registration (is --base-url Connect's address?): the lead may or may not be in Connect; look it up there before the row is sent again", m.Status)
	case AcceptedNoBody:
		return fmt.Sprintf("%d: accepted, no body", m.Status)
	case MayHaveIt:
		return "note: an attempt got no answer, so Connect may have recorded this lead; the next run sends it again"
	case MaybeTwice:
		return "note: retried after an unconfirmed attempt (it got no answer), so Connect may have recorded this lead twice"

	// Rows that are the same person but disagree on who that is, and a
	// lead sent before whose row has changed since (importer).
	case SameButOther:
		row := fmt.Sprintf("row %d", m.Row)
		if m.Row == 0 {
			row = "another row"
		}
		return fmt.Sprintf("same %s as %s, but %s: check both rows",
			words(m.Identity, identitiesEN[:]), row, words(m.Field, anotherFieldEN[:]))
	case SameAsDisagreeing:
		rows := fmt.Sprintf("rows %d and %d", m.A, m.B)
		if m.A == 0 {
			rows = "two other rows"
		}
		return fmt.Sprintf("same %s as %s, which give different %s: check the rows",
			words(m.Identity, identitiesEN[:]), rows, words(m.Field, differentFieldsEN[:]))
	case ChangedSinceSent:
		changed := make([]string, len(m.Fields))
		for i, f := range m.Fields {
			changed[i] = words(f, theFieldEN[:])
		}
		return fmt.Sprintf("sent before, on %s (run %d), and changed since%s: not sent again; check the row, and --force sends it anyway",
			m.At.Format("2006-01-02 15:04"), m.Run, aside(andList(changed, "and")))
	case ComparingRows:
		return "cannot compare the rows for the same person: " + l.Error(m.Err)

	// A row the reader could not read (importer/source).
	case InRow:
		return fmt.Sprintf("%s: row %d: %s", m.File, m.Row, l.Error(m.Err))
	case UnclosedQuote:
		return `a quoted cell is never closed: the cell in column ` + m.Column + ` opens a quote (") that the file never closes, so every line after it would be read into that one cell: fix the quotes on this row`
	case StrayQuote:
		return `starts with a quote (") that is never closed, so the quote was read as part of the text and the lines after it as rows: check the cell`
	case EditedOnPage:
		return "edited on the page of leadimport serve; the file itself says otherwise"
	case UnreadableRow:
		return fmt.Sprintf("cannot read the row: %s (line %d, column %d of the text): check the quotes on this row", l.Error(m.Err), m.Line, m.Column)
	case TooManyCells:
		return fmt.Sprintf("too large: the row has %d cells, more than the 16,384 columns Excel has", m.Cells)
	case CellPastLastColumn:
		return "too large: the row has a cell in column " + m.Column + ", past the 16,384 columns Excel has"
	case CellTooLong:
		return fmt.Sprintf("too large: the cell in column %s has %d characters, more than the 32,767 Excel allows in a cell", m.Column, m.Len)
	case UndefinedByte:
		return fmt.Sprintf(`characters the encoding cannot represent: the cell in column %s holds byte 0x%02X, which windows-1252 does not define, so the file is in another encoding: save it from Excel as "CSV UTF-8" (File > Save As) and try again`, m.Column, m.Byte)
	case BrokenCharacter:
		return fmt.Sprintf(`characters the encoding cannot represent: the cell in column %s holds a broken %s character, so the file is damaged: save it from Excel as "CSV UTF-8" (File > Save As) and try again`, m.Column, m.Encoding)
	case NotUTF8:
		if m.Detected {
			return `bytes that are not UTF-8 in column ` + m.Column + `, though the start of the file is UTF-8: fix the cell, or if Excel saved the file as plain "CSV", set input.encoding or --encoding windows-1252`
		}
		return `bytes that are not UTF-8 in column ` + m.Column + `: set input.encoding or --encoding windows-1252 if Excel saved the file as plain "CSV"`

	// A file the reader cannot read, and what it found in one it can (importer/source).
	case InFile:
		return m.File + ": " + l.Error(m.Err)
	case CannotOpen:
		return "cannot open it: " + l.Error(m.Err)
	case CannotReadIt:
		return "cannot read it: " + l.Error(m.Err)
	case ReadFailed:
		return "read: " + l.Error(m.Err)
	case ReadAfterRow:
		return fmt.Sprintf("read after row %d: %s", m.Row, l.Error(m.Err))
	case UnsupportedFile:
		what := fmt.Sprintf("%q files", m.Ext)
		if m.Ext == "" {
			what = "a file without an extension"
		}
		return "unsupported file type: cannot read " + what + ": save it as .xlsx or CSV (read: .csv, .txt, .tsv, .xlsx, .xlsm)"
	case UnknownEncoding:
		return fmt.Sprintf("unknown encoding %q: use one of utf-8, utf-16le, utf-16be, utf-16 (the byte order mark decides), windows-1252 (also cp1252; latin1 and iso-8859-1 are read as windows-1252)", m.Encoding)
	case EncodingUnclear:
		return fmt.Sprintf("cannot tell the encoding: the start of the file has %s in UTF-8 but also %s not in UTF-8 (the first on line %d), so it could be UTF-8 with a damaged cell or windows-1252: look at the file, then set --encoding utf-8 (rows with bytes that are not UTF-8 are then invalid) or --encoding windows-1252, or input.encoding in the mapping; the choices are utf-8, utf-16le, utf-16be, utf-16, windows-1252",
			plural(m.UTF8Chars, "character", "characters"), plural(m.BadBytes, "byte", "bytes"), m.BadLine)
	case BadDelimiter:
		return fmt.Sprintf("unusable delimiter %q: use one character such as ',', ';', '|', ':' or tab", m.Delimiter)
	case RowOverMiB:
		why := "a line that never ends"
		if m.Quote {
			why = `a quote (") that is not closed`
		}
		return fmt.Sprintf("row %d: too large: the row is over 1 MiB of text, most likely %s: fix the file in a text editor, or save it again from Excel", m.Row, why)
	case WorkbookNamedCSV:
		return "the file is not what its name says: it is an Excel workbook (.xlsx) named " + m.Ext + ": rename it to .xlsx"
	case XLSNamedCSV:
		return "the file is not what its name says: it is an Excel .xls file or a password-protected workbook named " + m.Ext + `: open it in Excel and save it as .xlsx or "CSV UTF-8"`
	case TextNamedXLSX:
		return "the file is not what its name says: it is a text (CSV) file named " + m.Ext + ": rename it to " + m.Stem + ".csv"
	case UnreadableContainer:
		return "not a readable Excel .xlsx file (an Office container that cannot be read: " + l.Error(m.Err) + "): open it in Excel and save it as .xlsx or CSV"
	case Encrypted:
		return "this is a password-protected Excel file: save it without a password and try again"
	case LegacyXLS:
		return "this is an old Excel 97–2003 .xls file: open it in Excel and save it as .xlsx or CSV"
	case OtherOfficeFile:
		return "not a readable Excel .xlsx file (an Office file of another kind, such as a Word document): open it in Excel and save it as .xlsx or CSV"
	case NoWorkbookPart:
		return "not a readable Excel .xlsx file (it holds no workbook; it may be a Word or PowerPoint file): open it in Excel and save it as .xlsx or CSV"
	case EmptyWorkbookFile:
		return "not a readable Excel .xlsx file (the file is empty): copy or download it again"
	case NotZip:
		return "not a readable Excel .xlsx file (it is not a zip file, as every .xlsx is): open it in Excel and save it as .xlsx or CSV"
	case NotXLSX:
		return "not a readable Excel .xlsx file (" + l.Error(m.Err) + "): open it in Excel and save it as .xlsx or CSV"
	case Incomplete:
		return "the file is incomplete (cut off) or damaged (" + l.Error(m.Err) + "): copy or download it again, or open it in Excel and save it again"
	case ZipBomb:
		return fmt.Sprintf("unpacks to more than %d MiB: refused as a possible zip bomb; if it is a real workbook, save its rows as CSV", m.MiB)
	case SheetAfterRow:
		return fmt.Sprintf("sheet %q after row %d: %s", m.Sheet, m.Row, l.Error(m.Err))
	case NoSheets:
		return "no sheet to read: the workbook has no sheets"
	case AllSheetsHidden:
		return "no sheet to read: every sheet is hidden; the file has: " + sheetList(m.Sheets, " (hidden)") + ": name one with the sheet setting"
	case NoSuchSheet:
		return fmt.Sprintf("no sheet %q; the file has: %s", m.Sheet, sheetList(m.Sheets, " (hidden)"))
	case ChartSheet:
		if len(m.Worksheets) == 0 {
			return fmt.Sprintf("sheet %q is a chart, with no rows to read, and the workbook has no visible worksheet", m.Sheet)
		}
		return fmt.Sprintf("sheet %q is a chart, with no rows to read: name a worksheet: %s", m.Sheet, sheetList(m.Worksheets, " (hidden)"))
	case HeaderRowNegative:
		return fmt.Sprintf("no header row found: header row %d: rows are numbered from 1 (0 picks the first non-empty row)", m.Row)
	case HeaderRowBlank:
		return fmt.Sprintf("no header row found: row %d is empty: set the header row to the row with the column names", m.Row)
	case NoHeaderRow:
		return "no header row found: " + l.Say(m.Why)
	case EmptyFile:
		return "the file is empty"
	case EmptySheet:
		return fmt.Sprintf("sheet %q is empty", m.Sheet)
	case HeaderPastEnd:
		return fmt.Sprintf("no header row found: the last row is %d, before header row %d: set the header row to the row with the column names", m.Last, m.Want)
	case PartMissing:
		return "part " + m.Part + " is missing"
	case PartTooLarge:
		return fmt.Sprintf("part %s is over %d MiB", m.Part, m.MiB)
	case TooManySharedStrings:
		return fmt.Sprintf("its shared strings table has more than %d entries, more than its sheets have cells: Excel does not write such a file; open it in Excel and save it again, or save the sheet as CSV", m.Max)
	case SharedStringsTooLarge:
		return fmt.Sprintf("its shared strings take more than %d MiB in memory: save the sheet as CSV (UTF-8), which is read as it goes", m.MiB)
	case XMLTooDeep:
		return "XML nested too deep"
	case XMLTokenTooLong:
		return "an XML element or text of more than 4 MiB"
	case TooManyRowsForXLSX:
		return fmt.Sprintf("%s has %d rows, more than an .xlsx report holds (%d below its header): write its report as CSV (--report NAME.csv) or split the file; nothing of it was sent", m.Input, m.Rows, m.Max)
	case CellTextTooLong:
		return "a cell whose text, in all its parts, is more than 4 MiB"
	case PastLastRow:
		return fmt.Sprintf("row %d is past Excel's last row, %d", m.Row, m.Max)
	case SharedStringsMissing:
		return fmt.Sprintf("%s: sheet %q: %s without a text the workbook has (a shared string missing; the first is %s), read as empty as Excel shows them: check them in Excel",
			m.File, m.Sheet, plural(m.Count, "text cell", "text cells"), m.Cell)
	case CSVFound:
		enc, delim := m.Encoding, fmt.Sprintf("'%c'", m.Delimiter)
		if m.BOM {
			enc += " with BOM"
		}
		if m.Delimiter == '\t' {
			delim = "tab"
		}
		return fmt.Sprintf("%s: %s, %s, header on row %d, %s", m.File, enc, delim, m.HeaderRow, plural(m.Columns, "column", "columns"))
	case XLSXFound:
		s := fmt.Sprintf("%s: sheet %q, header on row %d, %s", m.File, m.Sheet, m.HeaderRow, plural(m.Columns, "column", "columns"))
		if m.Of > 1 {
			s += fmt.Sprintf(" (the first of %d sheets: --sheet NAME reads another)", m.Of)
		}
		return s

	// A request Connect refused, or that never got an answer (importer/connect).
	case Unauthorized:
		return m.Status + ": Connect refused the user name or password"
	case Forbidden:
		return m.Status + ": no access to this customer or function group" + aside(m.Connect)
	case SendFailed:
		return "connect: send: " + l.Error(m.Err)
	case BuildRequest:
		return "connect: build request for " + m.Path + ": " + l.Error(m.Err)

	// The client's settings, refused by New (importer/connect).
	case NoUsername:
		return "connect: no user name given"
	case ColonInUsername:
		return "connect: the user name must not contain ':'"
	case NoPassword:
		return "connect: no password given"
	case BaseURLUnparsable:
		return "connect: base URL is not a URL: " + l.Error(m.Err)
	case BaseURLUnparsableSecret:
		return "connect: base URL is not a URL, and must not contain a user name or password; give just e.g. https://connect.maklare.vitec.net"
	case BaseURLUserInfo:
		return "connect: base URL must not contain a user name or password; give them separately"
	case BaseURLNoHost:
		return fmt.Sprintf("connect: base URL %q has no host; expected e.g. https://connect.maklare.vitec.net", m.URL)
	case BaseURLQuery:
		return fmt.Sprintf("connect: base URL %q must not have a query or fragment", m.URL)
	case BaseURLScheme:
		return fmt.Sprintf("connect: base URL %q must start with https://", m.URL)
	case PlainHTTP:
		return "connect: refusing plain http to " + m.Host + ": the password would cross the network unencrypted; use https (http is only allowed for 127.0.0.1, ::1 or localhost)"
	case NoBaseURL:
		return "connect: client has no base URL; use New"

	// The ledger (importer/ledger).
	case LedgerBusy:
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
	case NoStateDir:
		if len(m.Unset) == 2 {
			return "no state directory for the ledger: neither " + m.Unset[0] + " nor " + m.Unset[1] + " is set"
		}
		return "no state directory for the ledger: " + strings.Join(m.Unset, ", ") + " is not set"
	case NoLedgerPath:
		return "open ledger: empty path"
	case OpenLedger:
		return "open ledger " + m.Path + ": " + l.Error(m.Err)
	case LockLedger:
		return "lock ledger " + m.Path + ": " + l.Error(m.Err)
	case NotDatabase:
		return "not a SQLite database: " + l.Error(m.Err)
	case NotLedger:
		return "a SQLite database, but not a leadimport ledger"
	case EmptyLedger:
		return "the file is empty (or a database without tables): it is not a ledger that remembers what was sent, and taking it for a new one would send every lead again; if a new ledger is what you want, run with --new-ledger"
	case NoLedgerFile:
		return "there is no such file: no run has recorded anything there (check --ledger)"
	case NewerLedger:
		return fmt.Sprintf("ledger written by a newer leadimport (schema %d, this one knows %d)", m.Schema, m.Knows)
	case RunReleased:
		return "ledger run already finished"
	case LedgerFailed:
		return m.Step.in(&ledgerStepsEN) + ": " + l.Error(m.Err)
	case SecretSize:
		return fmt.Sprintf("%d bytes, want %d", m.Len, m.Want)
	case RunUnreadable:
		if m.Column == "" {
			return fmt.Sprintf("run %d: %s", m.Run, l.Error(m.Err))
		}
		return fmt.Sprintf("run %d %s: %s", m.Run, m.Column, l.Error(m.Err))
	case RollbackFailed:
		return "the ledger's transaction could not be rolled back: " + l.Error(m.Err)
	case CannotRemove:
		return "remove " + m.Path + ": " + l.Error(m.Err)

	// The report's own words, and its writer's failures (importer/report).
	case ReportSheet:
		return "Report"
	case SummarySheet:
		return "Summary"
	case SummaryStatus:
		return "status"
	case SummaryRows:
		return "rows"
	case SummaryTotal:
		return "total"
	case SummaryInput:
		return "input"
	case SummaryMapping:
		return "mapping"
	case SummaryStarted:
		return "started"
	case SummaryFinished:
		return "finished"
	case SummaryCommand:
		return "command"
	case UnknownReportFormat:
		return fmt.Sprintf("report %s: cannot tell the format from %q; name it .csv, .xlsx or .jsonl", m.Path, m.Ext)
	case ReportFailed:
		return "write report: " + l.Error(m.Err)

	// A row's cells beyond the input's header, in a CSV or XLSX report (importer/report).
	case CellsAtLineEnd:
		return "this report keeps the cells beyond the last column at the end of the line, after " + m.After +
			": put their text back where it belongs and empty them"

	// The console beside the log (importer/console).
	case UnknownLogFormat:
		return "--log-format " + m.Format + ": use text or json"
	case BarTitle:
		return fmt.Sprintf("%s (%d failed, %d invalid)", m.Input, m.Failed, m.Invalid)
	case BarUnit:
		return "rows"

	// The sandbox's --fail-rate (importer/sandbox).
	case InFault:
		return fmt.Sprintf("fault %q: %s (kinds: %s)", m.Fault, l.Say(m.Problem), strings.Join(m.Kinds, ", "))
	case FaultWithoutProbability:
		return "want kind=probability"
	case UnknownFaultKind:
		return fmt.Sprintf("unknown kind %q", m.Kind)
	case FaultKindTwice:
		return "kind " + m.Kind + " given twice"
	case BadProbability:
		return fmt.Sprintf("probability %q is not a number from 0 to 1", m.Value)
	case FaultsOverOne:
		return fmt.Sprintf("faults %q: probabilities add up to %g, more than 1", m.Faults, m.Sum)

	// A run, beside its rows (importer).
	case SendingTo:
		from := ""
		if m.FromEnv != "" {
			from = " (from " + m.FromEnv + ")"
		}
		return fmt.Sprintf("sending to Connect at %s%s as user %q", m.URL, from, m.User)
	case ServeSendsTo:
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
	case SendingForCustomer:
		return m.Input + ": leads for customer " + m.Customer
	case ManyCustomers:
		return fmt.Sprintf("%s: leads for more customers than the %d named; the rest are not named", m.Input, m.Named)
	case Unreachable:
		return "Connect at " + m.URL + " could not be reached: nothing was sent; the files stay in the inbox"
	case RetryLater:
		return plural(m.Rows, "row", "rows") + " could not be sent for a reason that may pass (no answer, 429, 5xx): the next run sends them"
	case ByReason:
		return "why rows are invalid or failed, the most frequent first:"
	case OtherReasons:
		return "other reasons"
	case MappingTaken:
		return m.Input + ": mapping " + m.Mapping
	case NoMappingFits:
		return m.Input + " fits none of the mappings:\n" + lines(m.Why, l)
	case WithMapping:
		return m.Mapping + ": " + l.Error(m.Err)
	case MappingsTie:
		return m.Input + " fits " + andList(m.Mappings, "and") + " alike: keep one, or give one more column the others lack"
	case NoInputGiven:
		return "no input file given"
	case DoesNotFit:
		return m.Input + " does not fit the mapping:\n" + l.Error(m.Err)
	case TooManyColumns:
		return fmt.Sprintf("%s has %d columns, more than the %d leadimport reads: delete the columns the mapping does not use, or save only those", m.Input, m.Columns, m.Max)
	case ReadInput:
		return "read " + m.Path + ": " + l.Error(m.Err)
	case RowsNotRead:
		return l.Error(m.Err) + "; the rows after it were not read"
	case OpenInExcel:
		lock := filepath.Base(m.Lock)
		if m.Workbook == "" {
			return m.Lock + " is the lock file Excel keeps beside a workbook it has open, not a workbook, and its workbook is not beside it: name the workbook itself"
		}
		return m.Workbook + " is open in Excel (its lock file " + lock + " is here): save and close it first, or the rows you changed since the last save are not read"
	case NotRegular:
		return m.Path + " is " + kindEN(m.Kind) + ", not a regular file: leadimport reads and writes only regular files"
	case SkippedInFolder:
		if m.Kind == KindLink {
			return m.Path + " is a symbolic link: left out, as links in an input folder are not followed (name it on the command line to read it)"
		}
		return m.Path + " is " + kindEN(m.Kind) + ", not a regular file: left out"
	case ReadFolder:
		return "read the folder " + m.Path + ": " + l.Error(m.Err)
	case BurstZero:
		return fmt.Sprintf("the rate limiter's burst is %d: no request can ever go", m.Burst)
	case ConnectAnswered:
		s := fmt.Sprintf("Connect answered %d %s", m.Status, m.StatusText)
		if len(m.Fields) > 0 {
			s += " about " + strings.Join(m.Fields, ", ")
		}
		return s + " (the report has its message)"
	case ReportOneFile:
		return fmt.Sprintf("--report %s names one file, but there are %d inputs: give a directory instead", m.Report, m.Inputs)
	case ReportIsInput:
		return fmt.Sprintf("--report %s is the input %s: give the report another name", m.Report, m.Input)
	case SamePath:
		other := m.Other
		if other == "input" {
			other = "the input"
		}
		return m.Flag + " " + m.Path + " is the same file as " + other + " " + m.OtherPath + ": give each its own file (nothing was written)"
	case ReportDir:
		return "report directory: " + l.Error(m.Err)
	case CreateReport:
		return "create report: " + l.Error(m.Err)
	case WriteReport:
		return "write the report " + m.Path + ": " + l.Error(m.Err)
	case AReport:
		return l.Say(m.Of) + " (a report: rows it says were sent are skipped)"
	case RunDone:
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
	case ReportAt:
		return "report: " + m.Path
	case ProblemsAt:
		return "rows to fix: " + m.Path
	case StoppedEarly:
		return "stopped early: " + l.Error(m.Err)
	case LedgerEndFailed:
		return "the ledger could not record the run's end: " + l.Error(m.Err)
	case PerColumn:
		return m.Input + ", per column:"
	case HeadColumn:
		return "column"
	case HeadValid:
		return "valid"
	case HeadChanged:
		return "changed"
	case HeadInvalid:
		return "invalid"
	case HeadEmpty:
		return "empty"
	case HeadWarnings:
		return "warnings"
	case HeadField:
		return "field"
	case HeadRun:
		return "RUN"
	case HeadStarted:
		return "STARTED"
	case HeadTook:
		return "TOOK"
	case HeadExit:
		return "EXIT"
	case HeadEndpoint:
		return "ENDPOINT"
	case HeadInputs:
		return "INPUTS"
	case HeadReason:
		return "WHY (IN ENGLISH)"
	case RunningOrDied:
		return "running or died"
	case NoRuns:
		return "no runs recorded yet"
	case LeftAfterExit:
		return fmt.Sprintf("left in place: the run ended with exit code %d, so the next run tries it again", m.Code)
	case LeftMayPass:
		return fmt.Sprintf("left in place: %d rows failed for a reason that may pass (no answer, 429, 5xx), so the next run sends them again", m.Rows)
	case NotSettled:
		return fmt.Sprintf("%s was written %s ago, less than --settle %s: it may still be being written; left for the next run, unread", m.Input, m.Age.Round(time.Second), m.Settle)
	case ChangedWhileRead:
		if m.Sent {
			return m.Input + " changed while it was read: it is still being written; left for the next run, which sends what it adds (the rows sent are in the ledger, and are not sent again)"
		}
		return m.Input + " changed while it was read: it is still being written; left for the next run, nothing of it sent"
	case ToFix:
		return "rows are invalid or were refused: see the report"
	case LeftNotMoved:
		return "left in place: " + l.Error(m.Err)
	case ArchiveFailed:
		return "archive " + m.Input + ": " + l.Error(m.Err)
	case PathExists:
		return m.Path + " exists"
	case ReadCredentials:
		return "read credentials: " + l.Error(m.Err)
	case CredentialsOpen:
		return fmt.Sprintf("credentials file %s can be read by others (mode %04o): run `chmod 600 %s` and try again", m.Path, m.Mode, m.Path)
	case CredentialsFormat:
		return "credentials file " + m.Path + ": the first line must be user:password"
	case SaveCredentials:
		return "save the credentials in " + m.Path + ": " + l.Error(m.Err)

	// The command line (package main).
	case UnknownCommand:
		return fmt.Sprintf("unknown command %q", m.Command)
	case NoHelp:
		return fmt.Sprintf("no help on %q; try exit-codes, mapping or a command", m.Topic)
	case UnexpectedArgument:
		return fmt.Sprintf("unexpected argument %q", m.Arg)
	case BadLang:
		return "--lang " + m.Lang + ": use sv or en"
	case QuietAndVerbose:
		return "--quiet and --verbose say opposite things: give one"
	case MappingRequired:
		return "--mapping FILE is required (see leadimport " + m.Command + " --help)"
	case NoInputFile:
		return "no input file given: leadimport " + m.Command + " --mapping " + m.Mapping + " FILE..."
	case WorkersTooFew:
		return "--workers must be at least 1"
	case WorkersTooMany:
		return fmt.Sprintf("--workers must be at most %d: more would only queue at the rate limit and at Connect", m.Max)
	case RateNegative:
		return "--rate must be 0 (no limit) or more"
	case RetriesNegative:
		return "--retries must be 0 or more"
	case MaxFailuresNegative:
		return "--max-failures must be 0 (never stop) or more"
	case MaxThrottleNegative:
		return "--max-throttle must be 0 (never stop) or more"
	case MaxInvalidTooLow:
		return "--max-invalid must be 0 or more (-1: no limit)"
	case HeaderRowFlag:
		return "--header-row must be a row number, 1 or more"
	case RateLimitNegative:
		return "--rate-limit must be 0 (no limit) or more"
	case SettleNegative:
		return "--settle must be 0 (off) or more"
	case EncodingFlag:
		return "--encoding " + m.Given + ": use one of " + strings.Join(m.Known, ", ")
	case EndpointFlag:
		return "--endpoint " + m.Given + ": use one of " + strings.Join(m.Known, ", ")
	case DelimiterFlag:
		return fmt.Sprintf("--delimiter %q: give one character that separates the cells, such as , ; | : or tab (not a letter, digit, space or quote)", m.Given)
	case SetWant:
		return "want FIELD=VALUE, e.g. estateId=OBJ1234"
	case NoCredentials:
		return "no Connect credentials: set VITEC_USERNAME and VITEC_PASSWORD, or pass --credentials FILE (one line user:password, chmod 600)"
	case NoLedgerPlace:
		return l.Error(m.Err) + ": give the ledger's place with --ledger FILE"
	case NoSpreadsheets:
		return "no spreadsheets to import"
	case RefusedNotRecorded:
		return "this run is not recorded in the ledger, so history will not list it: " + l.Error(m.Err)
	case Interrupting:
		return "interrupted: finishing what is under way (interrupt again to quit at once)"
	case OneInputFile:
		return "give one input file: leadimport init [-o FILE] INPUT"
	case WriteMapping:
		return "write the mapping: " + l.Error(m.Err)
	case WroteMapping:
		return fmt.Sprintf("wrote %s: %d columns placed, %d not; review it, then: leadimport check --mapping %s %s",
			m.Path, m.Placed, m.Unplaced, m.Path, m.Input)
	case ProposedInterest:
		by := "the header " + quotedList(m.Headers, "and") + " says"
		if len(m.Headers) > 1 {
			by = "the headers " + quotedList(m.Headers, "and") + " say"
		}
		return fmt.Sprintf("the mapping is for interest registrations (endpoint: Interest), as %s; if the people only asked for the final price: leadimport init --endpoint FinalPriceWatched %s", by, m.Input)
	case InitFits:
		return fmt.Sprintf("%s fits the mapping %s already: try it with  leadimport check --mapping %s %s", m.Input, m.Mapping, m.Given, m.Input)
	case RememberedMapping:
		return "these headers had a mapping confirmed before: it is proposed as it was (kept in " + m.Path + "; delete the file to forget it)"
	case FillInIDs:
		where := "the mapping"
		if m.Mapping != "" {
			where = m.Mapping
		}
		what := "they are placeholders"
		if len(m.Fields) == 1 {
			what = "it is a placeholder"
		}
		return fmt.Sprintf("fill in %s in %s: %s, which check and run refuse", andList(m.Fields, "and"), where, what)
	case AddrNotLoopback:
		return "--addr " + m.Addr + ": give a loopback address such as 127.0.0.1:8089; the sandbox speaks plain HTTP and is not meant to be reached from elsewhere"
	case FailRateFlag:
		return "--fail-rate: " + l.Error(m.Err)
	case SandboxListening:
		return "sandbox: listening on http://" + m.Addr
	case SandboxFaults:
		return fmt.Sprintf("sandbox: injecting faults %s (--seed %d)", m.Faults, m.Seed)
	case SandboxRateLimit:
		return fmt.Sprintf("sandbox: at most %g requests a second, then 429", m.Rate)
	case SandboxPassword:
		return fmt.Sprintf("sandbox: user %q, password %s", m.User, m.Password)
	case SandboxPasswordFromEnv:
		return fmt.Sprintf("sandbox: user %q, password from LEADIMPORT_SANDBOX_PASSWORD", m.User)
	case SandboxStopped:
		return fmt.Sprintf("sandbox: stopped after accepting %d leads", m.Accepted)
	case ServeOpen:
		return "leadimport serve: open " + m.URL
	case ServeNotLoopback:
		return "--addr " + m.Addr + " is not a loopback address: other machines can reach the page, over plain HTTP; anyone with the link and its token can send leads"
	case ServeAddrFlag:
		return "--addr " + m.Addr + ": give host:port, e.g. 127.0.0.1:0 (a free port on this machine)"
	case ServeAddrEvery:
		return "--addr " + m.Addr + ": name the one address to listen on, e.g. 192.168.1.10:8080 (this machine's address in the office network), not every address"
	case ServeTokenShort:
		return fmt.Sprintf("LEADIMPORT_SERVE_TOKEN must be at least %d characters: it is the page's secret", m.Min)
	case MaxUploadFlag:
		return "--max-upload must be 1 (MiB) or more, and at most 1048576 (1 TiB)"
	case ServeStopped:
		return "leadimport serve: stopped; the uploaded files are removed"
	case ServeNoBrowser:
		return "could not open a browser (" + l.Error(m.Err) + "): open the address above yourself"
	case WebUnauthorized:
		return "open the page with the link leadimport serve printed when it started (it holds this start's token)"
	case WebBadHost:
		return fmt.Sprintf("a request for %q was refused: open the page at the address leadimport serve printed", m.Host)
	case WebForeignOrigin:
		return "a request from another web site was refused"
	case WebTooLarge:
		return fmt.Sprintf("the file is larger than %d MiB, the most this page takes (leadimport serve --max-upload)", m.MiB)
	case WebNoFile:
		return "no file: choose a sheet (CSV, TXT, TSV, XLSX or XLSM)"
	case WebBadRequest:
		return "the request cannot be read: " + m.Detail
	case WebBadLang:
		return fmt.Sprintf("lang=%q: the page speaks sv (Swedish) and en (English); ask for one of them", m.Lang)
	case WebNoImport:
		return "this import is no longer here (it was finished, or leadimport serve started again): drop the sheet again"
	case WebStopping:
		return "leadimport serve is stopping: nothing more is sent; start it again and drop the sheet again"
	case WebNoRow:
		return fmt.Sprintf("row %d is not a row of the sheet's table", m.Row)
	case WebNoColumn:
		return fmt.Sprintf("the sheet has no column %q", m.Header)
	case WebBusy:
		return "the import is being sent: wait until it is done, or stop it"
	case WebNoMapping:
		return "confirm how the columns are matched first"
	case WebSentAlready:
		return "this import was sent already; drop the sheet again to send it again (rows sent are skipped)"
	case WebNoReport:
		if m.Written == "" {
			return "there is no report yet: it is written when the import is sent"
		}
		return fmt.Sprintf("the report was written as %s, not %s", strings.ToUpper(m.Written), strings.ToUpper(m.Format))
	case WebNeedCredentials:
		return "leadimport has no Connect user name and password yet: give them to send"
	case WebNothingToSend:
		return "no row is valid: there is nothing to send"
	case Page:
		return m.Text.in(pageEN)
	default:
		return unsaid(m)
	}
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

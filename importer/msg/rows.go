package msg

import "time"

// What the importer says of a row as a whole, and of sending it.

// ExtraCells: values beyond the header's last column; the values follow
// the message, in the problem's Value.
type ExtraCells struct {
	message
	Cells, Header int
}

// SamePerson: an earlier row of this run is the same person.
type SamePerson struct {
	message
	Row int
}

// SentBefore: the ledger says an earlier run sent the lead.
type SentBefore struct {
	message
	At  time.Time // when, in the zone to show it in
	Run int64
}

// ReportSaysSent: a report read back as an input says the row was sent.
type ReportSaysSent struct{ message }

// NotSent: the run stopped before the row was sent.
type NotSent struct {
	message
	Err error // why the run stopped
}

func (m NotSent) Cause() error { return m.Err }

// NotChecked: a check stopped before it reached the row.
type NotChecked struct {
	message
	Err error
}

func (m NotChecked) Cause() error { return m.Err }

// Interrupted: the user interrupted the run.
type Interrupted struct{ message }

// AfterAttempts: Err is the last of Attempts failed attempts.
type AfterAttempts struct {
	message
	Err      error
	Attempts int
}

func (m AfterAttempts) Cause() error { return m.Err }

// NotRetried: Err failed an attempt, and the run stopped (Why) before
// another.
type NotRetried struct {
	message
	Err, Why error
}

func (m NotRetried) Cause() error { return m.Err }

// NoAnswer: Connect did not answer in time.
type NoAnswer struct {
	message
	Within time.Duration
	Err    error
}

func (m NoAnswer) Cause() error { return m.Err }

// UnansweredTwice: Attempts attempts whose requests were written got no
// answer, the last with Err; each may have been recorded, so the lead is
// not tried again in this run.
type UnansweredTwice struct {
	message
	Err      error
	Attempts int
	// Again: once was enough, since an earlier run's attempt got none
	// either.
	Again bool
}

func (m UnansweredTwice) Cause() error { return m.Err }

// CustomerRefused: the row is not sent, after Refusals 403s in a row for
// its customer.
type CustomerRefused struct {
	message
	Customer string
	Refusals int
}

// ConnectDown: Failures rows in a row failed; --max-failures is Max.
type ConnectDown struct {
	message
	Failures, Max int
}

// SameRefusal: Connect refused Rows rows in a row with the same status,
// one their content cannot explain (3xx, 404, 405); Answer is the last.
type SameRefusal struct {
	message
	Rows   int
	Answer error
}

func (m SameRefusal) Cause() error { return m.Answer }

// Throttled: Connect has answered every request with 429 for For;
// --max-throttle is Max.
type Throttled struct {
	message
	For, Max time.Duration
}

// CredentialsRefused: Connect answered 401.
type CredentialsRefused struct{ message }

// TooManyInvalid: more invalid rows than --max-invalid; nothing is sent.
type TooManyInvalid struct {
	message
	Invalid, Max int
}

// CannotEncode: the lead could not be made JSON.
type CannotEncode struct {
	message
	Err error
}

func (m CannotEncode) Cause() error { return m.Err }

// LedgerRead: the ledger could not be read.
type LedgerRead struct {
	message
	Err error
}

func (m LedgerRead) Cause() error { return m.Err }

// LedgerWrite: the ledger could not be written.
type LedgerWrite struct {
	message
	Err error
}

func (m LedgerWrite) Cause() error { return m.Err }

// ReportWrite: the report could not be written.
type ReportWrite struct {
	message
	Path string
	Err  error
}

func (m ReportWrite) Cause() error { return m.Err }

// Notes said beside a row's outcome: Connect may hold the lead whatever
// the status says.

// EarlierUnconfirmed: the ledger holds the lead as pending, so a run that
// died sent it and never learned the answer; it is sent again.
type EarlierUnconfirmed struct{ message }

// NotAContactID: Connect answered Status, a success, with something that
// is not a contact id.
type NotAContactID struct {
	message
	Status int
}

// NotNoContent: Connect answered Status, a success, to an interest
// registration with something other than the 204 without a body it
// documents.
type NotNoContent struct {
	message
	Status int
}

// IsAcceptedNoBody reports whether s is AcceptedNoBody's 204 in any
// language: a report's response for a lead sent to the interest call.
func IsAcceptedNoBody(s string) bool {
	for _, l := range []Lang{English, Swedish} {
		if s == l.Say(AcceptedNoBody{Status: 204}) {
			return true
		}
	}
	return false
}

// AcceptedNoBody: the report's response column for a lead Connect
// accepted with Status (204) and no body, as the interest call answers:
// there is no contact id to show.
type AcceptedNoBody struct {
	message
	Status int
}

// MayHaveIt: a failed row had an attempt that got no answer.
type MayHaveIt struct{ message }

// MaybeTwice: a sent row had an earlier attempt that got no answer.
type MaybeTwice struct{ message }

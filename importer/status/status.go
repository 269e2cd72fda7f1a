// Package status is the vocabulary of a row's outcome: what became of
// one input row. Every row ends with exactly one status; the report, the
// summary, the console and the ledger's counts all use these words.
//
// The words are the tool's vocabulary, not prose: they stay the same in
// every language, and they are what a report read back as an input is
// recognised by.
//
//	switch o.Status {
//	case status.Sent, status.Valid:
//		ok++
//	case status.Failed, status.Invalid:
//		bad++
//	}
package status

// Status is what became of one input row.
type Status string

const (
	Sent    Status = "sent"     // Connect accepted the lead
	Invalid Status = "invalid"  // the row is wrong; nothing was sent
	Failed  Status = "failed"   // Connect refused the lead, or every attempt failed
	NotSent Status = "not_sent" // the run stopped before the row was sent
	Valid   Status = "valid"    // check: the row would be sent

	Skipped   Status = "skipped"   // the ledger (or the report read back) says an earlier run sent it
	Duplicate Status = "duplicate" // an earlier row of this run is the same lead
)

// All lists every status in the order summaries show them: what went
// well first, then what needs a look.
var All = []Status{Sent, Valid, Skipped, Duplicate, Invalid, Failed, NotSent}

package importer

import (
	"leadimport/importer/source"
	"leadimport/mapping"
)

// Status is what became of one input row. Every row ends with exactly one.
type Status string

const (
	StatusSent    Status = "sent"     // Connect accepted the lead
	StatusInvalid Status = "invalid"  // the row is wrong; nothing was sent
	StatusFailed  Status = "failed"   // Connect refused the lead, or every attempt failed
	StatusNotSent Status = "not_sent" // the run stopped before the row was sent
	StatusValid   Status = "valid"    // check: the row would be sent

	StatusSkipped   Status = "skipped"   // the ledger says an earlier run sent it
	StatusDuplicate Status = "duplicate" // an earlier row of this run is the same lead
)

// statuses lists every status in the order summaries show them.
var statuses = []Status{StatusSent, StatusValid, StatusSkipped, StatusDuplicate, StatusInvalid, StatusFailed, StatusNotSent}

// Outcome is what the report is given for one row.
type Outcome struct {
	Row        source.Row
	Status     Status
	HTTPStatus int
	Attempts   int
	Response   string
	Problems   []mapping.Problem
	Warnings   []mapping.Problem // accepted, but worth a look
	Changes    []mapping.Change  // what normalisation altered
	Lead       *mapping.Lead     // as sent; kept only for a JSONL report
	Err        error
	notes      []error // said beside the outcome, e.g. an earlier attempt unconfirmed

	seq int // position in the input, for the reorder buffer
}

// Errors lists every reason the row was not sent, in plain words: its
// problems, each naming its cell, then what went wrong in sending and
// the notes beside it.
func (o *Outcome) Errors() []mapping.Problem {
	if o.Err == nil && len(o.notes) == 0 {
		return o.Problems
	}
	ps := make([]mapping.Problem, 0, len(o.Problems)+1+len(o.notes))
	ps = append(ps, o.Problems...)
	if o.Err != nil {
		ps = append(ps, mapping.Problem{Message: o.Err.Error()})
	}
	for _, n := range o.notes {
		ps = append(ps, mapping.Problem{Message: n.Error()})
	}
	return ps
}

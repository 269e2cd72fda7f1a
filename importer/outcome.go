package importer

import (
	"strings"

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
	Err        error
	notes      []error // said beside the outcome, e.g. an earlier attempt unconfirmed

	seq int // position in the input, for the reorder buffer
}

// Reason says in plain words why the row was not sent, or "" if it was.
func (o *Outcome) Reason() string {
	var parts []string
	for _, p := range o.Problems {
		parts = append(parts, p.String())
	}
	if o.Err != nil {
		parts = append(parts, o.Err.Error())
	}
	for _, n := range o.notes {
		parts = append(parts, n.Error())
	}
	return strings.Join(parts, "; ")
}

// ChangesText lists what normalisation altered, as the report's changes
// column does: "Mobil: 070-123 45 67 → +46701234567; …".
func (o *Outcome) ChangesText() string {
	if len(o.Changes) == 0 {
		return ""
	}
	n := 0
	for _, c := range o.Changes {
		n += len(c.Column) + len(c.From) + len(c.To) + len(": → ; ")
	}
	var b strings.Builder
	b.Grow(n)
	for i, c := range o.Changes {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(c.Column)
		b.WriteString(": ")
		b.WriteString(c.From)
		b.WriteString(" → ")
		b.WriteString(c.To)
	}
	return b.String()
}

// WarningsText lists the row's warnings, as the report's warnings column
// does.
func (o *Outcome) WarningsText() string {
	parts := make([]string, len(o.Warnings))
	for i, w := range o.Warnings {
		parts[i] = w.String()
	}
	return strings.Join(parts, "; ")
}

package importer

import (
	"leadimport/importer/connect"
	"leadimport/importer/msg"
	"leadimport/importer/persons"
	"leadimport/importer/report"
	"leadimport/importer/source"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// Outcome is what the report is given for one row.
type Outcome struct {
	Row        source.Row
	Status     status.Status
	HTTPStatus int
	Attempts   int
	Response   string
	Problems   []mapping.Problem
	Warnings   []mapping.Problem // accepted, but worth a look
	Changes    []mapping.Change  // what normalisation altered
	Lead       *mapping.Lead     // as sent; kept only for a JSONL report
	Err        error
	// notes are said beside the outcome: Connect may hold the lead
	// whatever the status says (an attempt got no answer, and Connect has
	// no idempotency key).
	notes []msg.Message
	// contactID is the id Connect answered a sent row with, when its
	// answer was one (connect.Response.ContactID): what the ledger and
	// the log keep. Response may hold the start of another answer.
	contactID string
	// said is the response column in words, when Connect's answer has
	// none to show (a 204): said in the report's language (response).
	said msg.Message
	// unconfirmed: an attempt may have reached Connect and got no answer
	// (or an answer that is not a contact id); again: a run before this
	// one left it so.
	unconfirmed, again bool

	seq     int             // position in the reorder buffer: the row's, or its lane's
	verdict persons.Verdict // what the rows of the same person say of it
	// clean: the row was clean as it was read ahead, and mapped (or, in
	// a check that shows no lead, changesText: the report's changes
	// column; or, when the report is CSV, csvHead and csvChanges: its
	// line's head and changes field, report.Preformatted, and no cells)
	// is what mapping made of it then; tallied: the per-column counts
	// have it already.
	clean       bool
	mapped      *mapping.Mapped
	changesText string
	csvHead     string
	csvChanges  string
	tallied     bool
	// lane, when not nil, is a run of valid rows that go to the report
	// together (fastRow): this Outcome is the run, not a row. Their lines
	// are in the spool's blocks laneBlocks, held until they are written.
	lane       []fastRow
	laneBlocks []*block
}

// fastRow is a row of a check's fast lane: clean as it was read ahead,
// its CSV line formatted then (line, in a block of the spool), and nothing said
// of it by the rows of the same person. Its outcome is valid, with no
// error, no warning and no change but those its line has.
type fastRow struct {
	number int
	line   report.PreLine
}

// Errors lists every reason the row was not sent, as messages: its
// problems, each naming its cell, then what went wrong in sending and
// the notes beside it.
func (o *Outcome) Errors() []mapping.Problem {
	if o.Err == nil && len(o.notes) == 0 {
		return o.Problems
	}
	ps := make([]mapping.Problem, 0, len(o.Problems)+1+len(o.notes))
	ps = append(ps, o.Problems...)
	if o.Err != nil {
		ps = append(ps, mapping.Problem{Message: msg.Of(o.Err)})
	}
	for _, n := range o.notes {
		ps = append(ps, mapping.Problem{Message: n})
	}
	return ps
}

// response is the report's response column in l: Connect's answer, or
// what it said in words when its answer had no body.
func (o *Outcome) response(l msg.Lang) string {
	if o.said != nil {
		return l.Say(o.said)
	}
	return o.Response
}

// mayPass reports whether the row failed for a reason that may pass:
// Connect was busy or failing, or an attempt got no answer, so a later
// run may well send it. connect.Retryable is the one rule for what may
// pass: the same that decides a retry decides what counts towards
// --max-failures and what --archive-dir leaves for the next night. A
// lead left unconfirmed by an earlier run, and unconfirmed again, is the
// exception: each run sends it again, and each such attempt may be a
// copy, so it waits for a person to look in Connect rather than for the
// next night.
func (o *Outcome) mayPass() bool {
	return o.Status == status.Failed && connect.Retryable(o.Err) && !(o.unconfirmed && o.again)
}

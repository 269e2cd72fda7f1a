package ledger

import (
	"database/sql"
	"errors"
	"time"

	"leadimport/importer/msg"
)

// Status is where a lead stands in the ledger.
type Status string

const (
	// StatusPending: the request is about to be sent, or was sent by a run
	// that died before hearing the answer. Either way the outcome is unknown.
	StatusPending Status = "pending"
	// StatusSent: Connect accepted the lead; sending it again makes a copy.
	StatusSent Status = "sent"
	// StatusFailed: Connect refused the lead, or every attempt failed.
	StatusFailed Status = "failed"
)

// Entry is the current record of one key.
//
// Status, ContactID, HTTPStatus and At say where the lead stands and since
// when; RunID, Input and Row say which run and row attempted it last. They
// differ only for a lead that was sent and then attempted again with --force
// (see Run.Pending).
type Entry struct {
	Key        Key
	Status     Status
	RunID      int64
	Input      string
	Row        int
	ContactID  string
	HTTPStatus int
	At         time.Time
	// Fields are the lead's fields, keyed (Ledger.Fields): of the lead
	// sent, for a sent one; nil for a lead recorded before the ledger
	// kept them.
	Fields Fields
}

// Lookup returns the entry of k, or of the lead k is an alias of (its
// Key says which), and false if neither was ever attempted.
func (l *Ledger) Lookup(k Key) (Entry, bool, error) {
	if f := l.known.Load(); f != nil && f.ready.Load() && !f.has(string(k)) {
		return Entry{}, false, nil
	}
	var e Entry
	var via int
	var at string
	var key []byte
	var fields []byte // NULL: before the ledger kept fields (a Fields cannot take a NULL)
	err := l.lookup.QueryRow(k.raw()).Scan(&via, &key, &e.Status, &e.RunID, &e.Input, &e.Row, &e.ContactID, &e.HTTPStatus, &at, &fields)
	e.Key, e.Fields = keyOf(key), fields
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, failed(msg.LookUpLead, err)
	}
	if e.At, err = parseTime(at); err != nil {
		return Entry{}, false, failed(msg.LookUpLead, err)
	}
	return e, true, nil
}

// A sent lead stays sent: only a later Sent updates it. Pending and Failed
// from a --force run record the attempt (input, row) but keep the status,
// run, contact id, time and fields of the send, because the lead is in
// Connect whatever the forced attempt does: if that attempt dies or fails, a
// later run must still skip the row rather than send a further copy, compare
// it with what Connect has, and say which run sent it.
const (
	pendingSQL = `
INSERT INTO leads (key, status, run_id, input, row, contact_id, http_status, at, fields)
VALUES (?1, 'pending', ?2, ?3, ?4, '', 0, ?5, ?6)
ON CONFLICT (key) DO UPDATE SET
	run_id = iif(status = 'sent', run_id, excluded.run_id),
	input = excluded.input,
	row = excluded.row,
	status = iif(status = 'sent', status, 'pending'),
	http_status = iif(status = 'sent', http_status, 0),
	at = iif(status = 'sent', at, excluded.at),
	fields = iif(status = 'sent', fields, excluded.fields)`

	sentSQL = `
INSERT INTO leads (key, status, run_id, input, row, contact_id, http_status, at, fields)
VALUES (?1, 'sent', ?2, '', 0, ?3, ?4, ?5, ?6)
ON CONFLICT (key) DO UPDATE SET
	status = 'sent',
	run_id = excluded.run_id,
	contact_id = excluded.contact_id,
	http_status = excluded.http_status,
	at = excluded.at,
	fields = coalesce(excluded.fields, fields)`

	// pendingNewSQL is pendingSQL for a key without an entry, with the
	// same parameters.
	pendingNewSQL = `
INSERT INTO leads (key, status, run_id, input, row, contact_id, http_status, at, fields)
VALUES (?1, 'pending', ?2, ?3, ?4, '', 0, ?5, ?6)
ON CONFLICT (key) DO NOTHING`

	// aliasSQL records an alias of a lead, after its Pending.
	aliasSQL = `
INSERT INTO aliases (alias, key) VALUES (?1, ?2)
ON CONFLICT (alias) DO NOTHING`

	// aliasPairSQL is aliasSQL for two aliases (?1, ?3) of one lead (?2)
	// at once: a row with a personnummer, an e-mail address and a name and
	// phone number gives its lead two, in one statement rather than two.
	aliasPairSQL = `
INSERT INTO aliases (alias, key) VALUES (?1, ?2), (?3, ?2)
ON CONFLICT (alias) DO NOTHING`

	// sentUpdateSQL is sentSQL for a key that has an entry, with the
	// same parameters.
	sentUpdateSQL = `
UPDATE leads SET status = 'sent', run_id = ?2, contact_id = ?3, http_status = ?4, at = ?5,
	fields = coalesce(?6, fields)
WHERE key = ?1`

	failedSQL = `
INSERT INTO leads (key, status, run_id, input, row, contact_id, http_status, at)
VALUES (?1, 'failed', ?2, '', 0, '', ?3, ?4)
ON CONFLICT (key) DO UPDATE SET
	status = 'failed',
	run_id = excluded.run_id,
	http_status = excluded.http_status,
	at = excluded.at
WHERE status <> 'sent'`
)

// Pending records that k is about to be sent from row of input, with its
// fields (nil: not said) and aliases: other keys a later Lookup finds k
// by (an alias already taken by another lead stays that lead's). It
// returns once the record is committed, so that a crash during the
// request leaves the key pending: the next run then knows the outcome is
// unknown.
func (r *Run) Pending(k Key, input string, row int, fields Fields, aliases ...Key) error {
	r.noteKey(k)
	o := &op{write: writePending, what: msg.RecordPending, done: make(chan error, 1),
		args: []any{k.raw(), r.ID, input, row, formatTime(r.l.now()), fields.arg()}}
	for _, a := range aliases {
		r.noteKey(a)
		o.aliases = append(o.aliases, a.raw())
	}
	if err := r.enqueue(o); err != nil {
		return err
	}
	return <-o.done
}

// Sent records that Connect accepted k, with fields (nil: those of its
// Pending), and answered with contactID. Without
// an earlier Pending (which the importer always writes) the entry has row 0.
// It does not wait for the commit: the writer commits writes in the order
// they come, so a caller's next Pending commits with or after this Sent,
// and a caller that sends one lead at a time never has more than one lead
// whose outcome a crash could lose. A failed commit is returned by the
// next write, or by Finish.
func (r *Run) Sent(k Key, contactID string, httpStatus int, fields Fields) error {
	r.noteKey(k)
	return r.later(writeSent, msg.RecordSent, k.raw(), r.ID, contactID, httpStatus, formatTime(r.l.now()), fields.arg())
}

// Failed records that k was not accepted. An entry already sent keeps its
// status (see the note on sent leads above).
func (r *Run) Failed(k Key, httpStatus int) error {
	r.noteKey(k)
	return r.do(writeFailed, msg.RecordFailed, k.raw(), r.ID, httpStatus, formatTime(r.l.now()))
}

// Package ledger remembers which leads were sent, so that a re-run, a cron
// job or a run restarted after a crash never sends a lead twice: Connect has
// no idempotency key and records every request it accepts.
//
// The ledger is one SQLite file. It holds keys, not leads: a key is an
// HMAC-SHA256, under a random secret made with the ledger, of what identifies
// a request (endpoint, customer id, estate id, canonical body). Beside it are
// the keys of the person the lead is for, and a keyed hash of each of its
// fields (Who), so that a later row for the person with other content is
// known, and can be told what changed. Names, numbers and addresses never
// reach the file, so losing it leaks no personal data. Run records hold the
// input and mapping file paths and their SHA-256.
//
// One run at a time holds a ledger; a second gets a *BusyError naming the
// first. A run that dies loses its lock with its process.
//
// Its errors say themselves by importer/msg messages, so a user can read
// them in Swedish: a low-level failure is msg.LedgerFailed, naming the
// step that failed (one of a small set, msg.LookUpLead, msg.BeginRun, …)
// around SQLite's or the operating system's own words. The sentinels
// (ErrNotDatabase, ErrRunReleased, …) still answer errors.Is.
//
// A run, in outline:
//
//	l, err := ledger.Open(path) // path from --ledger or ledger.DefaultPath(os.Getenv, runtime.GOOS)
//	if err != nil { ... }
//	defer l.Close()
//	run, err := l.Begin(ledger.RunInfo{Inputs: inputs, Mapping: mappingPath, Command: "run", PID: os.Getpid(), Started: now})
//	var busy *ledger.BusyError
//	if errors.As(err, &busy) { ... exit 2, nothing sent }
//	defer run.Release() // on error paths; Finish releases too
//
//	for each valid row (the rows that repeat another are found before, in importer/persons):
//		k := l.Key(endpoint, customerID, estateID, body)
//		e, found, err := l.Lookup(k)
//		who := &ledger.Who{Persons: []ledger.Key{l.Person(endpoint, customerID, estateID, "email", email)},
//			Fields: l.Fields(name, personnummer, email)}
//		switch {
//		case found && e.Status == ledger.StatusSent && !force:
//			... status skipped: sent e.At as contact e.ContactID
//		case found && e.Status == ledger.StatusPending:
//			... an earlier run died with the outcome unknown: send again, and say so
//		case !found && !force:
//			if sent, ok, err := l.LookupPerson(who.Persons); ok {
//				... status skipped: a lead for the person was sent, sent.Fields.Changed(who.Fields) changed since
//			}
//		}
//		run.Pending(k, input, row, who) // committed before the request goes out
//		... send
//		run.Sent(k, contactID, httpStatus) // or run.Failed(k, httpStatus)
//
//	run.Finish(counts, exitCode, reason, time.Now())
//
// History lists recent runs for `leadimport history`.
package ledger

package ledger

import "context"

// A commit appends pages to the log (the -wal file); a checkpoint copies
// them into the database file, syncs it, and lets the log start over.
// SQLite does that in the commit that fills the log past 1,000 pages,
// which then takes ten times as long as the others: the writes queued
// behind it wait, and requests the limiter had spaced out leave together
// (at --rate 500 the busiest second held 504-505 requests, 502-503
// without those checkpoints). So the run's writer turns
// that off and a checkpointer of its own copies the pages beside it, on
// another connection, without stopping it.
//
// A pass copies each page once however many times the log holds it, so
// fewer, larger passes copy less: keys are random, and a lead's Pending
// dirties some four pages of its indexes (its key and two aliases, and
// the splits), a page of the table's end being written by many commits
// in turn. A pass every 512 writes copied nearly every page the log
// took (13.2 writes and 6.0 reads to the files a lead in `make bench`'s
// run of 50,000 rows); one every 8,192 copies each page of the table's
// end once, and a page of the indexes once for the several leads that
// wrote to it meanwhile (11.1 writes and 3.7 reads a lead; the run's
// CPU per row 0.91× of before).
const (
	// checkpointEvery is how many writes the writer commits between
	// two passes of the checkpointer.
	checkpointEvery = 8192
	// logCap is how many pages the log may hold before the writer
	// checkpoints itself and restarts it: a log restarts only once
	// every page in it is copied, which a writer that never pauses
	// does not wait for (40 MB at SQLite's 4 KiB pages). The writes of
	// checkpointEvery take some 17,000 pages, so the writer restarts
	// the log after each pass, copying only what was committed during
	// the pass. The log then grows no further with the run's length:
	// at most 93-104 MB at 100,000 leads, 165 MB at 1,000,000 (with a
	// pass every 512 writes: 76-198 MB and 284 MB; a restart that finds
	// a pass under way waits for the next).
	logCap = 10_000
)

// checkpoint copies the log into the database whenever the writer asks,
// as far as it can without waiting for anyone, and notes the log's size.
func (r *Run) checkpoint() {
	for range r.ckpt {
		var busy, log, copied int64
		if err := r.l.db.QueryRow("PRAGMA wal_checkpoint(PASSIVE)").Scan(&busy, &log, &copied); err == nil {
			r.logPages.Store(log)
		} // else the next pass tries again, and the writer's cap still holds
		if r.checkpointed != nil {
			r.checkpointed <- struct{}{}
		}
	}
}

// afterCommit asks the checkpointer for a pass every checkpointEvery
// writes, and past logCap restarts the log itself. Only the writer calls
// it.
func (r *Run) afterCommit(writes int) {
	if r.sinceCheckpoint += writes; r.sinceCheckpoint >= r.ckptEvery {
		r.sinceCheckpoint = 0
		select {
		case r.ckpt <- struct{}{}:
		default: // a pass is under way or asked for
		}
	}
	if r.logPages.Load() > r.logCap && !r.scanning.Load() {
		// Waits for readers to finish, so not while the scan of the
		// ledger's keys holds its one snapshot; a busy answer leaves it
		// to the next commit.
		r.w.conn.ExecContext(context.Background(), "PRAGMA wal_checkpoint(RESTART)")
		r.logPages.Store(0)
	}
}

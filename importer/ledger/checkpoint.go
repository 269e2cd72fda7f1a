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
const (
	// checkpointEvery is how many writes the writer commits between
	// two passes of the checkpointer.
	checkpointEvery = 512
	// logCap is how many pages the log may hold before the writer
	// checkpoints itself and restarts it: a log restarts only once
	// every page in it is copied, which a writer that never pauses
	// does not wait for (40 MB at SQLite's 4 KiB pages).
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
	if r.sinceCheckpoint += writes; r.sinceCheckpoint >= checkpointEvery {
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

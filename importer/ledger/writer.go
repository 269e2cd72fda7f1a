package ledger

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"

	"leadimport/importer/msg"
)

// write is what an op writes.
type write int

const (
	writeSync       write = iota // nothing: Sync's marker
	writePending                 // pendingSQL
	writeSent                    // sentSQL
	writeFailed                  // failedSQL
	writeSentUpdate              // sentUpdateSQL, tried before sentSQL
	writePendingNew              // pendingNewSQL, tried before pendingSQL
	writeAlias                   // aliasSQL, after a Pending, for an alias
	writeAliasPair               // aliasPairSQL, after a Pending, for two aliases
)

// writerConn is the run writer's own connection, with its statements
// prepared on it once: transactions begin and end by statements of
// their own rather than by database/sql's, which would parse them and
// bind each write's statement to the transaction anew.
type writerConn struct {
	conn                    *sql.Conn
	begin, commit, rollback *sql.Stmt
	writes                  [writeAliasPair + 1]*sql.Stmt // by write; writeSync has none
	// broken is a rollback that failed: the connection may still be in
	// its transaction, so nothing more is written on it, and it is not
	// given back to the pool.
	broken error
}

// The writer's page cache is SQLite's default (2 MB), though the keys'
// indexes of a long run are bigger and a page not in it is read back
// from the log or the file. A bigger one (PRAGMA cache_size) removed
// those reads but made no run cheaper: SQLite, splitting a page, renumbers
// pages through the number of the page at 1 GiB, and each commit after
// such a split then goes through the cache's whole hash table to drop
// pages past the database's end (pcache1TruncateUnsafe), a cost that
// grows with the cache (12% of the CPU at 100,000 leads with 64 MB).
func (l *Ledger) writerConn(ctx context.Context) (*writerConn, error) {
	conn, err := l.db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	w := &writerConn{conn: conn}
	// The writer's commits leave checkpoints to the checkpointer.
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		conn.Close()
		return nil, err
	}
	for _, s := range []struct {
		dst   **sql.Stmt
		query string
	}{
		{&w.begin, "BEGIN IMMEDIATE"},
		{&w.commit, "COMMIT"},
		{&w.rollback, "ROLLBACK"},
		{&w.writes[writePending], pendingSQL},
		{&w.writes[writeSent], sentSQL},
		{&w.writes[writeFailed], failedSQL},
		{&w.writes[writeSentUpdate], sentUpdateSQL},
		{&w.writes[writePendingNew], pendingNewSQL},
		{&w.writes[writeAlias], aliasSQL},
		{&w.writes[writeAliasPair], aliasPairSQL},
	} {
		if *s.dst, err = conn.PrepareContext(ctx, s.query); err != nil {
			return nil, errors.Join(err, w.close())
		}
	}
	return w, nil
}

// exec commits the batch's writes in one transaction.
func (w *writerConn) exec(batch []*op) error {
	if w.broken != nil {
		return opError(batch[0], w.broken)
	}
	ctx := context.Background()
	if _, err := w.begin.ExecContext(ctx); err != nil {
		return opError(batch[0], err)
	}
	for _, o := range batch {
		if o.write == writeSync {
			continue
		}
		if err := w.execOne(ctx, o); err != nil {
			w.undo(ctx)
			return opError(o, err)
		}
	}
	if _, err := w.commit.ExecContext(ctx); err != nil {
		w.undo(ctx)
		return opError(batch[0], err)
	}
	return nil
}

// undo rolls the transaction back; if even that fails, the connection
// is broken.
func (w *writerConn) undo(ctx context.Context) {
	if _, err := w.rollback.ExecContext(ctx); err != nil {
		w.broken = msg.Error(msg.RollbackFailed{Err: err})
	}
}

// firstTry is the plain statement a write tries before its upsert: a
// Sent nearly always finds its Pending, a Pending nearly always a new key.
// writeSync: none.
func firstTry(w write) write {
	switch w {
	case writeSent:
		return writeSentUpdate
	case writePending:
		return writePendingNew
	}
	return writeSync
}

func (w *writerConn) execOne(ctx context.Context, o *op) error {
	if err := w.execLead(ctx, o); err != nil {
		return err
	}
	key, aliases := o.args[0], o.aliases
	for ; len(aliases) >= 2; aliases = aliases[2:] {
		if _, err := w.writes[writeAliasPair].ExecContext(ctx, aliases[0], key, aliases[1]); err != nil {
			return err
		}
	}
	if len(aliases) == 1 {
		if _, err := w.writes[writeAlias].ExecContext(ctx, aliases[0], key); err != nil {
			return err
		}
	}
	return nil
}

func (w *writerConn) execLead(ctx context.Context, o *op) error {
	if first := firstTry(o.write); first != writeSync {
		res, err := w.writes[first].ExecContext(ctx, o.args...)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return err
		}
	}
	_, err := w.writes[o.write].ExecContext(ctx, o.args...)
	return err
}

// close closes the statements and gives the connection back to the
// pool as SQLite made it.
func (w *writerConn) close() error {
	var errs []error
	for _, s := range append([]*sql.Stmt{w.begin, w.commit, w.rollback}, w.writes[:]...) {
		if s != nil {
			errs = append(errs, s.Close())
		}
	}
	_, err := w.conn.ExecContext(context.Background(), "PRAGMA wal_autocheckpoint = 1000")
	if err != nil || w.broken != nil {
		// Not back to the pool as it is: the connection is closed.
		w.conn.Raw(func(any) error { return driver.ErrBadConn })
		return errors.Join(append(errs, err)...)
	}
	return errors.Join(append(errs, w.conn.Close())...)
}

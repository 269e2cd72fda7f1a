package ledger

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// seenSet is the run's set of lead identities met so far, for finding a
// row that repeats an earlier one. It lives in a scratch database beside
// the ledger, not in memory (it grows with the rows) and not in the ledger
// itself (it needs no durability: a run that dies starts over, and a
// commit per row would cost what a send does). The scratch file has no
// journal and no syncing; inserts are committed in groups, only to bound
// what SQLite holds; it is removed when the run ends.
type seenSet struct {
	path string
	db   *sql.DB
	tx   *sql.Tx
	ins  *sql.Stmt // in tx
	sel  *sql.Stmt // in tx
	n    int       // inserts in tx
}

// seenGroup is how many identities one scratch transaction holds.
const seenGroup = 4096

func openSeen(ledgerPath string) (*seenSet, error) {
	path := ledgerPath + "-seen"
	removeSeen(path) // a run that died left it; the lock is ours now
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	db, err := sql.Open("sqlite", "file://"+p+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec(`CREATE TABLE seen (identity TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID`); err != nil {
		db.Close()
		removeSeen(path)
		return nil, err
	}
	return &seenSet{path: path, db: db}, nil
}

// firstSeen is Run.FirstSeen's work; the caller holds the run's lock.
func (s *seenSet) firstSeen(identity string, row int) (int, bool, error) {
	if s.tx == nil {
		tx, err := s.db.Begin()
		if err != nil {
			return 0, false, err
		}
		ins, err := tx.Prepare(`INSERT INTO seen (identity, row) VALUES (?, ?) ON CONFLICT DO NOTHING`)
		if err == nil {
			s.sel, err = tx.Prepare(`SELECT row FROM seen WHERE identity = ?`)
		}
		if err != nil {
			tx.Rollback()
			return 0, false, err
		}
		s.tx, s.ins = tx, ins
	}
	res, err := s.ins.Exec(identity, row)
	if err != nil {
		return 0, false, err
	}
	if s.n++; s.n >= seenGroup {
		err = s.tx.Commit()
		s.tx, s.n = nil, 0
		if err != nil {
			return 0, false, err
		}
	}
	if n, err := res.RowsAffected(); err != nil || n == 1 {
		return row, false, err
	}
	if s.tx == nil { // just committed: read outside a transaction
		var first int
		err := s.db.QueryRow(`SELECT row FROM seen WHERE identity = ?`, identity).Scan(&first)
		return first, true, err
	}
	var first int
	err = s.sel.QueryRow(identity).Scan(&first)
	return first, true, err
}

func (s *seenSet) close() error {
	var errs []error
	if s.tx != nil {
		errs = append(errs, s.tx.Rollback())
	}
	errs = append(errs, s.db.Close(), removeSeen(s.path))
	return errors.Join(errs...)
}

func removeSeen(path string) error {
	var errs []error
	for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, fmt.Errorf("remove %s: %w", p, err))
		}
	}
	return errors.Join(errs...)
}

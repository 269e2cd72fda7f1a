package ledger

import (
	"bytes"
	"database/sql"
	"errors"
	"os"
	"slices"

	"leadimport/importer/msg"
)

// seenSet is the run's set of lead identities met so far, for finding a
// row that repeats an earlier one. It is asked once or more for every
// row, so it answers from memory: a map of the identities met lately,
// of a fixed most. When that fills, the identities go to a scratch
// database beside the ledger (not the ledger itself: it needs no
// durability, since a run that dies starts over) in one sorted
// transaction, keyed under the ledger's secret as its keys are, and into
// a filter, which spares the scratch database a query for nearly every
// identity it does not hold. Memory stays flat in the row count; the
// scratch file is removed when the run ends.
type seenSet struct {
	recent map[Identity]int // identity → the first row that had it
	limit  int              // identities held in memory before they go to disk

	path    string                  // the scratch database, made at the first spill
	diskKey func(Identity) [16]byte // what the scratch database holds of an identity
	db      *sql.DB                 // nil before the first spill
	sel     *sql.Stmt               // the first row of an identity on disk
	spilled *filter                 // the identities on disk
}

// seenInMemory is how many identities the set holds in memory: about
// 14 MB, the identities of some 100,000 rows, so that only a migration
// ever uses the disk.
const seenInMemory = 1 << 18

func newSeen(ledgerPath string, diskKey func(Identity) [16]byte) *seenSet {
	path := ledgerPath + "-seen"
	removeSeen(path) // a run that died left it; the lock is ours now
	return &seenSet{recent: map[Identity]int{}, limit: seenInMemory, path: path, diskKey: diskKey}
}

// firstSeen is Run.FirstSeen's work; the caller holds the run's lock.
func (s *seenSet) firstSeen(id Identity, row int) (int, bool, error) {
	if first, ok := s.recent[id]; ok {
		return first, true, nil
	}
	if s.spilled != nil && s.spilled.has(string(id[:])) {
		var first int
		k := s.diskKey(id)
		err := s.sel.QueryRow(k[:]).Scan(&first)
		if err == nil {
			return first, true, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, false, err
		}
	}
	s.recent[id] = row
	if len(s.recent) >= s.limit {
		if err := s.spill(); err != nil {
			return 0, false, err
		}
	}
	return row, false, nil
}

// spill moves the identities in memory to the scratch database, in key
// order, so that the inserts walk the tree instead of jumping about it.
func (s *seenSet) spill() error {
	if s.db == nil {
		if err := s.open(); err != nil {
			return failed(msg.UseScratch, err)
		}
	}
	type entry struct {
		key [16]byte
		row int
	}
	entries := make([]entry, 0, len(s.recent))
	for id, row := range s.recent {
		entries = append(entries, entry{s.diskKey(id), row})
	}
	slices.SortFunc(entries, func(a, b entry) int { return bytes.Compare(a.key[:], b.key[:]) })
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.Prepare(`INSERT INTO seen (identity, row) VALUES (?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, e := range entries {
		if _, err := ins.Exec(e.key[:], e.row); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	for id := range s.recent {
		s.spilled.add(string(id[:]))
	}
	clear(s.recent)
	return nil
}

// open makes the scratch database: no journal, no syncing, one
// connection holding it exclusively.
func (s *seenSet) open() error {
	f, err := os.OpenFile(s.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	f.Close()
	uri, err := fileURI(s.path)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", uri+"?_pragma=journal_mode(OFF)&_pragma=synchronous(OFF)&_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1)
	_, err = db.Exec(`CREATE TABLE seen (identity BLOB PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID`)
	if err == nil {
		s.sel, err = db.Prepare(`SELECT row FROM seen WHERE identity = ?`)
	}
	if err != nil {
		db.Close()
		removeSeen(s.path)
		return err
	}
	s.db, s.spilled = db, newFilter()
	s.spilled.ready.Store(true) // it is filled as the identities go to disk
	return nil
}

func (s *seenSet) close() error {
	clear(s.recent)
	if s.db == nil {
		return removeSeen(s.path)
	}
	var errs []error
	errs = append(errs, s.sel.Close(), s.db.Close(), removeSeen(s.path))
	return errors.Join(errs...)
}

func removeSeen(path string) error {
	var errs []error
	for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, msg.Error(msg.CannotRemove{Path: p, Err: err}))
		}
	}
	return errors.Join(errs...)
}

package ledger

import (
	"crypto/rand"
	"database/sql"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"leadimport/importer/msg"
	"leadimport/importer/regular"
)

var (
	// ErrNotDatabase says the ledger path holds a file that is not SQLite,
	// typically a --ledger pointing at the wrong file.
	ErrNotDatabase = errors.New("not a SQLite database")
	// ErrNotLedger says the file is a SQLite database of some other program;
	// the ledger refuses to add its tables to it.
	ErrNotLedger = errors.New("a SQLite database, but not a leadimport ledger")
	// ErrNewerLedger says a newer leadimport changed the schema; this one
	// could misread it.
	ErrNewerLedger = errors.New("ledger written by a newer leadimport")
	// ErrEmptyLedger says the file exists but holds no ledger (0 bytes,
	// or a database without tables): taken for a new one, it would send
	// every lead again without a word. OpenMode's StartNew allows it.
	ErrEmptyLedger = errors.New("the ledger file is empty")
	// ErrNoLedger says there is no file at the path, which Existing asks.
	ErrNoLedger = errors.New("no ledger")
)

// Mode says what Open may do with the file it is given.
type Mode int

const (
	// Create makes a new ledger where there is no file (and the folders
	// to it); a file that exists must hold a ledger.
	Create Mode = iota
	// StartNew is Create, and makes a new ledger in an existing file that
	// is empty or a database without tables too (--new-ledger).
	StartNew
	// Existing opens only a ledger that exists, creating nothing: for the
	// commands that only read it.
	Existing
)

const (
	// applicationID ("LDGR") marks the file as ours in the SQLite header, so
	// that a --ledger pointing at another program's database is refused
	// instead of being given extra tables.
	applicationID = 0x4c444752
	schemaVersion = 5 // see migrations
	secretSize    = 32

	// busyTimeout covers another process (leadimport history, or a second run
	// about to be refused) writing at the same moment: every transaction here
	// lasts milliseconds, so waiting seconds only happens when something else
	// holds the file, and then failing with a message beats hanging.
	busyTimeout = 10 * time.Second
)

// Ledger is the record of what was sent. It is safe for concurrent use.
type Ledger struct {
	path   string
	db     *sql.DB
	secret []byte
	now    func() time.Time // the clock for entry times; tests replace it
	// mayStart: an empty database may become a new ledger (the file was
	// made here, or StartNew says so).
	mayStart bool

	lookup *sql.Stmt

	macs  sync.Pool              // of HMAC-SHA256 under secret, for Key
	known atomic.Pointer[filter] // the keys in the ledger, while a run holds it
}

// Open opens the ledger at path, creating it (and its directory) when missing
// (Mode Create: an existing file that holds no ledger is refused). A new
// ledger gets a random secret that keys are derived from; it never leaves
// the file.
func Open(path string) (*Ledger, error) { return OpenMode(path, Create) }

// OpenMode opens the ledger at path as mode says: see Mode.
func OpenMode(path string, mode Mode) (*Ledger, error) {
	if path == "" {
		return nil, msg.Error(msg.NoLedgerPath{})
	}
	if err := regular.Check(path); err != nil {
		return nil, err // SQLite would block on a FIFO
	}
	_, err := os.Stat(path)
	existed := err == nil
	switch {
	case !existed && mode == Existing && errors.Is(err, fs.ErrNotExist):
		return nil, openError(path, msg.Error(msg.NoLedgerFile{}, ErrNoLedger))
	case mode == Existing:
	default:
		if err := create(path); err != nil {
			return nil, openError(path, err)
		}
	}
	dsn, err := dataSourceName(path, "NORMAL")
	if err != nil {
		return nil, openError(path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, openError(path, err)
	}
	// Four connections: a run's writes all go through its one writer
	// (Run.write), which keeps one to itself so that its page cache
	// stays warm; the others let the reader look leads up while a commit
	// is under way (the log lets a read and a write pass), the run read
	// the ledger's keys at its start (Run.scan) and the checkpointer
	// copy the log (Run.checkpoint), none waiting for another.
	db.SetMaxOpenConns(4)
	l := &Ledger{path: path, db: db, now: time.Now, mayStart: !existed || mode == StartNew}
	if err := l.init(); err != nil {
		db.Close()
		return nil, openError(path, err)
	}
	if err := l.prepare(); err != nil {
		l.Close()
		return nil, openError(path, err)
	}
	return l, nil
}

// openError says that the ledger at path cannot be opened, and why.
func openError(path string, err error) error {
	return msg.Error(msg.OpenLedger{Path: path, Err: err})
}

// failed says which of the ledger's steps failed, and why.
func failed(step msg.LedgerStep, err error) error {
	return msg.Error(msg.LedgerFailed{Step: step, Err: err})
}

// create makes the directory (0700) and a new ledger (0600) when they
// are missing: SQLite would create the file with 0644, and the WAL and
// shared memory files copy the database file's mode. The ledger is made
// whole under a temporary name beside path and linked into place, so
// that a run that finds path finds a ledger, never a file another run is
// still making (an empty file is refused: ErrEmptyLedger); of two runs
// making it at once, the first link wins and the other's is dropped.
// Where a folder takes no hard links (FAT, exFAT, some network shares),
// the file is made empty as before: a run that finds it so, past the
// lock, refuses it (ErrEmptyLedger) rather than taking it for new. An
// existing file keeps its mode: it is the user's.
func create(path string) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	if _, err := os.Lstat(path); err == nil {
		return nil
	}
	f, err := os.CreateTemp(dir, ".ledger-*.db") // 0600
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer os.Remove(tmp)
	if err := f.Close(); err != nil {
		return err
	}
	if err := build(tmp); err != nil {
		return err
	}
	err = os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return nil
	}
	f, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// build makes a new ledger in the file at tmp, which no other process
// knows of yet, so that nothing needs to reach the disk step by step
// (synchronous=OFF): the whole is synced once, before create links it
// into place. That is one sync where opening a new ledger in place takes
// one for each of its steps, most of a new ledger's start-up.
func build(tmp string) error {
	dsn, err := dataSourceName(tmp, "OFF")
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return err
	}
	l := &Ledger{path: tmp, db: db, now: time.Now, mayStart: true}
	if err := errors.Join(l.init(), db.Close()); err != nil {
		return err
	}
	f, err := os.OpenFile(tmp, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// dataSourceName builds the ledger's file: URI (see fileURI), with
// synchronous as given.
//
// WAL with synchronous=NORMAL: a commit is in the WAL file, in the kernel's
// hands, when Exec returns, so it survives the process being killed, which is
// the failure the ledger exists for. Only a power cut or kernel crash can
// lose the last commits, at a much lower cost per Pending than FULL's fsync.
func dataSourceName(path, synchronous string) (string, error) {
	uri, err := fileURI(path)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s?_txlock=immediate"+
		"&_pragma=busy_timeout(%d)&_pragma=synchronous(%s)&_pragma=foreign_keys(1)",
		uri, busyTimeout.Milliseconds(), synchronous), nil
}

// fileURI is path as a file: URI without a query, so that a path holding
// '?' or '#' still names the file instead of starting the query.
func fileURI(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path: file:///C:/...
	}
	return "file://" + strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p), nil
}

const schema = `
CREATE TABLE meta (
	name  TEXT PRIMARY KEY,
	value BLOB NOT NULL
) WITHOUT ROWID;

CREATE TABLE runs (
	id        INTEGER PRIMARY KEY,
	command   TEXT NOT NULL,
	started   TEXT NOT NULL,
	ended     TEXT,
	pid       INTEGER NOT NULL,
	host      TEXT NOT NULL,
	inputs    TEXT NOT NULL,
	mapping   TEXT NOT NULL,
	counts    TEXT,
	exit_code INTEGER
);

CREATE TABLE leads (
	key         TEXT PRIMARY KEY,
	status      TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
	run_id      INTEGER NOT NULL REFERENCES runs (id),
	input       TEXT NOT NULL,
	row         INTEGER NOT NULL,
	contact_id  TEXT NOT NULL,
	http_status INTEGER NOT NULL,
	at          TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE seen (
	run_id   INTEGER NOT NULL REFERENCES runs (id),
	identity TEXT NOT NULL,
	row      INTEGER NOT NULL,
	PRIMARY KEY (run_id, identity)
) WITHOUT ROWID;
`

// migrations bring a ledger of version i+1 to version i+2; a new ledger
// is made by schema and every migration, so that a new ledger and an
// old one migrated are the same. Each runs in the transaction that opens
// the ledger, so two processes opening an old ledger at once migrate it
// once. A leadimport older than the ledger refuses it (ErrNewerLedger):
// it could not keep the new tables up to date.
var migrations = []string{
	// 2: each lead's fields, so that a row for a lead sent before is
	// told what changed since: a keyed hash of each (Fields), NULL for a
	// lead recorded before; why a run ended as it did (Run.Finish,
	// Ledger.Refused), NULL for a run that ended well or before; and the
	// rows of one input that were the same person, which the importer
	// finds before a run begins since, no longer kept; and a lead's
	// aliases: the keys of its person other than the one it is kept by
	// (Run.Pending), so that a row with fewer of them, or others, finds
	// it.
	`ALTER TABLE leads ADD COLUMN fields BLOB;
ALTER TABLE runs ADD COLUMN reason TEXT;
DROP TABLE seen;
CREATE TABLE aliases (
	alias TEXT PRIMARY KEY,
	key   TEXT NOT NULL REFERENCES leads (key)
) WITHOUT ROWID;`,
	// 3: a lead's row in a table with row ids, found by its key through
	// the key's index, rather than kept in key order: keys are random,
	// so a run's Pendings each wrote a page of the table somewhere, and
	// its Sents each that page again in a later commit; now a Pending
	// adds its row at the table's end and a small entry to the index,
	// and its Sent rewrites the row where the run's last rows are (the
	// run's CPU per row, issue 14). The aliases point at the leads by
	// name, so they are set aside while leads is made again, and put
	// back. Its status is checked against each word in turn: SQLite
	// checks a value IN a list by making a table of the list, at every
	// write of the row.
	`CREATE TABLE leads_v3 (
	key         TEXT PRIMARY KEY,
	status      TEXT NOT NULL CHECK (status = 'pending' OR status = 'sent' OR status = 'failed'),
	run_id      INTEGER NOT NULL REFERENCES runs (id),
	input       TEXT NOT NULL,
	row         INTEGER NOT NULL,
	contact_id  TEXT NOT NULL,
	http_status INTEGER NOT NULL,
	at          TEXT NOT NULL,
	fields      BLOB
);
INSERT INTO leads_v3 (key, status, run_id, input, row, contact_id, http_status, at, fields)
	SELECT key, status, run_id, input, row, contact_id, http_status, at, fields FROM leads ORDER BY at, key;
CREATE TABLE aliases_v2 AS SELECT alias, key FROM aliases;
DROP TABLE aliases;
DROP TABLE leads;
ALTER TABLE leads_v3 RENAME TO leads;
CREATE TABLE aliases (
	alias TEXT PRIMARY KEY,
	key   TEXT NOT NULL REFERENCES leads (key)
) WITHOUT ROWID;
INSERT INTO aliases (alias, key) SELECT alias, key FROM aliases_v2;
DROP TABLE aliases_v2;`,
	// 4: the endpoints each run sent to (RunInfo.Endpoints: its
	// mappings'), for history, now that a mapping may name another than
	// FinalPriceWatched; NULL for a run refused before a mapping was
	// read. A run recorded before sent to FinalPriceWatched, the only
	// endpoint then.
	`ALTER TABLE runs ADD COLUMN endpoints TEXT;
UPDATE runs SET endpoints = 'FinalPriceWatched';`,
	// 5: keys and aliases kept as their 32 bytes (Key.raw) rather than
	// as 64 hexadecimal digits. Keys are random, so each Pending inserts
	// its key and its aliases at random places in their indexes, and
	// each commit writes every page so dirtied to the log: entries half
	// as long fill pages half as fast (fewer splits), and the indexes,
	// half as big, are more often in the cache and more often written
	// by several leads between two passes of the checkpointer (make
	// bench's run, issue 14). Rows keep their row ids, so that the
	// table stays in the order the leads were written; a key that is
	// no hex (no Key is) keeps its bytes, as Key.raw gives them.
	`CREATE TABLE leads_v5 (
	key         BLOB PRIMARY KEY,
	status      TEXT NOT NULL CHECK (status = 'pending' OR status = 'sent' OR status = 'failed'),
	run_id      INTEGER NOT NULL REFERENCES runs (id),
	input       TEXT NOT NULL,
	row         INTEGER NOT NULL,
	contact_id  TEXT NOT NULL,
	http_status INTEGER NOT NULL,
	at          TEXT NOT NULL,
	fields      BLOB
);
INSERT INTO leads_v5 (rowid, key, status, run_id, input, row, contact_id, http_status, at, fields)
	SELECT rowid, coalesce(unhex(key), CAST(key AS BLOB)), status, run_id, input, row, contact_id, http_status, at, fields
	FROM leads ORDER BY rowid;
CREATE TABLE aliases_v4 AS SELECT alias, key FROM aliases;
DROP TABLE aliases;
DROP TABLE leads;
ALTER TABLE leads_v5 RENAME TO leads;
CREATE TABLE aliases (
	alias BLOB PRIMARY KEY,
	key   BLOB NOT NULL REFERENCES leads (key)
) WITHOUT ROWID;
INSERT INTO aliases (alias, key)
	SELECT coalesce(unhex(alias), CAST(alias AS BLOB)), coalesce(unhex(key), CAST(key AS BLOB)) FROM aliases_v4;
DROP TABLE aliases_v4;`,
}

// init checks that the file is a ledger this version understands, or an
// empty file, before changing anything: a --ledger pointing at another
// program's database must be left as it was. It then switches to WAL (which
// the file remembers) and creates the schema and the secret in one immediate
// transaction, so two processes opening a new ledger at once agree on one
// secret.
func (l *Ledger) init() error {
	fresh, err := l.check(l.db)
	if err != nil {
		return err
	}
	if fresh && l.mayStart {
		// journal_mode cannot change inside a transaction.
		if _, err := l.db.Exec("PRAGMA journal_mode = WAL"); err != nil {
			return failed(msg.SetWAL, err)
		}
	}
	tx, err := l.db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Checked again: another process may have created or migrated the
	// ledger meanwhile. An empty file is refused only here, past the
	// lock: a run that started at the same moment as the one creating a
	// new ledger finds the file there, and empty until that one commits.
	if fresh, err = l.check(tx); err != nil {
		return err
	}
	if fresh && !l.mayStart {
		return msg.Error(msg.EmptyLedger{}, ErrEmptyLedger)
	}
	version := 1
	if fresh {
		if _, err := tx.Exec(schema); err != nil {
			return failed(msg.CreateSchema, err)
		}
		secret := make([]byte, secretSize)
		rand.Read(secret)
		if _, err := tx.Exec("INSERT INTO meta (name, value) VALUES ('secret', ?)", secret); err != nil {
			return failed(msg.StoreSecret, err)
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return failed(msg.MarkLedger, err)
		}
	} else if err := tx.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return failed(msg.MigrateSchema, err)
	}
	if version < schemaVersion {
		for _, m := range migrations[max(version, 1)-1:] {
			if _, err := tx.Exec(m); err != nil {
				return failed(msg.MigrateSchema, err)
			}
		}
		if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
			return failed(msg.MarkLedger, err)
		}
	}
	if err := tx.QueryRow("SELECT value FROM meta WHERE name = 'secret'").Scan(&l.secret); err != nil {
		return failed(msg.ReadSecret, err)
	}
	if len(l.secret) != secretSize {
		return failed(msg.ReadSecret, msg.Error(msg.SecretSize{Len: len(l.secret), Want: secretSize}))
	}
	return tx.Commit()
}

// check reports whether the database is empty (fresh) or a ledger this
// version can use, and refuses anything else.
func (l *Ledger) check(q interface {
	QueryRow(query string, args ...any) *sql.Row
}) (fresh bool, err error) {
	var appID, version, tables int
	if err := q.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return false, sqliteError(err)
	}
	if err := q.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		return false, sqliteError(err)
	}
	if err := q.QueryRow("SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return false, sqliteError(err)
	}
	switch {
	case appID == 0 && version == 0 && tables == 0:
		return true, nil
	case appID != applicationID:
		return false, msg.Error(msg.NotLedger{}, ErrNotLedger)
	case version > schemaVersion:
		return false, msg.Error(msg.NewerLedger{Schema: version, Knows: schemaVersion}, ErrNewerLedger)
	}
	return false, nil
}

// sqliteError turns SQLite's "file is not a database" into ErrNotDatabase;
// it shows up at the first statement, as the driver opens lazily.
func sqliteError(err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_NOTADB {
		return msg.Error(msg.NotDatabase{Err: err}, ErrNotDatabase)
	}
	return err
}

// The statement run for every row is prepared once (a run's writes are
// prepared on its writer's connection: writer.go).
func (l *Ledger) prepare() error {
	var err error
	// A lead by its key, else by one of its aliases.
	l.lookup, err = l.db.Prepare(`
SELECT 0 AS via, key, status, run_id, input, row, contact_id, http_status, at, fields FROM leads WHERE key = ?1
UNION ALL
SELECT 1, l.key, l.status, l.run_id, l.input, l.row, l.contact_id, l.http_status, l.at, l.fields
FROM aliases a JOIN leads l ON l.key = a.key WHERE a.alias = ?1
ORDER BY via LIMIT 1`)
	if err != nil {
		return failed(msg.PrepareStatements, err)
	}
	return nil
}

// Close closes the database. A run still in progress keeps its lock until it
// is finished or released, or the process ends.
func (l *Ledger) Close() error {
	var errs []error
	if l.lookup != nil {
		errs = append(errs, l.lookup.Close())
	}
	errs = append(errs, l.db.Close())
	return errors.Join(errs...)
}

// Path returns the path the ledger was opened with.
func (l *Ledger) Path() string { return l.path }

// Key identifies something without revealing it: the hex HMAC-SHA256, under
// this ledger's secret, of the parts. Each part is prefixed with its length so
// that ("ab", "c") and ("a", "bc") differ. Without the secret, a key cannot be
// checked against a guessed person number or e-mail address, which a plain
// hash could.
type Key string

// Key derives the key of parts, e.g. endpoint, customer id, estate id and
// canonical request body.
func (l *Ledger) Key(parts ...string) Key {
	sum := l.mac(func(mac hash.Hash) {
		var n [8]byte
		for _, p := range parts {
			binary.BigEndian.PutUint64(n[:], uint64(len(p)))
			mac.Write(n[:])
			mac.Write([]byte(p))
		}
	})
	return keyOf(sum[:])
}

// keyOf is the Key of the bytes the ledger keeps (Key.raw).
func keyOf(raw []byte) Key { return Key(hex.EncodeToString(raw)) }

// raw is k as the ledger keeps it: the 32 bytes of the HMAC, half the
// length of its hexadecimal digits. A Key that is no hex (Key never
// makes one) is kept as its bytes.
func (k Key) raw() []byte {
	b, err := hex.DecodeString(string(k))
	if err != nil {
		return []byte(k)
	}
	return b
}

// Times are stored as RFC 3339 text, readable in the sqlite3 shell, keeping
// the offset they were recorded with.
const timeLayout = time.RFC3339Nano

func formatTime(t time.Time) string { return t.Format(timeLayout) }

func parseTime(s string) (time.Time, error) { return time.Parse(timeLayout, s) }

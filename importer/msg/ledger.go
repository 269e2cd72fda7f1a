package msg

import (
	"fmt"
	"time"
)

// What the ledger says: that another run holds it, that a file is not a
// ledger, or which of its steps failed. What SQLite or the operating
// system said of a failure is its Err, said as it is.

// LedgerBusy: another run holds the ledger. PID is 0 when the holder had
// not yet written who it is; nothing else is known then either.
type LedgerBusy struct {
	message
	Path    string
	PID     int
	Host    string    // "" when unknown
	Started time.Time // in the zone to show it in; zero when unknown
	Inputs  []string
}

// NoStateDir: the environment does not say where the user's state
// directory is. Unset are the variables that would have, as the user
// sets them: "$HOME", or "$XDG_STATE_HOME" and "$HOME".
type NoStateDir struct {
	message
	Unset []string
}

// NoLedgerPath: the ledger's path is empty.
type NoLedgerPath struct{ message }

// OpenLedger: the ledger at Path cannot be opened.
type OpenLedger struct {
	message
	Path string
	Err  error
}

func (m OpenLedger) Cause() error { return m.Err }

// LockLedger: the ledger's lock file cannot be taken or written.
type LockLedger struct {
	message
	Path string
	Err  error
}

func (m LockLedger) Cause() error { return m.Err }

// NotDatabase: the file is not a SQLite database; Err is SQLite's words.
type NotDatabase struct {
	message
	Err error
}

func (m NotDatabase) Cause() error { return m.Err }

// NotLedger: the file is another program's SQLite database.
type NotLedger struct{ message }

// EmptyLedger: the ledger file exists but is empty, or a database without
// tables: not the ledger that remembers what was sent.
type EmptyLedger struct{ message }

// NoLedgerFile: a command that only reads the ledger found no file.
type NoLedgerFile struct{ message }

// NewerLedger: a newer leadimport wrote the ledger, in a schema this one
// does not know.
type NewerLedger struct {
	message
	Schema, Knows int
}

// RunReleased: a run was used after it finished.
type RunReleased struct{ message }

// LedgerFailed: one of the ledger's steps failed.
type LedgerFailed struct {
	message
	Step LedgerStep
	Err  error
}

func (m LedgerFailed) Cause() error { return m.Err }

// LedgerStep is a step of the ledger's work that may fail: a small set
// rather than words, so that every language says each one.
type LedgerStep uint8

const (
	LookUpLead LedgerStep = iota
	ReadHistory
	BeginRun
	FinishRun
	RecordPending
	RecordSent
	RecordFailed
	SyncLedger
	CloseWriter
	ReleaseLock
	SetWAL
	CreateSchema
	MigrateSchema
	StoreSecret
	MarkLedger
	ReadSecret
	PrepareStatements
	RecordRefused
	numLedgerSteps
)

// in is s in one language's words; a step a language lacks shows as its
// number, never in another language's words (a test holds every
// language to every step).
func (s LedgerStep) in(words *[numLedgerSteps]string) string {
	if s < numLedgerSteps && words[s] != "" {
		return words[s]
	}
	return fmt.Sprintf("!(msg.LedgerStep %d)", s)
}

// SecretSize: the ledger's secret is not as long as it should be.
type SecretSize struct {
	message
	Len, Want int
}

// RunUnreadable: a run's record in the ledger cannot be read. Column is
// the column of the runs table that cannot, "" for the run's times.
type RunUnreadable struct {
	message
	Run    int64
	Column string
	Err    error
}

func (m RunUnreadable) Cause() error { return m.Err }

// RollbackFailed: a transaction that failed could not be undone either.
type RollbackFailed struct {
	message
	Err error
}

func (m RollbackFailed) Cause() error { return m.Err }

// CannotRemove: a file leadimport made for a while cannot be removed.
type CannotRemove struct {
	message
	Path string
	Err  error
}

func (m CannotRemove) Cause() error { return m.Err }

package ledger

import (
	"encoding/json"
	"os"
	"time"

	"leadimport/importer/msg"
)

// BusyError says another run holds the ledger, and which one.
type BusyError struct {
	Path    string // the ledger
	PID     int
	Started time.Time
	Inputs  []string
	Host    string
}

func (e *BusyError) Error() string { return msg.English.Say(e.Msg()) }

// Msg says the error as a message. A PID of 0 says only that the ledger is
// busy: the holder had not yet written who it is, or wrote something
// unreadable.
func (e *BusyError) Msg() msg.Message {
	if e.PID == 0 {
		return msg.LedgerBusy{Path: e.Path}
	}
	return msg.LedgerBusy{Path: e.Path, PID: e.PID, Host: e.Host, Started: e.Started, Inputs: e.Inputs}
}

// holder is what the lock file says about the run holding it.
type holder struct {
	PID     int       `json:"pid"`
	Started time.Time `json:"started"`
	Inputs  []string  `json:"inputs"`
	Host    string    `json:"host"`
	Command string    `json:"command"`
}

// acquire takes the lock on the sidecar file <ledger>.lock and writes h into
// it for a refused run to read. The lock is the operating system's, tied to
// the open file, so it goes when the process goes, however it dies; the file
// itself is never removed, as removing it would let two runs lock two
// different files of the same name.
func acquire(ledgerPath string, h holder) (*os.File, error) {
	path := ledgerPath + ".lock"
	f, busy, err := tryLock(path)
	if err != nil {
		return nil, msg.Error(msg.LockLedger{Path: ledgerPath, Err: err})
	}
	if busy {
		return nil, busyError(ledgerPath, path)
	}
	js, err := json.Marshal(h)
	if err == nil {
		err = f.Truncate(0)
	}
	if err == nil {
		_, err = f.WriteAt(js, 0)
	}
	if err != nil {
		f.Close()
		return nil, msg.Error(msg.LockLedger{Path: ledgerPath, Err: err})
	}
	return f, nil
}

func busyError(ledgerPath, lockPath string) *BusyError {
	e := &BusyError{Path: ledgerPath}
	var h holder
	// Unreadable details still make a busy ledger; the message says less.
	if js, err := os.ReadFile(lockPath); err == nil && json.Unmarshal(js, &h) == nil {
		e.PID, e.Started, e.Inputs, e.Host = h.PID, h.Started, h.Inputs, h.Host
	}
	return e
}

// release empties the lock file, so it no longer names a run, and closes it,
// which drops the lock.
func release(f *os.File) error {
	if f == nil {
		return nil
	}
	err := f.Truncate(0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

package ledger

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// BusyError says another run holds the ledger, and which one.
type BusyError struct {
	Path    string // the ledger
	PID     int
	Started time.Time
	Inputs  []string
	Host    string
}

func (e *BusyError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "another leadimport run is using the ledger %s", e.Path)
	if e.PID == 0 {
		// The holder had not yet written who it is, or wrote something unreadable.
		b.WriteString("; wait for it to finish")
		return b.String()
	}
	fmt.Fprintf(&b, ": pid %d", e.PID)
	if e.Host != "" {
		fmt.Fprintf(&b, " on %s", e.Host)
	}
	if !e.Started.IsZero() {
		fmt.Fprintf(&b, ", started %s", e.Started.Format("2006-01-02 15:04"))
	}
	switch len(e.Inputs) {
	case 0:
	case 1:
		fmt.Fprintf(&b, ", input %s", e.Inputs[0])
	default:
		fmt.Fprintf(&b, ", inputs %s", strings.Join(e.Inputs, ", "))
	}
	b.WriteString("; wait for it to finish")
	return b.String()
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
		return nil, fmt.Errorf("lock ledger %s: %w", ledgerPath, err)
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
		return nil, fmt.Errorf("lock ledger %s: %w", ledgerPath, err)
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

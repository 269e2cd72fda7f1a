package ledger

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
)

// ErrRunReleased says a Run was used after Finish or Release: it no longer
// holds the lock, so writing for it could interleave with another run.
var ErrRunReleased = errors.New("ledger run already finished")

// Input is one input file of a run, with the SHA-256 of its content, so that
// history can tell a re-run of the same file from a run of an edited one.
type Input struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// RunInfo describes a run as it begins.
type RunInfo struct {
	Inputs  []Input
	Mapping string // the mapping file's path
	Command string // "run" or "check"
	PID     int
	Started time.Time
}

// Run is one run holding the ledger. Its methods may be called from several
// goroutines.
type Run struct {
	ID int64

	l        *Ledger
	mu       sync.Mutex
	lock     *os.File // nil once released
	released bool
}

// Begin takes the ledger's single-run lock and records the run. If another
// live process holds the lock it returns a *BusyError at once: waiting could
// make a cron job pile up behind a stuck run. A lock left by a process that
// died is free, since the operating system drops it with the process.
func (l *Ledger) Begin(info RunInfo) (*Run, error) {
	host, _ := os.Hostname() // only shown to the user, so a blank is acceptable
	inputs := make([]string, len(info.Inputs))
	for i, in := range info.Inputs {
		inputs[i] = in.Path
	}
	lock, err := acquire(l.path, holder{PID: info.PID, Started: info.Started, Inputs: inputs, Host: host, Command: info.Command})
	if err != nil {
		return nil, err
	}
	r := &Run{l: l, lock: lock}
	if err := r.insert(info, host); err != nil {
		return nil, errors.Join(err, r.Release())
	}
	return r, nil
}

func (r *Run) insert(info RunInfo, host string) error {
	inputs := info.Inputs
	if inputs == nil {
		inputs = []Input{}
	}
	js, err := json.Marshal(inputs)
	if err != nil {
		return fmt.Errorf("begin run: %w", err)
	}
	tx, err := r.l.db.Begin()
	if err != nil {
		return fmt.Errorf("begin run: %w", err)
	}
	defer tx.Rollback()
	// Identities left by runs that died are of no use to anyone: the lock
	// says no other run is alive.
	if _, err := tx.Exec("DELETE FROM seen"); err != nil {
		return fmt.Errorf("begin run: %w", err)
	}
	res, err := tx.Exec(`INSERT INTO runs (command, started, pid, host, inputs, mapping) VALUES (?, ?, ?, ?, ?, ?)`,
		info.Command, formatTime(info.Started), info.PID, host, string(js), info.Mapping)
	if err != nil {
		return fmt.Errorf("begin run: %w", err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return fmt.Errorf("begin run: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("begin run: %w", err)
	}
	return nil
}

// Finish records how the run ended and releases the lock. The lock is
// released even when recording fails: the run is over either way.
func (r *Run) Finish(counts map[string]int, exitCode int, ended time.Time) error {
	if err := r.active(); err != nil {
		return err
	}
	err := r.finish(counts, exitCode, ended)
	return errors.Join(err, r.Release())
}

func (r *Run) finish(counts map[string]int, exitCode int, ended time.Time) error {
	if counts == nil {
		counts = map[string]int{}
	}
	js, err := json.Marshal(counts)
	if err != nil {
		return fmt.Errorf("finish run: %w", err)
	}
	tx, err := r.l.db.Begin()
	if err != nil {
		return fmt.Errorf("finish run: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE runs SET ended = ?, counts = ?, exit_code = ? WHERE id = ?`,
		formatTime(ended), string(js), exitCode, r.ID); err != nil {
		return fmt.Errorf("finish run: %w", err)
	}
	if _, err := tx.Exec(`DELETE FROM seen WHERE run_id = ?`, r.ID); err != nil {
		return fmt.Errorf("finish run: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("finish run: %w", err)
	}
	return nil
}

// Release gives up the lock without recording an end, for error paths; the
// run then shows as unfinished in History. It is safe to call more than once.
func (r *Run) Release() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.released {
		return nil
	}
	r.released = true
	err := release(r.lock)
	r.lock = nil
	if err != nil {
		return fmt.Errorf("release ledger lock: %w", err)
	}
	return nil
}

func (r *Run) active() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.released {
		return ErrRunReleased
	}
	return nil
}

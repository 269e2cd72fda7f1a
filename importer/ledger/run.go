package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"leadimport/importer/msg"
)

// ErrRunReleased says a Run was used after Finish or Release: it no longer
// holds the lock, so writing for it could interleave with another run.
var ErrRunReleased = errors.New("ledger run already finished")

// errReleased is ErrRunReleased said by a message.
var errReleased = msg.Error(msg.RunReleased{}, ErrRunReleased)

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
	// Endpoints are the Connect calls its mappings send to
	// (FinalPriceWatched, Interest), each once; none when no mapping was
	// read.
	Endpoints []string
	Command   string // "run" or "check"
	PID       int
	Started   time.Time
}

// Run is one run holding the ledger. Its methods may be called from several
// goroutines.
type Run struct {
	ID int64

	l        *Ledger
	mu       sync.Mutex
	lock     *os.File // nil once released
	released bool

	// ops are the writes waiting for the writer, which commits them in
	// groups: as many as queued while the last commit was under way.
	ops chan *op
	w   *writerConn // the writer's own connection, so that its page cache stays warm
	// ckpt wakes the checkpointer; logPages is the log's size at its
	// last pass (see checkpoint.go).
	ckpt            chan struct{}
	logPages        atomic.Int64
	sinceCheckpoint int   // the writer's
	ckptEvery       int   // writes; checkpointEvery, but tests lower it
	logCap          int64 // pages; logCap, but tests lower it
	// checkpointed, when set (by a test), hears of each pass of the
	// checkpointer once it is done.
	checkpointed chan<- struct{}
	stopped      bool // ops is closed
	writer       sync.WaitGroup

	// lost is a commit that failed with writes no one waited for; the
	// next write returns it. It has a lock of its own: a write blocked
	// on a full queue holds mu, and the writer must still record it.
	lostMu sync.Mutex
	lost   error

	// known holds every key in the ledger, once scan has read those
	// written before the run (the run adds its own as it writes them),
	// so that Lookup need not ask the database about a new lead.
	known    *filter
	scanner  sync.WaitGroup
	stopScan context.CancelFunc
	scanning atomic.Bool // scan holds a read snapshot: the log cannot restart
}

// op is one write, and where its commit's outcome goes.
type op struct {
	write   write
	args    []any
	aliases [][]byte // a Pending's aliases (Key.raw), each a row of aliases
	what    msg.LedgerStep
	done    chan error
}

// maxGroup caps the writes one commit holds, so that the first of them
// does not wait for an unbounded queue to be written.
const maxGroup = 256

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
	w, err := l.writerConn(context.Background())
	if err != nil {
		release(lock)
		return nil, failed(msg.BeginRun, err)
	}
	scan, cancel := context.WithCancel(context.Background())
	r := &Run{l: l, lock: lock, ops: make(chan *op, maxGroup), w: w,
		ckpt: make(chan struct{}, 1), ckptEvery: checkpointEvery, logCap: logCap, known: newFilter(), stopScan: cancel}
	l.known.Store(r.known)
	r.scanning.Store(true)
	r.scanner.Go(func() {
		defer r.scanning.Store(false)
		r.scan(scan)
	})
	r.writer.Go(r.write)
	r.writer.Go(r.checkpoint)
	if err := r.insert(info, host); err != nil {
		return nil, errors.Join(err, r.Release())
	}
	return r, nil
}

// write is the run's one writer of lead entries. Each commit is a write
// to the log and the costliest thing a write does; with a worker per
// concurrent request, a commit per write would make the ledger, not
// Connect, set the pace. So the writer takes every write queued while
// its last commit was under way and commits them together: under load a
// commit holds many, alone each has its own and waits for nothing. A
// write returns only once its commit has.
func (r *Run) write() {
	defer func() {
		close(r.ckpt)
		if err := r.w.close(); err != nil {
			r.setLost(failed(msg.CloseWriter, err))
		}
	}()
	batch := make([]*op, 0, maxGroup)
	for o := range r.ops {
		batch = append(batch[:0], o)
	more:
		for len(batch) < maxGroup {
			select {
			case o, ok := <-r.ops:
				if !ok {
					break more
				}
				batch = append(batch, o)
			default:
				break more
			}
		}
		err := r.w.exec(batch)
		if err != nil {
			r.setLost(err)
		}
		for _, o := range batch {
			if o.done != nil {
				o.done <- err
			}
		}
		r.afterCommit(len(batch)) // after the answers: a restart of the log waits for no write
	}
}

func (r *Run) setLost(err error) {
	r.lostMu.Lock()
	defer r.lostMu.Unlock()
	r.lost = errors.Join(r.lost, err)
}

func (r *Run) lostErr() error {
	r.lostMu.Lock()
	defer r.lostMu.Unlock()
	return r.lost
}

func opError(o *op, err error) error { return failed(o.what, err) }

// do hands one write to the writer and waits for its commit.
func (r *Run) do(w write, what msg.LedgerStep, args ...any) error {
	o := &op{write: w, args: args, what: what, done: make(chan error, 1)}
	if err := r.enqueue(o); err != nil {
		return err
	}
	return <-o.done
}

// later hands one write to the writer without waiting for its commit. A
// commit that fails is returned by the run's next write.
func (r *Run) later(w write, what msg.LedgerStep, args ...any) error {
	return r.enqueue(&op{write: w, args: args, what: what})
}

// Sync returns once every write handed to the writer so far is committed
// (or with the error of one that was not): what Lookup reads then holds
// them all.
func (r *Run) Sync() error {
	return r.do(writeSync, msg.SyncLedger)
}

func (r *Run) enqueue(o *op) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.released || r.stopped {
		return errReleased
	}
	if err := r.lostErr(); err != nil {
		return err
	}
	r.ops <- o // the writer needs no mu: a full queue only waits for it
	return nil
}

// stopWriter lets the writer commit what is queued and end, and returns
// a commit that failed with writes no one waited for.
func (r *Run) stopWriter() error {
	r.mu.Lock()
	if !r.stopped {
		r.stopped = true
		close(r.ops)
	}
	r.mu.Unlock()
	r.writer.Wait()
	return r.lostErr()
}

func (r *Run) insert(info RunInfo, host string) error {
	inputs := info.Inputs
	if inputs == nil {
		inputs = []Input{}
	}
	js, err := json.Marshal(inputs)
	if err != nil {
		return failed(msg.BeginRun, err)
	}
	tx, err := r.l.db.Begin()
	if err != nil {
		return failed(msg.BeginRun, err)
	}
	defer tx.Rollback()
	res, err := tx.Exec(`INSERT INTO runs (command, started, pid, host, inputs, mapping, endpoints) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		info.Command, formatTime(info.Started), info.PID, host, string(js), info.Mapping, endpointsText(info.Endpoints))
	if err != nil {
		return failed(msg.BeginRun, err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return failed(msg.BeginRun, err)
	}
	if err := tx.Commit(); err != nil {
		return failed(msg.BeginRun, err)
	}
	return nil
}

// Finish records how the run ended (reason: why, in a line, when it did
// not end well; "" when it did) and releases the lock. The lock is
// released even when recording fails: the run is over either way.
func (r *Run) Finish(counts map[string]int, exitCode int, reason string, ended time.Time) error {
	if err := r.active(); err != nil {
		return err
	}
	lost := r.stopWriter()
	err := r.finish(counts, exitCode, reason, ended)
	return errors.Join(lost, err, r.Release())
}

func (r *Run) finish(counts map[string]int, exitCode int, reason string, ended time.Time) error {
	if counts == nil {
		counts = map[string]int{}
	}
	js, err := json.Marshal(counts)
	if err != nil {
		return failed(msg.FinishRun, err)
	}
	tx, err := r.l.db.Begin()
	if err != nil {
		return failed(msg.FinishRun, err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`UPDATE runs SET ended = ?, counts = ?, exit_code = ?, reason = ? WHERE id = ?`,
		formatTime(ended), string(js), exitCode, nullIfEmpty(reason), r.ID); err != nil {
		return failed(msg.FinishRun, err)
	}
	if err := tx.Commit(); err != nil {
		return failed(msg.FinishRun, err)
	}
	return nil
}

// Release gives up the lock without recording an end, for error paths; the
// run then shows as unfinished in History. It is safe to call more than once.
func (r *Run) Release() error {
	lost := r.stopWriter() // the queued writes are this run's: they go in first
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.released {
		return nil
	}
	r.released = true
	r.stopScan()
	r.scanner.Wait()
	r.l.known.CompareAndSwap(r.known, nil)
	err := release(r.lock)
	r.lock = nil
	if err != nil {
		return errors.Join(failed(msg.ReleaseLock, err), lost)
	}
	return lost
}

// scan adds the keys the ledger held before the run to known, and then
// lets Lookup trust it. It reads on a connection of its own, so that
// lookups need not wait for it (until it is done they ask the database).
func (r *Run) scan(ctx context.Context) {
	rows, err := r.l.db.QueryContext(ctx, "SELECT key FROM leads UNION ALL SELECT alias FROM aliases")
	if err != nil {
		return // Lookup keeps asking the database
	}
	defer rows.Close()
	var k []byte
	for rows.Next() {
		if rows.Scan(&k) != nil {
			return
		}
		r.known.add(string(keyOf(k)))
	}
	if rows.Err() == nil {
		r.known.ready.Store(true)
	}
}

// noteKey adds a key the run is about to write to known, before the
// write (a lead's key or an alias): from then on Lookup asks the
// database about it.
func (r *Run) noteKey(k Key) { r.known.add(string(k)) }

func (r *Run) active() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.released {
		return errReleased
	}
	return nil
}

// Refused records a run that never began: one refused before it could
// send anything (a mapping that does not load, no credentials, another
// run holding the ledger) or one with nothing to read, with its exit code
// and why, in a line. It takes no lock and writes one row of history, so
// that it may be recorded while another run holds the ledger. It returns
// the run's number.
func (l *Ledger) Refused(info RunInfo, exitCode int, reason string, ended time.Time) (int64, error) {
	host, _ := os.Hostname()
	inputs := info.Inputs
	if inputs == nil {
		inputs = []Input{}
	}
	js, err := json.Marshal(inputs)
	if err != nil {
		return 0, failed(msg.RecordRefused, err)
	}
	res, err := l.db.Exec(`INSERT INTO runs (command, started, ended, pid, host, inputs, mapping, endpoints, counts, exit_code, reason)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?)`,
		info.Command, formatTime(info.Started), formatTime(ended), info.PID, host, string(js), info.Mapping,
		endpointsText(info.Endpoints), exitCode, nullIfEmpty(reason))
	if err != nil {
		return 0, failed(msg.RecordRefused, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, failed(msg.RecordRefused, err)
	}
	return id, nil
}

// endpointsText is how the runs table keeps a run's endpoints: their
// names joined by commas (no endpoint's name has one), NULL for none.
func endpointsText(endpoints []string) any {
	return nullIfEmpty(strings.Join(endpoints, ","))
}

// nullIfEmpty is s as a statement's argument: NULL when empty.
func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

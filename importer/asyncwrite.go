package importer

import (
	"errors"
	"io"
	"sync"
)

// asyncWriter writes to w from a goroutine of its own. Write copies what
// it is given and returns: the one goroutine that writes a check's report
// formats the next lines while the system takes the last ones, the
// costliest part of the second pass. Two buffers take turns, so a Write
// waits only while both are being written. The first failure of w is
// returned by every Write and by Close after it. Write and Close belong
// to one goroutine, as a report writer's calls do.
//
// Only a check's report goes through it: a run's report is flushed
// through to its file as rows are sent, so that a crash leaves a line
// for each of them, which a Write that returns first would not keep.
type asyncWriter struct {
	free   chan []byte // buffers to fill
	queue  chan []byte // buffers to write, in order
	done   chan struct{}
	mu     sync.Mutex
	err    error
	closed bool
}

// asyncBuffers is how many buffers take turns.
const asyncBuffers = 2

func newAsyncWriter(w io.Writer) *asyncWriter {
	a := &asyncWriter{free: make(chan []byte, asyncBuffers), queue: make(chan []byte, asyncBuffers), done: make(chan struct{})}
	for range asyncBuffers {
		a.free <- nil
	}
	go func() {
		defer close(a.done)
		for b := range a.queue {
			if a.failed() == nil {
				if _, err := w.Write(b); err != nil {
					a.mu.Lock()
					a.err = err
					a.mu.Unlock()
				}
			}
			a.free <- b[:0]
		}
	}()
	return a
}

func (a *asyncWriter) failed() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.err
}

func (a *asyncWriter) Write(p []byte) (int, error) {
	if a.closed {
		return 0, errWriteAfterClose
	}
	if err := a.failed(); err != nil {
		return 0, err
	}
	if len(p) == 0 {
		return 0, nil
	}
	a.queue <- append(<-a.free, p...)
	return len(p), nil
}

// Close waits for what was written to be written through, and returns
// the first failure.
func (a *asyncWriter) Close() error {
	if !a.closed {
		a.closed = true
		close(a.queue)
		<-a.done
	}
	return a.failed()
}

var errWriteAfterClose = errors.New("write after close")

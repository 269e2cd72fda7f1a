package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runAt is runCmd on a clock that stands at now, with stderr written
// through to hear: a test hears the run's log as it is written.
func runAt(t *testing.T, dir string, environ []string, now time.Time, hear io.Writer, args ...string) result {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr syncBuffer
	var errw io.Writer = &stderr
	if hear != nil {
		errw = io.MultiWriter(hear, &stderr)
	}
	e := testEnv(dir, environ, &stdout, errw)
	e.now = func() time.Time { return now }
	code := realMain(t.Context(), args, e)
	return result{code, stdout.String(), stderr.String()}
}

// TestSettle: a file found in an input folder and written less than
// --settle ago (10 s by default) may still be being copied in: it is left
// in the inbox, unread and unsent, and the run exits 3 so that the next
// one takes it. A file named on the command line is not held for its age.
func TestSettle(t *testing.T) {
	s := startSandbox(t)
	now := time.Now()
	tests := []struct {
		name    string
		age     time.Duration
		named   bool
		flags   []string
		code    int
		held    bool
		errHas  string
		reports int
	}{
		{"in a folder, written 3 s ago", 3 * time.Second, false, nil, 3, true, "leads.csv was written 3s ago, less than --settle 10s: it may still be being written; left for the next run, unread", 0},
		// Why the run exits 3 is an error line: --quiet keeps it.
		{"in a folder, written 3 s ago, --quiet", 3 * time.Second, false, []string{"--quiet"}, 3, true, "leads.csv was written 3s ago, less than --settle 10s", 0},
		{"in a folder, written 30 s ago", 30 * time.Second, false, nil, 0, false, "3 sent", 1},
		{"in a folder, written 3 s ago, --settle 2s", 3 * time.Second, false, []string{"--settle", "2s"}, 0, false, "3 sent", 1},
		{"in a folder, --settle 0", 0, false, []string{"--settle", "0"}, 0, false, "3 sent", 1},
		{"named, written 3 s ago", 3 * time.Second, true, nil, 0, false, "3 sent", 1},
		// A time in the future (a zip unpacked under another time zone, a
		// share whose clock runs ahead) says nothing of a copy under way:
		// held for it, the file would wait hours, or for good.
		{"in a folder, written 2 h from now", -2 * time.Hour, false, nil, 0, false, "3 sent", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			inbox := filepath.Join(dir, "inbox")
			require.NoError(t, os.Mkdir(inbox, 0o700))
			input, _ := generate(t, inbox, 3)
			written := now.Add(-tt.age)
			require.NoError(t, os.Chtimes(input, written, written))
			archive := filepath.Join(dir, "archive")
			before := len(s.requests())
			in := inbox
			if tt.named {
				in = input
			}
			args := append([]string{"run", "--mapping", writeMapping(t, dir), "--rate", "0", "--archive-dir", archive}, tt.flags...)
			res := runAt(t, dir, sandboxEnv(s, sandboxPassword), now, nil, append(args, in)...)
			assert.Equal(t, tt.code, res.code, res.stderr)
			assert.Contains(t, res.stderr, tt.errHas)
			reports, err := filepath.Glob(filepath.Join(archive, "reports", "*"))
			require.NoError(t, err)
			assert.Len(t, reports, tt.reports)
			if tt.held {
				assert.FileExists(t, input, "left in the inbox")
				assert.Len(t, s.requests(), before, "nothing sent")
				hist := runCmd(t, dir, nil, "history")
				assert.Contains(t, hist.stdout, "written 3s ago", "history says why")
			} else {
				assert.FileExists(t, filepath.Join(archive, "done", "leads.csv"))
				assert.Len(t, s.requests(), before+3)
			}
		})
	}
}

// growingFile is a file that a writer goroutine appends to when asked,
// as a copy into the inbox does while a run reads it.
type growingFile struct {
	path string
	grow chan string
	done chan struct{}
}

func newGrowingFile(t *testing.T, path string) *growingFile {
	g := &growingFile{path: path, grow: make(chan string), done: make(chan struct{})}
	go func() {
		for chunk := range g.grow {
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
			if err == nil {
				_, err = f.WriteString(chunk)
				f.Close()
			}
			assert.NoError(t, err)
			g.done <- struct{}{}
		}
	}()
	t.Cleanup(func() { close(g.grow) })
	return g
}

// append has the writer append chunk, and returns once it has.
func (g *growingFile) append(chunk string) {
	g.grow <- chunk
	<-g.done
}

// onLog calls fn once, as the log line holding match is written.
type onLog struct {
	match []byte
	once  sync.Once
	fn    func()
}

func (o *onLog) Write(p []byte) (int, error) {
	if bytes.Contains(p, o.match) {
		o.once.Do(o.fn)
	}
	return len(p), nil
}

// TestGrowingFileIsLeftForTheNextRun: a file that grows while the run
// reads it is still being written, whether it was found in a folder
// (settled: written long enough ago) or named. Growing while it is read
// ahead, before anything is sent, it is left in the inbox with a log
// line, nothing of it sent and no report of it; its last line, cut off
// without its line ending, is no row. Growing while its rows are sent, it
// is left too, and the rows sent are not sent again. Either way the run
// exits 3, and the next run, after the writer has finished, sends the
// rest, the last line whole.
func TestGrowingFileIsLeftForTheNextRun(t *testing.T) {
	pins := testPins(t)
	pin := pins[10]
	cut, rest := "Åsa;Östberg;"+pin[:6], pin[6:]+";fjarde@example.se;070-123 45 67\r\n"
	tests := []struct {
		name  string
		named bool
		// whileSending: the writer appends as the first request arrives,
		// not as the input is opened (and read ahead).
		whileSending bool
		sentFirst    int
		errHas       string
		flags        []string
	}{
		{"in a folder, while read ahead", false, false, 0, "leads.csv changed while it was read: it is still being written; left for the next run, nothing of it sent", nil},
		{"named, while read ahead", true, false, 0, "leads.csv changed while it was read: it is still being written; left for the next run, nothing of it sent", nil},
		{"in a folder, while sending", false, true, 3, "leads.csv changed while it was read: it is still being written; left for the next run, which sends what it adds (the rows sent are in the ledger, and are not sent again)", nil},
		// Why the run exits 3 is an error line: --quiet keeps it.
		{"in a folder, while sending, --quiet", false, true, 3, "leads.csv changed while it was read: it is still being written; left for the next run, which sends what it adds", []string{"--quiet"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := startSandbox(t)
			dir := t.TempDir()
			inbox := filepath.Join(dir, "inbox")
			require.NoError(t, os.Mkdir(inbox, 0o700))
			input, _ := generate(t, inbox, 3)
			settled(t, input)
			g := newGrowingFile(t, input)
			archive := filepath.Join(dir, "archive")
			in := inbox
			if tt.named {
				in = input
			}
			args := []string{"run", "--mapping", writeMapping(t, dir), "--rate", "0", "--workers", "1", "--archive-dir", archive, in}
			var hear io.Writer
			if tt.whileSending {
				var once sync.Once
				s.setOnRequest(func(int) { once.Do(func() { g.append(cut) }) })
			} else {
				hear = &onLog{match: []byte("header on row"), fn: func() { g.append(cut) }}
			}
			res := runAt(t, dir, sandboxEnv(s, sandboxPassword), time.Now(), hear, append(args, tt.flags...)...)
			assert.Equal(t, 3, res.code, "run again later: %s", res.stderr)
			assert.Contains(t, res.stderr, tt.errHas)
			assert.FileExists(t, input, "left in the inbox")
			assert.NoDirExists(t, filepath.Join(archive, "done"))
			assert.Len(t, s.requests(), tt.sentFirst)
			reports, err := filepath.Glob(filepath.Join(archive, "reports", "*"))
			require.NoError(t, err)
			if tt.sentFirst == 0 {
				assert.Empty(t, reports, "no report says a row of it was sent")
			} else {
				require.Len(t, reports, 1)
				_, lines := readReport(t, reports[0])
				assert.Len(t, lines, tt.sentFirst, "the cut-off line is no row")
			}

			s.setOnRequest(nil)
			g.append(rest)
			settled(t, input)
			res = runAt(t, dir, sandboxEnv(s, sandboxPassword), time.Now(), nil, args...)
			assert.Equal(t, 0, res.code, res.stderr)
			assert.FileExists(t, filepath.Join(archive, "done", "leads.csv"))
			assert.Equal(t, 4, s.sb.Accepted(), "every lead once, the last one whole")
			leads := s.received(t)
			require.NotEmpty(t, leads)
			assert.Equal(t, "fjarde@example.se", leads[len(leads)-1].Person.Email.EmailAddress)
		})
	}
}

//go:build unix

package main

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// runDeadline runs leadimport in process in dir, as runCmd does, but
// fails the test when the command has not returned by the deadline: a
// run that blocks (on a FIFO) must not hang the test. Cancelling the
// run's context does not reach a blocked open, so on failure the FIFOs
// are opened once, which may let the blocked open return (the command
// is then left to end on its own).
func runDeadline(t *testing.T, dir string, environ []string, fifos []string, args ...string) result {
	t.Helper()
	t.Chdir(dir)
	ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	defer cancel()
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() { done <- realMain(ctx, args, testEnv(dir, environ, &stdout, &stderr)) }()
	select {
	case code := <-done:
		return result{code, stdout.String(), stderr.String()}
	case <-ctx.Done():
		for _, p := range fifos {
			if f, err := os.OpenFile(p, os.O_RDWR|syscall.O_NONBLOCK, 0); err == nil {
				f.Close()
			}
		}
		t.Fatalf("leadimport %v did not return: it blocked", args)
		return result{}
	}
}

// TestSpecialFilesDoNotBlock: a FIFO, in an input folder or named as an
// input, the credentials, the mapping, the ledger or the report, neither
// blocks the run nor is read: in a folder it is left out with a warning,
// the other files are imported; named, it is refused (exit 2).
func TestSpecialFilesDoNotBlock(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	inbox := filepath.Join(dir, "inbox")
	require.NoError(t, os.Mkdir(inbox, 0o700))
	input, _ := generate(t, inbox, 3)
	settled(t, input)
	m := writeMapping(t, dir)
	creds := filepath.Join(dir, "creds")
	require.NoError(t, os.WriteFile(creds, []byte("sandbox:"+sandboxPassword+"\n"), 0o600))
	fifo := func(name string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, syscall.Mkfifo(p, 0o600))
		return p
	}
	inboxFIFO := fifo(filepath.Join("inbox", "pipe.csv"))
	fifos := []string{inboxFIFO, fifo("pipe.csv"), fifo("creds.fifo"), fifo("mapping.yaml.fifo"), fifo("ledger.fifo"), fifo("report.csv")}
	env := []string{"LEADIMPORT_BASE_URL=" + s.URL}
	base := func(extra ...string) []string {
		return append([]string{"run", "--rate", "0", "--report", filepath.Join(dir, "reports") + "/"}, extra...)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		errHas string
	}{
		{"FIFO in the inbox is left out", base("--mapping", m, "--credentials", creds, "--ledger", filepath.Join(dir, "l1.db"), inbox), 0, inboxFIFO + " is a named pipe (FIFO), not a regular file: left out"},
		{"FIFO named as the input", base("--mapping", m, "--credentials", creds, "--ledger", filepath.Join(dir, "l2.db"), fifos[1]), 2, fifos[1] + " is a named pipe (FIFO)"},
		{"FIFO as the credentials", base("--mapping", m, "--credentials", fifos[2], "--ledger", filepath.Join(dir, "l3.db"), input), 2, fifos[2] + " is a named pipe (FIFO)"},
		{"FIFO as the mapping", base("--mapping", fifos[3], "--credentials", creds, "--ledger", filepath.Join(dir, "l4.db"), input), 2, fifos[3] + " is a named pipe (FIFO)"},
		{"FIFO as the ledger", base("--mapping", m, "--credentials", creds, "--ledger", fifos[4], input), 2, fifos[4] + " is a named pipe (FIFO)"},
		{"FIFO as the report", []string{"run", "--rate", "0", "--mapping", m, "--credentials", creds, "--ledger", filepath.Join(dir, "l6.db"), "--report", fifos[5], input}, 2, fifos[5] + " is a named pipe (FIFO)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sent := len(s.requests())
			res := runDeadline(t, dir, env, fifos, tt.args...)
			assert.Equal(t, tt.code, res.code, res.stderr)
			assert.Contains(t, res.stderr, tt.errHas)
			if tt.code == 0 {
				assert.Len(t, s.requests(), sent+3, "the inbox's spreadsheet is imported")
			} else {
				assert.Len(t, s.requests(), sent, "nothing is sent")
			}
		})
	}
}

// TestSymlinks: a report is never written through a link (the file it
// points to stays as it was); a link in an input folder is left out with
// a warning, and a link named on the command line is read.
func TestSymlinks(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	elsewhere := filepath.Join(dir, "elsewhere")
	require.NoError(t, os.Mkdir(elsewhere, 0o700))
	target, _ := generate(t, elsewhere, 3)
	inbox := filepath.Join(dir, "inbox")
	require.NoError(t, os.Mkdir(inbox, 0o700))
	inboxLink := filepath.Join(inbox, "leads.csv")
	require.NoError(t, os.Symlink(target, inboxLink))
	precious := filepath.Join(dir, "precious.txt")
	require.NoError(t, os.WriteFile(precious, []byte("keep me\n"), 0o600))
	reportLink := filepath.Join(dir, "link.csv")
	require.NoError(t, os.Symlink(precious, reportLink))
	problemsLink := filepath.Join(dir, "p-problems.csv")
	require.NoError(t, os.Symlink(precious, problemsLink))
	m := writeMapping(t, dir)
	env := sandboxEnv(s, sandboxPassword)
	tests := []struct {
		name   string
		args   []string
		code   int
		sent   int
		errHas string
	}{
		{"report through a link is refused", []string{"--report", reportLink, target}, 2, 0, reportLink + " is a symbolic link, not a regular file"},
		{"problems report through a link is refused", []string{"--report", filepath.Join(dir, "p.csv"), "--report-problems", target}, 2, 0, problemsLink + " is a symbolic link"},
		{"link in the inbox is left out", []string{"--report", filepath.Join(dir, "r1") + "/", inbox}, 0, 0, inboxLink + " is a symbolic link: left out"},
		{"link named is read", []string{"--report", filepath.Join(dir, "r2") + "/", inboxLink}, 0, 3, "3 sent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(s.requests())
			args := append([]string{"run", "--rate", "0", "--mapping", m, "--ledger", filepath.Join(dir, "ledger.db")}, tt.args...)
			res := runCmd(t, dir, env, args...)
			assert.Equal(t, tt.code, res.code, res.stderr)
			assert.Contains(t, res.stderr, tt.errHas)
			assert.Len(t, s.requests(), before+tt.sent)
			data, err := os.ReadFile(precious)
			require.NoError(t, err)
			assert.Equal(t, "keep me\n", string(data), "the link's target is untouched")
		})
	}
}

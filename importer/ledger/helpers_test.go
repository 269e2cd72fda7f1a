package ledger

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The tests re-run their own binary as a second process that holds a ledger,
// because what matters is how another process, alive or killed, is seen.
const (
	helperEnv     = "LEDGER_TEST_HELPER"
	helperPathEnv = "LEDGER_TEST_PATH"
	childInput    = "child.csv"
)

// childKeyParts is the key the child leaves pending, as a run killed
// mid-request would.
var childKeyParts = []string{"https://connect.example/leads", "c1", "e1", `{"a":1}`}

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "hold" {
		os.Exit(holdLedger(os.Getenv(helperPathEnv)))
	}
	os.Exit(m.Run())
}

// holdLedger begins a run, leaves a key pending, says "ready" and waits for
// stdin to close or to be killed.
func holdLedger(path string) int {
	l, err := Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	r, err := l.Begin(RunInfo{Inputs: []Input{{Path: childInput, SHA256: "00"}}, Command: "run", PID: os.Getpid(), Started: time.Now()})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := r.Pending(l.Key(childKeyParts...), childInput, 2, nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Println("ready")
	bufio.NewReader(os.Stdin).ReadString('\n')
	return 0
}

// startHolder starts a child process holding the ledger at path and returns
// once it holds it. The child ends when the test does.
func startHolder(t *testing.T, path string) *exec.Cmd {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"=hold", helperPathEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	require.NoError(t, err)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		stdin.Close()
		cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	require.NoError(t, err, "child did not take the ledger")
	require.Equal(t, "ready", strings.TrimSpace(line))
	return cmd
}

// newLedger opens a fresh ledger in a temporary directory.
func newLedger(t testing.TB) *Ledger {
	t.Helper()
	l, err := Open(filepath.Join(t.TempDir(), "ledger.db"))
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	return l
}

// begin starts a run with plain info and releases it when the test ends.
func begin(t testing.TB, l *Ledger, inputs ...string) *Run {
	t.Helper()
	info := RunInfo{Command: "run", Mapping: "mapping.yaml", PID: os.Getpid(), Started: time.Now()}
	for _, in := range inputs {
		info.Inputs = append(info.Inputs, Input{Path: in, SHA256: strings.Repeat("ab", 32)})
	}
	r, err := l.Begin(info)
	require.NoError(t, err)
	t.Cleanup(func() { r.Release() })
	return r
}

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/creack/pty"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fullPersonnummer matches a personnummer with its last four, in any
// form: never in a log line. Paths are taken out first: a temporary
// directory's name has ten digits too.
var fullPersonnummer = regexp.MustCompile(`\d{6}\s*[-+]?\s*\d{4}`)

func assertNoPersonnummer(t *testing.T, dir, out string) {
	t.Helper()
	assert.NotRegexp(t, fullPersonnummer, strings.ReplaceAll(out, dir, "DIR"))
}

// TestProgressBarOnATerminal runs a command with stderr on a
// pseudo-terminal: the bar shows rows done of the total, the rate and the
// time left, log lines print above it, and it is gone before the summary.
func TestProgressBarOnATerminal(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 60)
	ptmx, tty, err := pty.Open()
	require.NoError(t, err)
	defer ptmx.Close()
	var screen bytes.Buffer
	copied := make(chan struct{})
	go func() {
		io.Copy(&screen, ptmx) // ends with EIO when the terminal is closed
		close(copied)
	}()
	t.Chdir(dir)
	code := realMain(t.Context(), []string{"run", "--mapping", writeMapping(t, dir), "--rate", "40", "--ledger", filepath.Join(dir, "l.db"),
		"--report", filepath.Join(dir, "r.csv"), input}, testEnv(dir, append([]string{"TERM=xterm"}, sandboxEnv(s, sandboxPassword)...), io.Discard, tty))
	tty.Close()
	<-copied
	assert.Equal(t, 1, code, screen.String())

	out := screen.String()
	assert.Regexp(t, `leads\.csv.*\|.*\| \(\d+/60, \d+ rows/s\)`, out, "a bar with the total and a rate")
	assert.Contains(t, out, "invalid)", "failures so far beside the name")
	assert.Contains(t, out, "\r\x1b[KWARN row invalid", "a log line erases the bar's line first")
	assert.Regexp(t, "\r\x1b\\[K54 sent, 6 invalid in", out, "the bar is erased before the summary")
	assertNoPersonnummer(t, dir, out)
}

// TestNoBarOffATerminal: with stderr a file there is no bar, only lines.
func TestNoBarOffATerminal(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, rows := generate(t, dir, 30)
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", writeMapping(t, dir), "--rate", "0",
		"--ledger", filepath.Join(dir, "l.db"), "--report", filepath.Join(dir, "r.csv"), input)
	assert.Equal(t, 1, res.code, res.stderr)
	assert.NotContains(t, res.stderr, "\r")
	assert.NotContains(t, res.stderr, "rows/s)")
	invalid, warned := 0, 0
	for _, r := range rows {
		if r.invalid != "" {
			invalid++
		}
	}
	require.NotZero(t, invalid, "the generated rows hold invalid ones")
	for line := range strings.SplitSeq(strings.TrimSpace(res.stderr), "\n") {
		if strings.Contains(line, "WARN") {
			assert.Regexp(t, `^\d{4}-\d\d-\d\dT\S+ WARN row invalid input=\S+ row=\d+ status=invalid`, line)
			warned++
		}
	}
	assert.Equal(t, invalid, warned, "a warning line for each invalid row")
	assertNoPersonnummer(t, dir, res.stderr)
}

// TestJSONLogsParseLineByLine: with --log-format json every line of
// stderr is one JSON object: the input found, a warning per invalid row
// naming the row and column (never the value), and the summary.
func TestJSONLogsParseLineByLine(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, rows := generate(t, dir, 50)
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--log-format", "json", "--verbose", "--mapping", writeMapping(t, dir),
		"--rate", "0", "--ledger", filepath.Join(dir, "l.db"), "--report", filepath.Join(dir, "r.csv"), input)
	assert.Equal(t, 1, res.code, res.stderr)
	var records []map[string]any
	sc := bufio.NewScanner(strings.NewReader(res.stderr))
	for sc.Scan() {
		var m map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "not JSON: %q", sc.Text())
		records = append(records, m)
	}
	invalid := map[float64]bool{}
	sent, done := 0, 0
	for _, r := range records {
		switch r["msg"] {
		case "row invalid":
			assert.Equal(t, "WARN", r["level"])
			invalid[r["row"].(float64)] = true
		case "row sent":
			assert.Equal(t, "DEBUG", r["level"])
			sent++
		case "done":
			done++
			assert.Equal(t, 45.0, r["sent"])
			assert.Equal(t, 5.0, r["invalid"])
			assert.Equal(t, 1.0, r["exit_code"], "the run's exit code")
		}
	}
	for i, row := range rows {
		assert.Equal(t, row.invalid != "", invalid[float64(i+2)], "row %d", i+2)
	}
	assert.Equal(t, 45, sent, "--verbose logs each row sent")
	assert.Equal(t, 1, done)
	assertNoPersonnummer(t, dir, res.stderr)
	for _, row := range rows {
		assert.NotContains(t, res.stderr, row.email)
	}
}

// TestQuiet: --quiet logs nothing but errors.
func TestQuiet(t *testing.T) {
	dir := t.TempDir()
	input, _ := generate(t, dir, 20)
	res := runCmd(t, dir, nil, "check", "--quiet", "--mapping", writeMapping(t, dir), "--report", filepath.Join(dir, "r.csv"), input)
	assert.Equal(t, 1, res.code)
	assert.Empty(t, res.stderr)
	res = runCmd(t, dir, nil, "check", "--quiet", "--mapping", "nope.yaml", input)
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "nope.yaml")
}

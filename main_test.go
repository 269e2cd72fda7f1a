package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer"
	"leadimport/importer/sandbox"
	"leadimport/mapping"
)

// asMain, set in a child's environment, makes the test binary run as
// leadimport itself: the few tests that need a real process (a signal, the
// ledger's lock held by another process) start it so, with no build of
// their own.
const asMain = "LEADIMPORT_TEST_AS_MAIN"

// packageDir is the directory the tests start in, this package's: runCmd
// moves a test into its own directory, so a file of the package is found
// through it.
var packageDir string

func TestMain(m *testing.M) {
	if os.Getenv(asMain) != "" {
		main()
	}
	var err error
	if packageDir, err = os.Getwd(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

const (
	sandboxUser     = "sandbox"
	sandboxPassword = "e2e-Secret-Pass"
)

// testPins returns Skatteverket's official test personnummer (12 digits).
func testPins(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/personnummer/allPins.json")
	require.NoError(t, err)
	var pins []string
	require.NoError(t, json.Unmarshal(data, &pins))
	return pins
}

// server is the sandbox behind an httptest server that notes when each
// request arrived and keeps what was accepted.
type server struct {
	*httptest.Server
	sb     *sandbox.Server
	record *syncBuffer

	mu    sync.Mutex
	times []time.Time

	// hold, while a test holds it for writing, keeps requests from being
	// answered.
	hold sync.RWMutex
	// onRequest, when set, hears the number of each request as it
	// arrives, before it is answered.
	onRequest func(n int)
}

// syncBuffer is a buffer that a server or a child process writes while a
// test reads it. (It does not embed bytes.Buffer: io.Copy would use the
// embedded ReadFrom and pass the lock by.)
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func startSandbox(t *testing.T) *server {
	t.Helper()
	s := &server{record: &syncBuffer{}}
	s.sb = &sandbox.Server{Username: sandboxUser, Password: sandboxPassword, Record: s.record}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.times = append(s.times, time.Now())
		n, hook := len(s.times), s.onRequest
		s.mu.Unlock()
		if hook != nil {
			hook(n)
		}
		s.hold.RLock()
		s.hold.RUnlock()
		s.sb.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// received returns the leads the sandbox accepted.
func (s *server) received(t *testing.T) []mapping.FinalPriceWatched {
	t.Helper()
	var leads []mapping.FinalPriceWatched
	for _, line := range strings.Split(strings.TrimSpace(s.record.String()), "\n") {
		if line == "" {
			continue
		}
		var rec struct {
			Lead mapping.FinalPriceWatched `json:"lead"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		leads = append(leads, rec.Lead)
	}
	return leads
}

// setOnRequest sets the hook that hears of each request.
func (s *server) setOnRequest(fn func(n int)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.onRequest = fn
}

func (s *server) requests() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.times...)
}

const e2eMapping = `version: 1
endpoint: FinalPriceWatched
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
constants:
  customerId: M1001
  estateId: OBJ1234
  prospectiveBuyerStatus: interested
`

// result is one run of a command.
type result struct {
	code           int
	stdout, stderr string
}

// runCmd runs leadimport in process, through realMain, as a user would in
// dir: the working directory is dir while it runs, and env is the whole
// environment, with HOME=dir (so the ledger's default place is in dir)
// unless env sets HOME.
func runCmd(t *testing.T, dir string, environ []string, args ...string) result {
	t.Helper()
	return runCmdContext(t.Context(), t, dir, environ, args...)
}

// runCmdContext is runCmd under ctx: cancelling it with errInterrupted
// as its cause is what an interrupt does.
func runCmdContext(ctx context.Context, t *testing.T, dir string, environ []string, args ...string) result {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr syncBuffer
	code := realMain(ctx, args, testEnv(dir, environ, &stdout, &stderr))
	return result{code, stdout.String(), stderr.String()}
}

// runFast is runCmd on a fast clock: the rate limit, backoffs and pauses
// Connect asks for cost no time.
func runFast(t *testing.T, dir string, environ []string, args ...string) result {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr syncBuffer
	e := testEnv(dir, environ, &stdout, &stderr)
	clock := &fastClock{}
	e.now, e.sleep = clock.now, clock.sleep
	code := realMain(t.Context(), args, e)
	return result{code, stdout.String(), stderr.String()}
}

// testEnv is the env of a command run in process by a test: environ is
// the whole environment, with HOME=dir unless it sets HOME; the clock
// is the real one.
func testEnv(dir string, environ []string, stdout, stderr io.Writer) env {
	vars := map[string]string{"HOME": dir}
	for _, kv := range environ {
		k, v, _ := strings.Cut(kv, "=")
		vars[k] = v
	}
	return env{
		getenv: func(k string) string { return vars[k] },
		stdout: stdout,
		stderr: stderr,
		now:    time.Now,
		sleep:  importer.Sleep,
	}
}

// fastClock is a clock whose sleeps return at once and move its time on:
// a retry's backoff and a pause Connect asks for cost a test nothing.
type fastClock struct {
	mu    sync.Mutex
	ahead time.Duration
}

func (c *fastClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.ahead)
}

func (c *fastClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ahead += d
	return nil
}

// process is the test binary started as leadimport.
type process struct {
	*exec.Cmd
	stdout, stderr *syncBuffer
}

// startProcess starts the test binary as leadimport in dir, with env as
// its environment beside PATH and HOME=dir, for what only a real process
// shows: signals, and the ledger's lock held by another process.
func startProcess(t *testing.T, dir string, env []string, args ...string) process {
	t.Helper()
	self, err := os.Executable()
	require.NoError(t, err)
	p := process{Cmd: exec.Command(self, args...), stdout: &syncBuffer{}, stderr: &syncBuffer{}}
	p.Dir = dir
	p.Env = append([]string{asMain + "=1", "PATH=" + os.Getenv("PATH"), "HOME=" + dir}, env...)
	p.Stdout, p.Stderr = p.stdout, p.stderr
	require.NoError(t, p.Start())
	t.Cleanup(func() { p.Process.Kill() })
	return p
}

// runProcess runs the test binary as leadimport in dir to its end; see
// startProcess.
func runProcess(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	p := startProcess(t, dir, env, args...)
	code := exitStatus(t, p.Wait())
	return result{code, p.stdout.String(), p.stderr.String()}
}

// exitStatus is how a process that returned err from Wait ended: its exit
// code, or -1 when a signal killed it.
func exitStatus(t *testing.T, err error) int {
	t.Helper()
	if err == nil {
		return 0
	}
	exitErr, ok := err.(*exec.ExitError)
	require.True(t, ok, "%v", err)
	if ws, ok := exitErr.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return -1
	}
	return exitErr.ExitCode()
}

func sandboxEnv(s *server, password string) []string {
	return []string{"VITEC_USERNAME=" + sandboxUser, "VITEC_PASSWORD=" + password, "LEADIMPORT_BASE_URL=" + s.URL}
}

// csvRow is one generated input row and what Connect should receive.
type csvRow struct {
	cells   []string
	invalid string // why it is invalid, "" if valid
	pin     string // canonical personnummer, "" if none
	email   string // canonical e-mail
}

// generate writes n rows; every tenth is invalid in one of several ways.
func generate(t *testing.T, dir string, n int) (string, []csvRow) {
	t.Helper()
	pins := testPins(t)
	rows := make([]csvRow, n)
	var b strings.Builder
	b.WriteString("Förnamn;Efternamn;Personnummer;E-post;Mobil\r\n")
	for i := range rows {
		pin := pins[i%len(pins)]
		long := pin[:8] + "-" + pin[8:]
		written := long
		switch i % 3 {
		case 1:
			written = pin // 12 digits, no separator
		case 2:
			written = pin[:8] + " - " + pin[8:]
		}
		r := csvRow{pin: long, email: fmt.Sprintf("person%d@example.se", i)}
		first, last, email, phone := "Åsa", fmt.Sprintf("Öberg%d", i), fmt.Sprintf(" person%d@EXAMPLE.se ", i), "070-123 45 67"
		if i%10 == 7 {
			switch (i / 10) % 4 {
			case 0:
				last, r.invalid = "", "Efternamn"
			case 1:
				email, phone, r.invalid = "", "", "no e-mail or phone"
			case 2:
				written, r.invalid = pin[:11]+fmt.Sprint((pin[11]-'0'+1)%10), "check digit"
			case 3:
				email, r.invalid = "person.example.se", "E-post"
			}
		}
		r.cells = []string{first, last, written, email, phone}
		rows[i] = r
		b.WriteString(strings.Join(r.cells, ";") + "\r\n")
	}
	path := filepath.Join(dir, "leads.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o600))
	return path, rows
}

// settled makes the files at paths last written an hour ago: files that
// landed in an inbox a while before the night's run, which --settle
// does not hold back.
func settled(t *testing.T, paths ...string) {
	t.Helper()
	hourAgo := time.Now().Add(-time.Hour)
	for _, p := range paths {
		require.NoError(t, os.Chtimes(p, hourAgo, hourAgo))
	}
}

func writeMapping(t *testing.T, dir string) string {
	t.Helper()
	path := filepath.Join(dir, "mapping.yaml")
	require.NoError(t, os.WriteFile(path, []byte(e2eMapping), 0o600))
	return path
}

// readReport returns the header and the data lines of a CSV report; a
// line with cells beyond its input's header is longer than the header.
func readReport(t *testing.T, path string) ([]string, [][]string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, bytes.HasPrefix(data, []byte("\ufeff")))
	r := csv.NewReader(bytes.NewReader(data[3:]))
	r.Comma, r.FieldsPerRecord = ';', -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	return recs[0], recs[1:]
}

func TestEndToEnd1000Rows(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, rows := generate(t, dir, 1000)
	report := filepath.Join(dir, "report.csv")
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword),
		"run", "--mapping", writeMapping(t, dir), "--rate", "0", "--workers", "8", "--report", report, input)
	assert.Equal(t, 1, res.code, res.stderr)
	assert.Contains(t, res.stderr, "900 sent, 100 invalid")
	assert.NotContains(t, res.stdout+res.stderr, sandboxPassword)

	// Every valid row arrived exactly once, with the canonical values.
	want := map[string]int{}
	for _, r := range rows {
		if r.invalid == "" {
			want[r.email+" "+r.pin]++
		}
	}
	got := map[string]int{}
	for _, l := range s.received(t) {
		require.NotNil(t, l.Person.Email)
		got[l.Person.Email.EmailAddress+" "+l.Person.SocialSecurityNumber]++
		assert.Equal(t, "Interested", l.ProspectiveBuyerStatus)
		assert.Equal(t, "Åsa", l.Person.FirstName)
	}
	assert.Len(t, got, 900)
	assert.Equal(t, want, got)

	header, lines := readReport(t, report)
	assert.Equal(t, []string{"row", "Förnamn", "Efternamn", "Personnummer", "E-post", "Mobil",
		"status", "http_status", "attempts", "response", "error", "changes", "warnings"}, header)
	require.Len(t, lines, 1000)
	for i, l := range lines {
		require.Equal(t, fmt.Sprint(i+2), l[0], "input order")
		if rows[i].invalid != "" {
			assert.Equal(t, "invalid", l[6], "row %d", i+2)
			assert.Contains(t, l[10], rows[i].invalid, "row %d", i+2)
			continue
		}
		assert.Equal(t, "sent", l[6], "row %d: %s", i+2, l[10])
		assert.NotEmpty(t, l[9], "contact id")
		// Every change normalisation made, in column order.
		var want []string
		if pin := strings.TrimSpace(rows[i].cells[2]); pin != rows[i].pin {
			want = append(want, "Personnummer: "+pin+" → "+rows[i].pin)
		}
		want = append(want, fmt.Sprintf("E-post: person%d@EXAMPLE.se → person%d@example.se", i, i),
			"Mobil: 070-123 45 67 → +46701234567")
		assert.Equal(t, strings.Join(want, "; "), l[11], "row %d", i+2)
		// Skatteverket's first test numbers are from the 1890s.
		if rows[i].pin < "1900" {
			assert.Contains(t, l[12], "years old); check the year", "row %d", i+2)
		}
	}
}

// TestRateLimitAtTheServer: --rate reaches the limiter. The spacing
// itself is TestRunRateLimit's, exact on a fake clock; here, on the real
// one, 54 requests at 20 a second reach the server over 2.65 s: a loaded
// machine can delay the first by some tenths and the rest only later, so
// at least 2.3 s, and well inside the 10.6 s the default rate of 5 takes.
func TestRateLimitAtTheServer(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 60)
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword),
		"run", "--mapping", writeMapping(t, dir), "--rate", "20", "--workers", "8", "--report", filepath.Join(dir, "r.csv"), input)
	assert.Equal(t, 1, res.code, res.stderr)
	times := s.requests()
	require.Len(t, times, 54)
	span := times[len(times)-1].Sub(times[0])
	assert.GreaterOrEqual(t, span, 2300*time.Millisecond, "54 requests at 20 a second")
	assert.Less(t, span, 8*time.Second, "at --rate 20, not the default 5")
}

func TestCheckSendsNothing(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 100)
	report := filepath.Join(dir, "check.csv")
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "check", "--mapping", writeMapping(t, dir), "--report", report, input)
	assert.Equal(t, 1, res.code, res.stderr)
	assert.Empty(t, s.requests())
	_, lines := readReport(t, report)
	require.Len(t, lines, 100)
	assert.Equal(t, "valid", lines[0][6])
	assert.Equal(t, "invalid", lines[7][6])
	// The per-column summary: row i%3 != 0 writes its personnummer in
	// another form, every e-mail has its domain in capitals and every
	// phone number is national; the invalid rows are described in generate.
	// The first test numbers are from the 1890s: each is warned about.
	assert.Contains(t, res.stderr, `leads.csv, per column:
  column          valid changed invalid   empty warnings  field
  Förnamn           100       0       0       0        0  person.firstName
  Efternamn          97       0       0       3        0  person.lastName
  Personnummer       33      65       2       0       98  person.socialSecurityNumber
  E-post              0      95       2       3        0  person.email.emailAddress
  Mobil               0      97       0       3        0  person.telephone.cell
`)
}

func TestUnauthorizedStopsWithExit3(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 20)
	report := filepath.Join(dir, "r.csv")
	res := runCmd(t, dir, sandboxEnv(s, "wrong-password"),
		"run", "--mapping", writeMapping(t, dir), "--workers", "1", "--rate", "0", "--report", report, input)
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Contains(t, res.stderr, "VITEC_PASSWORD")
	assert.NotContains(t, res.stderr, "wrong-password")
	assert.Len(t, s.requests(), 1)
	_, lines := readReport(t, report)
	require.Len(t, lines, 20)
	assert.Equal(t, "failed", lines[0][6])
	for _, l := range lines[1:] {
		assert.Contains(t, []string{"not_sent", "invalid"}, l[6])
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 5)
	m := writeMapping(t, dir)
	looseCreds := filepath.Join(dir, "creds-loose")
	require.NoError(t, os.WriteFile(looseCreds, []byte("sandbox:"+sandboxPassword+"\n"), 0o644))
	require.NoError(t, os.Chmod(looseCreds, 0o644))
	badMapping := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(badMapping, []byte("version: 1\ncolumns:\n  Förnamn: person.firstname\n"), 0o600))
	tests := []struct {
		name   string
		env    []string
		args   []string
		errHas string
	}{
		{"no command", nil, nil, "Usage"},
		{"unknown command", nil, []string{"send"}, "unknown command"},
		{"no mapping", sandboxEnv(s, sandboxPassword), []string{"run", input}, "--mapping"},
		{"no input", sandboxEnv(s, sandboxPassword), []string{"run", "--mapping", m}, "no input"},
		{"missing input", sandboxEnv(s, sandboxPassword), []string{"run", "--mapping", m, filepath.Join(dir, "nope.csv")}, "nope.csv"},
		{"bad mapping names its line", sandboxEnv(s, sandboxPassword), []string{"run", "--mapping", badMapping, input}, "bad.yaml:3"},
		{"no credentials", []string{"LEADIMPORT_BASE_URL=" + s.URL}, []string{"run", "--mapping", m, input}, "VITEC_USERNAME"},
		{"credentials file others can read", []string{"LEADIMPORT_BASE_URL=" + s.URL}, []string{"run", "--mapping", m, "--credentials", looseCreds, input}, "chmod 600"},
		{"plain http to a remote host", sandboxEnv(s, sandboxPassword), []string{"run", "--mapping", m, "--base-url", "http://connect.example.com", input}, "http"},
		{"bad --set", sandboxEnv(s, sandboxPassword), []string{"run", "--mapping", m, "--set", "estateid", input}, "FIELD=VALUE"},
		{"too many workers", sandboxEnv(s, sandboxPassword), []string{"run", "--mapping", m, "--workers", "65", input}, "--workers must be at most 64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCmd(t, dir, tt.env, tt.args...)
			assert.Equal(t, 2, res.code, res.stderr)
			assert.Contains(t, res.stderr, tt.errHas)
			assert.NotContains(t, res.stderr, sandboxPassword)
		})
	}
	assert.Empty(t, s.requests(), "nothing is sent after a usage error")
}

func TestCredentialsFileAndFlagsAfterInputs(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 5)
	creds := filepath.Join(dir, "creds")
	require.NoError(t, os.WriteFile(creds, []byte("sandbox:"+sandboxPassword+"\n"), 0o600))
	res := runCmd(t, dir, []string{"LEADIMPORT_BASE_URL=" + s.URL},
		"run", input, "--mapping", writeMapping(t, dir), "--credentials", creds, "--rate", "0", "--set", "estateId=OBJ9")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stderr, "5 sent")
	matches, err := filepath.Glob(filepath.Join(dir, "leads-report-*.csv"))
	require.NoError(t, err)
	assert.Len(t, matches, 1, "the default report is <input>-report-<time>.csv in the working directory")
}

func TestVersion(t *testing.T) {
	res := runCmd(t, t.TempDir(), nil, "version")
	assert.Equal(t, 0, res.code)
	assert.True(t, strings.HasPrefix(res.stdout, "leadimport "))
}

// TestEveryCommandHasHelp: COMMAND --help prints the command's usage on
// stdout and exits 0, for every command the usage lists, help and
// version too.
func TestEveryCommandHasHelp(t *testing.T) {
	for _, cmd := range []string{"run", "check", "sandbox", "serve", "history", "init", "help", "version"} {
		assert.Regexp(t, `\n  leadimport `+cmd+`[ \n]`, usageText, "the usage lists %s", cmd)
		for _, flag := range []string{"--help", "-h"} {
			t.Run(cmd+flag, func(t *testing.T) {
				res := runCmd(t, t.TempDir(), nil, cmd, flag)
				assert.Equal(t, 0, res.code, res.stderr)
				assert.Contains(t, res.stdout+res.stderr, "leadimport "+cmd, "a usage line")
				assert.NotContains(t, res.stdout, "leadimport dev (", "not the version")
			})
		}
	}
}

// TestInterruptFinishesAndReportsEveryRow: an interrupt lets the requests
// under way finish, and every row is in the report, sent or not_sent.
func TestInterruptFinishesAndReportsEveryRow(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 20)
	report := filepath.Join(dir, "r.csv")
	ctx, interrupt := context.WithCancelCause(t.Context())
	s.setOnRequest(func(n int) {
		if n == 2 {
			interrupt(errInterrupted)
		}
	})
	res := runCmdContext(ctx, t, dir, sandboxEnv(s, sandboxPassword),
		"run", "--mapping", writeMapping(t, dir), "--rate", "4", "--workers", "2", "--report", report, input)
	assert.Equal(t, 3, res.code, res.stderr)
	assert.Contains(t, res.stderr, "interrupted: finishing what is under way")

	_, lines := readReport(t, report)
	require.Len(t, lines, 20, "every row is in the report")
	counts := map[string]int{}
	for _, l := range lines {
		counts[l[6]]++
	}
	assert.Equal(t, s.sb.Accepted(), counts["sent"], "every lead the server took is reported sent")
	assert.Equal(t, 2, counts["invalid"])
	assert.Equal(t, 18-counts["sent"], counts["not_sent"])
	assert.Less(t, counts["sent"], 18)
}

// TestSignals: SIGINT makes a real process finish what is under way and
// exit 3; a second one quits at once with 130.
func TestSignals(t *testing.T) {
	dir := t.TempDir()
	arrived := make(chan struct{}, 16)
	block := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		<-block // a request that does not finish while the test runs
	}))
	defer srv.Close()
	defer close(block) // before srv.Close, which waits for the handlers
	input, _ := generate(t, dir, 5)
	p := startProcess(t, dir, []string{"VITEC_USERNAME=u", "VITEC_PASSWORD=p", "LEADIMPORT_BASE_URL=" + srv.URL},
		"run", "--mapping", writeMapping(t, dir), "--report", filepath.Join(dir, "r.csv"), input)
	<-arrived
	require.NoError(t, p.Process.Signal(os.Interrupt))
	require.Eventually(t, func() bool { return strings.Contains(p.stderr.String(), "interrupted") }, 10*time.Second, 5*time.Millisecond)
	require.NoError(t, p.Process.Signal(os.Interrupt))
	assert.Equal(t, 130, exitStatus(t, p.Wait()), p.stderr.String())
}

// TestRunSaysWhereItSends: a run names Connect's base URL (and where it
// came from when that was the environment), the user and each customer
// it sends leads for, never the password.
func TestRunSaysWhereItSends(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 3)
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", writeMapping(t, dir), "--rate", "0",
		"--report", filepath.Join(dir, "r1.csv"), input)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stderr, `INFO sending to Connect at `+s.URL+` (from LEADIMPORT_BASE_URL) as user "sandbox"`)
	assert.Contains(t, res.stderr, "INFO "+input+": leads for customer M1001")
	assert.NotContains(t, res.stderr, sandboxPassword)

	res = runCmd(t, dir, []string{"VITEC_USERNAME=" + sandboxUser, "VITEC_PASSWORD=" + sandboxPassword},
		"run", "--mapping", writeMapping(t, dir), "--base-url", s.URL, "--force", "--rate", "0", "--report", filepath.Join(dir, "r2.csv"), input)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stderr, `INFO sending to Connect at `+s.URL+` as user "sandbox"`)
}

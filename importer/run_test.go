package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	"leadimport/importer/connect"
	"leadimport/importer/msg"
	"leadimport/importer/report"
	"leadimport/importer/status"
	"leadimport/mapping"
)

const testMapping = `version: 1
endpoint: FinalPriceWatched
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
constants:
  customerId: M1001
  estateId: OBJ1
`

// writeInput writes a CSV with the test mapping's header and n rows; row i
// (0-based) is invalid when bad(i) says so.
func writeInput(t *testing.T, n int, bad func(int) bool) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("Förnamn,Efternamn,Personnummer,E-post,Mobil\n")
	for i := range n {
		last := fmt.Sprintf("Svensson%d", i)
		if bad != nil && bad(i) {
			last = ""
		}
		fmt.Fprintf(&b, "Anna,%s,,anna%d@example.se,070-123 45 67\n", last, i)
	}
	path := filepath.Join(t.TempDir(), "in.csv")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o600))
	return path
}

func parseMapping(t *testing.T) *mapping.Mapping {
	t.Helper()
	m, err := mapping.Parse(strings.NewReader(testMapping), "mapping.yaml")
	require.NoError(t, err)
	return m
}

// readReport returns the report's data lines as maps keyed by column.
func readReport(t *testing.T, path string) []map[string]string {
	t.Helper()
	recs := readReportRecords(t, path)
	var lines []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		lines = append(lines, m)
	}
	return lines
}

// readReportRecords returns a CSV report's header and lines as read; a
// line with cells beyond the header is longer than the header.
func readReportRecords(t *testing.T, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.True(t, strings.HasPrefix(string(data), "\ufeff"), "report starts with a BOM")
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\ufeff")))
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs)
	return recs
}

func newClient(t *testing.T, url string) *connect.Client {
	t.Helper()
	c, err := connect.New(url, "user", "secret", "leadimport/test", connect.NewHTTPClient(8))
	require.NoError(t, err)
	return c
}

func testConfig(t *testing.T, input, url string) Config {
	cfg := Config{
		Inputs:   []string{input},
		Mappings: []*mapping.Mapping{parseMapping(t)},
		Report:   filepath.Join(t.TempDir(), "report.csv"),
		Workers:  4,
		Timeout:  5 * time.Second,
		Retries:  4,
		Backoff:  Backoff{Base: time.Millisecond, Max: 10 * time.Millisecond},
	}
	if url != "" {
		cfg.Client = newClient(t, url)
	}
	return cfg
}

func TestRunEveryRowOnceInOrder(t *testing.T) {
	var mu sync.Mutex
	got := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body mapping.FinalPriceWatched
		require.NoError(t, json.NewDecoder(r.Body).Decode(&body))
		time.Sleep(time.Duration(rand.N(3)) * time.Millisecond) // finish out of order
		mu.Lock()
		got[body.Person.Email.EmailAddress]++
		mu.Unlock()
		assert.Equal(t, "/Advertising/Estate/M1001/OBJ1/FinalPriceWatched", r.URL.Path)
		fmt.Fprintf(w, "%q", "C-"+body.Person.LastName)
	}))
	defer srv.Close()

	const n = 500
	bad := func(i int) bool { return i%10 == 3 }
	cfg := testConfig(t, writeInput(t, n, bad), srv.URL)
	cfg.Workers = 8
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.Equal(t, n/10*9, sum.Counts[status.Sent])
	assert.Equal(t, n/10, sum.Counts[status.Invalid])
	assert.False(t, sum.Clean())
	assert.Nil(t, sum.Stopped)

	lines := readReport(t, cfg.Report)
	require.Len(t, lines, n)
	for i, l := range lines {
		assert.Equal(t, fmt.Sprint(i+2), l["row"], "input order")
		email := fmt.Sprintf("anna%d@example.se", i)
		if bad(i) {
			assert.Equal(t, "invalid", l["status"])
			assert.Contains(t, l["error"], "Efternamn")
			assert.Zero(t, got[email], "an invalid row is never sent")
			continue
		}
		assert.Equal(t, "sent", l["status"])
		assert.Equal(t, "200", l["http_status"])
		assert.Equal(t, "1", l["attempts"])
		assert.Equal(t, fmt.Sprintf("C-Svensson%d", i), l["response"])
		assert.Equal(t, 1, got[email], "row %d sent exactly once", i+2)
	}
}

func TestRunCheckSendsNothing(t *testing.T) {
	cfg := testConfig(t, writeInput(t, 10, func(i int) bool { return i == 4 }), "")
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.Equal(t, 9, sum.Counts[status.Valid])
	assert.Equal(t, 1, sum.Counts[status.Invalid])
	assert.Zero(t, sum.Requests)
	lines := readReport(t, cfg.Report)
	require.Len(t, lines, 10)
	assert.Equal(t, "invalid", lines[4]["status"])
	assert.Equal(t, "valid", lines[0]["status"])
}

// scripted answers each request with the next of its replies, then 200.
type scripted struct {
	mu      sync.Mutex
	replies []func(w http.ResponseWriter)
	times   []time.Time
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.times = append(s.times, time.Now())
	var reply func(w http.ResponseWriter)
	if len(s.replies) > 0 {
		reply, s.replies = s.replies[0], s.replies[1:]
	}
	s.mu.Unlock()
	if reply == nil {
		io.WriteString(w, `"CON1"`)
		return
	}
	reply(w)
}

func answer(code int, header map[string]string, body string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for k, v := range header {
			w.Header().Set(k, v)
		}
		w.WriteHeader(code)
		io.WriteString(w, body)
	}
}

func TestRunRetries(t *testing.T) {
	tests := []struct {
		name       string
		replies    []func(w http.ResponseWriter)
		status     string
		httpStatus string
		attempts   string
		errHas     string
		minElapsed time.Duration
	}{
		{
			name:       "429 with Retry-After then 200",
			replies:    []func(http.ResponseWriter){answer(429, map[string]string{"Retry-After": "1"}, "")},
			status:     "sent",
			httpStatus: "200",
			attempts:   "2",
			minElapsed: time.Second,
		},
		{
			name: "three 503s then 200",
			replies: []func(http.ResponseWriter){
				answer(503, nil, ""), answer(503, nil, ""), answer(503, nil, ""),
			},
			status:     "sent",
			httpStatus: "200",
			attempts:   "4",
		},
		{
			name:       "a dropped connection then 200 is sent, with a note",
			replies:    []func(http.ResponseWriter){dropConnection},
			status:     "sent",
			httpStatus: "200",
			attempts:   "2",
			errHas:     "may have recorded this lead twice",
		},
		{
			name: "400 is not retried",
			replies: []func(http.ResponseWriter){answer(400, map[string]string{"Content-Type": "application/json"},
				`{"Message":"The request is invalid.","ModelState":{"application.Person.FirstName":["Förnamn krävs"]}}`)},
			status:     "failed",
			httpStatus: "400",
			attempts:   "1",
			errHas:     "Förnamn krävs",
		},
		{
			name: "500 until the retries are spent",
			replies: []func(http.ResponseWriter){
				answer(500, nil, "oops"), answer(500, nil, "oops"), answer(500, nil, "oops"),
				answer(500, nil, "oops"), answer(500, nil, "oops"),
			},
			status:     "failed",
			httpStatus: "500",
			attempts:   "5",
			errHas:     "after 5 attempts",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &scripted{replies: tt.replies}
			srv := httptest.NewServer(h)
			defer srv.Close()
			cfg := testConfig(t, writeInput(t, 1, nil), srv.URL)
			start := time.Now()
			_, err := Run(context.Background(), cfg)
			require.NoError(t, err)
			lines := readReport(t, cfg.Report)
			require.Len(t, lines, 1)
			assert.Equal(t, tt.status, lines[0]["status"], lines[0]["error"])
			assert.Equal(t, tt.httpStatus, lines[0]["http_status"])
			assert.Equal(t, tt.attempts, lines[0]["attempts"])
			assert.Contains(t, lines[0]["error"], tt.errHas)
			if tt.minElapsed > 0 {
				h.mu.Lock()
				defer h.mu.Unlock()
				require.Len(t, h.times, 2)
				assert.GreaterOrEqual(t, h.times[1].Sub(h.times[0]), tt.minElapsed-10*time.Millisecond)
				assert.GreaterOrEqual(t, time.Since(start), tt.minElapsed)
			}
		})
	}
}

// dropConnection closes the connection without an answer.
func dropConnection(w http.ResponseWriter) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err == nil {
		conn.Close()
	}
}

// TestRunReportWriteFailureStops: a report that cannot be written stops
// the run, and is known before anything is sent: its header is flushed
// to the file first.
func TestRunReportWriteFailureStops(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		io.WriteString(w, `"CON1"`)
	}))
	defer srv.Close()
	cfg := testConfig(t, writeInput(t, 200, nil), srv.URL)
	cfg.Workers = 1
	cfg.Report = "/dev/full" // every write fails: no space left
	sum, err := Run(context.Background(), cfg)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "report")
	require.Error(t, sum.Stopped)
	assert.Zero(t, calls.Load(), "the report's header is written through before the first request: nothing is sent")
	assert.Equal(t, 200, sum.Counts[status.NotSent])
}

func TestRunRefusesReportOverInput(t *testing.T) {
	input := writeInput(t, 3, nil)
	cfg := testConfig(t, input, "")
	cfg.Report = input
	_, err := Run(context.Background(), cfg)
	var setup *SetupError
	require.ErrorAs(t, err, &setup)
	assert.Contains(t, err.Error(), "is the input")
	data, err := os.ReadFile(input)
	require.NoError(t, err)
	assert.Contains(t, string(data), "Svensson2", "the input is untouched")
}

func TestRunUnauthorizedStops(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusUnauthorized)
		io.WriteString(w, `{"Message":"Authorization has been denied for this request."}`)
	}))
	defer srv.Close()
	cfg := testConfig(t, writeInput(t, 50, func(i int) bool { return i == 40 }), srv.URL)
	cfg.Workers = 1
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.ErrorIs(t, sum.Stopped, ErrUnauthorized)
	assert.EqualValues(t, 1, calls.Load(), "no request after the 401")
	assert.Equal(t, 1, sum.Counts[status.Failed])
	assert.Equal(t, 48, sum.Counts[status.NotSent])
	assert.Equal(t, 1, sum.Counts[status.Invalid])
	lines := readReport(t, cfg.Report)
	require.Len(t, lines, 50)
	assert.Equal(t, "failed", lines[0]["status"])
	assert.Equal(t, "401", lines[0]["http_status"])
	for _, l := range lines[1:40] {
		assert.Equal(t, "not_sent", l["status"])
		assert.Contains(t, l["error"], "401")
	}
}

func TestRunInterruptedFinishesInFlight(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			cancel(fmt.Errorf("interrupted")) // while this request is in flight
		}
		io.WriteString(w, `"CON1"`)
	}))
	defer srv.Close()
	cfg := testConfig(t, writeInput(t, 20, nil), srv.URL)
	cfg.Workers = 1
	sum, err := Run(ctx, cfg)
	require.NoError(t, err)
	require.Error(t, sum.Stopped)
	assert.Equal(t, 1, sum.Counts[status.Sent], "the request in flight finished and counts")
	assert.Equal(t, 19, sum.Counts[status.NotSent])
	lines := readReport(t, cfg.Report)
	require.Len(t, lines, 20)
	assert.Equal(t, "sent", lines[0]["status"])
	assert.Contains(t, lines[1]["error"], "interrupted")
}

// posterFunc is a Poster in memory.
type posterFunc func(ctx context.Context, path string, body []byte) (connect.Response, error)

func (f posterFunc) Post(ctx context.Context, path string, body []byte) (connect.Response, error) {
	return f(ctx, path, body)
}

// TestRunRateLimit: the workers together send at the limiter's rate and
// no faster. The run goes on synctest's fake clock with a client in
// memory, so the spacing is the limiter's own, exactly, whatever else
// the machine is doing.
func TestRunRateLimit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var times []time.Time
		cfg := testConfig(t, writeInput(t, 30, nil), "")
		cfg.Client = posterFunc(func(context.Context, string, []byte) (connect.Response, error) {
			mu.Lock()
			defer mu.Unlock()
			times = append(times, time.Now())
			return connect.Response{Status: http.StatusOK, ContactID: "CON1"}, nil
		})
		cfg.Workers = 8
		cfg.Limiter = rate.NewLimiter(20, 1)
		sum, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		require.Equal(t, 30, sum.Sent())
		require.Len(t, times, 30)
		assert.Equal(t, 20, maxInWindow(times, time.Second), "one every 50 ms")
		assert.Equal(t, 29*50*time.Millisecond, times[29].Sub(times[0]))
	})
}

// maxInWindow returns the most events in any window of length d.
func maxInWindow(ts []time.Time, d time.Duration) int {
	most := 0
	for i := range ts {
		n := 0
		for _, u := range ts[i:] {
			if u.Sub(ts[i]) < d {
				n++
			}
		}
		most = max(most, n)
	}
	return most
}

func TestRunSetupErrors(t *testing.T) {
	dir := t.TempDir()
	noHeader := filepath.Join(dir, "other.csv")
	require.NoError(t, os.WriteFile(noHeader, []byte("Name,Mail\nA,b@c.se\n"), 0o600))
	// The mapping's columns, and more than MaxColumns in all.
	wide := filepath.Join(dir, "wide.csv")
	header := "Förnamn,Efternamn,Personnummer,E-post,Mobil"
	for i := 5; i <= MaxColumns; i++ {
		header += fmt.Sprintf(",Kolumn %d", i)
	}
	require.NoError(t, os.WriteFile(wide, []byte(header+"\n"), 0o600))
	tests := []struct {
		name   string
		inputs []string
		report string
		errHas string
	}{
		{"missing input", []string{filepath.Join(dir, "nope.csv")}, "", "nope.csv"},
		{"header the mapping needs is missing", []string{noHeader}, "", "Förnamn"},
		{"one report file for two inputs", []string{writeInput(t, 1, nil), writeInput(t, 1, nil)}, filepath.Join(dir, "r.csv"), "directory"},
		{"more columns than are read", []string{wide}, "", "wide.csv has 1001 columns, more than the 1000 leadimport reads"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig(t, "", "")
			cfg.Inputs, cfg.Report = tt.inputs, tt.report
			_, err := Run(context.Background(), cfg)
			var setup *SetupError
			require.ErrorAs(t, err, &setup)
			assert.Contains(t, err.Error(), tt.errHas)
		})
	}
}

func TestRunReportDirectoryForSeveralInputs(t *testing.T) {
	dir := t.TempDir()
	cfg := testConfig(t, "", "")
	cfg.Inputs = []string{writeInput(t, 2, nil), writeInput(t, 3, nil)} // both named in.csv
	cfg.Report = dir
	cfg.Now = func() time.Time { return time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC) }
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Len(t, sum.Files, 2)
	assert.Equal(t, filepath.Join(dir, "in-report-20261126-100000.csv"), sum.Files[0].Report)
	assert.Equal(t, filepath.Join(dir, "in-report-20261126-100000-2.csv"), sum.Files[1].Report)
	assert.Len(t, readReport(t, sum.Files[1].Report), 3)
	st, err := os.Stat(sum.Files[0].Report)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "reports hold personal data")
}

func TestRunReportDirectoryIsMadeWhenNamedWithSlash(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports") + string(filepath.Separator)
	cfg := testConfig(t, "", "")
	cfg.Inputs = []string{writeInput(t, 1, nil), writeInput(t, 1, nil)}
	cfg.Report = dir
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.Len(t, sum.Files, 2)
	for _, f := range sum.Files {
		assert.Equal(t, filepath.Clean(dir), filepath.Dir(f.Report))
		assert.FileExists(t, f.Report)
	}
}

func TestRunStopsWhenConnectIsDown(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.WriteHeader(http.StatusInternalServerError)
	}))
	defer srv.Close()
	cfg := testConfig(t, writeInput(t, 50, nil), srv.URL)
	cfg.Workers, cfg.Retries, cfg.MaxFailures = 1, 1, 5
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.ErrorIs(t, sum.Stopped, ErrConnectDown)
	assert.Equal(t, 5, sum.Counts[status.Failed])
	assert.Equal(t, 45, sum.Counts[status.NotSent])
	assert.EqualValues(t, 10, calls.Load(), "5 rows, 2 attempts each, then no more")
	lines := readReport(t, cfg.Report)
	assert.Contains(t, lines[5]["error"], "Connect seems to be down")
}

// TestRunFailuresThatMayPass: one rule (connect.Retryable) decides which
// failed rows may pass, for --max-failures and for --archive-dir alike:
// Connect busy or failing, or no answer; not a refusal, nor a status that
// will not change.
func TestRunFailuresThatMayPass(t *testing.T) {
	tests := []struct {
		name    string
		status  int // 0: the connection is dropped
		mayPass bool
	}{
		{"500", http.StatusInternalServerError, true},
		{"503", http.StatusServiceUnavailable, true},
		{"429", http.StatusTooManyRequests, true},
		{"no answer", 0, true}, // after the request went: Connect may have it, so it is not ErrUnreachable
		{"501 will not change", http.StatusNotImplemented, false},
		{"400 refused", http.StatusBadRequest, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tc.status == 0 {
					panic(http.ErrAbortHandler)
				}
				w.WriteHeader(tc.status)
			}))
			defer srv.Close()
			cfg := testConfig(t, writeInput(t, 10, nil), srv.URL)
			cfg.Workers, cfg.Retries, cfg.MaxFailures = 1, 1, 3
			sum, err := Run(context.Background(), cfg)
			require.NoError(t, err)
			if tc.mayPass {
				require.ErrorIs(t, sum.Stopped, ErrConnectDown)
				assert.Equal(t, 3, sum.Counts[status.Failed])
				assert.Equal(t, 3, sum.Files[0].Transient)
				return
			}
			assert.NoError(t, sum.Stopped)
			assert.Equal(t, 10, sum.Counts[status.Failed])
			assert.Zero(t, sum.Files[0].Transient)
		})
	}
}

// TestRunNamesItsCustomers: the log names each customer an input sends
// leads for, once, and no more than maxNamedCustomers of them.
func TestRunNamesItsCustomers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `"CON1"`) }))
	defer srv.Close()
	var b strings.Builder
	b.WriteString("Kund,Förnamn,Efternamn,E-post\n")
	for i := range maxNamedCustomers + 5 {
		fmt.Fprintf(&b, "M%d,Anna,Svensson,anna%d@example.se\n", 1+i, i)
		fmt.Fprintf(&b, "M%d,Bo,Ek,bo%d@example.se\n", 1+i, i) // the same customer again
	}
	input := filepath.Join(t.TempDir(), "many.csv")
	require.NoError(t, os.WriteFile(input, []byte(b.String()), 0o600))
	m, err := mapping.Parse(strings.NewReader("version: 1\ncolumns:\n  Kund: customerId\n  Förnamn: person.firstName\n"+
		"  Efternamn: person.lastName\n  E-post: person.email.emailAddress\nconstants:\n  estateId: OBJ1\n"), "m.yaml")
	require.NoError(t, err)
	var log bytes.Buffer
	cfg := testConfig(t, input, srv.URL)
	cfg.Mappings, cfg.Log = []*mapping.Mapping{m}, slog.New(slog.NewTextHandler(&log, nil))
	_, err = Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.Equal(t, maxNamedCustomers, strings.Count(log.String(), "leads for customer "))
	assert.Equal(t, 1, strings.Count(log.String(), "leads for customer M1\""), "each customer once")
	assert.Contains(t, log.String(), fmt.Sprintf("leads for more customers than the %d named", maxNamedCustomers))
}

// TestRunConnectUnreachable: when not one request gets an answer, the
// run says in one line that Connect could not be reached and exits 3;
// when some are answered, the rows that may pass ask for a later run.
func TestRunConnectUnreachable(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close()) // nothing listens: connection refused

	cfg := testConfig(t, writeInput(t, 5, nil), url)
	cfg.Target, cfg.Workers, cfg.Retries = url, 1, 1
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	require.ErrorIs(t, sum.Stopped, ErrUnreachable)
	assert.Equal(t, ExitStopped, sum.ExitCode(err))
	var out strings.Builder
	sum.Print(&out, msg.English)
	assert.Contains(t, out.String(), "stopped early: Connect at "+url+" could not be reached: nothing was sent; the files stay in the inbox\n")

	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			io.WriteString(w, `"CON1"`)
			return
		}
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	cfg = testConfig(t, writeInput(t, 3, nil), srv.URL)
	cfg.Target, cfg.Workers, cfg.Retries = srv.URL, 1, 1
	sum, err = Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.NoError(t, sum.Stopped)
	assert.ErrorIs(t, sum.Err(err), ErrRetryLater)
	assert.Equal(t, ExitStopped, sum.ExitCode(err))
	out.Reset()
	sum.Print(&out, msg.English)
	assert.Contains(t, out.String(), "2 rows could not be sent for a reason that may pass (no answer, 429, 5xx): the next run sends them\n")
}

func TestRunGivesUpOnAForbiddenCustomer(t *testing.T) {
	var mu sync.Mutex
	calls := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		customer := strings.Split(r.URL.Path, "/")[3]
		mu.Lock()
		calls[customer]++
		mu.Unlock()
		if customer == "M2" {
			w.WriteHeader(http.StatusForbidden)
			io.WriteString(w, `{"Message":"no access to M2"}`)
			return
		}
		io.WriteString(w, `"CON1"`)
	}))
	defer srv.Close()

	var b strings.Builder
	b.WriteString("Kund,Förnamn,Efternamn,E-post\n")
	for i := range 20 {
		fmt.Fprintf(&b, "M%d,Anna,Svensson,anna%d@example.se\n", 1+i%2, i)
	}
	input := filepath.Join(t.TempDir(), "two.csv")
	require.NoError(t, os.WriteFile(input, []byte(b.String()), 0o600))
	m, err := mapping.Parse(strings.NewReader(`version: 1
columns:
  Kund: customerId
  Förnamn: person.firstName
  Efternamn: person.lastName
  E-post: person.email.emailAddress
constants:
  estateId: OBJ1
`), "m.yaml")
	require.NoError(t, err)
	cfg := testConfig(t, input, srv.URL)
	cfg.Mappings, cfg.Workers = []*mapping.Mapping{m}, 1
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.Nil(t, sum.Stopped, "other customers' rows go on")
	assert.Equal(t, 10, sum.Counts[status.Sent])
	assert.Equal(t, 10, sum.Counts[status.Failed])
	assert.Equal(t, map[string]int{"M1": 10, "M2": 3}, calls)
	lines := readReport(t, cfg.Report)
	assert.Contains(t, lines[19]["error"], "no access to customer M2")
}

func TestRunRowWithExtraCellsIsInvalid(t *testing.T) {
	input := filepath.Join(t.TempDir(), "ragged.csv")
	require.NoError(t, os.WriteFile(input, []byte("Förnamn,Efternamn,Personnummer,E-post,Mobil\n"+
		"Anna,Berg,,anna@example.se,,,\n"+ // empty cells beyond the header: fine
		"Bo,Ek,,bo@example.se,,x\n"+ // a value beyond it: invalid
		"Cia,Ek\n"+ // short: the missing cells are empty
		"Dan,Ek,,dan@example.se,,a,b,c,d,e,f,g\n"), 0o600)) // many: the first five are quoted
	cfg := testConfig(t, input, "")
	_, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	lines := readReport(t, cfg.Report)
	require.Len(t, lines, 4)
	assert.Contains(t, lines[3]["error"], `12 cells, header has 5: fix the row or the header; values beyond the last column: "a", "b", "c", "d", "e", …;`)
	assert.Equal(t, "valid", lines[0]["status"])
	assert.Equal(t, "invalid", lines[1]["status"])
	assert.Contains(t, lines[1]["error"], `6 cells, header has 5: fix the row or the header; values beyond the last column: "x"`)
	recs := readReportRecords(t, cfg.Report)
	assert.Equal(t, []string{"Bo", "Ek", "", "bo@example.se", "", "invalid"}, recs[2][1:7])
	assert.Equal(t, []string{"x"}, recs[2][len(recs[0]):], "the cell beyond the header, at the end of the line")
	assert.Len(t, recs[1], len(recs[0]), "blank cells beyond the header are nothing")
	assert.Equal(t, "invalid", lines[2]["status"]) // no e-mail or phone
	assert.Contains(t, lines[2]["error"], "no e-mail or phone")
}

func TestRunMaxInvalidSendsNothing(t *testing.T) {
	tests := []struct {
		name       string
		maxInvalid int
		sent       int
	}{
		{"more invalid rows than allowed: nothing sent", 2, 0},
		{"as many as allowed: the valid ones are sent", 3, 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				calls.Add(1)
				io.WriteString(w, `"CON1"`)
			}))
			defer srv.Close()
			cfg := testConfig(t, writeInput(t, 10, func(i int) bool { return i%3 == 1 }), srv.URL) // rows 1, 4, 7 invalid
			cfg.MaxInvalid = &tc.maxInvalid
			sum, err := Run(context.Background(), cfg)
			require.NoError(t, err)
			assert.Equal(t, tc.sent, int(calls.Load()))
			assert.Equal(t, 3, sum.Counts[status.Invalid])
			if tc.sent == 0 {
				require.ErrorIs(t, sum.Stopped, ErrTooManyInvalid)
				assert.Equal(t, ExitNothing, sum.ExitCode(err))
				assert.Equal(t, 7, sum.Counts[status.NotSent])
				lines := readReport(t, cfg.Report)
				assert.Contains(t, lines[0]["error"], "3 rows are invalid, more than --max-invalid 2; nothing was sent")
			} else {
				assert.Equal(t, ExitRows, sum.ExitCode(err))
			}
		})
	}
}

func TestReportHeader(t *testing.T) {
	tests := []struct {
		name        string
		header      []string
		width, resp int
		ok          bool
	}{
		{"as written", []string{"row", "Namn", "E-post", "status", "http_status", "attempts", "response", "error", "changes", "warnings"}, 2, 6, true},
		{"the input's own Status column", []string{"row", "Namn", "Status", "status", "http_status", "attempts", "response", "error"}, 2, 6, true},
		{"outcome columns deleted in Excel", []string{"row", "Namn", "status", "error"}, 1, -1, true},
		{"a column added after them", []string{"row", "Namn", "status", "error", "Anteckning"}, 0, 0, false},
		{"no status", []string{"row", "Namn", "error"}, 0, 0, false},
		{"no row", []string{"Namn", "E-post", "status"}, 0, 0, false},
		{"status alone", []string{"row", "status"}, 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			width, resp, ok := reportHeader(tc.header)
			assert.Equal(t, tc.ok, ok)
			if ok {
				assert.Equal(t, tc.width, width)
				assert.Equal(t, tc.resp, resp)
			}
		})
	}
}

// TestRunLogsWithoutPersonalData: a failed row is a warning that names
// the row and Connect's status and fields, not Connect's words, which may
// quote what was sent; a retry is a debug line.
func TestRunLogsWithoutPersonalData(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		io.WriteString(w, `{"Message":"The request is invalid.","ModelState":{"application.Person.Email":["anna0@example.se is not allowed"]}}`)
	}))
	defer srv.Close()
	cfg := testConfig(t, writeInput(t, 1, nil), srv.URL)
	var logs bytes.Buffer
	cfg.Log = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	assert.Equal(t, 1, sum.Counts[status.Failed])
	out := logs.String()
	assert.Contains(t, out, `"msg":"retry"`)
	assert.Contains(t, out, `"reason":"Connect answered 503 Service Unavailable (the report has its message)"`)
	assert.Contains(t, out, `"msg":"row failed"`)
	assert.Contains(t, out, `Connect answered 400 Bad Request about application.Person.Email (the report has its message)`)
	assert.NotContains(t, out, "anna0@example.se")
	lines := readReport(t, cfg.Report)
	assert.Contains(t, lines[0]["error"], "anna0@example.se is not allowed", "the report keeps Connect's words")
}

// TestTooManyRowsForAnXLSXReport: an input with more rows than an XLSX
// report holds is refused before anything of it is sent, with its
// report not made, whether the report is XLSX or an XLSX goes beside
// it; a CSV report takes it.
func TestTooManyRowsForAnXLSXReport(t *testing.T) {
	defer func(was int) { maxXLSXRows = was }(maxXLSXRows)
	maxXLSXRows = 4
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		fmt.Fprintf(w, "%q", "C-1")
	}))
	defer srv.Close()
	for _, tc := range []struct {
		name   string
		report string
		also   []report.Format
		rows   int
		ok     bool
	}{
		{"xlsx, as many rows as it holds", "r.xlsx", nil, 4, true},
		{"xlsx, one more", "r.xlsx", nil, 5, false},
		{"csv with an xlsx beside it", "r.csv", []report.Format{report.XLSX}, 5, false},
		{"csv", "r.csv", nil, 5, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requests.Store(0)
			cfg := testConfig(t, writeInput(t, tc.rows, func(int) bool { return false }), srv.URL)
			cfg.Report = filepath.Join(t.TempDir(), tc.report)
			cfg.AlsoFormats = tc.also
			sum, err := Run(t.Context(), cfg)
			if tc.ok {
				require.NoError(t, err)
				assert.Equal(t, tc.rows, sum.Counts[status.Sent])
				return
			}
			var setup *SetupError
			require.ErrorAs(t, err, &setup, "nothing was sent")
			assert.ErrorContains(t, err, fmt.Sprintf("has %d rows, more than an .xlsx report holds (4 below its header): write its report as CSV", tc.rows))
			assert.Zero(t, requests.Load())
			assert.NoFileExists(t, cfg.Report)
		})
	}
}

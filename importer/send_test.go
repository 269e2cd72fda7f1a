package importer

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/connect"
	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// TestRunKeepsOnlyAContactID: a 2xx answer that is a contact id is kept
// as one, in the report, the ledger and the log; any other 2xx answer is
// sent all the same, but the ledger and the log keep no contact id, and
// TestRunKeepsOnlyAContactID: a 2xx answer that is a contact id (a JSON
// string of letters, digits, - and _) is the lead sent, and the ledger
// keeps the id. Any other 2xx answer (a proxy's page of a MiB with
// people's names, a sentence, an object) is no contact id: the row is
// failed and unconfirmed, so that a person looks before it is sent
// again, the report shows the answer's start on one line, and neither
// the ledger nor the log keeps any of it. The next run sends it again,
// with a note.
func TestRunKeepsOnlyAContactID(t *testing.T) {
	page := "<html>\n<body>" + strings.Repeat("Anna Svensson anna0@example.se ", 40000) + "</body></html>"
	tests := []struct {
		name     string
		body     string
		response string // the first run's report's starts so
	}{
		{"an id", `"CON00000001"`, "CON00000001"},
		{"a page of a MiB", page, "<html> <body>Anna Svensson anna0@example.se Anna"},
		{"a JSON string that is not an id", `"Lead saved for Anna Svensson"`, "\"Lead saved for Anna Svensson\""},
		{"an object", `{"contactId":"CON1"}`, `{"contactId":"CON1"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.WriteString(w, tc.body)
			}))
			defer srv.Close()
			led := openLedger(t)
			input := writeInput(t, 1, nil)
			cfg := testConfig(t, input, srv.URL)
			cfg.Ledger = led
			var logs bytes.Buffer
			cfg.Log = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
			sum, err := Run(context.Background(), cfg)
			require.NoError(t, err)
			lines := readReport(t, cfg.Report)
			assert.True(t, strings.HasPrefix(lines[0]["response"], tc.response), lines[0]["response"])
			assert.LessOrEqual(t, utf8.RuneCountInString(lines[0]["response"]), 201, "200 characters and an ellipsis at most")
			assert.NotContains(t, lines[0]["response"], "\n")
			assert.NotContains(t, logs.String(), "anna0@example.se")
			assert.NotContains(t, logs.String(), "Lead saved")

			cfg2 := testConfig(t, input, srv.URL)
			cfg2.Ledger = led
			_, err = Run(context.Background(), cfg2)
			require.NoError(t, err)
			again := readReport(t, cfg2.Report)
			if tc.name == "an id" {
				require.Equal(t, 1, sum.Sent())
				assert.Equal(t, "sent", lines[0]["status"])
				assert.Equal(t, "skipped", again[0]["status"], "the ledger knows it was sent")
				assert.Equal(t, "CON00000001", again[0]["response"], "the ledger's contact id")
				return
			}
			assert.Zero(t, sum.Sent())
			assert.Equal(t, ExitRows, sum.ExitCode(nil), "a person looks: not a night's retry")
			assert.Equal(t, "failed", lines[0]["status"])
			assert.Equal(t, "1", lines[0]["attempts"], "not tried again: it may be a copy")
			assert.Contains(t, lines[0]["error"], "is a success but not a contact id")
			assert.Contains(t, lines[0]["error"], "Connect may have recorded this lead")
			assert.Equal(t, "failed", again[0]["status"], "pending in the ledger: tried again")
			assert.Contains(t, again[0]["error"], "an earlier run")
		})
	}
}

// TestRunUnansweredAttempts: an attempt whose request was written and got
// no answer may have been recorded: a lead is tried at most once more
// after one, and after a second it is left unconfirmed (pending in the
// ledger, so the next run sends it again with a note). An attempt that
// wrote nothing (a refused connection) cannot have been recorded: it
// keeps every retry, and the lead is not unconfirmed.
func TestRunUnansweredAttempts(t *testing.T) {
	refused := func(t *testing.T) string {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
		url := "http://" + ln.Addr().String()
		require.NoError(t, ln.Close())
		return url
	}
	tests := []struct {
		name     string
		reset    bool // the server reads each request and drops the connection; else nothing listens
		attempts string
		errHas   string
		note     bool // unconfirmed: the report says Connect may have it, the ledger keeps it pending
	}{
		{"reset after the request was written", true, "2", "not tried again in this run", true},
		{"connection refused", false, "5", "after 5 attempts", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if calls.Add(1) <= 5 {
					io.Copy(io.Discard, r.Body)
					dropConnection(w)
					return
				}
				io.WriteString(w, `"CON1"`)
			}))
			defer srv.Close()
			url := srv.URL
			if !tc.reset {
				url = refused(t)
			}
			led := openLedger(t)
			input := writeInput(t, 1, nil)
			cfg := testConfig(t, input, url)
			cfg.Ledger, cfg.Workers = led, 1
			_, err := Run(context.Background(), cfg)
			require.NoError(t, err)
			lines := readReport(t, cfg.Report)
			assert.Equal(t, "failed", lines[0]["status"])
			assert.Equal(t, tc.attempts, lines[0]["attempts"])
			assert.Contains(t, lines[0]["error"], tc.errHas)
			if tc.reset {
				assert.EqualValues(t, 2, calls.Load(), "one attempt after the first that may have reached Connect")
			}
			const unconfirmed = "Connect may have recorded this lead"
			if !tc.note {
				assert.NotContains(t, lines[0]["error"], unconfirmed)
			} else {
				assert.Contains(t, lines[0]["error"], unconfirmed)
			}

			cfg2 := testConfig(t, input, srv.URL)
			cfg2.Ledger = led
			calls.Store(5)
			_, err = Run(context.Background(), cfg2)
			require.NoError(t, err)
			lines = readReport(t, cfg2.Report)
			assert.Equal(t, "sent", lines[0]["status"])
			if tc.note {
				assert.Contains(t, lines[0]["error"], "earlier run's attempt is unconfirmed", "the ledger kept it pending")
			} else {
				assert.Empty(t, lines[0]["error"], "nothing reached Connect")
			}
		})
	}
}

// TestRunUnconfirmedAgainWaitsForAPerson: a lead that an earlier run left
// unconfirmed, and that gets no answer again, is tried once, not twice,
// and no longer counts as a failure that may pass: the run asks a person
// to look in Connect (exit 1) rather than the next night to send it
// again, since each such attempt may be a copy. The first time, it may
// pass (exit 3): a timeout is an outage's too.
func TestRunUnconfirmedAgainWaitsForAPerson(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		io.Copy(io.Discard, r.Body)
		dropConnection(w) // Connect may have it; the answer is lost, every time
	}))
	defer srv.Close()
	led := openLedger(t)
	input := writeInput(t, 1, nil)
	run := func() (Summary, map[string]string) {
		t.Helper()
		cfg := testConfig(t, input, srv.URL)
		cfg.Ledger, cfg.Workers = led, 1
		sum, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		return sum, readReport(t, cfg.Report)[0]
	}
	sum, line := run()
	assert.Equal(t, ExitStopped, sum.ExitCode(nil), "the first time, it may pass")
	assert.Equal(t, "2", line["attempts"])
	sum, line = run()
	assert.Equal(t, ExitRows, sum.ExitCode(nil), "the second time, a person looks")
	assert.Equal(t, "1", line["attempts"], "one attempt: each may be a copy")
	assert.Contains(t, line["error"], "as in an earlier run")
	assert.EqualValues(t, 3, calls.Load())
}

// TestRunUnconfirmedStaysPending: a lead an earlier run left unconfirmed
// stays pending when this run's attempts fail for another reason (a 503,
// which says this attempt was not recorded, but not the earlier one): the
// run after that still knows it may be in Connect, tries it once, and
// says so.
func TestRunUnconfirmedStaysPending(t *testing.T) {
	var answer atomic.Int32 // 0: drop the connection after the request; else that status
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		if st := answer.Load(); st != 0 {
			w.WriteHeader(int(st))
			return
		}
		dropConnection(w)
	}))
	defer srv.Close()
	led := openLedger(t)
	input := writeInput(t, 1, nil)
	run := func() map[string]string {
		t.Helper()
		cfg := testConfig(t, input, srv.URL)
		cfg.Ledger, cfg.Workers = led, 1
		_, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		return readReport(t, cfg.Report)[0]
	}
	assert.Equal(t, "2", run()["attempts"], "unconfirmed")
	answer.Store(http.StatusServiceUnavailable)
	assert.Equal(t, "failed", run()["status"])
	answer.Store(0)
	line := run()
	assert.Equal(t, "1", line["attempts"], "still pending: once only")
	assert.Contains(t, line["error"], "as in an earlier run")
}

// TestRunStopsWhenThrottled: a Connect that answers nothing but 429,
// each with the longest Retry-After, stops the run once that has lasted
// --max-throttle, not hours later: exit 3, the rows not reached not_sent,
// and the summary counts the 429s. An answer other than 429 starts the
// count again. The run goes on synctest's fake clock.
func TestRunStopsWhenThrottled(t *testing.T) {
	tests := []struct {
		name    string
		okEvery int // every okEvery-th request is accepted; 0: none
		stops   bool
	}{
		{"nothing but 429", 0, true},
		{"a lead accepted now and then", 3, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var calls atomic.Int32
				cfg := testConfig(t, writeInput(t, 40, nil), "")
				cfg.Client = posterFunc(func(context.Context, string, []byte) (connect.Response, error) {
					if n := calls.Add(1); tc.okEvery > 0 && n%int32(tc.okEvery) == 0 {
						return connect.Response{Status: http.StatusOK, ContactID: "CON1"}, nil
					}
					return connect.Response{}, &connect.APIError{Status: http.StatusTooManyRequests, RetryAfter: 5 * time.Minute}
				})
				cfg.Workers, cfg.Retries, cfg.MaxThrottle = 2, 4, 15*time.Minute
				start := time.Now()
				sum, err := Run(context.Background(), cfg)
				require.NoError(t, err)
				assert.EqualValues(t, int(calls.Load())-sum.Counts[status.Sent], sum.Throttled, "every 429 counted")
				var out strings.Builder
				sum.Print(&out, msg.English)
				assert.Contains(t, out.String(), fmt.Sprintf(", %d answered 429 Too Many Requests", sum.Throttled))
				var logs bytes.Buffer
				sum.Log(slog.New(slog.NewJSONHandler(&logs, nil)), false, sum.ExitCode(err))
				assert.Contains(t, logs.String(), fmt.Sprintf(`"throttled":%d`, sum.Throttled))
				if !tc.stops {
					assert.NoError(t, sum.Stopped)
					return
				}
				require.ErrorIs(t, sum.Stopped, ErrThrottled)
				assert.Equal(t, ExitStopped, sum.ExitCode(err))
				assert.LessOrEqual(t, time.Since(start), 20*time.Minute, "at most one Retry-After past --max-throttle")
				assert.Positive(t, sum.Counts[status.NotSent])
				assert.Equal(t, 40, sum.Counts[status.NotSent]+sum.Counts[status.Failed])
				lines := readReport(t, cfg.Report)
				assert.Contains(t, lines[39]["error"], "nothing but 429 Too Many Requests for 15m0s (--max-throttle 15m0s)")
			})
		})
	}
}

// TestRunStopsOnTheSameRefusal: twenty rows in a row refused with the
// same status that no row's content explains (a redirect, 404, 405) stop
// the run, saying what Connect answered: the address is wrong, and every
// further row would be refused alike. A 400 is about the row, and other
// refusals in between break the count.
func TestRunStopsOnTheSameRefusal(t *testing.T) {
	tests := []struct {
		name     string
		statuses []int // answered in turn
		estates  int   // the rows go to this many estates, by turns
		stops    string
	}{
		{"404", []int{http.StatusNotFound}, 3, "404 Not Found"},
		{"405", []int{http.StatusMethodNotAllowed}, 3, "405 Method Not Allowed"},
		{"302", []int{http.StatusFound}, 3, "302 Found"},
		{"400 is the row's", []int{http.StatusBadRequest}, 3, ""},
		{"404 and 405 by turns", []int{http.StatusNotFound, http.StatusMethodNotAllowed}, 3, ""},
		// An estate Connect does not know: its rows' own failure, and a
		// sheet of one estate is not held back for the next night.
		{"404 for one estate", []int{http.StatusNotFound}, 1, ""},
		{"404 for two estates", []int{http.StatusNotFound}, 2, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := calls.Add(1)
				w.WriteHeader(tc.statuses[int(n-1)%len(tc.statuses)])
				io.WriteString(w, `{"Message":"No HTTP resource was found that matches the request URI."}`)
			}))
			defer srv.Close()
			var in strings.Builder
			in.WriteString("Förnamn,Efternamn,E-post,Objekt\n")
			for i := range 30 {
				fmt.Fprintf(&in, "Anna,Svensson%d,anna%d@example.se,OBJ%d\n", i, i, 1+i%tc.estates)
			}
			input := filepath.Join(t.TempDir(), "in.csv")
			require.NoError(t, os.WriteFile(input, []byte(in.String()), 0o600))
			m, err := mapping.Parse(strings.NewReader("version: 1\nendpoint: FinalPriceWatched\ncolumns:\n  Förnamn: person.firstName\n"+
				"  Efternamn: person.lastName\n  E-post: person.email.emailAddress\n  Objekt: estateId\nconstants:\n  customerId: M1001\n"), "mapping.yaml")
			require.NoError(t, err)
			cfg := testConfig(t, input, srv.URL)
			cfg.Mappings, cfg.Workers = []*mapping.Mapping{m}, 1
			sum, err := Run(context.Background(), cfg)
			require.NoError(t, err)
			if tc.stops == "" {
				assert.NoError(t, sum.Stopped)
				assert.Equal(t, 30, sum.Counts[status.Failed])
				assert.Equal(t, ExitRows, sum.ExitCode(err))
				return
			}
			require.ErrorIs(t, sum.Stopped, ErrSameRefusal)
			assert.Equal(t, ExitStopped, sum.ExitCode(err))
			assert.EqualValues(t, 20, calls.Load(), "no request after the twentieth refusal")
			assert.Equal(t, 20, sum.Counts[status.Failed])
			assert.Equal(t, 10, sum.Counts[status.NotSent])
			var out strings.Builder
			sum.Print(&out, msg.English)
			assert.Contains(t, out.String(), "Connect refused 20 rows in a row with the same answer, which no row's content explains: "+
				tc.stops+": No HTTP resource was found that matches the request URI.; check --base-url and the mapping's endpoint")
		})
	}
}

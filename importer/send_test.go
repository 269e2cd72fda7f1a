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
)

// TestRunKeepsOnlyAContactID: a 2xx answer that is a contact id is kept
// as one, in the report, the ledger and the log; any other 2xx answer is
// sent all the same, but the ledger and the log keep no contact id, and
// the report shows its start on one line, far below a cell's limit.
func TestRunKeepsOnlyAContactID(t *testing.T) {
	page := "<html>\n<body>" + strings.Repeat("Anna Svensson anna0@example.se ", 40000) + "</body></html>"
	tests := []struct {
		name     string
		body     string
		response string // the first run's report's starts so
		ledger   string // the contact id the ledger kept
	}{
		{"an id", `"CON00000001"`, "CON00000001", "CON00000001"},
		{"a page of a MiB", page, "<html> <body>Anna Svensson anna0@example.se Anna", ""},
		{"a JSON string that is not an id", `"Lead saved for Anna Svensson"`, "\"Lead saved for Anna Svensson\"", ""},
		{"an object", `{"contactId":"CON1"}`, `{"contactId":"CON1"}`, ""},
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
			require.Equal(t, 1, sum.Sent(), "the lead reached Connect")
			lines := readReport(t, cfg.Report)
			assert.Equal(t, "sent", lines[0]["status"])
			assert.True(t, strings.HasPrefix(lines[0]["response"], tc.response), lines[0]["response"])
			assert.LessOrEqual(t, utf8.RuneCountInString(lines[0]["response"]), 201, "200 characters and an ellipsis at most")
			assert.NotContains(t, lines[0]["response"], "\n")
			assert.NotContains(t, logs.String(), "anna0@example.se")

			cfg2 := testConfig(t, input, srv.URL)
			cfg2.Ledger = led
			_, err = Run(context.Background(), cfg2)
			require.NoError(t, err)
			lines = readReport(t, cfg2.Report)
			assert.Equal(t, "skipped", lines[0]["status"], "the ledger knows it was sent")
			assert.Equal(t, tc.ledger, lines[0]["response"], "the ledger's contact id")
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
		stops    string
	}{
		{"404", []int{http.StatusNotFound}, "404 Not Found"},
		{"405", []int{http.StatusMethodNotAllowed}, "405 Method Not Allowed"},
		{"302", []int{http.StatusFound}, "302 Found"},
		{"400 is the row's", []int{http.StatusBadRequest}, ""},
		{"404 and 405 by turns", []int{http.StatusNotFound, http.StatusMethodNotAllowed}, ""},
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
			cfg := testConfig(t, writeInput(t, 30, nil), srv.URL)
			cfg.Workers = 1
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

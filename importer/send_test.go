package importer

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

package web

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer"
	"leadimport/importer/ledger"
	"leadimport/importer/msg"
)

// Stop and events on an import not sent show it as it is while PUT
// …/input reads it again: under its lock (go test -race finds it
// otherwise).
func TestStopAndEventsWhileInputChanges(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	var wg sync.WaitGroup
	for range 10 {
		for _, req := range []struct{ method, path, body string }{
			{"PUT", "/input", `{"headerRow": 3}`},
			{"POST", "/stop", ""},
			{"GET", "/events", ""},
		} {
			wg.Go(func() {
				var body io.Reader
				if req.body != "" {
					body = strings.NewReader(req.body)
				}
				resp := h.do(req.method, "/api/imports/"+v.ID+req.path, body, "application/json")
				io.Copy(io.Discard, resp.Body)
			})
		}
	}
	wg.Wait()
}

// A check whose request went away (the page reloaded) is not kept as the
// import's check: its counts would be a part of the sheet's.
func TestCancelledCheckIsNotKept(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	u := h.srv.imports[v.ID]
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	u.mu.Lock()
	_, err := h.srv.runCheck(ctx, u, msg.English)
	checked := u.checked
	u.mu.Unlock()
	assert.Error(t, err)
	assert.Nil(t, checked)
	// The send checks again, all of it.
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, nil)
	assert.Equal(t, 16, h.waitEnd(v.ID).Counts["sent"])
}

// Once sent, the sheet and its check are gone: its rows are 409, sent
// already, not a 500 with the server's folder in it.
func TestRowsAfterSendAreSentAlready(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/check", nil, ""), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, nil)
	require.Equal(t, "done", h.waitEnd(v.ID).State)
	var e apiError
	decode(t, h.do("GET", "/api/imports/"+v.ID+"/rows", nil, ""), http.StatusConflict, &e)
	assert.Equal(t, msg.English.Say(msg.WebSentAlready{}), e.Error)
}

// A send asked for once the server is closed (between Close and the
// HTTP server's Shutdown) is refused, 503: nobody would wait for it.
func TestNoSendAfterClose(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	require.NoError(t, h.srv.Close())
	var e apiError
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusServiceUnavailable, &e)
	assert.Equal(t, msg.English.Say(msg.WebStopping{}), e.Error)
	assert.Empty(t, h.record.String(), "nothing sent")
}

// ?limit=0 (or none, or nonsense) lists the last 20 runs, not the whole
// ledger.
func TestHistoryLimitZeroIsTheDefault(t *testing.T) {
	h := newHarness(t)
	led, err := importer.OpenLedger(h.ledger, nil, ledger.Create)
	require.NoError(t, err)
	for i := range 25 {
		_, err := led.Refused(ledger.RunInfo{Command: "run", PID: 1, Started: time.Unix(int64(i), 0)}, 3, "test", time.Unix(int64(i), 0))
		require.NoError(t, err)
	}
	require.NoError(t, led.Close())
	for _, q := range []string{"", "?limit=0", "?limit=-1", "?limit=x"} {
		var hist struct {
			Runs []historyRun `json:"runs"`
		}
		decode(t, h.do("GET", "/api/history"+q, nil, ""), http.StatusOK, &hist)
		assert.Len(t, hist.Runs, 20, q)
	}
}

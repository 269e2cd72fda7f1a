package web

import (
	"io"
	"strings"
	"sync"
	"testing"
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

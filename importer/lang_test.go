package importer

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/importer/status"
)

// TestRunSaysRowsInSwedish: what the importer says of a row (a failure
// after retries, a run stopped, an interruption) reaches a Swedish report
// in Swedish, each message inside another too; Connect's own words stay
// as they are.
func TestRunSaysRowsInSwedish(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte("oops"))
	}))
	defer srv.Close()
	interrupted, interrupt := context.WithCancelCause(context.Background())
	interrupt(msg.Error(msg.Interrupted{}))

	tests := []struct {
		name   string
		ctx    context.Context
		url    string
		errors map[status.Status]string // a row's error column, by its status
	}{
		{"Connect down", context.Background(), srv.URL, map[status.Status]string{
			status.Invalid: "Efternamn: krävs",
			status.Failed:  "500 Internal Server Error: oops (efter 2 försök)",
			status.NotSent: "inte skickad: Connect verkar vara nere: 2 rader i rad misslyckades trots nya försök (--max-failures 2); kör igen senare, eller höj --max-failures",
		}},
		{"check interrupted", interrupted, "", map[status.Status]string{
			status.Invalid: "Efternamn: krävs",
			status.NotSent: "inte kontrollerad: avbruten",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := testConfig(t, writeInput(t, 6, func(i int) bool { return i == 0 }), tc.url)
			cfg.Lang, cfg.Workers, cfg.Retries, cfg.MaxFailures = msg.Swedish, 1, 1, 2
			_, err := Run(tc.ctx, cfg)
			require.NoError(t, err)
			said := map[status.Status]string{}
			for _, l := range readReport(t, cfg.Report) {
				st := status.Status(l["status"])
				if _, ok := said[st]; !ok {
					said[st] = l["error"]
				}
			}
			assert.Equal(t, tc.errors, said)
		})
	}
}

package importer

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/importer/sandbox"
	"leadimport/mapping"
)

// interestMapping maps writeInput's columns to an interest registration.
const interestMapping = `version: 1
endpoint: Interest
columns:
  Förnamn: firstName
  Efternamn: lastName
  Personnummer: socialSecurityNumber
  E-post: email.emailAddress
  Mobil: telephone.cell
constants:
  customerId: M1001
  estateId: OBJ1
  status: VeryInterested
`

func parseInterestMapping(t *testing.T) *mapping.Mapping {
	t.Helper()
	m, err := mapping.Parse(strings.NewReader(interestMapping), "interest.yaml")
	require.NoError(t, err)
	return m
}

// TestRunInterestAnswers: an interest registration goes to Connect's
// .../interest route with its flat body. Connect's 204 without a body is
// the lead sent: the report's response column says so in words, in the
// report's language, and so does a later run's, which the ledger skips.
// A success of any other shape is not Connect's answer to that call (the
// row is failed and unconfirmed, as for FinalPriceWatched), and a refusal
// names the flat body's fields.
func TestRunInterestAnswers(t *testing.T) {
	tests := []struct {
		name         string
		lang         msg.Lang
		reply        func(w http.ResponseWriter)
		wantStatus   string
		wantResponse string
		wantError    string // contained in the error column
	}{
		{name: "204", reply: answer(http.StatusNoContent, nil, ""),
			wantStatus: "sent", wantResponse: "204: accepted, no body"},
		{name: "204, a Swedish report", lang: msg.Swedish, reply: answer(http.StatusNoContent, nil, ""),
			wantStatus: "sent", wantResponse: "204: mottaget, svar utan innehåll"},
		{name: "200 with a contact id", reply: answer(http.StatusOK, nil, `"CON7"`),
			wantStatus: "sent", wantResponse: "CON7"},
		{name: "200 with a page", reply: answer(http.StatusOK, nil, "<html>Welcome</html>"),
			wantStatus: "failed", wantResponse: "<html>Welcome</html>",
			wantError: "the answer, 200, is a success but not the 204 without a body that Connect gives for an interest registration"},
		{name: "200 without a body", reply: answer(http.StatusOK, nil, ""),
			wantStatus: "failed", wantError: "not the 204 without a body"},
		{name: "400 with the flat body's fields", reply: answer(http.StatusBadRequest, nil,
			`{"Message":"The request is invalid.","ModelState":{"interest.Status":["Ogiltig status"]}}`),
			wantStatus: "failed", wantResponse: `{"Message":"The request is invalid.","ModelState":{"interest.Status":["Ogiltig status"]}}`,
			wantError: "400 Bad Request: The request is invalid. (status: Ogiltig status)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var (
				mu     sync.Mutex
				paths  []string
				bodies []string
			)
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				mu.Lock()
				paths, bodies = append(paths, r.URL.Path), append(bodies, string(b))
				mu.Unlock()
				tt.reply(w)
			}))
			defer srv.Close()
			led := openLedger(t)
			input := writeInput(t, 1, nil)
			cfg := testConfig(t, input, srv.URL)
			cfg.Mappings, cfg.Ledger, cfg.Lang = []*mapping.Mapping{parseInterestMapping(t)}, led, tt.lang
			_, err := Run(context.Background(), cfg)
			require.NoError(t, err)

			require.Equal(t, []string{"/Advertising/Estate/M1001/OBJ1/interest"}, paths, "one attempt, at the interest route")
			assert.JSONEq(t, `{"firstName":"Anna","lastName":"Svensson0","email":{"emailAddress":"anna0@example.se"},`+
				`"telephone":{"cell":"+46701234567"},"status":"VeryInterested"}`, bodies[0], "the flat body")
			line := readReport(t, cfg.Report)[0]
			assert.Equal(t, tt.wantStatus, line["status"])
			assert.Equal(t, tt.wantResponse, line["response"])
			if tt.wantError == "" {
				assert.Empty(t, line["error"])
			} else {
				assert.Contains(t, line["error"], tt.wantError)
			}
			if tt.wantStatus != "sent" {
				return
			}

			again := testConfig(t, input, srv.URL)
			again.Mappings, again.Ledger, again.Lang = cfg.Mappings, led, tt.lang
			_, err = Run(context.Background(), again)
			require.NoError(t, err)
			assert.Len(t, paths, 1, "not sent again")
			line = readReport(t, again.Report)[0]
			assert.Equal(t, "skipped", line["status"])
			assert.Equal(t, tt.wantResponse, line["response"], "the ledger's answer")
		})
	}
}

// TestRunFinalPriceWatchedNoContent: a 204 is no answer of
// FinalPriceWatched's, which gives a contact id: the row stays failed and
// unconfirmed, as before there was an interest call.
func TestRunFinalPriceWatchedNoContent(t *testing.T) {
	srv := httptest.NewServer(answerAlways(http.StatusNoContent))
	defer srv.Close()
	cfg := testConfig(t, writeInput(t, 1, nil), srv.URL)
	cfg.Ledger = openLedger(t)
	_, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	line := readReport(t, cfg.Report)[0]
	assert.Equal(t, "failed", line["status"])
	assert.Contains(t, line["error"], "the answer, 204, is a success but not a contact id")
}

func answerAlways(status int) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(status) }
}

// TestRunKeepsEndpointsApart: the same rows sent as FinalPriceWatched
// leads and as interest registrations, for the same people and estate,
// are two leads each in the ledger: both are sent, each once, and a
// rerun of either skips its own. End to end through the sandbox, which
// records each lead once, under its endpoint.
func TestRunKeepsEndpointsApart(t *testing.T) {
	var record syncRecord
	sb := &sandbox.Server{Username: "user", Password: "secret", Record: &record}
	srv := httptest.NewServer(sb)
	defer srv.Close()
	led := openLedger(t)
	input := writeInput(t, 2, nil)

	run := func(m *mapping.Mapping) []map[string]string {
		t.Helper()
		cfg := testConfig(t, input, srv.URL)
		cfg.Mappings, cfg.Ledger = []*mapping.Mapping{m}, led
		_, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		return readReport(t, cfg.Report)
	}
	statuses := func(lines []map[string]string) []string {
		var out []string
		for _, l := range lines {
			out = append(out, l["status"])
		}
		return out
	}
	finalPrice, interest := parseMapping(t), parseInterestMapping(t)

	assert.Equal(t, []string{"sent", "sent"}, statuses(run(finalPrice)))
	assert.Equal(t, []string{"sent", "sent"}, statuses(run(interest)), "not the FinalPriceWatched leads")
	assert.Equal(t, []string{"skipped", "skipped"}, statuses(run(finalPrice)))
	again := run(interest)
	assert.Equal(t, []string{"skipped", "skipped"}, statuses(again))
	assert.Equal(t, "204: accepted, no body", again[0]["response"])

	byEndpoint := map[string][]string{}
	for line := range strings.SplitSeq(strings.TrimSpace(record.String()), "\n") {
		var rec sandbox.RecordLine
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		assert.Equal(t, "M1001", rec.CustomerID)
		assert.Equal(t, "OBJ1", rec.EstateID)
		var email string
		switch rec.Endpoint {
		case mapping.EndpointFinalPriceWatched:
			b, err := rec.FinalPriceWatched()
			require.NoError(t, err)
			email = b.Person.Email.EmailAddress
		case mapping.EndpointInterest:
			b, err := rec.Interest()
			require.NoError(t, err)
			assert.Equal(t, "VeryInterested", b.Status)
			email = b.Email.EmailAddress
		}
		byEndpoint[rec.Endpoint] = append(byEndpoint[rec.Endpoint], email)
	}
	for _, emails := range byEndpoint {
		slices.Sort(emails) // sent by several workers
	}
	both := []string{"anna0@example.se", "anna1@example.se"}
	assert.Equal(t, map[string][]string{"FinalPriceWatched": both, "Interest": both}, byEndpoint,
		"each lead once, under its endpoint")

	runs, err := led.History(0)
	require.NoError(t, err)
	var endpoints [][]string
	for _, r := range runs {
		endpoints = append(endpoints, r.Endpoints)
	}
	assert.Equal(t, [][]string{{"Interest"}, {"FinalPriceWatched"}, {"Interest"}, {"FinalPriceWatched"}}, endpoints,
		"each run's endpoint, newest first")
}

// syncRecord is a sandbox's record, written by its handlers while the
// test reads it.
type syncRecord struct {
	mu sync.Mutex
	b  strings.Builder
}

func (r *syncRecord) Write(p []byte) (int, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.b.Write(p)
}

func (r *syncRecord) String() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.b.String()
}

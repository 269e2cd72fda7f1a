package sandbox

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/mapping"
)

const (
	testUser     = "demo"
	testPassword = "pw-Kx8qR2mZ"
	validBody    = `{"person":{"firstName":"Tolvan","lastName":"Tolvansson","email":{"emailAddress":"tolvan@example.com"}},"prospectiveBuyerStatus":"Interested"}`
)

var fixedNow = time.Date(2026, 10, 4, 9, 30, 0, 0, time.UTC)

func leadURL(customer, estate string) string {
	return "/Advertising/Estate/" + customer + "/" + estate + "/FinalPriceWatched"
}

// answer is a decoded error body.
type answer struct {
	Message    string
	ModelState map[string][]string
}

func TestServeHTTP(t *testing.T) {
	tests := []struct {
		name        string
		customers   []string
		estates     []string
		method      string // POST when empty
		path        string // leadURL("M1234", "OBJ1") when empty
		noAuth      bool
		user, pass  string // testUser, testPassword when empty
		contentType string // application/json when empty
		body        string // validBody when empty
		wantStatus  int
		wantMessage string // prefix of Message
		wantState   map[string][]string
		wantHeader  map[string]string
	}{
		{name: "accepted", wantStatus: 200},
		{name: "accepted with charset and no status", contentType: "application/json; charset=utf-8",
			body: `{"person":{"firstName":"Tolvan","lastName":"Tolvansson","telephone":{"cell":"070-1740605"}}}`, wantStatus: 200},
		{name: "listed customer", customers: []string{"X9"}, path: leadURL("X9", "E1"), wantStatus: 200},

		{name: "no credentials", noAuth: true, wantStatus: 401,
			wantMessage: "Authorization has been denied for this request.",
			wantHeader:  map[string]string{"WWW-Authenticate": `Basic realm="Connect sandbox", charset="UTF-8"`}},
		{name: "wrong password", pass: "nope", wantStatus: 401, wantMessage: "Authorization has been denied"},
		{name: "password prefix", pass: testPassword[:4], wantStatus: 401},
		{name: "wrong user", user: "someone", wantStatus: 401},
		{name: "credentials before routing", noAuth: true, path: "/nothing/here", wantStatus: 401},

		{name: "unknown path", path: "/Advertising/Estate/M1/E1/Valuation", wantStatus: 404,
			wantMessage: "No HTTP resource was found that matches the request URI 'http://example.com/Advertising/Estate/M1/E1/Valuation'."},
		{name: "interest spelt as the endpoint, not the route", path: "/Advertising/Estate/M1/E1/Interest", wantStatus: 404},
		{name: "root", path: "/", wantStatus: 404, wantMessage: "No HTTP resource was found"},
		{name: "GET on the route", method: http.MethodGet, wantStatus: 405,
			wantMessage: "The requested resource does not support http method 'GET'.",
			wantHeader:  map[string]string{"Allow": "POST"}},
		{name: "PUT on the route", method: http.MethodPut, wantStatus: 405},

		{name: "customer with a foreign prefix", path: leadURL("X1234", "OBJ1"), wantStatus: 403,
			wantMessage: "The user has no access to customer 'X1234'"},
		{name: "lower-case prefix", path: leadURL("m1234", "OBJ1"), wantStatus: 403},
		{name: "customer not listed", customers: []string{"M1"}, path: leadURL("M2", "E1"), wantStatus: 403},
		{name: "each documented prefix is allowed", path: leadURL("G77", "E1"), wantStatus: 200},
		{name: "a placeholder customer", path: leadURL("M0000", "OBJ1"), wantStatus: 403,
			wantMessage: "The user has no access to customer 'M0000'"},
		{name: "a placeholder customer, listed", customers: []string{"M0000"}, path: leadURL("M0000", "OBJ1"), wantStatus: 403},
		{name: "a placeholder estate", path: leadURL("M1234", "OBJ0000"), wantStatus: 403,
			wantMessage: "The user has no access to estate 'OBJ0000' of customer 'M1234'."},
		{name: "a TODO estate", path: leadURL("M1234", "TODO"), wantStatus: 403},
		{name: "listed estate", estates: []string{"OBJ7"}, path: leadURL("M1234", "OBJ7"), wantStatus: 200},
		{name: "estate not listed", estates: []string{"OBJ7"}, path: leadURL("M1234", "OBJ8"), wantStatus: 403},

		{name: "text content type", contentType: "text/plain", wantStatus: 415, wantMessage: "The request entity's media type 'text/plain'"},
		{name: "form content type", contentType: "application/x-www-form-urlencoded", wantStatus: 415},
		{name: "body too large", body: `{"message":"` + strings.Repeat("x", maxBody) + `"}`, wantStatus: 413},
		{name: "not JSON", body: `person=Tolvan`, wantStatus: 400, wantMessage: "The request body is not valid JSON"},
		{name: "empty body", body: " ", wantStatus: 400, wantMessage: "The request body is not valid JSON"},
		{name: "trailing garbage", body: validBody + "x", wantStatus: 400, wantMessage: "The request body is not valid JSON"},

		{name: "no person", body: `{"message":"hej"}`, wantStatus: 400, wantMessage: "The request is invalid.",
			wantState: map[string][]string{"application.Person": {"En kontaktperson måste anges"}}},
		{name: "null person and a bad status", body: `{"person":null,"prospectiveBuyerStatus":"Maybe"}`, wantStatus: 400,
			wantState: map[string][]string{
				"application.Person":                 {"En kontaktperson måste anges"},
				"application.ProspectiveBuyerStatus": {"ProspectiveBuyerStatus must be Assigned, Interested or NotInterested"},
			}},
		{name: "JSON null body", body: `null`, wantStatus: 400,
			wantState: map[string][]string{"application.Person": {"En kontaktperson måste anges"}}},
		{name: "empty person", body: `{"person":{}}`, wantStatus: 400,
			wantState: map[string][]string{
				"application.Person.FirstName": {"Förnamn krävs"},
				"application.Person.LastName":  {"Efternamn krävs"},
				"application.Person":           {"Epostadress, telefonnummer eller mobilnummer måste anges"},
			}},
		{name: "no way to reach the person", body: `{"person":{"firstName":"Tolvan","lastName":"Tolvansson","email":{},"telephone":{}}}`, wantStatus: 400,
			wantState: map[string][]string{"application.Person": {"Epostadress, telefonnummer eller mobilnummer måste anges"}}},
		{name: "too long", wantStatus: 400,
			body: `{"person":{"firstName":"` + strings.Repeat("Å", 41) + `","lastName":"T","email":{"emailAddress":"` + strings.Repeat("a", 101) + `"},"address":{"city":"` + strings.Repeat("c", 26) + `"}}}`,
			wantState: map[string][]string{
				"application.Person.FirstName":          {"FirstName is 41 characters, at most 40 allowed"},
				"application.Person.Email.EmailAddress": {"EmailAddress is 101 characters, at most 100 allowed"},
				"application.Person.Address.City":       {"City is 26 characters, at most 25 allowed"},
			}},
		{name: "wrong JSON type", body: `{"person":{"firstName":5,"lastName":"T","email":{"emailAddress":"a@b.se"}}}`, wantStatus: 400,
			wantMessage: "The request is invalid.",
			wantState:   map[string][]string{"application.Person.FirstName": {"Expected a string, got a JSON number."}}},
		{name: "array body", body: `[]`, wantStatus: 400,
			wantState: map[string][]string{"application": {"Expected an object, got a JSON array."}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec bytes.Buffer
			s := &Server{Username: testUser, Password: testPassword, Customers: tt.customers, Estates: tt.estates,
				Record: &rec, Now: func() time.Time { return fixedNow }}
			method, path, body, ct := tt.method, tt.path, tt.body, tt.contentType
			if method == "" {
				method = http.MethodPost
			}
			if path == "" {
				path = leadURL("M1234", "OBJ1")
			}
			if body == "" {
				body = validBody
			}
			if ct == "" {
				ct = "application/json"
			}
			req := httptest.NewRequest(method, path, strings.NewReader(body))
			req.Header.Set("Content-Type", ct)
			if !tt.noAuth {
				user, pass := testUser, testPassword
				if tt.user != "" {
					user = tt.user
				}
				if tt.pass != "" {
					pass = tt.pass
				}
				req.SetBasicAuth(user, pass)
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, req)

			require.Equal(t, tt.wantStatus, w.Code, "body: %s", w.Body)
			assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
			for k, v := range tt.wantHeader {
				assert.Equal(t, v, w.Header().Get(k), k)
			}
			if tt.wantStatus == http.StatusOK {
				var id string
				require.NoError(t, json.Unmarshal(w.Body.Bytes(), &id), "a JSON string: %s", w.Body)
				assert.Equal(t, "CON00000001", id)
				assert.Equal(t, 1, s.Accepted())
				assert.Equal(t, 1, strings.Count(rec.String(), "\n"))
				return
			}
			assert.Zero(t, s.Accepted())
			assert.Empty(t, rec.String(), "nothing recorded for a refused lead")
			var a answer
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &a), "a JSON error: %s", w.Body)
			assert.NotEmpty(t, a.Message)
			assert.True(t, strings.HasPrefix(a.Message, tt.wantMessage), "message %q", a.Message)
			assert.Equal(t, tt.wantState, a.ModelState)
			assert.NotContains(t, w.Body.String(), testPassword)
		})
	}
}

func TestEmptyPasswordLetsNoOneIn(t *testing.T) {
	s := &Server{Username: "demo"}
	req := httptest.NewRequest(http.MethodPost, leadURL("M1", "E1"), strings.NewReader(validBody))
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth("demo", "")
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	assert.Equal(t, http.StatusUnauthorized, w.Code)
}

func TestRecordLines(t *testing.T) {
	var rec bytes.Buffer
	s := &Server{Username: testUser, Password: testPassword, Record: &rec, Now: func() time.Time { return fixedNow }}
	srv := httptest.NewServer(s)
	defer srv.Close()

	leads := []struct {
		customer, estate, escaped string
		body                      string
	}{
		{"M1234", "OBJ1_5", "OBJ1_5", validBody},
		{"S77", "OBJ/7 b", "OBJ%2F7%20b", `{"person":{"firstName":"Åsa","lastName":"Ek","telephone":{"cell":"0701740605"}},"marketing":{"referrer":"hemnet","utmTags":[{"name":"utm_source","value":"x"}]},"message":"Ring efter 17"}`},
		{"T1", "E2", "E2", `{"person":{"firstName":"Bo","lastName":"Ek","email":{"emailAddress":"bo@example.com"},"unknownField":1}}`},
	}
	var ids []string
	for _, l := range leads {
		req, err := http.NewRequest(http.MethodPost, srv.URL+leadURL(l.customer, l.escaped), strings.NewReader(l.body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.SetBasicAuth(testUser, testPassword)
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
		var id string
		require.NoError(t, json.Unmarshal(b, &id))
		ids = append(ids, id)
	}
	assert.Equal(t, []string{"CON00000001", "CON00000002", "CON00000003"}, ids)
	assert.Equal(t, 3, s.Accepted())

	lines := strings.Split(strings.TrimSuffix(rec.String(), "\n"), "\n")
	require.Len(t, lines, len(leads))
	for i, line := range lines {
		var got RecordLine
		require.NoError(t, json.Unmarshal([]byte(line), &got), line)
		var want mapping.FinalPriceWatched
		require.NoError(t, json.Unmarshal([]byte(leads[i].body), &want))
		body, err := got.FinalPriceWatched()
		require.NoError(t, err)
		assert.Equal(t, want, body)
		assert.NotContains(t, string(got.Lead), "unknownField", "the body as the sandbox read it")
		got.Lead = nil
		assert.Equal(t, RecordLine{
			Time:       "2026-10-04T09:30:00Z",
			CustomerID: leads[i].customer,
			EstateID:   leads[i].estate,
			Endpoint:   "FinalPriceWatched",
			ContactID:  ids[i],
		}, got)
		// The line's keys are the documented ones.
		var keys map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(line), &keys))
		for _, k := range []string{"time", "customerId", "estateId", "endpoint", "contactId", "lead"} {
			assert.Contains(t, keys, k)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRecordFailureIsNotAccepted(t *testing.T) {
	s := &Server{Username: testUser, Password: testPassword, Record: failingWriter{}}
	req := httptest.NewRequest(http.MethodPost, leadURL("M1", "E1"), strings.NewReader(validBody))
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth(testUser, testPassword)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	assert.Equal(t, http.StatusInternalServerError, w.Code)
	assert.Zero(t, s.Accepted())
}

func TestConcurrentLeads(t *testing.T) {
	const workers, each = 16, 25
	// bytes.Buffer is not safe for concurrent use: the race detector
	// catches any write made outside the server's lock.
	var rec bytes.Buffer
	s := &Server{Username: testUser, Password: testPassword, Record: &rec}
	srv := httptest.NewServer(s)
	defer srv.Close()

	var (
		mu  sync.Mutex
		ids = map[string]bool{}
		wg  sync.WaitGroup
	)
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				req, err := http.NewRequest(http.MethodPost, srv.URL+leadURL("M1", fmt.Sprintf("E%d-%d", w, i)), strings.NewReader(validBody))
				if err != nil {
					errs <- err
					return
				}
				req.Header.Set("Content-Type", "application/json")
				req.SetBasicAuth(testUser, testPassword)
				resp, err := srv.Client().Do(req)
				if err != nil {
					errs <- err
					return
				}
				b, _ := io.ReadAll(resp.Body)
				_ = resp.Body.Close()
				var id string
				if resp.StatusCode != http.StatusOK || json.Unmarshal(b, &id) != nil {
					errs <- fmt.Errorf("status %d: %s", resp.StatusCode, b)
					return
				}
				mu.Lock()
				ids[id] = true
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Len(t, ids, workers*each, "every contact id is unique")
	assert.Equal(t, workers*each, s.Accepted())

	sc := bufio.NewScanner(&rec)
	estates := map[string]bool{}
	n := 0
	for sc.Scan() {
		var line RecordLine
		require.NoError(t, json.Unmarshal(sc.Bytes(), &line), "a whole line: %s", sc.Text())
		assert.True(t, ids[line.ContactID], "recorded id %s was answered", line.ContactID)
		estates[line.EstateID] = true
		n++
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, workers*each, n)
	assert.Len(t, estates, workers*each)
}

func TestGeneratePassword(t *testing.T) {
	urlSafe := regexp.MustCompile(`^[A-Za-z0-9_-]{24}$`)
	seen := map[string]bool{}
	for range 100 {
		p := GeneratePassword()
		assert.Regexp(t, urlSafe, p)
		assert.False(t, seen[p], "repeated password")
		seen[p] = true
	}
}

func TestModelStateKey(t *testing.T) {
	tests := []struct{ param, path, want string }{
		{"application", "person.firstName", "application.Person.FirstName"},
		{"application", "person.email.emailAddress", "application.Person.Email.EmailAddress"},
		{"application", "prospectiveBuyerStatus", "application.ProspectiveBuyerStatus"},
		{"application", "", "application"},
		{"interest", "firstName", "interest.FirstName"},
		{"interest", "presentAccommodation.numberOfRooms", "interest.PresentAccommodation.NumberOfRooms"},
		{"interest", "", "interest"},
	}
	for _, tt := range tests {
		t.Run(tt.param+" "+tt.path, func(t *testing.T) {
			assert.Equal(t, tt.want, modelStateKey(tt.param, tt.path))
		})
	}
}

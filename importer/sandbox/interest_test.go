package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/mapping"
)

// validInterest is an interest registration with every kind of field.
const validInterest = `{"firstName":"Tolvan","lastName":"Tolvansson","socialSecurityNumber":"19121212-1212",` +
	`"email":{"emailAddress":"tolvan@example.com"},"telephone":{"cell":"070-1740605"},` +
	`"leadSourceId":"LS1","assignmentSourceId":"AS1","marketing":{"referrer":"visning"},` +
	`"gdprApprovalDate":"2026-11-28","presentAccommodation":{"estateType":"Bostadsrätt","livingSpace":74.5,"numberOfRooms":3.5,"price":4500000,"other":"balkong"},` +
	`"contactMessage":"Ring efter 17","status":"VeryInterested"}`

func interestURL(customer, estate string) string {
	return "/Advertising/Estate/" + customer + "/" + estate + "/interest"
}

// interestRequest is an authorised interest request for ServeHTTP.
func interestRequest(body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, interestURL("M1", "E1"), strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth(testUser, testPassword)
	return req
}

// TestServeInterest: the interest call is answered as connect-api.md
// documents it: 204 without a body for a lead it takes, recorded with its
// endpoint; 400 in ModelState's shape, keyed by the flat body's fields,
// for one Interest.Check (or decoding) refuses; the customer and estate
// checks of FinalPriceWatched.
func TestServeInterest(t *testing.T) {
	const ok = `{"firstName":"Tolvan","lastName":"Tolvansson","email":{"emailAddress":"t@example.com"}`
	tests := []struct {
		name       string
		method     string // POST when empty
		path       string // interestURL("M1234", "OBJ1") when empty
		body       string
		wantStatus int
		wantState  map[string][]string
		wantPrefix string // of Message, when there is no ModelState
	}{
		{name: "every field", body: validInterest, wantStatus: 204},
		{name: "the least", body: ok + `}`, wantStatus: 204},
		{name: "a phone instead of an e-mail address", body: `{"firstName":"T","lastName":"T","telephone":{"home":"08-123 456"}}`, wantStatus: 204},
		{name: "a number in a string, as Connect's decoder takes it", body: ok + `,"presentAccommodation":{"price":"4500000"}}`, wantStatus: 204},
		{name: "a field it does not know, ignored", body: ok + `,"unknownField":1}`, wantStatus: 204},

		{name: "empty body object", body: `{}`, wantStatus: 400, wantState: map[string][]string{
			"interest.FirstName": {"Förnamn krävs"},
			"interest.LastName":  {"Efternamn krävs"},
			"interest":           {"Epostadress, telefonnummer eller mobilnummer måste anges"},
		}},
		{name: "a FinalPriceWatched body", body: validBody, wantStatus: 400, wantState: map[string][]string{
			"interest.FirstName": {"Förnamn krävs"},
			"interest.LastName":  {"Efternamn krävs"},
			"interest":           {"Epostadress, telefonnummer eller mobilnummer måste anges"},
		}},
		{name: "no way to reach the person", body: `{"firstName":"T","lastName":"T","email":{}}`, wantStatus: 400,
			wantState: map[string][]string{"interest": {"Epostadress, telefonnummer eller mobilnummer måste anges"}}},
		{name: "too long", body: `{"firstName":"` + strings.Repeat("Å", 41) + `","lastName":"T","telephone":{"cell":"` + strings.Repeat("0", 18) + `"}}`,
			wantStatus: 400, wantState: map[string][]string{
				"interest.FirstName":      {"FirstName is 41 characters, at most 40 allowed"},
				"interest.Telephone.Cell": {"Cell is 18 characters, at most 17 allowed"},
			}},
		{name: "FinalPriceWatched's status", body: ok + `,"status":"Maybe"}`, wantStatus: 400,
			wantState: map[string][]string{"interest.Status": {"Status must be Interested, VeryInterested, Assigned or NotInterested (or Intresserad, Mycket intresserad, Anvisad, Ej intresserad)"}}},
		{name: "a Swedish status word, which only the importer reads", body: ok + `,"status":"Intresserad"}`, wantStatus: 400,
			wantState: map[string][]string{"interest.Status": {"Status must be Interested, VeryInterested, Assigned or NotInterested (or Intresserad, Mycket intresserad, Anvisad, Ej intresserad)"}}},
		{name: "a consent date as a sheet writes it", body: ok + `,"gdprApprovalDate":"28/11/2026"}`, wantStatus: 400,
			wantState: map[string][]string{"interest.GdprApprovalDate": {"GdprApprovalDate is not a date: write 2026-11-28, 28/11/2026, 28.11.2026 or 28 nov 2026, or make the cell a date cell"}}},
		{name: "numbers as Swedes write them", body: ok + `,"presentAccommodation":{"numberOfRooms":"3,5","price":"4,5 mkr","livingSpace":74}}`, wantStatus: 400,
			wantState: map[string][]string{
				"interest.PresentAccommodation.NumberOfRooms": {"NumberOfRooms is not a number"},
				"interest.PresentAccommodation.Price":         {"Price is not a number"},
			}},
		{name: "wrong JSON type", body: ok + `,"presentAccommodation":{"price":true}}`, wantStatus: 400,
			wantState: map[string][]string{"interest.PresentAccommodation.Price": {"Expected a number, got a JSON bool."}}},
		{name: "wrong JSON type for a name", body: `{"firstName":5}`, wantStatus: 400,
			wantState: map[string][]string{"interest.FirstName": {"Expected a string, got a JSON number."}}},
		{name: "not JSON", body: `firstName=Tolvan`, wantStatus: 400, wantPrefix: "The request body is not valid JSON"},

		{name: "foreign customer", path: interestURL("X1", "OBJ1"), body: validInterest, wantStatus: 403,
			wantPrefix: "The user has no access to customer 'X1'"},
		{name: "placeholder estate", path: interestURL("M1234", "OBJ0000"), body: validInterest, wantStatus: 403,
			wantPrefix: "The user has no access to estate 'OBJ0000'"},
		{name: "GET", method: http.MethodGet, body: validInterest, wantStatus: 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec bytes.Buffer
			s := &Server{Username: testUser, Password: testPassword, Record: &rec, Now: func() time.Time { return fixedNow }}
			method, path := tt.method, tt.path
			if method == "" {
				method = http.MethodPost
			}
			if path == "" {
				path = interestURL("M1234", "OBJ1")
			}
			req := httptest.NewRequest(method, path, strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			req.SetBasicAuth(testUser, testPassword)
			w := httptest.NewRecorder()
			s.ServeHTTP(w, req)

			require.Equal(t, tt.wantStatus, w.Code, "body: %s", w.Body)
			if tt.wantStatus == http.StatusNoContent {
				assert.Empty(t, w.Body.String(), "no body")
				assert.Equal(t, 1, s.Accepted())
				var line RecordLine
				require.NoError(t, json.Unmarshal(rec.Bytes(), &line))
				assert.Equal(t, "Interest", line.Endpoint)
				assert.Equal(t, "M1234", line.CustomerID)
				assert.Equal(t, "OBJ1", line.EstateID)
				assert.Empty(t, line.ContactID, "the call answers with no contact id")
				assert.NotContains(t, rec.String(), `"contactId"`)
				return
			}
			assert.Zero(t, s.Accepted())
			assert.Empty(t, rec.String(), "nothing recorded for a refused lead")
			var a answer
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &a), "a JSON error: %s", w.Body)
			assert.True(t, strings.HasPrefix(a.Message, tt.wantPrefix), "message %q", a.Message)
			assert.Equal(t, tt.wantState, a.ModelState)
		})
	}
}

// TestRecordInterest: an interest registration is recorded as the
// sandbox read it, every field, beside FinalPriceWatched's leads in the
// same file, each line naming its endpoint; only FinalPriceWatched's
// use up contact ids.
func TestRecordInterest(t *testing.T) {
	var rec bytes.Buffer
	s := &Server{Username: testUser, Password: testPassword, Record: &rec, Now: func() time.Time { return fixedNow }}
	srv := httptest.NewServer(s)
	defer srv.Close()

	post := func(path, body string) (int, string) {
		req, err := http.NewRequest(http.MethodPost, srv.URL+path, strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json; charset=utf-8")
		req.SetBasicAuth(testUser, testPassword)
		resp, err := srv.Client().Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		var b bytes.Buffer
		_, _ = b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	st, _ := post(interestURL("M1234", "OBJ1"), validInterest)
	require.Equal(t, http.StatusNoContent, st)
	st, id := post(leadURL("M1234", "OBJ1"), validBody)
	require.Equal(t, http.StatusOK, st)
	assert.Equal(t, `"CON00000001"`, id, "the first contact id: the interest call used none")
	assert.Equal(t, Stats{Requests: 2, Accepted: 2}, s.Stats())

	lines := strings.Split(strings.TrimSuffix(rec.String(), "\n"), "\n")
	require.Len(t, lines, 2)
	var first, second RecordLine
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &second))
	assert.Equal(t, mapping.EndpointInterest, first.Endpoint)
	assert.Equal(t, mapping.EndpointFinalPriceWatched, second.Endpoint)
	assert.Equal(t, "CON00000001", second.ContactID)

	got, err := first.Interest()
	require.NoError(t, err)
	want := mapping.Interest{
		Person: mapping.Person{FirstName: "Tolvan", LastName: "Tolvansson", SocialSecurityNumber: "19121212-1212",
			Email: &mapping.Email{EmailAddress: "tolvan@example.com"}, Telephone: &mapping.Telephone{Cell: "070-1740605"}},
		LeadSourceID: "LS1", AssignmentSourceID: "AS1", Marketing: &mapping.Marketing{Referrer: "visning"},
		GDPRApprovalDate: "2026-11-28",
		PresentAccommodation: &mapping.Accommodation{EstateType: "Bostadsrätt", LivingSpace: "74.5", NumberOfRooms: "3.5",
			Price: "4500000", Other: "balkong"},
		ContactMessage: "Ring efter 17", Status: "VeryInterested",
	}
	assert.Equal(t, want, got)
	assert.JSONEq(t, validInterest, string(first.Lead), "flat, as sent")
}

// TestFaultsOnInterest: the fault flags apply to the interest call as to
// FinalPriceWatched: each status, a reset, and a slow answer that comes
// after the lead was recorded.
func TestFaultsOnInterest(t *testing.T) {
	for _, tt := range []struct {
		name   string
		faults Faults
		want   int
	}{
		{"429", Faults{TooManyRequests: 1}, 429},
		{"500", Faults{InternalServerError: 1}, 500},
		{"503", Faults{ServiceUnavailable: 1}, 503},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var rec bytes.Buffer
			s := &Server{Username: testUser, Password: testPassword, Record: &rec, Faults: tt.faults, Seed: 1}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, interestRequest(validInterest))
			assert.Equal(t, tt.want, w.Code)
			assert.Empty(t, rec.String(), "an injected failure is not recorded")
			assert.Equal(t, Stats{Requests: 1, Injected: 1, ByKind: map[string]int{tt.name: 1}}, s.Stats())
		})
	}

	t.Run("reset", func(t *testing.T) {
		s := &Server{Username: testUser, Password: testPassword, Faults: Faults{Reset: 1}}
		srv := httptest.NewServer(s)
		defer srv.Close()
		req, err := http.NewRequest(http.MethodPost, srv.URL+interestURL("M1", "E1"), strings.NewReader(validInterest))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.SetBasicAuth(testUser, testPassword)
		_, err = srv.Client().Do(req)
		require.Error(t, err, "no answer")
		assert.Zero(t, s.Accepted())
	})

	t.Run("slow", func(t *testing.T) {
		var rec syncWriter
		s := &Server{Username: testUser, Password: testPassword, Record: &rec, Faults: Faults{Slow: 1}, SlowDelay: time.Minute}
		srv := httptest.NewServer(s)
		defer srv.Close()
		ctx, cancel := context.WithCancel(context.Background())
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+interestURL("M1", "E1"), strings.NewReader(validInterest))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		req.SetBasicAuth(testUser, testPassword)
		// The client gives up once the lead is recorded: the answer is
		// held for a minute, which no test waits for.
		rec.written = cancel
		_, err = srv.Client().Do(req)
		require.ErrorIs(t, err, context.Canceled)
		assert.Equal(t, 1, s.Accepted(), "accepted and recorded, then answered too late")
	})
}

// syncWriter calls written after its first Write.
type syncWriter struct {
	buf     bytes.Buffer
	written func()
}

func (w *syncWriter) Write(p []byte) (int, error) {
	n, err := w.buf.Write(p)
	if w.written != nil {
		w.written()
		w.written = nil
	}
	return n, err
}

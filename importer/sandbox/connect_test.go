package sandbox_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/connect"
	"leadimport/importer/sandbox"
)

// TestConnectClientAgainstSandbox checks that the client reads the
// sandbox's answers as it is meant to read Connect's.
func TestConnectClientAgainstSandbox(t *testing.T) {
	s := &sandbox.Server{Username: "demo", Password: "right-password"}
	srv := httptest.NewServer(s)
	defer srv.Close()

	tests := []struct {
		name       string
		password   string
		customer   string
		body       string
		wantID     string
		wantStatus int
		wantText   string
	}{
		{name: "accepted", customer: "M1",
			body:   `{"person":{"firstName":"Tolvan","lastName":"Tolvansson","email":{"emailAddress":"t@example.com"}}}`,
			wantID: "CON00000001"},
		{name: "invalid", customer: "M1",
			body:       `{"person":{"lastName":"Tolvansson","email":{"emailAddress":"t@example.com"}}}`,
			wantStatus: http.StatusBadRequest,
			wantText:   "400 Bad Request: The request is invalid. (person.FirstName: Förnamn krävs)"},
		{name: "no contact", customer: "M1",
			body:       `{"person":{"firstName":"Tolvan","lastName":"Tolvansson"}}`,
			wantStatus: http.StatusBadRequest,
			wantText:   "400 Bad Request: The request is invalid. (person: Epostadress, telefonnummer eller mobilnummer måste anges)"},
		{name: "wrong password", password: "wrong-password", customer: "M1", body: `{}`,
			wantStatus: http.StatusUnauthorized,
			wantText:   "401 Unauthorized: Connect refused the user name or password"},
		{name: "foreign customer", customer: "X1", body: `{}`,
			wantStatus: http.StatusForbidden,
			wantText:   "403 Forbidden: no access to this customer or function group (The user has no access to customer 'X1' in this function group.)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			password := "right-password"
			if tt.password != "" {
				password = tt.password
			}
			c, err := connect.New(srv.URL, "demo", password, "leadimport/test", connect.NewHTTPClient(1))
			require.NoError(t, err)
			resp, err := c.Post(context.Background(), connect.LeadPath("FinalPriceWatched", tt.customer, "E1"), []byte(tt.body))
			if tt.wantStatus == 0 {
				require.NoError(t, err)
				assert.Equal(t, tt.wantID, resp.ContactID)
				return
			}
			var apiErr *connect.APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.wantStatus, apiErr.Status)
			assert.Equal(t, tt.wantText, err.Error())
			assert.False(t, connect.Retryable(err))
		})
	}
}

// TestConnectClientSeesFaults checks that each injected fault reaches the
// client as the kind of failure it stands in for, and that all of them
// invite a retry.
func TestConnectClientSeesFaults(t *testing.T) {
	const body = `{"person":{"firstName":"Tolvan","lastName":"Tolvansson","email":{"emailAddress":"t@example.com"}}}`
	tests := []struct {
		name           string
		faults         string
		wantStatus     int           // 0: no HTTP answer
		wantRetryAfter time.Duration // for an answer
		wantDeadline   bool
		wantAccepted   int
	}{
		{name: "429", faults: "429=1", wantStatus: http.StatusTooManyRequests, wantRetryAfter: time.Second},
		{name: "503", faults: "503=1", wantStatus: http.StatusServiceUnavailable, wantRetryAfter: time.Second},
		{name: "502", faults: "502=1", wantStatus: http.StatusBadGateway},
		{name: "reset", faults: "reset=1"},
		{name: "slow", faults: "slow=1", wantDeadline: true, wantAccepted: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			faults, err := sandbox.ParseFaults(tt.faults)
			require.NoError(t, err)
			s := &sandbox.Server{Username: "demo", Password: "right-password", Faults: faults, SlowDelay: time.Minute}
			srv := httptest.NewServer(s)
			defer srv.Close()

			c, err := connect.New(srv.URL, "demo", "right-password", "leadimport/test", connect.NewHTTPClient(1))
			require.NoError(t, err)
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			_, err = c.Post(ctx, connect.LeadPath("FinalPriceWatched", "M1", "E1"), []byte(body))

			require.Error(t, err)
			assert.True(t, connect.Retryable(err), "retryable: %v", err)
			var apiErr *connect.APIError
			if tt.wantStatus != 0 {
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, tt.wantStatus, apiErr.Status)
				wait, _ := connect.RetryAfter(err)
				assert.Equal(t, tt.wantRetryAfter, wait)
			} else {
				assert.False(t, errors.As(err, &apiErr), "not an HTTP answer: %v", err)
			}
			assert.Equal(t, tt.wantDeadline, errors.Is(err, context.DeadlineExceeded), "%v", err)
			assert.Equal(t, tt.wantAccepted, s.Accepted())
		})
	}
}

// TestConnectClientAgainstSandboxInterest: the client's interest path
// reaches the sandbox's interest call, whose 204 confirms the lead, and
// whose refusals read as a user can place them: the flat body's field
// names, no parameter.
func TestConnectClientAgainstSandboxInterest(t *testing.T) {
	s := &sandbox.Server{Username: "demo", Password: "right-password"}
	srv := httptest.NewServer(s)
	defer srv.Close()
	c, err := connect.New(srv.URL, "demo", "right-password", "leadimport/test", connect.NewHTTPClient(1))
	require.NoError(t, err)

	tests := []struct {
		name, body, wantText string
	}{
		{name: "accepted", body: `{"firstName":"Tolvan","lastName":"Tolvansson","email":{"emailAddress":"t@example.com"},"status":"Interested"}`},
		{name: "invalid", body: `{"lastName":"Tolvansson","presentAccommodation":{"price":"4,5 mkr"}}`,
			wantText: "400 Bad Request: The request is invalid. (presentAccommodation.Price: Price is not a number)"},
		{name: "no name, no contact", body: `{"lastName":"Tolvansson"}`,
			wantText: "400 Bad Request: The request is invalid. (Epostadress, telefonnummer eller mobilnummer måste anges; firstName: Förnamn krävs)"},
		{name: "a FinalPriceWatched body", body: `{"person":{"firstName":"Tolvan","lastName":"Tolvansson","email":{"emailAddress":"t@example.com"}}}`,
			wantText: "400 Bad Request: The request is invalid. (Epostadress, telefonnummer eller mobilnummer måste anges; firstName: Förnamn krävs; lastName: Efternamn krävs)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := c.Post(context.Background(), connect.LeadPath("Interest", "M1", "E1"), []byte(tt.body))
			if tt.wantText == "" {
				require.NoError(t, err)
				assert.Equal(t, connect.Response{Status: http.StatusNoContent}, resp)
				assert.True(t, resp.Confirms("Interest"))
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.wantText, err.Error())
			assert.False(t, connect.Retryable(err))
		})
	}
	assert.Equal(t, 1, s.Accepted())
}

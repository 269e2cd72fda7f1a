package sandbox_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

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

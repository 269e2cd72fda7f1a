package connect

import (
	"context"
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// testPassword is distinctive so a leak into any error text is easy to find.
const testPassword = "s3cret-Pa55word-xyzzy"

func newTestClient(t *testing.T, srv *httptest.Server) *Client {
	t.Helper()
	c, err := New(srv.URL, "api-user", testPassword, "leadimport/test", NewHTTPClient(2))
	require.NoError(t, err)
	return c
}

func TestNew(t *testing.T) {
	tests := []struct {
		name     string
		baseURL  string
		user     string
		password string
		wantURL  string
		wantErr  string
	}{
		{name: "https host", baseURL: "https://connect.maklare.vitec.net", wantURL: "https://connect.maklare.vitec.net"},
		{name: "https any host", baseURL: "https://anything", wantURL: "https://anything"},
		{name: "trailing slash and prefix", baseURL: "https://gw.example.com/connect/", wantURL: "https://gw.example.com/connect/"},
		{name: "http on 127.0.0.1", baseURL: "http://127.0.0.1:8089", wantURL: "http://127.0.0.1:8089"},
		{name: "http on another loopback", baseURL: "http://127.1.2.3:8089/", wantURL: "http://127.1.2.3:8089/"},
		{name: "http on localhost", baseURL: "http://localhost", wantURL: "http://localhost"},
		{name: "http on ::1", baseURL: "http://[::1]:80", wantURL: "http://[::1]:80"},
		{name: "http elsewhere refused", baseURL: "http://example.com", wantErr: "refusing plain http to example.com"},
		{name: "http on a LAN address refused", baseURL: "http://192.168.1.10:8089", wantErr: "unencrypted"},
		{name: "localhost look-alike refused", baseURL: "http://localhost.example.com", wantErr: "refusing plain http"},
		{name: "other scheme", baseURL: "ftp://connect.example.com", wantErr: "must start with https://"},
		{name: "no scheme", baseURL: "connect.maklare.vitec.net", wantErr: "has no host"},
		{name: "query", baseURL: "https://connect.example.com/?x=1", wantErr: "query"},
		{name: "not a URL", baseURL: "https://bad host/", wantErr: "not a URL"},
		{name: "password in URL", baseURL: "https://u:" + testPassword + "@connect.example.com", wantErr: "give them separately"},
		{name: "password in a URL that does not parse", baseURL: "https://u:" + testPassword + "/x@connect.example.com", wantErr: "must not contain a user name or password"},
		{name: "no user", baseURL: "https://connect.example.com", user: "-", wantErr: "no user name"},
		{name: "colon in user", baseURL: "https://connect.example.com", user: "a:b", wantErr: "must not contain ':'"},
		{name: "no password", baseURL: "https://connect.example.com", password: "-", wantErr: "no password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			user, password := "api-user", testPassword
			if tt.user == "-" {
				user = ""
			} else if tt.user != "" {
				user = tt.user
			}
			if tt.password == "-" {
				password = ""
			}
			c, err := New(tt.baseURL, user, password, "leadimport/test", nil)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				assert.NotContains(t, err.Error(), testPassword)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantURL, c.BaseURL.String())
			assert.NotNil(t, c.HTTP)
		})
	}
}

// TestNewInSwedish: New's refusals are messages, so they can be said in
// Swedish; the URL as given and net/url's own words stay as they are.
func TestNewInSwedish(t *testing.T) {
	tests := []struct {
		name, baseURL, user string
		sv                  string
	}{
		{"plain http", "http://example.com", "u",
			"connect: vägrar okrypterad http till example.com: lösenordet skulle skickas okrypterat över nätverket; använd https (http går bara till 127.0.0.1, ::1 eller localhost)"},
		{"no host", "connect.maklare.vitec.net", "u",
			`connect: basadressen "connect.maklare.vitec.net" saknar värdnamn; väntade t.ex. https://connect.maklare.vitec.net`},
		{"not a URL", "https://bad host/", "u",
			`connect: basadressen är ingen giltig URL: invalid character " " in host name`},
		{"colon in user", "https://connect.example.com", "a:b", "connect: användarnamnet får inte innehålla ':'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.baseURL, tt.user, testPassword, "leadimport/test", nil)
			require.Error(t, err)
			assert.Equal(t, tt.sv, msg.Swedish.Error(err))
		})
	}
}

func TestNewHTTPClient(t *testing.T) {
	for _, workers := range []int{0, 1, 5, 32} {
		hc := NewHTTPClient(workers)
		tr, ok := hc.Transport.(*http.Transport)
		require.True(t, ok)
		want := max(workers, 1)
		assert.Equal(t, want, tr.MaxIdleConnsPerHost, "workers %d", workers)
		assert.Equal(t, want, tr.MaxConnsPerHost, "workers %d", workers)
		assert.False(t, tr.TLSClientConfig.InsecureSkipVerify)
		assert.True(t, tr.ForceAttemptHTTP2)
		assert.NotZero(t, tr.TLSHandshakeTimeout)
		assert.Zero(t, hc.Timeout, "per-request timeouts come from the context")
	}
}

func TestLeadPath(t *testing.T) {
	tests := []struct {
		name, endpoint, customer, estate, want string
	}{
		{"plain", "FinalPriceWatched", "M1234", "OBJ1_5", "Advertising/Estate/M1234/OBJ1_5/FinalPriceWatched"},
		{"slash and space escaped", "FinalPriceWatched", "M 1", "a/b", "Advertising/Estate/M%201/a%2Fb/FinalPriceWatched"},
		{"query characters escaped", "FinalPriceWatched", "M1?x=1", "E#1", "Advertising/Estate/M1%3Fx=1/E%231/FinalPriceWatched"},
		{"interest, spelt as Connect's route", "Interest", "M1234", "OBJ1_5", "Advertising/Estate/M1234/OBJ1_5/interest"},
		{"interest, ids escaped", "Interest", "M 1", "a/b", "Advertising/Estate/M%201/a%2Fb/interest"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, LeadPath(tt.endpoint, tt.customer, tt.estate))
		})
	}
}

// TestConfirms: which successes say that Connect recorded the lead, for
// each endpoint: a contact id for FinalPriceWatched, 204 for Interest.
func TestConfirms(t *testing.T) {
	tests := []struct {
		name          string
		resp          Response
		fpw, interest bool
	}{
		{"200 contact id", Response{Status: 200, ContactID: "CON1", Body: `"CON1"`}, true, true},
		{"204 no body", Response{Status: 204}, false, true},
		{"200 no body", Response{Status: 200}, false, false},
		{"200 a page", Response{Status: 200, Body: "<html>Welcome</html>"}, false, false},
		{"201 no body", Response{Status: 201}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.fpw, tt.resp.Confirms("FinalPriceWatched"), "FinalPriceWatched")
			assert.Equal(t, tt.interest, tt.resp.Confirms("Interest"), "Interest")
		})
	}
}

// TestPostInterest: an interest registration goes to .../interest with its
// flat body, and Connect's 204 comes back as a Response that confirms it;
// its refusals are read as FinalPriceWatched's are, a flat body's field
// keys included.
func TestPostInterest(t *testing.T) {
	const body = `{"firstName":"Tolvan","lastName":"Tolvansson","email":{"emailAddress":"t@example.com"},"status":"Interested"}`
	tests := []struct {
		name      string
		status    int
		header    map[string]string
		answer    string
		wantText  string // "" for a success
		retryable bool
	}{
		{name: "204", status: 204},
		{name: "400 flat model state", status: 400,
			answer:   `{"Message":"The request is invalid.","ModelState":{"interest.FirstName":["Förnamn krävs"],"interest.PresentAccommodation.Price":["Price is not a number"],"interest":["Epostadress, telefonnummer eller mobilnummer måste anges"]}}`,
			wantText: "400 Bad Request: The request is invalid. (Epostadress, telefonnummer eller mobilnummer måste anges; firstName: Förnamn krävs; presentAccommodation.Price: Price is not a number)"},
		{name: "400 keys without a parameter", status: 400,
			answer:   `{"Message":"The request is invalid.","ModelState":{"Status":["Ogiltig status"],"GdprApprovalDate":["Ogiltigt datum"]}}`,
			wantText: "400 Bad Request: The request is invalid. (gdprApprovalDate: Ogiltigt datum; status: Ogiltig status)"},
		{name: "401", status: 401, answer: `{"Message":"Authorization has been denied for this request."}`,
			wantText: "401 Unauthorized: Connect refused the user name or password"},
		{name: "403", status: 403, answer: `{"Message":"Access denied."}`,
			wantText: "403 Forbidden: no access to this customer or function group (Access denied.)"},
		{name: "429", status: 429, header: map[string]string{"Retry-After": "2"}, wantText: "429 Too Many Requests", retryable: true},
		{name: "500", status: 500, answer: `{"Message":"An error has occurred."}`,
			wantText: "500 Internal Server Error: An error has occurred.", retryable: true},
		{name: "503", status: 503, wantText: "503 Service Unavailable", retryable: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := make(chan string, 1)
			mux := http.NewServeMux()
			mux.HandleFunc("POST /Advertising/Estate/{customerId}/{estateId}/interest", func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				got <- string(b)
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, tt.answer)
			})
			srv := httptest.NewServer(mux)
			defer srv.Close()
			c := newTestClient(t, srv)

			resp, err := c.Post(context.Background(), LeadPath("Interest", "M1", "E1"), []byte(body))
			assert.Equal(t, body, <-got)
			if tt.wantText == "" {
				require.NoError(t, err)
				assert.Equal(t, Response{Status: 204}, resp)
				assert.True(t, resp.Confirms("Interest"))
				return
			}
			require.Error(t, err)
			assert.Equal(t, tt.wantText, err.Error())
			assert.Equal(t, tt.retryable, Retryable(err))
		})
	}
}

func TestPostSendsRequest(t *testing.T) {
	type seen struct {
		method, rawPath, customer, estate string
		header                            http.Header
		body                              string
	}
	got := make(chan seen, 1)
	mux := http.NewServeMux()
	mux.HandleFunc("/api/v1/Advertising/Estate/{customerId}/{estateId}/FinalPriceWatched",
		func(w http.ResponseWriter, r *http.Request) {
			b, _ := io.ReadAll(r.Body)
			got <- seen{r.Method, r.URL.EscapedPath(), r.PathValue("customerId"), r.PathValue("estateId"), r.Header.Clone(), string(b)}
			_, _ = io.WriteString(w, `"CON1"`)
		})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c, err := New(srv.URL+"/api/v1/", "api-user", testPassword, "leadimport/1.2.3", NewHTTPClient(1))
	require.NoError(t, err)
	body := `{"person":{"firstName":"Åsa"}}`
	resp, err := c.Post(context.Background(), LeadPath("FinalPriceWatched", "M 1", "OBJ/7"), []byte(body))
	require.NoError(t, err)
	assert.Equal(t, "CON1", resp.ContactID)

	s := <-got
	assert.Equal(t, http.MethodPost, s.method)
	assert.Equal(t, "/api/v1/Advertising/Estate/M%201/OBJ%2F7/FinalPriceWatched", s.rawPath)
	assert.Equal(t, "M 1", s.customer)
	assert.Equal(t, "OBJ/7", s.estate)
	assert.Equal(t, "Basic "+base64.StdEncoding.EncodeToString([]byte("api-user:"+testPassword)), s.header.Get("Authorization"))
	assert.Equal(t, "leadimport/1.2.3", s.header.Get("User-Agent"))
	assert.Equal(t, "application/json; charset=utf-8", s.header.Get("Content-Type"))
	assert.Equal(t, "application/json", s.header.Get("Accept"))
	assert.Equal(t, body, s.body)
}

func TestPostResponses(t *testing.T) {
	// A fixed server Date makes an HTTP-date Retry-After exact.
	serverDate := time.Date(2026, 10, 4, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		status     int
		header     map[string]string
		body       string
		want       Response  // when the call succeeds
		wantErr    *APIError // compared without Body unless set
		wantText   string
		retryable  bool
		retryAfter time.Duration
	}{
		{
			name: "200 contact id", status: 200, body: `"CON00042"`,
			want: Response{Status: 200, ContactID: "CON00042", Body: `"CON00042"`},
		},
		{
			name: "200 contact id with whitespace and escapes", status: 200, body: " \"C\\u004fN_1-2\"\n",
			want: Response{Status: 200, ContactID: "CON_1-2", Body: " \"C\\u004fN_1-2\"\n"},
		},
		{
			name: "200 string that is not an id", status: 200, body: `"<html><body>Accepted</body></html>"`,
			want: Response{Status: 200, Body: `"<html><body>Accepted</body></html>"`},
		},
		{
			name: "200 string of letters beyond ASCII", status: 200, body: `"Köp-1"`,
			want: Response{Status: 200, Body: `"Köp-1"`},
		},
		{
			name: "200 id of 64 characters", status: 200, body: `"` + strings.Repeat("C", 64) + `"`,
			want: Response{Status: 200, ContactID: strings.Repeat("C", 64), Body: `"` + strings.Repeat("C", 64) + `"`},
		},
		{
			name: "200 string too long for an id", status: 200, body: `"` + strings.Repeat("C", 65) + `"`,
			want: Response{Status: 200, Body: `"` + strings.Repeat("C", 65) + `"`},
		},
		{
			name: "200 empty string", status: 200, body: `""`,
			want: Response{Status: 200, Body: `""`},
		},
		{
			name: "200 object body", status: 200, body: `{"contactId":"X"}`,
			want: Response{Status: 200, Body: `{"contactId":"X"}`},
		},
		{
			name: "204 empty", status: 204,
			want: Response{Status: 204},
		},
		{
			name: "400 ASP.NET model state", status: 400,
			body: `{"Message":"The request is invalid.","ModelState":{"application.Person.FirstName":["Förnamn krävs"]}}`,
			wantErr: &APIError{Status: 400, Message: "The request is invalid.",
				ModelState: map[string][]string{"application.Person.FirstName": {"Förnamn krävs"}}},
			wantText: "400 Bad Request: The request is invalid. (person.FirstName: Förnamn krävs)",
		},
		{
			name: "400 lower-case keys, two fields", status: 400,
			body: `{"message":"The request is invalid.","modelState":{"application.Person":["Epostadress, telefonnummer eller mobilnummer måste anges"],"application.Person.LastName":["Efternamn krävs","too long"]}}`,
			wantErr: &APIError{Status: 400, Message: "The request is invalid.",
				ModelState: map[string][]string{
					"application.Person":          {"Epostadress, telefonnummer eller mobilnummer måste anges"},
					"application.Person.LastName": {"Efternamn krävs", "too long"},
				}},
			wantText: "400 Bad Request: The request is invalid. (person: Epostadress, telefonnummer eller mobilnummer måste anges; person.LastName: Efternamn krävs; person.LastName: too long)",
		},
		{
			name: "400 message only", status: 400, body: `{"message":"Estate not published"}`,
			wantErr:  &APIError{Status: 400, Message: "Estate not published"},
			wantText: "400 Bad Request: Estate not published",
		},
		{
			name: "400 plain text", status: 400, body: "Bad things\r\n  happened here\n",
			wantErr:  &APIError{Status: 400, Body: "Bad things\r\n  happened here\n"},
			wantText: "400 Bad Request: Bad things happened here",
		},
		{
			name: "400 long HTML trimmed", status: 400, body: "<html>" + strings.Repeat("x", 500) + "</html>",
			wantText: "400 Bad Request: <html>" + strings.Repeat("x", 194) + "…",
		},
		{
			name: "401", status: 401, body: `{"Message":"Authorization has been denied for this request."}`,
			wantErr:  &APIError{Status: 401, Message: "Authorization has been denied for this request."},
			wantText: "401 Unauthorized: Connect refused the user name or password",
		},
		{
			name: "403", status: 403, body: `{"Message":"Access denied."}`,
			wantErr:  &APIError{Status: 403, Message: "Access denied."},
			wantText: "403 Forbidden: no access to this customer or function group (Access denied.)",
		},
		{
			name: "404 empty body", status: 404,
			wantErr:  &APIError{Status: 404},
			wantText: "404 Not Found",
		},
		{
			name: "302 not followed", status: 302, header: map[string]string{"Location": "http://elsewhere.example/"},
			wantErr:  &APIError{Status: 302},
			wantText: "302 Found",
		},
		{
			name: "429 Retry-After seconds", status: 429, header: map[string]string{"Retry-After": "1"},
			wantErr:  &APIError{Status: 429, RetryAfter: time.Second},
			wantText: "429 Too Many Requests", retryable: true, retryAfter: time.Second,
		},
		{
			name: "429 Retry-After HTTP-date", status: 429,
			header: map[string]string{
				"Date":        serverDate.Format(http.TimeFormat),
				"Retry-After": serverDate.Add(30 * time.Second).Format(http.TimeFormat),
			},
			wantErr:   &APIError{Status: 429, RetryAfter: 30 * time.Second},
			retryable: true, retryAfter: 30 * time.Second,
		},
		{
			name: "429 huge Retry-After capped", status: 429, header: map[string]string{"Retry-After": "86400"},
			wantErr:   &APIError{Status: 429, RetryAfter: 5 * time.Minute},
			retryable: true, retryAfter: 5 * time.Minute,
		},
		{
			name: "500", status: 500, body: `{"Message":"An error has occurred."}`,
			wantErr:  &APIError{Status: 500, Message: "An error has occurred."},
			wantText: "500 Internal Server Error: An error has occurred.", retryable: true,
		},
		{
			name: "502", status: 502, wantErr: &APIError{Status: 502}, retryable: true,
		},
		{
			name: "503 with Retry-After", status: 503, header: map[string]string{"Retry-After": "7"},
			wantErr:  &APIError{Status: 503, RetryAfter: 7 * time.Second},
			wantText: "503 Service Unavailable", retryable: true, retryAfter: 7 * time.Second,
		},
		{
			name: "504", status: 504, wantErr: &APIError{Status: 504}, retryable: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.header {
					w.Header().Set(k, v)
				}
				w.WriteHeader(tt.status)
				_, _ = io.WriteString(w, tt.body)
			}))
			defer srv.Close()
			c := newTestClient(t, srv)

			resp, err := c.Post(context.Background(), LeadPath("FinalPriceWatched", "M1", "E1"), []byte(`{}`))
			if tt.wantErr == nil && tt.wantText == "" {
				require.NoError(t, err)
				assert.Equal(t, tt.want, resp)
				assert.False(t, Retryable(err))
				return
			}
			require.Error(t, err)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tt.status, apiErr.Status)
			assert.Equal(t, tt.body, apiErr.Body, "the raw body is always kept")
			if tt.wantErr != nil {
				want := *tt.wantErr
				want.Body = apiErr.Body
				assert.Equal(t, &want, apiErr)
			}
			if tt.wantText != "" {
				assert.Equal(t, tt.wantText, err.Error())
			}
			assert.Equal(t, tt.retryable, Retryable(err))
			d, ok := RetryAfter(err)
			assert.Equal(t, tt.retryAfter, d)
			assert.Equal(t, tt.retryAfter > 0, ok)
			assert.NotContains(t, err.Error(), testPassword)
		})
	}
}

func TestPostLargeBodyIsCapped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(500)
		_, _ = io.WriteString(w, strings.Repeat("x", 3<<20))
	}))
	defer srv.Close()
	_, err := newTestClient(t, srv).Post(context.Background(), "p", nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Len(t, apiErr.Body, 1<<20)
}

func TestPostTransportFailures(t *testing.T) {
	// hang answers only when the client gives up. It reads the body first:
	// the server notices a closed connection only once the body is read.
	hang := func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}
	tests := []struct {
		name      string
		handler   http.HandlerFunc
		ctx       func() (context.Context, context.CancelFunc)
		closed    bool // the server is gone before the request
		retryable bool
		arrived   bool // Connect may have recorded the request
		is        error
	}{
		{
			name: "dropped connection",
			handler: func(w http.ResponseWriter, r *http.Request) {
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					_ = conn.Close()
				}
			},
			retryable: true,
			arrived:   true,
		},
		{
			name: "cut off mid-response",
			handler: func(w http.ResponseWriter, r *http.Request) {
				conn, buf, err := w.(http.Hijacker).Hijack()
				if err == nil {
					_, _ = buf.WriteString("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 100\r\n\r\n{\"Mess")
					_ = buf.Flush()
					_ = conn.Close()
				}
			},
			// The status arrived: a 500 is worth another attempt.
			retryable: true,
		},
		{
			name:      "connection refused",
			closed:    true,
			retryable: true,
		},
		{
			name:    "cancelled context",
			handler: hang,
			ctx: func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				time.AfterFunc(50*time.Millisecond, cancel)
				return ctx, cancel
			},
			retryable: false,
			arrived:   true,
			is:        context.Canceled,
		},
		{
			name:    "attempt deadline",
			handler: hang,
			ctx: func() (context.Context, context.CancelFunc) {
				return context.WithTimeout(context.Background(), 50*time.Millisecond)
			},
			retryable: true,
			arrived:   true,
			is:        context.DeadlineExceeded,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(tt.handler)
			c := newTestClient(t, srv)
			if tt.closed {
				srv.Close()
			} else {
				defer srv.Close()
			}
			ctx, cancel := context.Background(), context.CancelFunc(func() {})
			if tt.ctx != nil {
				ctx, cancel = tt.ctx()
			}
			defer cancel()

			_, err := c.Post(ctx, "Advertising/Estate/M1/E1/FinalPriceWatched", []byte(`{}`))
			require.Error(t, err)
			t.Logf("error text: %v", err)
			assert.Equal(t, tt.retryable, Retryable(err), "error: %v", err)
			assert.Equal(t, tt.arrived, MayHaveArrived(err), "error: %v", err)
			if tt.is != nil {
				assert.ErrorIs(t, err, tt.is)
			}
			if !tt.closed && tt.name != "cut off mid-response" {
				var ue *url.Error
				assert.ErrorAs(t, err, &ue, "the transport's error stays reachable")
			}
			assert.NotContains(t, err.Error(), testPassword)
		})
	}
}

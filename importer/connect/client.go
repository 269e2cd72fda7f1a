// Package connect is a client for the lead calls of Vitec Express Connect.
//
// It knows URLs, Basic auth and status codes, nothing of spreadsheets:
// the caller hands it a path and a JSON body and gets back a Response or
// an error it can classify with Retryable and RetryAfter.
//
//	c, err := connect.New("https://connect.maklare.vitec.net", user, pass,
//		"leadimport/1.0", connect.NewHTTPClient(5))
//	if err != nil {
//		return err
//	}
//	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
//	defer cancel()
//	resp, err := c.Post(ctx, connect.LeadPath("FinalPriceWatched", "M1234", "OBJ1_5"), body)
//	switch {
//	case err == nil && resp.Confirms("FinalPriceWatched"):
//		fmt.Println("contact", resp.ContactID)
//	case err == nil:
//		// a success, but not Connect's: is the base URL Connect's?
//	case connect.Retryable(err):
//		wait, _ := connect.RetryAfter(err) // then try again; but if
//		// connect.MayHaveArrived(err), Connect may have recorded it already
//	default:
//		// permanent: *connect.APIError says why
//	}
//
// Post makes exactly one attempt: Connect has no idempotency key, so
// whether to send again is the caller's decision.
package connect

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"leadimport/importer/msg"
)

// maxBody caps how much of a response is read. Connect answers with a
// contact id or a short error; anything longer is not worth the memory.
const maxBody = 1 << 20

// Client posts leads to one Connect host as one user.
type Client struct {
	BaseURL   *url.URL
	Username  string
	Password  string
	UserAgent string // "leadimport/VERSION"
	HTTP      *http.Client
}

// Response is a 2xx answer.
type Response struct {
	Status int
	// ContactID is the body when it is a JSON string that looks like an
	// id (Connect's FinalPriceWatched answers with one, very likely the
	// contact's id): see ContactID; "" otherwise, as for Interest's 204.
	ContactID string
	// Body is the raw body text, at most 1 MiB.
	Body string
}

// New checks baseURL and the credentials and returns a Client. baseURL
// may carry a path prefix and a trailing slash. It must be https: Basic
// auth sends the password with every request, so plain http is only
// accepted for a loopback host (the sandbox). A nil httpClient gets
// NewHTTPClient(1).
func New(baseURL, username, password, userAgent string, httpClient *http.Client) (*Client, error) {
	u, err := parseBaseURL(baseURL)
	if err != nil {
		return nil, err
	}
	if username == "" {
		return nil, msg.Error(msg.NoUsername{})
	}
	if strings.Contains(username, ":") {
		// Basic auth joins user and password with ':'; Connect would read
		// the rest of the user name as the password.
		return nil, msg.Error(msg.ColonInUsername{})
	}
	if password == "" {
		return nil, msg.Error(msg.NoPassword{})
	}
	if userAgent == "" {
		userAgent = "leadimport"
	}
	if httpClient == nil {
		httpClient = NewHTTPClient(1)
	}
	return &Client{BaseURL: u, Username: username, Password: password,
		UserAgent: userAgent, HTTP: httpClient}, nil
}

func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		// The inner error only: url.Error quotes the whole URL, which
		// could hold a password someone pasted into it.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		if strings.Contains(raw, "@") {
			// Even the inner error quotes part of the URL ("invalid
			// port"), and before an @ that part may be a password.
			return nil, msg.Error(msg.BaseURLUnparsableSecret{})
		}
		return nil, msg.Error(msg.BaseURLUnparsable{Err: err})
	}
	if u.User != nil {
		return nil, msg.Error(msg.BaseURLUserInfo{})
	}
	if u.Host == "" || u.Opaque != "" {
		return nil, msg.Error(msg.BaseURLNoHost{URL: u.Redacted()})
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, msg.Error(msg.BaseURLQuery{URL: u.Redacted()})
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopback(u.Hostname()) {
			return nil, msg.Error(msg.PlainHTTP{Host: u.Host})
		}
	default:
		return nil, msg.Error(msg.BaseURLScheme{URL: u.Redacted()})
	}
	return u, nil
}

// isLoopback is true for localhost and loopback addresses, judged by the
// name alone: resolving would let DNS decide where the password goes.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// NewHTTPClient returns a client tuned for workers concurrent requests
// to one host. It has no overall Timeout: each attempt's context sets
// its own. It does not follow redirects: a redirected POST either loses
// its body (301–303) or carries the password somewhere the user never
// named, so a 3xx comes back as an *APIError instead.
func NewHTTPClient(workers int) *http.Client {
	if workers < 1 {
		workers = 1
	}
	dialer := &net.Dialer{
		// Long enough for a slow network, short enough that a dead host
		// fails an attempt well before the caller's per-request timeout.
		Timeout:   10 * time.Second,
		KeepAlive: 30 * time.Second,
	}
	t := &http.Transport{
		// The standard behaviour: corporate networks may need a proxy.
		Proxy:             http.ProxyFromEnvironment,
		DialContext:       dialer.DialContext,
		ForceAttemptHTTP2: true,
		// Verification stays on: the minimum version is the only change.
		TLSClientConfig:     &tls.Config{MinVersion: tls.VersionTLS12},
		TLSHandshakeTimeout: 10 * time.Second,
		// One idle connection per worker, so every worker keeps its
		// connection alive between rows instead of redialling.
		MaxIdleConns:          workers,
		MaxIdleConnsPerHost:   workers,
		MaxConnsPerHost:       workers,
		IdleConnTimeout:       90 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	return &http.Client{
		Transport: t,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
}

// interest is the interest registration's name as a mapping's
// endpoint: names it; its route is spelt otherwise.
const interest = "Interest"

// LeadPath is the path, relative to the base URL, of a lead call:
// FinalPriceWatched, or Interest (Connect's route is spelt
// .../interest). The ids are path-escaped: they come from a spreadsheet
// and may hold anything.
func LeadPath(endpoint, customerID, estateID string) string {
	route := endpoint
	if endpoint == interest {
		route = "interest"
	}
	return "Advertising/Estate/" + url.PathEscape(customerID) + "/" +
		url.PathEscape(estateID) + "/" + route
}

// Confirms reports whether r, a 2xx answer to a lead sent to endpoint,
// is the answer Connect documents for a lead it recorded:
// FinalPriceWatched answers with a contact id, Interest with 204 and no
// body (a contact id, should it ever send one, says so too). Any other
// success is a proxy's or a site's page at a wrong base URL, or an answer
// of another shape: the lead may be in Connect or not.
func (r Response) Confirms(endpoint string) bool {
	if r.ContactID != "" {
		return true
	}
	return endpoint == interest && r.NoContent()
}

// NoContent reports whether r is a 204, which has no body.
func (r Response) NoContent() bool { return r.Status == http.StatusNoContent }

// Post sends body as JSON to path (already escaped, as LeadPath gives it)
// under the base URL. It makes one attempt. A 2xx gives a Response; any
// other status an *APIError; a failure to reach Connect the transport's
// error, wrapped.
//
// Once a 2xx status has arrived, a failure to read its body is not
// reported: Connect has recorded the lead, and an error would invite a
// retry that records it twice. The Response then has what was read.
func (c *Client) Post(ctx context.Context, path string, body []byte) (Response, error) {
	if c.BaseURL == nil {
		return Response{}, msg.Error(msg.NoBaseURL{})
	}
	target := strings.TrimSuffix(c.BaseURL.String(), "/") + "/" + strings.TrimPrefix(path, "/")
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return Response{}, msg.Error(msg.BuildRequest{Path: path, Err: err})
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.UserAgent)
	req.SetBasicAuth(c.Username, c.Password)

	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	var tr attemptTrace
	req = req.WithContext(httptrace.WithClientTrace(ctx, tr.hooks()))
	resp, err := hc.Do(req)
	if err != nil {
		// *url.Error names the method and URL (which has no user info)
		// and wraps the cause, so errors.Is/As still reach it.
		return Response{}, msg.Error(msg.SendFailed{Err: err}, tr.kinds(err)...)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	// Drain a little more so a slightly long body does not cost the
	// connection; anything longer is cheaper to drop.
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))

	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return Response{Status: resp.StatusCode, ContactID: contactID(raw), Body: string(raw)}, nil
	}
	return Response{}, newAPIError(resp, raw, time.Now())
}

// maxContactID is the longest contact id taken from an answer. Connect
// documents only "a JSON string"; its ids are short codes ("CON00000001"),
// and anything longer is not one.
const maxContactID = 64

// IsContactID reports whether s, a report's response, is a contact id
// as contactID keeps one.
func IsContactID(s string) bool {
	b, _ := json.Marshal(s)
	return contactID(b) != ""
}

// contactID is raw when it is a JSON string of 1 to maxContactID ASCII
// letters, digits, '-' or '_', else "": what the ledger and the report
// keep as the contact id. A gateway's page or a message that answers 200
// is not an id, and may be long or hold anything.
func contactID(raw []byte) string {
	var s string
	if json.Unmarshal(bytes.TrimSpace(raw), &s) != nil || s == "" || len(s) > maxContactID {
		return ""
	}
	for _, c := range []byte(s) {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_':
		default:
			return ""
		}
	}
	return s
}

// attemptTrace follows one attempt through the transport, to tell a
// failure before the request was written (Connect cannot have it) from
// one after (it may).
type attemptTrace struct {
	gotConn atomic.Bool // a connection was ready for the request
	wrote   atomic.Bool // the whole request was written to it
}

func (t *attemptTrace) hooks() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { t.gotConn.Store(true) },
		// Called again when the transport tries again on another
		// connection (it does when nothing was written): the last says.
		WroteRequest: func(info httptrace.WroteRequestInfo) { t.wrote.Store(info.Err == nil) },
	}
}

// kinds are the sentinels a failed attempt's error is also: ErrUnanswered
// once the request was written, else ErrNotWritten, and errConnLost when
// it had a connection, which was lost before the request was written:
// a server closing an idle connection as the request came ("http: server
// closed idle connection"), a reset.
//
// WroteRequest is called once the request is in the connection's buffer,
// before it is flushed: a server that had closed an idle connection gets
// a request "written" that it never read. net/http says so in its own
// error, which is not exported: that error is taken at its word. (It can
// follow bytes that left, into a connection the server had closed: a
// server that closed it did not read them.)
func (t *attemptTrace) kinds(err error) []error {
	switch {
	case strings.Contains(err.Error(), "http: server closed idle connection"):
		return []error{ErrNotWritten, errConnLost}
	case t.wrote.Load():
		return []error{ErrUnanswered}
	case t.gotConn.Load():
		return []error{ErrNotWritten, errConnLost}
	}
	return []error{ErrNotWritten}
}

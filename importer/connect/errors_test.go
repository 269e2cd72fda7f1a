package connect

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"leadimport/importer/msg"
)

func TestRetryable(t *testing.T) {
	opErr := func(err error) error {
		return &url.Error{Op: "Post", URL: "https://connect.example.com/x",
			Err: &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", err)}}
	}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"plain error", errors.New("something"), false},
		{"400", &APIError{Status: 400}, false},
		{"401", &APIError{Status: 401}, false},
		{"403", &APIError{Status: 403}, false},
		{"404", &APIError{Status: 404}, false},
		{"409", &APIError{Status: 409}, false},
		{"429", &APIError{Status: 429}, true},
		{"500", &APIError{Status: 500}, true},
		{"501", &APIError{Status: 501}, false},
		{"502", &APIError{Status: 502}, true},
		{"503 wrapped", fmt.Errorf("row 3: %w", &APIError{Status: 503}), true},
		{"504", &APIError{Status: 504}, true},
		{"cancelled", &url.Error{Op: "Post", URL: "u", Err: context.Canceled}, false},
		{"cancelled wrapped", fmt.Errorf("send: %w", context.Canceled), false},
		{"attempt deadline", &url.Error{Op: "Post", URL: "u", Err: context.DeadlineExceeded}, true},
		{"unexpected EOF", fmt.Errorf("send: %w", &url.Error{Op: "Post", URL: "u", Err: io.ErrUnexpectedEOF}), true},
		{"EOF", &url.Error{Op: "Post", URL: "u", Err: io.EOF}, true},
		{"connection reset", opErr(syscall.ECONNRESET), true},
		{"connection refused", opErr(syscall.ECONNREFUSED), true},
		{"broken pipe", opErr(syscall.EPIPE), true},
		{"dns temporary", &url.Error{Op: "Post", URL: "u", Err: &net.DNSError{Err: "server misbehaving", Name: "x", IsTemporary: true}}, true},
		{"dns not found", &url.Error{Op: "Post", URL: "u", Err: &net.DNSError{Err: "no such host", Name: "x", IsNotFound: true}}, false},
		{"unknown certificate authority", &url.Error{Op: "Post", URL: "u", Err: x509.UnknownAuthorityError{}}, false},
		{"wrong host certificate", &url.Error{Op: "Post", URL: "u", Err: x509.HostnameError{Host: "x"}}, false},
		{"url error around a plain error", &url.Error{Op: "Post", URL: "u", Err: errors.New("unsupported protocol scheme")}, false},
		{"connection lost before the request was written", msg.Error(msg.SendFailed{Err: &url.Error{Op: "Post", URL: "u",
			Err: errors.New("http: server closed idle connection")}}, ErrNotWritten, errConnLost), true},
		{"cancelled before the request was written", msg.Error(msg.SendFailed{Err: &url.Error{Op: "Post", URL: "u",
			Err: context.Canceled}}, ErrNotWritten, errConnLost), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Retryable(tt.err))
		})
	}
}

// TestMayHaveArrived: only an attempt whose request was written, or
// whose fate cannot be told, may have been recorded by Connect.
func TestMayHaveArrived(t *testing.T) {
	reset := &url.Error{Op: "Post", URL: "u", Err: syscall.ECONNRESET}
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"an answer", &APIError{Status: 500}, false},
		{"written, then reset", msg.Error(msg.SendFailed{Err: reset}, ErrUnanswered), true},
		{"nothing written", msg.Error(msg.SendFailed{Err: reset}, ErrNotWritten), false},
		{"not known", reset, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, MayHaveArrived(tt.err))
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 10, 4, 12, 0, 0, 0, time.UTC)
	date := func(d time.Duration) string { return now.Add(d).Format(http.TimeFormat) }
	tests := []struct {
		name  string
		value string
		date  string // the response's Date header
		want  time.Duration
	}{
		{"absent", "", "", 0},
		{"seconds", "1", "", time.Second},
		{"seconds with spaces", " 120 ", "", 2 * time.Minute},
		{"zero", "0", "", 0},
		{"negative", "-5", "", 0},
		{"huge seconds capped", "999999999999", "", 5 * time.Minute},
		{"date from local clock", date(45 * time.Second), "", 45 * time.Second},
		{"date from server clock", date(10 * time.Minute), date(9 * time.Minute), time.Minute},
		{"date in the past", date(-time.Minute), "", 0},
		{"far date capped", date(48 * time.Hour), "", 5 * time.Minute},
		{"garbage", "soon", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.value != "" {
				h.Set("Retry-After", tt.value)
			}
			if tt.date != "" {
				h.Set("Date", tt.date)
			}
			assert.Equal(t, tt.want, parseRetryAfter(h, now))
		})
	}
}

func TestParseErrorBody(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		wantMsg string
		wantMS  map[string][]string
	}{
		{"not JSON", "oops", "", nil},
		{"JSON string", `"oops"`, "", nil},
		{"mixed case keys", `{"MESSAGE":"m","modelstate":{"a.B":["x"]}}`, "m", map[string][]string{"a.B": {"x"}}},
		{"model state value a string", `{"Message":"m","ModelState":{"a.B":"x"}}`, "m", map[string][]string{"a.B": {"x"}}},
		{"model state value odd", `{"ModelState":{"a.B":7}}`, "", map[string][]string{"a.B": {"7"}}},
		{"ASP.NET Core problem details", `{"title":"One or more validation errors occurred.","errors":{"Person.FirstName":["required"]}}`,
			"One or more validation errors occurred.", map[string][]string{"Person.FirstName": {"required"}}},
		{"message not a string", `{"Message":{"x":1}}`, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg, ms := parseErrorBody([]byte(tt.body))
			assert.Equal(t, tt.wantMsg, msg)
			assert.Equal(t, tt.wantMS, ms)
		})
	}
}

func TestAPIErrorText(t *testing.T) {
	tests := []struct {
		name string
		err  *APIError
		want string
	}{
		{"model state without message", &APIError{Status: 400, ModelState: map[string][]string{"application.Person.Email.EmailAddress": {"too long"}}},
			"400 Bad Request: person.Email.EmailAddress: too long"},
		{"whole-body key", &APIError{Status: 400, Message: "The request is invalid.", ModelState: map[string][]string{"application": {"En kontaktperson måste anges"}}},
			"400 Bad Request: The request is invalid. (En kontaktperson måste anges)"},
		{"flat body's key", &APIError{Status: 400, ModelState: map[string][]string{"interest.FirstName": {"Förnamn krävs"}}},
			"400 Bad Request: firstName: Förnamn krävs"},
		{"ASP.NET Core's key, no parameter", &APIError{Status: 400, ModelState: map[string][]string{"Person.FirstName": {"required"}}},
			"400 Bad Request: person.FirstName: required"},
		{"System.Text.Json path", &APIError{Status: 400, ModelState: map[string][]string{"$.presentAccommodation.price": {"not a number"}, "$": {"bad body"}}},
			"400 Bad Request: bad body; presentAccommodation.price: not a number"},
		{"unknown status", &APIError{Status: 599}, "599"},
		{"status text when body blank", &APIError{Status: 418, Body: " \n "}, "418 I'm a teapot"},
		{"a message as long as the body, cut", &APIError{Status: 400, Message: strings.Repeat("å", 1<<20)},
			"400 Bad Request: " + strings.Repeat("å", maxSaid) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
		})
	}
}

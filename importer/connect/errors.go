package connect

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"

	"leadimport/importer/msg"
)

// What a failed attempt that got no answer says of the request, beside
// the transport's error: Post's errors are one of these.
var (
	// ErrNotWritten: nothing of the request reached Connect (no
	// connection, or it was lost before the request was written), so
	// Connect cannot have recorded it and another attempt is safe.
	ErrNotWritten = errors.New("the request was not sent")
	// ErrUnanswered: the request was written and no answer came (a reset,
	// a timeout after the write): Connect may have recorded it.
	ErrUnanswered = errors.New("the request was sent, but no answer came")

	// errConnLost: a connection was ready, and lost before the request
	// was written. Whatever its error, another attempt is safe and may
	// well succeed: net/http does not retry a POST on its own.
	errConnLost = errors.New("the connection was lost before the request was written")
)

// MayHaveArrived reports whether a failed attempt may have been recorded
// by Connect: it got no answer, and the request may have reached Connect.
// An answer (*APIError) or nothing written (ErrNotWritten) says no; any
// other error, whose attempt cannot be told, yes.
func MayHaveArrived(err error) bool {
	var apiErr *APIError
	return err != nil && !errors.As(err, &apiErr) && !errors.Is(err, ErrNotWritten)
}

// maxRetryAfter caps a server's Retry-After: a gateway asking for an
// hour would otherwise stall the whole import with no word to the user.
const maxRetryAfter = 5 * time.Minute

// APIError is a non-2xx answer from Connect.
type APIError struct {
	Status int
	// Message is the body's "Message" (any key case) when it is JSON.
	Message string
	// ModelState maps a field key such as "application.Person.FirstName"
	// to its validation messages, when the body has one.
	ModelState map[string][]string
	// RetryAfter is how long the server asked to wait, capped at five
	// minutes; 0 when it did not say.
	RetryAfter time.Duration
	// Body is the raw response text, at most 1 MiB, kept whether or not
	// it parsed: the shape of Connect's errors is undocumented.
	Body string
}

// Error reads as a report cell would in English:
// "400 Bad Request: The request is invalid. (person.FirstName: Förnamn krävs)".
func (e *APIError) Error() string { return msg.English.Say(e.Msg()) }

// Msg says the error as a message: leadimport's words for a 401 or a
// 403, and otherwise the status and Connect's own words, Verbatim.
func (e *APIError) Msg() msg.Message {
	status := strconv.Itoa(e.Status)
	if t := http.StatusText(e.Status); t != "" {
		status += " " + t
	}
	switch e.Status {
	case http.StatusUnauthorized:
		return msg.Unauthorized{Status: status}
	case http.StatusForbidden:
		return msg.Forbidden{Status: status, Connect: e.Message}
	}
	return msg.Verbatim{Text: e.text(status)}
}

// maxSaid bounds what a report cell or a log line takes of Connect's
// words: its message and field messages can be as long as its body
// (1 MiB), which a report cell must not be.
const maxSaid = 1000

// text is the status and what Connect said of it: its message, the
// fields it objected to, or else the start of its body; maxSaid
// characters at most.
func (e *APIError) text(status string) string {
	said := e.Message
	if fields := e.fieldMessages(); fields != "" {
		if said == "" {
			said = fields
		} else {
			said += " (" + fields + ")"
		}
	}
	if said == "" {
		said = shorten(e.Body, 200)
	}
	if said == "" {
		return status
	}
	return status + ": " + shorten(said, maxSaid)
}

// fieldMessages lists ModelState as "person.FirstName: Förnamn krävs; ...",
// sorted by key so the same answer always reads the same.
func (e *APIError) fieldMessages() string {
	keys := make([]string, 0, len(e.ModelState))
	for k := range e.ModelState {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		name := fieldName(k)
		for _, m := range e.ModelState[k] {
			if name == "" {
				parts = append(parts, m)
			} else {
				parts = append(parts, name+": "+m)
			}
		}
	}
	return strings.Join(parts, "; ")
}

// fieldName turns a ModelState key into something a user can place.
// ASP.NET Web API's keys start with the server's action parameter
// ("application.Person.FirstName"), a name that means nothing outside
// Connect, so it goes: "person.FirstName". A parameter's name is
// camelCase and a property's PascalCase (C#'s conventions), so a key
// that starts with a property has no parameter to drop: a flat body's
// "FirstName" (the interest call's), ASP.NET Core's "Person.FirstName".
// A System.Text.Json path ("$.firstName") loses its "$.". A key that is
// the parameter alone, or "$", names no field: "".
func fieldName(key string) string {
	if path, ok := strings.CutPrefix(key, "$."); ok {
		return lowerFirst(path)
	}
	if r, _ := utf8.DecodeRuneInString(key); !unicode.IsUpper(r) {
		_, key, _ = strings.Cut(key, ".")
	}
	return lowerFirst(key)
}

func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// shorten trims s to one line of at most n runes.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// newAPIError reads what it can from a non-2xx response. now is the
// fallback reference for an HTTP-date Retry-After.
func newAPIError(resp *http.Response, raw []byte, now time.Time) *APIError {
	e := &APIError{Status: resp.StatusCode, Body: string(raw)}
	e.Message, e.ModelState = parseErrorBody(raw)
	e.RetryAfter = parseRetryAfter(resp.Header, now)
	return e
}

// parseErrorBody reads ASP.NET Web API's {"Message", "ModelState"} with
// keys in any case, and ASP.NET Core's {"title", "errors"} as a fallback.
// Anything else gives nothing, and the caller keeps the raw text.
func parseErrorBody(raw []byte) (string, map[string][]string) {
	var obj map[string]json.RawMessage
	if json.Unmarshal(bytes.TrimSpace(raw), &obj) != nil {
		return "", nil
	}
	field := func(names ...string) json.RawMessage {
		for _, name := range names {
			for k, v := range obj {
				if strings.EqualFold(k, name) {
					return v
				}
			}
		}
		return nil
	}
	var msg string
	for _, name := range []string{"message", "title", "error_description", "error"} {
		if json.Unmarshal(field(name), &msg) == nil && msg != "" {
			break
		}
	}
	var states map[string]json.RawMessage
	if json.Unmarshal(field("modelState", "errors"), &states) != nil || len(states) == 0 {
		return msg, nil
	}
	ms := make(map[string][]string, len(states))
	for k, v := range states {
		var list []string
		var one string
		switch {
		case json.Unmarshal(v, &list) == nil:
		case json.Unmarshal(v, &one) == nil:
			list = []string{one}
		default:
			list = []string{string(v)}
		}
		ms[k] = list
	}
	return msg, ms
}

// parseRetryAfter reads Retry-After as seconds or an HTTP-date. A date
// is measured from the response's own Date header when there is one, so
// a skewed local clock does not stretch or cancel the wait.
func parseRetryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	var d time.Duration
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		if secs > int64(maxRetryAfter/time.Second) {
			return maxRetryAfter
		}
		d = time.Duration(secs) * time.Second
	} else {
		at, err := http.ParseTime(v)
		if err != nil {
			return 0
		}
		if date, err := http.ParseTime(h.Get("Date")); err == nil {
			now = date
		}
		d = at.Sub(now)
	}
	return min(max(d, 0), maxRetryAfter)
}

// Retryable says whether another attempt could succeed: Connect was busy
// or failing (429, 500, 502, 503, 504), or the request did not complete
// (a dropped or refused connection, one lost before the request was
// written, an attempt's deadline). It is false
// for nil, for a cancelled context (the user is stopping), for every
// other status, and for a certificate Connect's host cannot prove.
func Retryable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		switch apiErr.Status {
		case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
			http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var (
		unknownCA x509.UnknownAuthorityError
		hostname  x509.HostnameError
		invalid   x509.CertificateInvalidError
	)
	if errors.As(err, &unknownCA) || errors.As(err, &hostname) || errors.As(err, &invalid) {
		return false
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		// A misspelt host stays misspelt; a resolver hiccup passes.
		return !dnsErr.IsNotFound
	}
	if errors.Is(err, errConnLost) {
		return true
	}
	// *url.Error is itself a net.Error whatever it wraps, so look past it
	// for the transport's own error.
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var netErr net.Error
	return errors.As(err, &netErr)
}

// RetryAfter returns how long the server asked to wait before the next
// attempt, when err is an *APIError whose response said so.
func RetryAfter(err error) (time.Duration, bool) {
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.RetryAfter > 0 {
		return apiErr.RetryAfter, true
	}
	return 0, false
}

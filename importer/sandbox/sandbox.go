// Package sandbox is a local stand-in for Vitec Express Connect: it
// answers the two lead calls, FinalPriceWatched (200 with a contact id)
// and interest (204 without a body), as connect-api.md documents
// Connect, judging each body by mapping's rules, so an import can be
// rehearsed and tested without sending anything to a broker.
//
//	s := &sandbox.Server{Username: "demo", Password: sandbox.GeneratePassword(), Record: f}
//	log.Fatal(http.ListenAndServe("127.0.0.1:8089", s))
//
// Then point leadimport at http://127.0.0.1:8089 with that user and
// password: each accepted lead is appended to f as one JSON line
// (RecordLine), which names its endpoint.
//
// Routes are matched case-sensitively, though Connect (ASP.NET) may
// ignore case: the importer builds its paths one way only.
//
// To see how the importer copes with a Connect that misbehaves, give the
// server faults and a rate limit:
//
//	faults, err := sandbox.ParseFaults("429=0.05,500=0.05,reset=0.02,slow=0.01")
//	s := &sandbox.Server{Username: "demo", Password: pw, Record: f,
//		Faults: faults, Seed: 42, RateLimit: 10}
//
// A slow fault accepts the lead but answers too late, so the importer
// retries a lead the sandbox already holds: the record then has it
// twice, as Connect would.
package sandbox

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"mime"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"leadimport/mapping"
)

// maxBody is the largest body accepted; a lead is a few hundred bytes.
const maxBody = 1 << 20

// Server answers like Connect. Set the fields before the first request
// and do not copy a Server once it has served.
type Server struct {
	Username, Password string
	// Customers are the customer ids this user may reach. Empty means
	// every id that starts with M, S, O, G or T, as Connect's do. A
	// placeholder (M0000, TODO: mapping.PlaceholderID) is never one.
	Customers []string
	// Estates are the estate ids it serves; empty means every one that is
	// not a placeholder. Others get 403, as a customer not reached does.
	Estates []string
	// Record gets each accepted lead as one JSON line; may be nil.
	Record io.Writer
	// Now is the clock for record lines; nil means time.Now.
	Now func() time.Time

	// Faults are injected into the lead calls' requests (both of them)
	// that pass the user check and the rate limit; the zero value
	// injects none.
	Faults Faults
	// Seed seeds the dice that decide the faults, so a run can be
	// repeated; 0 means a random seed.
	Seed int64
	// RateLimit is the requests per second, averaged over a burst of
	// max(1, RateLimit) requests, above which the server answers 429
	// with Retry-After: 1. 0 means no limit.
	RateLimit float64
	// SlowDelay is how long a slow fault holds its answer; 0 means
	// DefaultSlowDelay.
	SlowDelay time.Duration

	initOnce sync.Once
	mux      *http.ServeMux
	limiter  *rate.Limiter // nil without a RateLimit

	mu       sync.Mutex // guards the fields below and writes to Record
	issued   int        // contact ids handed out (FinalPriceWatched's), so none repeats
	accepted int
	dice     *rand.Rand
	requests int
	injected int
	byKind   map[string]int
}

// Stats counts what a Server has done so far.
type Stats struct {
	// Requests is every request received, refused ones included.
	Requests int
	// Accepted is the leads accepted and recorded, slow ones included.
	Accepted int
	// Injected is the requests answered with a fault from Faults, slow
	// ones included.
	Injected int
	// ByKind counts the injected faults by their names in the flag form
	// (429, 500, 502, 503, 504, reset, slow), and under "ratelimit" the
	// 429s that RateLimit sent. Kinds that never happened are absent.
	ByKind map[string]int
}

// RecordLine is one line of the record file, as end-to-end tests read it
// back: the lead's body as the sandbox read it, and where it went.
type RecordLine struct {
	Time       string `json:"time"`
	CustomerID string `json:"customerId"`
	EstateID   string `json:"estateId"`
	// Endpoint is mapping.EndpointFinalPriceWatched or
	// mapping.EndpointInterest.
	Endpoint string `json:"endpoint"`
	// ContactID is the id FinalPriceWatched answered with; an interest
	// registration is answered without one, and has none.
	ContactID string `json:"contactId,omitempty"`
	// Lead is the body, decoded and encoded again (so without fields the
	// call does not know): a mapping.FinalPriceWatched, or for Interest
	// a mapping.Interest.
	Lead json.RawMessage `json:"lead"`
}

// FinalPriceWatched decodes Lead as a FinalPriceWatched body.
func (l *RecordLine) FinalPriceWatched() (mapping.FinalPriceWatched, error) {
	var b mapping.FinalPriceWatched
	err := json.Unmarshal(l.Lead, &b)
	return b, err
}

// Interest decodes Lead as an interest registration's body.
func (l *RecordLine) Interest() (mapping.Interest, error) {
	var b mapping.Interest
	err := json.Unmarshal(l.Lead, &b)
	return b, err
}

// ServeHTTP checks the user first, then the rate limit, then the route,
// the dice for Faults, the customer and the body, in that order. The
// limit applies to every route, as a gateway's would; faults only to the
// lead calls: they are things that happen to a lead, and a wrong path
// should stay a plain 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.initOnce.Do(s.init)
	s.mu.Lock()
	s.requests++
	s.mu.Unlock()
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Basic realm="Connect sandbox", charset="UTF-8"`)
		writeJSON(w, http.StatusUnauthorized, errorBody{Message: "Authorization has been denied for this request."})
		return
	}
	if s.limiter != nil && !s.limiter.Allow() {
		s.count(kindRateLimit)
		w.Header().Set("Retry-After", "1")
		writeJSON(w, http.StatusTooManyRequests, errorBody{
			Message: fmt.Sprintf("The sandbox takes at most %g requests a second.", s.RateLimit)})
		return
	}
	s.mux.ServeHTTP(w, r)
}

// call is one lead call the sandbox answers.
type call struct {
	endpoint string // as a mapping names it
	route    string // the last segment of its path, as Connect spells it
	// judge decodes a body and applies mapping's rules: the body, or the
	// 400 answer saying what is wrong.
	judge func(raw []byte) (any, *errorBody)
	// noContent: an accepted lead is answered 204 without a body
	// (interest), not 200 with a contact id (FinalPriceWatched).
	noContent bool
}

var calls = []call{
	{endpoint: mapping.EndpointFinalPriceWatched, route: "FinalPriceWatched", judge: judgeFinalPriceWatched},
	{endpoint: mapping.EndpointInterest, route: "interest", judge: judgeInterest, noContent: true},
}

func (s *Server) init() {
	mux := http.NewServeMux()
	for _, c := range calls {
		route := "/Advertising/Estate/{customerId}/{estateId}/" + c.route
		mux.HandleFunc("POST "+route, s.injectFaults(s.lead(c)))
		mux.HandleFunc(route, methodNotAllowed)
	}
	mux.HandleFunc("/", notFound)
	s.mux = mux
	if s.RateLimit > 0 {
		// A burst of one second's worth lets a client that keeps to the
		// rate on average through, however its requests bunch up.
		s.limiter = rate.NewLimiter(rate.Limit(s.RateLimit), max(1, int(s.RateLimit)))
	}
	s.mu.Lock()
	s.dice = newDice(s.Seed)
	s.mu.Unlock()
}

// Accepted is how many leads have been accepted so far.
func (s *Server) Accepted() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted
}

// Stats returns the counts so far; its ByKind is a copy.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Stats{
		Requests: s.requests,
		Accepted: s.accepted,
		Injected: s.injected,
		ByKind:   maps.Clone(s.byKind),
	}
}

func (s *Server) count(kind string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.countLocked(kind)
}

// countLocked is count for a caller that holds s.mu.
func (s *Server) countLocked(kind string) {
	if s.byKind == nil {
		s.byKind = map[string]int{}
	}
	s.byKind[kind]++
}

// authorized compares hashes so that neither the content nor the length
// of the password leaks through timing. An empty Password lets no one in.
func (s *Server) authorized(r *http.Request) bool {
	user, pass, ok := r.BasicAuth()
	if !ok || s.Password == "" {
		return false
	}
	wantUser, gotUser := sha256.Sum256([]byte(s.Username)), sha256.Sum256([]byte(user))
	wantPass, gotPass := sha256.Sum256([]byte(s.Password)), sha256.Sum256([]byte(pass))
	// Both comparisons always run: & does not short-circuit.
	return subtle.ConstantTimeCompare(wantUser[:], gotUser[:])&
		subtle.ConstantTimeCompare(wantPass[:], gotPass[:]) == 1
}

func (s *Server) customerAllowed(id string) bool {
	switch {
	case mapping.PlaceholderID(id):
		return false
	case len(s.Customers) > 0:
		return slices.Contains(s.Customers, id)
	}
	return strings.ContainsRune("MSOGT", rune(id[0]))
}

func (s *Server) estateAllowed(id string) bool {
	return !mapping.PlaceholderID(id) && (len(s.Estates) == 0 || slices.Contains(s.Estates, id))
}

// lead answers one lead call c: the customer and estate, the body's type
// and size, then the body by c's rules; an accepted lead is recorded
// before it is answered.
func (s *Server) lead(c call) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { s.serveLead(w, r, c) }
}

func (s *Server) serveLead(w http.ResponseWriter, r *http.Request, c call) {
	customerID, estateID := r.PathValue("customerId"), r.PathValue("estateId")
	if !s.customerAllowed(customerID) {
		writeJSON(w, http.StatusForbidden, errorBody{
			Message: fmt.Sprintf("The user has no access to customer '%s' in this function group.", customerID)})
		return
	}
	if !s.estateAllowed(estateID) {
		writeJSON(w, http.StatusForbidden, errorBody{
			Message: fmt.Sprintf("The user has no access to estate '%s' of customer '%s'.", estateID, customerID)})
		return
	}
	if status, e := checkContentType(r); status != 0 {
		writeJSON(w, status, e)
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeJSON(w, http.StatusRequestEntityTooLarge, errorBody{
				Message: fmt.Sprintf("The request body is larger than %d bytes.", maxBody)})
			return
		}
		writeJSON(w, http.StatusBadRequest, errorBody{Message: "The request body could not be read."})
		return
	}
	body, invalid := c.judge(raw)
	if invalid != nil {
		writeJSON(w, http.StatusBadRequest, invalid)
		return
	}

	contactID, err := s.accept(customerID, estateID, c, body)
	if err != nil {
		// Not recorded means not accepted: a 500 makes the importer retry.
		writeJSON(w, http.StatusInternalServerError, errorBody{Message: "An error has occurred."})
		return
	}
	if c.noContent {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	writeJSON(w, http.StatusOK, contactID)
}

// accept hands out a contact id (for a call that answers with one) and
// records the lead under one lock, so ids follow the record's order and
// lines never interleave.
func (s *Server) accept(customerID, estateID string, c call, body any) (string, error) {
	now := time.Now
	if s.Now != nil {
		now = s.Now
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var contactID string
	if !c.noContent {
		s.issued++
		contactID = fmt.Sprintf("CON%08d", s.issued)
	}
	if s.Record != nil {
		lead, err := json.Marshal(body)
		if err != nil {
			return "", err
		}
		line, err := json.Marshal(RecordLine{
			Time:       now().UTC().Format(time.RFC3339),
			CustomerID: customerID,
			EstateID:   estateID,
			Endpoint:   c.endpoint,
			ContactID:  contactID,
			Lead:       lead,
		})
		if err != nil {
			return "", err
		}
		// One Write per line: a writer shared with others still gets
		// whole lines.
		if _, err := s.Record.Write(append(line, '\n')); err != nil {
			return "", err
		}
	}
	s.accepted++
	return contactID, nil
}

// checkContentType accepts JSON only. Connect also takes XML and form
// bodies, but the importer sends JSON, and a sandbox that took the
// others would hide a client sending the wrong header.
func checkContentType(r *http.Request) (int, *errorBody) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil && (mt == "application/json" || mt == "text/json" || strings.HasSuffix(mt, "+json")) {
		return 0, nil
	}
	if ct == "" {
		ct = "(none)"
	}
	return http.StatusUnsupportedMediaType, &errorBody{
		Message: fmt.Sprintf("The request entity's media type '%s' is not supported for this resource; the sandbox takes application/json.", ct)}
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", http.MethodPost)
	writeJSON(w, http.StatusMethodNotAllowed, errorBody{
		Message: fmt.Sprintf("The requested resource does not support http method '%s'.", r.Method)})
}

func notFound(w http.ResponseWriter, r *http.Request) {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	// The path only: a query string could carry anything.
	uri := scheme + "://" + r.Host + r.URL.EscapedPath()
	writeJSON(w, http.StatusNotFound, errorBody{
		Message: fmt.Sprintf("No HTTP resource was found that matches the request URI '%s'.", uri)})
}

// errorBody is ASP.NET Web API's error shape.
type errorBody struct {
	Message    string              `json:"Message"`
	ModelState map[string][]string `json:"ModelState,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"Message":"An error has occurred."}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

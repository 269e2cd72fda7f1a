package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

const kindsList = "(kinds: 429, 500, 502, 503, 504, reset, slow)"

func TestParseFaults(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Faults
		wantErr []string // substrings of the error
	}{
		{name: "empty", in: ""},
		{name: "blank", in: "  "},
		{name: "every kind", in: "429=0.05,500=0.05,502=0.01,503=0.02,504=0.01,reset=0.02,slow=0.01",
			want: Faults{TooManyRequests: 0.05, InternalServerError: 0.05, BadGateway: 0.01,
				ServiceUnavailable: 0.02, GatewayTimeout: 0.01, Reset: 0.02, Slow: 0.01}},
		{name: "spaces and any order", in: " slow = 0.5 , 429=.25",
			want: Faults{Slow: 0.5, TooManyRequests: 0.25}},
		{name: "certainty", in: "reset=1", want: Faults{Reset: 1}},
		{name: "zero kept as zero", in: "500=0", want: Faults{}},
		{name: "sum of one despite rounding", in: "429=0.1,500=0.2,503=0.7",
			want: Faults{TooManyRequests: 0.1, InternalServerError: 0.2, ServiceUnavailable: 0.7}},

		{name: "sum above one", in: "429=0.6,500=0.5",
			wantErr: []string{`faults "429=0.6,500=0.5": probabilities add up to 1.1, more than 1`}},
		{name: "unknown kind", in: "429=0.1,timeout=0.1",
			wantErr: []string{`fault "timeout=0.1": unknown kind "timeout"`, kindsList}},
		{name: "status not offered", in: "404=0.1", wantErr: []string{`unknown kind "404"`, kindsList}},
		{name: "bad number", in: "500=lots",
			wantErr: []string{`fault "500=lots": probability "lots" is not a number from 0 to 1`, kindsList}},
		{name: "percent", in: "500=5%", wantErr: []string{`fault "500=5%"`}},
		{name: "above one", in: "503=1.5", wantErr: []string{`probability "1.5" is not a number from 0 to 1`}},
		{name: "negative", in: "503=-0.1", wantErr: []string{`probability "-0.1"`}},
		{name: "NaN", in: "slow=NaN", wantErr: []string{`probability "NaN"`}},
		{name: "no probability", in: "reset", wantErr: []string{`fault "reset": want kind=probability`, kindsList}},
		{name: "empty number", in: "reset=", wantErr: []string{`fault "reset=": probability ""`}},
		{name: "trailing comma", in: "429=0.1,", wantErr: []string{`fault "": want kind=probability`}},
		{name: "kind twice", in: "429=0.1,429=0.2", wantErr: []string{`fault "429=0.2": kind 429 given twice`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseFaults(tt.in)
			if tt.wantErr != nil {
				require.Error(t, err)
				for _, w := range tt.wantErr {
					assert.Contains(t, err.Error(), w)
				}
				assert.Zero(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestParseFaultsInSwedish: a --fail-rate the sandbox cannot read is said
// by message, so it can be said in Swedish; the flag's words and the
// kinds stay as they are written.
func TestParseFaultsInSwedish(t *testing.T) {
	tests := []struct {
		in, sv string
	}{
		{"429=0.6,500=0.5", `felen "429=0.6,500=0.5": sannolikheterna blir sammanlagt 1.1, mer än 1`},
		{"timeout=0.1", `felet "timeout=0.1": okänd felsort "timeout" (felsorter: 429, 500, 502, 503, 504, reset, slow)`},
		{"500=lots", `felet "500=lots": sannolikheten "lots" är inget tal från 0 till 1 (felsorter: 429, 500, 502, 503, 504, reset, slow)`},
		{"reset", `felet "reset": skriv felsort=sannolikhet (felsorter: 429, 500, 502, 503, 504, reset, slow)`},
		{"429=0.1,429=0.2", `felet "429=0.2": felsorten 429 anges två gånger (felsorter: 429, 500, 502, 503, 504, reset, slow)`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			_, err := ParseFaults(tt.in)
			require.Error(t, err)
			assert.Equal(t, tt.sv, msg.Swedish.Error(err))
		})
	}
}

func TestFaultsString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "none", in: "", want: ""},
		{name: "sorted", in: "slow=0.01,reset=0.02,503=0.02,500=0.05,429=0.05",
			want: "429=0.05,500=0.05,503=0.02,reset=0.02,slow=0.01"},
		{name: "zero left out", in: "504=0,502=0.125", want: "502=0.125"},
		{name: "shortest number", in: "429=0.100", want: "429=0.1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFaults(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, f.String())
			assert.Equal(t, tt.want == "", f.IsZero())
			back, err := ParseFaults(f.String())
			require.NoError(t, err)
			assert.Equal(t, f, back, "String gives back what ParseFaults reads")
		})
	}
}

// leadRequest is an authorised FinalPriceWatched request for ServeHTTP.
func leadRequest(body string) *http.Request {
	req := httptest.NewRequest(http.MethodPost, leadURL("M1", "E1"), strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth(testUser, testPassword)
	return req
}

func TestInjectedStatus(t *testing.T) {
	tests := []struct {
		name           string
		faults         Faults
		wantStatus     int
		wantRetryAfter string
	}{
		{"429", Faults{TooManyRequests: 1}, 429, "1"},
		{"500", Faults{InternalServerError: 1}, 500, ""},
		{"502", Faults{BadGateway: 1}, 502, ""},
		{"503", Faults{ServiceUnavailable: 1}, 503, "1"},
		{"504", Faults{GatewayTimeout: 1}, 504, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec bytes.Buffer
			s := &Server{Username: testUser, Password: testPassword, Record: &rec, Faults: tt.faults, Seed: 1}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, leadRequest(validBody))

			require.Equal(t, tt.wantStatus, w.Code)
			assert.Equal(t, tt.wantRetryAfter, w.Header().Get("Retry-After"))
			assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
			var a answer
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &a), "a JSON error: %s", w.Body)
			assert.Equal(t, "The sandbox injected this "+tt.name+" fault.", a.Message)
			assert.Empty(t, rec.String(), "an injected failure is not recorded")
			assert.Equal(t, Stats{Requests: 1, Injected: 1, ByKind: map[string]int{tt.name: 1}}, s.Stats())
		})
	}
}

// TestFaultsSpareOtherRequests checks that a fault never hides what the
// request would have got anyway: a refused user, a wrong route.
func TestFaultsSpareOtherRequests(t *testing.T) {
	tests := []struct {
		name       string
		req        func() *http.Request
		wantStatus int
	}{
		{"no credentials", func() *http.Request {
			r := leadRequest(validBody)
			r.Header.Del("Authorization")
			return r
		}, 401},
		{"wrong password", func() *http.Request {
			r := leadRequest(validBody)
			r.SetBasicAuth(testUser, "nope")
			return r
		}, 401},
		{"unknown path", func() *http.Request {
			r := leadRequest(validBody)
			r.URL.Path = "/Advertising/Estate/M1/E1/Interest"
			return r
		}, 404},
		{"GET on the route", func() *http.Request {
			r := leadRequest("")
			r.Method = http.MethodGet
			return r
		}, 405},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Server{Username: testUser, Password: testPassword,
				Faults: Faults{InternalServerError: 0.5, Reset: 0.5}}
			for range 20 {
				w := httptest.NewRecorder()
				s.ServeHTTP(w, tt.req())
				require.Equal(t, tt.wantStatus, w.Code)
			}
			assert.Equal(t, Stats{Requests: 20}, s.Stats())
		})
	}
}

// statuses sends n valid leads to s and returns the statuses in order.
func statuses(s *Server, n int) []int {
	out := make([]int, n)
	for i := range out {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, leadRequest(validBody))
		out[i] = w.Code
	}
	return out
}

// TestFaultDice: the faults come up as often as asked, the same for the
// same Seed and otherwise not. Its time is the 3,400 requests through the
// handler; the five servers are independent, so each answers its
// requests on a goroutine of its own.
func TestFaultDice(t *testing.T) {
	const n = 1000
	var rec bytes.Buffer
	s := &Server{Username: testUser, Password: testPassword, Record: &rec,
		Faults: Faults{TooManyRequests: 0.1}, Seed: 20261004}
	again := &Server{Username: testUser, Password: testPassword,
		Faults: Faults{TooManyRequests: 0.1}, Seed: 20261004}
	other := &Server{Username: testUser, Password: testPassword,
		Faults: Faults{TooManyRequests: 0.1}, Seed: 20261005}
	random1 := &Server{Username: testUser, Password: testPassword, Faults: Faults{TooManyRequests: 0.5}}
	random2 := &Server{Username: testUser, Password: testPassword, Faults: Faults{TooManyRequests: 0.5}}
	var got, gotAgain, gotOther, gotRandom1, gotRandom2 []int
	var wg sync.WaitGroup
	wg.Go(func() { got = statuses(s, n) })
	wg.Go(func() { gotAgain = statuses(again, n) })
	wg.Go(func() { gotOther = statuses(other, n) })
	wg.Go(func() { gotRandom1 = statuses(random1, 200) })
	wg.Go(func() { gotRandom2 = statuses(random2, 200) })
	wg.Wait()

	refused := 0
	for _, st := range got {
		if st == http.StatusTooManyRequests {
			refused++
		} else {
			require.Equal(t, http.StatusOK, st)
		}
	}
	// 100 expected; the standard deviation is about 9.5, so this range
	// is over four of them either side.
	assert.GreaterOrEqual(t, refused, 60)
	assert.LessOrEqual(t, refused, 140)
	assert.Equal(t, Stats{Requests: n, Accepted: n - refused, Injected: refused,
		ByKind: map[string]int{"429": refused}}, s.Stats())
	assert.Equal(t, n-refused, strings.Count(rec.String(), "\n"), "only accepted leads are recorded")
	assert.Equal(t, got, gotAgain, "the same Seed gives the same faults")
	assert.NotEqual(t, got, gotOther, "another Seed gives other faults")
	assert.NotEqual(t, gotRandom1, gotRandom2, "Seed 0 picks a random seed")
}

func TestResetFault(t *testing.T) {
	var rec bytes.Buffer
	s := &Server{Username: testUser, Password: testPassword, Record: &rec, Faults: Faults{Reset: 1}}
	srv := httptest.NewServer(s)
	defer srv.Close()

	req, err := http.NewRequest(http.MethodPost, srv.URL+leadURL("M1", "E1"), strings.NewReader(validBody))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.SetBasicAuth(testUser, testPassword)
	resp, err := srv.Client().Do(req)
	if resp != nil {
		_ = resp.Body.Close()
	}
	require.Error(t, err, "no HTTP answer at all")
	assert.ErrorIs(t, err, syscall.ECONNRESET)
	assert.Nil(t, resp)
	assert.Empty(t, rec.String())
	assert.Equal(t, Stats{Requests: 1, Injected: 1, ByKind: map[string]int{"reset": 1}}, s.Stats())
}

func TestSlowFault(t *testing.T) {
	tests := []struct {
		name         string
		delay        time.Duration
		timeout      time.Duration
		body         string
		wantDeadline bool
		wantStatus   int
		wantAccepted int
	}{
		{name: "client gives up on an accepted lead", delay: time.Minute, timeout: 100 * time.Millisecond,
			body: validBody, wantDeadline: true, wantAccepted: 1},
		{name: "patient client gets the contact id", delay: 50 * time.Millisecond, timeout: 10 * time.Second,
			body: validBody, wantStatus: http.StatusOK, wantAccepted: 1},
		{name: "an invalid lead is refused, slowly", delay: 50 * time.Millisecond, timeout: 10 * time.Second,
			body: `{"person":{}}`, wantStatus: http.StatusBadRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rec bytes.Buffer
			s := &Server{Username: testUser, Password: testPassword, Record: &rec,
				Faults: Faults{Slow: 1}, SlowDelay: tt.delay}
			srv := httptest.NewServer(s)

			ctx, cancel := context.WithTimeout(context.Background(), tt.timeout)
			defer cancel()
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+leadURL("M1", "E1"), strings.NewReader(tt.body))
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/json")
			req.SetBasicAuth(testUser, testPassword)
			start := time.Now()
			resp, err := srv.Client().Do(req)

			if tt.wantDeadline {
				require.ErrorIs(t, err, context.DeadlineExceeded)
				// The lead is already recorded: the importer must treat a
				// timed-out attempt as one that may have landed.
				assert.Equal(t, 1, s.Accepted())
			} else {
				require.NoError(t, err)
				b, _ := io.ReadAll(resp.Body)
				_ = resp.Body.Close()
				assert.Equal(t, tt.wantStatus, resp.StatusCode, "%s", b)
				assert.GreaterOrEqual(t, time.Since(start), tt.delay, "the answer waited")
				assert.Equal(t, "application/json; charset=utf-8", resp.Header.Get("Content-Type"))
				if tt.wantStatus == http.StatusOK {
					assert.JSONEq(t, `"CON00000001"`, string(b))
				}
			}

			// Close waits for the handler: it must stop holding the answer
			// once the client has gone, not sit out the whole delay.
			closing := time.Now()
			srv.Close()
			assert.Less(t, time.Since(closing), 10*time.Second)

			assert.Equal(t, tt.wantAccepted, strings.Count(rec.String(), "\n"))
			assert.Equal(t, Stats{Requests: 1, Accepted: tt.wantAccepted, Injected: 1,
				ByKind: map[string]int{"slow": 1}}, s.Stats())
		})
	}
}

func TestRateLimit(t *testing.T) {
	const limit = 10
	tests := []struct {
		name   string
		faults Faults
		other  int // the status a request let through gets
	}{
		{name: "no faults", other: http.StatusOK},
		// The limit comes before the dice: a refused request rolls none.
		{name: "limit before faults", faults: Faults{InternalServerError: 1}, other: http.StatusInternalServerError},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &Server{Username: testUser, Password: testPassword, RateLimit: limit, Faults: tt.faults}
			start := time.Now()
			var limited, through int
			for range 3 * limit {
				w := httptest.NewRecorder()
				s.ServeHTTP(w, leadRequest(validBody))
				switch w.Code {
				case http.StatusTooManyRequests:
					limited++
					assert.Equal(t, "1", w.Header().Get("Retry-After"))
					var a answer
					require.NoError(t, json.Unmarshal(w.Body.Bytes(), &a))
					assert.Equal(t, "The sandbox takes at most 10 requests a second.", a.Message)
				case tt.other:
					through++
				default:
					t.Fatalf("status %d: %s", w.Code, w.Body)
				}
			}
			elapsed := time.Since(start)

			// A burst of limit passes, then one more per 1/limit seconds.
			assert.GreaterOrEqual(t, through, limit)
			assert.LessOrEqual(t, through, limit+int(elapsed.Seconds()*limit)+1)
			assert.Positive(t, limited)
			st := s.Stats()
			assert.Equal(t, 3*limit, st.Requests)
			assert.Equal(t, limited, st.ByKind["ratelimit"])
			if tt.faults.IsZero() {
				assert.Equal(t, through, st.Accepted)
				assert.Zero(t, st.Injected)
			} else {
				assert.Zero(t, st.Accepted)
				assert.Equal(t, through, st.Injected)
			}
		})
	}
}

// TestRateLimitAfterAuth checks that refused users do not use up the
// allowance of the real one.
func TestRateLimitAfterAuth(t *testing.T) {
	s := &Server{Username: testUser, Password: testPassword, RateLimit: 1}
	for range 5 {
		r := leadRequest(validBody)
		r.SetBasicAuth(testUser, "nope")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		require.Equal(t, http.StatusUnauthorized, w.Code)
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, leadRequest(validBody))
	assert.Equal(t, http.StatusOK, w.Code, "%s", w.Body)
}

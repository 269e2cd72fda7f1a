package sandbox

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"time"
)

// DefaultSlowDelay is how long a slow fault holds its answer when
// SlowDelay is zero: beyond the importer's default 30s per attempt, so
// the importer gives up on a lead the sandbox has accepted.
const DefaultSlowDelay = 35 * time.Second

// newDice seeds the fault dice. Seed 0 asks for a random seed, so that
// runs differ unless the user pins one.
func newDice(seed int64) *rand.Rand {
	if seed == 0 {
		return rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64()))
	}
	return rand.New(rand.NewPCG(uint64(seed), uint64(seed)))
}

// injectFaults rolls the dice once per request and either answers with
// the fault that came up or hands the request to next.
func (s *Server) injectFaults(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		k, ok := s.roll()
		switch {
		case !ok:
			next(w, r)
		case k.status != 0:
			writeFault(w, k.status)
		case k.name == kindReset:
			resetConnection(w)
		case k.name == kindSlow:
			s.serveSlowly(w, r, next)
		}
	}
}

// roll decides the request's fault and counts it. Without faults it
// neither draws nor locks: concurrent leads then never wait on the dice.
func (s *Server) roll() (faultKind, bool) {
	if s.Faults.IsZero() {
		return faultKind{}, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, ok := s.Faults.pick(s.dice.Float64())
	if ok {
		s.injected++
		s.countLocked(k.name)
	}
	return k, ok
}

// writeFault answers with an injected status. 429 and 503 say when to
// come back, as a gateway shedding load would.
func writeFault(w http.ResponseWriter, status int) {
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	writeJSON(w, status, errorBody{Message: fmt.Sprintf("The sandbox injected this %d fault.", status)})
}

// resetConnection drops the connection with a TCP reset instead of an
// answer: SO_LINGER 0 makes Close send RST rather than FIN, which is
// what a crashed proxy or a killed server looks like to the client.
// Where the connection cannot be taken over (HTTP/2), aborting the
// handler drops the stream instead.
func resetConnection(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	// Under TLS, close the TCP connection itself: tls.Conn.Close would
	// first send a close_notify, a polite goodbye rather than a reset.
	raw := conn
	if tc, ok := conn.(*tls.Conn); ok {
		raw = tc.NetConn()
	}
	if tcp, ok := raw.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = raw.Close()
}

// serveSlowly runs the normal path at once, so the lead is accepted and
// recorded, and holds its answer for SlowDelay or until the client goes
// away, whichever comes first.
func (s *Server) serveSlowly(w http.ResponseWriter, r *http.Request, next http.HandlerFunc) {
	held := &heldResponse{header: http.Header{}}
	next(held, r)

	delay := s.SlowDelay
	if delay <= 0 {
		delay = DefaultSlowDelay
	}
	t := time.NewTimer(delay)
	defer t.Stop()
	select {
	case <-t.C:
		held.sendTo(w)
	case <-r.Context().Done():
		// The client gave up; no one is left to answer.
	}
}

// heldResponse keeps an answer in memory until serveSlowly releases it.
type heldResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (h *heldResponse) Header() http.Header { return h.header }

func (h *heldResponse) WriteHeader(status int) {
	if h.status == 0 {
		h.status = status
	}
}

func (h *heldResponse) Write(b []byte) (int, error) {
	h.WriteHeader(http.StatusOK)
	return h.body.Write(b)
}

func (h *heldResponse) sendTo(w http.ResponseWriter) {
	maps.Copy(w.Header(), h.header)
	if h.status == 0 {
		h.status = http.StatusOK
	}
	w.WriteHeader(h.status)
	_, _ = w.Write(h.body.Bytes())
}

package importer

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"

	"leadimport/importer/connect"
	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// Errors that stop a run.
var (
	// ErrConnectDown stops a run: so many rows failed in a row that
	// Connect is taken to be down, and sending the rest would only fail
	// them too. The run's error is of this kind, and says how many.
	ErrConnectDown = errors.New("Connect seems to be down")

	// ErrUnreachable ends a run in which no request got an answer:
	// nothing was sent, and every input stays for the next run.
	ErrUnreachable = errors.New("Connect could not be reached")

	// ErrSameRefusal stops a run in which Connect refused sameRefusals
	// rows in a row with the same status, one that says nothing of a row's
	// content (a redirect, 404, 405): the address or the endpoint is wrong,
	// and every further row would be refused too.
	ErrSameRefusal = errors.New("Connect refuses every row the same way")

	// ErrThrottled stops a run that Connect has answered nothing but 429
	// for longer than Config.MaxThrottle.
	ErrThrottled = errors.New("Connect answers nothing but 429")

	// ErrUnauthorized stops a run: Connect refused the credentials, so
	// every further request would be refused the same way.
	ErrUnauthorized = msg.Error(msg.CredentialsRefused{})
)

// Poster sends one request; *connect.Client is the real one.
type Poster interface {
	Post(ctx context.Context, path string, body []byte) (connect.Response, error)
}

// Backoff sets the waits between attempts after a retryable failure.
type Backoff struct {
	// Base is the wait after the first failure; it doubles with each
	// further one. Half a second lets a briefly overloaded server recover
	// without stretching a run noticeably.
	Base time.Duration
	// Max caps a single wait, so a long outage is probed now and then
	// rather than waited out blindly.
	Max time.Duration
}

// DefaultBackoff is used when Config.Backoff is zero.
var DefaultBackoff = Backoff{Base: 500 * time.Millisecond, Max: 30 * time.Second}

// wait returns the pause before attempt n+1 after n failed attempts:
// exponential, with ±50% jitter so that workers that failed together do
// not retry together.
func (b Backoff) wait(n int) time.Duration {
	d := b.Base << (n - 1)
	if d > b.Max || d <= 0 {
		d = b.Max
	}
	return min(d/2+rand.N(d+1), b.Max) // jittered, and never over Max
}

// sender delivers leads: one shared limiter, retries, and a pause that
// every worker honours when Connect asks for one with Retry-After.
type sender struct {
	client  Poster
	limiter *rate.Limiter
	timeout time.Duration
	retries int
	backoff Backoff
	now     func() time.Time
	sleep   func(ctx context.Context, d time.Duration) error
	log     *slog.Logger // retries, at debug
	logLang msg.Lang

	stop        func(error) // stops the run, with the reason
	maxFailures int         // failures in a row that stop the run; 0: never
	ledger      *ledger.Run // nil: no ledger

	maxThrottle time.Duration // how long nothing but 429s stops the run; 0: never

	answered atomic.Bool // some request got an HTTP answer: Connect was reached
	// written: some request was written, and may have reached Connect
	// although no answer came: Connect cannot be said unreachable.
	written   atomic.Bool
	throttled atomic.Int64 // answers that were 429

	mu            sync.Mutex
	pauseUntil    time.Time
	nextSend      time.Time // the earliest a request may leave (spaceOut)
	failuresInRow int
	// throttledSince is when the 429s began that are all Connect has
	// answered since; zero after any other answer.
	throttledSince time.Time
	forbidden      map[string]int  // customer id → 403s in a row
	refusal        int             // the status of the last refusals alike (see refusedAlike)
	refusals       int             // how many of them in a row
	refusedPaths   map[string]bool // the customers and estates they were for, up to sameRefusalPaths
}

// maxUnanswered is how many attempts at one lead that may have reached
// Connect and got no answer (a reset or a timeout after the request was
// written) a run makes: the second may find a connection that has
// recovered, and a third would only risk a third copy. A lead an earlier
// run left so gets one. Failures before the request was written keep
// their retries.
const maxUnanswered = 2

// sameRefusals is how many rows in a row refused with the same status
// that no row's content explains (see refusedAlike) stop the run. An
// estate id that Connect does not know gives a 404 for its rows, and one
// open house's sign-ups come together: twenty in a row, for
// sameRefusalPaths customers and estates at least, is the address, not
// the rows. Refusals for fewer (one sheet of one estate) are each row's
// own failure: the run goes on, and exits 1.
const (
	sameRefusals     = 20
	sameRefusalPaths = 3
)

// refusedAlike reports whether a status says nothing of the lead sent:
// a redirect (the address is not Connect's API), 404 (no such route) or
// 405 (not this method): every row would get it.
func refusedAlike(status int) bool {
	return status >= 300 && status < 400 || status == http.StatusNotFound || status == http.StatusMethodNotAllowed
}

// customerGiveUp is how many 403s in a row for one customer id make the
// sender give up on that customer: one 403 could be a passing permission
// change; three mean this user has no access to that customer.
const customerGiveUp = 3

// send makes up to 1+retries attempts at one lead and settles its
// outcome, then updates what the run learns from it: too many failures in
// a row stop the run, a customer that keeps answering 403 is given up.
func (s *sender) send(ctx context.Context, j *job) {
	o := &j.out
	if s.customerBlocked(j.customer) {
		o.Status = status.Failed
		o.Err = msg.Error(msg.CustomerRefused{Customer: j.customer, Refusals: customerGiveUp})
		return
	}
	s.attempt(ctx, j)
	s.record(j)
	s.learn(j.customer, j.path, o)
}

// record writes a row's outcome to the ledger: sent, or failed once a
// request was made. A ledger that cannot be written stops the run, since
// the next run could no longer tell what was sent.
func (s *sender) record(j *job) {
	if s.ledger == nil || j.key == "" || j.out.Attempts == 0 {
		return
	}
	var err error
	switch {
	case j.out.Status == status.Sent:
		err = s.ledger.Sent(j.key, j.out.contactID, j.out.HTTPStatus, j.fields)
	case j.out.Status == status.Failed && (j.unconfirmed || j.out.again):
		// An attempt got no answer, now or in an earlier run, so Connect
		// may have the lead: it stays pending, and the next run sends it
		// again with a note (and, pending again, once only).
	case j.out.Status == status.Failed:
		err = s.ledger.Failed(j.key, j.out.HTTPStatus)
	}
	if err != nil {
		s.stop(msg.Error(msg.LedgerWrite{Err: err}))
	}
}

// learn counts failures in a row: those that may pass (5xx, 429, no
// answer) towards ErrConnectDown, 403s per customer, and refusals alike
// towards ErrSameRefusal. A sent row resets them all.
func (s *sender) learn(customer, path string, o *Outcome) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if o.Status == status.Failed && refusedAlike(o.HTTPStatus) {
		if o.HTTPStatus != s.refusal {
			s.refusal, s.refusals, s.refusedPaths = o.HTTPStatus, 0, nil
		}
		if s.refusedPaths == nil {
			s.refusedPaths = map[string]bool{}
		}
		if len(s.refusedPaths) < sameRefusalPaths {
			s.refusedPaths[path] = true
		}
		if s.refusals++; s.refusals >= sameRefusals && len(s.refusedPaths) >= sameRefusalPaths {
			s.stop(msg.Error(msg.SameRefusal{Rows: s.refusals, Answer: o.Err}, ErrSameRefusal))
		}
	} else if o.Status == status.Sent || o.Status == status.Failed {
		s.refusal, s.refusals, s.refusedPaths = 0, 0, nil
	}
	switch {
	case o.Status == status.Sent:
		s.failuresInRow = 0
		delete(s.forbidden, customer)
	case o.Status != status.Failed:
	case o.HTTPStatus == http.StatusForbidden:
		if s.forbidden == nil {
			s.forbidden = map[string]int{}
		}
		s.forbidden[customer]++
	case o.mayPass():
		s.failuresInRow++
		if s.maxFailures > 0 && s.failuresInRow >= s.maxFailures {
			s.stop(msg.Error(msg.ConnectDown{Failures: s.failuresInRow, Max: s.maxFailures}, ErrConnectDown))
		}
	}
}

func (s *sender) customerBlocked(customer string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.forbidden[customer] >= customerGiveUp
}

// attempt makes up to 1+retries attempts at one lead. Cancelling ctx
// ends waiting (for the limiter, a pause or a backoff) but never a request
// in flight: a request cut off midway may have been recorded, and the
// report must say what Connect answered.
func (s *sender) attempt(ctx context.Context, j *job) {
	o := &j.out
	var lastErr error
	mayHave := 0 // attempts that got no answer but may have reached Connect
	// Whatever ends the attempts (an answer, a refusal, the retries spent,
	// a stop while waiting for the limiter, a pause or a backoff), one
	// that may have reached Connect and got no answer leaves the lead
	// unconfirmed: the ledger keeps it pending and the report says Connect
	// may have it.
	defer func() {
		if mayHave == 0 {
			return
		}
		j.unconfirmed, o.unconfirmed = true, true
		if o.Status == status.Sent {
			o.notes = append(o.notes, msg.MaybeTwice{})
		} else {
			o.notes = append(o.notes, msg.MayHaveIt{})
		}
	}()
	for attempt := 1; ; attempt++ {
		if err := s.waitTurn(ctx); err != nil {
			if attempt == 1 {
				o.Status = status.NotSent
				o.Err = msg.Error(msg.NotSent{Err: context.Cause(ctx)})
			} else {
				o.Status = status.Failed
				o.Err = msg.Error(msg.NotRetried{Err: lastErr, Why: context.Cause(ctx)})
			}
			return
		}
		if attempt == 1 && s.ledger != nil && j.key != "" {
			// Durable before the request leaves: if this process dies
			// now, the next run knows the lead may have been sent.
			if err := s.ledger.Pending(j.key, j.input, o.Row.Number, j.fields, j.aliases...); err != nil {
				err = msg.Error(msg.LedgerWrite{Err: err})
				s.stop(err)
				o.Status, o.Err = status.NotSent, msg.Error(msg.NotSent{Err: err})
				return
			}
		}
		s.spaceOut(ctx)
		o.Attempts = attempt
		reqCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.timeout)
		resp, err := s.client.Post(reqCtx, j.path, j.body)
		cancel()
		var apiErr *connect.APIError
		if err == nil || errors.As(err, &apiErr) {
			s.answered.Store(true)
			if s.heard(resp.Status, apiErr) {
				o.Status, o.HTTPStatus, o.Response = status.Failed, apiErr.Status, apiErr.Body
				o.Err = msg.Error(msg.NotRetried{Err: err, Why: context.Cause(ctx)})
				return
			}
		}
		if err == nil && !resp.Confirms(j.endpoint) {
			// A 2xx answer that is not the one Connect gives (a contact
			// id; for an interest registration, 204 without a body): a
			// proxy's or a site's page at a wrong --base-url, or an
			// answer of another shape. The lead may be in Connect or
			// not, so it is unconfirmed, as a request that got no
			// answer is, and a person looks (not tried again: it may be
			// a copy). The report shows the answer's start, the ledger
			// keeps none of it.
			o.Status, o.HTTPStatus, o.Response = status.Failed, resp.Status, shortAnswer(resp.Body)
			o.Err = msg.Error(notConfirmed(j.endpoint, resp.Status))
			mayHave++
			return
		}
		if err == nil {
			o.Status, o.HTTPStatus, o.Err = status.Sent, resp.Status, nil
			o.contactID, o.Response = resp.ContactID, resp.ContactID
			if resp.ContactID == "" {
				o.said = msg.AcceptedNoBody{Status: resp.Status}
			}
			return
		}
		lastErr = err
		o.Status, o.Err = status.Failed, err
		if apiErr != nil {
			o.HTTPStatus, o.Response = apiErr.Status, apiErr.Body
			if apiErr.Status == http.StatusUnauthorized {
				s.stop(ErrUnauthorized)
				return
			}
		} else {
			o.HTTPStatus, o.Response = 0, ""
			if connect.MayHaveArrived(err) {
				mayHave++
				s.written.Store(true)
			}
			if errors.Is(err, context.DeadlineExceeded) {
				err = msg.Error(msg.NoAnswer{Within: s.timeout, Err: err})
				lastErr, o.Err = err, err
			}
		}
		if (mayHave == maxUnanswered || mayHave > 0 && o.again) && connect.Retryable(err) {
			// Connect has no idempotency key: every such attempt may be
			// a copy of the lead, so they stop at two.
			o.Err = msg.Error(msg.UnansweredTwice{Err: err, Attempts: attempt, Again: o.again})
			return
		}
		if !connect.Retryable(err) || attempt > s.retries {
			if attempt > 1 {
				o.Err = msg.Error(msg.AfterAttempts{Err: err, Attempts: attempt})
			}
			return
		}
		wait := s.backoff.wait(attempt)
		if ra, ok := connect.RetryAfter(err); ok {
			wait = ra
			s.pause(ra)
		}
		if s.log.Enabled(ctx, slog.LevelDebug) {
			s.log.Debug("retry", "input", j.input, "row", o.Row.Number, "attempt", attempt+1, "wait", wait.Round(time.Millisecond).String(),
				"reason", errForLog(err, s.logLang))
		}
		if s.sleep(ctx, wait) != nil {
			o.Err = msg.Error(msg.NotRetried{Err: err, Why: context.Cause(ctx)})
			return
		}
	}
}

// notConfirmed says that a success answered to a lead sent to endpoint
// is not the one Connect gives.
func notConfirmed(endpoint string, status int) msg.Message {
	if endpoint == mapping.EndpointInterest {
		return msg.NotNoContent{Status: status}
	}
	return msg.NotAContactID{Status: status}
}

// maxShortAnswer is how many characters of a 2xx answer that is not a
// contact id the report shows: enough to tell a gateway's page or a
// message from an id, far below a spreadsheet cell's limit.
const maxShortAnswer = 200

// shortAnswer is body on one line, cut at maxShortAnswer characters.
func shortAnswer(body string) string { return oneLine(body, maxShortAnswer) }

// oneLine is s with its runs of white space, line ends among them, made
// one space, and cut after n characters with "…".
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return s
}

// heard notes an answer, a 2xx (status) or an *APIError, and reports
// whether it stopped the run: Connect has answered nothing but 429 for
// maxThrottle, or longer.
func (s *sender) heard(status int, apiErr *connect.APIError) (stopped bool) {
	if apiErr != nil {
		status = apiErr.Status
	}
	now := s.now()
	s.mu.Lock()
	defer s.mu.Unlock()
	if status != http.StatusTooManyRequests {
		s.throttledSince = time.Time{}
		return false
	}
	s.throttled.Add(1)
	if s.throttledSince.IsZero() {
		s.throttledSince = now
	}
	if d := now.Sub(s.throttledSince); s.maxThrottle > 0 && d >= s.maxThrottle {
		s.stop(msg.Error(msg.Throttled{For: d, Max: s.maxThrottle}, ErrThrottled))
		return true
	}
	return false
}

// pause holds every worker back for d: a Retry-After speaks for the
// server, not for one request.
func (s *sender) pause(d time.Duration) {
	until := s.now().Add(d)
	s.mu.Lock()
	if until.After(s.pauseUntil) {
		s.pauseUntil = until
	}
	s.mu.Unlock()
}

// waitTurn waits out any pause and then for the limiter, until both
// agree: a pause that began while this worker waited for the limiter is
// waited out too.
func (s *sender) waitTurn(ctx context.Context) error {
	for {
		for d := s.paused(); d > 0; d = s.paused() {
			if err := s.sleep(ctx, d); err != nil {
				return err
			}
		}
		if err := s.waitLimiter(ctx); err != nil {
			return err
		}
		if s.paused() <= 0 {
			return nil
		}
	}
}

// waitLimiter waits for the limiter's next token as Limiter.Wait does,
// but on the run's clock: a test's fast clock makes the rate cost it
// nothing.
func (s *sender) waitLimiter(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r := s.limiter.ReserveN(s.now(), 1)
	if !r.OK() {
		return msg.Error(msg.BurstZero{Burst: s.limiter.Burst()})
	}
	if d := r.DelayFrom(s.now()); d > 0 {
		if err := s.sleep(ctx, d); err != nil {
			r.CancelAt(s.now())
			return err
		}
	}
	return nil
}

// spaceOut holds a request that is about to leave until one interval of
// the limiter (1/rate) after the one before it was let go. The limiter
// spaces the turns, but between a turn and its request the first attempt
// waits for the ledger's commit (Pending), which holds every write queued
// meanwhile: a commit that takes 16 ms at --rate 500 let eight workers'
// requests go at once, and a second at Connect held eight more than the
// rate. A request's time here is when it was due, not when its sleep
// ended, so that late wakings do not slow the run. A pending lead must
// go, so a cancelled ctx ends the wait early, not the request.
func (s *sender) spaceOut(ctx context.Context) {
	limit := s.limiter.Limit()
	if limit == rate.Inf || limit <= 0 {
		return
	}
	interval := time.Duration(float64(time.Second) / float64(limit))
	now := s.now()
	s.mu.Lock()
	at := s.nextSend
	if at.Before(now) {
		at = now
	}
	s.nextSend = at.Add(interval)
	s.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		_ = s.sleep(ctx, d) // cancelled: the request goes now
	}
}

// paused returns how long the pause still lasts.
func (s *sender) paused() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pauseUntil.Sub(s.now())
}

// Sleep waits for d or until ctx is done: Config.Sleep's default.
func Sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"leadimport/importer"
	"leadimport/importer/connect"
	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/report"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// Send is how the server sends, as run's flags say it.
type Send struct {
	BaseURL     string // Connect's, resolved as run resolves it
	BaseURLFrom string // the environment variable BaseURL came from, if it did (LEADIMPORT_BASE_URL)
	UserAgent   string
	Workers     int
	Rate        float64 // requests per second; 0: no limit
	Timeout     time.Duration
	Retries     int
	MaxFailures int
	MaxThrottle time.Duration
	// Ledger is the ledger's path; "": the default place, as run's.
	Ledger string
	// Credentials is the credentials file: read when it exists (after
	// the environment's VITEC_USERNAME and VITEC_PASSWORD, or before them
	// when CredentialsNamed, as run reads --credentials), and where the
	// page saves the ones a person gives, when asked to.
	Credentials      string
	CredentialsNamed bool
	Getenv           func(string) string
	// Sleep waits out a backoff; nil: importer.Sleep.
	Sleep func(ctx context.Context, d time.Duration) error
}

// The states of an import being sent.
const (
	stateReady   = "ready" // not sent yet
	stateSending = "sending"
	stateDone    = "done"
	stateStopped = "stopped" // stopped early (a stop, Connect unreachable, the password refused) or refused before it began
)

// state is the import's state.
func (u *upload) state() string {
	if u.run == nil {
		return stateReady
	}
	return u.run.state()
}

// sending is one send of an import: importer.Run with a client and the
// ledger, its progress heard row by row (importer.Progress).
type sending struct {
	id      string
	now     func() time.Time
	started time.Time
	ctx     context.Context // the run's: done once it is stopped
	cancel  context.CancelCauseFunc
	done    chan struct{} // closed when the run has ended

	mu      sync.Mutex
	st      string
	counts  map[status.Status]int
	rows    int // rows with their report line
	total   int // the rows, once counted
	ended   time.Time
	err     error // why the whole run stopped or was refused
	reasons []reasonView
	report  string // the report file
	format  report.Format
	subs    map[chan struct{}]bool
	hide    func(string) string // the upload's: its file by the name it was dropped with
}

// Progress: importer.Run tells the send of each row as its line is written.

func (p *sending) Begin(string) {}
func (p *sending) End(string)   {}
func (p *sending) Total(_ string, rows int) {
	p.mu.Lock()
	p.total = rows
	p.mu.Unlock()
	p.notify()
}
func (p *sending) Row(st status.Status) {
	p.mu.Lock()
	p.counts[st]++
	p.rows++
	p.mu.Unlock()
	p.notify()
}

// notify wakes every subscriber; one that has not caught up yet gets a
// single wake for many rows.
func (p *sending) notify() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for ch := range p.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

func (p *sending) subscribe() chan struct{} {
	ch := make(chan struct{}, 1)
	p.mu.Lock()
	p.subs[ch] = true
	p.mu.Unlock()
	return ch
}

func (p *sending) unsubscribe(ch chan struct{}) {
	p.mu.Lock()
	delete(p.subs, ch)
	p.mu.Unlock()
}

func (p *sending) state() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.st
}

// stop stops the send as SIGTERM stops a run: what is under way
// finishes, the rest is not_sent.
func (p *sending) stop() { p.cancel(msg.Error(msg.Interrupted{})) }

// sendView is an import's state while and after it is sent.
type sendView struct {
	ID        string         `json:"id"`
	State     string         `json:"state"`
	Counts    map[string]int `json:"counts"`
	Done      int            `json:"done"`
	Total     int            `json:"total"`
	Remaining int            `json:"remaining"`
	Rate      float64        `json:"rate"` // rows a second so far
	Error     string         `json:"error,omitempty"`
	// CredentialsRefused says the send stopped because Connect refused
	// the user name or password (401): the page asks for them again.
	CredentialsRefused bool         `json:"credentialsRefused,omitempty"`
	Reasons            []reasonView `json:"reasons"`
	Report             string       `json:"report,omitempty"` // where to download it, once written
}

func (p *sending) view(l msg.Lang) sendView {
	p.mu.Lock()
	defer p.mu.Unlock()
	v := sendView{ID: p.id, State: p.st, Counts: map[string]int{}, Done: p.rows, Total: max(p.total, p.rows),
		Reasons: nonNil(p.reasons)}
	for st, n := range p.counts {
		v.Counts[string(st)] = n
	}
	v.Remaining = v.Total - v.Done
	end := p.ended
	if end.IsZero() {
		end = p.now()
	}
	if secs := end.Sub(p.started).Seconds(); secs > 0 {
		v.Rate = float64(int(float64(p.rows)/secs*10)) / 10
	}
	if p.err != nil {
		v.Error = l.Error(p.err)
		if p.hide != nil {
			v.Error = p.hide(v.Error)
		}
		v.CredentialsRefused = errors.Is(p.err, importer.ErrUnauthorized)
	}
	if p.st != stateSending && p.report != "" {
		if _, err := os.Stat(p.report); err == nil {
			v.Report = "/api/imports/" + p.id + "/report"
		}
	}
	return v
}

// sendBody is the optional body of POST …/send.
type sendBody struct {
	Format string `json:"format"` // the report's: xlsx, csv or jsonl; default as run's
}

// send starts sending the import, as leadimport run sends: 202, then
// GET …/events or GET … to follow it.
func (s *Server) send(w http.ResponseWriter, r *http.Request, u *upload) {
	var body sendBody
	if r.ContentLength != 0 {
		if err := readJSON(r, &body); err != nil {
			s.failErr(w, r, bodyStatus(err), err)
			return
		}
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if s.stopping() {
		s.fail(w, r, http.StatusServiceUnavailable, msg.WebStopping{})
		return
	}
	if !s.mayChange(w, r, u) {
		return
	}
	if u.checked == nil { // a script may send without checking first
		if _, err := s.runCheck(r.Context(), u, s.lang(r)); err != nil {
			s.failImport(w, r, u, http.StatusUnprocessableEntity, err)
			return
		}
	}
	if u.checked.Send.Rows == 0 {
		s.fail(w, r, http.StatusConflict, msg.WebNothingToSend{})
		return
	}
	creds, ok := s.credentials()
	if !ok {
		s.fail(w, r, http.StatusConflict, msg.WebNeedCredentials{})
		return
	}
	format, err := reportFormat(body.Format, u.name)
	if err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	run, err := s.startSend(u, creds, s.lang(r), format)
	if errors.Is(err, errClosed) {
		s.fail(w, r, http.StatusServiceUnavailable, msg.WebStopping{})
		return
	}
	if err != nil {
		s.failImport(w, r, u, http.StatusUnprocessableEntity, err)
		return
	}
	u.run = run
	writeJSON(w, http.StatusAccepted, run.view(s.lang(r)))
}

// errClosed refuses a send once the server is closed.
var errClosed = errors.New("web: the server is stopping")

// stopping reports whether the server was closed.
func (s *Server) stopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// reportFormat is the report's format: as asked, else as run picks it
// (XLSX for an XLSX input, CSV otherwise).
func reportFormat(asked, input string) (report.Format, error) {
	if asked == "" {
		asked = "csv"
		if ext := strings.ToLower(filepath.Ext(input)); ext == ".xlsx" || ext == ".xlsm" {
			asked = "xlsx"
		}
	}
	return report.FormatOf("report." + strings.ToLower(asked))
}

// startSend opens the ledger and the client and starts the run.
func (s *Server) startSend(u *upload, creds importer.Credentials, l msg.Lang, format report.Format) (*sending, error) {
	sc := s.cfg.Send
	client, err := connect.New(sc.BaseURL, creds.Username, creds.Password, sc.UserAgent, connect.NewHTTPClient(max(sc.Workers, 1)))
	if err != nil {
		return nil, err
	}
	led, err := importer.OpenLedger(sc.Ledger, sc.Getenv, ledger.Create)
	if err != nil {
		return nil, err
	}
	limit := rate.Inf
	if sc.Rate > 0 {
		limit = rate.Limit(sc.Rate)
	}
	now := s.cfg.Now()
	base := strings.TrimSuffix(u.name, filepath.Ext(u.name))
	dir, err := s.reportDir(u)
	if err != nil {
		led.Close()
		return nil, err
	}
	run := &sending{id: u.id, now: s.cfg.Now, started: now, st: stateSending, counts: map[status.Status]int{},
		done: make(chan struct{}), subs: map[chan struct{}]bool{}, format: format, hide: u.hide,
		report: filepath.Join(dir, base+"-report-"+now.Format("20060102-150405")+"."+string(format))}
	cfg := importer.Config{Inputs: []string{u.path}, Mappings: []*mapping.Mapping{u.mapping}, Report: run.report,
		CommandLine: "leadimport serve", Lang: l, LogLang: l, Client: client, Target: sc.BaseURL,
		Workers: max(sc.Workers, 1), Limiter: rate.NewLimiter(limit, 1), Timeout: sc.Timeout, Retries: sc.Retries,
		MaxFailures: sc.MaxFailures, MaxThrottle: sc.MaxThrottle, Ledger: led, Now: s.cfg.Now, Sleep: sc.Sleep,
		Log: s.cfg.Log, Progress: run, CountRows: true, Edits: map[string]importer.Edits{u.path: u.edits.Clone()},
		// The report in every format, for the page to offer any.
		AlsoFormats: []report.Format{report.XLSX, report.CSV, report.JSONL}}
	ctx, cancel := context.WithCancelCause(s.ctx)
	run.ctx, run.cancel = ctx, cancel
	checked := u.checked.Reasons
	// Where it sends, before anything is, as run says it: a base URL
	// left in the environment by a rehearsal is seen here.
	s.mu.Lock() // Close waits for every send it did not stop from starting
	if s.closed {
		s.mu.Unlock()
		cancel(nil)
		led.Close()
		return nil, errClosed
	}
	s.sends.Add(1)
	s.mu.Unlock()
	s.cfg.Log.Info(msg.English.Say(msg.SendingTo{URL: sc.BaseURL, FromEnv: sc.BaseURLFrom, User: creds.Username}),
		"import", u.id, "url", sc.BaseURL, "user", creds.Username)
	go func() {
		defer s.sends.Done()
		defer close(run.done)
		defer cancel(nil)
		defer led.Close()
		sum, runErr := importer.Run(ctx, cfg)
		if !sum.Recorded {
			info := ledger.RunInfo{Command: "run", PID: os.Getpid(), Started: now, Mapping: u.mapping.Name,
				Inputs: []ledger.Input{{Path: u.path}}}
			led.Refused(info, importer.ExitCode(sum.Err(runErr)), importer.Reason(runErr), s.cfg.Now())
		}
		// An import sent to the end is finished: the uploaded sheet and
		// the check's rows go; the report stays to be downloaded until
		// the server stops. One that stopped keeps them, to be sent again
		// (the ledger skips what was sent).
		if st, _ := endState(&sum, runErr); st == stateDone {
			os.Remove(u.path)
			os.Remove(filepath.Join(u.dir, "check.jsonl"))
			u.mu.Lock()
			u.checked = nil
			u.mu.Unlock()
		}
		// The credentials refused are noted before the end is told, so
		// that GET /api/credentials says refused once the page hears it.
		if errors.Is(sum.Stopped, importer.ErrUnauthorized) || errors.Is(runErr, importer.ErrUnauthorized) {
			s.refused(creds)
		}
		run.finish(&sum, runErr, s.cfg.Now(), checked)
		s.cfg.Log.Info("import sent", "import", u.id, "state", run.state(), "sent", sum.Counts[status.Sent])
	}()
	return run, nil
}

// reportDir is the folder for the report of u's send: its own in
// Config.Reports, named as its upload's folder (which the ledger's record
// of the run names), else the upload's folder.
func (s *Server) reportDir(u *upload) (string, error) {
	if s.cfg.Reports == "" {
		return u.dir, nil
	}
	dir := filepath.Join(s.cfg.Reports, filepath.Base(u.dir))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	return dir, nil
}

// endState is how a run ended: done, or stopped and why (a stop,
// Connect unreachable, the password refused, the ledger busy).
func endState(sum *importer.Summary, runErr error) (string, error) {
	var setup *importer.SetupError
	switch {
	case errors.As(runErr, &setup), sum.Stopped != nil:
		return stateStopped, cmp.Or(sum.Stopped, runErr)
	case runErr != nil:
		return stateStopped, runErr
	}
	return stateDone, nil
}

// finish records how the run ended: done, or stopped with the one
// sentence that says why (Connect unreachable, the password refused, the
// ledger busy), not a failure per row. A send that sent nothing and whose
// rows failed (a 403 for the customer) says so in the sentence of its
// most frequent failure: the reasons that are not the check's (invalid).
func (p *sending) finish(sum *importer.Summary, runErr error, now time.Time, checked []reasonView) {
	p.mu.Lock()
	p.ended = now
	p.st, p.err = endState(sum, runErr)
	if p.rows == 0 && len(sum.Files) > 0 {
		for st, n := range sum.Counts {
			p.counts[st] = n
			p.rows += n
		}
	}
	for _, f := range sum.Files {
		for reason, n := range f.Reasons {
			p.reasons = append(p.reasons, reasonView{Message: reason, Rows: n})
		}
	}
	slices.SortFunc(p.reasons, func(a, b reasonView) int { return b.Rows - a.Rows })
	if p.err == nil && sum.Counts[status.Sent] == 0 && sum.Counts[status.Failed] > 0 {
		for _, r := range p.reasons {
			if !slices.Contains(checked, r) {
				p.err = errors.New(r.Message)
				break
			}
		}
	}
	p.mu.Unlock()
	p.notify()
}

// stop stops a send under way, as SIGTERM stops a run.
func (s *Server) stop(w http.ResponseWriter, r *http.Request, u *upload) {
	u.mu.Lock()
	run := u.run
	if run == nil {
		v := s.importView(r, u) // under u.mu: PUT …/input changes what it shows
		u.mu.Unlock()
		writeJSON(w, http.StatusOK, v)
		return
	}
	u.mu.Unlock()
	run.stop()
	<-run.done
	writeJSON(w, http.StatusOK, run.view(s.lang(r)))
}

// events streams a send's progress as server-sent events: a "progress"
// event with the state (as GET …) at every change, and "end" once it is
// done or stopped.
func (s *Server) events(w http.ResponseWriter, r *http.Request, u *upload) {
	u.mu.Lock()
	run := u.run
	var ready importView
	if run == nil {
		ready = s.importView(r, u) // under u.mu: PUT …/input changes what it shows
	}
	u.mu.Unlock()
	flusher, ok := w.(http.Flusher)
	if !ok {
		s.fail(w, r, http.StatusInternalServerError, msg.WebBadRequest{Detail: "no streaming"})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	l := s.lang(r)
	if run == nil {
		writeEvent(w, "end", ready)
		flusher.Flush()
		return
	}
	ch := run.subscribe()
	defer run.unsubscribe(ch)
	for {
		v := run.view(l)
		if err := writeEvent(w, "progress", v); err != nil {
			return
		}
		if v.State != stateSending {
			writeEvent(w, "end", v)
			flusher.Flush()
			return
		}
		flusher.Flush()
		select {
		case <-ch:
		case <-run.done:
		case <-r.Context().Done():
			return
		}
	}
}

func writeEvent(w http.ResponseWriter, event string, v any) error {
	data, err := jsonText(v)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, data)
	return err
}

// report downloads the send's report: ?format=xlsx|csv|jsonl (the send
// writes all three: importer.Config.AlsoFormats); without one, the
// format chosen for the send.
func (s *Server) report(w http.ResponseWriter, r *http.Request, u *upload) {
	u.mu.Lock()
	run := u.run
	u.mu.Unlock()
	asked := strings.ToLower(r.URL.Query().Get("format"))
	if run == nil || run.state() == stateSending {
		s.fail(w, r, http.StatusNotFound, msg.WebNoReport{Format: asked})
		return
	}
	path := run.report
	if asked != "" {
		format, err := reportFormatOf(asked)
		if err != nil {
			s.fail(w, r, http.StatusNotFound, msg.WebNoReport{Format: asked, Written: string(run.format)})
			return
		}
		path = importer.AlsoReport(run.report, format)
	}
	serveReport(w, r, path)
}

// reportFormatOf is the report format ?format= names: xlsx, csv or jsonl.
func reportFormatOf(name string) (report.Format, error) {
	return report.FormatOf("report." + name)
}

// serveReport downloads the report file at path, named as it is.
func serveReport(w http.ResponseWriter, r *http.Request, path string) {
	f, err := os.Open(path)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	format, _ := report.FormatOf(path)
	types := map[report.Format]string{report.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		report.CSV: "text/csv; charset=utf-8", report.JSONL: "application/x-ndjson; charset=utf-8"}
	w.Header().Set("Content-Type", types[format])
	w.Header().Set("Content-Disposition", attachment(filepath.Base(path)))
	http.ServeContent(w, r, "", st.ModTime(), f)
}

// Package web is leadimport serve: a page on a loopback address where a
// person drops a sheet, matches its columns, checks it, fixes cells, sends
// it to Connect and downloads the report, and the JSON API under /api/
// that the page (or a script) does all of that with.
//
//	srv, err := web.New(web.Config{Token: token, Lang: msg.Swedish, Send: send})
//	defer srv.Close()
//	http.Serve(ln, srv)
//
// The server is a client of importer and mapping, as the command line is:
// an upload is inspected and a mapping proposed as init proposes one
// (importer.Inspect), a check is importer.Run without a client, a send is
// importer.Run with one and the ledger, the report is the one run writes.
//
// Every request needs this start's token: from ?token= once (GET /, which
// sets it in an HttpOnly, SameSite=Strict cookie and sends the browser on
// to /), from the cookie, or as Authorization: Bearer TOKEN. Its Host must
// be this machine (a loopback address, localhost, or the address serve
// was told to listen on), and a request that changes anything from
// another site is refused (http.CrossOriginProtection).
package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"leadimport/importer"
	"leadimport/importer/msg"
	"leadimport/mapping/remember"
)

//go:embed static
var static embed.FS

// DefaultMaxUpload is --max-upload's default: far more than a sheet of
// people, little enough for a machine's temporary folder.
const DefaultMaxUpload = 50 << 20

// cookieName holds the token in the browser.
const cookieName = "leadimport_token"

// contentSecurityPolicy lets the page run only its own scripts and
// styles, from the binary: no inline script, nothing from elsewhere.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Config is what a server needs. cmd_serve.go builds it from flags and
// the environment; tests build it directly.
type Config struct {
	// Token is this start's secret (128 bits or more), which every
	// request must carry.
	Token string
	// Lang is the language of the API's messages and the reports; a
	// request's ?lang= says another.
	Lang msg.Lang
	// MaxUpload bounds an upload's size; 0: DefaultMaxUpload.
	MaxUpload int64
	// Dir is where uploads go, a folder of the server's own that Close
	// removes; "": a new private temporary folder.
	Dir string
	// Hosts are the Host names, besides loopback addresses and
	// localhost, that requests may name: --addr's host when it is no
	// loopback address.
	Hosts []string
	// Send is how to send: Connect, the ledger, the credentials.
	Send Send
	// Reports is the folder that keeps the reports of sends, one folder
	// per import (0700), after the server stops, so that history links
	// them as long as they are there; "": a report is kept with its
	// upload and goes when the server stops.
	Reports string
	// Remember keeps the mappings confirmed on the page, by their
	// headers; nil: none kept.
	Remember *remember.Store
	// Log hears what the server and its runs do, never a cell's value.
	Log *slog.Logger
	Now func() time.Time // nil: time.Now
}

// Server serves the page and the API. Close it to stop its sends and
// remove its uploads.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	handler http.Handler
	words   map[msg.Lang]pageTexts // the page's texts, GET /api/texts
	vocab   fieldsAnswer           // every endpoint's fields, GET /api/fields

	// mu guards what follows. It is taken after an upload's mu (a send
	// holds u.mu while it looks for credentials), never before it.
	mu      sync.Mutex
	imports map[string]*upload
	seq     int                   // the uploads so far
	creds   *importer.Credentials // given on the page
	// refusedCreds are the credentials Connect last refused (401).
	refusedCreds *importer.Credentials
	closed       bool

	ctx    context.Context // cancelled by Close: every send stops
	cancel context.CancelCauseFunc
	sends  sync.WaitGroup
}

// New makes a server, with its private folder for uploads.
func New(cfg Config) (*Server, error) {
	if len(cfg.Token) < 16 {
		return nil, errors.New("web: the token must be at least 16 characters")
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = DefaultMaxUpload
	}
	if cfg.Lang == "" {
		cfg.Lang = msg.Swedish
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	words, err := sayPage()
	if err != nil {
		return nil, err
	}
	if cfg.Dir == "" {
		dir, err := newServeDir(os.TempDir(), cfg.Now())
		if err != nil {
			return nil, err
		}
		cfg.Dir = dir
	} else if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, imports: map[string]*upload{}, words: words, vocab: vocabularies()}
	s.ctx, s.cancel = context.WithCancelCause(context.Background())
	s.routes()
	return s, nil
}

// Dir is the server's folder of uploads.
func (s *Server) Dir() string { return s.cfg.Dir }

// Close stops every send as SIGTERM stops a run, waits for them to
// write their reports, and removes every upload and report.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	s.cancel(msg.Error(msg.Interrupted{}))
	s.sends.Wait()
	return os.RemoveAll(s.cfg.Dir)
}

func (s *Server) routes() {
	m := http.NewServeMux()
	page, _ := fs.Sub(static, "static")
	files := http.FileServerFS(page)
	m.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" && strings.HasSuffix(r.URL.Path, "/") { // no listing of a folder
			http.NotFound(w, r)
			return
		}
		files.ServeHTTP(w, r)
	})
	m.HandleFunc("POST /api/imports", s.createImport)
	m.HandleFunc("GET /api/imports/{id}", s.withImport(s.getImport))
	m.HandleFunc("DELETE /api/imports/{id}", s.withImport(s.deleteImport))
	m.HandleFunc("PUT /api/imports/{id}/input", s.withImport(s.putInput))
	m.HandleFunc("PUT /api/imports/{id}/mapping", s.withImport(s.putMapping))
	m.HandleFunc("GET /api/imports/{id}/mapping.yaml", s.withImport(s.getMapping))
	m.HandleFunc("POST /api/imports/{id}/check", s.withImport(s.check))
	m.HandleFunc("GET /api/imports/{id}/rows", s.withImport(s.getRows))
	m.HandleFunc("PATCH /api/imports/{id}/rows/{row}", s.withImport(s.patchRow))
	m.HandleFunc("POST /api/imports/{id}/send", s.withImport(s.send))
	m.HandleFunc("POST /api/imports/{id}/stop", s.withImport(s.stop))
	m.HandleFunc("GET /api/imports/{id}/events", s.withImport(s.events))
	m.HandleFunc("GET /api/imports/{id}/report", s.withImport(s.report))
	m.HandleFunc("GET /api/texts", s.texts)
	m.HandleFunc("GET /api/fields", s.fields)
	m.HandleFunc("GET /api/history", s.history)
	m.HandleFunc("GET /api/history/{run}/report", s.historyReport)
	m.HandleFunc("GET /api/credentials", s.getCredentials)
	m.HandleFunc("POST /api/credentials", s.postCredentials)
	m.HandleFunc("GET /api/", s.notFound)
	s.mux = m

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, msg.WebForeignOrigin{})
	}))
	s.handler = s.secure(cop.Handler(s.authorize(m)))
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	s.fail(w, r, http.StatusNotFound, msg.WebBadRequest{Detail: r.Method + " " + r.URL.Path})
}

// ServeHTTP serves a request through the checks every request passes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// secure sets the headers every answer has and refuses a Host that is
// not this machine: a page elsewhere whose name was made to point at
// 127.0.0.1 (DNS rebinding) must not reach the API as its own origin.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer") // the first address holds the token
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if !s.hostAllowed(r.Host) {
			s.fail(w, r, http.StatusForbidden, msg.WebBadHost{Host: r.Host})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// hostAllowed reports whether host (a Host header) names this machine.
func (s *Server) hostAllowed(host string) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.TrimSuffix(strings.TrimPrefix(name, "["), "]")
	if strings.EqualFold(name, "localhost") {
		return true
	}
	if ip := net.ParseIP(name); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, h := range s.cfg.Hosts {
		if strings.EqualFold(name, h) {
			return true
		}
	}
	return false
}

// authorize lets through a request that carries the token. GET /?token=
// sets it in the cookie and sends the browser on to / without it, so
// that the address bar and the history hold no token.
func (s *Server) authorize(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if t := r.URL.Query().Get("token"); t != "" && r.Method == http.MethodGet && r.URL.Path == "/" && s.tokenOK(t) {
			http.SetCookie(w, &http.Cookie{Name: cookieName, Value: s.cfg.Token, Path: "/",
				HttpOnly: true, SameSite: http.SameSiteStrictMode})
			q := r.URL.Query()
			q.Del("token")
			to := "/"
			if len(q) > 0 {
				to += "?" + q.Encode()
			}
			http.Redirect(w, r, to, http.StatusSeeOther)
			return
		}
		if !s.carriesToken(r) {
			s.fail(w, r, http.StatusUnauthorized, msg.WebUnauthorized{})
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) carriesToken(r *http.Request) bool {
	if auth := r.Header.Get("Authorization"); len(auth) > 7 && strings.EqualFold(auth[:7], "Bearer ") { // the scheme is case-insensitive (RFC 9110)
		return s.tokenOK(strings.TrimSpace(auth[7:]))
	}
	c, err := r.Cookie(cookieName)
	return err == nil && s.tokenOK(c.Value)
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.cfg.Token)) == 1
}

// lang is the language a request asks for (?lang=sv|en), else the
// server's.
func (s *Server) lang(r *http.Request) msg.Lang {
	if l, err := msg.ParseLang(r.URL.Query().Get("lang")); err == nil {
		return l
	}
	return s.cfg.Lang
}

// apiError is the body of every refusal: one sentence for a person.
type apiError struct {
	Error string `json:"error"`
}

// fail answers with status and m said in the request's language.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, m msg.Message) {
	writeJSON(w, status, apiError{Error: s.lang(r).Say(m)})
}

// failErr answers with status and err said in the request's language.
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, status int, err error) {
	writeJSON(w, status, apiError{Error: s.lang(r).Error(err)})
}

// failImport answers as failErr, with u's file named as it was dropped,
// not by its place in the server's folder.
func (s *Server) failImport(w http.ResponseWriter, r *http.Request, u *upload, status int, err error) {
	writeJSON(w, status, apiError{Error: u.hide(s.lang(r).Error(err))})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true) // a cell holding <script> is text, whatever reads it
	_ = enc.Encode(v)
}

package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"flag"
	"fmt"
	"html"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"leadimport/importer"
	"leadimport/importer/console"
	"leadimport/importer/msg"
	"leadimport/importer/web"
	"leadimport/mapping/remember"
)

// serveOptions are the flags of serve.
type serveOptions struct {
	addr        string
	open        bool
	maxUpload   int64 // MiB
	lang        string
	credentials string
	reports     string
	send        sendOptions // base URL, workers, rate, timeout, retries, ledger
}

func (o *serveOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.addr, "addr", "127.0.0.1:0", "the `address` to listen on; port 0: a free port. Another address than a loopback one is reachable from other machines, over plain HTTP: a warning says so")
	fs.BoolVar(&o.open, "open", false, "open the page in the default browser")
	fs.Int64Var(&o.maxUpload, "max-upload", web.DefaultMaxUpload>>20, "the largest sheet the page takes, in `MiB`")
	fs.StringVar(&o.lang, "lang", "sv", "the page's and the reports' `language`: sv or en")
	fs.StringVar(&o.credentials, "credentials", "", "the credentials `file` (one line user:password, mode 0600), read as run reads it, before VITEC_USERNAME and VITEC_PASSWORD; where the page saves the ones given on it (default: credentials in leadimport's folder of the user's configuration directory, read when VITEC_USERNAME and VITEC_PASSWORD are not set)")
	fs.StringVar(&o.reports, "reports", "", "the `folder` that keeps the reports of sends (0700), so that history links them after serve stops (default: reports beside the ledger)")
	s := &o.send
	fs.StringVar(&s.baseURL, "base-url", "", "Connect's base `URL` (default: env LEADIMPORT_BASE_URL, else "+defaultBaseURL+")")
	fs.IntVar(&s.workers, "workers", 4, "concurrent requests, 1 to 64")
	fs.Float64Var(&s.rate, "rate", 5, "requests per second across all workers; 0 means no limit")
	fs.DurationVar(&s.timeout, "timeout", 30*time.Second, "time allowed for one request")
	fs.IntVar(&s.retries, "retries", 4, "further attempts after a retryable failure")
	fs.IntVar(&s.maxFailures, "max-failures", 20, "rows failing in a row for a reason that may pass that stop a send; 0: never stop")
	fs.DurationVar(&s.maxThrottle, "max-throttle", 15*time.Minute, "stop a send once Connect has answered nothing but 429 for this `duration`; 0: never stop")
	fs.StringVar(&s.ledger, "ledger", "", "the ledger `file` that remembers what was sent, the one run uses (default: leadimport/ledger.db in the user's state directory)")
}

func (o *serveOptions) usage(fs *flag.FlagSet) {
	printUsage(fs, "leadimport serve [flags]",
		"Serves a page on this machine where a sheet is dropped, its columns matched,\nits rows checked and fixed, sent to Connect and its report downloaded; and the\nJSON API under /api/ that the page uses (see the README, \"The HTTP interface\").\nIt prints the address to open, with the secret token of this start.\n",
		"  leadimport serve --open\n  LEADIMPORT_BASE_URL=http://127.0.0.1:8089 leadimport serve --lang en\n")
}

func (o *serveOptions) validate(args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	if _, err := msg.ParseLang(o.lang); err != nil {
		return usageError{err}
	}
	host, _, err := net.SplitHostPort(o.addr)
	if err != nil {
		return usage(msg.ServeAddrFlag{Addr: o.addr})
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		return usage(msg.ServeAddrEvery{Addr: o.addr})
	}
	if o.maxUpload < 1 || o.maxUpload > maxUploadMiB {
		return usage(msg.MaxUploadFlag{})
	}
	return o.send.validate()
}

// maxUploadMiB bounds --max-upload (1 TiB) well before its bytes
// overflow.
const maxUploadMiB = 1 << 20

func cmdServe(ctx context.Context, args []string, e *env) error {
	var o serveOptions
	fs := newFlagSet("serve", e.stderr, o.usage)
	o.bind(fs)
	if err := fs.Parse(args); err != nil {
		return told(err)
	}
	if err := o.validate(fs.Args()); err != nil {
		return err
	}
	return o.serve(ctx, e)
}

// minToken is the length of a token given in LEADIMPORT_SERVE_TOKEN: 22
// characters of base64 are 128 bits.
const minToken = 22

// token is this start's secret: LEADIMPORT_SERVE_TOKEN (for scripts and
// tests), else 128 random bits.
func token(getenv func(string) string) (string, error) {
	if t := getenv("LEADIMPORT_SERVE_TOKEN"); t != "" {
		if len(t) < minToken {
			return "", msg.Error(msg.ServeTokenShort{Min: minToken})
		}
		return t, nil
	}
	b := make([]byte, 16)
	_, _ = rand.Read(b) // never fails: it crashes the program rather than hand out predictable bytes
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// serve serves the page until ctx is done, then stops the sends under
// way (as SIGTERM stops a run) and removes the uploads.
func (o *serveOptions) serve(ctx context.Context, e *env) error {
	lang, _ := msg.ParseLang(o.lang) // validated
	tok, err := token(e.getenv)
	if err != nil {
		return usageError{err}
	}
	log, err := console.NewLogger(e.stderr, console.Text, slog.LevelInfo, console.IsTerminal(e.stderr))
	if err != nil {
		return err
	}
	send := web.Send{Workers: o.send.workers, Rate: o.send.rate, Timeout: o.send.timeout, Retries: o.send.retries,
		MaxFailures: o.send.maxFailures, MaxThrottle: o.send.maxThrottle, Ledger: o.send.ledger,
		Credentials: o.credentials, CredentialsNamed: o.credentials != "", Getenv: e.getenv, Sleep: e.sleep, UserAgent: "leadimport/" + version}
	send.BaseURL, send.BaseURLFrom = resolveBaseURL(o.send.baseURL, e.getenv)
	cfg := web.Config{Token: tok, Lang: lang, MaxUpload: o.maxUpload << 20, Send: send, Log: log, Now: e.now, Reports: o.reports}
	if led, err := importer.LedgerPath(o.send.ledger, e.getenv); err == nil && cfg.Reports == "" {
		cfg.Reports = filepath.Join(filepath.Dir(led), "reports")
	}
	if dir, err := remember.DefaultDir(e.getenv, runtime.GOOS); err == nil {
		cfg.Remember = &remember.Store{Dir: dir}
		if cfg.Send.Credentials == "" {
			cfg.Send.Credentials = filepath.Join(filepath.Dir(dir), "credentials")
		}
	}

	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	host, _, _ := net.SplitHostPort(o.addr)
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		log.Warn(e.lang.Say(msg.ServeNotLoopback{Addr: o.addr}))
		cfg.Hosts = append(cfg.Hosts, host)
	}
	srv, err := web.New(cfg)
	if err != nil {
		return err
	}
	// The page starts in Swedish unless its address says lang=en.
	query := url.Values{"token": {tok}}
	if lang != msg.Swedish {
		query.Set("lang", string(lang))
	}
	page := (&url.URL{Scheme: "http", Host: ln.Addr().String(), Path: "/", RawQuery: query.Encode()}).String()
	fmt.Fprintln(e.stdout, e.lang.Say(msg.ServeOpen{URL: page}))
	// Where a send will go, and as whom, as run says it when it starts.
	user, credsFrom := srv.CredentialsUser()
	log.Info(e.lang.Say(msg.ServeSendsTo{URL: send.BaseURL, FromEnv: send.BaseURLFrom, User: user, CredentialsFrom: credsFrom}),
		"url", send.BaseURL, "user", user)
	if o.open {
		opener := e.openURL
		if opener == nil {
			opener = openBrowser
		}
		target, err := redirectFile(srv.Dir(), page)
		if err != nil {
			target = page
		}
		if err := opener(target); err != nil {
			log.Warn(e.lang.Say(msg.ServeNoBrowser{Err: err}))
		}
	}

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served: // it could not serve: the uploads go all the same
		srv.Close()
		return err
	case <-ctx.Done():
	}
	// The sends first: each stops as SIGTERM stops a run and writes its
	// report; then the requests under way (an event stream ends with its
	// send); then the uploads go.
	srv.Close()
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if hs.Shutdown(shut) != nil {
		hs.Close()
	}
	<-served
	fmt.Fprintln(e.stderr, e.lang.Say(msg.ServeStopped{}))
	return nil
}

// redirectFile writes a page in dir (0600) that sends the browser on to
// page, and returns its path: the browser is opened on it, so that the
// address with the token is in no process's arguments, which other users
// of the machine can read (ps). The page goes with dir when serve stops.
func redirectFile(dir, page string) (string, error) {
	to := html.EscapeString(page)
	text := `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=` + to +
		`"><title>leadimport</title></head><body><a href="` + to + `">leadimport serve</a></body></html>` + "\n"
	path := filepath.Join(dir, "open.html")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		return "", err
	}
	return path, nil
}

// openBrowser opens url (or a file) in the default browser.
func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}

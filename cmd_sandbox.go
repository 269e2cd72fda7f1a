package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"leadimport/importer/msg"
	"leadimport/importer/sandbox"
)

// sandboxOptions are the flags of sandbox.
type sandboxOptions struct {
	addr      string
	user      string
	customers string
	estates   string
	record    string
	failRate  string
	rateLimit float64
	seed      int64

	faults sandbox.Faults // failRate, parsed
}

func (o *sandboxOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8089", "loopback `address` to listen on (port 0: any free port)")
	fs.StringVar(&o.user, "user", "sandbox", "the user name it accepts (the password: env LEADIMPORT_SANDBOX_PASSWORD, else generated and printed)")
	fs.StringVar(&o.customers, "customers", "M1001", "comma-separated customer `ids` it serves, as the user's access in Connect would; others, and placeholders such as M0000, get 403")
	fs.StringVar(&o.estates, "estates", "", "comma-separated estate `ids` it serves; others get 403 (default: every id but a placeholder such as OBJ0000)")
	fs.StringVar(&o.record, "record", "", "append every accepted lead to this `file` as a JSON line, with its endpoint (FinalPriceWatched or Interest)")
	fs.StringVar(&o.failRate, "fail-rate", "", "inject faults into both lead calls: `KIND=P,...` with KIND 429, 500, 502, 503, 504, reset (drop the connection) or slow (accept, then answer after 35s)")
	fs.Float64Var(&o.rateLimit, "rate-limit", 0, "answer 429 with Retry-After above this many requests per second; 0: no limit")
	fs.Int64Var(&o.seed, "seed", 0, "seed for the fault dice, to repeat a run (default: random, printed)")
}

func (o *sandboxOptions) usage(fs *flag.FlagSet) {
	printUsage(fs, "leadimport sandbox [flags]",
		"Serves Connect's two lead calls on loopback as Connect documents them, to try\nimports without touching a real broker system: FinalPriceWatched (200 with a\ncontact id) and interest (an interest registration: 204, no body). A body\nthat breaks Connect's rules gets 400 with the fields named.\n",
		"  LEADIMPORT_SANDBOX_PASSWORD=secret leadimport sandbox --record sent.jsonl\n  leadimport sandbox --fail-rate 429=0.05,500=0.05,503=0.02,reset=0.02 --rate-limit 10\n  # in another terminal:\n  VITEC_USERNAME=sandbox VITEC_PASSWORD=secret LEADIMPORT_BASE_URL=http://127.0.0.1:8089 \\\n    leadimport run --mapping samples/open-house/mapping.yaml samples/open-house/visning.xlsx\n")
}

func (o *sandboxOptions) validate(args []string) error {
	if err := noArgs(args); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(o.addr)
	if ip := net.ParseIP(host); err != nil || (host != "localhost" && (ip == nil || !ip.IsLoopback())) {
		return usage(msg.AddrNotLoopback{Addr: o.addr})
	}
	if o.faults, err = sandbox.ParseFaults(o.failRate); err != nil {
		return usage(msg.FailRateFlag{Err: err})
	}
	if o.rateLimit < 0 {
		return usage(msg.RateLimitNegative{})
	}
	return nil
}

func cmdSandbox(ctx context.Context, args []string, e *env) error {
	var o sandboxOptions
	fs := newFlagSet("sandbox", e.stderr, o.usage)
	o.bind(fs)
	if err := fs.Parse(args); err != nil {
		return told(err)
	}
	if err := o.validate(fs.Args()); err != nil {
		return err
	}
	return o.serve(ctx, e)
}

// serve serves the sandbox until ctx is done.
func (o *sandboxOptions) serve(ctx context.Context, e *env) error {
	if o.seed == 0 {
		o.seed = rand.Int64N(1<<31) + 1
	}
	srv := &sandbox.Server{Username: o.user, Password: e.getenv("LEADIMPORT_SANDBOX_PASSWORD"),
		Faults: o.faults, Seed: o.seed, RateLimit: o.rateLimit}
	generated := srv.Password == ""
	if generated {
		srv.Password = sandbox.GeneratePassword()
	}
	srv.Customers, srv.Estates = idList(o.customers), idList(o.estates)
	if o.record != "" {
		f, err := os.OpenFile(o.record, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
		if err != nil {
			return err
		}
		defer f.Close()
		srv.Record = f
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	say := func(m msg.Message) { fmt.Fprintln(e.stdout, e.lang.Say(m)) }
	say(msg.SandboxListening{Addr: ln.Addr().String()})
	if !o.faults.IsZero() {
		say(msg.SandboxFaults{Faults: o.faults.String(), Seed: o.seed})
	}
	if o.rateLimit > 0 {
		say(msg.SandboxRateLimit{Rate: o.rateLimit})
	}
	if generated {
		say(msg.SandboxPassword{User: o.user, Password: srv.Password})
	} else {
		say(msg.SandboxPasswordFromEnv{User: o.user})
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	stop := context.AfterFunc(ctx, func() {
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	})
	defer stop()
	if err := hs.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	say(msg.SandboxStopped{Accepted: srv.Accepted()})
	return nil
}

// idList reads a comma-separated list of ids.
func idList(s string) []string {
	var ids []string
	for _, id := range strings.Split(s, ",") {
		if id = strings.TrimSpace(id); id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

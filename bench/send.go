package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"leadimport/importer/connect"
	"leadimport/importer/sandbox"
	"leadimport/mapping"
)

const benchUser, benchPassword = "bench", "bench-password-not-secret"

// server is the sandbox on a loopback port, timing each request's arrival.
type server struct {
	url   string
	srv   *http.Server
	mu    sync.Mutex
	times []time.Time
}

func startServer() (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &server{url: "http://" + ln.Addr().String()}
	sb := &sandbox.Server{Username: benchUser, Password: benchPassword}
	s.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t := time.Now()
		s.mu.Lock()
		s.times = append(s.times, t)
		s.mu.Unlock()
		sb.ServeHTTP(w, r)
	})}
	go s.srv.Serve(ln)
	return s, nil
}

// take returns the arrival times so far, sorted, and forgets them.
func (s *server) take() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.times
	s.times = nil
	sort.Slice(t, func(i, j int) bool { return t[i].Before(t[j]) })
	return t
}

func (s *server) env() []string {
	return []string{"VITEC_USERNAME=" + benchUser, "VITEC_PASSWORD=" + benchPassword, "LEADIMPORT_BASE_URL=" + s.url}
}

// perSecond is the rate between the first and the last request.
func perSecond(t []time.Time) float64 {
	if len(t) < 2 {
		return 0
	}
	return float64(len(t)-1) / t[len(t)-1].Sub(t[0]).Seconds()
}

// busiest is the most requests in any one second.
func busiest(t []time.Time) int {
	most, j := 0, 0
	for i := range t {
		for t[i].Sub(t[j]) >= time.Second {
			j++
		}
		most = max(most, i-j+1)
	}
	return most
}

// send runs leadimport run over input against srv and returns the
// request times at the server.
func (s *suite) send(srv *server, input string, args ...string) (usage, []time.Time, error) {
	all := append([]string{"run", "--quiet", "--mapping", s.path("mapping.yaml"), "--ledger", s.path(fmt.Sprintf("ledger-%d.db", time.Now().UnixNano())),
		"--report", s.path("run-report.csv")}, args...)
	u, _, err := child(srv.env(), s.bin, append(all, input))
	return u, srv.take(), err
}

func (s *suite) runThroughput() error {
	p, err := pins()
	if err != nil {
		return err
	}
	input := s.path("run.csv")
	if err := writeCSV(input, s.runRows, p, false, cells); err != nil {
		return err
	}
	bodies := s.path("bodies.jsonl")
	if err := writeBodies(bodies, s.runRows, p); err != nil {
		return err
	}
	srv, err := startServer()
	if err != nil {
		return err
	}
	defer srv.srv.Close()
	const workers = 16
	self, err := os.Executable()
	if err != nil {
		return err
	}
	// The bare client and leadimport in turns, as the checks and their
	// bare reads are: each measure's median is compared.
	var rates, bareRates, cpus, bareCPUs []float64
	peak := 0.0
	for range s.rounds() {
		bu, _, err := child(nil, self, []string{"bare-client", "-url", srv.url, "-bodies", bodies, "-workers", fmt.Sprint(workers)})
		if err != nil {
			return err
		}
		bt := srv.take()
		u, lt, err := s.send(srv, input, "--rate", "0", "--workers", fmt.Sprint(workers))
		if err != nil {
			return err
		}
		if len(lt) != s.runRows || len(bt) != s.runRows {
			return fmt.Errorf("the server saw %d requests from leadimport and %d from the bare client, want %d each", len(lt), len(bt), s.runRows)
		}
		rates, bareRates = append(rates, perSecond(lt)), append(bareRates, perSecond(bt))
		cpus, bareCPUs = append(cpus, perRow(u.cpu, s.runRows)), append(bareCPUs, perRow(bu.cpu, s.runRows))
		peak = max(peak, u.rssMB)
	}
	rate, bareRate, cpu, bareCPU := medianOf(rates), medianOf(bareRates), medianOf(cpus), medianOf(bareCPUs)
	s.add(figure{name: fmt.Sprintf("run --rate 0, %d workers, %s rows: requests/s against a bare client", workers, thousands(s.runRows)),
		value:  fmt.Sprintf("%s vs %s req/s: **%.0f%%**", thousands(int(rate)), thousands(int(bareRate)), 100*rate/bareRate),
		target: "≥ 80%", met: rate >= 0.8*bareRate})
	s.add(figure{name: "run --rate 0: client CPU per row against the bare client",
		value:  fmt.Sprintf("%.1f µs vs %.1f µs: **%.2f×**", cpu, bareCPU, cpu/bareCPU),
		target: "≤ 1.5×", met: cpu <= 1.5*bareCPU})
	s.add(figure{name: "run --rate 0: peak RSS", value: fmt.Sprintf("%.0f MB", peak), target: "(context)", informal: true})
	return nil
}

// medianOf is the median of xs, which it sorts.
func medianOf(xs []float64) float64 {
	slices.Sort(xs)
	return xs[len(xs)/2]
}

// serve starts a sandbox for one step and reads the test personnummer.
func serve() (*server, []string, error) {
	p, err := pins()
	if err != nil {
		return nil, nil, err
	}
	srv, err := startServer()
	return srv, p, err
}

func (s *suite) rateAccuracy() error {
	srv, p, err := serve()
	if err != nil {
		return err
	}
	defer srv.srv.Close()
	for _, r := range []struct {
		rate, seconds, workers int
	}{{50, 30, 4}, {500, 10, 8}} {
		if s.quick {
			r.seconds = 3
		}
		n := r.rate*r.seconds + 1
		input := s.path(fmt.Sprintf("rate-%d.csv", r.rate))
		if err := writeCSV(input, n, p, false, cells); err != nil {
			return err
		}
		_, t, err := s.send(srv, input, "--rate", fmt.Sprint(r.rate), "--workers", fmt.Sprint(r.workers))
		if err != nil {
			return err
		}
		got, most := perSecond(t), busiest(t)
		off := 100 * (got - float64(r.rate)) / float64(r.rate)
		s.add(figure{name: fmt.Sprintf("run --rate %d for %d s: long-run rate", r.rate, r.seconds),
			value: fmt.Sprintf("%.2f req/s (%+.2f%%)", got, off), target: "within 1%", met: off <= 1 && off >= -1})
		s.add(figure{name: fmt.Sprintf("run --rate %d for %d s: busiest one-second window", r.rate, r.seconds),
			value: fmt.Sprintf("%d requests", most), target: fmt.Sprintf("≤ %d", r.rate+3), met: most <= r.rate+3})
	}
	return nil
}

func (s *suite) startup() error {
	srv, p, err := serve()
	if err != nil {
		return err
	}
	defer srv.srv.Close()
	input := s.path("startup.csv")
	if err := writeCSV(input, 1000, p, false, cells); err != nil {
		return err
	}
	var best []time.Duration
	for range 5 {
		u, t, err := s.send(srv, input, "--rate", "0")
		if err != nil {
			return err
		}
		best = append(best, t[0].Sub(u.start))
	}
	sort.Slice(best, func(i, j int) bool { return best[i] < best[j] })
	med := best[len(best)/2]
	s.add(figure{name: "start-up to the first request, 1,000-row file (median of 5)",
		value: fmt.Sprintf("%d ms", med.Milliseconds()), target: "< 100 ms", met: med < 100*time.Millisecond})
	return nil
}

// body is one request the bare client sends: what leadimport would.
type body struct {
	Path string          `json:"path"`
	Body json.RawMessage `json:"body"`
}

// writeBodies maps the generated rows with leadimport's own mapping and
// writes each request, so the bare client sends exactly the same bytes.
func writeBodies(path string, n int, pins []string) error {
	m, err := mapping.Parse(strings.NewReader(mappingYAML), "mapping.yaml")
	if err != nil {
		return err
	}
	mp, err := m.Bind(header, mapping.Options{})
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		r := mp.Map(cells(pins, i))
		if len(r.Problems) > 0 {
			f.Close()
			return fmt.Errorf("generated row %d is invalid: %v", i, r.Problems)
		}
		b, err := r.Lead.MarshalBody()
		if err != nil {
			f.Close()
			return err
		}
		enc.Encode(body{Path: connect.LeadPath(r.Lead.Endpoint, r.Lead.CustomerID, r.Lead.EstateID), Body: b})
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// bareClientMain is the baseline client, run as a child process: a Go
// HTTP client tuned as one should be (keep-alive sized to the workers),
// the same workers, the same bodies, no mapping, no ledger, no report.
func bareClientMain(args []string) int {
	fs := flag.NewFlagSet("bare-client", flag.ExitOnError)
	url := fs.String("url", "", "the server")
	path := fs.String("bodies", "", "the bodies (JSON lines)")
	workers := fs.Int("workers", 16, "concurrent requests")
	fs.Parse(args)
	data, err := os.ReadFile(*path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	var bodies []body
	for line := range bytes.SplitSeq(bytes.TrimSpace(data), []byte("\n")) {
		var b body
		if err := json.Unmarshal(line, &b); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		bodies = append(bodies, b)
	}
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConns: *workers, MaxIdleConnsPerHost: *workers, IdleConnTimeout: 90 * time.Second,
	}}
	jobs := make(chan body)
	var wg sync.WaitGroup
	failed := 0
	var mu sync.Mutex
	for range *workers {
		wg.Go(func() {
			for b := range jobs {
				req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, *url+"/"+b.Path, bytes.NewReader(b.Body))
				if err != nil {
					panic(err) // the bodies are this program's own
				}
				req.SetBasicAuth(benchUser, benchPassword)
				req.Header.Set("Content-Type", "application/json")
				resp, err := client.Do(req)
				if err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				if err != nil || resp.StatusCode != http.StatusOK {
					mu.Lock()
					failed++
					mu.Unlock()
				}
			}
		})
	}
	for _, b := range bodies {
		jobs <- b
	}
	close(jobs)
	wg.Wait()
	if failed > 0 {
		fmt.Fprintf(os.Stderr, "bare client: %d requests failed\n", failed)
		return 1
	}
	return 0
}

package importer

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"

	"leadimport/importer/connect"
	"leadimport/importer/report"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// file is one input on its way through a run.
type file struct {
	input    string
	src      source.Reader
	mapper   *mapping.Mapper
	report   string
	requests int
}

// job is a valid row waiting for a worker.
type job struct {
	out  Outcome
	path string
	body []byte
}

// windowPerWorker sizes the reorder window: how far reading may run ahead
// of the oldest row not yet written. Enough that a slow request does not
// starve the other workers, small enough that memory stays flat.
const windowPerWorker = 64

// run streams one input through mapping, sending and the report. The
// reader goroutine maps each row and hands valid ones to the workers;
// invalid ones go straight to the collector. The collector (this
// goroutine) owns the report and writes outcomes in input order.
func (f *file) run(stop context.Context, cfg Config, snd *sender) (FileSummary, error) {
	fs := FileSummary{Input: f.input, Report: f.report, Counts: map[Status]int{}}
	out, err := os.OpenFile(f.report, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return fs, &SetupError{fmt.Errorf("create report: %w", err)}
	}
	defer out.Close()
	delim := f.src.Delimiter()
	if delim == 0 {
		delim = ';' // what Swedish Excel opens
	}
	rw, err := report.NewCSV(out, delim, f.src.Header())
	if err != nil {
		return fs, err
	}

	window := cfg.Workers * windowPerWorker
	slots := make(chan struct{}, window) // a slot per row read but not yet written
	jobs := make(chan job)
	results := make(chan Outcome, cfg.Workers)
	var readErr error
	var requests atomic.Int64

	var wg sync.WaitGroup
	if snd != nil {
		for range cfg.Workers {
			wg.Go(func() {
				for j := range jobs {
					snd.send(stop, j.path, j.body, &j.out)
					requests.Add(int64(j.out.Attempts))
					results <- j.out
				}
			})
		}
	}
	wg.Go(func() {
		defer close(jobs)
		readErr = f.read(stop, snd != nil, slots, jobs, results)
	})
	go func() {
		wg.Wait()
		close(results)
	}()

	pending := make([]*Outcome, window) // indexed by seq % window
	next := 0
	var writeErr error
	for o := range results {
		pending[o.seq%window] = &o
		for p := pending[next%window]; p != nil; p = pending[next%window] {
			pending[next%window] = nil
			next++
			fs.Rows++
			fs.Counts[p.Status]++
			if writeErr == nil {
				writeErr = rw.Write(report.Line{Row: p.Row.Number, Cells: p.Row.Cells, Status: string(p.Status),
					HTTPStatus: p.HTTPStatus, Attempts: p.Attempts, Response: p.Response, Error: p.Reason()})
			}
			<-slots
		}
		// Flush whenever the collector has caught up, so a crash leaves a
		// report of every row finished, at little cost when rows stream fast.
		if len(results) == 0 && writeErr == nil {
			writeErr = rw.Flush()
		}
	}
	f.requests = int(requests.Load())
	if writeErr == nil {
		writeErr = rw.Flush()
	}
	if writeErr == nil {
		writeErr = out.Close()
	}
	if writeErr != nil {
		return fs, fmt.Errorf("%s: %w", f.report, writeErr)
	}
	return fs, readErr
}

// read maps every row and routes it: invalid rows (and, in check, valid
// ones) straight to the results, valid rows to the workers, and after the
// run is stopped every valid row as not_sent, so that each row still gets
// its line.
func (f *file) read(stop context.Context, send bool, slots chan struct{}, jobs chan<- job, results chan<- Outcome) error {
	for seq := 0; ; seq++ {
		row, err := f.src.Next()
		var rowErr *source.RowError
		switch {
		case err == io.EOF:
			return nil
		case errors.As(err, &rowErr):
			// One unreadable row (an unclosed quote, bytes that are not
			// text) is that row's problem, not the file's: report it and
			// read on.
			slots <- struct{}{}
			results <- Outcome{Row: source.Row{Number: rowErr.Row}, Status: StatusInvalid, Err: rowErr.Err, seq: seq}
			continue
		case err != nil:
			return err
		}
		slots <- struct{}{}
		o := Outcome{Row: row, seq: seq}
		lead, problems := f.mapper.Map(row.Cells)
		switch {
		case len(problems) > 0:
			o.Status, o.Problems = StatusInvalid, problems
		case !send:
			o.Status = StatusValid
		case stop.Err() != nil:
			o.Status, o.Err = StatusNotSent, fmt.Errorf("not sent: %w", context.Cause(stop))
		default:
			body, err := json.Marshal(&lead.Body)
			if err != nil {
				return fmt.Errorf("%s: row %d: encode lead: %w", f.input, row.Number, err)
			}
			select {
			case jobs <- job{out: o, path: connect.LeadPath(lead.Endpoint, lead.CustomerID, lead.EstateID), body: body}:
				continue
			case <-stop.Done():
				o.Status, o.Err = StatusNotSent, fmt.Errorf("not sent: %w", context.Cause(stop))
			}
		}
		results <- o
	}
}

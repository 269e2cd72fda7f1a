package importer

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"leadimport/importer/connect"
	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/persons"
	"leadimport/importer/report"
	"leadimport/importer/source"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// file is one input on its way through a run.
type file struct {
	input   string
	in      *source.File // the input, opened once: src reads it
	edits   Edits        // corrections over its cells (Config.Edits)
	src     source.Reader
	rep     *reportInput // src, when the input is an earlier run's report
	opts    source.Options
	width   int              // the header's number of columns
	mapping *mapping.Mapping // the one the input took
	mapper  *mapping.Mapper
	tally   *mapping.Tally // the per-column counts: each mapping goroutine adds its own when done
	tallyMu sync.Mutex
	started time.Time
	report  string
	format  report.Format
	// csvLine formats a clean row's line as its CSV report writes it, as
	// the row is read ahead (persons.go), when the report is CSV in a
	// check; nil: the lines are formatted as they are written.
	csvLine *report.CSVLine
	created bool // this run created the report file (so may remove it)
	// problems, problemsOut and problemsCreated are the second report,
	// of the rows that need a person, when Config.ReportProblems asks.
	problems        string
	problemsOut     *os.File
	problemsCreated bool
	also            []alsoReport // the report in Config.AlsoFormats
	withLead        bool         // a report shows each row's lead (keepsLead)
	lang            msg.Lang
	out             *os.File // the report, created before anything is sent
	// async writes out beside the check that writes the report
	// (asyncwrite.go); nil: the report is written to out as it is made.
	async    *asyncWriter
	rw       report.Writer
	rwErr    error // why rw could not start: its header not written
	requests int

	log       *slog.Logger
	logLang   msg.Lang
	customers map[string]bool // the customer ids sent for, up to maxNamedCustomers

	ledger *ledger.Ledger // nil: no ledger (check)
	lrun   *ledger.Run
	force  bool // send even what the ledger says was sent

	// verdicts say, row by row, what reading the input ahead found of
	// the rows that are the same person (findPersons), which kept its
	// rows in spool for the run to read (spool.go), and counted them.
	verdicts *persons.Verdicts
	spool    *spool
	rows     int
	// readThrough: the reading ahead reached the input's end; else it
	// was stopped (the run's rows after it are read from src), or failed
	// with readErr.
	readThrough bool
	readErr     error
	// stat is the input's size and time before it was read.
	stat os.FileInfo
}

func (f *file) close() {
	f.src.Close()
	if f.in != nil {
		f.in.Close()
	}
	if f.verdicts != nil {
		f.verdicts.Close()
	}
	if f.spool != nil {
		f.spool.close()
	}
	if f.out != nil {
		f.closeOut()
	}
	if f.problemsOut != nil {
		f.problemsOut.Close()
	}
	for _, a := range f.also {
		a.out.Close()
	}
}

// closeOut closes the report, once what async holds of it is written.
func (f *file) closeOut() error {
	var err error
	if f.async != nil {
		err = f.async.Close()
		f.async = nil
	}
	return errors.Join(err, f.out.Close())
}

// job is a valid row waiting for a worker.
type job struct {
	out      Outcome
	customer string
	endpoint string // the lead's, which says what answer confirms it
	path     string
	body     []byte
	key      ledger.Key    // the lead's key in the ledger; "" without one
	aliases  []ledger.Key  // its person's other keys, kept as the key's aliases
	fields   ledger.Fields // its fields, kept with the key
	input    string
	// unconfirmed: an attempt got no answer, so Connect may have the lead
	// whatever the outcome says.
	unconfirmed bool
}

// windowPerWorker sizes the reorder window: how far reading may run ahead
// of the oldest row not yet written. Enough that a slow request does not
// starve the other workers, small enough that memory stays flat.
const windowPerWorker = 64

// mapBatch is how many rows a check hands a mapper at once.
const mapBatch = 32

// laneRows is how many rows a check's fast lane holds at most (read);
// 0 turns the lane off, which a test does to compare the reports.
var laneRows = 256

// laneSlotRows is how many of a lane's rows take one slot of the reorder
// window: the rows in flight stay as few as rows one at a time would
// make them, each a pointer or two that the garbage collector follows.
const laneSlotRows = mapBatch

// laneSlots is how many slots a lane of n rows takes.
func laneSlots(n int) int { return (n + laneSlotRows - 1) / laneSlotRows }

// run streams one input through mapping, sending and the report. In a
// run the reader goroutine maps each row and hands valid ones to the
// workers; invalid ones go straight to the collector. In a check mapper
// goroutines map the rows the reader hands them. The collector (this
// goroutine) owns the report and writes outcomes in input order. A report
// that cannot be written stops the run: nothing more is sent that the
// report could not account for.
func (f *file) run(ctx context.Context, stop context.CancelCauseFunc, cfg Config, snd *sender) (FileSummary, error) {
	sum := FileSummary{Input: f.input, Report: f.report, Problems: f.problems, Counts: map[status.Status]int{}}
	f.started = cfg.Now()
	cfg.Progress.Begin(f.input)
	defer cfg.Progress.End(f.input)
	if cfg.CountRows && ctx.Err() == nil {
		cfg.Progress.Total(f.input, f.rows) // counted by findPersons
	}
	if f.lrun != nil {
		// What the inputs before this one sent is committed, so that a
		// lead they sent is skipped here, not taken for one whose
		// outcome is unknown.
		if err := f.lrun.Sync(); err != nil {
			stop(msg.Error(msg.LedgerWrite{Err: err}))
		}
	}
	rw, writeErr := f.rw, f.rwErr // startReport's
	if f.withLead = f.keepsLead(); f.withLead && f.spool.changesOnly {
		// findPersons kept only the changes' text (mayShowLeads): the leads
		// to show are not there.
		return sum, msg.Error(msg.ComparingRows{Err: errSpoolBroken})
	}

	mappers := max(2, runtime.GOMAXPROCS(0)) // a check's
	window := cfg.Workers * windowPerWorker
	if snd == nil {
		window = mappers * windowPerWorker
	}
	slots := make(chan struct{}, window) // a slot per row read but not yet written
	jobs := make(chan job)
	toMap := make(chan []Outcome, cfg.Workers)
	free := make(chan []Outcome, 2*mappers) // a check's batches written, to be used again
	lanes := make(chan []fastRow, 4)        // and its fast lanes
	results := make(chan []Outcome, cfg.Workers)
	var readErr error
	var requests atomic.Int64

	var wg sync.WaitGroup
	if snd != nil {
		for range cfg.Workers {
			wg.Go(func() {
				for j := range jobs {
					snd.send(ctx, &j)
					requests.Add(int64(j.out.Attempts))
					results <- []Outcome{j.out}
				}
			})
		}
	} else {
		// A check has nothing to wait for but the mapping itself, which
		// is most of its work: the rows are mapped on every core, and
		// the collector puts them back in order.
		for range mappers {
			wg.Go(func() {
				t := f.mapper.NewTally()
				defer f.addTally(t)
				for batch := range toMap {
					for i := range batch {
						f.assess(ctx, &batch[i], false, t)
					}
					results <- batch
				}
			})
		}
	}
	wg.Go(func() {
		defer close(jobs)
		defer close(toMap)
		readErr = f.read(ctx, stop, snd != nil, slots, jobs, toMap, results, free, lanes)
	})
	go func() {
		wg.Wait()
		close(results)
	}()

	// The reorder window: pending holds the outcomes that came back
	// ahead of the next one to write, at seq % window. That no two rows
	// in flight share a place rests on one rule: the reader takes a slot
	// for every row before it hands the row on (read), and the collector
	// gives the slot back only once the row's line is written (below), so
	// at most window rows are between the next to write and the newest.
	pending := make([]*Outcome, window)
	next := 0
	var line report.Line
	var laneLines []report.PreLine // writeLane's
	// A check's batches are used again once their lines are written:
	// held has each by the seq of its last row, the last to be written.
	held := map[int][]Outcome{}
	for batch := range results {
		for i := range batch {
			pending[batch[i].seq%window] = &batch[i]
		}
		if snd == nil && cap(batch) == mapBatch {
			held[batch[len(batch)-1].seq] = batch
		}
		for p := pending[next%window]; p != nil; p = pending[next%window] {
			pending[next%window] = nil
			next++
			if p.lane != nil {
				if writeErr == nil {
					writeErr = f.writeLane(rw, &line, &laneLines, p.lane)
				}
				sum.Rows += len(p.lane)
				sum.Counts[status.Valid] += len(p.lane)
				for range p.lane {
					cfg.Progress.Row(status.Valid)
				}
				for range laneSlots(len(p.lane)) {
					<-slots
				}
				for _, b := range p.laneBlocks {
					b.release() // its lines are written: the block may be filled again
				}
				clear(p.lane)
				select {
				case lanes <- p.lane[:0]:
				default:
				}
				continue
			}
			sum.Rows++
			sum.Counts[p.Status]++
			if p.mayPass() {
				sum.Transient++
			}
			reasons := f.reasons(p)
			f.logRow(cfg.Log, p, reasons)
			sum.countReasons(f.counted(p, reasons))
			cfg.Progress.Row(p.Status)
			if writeErr == nil {
				line.Pre = report.Preformatted{}
				if p.csvHead != "" {
					line.Pre = report.Preformatted{Layout: f.csvLine.Layout(), Head: p.csvHead, Changes: p.csvChanges}
				}
				line.Row, line.Cells, line.Status = p.Row.Number, p.Row.Cells, p.Status
				line.HTTPStatus, line.Attempts, line.Response = p.HTTPStatus, p.Attempts, p.response(f.lang)
				line.Errors, line.Changes, line.Warnings, line.Lead = p.Errors(), p.Changes, p.Warnings, p.Lead
				line.ChangesText = p.changesText
				writeErr = rw.Write(&line)
			}
			<-slots
			if b, ok := held[p.seq]; ok { // p is the last of its batch: p goes with it
				delete(held, p.seq)
				clear(b)
				select {
				case free <- b[:0]:
				default:
				}
			}
		}
		// When sending, flush whenever the collector has caught up, so a
		// crash leaves a report of every row sent: rows come at the rate
		// limit, so this costs little. A check has nothing to lose and
		// flushes when its buffer fills.
		if snd != nil && len(results) == 0 && writeErr == nil {
			writeErr = rw.Flush()
		}
		if writeErr != nil && ctx.Err() == nil {
			stop(msg.Error(msg.ReportWrite{Path: f.report, Err: writeErr}))
		}
	}
	f.requests = int(requests.Load())
	sum.Columns = f.tally.Columns() // the reader is done
	if rw != nil {
		if err := rw.Close(f.summary(cfg, &sum)); writeErr == nil {
			writeErr = err
		}
	}
	if err := f.closeOut(); writeErr == nil {
		writeErr = err
	}
	f.out = nil
	if f.problemsOut != nil {
		if err := f.problemsOut.Close(); writeErr == nil {
			writeErr = err
		}
		f.problemsOut = nil
	}
	for _, a := range f.also {
		if err := a.out.Close(); writeErr == nil {
			writeErr = err
		}
	}
	f.also = nil
	if writeErr != nil {
		writeErr = msg.Error(msg.WriteReport{Path: f.report, Err: writeErr})
	}
	sum.Err = readErr
	return sum, errors.Join(readErr, writeErr)
}

// writeLane writes the lines of a fast lane's rows: valid, each with the
// line formatted as it was read ahead, as the collector writes a row's;
// all at once when the report can (report.ValidWriter). lines is room
// for them, used again.
func (f *file) writeLane(rw report.Writer, line *report.Line, lines *[]report.PreLine, lane []fastRow) error {
	if vw, ok := rw.(report.ValidWriter); ok {
		*lines = (*lines)[:0]
		for _, r := range lane {
			*lines = append(*lines, r.line)
		}
		return vw.WriteValid(f.csvLine.Layout(), *lines)
	}
	*line = report.Line{Status: status.Valid}
	line.Pre.Layout = f.csvLine.Layout()
	for _, r := range lane {
		line.Row, line.Pre.Head, line.Pre.Changes = r.number, string(r.line.Head), string(r.line.Changes)
		if err := rw.Write(line); err != nil {
			return err
		}
	}
	return nil
}

// startReport starts the report (newReport) and writes its header through
// to the file, so that a report that cannot be written is known before a
// row is sent. A format that is whole only at its end (XLSX) writes
// nothing yet. A check's report (async) is written beside the check
// (asyncWriter), a run's as it is made.
func (f *file) startReport(async bool) error {
	if async && f.out != nil {
		f.async = newAsyncWriter(f.out)
	}
	f.rw, f.rwErr = f.newReport()
	if f.rwErr == nil {
		f.rwErr = f.rw.Flush()
	}
	return f.rwErr
}

// newReport starts the report in its format, and the report of the rows
// that need a person beside it when one is asked for.
func (f *file) newReport() (report.Writer, error) {
	var out io.Writer = f.out
	if f.async != nil {
		out = f.async
	}
	all, err := f.reportWriter(out, f.format)
	if err != nil {
		return nil, err
	}
	if len(f.also) > 0 {
		ws := []report.Writer{all}
		for _, a := range f.also {
			w, err := f.reportWriter(a.out, a.format)
			if err != nil {
				return nil, err
			}
			ws = append(ws, w)
		}
		all = report.Tee(ws...)
	}
	if f.problemsOut == nil {
		return all, nil
	}
	problems, err := f.reportWriter(f.problemsOut, f.format)
	if err != nil {
		return nil, err
	}
	return report.WithProblems(all, problems), nil
}

// keepsLead reports whether a report of the input shows each row's lead
// as sent (JSONL).
func (f *file) keepsLead() bool {
	return f.format == report.JSONL || slices.ContainsFunc(f.also, func(a alsoReport) bool { return a.format == report.JSONL })
}

// reportWriter writes a report in format to out: CSV with the input's
// delimiter (';' for an XLSX input, what Swedish Excel opens), XLSX or
// JSONL.
func (f *file) reportWriter(out io.Writer, format report.Format) (report.Writer, error) {
	switch format {
	case report.XLSX:
		return report.NewXLSX(out, f.src.Header(), f.lang)
	case report.JSONL:
		return report.NewJSONL(out, f.src.Header(), f.lang), nil
	}
	return report.NewCSV(out, f.csvLayout().Delimiter, f.src.Header(), f.lang)
}

// csvLayout is the layout of the input's CSV report.
func (f *file) csvLayout() report.CSVLayout {
	delim := f.src.Delimiter()
	if delim == 0 {
		delim = ';'
	}
	return report.CSVLayout{Delimiter: delim, Width: f.width, Lang: f.lang}
}

// summary is what an XLSX report's summary sheet says of this input.
func (f *file) summary(cfg Config, sum *FileSummary) *report.Summary {
	s := &report.Summary{Inputs: []string{f.input}, Mapping: f.mapping.Name, Started: f.started,
		Finished: cfg.Now(), Command: cfg.CommandLine}
	for _, st := range status.All {
		if n := sum.Counts[st]; n > 0 {
			s.Counts = append(s.Counts, report.Count{Status: st, Rows: n})
		}
	}
	return s
}

// read reads every row and routes it. In a check each row goes to the
// mappers (toMap). In a run the reader maps it itself, since the ledger
// must see the rows in order: invalid rows go straight to the results,
// valid ones to the workers, and after the run is stopped every valid
// row as not_sent, so that each row still gets its line.
func (f *file) read(ctx context.Context, stop context.CancelCauseFunc, send bool, slots chan struct{},
	jobs chan<- job, toMap, results chan<- []Outcome, free <-chan []Outcome, lanes <-chan []fastRow) error {
	t := f.mapper.NewTally()
	defer f.addTally(t)
	// A check hands rows to the mappers mapBatch at a time: a channel
	// operation per row would cost as much as a third of the mapping.
	// A batch held back cannot stall the reorder window as long as it
	// holds the newest rows, fewer than the window has slots: so before a
	// row goes to the results on its own (unreadable, or sent before), the
	// batch of the rows before it is handed on (handOn), or the collector
	// would wait for them while the reader waits for a slot.
	newBatch := func() []Outcome {
		select {
		case b := <-free:
			return b
		default:
			return make([]Outcome, 0, mapBatch)
		}
	}
	// A batch whose rows were all clean as read ahead has nothing left to
	// map: the reader settles it (assess) and hands it straight to the
	// collector.
	var batch []Outcome
	toRemap := false // a row of batch must be mapped again
	// The fast lane: in a check whose report is CSV, a run of rows clean
	// as read ahead, whose lines are formatted, and of which the rows of
	// the same person say nothing, is valid as it stands: it goes to the
	// collector as one Outcome (Outcome.lane), up to laneRows rows, taking
	// one place in the reorder window and a slot per laneSlotRows rows.
	// Its rows are tallied (findPersons) and have no cells, so assess
	// would find nothing. The collector gives the lanes back (lanes) once
	// it has written them.
	var lane []fastRow
	var laneBlocks []*block // the spool's blocks lane's lines are in
	pos := 0                // the next place in the reorder window: a row's, or a lane's
	handOn := func() {
		if len(lane) > 0 {
			for range laneSlots(len(lane)) {
				slots <- struct{}{}
			}
			results <- []Outcome{{lane: lane, laneBlocks: laneBlocks, seq: pos}}
			lane, laneBlocks = nil, nil
			pos++
		}
		switch {
		case len(batch) == 0:
			return
		case toRemap:
			toMap <- batch
		default:
			for i := range batch {
				f.assess(ctx, &batch[i], false, t)
			}
			results <- batch
		}
		batch, toRemap = nil, false
	}
	defer handOn()
	for seq := 0; ; seq++ {
		r, err := f.next(seq, stop)
		switch {
		case err == io.EOF:
			return nil
		case err != nil:
			return err
		case r.err != nil:
			// One unreadable row (an unclosed quote, bytes that are not
			// text) is that row's problem, not the file's: report it and
			// read on.
			handOn()
			slots <- struct{}{}
			results <- []Outcome{{Row: source.Row{Number: r.err.Row}, Status: status.Invalid, Err: r.err.Err, seq: pos}}
			pos++
			continue
		}
		verdict, err := f.verdicts.At(seq)
		if err != nil {
			// Without it a row may be sent that another disagrees with.
			stop(msg.Error(msg.ComparingRows{Err: err}))
		}
		if !send && err == nil && r.clean && len(r.line.Head) > 0 && !r.sent && verdict.Conflict == nil && seq < f.rows &&
			laneRows > 0 && ctx.Err() == nil {
			if len(batch) > 0 {
				handOn() // the rows before it, first
			}
			if lane == nil {
				select {
				case lane = <-lanes:
				default:
					lane = make([]fastRow, 0, laneRows)
				}
			}
			lane = append(lane, fastRow{number: r.row.Number, line: r.line})
			if n := len(laneBlocks); n == 0 || laneBlocks[n-1] != r.blk {
				r.blk.hold() // until the collector has written the lane
				laneBlocks = append(laneBlocks, r.blk)
			}
			if len(lane) == laneRows {
				handOn()
			}
			continue
		}
		if len(lane) > 0 {
			handOn() // the lane before the row, first
		}
		if r.blk != nil { // its line, out of the block, which goes on
			r.csvHead, r.csvChanges = string(r.line.Head), string(r.line.Changes)
		}
		// Every row takes its slot before it goes on, whichever way it
		// goes: the reorder window in run relies on it.
		slots <- struct{}{}
		o := Outcome{Row: r.row, seq: pos, clean: r.clean, mapped: r.mapped, changesText: r.changesText,
			csvHead: r.csvHead, csvChanges: r.csvChanges, tallied: seq < f.rows, verdict: verdict}
		pos++
		if r.sent {
			handOn()
			o.Status, o.Response, o.Err = status.Skipped, r.response, errReportSaysSent
			results <- []Outcome{o}
			continue
		}
		if !send {
			if batch == nil {
				batch = newBatch()
			}
			batch = append(batch, o)
			toRemap = toRemap || !o.clean
			if len(batch) == mapBatch {
				handOn()
			}
			continue
		}
		lead := f.assess(ctx, &o, send, t)
		if lead == nil {
			results <- []Outcome{o}
			continue
		}
		if o.verdict.Duplicate {
			o.Status, o.Err = status.Duplicate, msg.Error(msg.SamePerson{Row: o.verdict.SameAs})
			results <- []Outcome{o}
			continue
		}
		body, err := lead.MarshalBody()
		if err != nil {
			o.Status, o.Err = status.Invalid, msg.Error(msg.CannotEncode{Err: err})
			results <- []Outcome{o}
			continue
		}
		f.noteCustomer(lead.CustomerID)
		j := job{out: o, customer: lead.CustomerID, input: f.input, endpoint: lead.Endpoint,
			path: connect.LeadPath(lead.Endpoint, lead.CustomerID, lead.EstateID), body: body}
		if f.ledger != nil {
			settled, err := f.consult(lead, &j)
			if err != nil {
				// Without the ledger nothing can be sent safely: stop,
				// and read on so every row still gets its line.
				stop(err)
				o.Status, o.Err = status.NotSent, notSent(ctx, send)
				results <- []Outcome{o}
				continue
			}
			if settled {
				results <- []Outcome{j.out}
				continue
			}
		}
		select {
		case jobs <- j:
		case <-ctx.Done():
			o.Status, o.Err = status.NotSent, notSent(ctx, send)
			results <- []Outcome{o}
		}
	}
}

// next is the row at seq: the rows read ahead from the spool, then, if
// the reading ahead was stopped before the end, the rest from the input
// (they are not sent: the run is stopping), and after them its error,
// if it failed.
func (f *file) next(seq int, stop context.CancelCauseFunc) (spooledRow, error) {
	if seq < f.rows {
		r, err := f.spool.next()
		if err == io.EOF {
			err = errSpoolBroken // fewer than it counted
		}
		if err == nil {
			return r, nil
		}
		// The rows kept cannot be read back (the disk failed): the run
		// stops, and the rest of the input is read again from the file,
		// so that each of its rows still gets its line, not sent.
		err = msg.Error(msg.ComparingRows{Err: err})
		stop(err)
		if rerr := f.readAgainFrom(seq); rerr != nil {
			return spooledRow{}, errors.Join(err, rerr)
		}
	}
	switch {
	case f.readErr != nil:
		return spooledRow{}, f.readErr
	case f.readThrough:
		return spooledRow{}, io.EOF
	}
	row, err := f.src.Next()
	var rowErr *source.RowError
	switch {
	case err == io.EOF:
		return spooledRow{}, err
	case errors.As(err, &rowErr):
		return spooledRow{err: rowErr}, nil
	case err != nil:
		return spooledRow{}, msg.Error(msg.RowsNotRead{Err: err})
	}
	r := spooledRow{row: row, sent: f.rep != nil && f.rep.sent(f.mapping.Endpoint)}
	if r.sent {
		r.response = f.rep.response
	}
	return r, nil
}

// readAgainFrom opens the input again and reads it up to the row at seq,
// for the rows after a spool that failed (next).
func (f *file) readAgainFrom(seq int) error {
	src, rep, err := openInput(f.in, f.input, f.opts)
	if err != nil {
		return err
	}
	src = withEdits(src, f.edits)
	for range seq {
		var rowErr *source.RowError
		if _, err := src.Next(); err != nil && !errors.As(err, &rowErr) {
			src.Close()
			return msg.Error(msg.RowsNotRead{Err: err})
		}
	}
	f.src.Close()
	f.src, f.rep = src, rep
	f.rows, f.readThrough, f.readErr = seq, false, nil
	return nil
}

// addTally adds the counts one goroutine made of the rows it mapped.
func (f *file) addTally(t *mapping.Tally) {
	f.tallyMu.Lock()
	defer f.tallyMu.Unlock()
	f.tally.Merge(t)
}

// assess maps a row and settles what needs no sending: an invalid row, a
// row after the run stopped (not_sent), and in a check a valid one. It
// returns the lead of a row that is to be sent, else nil.
func (f *file) assess(ctx context.Context, o *Outcome, send bool, t *mapping.Tally) *mapping.Lead {
	var m mapping.Mapped
	switch {
	case o.mapped != nil:
		m, o.mapped = *o.mapped, nil // mapped as it was read ahead
	case o.clean: // a check's, which shows of a clean row its changes' text (changesText), or its line (csvHead)
	default:
		m = f.mapper.Map(o.Row.Cells)
		for _, n := range o.Row.Notes { // how the row was read: a warning of its column
			m.Warnings = append(m.Warnings, mapping.Problem{Column: n.Column, Value: n.Value, Message: n.Message})
		}
	}
	if !o.tallied {
		t.Add(o.Row.Cells, &m)
	}
	problems := m.Problems
	if p, ok := extraCells(o.Row.Cells, f.width); ok {
		problems = append(problems, p)
	}
	if len(problems) == 0 && o.verdict.Conflict != nil {
		// Another row is the same person but says otherwise who that
		// is: which of the two is right is for a person to say.
		problems = append(problems, mapping.Problem{Message: o.verdict.Conflict})
	}
	o.Changes, o.Warnings = m.Changes, m.Warnings
	if f.withLead {
		lead := m.Lead // a copy: taking m's address would put every row's m on the heap
		o.Lead = &lead // the lead as sent, for the report
	}
	switch {
	case len(problems) > 0:
		o.Status, o.Problems = status.Invalid, problems
	case ctx.Err() != nil:
		o.Status, o.Err = status.NotSent, notSent(ctx, send)
	case !send:
		o.Status = status.Valid
	default:
		lead := m.Lead
		return &lead
	}
	return nil
}

// errReportSaysSent is the outcome of a row its report says was sent:
// it is skipped, with the contact id the report gave. (Its person still
// counts: findPersons read it, so a later row of the same person is a
// duplicate, as in the first run.)
var errReportSaysSent = msg.Error(msg.ReportSaysSent{})

// notSent says why a row was not sent (in check: not checked).
func notSent(ctx context.Context, send bool) error {
	if !send {
		return msg.Error(msg.NotChecked{Err: context.Cause(ctx)})
	}
	return msg.Error(msg.NotSent{Err: context.Cause(ctx)})
}

// consult asks the ledger about a valid row before it is sent: a lead the
// ledger says was sent is skipped (unless --force), saying which fields
// changed if the row's differ from those sent (changed.go); a lead left
// pending by a run that died is sent again with a note. It reports
// whether the row's outcome is settled without sending.
func (f *file) consult(lead *mapping.Lead, j *job) (settled bool, err error) {
	o := &j.out
	e, found, err := f.lookUp(lead, j)
	if err != nil {
		return false, msg.Error(msg.LedgerRead{Err: err})
	}
	switch {
	case !found:
	case e.Status == ledger.StatusSent && !f.force:
		o.Status, o.Response = status.Skipped, e.ContactID
		if e.ContactID == "" && e.HTTPStatus == http.StatusNoContent {
			o.said = msg.AcceptedNoBody{Status: e.HTTPStatus}
		}
		o.Err = msg.Error(sentBefore(e, j.fields))
		return true, nil
	case e.Status == ledger.StatusPending:
		o.notes = append(o.notes, msg.EarlierUnconfirmed{}) // a run that died sent it, and never learned the answer
		o.again = true
	}
	return false, nil
}

// extraCells reports a row with values beyond the header's last column:
// the row is shifted or the header is short, and guessing which value
// belongs where could send one person's data as another field.
func extraCells(cells []string, width int) (mapping.Problem, bool) {
	extra := report.Extra(cells, width)
	if extra == nil {
		return mapping.Problem{}, false
	}
	// The values go in Value, not in the message, which logs may show;
	// the first few of them, which tell a shifted row (the message says
	// how many there are, and the report keeps them all at the line's
	// end): quoting 2,000 made every line of a ragged file 20 KB longer.
	value := report.QuoteCells(extra[:min(len(extra), maxQuotedExtra)])
	if len(extra) > maxQuotedExtra {
		value += ", …"
	}
	return mapping.Problem{Value: value, Message: msg.ExtraCells{Cells: width + len(extra), Header: width}}, true
}

// maxQuotedExtra is how many of a row's values beyond the header its
// error quotes.
const maxQuotedExtra = 5

// maxNamedCustomers bounds how many customer ids an input's log names
// (and remembers): a handful is what a brokerage has; a column of ids
// that differ on every row must not grow memory with the rows.
const maxNamedCustomers = 100

// noteCustomer logs the first lead of the input for each customer id, so
// that the log says whose leads a run sends, up to maxNamedCustomers.
func (f *file) noteCustomer(customer string) {
	if f.customers[customer] || len(f.customers) > maxNamedCustomers {
		return
	}
	if f.customers == nil {
		f.customers = map[string]bool{}
	}
	f.customers[customer] = true
	if len(f.customers) > maxNamedCustomers {
		f.log.Info(f.logLang.Say(msg.ManyCustomers{Input: f.input, Named: maxNamedCustomers}))
		return
	}
	f.log.Info(f.logLang.Say(msg.SendingForCustomer{Input: f.input, Customer: customer}), "input", f.input, "customer", customer)
}

package importer

import (
	"cmp"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"leadimport/importer/msg"
	"leadimport/importer/persons"
	"leadimport/importer/report"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// Before anything is sent or written, every input is read through the
// mapping, and every valid row's person goes to a persons.Finder: two
// rows that are the same person but disagree on who that is are both
// invalid, and the first of them may come long before the second, so a
// run must know before it sends the first. This is the one reading of
// the input: its rows are kept in a spool (spool.go), and the run reads
// them from there, with what this reading decided of each
// (file.verdicts), in check and run alike. The same pass counts the
// invalid rows for --max-invalid, the per-column counts, and the rows
// for the progress bar's total.

// findPersons reads each input ahead, as above, and returns how many
// rows are invalid in all. An input that cannot be read through is left
// for its own run to report (where it is read up to the same row), unless
// the count must be whole (--max-invalid): then it is refused, closed and
// left out of the files returned. Whatever it returns, the files
// returned are the ones still open.
func (cfg *Config) findPersons(ctx context.Context, files []*file, whole bool) (invalid int, read []*file, unread []FileSummary, err error) {
	dir := cfg.scratchDir()
	// A check whose reports show no lead needs only a clean row's
	// changes, as the report words them: only they are kept. When its
	// reports are CSV, the row's line is formatted as the rows are mapped,
	// on every core, all but its outcome (report.CSVLine).
	changesOnly := cfg.Client == nil && !cfg.mayShowLeads()
	for i, f := range files {
		if changesOnly && f.format == report.CSV && !slices.ContainsFunc(cfg.AlsoFormats, func(a report.Format) bool { return a != report.CSV }) {
			f.csvLine = report.NewCSVLine(f.csvLayout())
		}
		n, readErr, err := f.findPersons(ctx, dir, changesOnly)
		if err != nil {
			return 0, append(read, files[i:]...), unread, err // still open: the caller closes them
		}
		if readErr != nil && whole {
			f.close()
			unread = append(unread, FileSummary{Input: f.input, Refused: readErr})
			continue
		}
		invalid += n
		read = append(read, f)
	}
	return invalid, read, unread, nil
}

// scratchDir is where the scratch files of a run go (the rows read
// ahead, the persons being compared): as much as the inputs, so on a
// disk, not in the system's temporary directory, often a tmpfs held in
// memory. Beside the ledger in a run, beside the reports in a check;
// scratch.New falls back to the temporary directory when no file can be
// made there.
func (cfg *Config) scratchDir() string {
	switch {
	case cfg.Ledger != nil:
		return filepath.Dir(cfg.Ledger.Path())
	case cfg.Report == "":
		return "." // the reports go to the working directory
	case asksForDir(cfg.Report):
		return cfg.Report
	}
	if st, err := os.Stat(cfg.Report); err == nil && st.IsDir() {
		return cfg.Report
	}
	if !regularReport(cfg.Report) {
		return "" // a report to a device (/dev/stdout): /dev is no disk
	}
	return filepath.Dir(cfg.Report)
}

// mayShowLeads reports whether a report of the run may show each row's
// lead (JSONL), as Report's extension and AlsoFormats say: asked before
// the reports are made, so that a doubt is a yes.
func (cfg *Config) mayShowLeads() bool {
	format, err := report.FormatOf(cfg.Report) // "": CSV or XLSX, by the input
	return err != nil || format == report.JSONL || slices.Contains(cfg.AlsoFormats, report.JSONL)
}

// regularReport reports whether a report path is, or will be, a regular
// file, not a device or a link to one.
func regularReport(path string) bool {
	st, err := os.Stat(path)
	return err != nil || st.Mode().IsRegular()
}

// findPersons reads the input once, mapping its rows on every core, and
// leaves f.verdicts, f.rows, f.tally and f.spool: each row, with what
// mapping it made when the row is clean, in input order (spool.go). It
// returns how many rows are invalid, and apart, an error reading the
// input.
func (f *file) findPersons(ctx context.Context, dir string, changesOnly bool) (invalid int, readErr, err error) {
	if f.spool, err = newSpool(dir, changesOnly); err != nil {
		return 0, nil, msg.Error(msg.ComparingRows{Err: err})
	}
	f.tally = f.mapper.NewTally()
	finder := persons.New(dir)
	mappers := max(2, runtime.GOMAXPROCS(0))
	var (
		bad    atomic.Int64
		addErr error
		errMu  sync.Mutex
		wg     sync.WaitGroup
	)
	// The reader hands batches to the mappers, which hand them on, out
	// of order, to the spooler, which writes them in order. A batch takes
	// a slot of window from its reading to its writing, so that the
	// batches waiting for a slow one to be written stay few.
	window := make(chan struct{}, 4*mappers)
	free := make(chan *aheadBatch, cap(window)) // batches written, to be used again
	batches := make(chan *aheadBatch, mappers)
	mapped := make(chan *aheadBatch, mappers)
	for range mappers {
		wg.Go(func() {
			t := f.mapper.NewTally()
			defer f.addTally(t)
			var scratch mapping.Scratch
			for b := range batches {
				for i := range b.rows {
					if err := f.addPerson(finder, b, &b.rows[i], &bad, t, &scratch); err != nil {
						errMu.Lock()
						addErr = cmp.Or(addErr, err)
						errMu.Unlock()
					}
				}
				mapped <- b
			}
		})
	}
	spooled := make(chan error, 1)
	go func() { spooled <- f.spoolInOrder(mapped, window, free) }()
	readErr = f.readAhead(ctx, batches, window, free, &bad)
	close(batches)
	wg.Wait()
	close(mapped)
	err = cmp.Or(<-spooled, addErr)
	if err == nil {
		err = f.spool.rewind()
	}
	if err != nil {
		return 0, nil, errors.Join(msg.Error(msg.ComparingRows{Err: err}), finder.Close())
	}
	v, err := finder.Verdicts()
	if err != nil {
		return 0, nil, msg.Error(msg.ComparingRows{Err: err})
	}
	f.verdicts = v
	return int(bad.Load()) + v.Conflicts(), readErr, nil
}

// aheadBatch is mapBatch rows read ahead, the n-th batch of the input.
type aheadBatch struct {
	n    int
	rows []aheadRow
	// kept holds the mappings of its clean rows (aheadRow.kept), as the
	// spool keeps them (spooledRow.mapping).
	kept []byte
}

// aheadRow is a row read ahead, with its place in the input.
type aheadRow struct {
	spooledRow
	seq int
	// kept is where its mapping is in the batch's kept, when it is clean,
	// and how long its line's head is there when its line is kept
	// (spooledRow.head).
	kept [3]int
}

// readAhead reads the input to its end (or the run's stop), numbering
// the rows as the run will (an unreadable row, which it counts as
// invalid, takes a number too), and hands them on mapBatch at a time. It
// counts the rows in f.rows. It returns the input's error that stopped
// the reading, kept in f.readErr too, for the run to report where its
// rows end.
func (f *file) readAhead(ctx context.Context, batches chan<- *aheadBatch, window chan struct{}, free <-chan *aheadBatch, bad *atomic.Int64) error {
	b := newBatch(0, free, f.src)
	defer func() {
		if len(b.rows) > 0 {
			window <- struct{}{}
			batches <- b
		}
	}()
	var rowErr *source.RowError // out of the loop: errors.As makes it escape, one allocation
	for f.rows = 0; ; f.rows++ {
		if len(b.rows) == mapBatch {
			window <- struct{}{}
			batches <- b
			b = newBatch(b.n+1, free, f.src)
		}
		if ctx.Err() != nil {
			return nil // the run reads the rest as not sent
		}
		row, err := f.src.Next()
		switch {
		case err == io.EOF:
			f.readThrough = true
			return nil
		case errors.As(err, &rowErr):
			bad.Add(1)
			b.rows = append(b.rows, aheadRow{spooledRow: spooledRow{err: rowErr}, seq: f.rows})
			continue
		case err != nil:
			f.readErr = msg.Error(msg.RowsNotRead{Err: err})
			return f.readErr
		}
		r := aheadRow{spooledRow: spooledRow{row: row}, seq: f.rows}
		if r.sent = f.rep != nil && f.rep.sent(f.mapping.Endpoint); r.sent {
			r.response = f.rep.response
		}
		b.rows = append(b.rows, r)
	}
}

// newBatch is the n-th batch: one written before, emptied, if there is
// one, so that the rows and the mappings read ahead cost no allocation
// once the first few batches are made.
// A batch's rows are spooled by then: the source may hold the next
// rows in their cells (source.Recycler).
func newBatch(n int, free <-chan *aheadBatch, src source.Reader) *aheadBatch {
	select {
	case b := <-free:
		if r, ok := src.(source.Recycler); ok {
			for i := range b.rows {
				r.Recycle(b.rows[i].row.Cells)
			}
		}
		clear(b.rows) // let go of the rows' cells
		b.n, b.rows, b.kept = n, b.rows[:0], b.kept[:0]
		return b
	default:
		return &aheadBatch{n: n, rows: make([]aheadRow, 0, mapBatch), kept: make([]byte, 0, 16<<10)}
	}
}

// spoolInOrder writes the batches mapped to the spool in input order, as
// they come, gives back each one's slot of window, and hands it on to be
// used again.
func (f *file) spoolInOrder(mapped <-chan *aheadBatch, window <-chan struct{}, free chan<- *aheadBatch) error {
	var err error
	waiting := map[int]*aheadBatch{}
	next := 0
	for b := range mapped {
		waiting[b.n] = b
		for b := waiting[next]; b != nil; b = waiting[next] {
			delete(waiting, next)
			next++
			for i := range b.rows {
				r := &b.rows[i]
				if r.clean {
					r.mapping, r.head = b.kept[r.kept[0]:r.kept[1]], r.kept[2]
				}
				if err == nil {
					err = f.spool.add(&r.spooledRow)
				}
			}
			<-window
			select {
			case free <- b:
			default:
			}
		}
	}
	return err
}

// addPerson maps a row read ahead, adds it to the per-column counts and,
// when it is valid, adds its person to the finder and keeps its mapping
// in the batch when it is clean; it counts it when it is invalid. A row
// a report input says was sent is neither invalid nor counted, whatever
// it holds: it is not read again.
func (f *file) addPerson(finder *persons.Finder, b *aheadBatch, r *aheadRow, bad *atomic.Int64, t *mapping.Tally, scratch *mapping.Scratch) error {
	if r.err != nil {
		return nil // counted by readAhead
	}
	// Nothing of m is kept past the row but copies: its parts may live
	// in scratch.
	m := f.mapper.MapInto(r.row.Cells, scratch)
	for _, n := range r.row.Notes { // how the row was read: a warning of its column
		m.Warnings = append(m.Warnings, mapping.Problem{Column: n.Column, Value: n.Value, Message: n.Message})
	}
	if !r.sent {
		t.AddMapped(r.row.Cells, &m, scratch)
	}
	// A row sent before is its person whatever cells it has past the
	// header: a later row of the person is its duplicate.
	_, extra := extraCells(r.row.Cells, f.width)
	if len(m.Problems) > 0 || extra && !r.sent {
		if !r.sent {
			bad.Add(1)
		}
		return nil
	}
	if m.Clean() && !r.sent {
		r.clean = f.keep(b, r, &m)
	}
	p := personOf(&m.Lead)
	return finder.Add(r.seq, r.row.Number, &p, r.sent)
}

// keep keeps what the run needs of a clean row's mapping m in the
// batch's kept, as the spool keeps it (spooledRow): its line as the CSV
// report writes it, its changes' text, or its mapping in binary. It
// reports whether it kept any: a row whose line has cells beyond the
// header (which a clean row has not) is mapped again.
func (f *file) keep(b *aheadBatch, r *aheadRow, m *mapping.Mapped) bool {
	start, head := len(b.kept), 0
	switch {
	case f.csvLine != nil:
		var ok bool
		if b.kept, ok = f.csvLine.AppendHead(b.kept, r.row.Number, r.row.Cells); !ok {
			return false
		}
		head = len(b.kept) - start
		b.kept = f.csvLine.AppendChanges(b.kept, m.Changes)
	case f.spool.changesOnly:
		b.kept = report.AppendChangesText(b.kept, m.Changes, f.lang)
	default:
		b.kept, _ = m.AppendBinary(b.kept)
	}
	r.kept = [3]int{start, len(b.kept), head}
	return true
}

// personOf is who a mapped lead is for, as the Finder compares it.
func personOf(lead *mapping.Lead) persons.Person {
	p := lead.Person()
	out := persons.Person{Endpoint: lead.Endpoint, Customer: lead.CustomerID, Estate: lead.EstateID,
		FirstName: p.FirstName, LastName: p.LastName, Personnummer: p.SocialSecurityNumber,
		Foreign: p.IsForeignSocialSecurityNumber}
	if e := p.Email; e != nil {
		out.Email = cmp.Or(e.EmailAddress, e.EmailAddress2)
	}
	if t := p.Telephone; t != nil {
		out.Phone = cmp.Or(t.Cell, t.Home, t.Work, t.Other)
	}
	return out
}

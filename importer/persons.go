package importer

import (
	"cmp"
	"context"
	"errors"
	"io"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"

	"leadimport/importer/msg"
	"leadimport/importer/persons"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// Before anything is sent or written, every input is read once through
// the mapping, and every valid row's person goes to a persons.Finder:
// two rows that are the same person but disagree on who that is are
// both invalid, and the first of them may come long before the second,
// so a run must know before it sends the first. The second reading
// finds what the first decided, row by row (file.verdicts), in check and
// run alike, so the two agree on which rows are invalid. The same pass
// counts the invalid rows for --max-invalid and the rows for the
// progress bar's total, which took readings of their own before.

// findPersons reads each input ahead, as above, and returns how many
// rows are invalid in all. An input that cannot be read through is left
// for its own run to report (where it is read up to the same row), unless
// the count must be whole (--max-invalid): then it is refused, closed and
// left out of the files returned.
func (cfg *Config) findPersons(ctx context.Context, files []*file, whole bool) (invalid int, read []*file, unread []FileSummary, err error) {
	dir := "" // the system's temporary directory
	if cfg.Ledger != nil {
		dir = filepath.Dir(cfg.Ledger.Path()) // the user's state: a disk, not a tmpfs
	}
	for _, f := range files {
		n, readErr, err := f.findPersons(ctx, dir)
		if err != nil {
			return 0, nil, nil, err
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

// findPersons reads the input once, mapping its rows on every core, and
// leaves f.verdicts and f.rows. It returns how many rows are invalid,
// and apart, an error reading the input.
func (f *file) findPersons(ctx context.Context, dir string) (invalid int, readErr, err error) {
	finder := persons.New(dir)
	var (
		bad    atomic.Int64
		addErr error
		errMu  sync.Mutex
		wg     sync.WaitGroup
	)
	batches := make(chan []aheadRow, runtime.GOMAXPROCS(0))
	for range max(2, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for batch := range batches {
				for i := range batch {
					if err := f.addPerson(finder, &batch[i], &bad); err != nil {
						errMu.Lock()
						addErr = cmp.Or(addErr, err)
						errMu.Unlock()
					}
				}
			}
		})
	}
	readErr = f.readAhead(ctx, batches, &bad)
	close(batches)
	wg.Wait()
	if addErr != nil {
		return 0, nil, errors.Join(msg.Error(msg.ComparingRows{Err: addErr}), finder.Close())
	}
	v, err := finder.Verdicts()
	if err != nil {
		return 0, nil, msg.Error(msg.ComparingRows{Err: err})
	}
	f.verdicts = v
	return int(bad.Load()) + v.Conflicts(), readErr, nil
}

// aheadRow is a row read ahead, with its place in the input and whether
// a report input says it was sent.
type aheadRow struct {
	source.Row
	seq  int
	sent bool
}

// readAhead reads the input as file.read will, numbering the rows alike
// (an unreadable row, which it counts as invalid, takes a number too),
// and hands them on mapBatch at a time. It counts the rows in f.rows.
func (f *file) readAhead(ctx context.Context, batches chan<- []aheadRow, bad *atomic.Int64) error {
	src, rep, err := openInput(f.input, f.opts)
	if err != nil {
		return err
	}
	defer src.Close()
	batch := make([]aheadRow, 0, mapBatch)
	defer func() {
		if len(batch) > 0 {
			batches <- batch
		}
	}()
	for f.rows = 0; ctx.Err() == nil; f.rows++ {
		row, err := src.Next()
		var rowErr *source.RowError
		switch {
		case err == io.EOF:
			f.readThrough = true
			return nil
		case errors.As(err, &rowErr):
			bad.Add(1)
			continue
		case err != nil:
			return msg.Error(msg.RowsNotRead{Err: err})
		}
		if batch = append(batch, aheadRow{Row: row, seq: f.rows, sent: rep != nil && rep.sent()}); len(batch) == mapBatch {
			batches <- batch
			batch = make([]aheadRow, 0, mapBatch)
		}
	}
	return nil
}

// addPerson maps a row read ahead and, when it is valid, adds its person
// to the finder; it counts it when it is invalid. A row a report input
// says was sent is not invalid whatever it holds: it is not read again.
func (f *file) addPerson(finder *persons.Finder, r *aheadRow, bad *atomic.Int64) error {
	if _, extra := extraCells(r.Cells, f.width); extra && !r.sent {
		bad.Add(1)
		return nil
	}
	m := f.mapper.Map(r.Cells)
	if len(m.Problems) > 0 {
		if !r.sent {
			bad.Add(1)
		}
		return nil
	}
	p := personOf(&m.Lead)
	return finder.Add(r.seq, r.Number, &p, r.sent)
}

// personOf is who a mapped lead is for, as the Finder compares it.
func personOf(lead *mapping.Lead) persons.Person {
	p := &lead.Body.Person
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

package importer

import (
	"cmp"
	"context"
	"errors"
	"io"
	"os"
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
// left out of the files returned. Whatever it returns, the files
// returned are the ones still open.
func (cfg *Config) findPersons(ctx context.Context, files []*file, whole bool) (invalid int, read []*file, unread []FileSummary, err error) {
	dir := cfg.scratchDir()
	for i, f := range files {
		n, readErr, err := f.findPersons(ctx, dir)
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
	return filepath.Dir(cfg.Report)
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
	readErr, err = f.readAhead(ctx, dir, batches, &bad)
	close(batches)
	wg.Wait()
	if err != nil {
		return 0, nil, errors.Join(msg.Error(msg.ComparingRows{Err: err}), finder.Close())
	}
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

// readAhead reads the input to its end (or the run's stop), keeping
// every row in f.spool for the run to read (spool.go), numbering them
// as it will (an unreadable row, which it counts as invalid, takes a
// number too), and hands the readable ones on mapBatch at a time. It
// counts the rows in f.rows. It returns the input's error that stopped
// the reading (kept in f.readErr too, for the run to report where its
// rows end), and apart, the spool's.
func (f *file) readAhead(ctx context.Context, dir string, batches chan<- []aheadRow, bad *atomic.Int64) (readErr, err error) {
	if f.spool, err = newSpool(dir); err != nil {
		return nil, err
	}
	batch := make([]aheadRow, 0, mapBatch)
	defer func() {
		if len(batch) > 0 {
			batches <- batch
		}
		if rewindErr := f.spool.rewind(); err == nil {
			err = rewindErr
		}
	}()
	for f.rows = 0; ; f.rows++ {
		if ctx.Err() != nil {
			return nil, nil // the run reads the rest as not sent
		}
		row, err := f.src.Next()
		var rowErr *source.RowError
		switch {
		case err == io.EOF:
			f.readThrough = true
			return nil, nil
		case errors.As(err, &rowErr):
			bad.Add(1)
			if err := f.spool.add(&spooledRow{err: rowErr}); err != nil {
				return nil, err
			}
			continue
		case err != nil:
			f.readErr = msg.Error(msg.RowsNotRead{Err: err})
			return f.readErr, nil
		}
		sent := f.rep != nil && f.rep.sent()
		kept := spooledRow{row: row, sent: sent}
		if sent {
			kept.response = f.rep.response
		}
		if err := f.spool.add(&kept); err != nil {
			return nil, err
		}
		if batch = append(batch, aheadRow{Row: row, seq: f.rows, sent: sent}); len(batch) == mapBatch {
			batches <- batch
			batch = make([]aheadRow, 0, mapBatch)
		}
	}
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

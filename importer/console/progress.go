package console

import (
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"leadimport/importer/msg"
	"leadimport/importer/status"
)

// Bar shows a run's progress on a terminal: rows done of the total (once
// counted), rows per second, the time left, and the rows failed and
// invalid so far. It is an importer.Progress.
type Bar struct {
	// Lang is the language of the bar's words; the zero Lang is English.
	Lang msg.Lang

	out *Output

	mu               sync.Mutex
	bar              *progressbar.ProgressBar
	input            string
	failed, invalid  int
	shownBad, rowsIn int
}

// NewBar returns a Bar drawing on out.
func NewBar(out *Output) *Bar { return &Bar{out: out} }

func (b *Bar) Begin(input string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.input, b.failed, b.invalid, b.rowsIn = filepath.Base(input), 0, 0, 0
	b.bar = progressbar.NewOptions64(-1,
		progressbar.OptionSetWriter(b.out.barOut),
		progressbar.OptionSetDescription(b.input),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString(b.Lang.Say(msg.BarUnit{})),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetElapsedTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSpinnerType(14),
	)
	b.out.mu.Lock()
	b.out.barOn = true
	b.out.mu.Unlock()
}

func (b *Bar) Total(input string, rows int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bar != nil && filepath.Base(input) == b.input {
		b.bar.ChangeMax64(int64(rows))
	}
}

func (b *Bar) Row(st status.Status) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bar == nil {
		return
	}
	switch st {
	case status.Failed:
		b.failed++
	case status.Invalid:
		b.invalid++
	}
	if bad := b.failed + b.invalid; bad != b.shownBad {
		b.shownBad = bad
		b.bar.Describe(b.title())
	}
	b.bar.Add(1)
}

// title is the bar's title once rows have failed or been invalid: the
// input and how many.
func (b *Bar) title() string {
	return b.Lang.Say(msg.BarTitle{Input: b.input, Failed: b.failed, Invalid: b.invalid})
}

func (b *Bar) End(string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.bar == nil {
		return
	}
	b.bar.Finish()
	b.bar = nil
	b.out.mu.Lock()
	if b.out.barOn {
		io.WriteString(b.out.w, eraseLine)
	}
	b.out.barOn = false
	b.out.mu.Unlock()
}

// LogProgress logs a run's progress where no one watches a bar: a line
// every Every rows or Interval, whichever comes first, but never two
// within Gap (a check reads thousands of rows a second: a line per 1,000
// would flood the log). It is an importer.Progress.
type LogProgress struct {
	Log      *slog.Logger
	Every    int           // rows; 0: 1,000
	Interval time.Duration // 0: 10 seconds
	Gap      time.Duration // 0: 5 seconds
	// Ticks, when set, is the clock's tick in place of one every
	// Interval, and Now the clock: a test's.
	Ticks <-chan time.Time
	Now   func() time.Time

	mu                               sync.Mutex
	input                            string
	total, rows, sent, bad, lastRows int
	start, lastLine                  time.Time
	stop                             chan struct{}
	done                             sync.WaitGroup
}

func (p *LogProgress) Begin(input string) {
	p.mu.Lock()
	p.input, p.total, p.rows, p.sent, p.bad, p.lastRows = input, 0, 0, 0, 0, 0
	if p.Now == nil {
		p.Now = time.Now
	}
	p.start, p.lastLine = p.Now(), time.Time{}
	p.stop = make(chan struct{})
	interval := p.Interval
	if interval <= 0 {
		interval = 10 * time.Second
	}
	stop, ticks := p.stop, p.Ticks
	p.mu.Unlock()
	p.done.Go(func() {
		if ticks == nil {
			t := time.NewTicker(interval)
			defer t.Stop()
			ticks = t.C
		}
		for {
			select {
			case <-stop:
				return
			case <-ticks:
				p.mu.Lock()
				if p.rows != p.lastRows {
					p.logLocked()
				}
				p.mu.Unlock()
			}
		}
	})
}

func (p *LogProgress) Total(input string, rows int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if input == p.input {
		p.total = rows
	}
}

func (p *LogProgress) Row(st status.Status) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.rows++
	switch st {
	case status.Sent, status.Valid:
		p.sent++
	case status.Failed, status.Invalid:
		p.bad++
	}
	every, gap := p.Every, p.Gap
	if every <= 0 {
		every = 1000
	}
	if gap <= 0 {
		gap = 5 * time.Second
	}
	if p.rows%every == 0 && p.Now().Sub(p.lastLine) >= gap {
		p.logLocked()
	}
}

// logLocked writes one progress line; p.mu is held.
func (p *LogProgress) logLocked() {
	p.lastRows, p.lastLine = p.rows, p.Now()
	elapsed := p.lastLine.Sub(p.start)
	rate := float64(p.rows) / elapsed.Seconds()
	attrs := []any{"input", p.input, "rows", p.rows}
	if p.total > 0 {
		attrs = append(attrs, "total", p.total)
	}
	attrs = append(attrs, "ok", p.sent, "failed_or_invalid", p.bad, "rows_per_s", fmt.Sprintf("%.1f", rate))
	if p.total > p.rows && rate > 0 {
		eta := time.Duration(float64(p.total-p.rows) / rate * float64(time.Second))
		attrs = append(attrs, "eta", eta.Round(time.Second).String())
	}
	p.Log.Info("progress", attrs...)
}

func (p *LogProgress) End(string) {
	p.mu.Lock()
	stop := p.stop
	p.stop = nil
	p.mu.Unlock()
	if stop != nil {
		close(stop)
		p.done.Wait()
	}
}

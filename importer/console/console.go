// Package console is what a person or a log collector sees of a run on
// stderr: log lines (text or JSON, through log/slog) and, on a terminal,
// a progress bar that the log lines print above.
//
// A log record's name ("row invalid", "row sent", "retry", "done",
// "column", "progress") and its attributes' names (row, input, rows,
// eta, …) are keys, not sentences, and stay the same whatever the
// language: log collectors, alerts and a grep through last night's cron
// mail match them, and a key that changed with LANG would silently break
// every one of them. What is said for a person to read, the progress
// bar's words and the errors, is a message of importer/msg, which a
// msg.Lang can say in Swedish.
package console

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"leadimport/importer/msg"
)

// IsTerminal reports whether w is a terminal: a progress bar and log
// lines without timestamps are for people; elsewhere lines are for logs.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// Output is stderr shared by the log and the progress bar. Each write is
// whole; while a bar is shown, a log line first erases the bar's line
// (the bar draws itself again with its next row).
type Output struct {
	mu     sync.Mutex
	w      io.Writer
	barOn  bool
	barOut barWriter
}

// NewOutput wraps w.
func NewOutput(w io.Writer) *Output {
	o := &Output{w: w}
	o.barOut = barWriter{o}
	return o
}

// eraseLine is the terminal's carriage return and erase-to-end-of-line.
const eraseLine = "\r\x1b[K"

func (o *Output) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.barOn {
		io.WriteString(o.w, eraseLine)
	}
	return o.w.Write(p)
}

// barWriter is the bar's way to the terminal: the same lock, no erasing.
type barWriter struct{ o *Output }

func (b barWriter) Write(p []byte) (int, error) {
	b.o.mu.Lock()
	defer b.o.mu.Unlock()
	return b.o.w.Write(p)
}

// Format is a log format: text or json.
type Format string

const (
	Text Format = "text"
	JSON Format = "json"
)

// ParseFormat reads --log-format: text (or empty) or json.
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case Text, "":
		return Text, nil
	case JSON:
		return f, nil
	}
	return "", msg.Error(msg.UnknownLogFormat{Format: s})
}

// NewLogger returns the run's logger. JSON writes one object per line
// (slog's JSONHandler). Text on a terminal writes "msg key=value ..." with
// the level before anything above info; off a terminal each line starts
// with the time, for a log file.
func NewLogger(w io.Writer, format Format, level slog.Level, terminal bool) (*slog.Logger, error) {
	switch format {
	case JSON:
		return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level})), nil
	case Text, "":
		return slog.New(&textHandler{w: w, level: level, times: !terminal, mu: new(sync.Mutex)}), nil
	}
	return nil, msg.Error(msg.UnknownLogFormat{Format: string(format)})
}

// textHandler writes one plain line per record: what people read.
type textHandler struct {
	w     io.Writer
	level slog.Level
	times bool
	attrs []slog.Attr
	mu    *sync.Mutex
}

func (h *textHandler) Enabled(_ context.Context, l slog.Level) bool { return l >= h.level }

func (h *textHandler) WithAttrs(as []slog.Attr) slog.Handler {
	c := *h
	c.attrs = append(slices.Clip(h.attrs), as...)
	return &c
}

// WithGroup is not used by leadimport; groups are flattened.
func (h *textHandler) WithGroup(string) slog.Handler { return h }

func (h *textHandler) Handle(_ context.Context, r slog.Record) error {
	var b strings.Builder
	if h.times {
		t := r.Time
		if t.IsZero() {
			t = time.Now()
		}
		b.WriteString(t.Format("2006-01-02T15:04:05.000Z07:00"))
		b.WriteByte(' ')
		b.WriteString(r.Level.String())
		b.WriteByte(' ')
	} else if r.Level != slog.LevelInfo {
		b.WriteString(r.Level.String())
		b.WriteByte(' ')
	}
	b.WriteString(r.Message)
	write := func(a slog.Attr) bool {
		v := a.Value.Resolve().String()
		if v == "" {
			return true
		}
		b.WriteByte(' ')
		b.WriteString(a.Key)
		b.WriteByte('=')
		if strings.ContainsAny(v, " \"=\n\t") {
			fmt.Fprintf(&b, "%q", v)
		} else {
			b.WriteString(v)
		}
		return true
	}
	for _, a := range h.attrs {
		write(a)
	}
	r.Attrs(write)
	b.WriteByte('\n')
	h.mu.Lock()
	defer h.mu.Unlock()
	_, err := io.WriteString(h.w, b.String())
	return err
}

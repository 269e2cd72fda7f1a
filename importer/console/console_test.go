package console

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

func TestTextLogger(t *testing.T) {
	tests := []struct {
		name     string
		terminal bool
		log      func(*slog.Logger)
		want     string // "" lines; a time stands first when not on a terminal
	}{
		{"info is the message alone", true, func(l *slog.Logger) { l.Info("visning.xlsx: sheet \"Anmälningar\"") },
			"visning.xlsx: sheet \"Anmälningar\"\n"},
		{"warn says so; values with spaces quoted", true, func(l *slog.Logger) {
			l.Warn("row invalid", "row", 10, "column", "Personnummer", "reason", "check digit should be 1")
		}, "WARN row invalid row=10 column=Personnummer reason=\"check digit should be 1\"\n"},
		{"empty attributes left out", true, func(l *slog.Logger) { l.Info("x", "a", "", "b", 2) }, "x b=2\n"},
		{"debug hidden at info", true, func(l *slog.Logger) { l.Debug("x") }, ""},
		{"attributes of With first", true, func(l *slog.Logger) { l.With("input", "a.csv").Info("x", "row", 2) }, "x input=a.csv row=2\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			l, err := NewLogger(&buf, Text, slog.LevelInfo, tc.terminal)
			require.NoError(t, err)
			tc.log(l)
			assert.Equal(t, tc.want, buf.String())
		})
	}

	var buf bytes.Buffer
	l, err := NewLogger(&buf, Text, slog.LevelInfo, false)
	require.NoError(t, err)
	l.Info("x", "row", 2)
	line := buf.String()
	ts, rest, ok := strings.Cut(line, " ")
	require.True(t, ok)
	_, err = time.Parse("2006-01-02T15:04:05.000Z07:00", ts)
	require.NoError(t, err, "off a terminal each line starts with the time: %q", line)
	assert.Equal(t, "INFO x row=2\n", rest)
}

func TestJSONLogger(t *testing.T) {
	var buf bytes.Buffer
	l, err := NewLogger(&buf, JSON, slog.LevelDebug, true)
	require.NoError(t, err)
	l.Info("a")
	l.Warn("row invalid", "row", 10)
	l.Debug("row sent", "row", 11)
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 3)
	for _, line := range lines {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		assert.Contains(t, m, "time")
		assert.Contains(t, m, "level")
		assert.Contains(t, m, "msg")
	}
	_, err = NewLogger(&buf, "xml", slog.LevelInfo, true)
	require.EqualError(t, err, "--log-format xml: use text or json")
}

func TestOutputErasesTheBarBeforeALogLine(t *testing.T) {
	var buf bytes.Buffer
	out := NewOutput(&buf)
	bar := NewBar(out)
	bar.Begin("dir/visning.xlsx")
	bar.Total("dir/visning.xlsx", 3)
	bar.Row("sent")
	out.Write([]byte("WARN row invalid\n"))
	bar.Row("invalid")
	bar.End("dir/visning.xlsx")
	out.Write([]byte("3 rows\n"))
	s := buf.String()
	assert.Contains(t, s, eraseLine+"WARN row invalid\n", "the bar's line is erased before a log line")
	assert.True(t, strings.HasSuffix(s, eraseLine+"3 rows\n"), "the bar is gone after End: %q", s)
	assert.Equal(t, 1, strings.Count(s, "3 rows\n"))
}

func TestLogProgress(t *testing.T) {
	var buf bytes.Buffer
	l, err := NewLogger(&buf, JSON, slog.LevelInfo, false)
	require.NoError(t, err)
	now := time.Date(2026, 12, 3, 2, 15, 0, 0, time.UTC)
	p := &LogProgress{Log: l, Every: 10, Interval: time.Hour, Now: func() time.Time {
		now = now.Add(10 * time.Second) // time goes on between lines: the gap is not what this test is about
		return now
	}}
	p.Begin("a.csv")
	p.Total("a.csv", 25)
	for i := range 25 {
		if i%5 == 4 {
			p.Row("invalid")
		} else {
			p.Row("sent")
		}
	}
	p.End("a.csv")
	var lines []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m))
		lines = append(lines, m)
	}
	require.Len(t, lines, 2, "a line every 10 rows")
	assert.Equal(t, "progress", lines[1]["msg"])
	assert.Equal(t, 20.0, lines[1]["rows"])
	assert.Equal(t, 25.0, lines[1]["total"])
	assert.Equal(t, 16.0, lines[1]["ok"])
	assert.Equal(t, 4.0, lines[1]["failed_or_invalid"])
	assert.Contains(t, lines[1], "eta")
}

// TestLogProgressAtMostEveryFewSeconds: rows that come faster than the
// gap get one line per gap, not one per Every rows.
func TestLogProgressAtMostEveryFewSeconds(t *testing.T) {
	var buf bytes.Buffer
	l, err := NewLogger(&buf, Text, slog.LevelInfo, true)
	require.NoError(t, err)
	now := time.Date(2026, 12, 3, 2, 15, 0, 0, time.UTC)
	p := &LogProgress{Log: l, Every: 10, Interval: time.Hour, Gap: 5 * time.Second, Now: func() time.Time { return now }}
	p.Begin("a.csv")
	for range 100 { // all in the same instant
		p.Row("sent")
	}
	assert.Equal(t, 1, strings.Count(buf.String(), "progress"), "one line in the gap")
	now = now.Add(5 * time.Second)
	for range 10 {
		p.Row("sent")
	}
	p.End("a.csv")
	assert.Equal(t, 2, strings.Count(buf.String(), "progress"), "and the next after it")
	assert.Contains(t, buf.String(), "progress input=a.csv rows=110")
}

func TestLogProgressByTime(t *testing.T) {
	var buf syncBuffer
	l, err := NewLogger(&buf, Text, slog.LevelInfo, true)
	require.NoError(t, err)
	ticks := make(chan time.Time) // a tick is taken once the one before is done with
	p := &LogProgress{Log: l, Ticks: ticks}
	p.Begin("a.csv")
	p.Row("sent")
	ticks <- time.Time{}
	ticks <- time.Time{}
	assert.Contains(t, buf.String(), "progress input=a.csv rows=1")
	ticks <- time.Time{}
	p.End("a.csv")
	assert.Equal(t, 1, strings.Count(buf.String(), "progress"), "no line while nothing moves")
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestBarSpeaksItsLang: the bar's words are messages, said in its Lang;
// the zero Lang is English.
func TestBarSpeaksItsLang(t *testing.T) {
	tests := []struct {
		lang        msg.Lang
		unit, title string
	}{
		{"", "(0/3, 0 rows/", "visning.xlsx (1 failed, 2 invalid)"},
		{msg.Swedish, "(0/3, 0 rader/", "visning.xlsx (1 misslyckade, 2 ogiltiga)"},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			var buf bytes.Buffer
			bar := NewBar(NewOutput(&buf))
			bar.Lang = tc.lang
			bar.Begin("dir/visning.xlsx")
			bar.Total("dir/visning.xlsx", 3)
			bar.Row("failed")
			bar.Row("invalid")
			bar.Row("invalid")
			// A terminal narrower than the title cuts it, so it is
			// checked as it is handed to the bar.
			assert.Equal(t, tc.title, bar.title())
			bar.End("dir/visning.xlsx")
			assert.Contains(t, buf.String(), tc.unit)
		})
	}
	_, err := ParseFormat("xml")
	assert.EqualError(t, err, "--log-format xml: use text or json")
	assert.Equal(t, "--log-format xml: använd text eller json", msg.Swedish.Error(err))
}

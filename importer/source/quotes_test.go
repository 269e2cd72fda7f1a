package source

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scanReference is quoteTracker.scan as it was before it skipped to the
// next quote outside quotes: a byte at a time through the states.
func (q *quoteTracker) scanReference(b []byte) {
	if q.recStartLine == 0 {
		q.recStartLine = 1
	}
	s, d := q.state, q.delim
	lastEnd := -1
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch s {
		case cellStart:
			switch c {
			case '"':
				s = quoted
			case '\n':
				lastEnd = i
			case d:
			default:
				s = unquoted
			}
		case unquoted:
			j := i
			for j < len(b) && b[j] != d && b[j] != '\n' {
				j++
			}
			if i = j; j < len(b) {
				s = cellStart
				if b[j] == '\n' {
					lastEnd = j
				}
			}
		case quoted:
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				i = len(b)
				break
			}
			i += j
			s = quoteSeen
		case quoteSeen:
			switch c {
			case '"':
				s = quoted
			case '\n':
				s, lastEnd = cellStart, i
			case d:
				s = cellStart
			case '\r':
				s = quoteSeenCR
			default:
				s = quoted
			}
		case quoteSeenCR:
			switch c {
			case '\n':
				s, lastEnd = cellStart, i
			case '"':
				s = quoteSeen
			default:
				s = quoted
			}
		}
	}
	q.state = s
	if lastEnd >= 0 {
		if first := bytes.IndexByte(b, '\n'); q.max > 0 && q.recLen+first > q.max {
			q.recLen += first
			return
		}
		q.recStartLine = q.lines + bytes.Count(b[:lastEnd+1], []byte{'\n'}) + 1
		q.recLen = len(b) - lastEnd - 1
	} else {
		q.recLen += len(b)
	}
	q.lines += bytes.Count(b, []byte{'\n'})
}

// trackerBits are what the text in the tracker tests is made of.
var trackerBits = []string{"a", "Å", "\xc3", "\xa5", "\xe2\x82", "\xac", "\xf0\x9f\x98", "\x80", "\xff", ";", ",", "\t", "|",
	`"`, `""`, "\n", "\r", "\r\n", " ", "x;y"}

// checkTracker reads data through a quoteTracker in the chunks sizes
// gives, scanning it with scan and scanReference alike, and requires the
// same state after every chunk, and notUTF8 as utf8.Valid says.
func checkTracker(t *testing.T, data []byte, delim byte, limit int, sizes []int) {
	t.Helper()
	q := &quoteTracker{delim: delim, max: limit}
	ref := &quoteTracker{delim: delim, max: limit}
	for at, k := 0, 0; at < len(data); k++ {
		n := min(len(data)-at, max(1, sizes[k%len(sizes)]))
		b := data[at : at+n]
		q.scan(b)
		ref.scanReference(b)
		require.Equal(t, ref.state, q.state, "%q after %d bytes", data, at+n)
		require.Equal(t, ref.recLen, q.recLen, "%q after %d bytes", data, at+n)
		require.Equal(t, ref.recStartLine, q.recStartLine, "%q after %d bytes", data, at+n)
		require.Equal(t, ref.lines, q.lines, "%q after %d bytes", data, at+n)
		at += n
	}
}

// TestQuoteTrackerAsReference: the scan that skips to the next quote ends
// every chunk in the state the byte-at-a-time scan does.
func TestQuoteTrackerAsReference(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		var b bytes.Buffer
		for range rnd.IntN(40) {
			b.WriteString(trackerBits[rnd.IntN(len(trackerBits))])
		}
		sizes := []int{1 + rnd.IntN(7), 1 + rnd.IntN(30), 1 + rnd.IntN(3)}
		checkTracker(t, b.Bytes(), ";,\t|"[rnd.IntN(4)], []int{0, 10}[rnd.IntN(2)], sizes)
	}
}

// TestQuoteTrackerUTF8: notUTF8 says whether the text as a whole is
// UTF-8, however the reads cut it.
func TestQuoteTrackerUTF8(t *testing.T) {
	rnd := rand.New(rand.NewPCG(5, 6))
	readers := map[string]func(io.Reader) io.Reader{
		"whole":    func(r io.Reader) io.Reader { return r },
		"one byte": iotest.OneByteReader,
		"half":     iotest.HalfReader,
		"data+EOF": iotest.DataErrReader,
	}
	texts := []string{"", "Åsa;Öberg\n", "\xc3", "a\xc3", "\xa5", "\xe2\x82\xac", "\xe2\x82", "\xf0\x9f\x98\x80x", "\xf0\x9f\x98",
		"\xed\xa0\x80", "\xc0\xaf", "ok\xff", "\xef\xbf\xbd"}
	for range 2000 {
		var b bytes.Buffer
		for range rnd.IntN(12) {
			b.WriteString(trackerBits[rnd.IntN(len(trackerBits))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		for name, wrap := range readers {
			q := &quoteTracker{r: wrap(bytes.NewReader([]byte(text))), delim: ';'}
			_, err := io.Copy(io.Discard, q)
			require.NoError(t, err)
			assert.Equal(t, !utf8.ValidString(text), q.notUTF8, "%q read %s", text, name)
		}
	}
}

// FuzzQuoteTrackerChunks: any text in any chunks ends in the reference
// scan's state, and notUTF8 is utf8.Valid's answer.
func FuzzQuoteTrackerChunks(f *testing.F) {
	f.Add([]byte("a;\"b\"\"c\"\r\nÅ;\xc3"), uint8(0), uint8(3), uint8(5))
	f.Add([]byte("\"x\r\"\n,\"y"), uint8(1), uint8(1), uint8(2))
	f.Fuzz(func(t *testing.T, data []byte, d, s1, s2 uint8) {
		delim := delimiters[int(d)%len(delimiters)]
		checkTracker(t, data, byte(delim), int(d%2)*16, []int{int(s1%64) + 1, int(s2%64) + 1})
		q := &quoteTracker{r: &chunkReader{data: data, sizes: []int{int(s1%8) + 1, int(s2%8) + 1}}, delim: byte(delim)}
		_, err := io.Copy(io.Discard, q)
		require.NoError(t, err)
		require.Equal(t, !utf8.Valid(data), q.notUTF8, "%q", data)
	})
}

// chunkReader reads data in chunks of the sizes given, in turn.
type chunkReader struct {
	data  []byte
	sizes []int
	k     int
}

func (c *chunkReader) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.data[:min(len(c.data), c.sizes[c.k%len(c.sizes)])])
	c.data, c.k = c.data[n:], c.k+1
	return n, nil
}

// FuzzLastNewline: lastNewline is bytes.LastIndexByte(b, '\n').
func FuzzLastNewline(f *testing.F) {
	for _, s := range []string{"", "\n", "a", "Malmö\nAnna;Svensson;", "\n\n\n\n\n\n", "a\nb\nc\nd\ne\nf", "a\nb\nc\nd\n", "abc\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		require.Equal(t, bytes.LastIndexByte(b, '\n'), lastNewline(b), "%q", b)
	})
}

package importer

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// failAfter is a writer that takes n writes, then fails.
type failAfter struct {
	bytes.Buffer
	n int
}

var errDiskFull = errors.New("no space left on device")

func (w *failAfter) Write(p []byte) (int, error) {
	if w.n == 0 {
		return 0, errDiskFull
	}
	w.n--
	return w.Buffer.Write(p)
}

// TestAsyncWriter: what is written comes out whole and in order once
// Close returns, though Write's caller reuses its buffer at once; a
// failure of the file is returned by a later Write and by Close, and
// nothing after it is written.
func TestAsyncWriter(t *testing.T) {
	tests := []struct {
		name    string
		takes   int // writes the file takes before it fails
		writes  int
		wantErr bool
	}{
		{"all written", 1 << 30, 500, false},
		{"nothing written", 0, 10, true},
		{"the disk fills", 7, 500, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &failAfter{n: tt.takes}
			a := newAsyncWriter(w)
			var want bytes.Buffer
			buf := make([]byte, 0, 64)
			var writeErr error
			for i := range tt.writes {
				buf = fmt.Appendf(buf[:0], "line %d\n", i)
				want.Write(buf)
				if _, err := a.Write(buf); err != nil {
					writeErr = err
					break
				}
				clear(buf[:cap(buf)]) // the caller's buffer, used again
			}
			err := a.Close()
			if !tt.wantErr {
				require.NoError(t, writeErr)
				require.NoError(t, err)
				assert.Equal(t, want.String(), w.String())
				return
			}
			assert.ErrorIs(t, err, errDiskFull)
			assert.True(t, bytes.HasPrefix(want.Bytes(), w.Bytes()), "what was written is a prefix of what was given")
			assert.Equal(t, tt.takes, bytes.Count(w.Bytes(), []byte("\n")), "nothing after the failure")
			_, err = a.Write([]byte("more"))
			assert.Error(t, err, "a write after Close")
		})
	}
}

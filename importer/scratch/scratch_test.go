package scratch

import (
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What a scratch file holds is personal data: on disk it must read as
// noise, and it must be gone from its folder from the moment it is made.
func TestFileHoldsNoPersonalData(t *testing.T) {
	personal := []string{"19121212-1212", "tolvan@example.se", "Tolvansson", "0701234567"}
	dir := t.TempDir()
	f, err := New(dir, ".test-*")
	require.NoError(t, err)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "unlinked as soon as it is made")

	var offs []int64
	for _, v := range personal {
		off, err := f.Write([]byte(v))
		require.NoError(t, err)
		offs = append(offs, off)
	}
	raw := make([]byte, f.Size())
	_, err = f.f.ReadAt(raw, 0)
	require.NoError(t, err)
	for _, v := range personal {
		assert.NotContains(t, string(raw), v)
	}
	// Read back from any offset, in any order, at once.
	for i := len(personal) - 1; i >= 0; i-- {
		got, err := io.ReadAll(f.Reader(offs[i], int64(len(personal[i]))))
		require.NoError(t, err)
		assert.Equal(t, personal[i], string(got))
	}
	require.NoError(t, f.Close())
}

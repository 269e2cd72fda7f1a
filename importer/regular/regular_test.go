//go:build unix

package regular

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// TestOpen: a regular file opens, through a link too; a FIFO is refused
// at once (it would block a plain open), and so are a folder and a
// device, each named for what it is.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.csv")
	require.NoError(t, os.WriteFile(file, []byte("x\n"), 0o600))
	link := filepath.Join(dir, "link.csv")
	require.NoError(t, os.Symlink(file, link))
	fifo := filepath.Join(dir, "pipe.csv")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	tests := []struct {
		name string
		path string
		kind msg.FileKind // KindOther: opens
	}{
		{"regular file", file, msg.KindOther},
		{"link to a regular file", link, msg.KindOther},
		{"FIFO", fifo, msg.KindFIFO},
		{"folder", dir, msg.KindFolder},
		{"device", os.DevNull, msg.KindDevice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Open(tt.path)
			if tt.kind == msg.KindOther {
				require.NoError(t, err)
				f.Close()
				assert.NoError(t, Check(tt.path))
				return
			}
			require.ErrorIs(t, err, ErrNotRegular)
			assert.Equal(t, msg.NotRegular{Path: tt.path, Kind: tt.kind}, msg.Of(err))
			assert.ErrorIs(t, Check(tt.path), ErrNotRegular)
		})
	}
	assert.NoError(t, Check(filepath.Join(dir, "missing")), "a missing file is for the caller to say")
}

// TestReadable: what is read is a regular file, or one Go calls
// irregular for how it is stored (a OneDrive file on Windows is a
// reparse point); never a pipe, socket, device, folder or link.
func TestReadable(t *testing.T) {
	for _, tc := range []struct {
		mode fs.FileMode
		want bool
	}{
		{0o644, true},
		{fs.ModeIrregular | 0o644, true},
		{fs.ModeNamedPipe, false},
		{fs.ModeSocket, false},
		{fs.ModeDevice, false},
		{fs.ModeDevice | fs.ModeCharDevice, false},
		{fs.ModeDir, false},
		{fs.ModeSymlink, false},
	} {
		assert.Equal(t, tc.want, Readable(tc.mode), "%v", tc.mode)
	}
}

//go:build unix

package importer

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// TestExpandInputsSkipsWhatIsNotAFile: what is not a regular file is left
// out of a folder, with a warning: a link (followed only when named), a
// FIFO (it would block the run).
func TestExpandInputsSkipsWhatIsNotAFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.csv", "a.xlsx", "c.TXT", "~$a.xlsx"} {
		touch(t, filepath.Join(dir, "inbox", name))
	}
	require.NoError(t, os.Symlink(filepath.Join(dir, "inbox", "b.csv"), filepath.Join(dir, "inbox", "link.csv")))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "inbox", "pipe.csv"), 0o600))
	x, err := ExpandInputs([]string{filepath.Join(dir, "inbox"), filepath.Join(dir, "inbox", "link.csv")})
	require.NoError(t, err)
	assert.Equal(t, []string{
		filepath.Join(dir, "inbox", "a.xlsx"), filepath.Join(dir, "inbox", "b.csv"), filepath.Join(dir, "inbox", "c.TXT"),
		filepath.Join(dir, "inbox", "link.csv"), // named
	}, x.Inputs)
	assert.Equal(t, []msg.Message{
		msg.SkippedInFolder{Path: filepath.Join(dir, "inbox", "link.csv"), Kind: msg.KindLink},
		msg.SkippedInFolder{Path: filepath.Join(dir, "inbox", "pipe.csv"), Kind: msg.KindFIFO},
		msg.OpenInExcel{Workbook: filepath.Join(dir, "inbox", "a.xlsx"), Lock: filepath.Join(dir, "inbox", "~$a.xlsx")},
	}, x.Warnings)
	assert.True(t, x.InFolder[filepath.Join(dir, "inbox", "b.csv")], "found in the folder")
	assert.False(t, x.InFolder[filepath.Join(dir, "inbox", "link.csv")], "named")
}

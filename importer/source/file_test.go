package source

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFileIsReadOnce: a File read several ways (as each mapping of a run
// says, as a report) reads one file: its Readers share the workbook's
// parts read whole (the shared strings are unpacked once, not per
// Reader), and a file put in its place by name meanwhile is not read.
func TestFileIsReadOnce(t *testing.T) {
	book := writeXLSX(t, "visning.xlsx", []sheet{
		{name: "Anmälda", rows: map[int][]any{1: {"Förnamn", "E-post"}, 2: {"Tolvan", "tolvan@example.se"}}},
		{name: "Övrigt", rows: map[int][]any{1: {"Anteckning"}, 2: {"inget"}}},
	})
	csvPath := filepath.Join(t.TempDir(), "visning.csv")
	require.NoError(t, os.WriteFile(csvPath, []byte("Förnamn;E-post\nTolvan;tolvan@example.se\n"), 0o600))

	for _, path := range []string{book, csvPath} {
		t.Run(filepath.Ext(path), func(t *testing.T) {
			f, err := OpenFile(path)
			require.NoError(t, err)
			defer f.Close()
			first, err := f.Open(Options{})
			require.NoError(t, err)
			defer first.Close()

			// Another file takes its name: the File still reads its own.
			other := filepath.Join(t.TempDir(), "other"+filepath.Ext(path))
			require.NoError(t, os.WriteFile(other, []byte("not this one"), 0o600))
			require.NoError(t, os.Rename(other, path))

			second, err := f.Open(Options{Headers: []string{"E-post"}})
			require.NoError(t, err)
			defer second.Close()
			for _, r := range []Reader{first, second} {
				assert.Equal(t, []string{"Förnamn", "E-post"}, r.Header())
				row, err := r.Next()
				require.NoError(t, err)
				assert.Equal(t, []string{"Tolvan", "tolvan@example.se"}, row.Cells)
				_, err = r.Next()
				assert.Equal(t, io.EOF, err)
			}
			if x, ok := first.(*xlsxReader); ok {
				assert.Same(t, x.book, second.(*xlsxReader).book, "one workbook, its shared strings read once")
				assert.Positive(t, x.book.sst.len())
				third, err := f.Open(Options{Sheet: "Övrigt"})
				require.NoError(t, err)
				assert.Equal(t, []string{"Anteckning"}, third.Header())
				require.NoError(t, third.Close())
			}
			require.NoError(t, first.Close())
			_, err = second.Next() // closing one Reader leaves the File open
			assert.Equal(t, io.EOF, err)
		})
	}
}

// TestFileRefusesWhatItCannotRead: what OpenFile cannot read is refused
// by it, naming the file, before any Options are tried.
func TestFileRefusesWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{"a.xlsx": "Förnamn;E-post\n", "a.pdf": "%PDF"} {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(data), 0o600))
		_, err := OpenFile(path)
		require.Error(t, err)
		assert.Contains(t, err.Error(), path)
	}
	f, err := OpenFile(filepath.Join(dir, "a.xlsx"+"x"))
	assert.Error(t, err)
	assert.Nil(t, f)
}

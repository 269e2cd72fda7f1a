package source

import (
	"io/fs"
	"leadimport/importer/msg"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenChoosesTheFormat(t *testing.T) {
	dir := t.TempDir()
	csvText := []byte("namn;personnummer\nAnna;198001022386\n")
	xlsx := writeXLSX(t, "book.xlsx", []sheet{{name: "Blad1", rows: map[int][]any{
		1: {"namn", "personnummer"},
		2: {"Anna", "198001022386"},
	}}})
	xlsxBytes, err := os.ReadFile(xlsx)
	require.NoError(t, err)

	tests := []struct {
		file  string
		data  []byte
		delim rune
	}{
		{file: "a.csv", data: csvText, delim: ';'},
		{file: "a.CSV", data: csvText, delim: ';'},
		{file: "a.txt", data: csvText, delim: ';'},
		{file: "a.tsv", data: []byte("namn\tpersonnummer\nAnna\t198001022386\n"), delim: '\t'},
		{file: "a.xlsx", data: xlsxBytes},
		{file: "a.XLSX", data: xlsxBytes},
		{file: "a.xlsm", data: xlsxBytes},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			require.NoError(t, os.WriteFile(path, tt.data, 0o600))
			r, err := Open(path, Options{})
			require.NoError(t, err)
			assert.Equal(t, tt.delim, r.Delimiter())
			assert.Equal(t, []string{"namn", "personnummer"}, r.Header())
			assert.Equal(t, []Row{{Number: 2, Cells: []string{"Anna", "198001022386"}}}, readAll(t, r))
			assert.Contains(t, msg.English.Say(r.Description()), path+": ")
			require.NoError(t, r.Close())
			assert.NoError(t, r.Close(), "a second Close is harmless")
		})
	}
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.ods", "a.xls", "README"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte("a,b\n"), 0o600))
	}
	tests := []struct {
		name string
		path string
		is   error
		msg  string
	}{
		{
			name: "another format",
			path: filepath.Join(dir, "a.ods"),
			is:   ErrUnsupported,
			msg:  filepath.Join(dir, "a.ods") + `: unsupported file type: cannot read ".ods" files: save it as .xlsx or CSV (read: .csv, .txt, .tsv, .xlsx, .xlsm)`,
		},
		{
			name: "old Excel",
			path: filepath.Join(dir, "a.xls"),
			is:   ErrUnsupported,
			msg:  filepath.Join(dir, "a.xls") + `: unsupported file type: cannot read ".xls" files: save it as .xlsx or CSV (read: .csv, .txt, .tsv, .xlsx, .xlsm)`,
		},
		{
			name: "no extension",
			path: filepath.Join(dir, "README"),
			is:   ErrUnsupported,
			msg:  filepath.Join(dir, "README") + `: unsupported file type: cannot read a file without an extension: save it as .xlsx or CSV (read: .csv, .txt, .tsv, .xlsx, .xlsm)`,
		},
		{
			name: "missing CSV",
			path: filepath.Join(dir, "nope.csv"),
			is:   fs.ErrNotExist,
			msg:  filepath.Join(dir, "nope.csv") + ": cannot open it: no such file or directory",
		},
		{
			name: "missing XLSX",
			path: filepath.Join(dir, "nope.xlsx"),
			is:   fs.ErrNotExist,
			msg:  filepath.Join(dir, "nope.xlsx") + ": cannot open it: no such file or directory",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.path, Options{})
			assert.Nil(t, r)
			assert.ErrorIs(t, err, tt.is)
			assert.EqualError(t, err, tt.msg)
		})
	}
}

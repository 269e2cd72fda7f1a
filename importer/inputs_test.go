package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// TestExpandInputs: a folder is its spreadsheets, sorted; hidden files,
// Excel's lock files and other files are left out.
func TestExpandInputs(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.csv", "a.xlsx", "c.TXT", ".hidden.csv", "~$a.xlsx", "notes.pdf", "sub/d.csv"} {
		touch(t, filepath.Join(dir, "inbox", name))
	}
	x, err := ExpandInputs([]string{filepath.Join(dir, "inbox"), "missing.csv"})
	require.NoError(t, err)
	assert.Equal(t, []string{
		filepath.Join(dir, "inbox", "a.xlsx"), filepath.Join(dir, "inbox", "b.csv"), filepath.Join(dir, "inbox", "c.TXT"),
		"missing.csv", // opening it says what is wrong
	}, x.Inputs)

	require.NoError(t, os.MkdirAll(filepath.Join(dir, "empty"), 0o700))
	x, err = ExpandInputs([]string{filepath.Join(dir, "empty")})
	require.NoError(t, err)
	assert.Empty(t, x.Inputs)
}

// TestExpandInputsLockFiles: Excel's lock file beside a workbook that is
// read says the workbook is open (a warning: the workbook is read as
// saved); a lock file named on its own is an error that names its
// workbook.
func TestExpandInputsLockFiles(t *testing.T) {
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	for _, name := range []string{"visning.xlsx", "~$visning.xlsx", "kontakter.csv", "~$ntakter.csv", "~$borta.xlsx", "klar.xlsx"} {
		touch(t, in(name))
	}
	open := func(wb, lock string) msg.Message { return msg.OpenInExcel{Workbook: wb, Lock: lock} }
	tests := []struct {
		name     string
		paths    []string
		inputs   []string
		warnings []msg.Message
		err      msg.Message
	}{
		{"a folder", []string{dir}, []string{in("klar.xlsx"), in("kontakter.csv"), in("visning.xlsx")},
			[]msg.Message{open(in("kontakter.csv"), in("~$ntakter.csv")), open(in("visning.xlsx"), in("~$visning.xlsx"))}, nil},
		{"a glob", []string{in("visning.xlsx"), in("~$visning.xlsx")}, []string{in("visning.xlsx")},
			[]msg.Message{open(in("visning.xlsx"), in("~$visning.xlsx"))}, nil},
		{"the workbook alone", []string{in("visning.xlsx")}, []string{in("visning.xlsx")},
			[]msg.Message{open(in("visning.xlsx"), in("~$visning.xlsx"))}, nil},
		{"a workbook not open", []string{in("klar.xlsx")}, []string{in("klar.xlsx")}, nil, nil},
		{"the lock file alone", []string{in("~$visning.xlsx")}, nil, nil, open(in("visning.xlsx"), in("~$visning.xlsx"))},
		{"a lock file over the name's start", []string{in("~$ntakter.csv")}, nil, nil, open(in("kontakter.csv"), in("~$ntakter.csv"))},
		{"a lock file left behind", []string{in("~$borta.xlsx")}, nil, nil, open("", in("~$borta.xlsx"))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, err := ExpandInputs(tc.paths)
			if tc.err != nil {
				require.Error(t, err)
				assert.Equal(t, tc.err, msg.Of(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.inputs, x.Inputs)
			assert.Equal(t, tc.warnings, x.Warnings)
		})
	}
	assert.Equal(t, in("visning.xlsx")+" is open in Excel (its lock file ~$visning.xlsx is here): save and close it first, or the rows you changed since the last save are not read",
		msg.English.Say(open(in("visning.xlsx"), in("~$visning.xlsx"))))
}

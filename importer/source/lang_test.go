package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// TestFileErrorsInSwedish: a file the reader cannot read is said by a
// message, so a Swedish user reads Swedish; the file's name, its sheets
// and the operating system's words stay as they are, the English is what
// it always was, and the sentinels still answer errors.Is.
func TestFileErrorsInSwedish(t *testing.T) {
	dir := t.TempDir()
	book := writeXLSX(t, "visning.xlsx", []sheet{
		{name: "Listor", hidden: true, rows: map[int][]any{1: {"Ort"}}},
		{name: "Anmälningar", rows: map[int][]any{1: {"Namn"}, 2: {"Anna"}}},
	})
	_, noSheet := Open(book, Options{Sheet: "Visning"})
	_, missing := Open(filepath.Join(dir, "nope.csv"), Options{})
	_, unsupported := Open(filepath.Join(dir, "a.ods"), Options{})
	_, empty := NewCSV(strings.NewReader("\n\n"), "x.csv", Options{})
	_, encoding := NewCSV(strings.NewReader("a\n"), "x.csv", Options{Encoding: "ebcdic"})
	text := filepath.Join(dir, "x.xlsx")
	require.NoError(t, os.WriteFile(text, []byte("namn;ort\nAnna;Lund\n"), 0o600))
	_, misnamed := Open(text, Options{})

	tests := []struct {
		name   string
		err    error
		is     error
		en, sv string
	}{
		{"no such sheet", noSheet, ErrNoSheet,
			book + `: no sheet "Visning"; the file has: Listor (hidden), Anmälningar`,
			book + `: bladet "Visning" finns inte; filen har: Listor (dolt), Anmälningar`},
		{"cannot open", missing, fs.ErrNotExist,
			filepath.Join(dir, "nope.csv") + ": cannot open it: no such file or directory",
			filepath.Join(dir, "nope.csv") + ": går inte att öppna: no such file or directory"},
		{"unsupported", unsupported, ErrUnsupported,
			filepath.Join(dir, "a.ods") + `: unsupported file type: cannot read ".ods" files: save it as .xlsx or CSV (read: .csv, .txt, .tsv, .xlsx, .xlsm)`,
			filepath.Join(dir, "a.ods") + `: okänd filtyp: ".ods"-filer går inte att läsa: spara filen som .xlsx eller CSV (leadimport läser .csv, .txt, .tsv, .xlsx och .xlsm)`},
		{"no header", empty, ErrNoHeader,
			"x.csv: no header row found: the file is empty",
			"x.csv: ingen rubrikrad hittades: filen är tom"},
		{"unknown encoding", encoding, ErrUnknownEncoding,
			`x.csv: unknown encoding "ebcdic": use one of utf-8, utf-16le, utf-16be, utf-16 (the byte order mark decides), windows-1252 (also cp1252; latin1 and iso-8859-1 are read as windows-1252)`,
			`x.csv: okänd teckenkodning "ebcdic": använd någon av utf-8, utf-16le, utf-16be, utf-16 (filens BOM avgör), windows-1252 (även cp1252; latin1 och iso-8859-1 läses som windows-1252)`},
		{"misnamed", misnamed, ErrMisnamed,
			text + ": the file is not what its name says: it is a text (CSV) file named .xlsx: rename it to x.csv",
			text + ": filen är inte vad namnet säger: det är en textfil (CSV) med filändelsen .xlsx: byt namn på den till x.csv"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Error(t, tc.err)
			assert.ErrorIs(t, tc.err, tc.is)
			assert.EqualError(t, tc.err, tc.en)
			assert.Equal(t, tc.sv, msg.Swedish.Error(tc.err))
		})
	}
}

// TestDescriptionInSwedish: the Description is a message.
func TestDescriptionInSwedish(t *testing.T) {
	book := writeXLSX(t, "visning.xlsx", []sheet{{name: "Anmälningar", rows: map[int][]any{3: {"Namn", "E-post"}, 4: {"Anna", "a@b.se"}}}})
	x, err := Open(book, Options{})
	require.NoError(t, err)
	defer x.Close()
	c, err := NewCSV(strings.NewReader("\ufeffnamn\tort\nAnna\tLund\n"), "legacy.csv", Options{})
	require.NoError(t, err)
	tests := []struct {
		name   string
		r      Reader
		en, sv string
	}{
		{"xlsx", x, book + `: sheet "Anmälningar", header on row 3, 2 columns`, book + `: bladet "Anmälningar", rubriker på rad 3, 2 kolumner`},
		{"csv", c, "legacy.csv: utf-8 with BOM, tab, header on row 1, 2 columns", "legacy.csv: utf-8 med BOM, tabb, rubriker på rad 1, 2 kolumner"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.en, msg.English.Say(tc.r.Description()))
			assert.Equal(t, tc.en, msg.English.Say(tc.r.Description()))
			assert.Equal(t, tc.sv, msg.Swedish.Say(tc.r.Description()))
		})
	}
}

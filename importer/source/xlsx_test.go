package source

import (
	"leadimport/importer/msg"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// sheet is one sheet of a workbook written by writeXLSX.
type sheet struct {
	name   string
	hidden bool
	rows   map[int][]any     // by row number; rows left out are not in the file
	styles map[string]string // cell → custom number format
}

// writeXLSX writes a workbook into a new temporary directory, the way Excel
// would store it: rows missing from rows are missing from the file.
func writeXLSX(t testing.TB, file string, sheets []sheet) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	active := -1
	for i, s := range sheets {
		if i == 0 {
			require.NoError(t, f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			require.NoError(t, err)
		}
		for n, cells := range s.rows {
			require.NoError(t, f.SetSheetRow(s.name, "A"+strconv.Itoa(n), &cells))
		}
		for cell, format := range s.styles {
			style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
			require.NoError(t, err)
			require.NoError(t, f.SetCellStyle(s.name, cell, cell, style))
		}
		if !s.hidden && active < 0 {
			active = i
		}
	}
	// Excel will not hide the active sheet.
	f.SetActiveSheet(active)
	for _, s := range sheets {
		if s.hidden {
			require.NoError(t, f.SetSheetVisible(s.name, false))
		}
	}
	path := filepath.Join(t.TempDir(), file)
	require.NoError(t, f.SaveAs(path))
	return path
}

func TestXLSXSheets(t *testing.T) {
	path := writeXLSX(t, "visning.xlsx", []sheet{
		{name: "Listor", hidden: true, rows: map[int][]any{1: {"Ort"}, 2: {"Lund"}}},
		{name: "Anmälningar", rows: map[int][]any{1: {"Namn", "Personnummer"}, 2: {"Anna", "198001022386"}}},
		{name: "Blad2", rows: map[int][]any{1: {"Namn"}, 2: {"Bo"}}},
	})
	tests := []struct {
		sheet  string
		want   string
		header []string
		more   string // what the description adds
	}{
		// With no sheet named, the description says there are others
		// (the hidden one is not counted: Excel shows no tab of it).
		{sheet: "", want: "Anmälningar", header: []string{"Namn", "Personnummer"}, more: " (the first of 2 sheets: --sheet NAME reads another)"},
		{sheet: "Blad2", want: "Blad2", header: []string{"Namn"}},
		{sheet: "blad2", want: "Blad2", header: []string{"Namn"}},
		{sheet: "ANMÄLNINGAR", want: "Anmälningar", header: []string{"Namn", "Personnummer"}},
		{sheet: "1", want: "Anmälningar", header: []string{"Namn", "Personnummer"}},
		{sheet: "2", want: "Blad2", header: []string{"Namn"}},
		{sheet: "Listor", want: "Listor", header: []string{"Ort"}},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			r, err := Open(path, Options{Sheet: tt.sheet})
			require.NoError(t, err)
			defer r.Close()
			assert.Equal(t, tt.header, r.Header())
			assert.Equal(t, path+`: sheet "`+tt.want+`", header on row 1, `+columns(len(tt.header))+tt.more, msg.English.Say(r.Description()))
			assert.Equal(t, rune(0), r.Delimiter())
		})
	}
}

// columns is "1 column" or "n columns", as the Description says it.
func columns(n int) string {
	if n == 1 {
		return "1 column"
	}
	return strconv.Itoa(n) + " columns"
}

func TestXLSXSheetErrors(t *testing.T) {
	plain := writeXLSX(t, "visning.xlsx", []sheet{
		{name: "Anmälningar", rows: map[int][]any{1: {"Namn"}}},
		{name: "Blad2", rows: map[int][]any{1: {"Namn"}}},
	})
	withHidden := writeXLSX(t, "listor.xlsx", []sheet{
		{name: "Listor", hidden: true, rows: map[int][]any{1: {"Ort"}}},
		{name: "Anmälningar", rows: map[int][]any{1: {"Namn"}}},
	})
	tests := []struct {
		name  string
		path  string
		sheet string
		msg   string
	}{
		{name: "missing name", path: plain, sheet: "Blad3", msg: plain + `: no sheet "Blad3"; the file has: Anmälningar, Blad2`},
		{name: "index past the end", path: plain, sheet: "3", msg: plain + `: no sheet "3"; the file has: Anmälningar, Blad2`},
		{name: "index zero", path: plain, sheet: "0", msg: plain + `: no sheet "0"; the file has: Anmälningar, Blad2`},
		// The index counts visible tabs only; the hidden sheet is named.
		{name: "hidden sheets are listed", path: withHidden, sheet: "2", msg: withHidden + `: no sheet "2"; the file has: Listor (hidden), Anmälningar`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Open(tt.path, Options{Sheet: tt.sheet})
			assert.Nil(t, r)
			assert.ErrorIs(t, err, ErrNoSheet)
			assert.EqualError(t, err, tt.msg)
		})
	}
}

func TestXLSXRows(t *testing.T) {
	date := time.Date(2024, 5, 12, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		sheet    sheet
		opt      Options
		header   []string
		rows     []Row
		describe string
	}{
		{
			name: "gaps in the sheet keep Excel's row numbers",
			sheet: sheet{name: "Blad1", rows: map[int][]any{
				3:  {"Namn", "Personnummer"},
				4:  {"Anna", "198001022386"},
				7:  {"Bo", "199004162393"},
				10: {"Cecilia", "199101142397"},
			}},
			header: []string{"Namn", "Personnummer"},
			rows: []Row{
				{Number: 4, Cells: []string{"Anna", "198001022386"}},
				{Number: 7, Cells: []string{"Bo", "199004162393"}},
				{Number: 10, Cells: []string{"Cecilia", "199101142397"}},
			},
			describe: `: sheet "Blad1", header on row 3, 2 columns`,
		},
		{
			name: "numbers and dates as typed, not as formatted",
			sheet: sheet{
				name: "Blad1",
				rows: map[int][]any{
					1: {"Namn", "Personnummer", "Belopp", "Datum", "Antal"},
					2: {"Anna", 198001022386, 1234.5, date, 42},
				},
				styles: map[string]string{"C2": "0.00", "D2": "yyyy-mm-dd"},
			},
			header: []string{"Namn", "Personnummer", "Belopp", "Datum", "Antal"},
			rows:   []Row{{Number: 2, Cells: []string{"Anna", "198001022386", "1234.5", "2024-05-12", "42"}}},
		},
		{
			name: "title rows above the header with HeaderRow set",
			sheet: sheet{name: "Blad1", rows: map[int][]any{
				1: {"Visning Storgatan 1"},
				3: {" Namn ", "Telefon", nil, ""},
				4: {"Anna", "0701234567"},
			}},
			opt:      Options{HeaderRow: 3},
			header:   []string{"Namn", "Telefon"},
			rows:     []Row{{Number: 4, Cells: []string{"Anna", "0701234567"}}},
			describe: `: sheet "Blad1", header on row 3, 2 columns`,
		},
		{
			name: "blank and whitespace rows are skipped, shorter and longer rows kept",
			sheet: sheet{name: "Blad1", rows: map[int][]any{
				1: {"Namn", "Telefon"},
				2: {"  ", ""},
				3: {"Anna"},
				4: {"Bo", "0701234567", "extra"},
				5: {nil, nil, "x"},
			}},
			header: []string{"Namn", "Telefon"},
			rows: []Row{
				{Number: 3, Cells: []string{"Anna"}},
				{Number: 4, Cells: []string{"Bo", "0701234567", "extra"}},
				{Number: 5, Cells: []string{"", "", "x"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeXLSX(t, "x.xlsx", []sheet{tt.sheet})
			r, err := Open(path, tt.opt)
			require.NoError(t, err)
			defer r.Close()
			assert.Equal(t, tt.header, r.Header())
			assert.Equal(t, tt.rows, readAll(t, r))
			if tt.describe != "" {
				assert.Equal(t, path+tt.describe, msg.English.Say(r.Description()))
			}
		})
	}
}

func TestXLSXHeaderErrors(t *testing.T) {
	tests := []struct {
		name  string
		sheet sheet
		opt   Options
		msg   string
	}{
		{
			name:  "empty sheet",
			sheet: sheet{name: "Blad1"},
			msg:   `: no header row found: sheet "Blad1" is empty`,
		},
		{
			name:  "sheet of blank cells",
			sheet: sheet{name: "Blad1", rows: map[int][]any{2: {" ", ""}}},
			msg:   `: no header row found: sheet "Blad1" is empty`,
		},
		{
			name:  "header row in a gap",
			sheet: sheet{name: "Blad1", rows: map[int][]any{1: {"Visning"}, 3: {"Namn"}}},
			opt:   Options{HeaderRow: 2},
			msg:   ": no header row found: row 2 is empty: set the header row to the row with the column names",
		},
		{
			name:  "header row past the end",
			sheet: sheet{name: "Blad1", rows: map[int][]any{1: {"Namn"}, 2: {"Anna"}}},
			opt:   Options{HeaderRow: 4},
			msg:   ": no header row found: the last row is 2, before header row 4: set the header row to the row with the column names",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeXLSX(t, "x.xlsx", []sheet{tt.sheet})
			r, err := Open(path, tt.opt)
			assert.Nil(t, r)
			assert.ErrorIs(t, err, ErrNoHeader)
			assert.EqualError(t, err, path+tt.msg)
		})
	}
}

func TestXLSXNotAWorkbook(t *testing.T) {
	good, err := os.ReadFile(writeXLSX(t, "good.xlsx", []sheet{{name: "Blad1", rows: map[int][]any{1: {"Namn"}}}}))
	require.NoError(t, err)
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(i*7919 + i/13)
	}
	const incomplete = `: the file is incomplete \(cut off\) or damaged \(.+\): copy or download it again, or open it in Excel and save it again$`
	tests := []struct {
		name string
		data []byte
		is   error
		msg  string // a regexp after the path
	}{
		{name: "CSV renamed", data: []byte("namn;personnummer\nAnna;198001022386\n"), is: ErrMisnamed,
			msg: `: the file is not what its name says: it is a text \(CSV\) file named \.xlsx: rename it to x\.csv$`},
		{name: "Windows-1252 CSV renamed", data: []byte("namn;ort\nBo;Malm\xf6\n"), is: ErrMisnamed, msg: `: the file is not what its name says: it is a text \(CSV\) file named \.xlsx`},
		{name: "truncated zip", data: good[:len(good)/2], is: ErrIncomplete, msg: incomplete},
		{name: "zip without its end", data: good[:len(good)-30], is: ErrIncomplete, msg: incomplete},
		{name: "zip header then garbage", data: append([]byte("PK\x03\x04"), random...), is: ErrIncomplete, msg: incomplete},
		{name: "empty file", data: nil, is: ErrNotXLSX, msg: `: not a readable Excel \.xlsx file \(the file is empty\): copy or download it again$`},
		{name: "random bytes", data: random, is: ErrNotXLSX,
			msg: `: not a readable Excel \.xlsx file \(it is not a zip file, as every \.xlsx is\): open it in Excel and save it as \.xlsx or CSV$`},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, "x.xlsx")
			require.NoError(t, os.WriteFile(path, tt.data, 0o600))
			r, err := Open(path, Options{})
			assert.Nil(t, r)
			assert.ErrorIs(t, err, tt.is)
			assert.Regexp(t, "^"+regexp.QuoteMeta(path)+tt.msg, err.Error())
		})
	}
}

// TestXLSXUnzipLimit: a workbook that unpacks to more than the limit is
// refused, as a zip bomb would be.
func TestXLSXUnzipLimit(t *testing.T) {
	rows := map[int][]any{1: {"Namn"}}
	for n := 2; n <= 200; n++ {
		rows[n] = []any{"Anna " + strconv.Itoa(n)}
	}
	path := writeXLSX(t, "big.xlsx", []sheet{{name: "Blad1", rows: rows}})
	r, err := openXLSX(path, Options{}, xlsxLimits{unzip: 1 << 10, part: 1 << 10})
	assert.Nil(t, r)
	assert.ErrorIs(t, err, ErrZipBomb)
	assert.EqualError(t, err, path+": unpacks to more than 0 MiB: refused as a possible zip bomb; if it is a real workbook, save its rows as CSV")
}

package source

import (
	"encoding/csv"
	"errors"
	"io"
	"leadimport/importer/msg"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readAll reads rows until io.EOF and fails the test on any other error.
func readAll(t testing.TB, r Reader) []Row {
	t.Helper()
	var rows []Row
	for {
		row, err := r.Next()
		if err == io.EOF {
			return rows
		}
		require.NoError(t, err)
		rows = append(rows, row)
	}
}

func TestCSVRead(t *testing.T) {
	tests := []struct {
		name     string
		file     string // the name given to NewCSV; "x.csv" when empty
		in       string
		opt      Options
		delim    rune
		header   []string
		rows     []Row
		describe string
	}{
		{
			name:     "comma",
			in:       "namn,personnummer\nAnna,198001022386\n",
			delim:    ',',
			header:   []string{"namn", "personnummer"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna", "198001022386"}}},
			describe: "x.csv: utf-8, ',', header on row 1, 2 columns",
		},
		{
			name:     "semicolon",
			in:       "namn;personnummer\nAnna;198001022386\n",
			delim:    ';',
			header:   []string{"namn", "personnummer"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna", "198001022386"}}},
			describe: "x.csv: utf-8, ';', header on row 1, 2 columns",
		},
		{
			name:     "tab",
			in:       "namn\tpersonnummer\nAnna\t198001022386\n",
			delim:    '\t',
			header:   []string{"namn", "personnummer"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna", "198001022386"}}},
			describe: "x.csv: utf-8, tab, header on row 1, 2 columns",
		},
		{
			name:   "semicolon file with a comma inside a quoted header",
			in:     "\"Namn, fullständigt\";Personnummer;Ort\n\"Svensson, Anna\";199004162393;Malmö\n",
			delim:  ';',
			header: []string{"Namn, fullständigt", "Personnummer", "Ort"},
			rows:   []Row{{Number: 2, Cells: []string{"Svensson, Anna", "199004162393", "Malmö"}}},
		},
		{
			name:   "more commas than semicolons in the data rows does not matter",
			in:     "namn;ort\nAnna, Bo, Cecilia;Lund\n",
			delim:  ';',
			header: []string{"namn", "ort"},
			rows:   []Row{{Number: 2, Cells: []string{"Anna, Bo, Cecilia", "Lund"}}},
		},
		{
			name:     "one column has no delimiter",
			in:       "namn\nAnna\n",
			delim:    ',',
			header:   []string{"namn"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna"}}},
			describe: "x.csv: utf-8, ',', header on row 1, 1 column",
		},
		{
			name:   "one column of a .tsv keeps its commas",
			file:   "x.tsv",
			in:     "namn\nSvensson, Anna\n",
			delim:  '\t',
			header: []string{"namn"},
			rows:   []Row{{Number: 2, Cells: []string{"Svensson, Anna"}}},
		},
		{
			name:     "BOM is stripped and described",
			in:       "\xEF\xBB\xBFnamn;ort\nAnna;Lund\n",
			delim:    ';',
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna", "Lund"}}},
			describe: "x.csv: utf-8 with BOM, ';', header on row 1, 2 columns",
		},
		{
			name:   "blank lines are rows that count",
			in:     "a,b\n\n1,2\n\n\n3,4\n",
			delim:  ',',
			header: []string{"a", "b"},
			rows:   []Row{{Number: 3, Cells: []string{"1", "2"}}, {Number: 6, Cells: []string{"3", "4"}}},
		},
		{
			name:   "blank lines with CRLF",
			in:     "a,b\r\n\r\n1,2\r\n3,4\r\n\r\n5,6",
			delim:  ',',
			header: []string{"a", "b"},
			rows:   []Row{{Number: 3, Cells: []string{"1", "2"}}, {Number: 4, Cells: []string{"3", "4"}}, {Number: 6, Cells: []string{"5", "6"}}},
		},
		{
			name:  "a quoted cell with line breaks is one row",
			in:    "a,b\n\"x\ny\",1\n\n2,3\n",
			delim: ',',
			// Row 2 spans two lines of text; row 3 is the blank line.
			header: []string{"a", "b"},
			rows:   []Row{{Number: 2, Cells: []string{"x\ny", "1"}}, {Number: 4, Cells: []string{"2", "3"}}},
		},
		{
			name:   "line breaks in the last cell, with CRLF",
			in:     "a,b\r\n1,\"x\r\ny\r\n\r\nz\"\r\n\r\n2,3\r\n",
			delim:  ',',
			header: []string{"a", "b"},
			rows:   []Row{{Number: 2, Cells: []string{"1", "x\ny\n\nz"}}, {Number: 4, Cells: []string{"2", "3"}}},
		},
		{
			name:     "blank lines before the header",
			in:       "\n\r\n  \na,b\n1,2\n",
			delim:    ',',
			header:   []string{"a", "b"},
			rows:     []Row{{Number: 5, Cells: []string{"1", "2"}}},
			describe: "x.csv: utf-8, ',', header on row 4, 2 columns",
		},
		{
			name: "title rows above the header with HeaderRow set",
			// The title holds a comma; the delimiter comes from the header line.
			in:       "Visning, Storgatan 1\n\nnamn;telefon\n\"Bo\";0701234567\n",
			opt:      Options{HeaderRow: 3},
			delim:    ';',
			header:   []string{"namn", "telefon"},
			rows:     []Row{{Number: 4, Cells: []string{"Bo", "0701234567"}}},
			describe: "x.csv: utf-8, ';', header on row 3, 2 columns",
		},
		{
			name:   "HeaderRow counts a quoted multi-line cell as one row",
			in:     "\"Visning\nStorgatan 1\"\nnamn;ort\nBo;Lund\n",
			opt:    Options{HeaderRow: 2},
			delim:  ';',
			header: []string{"namn", "ort"},
			rows:   []Row{{Number: 3, Cells: []string{"Bo", "Lund"}}},
		},
		{
			name:   "HeaderRow on the first row",
			in:     "a,b\n1,2\n",
			opt:    Options{HeaderRow: 1},
			delim:  ',',
			header: []string{"a", "b"},
			rows:   []Row{{Number: 2, Cells: []string{"1", "2"}}},
		},
		{
			name:   "rows shorter and longer than the header",
			in:     "a,b,c\n1\n1,2,3,4\n",
			delim:  ',',
			header: []string{"a", "b", "c"},
			rows:   []Row{{Number: 2, Cells: []string{"1"}}, {Number: 3, Cells: []string{"1", "2", "3", "4"}}},
		},
		{
			name:   "whitespace-only rows are skipped",
			in:     "a;b\n  ;\t\n;\n\" \";\n1;2\n",
			delim:  ';',
			header: []string{"a", "b"},
			rows:   []Row{{Number: 5, Cells: []string{"1", "2"}}},
		},
		{
			name:   "header is trimmed, cells are not",
			in:     " namn ;\u00a0ort\t\n Anna ; Lund\n",
			delim:  ';',
			header: []string{"namn", "ort"},
			rows:   []Row{{Number: 2, Cells: []string{" Anna ", " Lund"}}},
		},
		{
			name:     "empty names at the end of the header are dropped",
			in:       "namn;ort;;\nAnna;Lund;;\n",
			delim:    ';',
			header:   []string{"namn", "ort"},
			rows:     []Row{{Number: 2, Cells: []string{"Anna", "Lund", "", ""}}},
			describe: "x.csv: utf-8, ';', header on row 1, 2 columns",
		},
		{
			name:   "a stray quote inside a cell is kept",
			in:     "vara,pris\nTV 24\" skärm,1000\n\"a \"b\" c\",2\n",
			delim:  ',',
			header: []string{"vara", "pris"},
			rows:   []Row{{Number: 2, Cells: []string{"TV 24\" skärm", "1000"}}, {Number: 3, Cells: []string{"a \"b\" c", "2"}}},
		},
		{
			name:   "quotes closed at the very end",
			in:     "a,b\n1,\"x\"\"y\"\r",
			delim:  ',',
			header: []string{"a", "b"},
			rows:   []Row{{Number: 2, Cells: []string{"1", "x\"y"}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "x.csv"
			}
			r, err := NewCSV(strings.NewReader(tt.in), file, tt.opt)
			require.NoError(t, err)
			defer r.Close()
			assert.Equal(t, tt.delim, r.Delimiter())
			assert.Equal(t, tt.header, r.Header())
			assert.Equal(t, tt.rows, readAll(t, r))
			if tt.describe != "" {
				assert.Equal(t, tt.describe, msg.English.Say(r.Description()))
			}
			_, err = r.Next()
			assert.Equal(t, io.EOF, err, "EOF again after the end")
		})
	}
}

func TestCSVOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opt  Options
		is   error
		msg  string // the whole message, or a part of it with contains
		all  bool
	}{
		{name: "empty", in: "", is: ErrNoHeader, msg: "x.csv: no header row found: the file is empty", all: true},
		{name: "only a BOM", in: "\xEF\xBB\xBF", is: ErrNoHeader, msg: "x.csv: no header row found: the file is empty", all: true},
		{name: "only blank rows", in: "\n\r\n  \n;;;\n", is: ErrNoHeader, msg: "x.csv: no header row found: the file is empty", all: true},
		{
			name: "header row past the end",
			in:   "a,b\n1,2\n",
			opt:  Options{HeaderRow: 5},
			is:   ErrNoHeader,
			msg:  "x.csv: no header row found: the last row is 2, before header row 5: set the header row to the row with the column names",
			all:  true,
		},
		{
			name: "header row on a blank line",
			in:   "Visning\n\na,b\n",
			opt:  Options{HeaderRow: 2},
			is:   ErrNoHeader,
			msg:  "x.csv: no header row found: row 2 is empty: set the header row to the row with the column names",
			all:  true,
		},
		{
			name: "header row of spaces",
			in:   "Visning\n ; \na;b\n",
			opt:  Options{HeaderRow: 2},
			is:   ErrNoHeader,
			msg:  "x.csv: no header row found: row 2 is empty",
		},
		{name: "negative header row", in: "a\n", opt: Options{HeaderRow: -1}, is: ErrNoHeader, msg: "rows are numbered from 1"},
		{name: "header not UTF-8 in a file named utf-8", in: "namn;ort\xf6\n", opt: Options{Encoding: "utf-8"}, is: ErrNotUTF8, msg: `x.csv: row 1: bytes that are not UTF-8 in column B: set input.encoding or --encoding windows-1252`},
		{
			name: "unknown encoding",
			in:   "a\n",
			opt:  Options{Encoding: "ebcdic"},
			is:   ErrUnknownEncoding,
			msg:  `x.csv: unknown encoding "ebcdic": use one of utf-8, utf-16le, utf-16be, utf-16 (the byte order mark decides), windows-1252 (also cp1252; latin1 and iso-8859-1 are read as windows-1252)`,
			all:  true,
		},
		{name: "a quote as delimiter", in: "a\n", opt: Options{Delimiter: '"'}, is: ErrBadDelimiter, msg: `x.csv: unusable delimiter '"': use one character such as ',', ';', '|', ':' or tab`, all: true},
		{name: "a workbook named .csv", in: "PK\x03\x04\x14\x00rest", is: ErrMisnamed, msg: "x.csv: the file is not what its name says: it is an Excel workbook (.xlsx) named .csv: rename it to .xlsx", all: true},
		{name: "an .xls named .csv", in: "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", is: ErrMisnamed, msg: "x.csv: the file is not what its name says: it is an Excel .xls file or a password-protected workbook named .csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewCSV(strings.NewReader(tt.in), "x.csv", tt.opt)
			require.Error(t, err)
			assert.Nil(t, r)
			assert.ErrorIs(t, err, tt.is)
			if tt.all {
				assert.EqualError(t, err, tt.msg)
			} else {
				assert.Contains(t, err.Error(), tt.msg)
			}
		})
	}
}

// TestCSVRowErrors covers errors about one row: the rows before it are
// read, the error names the row, and reading goes on after it.
func TestCSVRowErrors(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		opt    Options
		before []Row
		is     error
		row    int
		msg    string
		after  []Row
	}{
		{
			name:   "a Windows-1252 cell in a file named utf-8",
			in:     "namn;ort\nAnna;Lund\n\nBo;Malm\xf6\nCecilia;Ystad\n",
			opt:    Options{Encoding: "utf-8"},
			before: []Row{{Number: 2, Cells: []string{"Anna", "Lund"}}},
			is:     ErrNotUTF8,
			row:    4,
			msg:    `x.csv: row 4: bytes that are not UTF-8 in column B: set input.encoding or --encoding windows-1252 if Excel saved the file as plain "CSV"`,
			after:  []Row{{Number: 5, Cells: []string{"Cecilia", "Ystad"}}},
		},
		{
			// A quote that runs past its line is a stray one, read as text
			// (see TestCSVStrayQuote); on a line longer than any cell it
			// cannot be judged, and the end of the file tells.
			name:   "a quote never closed on a line longer than any cell",
			in:     "a,b\n1,\"x\"\"" + strings.Repeat("y", 2*maxHeld),
			is:     ErrUnclosedQuote,
			row:    2,
			msg:    "x.csv: row 2: a quoted cell is never closed: the cell in column B opens a quote (\") that the file never closes",
			before: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewCSV(strings.NewReader(tt.in), "x.csv", tt.opt)
			require.NoError(t, err)
			for _, want := range tt.before {
				got, err := r.Next()
				require.NoError(t, err)
				assert.Equal(t, want, got)
			}
			_, err = r.Next()
			assert.ErrorIs(t, err, tt.is)
			var rowErr *RowError
			require.ErrorAs(t, err, &rowErr)
			assert.Equal(t, tt.row, rowErr.Row)
			assert.Equal(t, "x.csv", rowErr.File)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Equal(t, tt.after, readAll(t, r))
		})
	}
}

// failAfter hands out text, then fails as a disk or network would.
type failAfter struct {
	text io.Reader
	err  error
}

func (f *failAfter) Read(p []byte) (int, error) {
	n, err := f.text.Read(p)
	if err == io.EOF {
		return n, f.err
	}
	return n, err
}

func TestCSVReadFailureIsSticky(t *testing.T) {
	// More than the delimiter sniffer looks at, so that the failure comes
	// while rows are read, not while the file is opened.
	text := "a,b\n" + strings.Repeat("1,2\n", sniffSize/4+10)
	gone := errors.New("disk gone")
	r, err := NewCSV(&failAfter{text: strings.NewReader(text), err: gone}, "x.csv", Options{})
	require.NoError(t, err)
	n := 0
	for {
		_, err = r.Next()
		if err != nil {
			break
		}
		n++
	}
	assert.Equal(t, sniffSize/4+10, n)
	assert.ErrorIs(t, err, gone)
	assert.EqualError(t, err, "x.csv: read after row 16395: disk gone")
	_, again := r.Next()
	assert.Equal(t, err, again, "the same error again, not a hang or a row")
}

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		name      string
		head      string
		headerRow int
		want      rune
	}{
		{name: "empty", head: "", want: ','},
		{name: "most frequent wins", head: "a;b;c,d\n", want: ';'},
		{name: "tie goes to semicolon", head: "a;b,c\td\n", want: ';'},
		{name: "tie between tab and comma goes to tab", head: "a\tb,c\n", want: '\t'},
		{name: "no header line: the counts of all lines", head: "\n;;\n\n;;\t\n", want: ';'},
		{name: "inside quotes does not count", head: "\"a,b,c\";d;e\n", want: ';'},
		{name: "escaped quote stays inside", head: "\"a \"\",b,\";d\n", want: ';'},
		{name: "a quote mid-cell opens nothing", head: "24\" TV;\"x;y\n", want: ';'},
		{name: "the first non-blank line", head: "\n;;\n\"\"\n\" \"\na\tb\n", want: '\t'},
		{name: "the header row, counting a multi-line cell once", head: "\"t,\nt,\"\na;b\n", headerRow: 2, want: ';'},
		{name: "a header line cut off by the window", head: "a;b;c", want: ';'},
		{name: "a stray quote opening the header, never closed", head: "\"Förnamn;Efternamn;E-post\nAnna;Berg;a@x.se\nBo;Ek;b@x.se\n", want: ';'},
		{name: "a stray quote in a header cell, never closed", head: "Förnamn\t\"E-post\tMobil\nAnna\ta@x.se\t070\nBo\tb@x.se\t071\n", want: '\t'},
		{name: "a quoted cell cut off by the window is no stray", head: "a;b\nc;\"d,e,f,g", want: ';'},
		{name: "a long quoted cell of many lines cut off by the window is no stray",
			head: "Namn;E-post;Meddelande\nAnna Berg;anna@example.se;kort\nBo Ek;bo@example.se;\"" + strings.Repeat("Hej, vi kommer på visningen\n", 20), want: ';'},
		// ':' only where nothing else can be meant (issue 16).
		{name: "colons alone", head: "Förnamn:Efternamn:Postnr\nAnna:Berg:111 20\nBo:Ek:41103\n", want: ':'},
		{name: "colons alone, a quoted colon inside", head: "Namn:Meddelande\nAnna:\"Hej: vi kommer\"\n", want: ':'},
		{name: "colons beside digits that are no time", head: "Namn:Personnummer:Telefon\nAnna:19121212-1212:0701740605\n", want: ':'},
		{name: "a time's colon is not one", head: "Namn;Tid\nAnna;10:30\nBo;9:05\n", want: ';'},
		{name: "times and commas", head: "Namn,Från,Till\nAnna,10:30:00,11:45:00\nBo,7:05:59,8:00:00\n", want: ','},
		{name: "one column of times is no colon file", head: "Tid: start\n10:30\n11:45\n", want: ','},
		{name: "a date-time's colon is not one", head: "Registrerad:Namn\n2025-01-01 10:30:Anna\n", want: ','},
		{name: "one column of addresses with a colon in some", head: "Webbplats\nhttps://example.se\nhttps://example.com\n", want: ','},
		{name: "colons and semicolons: the semicolon", head: "a:b;c:d;e\n1:2;3:4;5\n", want: ';'},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, string(tt.want), string(sniffDelimiter([]byte(tt.head), tt.headerRow, ',')))
		})
	}
}

func TestColumnLetter(t *testing.T) {
	for n, want := range map[int]string{1: "A", 2: "B", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA"} {
		assert.Equal(t, want, columnLetter(n), "column %d", n)
	}
}

// TestCSVParseError: a syntax error is reported on the row Excel would show
// (blank lines before it counted), and reading goes on after it. The
// reader's own settings leave encoding/csv nothing to reject, so strict
// quotes are switched on here to make one.
func TestCSVParseError(t *testing.T) {
	r, err := newCSV(strings.NewReader("a,b\n1,2\n\n\n3,x\"y\n4,5\n"), "x.csv", Options{})
	require.NoError(t, err)
	r.csv.LazyQuotes = false
	got, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, Row{Number: 2, Cells: []string{"1", "2"}}, got)

	_, err = r.Next()
	var rowErr *RowError
	require.ErrorAs(t, err, &rowErr)
	assert.Equal(t, 5, rowErr.Row)
	assert.ErrorIs(t, err, ErrBadRow)
	assert.ErrorIs(t, err, csv.ErrBareQuote)
	assert.EqualError(t, err, `x.csv: row 5: cannot read the row: bare " in non-quoted-field (line 5, column 4 of the text): check the quotes on this row`)

	assert.Equal(t, []Row{{Number: 6, Cells: []string{"4", "5"}}}, readAll(t, r))
}

// TestCSVRecycle: cells given back hold a later row, whole and its own,
// and leave the rows still held as they were; cells too short for a row,
// or never handed out, are not used for it.
func TestCSVRecycle(t *testing.T) {
	in := "Förnamn,Efternamn,Ort\nAnna,Ek,Umeå\nBo,Al,Lund\nCilla,Berg,Visby\nDan,Ås\nEva,Lind,Mora,extra\n"
	r, err := NewCSV(strings.NewReader(in), "x.csv", Options{})
	require.NoError(t, err)
	rc, ok := r.(Recycler)
	require.True(t, ok, "a CSV reader takes cells back")
	next := func() Row {
		t.Helper()
		row, err := r.Next()
		require.NoError(t, err)
		return row
	}
	anna, bo := next(), next()
	rc.Recycle(anna.Cells)
	cilla := next()
	assert.Equal(t, []string{"Cilla", "Berg", "Visby"}, cilla.Cells)
	assert.Same(t, &anna.Cells[:1][0], &cilla.Cells[:1][0], "Anna's cells hold Cilla's row")
	assert.Equal(t, []string{"Bo", "Al", "Lund"}, bo.Cells, "a row still held is as it was")

	rc.Recycle(bo.Cells)
	dan := next() // two cells: Bo's three have room
	assert.Equal(t, []string{"Dan", "Ås"}, dan.Cells)
	rc.Recycle(dan.Cells[:0:0]) // no room at all: not kept
	rc.Recycle(dan.Cells[:2:2]) // room for two
	eva := next()
	assert.Equal(t, []string{"Eva", "Lind", "Mora", "extra"}, eva.Cells)
	assert.NotSame(t, &dan.Cells[:1][0], &eva.Cells[:1][0], "four cells do not fit in two")
	assert.Equal(t, []string{"Dan", "Ås"}, dan.Cells)
	_, err = r.Next()
	assert.Equal(t, io.EOF, err)
}

package importer

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"leadimport/importer/msg"
	"leadimport/importer/report"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// spoolRows are rows of every kind a reader hands out: plain, empty
// cells, wide, with a note, unreadable with each message a reader gives,
// sent by an earlier run.
func spoolRows() []spooledRow {
	rowErr := func(n int, m msg.Message) spooledRow {
		return spooledRow{err: &source.RowError{File: "in.csv", Row: n, Err: msg.Error(m)}}
	}
	return []spooledRow{
		{row: source.Row{Number: 2, Cells: []string{"Åsa", "Öberg", "", "asa@example.se"}}},
		{row: source.Row{Number: 3, Cells: []string{"", "", ""}}},
		{row: source.Row{Number: 5, Cells: []string{`"Kalle`, "Ek"},
			Notes: []source.Note{{Column: "Förnamn", Value: `"Kalle`, Message: msg.StrayQuote{}}}}},
		rowErr(6, msg.UnclosedQuote{Column: "C"}),
		rowErr(7, msg.NotUTF8{Column: "B", Detected: true}),
		rowErr(8, msg.UndefinedByte{Column: "A", Byte: 0x81}),
		rowErr(9, msg.BrokenCharacter{Column: "A", Encoding: "utf-16le"}),
		rowErr(10, msg.TooManyCells{Cells: 20000}),
		rowErr(11, msg.CellTooLong{Column: "D", Len: 40000}),
		rowErr(12, msg.CellPastLastColumn{Column: "XFE"}),
		{row: source.Row{Number: 13, Cells: []string{"Bo", "Ek"}}, sent: true, response: "CON-17"},
		{row: source.Row{Number: 15, Cells: []string{"Cia", "Ax"},
			Notes: []source.Note{{Column: "Efternamn", Value: "Ax", Message: msg.EditedOnPage{}}}}},
		{row: source.Row{Number: 14, Cells: []string{strings.Repeat("x", 32767)}}},
	}
}

// TestSpoolKeepsEveryRow: what goes into the spool comes out, row for
// row and in order, with each message as it was (said in Swedish as
// well as English), across many flushes.
func TestSpoolKeepsEveryRow(t *testing.T) {
	s, err := newSpool(t.TempDir(), false)
	require.NoError(t, err)
	defer s.close()
	var want []spooledRow
	for range 40 { // 40 × 32 KiB: several flushes
		for _, r := range spoolRows() {
			require.NoError(t, s.add(&r))
			want = append(want, r)
		}
	}
	require.NoError(t, s.rewind())
	for i, w := range want {
		got, err := s.next()
		require.NoError(t, err, "row %d", i)
		if w.err != nil {
			require.NotNil(t, got.err)
			assert.Equal(t, w.err.Row, got.err.Row)
			assert.Equal(t, w.err.File, got.err.File)
			assert.Equal(t, msg.Of(w.err.Err), msg.Of(got.err.Err))
			assert.Equal(t, msg.Swedish.Error(w.err.Err), msg.Swedish.Error(got.err.Err))
			continue
		}
		assert.Equal(t, w, got)
	}
	_, err = s.next()
	assert.Equal(t, io.EOF, err)
}

// TestSpoolKeepsMappings: a clean row's mapping comes back whole, or in
// a check that shows no lead, as its changes' text in the report; a
// clean row without changes is clean still.
func TestSpoolKeepsMappings(t *testing.T) {
	m := mapping.Mapped{Lead: mapping.Lead{Endpoint: mapping.EndpointFinalPriceWatched, CustomerID: "M1001", EstateID: "OBJ1",
		Body: mapping.FinalPriceWatched{Person: mapping.Person{FirstName: "Tolvan", LastName: "Tolvansson",
			Email: &mapping.Email{EmailAddress: "tolvan@example.se"}}}},
		Changes: []mapping.Change{{Column: "E-post", Field: "person.email.emailAddress", From: "Tolvan@Example.se", To: "tolvan@example.se"}}}
	unchanged := m
	unchanged.Changes = nil
	for _, changesOnly := range []bool{false, true} {
		for _, m := range []mapping.Mapped{m, unchanged} {
			s, err := newSpool(t.TempDir(), changesOnly)
			require.NoError(t, err)
			kept, err := m.AppendBinary(nil)
			require.NoError(t, err)
			if changesOnly {
				kept = report.AppendChangesText(nil, m.Changes, msg.English) // as findPersons keeps them (addPerson)
			}
			row := spooledRow{row: source.Row{Number: 2, Cells: []string{"Tolvan", "Tolvan@Example.se"}}, clean: true, mapping: kept}
			require.NoError(t, s.add(&row))
			require.NoError(t, s.add(&spooledRow{row: source.Row{Number: 3, Cells: []string{"Tolvan"}}}))
			require.NoError(t, s.rewind())
			got, err := s.next()
			require.NoError(t, err)
			assert.True(t, got.clean)
			assert.Equal(t, row.row, got.row)
			switch {
			case changesOnly:
				assert.Nil(t, got.mapped)
				assert.Equal(t, report.ChangesText(m.Changes, msg.English), got.changesText)
			default:
				require.NotNil(t, got.mapped)
				assert.Equal(t, m, *got.mapped)
			}
			got, err = s.next()
			require.NoError(t, err)
			assert.False(t, got.clean, "a row kept without its mapping is mapped again")
			assert.Nil(t, got.mapped)
			require.NoError(t, s.close())
		}
	}
}

// TestSpoolKeepsLines: a clean row whose line was formatted ahead for a
// CSV report comes back as that line's head and changes, with its
// number, clean, and without its cells; the rows around it as they were.
func TestSpoolKeepsLines(t *testing.T) {
	s, err := newSpool(t.TempDir(), true)
	require.NoError(t, err)
	defer s.close()
	head, changes := "2;Tolvan;Tolvan@Example.se", "E-post: Tolvan@Example.se → tolvan@example.se"
	rows := []spooledRow{
		{row: source.Row{Number: 2, Cells: []string{"Tolvan", "Tolvan@Example.se"}}, clean: true,
			mapping: []byte(head + changes), head: len(head)},
		{row: source.Row{Number: 3, Cells: []string{"Tolvan"}}},
		{row: source.Row{Number: 4, Cells: []string{"Tolvan", "tolvan@example.se"}}, clean: true, mapping: []byte("4;Tolvan;tolvan@example.se"), head: 26},
	}
	for i := range rows {
		require.NoError(t, s.add(&rows[i]))
	}
	require.NoError(t, s.rewind())
	want := []spooledRow{
		{row: source.Row{Number: 2}, clean: true, line: report.PreLine{Head: []byte(head), Changes: []byte(changes)}},
		rows[1],
		{row: source.Row{Number: 4}, clean: true, line: report.PreLine{Head: []byte("4;Tolvan;tolvan@example.se"), Changes: []byte{}}},
	}
	for _, w := range want {
		got, err := s.next()
		require.NoError(t, err)
		if w.line.Head != nil {
			assert.NotNil(t, got.blk, "a line points into its block")
			got.blk = nil
		}
		assert.Equal(t, w, got)
	}
	_, err = s.next()
	assert.Equal(t, io.EOF, err)
}

// TestSpoolBlocksGoBack: a block of the spool is filled again only once
// the reader is past it and every holder has let go of it: the lines a
// lane holds stay as they were read while later blocks are read.
func TestSpoolBlocksGoBack(t *testing.T) {
	s, err := newSpool(t.TempDir(), true)
	require.NoError(t, err)
	defer s.close()
	const n = 5000 // some twenty blocks
	for i := range n {
		head := fmt.Sprintf("%d;Tolvan;tolvan%d@example.se;%s", i+2, i, strings.Repeat("x", 200))
		r := spooledRow{row: source.Row{Number: i + 2}, clean: true, mapping: []byte(head + "E-post: ändrad"), head: len(head)}
		require.NoError(t, s.add(&r))
	}
	require.NoError(t, s.rewind())
	var held []spooledRow // every tenth row's line, as a lane would hold it
	blocks := map[*block]bool{}
	for i := range n {
		r, err := s.next()
		require.NoError(t, err)
		require.Equal(t, i+2, r.row.Number)
		blocks[r.blk] = true
		if i%10 == 0 {
			r.blk.hold()
			held = append(held, r)
		}
	}
	for i, r := range held {
		require.True(t, strings.HasPrefix(string(r.line.Head), fmt.Sprintf("%d;Tolvan;tolvan%d@", 10*i+2, 10*i)),
			"a held line is as it was read: %.40q", r.line.Head)
	}
	assert.Greater(t, len(blocks), 10, "held blocks are not filled again: each read is a new one")

	// Let go of them all: the blocks come back, and the next reading
	// fills them again.
	for _, r := range held {
		r.blk.release()
	}
	_, err = s.next()
	assert.Equal(t, io.EOF, err)
	assert.NotEmpty(t, s.free, "blocks let go of are kept to be filled again")
}

// TestSpoolKeepsAnyMessage: a message no reader gives today, which the
// spool cannot keep as itself, is kept as its English words, not lost.
func TestSpoolKeepsAnyMessage(t *testing.T) {
	s, err := newSpool(t.TempDir(), false)
	require.NoError(t, err)
	defer s.close()
	m := msg.UnreadableRow{Err: errors.New("bare quote"), Line: 4, Column: 2}
	require.NoError(t, s.add(&spooledRow{err: &source.RowError{Row: 4, Err: msg.Error(m)}}))
	require.NoError(t, s.rewind())
	got, err := s.next()
	require.NoError(t, err)
	assert.Equal(t, msg.English.Say(m), got.err.Err.Error())
}

// TestSpoolCutShort: a spool that ends inside a row is an error, never a
// panic or a row made of what was there.
func TestSpoolCutShort(t *testing.T) {
	s, err := newSpool(t.TempDir(), false)
	require.NoError(t, err)
	defer s.close()
	var ends []int
	size := 0
	for _, r := range spoolRows() {
		require.NoError(t, s.add(&r))
		size += len(s.buf)
		ends = append(ends, size)
		require.NoError(t, s.flush())
	}
	require.NoError(t, s.rewind())
	raw, err := io.ReadAll(s.f.Reader(0, s.f.Size()))
	require.NoError(t, err)
	for cut := range len(raw) {
		s.readFrom(bytes.NewReader(raw[:cut]))
		s.err = nil
		rows := 0
		for {
			_, err = s.next()
			if err != nil {
				break
			}
			rows++
		}
		whole := rows > 0 && cut == ends[rows-1] || rows == 0 && cut == 0
		if whole {
			assert.Equal(t, io.EOF, err, "cut at %d, after row %d", cut, rows)
		} else {
			assert.ErrorIs(t, err, errSpoolBroken, "cut at %d", cut)
		}
	}
}

// TestRunOpensEachInputOnce: however many mappings are tried on an input
// (and the tries as an earlier run's report), and though it is read
// ahead before it is sent, a run opens it once: a workbook's shared
// strings, which can take seconds and hundreds of MiB, are read once.
func TestRunOpensEachInputOnce(t *testing.T) {
	book := excelize.NewFile()
	defer book.Close()
	rows := [][]any{{"Förnamn", "Efternamn", "Personnummer", "E-post", "Mobil"},
		{"Anna", "Berg", "", "anna@example.se", "070-123 45 67"}, {"Bo", "Ek", "", "bo@example.se", ""}}
	for i, r := range rows {
		require.NoError(t, book.SetSheetRow("Sheet1", "A"+string(rune('1'+i)), &r))
	}
	input := filepath.Join(t.TempDir(), "visning.xlsx")
	require.NoError(t, book.SaveAs(input))
	narrow, err := mapping.Parse(strings.NewReader("version: 1\nendpoint: FinalPriceWatched\ncolumns:\n  E-post: person.email.emailAddress\n"+
		"  Förnamn: person.firstName\n  Efternamn: person.lastName\nconstants:\n  customerId: M1001\n  estateId: OBJ1\n"), "narrow.yaml")
	require.NoError(t, err)

	opened := map[string]int{}
	defer func(orig func(string) (*source.File, error)) { openFile = orig }(openFile)
	openFile = func(path string) (*source.File, error) {
		opened[path]++
		return source.OpenFile(path)
	}
	srv := newRecorder(t)
	cfg := testConfig(t, input, srv.URL)
	cfg.Report = filepath.Join(t.TempDir(), "report.xlsx")
	cfg.Mappings = append(cfg.Mappings, narrow)
	cfg.CountRows = true
	sum, err := Run(t.Context(), cfg)
	require.NoError(t, err)
	assert.Equal(t, 2, sum.Counts["sent"])
	assert.Equal(t, map[string]int{input: 1}, opened)
}

// TestScratchDir: the rows read ahead take as much room as the input, so
// they go to a disk the user chose (beside the ledger, beside the
// reports), not to the temporary directory, often memory.
func TestScratchDir(t *testing.T) {
	dir := t.TempDir()
	l := openLedger(t)
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"a run: beside the ledger", Config{Ledger: l, Report: filepath.Join(dir, "r.csv")}, filepath.Dir(l.Path())},
		{"a check to the working directory", Config{}, "."},
		{"a check to a report file", Config{Report: filepath.Join(dir, "out", "r.xlsx")}, filepath.Join(dir, "out")},
		{"a check to a folder", Config{Report: dir}, dir},
		{"a check to a folder to make", Config{Report: dir + "/new/"}, dir + "/new/"},
		{"a check to the standard output: the temporary directory, not /dev", Config{Report: "/dev/stdout"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.cfg.scratchDir())
		})
	}
}

// TestReportInEveryFormat: Config.AlsoFormats writes the one report in
// each format beside it, line for line the same rows; the JSONL report
// has each row's lead, as it has when it is the only one (so the spool
// keeps the whole mapping, not only the changes).
func TestReportInEveryFormat(t *testing.T) {
	input := writeInput(t, 40, func(i int) bool { return i%7 == 3 })
	cfg := testConfig(t, input, "")
	cfg.Report = filepath.Join(t.TempDir(), "visning-report.xlsx")
	cfg.Workers = 2
	cfg.AlsoFormats = []report.Format{report.CSV, report.JSONL, report.XLSX}
	sum, err := Run(t.Context(), cfg)
	require.NoError(t, err)
	require.Len(t, sum.Files, 1)
	assert.Equal(t, 40, sum.Files[0].Rows)

	csvLines := readReport(t, AlsoReport(cfg.Report, report.CSV))
	require.Len(t, csvLines, 40)
	data, err := os.ReadFile(AlsoReport(cfg.Report, report.JSONL))
	require.NoError(t, err)
	var leads, invalid int
	for line := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n") {
		var rec map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &rec))
		if lead, ok := rec["lead"].(map[string]any); ok && rec["status"] == "valid" {
			body, _ := lead["body"].(map[string]any)
			person, _ := body["person"].(map[string]any)
			if person["firstName"] == "Anna" {
				leads++
			}
		}
		if rec["status"] == "invalid" {
			invalid++
		}
	}
	assert.Equal(t, 34, leads, "a lead for every valid row")
	assert.Equal(t, 6, invalid)
	book, err := excelize.OpenFile(cfg.Report)
	require.NoError(t, err)
	defer book.Close()
	rows, err := book.GetRows(book.GetSheetName(0))
	require.NoError(t, err)
	assert.Len(t, rows, 41)
}

// TestSpoolFailingMidRun: when the rows kept cannot be read back midway
// (a disk that fails), the run stops there, and every row after it still
// gets its line, not sent, read again from the file: the report accounts
// for every row whatever fails.
func TestSpoolFailingMidRun(t *testing.T) {
	input := writeInput(t, 300, nil)
	srv := newRecorder(t)
	cfg := testConfig(t, input, srv.URL)
	cfg.Workers = 1
	spoolFailsAt = 100
	defer func() { spoolFailsAt = -1 }()
	sum, err := Run(t.Context(), cfg)
	require.NoError(t, err)
	require.Error(t, sum.Stopped)
	assert.Contains(t, sum.Stopped.Error(), "cannot be read back")
	assert.Equal(t, ExitStopped, sum.ExitCode(nil), "run again later")
	lines := readReport(t, cfg.Report)
	require.Len(t, lines, 300, "a line for every row")
	for i, l := range lines {
		assert.Equal(t, strconv.Itoa(i+2), l["row"])
		if i >= 100 {
			assert.Equal(t, "not_sent", l["status"], "row %d", i+2)
			assert.Equal(t, fmt.Sprintf("Svensson%d", i), l["Efternamn"], "row %d read again from the file", i+2)
		}
	}
	assert.LessOrEqual(t, len(srv.sent()), 100)
}

// FuzzSpoolRead: whatever bytes a spool holds when it is read back (a
// disk that returns garbage), each read is a row or an error, never a
// panic, and a row read is one that can be written again.
func FuzzSpoolRead(f *testing.F) {
	for _, changesOnly := range []bool{false, true} {
		s, err := newSpool(f.TempDir(), changesOnly)
		require.NoError(f, err)
		for _, r := range spoolRows() {
			require.NoError(f, s.add(&r))
		}
		line := spooledRow{row: source.Row{Number: 16}, clean: true, mapping: []byte("16;Tolvan;a → b"), head: 9}
		require.NoError(f, s.add(&line))
		f.Add(slices.Clone(s.buf), changesOnly)
		s.close()
	}
	f.Fuzz(func(t *testing.T, raw []byte, changesOnly bool) {
		s := &spool{changesOnly: changesOnly}
		s.readFrom(bytes.NewReader(raw))
		defer s.stopAhead()
		for range 1000 {
			r, err := s.next()
			if err != nil {
				return
			}
			require.LessOrEqual(t, len(r.row.Cells), len(raw))
			again := &spool{}
			r.mapping = []byte(r.changesText)
			require.NoError(t, again.add(&r))
		}
	})
}

// TestSpoolLongRow: a row longer than the spool's read buffer comes back
// whole, between rows that fit in it.
func TestSpoolLongRow(t *testing.T) {
	s, err := newSpool(t.TempDir(), true)
	require.NoError(t, err)
	defer s.close()
	rows := []spooledRow{
		{row: source.Row{Number: 2, Cells: []string{"Tolvan"}}},
		{row: source.Row{Number: 3, Cells: []string{strings.Repeat("Lång text. ", 30000), "x"}}, clean: true, mapping: []byte("E-post: a → b")},
		{row: source.Row{Number: 4, Cells: []string{"Tolvan"}}},
	}
	for i := range rows {
		require.NoError(t, s.add(&rows[i]))
	}
	require.NoError(t, s.rewind())
	for _, want := range rows {
		got, err := s.next()
		require.NoError(t, err)
		assert.Equal(t, want.row, got.row)
		assert.Equal(t, string(want.mapping), got.changesText)
	}
	_, err = s.next()
	assert.Equal(t, io.EOF, err)
}

// TestSpoolReadAhead: the rows of many blocks come back in order through
// the read-ahead, and a spool closed after a few rows stops it (close
// returns, the read-ahead does not wait on a block nobody takes), as a
// run that stops early closes its spool.
func TestSpoolReadAhead(t *testing.T) {
	const n = 20_000 // some 40 blocks of the read-ahead's 64 KiB
	tests := []struct {
		name string
		read int
	}{
		{"every row", n},
		{"closed after three rows", 3},
		{"closed before any row", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := newSpool(t.TempDir(), true)
			require.NoError(t, err)
			for i := range n {
				r := spooledRow{row: source.Row{Number: i + 2, Cells: []string{"Tolvan", "Tolvansson", fmt.Sprint(i), strings.Repeat("x", 100)}}}
				require.NoError(t, s.add(&r))
			}
			require.NoError(t, s.rewind())
			for i := range tt.read {
				got, err := s.next()
				require.NoError(t, err)
				require.Equal(t, i+2, got.row.Number)
				require.Equal(t, fmt.Sprint(i), got.row.Cells[2])
			}
			if tt.read == n {
				for range 3 { // and again: the end stays the end
					_, err := s.next()
					assert.Equal(t, io.EOF, err)
				}
			}
			assert.NoError(t, s.close())
			select {
			case <-s.aheadDone:
			default:
				t.Error("the read-ahead goes on after close")
			}
		})
	}
}

// TestMayShowLeads: a check keeps only a clean row's changes when no
// report of it can show leads; anything that may be JSONL keeps them whole.
func TestMayShowLeads(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want bool
	}{
		{"reports named by the inputs", Config{}, false},
		{"a CSV report", Config{Report: "r.csv"}, false},
		{"an XLSX report", Config{Report: "r.XLSX"}, false},
		{"a JSONL report", Config{Report: "r.jsonl"}, true},
		{"an NDJSON report", Config{Report: "r.ndjson"}, true},
		{"a report of no known format", Config{Report: "r.pdf"}, true},
		{"JSONL beside", Config{Report: "r.csv", AlsoFormats: []report.Format{report.XLSX, report.JSONL}}, true},
		{"XLSX beside", Config{AlsoFormats: []report.Format{report.XLSX}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.cfg.mayShowLeads())
		})
	}
}

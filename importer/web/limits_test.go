package web

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// A workbook of a few KiB whose cells all point at one shared string of
// 32,767 characters: a page of its rows shows each cell in part and stops
// before it grows past maxPage, saying so.
func TestPageOfRowsIsBoundedInBytes(t *testing.T) {
	const cols, rows = 100, 40
	path := filepath.Join(t.TempDir(), "wide.xlsx")
	f := excelize.NewFile()
	big := strings.Repeat("x", 32767)
	require.NoError(t, f.SetSheetRow("Sheet1", "A1", &[]any{"Förnamn", "Efternamn", "E-post"}))
	for c := 4; c <= cols; c++ {
		ref, _ := excelize.CoordinatesToCellName(c, 1)
		require.NoError(t, f.SetCellStr("Sheet1", ref, fmt.Sprintf("Extra %d", c)))
	}
	for r := 2; r <= rows+1; r++ {
		require.NoError(t, f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", r), &[]any{"Anna", "Svensson", "anna@example.se"}))
		for c := 4; c <= cols; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			require.NoError(t, f.SetCellStr("Sheet1", ref, big))
		}
	}
	require.NoError(t, f.SaveAs(path))
	content, err := os.ReadFile(path)
	require.NoError(t, err)

	h := newHarness(t)
	body, ct := form(t, "wide.xlsx", content, nil)
	var v importView
	decode(t, h.do("POST", "/api/imports", body, ct), 201, &v)
	decode(t, h.putMapping(v.ID, "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n"+
		"  E-post: person.email.emailAddress\nconstants:\n  customerId: M1001\n  estateId: OBJ1234\n"), 200, nil)
	for _, path := range []string{"/rows?limit=1000&order=row", "/check?limit=1000"} {
		method := "GET"
		if strings.HasPrefix(path, "/check") {
			method = "POST"
		}
		resp := h.do(method, "/api/imports/"+v.ID+path, nil, "")
		data, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.Equal(t, 200, resp.StatusCode)
		require.Less(t, len(data), 16<<20, "a page of a %d-byte workbook", len(content))
		var page checkView
		require.NoError(t, json.Unmarshal(data, &page))
		require.NotEmpty(t, page.Page)
		assert.Less(t, len(page.Page), rows, "the page stops before it is too large")
		assert.True(t, page.Truncated)
		assert.Equal(t, len(page.Page), page.Next)
		for _, r := range page.Page {
			assert.True(t, r.Cut)
			assert.Equal(t, "Anna", r.Cells[0])
			assert.Len(t, r.Cells[5], maxShown)
		}
		// The next page goes on from there.
		resp = h.do("GET", fmt.Sprintf("/api/imports/%s/rows?order=row&limit=1000&offset=%d", v.ID, page.Next), nil, "")
		var next checkView
		decode(t, resp, 200, &next)
		require.NotEmpty(t, next.Page)
		assert.Equal(t, page.Page[len(page.Page)-1].Row+1, next.Page[0].Row)
	}
}

func TestShortenCutsAtACharacter(t *testing.T) {
	for _, tc := range []struct {
		in   string
		n    int
		want string
		cut  bool
	}{
		{"Anna", 10, "Anna", false},
		{"Anna", 2, "An", true},
		{"åäö", 3, "å", true}, // å is two bytes: the third is half of ä
		{"åäö", 4, "åä", true},
		{"", 0, "", false},
	} {
		got, cut := shorten(tc.in, tc.n)
		assert.Equal(t, tc.want, got, "%q %d", tc.in, tc.n)
		assert.Equal(t, tc.cut, cut, "%q %d", tc.in, tc.n)
	}
}

// A fix of one cell reads the sheet up to its row to learn that it is
// there, holding no row numbers: a sheet of many rows costs no memory in
// proportion to them.
func TestFixingACellReadsUpToItsRow(t *testing.T) {
	const rows = 500_000
	var b strings.Builder
	b.WriteString("Förnamn;Efternamn;E-post\n")
	for range rows {
		b.WriteString("A;B;a@example.se\n")
	}
	h := newHarness(t)
	body, ct := form(t, "many.csv", []byte(b.String()), nil)
	var v importView
	decode(t, h.do("POST", "/api/imports", body, ct), 201, &v)
	decode(t, h.putMapping(v.ID, "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n"+
		"  E-post: person.email.emailAddress\nconstants:\n  customerId: M1001\n  estateId: OBJ1234\n"), 200, nil)
	u := h.srv.imports[v.ID]
	u.mu.Lock()
	defer u.mu.Unlock()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	header, found, err := u.findRow(3)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	assert.True(t, found)
	assert.Equal(t, []string{"Förnamn", "Efternamn", "E-post"}, header)
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4<<20), "read up to row 3 only")
	_, found, err = u.findRow(rows + 2)
	require.NoError(t, err)
	assert.False(t, found, "one past the last row")
	_, found, err = u.findRow(rows + 1)
	require.NoError(t, err)
	assert.True(t, found, "the last row")
}

// The server keeps maxImports imports: past it, the oldest finished one
// goes (its sheet's folder too), else the oldest not sent yet.
func TestImportsAreBoundedInNumber(t *testing.T) {
	h := newHarness(t)
	ready := h.upload(openHouse)
	sent := h.upload(openHouse)
	decode(t, h.putMapping(sent.ID, sampleMapping(t)), 200, nil)
	decode(t, h.do("POST", "/api/imports/"+sent.ID+"/send", nil, ""), 202, nil)
	require.Equal(t, "done", h.waitEnd(sent.ID).State)
	h.srv.mu.Lock()
	sentDir := h.srv.imports[sent.ID].dir
	h.srv.mu.Unlock()
	for range maxImports - 1 {
		h.upload(openHouse)
	}
	decode(t, h.do("GET", "/api/imports/"+sent.ID, nil, ""), 404, nil)
	assert.NoDirExists(t, sentDir)
	decode(t, h.do("GET", "/api/imports/"+ready.ID, nil, ""), 200, nil)
	newest := h.upload(openHouse)
	decode(t, h.do("GET", "/api/imports/"+ready.ID, nil, ""), 404, nil)
	decode(t, h.do("GET", "/api/imports/"+newest.ID, nil, ""), 200, nil)
	h.srv.mu.Lock()
	assert.Len(t, h.srv.imports, maxImports)
	h.srv.mu.Unlock()
}

// A page's bytes are counted as the answer writes them: a cell of < is
// six times its length there.
func TestJSONLenIsTheEncodedLength(t *testing.T) {
	for _, s := range []string{"", "Anna", "<script>", `a"b\c`, "tab\there\n", "\x00\x01\b\f\r", "Åsa & Björn", strings.Repeat("<", 100)} {
		data, err := jsonText(s)
		require.NoError(t, err)
		assert.Equal(t, len(data)-2, jsonLen(s), "%q", s) // less the quotes
	}
}

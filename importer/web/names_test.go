package web

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"leadimport/mapping"
)

func TestCleanName(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"plain", "visning.xlsx", "visning.xlsx"},
		{"a path", `C:\Users\anna\visning.csv`, "visning.csv"},
		{"dots first", "..visning.csv", "visning.csv"},
		{"only an extension", ".csv", "csv"}, // refused: no extension
		{"an empty name", " ", "sheet"},
		{"control characters", "vis\x00ning\n.csv", "visning.csv"},
		{"not UTF-8", "vis\xffning.csv", "visning.csv"},
		{"long, cut at a character", strings.Repeat("å", 150) + ".csv", strings.Repeat("å", 98) + ".csv"},
		{"an extension too long to be one", "a." + strings.Repeat("x", 300), "a." + strings.Repeat("x", 198)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := cleanName(tc.in)
			assert.Equal(t, tc.want, got)
			assert.True(t, utf8.ValidString(got))
			assert.LessOrEqual(t, len(got), maxName)
		})
	}
}

// A name whose "extension" is longer than a name may be is refused as a
// kind of file that is not read, not a panic of the handler.
func TestUploadWithLongExtensionIsRefused(t *testing.T) {
	h := newHarness(t)
	body, ct := form(t, "a."+strings.Repeat("x", 300), []byte("Förnamn;Efternamn\nAnna;Svensson\n"), nil)
	var e apiError
	decode(t, h.do("POST", "/api/imports", body, ct), http.StatusUnsupportedMediaType, &e)
	assert.Less(t, len(e.Error), 200)
	// The same with a name too long but an extension that is read: kept, cut.
	body, ct = form(t, strings.Repeat("å", 150)+".csv", []byte("Förnamn;Efternamn\nAnna;Svensson\n"), nil)
	var v importView
	decode(t, h.do("POST", "/api/imports", body, ct), http.StatusCreated, &v)
	require.True(t, utf8.ValidString(v.Input.Name))
	assert.Equal(t, strings.Repeat("å", 98)+".csv", v.Input.Name)
}

// A mapping confirmed without an input section is remembered without the
// sheet it was only found on: next month's workbook, the same headers on
// a sheet named otherwise, gets it proposed, and it fits.
func TestRememberedMappingKeepsNoSheetFound(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	text := sampleMapping(t)
	text = text[:strings.Index(text, "input:")]
	decode(t, h.putMapping(v.ID, text), http.StatusOK, nil)

	f, err := excelize.OpenFile(openHouse)
	require.NoError(t, err)
	require.NoError(t, f.SetSheetName("Anmälningar", "Blad1"))
	renamed := filepath.Join(t.TempDir(), "visning-december.xlsx")
	require.NoError(t, f.SaveAs(renamed))
	w := h.upload(renamed)
	require.NotEmpty(t, w.Remembered, "the same headers: remembered")
	assert.NotContains(t, w.Mapping, "Anmälningar", "a sheet never chosen is not remembered")
	proposal := strings.Replace(w.Mapping, "customerId: M0000", "customerId: M1001", 1)
	proposal = strings.Replace(proposal, "estateId: OBJ0000", "estateId: OBJ1234", 1)
	decode(t, h.putMapping(w.ID, proposal), http.StatusOK, nil)
}

// A refusal names the file as it was dropped, never its place in the
// server's folder.
func TestRefusalsNameTheFileDropped(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	var e apiError
	decode(t, h.do("PUT", "/api/imports/"+v.ID+"/input", strings.NewReader(`{"headerRow": 500}`), "application/json"),
		http.StatusUnprocessableEntity, &e)
	assert.Contains(t, e.Error, "visning.xlsx")
	assert.NotContains(t, e.Error, h.srv.Dir())
	text := strings.Replace(sampleMapping(t), "headerRow: 3", "headerRow: 500", 1)
	resp := h.putMapping(v.ID, text)
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnprocessableEntity, resp.StatusCode, "%s", data)
	assert.NotContains(t, string(data), h.srv.Dir())
}

// What a script gets wrong is said as it was given: a row number that is
// none, a JSON body too large (413), the scheme of Authorization in
// another case.
func TestRequestsSaidAsGiven(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	for _, row := range []string{"abc", "99999999999999999999"} {
		var e apiError
		decode(t, h.do("PATCH", "/api/imports/"+v.ID+"/rows/"+row, strings.NewReader(`{"cells":{}}`), "application/json"), http.StatusNotFound, &e)
		assert.Contains(t, e.Error, `"`+row+`"`)
	}
	big := `{"cells":{"Förnamn":"` + strings.Repeat("x", 1<<20) + `"}}`
	decode(t, h.do("PATCH", "/api/imports/"+v.ID+"/rows/4", strings.NewReader(big), "application/json"), http.StatusRequestEntityTooLarge, nil)

	req, err := http.NewRequest("GET", h.ts.URL+"/api/imports/"+v.ID, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "bearer "+testToken)
	resp, err := h.ts.Client().Do(req)
	require.NoError(t, err)
	decode(t, resp, http.StatusOK, nil)
	resp.Body.Close()
}

// The mapping downloaded for run reads the sheet as the check did: the
// read options chosen on the upload that the mapping does not say are
// written into its input section.
func TestDownloadedMappingReadsAsTheCheck(t *testing.T) {
	full := sampleMapping(t)
	bare := full[:strings.Index(full, "input:")]
	for _, tc := range []struct{ name, text string }{
		{"no input section", bare},
		{"an input section without them", bare + "input:\n  empty: [saknas]\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t)
			content, err := os.ReadFile(openHouse)
			require.NoError(t, err)
			body, ct := form(t, "visning.xlsx", content, map[string]string{"headerRow": "3", "sheet": "Anmälningar"})
			var v importView
			decode(t, h.do("POST", "/api/imports", body, ct), http.StatusCreated, &v)
			decode(t, h.putMapping(v.ID, tc.text), http.StatusOK, nil)
			resp := h.do("GET", "/api/imports/"+v.ID+"/mapping.yaml", nil, "")
			data, err := io.ReadAll(resp.Body)
			require.NoError(t, err)
			m, err := mapping.Parse(strings.NewReader(string(data)), "mapping.yaml")
			require.NoError(t, err, "%s", data)
			assert.Equal(t, 3, m.Input.HeaderRow, "%s", data)
			assert.Equal(t, "Anmälningar", m.Input.Sheet)
			assert.True(t, strings.HasPrefix(string(data), bare), "the text given, and the options")
			assert.Equal(t, strings.Contains(tc.text, "empty:"), m.Input.Empty != nil)
		})
	}
}

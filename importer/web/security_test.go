package web

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRefused: each rule a request must pass, broken in turn.
func TestRefused(t *testing.T) {
	h := newHarness(t)
	tests := []struct {
		name   string
		req    func() *http.Request
		status int
		says   string
	}{
		{"no token", func() *http.Request {
			r, _ := http.NewRequest("GET", h.ts.URL+"/api/history", nil)
			return r
		}, http.StatusUnauthorized, "link"},
		{"wrong token", func() *http.Request {
			r, _ := http.NewRequest("GET", h.ts.URL+"/api/history", nil)
			r.Header.Set("Authorization", "Bearer "+strings.Repeat("x", len(testToken)))
			return r
		}, http.StatusUnauthorized, "link"},
		{"the page without its token", func() *http.Request {
			r, _ := http.NewRequest("GET", h.ts.URL+"/", nil)
			return r
		}, http.StatusUnauthorized, "link"},
		{"a rebound host name", func() *http.Request {
			r, _ := http.NewRequest("GET", h.ts.URL+"/api/history", nil)
			r.Header.Set("Authorization", "Bearer "+testToken)
			r.Host = "evil.example:8080"
			return r
		}, http.StatusForbidden, "evil.example"},
		{"a foreign origin", func() *http.Request {
			r, _ := http.NewRequest("POST", h.ts.URL+"/api/credentials", strings.NewReader(`{}`))
			r.Header.Set("Authorization", "Bearer "+testToken)
			r.Header.Set("Origin", "https://evil.example")
			return r
		}, http.StatusForbidden, "another web site"},
		{"cross-site fetch metadata", func() *http.Request {
			r, _ := http.NewRequest("POST", h.ts.URL+"/api/credentials", strings.NewReader(`{}`))
			r.Header.Set("Authorization", "Bearer "+testToken)
			r.Header.Set("Sec-Fetch-Site", "cross-site")
			return r
		}, http.StatusForbidden, "another web site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := h.ts.Client().Do(tt.req())
			require.NoError(t, err)
			defer resp.Body.Close()
			var e apiError
			decode(t, resp, tt.status, &e)
			assert.Contains(t, e.Error, tt.says)
			assert.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"), "no CORS")
			assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "script-src 'self'")
		})
	}
}

// TestTokenCookie: the token in the address once sets the cookie and
// sends the browser on to the page without it.
func TestTokenCookie(t *testing.T) {
	h := newHarness(t)
	c := h.ts.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Get(h.ts.URL + "/?token=" + testToken)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	assert.Equal(t, "/", resp.Header.Get("Location"))
	cookies := resp.Cookies()
	require.Len(t, cookies, 1)
	assert.True(t, cookies[0].HttpOnly)
	assert.Equal(t, http.SameSiteStrictMode, cookies[0].SameSite)

	req, _ := http.NewRequest("GET", h.ts.URL+"/", nil)
	req.AddCookie(cookies[0])
	resp, err = c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Content-Type"), "text/html")
}

// TestHostileUploads: what the command line refuses, the page refuses,
// in a sentence, and a file over --max-upload is not kept.
func TestHostileUploads(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.MaxUpload = 1 << 20 })
	bomb := func() []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		// A part that says it unpacks to a terabyte: refused before it is read.
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate,
			CompressedSize64: 4, UncompressedSize64: 1 << 40})
		require.NoError(t, err)
		w.Write([]byte{3, 0, 0, 0})
		require.NoError(t, zw.Close())
		return b.Bytes()
	}
	tests := []struct {
		name, file string
		content    []byte
		status     int
		says       string
	}{
		{"zip bomb", "bomb.xlsx", bomb(), http.StatusUnprocessableEntity, "MiB"},
		{"garbage named xlsx", "visning.xlsx", bytes.Repeat([]byte("not a workbook "), 100), http.StatusUnprocessableEntity, "visning.xlsx"},
		{"an old xls", "old.xls", []byte{0xd0, 0xcf, 0x11, 0xe0}, http.StatusUnsupportedMediaType, ".xls"},
		{"over --max-upload", "big.csv", bytes.Repeat([]byte("a;b\n"), 1<<19), http.StatusRequestEntityTooLarge, "1 MiB"},
		{"a path for a name", "../../etc/passwd.csv", []byte("Förnamn;Efternamn\nAnna;Svensson\n"), http.StatusCreated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, ct := form(t, tt.file, tt.content, nil)
			resp := h.do("POST", "/api/imports", body, ct)
			if tt.status == http.StatusCreated {
				var v importView
				decode(t, resp, tt.status, &v)
				assert.Equal(t, "passwd.csv", v.Input.Name)
				return
			}
			var e apiError
			decode(t, resp, tt.status, &e)
			assert.Contains(t, e.Error, tt.says)
		})
	}
	// Nothing refused is left in the uploads' folder.
	entries, err := readDir(h.srv.Dir())
	require.NoError(t, err)
	assert.Len(t, entries, 1, "only the one accepted: %v", entries)
}

// TestScriptCellIsText: a cell holding markup comes back as JSON text,
// escaped, never as markup.
func TestScriptCellIsText(t *testing.T) {
	h := newHarness(t)
	body, ct := form(t, "x.csv", []byte("Förnamn;Efternamn;E-post\n<script>alert(1)</script>;Svensson;anna@example.se\n"), nil)
	var v importView
	decode(t, h.do("POST", "/api/imports", body, ct), http.StatusCreated, &v)
	decode(t, h.putMapping(v.ID, "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n  E-post: person.email.emailAddress\nconstants:\n  customerId: M1001\n  estateId: OBJ1234\n"), http.StatusOK, nil)
	resp := h.do("POST", "/api/imports/"+v.ID+"/check", nil, "")
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), "<script>")
	var chk checkView
	require.NoError(t, json.Unmarshal(raw, &chk))
	require.Len(t, chk.Page, 1)
	assert.Equal(t, "<script>alert(1)</script>", chk.Page[0].Cells[0])
}

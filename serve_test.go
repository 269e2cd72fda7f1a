package main

import (
	"bytes"
	"context"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lineWriter hands each line written to it to lines: a test waits for
// serve's banner on it instead of sleeping.
type lineWriter struct {
	buf   syncBuffer
	lines chan string
}

func (w *lineWriter) Write(p []byte) (int, error) {
	for _, l := range strings.Split(strings.TrimRight(string(p), "\n"), "\n") {
		w.lines <- l
	}
	return w.buf.Write(p)
}

const serveToken = "serve-test-token-0123456789"

// startServe runs leadimport serve in process until the test ends, and
// returns the address it printed.
func startServe(t *testing.T, dir string, environ []string, args ...string) (page *url.URL, opened <-chan string, stop func() (int, string)) {
	t.Helper()
	t.Chdir(dir)
	out := &lineWriter{lines: make(chan string, 16)}
	var stderr syncBuffer
	e := testEnv(dir, append(environ, "LEADIMPORT_SERVE_TOKEN="+serveToken), out, &stderr)
	openedURL := make(chan string, 1)
	e.openURL = func(u string) error { openedURL <- u; return nil }
	ctx, cancel := context.WithCancelCause(t.Context())
	done := make(chan int)
	go func() { done <- realMain(ctx, append([]string{"serve"}, args...), e) }()
	var line string
	select {
	case line = <-out.lines:
	case code := <-done:
		t.Fatalf("serve ended with %d: %s", code, stderr.String())
	}
	require.True(t, strings.HasPrefix(line, "leadimport serve: open http://127.0.0.1:"), line)
	page, err := url.Parse(line[strings.LastIndex(line, " ")+1:])
	require.NoError(t, err)
	stopped := false
	stop = func() (int, string) {
		if !stopped {
			stopped = true
			cancel(errInterrupted)
			return <-done, stderr.String()
		}
		return 0, stderr.String()
	}
	t.Cleanup(func() { stop() })
	return page, openedURL, stop
}

// TestServeAndInitRemember: serve prints its address with the token,
// takes the sample and its mapping over the API, opens the browser with
// --open, removes its uploads when stopped; init then proposes the
// mapping confirmed on the page for a sheet with the same headers.
func TestServeAndInitRemember(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir) // where serve makes its private folder of uploads
	page, opened, stop := startServe(t, dir, nil, "--open", "--lang", "en")
	assert.Equal(t, serveToken, page.Query().Get("token"))
	// The browser is opened on a file of the server's (0600) that sends it
	// on: the token is in no process's arguments.
	file := <-opened
	info, err := os.Stat(file)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	redirect, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Contains(t, string(redirect), `content="0;url=`+html.EscapeString(page.String())+`"`)
	base := "http://" + page.Host

	call := func(method, path, ct string, body io.Reader) *http.Response {
		resp := serveCall(t, base, method, path, ct, body)
		t.Cleanup(func() { resp.Body.Close() })
		return resp
	}
	resp, err := http.Get(base + "/api/history")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusUnauthorized, resp.StatusCode)

	sample, err := os.ReadFile(filepath.Join(packageDir, "samples/open-house/visning.xlsx"))
	require.NoError(t, err)
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile("file", "visning.xlsx")
	require.NoError(t, err)
	fw.Write(sample)
	mw.Close()
	resp = call("POST", "/api/imports", mw.FormDataContentType(), &b)
	body, _ := io.ReadAll(resp.Body)
	require.Equal(t, http.StatusCreated, resp.StatusCode, string(body))
	id := between(string(body), `"id":"`, `"`)
	uploads, err := filepath.Glob(filepath.Join(dir, "leadimport-serve-*"))
	require.NoError(t, err)
	require.Len(t, uploads, 1)
	info, err = os.Stat(uploads[0])
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), info.Mode().Perm())

	mapping, err := os.ReadFile(filepath.Join(packageDir, "samples/open-house/mapping.yaml"))
	require.NoError(t, err)
	resp = call("PUT", "/api/imports/"+id+"/mapping", "application/yaml", bytes.NewReader(mapping))
	body, _ = io.ReadAll(resp.Body)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(body))

	code, stderr := stop()
	assert.Equal(t, 0, code, stderr)
	assert.Contains(t, stderr, "stopped; the uploaded files are removed")
	assert.NoDirExists(t, uploads[0])

	input := filepath.Join(packageDir, "samples/open-house/visning.xlsx")
	res := runCmd(t, dir, nil, "init", input)
	require.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stderr, "had a mapping confirmed before")
	assert.Contains(t, res.stdout, `"Förnamn": person.firstName`)
	assert.Contains(t, res.stdout, `headerRow: 3`)
	assert.Contains(t, res.stdout, "customerId: M0000", "no constant is remembered")
	assert.NotContains(t, res.stdout, "customerId: M1001")
}

// TestServeLangInAddress: the address serve prints and opens says the
// page's language when --lang is not the default, so that the page starts
// in it.
func TestServeLangInAddress(t *testing.T) {
	for _, tc := range []struct {
		args []string
		lang string
	}{
		{[]string{"--open"}, ""},
		{[]string{"--open", "--lang", "sv"}, ""},
		{[]string{"--open", "--lang", "en"}, "en"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			dir := t.TempDir()
			t.Setenv("TMPDIR", dir)
			page, opened, stop := startServe(t, dir, nil, tc.args...)
			assert.Equal(t, serveToken, page.Query().Get("token"))
			assert.Equal(t, tc.lang, page.Query().Get("lang"))
			redirect, err := os.ReadFile(<-opened)
			require.NoError(t, err)
			assert.Contains(t, string(redirect), `content="0;url=`+html.EscapeString(page.String())+`"`)
			code, stderr := stop()
			assert.Equal(t, 0, code, stderr)
			assert.Contains(t, stderr, "no credentials yet: the page asks for them")
		})
	}
}

// TestServeSaysWhereItSends: a send from the page names Connect's base
// URL and the user of the credentials it found, here the environment's,
// as run does; never the password.
func TestServeSaysWhereItSends(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	sb := startSandbox(t)
	page, _, stop := startServe(t, dir, sandboxEnv(sb, sandboxPassword), "--rate", "0")
	base := "http://" + page.Host
	call := func(method, path, ct string, body io.Reader) string {
		resp := serveCall(t, base, method, path, ct, body)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.Less(t, resp.StatusCode, 300, "%s %s: %s", method, path, b)
		return string(b)
	}
	sample, err := os.ReadFile(filepath.Join(packageDir, "samples/open-house/visning.xlsx"))
	require.NoError(t, err)
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile("file", "visning.xlsx")
	require.NoError(t, err)
	fw.Write(sample)
	mw.Close()
	id := between(call("POST", "/api/imports", mw.FormDataContentType(), &b), `"id":"`, `"`)
	mapping, err := os.ReadFile(filepath.Join(packageDir, "samples/open-house/mapping.yaml"))
	require.NoError(t, err)
	call("PUT", "/api/imports/"+id+"/mapping", "application/yaml", bytes.NewReader(mapping))
	call("POST", "/api/imports/"+id+"/send", "", nil)
	events := call("GET", "/api/imports/"+id+"/events", "", nil) // to its end
	require.Contains(t, events, `"state":"done"`)

	code, stderr := stop()
	assert.Equal(t, 0, code, stderr)
	// When it starts, and when a send starts.
	assert.Contains(t, stderr, `INFO sends go to Connect at `+sb.URL+` (from LEADIMPORT_BASE_URL) as user "sandbox" (from VITEC_USERNAME)`)
	assert.Contains(t, stderr, `INFO sending to Connect at `+sb.URL+` (from LEADIMPORT_BASE_URL) as user "sandbox"`)
	assert.NotContains(t, stderr, `as user ""`)
	assert.NotContains(t, stderr, sandboxPassword)
}

func between(s, from, to string) string {
	_, rest, _ := strings.Cut(s, from)
	v, _, _ := strings.Cut(rest, to)
	return v
}

func TestServeRefusesBadFlags(t *testing.T) {
	tests := []struct {
		name    string
		environ []string
		args    []string
		says    string
	}{
		{"addr without a port", nil, []string{"--addr", "localhost"}, "give host:port"},
		{"max-upload 0", nil, []string{"--max-upload", "0"}, "--max-upload must be 1"},
		{"max-upload past its bytes", nil, []string{"--max-upload", "9007199254740992"}, "at most 1048576"},
		{"every address", nil, []string{"--addr", "0.0.0.0:8080"}, "name the one address"},
		{"every address of IPv6", nil, []string{"--addr", "[::]:8080"}, "name the one address"},
		{"no host", nil, []string{"--addr", ":8080"}, "name the one address"},
		{"a language it does not speak", nil, []string{"--lang", "fi"}, "fi"},
		{"a token too short", []string{"LEADIMPORT_SERVE_TOKEN=short"}, nil, "at least 22 characters"},
		{"an argument", nil, []string{"visning.xlsx"}, "visning.xlsx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runCmd(t, t.TempDir(), tt.environ, append([]string{"serve"}, tt.args...)...)
			assert.Equal(t, 2, res.code, res.stderr)
			assert.Contains(t, res.stderr, tt.says)
			assert.Empty(t, res.stdout)
		})
	}
}

// serveCall makes a request of a running serve at base as a script
// does, with the token as a bearer and, unless ct is "", a content type.
func serveCall(t *testing.T, base, method, path, ct string, body io.Reader) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, base+path, body)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+serveToken)
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	return resp
}

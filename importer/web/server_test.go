package web

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/importer/sandbox"
	"leadimport/importer/source"
	"leadimport/mapping/remember"
)

const (
	testToken    = "test-token-0123456789abcdef"
	sandboxUser  = "sandbox"
	sandboxPass  = "web-Secret-Pass"
	openHouse    = "../../samples/open-house/visning.xlsx"
	openHouseMap = "../../samples/open-house/mapping.yaml"
)

// logBuffer is the server's log, for the tests that read it.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// harness is a server on loopback with a sandbox for Connect behind it.
type harness struct {
	t       *testing.T
	srv     *Server
	ts      *httptest.Server
	sandbox *sandbox.Server
	record  *logBuffer
	log     *logBuffer
	ledger  string
	env     map[string]string
	// gate, when set, holds every request to the sandbox until it is
	// closed; arrived hears of each request as it comes.
	gate    chan struct{}
	arrived chan struct{}
}

func newHarness(t *testing.T, change ...func(*Config)) *harness {
	t.Helper()
	h := &harness{t: t, record: &logBuffer{}, log: &logBuffer{}, env: map[string]string{}}
	h.sandbox = &sandbox.Server{Username: sandboxUser, Password: sandboxPass, Record: h.record}
	sb := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h.gate != nil {
			select {
			case h.arrived <- struct{}{}:
			default:
			}
			<-h.gate
		}
		h.sandbox.ServeHTTP(w, r)
	}))
	t.Cleanup(sb.Close)
	dir := t.TempDir()
	h.ledger = filepath.Join(dir, "ledger.db")
	h.env["VITEC_USERNAME"], h.env["VITEC_PASSWORD"] = sandboxUser, sandboxPass
	cfg := Config{Token: testToken, Lang: msg.English, Dir: filepath.Join(dir, "uploads"),
		Log:      slog.New(slog.NewTextHandler(h.log, nil)),
		Remember: &remember.Store{Dir: filepath.Join(dir, "mappings")},
		Send: Send{BaseURL: sb.URL, UserAgent: "leadimport/test", Workers: 2, Ledger: h.ledger,
			Credentials: filepath.Join(dir, "credentials"), Getenv: func(k string) string { return h.env[k] }}}
	for _, c := range change {
		c(&cfg)
	}
	srv, err := New(cfg)
	require.NoError(t, err)
	h.srv = srv
	h.ts = httptest.NewServer(srv)
	t.Cleanup(func() {
		h.ts.Close()
		srv.Close()
	})
	return h
}

// do sends a request with the token as a script would.
func (h *harness) do(method, path string, body io.Reader, contentType string) *http.Response {
	h.t.Helper()
	req, err := http.NewRequest(method, h.ts.URL+path, body)
	require.NoError(h.t, err)
	req.Header.Set("Authorization", "Bearer "+testToken)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := h.ts.Client().Do(req)
	require.NoError(h.t, err)
	h.t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// decode reads resp's JSON body into v after checking its status.
func decode(t *testing.T, resp *http.Response, status int, v any) {
	t.Helper()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, status, resp.StatusCode, "body: %s", data)
	if v != nil {
		require.NoError(t, json.Unmarshal(data, v), "body: %s", data)
	}
}

// form is a multipart body with the file at path (named name) and fields.
func form(t *testing.T, name string, content []byte, fields map[string]string) (io.Reader, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for k, v := range fields {
		require.NoError(t, mw.WriteField(k, v))
	}
	fw, err := mw.CreateFormFile("file", name)
	require.NoError(t, err)
	_, err = fw.Write(content)
	require.NoError(t, err)
	require.NoError(t, mw.Close())
	return &b, mw.FormDataContentType()
}

// upload drops the file at path and returns the import.
func (h *harness) upload(path string) importView {
	h.t.Helper()
	content, err := os.ReadFile(path)
	require.NoError(h.t, err)
	body, ct := form(h.t, filepath.Base(path), content, nil)
	var v importView
	decode(h.t, h.do("POST", "/api/imports", body, ct), http.StatusCreated, &v)
	return v
}

func (h *harness) putMapping(id, text string) *http.Response {
	return h.do("PUT", "/api/imports/"+id+"/mapping", strings.NewReader(text), "application/yaml")
}

// sampleMapping is the open-house sample's mapping with the estate id
// the page would have the person type.
func sampleMapping(t *testing.T) string {
	data, err := os.ReadFile(openHouseMap)
	require.NoError(t, err)
	return strings.Replace(string(data), "  customerId: M1001", "  customerId: M1001\n  estateId: OBJ1234", 1)
}

func TestUploadProposesAsInit(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	assert.NotEmpty(t, v.ID)
	assert.Equal(t, "visning.xlsx", v.Input.Name)
	assert.Equal(t, "Anmälningar", v.Input.Sheet)
	assert.Equal(t, []string{"Anmälningar"}, v.Input.Sheets)
	assert.Equal(t, 3, v.Input.HeaderRow)
	assert.Equal(t, 21, v.Input.Rows)
	require.NotEmpty(t, v.Input.Columns)
	assert.Equal(t, "Förnamn", v.Input.Columns[0].Header)
	assert.Len(t, v.Input.Columns[0].Examples, 3)
	assert.Contains(t, v.Mapping, "Förnamn: person.firstName")
	assert.Contains(t, v.Mapping, "customerId: M0000")
	assert.Empty(t, v.Remembered)
	assert.Equal(t, "ready", v.State)
}

func TestMappingRefusedWithLines(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	// The proposal as it stands has placeholders: refused as check refuses it.
	var bad struct {
		Problems []problem `json:"problems"`
	}
	decode(t, h.putMapping(v.ID, v.Mapping), http.StatusUnprocessableEntity, &bad)
	require.NotEmpty(t, bad.Problems)
	assert.Contains(t, bad.Problems[0].Message, "placeholder")
	assert.Positive(t, bad.Problems[0].Line)

	decode(t, h.putMapping(v.ID, "version: 1\ncolumns:\n  Förnamn: person.fristName\n"), http.StatusUnprocessableEntity, &bad)
	require.NotEmpty(t, bad.Problems)
	assert.Equal(t, 3, bad.Problems[0].Line)
	assert.Contains(t, bad.Problems[0].Message, "firstName")

	var ok mappingView
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, &ok)
	assert.Contains(t, ok.Columns, fieldOf{Header: "Förnamn", Field: "person.firstName"})
}

// TestWholeFlow is what a person does on the page, through the API:
// drop the open-house sample, confirm the mapping, check (16 valid, 5
// invalid), fix row 10's personnummer, send to the sandbox (17 sent),
// read the report back.
func TestWholeFlow(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)

	var chk checkView
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/check", nil, ""), http.StatusOK, &chk)
	assert.Equal(t, 16, chk.Counts["valid"])
	assert.Equal(t, 5, chk.Counts["invalid"])
	assert.Equal(t, 21, chk.Rows)
	assert.Equal(t, sendPlan{Rows: 16, Customers: []string{"M1001"}, Estates: []string{"OBJ20261122"}}, chk.Send)
	require.Len(t, chk.Page, 21)
	var invalid []int
	for _, r := range chk.Page[:5] {
		assert.Equal(t, "invalid", r.Status, "problems first")
		invalid = append(invalid, r.Row)
	}
	assert.Equal(t, []int{10, 14, 17, 20, 23}, invalid)
	assert.Equal(t, "Lars", chk.Page[0].Cells[0])
	require.NotEmpty(t, chk.Page[0].Problems)
	assert.Equal(t, "Personnummer", chk.Page[0].Problems[0].Column)
	assert.NotEmpty(t, chk.Columns)
	assert.NotEmpty(t, chk.Reasons)

	var fixed checkView
	decode(t, h.do("PATCH", "/api/imports/"+v.ID+"/rows/10", strings.NewReader(`{"cells":{"Personnummer":"19890213-2391"}}`), "application/json"),
		http.StatusOK, &fixed)
	require.Len(t, fixed.Page, 1)
	assert.Equal(t, "valid", fixed.Page[0].Status)
	assert.Equal(t, "19890213-2391", fixed.Page[0].Cells[2])
	require.NotEmpty(t, fixed.Page[0].Warnings)
	assert.Contains(t, fixed.Page[0].Warnings[0].Message, "edited on the page")
	assert.Equal(t, 17, fixed.Counts["valid"])

	var started sendView
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, &started)
	assert.Equal(t, "sending", started.State)
	end := h.waitEnd(v.ID)
	assert.Equal(t, "done", end.State, end.Error)
	assert.Equal(t, 17, end.Counts["sent"])
	assert.Equal(t, 4, end.Counts["invalid"])
	assert.Len(t, strings.Split(strings.TrimSpace(h.record.String()), "\n"), 17)
	files, err := filepath.Glob(filepath.Join(h.srv.Dir(), "*", "*"))
	require.NoError(t, err)
	require.Len(t, files, 3, "the upload is removed once sent, the report kept, in three formats: %v", files)
	for _, f := range files {
		assert.Contains(t, f, "visning-report-")
	}
	// The report in each of its formats, line for line the same rows.
	for format, lines := range map[string]int{"csv": 22, "jsonl": 21} {
		resp := h.do("GET", end.Report+"?format="+format, nil, "")
		require.Equal(t, http.StatusOK, resp.StatusCode, format)
		data, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.Len(t, strings.Split(strings.TrimSpace(string(data)), "\n"), lines, format)
	}
	resp404 := h.do("GET", end.Report+"?format=pdf", nil, "")
	assert.Equal(t, http.StatusNotFound, resp404.StatusCode)

	resp := h.do("GET", end.Report+"?format=xlsx", nil, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, resp.Header.Get("Content-Disposition"), "visning-report-")
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "PK", string(data[:2]))
	// Read back: row 10 as corrected on the page, sent, and saying so.
	saved := filepath.Join(t.TempDir(), "report.xlsx")
	require.NoError(t, os.WriteFile(saved, data, 0o600))
	rep, err := source.Open(saved, source.Options{Sheet: "Report", HeaderRow: 1})
	require.NoError(t, err)
	defer rep.Close()
	header := rep.Header()
	col := func(name string) int { return slices.Index(header, name) }
	found := false
	for {
		row, err := rep.Next()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if row.Cells[0] != "10" {
			continue
		}
		found = true
		assert.Equal(t, "19890213-2391", row.Cells[col("Personnummer")])
		assert.Equal(t, "sent", row.Cells[col("status")])
		assert.Contains(t, row.Cells[col("warnings")], "edited on the page")
	}
	assert.True(t, found, "row 10 in the report")

	resp = h.do("GET", "/api/imports/"+v.ID+"/mapping.yaml", nil, "")
	got, _ := io.ReadAll(resp.Body)
	assert.Equal(t, sampleMapping(t), string(got))

	var hist struct {
		Runs []historyRun `json:"runs"`
	}
	decode(t, h.do("GET", "/api/history", nil, ""), http.StatusOK, &hist)
	require.NotEmpty(t, hist.Runs)
	assert.Equal(t, 17, hist.Runs[0].Counts["sent"])
	assert.Equal(t, []string{"visning.xlsx"}, hist.Runs[0].Inputs)
	assert.Equal(t, []string{"FinalPriceWatched"}, hist.Runs[0].Endpoints)
	assert.Equal(t, end.Report, hist.Runs[0].Report)

	// Nothing personal in the server's log: no personnummer, e-mail
	// address, phone number or name.
	log := h.log.String()
	for _, personal := range []string{"19890213", "lars.nystrom", "@example", "0701740610", "+4670", "Nyström", "Lars"} {
		assert.NotContains(t, log, personal)
	}
}

// waitEnd follows the import's events to their end and returns the last.
func (h *harness) waitEnd(id string) sendView {
	h.t.Helper()
	resp := h.do("GET", "/api/imports/"+id+"/events", nil, "")
	require.Equal(h.t, http.StatusOK, resp.StatusCode)
	assert.Equal(h.t, "text/event-stream; charset=utf-8", resp.Header.Get("Content-Type"))
	data, err := io.ReadAll(resp.Body) // the stream ends with the send
	require.NoError(h.t, err)
	events := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	last := events[len(events)-1]
	require.True(h.t, strings.HasPrefix(last, "event: end\ndata: "), last)
	var v sendView
	require.NoError(h.t, json.Unmarshal([]byte(strings.TrimPrefix(last, "event: end\ndata: ")), &v))
	return v
}

func readDir(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names, err
}

// TestStopAndShutdown: a stop ends a send as SIGTERM ends a run: the
// request under way finishes, the rest is not_sent, the state stopped
// and the report written; closing the server stops the sends too.
func TestStopAndShutdown(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Send.Workers = 1 })
	h.gate, h.arrived = make(chan struct{}), make(chan struct{}, 1)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", nil, ""), http.StatusAccepted, nil)
	<-h.arrived // the first lead is under way
	stopped := make(chan sendView)
	go func() {
		var end sendView
		resp := h.do("POST", "/api/imports/"+v.ID+"/stop", nil, "")
		decode(t, resp, http.StatusOK, &end)
		stopped <- end
	}()
	h.srv.mu.Lock()
	run := h.srv.imports[v.ID].run
	h.srv.mu.Unlock()
	<-run.ctx.Done() // stopped while the request waits
	close(h.gate)
	end := <-stopped
	assert.Equal(t, "stopped", end.State)
	assert.Equal(t, 1, end.Counts["sent"], "the request under way finished")
	assert.Equal(t, 15, end.Counts["not_sent"])
	assert.NotEmpty(t, end.Error)
	assert.NotEmpty(t, end.Report)

	require.NoError(t, h.srv.Close())
	assert.NoDirExists(t, h.srv.Dir(), "the uploads are removed")
}

// TestRowsPagedAndInputReread: rows come a page at a time, problems first
// or in the sheet's order; the sheet can be read again from another
// header row; a sheet too wide is refused as the command line refuses it.
func TestRowsPagedAndInputReread(t *testing.T) {
	h := newHarness(t)
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	var page checkView
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/check?offset=4&limit=3", nil, ""), http.StatusOK, &page)
	require.Len(t, page.Page, 3)
	assert.Equal(t, []string{"invalid", "valid", "valid"}, []string{page.Page[0].Status, page.Page[1].Status, page.Page[2].Status})
	assert.Equal(t, 19, page.Page[1].Row, "the row with a warning before the rows without")
	decode(t, h.do("GET", "/api/imports/"+v.ID+"/rows?order=row&limit=2", nil, ""), http.StatusOK, &page)
	require.Len(t, page.Page, 2)
	assert.Equal(t, []int{4, 5}, []int{page.Page[0].Row, page.Page[1].Row})

	var e apiError
	decode(t, h.do("PATCH", "/api/imports/"+v.ID+"/rows/2", strings.NewReader(`{"cells":{"Förnamn":"x"}}`), "application/json"), http.StatusNotFound, &e)
	assert.Contains(t, e.Error, "row 2")
	decode(t, h.do("PATCH", "/api/imports/"+v.ID+"/rows/10", strings.NewReader(`{"cells":{"Namn":"x"}}`), "application/json"), http.StatusUnprocessableEntity, &e)
	assert.Contains(t, e.Error, `"Namn"`)

	var again importView
	decode(t, h.do("PUT", "/api/imports/"+v.ID+"/input", strings.NewReader(`{"headerRow": 4}`), "application/json"), http.StatusOK, &again)
	assert.Equal(t, 4, again.Input.HeaderRow)
	assert.Equal(t, 20, again.Input.Rows)
	assert.Equal(t, "Åsa", again.Input.Columns[0].Header)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/check", nil, ""), http.StatusConflict, &e)
	assert.Contains(t, e.Error, "confirm", "a new reading needs its mapping confirmed again")

	wide := strings.Repeat("a;", 1200) + "b\n" + strings.Repeat("1;", 1200) + "2\n"
	body, ct := form(t, "wide.csv", []byte(wide), nil)
	decode(t, h.do("POST", "/api/imports", body, ct), http.StatusUnprocessableEntity, &e)
	assert.Contains(t, e.Error, "1000")
}

// TestReportKeptForHistory: a send's report is kept in Config.Reports,
// and history links it after the server started again.
func TestReportKeptForHistory(t *testing.T) {
	reports := t.TempDir()
	h := newHarness(t, func(c *Config) { c.Reports = reports })
	v := h.upload(openHouse)
	decode(t, h.putMapping(v.ID, sampleMapping(t)), http.StatusOK, nil)
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/send", strings.NewReader(`{"format":"csv"}`), "application/json"), http.StatusAccepted, nil)
	end := h.waitEnd(v.ID)
	require.Equal(t, "done", end.State, end.Error)

	// Started again: the uploads are gone, the report is not.
	cfg := h.srv.cfg
	h.ts.Close()
	require.NoError(t, h.srv.Close())
	cfg.Dir = filepath.Join(t.TempDir(), "uploads")
	srv, err := New(cfg)
	require.NoError(t, err)
	h.srv, h.ts = srv, httptest.NewServer(srv)
	defer h.ts.Close()
	defer srv.Close()

	var hist struct {
		Runs []historyRun `json:"runs"`
	}
	decode(t, h.do("GET", "/api/history", nil, ""), http.StatusOK, &hist)
	require.NotEmpty(t, hist.Runs)
	link := hist.Runs[0].Report
	require.Regexp(t, `^/api/history/\d+/report$`, link)
	resp := h.do("GET", link, nil, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", resp.Header.Get("Content-Type"),
		"the Excel report, without ?format=")
	resp = h.do("GET", link+"?format=csv", nil, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "text/csv; charset=utf-8", resp.Header.Get("Content-Type"))
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, 16, strings.Count(string(data), ";sent;"))
	kept, err := filepath.Glob(filepath.Join(reports, "import-*"))
	require.NoError(t, err)
	require.Len(t, kept, 1)
	info, err := os.Stat(kept[0])
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), info.Mode().Perm())

	var e apiError
	decode(t, h.do("GET", "/api/history/999/report", nil, ""), http.StatusNotFound, &e)
}

// TestCheckShowsAMovedLandline: a landline that normalize phone.cell:
// move sends as the home number says so in the check's changes (sentAs),
// which the page shows after the change.
func TestCheckShowsAMovedLandline(t *testing.T) {
	h := newHarness(t)
	path := filepath.Join(t.TempDir(), "visning.csv")
	require.NoError(t, os.WriteFile(path, []byte("Förnamn;Efternamn;Mobil;E-post\r\nAnna;Berg;08-123 456 78;anna@example.se\r\n"), 0o600))
	v := h.upload(path)
	decode(t, h.putMapping(v.ID, "version: 1\ncolumns:\n  Förnamn: person.firstName\n  Efternamn: person.lastName\n"+
		"  Mobil: person.telephone.cell\n  E-post: person.email.emailAddress\nconstants:\n  customerId: M1001\n  estateId: OBJ1234\n"+
		"normalize:\n  phone.cell: move\n"), http.StatusOK, nil)
	var page checkView
	decode(t, h.do("POST", "/api/imports/"+v.ID+"/check", nil, ""), http.StatusOK, &page)
	require.Len(t, page.Page, 1)
	assert.Equal(t, "valid", page.Page[0].Status)
	assert.Equal(t, []cellChange{{Column: "Mobil", Field: "person.telephone.cell", From: "08-123 456 78", To: "+46812345678", SentAs: "person.telephone.home"}},
		page.Page[0].Changes)
	assert.Empty(t, page.Page[0].Warnings)
}

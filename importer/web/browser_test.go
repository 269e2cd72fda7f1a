package web_test

// End-to-end tests of the page in a real browser: headless Chromium,
// driven with chromedp, against the server started in process and the
// sandbox standing in for Connect. They run in `make test` when Chromium
// is installed, and say they were skipped when it is not; with CI=true a
// missing Chromium fails them instead (.ci/run installs it).
//
// Each step saves a screenshot under out/browser/ so that a person can
// look at the page; -page-png also writes the one the README shows,
// importer/web/doc/page.png.

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	"golang.org/x/image/draw"

	"leadimport/importer/msg"
	"leadimport/importer/sandbox"
	"leadimport/importer/web"
	"leadimport/mapping/remember"
)

var pagePNG = flag.Bool("page-png", false, "write the README's screenshot, importer/web/doc/page.png")

// browserDeadline bounds a whole browser test: a page that never shows
// what a step waits for fails the test instead of hanging it.
const browserDeadline = 90 * time.Second

// chromium finds the browser: $LEADIMPORT_CHROMIUM, else the names the
// distributions give it on the PATH.
func chromium(t *testing.T) string {
	t.Helper()
	return findBrowser(t, "LEADIMPORT_CHROMIUM",
		[]string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"},
		"no Chromium found (chromium, chromium-browser or google-chrome on the PATH, or LEADIMPORT_CHROMIUM): "+
			"the browser tests of the page did not run; install it (apt-get install chromium) to run them")
}

// findBrowser is $env, else the first of names on the PATH. With none,
// the test is skipped saying why, or fails in CI (CI=true), where the
// browser tests must run.
func findBrowser(t *testing.T, env string, names []string, why string) string {
	t.Helper()
	if p := os.Getenv(env); p != "" {
		return p
	}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(why)
	}
	t.Skip(why)
	return ""
}

// browserPage is one tab of a headless Chromium, for one test.
type browserPage struct {
	t       *testing.T
	browser context.Context // lives as long as the test
	ctx     context.Context // the same, bounded by browserDeadline

	mu      sync.Mutex
	console []string // what the page wrote to its console, and its exceptions
}

// newBrowser starts a headless Chromium with a fresh profile and opens a
// tab. The flags keep it from reaching for the network, which here is
// closed: without them it waits on it.
func newBrowser(t *testing.T) *browserPage {
	t.Helper()
	path := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("force-color-profile", "srgb"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	t.Cleanup(cancelBrowser)
	// The first Run starts the browser, which lives as long as that
	// context: no deadline on it, one on every step after.
	_, err := chromedp.Run(bctx, chromedp.Evaluate[chromedp.Void]("1"))
	require.NoError(t, err, "start Chromium at %s", path)
	ctx, cancel := context.WithTimeout(bctx, browserDeadline)
	t.Cleanup(cancel)
	p := &browserPage{t: t, browser: bctx, ctx: ctx}
	messages := chromedp.Console(bctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			p.mu.Lock()
			p.console = append(p.console, m.String())
			p.mu.Unlock()
		}
	}()
	return p
}

// do runs the steps and fails the test, saying what it was doing, when
// one fails; a screenshot of the page then goes to out/browser/.
func (p *browserPage) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	if err := chromedp.Do(p.ctx, steps...); err != nil {
		p.failed(what, err)
	}
}

func (p *browserPage) failed(what string, err error) {
	p.t.Helper()
	failStep(p.t, what, err, func(name string) { p.shot(name) }, &p.mu, &p.console)
}

// failStep fails a browser test at the step what: a screenshot of the
// page first, then what the page wrote to its console (read under mu),
// then why.
func failStep(t *testing.T, what string, err error, shot func(name string), mu *sync.Mutex, console *[]string) {
	t.Helper()
	shot("failed-" + strings.ReplaceAll(what, " ", "-"))
	mu.Lock()
	for _, m := range *console {
		t.Logf("console: %s", m)
	}
	mu.Unlock()
	if errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("%s: the page did not get there within %s (out/browser/ has a screenshot): %v", what, browserDeadline, err)
	}
	t.Fatalf("%s: %v", what, err)
}

// get runs one action that returns a value.
func get[T any](p *browserPage, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	v, err := chromedp.Run(p.ctx, a)
	if err != nil {
		p.failed(what, err)
	}
	return v
}

// outDir is the repository's out/ folder (git-ignored).
func outDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "out", "browser"))
	require.NoError(t, err)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

// shot saves a screenshot of the whole page as out/browser/NAME.png. It
// has a deadline of its own, so that it works after a step ran out of time.
func (p *browserPage) shot(name string) []byte {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.browser, 10*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		p.t.Logf("screenshot %s: %v", name, err)
		return nil
	}
	path := filepath.Join(outDir(p.t), name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		p.t.Logf("screenshot %s: %v", name, err)
	}
	return buf
}

// css is a CSS selector; a plain string would be a text search.
func css(s string) chromedp.CSS { return chromedp.CSS(s) }

// setSelect chooses an option of a <select> as a person does: the value
// changes and the page hears a change event.
func setSelect(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
		`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); })()`,
		sel, value))
}

// typeInto empties a field and types value into it with the keyboard.
func typeInto(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(css(sel)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).value = ""`, sel)),
		chromedp.SendKeys(css(sel), value),
	)
}

// waitText waits until the element's text holds want.
func waitText(sel, want string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(
		`(() => { const e = document.querySelector(%q); return !!e && e.textContent.includes(%q); })()`, sel, want),
		chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(0))
}

// writePagePNG writes the README's screenshot, scaled to three quarters
// and in 256 colours, so that it stays small (the page is flat colours;
// its text's edges take the nearest).
func writePagePNG(t *testing.T, full []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(full))
	require.NoError(t, err)
	b := img.Bounds()
	small := image.NewRGBA(image.Rect(0, 0, b.Dx()*3/4, b.Dy()*3/4))
	draw.CatmullRom.Scale(small, small.Bounds(), img, b, draw.Src, nil)
	// A palette of the 256 busiest buckets of 4 bits a channel, each its
	// pixels' mean: rare hues (the green of "valid") keep a colour.
	type sum struct{ n, r, g, b int }
	buckets := map[int]*sum{}
	for i := 0; i < len(small.Pix); i += 4 {
		r, g, b := int(small.Pix[i]), int(small.Pix[i+1]), int(small.Pix[i+2])
		k := r>>4<<8 | g>>4<<4 | b>>4
		if buckets[k] == nil {
			buckets[k] = &sum{}
		}
		s := buckets[k]
		s.n, s.r, s.g, s.b = s.n+1, s.r+r, s.g+g, s.b+b
	}
	keys := slices.SortedFunc(maps.Keys(buckets), func(a, b int) int {
		return cmp.Or(buckets[b].n-buckets[a].n, a-b)
	})
	pal := make(color.Palette, 0, 256)
	for _, k := range keys[:min(256, len(keys))] {
		s := buckets[k]
		pal = append(pal, color.RGBA{uint8(s.r / s.n), uint8(s.g / s.n), uint8(s.b / s.n), 255})
	}
	out := image.NewPaletted(small.Bounds(), pal)
	draw.Draw(out, out.Bounds(), small, image.Point{}, draw.Src)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	require.NoError(t, enc.Encode(&buf, out))
	require.Less(t, buf.Len(), 200<<10, "doc/page.png should stay under 200 KB")
	require.NoError(t, os.MkdirAll("doc", 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("doc", "page.png"), buf.Bytes(), 0o644))
	t.Logf("doc/page.png: %d bytes", buf.Len())
}

// openHouse is the sample the README's walk-through sends.
var openHouse = filepath.Join("..", "..", "samples", "open-house", "visning.xlsx")

// startServe starts the sandbox and serve in process, on loopback, and
// returns the page's address with the token. Neither credentials nor a
// credentials file are found, so the page asks for them. rate is the
// send's requests per second (0: no limit).
func startServe(t *testing.T, rate float64) (url string, sb *sandbox.Server) {
	t.Helper()
	url, sb, _ = startServeEnv(t, rate, func(string) string { return "" })
	return url, sb
}

// startServeEnv is startServe with the environment getenv gives, where
// the send may find credentials; uploads counts the sheets uploaded.
func startServeEnv(t *testing.T, rate float64, getenv func(string) string) (url string, sb *sandbox.Server, uploads *atomic.Int32) {
	t.Helper()
	sb = &sandbox.Server{Username: "sandbox", Password: "secret-" + t.Name()}
	connect := httptest.NewServer(sb)
	t.Cleanup(connect.Close)
	dir := t.TempDir()
	token := "browser-test-token-0123456789abcdef"
	srv, err := web.New(web.Config{
		Token: token,
		Lang:  msg.Swedish,
		Dir:   filepath.Join(dir, "uploads"),
		// Mappings confirmed on the page are remembered for the next
		// sheet with the same headers.
		Remember: &remember.Store{Dir: filepath.Join(dir, "mappings")},
		Send: web.Send{
			BaseURL: connect.URL, UserAgent: "leadimport/test", Workers: 4, Rate: rate,
			Timeout: 10 * time.Second, Retries: 1, MaxFailures: 20,
			Ledger:      filepath.Join(dir, "ledger.db"),
			Credentials: filepath.Join(dir, "credentials"),
			Getenv:      getenv,
		},
	})
	require.NoError(t, err)
	uploads = new(atomic.Int32)
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && r.URL.Path == "/api/imports" {
			uploads.Add(1)
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		page.Close()
		require.NoError(t, srv.Close())
	})
	return page.URL + "/?token=" + token, sb, uploads
}

// TestBrowserOpenHouse is the office staff's way through the page, in
// Swedish: drop the open-house sheet, see the proposed mapping, set the
// customer and the estate, check, see the five invalid rows, fix one,
// give the credentials, send, see 17 sent, download the report and read it.
func TestBrowserOpenHouse(t *testing.T) {
	p := newBrowser(t)
	url, sb := startServe(t, 0)
	sample, err := filepath.Abs(openHouse)
	require.NoError(t, err)

	// 1. The page, and the sheet dropped on it (set on the file input,
	// as the drop and the file picker both do).
	p.do("open the page", chromedp.Navigate(url), chromedp.WaitVisible(css("#drop")))
	require.NotContains(t, get(p, "read the address", chromedp.Location()), "token=",
		"the token is taken out of the address")
	require.Equal(t, "Välj kalkylbladet", get(p, "heading", chromedp.Text(css(`#h-file [data-t="hFile"]`))))
	p.shot("1-fil")
	p.do("drop the sheet",
		chromedp.SetUploadFiles(css("#file-input"), []string{sample}),
		chromedp.WaitVisible(css("#columns-body select")))
	require.Equal(t, "21", get(p, "rows found", chromedp.Text(css("#d-rows"))))
	require.Equal(t, "3", get(p, "header row", chromedp.Value(css("#o-header"))))

	// 2. The proposed mapping, as init proposes it.
	for header, field := range map[string]string{
		"Förnamn": "person.firstName", "Efternamn": "person.lastName", "Personnummer": "person.socialSecurityNumber",
		"E-post": "person.email.emailAddress", "Mobil": "person.telephone.cell", "Objekt": "estateId", "Kommentar": "message",
	} {
		require.Equal(t, field, get(p, "field of "+header, chromedp.Value(css(`select[data-header="`+header+`"]`))), header)
	}
	require.Empty(t, get(p, "customer id", chromedp.Value(css("#c-customerId"))), "the placeholder M0000 is not offered as an id")
	p.shot("2-matcha")

	// The estate comes from the page, not from the sheet's Objekt column.
	p.do("set the customer and the estate",
		setSelect(`select[data-header="Objekt"]`, ""),
		typeInto("#c-customerId", "M1001"),
		typeInto("#c-estateId", "OBJ1234"))

	// 3. The check: five invalid rows, problems first, each wrong cell red
	// with its reason beside it.
	p.do("check", chromedp.Click(css("#check-button")), chromedp.WaitVisible(css("#rows-table tbody tr.invalid")))
	p.do("wait for the summary", waitText("#check-summary", "16 av 21"))
	invalid := get(p, "invalid rows", chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll("#rows-table tbody tr.invalid")).map(tr => tr.dataset.row)`))
	require.ElementsMatch(t, []string{"10", "14", "17", "20", "23"}, invalid)
	first := get(p, "first row shown", chromedp.AttributeValue(css("#rows-table tbody tr"), "data-row"))
	require.Equal(t, "10", first.Value, "problems come first, in the sheet's order")
	cell := get(p, "row 10's personnummer", chromedp.Text(css(`tr[data-row="10"] td.cell-invalid`)))
	require.Contains(t, cell, "19890213-2390")
	require.Contains(t, cell, "kontrollsiffran")
	require.NotEmpty(t, get(p, "reasons", chromedp.Nodes(chromedp.CSSAll("#reasons li"))))
	require.Contains(t, get(p, "reasons", chromedp.Text(css("#reasons"))), "rader")
	require.Contains(t, get(p, "per column", chromedp.Text(css("#percolumn"))), "Personnummer")

	// Every row, with the changes normalisation makes.
	p.do("show every row", chromedp.Click(css(`input[name="rowfilter"][value="all"]`)),
		waitText(`tr[data-row="4"]`, "070-174 06 05 → +46701740605"))
	require.Contains(t, get(p, "row 7's personnummer", chromedp.Text(css(`tr[data-row="7"]`))),
		"199503312382 → 19950331-2382", "a personnummer's change is shown whole, as the cell is")
	p.do("show the problems again", chromedp.Click(css(`input[name="rowfilter"][value="problems"]`)),
		chromedp.WaitNotPresent(css(`tr[data-row="4"]`)))
	p.do("the send button", waitText("#send-button", "Skicka 16 leads till Connect (kund M1001, objekt OBJ1234)"))
	p.shot("3-kontrollera")
	if *pagePNG {
		writePagePNG(t, get(p, "the README's screenshot", chromedp.Screenshot(css("#step-check"))))
	}

	// 4. Fix row 10's personnummer on the page (the test number it was
	// meant to be) and check again.
	p.do("fix row 10",
		chromedp.Click(css(`tr[data-row="10"] button.fix`)),
		typeInto(`tr[data-row="10"] input[data-header="Personnummer"]`, "19890213-2391"),
		chromedp.Click(css(`tr[data-row="10"] button.primary`)),
		waitText("#check-summary", "17 av 21"),
		chromedp.WaitNotPresent(css(`tr[data-row="10"].invalid`)),
		waitText("#send-button", "Skicka 17 leads till Connect (kund M1001, objekt OBJ1234)"))
	p.shot("4-rattad")

	// 5. No credentials were found: the page asks for them once.
	p.do("give the credentials",
		chromedp.WaitVisible(css("#credentials")),
		typeInto("#cred-user", "sandbox"),
		typeInto("#cred-pass", sb.Password),
		chromedp.Click(css(`#credentials button[type="submit"]`)),
		chromedp.WaitNotVisible(css("#credentials")),
		chromedp.WaitEnabled(css("#send-button")))
	require.Empty(t, get(p, "password field", chromedp.Value(css("#cred-pass"))), "the password is not kept on the page")
	p.do("send",
		chromedp.Click(css("#send-button")),
		chromedp.WaitVisible(css("#send-done")),
		waitText("#n-sent", "17"))
	require.Equal(t, "0", get(p, "failed", chromedp.Text(css("#n-failed"))))
	require.Equal(t, "0", get(p, "remaining", chromedp.Text(css("#n-remaining"))))
	require.Equal(t, 17, sb.Accepted(), "the sandbox got 17 leads")
	p.shot("5-skickat")

	// 6. The report, downloaded as a person does and read.
	p.do("report", chromedp.WaitVisible(css("#dl-report")))
	report := download(p, "#dl-report")
	readReport(t, report)
	// The same report as CSV beside it: a header and a line per row.
	other, err := os.ReadFile(download(p, "#dl-report-other"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(other)), "\n")
	require.Len(t, lines, 22, "the CSV report: a header and one line per row of the sheet")
	assert.Equal(t, 17, strings.Count(string(other), ";sent;"), "17 sent, as in the XLSX report")
	p.do("history", chromedp.WaitVisible(css("#history-table tbody tr")))
	p.shot("6-rapport")

	// 7. The same sheet again: the mapping confirmed above is proposed,
	// with a note that it was remembered (its columns: not the ids).
	p.do("another sheet",
		chromedp.Click(css("#another-button")),
		chromedp.WaitNotVisible(css("#step-match")),
		chromedp.SetUploadFiles(css("#file-input"), []string{sample}),
		chromedp.WaitVisible(css("#remembered")))
	require.Empty(t, get(p, "Objekt's field", chromedp.Value(css(`select[data-header="Objekt"]`))),
		"Objekt was not sent, and is remembered so")
	require.Equal(t, "person.firstName", get(p, "Förnamn's field", chromedp.Value(css(`select[data-header="Förnamn"]`))))
	p.shot("7-ihagkommen")
}

// download clicks the link and returns the file the browser saved.
func download(p *browserPage, link string) string {
	p.t.Helper()
	dir := p.t.TempDir()
	yes := true
	_, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes})
	require.NoError(p.t, err)
	events := chromedp.BrowserEvents(p.ctx, browser.DownloadProgress)
	p.do("download "+link, chromedp.Click(css(link)))
	for ev, err := range events {
		if err != nil {
			p.failed("download "+link, err)
		}
		switch ev.State {
		case browser.DownloadProgressStateCompleted:
			return filepath.Join(dir, ev.GUID)
		case browser.DownloadProgressStateCanceled:
			p.t.Fatalf("download %s: the browser cancelled it", link)
		}
	}
	p.t.Fatalf("download %s: no download", link)
	return ""
}

// readReport checks the XLSX report of the open-house send: every row,
// 17 sent, 4 invalid, row 10 with the personnummer fixed on the page.
func readReport(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.GetRows("Rapport")
	require.NoError(t, err, "the Swedish report's sheet is Rapport; sheets: %v", f.GetSheetList())
	require.Len(t, rows, 22, "a header and one line per row of the sheet")
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	counts := map[string]int{}
	for _, r := range rows[1:] {
		counts[r[col["status"]]]++
		if r[col["row"]] == "10" {
			require.Equal(t, "sent", r[col["status"]])
			require.Equal(t, "19890213-2391", r[col["Personnummer"]], "the value fixed on the page")
		}
	}
	require.Equal(t, map[string]int{"sent": 17, "invalid": 4}, counts)
}

// Cells holding markup that would run if the page took it for HTML.
const (
	img    = `<img src=x onerror="window.pwned=1">`
	script = `<script>window.pwned=2</script>`
)

// markupSheet writes a sheet whose first row holds img and script in
// its cells, and returns its path.
func markupSheet(t *testing.T) string {
	t.Helper()
	sheet := filepath.Join(t.TempDir(), "markup.csv")
	require.NoError(t, os.WriteFile(sheet, []byte("Förnamn;Efternamn;E-post;Kommentar\r\n"+
		img+";Svensson;anna@example;"+script+"\r\n"+
		"Bo;Ek;bo@example.se;hej\r\n"), 0o600))
	return sheet
}

// TestBrowserMarkupIsText drops a sheet whose cells hold markup: the page
// shows it as text, in the examples and in the rows, and runs none of it.
func TestBrowserMarkupIsText(t *testing.T) {
	p := newBrowser(t)
	url, _ := startServe(t, 0)
	sheet := markupSheet(t)

	p.do("open the page", chromedp.Navigate(url), chromedp.WaitVisible(css("#drop")))
	p.do("drop the sheet",
		chromedp.SetUploadFiles(css("#file-input"), []string{sheet}),
		chromedp.WaitVisible(css("#columns-body select")))
	require.Contains(t, get(p, "the delimiter found", chromedp.Text(css("#d-delimiter"))), ";")
	p.do("read it again from another header row",
		typeInto("#o-header", "2"),
		chromedp.Click(css("#reread")),
		chromedp.WaitVisible(css(`select[data-header="Svensson"]`)))
	p.do("and back, with the delimiter named",
		typeInto("#o-header", "1"),
		setSelect("#o-delimiter", ";"),
		chromedp.Click(css("#reread")),
		chromedp.WaitVisible(css(`select[data-header="Förnamn"]`)))
	examples := get(p, "examples", chromedp.Text(css("#columns-body")))
	require.Contains(t, examples, img)
	require.Contains(t, examples, script)
	p.do("check",
		typeInto("#c-customerId", "M1001"),
		typeInto("#c-estateId", "OBJ1234"),
		chromedp.Click(css("#check-button")),
		chromedp.WaitVisible(css(`#rows-table tr[data-row="2"]`)))
	row := get(p, "row 2", chromedp.Text(css(`#rows-table tr[data-row="2"]`)))
	require.Contains(t, row, img)
	require.Contains(t, row, script)
	// Every control has a name a screen reader says, and there is no
	// click handler on anything but a button or a link.
	unnamed := get(p, "unnamed controls", chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll(
		"main input, main select, main button, main a[href], main textarea")).filter(e => {
		  if (e.type === "hidden") return false;
		  if (e.getAttribute("aria-label")) return false;
		  if (e.labels && e.labels.length) return false;
		  return !(e.tagName === "BUTTON" || e.tagName === "A") || e.textContent.trim() === "";
		}).map(e => e.outerHTML.slice(0, 80))`))
	require.Empty(t, unnamed)

	// Fixed with the keyboard only: the Fix button, Enter, the wrong
	// cell has the focus, End, type, Enter.
	p.do("fix row 2 with the keyboard",
		chromedp.Focus(css(`tr[data-row="2"] button.fix`)),
		chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(css(`tr[data-row="2"] input[data-header="E-post"]:focus`)),
		chromedp.KeyEvent(kb.End+".se"+kb.Enter),
		waitText("#check-summary", "2 av 2 rader kan skickas"))
	require.Equal(t, "Rätta rad 2", get(p, "the focus after saving",
		chromedp.Evaluate[string](`document.activeElement.getAttribute("aria-label")`)), "the focus comes back to the row")

	ran := get(p, "what ran", chromedp.Evaluate[map[string]any](
		`({pwned: window.pwned === undefined ? null : window.pwned, markup: document.querySelectorAll("main img, main script").length})`))
	require.Equal(t, map[string]any{"pwned": nil, "markup": float64(0)}, ran, "no cell became an element, none ran")
	p.shot("markup")
}

// TestBrowserEnglishWrongPassword switches the page to English, and sends
// with a password Connect refuses: the page says so in one sentence, not
// with an error on every row.
func TestBrowserEnglishWrongPassword(t *testing.T) {
	p := newBrowser(t)
	url, sb := startServe(t, 0)
	sample, err := filepath.Abs(openHouse)
	require.NoError(t, err)

	p.do("open the page in English",
		chromedp.Navigate(url),
		chromedp.WaitVisible(css("#lang-switch")),
		chromedp.Click(css("#lang-switch")),
		waitText(`#h-file [data-t="hFile"]`, "Choose the spreadsheet"))
	require.Equal(t, "en", get(p, "the page's language", chromedp.Evaluate[string]("document.documentElement.lang")))
	p.do("drop the sheet, check",
		chromedp.SetUploadFiles(css("#file-input"), []string{sample}),
		chromedp.WaitVisible(css("#columns-body select")),
		typeInto("#c-customerId", "M1001"),
		chromedp.Click(css("#check-button")),
		waitText("#check-summary", "16 of 21 rows can be sent"),
		waitText("#send-button", "Send 16 leads to Connect (customer M1001, estate OBJ20261122)"))
	p.do("give a wrong password",
		chromedp.WaitVisible(css("#credentials")),
		typeInto("#cred-user", "sandbox"),
		typeInto("#cred-pass", "not-"+sb.Password),
		chromedp.Click(css(`#credentials button[type="submit"]`)),
		chromedp.WaitEnabled(css("#send-button")),
		chromedp.Click(css("#send-button")),
		chromedp.WaitVisible(css("#send-error")))
	sentence := get(p, "the error", chromedp.Text(css("#send-error")))
	require.NotEmpty(t, sentence)
	require.NotContains(t, sentence, "\n", "one sentence: %q", sentence)
	require.Equal(t, "0", get(p, "sent", chromedp.Text(css("#n-sent"))))
	require.Zero(t, sb.Accepted())
	p.shot("wrong-password")

	// The right password, and the same sheet again, with the page's
	// matching: it is sent.
	p.do("give the right password and try again",
		chromedp.WaitVisible(css("#credentials")),
		typeInto("#cred-user", "sandbox"),
		typeInto("#cred-pass", sb.Password),
		chromedp.Click(css(`#credentials button[type="submit"]`)),
		chromedp.WaitNotVisible(css("#credentials")),
		chromedp.Click(css("#retry-button")),
		waitText("#send-button", "Send 16 leads to Connect (customer M1001, estate OBJ20261122)"),
		chromedp.WaitEnabled(css("#send-button")),
		chromedp.Click(css("#send-button")),
		chromedp.WaitVisible(css("#send-done")),
		waitText("#n-sent", "16"))
	require.Equal(t, 16, sb.Accepted())
	require.Contains(t, get(p, "the end", chromedp.Text(css("#send-done"))), "Done: 16 sent")
}

// TestBrowserStop stops a send under way: what is under way finishes, the
// rest is not sent, and the page says how many were sent.
func TestBrowserStop(t *testing.T) {
	p := newBrowser(t)
	url, sb := startServe(t, 4) // slow enough to stop halfway
	sample, err := filepath.Abs(openHouse)
	require.NoError(t, err)
	p.do("drop, check, credentials",
		dropAndCheck(url, sample, ""),
		waitText("#check-summary", "16 av 21"),
		typeInto("#cred-user", "sandbox"),
		typeInto("#cred-pass", sb.Password),
		chromedp.Click(css(`#credentials button[type="submit"]`)),
		chromedp.WaitEnabled(css("#send-button")))
	p.do("send, and stop after the first",
		chromedp.Click(css("#send-button")),
		chromedp.Poll[chromedp.Void](`Number(document.querySelector("#n-sent").textContent) >= 1`,
			chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(0)),
		chromedp.Click(css("#stop-button")),
		chromedp.WaitVisible(css("#send-done")),
		waitText("#progress-label", "Stoppat"),
		chromedp.WaitVisible(css("#retry-button")))
	sent := get(p, "sent", chromedp.Evaluate[int](`Number(document.querySelector("#n-sent").textContent)`))
	require.Less(t, sent, 16, "the send stopped before the end")
	require.Equal(t, sb.Accepted(), sent, "the page counts what Connect got")
	require.Contains(t, get(p, "the end", chromedp.Text(css("#send-done"))), fmt.Sprintf("Stoppat. %d skickades", sent))
	require.False(t, get(p, "an error shown", chromedp.Evaluate[bool](`!document.querySelector("#send-error").hidden`)),
		"a stop the person asked for is no error")
	p.shot("stoppat")
}

// TestBrowserMoreRows checks a sheet of more rows than the page loads at
// once: the rest come a page at a time, without checking again.
func TestBrowserMoreRows(t *testing.T) {
	p := newBrowser(t)
	url, _ := startServe(t, 0)
	var b strings.Builder
	b.WriteString("Förnamn;Efternamn;E-post\r\n")
	for i := range 620 {
		fmt.Fprintf(&b, "Person%d;Exempel;person%d@example\r\n", i, i) // no dot in the domain: invalid
	}
	sheet := filepath.Join(t.TempDir(), "many.csv")
	require.NoError(t, os.WriteFile(sheet, []byte(b.String()), 0o600))

	p.do("drop, check",
		dropAndCheck(url, sheet, "OBJ1234"),
		waitText("#check-summary", "0 av 620"),
		waitText("#rows-more", "Visar 500 av 620 rader"))
	count := `document.querySelectorAll("#rows-table tbody tr.invalid").length`
	require.Equal(t, 500, get(p, "rows shown", chromedp.Evaluate[int](count)))
	p.do("more rows",
		chromedp.Click(css("#rows-more button")),
		chromedp.WaitNotVisible(css("#rows-more")))
	require.Equal(t, 620, get(p, "rows shown", chromedp.Evaluate[int](count)))
}

// TestBrowserLangFromAddress opens the page as serve --lang en would have
// it opened, with lang=en in the address: English from the start.
func TestBrowserLangFromAddress(t *testing.T) {
	p := newBrowser(t)
	url, _ := startServe(t, 0)
	p.do("open the page in English",
		chromedp.Navigate(url+"&lang=en"),
		chromedp.WaitVisible(css("#drop")),
		waitText(`#h-file [data-t="hFile"]`, "Choose the spreadsheet"),
		waitText("#lang-switch", "Svenska"))
	require.Equal(t, "en", get(p, "the page's language", chromedp.Evaluate[string]("document.documentElement.lang")))
	require.NotContains(t, get(p, "the address", chromedp.Location()), "token=")
}

// TestBrowserEnvironmentPasswordRefused sends with credentials from the
// environment that Connect refuses: the page says so in a sentence and
// offers the credentials form again, although the credentials were not
// given on it; the ones given then are sent with.
func TestBrowserEnvironmentPasswordRefused(t *testing.T) {
	p := newBrowser(t)
	env := map[string]string{"VITEC_USERNAME": "sandbox", "VITEC_PASSWORD": "an-old-password"}
	url, sb, uploads := startServeEnv(t, 0, func(k string) string { return env[k] })
	sample, err := filepath.Abs(openHouse)
	require.NoError(t, err)
	p.do("drop, check",
		dropAndCheck(url, sample, ""),
		waitText("#check-summary", "16 av 21"),
		chromedp.WaitEnabled(css("#send-button")))
	require.False(t, get(p, "the form", chromedp.Evaluate[bool](`!document.querySelector("#credentials").hidden`)),
		"the environment's credentials are used without asking")
	p.do("send with the environment's password",
		chromedp.Click(css("#send-button")),
		chromedp.WaitVisible(css("#send-error")),
		chromedp.WaitVisible(css("#credentials")),
		waitText("#cred-refused", "Vitec tog inte emot"))
	require.Zero(t, sb.Accepted())
	require.True(t, get(p, "the send button", chromedp.Evaluate[bool](`document.querySelector("#send-button").disabled`)),
		"no send with credentials refused")
	p.shot("losenord-avvisat")
	p.do("give the right password and try again",
		typeInto("#cred-user", "sandbox"),
		typeInto("#cred-pass", sb.Password),
		chromedp.Click(css(`#credentials button[type="submit"]`)),
		chromedp.WaitNotVisible(css("#credentials")),
		chromedp.Click(css("#retry-button")),
		chromedp.WaitEnabled(css("#send-button")),
		chromedp.Click(css("#send-button")),
		chromedp.WaitVisible(css("#send-done")),
		waitText("#n-sent", "16"))
	require.Equal(t, 16, sb.Accepted())
	require.Equal(t, int32(1), uploads.Load(), "the same import sent again, not the sheet uploaded again")
}

// TestBrowserLongCells checks a sheet whose cells are longer than a page
// shows: a cut cell says so, the rows come in pages the server bounds in
// bytes (the next from its "next"), and fixing a cut cell says that what
// is typed replaces the whole cell.
func TestBrowserLongCells(t *testing.T) {
	p := newBrowser(t)
	url, _ := startServe(t, 0)
	long := strings.Repeat("x", 5000) // more than the 4 KiB a page shows of a cell
	var b strings.Builder
	b.WriteString("Förnamn;Efternamn;E-post")
	for i := range 40 {
		fmt.Fprintf(&b, ";Anteckning %d", i+1)
	}
	b.WriteString("\r\n")
	for i := range 30 {
		first := fmt.Sprintf("Person%d", i)
		if i == 0 {
			first = long
		}
		fmt.Fprintf(&b, "%s;Exempel;person%d@example.se", first, i)
		for range 40 {
			b.WriteString(";" + long) // not sent, but on the page's rows: 40 × 4 KiB a row
		}
		b.WriteString("\r\n")
	}
	sheet := filepath.Join(t.TempDir(), "long.csv")
	require.NoError(t, os.WriteFile(sheet, []byte(b.String()), 0o600))

	p.do("drop, check",
		dropAndCheck(url, sheet, "OBJ1234"),
		chromedp.WaitVisible(css(`#rows-table tr[data-row="2"]`)),
		chromedp.WaitVisible(css("#rows-more")),
		chromedp.Click(css(`input[name="rowfilter"][value="all"]`)),
		chromedp.WaitVisible(css(`#rows-table tr[data-row="3"]`)))
	count := `document.querySelectorAll("#rows-table tbody tr[data-row]").length`
	first := get(p, "rows shown", chromedp.Evaluate[int](count))
	require.Less(t, first, 30, "the server's page ends before its bytes pass its bound")
	require.Contains(t, get(p, "more", chromedp.Text(css("#rows-more"))), fmt.Sprintf("Visar %d av 30 rader", first))

	cell := get(p, "the long cell", chromedp.Text(css(`#rows-table tr[data-row="2"] td.cell-cut`)))
	require.Contains(t, cell, "x…", "a cut cell ends with …")
	require.Contains(t, cell, "längre än vad som visas")
	// A column of notes is sent too (as a message): its cells are cut on
	// every row; the first name only on row 2.
	require.Equal(t, 1, get(p, "cut cells", chromedp.Evaluate[int](
		`document.querySelectorAll('#rows-table tr[data-row="2"] td.cell-cut').length -
		 document.querySelectorAll('#rows-table tr[data-row="3"] td.cell-cut').length`)))
	p.shot("langa-celler")

	p.do("more rows",
		chromedp.Click(css("#rows-more button")),
		chromedp.WaitNotVisible(css("#rows-more")))
	require.Equal(t, 30, get(p, "rows shown", chromedp.Evaluate[int](count)))
	rows := get(p, "row numbers", chromedp.Evaluate[[]int](
		`Array.from(document.querySelectorAll("#rows-table tbody tr[data-row]")).map(r => Number(r.dataset.row))`))
	slices.Sort(rows)
	require.Equal(t, 2, rows[0])
	require.Equal(t, 31, rows[29])
	require.Len(t, slices.Compact(rows), 30, "each row once")

	p.do("fix the long cell",
		chromedp.Click(css(`tr[data-row="2"] button.fix`)),
		chromedp.WaitVisible(css(`tr[data-row="2"] input[data-header="Förnamn"]`)),
		waitText(`tr[data-row="2"] td.cell-cut`, "ersätter hela cellen"),
		typeInto(`tr[data-row="2"] input[data-header="Förnamn"]`, "Anna"),
		chromedp.KeyEvent(kb.Enter),
		waitText("#check-summary", "Rad 2"),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll('#rows-table tr[data-row="2"] td.cell-cut').length ===
		 document.querySelectorAll('#rows-table tr[data-row="3"] td.cell-cut').length`,
			chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(0)))
	require.Contains(t, get(p, "the row fixed", chromedp.Text(css(`#rows-table tr[data-row="2"]`))), "Anna")
}

// dropAndCheck opens the page at url, drops the sheet, gives the customer
// id (and the estate id, when the sheet has no column of it) and checks.
func dropAndCheck(url, sheet, estate string) chromedp.Action[chromedp.Void] {
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(url),
		chromedp.WaitVisible(css("#drop")),
		chromedp.SetUploadFiles(css("#file-input"), []string{sheet}),
		chromedp.WaitVisible(css("#columns-body select")),
		typeInto("#c-customerId", "M1001"),
	}
	if estate != "" {
		steps = append(steps, typeInto("#c-estateId", estate))
	}
	return chromedp.Steps(append(steps, chromedp.Click(css("#check-button")))...)
}

// interestSheet is a sheet of interest registrations: a consent date
// (Samtycke) written three ways, the present home's kind, rooms and size.
var interestSheet = filepath.Join("testdata", "intresse.csv")

// TestBrowserInterest: a sheet of interest registrations. Intresseanmälan
// is chosen: the drop-downs offer Interest's fields, the columns matched
// follow (Förnamn fills firstName), the consent date is matched and the
// status is Mycket intresserad. Back to Slutpris, the consent date and the
// status have no place there, and the page says so; as Intresseanmälan
// again, every row checks valid. The same sheet again starts as one.
func TestBrowserInterest(t *testing.T) {
	p := newBrowser(t)
	url, _ := startServe(t, 0)
	sheet, err := filepath.Abs(interestSheet)
	require.NoError(t, err)
	field := func(header string) string {
		return get(p, "the field of "+header, chromedp.Value(css(`select[data-header="`+header+`"]`)))
	}
	offers := func(header, field string) bool {
		return get(p, "the choices of "+header, chromedp.Evaluate[bool](fmt.Sprintf(
			`Array.from(document.querySelector('select[data-header=%q]').options).some(o => o.value === %q)`, header, field)))
	}
	const (
		finalPrice = `input[name="endpoint"][value="FinalPriceWatched"]`
		interest   = `input[name="endpoint"][value="Interest"]`
	)

	// Slutpris first, whatever the sheet's headers make leadimport propose.
	p.do("drop the sheet, choose Slutpris",
		chromedp.Navigate(url),
		chromedp.WaitVisible(css("#drop")),
		chromedp.SetUploadFiles(css("#file-input"), []string{sheet}),
		chromedp.WaitVisible(css(`select[data-header="Samtycke"]`)),
		chromedp.Click(css(finalPrice)),
		chromedp.Poll[chromedp.Void](`document.querySelector('select[data-header="Förnamn"]').value === "person.firstName"`,
			chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(0)))
	require.Equal(t, "Vad vill besökarna?", get(p, "the choice", chromedp.Text(css("fieldset.endpoint legend"))))
	require.False(t, offers("Samtycke", "gdprApprovalDate"), "Slutpris has no consent date")
	require.False(t, offers("Samtycke", "person.lastName") && offers("Samtycke", "lastName"))

	p.do("choose Intresseanmälan",
		chromedp.Click(css(interest)),
		chromedp.Poll[chromedp.Void](`document.querySelector('select[data-header="Förnamn"]').value === "firstName"`,
			chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(0)))
	require.Equal(t, "lastName", field("Efternamn"))
	require.Equal(t, "telephone.cell", field("Mobil"))
	require.True(t, offers("Samtycke", "gdprApprovalDate"))
	require.True(t, offers("Samtycke", "presentAccommodation.numberOfRooms"))
	require.Contains(t, get(p, "the groups", chromedp.Evaluate[[]string](
		`Array.from(document.querySelectorAll('select[data-header="Samtycke"] optgroup')).map(g => g.label)`)), "Nuvarande boende")
	require.Equal(t, "Samtyckesdatum (GDPR)", get(p, "the consent date's name", chromedp.Evaluate[string](
		`document.querySelector('select[data-header="Samtycke"] option[value="gdprApprovalDate"]').textContent`)))
	p.do("match the consent date and the rooms, the status Mycket intresserad",
		setSelect(`select[data-header="Samtycke"]`, "gdprApprovalDate"),
		setSelect(`select[data-header="Antal rum"]`, "presentAccommodation.numberOfRooms"),
		setSelect("#c-status", "VeryInterested"))

	// Back to Slutpris: the consent date has no field there, nor the
	// status Mycket intresserad; each says so.
	p.do("choose Slutpris again",
		chromedp.Click(css(finalPrice)),
		chromedp.WaitVisible(css("#endpoint-note")))
	require.Empty(t, field("Samtycke"))
	require.Equal(t, "person.firstName", field("Förnamn"))
	note := get(p, "the column's note", chromedp.Text(css(`select[data-header="Samtycke"] + .note`)))
	require.Contains(t, note, "Samtyckesdatum (GDPR)")
	require.Contains(t, note, "Slutpris")
	require.Contains(t, get(p, "the status's note", chromedp.Text(css("#endpoint-note"))), "Mycket intresserad")
	require.Empty(t, get(p, "the status", chromedp.Value(css("#c-prospectiveBuyerStatus"))))
	p.shot("intresse-tillbaka-till-slutpris")

	p.do("Intresseanmälan again, match, check",
		chromedp.Click(css(interest)),
		chromedp.WaitNotVisible(css("#endpoint-note")),
		setSelect(`select[data-header="Samtycke"]`, "gdprApprovalDate"),
		setSelect("#c-status", "VeryInterested"),
		typeInto("#c-customerId", "M1001"),
		typeInto("#c-estateId", "OBJ1234"),
		chromedp.Click(css("#check-button")),
		waitText("#check-summary", "3 av 3 rader kan skickas"),
		chromedp.Click(css(`input[name="rowfilter"][value="all"]`)),
		waitText(`tr[data-row="3"]`, "14/6/2025 → 2025-06-14"))
	require.Contains(t, get(p, "per column", chromedp.Text(css("#percolumn"))), "Samtyckesdatum (GDPR)")
	p.shot("intresse-kontrollerad")

	// The mapping confirmed is remembered with its endpoint.
	p.do("the same sheet again",
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#file-input").value = ""`), // else no change
		chromedp.SetUploadFiles(css("#file-input"), []string{sheet}),
		chromedp.WaitVisible(css("#remembered")))
	require.True(t, get(p, "Intresseanmälan chosen", chromedp.Evaluate[bool](`document.querySelector(`+"`"+interest+"`"+`).checked`)))
	require.Equal(t, "gdprApprovalDate", field("Samtycke"))
	require.Equal(t, "firstName", field("Förnamn"))
	require.Equal(t, "Interested", get(p, "the status", chromedp.Value(css("#c-status"))),
		"the proposal's default status, as an interest registration names it")
}

package web_test

// The page in Firefox: headless Firefox, driven through WebDriver BiDi
// (bidi_test.go), on the same server, sandbox and sample as the Chromium
// tests of browser_test.go. They run in `make test` when Firefox is
// installed and say they were skipped when it is not; with CI=true a
// missing Firefox fails them instead (.ci/run installs firefox-esr).
// Screenshots go to out/browser/firefox-*.png.
//
// What they assert is what the Chromium tests assert, by numbers, ids and
// the sheet's own values rather than by the page's sentences, so that a
// rewording of the page's texts is checked once, in browser_test.go.

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// firefoxStart bounds Firefox's start, until it says where BiDi listens.
const firefoxStart = 60 * time.Second

// WebDriver's codes of the keys that are not characters.
const (
	keyTab   = "\uE004"
	keyEnter = "\uE007"
	keyEnd   = "\uE010"
)

// firefox finds the browser: $LEADIMPORT_FIREFOX, else the names the
// distributions give it on the PATH.
func firefox(t *testing.T) string {
	t.Helper()
	return findBrowser(t, "LEADIMPORT_FIREFOX", []string{"firefox-esr", "firefox"},
		"no Firefox found (firefox-esr or firefox on the PATH, or LEADIMPORT_FIREFOX): "+
			"the page's Firefox tests did not run; install it (apt-get install firefox-esr) to run them")
}

// firefoxPage is the one tab of a headless Firefox, for one test.
type firefoxPage struct {
	t   *testing.T
	b   *bidiConn
	tab string          // the tab's browsing context
	ctx context.Context // bounded by browserDeadline

	mu        sync.Mutex
	console   []string // what the page wrote to its console, and its exceptions
	downloads chan fxDownload
}

// fxDownload is a download Firefox began or ended.
type fxDownload struct {
	Method            string `json:"-"`
	SuggestedFilename string `json:"suggestedFilename"` // when it began
	Status            string `json:"status"`            // when it ended: complete, canceled
	Filepath          string `json:"filepath"`          // where it was saved
}

// newFirefox starts a headless Firefox with a fresh profile, opens a BiDi
// session and sizes its tab as the Chromium tests size theirs.
func newFirefox(t *testing.T) *firefoxPage {
	t.Helper()
	path := firefox(t)
	profile, err := os.MkdirTemp("", "leadimport-firefox-")
	require.NoError(t, err)
	// Removed last, after Firefox ended (cleanups run last first).
	t.Cleanup(func() {
		if err := os.RemoveAll(profile); err != nil {
			t.Logf("remove Firefox's profile: %v", err)
		}
	})
	out := &firefoxOutput{addr: make(chan string, 1)}
	run, kill := context.WithCancel(context.Background())
	cmd := exec.CommandContext(run, path, "--headless", "--no-remote", "--remote-debugging-port=0", "--profile", profile)
	cmd.Env = append(os.Environ(), "MOZ_CRASHREPORTER_DISABLE=1")
	cmd.Stdout = out
	cmd.Stderr = out
	// A child that keeps the output open does not hold Wait for longer.
	cmd.WaitDelay = 5 * time.Second
	started := time.Now()
	if err := cmd.Start(); err != nil {
		kill()
		t.Fatalf("start Firefox at %s: %v", path, err)
	}
	exited := make(chan struct{})
	go func() {
		cmd.Wait()
		close(exited)
	}()

	p := &firefoxPage{t: t, downloads: make(chan fxDownload, 4)}
	t.Cleanup(func() {
		// Closed as a person closes it, then killed if it will not go.
		if p.b != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			p.b.call(ctx, "browser.close", nil, nil)
			cancel()
			p.b.close()
		}
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
		}
		kill()
		<-exited
	})

	start, cancel := context.WithTimeout(context.Background(), firefoxStart)
	defer cancel()
	var addr string
	select {
	case addr = <-out.addr:
	case <-exited:
		t.Fatalf("Firefox at %s ended before it listened for WebDriver BiDi:\n%s", path, out.tail())
	case <-start.Done():
		t.Fatalf("Firefox at %s did not listen for WebDriver BiDi within %s:\n%s", path, firefoxStart, out.tail())
	}
	p.b, err = dialBiDi(start, addr+"/session", p.event)
	require.NoError(t, err, "connect to Firefox")
	var session struct {
		Capabilities struct {
			BrowserVersion string `json:"browserVersion"`
		} `json:"capabilities"`
	}
	require.NoError(t, p.b.call(start, "session.new", map[string]any{"capabilities": map[string]any{}}, &session))
	t.Logf("Firefox %s, ready in %s", session.Capabilities.BrowserVersion, time.Since(started).Round(time.Millisecond))
	// A tab of its own: the one Firefox starts with never gets the focus
	// when headless, and a page without it hears keys but does not act on
	// them (Enter on a button is no click); a tab opened here has it.
	var tab struct {
		Context string `json:"context"`
	}
	require.NoError(t, p.b.call(start, "browsingContext.create", map[string]any{"type": "tab"}, &tab))
	p.tab = tab.Context
	require.NoError(t, p.b.call(start, "browsingContext.setViewport", map[string]any{
		"context": p.tab, "viewport": map[string]any{"width": 1280, "height": 900}}, nil))
	require.NoError(t, p.b.call(start, "session.subscribe", map[string]any{"events": []string{"log.entryAdded"}}, nil))

	ctx, cancelSteps := context.WithTimeout(context.Background(), browserDeadline)
	t.Cleanup(cancelSteps)
	p.ctx = ctx
	return p
}

// firefoxOutput takes Firefox's output: it hands on the address BiDi
// listens at, and keeps the last lines to show when Firefox fails.
type firefoxOutput struct {
	addr chan string // the ws:// address, once

	mu    sync.Mutex
	lines []string
	part  []byte
	found bool
}

func (o *firefoxOutput) Write(b []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.part = append(o.part, b...)
	for {
		i := bytes.IndexByte(o.part, '\n')
		if i < 0 {
			break
		}
		line := string(o.part[:i])
		o.part = o.part[i+1:]
		if rest, ok := strings.CutPrefix(line, "WebDriver BiDi listening on "); ok && !o.found {
			o.found = true
			o.addr <- strings.TrimSpace(rest)
		}
		o.lines = append(o.lines, line)
		if len(o.lines) > 40 {
			o.lines = o.lines[1:]
		}
	}
	return len(b), nil
}

func (o *firefoxOutput) tail() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return strings.Join(o.lines, "\n")
}

// event keeps what the page logs, to show when a step fails, and hands
// on downloads to the test that asked for them.
func (p *firefoxPage) event(method string, params json.RawMessage) {
	if strings.HasPrefix(method, "browsingContext.download") {
		d := fxDownload{Method: method}
		if json.Unmarshal(params, &d) == nil {
			select {
			case p.downloads <- d:
			default: // nobody is downloading
			}
		}
		return
	}
	if method != "log.entryAdded" {
		return
	}
	var e struct {
		Level string `json:"level"`
		Text  string `json:"text"`
	}
	if json.Unmarshal(params, &e) == nil {
		p.mu.Lock()
		p.console = append(p.console, e.Level+": "+e.Text)
		p.mu.Unlock()
	}
}

// fxStep is one thing done on the page, as a chromedp action is.
type fxStep func(ctx context.Context, p *firefoxPage) error

// do runs the steps and fails the test, saying what it was doing, when
// one fails; a screenshot of the page then goes to out/browser/.
func (p *firefoxPage) do(what string, steps ...fxStep) {
	p.t.Helper()
	for _, s := range steps {
		if err := s(p.ctx, p); err != nil {
			p.failed(what, err)
		}
	}
}

func (p *firefoxPage) failed(what string, err error) {
	p.t.Helper()
	failStep(p.t, what, err, p.shot, &p.mu, &p.console)
}

// shot saves a screenshot of the whole page as out/browser/firefox-NAME.png.
// It has a deadline of its own, so that it works after a step ran out of
// time: a long one, as Firefox draws the whole page (4,000 pixels high
// after the check) in software, which takes seconds on a busy machine.
func (p *firefoxPage) shot(name string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var r struct {
		Data string `json:"data"`
	}
	err := p.b.call(ctx, "browsingContext.captureScreenshot", map[string]any{"context": p.tab, "origin": "document"}, &r)
	var png []byte
	if err == nil {
		png, err = base64.StdEncoding.DecodeString(r.Data)
	}
	if err == nil {
		err = os.WriteFile(filepath.Join(outDir(p.t), "firefox-"+name+".png"), png, 0o644)
	}
	if err != nil {
		p.t.Logf("screenshot %s: %v", name, err)
	}
}

// js writes s as a JavaScript string.
func js(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// eval evaluates expr, a JavaScript expression, in the page, awaits it
// when it is a promise, and decodes its value (through JSON) into out
// when out is not nil.
func (p *firefoxPage) eval(ctx context.Context, expr string, out any) error {
	var r struct {
		Type   string `json:"type"`
		Result struct {
			Type  string          `json:"type"`
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	err := p.b.call(ctx, "script.evaluate", map[string]any{
		"expression":      "(async () => JSON.stringify(await (" + expr + ")))()",
		"target":          map[string]any{"context": p.tab},
		"awaitPromise":    true,
		"resultOwnership": "none",
	}, &r)
	if err != nil {
		return err
	}
	if r.Type == "exception" {
		return fmt.Errorf("the page threw: %s", r.ExceptionDetails.Text)
	}
	if out == nil || r.Result.Type != "string" {
		return nil // no value: undefined
	}
	var text string
	if err := json.Unmarshal(r.Result.Value, &text); err != nil {
		return err
	}
	return json.Unmarshal([]byte(text), out)
}

// element is a reference to the element sel finds, for the commands
// that act on one.
func (p *firefoxPage) element(ctx context.Context, sel string) (map[string]any, error) {
	var r struct {
		Type   string `json:"type"`
		Result struct {
			Type     string `json:"type"`
			SharedID string `json:"sharedId"`
		} `json:"result"`
	}
	err := p.b.call(ctx, "script.evaluate", map[string]any{
		"expression":      "document.querySelector(" + js(sel) + ")",
		"target":          map[string]any{"context": p.tab},
		"awaitPromise":    false,
		"resultOwnership": "none",
	}, &r)
	if err != nil {
		return nil, err
	}
	if r.Result.Type != "node" || r.Result.SharedID == "" {
		return nil, fmt.Errorf("no element is %s", sel)
	}
	return map[string]any{"sharedId": r.Result.SharedID}, nil
}

// fxGet evaluates expr in the page and returns its value.
func fxGet[T any](p *firefoxPage, what, expr string) T {
	p.t.Helper()
	var v T
	if err := p.eval(p.ctx, expr, &v); err != nil {
		p.failed(what, err)
	}
	return v
}

// text is the text of the element sel finds, as it reads on the page.
func (p *firefoxPage) text(what, sel string) string {
	p.t.Helper()
	return fxGet[string](p, what, "document.querySelector("+js(sel)+").innerText")
}

func (p *firefoxPage) value(what, sel string) string {
	p.t.Helper()
	return fxGet[string](p, what, "document.querySelector("+js(sel)+").value")
}

func fxNavigate(url string) fxStep {
	return func(ctx context.Context, p *firefoxPage) error {
		return p.b.call(ctx, "browsingContext.navigate", map[string]any{"context": p.tab, "url": url, "wait": "complete"}, nil)
	}
}

// fxWait waits until cond, a JavaScript expression, holds in the page.
// The page checks it at every frame it draws; the wait ends with ctx.
func fxWait(cond string) fxStep {
	return func(ctx context.Context, p *firefoxPage) error {
		err := p.eval(ctx, `new Promise((resolve) => {
		  const holds = () => { try { return !!(`+cond+`); } catch (e) { return false; } };
		  const tick = () => holds() ? resolve(true) : requestAnimationFrame(tick);
		  tick();
		})`, nil)
		if err != nil {
			return fmt.Errorf("waiting for %s: %w", cond, err)
		}
		return nil
	}
}

// visible is true when sel finds an element that takes room on the page,
// as chromedp's WaitVisible has it.
func visible(sel string) string {
	return `((e) => !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")(document.querySelector(` + js(sel) + `))`
}

func fxWaitVisible(sel string) fxStep    { return fxWait(visible(sel)) }
func fxWaitNotVisible(sel string) fxStep { return fxWait("!" + visible(sel)) }
func fxWaitNotPresent(sel string) fxStep { return fxWait("!document.querySelector(" + js(sel) + ")") }
func fxWaitEnabled(sel string) fxStep {
	return fxWait("((e) => !!e && !e.disabled)(document.querySelector(" + js(sel) + "))")
}

// fxWaitText waits until the element's text holds want.
func fxWaitText(sel, want string) fxStep {
	return fxWait("((e) => !!e && e.textContent.includes(" + js(want) + "))(document.querySelector(" + js(sel) + "))")
}

// fxWaitNumbers waits until the element's text holds the numbers nums,
// in that order, and no other numbers between them: "17 av 21 rader".
func fxWaitNumbers(sel string, nums ...int) fxStep {
	var want []string
	for _, n := range nums {
		want = append(want, fmt.Sprint(n))
	}
	return fxWait("((e) => !!e && JSON.stringify((e.textContent.match(/\\d+/g) || []).slice(0, " + fmt.Sprint(len(nums)) +
		")) === " + js(mustJSON(want)) + ")(document.querySelector(" + js(sel) + "))")
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// fxClick clicks the element as a person does, with the mouse at its
// middle, once it is on the page.
func fxClick(sel string) fxStep {
	return func(ctx context.Context, p *firefoxPage) error {
		if err := fxWaitVisible(sel)(ctx, p); err != nil {
			return err
		}
		if err := p.eval(ctx, "document.querySelector("+js(sel)+`).scrollIntoView({block: "center", inline: "center"})`, nil); err != nil {
			return err
		}
		e, err := p.element(ctx, sel)
		if err != nil {
			return err
		}
		return p.b.call(ctx, "input.performActions", map[string]any{"context": p.tab, "actions": []any{map[string]any{
			"type": "pointer", "id": "mouse", "parameters": map[string]any{"pointerType": "mouse"},
			"actions": []any{
				map[string]any{"type": "pointerMove", "x": 0, "y": 0, "origin": map[string]any{"type": "element", "element": e}},
				map[string]any{"type": "pointerDown", "button": 0},
				map[string]any{"type": "pointerUp", "button": 0},
			},
		}}}, nil)
	}
}

// fxFocus gives the element the focus.
func fxFocus(sel string) fxStep {
	return func(ctx context.Context, p *firefoxPage) error {
		return p.eval(ctx, "document.querySelector("+js(sel)+").focus()", nil)
	}
}

// fxKeys types keys (characters, and keyEnter and the like) into what has
// the focus, a key down and up for each.
func fxKeys(keys string) fxStep {
	return func(ctx context.Context, p *firefoxPage) error {
		var actions []any
		for _, k := range keys {
			actions = append(actions,
				map[string]any{"type": "keyDown", "value": string(k)},
				map[string]any{"type": "keyUp", "value": string(k)})
		}
		return p.b.call(ctx, "input.performActions", map[string]any{"context": p.tab, "actions": []any{map[string]any{
			"type": "key", "id": "keyboard", "actions": actions,
		}}}, nil)
	}
}

// fxType empties a field and types value into it with the keyboard.
func fxType(sel, value string) fxStep {
	return func(ctx context.Context, p *firefoxPage) error {
		if err := fxWaitVisible(sel)(ctx, p); err != nil {
			return err
		}
		if err := p.eval(ctx, "((e) => { e.focus(); e.value = \"\"; })(document.querySelector("+js(sel)+"))", nil); err != nil {
			return err
		}
		return fxKeys(value)(ctx, p)
	}
}

// fxSelect chooses an option of a <select> as a person does: the value
// changes and the page hears a change event.
func fxSelect(sel, value string) fxStep {
	return func(ctx context.Context, p *firefoxPage) error {
		return p.eval(ctx, "((s) => { s.value = "+js(value)+`; s.dispatchEvent(new Event("change", {bubbles: true})); })(document.querySelector(`+js(sel)+"))", nil)
	}
}

// fxSetFiles chooses files in a file input, as the file picker and a drop
// both do.
func fxSetFiles(sel string, paths ...string) fxStep {
	return func(ctx context.Context, p *firefoxPage) error {
		e, err := p.element(ctx, sel)
		if err != nil {
			return err
		}
		return p.b.call(ctx, "input.setFiles", map[string]any{"context": p.tab, "element": e, "files": paths}, nil)
	}
}

// download clicks the link as a person does and returns the file Firefox
// saved and the name it gave it.
func (p *firefoxPage) download(link string) (path, name string) {
	p.t.Helper()
	dir := p.t.TempDir()
	p.do("download "+link,
		func(ctx context.Context, p *firefoxPage) error {
			return p.b.call(ctx, "browser.setDownloadBehavior", map[string]any{
				"downloadBehavior": map[string]any{"type": "allowed", "destinationFolder": dir}}, nil)
		},
		func(ctx context.Context, p *firefoxPage) error {
			return p.b.call(ctx, "session.subscribe", map[string]any{
				"events": []string{"browsingContext.downloadWillBegin", "browsingContext.downloadEnd"}}, nil)
		},
		fxClick(link))
	for {
		select {
		case d := <-p.downloads:
			switch {
			case d.Method == "browsingContext.downloadWillBegin":
				name = d.SuggestedFilename
			case d.Status == "complete":
				return d.Filepath, name
			default:
				p.t.Fatalf("download %s: Firefox ended it: %s", link, d.Status)
			}
		case <-p.ctx.Done():
			p.failed("download "+link, p.ctx.Err())
		}
	}
}

// fetchLink fetches what the link leads to, as the page's own fetch,
// with its cookie, and returns it; the link must be a download.
func (p *firefoxPage) fetchLink(sel string) []byte {
	p.t.Helper()
	p.do("the link "+sel, fxWaitVisible(sel))
	got := fxGet[struct {
		Download bool   `json:"download"`
		Body     string `json:"body"`
	}](p, "fetch "+sel, `(async () => {
	  const a = document.querySelector(`+js(sel)+`);
	  const r = await fetch(a.href);
	  if (!r.ok) throw new Error(a.href + ": " + r.status);
	  const bytes = new Uint8Array(await r.arrayBuffer());
	  let s = "";
	  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	  return {download: a.hasAttribute("download"), body: btoa(s)};
	})()`)
	require.True(p.t, got.Download, "%s is a download", sel)
	body, err := base64.StdEncoding.DecodeString(got.Body)
	require.NoError(p.t, err)
	return body
}

// TestFirefoxOpenHouse is TestBrowserOpenHouse in Firefox: drop the
// open-house sheet, see the proposed mapping, set the customer and the
// estate, check, see the five invalid rows, fix one, give the
// credentials, send, see 17 sent, download the report and read it.
func TestFirefoxOpenHouse(t *testing.T) {
	p := newFirefox(t)
	url, sb := startServe(t, 0)
	sample, err := filepath.Abs(openHouse)
	require.NoError(t, err)

	// 1. The page, and the sheet dropped on it (set on the file input,
	// as the drop and the file picker both do).
	p.do("open the page", fxNavigate(url), fxWaitVisible("#drop"))
	require.NotContains(t, fxGet[string](p, "read the address", "location.href"), "token=",
		"the token is taken out of the address")
	require.Equal(t, "sv", fxGet[string](p, "the page's language", "document.documentElement.lang"))
	p.shot("1-fil")
	p.do("drop the sheet", fxSetFiles("#file-input", sample), fxWaitVisible("#columns-body select"))
	require.Equal(t, "21", p.text("rows found", "#d-rows"))
	require.Equal(t, "3", p.value("header row", "#o-header"))

	// 2. The proposed mapping, as init proposes it.
	for header, field := range map[string]string{
		"Förnamn": "person.firstName", "Efternamn": "person.lastName", "Personnummer": "person.socialSecurityNumber",
		"E-post": "person.email.emailAddress", "Mobil": "person.telephone.cell", "Objekt": "estateId", "Kommentar": "message",
	} {
		require.Equal(t, field, p.value("field of "+header, `select[data-header="`+header+`"]`), header)
	}
	require.Empty(t, p.value("customer id", "#c-customerId"), "the placeholder M0000 is not offered as an id")
	p.shot("2-matcha")

	// The estate comes from the page, not from the sheet's Objekt column.
	p.do("set the customer and the estate",
		fxSelect(`select[data-header="Objekt"]`, ""),
		fxType("#c-customerId", "M1001"),
		fxType("#c-estateId", "OBJ1234"))

	// 3. The check: five invalid rows, problems first, each wrong cell red
	// with its reason beside it.
	p.do("check", fxClick("#check-button"), fxWaitVisible("#rows-table tbody tr.invalid"))
	p.do("wait for the summary", fxWaitNumbers("#check-summary", 16, 21))
	invalid := fxGet[[]string](p, "invalid rows",
		`Array.from(document.querySelectorAll("#rows-table tbody tr.invalid")).map(tr => tr.dataset.row)`)
	require.ElementsMatch(t, []string{"10", "14", "17", "20", "23"}, invalid)
	require.Equal(t, "10", fxGet[string](p, "first row shown", `document.querySelector("#rows-table tbody tr").dataset.row`),
		"problems come first, in the sheet's order")
	require.Contains(t, p.text("row 10's personnummer", `tr[data-row="10"] td.cell-invalid`), "19890213-2390")
	require.NotEmpty(t, strings.TrimSpace(p.text("why row 10 is wrong", `tr[data-row="10"] td.cell-invalid .why`)),
		"the reason stands beside the cell")
	require.NotZero(t, fxGet[int](p, "reasons", `document.querySelectorAll("#reasons li").length`))
	require.Contains(t, p.text("per column", "#percolumn"), "Personnummer")

	// Every row, with the changes normalisation makes.
	p.do("show every row", fxClick(`input[name="rowfilter"][value="all"]`),
		fxWaitText(`tr[data-row="4"]`, "070-174 06 05 → +46701740605"))
	require.Contains(t, p.text("row 7's personnummer", `tr[data-row="7"]`), "199503312382 → 19950331-2382",
		"a personnummer's change is shown whole, as the cell is")
	p.do("show the problems again", fxClick(`input[name="rowfilter"][value="problems"]`),
		fxWaitNotPresent(`tr[data-row="4"]`))
	p.do("the send button", fxWaitNumbers("#send-button", 16, 1001, 1234), fxWaitText("#send-button", "OBJ1234"))
	p.shot("3-kontrollera")

	// 4. Fix row 10's personnummer on the page (the test number it was
	// meant to be) and check again.
	p.do("fix row 10",
		fxClick(`tr[data-row="10"] button.fix`),
		fxType(`tr[data-row="10"] input[data-header="Personnummer"]`, "19890213-2391"),
		fxClick(`tr[data-row="10"] button.primary`),
		fxWaitNumbers("#check-summary", 17, 21),
		fxWaitNotPresent(`tr[data-row="10"].invalid`),
		fxWaitNumbers("#send-button", 17, 1001, 1234))
	require.Contains(t, p.text("row 10", `tr[data-row="10"]`), "19890213-2391")
	p.shot("4-rattad")

	// 5. No credentials were found: the page asks for them once.
	p.do("give the credentials",
		fxWaitVisible("#credentials"),
		fxType("#cred-user", "sandbox"),
		fxType("#cred-pass", sb.Password),
		fxClick(`#credentials button[type="submit"]`),
		fxWaitNotVisible("#credentials"),
		fxWaitEnabled("#send-button"))
	require.Empty(t, p.value("password field", "#cred-pass"), "the password is not kept on the page")
	p.do("send",
		fxClick("#send-button"),
		fxWaitVisible("#send-done"),
		fxWait(`document.querySelector("#n-sent").textContent === "17"`))
	require.Equal(t, "0", p.text("failed", "#n-failed"))
	require.Equal(t, "0", p.text("remaining", "#n-remaining"))
	require.Equal(t, 17, sb.Accepted(), "the sandbox got 17 leads")
	p.shot("5-skickat")

	// 6. The report, downloaded as a person does, and read.
	report, name := p.download("#dl-report")
	assert.Equal(t, ".xlsx", filepath.Ext(name), "the name Firefox saves it under: %s", name)
	t.Logf("the report downloaded as %s", name)
	readReport(t, report)
	// The same report as CSV beside it, fetched from its link: a header
	// and a line per row.
	other := string(p.fetchLink("#dl-report-other"))
	lines := strings.Split(strings.TrimSpace(other), "\n")
	require.Len(t, lines, 22, "the CSV report: a header and one line per row of the sheet")
	assert.Equal(t, 17, strings.Count(other, ";sent;"), "17 sent, as in the XLSX report")
	p.do("history", fxWaitVisible("#history-table tbody tr"))
	p.shot("6-rapport")

	// 7. The same sheet again: the mapping confirmed above is proposed,
	// with a note that it was remembered (its columns: not the ids).
	p.do("another sheet",
		fxClick("#another-button"),
		fxWaitNotVisible("#step-match"),
		fxSetFiles("#file-input", sample),
		fxWaitVisible("#remembered"))
	require.Empty(t, p.value("Objekt's field", `select[data-header="Objekt"]`), "Objekt was not sent, and is remembered so")
	require.Equal(t, "person.firstName", p.value("Förnamn's field", `select[data-header="Förnamn"]`))
	p.shot("7-ihagkommen")

	// 8. A sheet of interest registrations, as TestBrowserInterest has
	// it: Intresseanmälan chosen (from Slutpris, whatever was proposed),
	// the columns follow, the consent date is matched, every row is valid.
	interest, err := filepath.Abs(interestSheet)
	require.NoError(t, err)
	p.do("an interest sheet, as Intresseanmälan",
		fxSetFiles("#file-input", interest),
		fxWaitVisible(`select[data-header="Samtycke"]`),
		fxClick(`input[name="endpoint"][value="FinalPriceWatched"]`),
		fxWait(`document.querySelector('select[data-header="Förnamn"]').value === "person.firstName"`),
		fxClick(`input[name="endpoint"][value="Interest"]`),
		fxWait(`document.querySelector('select[data-header="Förnamn"]').value === "firstName"`),
		fxSelect(`select[data-header="Samtycke"]`, "gdprApprovalDate"),
		fxSelect("#c-status", "VeryInterested"),
		fxType("#c-customerId", "M1001"),
		fxType("#c-estateId", "OBJ1234"),
		fxClick("#check-button"),
		fxWaitNumbers("#check-summary", 3, 3))
	require.Equal(t, "Interest", fxGet[string](p, "the endpoint", `document.querySelector('input[name="endpoint"]:checked').value`))
	require.Equal(t, "telephone.cell", p.value("Mobil's field", `select[data-header="Mobil"]`))
	p.shot("8-intresse")
}

// TestFirefoxMarkupKeyboard is TestBrowserMarkupIsText in Firefox: cells
// holding markup are text, every control has a name, and a row is fixed
// with the keyboard only; and Tab reaches the file input, which Firefox
// opens the file picker from.
func TestFirefoxMarkupKeyboard(t *testing.T) {
	p := newFirefox(t)
	url, _ := startServe(t, 0)
	sheet := markupSheet(t)

	p.do("open the page", fxNavigate(url), fxWaitVisible("#drop"))
	// The file input is the next stop after the header's last control,
	// and the drop zone shows that it has the focus.
	p.do("tab to the file input", fxFocus("#lang-switch"), fxKeys(keyTab),
		fxWait(`document.activeElement.id === "file-input"`))
	require.Equal(t, "solid", fxGet[string](p, "the drop zone's outline", `getComputedStyle(document.querySelector("#drop")).outlineStyle`))
	p.do("drop the sheet", fxSetFiles("#file-input", sheet), fxWaitVisible("#columns-body select"))
	require.Contains(t, p.text("the delimiter found", "#d-delimiter"), ";")
	p.do("read it again from another header row",
		fxType("#o-header", "2"),
		fxClick("#reread"),
		fxWaitVisible(`select[data-header="Svensson"]`))
	p.do("and back, with the delimiter named",
		fxType("#o-header", "1"),
		fxSelect("#o-delimiter", ";"),
		fxClick("#reread"),
		fxWaitVisible(`select[data-header="Förnamn"]`))
	examples := p.text("examples", "#columns-body")
	require.Contains(t, examples, img)
	require.Contains(t, examples, script)
	p.do("check",
		fxType("#c-customerId", "M1001"),
		fxType("#c-estateId", "OBJ1234"),
		fxClick("#check-button"),
		fxWaitVisible(`#rows-table tr[data-row="2"]`))
	row := p.text("row 2", `#rows-table tr[data-row="2"]`)
	require.Contains(t, row, img)
	require.Contains(t, row, script)
	// Every control has a name a screen reader says.
	unnamed := fxGet[[]string](p, "unnamed controls", `Array.from(document.querySelectorAll(
		"main input, main select, main button, main a[href], main textarea")).filter(e => {
		  if (e.type === "hidden") return false;
		  if (e.getAttribute("aria-label")) return false;
		  if (e.labels && e.labels.length) return false;
		  return !(e.tagName === "BUTTON" || e.tagName === "A") || e.textContent.trim() === "";
		}).map(e => e.outerHTML.slice(0, 80))`)
	require.Empty(t, unnamed)

	// Fixed with the keyboard only: the Fix button, Enter, the wrong cell
	// has the focus, End, type, Enter; the focus comes back to the row.
	p.do("fix row 2 with the keyboard",
		fxFocus(`tr[data-row="2"] button.fix`),
		fxKeys(keyEnter),
		fxWait(`document.activeElement.matches('tr[data-row="2"] input[data-header="E-post"]')`),
		fxKeys(keyEnd+".se"+keyEnter),
		fxWaitNumbers("#check-summary", 2, 2))
	require.True(t, fxGet[bool](p, "the focus after saving", `document.activeElement.matches('tr[data-row="2"] button.fix')`),
		"the focus comes back to the row")
	require.Contains(t, p.text("row 2", `#rows-table tr[data-row="2"]`), "anna@example.se")

	ran := fxGet[map[string]any](p, "what ran",
		`({pwned: window.pwned === undefined ? null : window.pwned, markup: document.querySelectorAll("main img, main script").length})`)
	require.Equal(t, map[string]any{"pwned": nil, "markup": float64(0)}, ran, "no cell became an element, none ran")
	p.shot("markup")
}

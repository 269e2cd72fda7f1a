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
	"context"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/draw"
)

var pagePNG = flag.Bool("page-png", false, "write the README's screenshot, importer/web/doc/page.png")

// browserDeadline bounds a whole browser test: a page that never shows
// what a step waits for fails the test instead of hanging it.
const browserDeadline = 90 * time.Second

// chromium finds the browser: $LEADIMPORT_CHROMIUM, else the names the
// distributions give it on the PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("LEADIMPORT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	const why = "no Chromium found (chromium, chromium-browser or google-chrome on the PATH, or LEADIMPORT_CHROMIUM): " +
		"the browser tests of the page did not run; install it (apt-get install chromium) to run them"
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
	return &browserPage{t: t, browser: bctx, ctx: ctx}
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
	p.shot("failed-" + strings.ReplaceAll(what, " ", "-"))
	if errors.Is(err, context.DeadlineExceeded) {
		p.t.Fatalf("%s: the page did not get there within %s (out/browser/ has a screenshot)", what, browserDeadline)
	}
	p.t.Fatalf("%s: %v", what, err)
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
		chromedp.Clear(css(sel)),
		chromedp.SendKeys(css(sel), value),
	)
}

// waitText waits until the element's text holds want.
func waitText(sel, want string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(
		`(() => { const e = document.querySelector(%q); return !!e && e.textContent.includes(%q); })()`, sel, want),
		chromedp.WithPollingMutation(), chromedp.WithPollingTimeout(0))
}

// writePagePNG writes the README's screenshot, scaled to half its width
// so that it stays small.
func writePagePNG(t *testing.T, full []byte) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(full))
	require.NoError(t, err)
	b := img.Bounds()
	w, h := b.Dx()*3/4, b.Dy()*3/4
	small := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.CatmullRom.Scale(small, small.Bounds(), img, b, draw.Src, nil)
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	require.NoError(t, enc.Encode(&out, small))
	require.NoError(t, os.MkdirAll("doc", 0o755))
	require.NoError(t, os.WriteFile(filepath.Join("doc", "page.png"), out.Bytes(), 0o644))
	t.Logf("doc/page.png: %d bytes", out.Len())
}

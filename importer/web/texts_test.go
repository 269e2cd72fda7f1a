package web

import (
	"io"
	"maps"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
	"leadimport/importer/status"
)

// TestTexts: GET /api/texts gives every text of the page in the language
// asked for, else the server's; a language it does not speak is a 400
// that names the ones it does, and a request without the token a 401.
func TestTexts(t *testing.T) {
	h := newHarness(t) // speaks English
	tests := []struct {
		name, query string
		lang        msg.Lang
		hFile       string
	}{
		{"Swedish", "?lang=sv", msg.Swedish, "Välj kalkylbladet"},
		{"English", "?lang=en", msg.English, "Choose the spreadsheet"},
		{"as --lang says", "", msg.English, "Choose the spreadsheet"},
		{"in capitals", "?lang=SV", msg.Swedish, "Välj kalkylbladet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := h.do("GET", "/api/texts"+tt.query, nil, "")
			var got struct {
				Lang  msg.Lang          `json:"lang"`
				Texts map[string]string `json:"texts"`
			}
			decode(t, resp, http.StatusOK, &got)
			assert.Equal(t, tt.lang, got.Lang)
			assert.Equal(t, tt.hFile, got.Texts["hFile"])
			assert.Len(t, got.Texts, len(msg.PageTexts()), "every text, and only the page's")
			for _, k := range msg.PageTexts() {
				assert.Equal(t, tt.lang.Say(msg.Page{Text: k}), got.Texts[string(k)], k)
			}
			assert.Equal(t, "private, no-cache", resp.Header.Get("Cache-Control"))
			assert.Contains(t, resp.Header.Get("Content-Type"), "application/json")
			assert.Contains(t, resp.Header.Get("Content-Security-Policy"), "script-src 'self'")
		})
	}

	t.Run("kept by the browser", func(t *testing.T) {
		first := h.do("GET", "/api/texts?lang=sv", nil, "")
		require.Equal(t, http.StatusOK, first.StatusCode)
		etag := first.Header.Get("ETag")
		require.NotEmpty(t, etag)
		req, err := http.NewRequest("GET", h.ts.URL+"/api/texts?lang=sv", nil)
		require.NoError(t, err)
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("If-None-Match", etag)
		again, err := h.ts.Client().Do(req)
		require.NoError(t, err)
		defer again.Body.Close()
		assert.Equal(t, http.StatusNotModified, again.StatusCode, "the same texts while the server runs")
		other := h.do("GET", "/api/texts?lang=en", nil, "")
		assert.NotEqual(t, etag, other.Header.Get("ETag"), "each language its own")
	})

	t.Run("a language it does not speak", func(t *testing.T) {
		for _, q := range []string{"?lang=de", "?lang="} {
			var e apiError
			decode(t, h.do("GET", "/api/texts"+q, nil, ""), http.StatusBadRequest, &e)
			assert.Contains(t, e.Error, "sv (Swedish) and en (English)", q)
		}
	})

	t.Run("without the token", func(t *testing.T) {
		resp, err := h.ts.Client().Get(h.ts.URL + "/api/texts?lang=sv")
		require.NoError(t, err)
		defer resp.Body.Close()
		var e apiError
		decode(t, resp, http.StatusUnauthorized, &e)
		assert.Contains(t, e.Error, "länken", "said in the language asked for")
	})
}

// pageSource is one of the page's files.
func pageSource(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("static/" + name)
	require.NoError(t, err)
	return string(b)
}

var (
	// comments are app.js's comments, which may show a lookup as an
	// example.
	comments = regexp.MustCompile(`(?m)(^|\s)//.*$|/\*[^*]*\*/`)
	// lookup is a text asked for by key in app.js: t("key"), t("key",
	// {parts}), word("key", fallback), or by the start of its key,
	// word("st." + st, st).
	lookup = regexp.MustCompile(`\b(t|word)\(\s*"([^"]*)"\s*(\+)?`)
	// withParts is a t("key", …) that fills parts in.
	withParts = regexp.MustCompile(`\bt\(\s*"([^"]*)"\s*,\s*([^)]?)`)
	// partsLiteral is a t("key", {parts}) whose parts are an object
	// written out, and partName one of its names.
	partsLiteral = regexp.MustCompile(`\bt\(\s*"([^"]*)"\s*,\s*\{([^{}]*)\}\s*\)`)
	partName     = regexp.MustCompile(`^\s*([A-Za-z_]\w*)\s*(?::|$)`)
	// dataT is an element of index.html that names its text.
	dataT = regexp.MustCompile(`\sdata-t(?:-label|-placeholder)?="([^"]*)"`)
)

// topLevel splits an object's inside at its commas, not at those within
// a call's parentheses or a string.
func topLevel(s string) []string {
	var parts []string
	depth, quote, start := 0, rune(0), 0
	for i, c := range s {
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'' || c == '`':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == ',' && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// placeholders are the parts a text names for the page to fill in.
func placeholders(text string) []string {
	var names []string
	for _, m := range regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(text, -1) {
		names = append(names, m[1])
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// TestPageAsksForItsTexts reads the page's script and markup: every key
// they ask for is a text of the catalogue, in every language; every text
// of the catalogue is asked for (a field's by GET /api/fields); a text
// with parts to fill in is given exactly its parts, by name; and the page
// holds no words of its own.
func TestPageAsksForItsTexts(t *testing.T) {
	js, html := comments.ReplaceAllString(pageSource(t, "app.js"), "$1"), pageSource(t, "index.html")
	keys := map[msg.PageText]bool{}
	for _, k := range msg.PageTexts() {
		keys[k] = true
	}
	used := map[msg.PageText]bool{}
	prefixes := map[string]bool{}
	for _, m := range lookup.FindAllStringSubmatch(js, -1) {
		if m[3] == "+" {
			prefixes[m[2]] = true
			continue
		}
		used[msg.PageText(m[2])] = true
	}
	require.NotEmpty(t, used, "app.js asks for texts with t(\"key\")")
	for _, m := range dataT.FindAllStringSubmatch(html, -1) {
		k := msg.PageText(m[1])
		used[k] = true
		assert.Empty(t, placeholders(msg.English.Say(msg.Page{Text: k})), "index.html's %s fills no parts in", k)
	}
	for _, k := range slices.Sorted(maps.Keys(used)) {
		assert.True(t, keys[k], "the page asks for %q, a text the catalogue lacks: add it to importer/msg/page.go, en.go and sv.go", k)
	}

	// A field's name is the text GET /api/fields names: every field.…
	// text is one, of a field of one endpoint or both.
	var fields []string
	for _, ep := range vocabularies().Endpoints {
		for _, f := range ep.Fields {
			if f.Text != "" {
				fields = append(fields, strings.TrimPrefix(string(f.Text), "field."))
				used[f.Text] = true
			}
		}
	}
	slices.Sort(fields)
	fields = slices.Compact(fields)
	for _, k := range slices.Sorted(maps.Keys(used)) {
		assert.True(t, keys[k], "GET /api/fields names %q, a text the catalogue lacks: add it to importer/msg/page.go, en.go and sv.go", k)
	}

	// The texts asked for by the start of their key: a row's status.
	var statuses []string
	for _, s := range status.All {
		statuses = append(statuses, string(s))
	}
	want := map[string][]string{"st.": statuses, "stN.": statuses}
	assert.ElementsMatch(t, slices.Collect(maps.Keys(want)), slices.Collect(maps.Keys(prefixes)),
		"the texts app.js asks for by the start of their key")
	want["field."] = fields
	for prefix, names := range want {
		var have []string
		for k := range keys {
			if rest, ok := strings.CutPrefix(string(k), prefix); ok {
				have = append(have, rest)
			}
		}
		assert.ElementsMatch(t, names, have, "the texts %s…", prefix)
	}

	for _, k := range msg.PageTexts() {
		if used[k] || slices.ContainsFunc(slices.Collect(maps.Keys(prefixes)), func(p string) bool { return strings.HasPrefix(string(k), p) }) {
			continue
		}
		t.Errorf("no part of the page asks for %q: remove it from importer/msg", k)
	}

	// The parts: t("key", {name: value, …}) gives a text exactly the
	// parts it names.
	given := map[msg.PageText]bool{}
	for _, m := range withParts.FindAllStringSubmatch(js, -1) {
		assert.Equal(t, "{", m[2], `t(%q, …): give the parts as an object written out, {name: value}`, m[1])
	}
	for _, m := range partsLiteral.FindAllStringSubmatch(js, -1) {
		k := msg.PageText(m[1])
		given[k] = true
		var names []string
		for _, part := range topLevel(m[2]) {
			n := partName.FindStringSubmatch(part)
			require.NotNil(t, n, "t(%q, {%s}): a part is name: value", k, m[2])
			names = append(names, n[1])
		}
		slices.Sort(names)
		for _, l := range msg.Langs() {
			assert.Equal(t, placeholders(l.Say(msg.Page{Text: k})), names, "t(%q, {%s}) in %s", k, m[2], l)
		}
	}
	for k := range used {
		if !given[k] {
			assert.Empty(t, placeholders(msg.English.Say(msg.Page{Text: k})), "t(%q) leaves its parts unfilled", k)
		}
	}

	// No words of the page's own: the table of texts is gone from the
	// script, and the markup's elements are empty until the texts come.
	assert.NotContains(t, js, "TEXTS")
	for _, w := range []string{"Välj", "Skicka", "Kontrollera", "Choose the"} {
		assert.NotContains(t, html, w)
		assert.NotContains(t, js, w)
	}
}

// TestPageShownWithItsTexts: the page is hidden until app.js has its
// texts, so that it never shows words in another language first.
func TestPageShownWithItsTexts(t *testing.T) {
	h := newHarness(t)
	resp := h.do("GET", "/", nil, "")
	require.Equal(t, http.StatusOK, resp.StatusCode)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Contains(t, string(body), "<body hidden>")
}

package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pageKeys are the PageText constants page.go declares, in its order,
// by their Go names and their keys.
func pageKeys(t *testing.T) (names []string, keys []PageText) {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "page.go", nil, 0)
	require.NoError(t, err)
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if id, ok := v.Type.(*ast.Ident); !ok || id.Name != "PageText" {
				t.Errorf("page.go: give %s its type, PageText", v.Names[0].Name)
				continue
			}
			lit := v.Values[0].(*ast.BasicLit)
			names = append(names, v.Names[0].Name)
			keys = append(keys, PageText(strings.Trim(lit.Value, `"`)))
		}
	}
	require.NotEmpty(t, names)
	return names, keys
}

// tableOrder is the order a language's table (pageEN in en.go) lists
// its texts in, by their Go names.
func tableOrder(t *testing.T, file, table string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	require.NoError(t, err)
	var names []string
	ast.Inspect(f, func(n ast.Node) bool {
		v, ok := n.(*ast.ValueSpec)
		if !ok || v.Names[0].Name != table {
			return true
		}
		for _, e := range v.Values[0].(*ast.CompositeLit).Elts {
			names = append(names, e.(*ast.KeyValueExpr).Key.(*ast.Ident).Name)
		}
		return false
	})
	require.NotEmpty(t, names, "%s in %s", table, file)
	return names
}

// samePageTexts are the page's texts said alike in English and Swedish.
var samePageTexts = []PageText{
	PageStatus, PageThStatus, PageFmtXlsx, PageFmtCsv, PageFieldPersonnummer, PageSummaryEnd, PageDoneEnd,
}

var placeholder = regexp.MustCompile(`\{[^{}]*\}`)

// placeholders are the parts a text names for the page to fill in.
func placeholders(s string) []string {
	p := placeholder.FindAllString(s, -1)
	slices.Sort(p)
	return slices.Compact(p)
}

// TestEveryPageText: every language's table of the page's texts holds
// every key page.go declares, and no other, in page.go's order; no text
// is empty or holds markup; each names the same parts to fill in as
// English does, as {name}; and the Swedish is not the English copied.
func TestEveryPageText(t *testing.T) {
	names, keys := pageKeys(t)
	assert.Len(t, slices.Compact(slices.Sorted(slices.Values(keys))), len(keys), "two constants with one key")
	sorted := slices.Sorted(slices.Values(keys))
	assert.Equal(t, sorted, PageTexts(), "PageTexts lists every key")
	tables := map[Lang]struct {
		file, name string
		words      map[PageText]string
	}{English: {"en.go", "pageEN", pageEN}, Swedish: {"sv.go", "pageSV", pageSV}}
	for _, l := range Langs() {
		tab := tables[l]
		require.NotNil(t, tab.words, "%s has a table of the page's texts", l)
		assert.Equal(t, names, tableOrder(t, tab.file, tab.name), "%s lists the page's texts in page.go's order", tab.name)
		for _, k := range keys {
			said := l.Say(Page{Text: k})
			assert.NotContains(t, said, "!(", "%s has no %s", k, l)
			assert.NotEmpty(t, strings.TrimSpace(said), "%s, %s", k, l)
			assert.NotContains(t, said, "<", "%s, %s: text, not markup", k, l)
			assert.Equal(t, placeholders(English.Say(Page{Text: k})), placeholders(said), "%s, %s: the parts to fill in", k, l)
			for _, p := range placeholders(said) {
				assert.Regexp(t, `^\{[a-z][A-Za-z]*\}$`, p, "%s, %s", k, l)
			}
		}
		assert.Len(t, tab.words, len(keys), "%s holds no key page.go lacks", tab.name)
	}
	for _, k := range keys {
		if !slices.Contains(samePageTexts, k) {
			assert.NotEqual(t, English.Say(Page{Text: k}), Swedish.Say(Page{Text: k}), "%s: the Swedish is the English", k)
		}
	}
}

// TestPageTextMissing: a text no table has shows as its key.
func TestPageTextMissing(t *testing.T) {
	assert.Equal(t, "!(msg.PageText nowhere)", Swedish.Say(Page{Text: "nowhere"}))
}

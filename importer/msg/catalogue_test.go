package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// declared finds the message types this package declares, from its own
// source: every struct type that embeds message, and any type that has
// message's method of its own.
func declared(t *testing.T) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	var names []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.TypeSpec:
				if st, ok := n.Type.(*ast.StructType); ok && embedsMessage(st) {
					names = append(names, n.Name.Name)
				}
				return false
			case *ast.FuncDecl:
				if n.Name.Name == "isMessage" && n.Recv != nil {
					if id, ok := n.Recv.List[0].Type.(*ast.Ident); ok && id.Name != "message" {
						names = append(names, id.Name)
					}
				}
				return false
			}
			return true
		})
	}
	require.NotEmpty(t, names)
	slices.Sort(names)
	return slices.Compact(names)
}

func embedsMessage(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		if id, ok := f.Type.(*ast.Ident); ok && len(f.Names) == 0 && id.Name == "message" {
			return true
		}
	}
	return false
}

// TestEveryMessageInEveryLanguage: each message type has exactly one
// entry in every catalogue, each entry is for a message type of this
// package, and the catalogues list them in the same order.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	types := declared(t)
	pkg := reflect.TypeFor[message]().PkgPath()
	for _, l := range Langs() {
		t.Run(string(l), func(t *testing.T) {
			have := map[string]int{}
			for _, e := range languages[l] {
				if e.typ.PkgPath() != pkg || !slices.Contains(types, e.typ.Name()) {
					t.Errorf("the entry for %s is not for a message type of this package", e.typ)
					continue
				}
				have[e.typ.Name()]++
			}
			for _, name := range types {
				switch have[name] {
				case 1:
				case 0:
					t.Errorf("%s has no %s: add it to the catalogue", name, l)
				default:
					t.Errorf("%s has %d entries in %s", name, have[name], l)
				}
			}
		})
	}
	order := func(l Lang) []string {
		var names []string
		for _, e := range languages[l] {
			names = append(names, e.typ.Name())
		}
		return names
	}
	for _, l := range Langs()[1:] {
		assert.Equal(t, order(English), order(l), "%s lists its entries in English's order", l)
	}
}

// TestCauses: a message that says why with an error (a field Err) has a
// Cause, so that its error unwraps to it.
func TestCauses(t *testing.T) {
	for _, e := range english {
		if e.typ.Kind() != reflect.Struct {
			continue
		}
		if f, ok := e.typ.FieldByName("Err"); ok && f.Type == reflect.TypeFor[error]() {
			assert.Implements(t, (*causer)(nil), reflect.Zero(e.typ).Interface(), e.typ.Name())
		}
	}
}

// sample fills every field of a message of type typ with something to
// say: the messages and errors inside say something of their own.
func sample(typ reflect.Type) Message {
	v := reflect.New(typ).Elem()
	fill(v)
	return v.Interface().(Message)
}

// fill gives v, and every exported field and element in it, a value.
func fill(v reflect.Value) {
	switch t := v.Type(); {
	case t == reflect.TypeFor[error]():
		v.Set(reflect.ValueOf(Error(Required{})))
	case t == reflect.TypeFor[Message]():
		v.Set(reflect.ValueOf(Message(Required{})))
	case t == reflect.TypeFor[time.Time]():
		v.Set(reflect.ValueOf(time.Date(2026, 11, 26, 10, 15, 0, 0, time.UTC)))
	case t == reflect.TypeFor[time.Duration]():
		v.Set(reflect.ValueOf(30 * time.Second))
	case t == reflect.TypeFor[LedgerStep]():
		v.Set(reflect.ValueOf(BeginRun))
	case t == reflect.TypeFor[Identity]():
		v.Set(reflect.ValueOf(ByEmail))
	case t == reflect.TypeFor[PersonField]():
		v.Set(reflect.ValueOf(FieldPhone))
	case t == reflect.TypeFor[PageText]():
		v.Set(reflect.ValueOf(PageHFile))
	case t.Kind() == reflect.Struct:
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	case t.Kind() == reflect.Slice:
		v.Set(reflect.MakeSlice(t, 2, 2))
		for i := range 2 {
			fill(v.Index(i))
		}
		if t.Elem() == reflect.TypeFor[Message]() {
			v.Index(1).Set(reflect.ValueOf(Message(NotPhone{})))
		}
	case t.Kind() == reflect.String:
		v.SetString("x")
	case t.Kind() == reflect.Bool:
		v.SetBool(true)
	case t.Kind() == reflect.Uint8:
		v.SetUint(0x81)
	case t.Kind() == reflect.Uint32: // a file's mode
		v.SetUint(0o644)
	case t.Kind() == reflect.Int32: // a rune
		v.SetInt(';')
	case t.Kind() == reflect.Int || t.Kind() == reflect.Int64:
		v.SetInt(7)
	case t.Kind() == reflect.Float64:
		v.SetFloat(1.5)
	default:
		panic("sample: no value for a " + t.String())
	}
}

// sameEverywhere are the messages said alike in every language.
var sameEverywhere = []Message{Verbatim{}, Joined{}, SummaryStatus{}}

// TestSayEveryMessage says every message, with its fields zero and
// filled, in every language: none panics, none is missing, and each is
// said in words of its own in Swedish, not English ones copied.
func TestSayEveryMessage(t *testing.T) {
	for _, e := range english {
		t.Run(e.typ.Name(), func(t *testing.T) {
			zero := reflect.Zero(e.typ).Interface().(Message)
			filled := sample(e.typ)
			for _, l := range Langs() {
				assert.NotPanics(t, func() { l.Say(zero) }, "%s, zero", l)
				var said string
				require.NotPanics(t, func() { said = l.Say(filled) }, "%s", l)
				assert.NotContains(t, said, "!(", "%s has no %s", e.typ.Name(), l)
				if !slices.ContainsFunc(sameEverywhere, func(m Message) bool { return reflect.TypeOf(m) == e.typ }) {
					assert.NotEmpty(t, said, l)
				}
			}
			if !slices.ContainsFunc(sameEverywhere, func(m Message) bool { return reflect.TypeOf(m) == e.typ }) {
				assert.NotEqual(t, English.Say(filled), Swedish.Say(filled), "the Swedish is the English")
			}
		})
	}
}

// TestEveryLedgerStep: LedgerFailed says every step in every language,
// each in words of its own.
func TestEveryLedgerStep(t *testing.T) {
	cause := Error(Verbatim{Text: "database is locked"})
	for s := range numLedgerSteps {
		m := LedgerFailed{Step: s, Err: cause}
		for _, l := range Langs() {
			said := l.Say(m)
			assert.NotContains(t, said, "!(", "step %d has no %s", s, l)
			assert.True(t, strings.HasSuffix(said, ": database is locked"), said)
		}
		assert.NotEqual(t, English.Say(m), Swedish.Say(m), "step %d: the Swedish is the English", s)
	}
	assert.Equal(t, "!(msg.LedgerStep 200)", English.Say(LedgerFailed{Step: 200, Err: cause})[:21],
		"a step no language has is shown as its number")
}

// TestMissingIsShown: a message no catalogue knows is shown as its type,
// never in another language's words.
func TestMissingIsShown(t *testing.T) {
	type unknown struct{ message }
	assert.Equal(t, "!(msg.unknown)", Swedish.Say(unknown{}))
}

package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"runtime"
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

// cases lists the message types l's catalogue has a case for, in its
// order, from its source (en.go for English): the function catalogueOf
// gives for l.
func cases(t *testing.T, l Lang) []string {
	t.Helper()
	say := catalogueOf(l)
	require.NotNil(t, say, "no catalogue for %s", l)
	name := runtime.FuncForPC(reflect.ValueOf(say).Pointer()).Name()
	name = name[strings.LastIndexByte(name, '.')+1:]
	f, err := parser.ParseFile(token.NewFileSet(), string(l)+".go", nil, 0)
	require.NoError(t, err)
	var names []string
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Name.Name != name {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			if cc, ok := n.(*ast.CaseClause); ok {
				for _, e := range cc.List {
					id, ok := e.(*ast.Ident)
					require.True(t, ok, "%s: a case for %s, not a message type of this package", name, types.ExprString(e))
					names = append(names, id.Name)
				}
				return false
			}
			return true
		})
	}
	require.NotEmpty(t, names, "%s.go has no func %s with a case for a message", l, name)
	return names
}

// TestEveryMessageInEveryLanguage: each message type has exactly one
// case in every catalogue, each case is for a message type of this
// package, and the catalogues list them in the same order.
func TestEveryMessageInEveryLanguage(t *testing.T) {
	declaredNames := declared(t)
	for _, l := range Langs() {
		t.Run(string(l), func(t *testing.T) {
			have := map[string]int{}
			for _, name := range cases(t, l) {
				if !slices.Contains(declaredNames, name) {
					t.Errorf("the case for %s is not for a message type of this package", name)
					continue
				}
				have[name]++
			}
			for _, name := range declaredNames {
				switch have[name] {
				case 1:
				case 0:
					t.Errorf("%s has no %s: add its case to the catalogue", name, l)
				default:
					t.Errorf("%s has %d cases in %s", name, have[name], l)
				}
			}
		})
	}
	for _, l := range Langs()[1:] {
		assert.Equal(t, cases(t, English), cases(t, l), "%s lists its cases in English's order", l)
	}
}

// TestMessageTypes: messageTypes lists every message type declared here,
// once, in english's order.
func TestMessageTypes(t *testing.T) {
	pkg := reflect.TypeFor[message]().PkgPath()
	var names []string
	for _, typ := range messageTypes {
		assert.Equal(t, pkg, typ.PkgPath(), typ.String())
		names = append(names, typ.Name())
	}
	assert.Equal(t, cases(t, English), names, "add reflect.TypeFor[T]() to messageTypes in types_test.go, in english's order")
}

// TestCauses: a message that says why with an error (a field Err) has a
// Cause, so that its error unwraps to it.
func TestCauses(t *testing.T) {
	for _, typ := range messageTypes {
		if typ.Kind() != reflect.Struct {
			continue
		}
		if f, ok := typ.FieldByName("Err"); ok && f.Type == reflect.TypeFor[error]() {
			assert.Implements(t, (*causer)(nil), reflect.Zero(typ).Interface(), typ.Name())
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
	for _, typ := range messageTypes {
		t.Run(typ.Name(), func(t *testing.T) {
			zero := reflect.Zero(typ).Interface().(Message)
			filled := sample(typ)
			for _, l := range Langs() {
				assert.NotPanics(t, func() { l.Say(zero) }, "%s, zero", l)
				var said string
				require.NotPanics(t, func() { said = l.Say(filled) }, "%s", l)
				assert.NotContains(t, said, "!(", "%s has no %s", typ.Name(), l)
				if !slices.ContainsFunc(sameEverywhere, func(m Message) bool { return reflect.TypeOf(m) == typ }) {
					assert.NotEmpty(t, said, l)
				}
			}
			if !slices.ContainsFunc(sameEverywhere, func(m Message) bool { return reflect.TypeOf(m) == typ }) {
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

package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryMessageIsSaid: each message type is made somewhere in
// leadimport outside this package (a literal msg.Name{…}): a catalogue's
// case that nothing says is dead weight.
func TestEveryMessageIsSaid(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	require.FileExists(t, filepath.Join(root, "go.mod"))
	self, err := filepath.Abs(".")
	require.NoError(t, err)
	made := map[string]bool{"Verbatim": true, "Joined": true, "BadLang": true} // Of and ParseLang make them
	fset := token.NewFileSet()
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path == self || path != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "out") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		name := importName(f, "leadimport/importer/msg")
		if name == "" {
			return nil
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if cl, ok := n.(*ast.CompositeLit); ok {
				if sel, ok := cl.Type.(*ast.SelectorExpr); ok {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == name {
						made[sel.Sel.Name] = true
					}
				}
			}
			return true
		})
		return nil
	})
	require.NoError(t, err)
	for _, name := range declared(t) {
		assert.True(t, made[name], "nothing outside msg makes a %s", name)
	}
}

// importName is the name f refers to the package path by, or "".
func importName(f *ast.File, path string) string {
	for _, imp := range f.Imports {
		if strings.Trim(imp.Path.Value, `"`) != path {
			continue
		}
		if imp.Name != nil {
			return imp.Name.Name
		}
		return path[strings.LastIndexByte(path, '/')+1:]
	}
	return ""
}

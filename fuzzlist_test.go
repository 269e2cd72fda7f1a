package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMakeFuzzRunsEveryFuzzTest: every fuzz test in the tree is in one of
// the Makefile's lists, and make fuzz runs that list in the fuzz test's
// package, so that a new fuzz test is not left out of make fuzz (as
// FuzzSpoolRead was).
func TestMakeFuzzRunsEveryFuzzTest(t *testing.T) {
	makefile, err := os.ReadFile("Makefile")
	require.NoError(t, err)
	// NAME_FUZZ := FuzzA FuzzB
	lists := map[string][]string{}
	for _, m := range regexp.MustCompile(`(?m)^([A-Z]+_FUZZ)\s*:=\s*(.*)$`).FindAllStringSubmatch(string(makefile), -1) {
		lists[m[1]] = strings.Fields(m[2])
	}
	require.NotEmpty(t, lists, "no *_FUZZ lists in the Makefile")
	// for f in $(NAME_FUZZ); do ... ./dir/ || exit 1; done
	ran := map[string]bool{} // dir/FuzzName
	for _, m := range regexp.MustCompile(`for f in \$\(([A-Z]+_FUZZ)\);.* \./([^ ]*?)/? \|\|`).FindAllStringSubmatch(string(makefile), -1) {
		dir := filepath.Clean(m[2])
		for _, name := range lists[m[1]] {
			ran[dir+"/"+name] = true
		}
	}

	fuzzFunc := regexp.MustCompile(`(?m)^func (Fuzz\w+)\(`)
	var found []string
	err = filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "out" || d.Name() == "dist" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range fuzzFunc.FindAllStringSubmatch(string(src), -1) {
			found = append(found, filepath.Dir(path)+"/"+m[1])
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, found)
	for _, f := range found {
		assert.True(t, ran[f], "%s is not run by make fuzz: add it to the Makefile's list for its package", f)
	}
}

// Package remember keeps the mappings a person confirmed on serve's page,
// each under the set of headers it was made for, so that the next sheet
// with the same headers (in any order) gets it proposed, by the page and
// by leadimport init. Only headers and field names are kept, and how the
// sheet is read (sheet, header row, encoding, delimiter): no cell, no
// constant.
//
//	st := remember.Store{Dir: dir}
//	_, err := st.Save(header, m)
//	text, path, ok, err := st.Find(header)
package remember

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"leadimport/mapping"
)

// Store is a folder of remembered mappings, one file per set of headers.
type Store struct{ Dir string }

// ConfigDir is leadimport's folder in the user's configuration folder:
// $XDG_CONFIG_HOME/leadimport (else ~/.config/leadimport) on Linux,
// ~/Library/Application Support/leadimport on macOS, %AppData%\leadimport
// on Windows.
func ConfigDir(getenv func(string) string, goos string) (string, error) {
	switch goos {
	case "windows":
		dir := getenv("AppData")
		if dir == "" {
			return "", errors.New("%AppData% is not set")
		}
		return strings.TrimRight(dir, `\/`) + `\leadimport`, nil
	case "darwin", "ios":
		home := getenv("HOME")
		if home == "" {
			return "", errors.New("$HOME is not set")
		}
		return path.Join(home, "Library", "Application Support", "leadimport"), nil
	}
	if dir := getenv("XDG_CONFIG_HOME"); strings.HasPrefix(dir, "/") {
		return path.Join(dir, "leadimport"), nil
	}
	home := getenv("HOME")
	if home == "" {
		return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME is set")
	}
	return path.Join(home, ".config", "leadimport"), nil
}

// DefaultDir is where mappings are remembered: mappings in ConfigDir.
func DefaultDir(getenv func(string) string, goos string) (string, error) {
	dir, err := ConfigDir(getenv, goos)
	if err != nil {
		return "", err
	}
	if goos == "windows" {
		return dir + `\mappings`, nil
	}
	return path.Join(dir, "mappings"), nil
}

// key names a set of headers: the same whatever their order, case or
// surrounding spaces; blank headers do not count.
func key(header []string) string {
	var hs []string
	for _, h := range header {
		if h = strings.ToLower(strings.TrimSpace(h)); h != "" {
			hs = append(hs, h)
		}
	}
	slices.Sort(hs)
	hs = slices.Compact(hs)
	sum := sha256.Sum256([]byte(strings.Join(hs, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// Path is the file that holds the mapping remembered for header.
func (s Store) Path(header []string) string {
	return filepath.Join(s.Dir, key(header)+".yaml")
}

// Find returns the mapping remembered for header as a mapping file's
// text, with the constants a proposal has (placeholders for the ids, to
// fill in: none is remembered), and the file it is kept in.
func (s Store) Find(header []string) (text string, file string, ok bool, err error) {
	if s.Dir == "" {
		return "", "", false, nil
	}
	file = s.Path(header)
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return "", "", false, nil
	}
	if err != nil {
		return "", "", false, err
	}
	// Only a mapping that still reads is proposed.
	m, err := mapping.Parse(strings.NewReader(string(data)), file)
	if err != nil {
		return "", "", false, nil
	}
	return string(data) + mapping.ConstantsYAML(m), file, true, nil
}

// Save remembers m's columns and input section for header, over what was
// remembered for it before, and returns the file's path.
func (s Store) Save(header []string, m *mapping.Mapping) (string, error) {
	if s.Dir == "" {
		return "", nil
	}
	if err := os.MkdirAll(s.Dir, 0o700); err != nil {
		return "", err
	}
	file := s.Path(header)
	tmp, err := os.CreateTemp(s.Dir, ".remember-*")
	if err != nil {
		return "", err
	}
	_, err = tmp.WriteString(Text(m))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return file, nil
}

// Text is what Save keeps of m: a mapping file of its columns and its
// input section, which Parse reads. Headers are written as JSON strings,
// which YAML reads as its double-quoted scalars.
func Text(m *mapping.Mapping) string {
	var b strings.Builder
	b.WriteString("# Remembered by leadimport for sheets with these headers: the columns only.\n")
	fmt.Fprintf(&b, "version: 1\nendpoint: %s\ncolumns:\n", m.Endpoint)
	for _, c := range m.Columns {
		fmt.Fprintf(&b, "  %s: %s\n", quote(c.Header), c.Field)
	}
	in := m.Input
	var lines []string
	if in.Sheet != "" {
		lines = append(lines, "sheet: "+quote(in.Sheet))
	}
	if in.HeaderRow > 0 {
		lines = append(lines, "headerRow: "+strconv.Itoa(in.HeaderRow))
	}
	if in.Encoding != "" {
		lines = append(lines, "encoding: "+quote(in.Encoding))
	}
	switch in.Delimiter {
	case 0:
	case '\t':
		lines = append(lines, "delimiter: tab")
	default:
		lines = append(lines, "delimiter: "+quote(string(in.Delimiter)))
	}
	if len(lines) > 0 {
		b.WriteString("input:\n")
		for _, l := range lines {
			b.WriteString("  " + l + "\n")
		}
	}
	return b.String()
}

func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

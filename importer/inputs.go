package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"leadimport/importer/msg"
	"leadimport/importer/regular"
)

// lockPrefix starts the name of the lock file Office keeps beside a
// workbook while it is open: ~$visning.xlsx beside visning.xlsx. (Word,
// and Excel for some long names, put it over the name's first one or two
// characters instead: ~$sning.xlsx.)
const lockPrefix = "~$"

// Expanded is what ExpandInputs found.
type Expanded struct {
	Inputs []string
	// InFolder holds the inputs found in a folder rather than named: the
	// ones --settle holds back while they may still be being written.
	InFolder map[string]bool
	Warnings []msg.Message
}

// ExpandInputs replaces each directory among paths by the spreadsheets in
// it (CSV and XLSX, sorted by name; hidden files left out), so that a cron
// job can name its inbox folder. A directory may hold none: a night
// without files is not an error.
//
// Excel's lock files are never inputs. One beside a workbook that is read
// (in a folder, or named with it by a glob) says the workbook is open in
// Excel, and the rows changed since its last save are not read: that is
// a warning, and the workbook is read as it was saved. A lock file named
// on its own is an error that names its workbook.
func ExpandInputs(paths []string) (Expanded, error) {
	x := Expanded{InFolder: map[string]bool{}}
	for _, p := range paths {
		st, err := os.Stat(p)
		switch {
		case err == nil && st.IsDir():
			found, skipped, err := spreadsheetsIn(p)
			if err != nil {
				return Expanded{}, err
			}
			for _, f := range found {
				x.InFolder[f] = true
			}
			x.Inputs = append(x.Inputs, found...)
			x.Warnings = append(x.Warnings, skipped...)
		case isLockFile(p):
			if wb := workbookOf(p); wb == "" || !slices.Contains(paths, wb) {
				return Expanded{}, msg.Error(msg.OpenInExcel{Workbook: wb, Lock: p})
			}
			// The workbook is named too (a glob): it says so below.
		default:
			x.Inputs = append(x.Inputs, p) // opening it says what is wrong
		}
	}
	for _, in := range x.Inputs {
		if lock := lockOf(in); lock != "" {
			x.Warnings = append(x.Warnings, msg.OpenInExcel{Workbook: in, Lock: lock})
		}
	}
	return x, nil
}

// spreadsheetsIn lists the spreadsheets in dir, sorted by name. Those
// that are not regular files are skipped, each with a warning: a link
// (which may point anywhere: an inbox is written to by others), a FIFO
// (which would block the run for good), a socket or a device.
func spreadsheetsIn(dir string) (out []string, skipped []msg.Message, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, msg.Error(msg.ReadFolder{Path: dir, Err: err})
	}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasPrefix(name, ".") || strings.HasPrefix(name, lockPrefix) {
			continue
		}
		switch strings.ToLower(filepath.Ext(name)) {
		case ".csv", ".txt", ".tsv", ".xlsx", ".xlsm":
			path := filepath.Join(dir, name)
			if !regular.Readable(e.Type()) {
				skipped = append(skipped, msg.SkippedInFolder{Path: path, Kind: regular.Kind(e.Type())})
				continue
			}
			out = append(out, path)
		}
	}
	return out, skipped, nil
}

func isLockFile(path string) bool { return strings.HasPrefix(filepath.Base(path), lockPrefix) }

// workbookOf is the workbook beside lock that the lock file is for, or ""
// when there is none: the name after ~$, or a name that ends with it and
// is one or two characters longer.
func workbookOf(lock string) string {
	dir, rest := filepath.Dir(lock), strings.TrimPrefix(filepath.Base(lock), lockPrefix)
	if rest == "" {
		return ""
	}
	if exists(filepath.Join(dir, rest)) {
		return filepath.Join(dir, rest)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	for _, e := range entries {
		name := e.Name()
		n := utf8.RuneCountInString(name) - utf8.RuneCountInString(rest)
		if (n == 1 || n == 2) && strings.HasSuffix(name, rest) && !strings.HasPrefix(name, lockPrefix) {
			return filepath.Join(dir, name)
		}
	}
	return ""
}

// lockOf is the lock file beside workbook that says it is open, or "".
func lockOf(workbook string) string {
	dir, name := filepath.Dir(workbook), []rune(filepath.Base(workbook))
	for cut := 0; cut <= 2 && cut < len(name); cut++ {
		if lock := filepath.Join(dir, lockPrefix+string(name[cut:])); exists(lock) {
			return lock
		}
	}
	return ""
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

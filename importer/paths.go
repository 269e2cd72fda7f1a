package importer

import (
	"os"
	"path/filepath"

	"leadimport/importer/msg"
)

// A Role is a file or folder a run is given, named as the user gave it.
type Role struct {
	Flag string // "--report", "--ledger", "input", ...
	Path string
}

// Distinct refuses roles of which two are the same file: `--ledger L
// --report L` would write the report over the ledger. Files that exist are
// compared with os.SameFile (a link, another spelling of the path); one
// that does not yet exist by its cleaned absolute path. Inputs are not
// compared with each other (naming a file twice is harmless), only with
// the rest. It writes nothing, so it can run before anything is.
func Distinct(roles []Role, inputs []string) error {
	type seen struct {
		Role
		st  os.FileInfo
		abs string
	}
	look := func(r Role) seen {
		s := seen{Role: r}
		s.st, _ = os.Stat(r.Path)
		if abs, err := filepath.Abs(r.Path); err == nil {
			s.abs = abs
		}
		return s
	}
	var all []seen
	for _, r := range roles {
		if r.Path != "" {
			all = append(all, look(r))
		}
	}
	others := len(all)
	for _, in := range inputs {
		all = append(all, look(Role{Flag: "input", Path: in}))
	}
	for i := range others {
		for j := i + 1; j < len(all); j++ {
			a, b := all[i], all[j]
			same := a.abs != "" && a.abs == b.abs
			if a.st != nil && b.st != nil {
				same = os.SameFile(a.st, b.st)
			}
			if same {
				return msg.Error(msg.SamePath{Flag: a.Flag, Path: a.Path, Other: b.Flag, OtherPath: b.Path})
			}
		}
	}
	return nil
}

// ProblemsPath is where --report-problems writes beside a report at path.
func ProblemsPath(path string) string { return problemsPath(path) }

// ReportFile is the one report file --report names, or "" when it names
// a directory (existing, or written with a trailing separator), whose
// reports take new names that cannot be another file.
func ReportFile(report string) string {
	if report == "" || asksForDir(report) {
		return ""
	}
	if st, err := os.Stat(report); err == nil && st.IsDir() {
		return ""
	}
	return report
}

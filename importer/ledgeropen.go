package importer

import (
	"runtime"

	"leadimport/importer/ledger"
	"leadimport/importer/msg"
)

// LedgerPath is the ledger's path: path when given, else the default
// place in the user's state directory (ledger.DefaultPath), as run,
// history and serve all find it.
func LedgerPath(path string, getenv func(string) string) (string, error) {
	if path != "" {
		return path, nil
	}
	p, err := ledger.DefaultPath(getenv, runtime.GOOS)
	if err != nil {
		return "", msg.Error(msg.NoLedgerPlace{Err: err})
	}
	return p, nil
}

// OpenLedger opens the ledger at path, or at the default place, as mode
// says.
func OpenLedger(path string, getenv func(string) string, mode ledger.Mode) (*ledger.Ledger, error) {
	p, err := LedgerPath(path, getenv)
	if err != nil {
		return nil, err
	}
	return ledger.OpenMode(p, mode)
}

//go:build windows

package ledger

import (
	"os"
	"syscall"
)

// errorSharingViolation is ERROR_SHARING_VIOLATION, which package syscall
// does not name.
const errorSharingViolation = syscall.Errno(32)

// tryLock opens path for writing while denying write access to every other
// open. Windows drops the denial when the handle closes, which it does when
// the process dies, so, like flock on unix, a dead holder leaves no lock.
// Reading stays shared, so a refused run can read who holds it.
func tryLock(path string) (f *os.File, busy bool, err error) {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return nil, false, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ|syscall.GENERIC_WRITE, syscall.FILE_SHARE_READ,
		nil, syscall.OPEN_ALWAYS, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err == errorSharingViolation {
		return nil, true, nil
	}
	if err != nil {
		return nil, false, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(h), path), false, nil
}

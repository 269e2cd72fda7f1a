//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly || illumos

package ledger

import (
	"errors"
	"os"
	"syscall"
)

// tryLock opens path and takes flock(2) on it without waiting. flock belongs
// to the open file description, so a second open in the same process
// conflicts too, and the kernel drops it when the holder dies, even by
// SIGKILL.
func tryLock(path string) (f *os.File, busy bool, err error) {
	f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, false, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if !errors.Is(err, syscall.EINTR) {
			break
		}
	}
	switch {
	case err == nil:
		return f, false, nil
	case errors.Is(err, syscall.EWOULDBLOCK):
		f.Close()
		return nil, true, nil
	default:
		f.Close()
		return nil, false, err
	}
}

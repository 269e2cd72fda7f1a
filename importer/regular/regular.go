// Package regular opens files that are regular files, and refuses the
// rest: a named pipe (FIFO) blocks its opener until a writer comes, which
// on a cron night is never, a device or a socket is no spreadsheet, and
// neither can be stopped once the open blocks.
//
//	f, err := regular.Open("inbox/visning.csv") // a FIFO: ErrNotRegular, at once
package regular

import (
	"errors"
	"io/fs"
	"os"
	"syscall"

	"leadimport/importer/msg"
)

// ErrNotRegular is a path that is not a regular file (errors.Is).
var ErrNotRegular = errors.New("not a regular file")

// notFile are the kinds of file that are not a file's contents: what
// blocks its opener or is no document.
const notFile = fs.ModeNamedPipe | fs.ModeSocket | fs.ModeDevice | fs.ModeCharDevice | fs.ModeDir | fs.ModeSymlink

// Readable reports whether a file of mode is one to read: a regular file,
// or one Go calls irregular for what it is stored as, not what it is (on
// Windows, a file kept by OneDrive or another cloud folder is a reparse
// point, fs.ModeIrregular, and reads as any other).
func Readable(mode fs.FileMode) bool { return mode&notFile == 0 }

// Open opens path for reading when it is a regular file (a symbolic link
// to one is followed). It opens without blocking, so that a FIFO cannot
// hang it, and checks the file it opened, not the name, so that nothing
// swapped in between is read.
func Open(path string) (*os.File, error) {
	if st, err := os.Stat(path); err == nil && !Readable(st.Mode()) {
		return nil, Refuse(path, st.Mode())
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !Readable(st.Mode()) {
		f.Close()
		return nil, Refuse(path, st.Mode())
	}
	return f, nil
}

// Check returns ErrNotRegular (said as msg.NotRegular) when path exists
// and is not a regular file; nil when it is one or does not exist.
func Check(path string) error {
	st, err := os.Stat(path)
	if err != nil || Readable(st.Mode()) {
		return nil
	}
	return Refuse(path, st.Mode())
}

// Refuse is the error for path, of mode, that is not a regular file.
func Refuse(path string, mode fs.FileMode) error {
	return msg.Error(msg.NotRegular{Path: path, Kind: Kind(mode)}, ErrNotRegular)
}

// Kind names what a file of mode is, for msg.NotRegular.
func Kind(mode fs.FileMode) msg.FileKind {
	switch {
	case mode&fs.ModeNamedPipe != 0:
		return msg.KindFIFO
	case mode&fs.ModeSocket != 0:
		return msg.KindSocket
	case mode&fs.ModeDevice != 0:
		return msg.KindDevice
	case mode.IsDir():
		return msg.KindFolder
	case mode&fs.ModeSymlink != 0:
		return msg.KindLink
	}
	return msg.KindOther
}

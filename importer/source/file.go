package source

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"leadimport/importer/msg"
	"leadimport/importer/regular"
)

// File is an input opened once, to be read as many ways as a caller must
// try (as an earlier run's report, as each mapping says) without opening
// it again: every Reader of it reads the same file, even if another is
// put in its place meanwhile, and a workbook's parts read whole (its
// shared strings, which may take seconds and a few hundred MiB) are read
// once for all of them.
//
//	f, err := source.OpenFile("visning.xlsx")
//	if err != nil { ... }
//	defer f.Close()
//	r, err := f.Open(source.Options{Sheet: "Anmälda"})
type File struct {
	path string
	f    *os.File
	book *workbook // an XLSX's; nil for CSV
}

// OpenFile opens the file at path, choosing the format by its extension
// as Open does. A workbook that cannot be read is refused here; what
// depends on Options (the sheet, the header) is refused by Open.
func OpenFile(path string) (*File, error) {
	return openFile(path, defaultLimits)
}

func openFile(path string, limits xlsxLimits) (_ *File, err error) {
	xlsx := false
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt", ".tsv":
	case ".xlsx", ".xlsm":
		xlsx = true
	default:
		return nil, fileError(path, msg.UnsupportedFile{Ext: filepath.Ext(path)}, ErrUnsupported)
	}
	osf, err := regular.Open(path)
	if err != nil {
		return nil, openError(path, err)
	}
	f := &File{path: path, f: osf}
	defer func() {
		if err != nil {
			f.Close()
		}
	}()
	if xlsx {
		if f.book, err = readBook(path, osf, limits); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// readBook reads a workbook's central directory and its small parts,
// refusing a zip bomb before a byte of it is unpacked.
func readBook(path string, osf *os.File, limits xlsxLimits) (*workbook, error) {
	info, err := osf.Stat()
	if err != nil {
		return nil, fileError(path, msg.CannotOpen{Err: withoutPath(err)})
	}
	if err := checkZipMagic(path, osf, info.Size()); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(osf, info.Size())
	if err != nil {
		return nil, fileError(path, msg.Incomplete{Err: err}, ErrIncomplete)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
	}
	if total > uint64(limits.unzip) {
		return nil, fileError(path, msg.ZipBomb{MiB: limits.unzip >> 20}, ErrZipBomb)
	}
	return readWorkbook(path, zr, limits)
}

// Open starts a Reader of the file as opt says. Readers of one File may
// be used at once; closing one leaves the File open.
func (f *File) Open(opt Options) (Reader, error) {
	if f.f == nil {
		return nil, fileError(f.path, msg.CannotOpen{Err: os.ErrClosed})
	}
	if f.book != nil {
		return f.openSheet(opt)
	}
	// Each Reader reads from the start, at its own offset: a section as
	// long as any file can be ends where the file ends when it is read,
	// which for a file still being written is further each time.
	return newCSV(io.NewSectionReader(f.f, 0, 1<<62), f.path, opt)
}

// Content is the file's bytes from the start, as they are when read.
func (f *File) Content() io.Reader { return io.NewSectionReader(f.f, 0, 1<<62) }

// Close closes the file. Readers of it must not be used after.
func (f *File) Close() error {
	if f.f == nil {
		return nil
	}
	err := f.f.Close()
	f.f = nil
	return err
}

// closing is a Reader that closes its File too: what Open returns.
type closing struct {
	Reader
	file *File
}

func (c *closing) Close() error { return errors.Join(c.Reader.Close(), c.file.Close()) }

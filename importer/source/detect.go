package source

import (
	"bufio"
	"bytes"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"

	"leadimport/importer/msg"
)

// What a file's first bytes say it is, whatever its name says.
var (
	zipMagic = []byte("PK\x03\x04")
	// cfbMagic starts an OLE compound file: an Excel 97–2003 .xls, and
	// also an .xlsx saved with a password, which Office encrypts into
	// such a container.
	cfbMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// checkNotWorkbook refuses a workbook named as CSV: read as text, it
// would be a screen of binary rows.
func checkNotWorkbook(br *bufio.Reader, name string) error {
	head, _ := br.Peek(len(cfbMagic))
	switch {
	case bytes.HasPrefix(head, zipMagic):
		return fileError(name, msg.WorkbookNamedCSV{Ext: filepath.Ext(name)}, ErrMisnamed)
	case bytes.HasPrefix(head, cfbMagic):
		return fileError(name, msg.XLSNamedCSV{Ext: filepath.Ext(name)}, ErrMisnamed)
	}
	return nil
}

// looksLikeText reports whether head, a file's first bytes, is text: a
// UTF-16 byte order mark, or no NULs and hardly any other control bytes,
// which binary data has one in eight of.
func looksLikeText(head []byte) bool {
	if bytes.HasPrefix(head, utf16LEBOM) || bytes.HasPrefix(head, utf16BEBOM) {
		return true
	}
	if len(head) == 0 {
		return false
	}
	controls := 0
	for _, b := range head {
		switch {
		case b == 0:
			return false
		case b < ' ' && b != '\t' && b != '\n' && b != '\r', b == 0x7F:
			controls++
		}
	}
	return controls*100 <= len(head) && (utf8.Valid(trimCutRune(head)) || controls == 0)
}

// checkCFB says what an OLE compound file named .xlsx is, by its streams:
// Office keeps an encrypted workbook in "EncryptedPackage" (described by
// "EncryptionInfo"), and an Excel 97–2003 file its sheets in "Workbook"
// ("Book" before Excel 97). mscfb reads the directory only, not the
// streams, so this is cheap for any size.
func checkCFB(path string, ra io.ReaderAt) error {
	doc, err := mscfb.New(ra)
	if err != nil {
		return fileError(path, msg.UnreadableContainer{Err: err}, ErrNotXLSX)
	}
	legacy := false
	for n := 0; n < 10000; n++ {
		entry, err := doc.Next()
		if err != nil {
			break
		}
		switch strings.ToLower(entry.Name) {
		case "encryptioninfo", "encryptedpackage":
			return fileError(path, msg.Encrypted{}, ErrEncrypted)
		case "workbook", "book":
			legacy = true
		}
	}
	if legacy {
		return fileError(path, msg.LegacyXLS{}, ErrLegacyXLS)
	}
	return fileError(path, msg.OtherOfficeFile{}, ErrNotXLSX)
}

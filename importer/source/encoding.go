package source

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// textEncoding is what a text file's first bytes said about its encoding.
type textEncoding struct {
	name string // as Describe shows it
	bom  bool
}

func (e textEncoding) String() string {
	if e.bom {
		return e.name + " with BOM"
	}
	return e.name
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeText is the one place where a CSV file's encoding is chosen, and
// the seam for more of them: it returns the text as UTF-8. Today that is
// UTF-8 with or without a BOM (Excel's "CSV UTF-8" writes one), and a file
// in another encoding is caught cell by cell by checkUTF8. To read
// Windows-1252, sniff br here and return a bufio.Reader over a decoder;
// every cell is then valid and checkUTF8 never fires.
func decodeText(br *bufio.Reader) (*bufio.Reader, textEncoding, error) {
	enc := textEncoding{name: "utf-8"}
	start, err := br.Peek(len(utf8BOM))
	if err != nil && err != io.EOF {
		return nil, enc, err
	}
	if bytes.Equal(start, utf8BOM) {
		enc.bom = true
		if _, err := br.Discard(len(utf8BOM)); err != nil {
			return nil, enc, err
		}
	}
	return br, enc, nil
}

// checkUTF8 finds the first cell that is not UTF-8. Nothing downstream
// could show or send such a cell correctly, and a Windows-1252 file is the
// usual cause, so the message says how to save the file instead.
func checkUTF8(cells []string) error {
	for _, c := range cells {
		if !utf8.ValidString(c) {
			return fmt.Errorf(`%w: save it from Excel as "CSV UTF-8" (File > Save As) and try again`, ErrNotUTF8)
		}
	}
	return nil
}

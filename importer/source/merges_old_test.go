package source

import (
	"bufio"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// readMergesOld is readMerges as it was before it searched for the name
// mergeCell, scanning every '<': the two must agree.
func readMergesOld(open func(string) (io.ReadCloser, error), part string) ([]cellRange, error) {
	rc, err := open(part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 64<<10)
	var merges []cellRange
	for len(merges) < maxMerges {
		if _, err := br.ReadSlice('<'); err != nil {
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				return merges, nil
			}
			return nil, err
		}
		name, _ := br.Peek(32)
		end := bytes.IndexAny(name, " \t\r\n/>")
		if end < 0 {
			continue
		}
		name = name[:end]
		if i := bytes.IndexByte(name, ':'); i >= 0 {
			name = name[i+1:]
		}
		if string(name) != "mergeCell" {
			continue
		}
		tag, err := br.ReadSlice('>')
		if err != nil && err != io.EOF {
			continue // a tag longer than the buffer is no mergeCell of Excel's
		}
		if m, ok := parseMerge(tag); ok {
			merges = append(merges, m)
		}
	}
	return merges, nil
}

var mergeCases = []string{
	`<sheetData/><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="$C$2:D3"/></mergeCells>`,
	`<x:mergeCell ref="A1:C1"/><a:b:mergeCell ref="A2:C2"/><<mergeCell ref="A3:C3"/><x<p:mergeCell ref="A4:B4">`,
	`<mergeCell:mergeCell ref="A5:B5"/><` + strings.Repeat("p", 40) + `:mergeCell ref="A6:B6"/><mergeCell ref="A7:B7" <mergeCell ref="A8:B8"/>`,
	`<mergeCell ref="A9:B9"` + strings.Repeat(" ", 70_000) + `/><mergeCell ref="A10:B10"/>`,
	`<mergeCell ref="A11:B11"`,
	strings.Repeat("x", 300_000) + `<mergeCell ref="A12:B12"/>` + strings.Repeat("<c>mergeCell</c>", 30_000) + `<mergeCell ref="A13:B13"/>`,
	`<mergeCell`,
	`mergeCell`,
	``,
}

// TestMergesAgainstOld: readMerges finds what readMergesOld finds, on
// every case, read a few bytes at a time and more.
func TestMergesAgainstOld(t *testing.T) {
	for _, c := range mergeCases {
		for _, chunk := range []int{1, 5, 4096, 1 << 20} {
			open := func(string) (io.ReadCloser, error) {
				return io.NopCloser(&chunked{r: strings.NewReader(c), n: chunk}), nil
			}
			want, err := readMergesOld(open, "sheet")
			require.NoError(t, err)
			got, err := readMerges(open, "sheet")
			require.NoError(t, err)
			require.Equal(t, want, got, "%.200q, %d bytes at a time", c, chunk)
		}
	}
}

// FuzzMerges: readMerges agrees with readMergesOld on any bytes.
func FuzzMerges(f *testing.F) {
	for _, c := range mergeCases {
		f.Add([]byte(c), uint8(7))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8) {
		open := func(string) (io.ReadCloser, error) {
			return io.NopCloser(&chunked{r: bytes.NewReader(data), n: int(chunk) + 1}), nil
		}
		want, err := readMergesOld(open, "sheet")
		require.NoError(t, err)
		got, err := readMerges(open, "sheet")
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}

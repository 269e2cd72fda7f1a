package source

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"leadimport/importer/msg"
)

// oldSheetReader is the sheet reader as it was before the scanner
// (xmlscan.go), reading encoding/xml's tokens: the two must return the
// same rows and errors.
// oldSheetReader reads a sheet's rows as a stream of XML tokens, one row at a
// time, so memory does not grow with the sheet.
type oldSheetReader struct {
	book *workbook
	src  io.ReadCloser
	w    *xmlWalker
	last int // the last row's number
	done bool
	buf  []byte // a cell's text, reused
	// noStrings counts the shared-string cells without a string,
	// firstNoString is the first's reference.
	noStrings     int
	firstNoString string
}

// next returns the next row element's cells, in column order with empty
// cells where the sheet has none. A row over Excel's limits is a
// *RowError without File, read to its end so the next row can follow.
func (s *oldSheetReader) next() (Row, error) {
	if s.done {
		return Row{}, io.EOF
	}
	for {
		tok, err := s.w.token()
		if err == io.EOF {
			s.done = true
			return Row{}, io.EOF
		}
		if err != nil {
			return Row{}, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "row" {
				return s.row(e)
			}
		case xml.EndElement:
			if e.Name.Local == "sheetData" {
				s.done = true
				return Row{}, io.EOF
			}
		}
	}
}

// row reads a row element. Row numbers come from its r attribute; one
// without it, or out of order, follows the row before.
func (s *oldSheetReader) row(start xml.StartElement) (Row, error) {
	num, err := strconv.Atoi(attr(start, "r"))
	if err != nil || num <= s.last {
		num = s.last + 1
	}
	if num > maxRows {
		return Row{}, msg.Error(msg.PastLastRow{Row: num, Max: maxRows})
	}
	s.last = num
	var (
		cells []string
		col   int
		bad   error // the first problem; the row is read to its end anyway
	)
	for {
		tok, err := s.w.token()
		if err != nil {
			return Row{}, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local != "c" {
				if err := s.w.skip(); err != nil {
					return Row{}, err
				}
				continue
			}
			c, err := s.cell(e)
			if err != nil {
				return Row{}, err
			}
			if n, _, ok := parseCellRef(c.ref); ok && n > col {
				col = n
			} else {
				col++
			}
			if bad != nil {
				continue
			}
			if col > maxCells {
				bad = msg.Error(msg.CellPastLastColumn{Column: columnLetter(col)}, ErrTooLarge)
				continue
			}
			if c.noString {
				if s.noStrings++; s.noStrings == 1 {
					s.firstNoString = columnLetter(col) + strconv.Itoa(num)
				}
			}
			v := cellValue(c.typ, c.value, (&sheetReader{book: s.book}).format(c.style), s.book.date1904)
			if len(v) > maxCellChars && utf8.RuneCountInString(v) > maxCellChars {
				bad = msg.Error(msg.CellTooLong{Column: columnLetter(col), Len: utf8.RuneCountInString(v)}, ErrTooLarge)
				continue
			}
			if v == "" {
				continue
			}
			for len(cells) < col-1 {
				cells = append(cells, "")
			}
			cells = append(cells, v)
		case xml.EndElement:
			if bad != nil {
				return Row{}, &RowError{Row: num, Err: bad}
			}
			return Row{Number: num, Cells: cells}, nil
		}
	}
}

// oldRawCell is a c element as the file has it.
type oldRawCell struct {
	ref, typ, value string
	style           int
	// noString: a shared-string cell without a string the workbook has.
	noString bool
}

// cell reads a c element: its value is the v element (for a shared string
// the string it points to), or the text of an inline string, whose v, if
// it has one, is not part of it. A formula's value is its cached result,
// in v; the formula itself is skipped. Text is unescaped as ST_Xstring
// says (see unescapeXstring): an inline string's runs, and a formula's
// string result.
func (s *oldSheetReader) cell(start xml.StartElement) (oldRawCell, error) {
	c := oldRawCell{ref: attr(start, "r"), typ: attr(start, "t")}
	c.style, _ = strconv.Atoi(attr(start, "s"))
	inline := c.typ == "inlineStr"
	var (
		inV   bool
		inT   bool
		from  int // where the text of the t element read began
		inPh  int
		hasV  bool
		depth = 1
	)
	s.buf = s.buf[:0]
	for depth > 0 {
		tok, err := s.w.token()
		if err != nil {
			return c, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			depth++
			switch e.Name.Local {
			case "v":
				inV, hasV = !inline, true
			case "t":
				inT, from = inline && inPh == 0, len(s.buf)
			case "rPh":
				inPh++
			case "f":
				if err := s.w.skip(); err != nil {
					return c, err
				}
				depth--
			}
		case xml.EndElement:
			depth--
			switch e.Name.Local {
			case "v":
				inV = false
			case "t":
				if inT {
					s.buf = unescapeXstring(s.buf, from)
				}
				inT = false
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if inV || inT {
				s.buf = append(s.buf, e...)
			}
		}
	}
	switch c.typ {
	case "s":
		i, ok := sharedIndex(s.buf)
		if !hasV || !ok || i >= s.book.sst.len() {
			// Excel shows such a cell empty (some generators, and
			// Tencent's office suite, write t="s" with no v): so is it
			// read, and counted for the warning.
			c.noString = true
			return c, nil
		}
		c.value = s.book.sst.at(i)
	case "str":
		c.value = string(unescapeXstring(s.buf, 0))
	default:
		c.value = string(s.buf)
	}
	return c, nil
}

// sheetRows reads every row of a sheet's XML through next, as row
// numbers, cells and errors.
func sheetRows(next func() (Row, error)) []string {
	var out []string
	for range 1 << 16 {
		row, err := next()
		var rowErr *RowError
		switch {
		case err == io.EOF:
			return out
		case errors.As(err, &rowErr):
			out = append(out, "row error: "+strconv.Itoa(rowErr.Row)+": "+rowErr.Error())
			continue
		case err != nil:
			return append(out, "error: "+err.Error())
		}
		out = append(out, strconv.Itoa(row.Number)+": "+strconv.Quote(fmtCells(row.Cells)))
	}
	return append(out, "does not end")
}

func fmtCells(cells []string) string {
	var b bytes.Buffer
	for _, c := range cells {
		b.WriteString(c)
		b.WriteByte('|')
	}
	return b.String()
}

func compareSheetReaders(t *testing.T, data []byte) {
	book := &workbook{sst: sharedStrings{text: []byte("MalmöÅsa"), ends: []uint32{6, 10}},
		formats: []numFormat{{}, newNumFormat(14, ""), newNumFormat(164, "yyyy-mm-dd hh:mm"), newNumFormat(165, "[h]:mm:ss")}}
	old := &oldSheetReader{book: book, src: io.NopCloser(bytes.NewReader(data)), w: newWalker(&tokenGuard{r: bytes.NewReader(data)})}
	cur := &sheetReader{book: book, src: io.NopCloser(bytes.NewReader(data)), w: newScanner(&tokenGuard{r: &chunked{r: bytes.NewReader(data), n: 5}})}
	require.Equal(t, sheetRows(old.next), sheetRows(cur.next), "%q", data)
	require.Equal(t, old.noStrings, cur.noStrings)
	require.Equal(t, old.firstNoString, cur.firstNoString)
}

var sheetCases = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="s"><v>7</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><r><t>Rich</t></r><r><t xml:space="preserve"> text_x000D_</t></r><rPh><t>ignored</t></rPh></is></c><c r="B2" s="1"><v>45424</v></c><c r="C2" s="2"><v>45424.75</v></c><c r="D2" s="3"><v>10.5</v></c><c r="E2"><v>198001022386</v></c><c r="F2"><v>1.5E-3</v></c><c r="G2" t="b"><v>1</v></c><c r="H2" t="e"><v>#N/A</v></c><c r="I2" t="str"><f>A1</f><v>x_x005F_x000D_y</v></c><c r="J2" t="d"><v>2024-05-12T14:30:00</v></c><c r="K2" t="s"/></row><row r="2"><c><v>7</v></c></row><row r="1048577"/><row><c r="XFE5"><v>1</v></c></row></sheetData></worksheet>`,
	`<x:sheetData><x:row r="3"><x:c r="XFD3"><x:v>1.98001022386E+11</x:v></x:c></x:row><!-- a comment --><x:row><x:c r="A4" t="inlineStr"><x:is><x:t>a&#13;b` + "\r\n" + `c</x:t></x:is></x:c></x:row></x:sheetData>`,
	`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></rowx></sheetData>`,
	`<sheetData><row r="1"><c r="A1"><v><![CDATA[12]]></v></c><c r="+2" s="-1"><v> 3 </v></c><c r="B1" s="99999999999"><v>007</v></c></row></sheetData>`,
}

// TestSheetReaderAgainstOld: the sheet reader returns the rows, cells and
// errors it returned when it read encoding/xml's tokens.
func TestSheetReaderAgainstOld(t *testing.T) {
	for _, c := range sheetCases {
		compareSheetReaders(t, []byte(c))
	}
}

// FuzzSheetReaderAgainstOld: so on any bytes.
func FuzzSheetReaderAgainstOld(f *testing.F) {
	for _, c := range sheetCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) { compareSheetReaders(t, data) })
}

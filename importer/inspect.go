package importer

import (
	"errors"
	"io"
	"strings"
	"time"

	"leadimport/importer/msg"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// examplesPerColumn is how many values Inspect shows of each column.
const examplesPerColumn = 3

// Inspection is what serve's page shows of an input before a mapping is
// chosen: what was detected, each column with a few values, and the
// mapping init proposes for it.
type Inspection struct {
	Sheet     string   // XLSX: the sheet read
	Sheets    []string // XLSX: the visible sheets, to choose among
	HeaderRow int
	Encoding  string // CSV
	Delimiter rune   // CSV
	Rows      int    // data rows, unreadable ones included
	Header    []string
	Examples  [][]string // per column, up to examplesPerColumn values that are not blank
	Proposal  mapping.Proposal
	Found     msg.Message // what was detected, as init says it
}

// Inspect reads the input as init does (Propose: the header is the row
// among the first that holds the most known names, unless in says), and
// then to its end to count the rows.
func Inspect(input string, in mapping.Input, now time.Time) (Inspection, error) {
	src, err := openToPropose(input, in)
	if err != nil {
		return Inspection{}, err
	}
	defer src.Close()
	header := src.Header()
	if len(header) > MaxColumns {
		return Inspection{}, msg.Error(msg.TooManyColumns{Input: input, Columns: len(header), Max: MaxColumns})
	}
	ins := Inspection{Header: header, Examples: make([][]string, len(header)), Sheets: source.Sheets(src),
		Delimiter: src.Delimiter(), Found: src.Description()}
	switch d := src.Description().(type) {
	case msg.CSVFound:
		ins.HeaderRow, ins.Encoding = d.HeaderRow, d.Encoding
	case msg.XLSXFound:
		ins.HeaderRow, ins.Sheet = d.HeaderRow, d.Sheet
	}
	var sample [][]string
	for {
		row, err := src.Next()
		var rowErr *source.RowError
		switch {
		case err == io.EOF:
			ins.Proposal = mapping.Propose(header, sample, now)
			return ins, nil
		case errors.As(err, &rowErr):
			ins.Rows++ // an unreadable row says nothing about its columns
			continue
		case err != nil:
			return Inspection{}, err
		}
		ins.Rows++
		if len(sample) < proposeSample {
			sample = append(sample, row.Cells)
		}
		for i := range min(len(row.Cells), len(header)) {
			if v := strings.TrimSpace(row.Cells[i]); v != "" && len(ins.Examples[i]) < examplesPerColumn {
				ins.Examples[i] = append(ins.Examples[i], v)
			}
		}
	}
}

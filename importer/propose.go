package importer

import (
	"errors"
	"io"
	"time"

	"leadimport/importer/msg"
	"leadimport/importer/source"
	"leadimport/mapping"
)

// proposeSample is how many data rows Propose reads to place columns by
// their values.
const proposeSample = 50

// Propose reads the header and the first rows of input and proposes a
// mapping for it (leadimport init), for endpoint, or for the endpoint
// its headers say when endpoint is "" (mapping.ProposeFor). It also
// returns what was detected in the file. Without a mapping to look for,
// the header is the row among the first that holds the most names the
// synonym table knows.
func Propose(input string, in mapping.Input, endpoint string, now time.Time) (mapping.Proposal, msg.Message, error) {
	src, err := openToPropose(input, in)
	if err != nil {
		return mapping.Proposal{}, nil, err
	}
	defer src.Close()
	var rows [][]string
	for len(rows) < proposeSample {
		row, err := src.Next()
		var rowErr *source.RowError
		switch {
		case err == io.EOF:
			return mapping.ProposeFor(endpoint, src.Header(), rows, now), src.Description(), nil
		case errors.As(err, &rowErr):
			// An unreadable row says nothing about its columns.
		case err != nil:
			return mapping.Proposal{}, nil, err
		default:
			rows = append(rows, row.Cells)
		}
	}
	return mapping.ProposeFor(endpoint, src.Header(), rows, now), src.Description(), nil
}

// openToPropose opens an input as init reads it: as in says, and without
// it the header found among the first rows as the one that holds the most
// names the synonym table knows.
func openToPropose(input string, in mapping.Input) (source.Reader, error) {
	return source.Open(input, source.Options{Sheet: in.Sheet, HeaderRow: in.HeaderRow,
		Encoding: in.Encoding, Delimiter: in.Delimiter, Headers: mapping.KnownHeaders()})
}

// Choose says which of ms the input at path takes, as a run would choose
// (see Config.Mappings), or why it takes none.
func Choose(path string, ms []*mapping.Mapping, now time.Time) (*mapping.Mapping, error) {
	cfg := Config{Mappings: ms}
	cfg.setDefaults()
	f, err := cfg.openInput(path, now)
	if err != nil {
		return nil, err
	}
	f.close()
	return f.mapping, nil
}

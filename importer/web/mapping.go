package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"

	"leadimport/importer"
	"leadimport/importer/msg"
	"leadimport/mapping"
)

// maxMapping bounds a mapping's body: a mapping is a screenful of YAML
// (mapping.Parse refuses more than 1 MiB).
const maxMapping = 1 << 20

// problem is one thing wrong with a mapping given on the page: its line
// in the text (0: not one line) and what is wrong, in words.
type problem struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// mappingView is a confirmed mapping as the server understood it.
type mappingView struct {
	Mapping   string         `json:"mapping"`
	Columns   []fieldOf      `json:"columns"`
	Constants []constantView `json:"constants"`
}

type fieldOf struct {
	Header string `json:"header"`
	Field  string `json:"field"`
}

type constantView struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// putMapping takes the mapping as a mapping file's text: read as run
// reads a --mapping file and bound to the sheet's header, so that what
// check and run refuse (a placeholder id, a column the sheet lacks, a
// field misspelt) is refused here too, each problem with its line: 422.
// A mapping that passes is confirmed: the check and the send use it, and
// it is remembered for the sheet's headers.
func (s *Server) putMapping(w http.ResponseWriter, r *http.Request, u *upload) {
	data, err := io.ReadAll(io.LimitReader(r.Body, maxMapping+1))
	if err != nil {
		s.failErr(w, r, http.StatusBadRequest, msg.Error(msg.WebBadRequest{Detail: err.Error()}))
		return
	}
	text := string(data)
	if ct := r.Header.Get("Content-Type"); strings.HasPrefix(ct, "application/json") {
		// A script may send {"mapping": "..."}.
		var body struct {
			Mapping string `json:"mapping"`
		}
		if err := json.Unmarshal(data, &body); err != nil {
			s.failErr(w, r, http.StatusBadRequest, msg.Error(msg.WebBadRequest{Detail: err.Error()}))
			return
		}
		text = body.Mapping
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.run != nil {
		s.fail(w, r, http.StatusConflict, msg.WebSentAlready{})
		return
	}
	l := s.lang(r)
	m, err := mapping.Parse(strings.NewReader(text), "mapping.yaml")
	if err == nil {
		// The sheet as the mapping reads it: its header row may be
		// another than the one proposed from.
		m.Input = u.readWith(m.Input)
		_, err = importer.Choose(u.path, []*mapping.Mapping{m}, s.cfg.Now())
	}
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, struct {
			Problems []problem `json:"problems"`
		}{problems(err, l)})
		return
	}
	u.mapping, u.mappingText, u.checked = m, text, nil
	if s.cfg.Remember != nil {
		if _, err := s.cfg.Remember.Save(u.inspect.Header, m); err != nil {
			s.cfg.Log.Warn("mapping not remembered", "import", u.id, "err", err.Error())
		}
	}
	v := mappingView{Mapping: text, Columns: []fieldOf{}, Constants: []constantView{}}
	for _, c := range m.Columns {
		v.Columns = append(v.Columns, fieldOf{Header: c.Header, Field: c.Field})
	}
	for _, c := range m.Constants {
		v.Constants = append(v.Constants, constantView{Field: c.Field, Value: c.Value})
	}
	writeJSON(w, http.StatusOK, v)
}

// readWith is in with the read options given on the upload where the
// mapping says none.
func (u *upload) readWith(in mapping.Input) mapping.Input {
	if in.Sheet == "" {
		in.Sheet = u.read.Sheet
		if in.Sheet == "" {
			in.Sheet = u.inspect.Sheet
		}
	}
	if in.HeaderRow == 0 {
		in.HeaderRow = u.read.HeaderRow
	}
	if in.Encoding == "" {
		in.Encoding = u.read.Encoding
	}
	if in.Delimiter == 0 {
		in.Delimiter = u.read.Delimiter
	}
	return in
}

// problems lists what is wrong with a mapping, each with its line: the
// mapping.Errors in err, however wrapped and joined.
func problems(err error, l msg.Lang) []problem {
	var me *mapping.Error
	if !errors.As(err, &me) {
		return []problem{{Message: l.Error(err)}}
	}
	if e, ok := err.(*mapping.Error); ok {
		return []problem{{Line: e.Line, Message: l.Say(e.Message)}}
	}
	var out []problem
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			if errors.As(e, &me) {
				out = append(out, problems(e, l)...)
			}
		}
		return out
	}
	return problems(errors.Unwrap(err), l)
}

// getMapping downloads the confirmed mapping, for run in cron.
func (s *Server) getMapping(w http.ResponseWriter, r *http.Request, u *upload) {
	u.mu.Lock()
	text, ok := u.mappingText, u.mapping != nil
	u.mu.Unlock()
	if !ok {
		s.fail(w, r, http.StatusNotFound, msg.WebNoMapping{})
		return
	}
	name := strings.TrimSuffix(u.name, filepath.Ext(u.name)) + ".yaml"
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", attachment(name))
	io.WriteString(w, text)
}

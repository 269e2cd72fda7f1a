package web

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strconv"
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
	if u.removed {
		s.fail(w, r, http.StatusNotFound, msg.WebNoImport{})
		return
	}
	if u.run != nil && u.run.state() != stateStopped { // a send that stopped may be sent again
		s.fail(w, r, http.StatusConflict, msg.WebSentAlready{})
		return
	}
	l := s.lang(r)
	var remembered mapping.Mapping // as the person chose to read the sheet, not as it was found
	m, err := mapping.Parse(strings.NewReader(text), "mapping.yaml")
	if err == nil {
		// The sheet as the mapping reads it: its header row may be
		// another than the one proposed from.
		chosen := u.chosen(m.Input)
		m.Input = u.readWith(m.Input)
		_, err = importer.Choose(u.path, []*mapping.Mapping{m}, s.cfg.Now())
		remembered = *m
		remembered.Input = chosen
	}
	if err != nil {
		list := problems(err, l)
		for i := range list {
			list[i].Message = u.hide(list[i].Message)
		}
		writeJSON(w, http.StatusUnprocessableEntity, struct {
			Problems []problem `json:"problems"`
		}{list})
		return
	}
	u.mapping, u.mappingText, u.checked = m, text, nil
	if s.cfg.Remember != nil {
		if _, err := s.cfg.Remember.Save(u.inspect.Header, &remembered); err != nil {
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
// mapping says none, and the sheet the upload was found on.
func (u *upload) readWith(in mapping.Input) mapping.Input {
	in = u.chosen(in)
	if in.Sheet == "" {
		in.Sheet = u.inspect.Sheet
	}
	return in
}

// chosen is in with the read options given on the upload (the form's, PUT
// …/input's) where the mapping says none: what a person chose, which a
// remembered mapping keeps. The sheet found is not one: next month's
// workbook may name it otherwise.
func (u *upload) chosen(in mapping.Input) mapping.Input {
	if in.Sheet == "" {
		in.Sheet = u.read.Sheet
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

// downloadText is the confirmed mapping's text with the read options
// chosen on the upload (the form's, PUT …/input's) that it does not say
// itself, in its input section, so that run reads the sheet as the check
// did; the text as given when they cannot be added to it.
func (u *upload) downloadText() string {
	text := u.mappingText
	m, err := mapping.Parse(strings.NewReader(text), "mapping.yaml")
	if err != nil {
		return text
	}
	want := u.chosen(m.Input)
	var add []string
	if m.Input.Sheet == "" && want.Sheet != "" {
		add = append(add, "sheet: "+strconv.Quote(want.Sheet))
	}
	if m.Input.HeaderRow == 0 && want.HeaderRow != 0 {
		add = append(add, "headerRow: "+strconv.Itoa(want.HeaderRow))
	}
	if m.Input.Encoding == "" && want.Encoding != "" {
		add = append(add, "encoding: "+strconv.Quote(want.Encoding))
	}
	if m.Input.Delimiter == 0 && want.Delimiter != 0 {
		d := strconv.Quote(string(want.Delimiter))
		if want.Delimiter == '\t' {
			d = "tab"
		}
		add = append(add, "delimiter: "+d)
	}
	if len(add) == 0 {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	at := slices.IndexFunc(lines, func(l string) bool {
		rest, ok := strings.CutPrefix(l, "input:")
		rest = strings.TrimSpace(rest)
		return ok && (rest == "" || strings.HasPrefix(rest, "#"))
	})
	var b strings.Builder
	if at < 0 {
		b.WriteString(text)
		if !strings.HasSuffix(text, "\n") {
			b.WriteString("\n")
		}
		b.WriteString("input:\n")
	} else {
		b.WriteString(strings.Join(lines[:at+1], ""))
		if !strings.HasSuffix(lines[at], "\n") {
			b.WriteString("\n")
		}
	}
	for _, a := range add {
		b.WriteString("  " + a + "\n")
	}
	if at >= 0 {
		b.WriteString(strings.Join(lines[at+1:], ""))
	}
	got, err := mapping.Parse(strings.NewReader(b.String()), "mapping.yaml")
	if err != nil || got.Input.Sheet != want.Sheet || got.Input.HeaderRow != want.HeaderRow ||
		got.Input.Encoding != want.Encoding || got.Input.Delimiter != want.Delimiter {
		return text // an input section written otherwise (flow style, another indent)
	}
	return b.String()
}

// getMapping downloads the confirmed mapping, for run in cron.
func (s *Server) getMapping(w http.ResponseWriter, r *http.Request, u *upload) {
	u.mu.Lock()
	text, ok := u.downloadText(), u.mapping != nil
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

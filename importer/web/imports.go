package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"maps"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"leadimport/importer"
	"leadimport/importer/msg"
	"leadimport/mapping"
)

// upload is one sheet dropped on the page, on its way to Connect.
type upload struct {
	id   string
	dir  string // its own folder in the server's, 0700
	name string // the file's name as dropped, for messages and downloads
	path string // the file itself, in dir

	mu      sync.Mutex // one request at a time changes it
	read    mapping.Input
	inspect importer.Inspection

	mappingText string           // the confirmed mapping, as given
	mapping     *mapping.Mapping // nil until confirmed
	edits       importer.Edits
	checked     *checkResult // the last check, nil after a change

	run     *sending // the send, once started
	removed bool     // DELETE …, or too many imports: nothing starts any more
	seq     int      // the order of the uploads: the oldest goes first
}

// hide is text with u's file named as it was dropped: the server's
// folder is nothing a person needs to see.
func (u *upload) hide(text string) string {
	if u.path != "" {
		text = strings.ReplaceAll(text, u.path, u.name)
	}
	if u.dir != "" {
		text = strings.ReplaceAll(text, u.dir+string(filepath.Separator), "")
	}
	return text
}

// uploadPrefix starts the name of an upload's folder, which a run's
// record in the ledger names with its input, and its kept report's folder
// (Config.Reports) too.
const uploadPrefix = "import-"

// extensions are the inputs the command line reads.
var extensions = []string{".csv", ".txt", ".tsv", ".xlsx", ".xlsm"}

// createImport takes a sheet (multipart field file; optionally sheet,
// headerRow, encoding, delimiter), keeps it in a folder of its own, and
// answers with what was found in it and the mapping init would propose.
func (s *Server) createImport(w http.ResponseWriter, r *http.Request) {
	u, status, err := s.receive(w, r)
	if err != nil {
		if u != nil {
			os.RemoveAll(u.dir)
		}
		s.failErr(w, r, status, err)
		return
	}
	if err := u.reinspect(s); err != nil {
		os.RemoveAll(u.dir)
		s.failImport(w, r, u, http.StatusUnprocessableEntity, err)
		return
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		os.RemoveAll(u.dir)
		s.fail(w, r, http.StatusServiceUnavailable, msg.WebStopping{})
		return
	}
	s.seq++
	u.seq = s.seq
	s.imports[u.id] = u
	s.mu.Unlock()
	s.makeRoom(u)
	s.cfg.Log.Info("import received", "import", u.id, "rows", u.inspect.Rows, "columns", len(u.inspect.Header))
	writeJSON(w, http.StatusCreated, s.importView(r, u))
}

// receive reads the multipart upload into a new folder, streaming the
// file to disk and refusing it past MaxUpload.
func (s *Server) receive(w http.ResponseWriter, r *http.Request) (*upload, int, error) {
	// The form's other fields and its framing take a few KiB.
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, http.StatusBadRequest, msg.Error(msg.WebNoFile{})
	}
	id, err := newID()
	if err != nil {
		return nil, http.StatusInternalServerError, err
	}
	dir, err := os.MkdirTemp(s.cfg.Dir, uploadPrefix+"*") // 0700
	if err != nil {
		return nil, http.StatusInternalServerError, err
	}
	u := &upload{id: id, dir: dir, edits: importer.Edits{}}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			status, err := tooLarge(err, s.cfg.MaxUpload)
			return u, status, err
		}
		field := part.FormName()
		if field == "file" {
			if u.path != "" {
				return u, http.StatusBadRequest, msg.Error(msg.WebBadRequest{Detail: "one file at a time"})
			}
			if status, err := u.save(part, s.cfg.MaxUpload); err != nil {
				return u, status, err
			}
			continue
		}
		value, err := io.ReadAll(io.LimitReader(part, 1<<10))
		if err != nil {
			status, err := tooLarge(err, s.cfg.MaxUpload)
			return u, status, err
		}
		if err := setRead(&u.read, field, string(value)); err != nil {
			return u, http.StatusBadRequest, err
		}
	}
	if u.path == "" {
		return u, http.StatusBadRequest, msg.Error(msg.WebNoFile{})
	}
	return u, 0, nil
}

// save writes the uploaded file into u's folder under its own name (so
// that its report is named after it), refusing a kind the command line
// does not read and anything over max bytes.
func (u *upload) save(part *multipart.Part, max int64) (int, error) {
	name := cleanName(part.FileName())
	ext := strings.ToLower(filepath.Ext(name))
	if !slices.Contains(extensions, ext) {
		ext, _ = shorten(ext, maxExt)
		return http.StatusUnsupportedMediaType, msg.Error(msg.UnsupportedFile{Ext: ext})
	}
	u.name = name
	u.path = filepath.Join(u.dir, name)
	f, err := os.OpenFile(u.path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return http.StatusInternalServerError, err
	}
	n, err := io.Copy(f, io.LimitReader(part, max+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return tooLarge(err, max)
	}
	if n > max {
		return http.StatusRequestEntityTooLarge, msg.Error(msg.WebTooLarge{MiB: max >> 20})
	}
	return 0, nil
}

// tooLarge is the answer to a failed read of the request body: 413 when
// it went past the limit.
func tooLarge(err error, max int64) (int, error) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return http.StatusRequestEntityTooLarge, msg.Error(msg.WebTooLarge{MiB: max >> 20})
	}
	return http.StatusBadRequest, msg.Error(msg.WebBadRequest{Detail: err.Error()})
}

// cleanName is a dropped file's name as a name in the upload's folder:
// its last element, valid UTF-8 without control characters, 200 bytes at
// most (cut at a character, its extension kept), never empty, a dot or a
// name the system keeps for itself (NUL.csv on Windows).
func cleanName(name string) string {
	name = strings.ToValidUTF8(strings.ReplaceAll(name, `\`, "/"), "")
	name = name[strings.LastIndexByte(name, '/')+1:]
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, name)
	name = strings.TrimLeft(strings.TrimSpace(name), ".")
	ext := filepath.Ext(name)
	if len(ext) > maxExt {
		ext = "" // no extension that is read: refused by its name's end
	}
	base, _ := shorten(strings.TrimSuffix(name, ext), maxName-len(ext))
	if base == "" || !filepath.IsLocal(base+ext) {
		base = "sheet"
	}
	return base + ext
}

// The longest name an upload is kept under, and the longest extension
// (".xlsx") that is one.
const (
	maxName = 200
	maxExt  = 16
)

// setRead sets one of the read options (sheet, headerRow, encoding,
// delimiter) from a form field or JSON; other fields are refused.
func setRead(in *mapping.Input, field, value string) error {
	value = strings.TrimSpace(value)
	switch field {
	case "sheet":
		in.Sheet = value
	case "headerRow":
		if value == "" {
			in.HeaderRow = 0
			return nil
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return msg.Error(msg.HeaderRowFlag{})
		}
		in.HeaderRow = n
	case "encoding":
		if value != "" && !slices.Contains(mapping.Encodings, strings.ToLower(value)) {
			return msg.Error(msg.EncodingFlag{Given: value, Known: mapping.Encodings})
		}
		in.Encoding = strings.ToLower(value)
	case "delimiter":
		if value == "" {
			in.Delimiter = 0
			return nil
		}
		d, ok := mapping.ParseDelimiter(value)
		if !ok {
			return msg.Error(msg.DelimiterFlag{Given: value})
		}
		in.Delimiter = d
	default:
		return msg.Error(msg.WebBadRequest{Detail: "unknown field " + strconv.Quote(field)})
	}
	return nil
}

// reinspect reads the file as u.read says and proposes its mapping: the
// one remembered for its headers, else init's.
func (u *upload) reinspect(s *Server) error {
	ins, err := importer.Inspect(u.path, u.read, s.cfg.Now())
	if err != nil {
		return err
	}
	u.inspect = ins
	u.mapping, u.mappingText, u.checked = nil, "", nil
	return nil
}

// proposal is the mapping proposed for u as mapping file text, and the
// note that says it was remembered ("" when it is init's).
func (s *Server) proposal(r *http.Request, u *upload) (text, note string) {
	if s.cfg.Remember != nil {
		if t, file, ok, err := s.cfg.Remember.Find(u.inspect.Header); err == nil && ok {
			return t, s.lang(r).Say(msg.RememberedMapping{Path: file})
		}
	}
	var b bytes.Buffer
	_ = u.inspect.Proposal.WriteYAML(&b, u.name, u.read)
	return b.String(), ""
}

// importView is an import as the API shows it.
type importView struct {
	ID         string    `json:"id"`
	Input      inputView `json:"input"`
	Mapping    string    `json:"mapping"`
	Remembered string    `json:"remembered,omitempty"` // the note that the mapping was remembered
	State      string    `json:"state"`
}

type inputView struct {
	Name      string       `json:"name"`
	Sheet     string       `json:"sheet"`
	Sheets    []string     `json:"sheets"`
	HeaderRow int          `json:"headerRow"`
	Encoding  string       `json:"encoding"`
	Delimiter string       `json:"delimiter"`
	Rows      int          `json:"rows"`
	Columns   []columnView `json:"columns"`
}

type columnView struct {
	Header   string   `json:"header"`
	Examples []string `json:"examples"`
}

func (s *Server) importView(r *http.Request, u *upload) importView {
	ins := u.inspect
	v := importView{ID: u.id, State: u.state(), Input: inputView{Name: u.name, Sheet: ins.Sheet, Sheets: ins.Sheets,
		HeaderRow: ins.HeaderRow, Encoding: ins.Encoding, Delimiter: delimiterName(ins.Delimiter), Rows: ins.Rows,
		Columns: make([]columnView, len(ins.Header))}}
	if v.Input.Sheets == nil {
		v.Input.Sheets = []string{}
	}
	for i, h := range ins.Header {
		v.Input.Columns[i] = columnView{Header: h, Examples: ins.Examples[i]}
		if v.Input.Columns[i].Examples == nil {
			v.Input.Columns[i].Examples = []string{}
		}
	}
	if u.mapping != nil {
		v.Mapping = u.mappingText
	} else {
		v.Mapping, v.Remembered = s.proposal(r, u)
	}
	return v
}

func delimiterName(d rune) string {
	switch d {
	case 0:
		return ""
	case '\t':
		return "tab"
	}
	return string(d)
}

// withImport finds the import the path names, or answers 404.
func (s *Server) withImport(h func(http.ResponseWriter, *http.Request, *upload)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		u := s.imports[r.PathValue("id")]
		s.mu.Unlock()
		if u == nil {
			s.fail(w, r, http.StatusNotFound, msg.WebNoImport{})
			return
		}
		h(w, r, u)
	}
}

// getImport is the import's state: as created, and once sent its
// progress and counts.
func (s *Server) getImport(w http.ResponseWriter, r *http.Request, u *upload) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.run != nil {
		writeJSON(w, http.StatusOK, u.run.view(s.lang(r)))
		return
	}
	writeJSON(w, http.StatusOK, s.importView(r, u))
}

// deleteImport removes the import and its files (a send under way is
// stopped first).
func (s *Server) deleteImport(w http.ResponseWriter, r *http.Request, u *upload) {
	s.remove(u)
	w.WriteHeader(http.StatusNoContent)
}

// remove removes the import and its files, once a send under way has
// stopped and the request under way has ended; none starts after.
func (s *Server) remove(u *upload) {
	u.mu.Lock()
	u.removed = true
	run := u.run
	u.mu.Unlock()
	if run != nil {
		run.stop()
		<-run.done
	}
	s.mu.Lock()
	delete(s.imports, u.id)
	s.mu.Unlock()
	u.mu.Lock()
	os.RemoveAll(u.dir)
	u.mu.Unlock()
}

// maxImports bounds the imports a server keeps, each a sheet in the
// temporary folder: past it, a new one makes the oldest go.
const maxImports = 20

// makeRoom removes the oldest import that is finished (else the oldest
// not sent yet, never the one just made, never one being sent) while
// there are more than maxImports.
func (s *Server) makeRoom(newest *upload) {
	s.mu.Lock()
	if len(s.imports) <= maxImports {
		s.mu.Unlock()
		return
	}
	list := slices.Collect(maps.Values(s.imports))
	s.mu.Unlock()
	slices.SortFunc(list, func(a, b *upload) int { return a.seq - b.seq })
	var ready *upload
	for _, u := range list {
		if u == newest {
			continue
		}
		u.mu.Lock()
		st := u.state()
		u.mu.Unlock()
		switch {
		case st == stateDone || st == stateStopped:
			s.remove(u)
			s.cfg.Log.Info("import removed: too many", "import", u.id)
			return
		case st == stateReady && ready == nil:
			ready = u
		}
	}
	if ready != nil {
		s.remove(ready)
		s.cfg.Log.Info("import removed: too many", "import", ready.id)
	}
}

// putInput reads the sheet again as the body says (JSON: sheet,
// headerRow, encoding, delimiter): another sheet, another header row.
func (s *Server) putInput(w http.ResponseWriter, r *http.Request, u *upload) {
	var body map[string]any
	if err := readJSON(r, &body); err != nil {
		s.failErr(w, r, bodyStatus(err), err)
		return
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
	read := u.read
	for k, v := range body {
		text := ""
		switch v := v.(type) {
		case string:
			text = v
		case float64:
			text = strconv.FormatFloat(v, 'f', -1, 64)
		case nil:
		default:
			s.fail(w, r, http.StatusBadRequest, msg.WebBadRequest{Detail: k})
			return
		}
		if err := setRead(&read, k, text); err != nil {
			s.failErr(w, r, http.StatusBadRequest, err)
			return
		}
	}
	old := u.read
	u.read = read
	if err := u.reinspect(s); err != nil {
		u.read = old
		s.failImport(w, r, u, http.StatusUnprocessableEntity, err)
		return
	}
	clear(u.edits)
	writeJSON(w, http.StatusOK, s.importView(r, u))
}

// readJSON reads a small JSON body into v.
func readJSON(r *http.Request, v any) error {
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct != "" && ct != "application/json" {
		return msg.Error(msg.WebBadRequest{Detail: "the body must be JSON (Content-Type: application/json)"})
	}
	dec := jsonDecoder(http.MaxBytesReader(nil, r.Body, maxJSON))
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return msg.Error(msg.WebBadRequest{Detail: "the body is larger than 1 MiB"}, errBodyTooLarge)
		}
		return msg.Error(msg.WebBadRequest{Detail: err.Error()})
	}
	return nil
}

// maxJSON bounds a JSON body: a row's corrections, the read options.
const maxJSON = 1 << 20

// errBodyTooLarge is a JSON body past maxJSON: 413.
var errBodyTooLarge = errors.New("web: body too large")

// bodyStatus is the status that refuses a body readJSON could not read.
func bodyStatus(err error) int {
	if errors.Is(err, errBodyTooLarge) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

func newID() (string, error) {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

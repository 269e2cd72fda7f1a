package web

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"leadimport/importer"
	"leadimport/importer/msg"
	"leadimport/importer/source"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// Paging the rows of a check: the default page, and the most one asks.
const (
	defaultLimit = 100
	maxLimit     = 1000
)

// What a page of rows may hold, so that a small workbook whose cells all
// point at one long shared string cannot make an answer of gigabytes: a
// cell's text is shown up to maxShown bytes (a row's cells up to
// maxRowShown in all), and a page stops once its rows hold maxPage bytes.
const (
	maxShown    = 4 << 10
	maxRowShown = 1 << 20
	maxPage     = 8 << 20
)

// maxNamed bounds the customer and estate ids a check names for the send
// button: a sheet for one open house has one of each.
const maxNamed = 10

// checkResult is the last check of an import: its counts, and its rows
// in a JSONL report in the import's folder, read back a page at a time.
type checkResult struct {
	report  string
	lang    msg.Lang
	Counts  map[status.Status]int `json:"counts"`
	Rows    int                   `json:"total"`
	Reasons []reasonView          `json:"reasons"`
	Columns []columnCount         `json:"columns"`
	Send    sendPlan              `json:"send"`
}

type reasonView struct {
	Message string `json:"message"`
	Rows    int    `json:"rows"`
}

// columnCount is one line of check's per-column table.
type columnCount struct {
	Column   string `json:"column"`
	Field    string `json:"field"`
	Valid    int    `json:"valid"`
	Changed  int    `json:"changed"`
	Invalid  int    `json:"invalid"`
	Empty    int    `json:"empty"`
	Warnings int    `json:"warnings"`
}

// sendPlan is what the send button says: how many leads, for which
// customers and estates.
type sendPlan struct {
	Rows      int      `json:"rows"`
	Customers []string `json:"customers"`
	Estates   []string `json:"estates"`
}

// checkView is a check's answer: the counts and a page of rows.
type checkView struct {
	checkResult
	Offset int       `json:"offset"`
	Limit  int       `json:"limit"`
	Page   []rowView `json:"rows"`
	// Next is the offset of the page after this one; Truncated says the
	// page holds fewer rows than asked because they were too large.
	Next      int  `json:"next"`
	Truncated bool `json:"truncated,omitempty"`
}

// rowView is one row of the sheet as the check found it.
type rowView struct {
	Row      int          `json:"row"`
	Status   string       `json:"status"`
	Cells    []string     `json:"cells"` // in the order of the input's columns; null for a row that could not be read
	Problems []cellIssue  `json:"problems"`
	Changes  []cellChange `json:"changes"`
	Warnings []cellIssue  `json:"warnings"`
	// Cut says a cell or value was too long to be shown whole: it ends
	// after maxShown bytes.
	Cut bool `json:"cut,omitempty"`
}

type cellIssue struct {
	Column  string `json:"column"`
	Field   string `json:"field"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

type cellChange struct {
	Column string `json:"column"`
	Field  string `json:"field"`
	From   string `json:"from"`
	To     string `json:"to"`
	SentAs string `json:"sentAs,omitempty"`
}

// line is a JSONL report's line, as far as the page needs it.
type line struct {
	Row      int          `json:"row"`
	Status   string       `json:"status"`
	Errors   []cellIssue  `json:"errors"`
	Changes  []cellChange `json:"changes"`
	Warnings []cellIssue  `json:"warnings"`
	cut      bool         // a value was shortened for the page
	Lead     *struct {
		CustomerID string `json:"customerId"`
		EstateID   string `json:"estateId"`
	} `json:"lead"`
}

// check runs check on the import, as leadimport check does, and answers
// with its counts and the first page of rows.
func (s *Server) check(w http.ResponseWriter, r *http.Request, u *upload) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if !s.mayChange(w, r, u) {
		return
	}
	res, err := s.runCheck(r.Context(), u, s.lang(r))
	if err != nil {
		s.failImport(w, r, u, http.StatusUnprocessableEntity, err)
		return
	}
	s.answerRows(w, r, u, res, nil)
}

// mayChange answers for an import that cannot be checked or changed (it
// has no mapping yet, or was sent), and reports whether it may.
func (s *Server) mayChange(w http.ResponseWriter, r *http.Request, u *upload) bool {
	switch {
	case u.removed:
		s.fail(w, r, http.StatusNotFound, msg.WebNoImport{})
	case u.run != nil && u.run.state() == stateSending:
		s.fail(w, r, http.StatusConflict, msg.WebBusy{})
	case u.run != nil && u.run.state() == stateDone:
		s.fail(w, r, http.StatusConflict, msg.WebSentAlready{})
	// A send that stopped keeps its sheet: it may be fixed, checked and
	// sent again.
	case u.mapping == nil:
		s.fail(w, r, http.StatusConflict, msg.WebNoMapping{})
	default:
		return true
	}
	return false
}

// runCheck checks the sheet with its mapping and corrections: importer.Run
// without a client, its report a JSONL file of the import's own.
func (s *Server) runCheck(ctx context.Context, u *upload, l msg.Lang) (*checkResult, error) {
	report := filepath.Join(u.dir, "check.jsonl")
	cfg := importer.Config{Inputs: []string{u.path}, Mappings: []*mapping.Mapping{u.mapping}, Report: report,
		Edits: map[string]importer.Edits{u.path: u.edits.Clone()},
		Lang:  l, LogLang: l, Now: s.cfg.Now, CommandLine: "leadimport serve: check"} // no log: a check per fix would repeat every invalid row
	u.checked = nil // its rows are written over
	sum, err := importer.Run(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if sum.Stopped != nil || ctx.Err() != nil { // the request went away: a part of a check is none
		return nil, cmp.Or(sum.Stopped, context.Cause(ctx))
	}
	if len(sum.Files) != 1 {
		return nil, errors.New("web: the check read no input")
	}
	f := sum.Files[0]
	res := &checkResult{report: report, lang: l, Counts: f.Counts, Rows: f.Rows, Reasons: []reasonView{}, Columns: []columnCount{}}
	for reason, n := range f.Reasons {
		res.Reasons = append(res.Reasons, reasonView{Message: reason, Rows: n})
	}
	slices.SortFunc(res.Reasons, func(a, b reasonView) int {
		if a.Rows != b.Rows {
			return b.Rows - a.Rows
		}
		return strings.Compare(a.Message, b.Message)
	})
	for _, c := range f.Columns {
		res.Columns = append(res.Columns, columnCount{Column: c.Column, Field: c.Field, Valid: c.Valid,
			Changed: c.Changed, Invalid: c.Invalid, Empty: c.Empty, Warnings: c.Warned})
	}
	if err := res.plan(); err != nil {
		return nil, err
	}
	u.checked = res
	return res, nil
}

// plan counts the valid rows and names their customers and estates.
func (res *checkResult) plan() error {
	res.Send = sendPlan{Customers: []string{}, Estates: []string{}}
	return res.each(func(l *line) bool {
		if l.Status != string(status.Valid) || l.Lead == nil {
			return true
		}
		res.Send.Rows++
		if !slices.Contains(res.Send.Customers, l.Lead.CustomerID) && len(res.Send.Customers) < maxNamed {
			res.Send.Customers = append(res.Send.Customers, l.Lead.CustomerID)
		}
		if !slices.Contains(res.Send.Estates, l.Lead.EstateID) && len(res.Send.Estates) < maxNamed {
			res.Send.Estates = append(res.Send.Estates, l.Lead.EstateID)
		}
		return true
	})
}

// each reads the report's lines in order until f says stop.
func (res *checkResult) each(f func(*line) bool) error {
	file, err := os.Open(res.report)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20) // a row of 1,000 cells of 32,767 characters
	for sc.Scan() {
		var l line
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return err
		}
		if !f(&l) {
			return nil
		}
	}
	return sc.Err()
}

// rank orders the rows problems first: invalid, then with warnings,
// then the rest, each in input order.
func rank(l *line) int {
	switch {
	case l.Status != string(status.Valid):
		return 0
	case len(l.Warnings) > 0:
		return 1
	}
	return 2
}

// getRows pages the last check's rows: ?offset=&limit=, and ?order=row
// for input order instead of problems first.
func (s *Server) getRows(w http.ResponseWriter, r *http.Request, u *upload) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.checked == nil || (u.run != nil && u.run.state() != stateStopped) { // once sent, the check's rows are gone with the sheet
		if !s.mayChange(w, r, u) {
			return
		}
		if _, err := s.runCheck(r.Context(), u, s.lang(r)); err != nil {
			s.failImport(w, r, u, http.StatusUnprocessableEntity, err)
			return
		}
	}
	s.answerRows(w, r, u, u.checked, nil)
}

// answerRows answers with res and a page of its rows: the rows only
// names, or as the request's offset, limit and order say.
func (s *Server) answerRows(w http.ResponseWriter, r *http.Request, u *upload, res *checkResult, only []int) {
	q := r.URL.Query()
	offset, _ := strconv.Atoi(q.Get("offset"))
	limit, err := strconv.Atoi(q.Get("limit"))
	if err != nil || limit <= 0 {
		limit, err = defaultLimit, nil
	}
	offset, limit = max(offset, 0), min(limit, maxLimit)
	var page []*line
	size, truncated := 0, false // the bytes of the page's lines, half of maxPage at most
	pick := func(want func(*line) bool) error {
		return res.each(func(l *line) bool {
			if want(l) {
				if offset > 0 {
					offset--
				} else {
					n := l.shorten()
					if len(page) > 0 && size+n > maxPage/2 {
						truncated = true
						return false
					}
					page = append(page, l)
					size += n
				}
			}
			return len(page) < limit
		})
	}
	switch {
	case only != nil:
		offset, limit = 0, len(only) // no further than the rows asked for
		err = pick(func(l *line) bool { return slices.Contains(only, l.Row) })
	case q.Get("order") == "row":
		err = pick(func(*line) bool { return true })
	default:
		for k := 0; k < 3 && err == nil && len(page) < limit && !truncated; k++ {
			err = pick(func(l *line) bool { return rank(l) == k })
		}
	}
	if err == nil {
		var rows []rowView
		var cut bool
		rows, cut, err = u.rows(page, maxPage/2)
		if err == nil {
			o, _ := strconv.Atoi(q.Get("offset"))
			o = max(o, 0)
			writeJSON(w, http.StatusOK, checkView{checkResult: *res, Offset: o, Limit: limit, Page: rows,
				Next: o + len(rows), Truncated: truncated || cut})
			return
		}
	}
	s.failImport(w, r, u, http.StatusInternalServerError, err)
}

// rows are the lines with their cells, read from the sheet as the check
// read it (with the corrections): one pass to the last row asked for. Its
// rows hold budget bytes of cells at most: the page ends before the first
// row that did not fit (the first is always kept), and cut says so.
func (u *upload) rows(page []*line, budget int) (out []rowView, cut bool, err error) {
	out = make([]rowView, len(page))
	want := map[int][]int{} // row number → places in out
	last := 0
	for i, l := range page {
		out[i] = rowView{Row: l.Row, Status: l.Status, Problems: nonNil(l.Errors), Changes: nonNil(l.Changes),
			Warnings: nonNil(l.Warnings), Cut: l.cut}
		want[l.Row] = append(want[l.Row], i)
		last = max(last, l.Row)
	}
	if len(page) == 0 {
		return []rowView{}, false, nil
	}
	src, err := importer.OpenInput(u.path, u.mapping, u.edits.Clone())
	if err != nil {
		return nil, false, err
	}
	defer src.Close()
	width := len(src.Header())
	dropped := make([]bool, len(page))
	held := 0
	for {
		row, err := src.Next()
		if err == io.EOF || (err == nil && row.Number > last) {
			break
		}
		var rowErr *source.RowError
		if errors.As(err, &rowErr) {
			continue // an unreadable row has no cells
		}
		if err != nil {
			break // a file broken off: its report says so
		}
		places := want[row.Number]
		if len(places) == 0 {
			continue
		}
		cells, n, shortened := showCells(row.Cells, width)
		for _, i := range places {
			if i > 0 && held+n > budget {
				dropped[i] = true
				continue
			}
			held += n
			out[i].Cells = cells
			out[i].Cut = out[i].Cut || shortened
		}
	}
	if i := slices.Index(dropped, true); i >= 0 {
		return out[:i], true, nil
	}
	return out, false, nil
}

// showCells are a row's cells as a page shows them, width of them: each
// up to maxShown bytes, maxRowShown in all; n is their bytes, and cut
// says whether one was shortened.
func showCells(row []string, width int) (cells []string, n int, cut bool) {
	cells = make([]string, max(width, len(row)))
	for i, c := range row {
		limit := min(maxShown, maxRowShown-n)
		short, shortened := shorten(c, max(limit, 0))
		cells[i] = short
		n += jsonLen(short)
		cut = cut || shortened
	}
	return cells, n, cut
}

// shorten is s up to n bytes, cut at a character, and whether it was
// cut; a cut string is a copy, so that the long one is not kept.
func shorten(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return strings.Clone(s[:n]), true
}

// jsonLen is the bytes s takes in an answer: < > & and most control
// characters are escaped as \u003c, a quote, a backslash, \t, \n, \r, \b
// and \f as two.
func jsonLen(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\b' || c == '\f':
			n++
		case c == '<' || c == '>' || c == '&' || c < 0x20:
			n += 5
		}
	}
	return n
}

// shorten cuts the line's values as a page shows them and says how many
// bytes they hold.
func (l *line) shorten() int {
	n := 0
	cut := func(s *string) {
		var c bool
		*s, c = shorten(*s, maxShown)
		l.cut = l.cut || c
		n += jsonLen(*s)
	}
	for _, list := range [][]cellIssue{l.Errors, l.Warnings} {
		for i := range list {
			cut(&list[i].Value)
			cut(&list[i].Message)
			n += len(list[i].Column) + len(list[i].Field)
		}
	}
	for i := range l.Changes {
		cut(&l.Changes[i].From)
		cut(&l.Changes[i].To)
		n += len(l.Changes[i].Column) + len(l.Changes[i].Field)
	}
	return n + 64
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// edit is the body of PATCH …/rows/{row}.
type edit struct {
	Cells map[string]string `json:"cells"`
}

// maxCell is Excel's own limit on a cell, which the readers hold to.
const maxCell = 32767

// patchRow corrects cells of one row (by header) and checks the sheet
// again; the answer is the check with that row alone as its page.
func (s *Server) patchRow(w http.ResponseWriter, r *http.Request, u *upload) {
	row, err := strconv.Atoi(r.PathValue("row"))
	if err != nil {
		s.fail(w, r, http.StatusNotFound, msg.WebBadRequest{Detail: "no row " + strconv.Quote(r.PathValue("row"))})
		return
	}
	if row < 1 {
		s.fail(w, r, http.StatusNotFound, msg.WebNoRow{Row: row})
		return
	}
	var body edit
	if err := readJSON(r, &body); err != nil {
		s.failErr(w, r, bodyStatus(err), err)
		return
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	if !s.mayChange(w, r, u) {
		return
	}
	header, found, err := u.findRow(row)
	if err != nil {
		s.failImport(w, r, u, http.StatusUnprocessableEntity, err)
		return
	}
	if !found {
		s.fail(w, r, http.StatusNotFound, msg.WebNoRow{Row: row})
		return
	}
	for h, v := range body.Cells {
		if !slices.Contains(header, h) {
			s.fail(w, r, http.StatusUnprocessableEntity, msg.WebNoColumn{Header: h})
			return
		}
		if len(v) > maxCell {
			s.fail(w, r, http.StatusUnprocessableEntity, msg.WebBadRequest{Detail: h})
			return
		}
	}
	before := u.edits.Clone()
	for h, v := range body.Cells {
		u.edits.Set(row, h, v)
	}
	res, err := s.runCheck(r.Context(), u, s.lang(r))
	if err != nil {
		u.edits = before
		s.failImport(w, r, u, http.StatusUnprocessableEntity, err)
		return
	}
	s.cfg.Log.Info("cells edited", "import", u.id, "row", row, "columns", len(body.Cells))
	s.answerRows(w, r, u, res, []int{row})
}

// findRow is the sheet's header as its mapping reads it, and whether it
// has the row numbered row: read up to that row, no further.
func (u *upload) findRow(row int) ([]string, bool, error) {
	src, err := importer.OpenInput(u.path, u.mapping, nil)
	if err != nil {
		return nil, false, err
	}
	defer src.Close()
	for {
		r, err := src.Next()
		if err == io.EOF {
			return src.Header(), false, nil
		}
		var rowErr *source.RowError
		if errors.As(err, &rowErr) {
			continue
		}
		if err != nil {
			return nil, false, err
		}
		if r.Number >= row {
			return src.Header(), r.Number == row, nil
		}
	}
}

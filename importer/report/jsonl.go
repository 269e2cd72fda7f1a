package report

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"time"

	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// jsonlWriter writes a report as JSON Lines: one object per input row.
type jsonlWriter struct {
	buf    *bufio.Writer
	enc    *json.Encoder
	lang   msg.Lang
	width  int            // number of input columns
	column map[string]int // an input column's index, by its name
}

// NewJSONL returns a writer of a JSONL report to w, its messages in lang.
// header is the input's own header, in order.
func NewJSONL(w io.Writer, header []string, lang msg.Lang) Writer {
	buf := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	r := &jsonlWriter{buf: buf, enc: enc, lang: lang, width: len(header), column: map[string]int{}}
	for i, h := range header {
		if _, dup := r.column[h]; !dup {
			r.column[h] = i
		}
	}
	return r
}

// jsonLine is one row of a JSONL report.
type jsonLine struct {
	Row        int           `json:"row"`
	Status     status.Status `json:"status"`
	HTTPStatus int           `json:"http_status"` // 0: no request answered
	Attempts   int           `json:"attempts"`
	Response   string        `json:"response"`
	Errors     []jsonError   `json:"errors"`
	Changes    []jsonChange  `json:"changes"`
	Warnings   []jsonError   `json:"warnings"`
	Lead       *jsonLead     `json:"lead"` // null: the row could not be mapped
	// Cells are, for a row with more cells than the header only, every
	// cell as read: its lead was mapped from cells that may be out of
	// place, and the cells beyond the header are nowhere else.
	Cells []string `json:"cells,omitempty"`
}

// jsonError is one problem; field, column and value are "" when it is
// not about one cell.
type jsonError struct {
	Field   string `json:"field"`
	Column  string `json:"column"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

type jsonChange struct {
	Column string `json:"column"`
	Field  string `json:"field"`
	From   string `json:"from"`
	To     string `json:"to"`
	SentAs string `json:"sentAs,omitempty"` // another field than the column's: a landline moved to home
}

// jsonLead is the lead as sent, its personnummer masked: Body is a
// *mapping.FinalPriceWatched or a *mapping.Interest, the endpoint's.
type jsonLead struct {
	Endpoint   string `json:"endpoint"`
	CustomerID string `json:"customerId"`
	EstateID   string `json:"estateId"`
	Body       any    `json:"body"`
}

func jsonErrors(ps []mapping.Problem, lang msg.Lang) []jsonError {
	out := make([]jsonError, len(ps))
	for i, p := range ps {
		out[i] = jsonError{Field: p.Field, Column: p.Column, Value: maskSSN(p.Field, p.Value), Message: lang.Say(p.Message)}
	}
	return out
}

func (r *jsonlWriter) Write(l *Line) error {
	j := jsonLine{Row: l.Row, Status: l.Status, HTTPStatus: l.HTTPStatus, Attempts: l.Attempts, Response: l.Response,
		Errors: jsonErrors(l.Errors, r.lang), Warnings: jsonErrors(l.Warnings, r.lang), Changes: make([]jsonChange, 0, len(l.Changes))}
	if Extra(l.Cells, r.width) != nil {
		j.Cells = r.maskCells(l)
		for i, p := range l.Errors {
			if _, ok := p.Message.(msg.ExtraCells); ok { // its value lists the cells beyond the header
				j.Errors[i].Value = QuoteCells(Extra(j.Cells, r.width))
			}
		}
	}
	for _, c := range l.Changes {
		from := c.From
		if c.To != "" { // a cell taken as empty holds a text of the mapping's, not a number
			from = maskSSN(c.Field, c.From)
		}
		j.Changes = append(j.Changes, jsonChange{Column: c.Column, Field: c.Field, From: from, To: maskSSN(c.Field, c.To), SentAs: c.SentAs})
	}
	if l.Lead != nil {
		j.Lead = &jsonLead{Endpoint: l.Lead.Endpoint, CustomerID: l.Lead.CustomerID, EstateID: l.Lead.EstateID}
		// A copy of the body: the caller's lead is untouched.
		var p *mapping.Person
		if in := l.Lead.Interest; in != nil {
			body := *in
			j.Lead.Body, p = &body, &body.Person
		} else {
			body := l.Lead.Body
			j.Lead.Body, p = &body, &body.Person
		}
		if p.SocialSecurityNumber != "" {
			p.SocialSecurityNumber = mapping.MaskPersonnummer(p.SocialSecurityNumber)
		}
	}
	if err := r.enc.Encode(&j); err != nil {
		return failed(err)
	}
	return nil
}

func (r *jsonlWriter) Flush() error {
	if err := r.buf.Flush(); err != nil {
		return failed(err)
	}
	return nil
}

func (r *jsonlWriter) Close(*Summary) error { return r.Flush() }

// maskCells are l's cells with every personnummer masked: a cell written
// like one, wherever it is (in a ragged row a personnummer may have moved
// out of its column), and the cells of the columns l's problems, warnings
// and changes say are a personnummer, whatever they hold.
func (r *jsonlWriter) maskCells(l *Line) []string {
	ssn := map[int]bool{}
	note := func(field, column string) {
		if i, ok := r.column[column]; ok && mapping.IsPersonnummerField(field) {
			ssn[i] = true
		}
	}
	for _, p := range l.Errors {
		note(p.Field, p.Column)
	}
	for _, p := range l.Warnings {
		note(p.Field, p.Column)
	}
	for _, c := range l.Changes {
		note(c.Field, c.Column)
	}
	cells := make([]string, len(l.Cells))
	for i, c := range l.Cells {
		if c != "" && (ssn[i] || writtenAsPersonnummer(c)) {
			c = mapping.MaskPersonnummer(c)
		}
		cells[i] = c
	}
	return cells
}

// writtenAsPersonnummer reports whether s is written as a personnummer
// is, right or wrong: 10 or 12 digits, a separator before the last four
// or none. An organisation number is not personal.
func writtenAsPersonnummer(s string) bool {
	_, err := mapping.ParsePersonnummer(s, centuryOf)
	return err == nil || !errors.Is(err, mapping.ErrPersonnummerFormat) && !errors.Is(err, mapping.ErrOrganisationNumber)
}

// centuryOf is the date a 10-digit personnummer's century is read from
// here: any will do, since it changes only which date is meant, not
// whether the text is written as a personnummer.
var centuryOf = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// maskSSN masks v when it is a personnummer: a JSONL report, read by
// programs and passed on, holds none in full.
func maskSSN(field, v string) string {
	if v == "" || !mapping.IsPersonnummerField(field) {
		return v
	}
	return mapping.MaskPersonnummer(v)
}

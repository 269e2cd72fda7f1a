package report

import (
	"bufio"
	"encoding/json"
	"io"

	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// jsonlWriter writes a report as JSON Lines: one object per input row.
type jsonlWriter struct {
	buf  *bufio.Writer
	enc  *json.Encoder
	lang msg.Lang
}

// NewJSONL returns a writer of a JSONL report to w, its messages in lang.
func NewJSONL(w io.Writer, lang msg.Lang) Writer {
	buf := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{buf: buf, enc: enc, lang: lang}
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
}

// jsonLead is the lead as sent, its personnummer masked.
type jsonLead struct {
	Endpoint   string                    `json:"endpoint"`
	CustomerID string                    `json:"customerId"`
	EstateID   string                    `json:"estateId"`
	Body       mapping.FinalPriceWatched `json:"body"`
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
	for _, c := range l.Changes {
		from := c.From
		if c.To != "" { // a cell taken as empty holds a text of the mapping's, not a number
			from = maskSSN(c.Field, c.From)
		}
		j.Changes = append(j.Changes, jsonChange{Column: c.Column, Field: c.Field, From: from, To: maskSSN(c.Field, c.To)})
	}
	if l.Lead != nil {
		j.Lead = &jsonLead{Endpoint: l.Lead.Endpoint, CustomerID: l.Lead.CustomerID, EstateID: l.Lead.EstateID, Body: l.Lead.Body}
		p := &j.Lead.Body.Person // a copy: the caller's lead is untouched
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

// ssnField is the field whose values a JSONL report masks everywhere.
const ssnField = "person.socialSecurityNumber"

// maskSSN masks v when it is a personnummer: a JSONL report, read by
// programs and passed on, holds none in full.
func maskSSN(field, v string) string {
	if field != ssnField || v == "" {
		return v
	}
	return mapping.MaskPersonnummer(v)
}

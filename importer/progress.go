package importer

import (
	"context"
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"strings"

	"leadimport/importer/connect"
	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// Progress hears of a run's rows as they are written to the report. main
// draws a bar on a terminal and logs a line now and then elsewhere. Total
// and Row may be called from different goroutines.
type Progress interface {
	// Begin says an input starts.
	Begin(input string)
	// Total says how many rows the input has, once they are counted; a
	// run that does not count them never calls it.
	Total(input string, rows int)
	// Row says one more row has its line, with that status.
	Row(st status.Status)
	// End says the input is done.
	End(input string)
}

type noProgress struct{}

func (noProgress) Begin(string)      {}
func (noProgress) Total(string, int) {}
func (noProgress) Row(status.Status) {}
func (noProgress) End(string)        {}

// logRow tells the log about a row that was not sent as it should have
// been: invalid and failed rows at warn, naming the row and each column
// and what is wrong, never the value (a personnummer, an e-mail address,
// a phone number: the report has them, the log does not). A row sent is
// a debug line.
func (f *file) logRow(log *slog.Logger, o *Outcome, reasons []string) {
	switch o.Status {
	case status.Invalid, status.Failed:
		attrs := []any{"input", f.input, "row", o.Row.Number, "status", string(o.Status)}
		if o.HTTPStatus != 0 {
			attrs = append(attrs, "http_status", o.HTTPStatus, "attempts", o.Attempts)
		}
		var cols []string
		for _, p := range o.Problems {
			if p.Column != "" {
				cols = append(cols, p.Column)
			}
		}
		if len(cols) > 0 {
			attrs = append(attrs, "column", strings.Join(cols, ", "))
		}
		attrs = append(attrs, "reason", strings.Join(reasons, "; "))
		log.Warn("row "+string(o.Status), attrs...)
	case status.Sent:
		if log.Enabled(context.Background(), slog.LevelDebug) {
			log.Debug("row sent", "input", f.input, "row", o.Row.Number, "attempts", o.Attempts, "contact", o.contactID)
		}
	case status.Skipped:
		// Skipped for a lead sent before with other content: a person
		// should look (the message names the fields, never a value).
		if _, changed := msg.Of(o.Err).(msg.ChangedSinceSent); changed {
			log.Warn("row skipped", "input", f.input, "row", o.Row.Number, "status", string(o.Status),
				"reason", f.logLang.Error(o.Err))
		}
	}
}

// reasons says why a row that is invalid or failed was not sent, a
// reason for each problem and one for the failure, without the values
// (nil for any other row).
func (f *file) reasons(o *Outcome) []string {
	if o.Status != status.Invalid && o.Status != status.Failed {
		return nil
	}
	reasons := make([]string, 0, len(o.Problems)+1)
	for _, p := range o.Problems {
		reasons = append(reasons, problemForLog(p, f.logLang))
	}
	if o.Err != nil {
		reasons = append(reasons, errForLog(o.Err, f.logLang))
	}
	return reasons
}

// counted are a row's reasons as the summary counts them: a row that
// disagrees with others about who the person is counts without the rows
// it names, so that a file with many such rows has one count for them.
// The reasons are o's problems' and then its error's, as f.reasons made
// them.
func (f *file) counted(o *Outcome, reasons []string) []string {
	var out []string
	for i, p := range o.Problems {
		if generic, ok := msg.WithoutRows(p.Message); ok {
			if out == nil {
				out = slices.Clone(reasons)
			}
			p.Message = generic
			out[i] = problemForLog(p, f.logLang)
		}
	}
	if out == nil {
		return reasons
	}
	return out
}

// maxReasons bounds how many different reasons a run counts: a handful
// is what a file has; the rest are counted together.
const maxReasons = 200

// countReasons counts each reason for the summary's "by reason" lines.
func (sum *FileSummary) countReasons(reasons []string) {
	for _, r := range reasons {
		if sum.Reasons == nil {
			sum.Reasons = map[string]int{}
		}
		if _, ok := sum.Reasons[r]; !ok && len(sum.Reasons) >= maxReasons {
			sum.OtherReasons++
			continue
		}
		sum.Reasons[r]++
	}
}

// problemForLog is a problem without its value: "Personnummer: check
// digit should be 1".
func problemForLog(p mapping.Problem, l msg.Lang) string {
	where := p.Column
	if where == "" {
		where = p.Field
	}
	if where == "" {
		return l.Say(p.Message)
	}
	return where + ": " + l.Say(p.Message)
}

// errForLog says why a row failed without Connect's own words, which may
// quote what was sent: the status, and the fields Connect objected to.
func errForLog(err error, l msg.Lang) string {
	var apiErr *connect.APIError
	if !errors.As(err, &apiErr) {
		return l.Error(err)
	}
	return l.Say(msg.ConnectAnswered{Status: apiErr.Status, StatusText: http.StatusText(apiErr.Status),
		Fields: slices.Sorted(maps.Keys(apiErr.ModelState))})
}

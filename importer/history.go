package importer

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gocarina/gocsv"

	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/report"
	"leadimport/importer/status"
)

// historyRow is one run as `leadimport history --csv` writes it.
type historyRow struct {
	Run       int64  `csv:"run"`
	Started   string `csv:"started"`
	Ended     string `csv:"ended"`
	Command   string `csv:"command"`
	Inputs    string `csv:"inputs"`
	SHA256    string `csv:"sha256"`
	Mapping   string `csv:"mapping"`
	Endpoint  string `csv:"endpoint"` // the calls sent to, space-separated as inputs are
	Sent      int    `csv:"sent"`
	Skipped   int    `csv:"skipped"`
	Duplicate int    `csv:"duplicate"`
	Invalid   int    `csv:"invalid"`
	Failed    int    `csv:"failed"`
	NotSent   int    `csv:"not_sent"`
	ExitCode  string `csv:"exit_code"`
	Reason    string `csv:"reason"`
}

func newHistoryRow(r ledger.RunRecord) historyRow {
	h := historyRow{
		Run: r.ID, Started: r.Started.Local().Format(time.DateTime), Command: r.Command, Mapping: r.Mapping,
		Endpoint: strings.Join(r.Endpoints, " "),
		Sent:     r.Counts[string(status.Sent)], Skipped: r.Counts[string(status.Skipped)],
		Duplicate: r.Counts[string(status.Duplicate)], Invalid: r.Counts[string(status.Invalid)],
		Failed: r.Counts[string(status.Failed)], NotSent: r.Counts[string(status.NotSent)],
		Reason: r.Reason,
	}
	if r.Finished {
		h.Ended = r.Ended.Local().Format(time.DateTime)
		h.ExitCode = strconv.Itoa(r.ExitCode)
	}
	var inputs, sums []string
	for _, in := range r.Inputs {
		inputs = append(inputs, in.Path)
		sums = append(sums, in.SHA256)
	}
	h.Inputs, h.SHA256 = strings.Join(inputs, " "), strings.Join(sums, " ")
	return h
}

// historyHeading heads the table of runs in l: the statuses among its
// words are the tool's vocabulary, in capitals.
func historyHeading(l msg.Lang) []string {
	head := []string{l.Say(msg.HeadRun{}), l.Say(msg.HeadStarted{}), l.Say(msg.HeadTook{})}
	for _, st := range []status.Status{status.Sent, status.Skipped, status.Duplicate, status.Invalid, status.Failed, status.NotSent} {
		head = append(head, strings.ToUpper(strings.ReplaceAll(string(st), "_", " ")))
	}
	return append(head, l.Say(msg.HeadExit{}), l.Say(msg.HeadEndpoint{}), l.Say(msg.HeadInputs{}), l.Say(msg.HeadReason{}))
}

// WriteHistory writes runs as a table in l, or as CSV (whose header is
// the same in every language: programs read it).
func WriteHistory(w io.Writer, runs []ledger.RunRecord, asCSV bool, l msg.Lang) error {
	if asCSV {
		rows := make([]historyRow, 0, len(runs))
		for _, r := range runs {
			h := newHistoryRow(r)
			h.Inputs, h.Mapping, h.Reason = report.Neutralize(h.Inputs), report.Neutralize(h.Mapping), report.Neutralize(h.Reason)
			rows = append(rows, h)
		}
		return gocsv.Marshal(rows, w)
	}
	if len(runs) == 0 {
		_, err := fmt.Fprintln(w, l.Say(msg.NoRuns{}))
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(historyHeading(l), "\t"))
	for _, r := range runs {
		h := newHistoryRow(r)
		took, exit := l.Say(msg.RunningOrDied{}), "-"
		if r.Finished {
			took = r.Ended.Sub(r.Started).Round(time.Second).String()
			exit = h.ExitCode
		}
		var names []string
		for _, in := range r.Inputs {
			names = append(names, filepath.Base(in.Path))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n", h.Run, h.Started, took,
			h.Sent, h.Skipped, h.Duplicate, h.Invalid, h.Failed, h.NotSent, exit, cmp.Or(strings.Join(r.Endpoints, ", "), "-"),
			cmp.Or(strings.Join(names, ", "), "-"), h.Reason)
	}
	return tw.Flush()
}

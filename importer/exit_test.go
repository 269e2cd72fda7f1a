package importer

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"leadimport/importer/msg"
	"leadimport/importer/status"
)

// TestExitCodes: how a run ended decides its exit code, the contract
// with scripts and schedulers: 1 asks a person to fix rows, 3 asks for
// another run later.
func TestExitCodes(t *testing.T) {
	file := func(counts map[status.Status]int, transient int) FileSummary {
		return FileSummary{Counts: counts, Transient: transient}
	}
	tests := []struct {
		name   string
		sum    Summary
		runErr error
		want   int
	}{
		{"all sent", Summary{Files: []FileSummary{file(map[status.Status]int{status.Sent: 2}, 0)}}, nil, ExitOK},
		{"rows to fix", Summary{Files: []FileSummary{file(map[status.Status]int{status.Sent: 2, status.Invalid: 1}, 0)}}, nil, ExitRows},
		{"refused by Connect", Summary{Files: []FileSummary{file(map[status.Status]int{status.Sent: 2, status.Failed: 1}, 0)}}, nil, ExitRows},
		{"a failure that may pass", Summary{Files: []FileSummary{file(map[status.Status]int{status.Sent: 2, status.Invalid: 1, status.Failed: 1}, 1)}}, nil, ExitStopped},
		{"stopped", Summary{Stopped: ErrConnectDown}, nil, ExitStopped},
		{"stopped: credentials refused", Summary{Stopped: ErrUnauthorized}, nil, ExitStopped},
		{"stopped: nothing but 429", Summary{Stopped: msg.Error(msg.Throttled{For: 15 * time.Minute, Max: 15 * time.Minute}, ErrThrottled)}, nil, ExitStopped},
		{"stopped: the same refusal on every row", Summary{Stopped: msg.Error(msg.SameRefusal{Rows: 20, Answer: errors.New("404 Not Found")}, ErrSameRefusal)}, nil, ExitStopped},
		{"stopped: Connect not reached", Summary{Stopped: ErrUnreachable}, nil, ExitStopped},
		{"stopped: interrupted", Summary{Stopped: context.Canceled}, nil, ExitStopped},
		{"stopped, with rows to fix", Summary{Stopped: ErrConnectDown, Files: []FileSummary{file(map[status.Status]int{status.Invalid: 1, status.NotSent: 3}, 0)}}, nil, ExitStopped},
		{"stopped, with an input refused", Summary{Stopped: ErrConnectDown, Files: []FileSummary{{Input: "b.csv", Refused: errors.New("does not fit")}}}, errors.New("does not fit"), ExitStopped},
		{"unconfirmed rows left for the next run", Summary{Files: []FileSummary{file(map[status.Status]int{status.Sent: 5, status.Failed: 1}, 1)}}, nil, ExitStopped},
		{"may pass in one input, refused another", Summary{Files: []FileSummary{file(map[status.Status]int{status.Failed: 1}, 1), {Input: "b.csv", Refused: errors.New("does not fit")}}}, errors.New("does not fit"), ExitStopped},
		{"may pass in one input, rows to fix in another", Summary{Files: []FileSummary{file(map[status.Status]int{status.Invalid: 2}, 0), file(map[status.Status]int{status.Failed: 1}, 1)}}, nil, ExitStopped},
		{"too many invalid", Summary{Stopped: ErrTooManyInvalid}, nil, ExitNothing},
		{"never started", Summary{}, &SetupError{errors.New("no such file")}, ExitNothing},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range tc.sum.Files {
				if tc.sum.Counts == nil {
					tc.sum.Counts = map[status.Status]int{}
				}
				for st, n := range f.Counts {
					tc.sum.Counts[st] += n
				}
			}
			assert.Equal(t, tc.want, tc.sum.ExitCode(tc.runErr))
		})
	}
}

func TestReason(t *testing.T) {
	long := strings.Repeat("x", 600)
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"none", nil, ""},
		{"one line", errors.New("no Connect credentials"), "no Connect credentials"},
		{"spaces folded", errors.New("a  b\tc"), "a b c"},
		{"a heading takes its first line", errors.New("a.csv does not fit the mapping:\n  m.yaml:4: column \"X\" is not in the input\n  m.yaml:5: column \"Y\" is not in the input"),
			`a.csv does not fit the mapping: m.yaml:4: column "X" is not in the input (and 1 more line)`},
		{"joined", errors.Join(errors.New("first"), errors.New("second"), errors.New("third")), "first (and 2 more lines)"},
		{"cut", errors.New(long), strings.Repeat("x", maxReason-1) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Reason(tc.err))
		})
	}
}

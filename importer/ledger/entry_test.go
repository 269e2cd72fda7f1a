package ledger

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// step is one call on the ledger, made by the first or the second run.
type step struct {
	run     int // 1 or 2
	op      string
	row     int
	contact string
	http    int
}

func TestEntryTransitions(t *testing.T) {
	tests := []struct {
		name  string
		steps []step
		want  Entry // Key and At are checked apart
		atRun int   // the step (1-based) whose time At must show
	}{
		{
			name:  "pending",
			steps: []step{{run: 1, op: "pending", row: 3}},
			want:  Entry{Status: StatusPending, RunID: 1, Input: "in.csv", Row: 3},
			atRun: 1,
		},
		{
			name:  "sent",
			steps: []step{{run: 1, op: "pending", row: 3}, {run: 1, op: "sent", contact: "c1", http: 201}},
			want:  Entry{Status: StatusSent, RunID: 1, Input: "in.csv", Row: 3, ContactID: "c1", HTTPStatus: 201},
			atRun: 2,
		},
		{
			name:  "failed",
			steps: []step{{run: 1, op: "pending", row: 3}, {run: 1, op: "failed", http: 422}},
			want:  Entry{Status: StatusFailed, RunID: 1, Input: "in.csv", Row: 3, HTTPStatus: 422},
			atRun: 2,
		},
		{
			name:  "failed then retried by a later run",
			steps: []step{{run: 1, op: "pending", row: 3}, {run: 1, op: "failed", http: 503}, {run: 2, op: "pending", row: 4}},
			want:  Entry{Status: StatusPending, RunID: 2, Input: "in.csv", Row: 4},
			atRun: 3,
		},
		{
			name:  "failed then sent by a later run",
			steps: []step{{run: 1, op: "pending", row: 3}, {run: 1, op: "failed", http: 503}, {run: 2, op: "pending", row: 4}, {run: 2, op: "sent", contact: "c2", http: 201}},
			want:  Entry{Status: StatusSent, RunID: 2, Input: "in.csv", Row: 4, ContactID: "c2", HTTPStatus: 201},
			atRun: 4,
		},
		{
			name:  "pending left by a dead run is taken over",
			steps: []step{{run: 1, op: "pending", row: 3}, {run: 2, op: "pending", row: 3}, {run: 2, op: "sent", contact: "c2", http: 201}},
			want:  Entry{Status: StatusSent, RunID: 2, Input: "in.csv", Row: 3, ContactID: "c2", HTTPStatus: 201},
			atRun: 3,
		},
		{
			name:  "forced resend that dies stays sent, by the run that sent it",
			steps: []step{{run: 1, op: "pending", row: 3}, {run: 1, op: "sent", contact: "c1", http: 201}, {run: 2, op: "pending", row: 5}},
			want:  Entry{Status: StatusSent, RunID: 1, Input: "in.csv", Row: 5, ContactID: "c1", HTTPStatus: 201},
			atRun: 2,
		},
		{
			name:  "forced resend that fails stays sent, by the run that sent it",
			steps: []step{{run: 1, op: "pending", row: 3}, {run: 1, op: "sent", contact: "c1", http: 201}, {run: 2, op: "pending", row: 5}, {run: 2, op: "failed", http: 500}},
			want:  Entry{Status: StatusSent, RunID: 1, Input: "in.csv", Row: 5, ContactID: "c1", HTTPStatus: 201},
			atRun: 2,
		},
		{
			name:  "forced resend that succeeds records the new contact",
			steps: []step{{run: 1, op: "pending", row: 3}, {run: 1, op: "sent", contact: "c1", http: 201}, {run: 2, op: "pending", row: 5}, {run: 2, op: "sent", contact: "c2", http: 200}},
			want:  Entry{Status: StatusSent, RunID: 2, Input: "in.csv", Row: 5, ContactID: "c2", HTTPStatus: 200},
			atRun: 4,
		},
		{
			name:  "sent without pending is still recorded",
			steps: []step{{run: 1, op: "sent", contact: "c1", http: 201}},
			want:  Entry{Status: StatusSent, RunID: 1, ContactID: "c1", HTTPStatus: 201},
			atRun: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newLedger(t)
			base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
			var stepNo int
			l.now = func() time.Time { return base.Add(time.Duration(stepNo) * time.Minute) }
			k := l.Key("endpoint", "customer", "estate", tt.name)

			runs := map[int]*Run{}
			for i, s := range tt.steps {
				stepNo = i + 1
				r := runs[s.run]
				if r == nil {
					if prev := runs[s.run-1]; prev != nil {
						require.NoError(t, prev.Finish(nil, 0, "", base))
					}
					r = begin(t, l, "in.csv")
					runs[s.run] = r
				}
				var err error
				switch s.op {
				case "pending":
					err = r.Pending(k, "in.csv", s.row, nil)
				case "sent":
					err = r.Sent(k, s.contact, s.http, nil)
				case "failed":
					err = r.Failed(k, s.http)
				}
				require.NoError(t, err, "step %d", i+1)
			}
			for _, r := range runs {
				if r.active() == nil {
					require.NoError(t, r.Sync(), "a Sent is committed with the next group")
				}
			}

			got, found, err := l.Lookup(k)
			require.NoError(t, err)
			require.True(t, found)
			want := tt.want
			want.Key = k
			want.RunID = runs[int(tt.want.RunID)].ID
			want.At = base.Add(time.Duration(tt.atRun) * time.Minute)
			assert.True(t, want.At.Equal(got.At), "At %v, want %v", got.At, want.At)
			got.At = want.At
			assert.Equal(t, want, got)
		})
	}
}

func TestLookupUnknown(t *testing.T) {
	l := newLedger(t)
	e, found, err := l.Lookup(l.Key("never"))
	require.NoError(t, err)
	assert.False(t, found)
	assert.Equal(t, Entry{}, e)
}

package importer

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"

	"leadimport/importer/ledger"
	"leadimport/importer/status"
	"leadimport/mapping"
)

func openLedger(t *testing.T) *ledger.Ledger {
	t.Helper()
	l, err := ledger.Open(filepath.Join(t.TempDir(), "ledger.db"))
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	return l
}

// TestRunUnconfirmedOnEveryPath: once an attempt got no answer, Connect
// may have the lead, whatever ends the attempts after it: the row says
// so, and the ledger keeps the lead pending, so the next run sends it
// again with a note (or, when a later attempt was answered, knows it was
// sent).
func TestRunUnconfirmedOnEveryPath(t *testing.T) {
	stopped := errors.New("stopped")
	tests := []struct {
		name string
		then int // the status of the attempts after the first; 200 sends
		// stopAt stops the run at the sleep of this number (1: the
		// backoff after the first attempt, 2: the limiter's wait before
		// the second); 0: no stop.
		stopAt  int
		limiter *rate.Limiter
		want    status.Status
	}{
		{"then refused", http.StatusBadRequest, 0, nil, status.Failed},
		{"then unauthorized", http.StatusUnauthorized, 0, nil, status.Failed},
		{"retries spent", http.StatusServiceUnavailable, 0, nil, status.Failed}, // the next run sends it again, with a note
		{"stopped in the backoff", http.StatusOK, 1, nil, status.Failed},
		{"stopped waiting for the limiter", http.StatusOK, 2, rate.NewLimiter(rate.Every(time.Hour), 1), status.Failed},
		{"then sent", http.StatusOK, 0, nil, status.Sent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var calls atomic.Int32
			healthy := atomic.Bool{}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				n := calls.Add(1)
				switch {
				case healthy.Load():
					io.WriteString(w, `"CON2"`)
				case n == 1:
					// No answer: wait until the client gives up.
					io.Copy(io.Discard, r.Body)
					<-r.Context().Done()
				case tc.then == http.StatusOK:
					io.WriteString(w, `"CON1"`)
				default:
					w.WriteHeader(tc.then)
				}
			}))
			defer srv.Close()
			led := openLedger(t)
			input := writeInput(t, 1, nil)

			ctx, stop := context.WithCancelCause(context.Background())
			defer stop(nil)
			cfg := testConfig(t, input, srv.URL)
			cfg.Ledger, cfg.Retries, cfg.Timeout, cfg.Workers = led, 1, 100*time.Millisecond, 1
			if tc.limiter != nil {
				cfg.Limiter = tc.limiter
			}
			var sleeps atomic.Int32
			cfg.Sleep = func(ctx context.Context, d time.Duration) error {
				if int(sleeps.Add(1)) == tc.stopAt {
					stop(stopped)
					return ctx.Err()
				}
				return nil
			}
			_, err := Run(ctx, cfg)
			require.NoError(t, err)
			lines := readReport(t, cfg.Report)
			require.Equal(t, string(tc.want), lines[0]["status"], lines[0]["error"])
			if tc.want == status.Sent {
				assert.Contains(t, lines[0]["error"], "Connect may have recorded this lead twice")
			} else {
				assert.Contains(t, lines[0]["error"], "Connect may have recorded this lead; the next run sends it again")
			}

			healthy.Store(true)
			cfg2 := testConfig(t, input, srv.URL)
			cfg2.Ledger = led
			_, err = Run(context.Background(), cfg2)
			require.NoError(t, err)
			lines = readReport(t, cfg2.Report)
			if tc.want == status.Sent {
				assert.Equal(t, "skipped", lines[0]["status"], "the ledger knows it was sent")
				return
			}
			assert.Equal(t, "sent", lines[0]["status"])
			assert.Contains(t, lines[0]["error"], "earlier run's attempt is unconfirmed", "the ledger kept it pending")
		})
	}
}

func TestRunDuplicates(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `"CON1"`)
	}))
	defer srv.Close()
	m, err := mapping.Parse(strings.NewReader(`version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Pnr: person.socialSecurityNumber
  Utländskt: person.isForeignSocialSecurityNumber
  E-post: person.email.emailAddress
  E-post 2: person.email.emailAddress2
  Telefon: person.telephone.home
constants:
  customerId: M1001
  estateId: OBJ1
`), "m.yaml")
	require.NoError(t, err)
	// Skatteverket's test personnummer 19800101-... are not used here: a
	// foreign number is sent as written, and any text will do. Each
	// duplicate says nothing the row it repeats says otherwise (rows that
	// do are conflicts: conflicts_test.go).
	rows := []struct {
		cells string
		want  string
	}{
		{"Anna,Berg,,,home@example.se,,", "sent"},
		{"Erik,Berg,AB123456,ja,erik@example.se,,", "sent"},
		{"Erik,Berg,ab123456,ja,,,08-555 55 55", "duplicate"},     // the same foreign number, a phone for the e-mail
		{"Lo,Ek,,,,lo@example.se,", "sent"},                       // only a second e-mail
		{"Lo,Ek,,,,LO@example.se,", "duplicate"},                  // ... is still an identity
		{"Bo,Ek,,,,,08-123 456 78", "sent"},                       // only a home phone
		{"bo,ek,,,,,0812345678", "duplicate"},                     // same name and number
		{"Bo,Ek,,,,,08-999 999 99", "sent"},                       // another number
		{"Anna,Berg,,,HOME@example.se,,070-1234567", "duplicate"}, // Anna's e-mail decides
	}
	var b strings.Builder
	b.WriteString("Förnamn,Efternamn,Pnr,Utländskt,E-post,E-post 2,Telefon\n")
	for _, r := range rows {
		b.WriteString(r.cells + "\n")
	}
	input := filepath.Join(t.TempDir(), "dups.csv")
	require.NoError(t, os.WriteFile(input, []byte(b.String()), 0o600))
	cfg := testConfig(t, input, srv.URL)
	cfg.Mappings, cfg.Ledger = []*mapping.Mapping{m}, openLedger(t)
	sum, err := Run(context.Background(), cfg)
	require.NoError(t, err)
	lines := readReport(t, cfg.Report)
	require.Len(t, lines, len(rows))
	for i, r := range rows {
		assert.Equal(t, r.want, lines[i]["status"], "row %d %q: %s", i+2, r.cells, lines[i]["error"])
	}
	assert.Contains(t, lines[2]["error"], "row 3")
	assert.True(t, sum.Clean(), "duplicates are not errors")
}

// TestRunSameLeadInTwoInputs: a lead the first input sent is skipped in
// the second, in the same run, however fast the second follows: the
// ledger's last writes of the first are committed before the second is
// looked up.
func TestRunSameLeadInTwoInputs(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		io.WriteString(w, `"CON1"`)
	}))
	defer srv.Close()
	const n = 40
	for range 5 {
		first := writeInput(t, n, nil)
		data, err := os.ReadFile(first)
		require.NoError(t, err)
		// The second input starts with the first's last rows, whose
		// ledger writes are the newest.
		lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
		slices.Reverse(lines[1:])
		second := filepath.Join(t.TempDir(), "reversed.csv")
		require.NoError(t, os.WriteFile(second, []byte(strings.Join(lines, "\n")+"\n"), 0o600))

		calls.Store(0)
		cfg := testConfig(t, "", srv.URL)
		cfg.Inputs, cfg.Report, cfg.Ledger, cfg.Workers = []string{first, second}, t.TempDir(), openLedger(t), 8
		sum, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		require.Len(t, sum.Files, 2)
		assert.Equal(t, n, sum.Files[0].Counts[status.Sent])
		assert.Equal(t, n, sum.Files[1].Counts[status.Skipped], "the second input's leads were sent by the first")
		assert.EqualValues(t, n, calls.Load(), "requests")
	}
}

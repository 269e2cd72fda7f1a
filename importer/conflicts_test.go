package importer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/importer/status"
	"leadimport/mapping"
)

// testPins are Skatteverket's test personnummer, the only ones tests
// use, written YYYYMMDD-NNNN.
func testPins(t *testing.T, n int) []string {
	t.Helper()
	data, err := os.ReadFile("../testdata/personnummer/allPins.json")
	require.NoError(t, err)
	var pins []string
	require.NoError(t, json.Unmarshal(data, &pins))
	require.GreaterOrEqual(t, len(pins), n)
	out := make([]string, n)
	for i := range out {
		out[i] = pins[i][:8] + "-" + pins[i][8:]
	}
	return out
}

// recorder is a Connect stand-in that accepts every lead and keeps the
// first names it was sent.
type recorder struct {
	*httptest.Server
	mu    sync.Mutex
	names []string
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var body mapping.FinalPriceWatched
		if err := json.NewDecoder(req.Body).Decode(&body); err != nil {
			w.WriteHeader(http.StatusBadRequest)
			return
		}
		r.mu.Lock()
		r.names = append(r.names, body.Person.FirstName+" "+body.Person.LastName)
		r.mu.Unlock()
		io.WriteString(w, `"CON1"`)
	}))
	t.Cleanup(r.Close)
	return r
}

func (r *recorder) sent() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.names...)
}

func writeCSV(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.csv")
	data := "Förnamn,Efternamn,Personnummer,E-post,Mobil\n" + strings.Join(lines, "\n") + "\n"
	require.NoError(t, os.WriteFile(path, []byte(data), 0o600))
	return path
}

// TestRunConflictingRows: rows that are the same person but disagree on
// who that is are all invalid, naming each other and the field, in a run
// and a check alike; the first of them is not sent although it comes
// first, and a row that only adds what another left empty is still a
// duplicate.
func TestRunConflictingRows(t *testing.T) {
	pins := testPins(t, 4)
	input := filepath.Join(t.TempDir(), "in.csv")
	require.NoError(t, os.WriteFile(input, []byte("Namn,Personnummer,E-post,Mobil\n"+
		"Linnéa Eriksson,"+pins[0]+",linnea@example.se,\n"+ // row 2
		"Bo Ek,"+pins[1]+",bo@example.se,\n"+ // row 3
		"Bo Ek,"+pins[1]+",,070-123 45 67\n"+ // row 4: no e-mail here, a phone there
		`"Lundgren, Anna-Karin",`+pins[0]+",ak@example.se,\n"+ // row 5: the issue's: same personnummer
		"Cia Berg,"+pins[2]+",cia@example.se,\n"+ // row 6
		"Cia Berg,"+pins[3]+",cia@example.se,\n"), 0o600)) // row 7: same e-mail, another personnummer
	m, err := mapping.Parse(strings.NewReader(`version: 1
columns:
  Namn: person.fullName
  Personnummer: person.socialSecurityNumber
  E-post: person.email.emailAddress
  Mobil: person.telephone.cell
constants:
  customerId: M1001
  estateId: OBJ1
`), "m.yaml")
	require.NoError(t, err)
	want := []struct {
		status status.Status
		says   string
	}{
		{status.Invalid, "same personnummer as row 5, but another name: check both rows"},
		{status.Sent, ""},
		{status.Duplicate, "the same person as row 3"},
		{status.Invalid, "same personnummer as row 2, but another name: check both rows"},
		{status.Invalid, "same e-mail address as row 7, but another personnummer: check both rows"},
		{status.Invalid, "same e-mail address as row 6, but another personnummer: check both rows"},
	}
	srv := newRecorder(t)
	cfg := testConfig(t, input, srv.URL)
	cfg.Mappings, cfg.Ledger, cfg.Workers = []*mapping.Mapping{m}, openLedger(t), 1
	_, err = Run(context.Background(), cfg)
	require.NoError(t, err)
	lines := readReport(t, cfg.Report)
	require.Len(t, lines, len(want))
	for i, w := range want {
		assert.Equal(t, string(w.status), lines[i]["status"], "row %d: %s", i+2, lines[i]["error"])
		assert.Contains(t, lines[i]["error"], w.says, "row %d", i+2)
	}
	assert.Equal(t, []string{"Bo Ek"}, srv.sent(), "the first row of a conflict is not sent, though it comes first")

	// A check calls the same rows invalid.
	check := testConfig(t, input, "")
	check.Mappings = []*mapping.Mapping{m}
	_, err = Run(context.Background(), check)
	require.NoError(t, err)
	for i, line := range readReport(t, check.Report) {
		if want[i].status == status.Invalid {
			assert.Equal(t, "invalid", line["status"], "row %d", i+2)
			assert.Equal(t, lines[i]["error"], line["error"], "row %d", i+2)
		} else {
			assert.Equal(t, "valid", line["status"], "row %d", i+2)
		}
	}
}

// TestMaxInvalidCountsConflicts: --max-invalid counts the rows invalid
// for a conflict with the others, from the same reading ahead.
func TestMaxInvalidCountsConflicts(t *testing.T) {
	pins := testPins(t, 1)
	input := writeCSV(t,
		"Anna,Berg,"+pins[0]+",anna@example.se,",
		"Anna,Berg,,anna2@example.se,",
		"Annie,Berg,"+pins[0]+",annie@example.se,",
		"Bo,,,bo@example.se,", // no last name
	)
	for _, tc := range []struct {
		max  int
		sent int
	}{{2, 0}, {3, 1}} {
		srv := newRecorder(t)
		cfg := testConfig(t, input, srv.URL)
		cfg.MaxInvalid = &tc.max
		sum, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		assert.Len(t, srv.sent(), tc.sent, "--max-invalid %d", tc.max)
		if tc.sent == 0 {
			assert.True(t, errors.Is(sum.Stopped, ErrTooManyInvalid), "three invalid rows: two conflicts and one without a last name")
		}
	}
}

// TestRunChangedSinceSent: a row for a person the ledger sent a lead for,
// on the same estate, but whose content changed since, is skipped with a
// warning naming the fields that changed (and the contact id of the lead
// sent); --force sends it, and a later run knows it sent that one.
func TestRunChangedSinceSent(t *testing.T) {
	pins := testPins(t, 3)
	led := openLedger(t)
	var log bytes.Buffer
	run := func(force bool, lines ...string) ([]map[string]string, []string) {
		t.Helper()
		srv := newRecorder(t)
		cfg := testConfig(t, writeCSV(t, lines...), srv.URL)
		cfg.Ledger, cfg.Force = led, force
		log.Reset()
		cfg.Log = slog.New(slog.NewTextHandler(&log, nil))
		_, err := Run(context.Background(), cfg)
		require.NoError(t, err)
		return readReport(t, cfg.Report), srv.sent()
	}
	anna := "Anna,Berg," + pins[0] + ",anna@example.se,"
	bo := "Bo,Ek," + pins[1] + ",bo@example.se,"
	changed := "Anna,Berg," + pins[0] + ",anna.berg@example.se,070-123 45 67"

	lines, sent := run(false, anna, bo)
	require.ElementsMatch(t, []string{"Anna Berg", "Bo Ek"}, sent)
	annasContact := lines[0]["response"]

	lines, sent = run(false, changed, bo, "Cia,Ek,,cia@example.se,")
	assert.Equal(t, []string{"Cia Ek"}, sent, "only the new person")
	assert.Equal(t, "skipped", lines[0]["status"])
	assert.Contains(t, lines[0]["error"], "and changed since (the e-mail address and the phone number): not sent again; check the row, and --force sends it anyway")
	assert.Equal(t, annasContact, lines[0]["response"], "the contact id of the lead sent")
	assert.Contains(t, log.String(), `level=WARN msg="row skipped"`, "the log says so too")
	assert.NotContains(t, log.String(), "anna", "the log names fields, never a value")
	assert.Equal(t, "skipped", lines[1]["status"])
	assert.Contains(t, lines[1]["error"], "sent before", "unchanged: skipped as before")
	assert.NotContains(t, lines[1]["error"], "changed")
	assert.Equal(t, "sent", lines[2]["status"])

	lines, sent = run(true, changed)
	assert.Equal(t, []string{"Anna Berg"}, sent, "--force sends it")
	assert.Equal(t, "sent", lines[0]["status"])

	lines, sent = run(false, changed)
	assert.Empty(t, sent)
	assert.Equal(t, "skipped", lines[0]["status"])
	assert.NotContains(t, lines[0]["error"], "changed", "what was sent last is what the row says")

	// Found by a weaker key: Cia, sent by her e-mail address alone, now
	// with her personnummer, is that lead changed, not a new one.
	lines, sent = run(false, "Cia,Ek,"+pins[2]+",cia@example.se,")
	assert.Empty(t, sent)
	assert.Equal(t, "skipped", lines[0]["status"])
	assert.Contains(t, lines[0]["error"], "(the personnummer)")
	lines, sent = run(true, "Cia,Ek,"+pins[2]+",cia@example.se,")
	assert.Equal(t, []string{"Cia Ek"}, sent)
	lines, sent = run(false, "Cia,Ek,"+pins[2]+",cia@example.se,")
	assert.Empty(t, sent, "sent under the key it was found by: known from then on")
	assert.NotContains(t, lines[0]["error"], "changed")

	// Found by an alias: Bo, sent with his personnummer and e-mail
	// address, now without the personnummer, is that lead too.
	lines, sent = run(false, "Bo,Ek,,bo@example.se,")
	assert.Empty(t, sent)
	assert.Equal(t, "skipped", lines[0]["status"])
	assert.Contains(t, lines[0]["error"], "(the personnummer)")
}

// changeOnTotal changes an input once it has been read ahead, before the
// reading that sends: as an export still being written, or a workbook
// saved again, would.
type changeOnTotal struct {
	noProgress
	change func()
}

func (c changeOnTotal) Total(string, int) { c.change() }

// TestRunInputChangedSinceReadAhead: an input is read once, ahead of the
// run, which sends the rows as they were read then and judged together
// (spool.go), whatever is written to the file afterwards (a row
// appended, a row rewritten): no verdict is given to a row it was not
// made for, no row is read that was not compared. The file, changed, is
// left in the inbox for the next run (exit 3), which reads it anew.
func TestRunInputChangedSinceReadAhead(t *testing.T) {
	pins := testPins(t, 3)
	anna := "Anna,Berg," + pins[0] + ",anna@example.se,"
	bo := "Bo,Ek," + pins[1] + ",bo@example.se,"
	cia := "Ciaa,Ekky," + pins[2] + ",ciaa@example.se," // as long as Anna's row
	// Invalid rows (no last name, no e-mail or phone) that are read but
	// not sent, so many that the rows that change come after what the
	// reader holds at the start (it reads ahead to sniff the file).
	filler := slices.Repeat([]string{"Utfyllnad utan efternamn eller e-post,,,,"}, 6000)
	tests := []struct {
		name   string
		lines  []string
		change func(path string) error
	}{
		{"a row appended", append(slices.Clip(filler), anna, bo), func(path string) error {
			f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				return err
			}
			_, err = f.WriteString(anna + "\n")
			return errors.Join(err, f.Close())
		}},
		// Row 3 was read ahead as a duplicate of row 2; it is now Cia's,
		// whom nobody else is: her row must not be taken for a duplicate.
		{"a row rewritten in place", append(slices.Clip(filler), anna, anna, bo), func(path string) error {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			i := strings.LastIndex(string(data), anna)
			data = []byte(string(data[:i]) + strings.Replace(string(data[i:]), anna, cia, 1))
			return os.WriteFile(path, data, 0o600)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, len(anna), len(cia))
			input := writeCSV(t, tc.lines...)
			srv := newRecorder(t)
			cfg := testConfig(t, input, srv.URL)
			cfg.Workers, cfg.CountRows = 1, true
			cfg.Progress = changeOnTotal{change: func() { require.NoError(t, tc.change(input)) }}
			sum, err := Run(context.Background(), cfg)
			require.NoError(t, err)
			assert.Equal(t, ExitStopped, sum.ExitCode(nil))
			require.Len(t, sum.Files, 1)
			assert.Error(t, sum.Files[0].Held, "left in the inbox for the next run")
			assert.NoError(t, sum.Stopped, "what was read is sent: the run goes on")
			lines := readReport(t, cfg.Report)
			require.Len(t, lines, len(tc.lines), "no row past those read ahead is read")
			assert.ElementsMatch(t, []string{"Anna Berg", "Bo Ek"}, srv.sent())
			if tc.name == "a row rewritten in place" {
				// Row 3 was Anna's when it was read: it is her duplicate,
				// as read, and its line shows her cells, not Cia's.
				assert.Equal(t, "duplicate", lines[len(lines)-2]["status"])
				assert.Equal(t, "Anna", lines[len(lines)-2]["Förnamn"])
			}
		})
	}
}

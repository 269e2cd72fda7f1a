package main

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"leadimport/importer/sandbox"
)

// statusCounts counts a report's lines per status.
func statusCounts(lines [][]string) map[string]int {
	counts := map[string]int{}
	for _, l := range lines {
		counts[l[6]]++
	}
	return counts
}

// acceptedTimes counts how often the sandbox accepted each person (by
// e-mail, unique per generated row).
func acceptedTimes(t *testing.T, s *server) map[string]int {
	got := map[string]int{}
	for _, l := range s.received(t) {
		got[l.Person.Email.EmailAddress]++
	}
	return got
}

func TestSecondRunSkipsWhatWasSent(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 7) // rows 0-6: none invalid
	m := writeMapping(t, dir)
	env := sandboxEnv(s, sandboxPassword)

	first := runCmd(t, dir, env, "run", "--mapping", m, "--rate", "0", "--report", filepath.Join(dir, "r1.csv"), input)
	require.Equal(t, 0, first.code, first.stderr)
	second := runCmd(t, dir, env, "run", "--mapping", m, "--rate", "0", "--report", filepath.Join(dir, "r2.csv"), input)
	assert.Equal(t, 0, second.code, second.stderr)
	assert.Contains(t, second.stderr, "7 skipped")
	assert.Equal(t, 7, s.sb.Accepted(), "each lead sent once")

	_, lines1 := readReport(t, filepath.Join(dir, "r1.csv"))
	_, lines2 := readReport(t, filepath.Join(dir, "r2.csv"))
	for i, l := range lines2 {
		assert.Equal(t, "skipped", l[6])
		assert.Equal(t, lines1[i][9], l[9], "the earlier contact id")
		assert.Contains(t, l[10], "sent before")
	}

	forced := runCmd(t, dir, env, "run", "--mapping", m, "--rate", "0", "--force", "--report", filepath.Join(dir, "r3.csv"), input)
	assert.Equal(t, 0, forced.code, forced.stderr)
	assert.Equal(t, 14, s.sb.Accepted(), "--force sends again")

	hist := runCmd(t, dir, nil, "history", "--csv")
	require.Equal(t, 0, hist.code, hist.stderr)
	assert.Len(t, strings.Split(strings.TrimSpace(hist.stdout), "\n"), 4, "a header and three runs")
	assert.Contains(t, hist.stdout, "leads.csv")
}

func TestDuplicateRowsInOneInput(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	pins := testPins(t)
	pin := pins[0][:8] + "-" + pins[0][8:]
	input := filepath.Join(dir, "dups.csv")
	require.NoError(t, os.WriteFile(input, []byte("Förnamn;Efternamn;Personnummer;E-post;Mobil\n"+
		"Åsa;Öberg;"+pin+";asa@example.se;070-1234567\n"+
		"Åsa;Öberg;"+pins[0]+";Asa@Example.se;\n"+ // same personnummer, written otherwise, no phone
		"Bo;Ek;;bo@example.se;\n"+
		"Bo;Ek;;BO@example.se;0701234567\n"+ // same e-mail
		"Cia;Ek;;;070-765 43 21\n"+
		"cia;ek;;;0707654321\n"+ // same name and phone
		"Dan;Berg;;;0701112233\n"+
		"Dan;Berg;;dan@example.se;0701112233\n"+ // adds an e-mail address
		"Eva;Lind;;eva@example.se;\n"+
		"Eva;Lind;"+pins[1]+";eva@example.se;\n"), 0o600)) // adds a personnummer
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", writeMapping(t, dir), "--rate", "0",
		"--report", filepath.Join(dir, "r.csv"), input)
	assert.Equal(t, 0, res.code, res.stderr)
	_, lines := readReport(t, filepath.Join(dir, "r.csv"))
	got := []string{}
	for _, l := range lines {
		got = append(got, l[6])
	}
	assert.Equal(t, []string{"sent", "duplicate", "sent", "duplicate", "sent", "duplicate", "sent", "duplicate", "sent", "duplicate"}, got)
	assert.Contains(t, lines[1][10], "row 2")
	assert.Contains(t, lines[5][10], "row 6")
	assert.Contains(t, lines[7][10], "row 8")
	assert.Contains(t, lines[9][10], "row 10")
	assert.Equal(t, 5, s.sb.Accepted())
}

// TestConflictingRowsInOneInput is the case: the same personnummer
// at row 3475 (Linnéa Eriksson) and row 4710 (Anna-Karin Lundgren, another
// e-mail). Neither is sent, though the first is reached long before the
// second, and both say why, naming each other; check calls the same rows
// invalid. A row that only adds what the row it repeats left empty is
// still a duplicate.
func TestConflictingRowsInOneInput(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	pins := testPins(t)
	pin := func(i int) string { return pins[i][:8] + "-" + pins[i][8:] }
	var b strings.Builder
	b.WriteString("Förnamn;Efternamn;Personnummer;E-post;Mobil\n")
	for row := 2; row <= 4800; row++ {
		switch row {
		case 3475:
			b.WriteString("Linnéa;Eriksson;" + pin(0) + ";linnea.eriksson@example.se;\n")
		case 4710:
			b.WriteString("Anna-Karin;Lundgren;" + pins[0] + ";ak.lundgren@example.se;070-174 06 05\n")
		case 10:
			b.WriteString("Bo;Ek;" + pin(1) + ";bo@example.se;\n")
		case 11:
			b.WriteString("Bo;Ek;" + pin(1) + ";;070-174 06 06\n") // no e-mail: Bo's, with a phone
		default:
			fmt.Fprintf(&b, "Åsa;Öberg%d;;person%d@example.se;\n", row, row)
		}
	}
	input := filepath.Join(dir, "visning.csv")
	require.NoError(t, os.WriteFile(input, []byte(b.String()), 0o600))
	m := writeMapping(t, dir)

	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, "--rate", "0",
		"--report", filepath.Join(dir, "r.csv"), input)
	assert.Equal(t, 1, res.code, "some rows invalid: %s", res.stderr)
	_, lines := readReport(t, filepath.Join(dir, "r.csv"))
	line := func(row int) []string { return lines[row-2] }
	assert.Equal(t, "invalid", line(3475)[6])
	assert.Equal(t, "same personnummer as row 4710, but another name: check both rows", line(3475)[10])
	assert.Equal(t, "invalid", line(4710)[6])
	assert.Equal(t, "same personnummer as row 3475, but another name: check both rows", line(4710)[10])
	assert.Equal(t, "sent", line(10)[6])
	assert.Equal(t, "duplicate", line(11)[6])
	assert.Contains(t, line(11)[10], "row 10")
	assert.Equal(t, map[string]int{"sent": 4796, "duplicate": 1, "invalid": 2}, statusCounts(lines))
	for _, lead := range s.received(t) {
		assert.NotEqual(t, pin(0), lead.Person.SocialSecurityNumber, "neither row of the conflict is sent")
	}
	assert.Equal(t, 4796, s.sb.Accepted())
	assert.NotContains(t, res.stderr, "Linnéa", "the log names rows, never a person")
	assert.Contains(t, res.stderr, "  2  same personnummer as another row, but another name: check both rows\n", "counted by reason as one")

	chk := runCmd(t, dir, nil, "check", "--mapping", m, "--report", filepath.Join(dir, "c.csv"), input)
	assert.Equal(t, 1, chk.code, chk.stderr)
	_, checked := readReport(t, filepath.Join(dir, "c.csv"))
	for i, l := range checked {
		if lines[i][6] == "invalid" {
			assert.Equal(t, "invalid", l[6], "row %d", i+2)
			assert.Equal(t, lines[i][10], l[10], "row %d", i+2)
		} else {
			assert.Equal(t, "valid", l[6], "row %d", i+2)
		}
	}
}

// oldLedger copies the ledger an older leadimport wrote (in the folder
// from, with the mapping and the input it was written with) to a new
// folder, and returns the sandbox, that folder, the input, and a run of
// the mapping against the copy that writes the named report there.
func oldLedger(t *testing.T, from string) (*server, string, string, func(report, input string) (result, [][]string)) {
	t.Helper()
	dir := t.TempDir()
	s := startSandbox(t)
	env := sandboxEnv(s, sandboxPassword)
	old, err := os.ReadFile(filepath.Join(from, "ledger.db"))
	require.NoError(t, err)
	led := filepath.Join(dir, "ledger.db")
	require.NoError(t, os.WriteFile(led, old, 0o600))
	m, _ := filepath.Abs(filepath.Join(from, "mapping.yaml"))
	input, _ := filepath.Abs(filepath.Join(from, "leads.csv"))
	run := func(report, input string) (result, [][]string) {
		t.Helper()
		res := runCmd(t, dir, env, "run", "--mapping", m, "--ledger", led, "--rate", "0", "--report", filepath.Join(dir, report), input)
		_, lines := readReport(t, filepath.Join(dir, report))
		return res, lines
	}
	return s, dir, input, run
}

// TestOldLedgerStillWorks: a ledger an older leadimport wrote
// (testdata/ledger-v1, before it kept whom each lead is for) is brought
// to the current version and goes on skipping what it sent. A row of one
// of its leads that has changed is sent, as before (the old lead has no
// person to find it by); from then on the ledger knows the person, and a
// further change is skipped with the fields that changed.
func TestOldLedgerStillWorks(t *testing.T) {
	s, dir, input, run := oldLedger(t, "testdata/ledger-v1")

	res, lines := run("r1.csv", input)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, map[string]int{"skipped": 2}, statusCounts(lines))
	assert.Equal(t, "CON00000001", lines[0][9], "the contact id the old ledger kept")
	assert.Zero(t, s.sb.Accepted())

	data, err := os.ReadFile(input)
	require.NoError(t, err)
	changed := filepath.Join(dir, "leads.csv")
	require.NoError(t, os.WriteFile(changed, bytes.Replace(data, []byte("asa@example.se"), []byte("asa.oberg@example.se"), 1), 0o600))
	res, lines = run("r2.csv", changed)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, []string{"sent", "skipped"}, []string{lines[0][6], lines[1][6]}, "an old lead is known by its content only")

	require.NoError(t, os.WriteFile(changed, bytes.Replace(data, []byte("asa@example.se"), []byte("asa.o@example.se"), 1), 0o600))
	res, lines = run("r3.csv", changed)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, "skipped", lines[0][6])
	assert.Contains(t, lines[0][10], "and changed since (the e-mail address): not sent again")
	assert.Equal(t, 1, s.sb.Accepted())
}

// TestLedgerV2StillWorks: a ledger of version 2 (testdata/ledger-v2,
// leads kept in key order) is brought to the current version and goes
// on skipping what it sent (skipsWhatItSent).
func TestLedgerV2StillWorks(t *testing.T) { skipsWhatItSent(t, "testdata/ledger-v2") }

// TestLedgerV4StillWorks: a ledger of version 4 (testdata/ledger-v4,
// keys and aliases kept as hex digits) is brought to the current version
// and goes on skipping what it sent (skipsWhatItSent).
func TestLedgerV4StillWorks(t *testing.T) { skipsWhatItSent(t, "testdata/ledger-v4") }

// skipsWhatItSent runs the input an old ledger sent (fixture) with it:
// brought to the current version, it skips every row, by any of a
// person's keys: a row without the personnummer its lead was sent with
// is found by its e-mail address, and skipped with the fields that
// changed.
func skipsWhatItSent(t *testing.T, fixture string) {
	s, dir, input, run := oldLedger(t, fixture)

	res, lines := run("r1.csv", input)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, map[string]int{"skipped": 2}, statusCounts(lines))
	assert.Equal(t, "CON00000001", lines[0][9], "the contact id the old ledger kept")

	data, err := os.ReadFile(input)
	require.NoError(t, err)
	changed := filepath.Join(dir, "changed.csv")
	require.NoError(t, os.WriteFile(changed, bytes.Replace(data, []byte("19800102-2386"), nil, 1), 0o600))
	res, lines = run("r2.csv", changed)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, "skipped", lines[0][6], "found by its alias, the e-mail address")
	assert.Contains(t, lines[0][10], "and changed since (the personnummer): not sent again")
	assert.Zero(t, s.sb.Accepted())
}

// TestLedgerV3StillWorks: a ledger of version 3 (testdata/ledger-v3,
// before a run kept its endpoints) is brought to the current version and
// goes on skipping what it sent; the same rows as interest registrations
// are other leads, and are sent; history shows each run's endpoint, the
// old run's as FinalPriceWatched (the only endpoint then), in the table
// and in CSV.
func TestLedgerV3StillWorks(t *testing.T) {
	s, dir, input, run := oldLedger(t, "testdata/ledger-v3")

	res, lines := run("r1.csv", input)
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Equal(t, map[string]int{"skipped": 2}, statusCounts(lines))
	assert.Equal(t, "CON00000001", lines[0][9], "the contact id the old ledger kept")

	interest := filepath.Join(dir, "interest.yaml")
	require.NoError(t, os.WriteFile(interest, []byte(`version: 1
endpoint: Interest
columns:
  Förnamn: firstName
  Efternamn: lastName
  Personnummer: socialSecurityNumber
  E-post: email.emailAddress
  Mobil: telephone.cell
constants:
  customerId: M1001
  estateId: OBJ1234
  status: Intresserad
`), 0o600))
	led := filepath.Join(dir, "ledger.db")
	env := sandboxEnv(s, sandboxPassword)
	res = runCmd(t, dir, env, "run", "--mapping", interest, "--ledger", led, "--rate", "0", "--report", filepath.Join(dir, "r2.csv"), input)
	assert.Equal(t, 0, res.code, res.stderr)
	_, lines = readReport(t, filepath.Join(dir, "r2.csv"))
	assert.Equal(t, map[string]int{"sent": 2}, statusCounts(lines), "not the FinalPriceWatched leads")
	assert.Equal(t, "204: accepted, no body", lines[0][9])
	assert.Equal(t, 2, s.sb.Accepted())
	assert.Contains(t, s.record.String(), `"endpoint":"Interest"`)

	hist := runCmd(t, dir, nil, "history", "--ledger", led, "--csv")
	require.Equal(t, 0, hist.code, hist.stderr)
	recs, err := csv.NewReader(strings.NewReader(hist.stdout)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 4, "a header and three runs")
	col := slices.Index(recs[0], "endpoint")
	require.GreaterOrEqual(t, col, 0, "an endpoint column: %v", recs[0])
	assert.Equal(t, []string{"Interest", "FinalPriceWatched", "FinalPriceWatched"}, []string{recs[1][col], recs[2][col], recs[3][col]},
		"newest first; the old run as FinalPriceWatched")

	table := runCmd(t, dir, nil, "history", "--ledger", led)
	require.Equal(t, 0, table.code, table.stderr)
	head, newest, _ := strings.Cut(table.stdout, "\n")
	assert.Contains(t, head, "ENDPOINT")
	assert.Contains(t, newest, "Interest")
	sv := runCmd(t, dir, []string{"LANG=sv_SE.UTF-8"}, "history", "--ledger", led)
	assert.Contains(t, sv.stdout, "ANROP")
}

func TestTwoRunsAtOnce(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	s.hold.Lock() // the first run's request hangs until the test ends
	defer s.hold.Unlock()
	input, _ := generate(t, dir, 3)
	m := writeMapping(t, dir)

	first := startProcess(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, "--report", filepath.Join(dir, "r1.csv"), input)
	require.Eventually(t, func() bool { return len(s.requests()) > 0 }, 10*time.Second, 10*time.Millisecond)

	second := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, input)
	assert.Equal(t, 2, second.code, second.stderr)
	assert.Contains(t, second.stderr, fmt.Sprint(first.Process.Pid))
	assert.Contains(t, second.stderr, "leads.csv")
	assert.Len(t, s.requests(), 1, "the second run sent nothing")
	reports, err := filepath.Glob(filepath.Join(dir, "*-report-*.csv"))
	require.NoError(t, err)
	assert.Empty(t, reports, "the refused run wrote no report: it takes the ledger before it creates one")
}

func TestKilledRunResumes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := startSandbox(t)
	input, rows := generate(t, dir, 1000)
	m := writeMapping(t, dir)
	env := sandboxEnv(s, sandboxPassword)
	const workers = 4

	cmd := startProcess(t, dir, env, "run", "--mapping", m, "--rate", "300", "--workers", fmt.Sprint(workers), "--report", filepath.Join(dir, "r1.csv"), input)
	require.Eventually(t, func() bool { return s.sb.Accepted() >= 150 }, 30*time.Second, 5*time.Millisecond)
	require.NoError(t, cmd.Process.Kill())
	assert.Equal(t, -1, exitStatus(t, cmd.Wait()), "killed")
	before := s.sb.Accepted()

	res := runProcess(t, dir, env, "run", "--mapping", m, "--rate", "0", "--workers", "8", "--report", filepath.Join(dir, "r2.csv"), input)
	assert.Equal(t, 1, res.code, res.stderr) // the generated file has invalid rows

	_, lines := readReport(t, filepath.Join(dir, "r2.csv"))
	require.Len(t, lines, 1000)
	got := acceptedTimes(t, s)
	twice := 0
	for i, r := range rows {
		email := fmt.Sprintf("person%d@example.se", i)
		if r.invalid != "" {
			assert.Zero(t, got[email])
			continue
		}
		require.GreaterOrEqual(t, got[email], 1, "row %d accepted", i+2)
		if got[email] > 1 {
			twice++
			assert.Equal(t, 2, got[email])
			assert.Contains(t, lines[i][10], "unconfirmed", "row %d was sent twice: the report says why", i+2)
		}
	}
	assert.LessOrEqual(t, twice, workers, "only rows in flight at the kill")
	counts := statusCounts(lines)
	assert.Equal(t, 900, counts["sent"]+counts["skipped"])
	assert.GreaterOrEqual(t, counts["skipped"], before-workers)
}

func TestTerminatedRunIsConsistent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 300)
	m := writeMapping(t, dir)
	report := filepath.Join(dir, "r.csv")
	cmd := startProcess(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", m, "--rate", "50", "--timeout", "2s", "--report", report, input)
	require.Eventually(t, func() bool { return s.sb.Accepted() >= 20 }, 20*time.Second, 5*time.Millisecond)
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	signalled := time.Now()
	code := exitStatus(t, cmd.Wait())
	assert.Less(t, time.Since(signalled), 3*time.Second, "exit within --timeout plus a second")
	assert.Equal(t, 3, code, cmd.stderr.String())

	_, lines := readReport(t, report)
	require.Len(t, lines, 300)
	counts := statusCounts(lines)
	assert.Equal(t, s.sb.Accepted(), counts["sent"], "the report agrees with the server")
	assert.Equal(t, 300, counts["sent"]+counts["invalid"]+counts["not_sent"])

	hist := runProcess(t, dir, nil, "history", "--csv")
	require.Equal(t, 0, hist.code, hist.stderr)
	recs := strings.Split(strings.TrimSpace(hist.stdout), "\n")
	require.Len(t, recs, 2)
	header, values := strings.Split(recs[0], ","), strings.Split(recs[1], ",")
	field := map[string]string{}
	for i, h := range header {
		field[h] = values[i]
	}
	assert.Equal(t, fmt.Sprint(counts["sent"]), field["sent"], "the ledger agrees with the server")
	assert.Equal(t, "3", field["exit_code"])
}

func TestLedgerHoldsNoPersonalData(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, rows := generate(t, dir, 30)
	res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", writeMapping(t, dir), "--rate", "0", "--report", filepath.Join(dir, "r.csv"), input)
	require.Equal(t, 1, res.code, res.stderr)

	path := filepath.Join(dir, ".local", "state", "leadimport", "ledger.db")
	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	tables, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table'")
	require.NoError(t, err)
	var names []string
	for tables.Next() {
		var n string
		require.NoError(t, tables.Scan(&n))
		names = append(names, n)
	}
	require.NoError(t, tables.Err())
	require.NotEmpty(t, names)
	var dump bytes.Buffer
	for _, n := range names {
		q, err := db.Query(`SELECT * FROM "` + n + `"`)
		require.NoError(t, err)
		cols, err := q.Columns()
		require.NoError(t, err)
		for q.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, q.Scan(ptrs...))
			fmt.Fprintln(&dump, vals...)
		}
		require.NoError(t, q.Err())
	}
	text := strings.ToLower(dump.String())
	require.NotEmpty(t, text)
	for _, r := range rows {
		digits := strings.ReplaceAll(r.pin, "-", "")
		for _, personal := range []string{digits, digits[2:], r.email, r.cells[1]} {
			if personal != "" {
				assert.NotContains(t, text, strings.ToLower(personal))
			}
		}
	}
	assert.NotContains(t, text, "åsa")
	assert.NotContains(t, text, "0701234567")
}

// TestFaultsEveryRowSentOnce: under 429s, 5xx, dropped connections and
// answers that come after the client gave up, every valid row ends sent
// and accepted by the server, and a row Connect may have twice says so;
// a row whose request went twice without an answer is not tried a third
// time, and says Connect may have it (it stays for the next run, exit 3).
// The backoffs and Retry-After pauses are waited out on a fast clock.
func TestFaultsEveryRowSentOnce(t *testing.T) {
	tests := []struct {
		name   string
		faults string
	}{
		{"errors and resets", "429=0.05,500=0.05,503=0.02,reset=0.02"},
		{"and slow answers", "429=0.05,500=0.05,503=0.02,reset=0.02,slow=0.01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			s := startSandbox(t)
			faults, err := sandbox.ParseFaults(tt.faults)
			require.NoError(t, err)
			// A slow answer comes after --timeout gave up on it.
			s.sb.Faults, s.sb.Seed, s.sb.SlowDelay = faults, 7, 1500*time.Millisecond
			input, rows := generate(t, dir, 1000)
			report := filepath.Join(dir, "r.csv")
			// --retries 8: a row fails only if all nine attempts draw a
			// fault (0.14^9), or two draw one that leaves it unconfirmed
			// (a reset or a slow answer, 0.03^2).
			res := runFast(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", writeMapping(t, dir),
				"--rate", "0", "--workers", "16", "--retries", "8", "--timeout", "1s", "--report", report, input)
			_, lines := readReport(t, report)
			require.Len(t, lines, 1000)
			got := acceptedTimes(t, s)
			unconfirmed := 0
			for i, r := range rows {
				email := fmt.Sprintf("person%d@example.se", i)
				if r.invalid != "" {
					assert.Zero(t, got[email])
					continue
				}
				assert.LessOrEqual(t, got[email], 2, "row %d: at most two attempts that may have reached Connect", i+2)
				if lines[i][6] == "failed" {
					unconfirmed++
					assert.Contains(t, lines[i][10], "not tried again in this run", "row %d", i+2)
					assert.Contains(t, lines[i][10], "Connect may have recorded this lead; the next run sends it again", "row %d", i+2)
					continue
				}
				require.Equal(t, "sent", lines[i][6], "row %d: %s", i+2, lines[i][10])
				require.GreaterOrEqual(t, got[email], 1, "row %d is sent: the server accepted it", i+2)
				if got[email] != 1 {
					assert.Contains(t, lines[i][10], "retried after an unconfirmed attempt", "row %d accepted %d times", i+2, got[email])
				}
			}
			if unconfirmed > 0 {
				assert.Equal(t, 3, res.code, res.stderr) // the next run sends the unconfirmed rows again
			} else {
				assert.Equal(t, 1, res.code, res.stderr) // the invalid rows
			}
			assert.LessOrEqual(t, unconfirmed, 5, "two unanswered attempts are rare")
			stats := s.sb.Stats()
			assert.Positive(t, stats.Injected)
			t.Logf("%s: %d requests, %d faults %v", tt.name, stats.Requests, stats.Injected, stats.ByKind)
		})
	}
}

// TestHistoryListsRefusedRuns: history lists every run, also those
// refused before they could send (exit 2, with why in one line) and a
// night with nothing to read, beside the runs that sent; --csv has the
// same, and the ledger holds nothing of the rows.
func TestHistoryListsRefusedRuns(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	input, _ := generate(t, dir, 3)
	good := writeMapping(t, dir)
	placeholder := filepath.Join(dir, "placeholder.yaml")
	require.NoError(t, os.WriteFile(placeholder, []byte(strings.Replace(e2eMapping, "M1001", "M0000", 1)), 0o600))
	misfit := filepath.Join(dir, "misfit.csv")
	// No header: its first row is a person's, which nothing may repeat.
	require.NoError(t, os.WriteFile(misfit, []byte("Karin;Lindqvist;Storgatan 1;Telefon\nÅsa;Öberg;Kyrkogatan 3;070-123 45 67\n"), 0o600))
	inbox := filepath.Join(dir, "inbox")
	require.NoError(t, os.Mkdir(inbox, 0o700))
	env := sandboxEnv(s, sandboxPassword)

	broken := filepath.Join(dir, "broken.yaml")
	require.NoError(t, os.WriteFile(broken, []byte(strings.Replace(e2eMapping, "endpoint: FinalPriceWatched", "endpoint: Valuation", 1)), 0o600))
	runs := []struct {
		args     []string
		env      []string
		code     int
		reason   string
		endpoint string // "": the mapping was not read
	}{
		{[]string{"--mapping", broken, input}, env, 2, "Valuation", ""},
		{[]string{"--mapping", placeholder, input}, env, 2, "M0000", "FinalPriceWatched"},
		{[]string{"--mapping", good, input}, nil, 2, "VITEC_USERNAME", "FinalPriceWatched"},
		{[]string{"--mapping", good, misfit}, env, 2, "misfit.csv", "FinalPriceWatched"},
		{[]string{"--mapping", good, inbox}, env, 0, "no spreadsheets to import", "FinalPriceWatched"},
		{[]string{"--mapping", good, input}, env, 0, "", "FinalPriceWatched"},
	}
	for _, r := range runs {
		args := append([]string{"run", "--rate", "0", "--report", filepath.Join(dir, "reports") + "/"}, r.args...)
		res := runCmd(t, dir, r.env, args...)
		require.Equal(t, r.code, res.code, "%v: %s", r.args, res.stderr)
	}

	hist := runCmd(t, dir, nil, "history", "--csv")
	require.Equal(t, 0, hist.code, hist.stderr)
	recs, err := csv.NewReader(strings.NewReader(hist.stdout)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, 1+len(runs), "a header and every run")
	header := recs[0]
	for i, rec := range recs[1:] {
		want := runs[len(runs)-1-i] // newest first
		field := map[string]string{}
		for j, h := range header {
			field[h] = rec[j]
		}
		assert.Equal(t, fmt.Sprint(want.code), field["exit_code"], "%v", want.args)
		assert.NotEmpty(t, field["ended"], "%v", want.args)
		if want.reason == "" {
			assert.Empty(t, field["reason"])
		} else {
			assert.Contains(t, field["reason"], want.reason, "%v", want.args)
		}
		assert.NotContains(t, field["reason"], "\n")
		assert.Equal(t, want.endpoint, field["endpoint"], "%v", want.args)
		assert.Equal(t, filepath.Base(want.args[len(want.args)-1]), filepath.Base(strings.Fields(field["inputs"])[0]), "%v", want.args)
	}
	assert.Equal(t, "3", recs[1][slices.Index(header, "sent")])

	table := runCmd(t, dir, []string{"LANG=sv_SE.UTF-8"}, "history")
	require.Equal(t, 0, table.code, table.stderr)
	assert.Contains(t, table.stdout, "VARFÖR (PÅ ENGELSKA)")
	assert.Contains(t, table.stdout, "misfit.csv")
	for _, v := range []string{"Karin", "Lindqvist", "Storgatan", "Öberg"} {
		assert.NotContains(t, table.stdout, v, "the ledger holds nothing of the rows")
		assert.NotContains(t, hist.stdout, v, "the ledger holds nothing of the rows")
	}
	assert.Contains(t, table.stdout, "its headers are: …, …, …, Telefon (3 cells not shown")
}

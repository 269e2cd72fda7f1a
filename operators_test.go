package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

func TestMaxInvalid(t *testing.T) {
	tests := []struct {
		max      string
		code     int
		requests int
	}{
		{"4", 2, 0},  // 5 invalid rows: more than allowed, nothing sent
		{"5", 1, 45}, // as many as allowed: the valid ones go
	}
	for _, tc := range tests {
		t.Run(tc.max, func(t *testing.T) {
			dir := t.TempDir()
			s := startSandbox(t)
			input, _ := generate(t, dir, 50)
			report := filepath.Join(dir, "r.csv")
			res := runCmd(t, dir, sandboxEnv(s, sandboxPassword), "run", "--mapping", writeMapping(t, dir), "--rate", "0",
				"--max-invalid", tc.max, "--ledger", filepath.Join(dir, "l.db"), "--report", report, input)
			assert.Equal(t, tc.code, res.code, res.stderr)
			assert.Len(t, s.requests(), tc.requests)
			_, lines := readReport(t, report)
			assert.Len(t, lines, 50, "every row has its line")
			if tc.code == 2 {
				assert.Contains(t, res.stderr, "5 rows are invalid, more than --max-invalid 4; nothing was sent")
				assert.Equal(t, "not_sent", lines[0][6])
			}
		})
	}
}

func TestHelpTopics(t *testing.T) {
	dir := t.TempDir()
	res := runCmd(t, dir, nil, "help", "exit-codes")
	assert.Equal(t, 0, res.code)
	for _, code := range []string{"\n  0 ", "\n  1 ", "\n  2 ", "\n  3 ", "\n  130 "} {
		assert.Contains(t, res.stdout, code)
	}

	res = runCmd(t, dir, nil, "help", "mapping")
	assert.Equal(t, 0, res.code)
	_, fields, ok := strings.Cut(res.stdout, "\nFields (endpoint: FinalPriceWatched")
	require.True(t, ok, res.stdout)
	fields, interest, ok := strings.Cut(fields, "\nFields of an interest registration (endpoint: Interest")
	require.True(t, ok, res.stdout)
	listed := func(text string) []string {
		var names []string
		for line := range strings.SplitSeq(text, "\n") {
			if rest, ok := strings.CutPrefix(line, "  "); ok {
				names = append(names, strings.Fields(rest)[0])
			}
		}
		return names
	}
	assert.Len(t, listed(fields), 21, "every field of FinalPriceWatched's vocabulary")
	for _, f := range []string{"customerId", "estateId", "person.fullName", "person.socialSecurityNumber", "person.telephone.cell", "marketing.utmTags.NAME"} {
		assert.Contains(t, listed(fields), f)
	}
	assert.Len(t, listed(interest), 28, "every field of Interest's vocabulary")
	for _, f := range []string{"customerId", "fullName", "socialSecurityNumber", "telephone.cell", "status", "contactMessage", "gdprApprovalDate",
		"presentAccommodation.numberOfRooms", "marketing.utmTags.NAME"} {
		assert.Contains(t, listed(interest), f)
	}
	assert.NotContains(t, listed(interest), "person.firstName")

	res = runCmd(t, dir, nil, "help", "nonsense")
	assert.Equal(t, 2, res.code)

	for _, cmd := range []string{"run", "check", "sandbox", "history", "init"} {
		res := runCmd(t, dir, nil, cmd, "--help")
		assert.Equal(t, 0, res.code, cmd)
		out := res.stdout + res.stderr
		_, examples, ok := strings.Cut(out, "\nExamples:\n")
		require.True(t, ok, "%s --help ends with Examples: %s", cmd, out)
		assert.Contains(t, examples, "leadimport "+cmd, cmd)
		assert.NotContains(t, examples, "\n\n", "%s: nothing after the examples", cmd)
	}
}

// TestNightlySamplesRun runs the command of samples/cron's crontab lines
// and of its systemd service as written (in process, on a fast clock:
// they are plain words, and the rate limit is not what they test), with
// their folders moved into a temporary directory: a file with rows to fix
// lands in failed/, a clean one in done/, the reports stay, and every log
// line is JSON. After a night when Connect cannot be reached, the run
// says so, exits 3 (so the retry runs) and leaves both files in the
// inbox; the retry sends every valid lead exactly once.
func TestNightlySamplesRun(t *testing.T) {
	crontab, err := os.ReadFile("samples/cron/crontab")
	require.NoError(t, err)
	service, err := os.ReadFile("samples/cron/leadimport.service")
	require.NoError(t, err)
	var cronCmds []string
	for line := range strings.SplitSeq(string(crontab), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			fields := strings.Fields(line)
			cronCmds = append(cronCmds, strings.Join(fields[5:], " ")) // after minute hour day month weekday
		}
	}
	require.Len(t, cronCmds, 2, "the night's run and its retry")
	require.Equal(t, cronCmds[0], cronCmds[1], "the retry is the same command")
	var serviceCmd string
	for line := range strings.SplitSeq(string(service), "\n") {
		if cmd, ok := strings.CutPrefix(line, "ExecStart="); ok {
			serviceCmd = cmd
		}
	}
	require.NotEmpty(t, serviceCmd)
	assert.Contains(t, string(service), "\nRestart=on-failure\n", "exit 3 is retried")
	assert.Contains(t, string(service), "\nSuccessExitStatus=1\n")

	for _, tc := range []struct{ name, cmd, root string }{
		{"crontab", cronCmds[0], "/srv/leadimport"},
		{"systemd", serviceCmd, "/var/lib/leadimport"},
	} {
		for _, outage := range []bool{false, true} {
			name := tc.name
			if outage {
				name += "/Connect down, then the retry"
			}
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				s := startSandbox(t)
				cmd := strings.ReplaceAll(tc.cmd, "/etc/leadimport", dir)
				cmd = strings.ReplaceAll(cmd, tc.root, dir)
				if i := strings.Index(cmd, ">>"); i >= 0 {
					cmd = cmd[:i] // the test reads stderr itself
				}
				legacy, err := os.ReadFile("samples/legacy/kontakter.csv")
				require.NoError(t, err)
				mappingYAML, err := os.ReadFile("samples/legacy/mapping.yaml")
				require.NoError(t, err)
				require.NoError(t, os.WriteFile(filepath.Join(dir, "mapping.yaml"), mappingYAML, 0o600))
				require.NoError(t, os.WriteFile(filepath.Join(dir, "credentials"), []byte(sandboxUser+":"+sandboxPassword+"\n"), 0o600))
				require.NoError(t, os.MkdirAll(filepath.Join(dir, "inbox"), 0o700))
				require.NoError(t, os.WriteFile(filepath.Join(dir, "inbox", "kontakter.csv"), legacy, 0o600))
				// The same list without its four bad rows: every row goes. (Row
				// 5's line break inside a cell is a bare LF: a record per CRLF.)
				var clean []string
				for i, line := range strings.SplitAfter(string(legacy), "\r\n") {
					if i+1 != 8 && i+1 != 10 && i+1 != 13 && i+1 != 19 {
						clean = append(clean, line)
					}
				}
				require.NoError(t, os.WriteFile(filepath.Join(dir, "inbox", "clean.csv"), []byte(strings.Join(clean, "")), 0o600))

				settled(t, filepath.Join(dir, "inbox", "kontakter.csv"), filepath.Join(dir, "inbox", "clean.csv"))
				args := strings.Fields(cmd)
				require.Equal(t, "/usr/local/bin/leadimport", args[0])
				night := func(url string) result {
					return runFast(t, dir, []string{"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
						"LEADIMPORT_BASE_URL=" + url, "VITEC_USERNAME=" + sandboxUser, "VITEC_PASSWORD=" + sandboxPassword}, args[1:]...)
				}
				if outage {
					ln, err := net.Listen("tcp", "127.0.0.1:0")
					require.NoError(t, err)
					down := "http://" + ln.Addr().String()
					require.NoError(t, ln.Close()) // nothing listens: Connect is down
					res := night(down)
					assert.Equal(t, 3, res.code, "run again later: %s", res.stderr)
					assert.Contains(t, res.stderr, "Connect at "+down+" could not be reached: nothing was sent; the files stay in the inbox")
					assert.FileExists(t, filepath.Join(dir, "inbox", "kontakter.csv"))
					assert.FileExists(t, filepath.Join(dir, "inbox", "clean.csv"))
					assert.NoDirExists(t, filepath.Join(dir, "archive", "done"))
					assert.NoDirExists(t, filepath.Join(dir, "archive", "failed"))
				}
				res := night(s.URL)
				out := res.stdout + res.stderr
				assert.Equal(t, 1, res.code, "rows to fix in one file: %s", out)

				assert.FileExists(t, filepath.Join(dir, "archive", "failed", "kontakter.csv"))
				assert.FileExists(t, filepath.Join(dir, "archive", "done", "clean.csv"))
				assert.NoFileExists(t, filepath.Join(dir, "inbox", "kontakter.csv"))
				reports, err := filepath.Glob(filepath.Join(dir, "archive", "reports", "*-report-*.csv"))
				require.NoError(t, err)
				assert.Len(t, reports, 2+2*b2i(outage), "a report for each file each night")
				assert.Equal(t, 26, s.sb.Accepted(), "every valid lead once: the clean file's are the same people")
				people := map[string]int{}
				for _, l := range s.received(t) {
					person, err := json.Marshal(l.Person)
					require.NoError(t, err)
					people[string(person)]++
				}
				assert.Len(t, people, 26, "no lead twice")
				sc := bufio.NewScanner(strings.NewReader(out))
				for sc.Scan() {
					var m map[string]any
					require.NoError(t, json.Unmarshal(sc.Bytes(), &m), "not JSON: %s", sc.Text())
				}
			})
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestSwedishReports: --lang sv, or LANG=sv_SE.UTF-8, writes the report's
// messages and the XLSX sheets in Swedish; such a report is still an
// input.
func TestSwedishReports(t *testing.T) {
	dir := t.TempDir()
	mappingPath, input := copySample(t, dir, samples[0])
	for _, tc := range []struct {
		name string
		env  []string
		args []string
	}{
		{"flag", nil, []string{"--lang", "sv"}},
		{"LANG", []string{"LANG=sv_SE.UTF-8"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			report := filepath.Join(dir, tc.name+".xlsx")
			args := append([]string{"check", "--mapping", mappingPath, "--report", report}, tc.args...)
			res := runCmd(t, dir, tc.env, append(args, input)...)
			assert.Equal(t, 1, res.code, res.stderr)
			f, err := excelize.OpenFile(report)
			require.NoError(t, err)
			defer f.Close()
			assert.Equal(t, []string{"Rapport", "Sammanfattning"}, f.GetSheetList())
			rows, err := f.GetRows("Rapport")
			require.NoError(t, err)
			var row10 []string
			for _, r := range rows {
				if r[0] == "10" {
					row10 = r
				}
			}
			assert.Contains(t, row10, `Personnummer "19890213-2390": kontrollsiffran ska vara 1`)
			sum, err := f.GetRows("Sammanfattning")
			require.NoError(t, err)
			assert.Equal(t, []string{"status", "rader"}, sum[0])

			// Read back as an input, it is known as a report.
			again := runCmd(t, dir, nil, "check", "--mapping", mappingPath, "--report", filepath.Join(dir, tc.name+"-2.csv"), report)
			assert.Equal(t, 1, again.code, again.stderr)
			assert.Contains(t, again.stderr, "(a report:")
		})
	}
}

// TestEmptyInbox: a night without files is exit 0, but a broken mapping
// is found all the same.
func TestEmptyInbox(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "inbox"), 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "inbox", "~$open.xlsx"), []byte("lock"), 0o600))
	res := runCmd(t, dir, nil, "check", "--mapping", writeMapping(t, dir), "inbox")
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stderr, "no spreadsheets to import")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "broken.yaml"), []byte("version: 1\ncolumns:\n  Namn: person.nme\n"), 0o600))
	res = runCmd(t, dir, nil, "check", "--mapping", "broken.yaml", "inbox")
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, "person.nme")
}

// TestExcelLockFile: a workbook open in Excel (its lock file beside it) is
// read as saved, with a warning that the rows changed since are not; the
// lock file named on its own is refused with the same words, naming the
// workbook.
func TestExcelLockFile(t *testing.T) {
	dir := t.TempDir()
	mappingPath, input := copySample(t, dir, samples[0])
	lock := filepath.Join(filepath.Dir(input), "~$"+filepath.Base(input))
	require.NoError(t, os.WriteFile(filepath.Join(dir, lock), []byte("\x0bAnna Svensson"), 0o600))
	open := input + " is open in Excel (its lock file " + filepath.Base(lock) + " is here): save and close it first, or the rows you changed since the last save are not read"

	res := runCmd(t, dir, nil, "check", "--mapping", mappingPath, "--report", "folder.csv", filepath.Dir(input))
	assert.Equal(t, 1, res.code, "the sample has rows to fix: %s", res.stderr)
	assert.Contains(t, res.stderr, "WARN "+open)
	_, lines := readReport(t, filepath.Join(dir, "folder.csv"))
	assert.NotEmpty(t, lines, "the workbook was read")

	res = runCmd(t, dir, nil, "check", "--mapping", mappingPath, lock)
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Equal(t, "leadimport check: "+open+"\n", res.stderr)
}

// TestSandboxServesItsCustomers: the sandbox command serves the customer
// ids it is given (M1001 by default, as the README's examples use) and no
// placeholder, answering the others 403 as Connect does.
func TestSandboxServesItsCustomers(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want map[string]int // customer/estate → status
	}{
		{"default", nil, map[string]int{"M1001/OBJ1234": 200, "M1002/OBJ1234": 403, "M0000/OBJ1234": 403, "M1001/OBJ0000": 403, "M1001/TODO": 403}},
		{"listed", []string{"--customers", "M7,M0000", "--estates", "OBJ9"}, map[string]int{"M7/OBJ9": 200, "M1001/OBJ9": 403, "M0000/OBJ9": 403, "M7/OBJ8": 403}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(t.Context())
			var stdout, stderr syncBuffer
			done := make(chan int)
			go func() {
				done <- realMain(ctx, append([]string{"sandbox", "--addr", "127.0.0.1:0"}, tc.args...),
					testEnv(t.TempDir(), []string{"LEADIMPORT_SANDBOX_PASSWORD=" + sandboxPassword}, &stdout, &stderr))
			}()
			var url string
			require.Eventually(t, func() bool {
				_, url, _ = strings.Cut(stdout.String(), "sandbox: listening on ")
				url, _, _ = strings.Cut(url, "\n")
				return url != ""
			}, 10*time.Second, 5*time.Millisecond, stderr.String())
			for path, want := range tc.want {
				req, err := http.NewRequest(http.MethodPost, url+"/Advertising/Estate/"+path+"/FinalPriceWatched",
					strings.NewReader(`{"person":{"firstName":"Tolvan","lastName":"Tolvansson","telephone":{"cell":"0701740605"}}}`))
				require.NoError(t, err)
				req.SetBasicAuth(sandboxUser, sandboxPassword)
				req.Header.Set("Content-Type", "application/json")
				resp, err := http.DefaultClient.Do(req)
				require.NoError(t, err)
				resp.Body.Close()
				assert.Equal(t, want, resp.StatusCode, path)
			}
			cancel()
			assert.Equal(t, 0, <-done, stderr.String())
		})
	}
}

// TestSwedishConsole: under a Swedish locale, or --lang sv, the console
// speaks Swedish like the report: the summary, the log's lines and the
// errors. A JSON log stays English, for the programs that read it; the
// statuses are the tool's words in both.
func TestSwedishConsole(t *testing.T) {
	dir := t.TempDir()
	mappingPath, input := copySample(t, dir, samples[0])
	sv := []string{"LANG=sv_SE.UTF-8"}

	res := runCmd(t, dir, sv, "check", "--mapping", mappingPath, "--report", "r.csv", input)
	assert.Equal(t, 1, res.code, res.stderr)
	assert.Contains(t, res.stderr, ": bladet \"Anmälningar\", rubriker på rad 3, 7 kolumner")
	assert.Contains(t, res.stderr, `reason="Personnummer: kontrollsiffran ska vara 1"`)
	assert.Contains(t, res.stderr, input+", per kolumn:\n  kolumn ")
	assert.Regexp(t, `\n16 valid, 5 invalid på \S+\nrapport: r\.csv\nvarför rader är ogiltiga eller misslyckades, det vanligaste först:\n  2  E-post: delen efter @ ska vara en domän som example\.se\n  1  Efternamn: krävs\n`, res.stderr)

	res = runCmd(t, dir, sv, "check", input)
	assert.Equal(t, 2, res.code)
	assert.Equal(t, "leadimport check: --mapping FIL krävs (se leadimport check --help)\n", res.stderr)
	// --lang speaks for the usage errors too, either way.
	res = runCmd(t, dir, sv, "check", "--lang", "en", input)
	assert.Equal(t, 2, res.code)
	assert.Equal(t, "leadimport check: --mapping FILE is required (see leadimport check --help)\n", res.stderr)
	res = runCmd(t, dir, nil, "run", "--lang", "sv", "--mapping", mappingPath, "--workers", "0", input)
	assert.Equal(t, 2, res.code)
	assert.Contains(t, res.stderr, "leadimport run: --workers måste vara minst 1")

	res = runCmd(t, dir, sv, "check", "--lang", "en", "--mapping", mappingPath, "--report", "r.csv", input)
	assert.Contains(t, res.stderr, `reason="Personnummer: check digit should be 1"`)
	assert.Regexp(t, `\n16 valid, 5 invalid in \S+\nreport: r\.csv\nwhy rows are invalid or failed, the most frequent first:\n  2  E-post: the part after @ must be a domain like example\.se\n`, res.stderr)

	res = runCmd(t, dir, sv, "check", "--log-format", "json", "--mapping", mappingPath, "--report", "r.csv", input)
	assert.Contains(t, res.stderr, `"reason":"Personnummer: check digit should be 1"`, "a JSON log is English")
	assert.NotContains(t, res.stderr, "kontrollsiffran")
}

// TestEachInputOnItsOwn: in an inbox, an input that does not fit the
// mapping, or cannot be read, is named and moved to failed/ with its
// reason beside it, and the others are imported; the run's exit code is
// the worst of its inputs'. When none fits, nothing moves and each one is
// named.
func TestEachInputOnItsOwn(t *testing.T) {
	dir := t.TempDir()
	s := startSandbox(t)
	inbox := filepath.Join(dir, "inbox")
	require.NoError(t, os.MkdirAll(inbox, 0o700))
	good, _ := generate(t, dir, 10) // row 9 (the eighth) is invalid
	data, err := os.ReadFile(good)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(inbox, "a.csv"), data, 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(inbox, "c.csv"), data, 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(inbox, "b-other.csv"), []byte("Namn;Telefon\nAnna Svensson;070-123 45 67\n"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(inbox, "d-broken.xlsx"), []byte("not a workbook"), 0o600))
	settled(t, filepath.Join(inbox, "a.csv"), filepath.Join(inbox, "c.csv"), filepath.Join(inbox, "b-other.csv"), filepath.Join(inbox, "d-broken.xlsx"))
	m := writeMapping(t, dir)
	archive := filepath.Join(dir, "archive")
	env := sandboxEnv(s, sandboxPassword)

	res := runCmd(t, dir, env, "run", "--mapping", m, "--rate", "0", "--archive-dir", archive, inbox)
	assert.Equal(t, 2, res.code, "the worst of the inputs': two misfits: %s", res.stderr)
	assert.Contains(t, res.stderr, filepath.Join(inbox, "b-other.csv")+" does not fit the mapping")
	assert.Contains(t, res.stderr, filepath.Join(inbox, "d-broken.xlsx")+": the file is not what its name says")
	assert.Equal(t, 9, s.sb.Accepted(), "a.csv's nine valid leads, once: c.csv holds the same people")
	for _, name := range []string{"b-other.csv", "d-broken.xlsx"} {
		assert.FileExists(t, filepath.Join(archive, "failed", name))
		reason, err := os.ReadFile(filepath.Join(archive, "failed", name+".reason.txt"))
		require.NoError(t, err)
		assert.Contains(t, string(reason), name)
	}
	reason, err := os.ReadFile(filepath.Join(archive, "failed", "b-other.csv.reason.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(reason), `column "Förnamn" is not in the input; its headers are: Namn, Telefon`)
	assert.FileExists(t, filepath.Join(archive, "failed", "a.csv"), "a row to fix")
	assert.NoFileExists(t, filepath.Join(inbox, "c.csv"))
	reports, err := filepath.Glob(filepath.Join(archive, "reports", "*"))
	require.NoError(t, err)
	assert.Len(t, reports, 2, "a report for each input read, none for a misfit")

	// When no input fits, nothing moves, and each is named.
	require.NoError(t, os.WriteFile(filepath.Join(inbox, "e-other.csv"), []byte("Namn\nBo Ek\n"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(inbox, "f-other.csv"), []byte("Tel\n070-123 45 67\n"), 0o600))
	settled(t, filepath.Join(inbox, "e-other.csv"), filepath.Join(inbox, "f-other.csv"))
	res = runCmd(t, dir, env, "run", "--mapping", m, "--archive-dir", archive, inbox)
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, "e-other.csv does not fit the mapping")
	assert.Contains(t, res.stderr, "f-other.csv does not fit the mapping")
	assert.FileExists(t, filepath.Join(inbox, "e-other.csv"))
	assert.FileExists(t, filepath.Join(inbox, "f-other.csv"))
}

// TestSeveralMappings: --mapping may name a folder of mapping files; each
// input takes the one that fits its header, and check says which; an
// input that fits none is refused with why each does not fit, and one that
// fits two alike is refused naming them. init says which mapping fits.
func TestSeveralMappings(t *testing.T) {
	dir := t.TempDir()
	mappings, inbox := filepath.Join(dir, "mappings"), filepath.Join(dir, "inbox")
	require.NoError(t, os.MkdirAll(mappings, 0o700))
	require.NoError(t, os.MkdirAll(inbox, 0o700))
	copyFile := func(from, to string) {
		data, err := os.ReadFile(filepath.Join(packageDir, from))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(to, data, 0o600))
	}
	copyFile("samples/open-house/mapping.yaml", filepath.Join(mappings, "visning.yaml"))
	copyFile("samples/legacy/mapping.yaml", filepath.Join(mappings, "legacy.yaml"))
	copyFile("samples/open-house/visning.xlsx", filepath.Join(inbox, "visning.xlsx"))
	copyFile("samples/legacy/kontakter.csv", filepath.Join(inbox, "kontakter.csv"))
	require.NoError(t, os.WriteFile(filepath.Join(inbox, "other.csv"), []byte("Namn;Telefon\nAnna Svensson;070-123 45 67\n"), 0o600))

	res := runCmd(t, dir, nil, "check", "--mapping", mappings, "--report", filepath.Join(dir, "reports")+"/", inbox)
	assert.Equal(t, 2, res.code, "other.csv fits none: %s", res.stderr)
	assert.Contains(t, res.stderr, "INFO "+filepath.Join(inbox, "visning.xlsx")+": mapping "+filepath.Join(mappings, "visning.yaml"))
	assert.Contains(t, res.stderr, "INFO "+filepath.Join(inbox, "kontakter.csv")+": mapping "+filepath.Join(mappings, "legacy.yaml"))
	assert.Contains(t, res.stderr, filepath.Join(inbox, "other.csv")+" fits none of the mappings:")
	assert.Contains(t, res.stderr, "\n  "+filepath.Join(mappings, "legacy.yaml")+`:10: column "Personnr" is not in the input; its headers are: Namn, Telefon`, "why legacy.yaml does not fit")
	assert.Contains(t, res.stderr, "\n  "+filepath.Join(mappings, "visning.yaml")+": "+filepath.Join(inbox, "other.csv")+": no header row found", "and why visning.yaml does not")
	assert.Contains(t, res.stderr, "\n42 valid, 9 invalid in ", "both samples were checked")

	res = runCmd(t, dir, nil, "init", "--mapping", mappings, filepath.Join(inbox, "kontakter.csv"))
	assert.Equal(t, 0, res.code, res.stderr)
	assert.Contains(t, res.stderr, filepath.Join(inbox, "kontakter.csv")+" fits the mapping "+filepath.Join(mappings, "legacy.yaml")+" already")
	assert.Empty(t, res.stdout, "no mapping proposed")

	copyFile("samples/legacy/mapping.yaml", filepath.Join(mappings, "legacy-copy.yaml"))
	res = runCmd(t, dir, nil, "check", "--mapping", mappings, "--report", filepath.Join(dir, "reports")+"/", filepath.Join(inbox, "kontakter.csv"))
	assert.Equal(t, 2, res.code, res.stderr)
	assert.Contains(t, res.stderr, filepath.Join(inbox, "kontakter.csv")+" fits "+filepath.Join(mappings, "legacy-copy.yaml")+" and "+filepath.Join(mappings, "legacy.yaml")+" alike")
}

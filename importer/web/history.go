package web

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"leadimport/importer"
	"leadimport/importer/ledger"
)

// historyRun is one run of the ledger as leadimport history lists it,
// with a link to its report while the server still has it.
type historyRun struct {
	Run      int64          `json:"run"`
	Started  time.Time      `json:"started"`
	Ended    *time.Time     `json:"ended"` // null: running, or died
	Command  string         `json:"command"`
	Inputs   []string       `json:"inputs"` // file names
	Mapping  string         `json:"mapping"`
	Counts   map[string]int `json:"counts"`
	ExitCode *int           `json:"exitCode"`
	Reason   string         `json:"reason"`
	Report   string         `json:"report,omitempty"`
}

// history lists the recent runs from the ledger (?limit=, default 20),
// as leadimport history does.
func (s *Server) history(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit < 0 {
		limit = 20
	}
	runs := []historyRun{}
	led, err := importer.OpenLedger(s.cfg.Send.Ledger, s.cfg.Send.Getenv, ledger.Existing)
	if errors.Is(err, ledger.ErrNoLedger) {
		writeJSON(w, http.StatusOK, struct {
			Runs []historyRun `json:"runs"`
		}{runs})
		return
	}
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	defer led.Close()
	records, err := led.History(limit)
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	for _, rec := range records {
		h := historyRun{Run: rec.ID, Started: rec.Started, Command: rec.Command, Mapping: rec.Mapping,
			Counts: rec.Counts, Reason: rec.Reason, Inputs: []string{}}
		if h.Counts == nil {
			h.Counts = map[string]int{}
		}
		if rec.Finished {
			ended, code := rec.Ended, rec.ExitCode
			h.Ended, h.ExitCode = &ended, &code
		}
		for _, in := range rec.Inputs {
			h.Inputs = append(h.Inputs, filepath.Base(in.Path))
			if h.Report == "" {
				h.Report = s.reportOf(in.Path)
			}
		}
		runs = append(runs, h)
	}
	writeJSON(w, http.StatusOK, struct {
		Runs []historyRun `json:"runs"`
	}{runs})
}

// reportOf is the link to the report of the import whose file is path,
// while the server has it.
func (s *Server) reportOf(path string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, u := range s.imports {
		if u.path != path {
			continue
		}
		u.mu.Lock()
		run := u.run
		u.mu.Unlock()
		if run == nil || run.state() == stateSending {
			return ""
		}
		if _, err := os.Stat(run.report); err == nil {
			return "/api/imports/" + u.id + "/report"
		}
	}
	return ""
}

package web

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"leadimport/importer"
	"leadimport/importer/ledger"
	"leadimport/importer/msg"
	"leadimport/importer/report"
)

// maxHistory is the most runs the page lists, and looks through for a
// report.
const maxHistory = 1000

// historyRun is one run of the ledger as leadimport history lists it,
// with a link to its report while the server still has it.
type historyRun struct {
	Run     int64      `json:"run"`
	Started time.Time  `json:"started"`
	Ended   *time.Time `json:"ended"` // null: running, or died
	Command string     `json:"command"`
	Inputs  []string   `json:"inputs"` // file names
	Mapping string     `json:"mapping"`
	// Endpoints are the Connect calls the run sent to (FinalPriceWatched,
	// Interest); empty for a run refused before its mapping was read.
	Endpoints []string       `json:"endpoints"`
	Counts    map[string]int `json:"counts"`
	ExitCode  *int           `json:"exitCode"`
	Reason    string         `json:"reason"`
	Report    string         `json:"report,omitempty"`
}

// history lists the recent runs from the ledger (?limit=, default 20),
// as leadimport history does.
func (s *Server) history(w http.ResponseWriter, r *http.Request) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit <= 0 {
		limit = 20
	}
	limit = min(limit, maxHistory)
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
			Counts: rec.Counts, Reason: rec.Reason, Inputs: []string{}, Endpoints: rec.Endpoints}
		if h.Endpoints == nil {
			h.Endpoints = []string{}
		}
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
				h.Report = s.reportOf(rec.ID, in.Path)
			}
		}
		runs = append(runs, h)
	}
	writeJSON(w, http.StatusOK, struct {
		Runs []historyRun `json:"runs"`
	}{runs})
}

// reportOf is the link to the report of run, whose input was path: the
// report of an import the server has, else one kept in Config.Reports.
func (s *Server) reportOf(run int64, path string) string {
	var u *upload
	s.mu.Lock()
	for _, v := range s.imports {
		if v.path == path { // set once, before the import is listed
			u = v
			break
		}
	}
	s.mu.Unlock()
	if u != nil {
		// u.mu after s.mu is released: a send holds u.mu while it
		// takes s.mu.
		u.mu.Lock()
		r := u.run
		u.mu.Unlock()
		if r == nil || r.state() == stateSending {
			return ""
		}
		if _, err := os.Stat(r.report); err == nil {
			return "/api/imports/" + u.id + "/report"
		}
		return ""
	}
	if s.keptReport(path) != "" {
		return "/api/history/" + strconv.FormatInt(run, 10) + "/report"
	}
	return ""
}

// keptReport is the report kept in Config.Reports for the send whose
// input was path (an upload of this server or of an earlier start), or "".
func (s *Server) keptReport(path string) string {
	dir := filepath.Base(filepath.Dir(path))
	if s.cfg.Reports == "" || !strings.HasPrefix(dir, uploadPrefix) {
		return ""
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	entries, _ := os.ReadDir(filepath.Join(s.cfg.Reports, dir))
	var found []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), base+"-report-") {
			found = append(found, e.Name())
		}
	}
	if len(found) == 0 {
		return ""
	}
	slices.Sort(found) // the newest last: their names end with the time
	newest := filepath.Join(s.cfg.Reports, dir, found[len(found)-1])
	// A send writes its report in every format: the Excel one is what a
	// link without ?format= gives.
	if xlsx := importer.AlsoReport(newest, report.XLSX); slices.Contains(found, filepath.Base(xlsx)) {
		return xlsx
	}
	return newest
}

// historyReport downloads the report kept for a run of the ledger, sent
// from this page, today or before the server last started.
func (s *Server) historyReport(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("run"), 10, 64)
	report := ""
	if err == nil {
		report = s.runReport(id)
	}
	if report == "" {
		s.fail(w, r, http.StatusNotFound, msg.WebNoReport{})
		return
	}
	if asked := strings.ToLower(r.URL.Query().Get("format")); asked != "" {
		format, err := reportFormatOf(asked)
		if err != nil {
			s.fail(w, r, http.StatusNotFound, msg.WebNoReport{Format: asked})
			return
		}
		report = importer.AlsoReport(report, format)
	}
	serveReport(w, r, report)
}

// runReport is the report kept for run id, or "".
func (s *Server) runReport(id int64) string {
	led, err := importer.OpenLedger(s.cfg.Send.Ledger, s.cfg.Send.Getenv, ledger.Existing)
	if err != nil {
		return ""
	}
	defer led.Close()
	records, err := led.History(maxHistory)
	if err != nil {
		return ""
	}
	for _, rec := range records {
		if rec.ID != id {
			continue
		}
		for _, in := range rec.Inputs {
			if p := s.keptReport(in.Path); p != "" {
				return p
			}
		}
	}
	return ""
}

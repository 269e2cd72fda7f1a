package ledger

import (
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"leadimport/importer/msg"
)

// RunRecord is one run as History reports it. A run that never finished
// (it died, or is still going) has Finished false, a zero Ended and no counts.
type RunRecord struct {
	ID      int64
	Started time.Time
	Ended   time.Time
	Command string
	Inputs  []Input
	Mapping string
	// Endpoints are the Connect calls the run's mappings send to:
	// FinalPriceWatched for a run recorded before a ledger kept them
	// (there was no other then), none for a run refused before a
	// mapping was read.
	Endpoints []string
	Counts    map[string]int
	ExitCode  int
	PID       int
	Finished  bool
	// Reason is why the run ended as it did, in a line: "" when it ended
	// well (or before a ledger kept reasons).
	Reason string
}

// History returns the latest limit runs, newest first; limit <= 0 returns all.
func (l *Ledger) History(limit int) ([]RunRecord, error) {
	if limit <= 0 {
		limit = -1 // SQLite: no limit
	}
	rows, err := l.db.Query(`SELECT id, command, started, ended, pid, inputs, mapping, endpoints, counts, exit_code, reason
		FROM runs ORDER BY id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, failed(msg.ReadHistory, err)
	}
	defer rows.Close()
	var out []RunRecord
	for rows.Next() {
		rec, err := scanRun(rows)
		if err != nil {
			return nil, failed(msg.ReadHistory, err)
		}
		out = append(out, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, failed(msg.ReadHistory, err)
	}
	return out, nil
}

func scanRun(rows *sql.Rows) (RunRecord, error) {
	var (
		rec             RunRecord
		started, inputs string
		ended, counts   sql.NullString
		endpoints       sql.NullString
		reason          sql.NullString
		exitCode        sql.NullInt64
	)
	if err := rows.Scan(&rec.ID, &rec.Command, &started, &ended, &rec.PID, &inputs, &rec.Mapping, &endpoints, &counts, &exitCode, &reason); err != nil {
		return rec, err
	}
	rec.Reason = reason.String
	if endpoints.String != "" {
		rec.Endpoints = strings.Split(endpoints.String, ",")
	}
	var err error
	if rec.Started, err = parseTime(started); err != nil {
		return rec, msg.Error(msg.RunUnreadable{Run: rec.ID, Err: err})
	}
	if err := json.Unmarshal([]byte(inputs), &rec.Inputs); err != nil {
		return rec, msg.Error(msg.RunUnreadable{Run: rec.ID, Column: "inputs", Err: err})
	}
	if !ended.Valid {
		return rec, nil
	}
	rec.Finished = true
	rec.ExitCode = int(exitCode.Int64)
	if rec.Ended, err = parseTime(ended.String); err != nil {
		return rec, msg.Error(msg.RunUnreadable{Run: rec.ID, Err: err})
	}
	if err := json.Unmarshal([]byte(counts.String), &rec.Counts); err != nil {
		return rec, msg.Error(msg.RunUnreadable{Run: rec.ID, Column: "counts", Err: err})
	}
	return rec, nil
}

package report

import (
	"errors"

	"leadimport/importer/status"
)

// WithProblems writes every line to all, as a report does, and the lines
// of the rows that need a person (invalid, failed) to problems as well: a
// second report of the same format, short enough to work through, and an
// input for a re-run like any report.
func WithProblems(all, problems Writer) Writer { return &withProblems{all, problems} }

type withProblems struct{ all, problems Writer }

func (w *withProblems) Write(l *Line) error {
	err := w.all.Write(l)
	if l.Status == status.Invalid || l.Status == status.Failed {
		err = errors.Join(err, w.problems.Write(l))
	}
	return err
}

func (w *withProblems) Flush() error { return errors.Join(w.all.Flush(), w.problems.Flush()) }

func (w *withProblems) Close(s *Summary) error {
	return errors.Join(w.all.Close(s), w.problems.Close(s))
}

package report

import "errors"

// Tee writes every line to each of ws: one report in several formats.
func Tee(ws ...Writer) Writer {
	if len(ws) == 1 {
		return ws[0]
	}
	return tee(ws)
}

type tee []Writer

func (t tee) Write(l *Line) error {
	var errs []error
	for _, w := range t {
		errs = append(errs, w.Write(l))
	}
	return errors.Join(errs...)
}

func (t tee) Flush() error {
	var errs []error
	for _, w := range t {
		errs = append(errs, w.Flush())
	}
	return errors.Join(errs...)
}

func (t tee) Close(s *Summary) error {
	var errs []error
	for _, w := range t {
		errs = append(errs, w.Close(s))
	}
	return errors.Join(errs...)
}

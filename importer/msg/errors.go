package msg

// Error is m as an error. Its Error() is m in English, the words code,
// logs and tests have always read; Lang.Error says it in a language. It
// unwraps to m's cause, when m has one, and to kinds: the sentinels the
// error is also one of, so that
//
//	err := msg.Error(msg.ConnectDown{Failures: 20, Max: 20}, importer.ErrConnectDown)
//
// is errors.Is(err, importer.ErrConnectDown), as fmt.Errorf("%w: …") was.
func Error(m Message, kinds ...error) error {
	e := &msgError{m: m}
	if c, ok := m.(causer); ok && c.Cause() != nil {
		e.wraps = append(e.wraps, c.Cause())
	}
	e.wraps = append(e.wraps, kinds...)
	return e
}

type msgError struct {
	m     Message
	wraps []error // m's cause, then the kinds
}

func (e *msgError) Error() string   { return English.Say(e.m) }
func (e *msgError) Msg() Message    { return e.m }
func (e *msgError) Unwrap() []error { return e.wraps }

// carrier is an error that says itself by a Message: Error's errors, and
// leadimport's typed errors (source.RowError, connect.APIError, …).
type carrier interface{ Msg() Message }

// Of is err as a message: the message it carries (see carrier); an
// errors.Join's errors, each said in turn; and any other error (an
// operating system's, Go's own, a fmt.Errorf's) as its text, Verbatim.
// Of(nil) is nil.
func Of(err error) Message {
	switch e := err.(type) {
	case nil:
		return nil
	case carrier:
		return e.Msg()
	case interface{ Unwrap() []error }:
		if parts := e.Unwrap(); joined(err.Error(), parts) {
			j := Joined{Parts: make([]Message, len(parts))}
			for i, p := range parts {
				j.Parts[i] = Of(p)
			}
			return j
		}
	}
	return Verbatim{Text: err.Error()}
}

// joined reports whether text is the parts' texts a line each, as
// errors.Join writes them (fmt.Errorf with two %w unwraps to its parts
// too, but says more than them).
func joined(text string, parts []error) bool {
	for i, p := range parts {
		s := p.Error()
		if i > 0 {
			if text == "" || text[0] != '\n' {
				return false
			}
			text = text[1:]
		}
		if len(text) < len(s) || text[:len(s)] != s {
			return false
		}
		text = text[len(s):]
	}
	return text == "" && len(parts) > 0
}

// Error says err in l: see Of. Error(nil) is "".
func (l Lang) Error(err error) string { return l.Say(Of(err)) }

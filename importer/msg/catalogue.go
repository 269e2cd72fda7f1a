package msg

import "fmt"

// A catalogue is how one language says every message: english and
// swedish, each a type switch with a case for each message type (the
// package's documentation says why a switch).
type catalogue func(m Message, l Lang) string

// catalogueOf is l's catalogue, or nil for a language leadimport does not
// speak.
func catalogueOf(l Lang) catalogue {
	switch l {
	case English:
		return english
	case Swedish:
		return swedish
	}
	return nil
}

// unsaid is what a catalogue says of a message it has no case for: its
// Go name, marked, never silently in another language. A test holds
// every catalogue to every message type.
func unsaid(m Message) string { return fmt.Sprintf("!(%T)", m) }

// Package msg is what leadimport says to a person, by identity: every
// message is a struct type of this package, its fields are the message's
// arguments, and each language is a catalogue that says every message in
// its own words.
//
//	p := msg.CheckDigit{Want: 1}
//	msg.English.Say(p) // "check digit should be 1"
//	msg.Swedish.Say(p) // "kontrollsiffran ska vara 1"
//
// A message may hold another: the row said not sent says why.
//
//	m := msg.NotSent{Err: msg.Error(msg.Interrupted{})}
//	msg.Swedish.Say(m) // "inte skickad: avbruten"
//
// An error carries a message with Error. Its Error() is the message in
// English, so code, logs and tests that know no language read as before;
// Lang.Error says it in a language. Wrapped causes and kinds (sentinels)
// still answer errors.Is and errors.As:
//
//	err := msg.Error(msg.TooManyCells{Cells: 20000}, source.ErrTooLarge)
//	err.Error()            // "too large: the row has 20000 cells, more than the 16,384 columns Excel has"
//	msg.Swedish.Error(err) // "för stor: raden har 20000 celler, fler än de 16 384 kolumner Excel har"
//	errors.Is(err, source.ErrTooLarge) // true
//
// Words that are not leadimport's (what Connect's server answered, an
// operating system's error) are a message of their own, Verbatim, said
// the same in every language: Lang.Error says any error that carries no
// message that way. Nothing is ever translated by matching English text.
//
// # Catalogues
//
// en.go and sv.go hold one catalogue each, in the same order, grouped by
// where the messages come from. A catalogue is a Go function with a type
// switch, a case for each message type, saying the message in its
// language:
//
//	case TooLong:
//		return fmt.Sprintf("har %d tecken, högst %d är tillåtna", m.Len, m.Max)
//
// This is a typed switch rather than golang.org/x/text/message's
// catalogues: a message's arguments are fields the compiler checks at
// every call site, not a list of values that must match fmt verbs kept in
// step across languages; a translation is Go code, so it can say a
// message held inside another in the same language and choose its words
// by number or by a flag; and it needs no new dependency. A test finds
// every message type declared here (from the package's own source, not a
// hand-kept list) and fails for each one a catalogue lacks: a missing
// translation is a test failure, never a silent fallback to English. The
// tests that say every message take their types from messageTypes
// (types_test.go), which another test holds to english's cases.
//
// It is a switch, not a map from type to function built at start-up:
// building that made every run touch every message's code and type,
// half a megabyte of a check's memory, to say perhaps ten messages.
//
// # Adding a message
//
// Declare a struct type that embeds message, with its arguments as
// fields (an error it says why with is a field Err, with a method Cause
// returning it), then add its case to every catalogue, in the same place
// in each, and its type to messageTypes in types_test.go, which the tests
// say every message from. An argument that would be one of a few phrases
// of ours is a small enumeration instead, never an English string:
// LedgerFailed's Step, whose words each language keeps in a table a test
// holds to every step.
//
// The words of serve's page are such a set too: Page{Text: PageHFile}
// is one of them, page.go declares every key (the name the page asks
// for it by, "hFile"), and each catalogue says them from its table,
// pageEN and pageSV, beside its serve cases. To add one to the page,
// add its key to page.go and its words to every table, in page.go's
// order; a part the page fills in is named in braces, {n}.
package msg

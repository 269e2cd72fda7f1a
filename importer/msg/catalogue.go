package msg

import "reflect"

// entry is how one language says the messages of one type.
type entry struct {
	typ reflect.Type
	say func(Message, Lang) string
}

// say makes the entry for messages of type M. The Lang it is given is
// the one being spoken, for the messages M holds.
func say[M Message](f func(M, Lang) string) entry {
	return entry{reflect.TypeFor[M](), func(m Message, l Lang) string { return f(m.(M), l) }}
}

// catalogue is one language's entries, by message type.
type catalogue map[reflect.Type]func(Message, Lang) string

func index(entries []entry) catalogue {
	c := make(catalogue, len(entries))
	for _, e := range entries {
		if _, dup := c[e.typ]; !dup { // a second entry is a test failure
			c[e.typ] = e.say
		}
	}
	return c
}

// languages are the catalogues' entries as written, for the tests.
var languages = map[Lang][]entry{English: english, Swedish: swedish}

// catalogues are the languages indexed for Say. They are built by init,
// not by an initialiser: an entry says the messages inside its message
// through Lang.Say, which reads catalogues, and Go refuses a variable
// whose initialiser refers to itself.
var catalogues map[Lang]catalogue

func init() {
	catalogues = map[Lang]catalogue{English: index(english), Swedish: index(swedish)}
}

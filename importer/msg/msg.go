package msg

import (
	"strings"
)

// Message is something leadimport says to a person: a value of one of
// this package's message types. Lang.Say renders it.
type Message interface{ isMessage() }

// message marks a struct type as a message; every message type embeds
// it, first.
type message struct{}

func (message) isMessage() {}

// causer is a message that says why with an error: Error's errors unwrap
// to it.
type causer interface{ Cause() error }

// Lang is a language leadimport speaks. Every message has its words in
// every Lang; a run speaks its Lang, for now, in the report's error and
// warnings columns and the XLSX report's sheet names and summary. Logs
// and the console say their messages (the errors of the mapping file,
// the inputs, the ledger, the Connect client) in English, through an
// error's Error(), though Lang.Error says any of them in any language.
// Column names and statuses stay as they are in every language: they
// are the tool's vocabulary, and what it reads back when a report is an
// input.
type Lang string

const (
	English Lang = "en"
	Swedish Lang = "sv"
)

// Langs lists every language, English first.
func Langs() []Lang { return []Lang{English, Swedish} }

// ParseLang reads --lang.
func ParseLang(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(s)); l {
	case English, Swedish:
		return l, nil
	}
	return "", Error(BadLang{Lang: s})
}

// LangFromEnv is the language the environment asks for, as POSIX decides
// it (LC_ALL, then LC_MESSAGES, then LANG): Swedish for sv_SE.UTF-8 and
// the like, English otherwise.
func LangFromEnv(getenv func(string) string) Lang {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "sv") {
				return Swedish
			}
			return English
		}
	}
	return English
}

// Say renders m in l; "" (the zero Lang) is English, and a nil message
// says nothing. Every message has a case in every catalogue (a test
// holds them to it); a type without one would be shown as its Go name,
// never silently in another language.
func (l Lang) Say(m Message) string {
	if m == nil {
		return ""
	}
	if l == "" {
		l = English
	}
	if say := catalogueOf(l); say != nil {
		return say(m, l)
	}
	return unsaid(m)
}

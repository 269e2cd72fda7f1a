package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"leadimport/importer/msg"
	"log/slog"
	"strings"
	"time"
)

// env is what a command is given of the world: the environment, stdout
// and stderr, and the clock (no command reads stdin). main passes the
// process's own; tests pass their buffers, a map and a clock of their
// own, and run commands in process.
type env struct {
	getenv func(string) string
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
	// sleep waits out a retry's backoff or a pause Connect asked for.
	sleep func(ctx context.Context, d time.Duration) error
	// openURL opens a page in the default browser (serve --open); nil:
	// the system's way. Tests pass one that notes the address.
	openURL func(url string) error

	// cmd is the command running, for its error lines.
	cmd string
	// lang is the language of the lines for people: the locale's
	// (LC_ALL, LC_MESSAGES, LANG), or run's and check's --lang.
	lang msg.Lang
	// errLog, when a command logs in JSON, takes its errors as records
	// instead of lines of text.
	errLog *slog.Logger
}

// printErr is the one way a command's error reaches the user: in e's
// language after the command's name, each further line of an error that
// lists several problems indented under the first; or, when the command
// logs in JSON, as an error record in English.
func (e *env) printErr(err error) {
	if e.errLog != nil {
		e.errLog.Error(err.Error(), "command", e.cmd)
		return
	}
	lines := strings.Split(e.lang.Error(err), "\n")
	name := "leadimport"
	if e.cmd != "" {
		name += " " + e.cmd
	}
	fmt.Fprintf(e.stderr, "%s: %s\n", name, lines[0])
	for _, l := range lines[1:] {
		fmt.Fprintf(e.stderr, "  %s\n", l)
	}
}

// usageError is a command line that cannot be run: a flag's value, an
// argument missing or too many. Nothing was read or sent.
type usageError struct{ error }

// Msg is the error as a message, to say in a language.
func (e usageError) Msg() msg.Message { return msg.Of(e.error) }

// usage is a usage error that says m.
func usage(m msg.Message) error { return usageError{msg.Error(m)} }

// toldError is an error the command has told the user already, in its
// summary or its log: realMain takes only its exit code.
type toldError struct{ error }

func (e toldError) Unwrap() error { return e.error }

// told marks err as told; nil stays nil.
func told(err error) error {
	if err == nil {
		return nil
	}
	return toldError{err}
}

// isTold reports whether err was told already.
func isTold(err error) bool {
	var t toldError
	return errors.As(err, &t)
}

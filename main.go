// Command leadimport registers the people in a spreadsheet as leads in
// Vitec Express Connect, and reports what became of every row.
//
// This file dispatches; each command is a cmd_*.go of its own, with its
// options struct, their validation and the command's func.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"
	"time"

	"leadimport/importer"
	"leadimport/importer/msg"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// errInterrupted is the cause of a run's context when the user
// interrupts it; each command says so in its own way.
var errInterrupted = msg.Error(msg.Interrupted{})

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, stopSignals(os.Args[1:])...)
	go func() {
		<-sigs
		cancel(errInterrupted)
		for sig := range sigs {
			if forces(sig) {
				os.Exit(importer.ExitForced)
			}
		}
	}()
	stop := startProfile(os.Getenv("LEADIMPORT_CPUPROFILE"))
	code := realMain(ctx, os.Args[1:], env{getenv: os.Getenv, stdout: os.Stdout, stderr: os.Stderr,
		now: time.Now, sleep: importer.Sleep})
	stop()
	os.Exit(code)
}

// stopSignals are the signals that stop the command args name as Ctrl-C
// does. serve's are SIGHUP too: closing the terminal window it runs in
// (as a desktop shortcut opens one) must stop its sends and remove the
// uploads, not kill it with them left behind.
func stopSignals(args []string) []os.Signal {
	sigs := []os.Signal{os.Interrupt, syscall.SIGTERM}
	if len(args) > 0 && args[0] == "serve" {
		sigs = append(sigs, syscall.SIGHUP)
	}
	return sigs
}

// forces reports whether sig, after the first, ends the program at once.
// A second SIGHUP does not: a closed terminal sends one to serve and its
// shell another, and serve must still remove its uploads.
func forces(sig os.Signal) bool { return sig != syscall.SIGHUP }

// realMain runs the command args name and returns its exit code; an
// error the command has not told already is told here.
func realMain(ctx context.Context, args []string, e env) int {
	e.lang = msg.LangFromEnv(e.getenv)
	err := dispatch(ctx, args, &e)
	if err != nil && !isTold(err) && !errors.Is(err, flag.ErrHelp) {
		e.printErr(err)
	}
	return exitCode(err)
}

func dispatch(ctx context.Context, args []string, e *env) error {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usageText)
		return told(usageError{errors.New("no command")})
	}
	e.cmd, args = args[0], args[1:]
	switch e.cmd {
	case "run", "check":
		return cmdImport(ctx, e.cmd, args, e)
	case "sandbox":
		return cmdSandbox(ctx, args, e)
	case "serve":
		return cmdServe(ctx, args, e)
	case "history":
		return cmdHistory(args, e)
	case "init":
		return cmdInit(args, e)
	case "version", "--version":
		return cmdVersion(args, e)
	case "help", "-h", "-help", "--help":
		return cmdHelp(args, e)
	}
	err := usage(msg.UnknownCommand{Command: e.cmd})
	e.cmd = ""
	e.printErr(err)
	fmt.Fprint(e.stderr, "\n"+usageText)
	return told(err)
}

// exitCode is the documented exit code (leadimport help exit-codes) for
// the error a command returned.
func exitCode(err error) int {
	var usage usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return importer.ExitOK
	case errors.As(err, &usage):
		return importer.ExitNothing
	}
	return importer.ExitCode(err)
}

// startProfile writes a CPU profile of the whole process to path, for
// `go tool pprof`, when path is set (LEADIMPORT_CPUPROFILE): the way to
// see where a run's time goes on the machine and file it is slow on. It
// returns the function that ends the profile.
func startProfile(path string) (stop func()) {
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		err = pprof.StartCPUProfile(f)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "leadimport: LEADIMPORT_CPUPROFILE: %v\n", err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

package main

import (
	"context"
	"fmt"
	"runtime"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

const usageText = `leadimport registers the people in a spreadsheet as leads in Vitec Express Connect.

Usage:
  leadimport run     --mapping FILE [flags] INPUT...   read, map, validate, send, report
  leadimport check   --mapping FILE [flags] INPUT...   the same, but send nothing
  leadimport sandbox [--addr 127.0.0.1:8089] [flags]   a local stand-in for the Connect API
  leadimport serve   [--open] [flags]                  a page to drop a sheet on, check, fix and send it
  leadimport history [--ledger FILE] [--limit N] [--csv]   recent runs, from the ledger
  leadimport init    [-o FILE] [flags] INPUT              propose a mapping file for INPUT
  leadimport help    [exit-codes | mapping | COMMAND]    what the exit codes mean, the mapping reference
  leadimport version

Run 'leadimport COMMAND --help' for a command's flags,
'leadimport help mapping' for the mapping file and its fields,
'leadimport help exit-codes' for what each exit code means.

Examples:
  leadimport init visning.xlsx -o visning.yaml
  leadimport check --mapping visning.yaml visning.xlsx
  leadimport run --mapping visning.yaml visning.xlsx
  leadimport run --mapping visning.yaml visning-report-20261126-101500.xlsx
`

const exitCodesHelp = `leadimport run and check exit with:

  0    every row sent, now or by an earlier run, or a duplicate of one that
       was (check: every row valid)
  1    finished, but some rows are invalid or were refused by Connect: the
       report says which and why; fix them and run the same command again
       (on the report, if you like: rows it says were sent are skipped)
  2    an input could not be read, does not fit the mapping or broke off
       (it is named; the other inputs were imported), or nothing was sent:
       bad usage, an unreadable mapping, no input that fits, missing
       credentials, the ledger busy with another run, or more invalid rows
       than --max-invalid allows
  3    run again later: the run stopped early (Connect refused the
       credentials (401), Connect seemed down (--max-failures rows failed in
       a row), answered nothing but 429 for --max-throttle, refused 20 rows
       in a row with the same 404, 405 or 3xx, or could not be reached at
       all, the report could not be written, or the run was interrupted),
       or it finished but some rows failed for a reason that may pass (no
       answer, 429, 5xx), or an input was still being written (newer than
       --settle, or it changed while it was read) and stays in the inbox;
       rows not reached are not_sent, and running the same command again
       sends what is left (the ledger skips the rest)
  130  interrupted twice: quit at once; the ledger holds every lead sent or
       under way, so a new run resends only what is unconfirmed; a CSV or
       JSONL report holds the rows written so far, an XLSX report nothing
       (it is written whole at the end)

With several inputs, the exit code is the worst of theirs: 3 over 2 over
1 over 0.

Every row of every input has its line in the report, whatever the exit
code, except: an input that could not be read or does not fit the mapping
(the message says why), exit 2 before the reports are made, exit 130, and
an input that cannot be read to its end (the rows after the break are
named as not read).
`

// helpHelp is help's own --help.
const helpHelp = `Usage: leadimport help [TOPIC]

Prints the usage, or the help on one topic:
  exit-codes   what each exit code of run and check means
  mapping      the mapping file: its keys, the fields it maps to, normalisation
  COMMAND      a command's flags and examples (run, check, sandbox, serve, history, init)
`

// versionHelp is version's --help.
const versionHelp = `Usage: leadimport version

Prints leadimport's version and the Go version it was built with.
`

// isHelpFlag says whether arg asks for a command's help.
func isHelpFlag(arg string) bool { return arg == "-h" || arg == "-help" || arg == "--help" }

// cmdHelp prints the usage, or the help on one topic: a command's flags,
// the mapping file's reference or the exit codes.
func cmdHelp(args []string, e *env) error {
	if len(args) == 0 {
		fmt.Fprint(e.stdout, usageText)
		return nil
	}
	if isHelpFlag(args[0]) {
		fmt.Fprint(e.stdout, helpHelp)
		return nil
	}
	switch topic := args[0]; topic {
	case "exit-codes":
		fmt.Fprint(e.stdout, exitCodesHelp)
	case "mapping":
		return mapping.WriteReference(e.stdout)
	case "run", "check", "sandbox", "serve", "history", "init":
		// A command's own --help, on stdout: it was asked for.
		e.stderr = e.stdout
		return dispatch(context.Background(), []string{topic, "--help"}, e)
	default:
		return usage(msg.NoHelp{Topic: topic})
	}
	return nil
}

func cmdVersion(args []string, e *env) error {
	if len(args) > 0 && isHelpFlag(args[0]) {
		fmt.Fprint(e.stdout, versionHelp)
		return nil
	}
	fmt.Fprintf(e.stdout, "leadimport %s (%s)\n", version, runtime.Version())
	return nil
}

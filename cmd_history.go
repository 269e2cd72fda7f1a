package main

import (
	"errors"
	"flag"
	"fmt"

	"leadimport/importer"
	"leadimport/importer/ledger"
	"leadimport/importer/msg"
)

// historyOptions are the flags of history.
type historyOptions struct {
	ledger string
	limit  int
	csv    bool
}

func (o *historyOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.ledger, "ledger", "", "the ledger `file` (default: leadimport/ledger.db in the user's state directory)")
	fs.IntVar(&o.limit, "limit", 20, "how many runs, newest first; 0: all")
	fs.BoolVar(&o.csv, "csv", false, "write CSV instead of a table")
}

func (o *historyOptions) usage(fs *flag.FlagSet) {
	printUsage(fs, "leadimport history [flags]",
		"Lists recent runs recorded in the ledger: when, inputs, counts per status, exit code,\nand the endpoint each sent to (FinalPriceWatched or Interest).\n",
		"  leadimport history\n  leadimport history --csv --limit 100 > runs.csv\n")
}

func (o *historyOptions) validate(args []string) error { return noArgs(args) }

func cmdHistory(args []string, e *env) error {
	var o historyOptions
	fs := newFlagSet("history", e.stderr, o.usage)
	o.bind(fs)
	if err := fs.Parse(args); err != nil {
		return told(err)
	}
	if err := o.validate(fs.Args()); err != nil {
		return err
	}
	// A reading command creates no ledger: a mistyped --ledger must not
	// leave an empty one, and folders to it, behind.
	led, err := importer.OpenLedger(o.ledger, e.getenv, ledger.Existing)
	if errors.Is(err, ledger.ErrNoLedger) && o.ledger == "" {
		// The default place, before the first run: nothing to list.
		fmt.Fprintln(e.stdout, e.lang.Say(msg.NoRuns{}))
		return nil
	}
	if err != nil {
		return err
	}
	defer led.Close()
	runs, err := led.History(o.limit)
	if err != nil {
		return err
	}
	return importer.WriteHistory(e.stdout, runs, o.csv, e.lang)
}

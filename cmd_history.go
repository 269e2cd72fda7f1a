package main

import (
	"flag"

	"leadimport/importer"
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
		"Lists recent runs recorded in the ledger: when, inputs, counts per status, exit code.\n",
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
	led, err := openLedger(o.ledger, e.getenv)
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

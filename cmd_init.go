package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"leadimport/importer"
	"leadimport/importer/msg"
	"leadimport/mapping"
)

// initOptions are the flags of init.
type initOptions struct {
	out     string
	mapping string // mappings to try first
	input   inputOptions
	path    string // the input
}

func (o *initOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "o", "", "write the mapping to this `file` instead of printing it (refused if it exists)")
	fs.StringVar(&o.mapping, "mapping", "", "an existing mapping `file` or folder of them: if one fits INPUT, say which and propose none")
	o.input.bind(fs)
}

func (o *initOptions) usage(fs *flag.FlagSet) {
	printUsage(fs, "leadimport init [flags] INPUT",
		"Proposes a mapping file for INPUT: each header placed on a field by its name\n(Swedish or English), a near miss of one, or the values in its first rows. Each\nline says how sure it is; review it, then try it with leadimport check.\n",
		"  leadimport init visning.xlsx -o visning.yaml\n  leadimport check --mapping visning.yaml visning.xlsx\n")
}

func (o *initOptions) validate(args []string) error {
	if len(args) != 1 {
		return usage(msg.OneInputFile{})
	}
	o.path = args[0]
	return o.input.validate()
}

func cmdInit(args []string, e *env) error {
	var o initOptions
	fs := newFlagSet("init", e.stderr, o.usage)
	o.bind(fs)
	args, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := o.validate(args); err != nil {
		return err
	}
	if o.mapping != "" {
		fits, err := o.existing(e)
		if err != nil || fits {
			return err
		}
	}
	var in mapping.Input
	o.input.apply(&in)
	return o.propose(in, e)
}

// propose writes a mapping proposed for the input to -o (never over an
// existing file), or to stdout.
func (o *initOptions) propose(in mapping.Input, e *env) error {
	p, describe, err := importer.Propose(o.path, in, e.now())
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, e.lang.Say(describe))
	var w io.Writer = e.stdout
	if o.out != "" {
		f, err := os.OpenFile(o.out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return msg.Error(msg.WriteMapping{Err: err})
		}
		defer f.Close()
		w = f
	}
	// A header row found rather than given is left out: run and check
	// find it again from the mapping's own headers.
	if err := p.WriteYAML(w, filepath.Base(o.path), in); err != nil {
		return msg.Error(msg.WriteMapping{Err: err})
	}
	if o.out != "" {
		fmt.Fprintln(e.stderr, e.lang.Say(msg.WroteMapping{Path: o.out, Placed: len(p.Lines), Unplaced: len(p.Unplaced), Input: o.path}))
	}
	if ids := p.Placeholders(); len(ids) > 0 {
		fmt.Fprintln(e.stderr, e.lang.Say(msg.FillInIDs{Fields: ids, Mapping: o.out}))
	}
	return nil
}

// existing says which of the mappings --mapping names the input takes, as
// a run would choose, or why none fits it (then a mapping is proposed).
func (o *initOptions) existing(e *env) (fits bool, err error) {
	ms, err := mapping.LoadAll(o.mapping)
	if err != nil {
		return false, err
	}
	for _, m := range ms {
		o.input.apply(&m.Input)
	}
	m, err := importer.Choose(o.path, ms, e.now())
	if err != nil {
		fmt.Fprintln(e.stderr, e.lang.Error(err))
		return false, nil
	}
	fmt.Fprintln(e.stderr, e.lang.Say(msg.InitFits{Input: o.path, Mapping: m.Name, Given: o.mapping}))
	return true, nil
}

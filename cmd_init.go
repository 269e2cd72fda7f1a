package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"leadimport/importer"
	"leadimport/importer/msg"
	"leadimport/mapping"
	"leadimport/mapping/remember"
)

// initOptions are the flags of init.
type initOptions struct {
	out      string
	mapping  string // mappings to try first
	endpoint string // "": as the headers say
	input    inputOptions
	path     string // the input
}

func (o *initOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.out, "o", "", "write the mapping to this `file` instead of printing it (refused if it exists)")
	fs.StringVar(&o.mapping, "mapping", "", "an existing mapping `file` or folder of them: if one fits INPUT, say which and propose none")
	fs.StringVar(&o.endpoint, "endpoint", "", "propose a mapping for this `endpoint` ("+strings.Join(mapping.Endpoints, " or ")+"); without it, Interest when the headers speak of consent, the present home or the interest, else FinalPriceWatched")
	o.input.bind(fs)
}

func (o *initOptions) usage(fs *flag.FlagSet) {
	printUsage(fs, "leadimport init [flags] INPUT",
		"Proposes a mapping file for INPUT: each header placed on a field by its name\n(Swedish or English), a near miss of one, or the values in its first rows. Each\nline says how sure it is; review it, then try it with leadimport check. A sheet\nwhose headers speak of consent (Samtycke, GDPR), the present home (Boende idag,\nAntal rum, Boarea) or the interest (Intresse) gets endpoint: Interest, with the\nheaders that decided it; any other, FinalPriceWatched.\n",
		"  leadimport init visning.xlsx -o visning.yaml\n  leadimport check --mapping visning.yaml visning.xlsx\n")
}

func (o *initOptions) validate(args []string) error {
	if len(args) != 1 {
		return usage(msg.OneInputFile{})
	}
	o.path = args[0]
	if o.endpoint != "" && !slices.Contains(mapping.Endpoints, o.endpoint) {
		return usage(msg.EndpointFlag{Given: o.endpoint, Known: mapping.Endpoints})
	}
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
	p, describe, err := importer.Propose(o.path, in, o.endpoint, e.now())
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stderr, e.lang.Say(describe))
	// A mapping confirmed on serve's page for these headers comes first,
	// unless it is for another endpoint than --endpoint.
	remembered, file, ok := o.remembered(p.Header, e)
	if ok && o.endpoint != "" && remembered.m.Endpoint != o.endpoint {
		ok = false
	}
	switch {
	case ok:
		fmt.Fprintln(e.stderr, e.lang.Say(msg.RememberedMapping{Path: file}))
	case p.Endpoint == mapping.EndpointInterest && len(p.EndpointBy) > 0:
		fmt.Fprintln(e.stderr, e.lang.Say(msg.ProposedInterest{Headers: p.EndpointBy, Input: o.path}))
	}
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
	placed, unplaced, ids := len(p.Lines), len(p.Unplaced), p.Placeholders()
	if ok {
		_, err = io.WriteString(w, remembered.text)
		placed, unplaced, ids = len(remembered.m.Columns), len(p.Header)-len(remembered.m.Columns), remembered.placeholders()
	} else {
		err = p.WriteYAML(w, filepath.Base(o.path), in)
	}
	if err != nil {
		return msg.Error(msg.WriteMapping{Err: err})
	}
	if o.out != "" {
		fmt.Fprintln(e.stderr, e.lang.Say(msg.WroteMapping{Path: o.out, Placed: placed, Unplaced: unplaced, Input: o.path}))
	}
	if len(ids) > 0 {
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

// rememberedMapping is a mapping confirmed earlier for the same headers.
type rememberedMapping struct {
	text string
	m    *mapping.Mapping
}

// placeholders are its constants that are placeholders, to fill in.
func (r rememberedMapping) placeholders() []string {
	var ids []string
	for _, c := range r.m.Constants {
		if mapping.PlaceholderID(c.Value) {
			ids = append(ids, c.Field)
		}
	}
	return ids
}

// remembered finds the mapping confirmed on serve's page for header
// (mapping/remember), if any.
func (o *initOptions) remembered(header []string, e *env) (rememberedMapping, string, bool) {
	dir, err := remember.DefaultDir(e.getenv, runtime.GOOS)
	if err != nil {
		return rememberedMapping{}, "", false
	}
	text, file, ok, err := remember.Store{Dir: dir}.Find(header)
	if err != nil || !ok {
		return rememberedMapping{}, "", false
	}
	m, err := mapping.Parse(strings.NewReader(text), file)
	if err != nil {
		return rememberedMapping{}, "", false
	}
	return rememberedMapping{text: text, m: m}, file, true
}

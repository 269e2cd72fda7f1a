package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"leadimport/importer/msg"
	"leadimport/mapping"
)

// newFlagSet is a command's flag set: errors and usage go to w, and
// parsing returns errors instead of exiting.
func newFlagSet(name string, w io.Writer, usage func(fs *flag.FlagSet)) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() { usage(fs) }
	return fs
}

// parseFlags parses args, the flags wherever they stand among the
// positional arguments, as users type them (`run visning.xlsx --mapping
// m.yaml`); after "--" every argument is positional. A flag the set does
// not know has been told already by the flag package, with the usage.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, told(err)
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// noArgs refuses the arguments of a command that takes none.
func noArgs(args []string) error {
	if len(args) > 0 {
		return usage(msg.UnexpectedArgument{Arg: args[0]})
	}
	return nil
}

// inputOptions are the flags that say how to read an input, over the
// mapping's input section.
type inputOptions struct {
	sheet, encoding, delimiter string
	headerRow                  int
}

func (o *inputOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.sheet, "sheet", "", "XLSX: the `sheet` to read, by name or 1-based number (over input.sheet)")
	fs.IntVar(&o.headerRow, "header-row", 0, "the `row` that holds the header, as Excel numbers it (over input.headerRow; default: found)")
	fs.StringVar(&o.encoding, "encoding", "", "CSV: the `encoding`, one of "+strings.Join(mapping.Encodings, ", ")+" (over input.encoding; default: detected)")
	fs.StringVar(&o.delimiter, "delimiter", "", "CSV: the `delimiter`, one character: , ; | : or tab, or another punctuation mark (over input.delimiter; default: detected)")
}

func (o *inputOptions) validate() error {
	if o.headerRow < 0 {
		return usage(msg.HeaderRowFlag{})
	}
	if o.encoding != "" && !slices.Contains(mapping.Encodings, strings.ToLower(o.encoding)) {
		return usage(msg.EncodingFlag{Given: o.encoding, Known: mapping.Encodings})
	}
	if _, ok := mapping.ParseDelimiter(o.delimiter); o.delimiter != "" && !ok {
		return usage(msg.DelimiterFlag{Given: o.delimiter})
	}
	return nil
}

// apply sets what the flags give over in; validate has passed.
func (o *inputOptions) apply(in *mapping.Input) {
	if o.sheet != "" {
		in.Sheet = o.sheet
	}
	if o.headerRow > 0 {
		in.HeaderRow = o.headerRow
	}
	if o.encoding != "" {
		in.Encoding = strings.ToLower(o.encoding)
	}
	if o.delimiter != "" {
		in.Delimiter, _ = mapping.ParseDelimiter(o.delimiter)
	}
}

// setFlag collects repeated --set FIELD=VALUE flags.
type setFlag map[string]string

func (s setFlag) String() string { return "" }
func (s setFlag) Set(v string) error {
	field, value, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(field) == "" {
		return msg.Error(msg.SetWant{})
	}
	s[strings.TrimSpace(field)] = strings.TrimSpace(value)
	return nil
}

// commandLine is the command as typed, for the XLSX report's summary: no
// flag holds a secret (credentials come from the environment or a file),
// so it is safe to keep.
func commandLine(cmd string, args []string) string {
	parts := []string{"leadimport", cmd}
	for _, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n'\"$`\\;&|<>*?") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		parts = append(parts, a)
	}
	return strings.Join(parts, " ")
}

// printUsage writes a command's usage: what it does, its flags, examples.
func printUsage(fs *flag.FlagSet, synopsis, about, examples string) {
	w := fs.Output()
	fmt.Fprintf(w, "Usage: %s\n\n%s\nFlags:\n", synopsis, about)
	fs.PrintDefaults()
	fmt.Fprintf(w, "\nExamples:\n%s", examples)
}

package mapping

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Mapping is a parsed mapping file: which input column fills which field,
// which fields are the same for every row, and where the input's table is.
type Mapping struct {
	Version   int
	Endpoint  string     // EndpointFinalPriceWatched, the only one so far
	Columns   []Column   // in file order
	Constants []Constant // in file order
	Input     Input
	Normalize Normalize // how phone numbers, personnummer and postcodes are sent
	Name      string    // the mapping file's name as given to Parse, for messages
}

// Column maps an input header to a field.
type Column struct {
	Header string
	Field  string
	Line   int
}

// Constant gives a field the same value on every row.
type Constant struct {
	Field string
	Value string
	Line  int
}

// Input says where the table is in the input file and how to read it.
// Zero values mean: detect. The first visible sheet; the first of the
// first rows that holds the mapped headers; the encoding and delimiter
// sniffed from the file.
type Input struct {
	Sheet     string
	HeaderRow int
	Encoding  string // CSV: one of Encodings
	Delimiter rune   // CSV: ',', ';', '\t' or '|'
}

// Encodings are the names input.encoding and --encoding take.
var Encodings = []string{"utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252", "cp1252", "latin1", "iso-8859-1"}

// ParseDelimiter reads a delimiter as a user writes it: , ; | or tab
// (also \t or a literal tab).
func ParseDelimiter(s string) (rune, bool) {
	switch strings.ToLower(s) {
	case ",", "comma":
		return ',', true
	case ";", "semicolon":
		return ';', true
	case "|", "pipe":
		return '|', true
	case "\t", `\t`, "tab":
		return '\t', true
	}
	return 0, false
}

// Error is one thing wrong with a mapping file or with how it meets the
// input: it reads `mapping.yaml:7: what is wrong`. Line is 0 when the
// problem has no single place (a field nothing gives), File is "" for a
// problem with a --set.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	switch {
	case e.File == "":
		return e.Msg
	case e.Line == 0:
		return e.File + ": " + e.Msg
	default:
		return e.File + ":" + strconv.Itoa(e.Line) + ": " + e.Msg
	}
}

// maxFileSize bounds what Parse reads: a mapping is a screenful of YAML,
// so anything larger is the wrong file.
const maxFileSize = 1 << 20

var topLevelKeys = []string{"version", "endpoint", "columns", "constants", "input", "normalize"}

// Load reads the mapping file at path; messages name it by path.
func Load(path string) (*Mapping, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open mapping: %w", err)
	}
	defer f.Close()
	return Parse(f, path)
}

// Parse reads a mapping file. name is used in messages only. Every problem
// found is reported at once: the error is an *Error, or several joined
// with errors.Join, in the order of their lines.
func Parse(r io.Reader, name string) (*Mapping, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read mapping %s: %w", name, err)
	}
	p := &parser{m: &Mapping{Name: name, Endpoint: EndpointFinalPriceWatched}}
	if len(data) > maxFileSize {
		p.errorf(0, "is larger than %d bytes: is it the mapping file?", maxFileSize)
		return nil, p.err()
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		p.yamlError(err)
		return nil, p.err()
	}
	p.document(&doc)
	if err := p.err(); err != nil {
		return nil, err
	}
	return p.m, nil
}

type parser struct {
	m    *Mapping
	errs []*Error
}

func (p *parser) errorf(line int, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.m.Name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) err() error {
	slices.SortStableFunc(p.errs, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
	switch len(p.errs) {
	case 0:
		return nil
	case 1:
		return p.errs[0]
	}
	errs := make([]error, len(p.errs))
	for i, e := range p.errs {
		errs[i] = e
	}
	return errors.Join(errs...)
}

// yamlLine picks the line out of yaml.v3's messages, which read
// "yaml: line 3: mapping values are not allowed in this context".
var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

func (p *parser) yamlError(err error) {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		for _, msg := range te.Errors {
			p.yamlMessage(msg)
		}
		return
	}
	p.yamlMessage(err.Error())
}

func (p *parser) yamlMessage(msg string) {
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		p.errorf(line, "not valid YAML: %s", m[2])
		return
	}
	p.errorf(0, "not valid YAML: %s", strings.TrimPrefix(msg, "yaml: "))
}

// resolve follows an alias to the node it names.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// scalar returns n's text when n is a scalar other than null.
func scalar(n *yaml.Node) (string, bool) {
	n = resolve(n)
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// isString reports whether n is a string scalar, quoted or not.
func isString(n *yaml.Node) bool {
	n = resolve(n)
	return n != nil && n.Kind == yaml.ScalarNode && n.Tag == "!!str"
}

func isNull(n *yaml.Node) bool {
	n = resolve(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

const exampleMapping = "version: 1\ncolumns:\n  Förnamn: person.firstName"

func (p *parser) document(doc *yaml.Node) {
	if doc.Kind == 0 || doc.Kind == yaml.DocumentNode && (len(doc.Content) == 0 || isNull(doc.Content[0])) {
		p.errorf(0, "is empty; a mapping file starts like this:\n%s", exampleMapping)
		return
	}
	root := doc
	if doc.Kind == yaml.DocumentNode {
		root = resolve(doc.Content[0])
	}
	if root == nil || root.Kind != yaml.MappingNode {
		p.errorf(lineOf(root), "must be a YAML mapping of keys to values; a mapping file starts like this:\n%s", exampleMapping)
		return
	}
	seen := map[string]int{}
	var version, columns *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key, _ := scalar(k)
		if first, dup := seen[key]; dup {
			p.errorf(k.Line, "%s is given twice (first on line %d); keep one", quote(key), first)
			continue
		}
		seen[key] = k.Line
		switch key {
		case "version":
			version = v
			p.version(v)
		case "endpoint":
			p.endpoint(v)
		case "columns":
			columns = v
			p.columns(k, v)
		case "constants":
			p.constants(v)
		case "input":
			p.input(v)
		case "normalize":
			p.normalize(v)
		default:
			p.unknownKey(k.Line, key, "", topLevelKeys)
		}
	}
	if version == nil {
		p.errorf(root.Line, "version is missing; add `version: 1` at the top")
	}
	if columns == nil {
		p.errorf(root.Line, "columns is missing; add `columns:` with one `Header: field` line per input column, e.g. `Förnamn: person.firstName`")
	}
	p.crossChecks()
}

func lineOf(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

func (p *parser) unknownKey(line int, key, where string, valid []string) {
	msg := fmt.Sprintf("unknown key %s%s", quote(key), where)
	if s := suggest(key, valid); s != "" {
		p.errorf(line, "%s (did you mean %s?)", msg, quote(s))
		return
	}
	p.errorf(line, "%s; the keys are %s", msg, strings.Join(valid, ", "))
}

func (p *parser) version(v *yaml.Node) {
	s, _ := scalar(v)
	if s != "1" {
		p.errorf(v.Line, "version %s is not supported: this leadimport reads version 1; write `version: 1`", describe(v))
		return
	}
	p.m.Version = 1
}

func (p *parser) endpoint(v *yaml.Node) {
	s, _ := scalar(v)
	if s != EndpointFinalPriceWatched {
		p.errorf(v.Line, "endpoint %s is not supported; write `endpoint: %s` (the only one so far) or leave the key out",
			describe(v), EndpointFinalPriceWatched)
		return
	}
	p.m.Endpoint = s
}

// describe shows a value in a message: quoted text, or what kind of YAML
// it is when it is not text.
func describe(v *yaml.Node) string {
	v = resolve(v)
	switch {
	case v == nil || isNull(v):
		return "(empty)"
	case v.Kind == yaml.MappingNode:
		return "(a mapping)"
	case v.Kind == yaml.SequenceNode:
		return "(a list)"
	}
	return quote(v.Value)
}

func (p *parser) columns(k, v *yaml.Node) {
	v = resolve(v)
	if isNull(v) || v.Kind == yaml.MappingNode && len(v.Content) == 0 {
		p.errorf(k.Line, "columns is empty; add one `Header: field` line per input column, e.g. `Förnamn: person.firstName`")
		return
	}
	if v.Kind != yaml.MappingNode {
		p.errorf(v.Line, "columns must be `Header: field` lines, e.g. `Förnamn: person.firstName`, not %s", describe(v))
		return
	}
	headers := map[string]Column{} // by headerKey
	for i := 0; i+1 < len(v.Content); i += 2 {
		hk, fv := v.Content[i], v.Content[i+1]
		header, ok := scalar(hk)
		if !ok || strings.TrimSpace(header) == "" {
			p.errorf(hk.Line, "a column needs a header before the colon, e.g. `Förnamn: person.firstName`")
			continue
		}
		if prev, dup := headers[headerKey(header)]; dup {
			p.errorf(hk.Line, "column %s is the same header as %s on line %d (headers match ignoring case and surrounding spaces); keep one",
				quote(header), quote(prev.Header), prev.Line)
			continue
		}
		if !isString(fv) {
			p.errorf(fv.Line, "column %s: the field must be a name such as person.firstName, not %s", quote(header), describe(fv))
			continue
		}
		field := fv.Value
		if _, _, ok := lookupField(field); !ok {
			p.errorf(fv.Line, "%s", unknownField(field))
			continue
		}
		c := Column{Header: header, Field: field, Line: hk.Line}
		headers[headerKey(header)] = c
		p.m.Columns = append(p.m.Columns, c)
	}
	byField := map[string]Column{}
	for _, c := range p.m.Columns {
		if prev, dup := byField[c.Field]; dup {
			p.errorf(c.Line, "%s is filled by both %s (line %d) and %s (line %d); map one of them to another field or remove it",
				c.Field, quote(prev.Header), prev.Line, quote(c.Header), c.Line)
			continue
		}
		byField[c.Field] = c
	}
}

func (p *parser) constants(v *yaml.Node) {
	v = resolve(v)
	if isNull(v) {
		return
	}
	if v.Kind != yaml.MappingNode {
		p.errorf(v.Line, "constants must be `field: value` lines, e.g. `customerId: M1001`, not %s", describe(v))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		fk, vv := v.Content[i], v.Content[i+1]
		field, _ := scalar(fk)
		id, _, ok := lookupField(field)
		switch {
		case !ok:
			p.errorf(fk.Line, "%s", unknownField(field))
			continue
		case id == fFullName:
			p.errorf(fk.Line, "person.fullName can only come from a column; give person.firstName and person.lastName as constants instead")
			continue
		}
		if first, dup := seen[field]; dup {
			p.errorf(fk.Line, "constant %s is given twice (first on line %d); keep one", field, first)
			continue
		}
		seen[field] = fk.Line
		value, ok := scalar(vv)
		if !ok || strings.TrimSpace(value) == "" {
			p.errorf(vv.Line, "constant %s has no value; give one, e.g. `%s: %s`, or remove the line", field, field, exampleValue(id))
			continue
		}
		p.m.Constants = append(p.m.Constants, Constant{Field: field, Value: value, Line: fk.Line})
	}
}

// exampleValue is a plausible value for a field, for messages.
func exampleValue(id fieldID) string {
	switch id {
	case fCustomerID:
		return "M1001"
	case fEstateID:
		return "OBJ12345"
	case fStatus:
		return "Interested"
	case fForeign:
		return "false"
	}
	return "..."
}

func (p *parser) input(v *yaml.Node) {
	v = resolve(v)
	if isNull(v) {
		return
	}
	if v.Kind != yaml.MappingNode {
		p.errorf(v.Line, "input must hold `sheet:`, `headerRow:`, `encoding:` or `delimiter:` lines, not %s", describe(v))
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, vv := v.Content[i], v.Content[i+1]
		key, _ := scalar(k)
		switch key {
		case "sheet":
			s, ok := scalar(vv)
			if !ok || strings.TrimSpace(s) == "" {
				p.errorf(vv.Line, "input.sheet is empty; name the sheet to read, or remove the line to read the first")
				continue
			}
			p.m.Input.Sheet = s
		case "headerRow":
			s, _ := scalar(vv)
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				p.errorf(vv.Line, "input.headerRow %s must be a positive whole number (1 is the first row), or leave it out to use the first non-empty row", describe(vv))
				continue
			}
			p.m.Input.HeaderRow = n
		case "encoding":
			s, _ := scalar(vv)
			if !slices.Contains(Encodings, strings.ToLower(strings.TrimSpace(s))) {
				p.errorf(vv.Line, "input.encoding %s is not one leadimport reads; use one of %s, or leave it out to detect it", describe(vv), strings.Join(Encodings, ", "))
				continue
			}
			p.m.Input.Encoding = strings.ToLower(strings.TrimSpace(s))
		case "delimiter":
			s, _ := scalar(vv)
			d, ok := ParseDelimiter(s)
			if !ok {
				p.errorf(vv.Line, "input.delimiter %s: use \",\", \";\", \"|\" or tab, or leave it out to detect it", describe(vv))
				continue
			}
			p.m.Input.Delimiter = d
		default:
			p.unknownKey(k.Line, key, " under input", []string{"sheet", "headerRow", "encoding", "delimiter"})
		}
	}
}

func (p *parser) normalize(v *yaml.Node) {
	v = resolve(v)
	if isNull(v) {
		return
	}
	keys := make([]string, len(normalizeKeys))
	for i, nk := range normalizeKeys {
		keys[i] = nk.key
	}
	if v.Kind != yaml.MappingNode {
		p.errorf(v.Line, "normalize must hold `%s:` lines, e.g. `phone: national`, not %s", strings.Join(keys, ":`, `"), describe(v))
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, vv := v.Content[i], v.Content[i+1]
		key, _ := scalar(k)
		at := slices.Index(keys, key)
		if at < 0 {
			p.unknownKey(k.Line, key, " under normalize", keys)
			continue
		}
		values := normalizeKeys[at].values
		s, _ := scalar(vv)
		s = strings.TrimSpace(s)
		j := slices.IndexFunc(values, func(w string) bool { return strings.EqualFold(s, w) })
		if j < 0 {
			msg := fmt.Sprintf("normalize.%s %s is not a value it takes", key, describe(vv))
			if sug := suggest(s, values); s != "" && sug != "" {
				msg += fmt.Sprintf(" (did you mean %s?)", quote(sug))
			}
			p.errorf(vv.Line, "%s; use %s (the default is %s)", msg, strings.Join(values, ", "), values[0])
			continue
		}
		*p.m.Normalize.field(key) = values[j]
	}
}

// crossChecks apply the rules between columns and constants.
func (p *parser) crossChecks() {
	var full *Column
	for i, c := range p.m.Columns {
		if c.Field == fields[fFullName].name {
			full = &p.m.Columns[i]
		}
	}
	if full == nil {
		return
	}
	for _, c := range p.m.Columns {
		if c.Field == fields[fFirstName].name || c.Field == fields[fLastName].name {
			p.errorf(c.Line, "column %s fills %s, but %s (line %d) already gives the first and last name; map either person.fullName or person.firstName and person.lastName",
				quote(c.Header), c.Field, quote(full.Header), full.Line)
		}
	}
	for _, c := range p.m.Constants {
		if c.Field == fields[fFirstName].name || c.Field == fields[fLastName].name {
			p.errorf(c.Line, "constant %s conflicts with column %s (line %d), which gives the first and last name; remove one of them",
				c.Field, quote(full.Header), full.Line)
		}
	}
}

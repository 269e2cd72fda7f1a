package mapping

import (
	"cmp"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"leadimport/importer/msg"
	"leadimport/importer/regular"

	"go.yaml.in/yaml/v3"
)

// Mapping is a parsed mapping file: which input column fills which field,
// which fields are the same for every row, and where the input's table is.
type Mapping struct {
	Version   int
	Endpoint  string     // one of Endpoints: the Connect call, and so the fields
	Columns   []Column   // in file order
	Constants []Constant // in file order
	Input     Input
	Normalize Normalize // how phone numbers, personnummer and postcodes are sent
	// Validation says which optional fields leave an invalid value out
	// of the lead, with a warning, instead of making the row invalid.
	Validation Validation
	Name       string // the mapping file's name as given to Parse, for messages
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
	Delimiter rune   // CSV: ',', ';', '\t', '|', ':' or another ParseDelimiter takes
	// Empty are the texts a cell may hold to mean it is empty, in place
	// of the default ones (- – — . ? saknas N/A NULL); nil means the
	// default, an empty list none. A cell matches trimmed, its letters in
	// any case.
	Empty []string
}

// defaultEmpty are the texts that mean an empty cell when the mapping
// names none (input.empty): what people write in a cell they have
// nothing for. Words match in any case: N/A, n/a, Saknas, null.
var defaultEmpty = []string{"-", "–", "—", ".", "?", "saknas", "N/A", "NULL"}

// Validation is the mapping's validation section: strict (the default)
// makes a row with an invalid value invalid; lenient leaves an invalid
// value of an optional field out of the lead, with a warning, as long as
// the row keeps what it needs (names, an e-mail address or a phone).
type Validation struct {
	Lenient bool              // the default for every optional field
	Fields  []FieldValidation // the fields that differ from it, in file order
}

// FieldValidation is one field's validation line.
type FieldValidation struct {
	Field   string
	Lenient bool
	Line    int
}

// The values validation takes, the default first.
const (
	strict  = "strict"
	lenient = "lenient"
)

// Encodings are the names input.encoding and --encoding take.
var Encodings = []string{"utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1252", "cp1252", "latin1", "iso-8859-1"}

// ParseDelimiter reads a delimiter as a user writes it: one character
// that can separate cells, a punctuation mark or symbol such as , ; | or :
// (also by name: comma, semicolon, pipe, colon), or tab (also \t or a
// literal tab). A letter, a digit, a space, a quote or a line break
// cannot: they are the cells' own.
func ParseDelimiter(s string) (rune, bool) {
	switch strings.ToLower(s) {
	case "comma":
		return ',', true
	case "semicolon":
		return ';', true
	case "pipe":
		return '|', true
	case "colon":
		return ':', true
	case "\t", `\t`, "tab":
		return '\t', true
	}
	if len(s) != 1 {
		return 0, false
	}
	switch c := s[0]; {
	case c == '"', c <= ' ', c >= 0x7f, 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return 0, false
	default:
		return rune(c), true
	}
}

// Error is one thing wrong with a mapping file or with how it meets the
// input: it reads `mapping.yaml:7: what is wrong`. Line is 0 when the
// problem has no single place (a field nothing gives), File is "" for a
// problem with a --set. Message says what is wrong, in any language.
type Error struct {
	File    string
	Line    int
	Message msg.Message
}

func (e *Error) Error() string { return msg.English.Say(e.Msg()) }

// Msg says the error, and where, as a message.
func (e *Error) Msg() msg.Message {
	return msg.InMapping{File: e.File, Line: e.Line, Problem: e.Message}
}

// maxFileSize bounds what Parse reads: a mapping is a screenful of YAML,
// so anything larger is the wrong file.
const maxFileSize = 1 << 20

var topLevelKeys = []string{"version", "endpoint", "columns", "constants", "input", "normalize", "validation"}

// Load reads the mapping file at path; messages name it by path.
func Load(path string) (*Mapping, error) {
	f, err := regular.Open(path) // a FIFO would block for good
	if errors.Is(err, regular.ErrNotRegular) {
		return nil, err
	}
	if err != nil {
		return nil, msg.Error(msg.OpenMapping{Err: err})
	}
	defer f.Close()
	return Parse(f, path)
}

// LoadAll loads the mapping at path, or, when path is a folder, every
// mapping file in it (*.yaml and *.yml, sorted by name): one for each kind
// of sheet an inbox receives. Every file that cannot be loaded is named.
func LoadAll(path string) ([]*Mapping, error) {
	st, err := os.Stat(path)
	if err != nil || !st.IsDir() {
		m, err := Load(path)
		if err != nil {
			return nil, err
		}
		return []*Mapping{m}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, msg.Error(msg.OpenMapping{Err: err})
	}
	var ms []*Mapping
	var errs []error
	for _, e := range entries {
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		m, err := Load(filepath.Join(path, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ms = append(ms, m)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, msg.Error(msg.NoMappings{Folder: path})
	}
	return ms, nil
}

// Parse reads a mapping file. name is used in messages only. Every problem
// found is reported at once: the error is an *Error, or several joined
// with errors.Join, in the order of their lines.
func Parse(r io.Reader, name string) (*Mapping, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, msg.Error(msg.ReadMapping{Name: name, Err: err})
	}
	p := &parser{m: &Mapping{Name: name, Endpoint: EndpointFinalPriceWatched}}
	if len(data) > maxFileSize {
		p.add(0, msg.MappingTooLarge{Max: maxFileSize})
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
	m  *Mapping
	ep endpoint // the vocabulary: the mapping's endpoint
	// anyVocab: the endpoint is not one there is, and a field of any
	// vocabulary passes.
	anyVocab bool
	errs     []*Error
}

// lookupField finds a field of the mapping's vocabulary.
func (p *parser) lookupField(name string) (fieldID, string, bool) {
	if p.anyVocab {
		return lookupAnyField(name)
	}
	return lookupField(p.ep, name)
}

// add notes what is wrong on line (0: no one line).
func (p *parser) add(line int, m msg.Message) {
	p.errs = append(p.errs, &Error{File: p.m.Name, Line: line, Message: m})
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
		for _, text := range te.Errors {
			p.yamlMessage(text)
		}
		return
	}
	p.yamlMessage(err.Error())
}

// yamlMessage notes what yaml.v3 said, its words as they are, with what
// they most likely mean.
func (p *parser) yamlMessage(text string) {
	if m := yamlLine.FindStringSubmatch(text); m != nil {
		line, _ := strconv.Atoi(m[1])
		p.add(line, msg.NotYAML{Detail: m[2], Hint: yamlHint(m[2])})
		return
	}
	detail := strings.TrimPrefix(text, "yaml: ")
	p.add(0, msg.NotYAML{Detail: detail, Hint: yamlHint(detail)})
}

// yamlHint is what yaml.v3's words most likely mean.
func yamlHint(detail string) msg.YAMLHint {
	switch {
	case strings.Contains(detail, "cannot start any token"), strings.Contains(detail, "tab character"):
		return msg.YAMLTab
	case strings.Contains(detail, "invalid leading UTF-8 octet"), strings.Contains(detail, "control characters are not allowed"),
		strings.Contains(detail, "invalid trailing UTF-8 octet"), strings.Contains(detail, "incomplete UTF-8 octet sequence"):
		return msg.YAMLNotText
	}
	return msg.NoYAMLHint
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
		p.add(0, msg.MappingEmpty{Example: exampleMapping})
		return
	}
	root := doc
	if doc.Kind == yaml.DocumentNode {
		root = resolve(doc.Content[0])
	}
	if root == nil || root.Kind != yaml.MappingNode {
		p.add(lineOf(root), msg.MappingNotKeys{Example: exampleMapping})
		return
	}
	// The endpoint decides which fields there are: it is read first,
	// wherever the file has it.
	for i := 0; i+1 < len(root.Content); i += 2 {
		if key, _ := scalar(root.Content[i]); key == "endpoint" {
			p.endpoint(root.Content[i+1])
			break
		}
	}
	seen := map[string]int{}
	var version, columns *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key, _ := scalar(k)
		if first, dup := seen[key]; dup {
			p.add(k.Line, msg.KeyTwice{Key: key, First: first})
			continue
		}
		seen[key] = k.Line
		switch key {
		case "version":
			version = v
			p.version(v)
		case "endpoint": // read above
		case "columns":
			columns = v
			p.columns(k, v)
		case "constants":
			p.constants(v)
		case "input":
			p.input(v)
		case "normalize":
			p.normalize(v)
		case "validation":
			p.validation(v)
		default:
			p.unknownKey(k.Line, key, "", topLevelKeys)
		}
	}
	if version == nil {
		p.add(root.Line, msg.NoVersion{})
	}
	if columns == nil {
		p.add(root.Line, msg.NoColumns{})
	}
	p.crossChecks()
}

func lineOf(n *yaml.Node) int {
	if n == nil {
		return 0
	}
	return n.Line
}

// unknownKey notes a key that is not one of valid, at the top or under
// section, with the one the user likely meant.
func (p *parser) unknownKey(line int, key, section string, valid []string) {
	p.add(line, msg.UnknownKey{Key: key, Section: section, Suggest: suggest(key, valid), Keys: valid})
}

func (p *parser) version(v *yaml.Node) {
	s, _ := scalar(v)
	if s != "1" {
		p.add(v.Line, msg.UnsupportedVersion{Value: describe(v)})
		return
	}
	p.m.Version = 1
}

func (p *parser) endpoint(v *yaml.Node) {
	s, _ := scalar(v)
	ep, ok := endpointOf(s)
	if !ok || s == "" {
		wrong := msg.UnsupportedEndpoint{Value: describe(v), Endpoints: Endpoints, Suggest: suggest(s, Endpoints)}
		if meant, ok := endpointWords[strings.ToLower(strings.TrimSpace(s))]; ok {
			wrong.Suggest = meant
		}
		// The fields are taken from any vocabulary, so that one mistake
		// makes one message.
		p.anyVocab = true
		p.add(v.Line, wrong)
		return
	}
	p.ep, p.m.Endpoint = ep, s
}

// endpointWords are what a user may write for an endpoint, in Swedish
// or in other words, with the endpoint they mean.
var endpointWords = map[string]string{
	"slutpris":         EndpointFinalPriceWatched,
	"finalprice":       EndpointFinalPriceWatched,
	"intresse":         EndpointInterest,
	"intresseanmälan":  EndpointInterest,
	"intresseanmalan":  EndpointInterest,
	"interestregister": EndpointInterest,
}

// describe shows a value in a message: quoted text, as the file writes
// it, or what kind of YAML it is when it is not text.
func describe(v *yaml.Node) msg.Message {
	v = resolve(v)
	switch {
	case v == nil || isNull(v):
		return msg.EmptyValue{}
	case v.Kind == yaml.MappingNode:
		return msg.MappingValue{}
	case v.Kind == yaml.SequenceNode:
		return msg.ListValue{}
	}
	return msg.Verbatim{Text: quote(v.Value)}
}

func (p *parser) columns(k, v *yaml.Node) {
	v = resolve(v)
	if isNull(v) || v.Kind == yaml.MappingNode && len(v.Content) == 0 {
		p.add(k.Line, msg.ColumnsEmpty{})
		return
	}
	if v.Kind != yaml.MappingNode {
		p.add(v.Line, msg.ColumnsNotLines{Value: describe(v)})
		return
	}
	headers := map[string]Column{} // by headerKey
	for i := 0; i+1 < len(v.Content); i += 2 {
		hk, fv := v.Content[i], v.Content[i+1]
		header, ok := scalar(hk)
		if !ok || strings.TrimSpace(header) == "" {
			p.add(hk.Line, msg.ColumnWithoutHeader{})
			continue
		}
		if prev, dup := headers[headerKey(header)]; dup {
			p.add(hk.Line, msg.HeaderTwice{Header: header, First: prev.Header, Line: prev.Line})
			continue
		}
		if !isString(fv) {
			p.add(fv.Line, msg.FieldNotName{Header: header, Value: describe(fv)})
			continue
		}
		field := fv.Value
		if _, _, ok := p.lookupField(field); !ok {
			p.add(fv.Line, unknownField(p.ep, field))
			continue
		}
		c := Column{Header: header, Field: field, Line: hk.Line}
		headers[headerKey(header)] = c
		p.m.Columns = append(p.m.Columns, c)
	}
	byField := map[string]Column{}
	for _, c := range p.m.Columns {
		if prev, dup := byField[c.Field]; dup {
			p.add(c.Line, msg.FieldTwice{Field: c.Field, First: prev.Header, FirstLine: prev.Line, Header: c.Header, Line: c.Line})
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
		p.add(v.Line, msg.ConstantsNotLines{Value: describe(v)})
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		fk, vv := v.Content[i], v.Content[i+1]
		field, _ := scalar(fk)
		id, _, ok := p.lookupField(field)
		switch {
		case !ok:
			p.add(fk.Line, unknownField(p.ep, field))
			continue
		case id == fFullName:
			p.add(fk.Line, msg.FullNameConstant{Full: fFullName.nameIn(p.ep), First: fFirstName.nameIn(p.ep), Last: fLastName.nameIn(p.ep)})
			continue
		}
		if first, dup := seen[field]; dup {
			p.add(fk.Line, msg.ConstantTwice{Field: field, First: first})
			continue
		}
		seen[field] = fk.Line
		value, ok := scalar(vv)
		if !ok || strings.TrimSpace(value) == "" {
			p.add(vv.Line, msg.ConstantEmpty{Field: field, Example: exampleValue(id)})
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
	case fConsentDate:
		return "2026-11-28"
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
		p.add(v.Line, msg.InputNotLines{Value: describe(v)})
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, vv := v.Content[i], v.Content[i+1]
		key, _ := scalar(k)
		switch key {
		case "sheet":
			s, ok := scalar(vv)
			if !ok || strings.TrimSpace(s) == "" {
				p.add(vv.Line, msg.InputSheetEmpty{})
				continue
			}
			p.m.Input.Sheet = s
		case "headerRow":
			s, _ := scalar(vv)
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				p.add(vv.Line, msg.BadHeaderRow{Value: describe(vv)})
				continue
			}
			p.m.Input.HeaderRow = n
		case "encoding":
			s, _ := scalar(vv)
			if !slices.Contains(Encodings, strings.ToLower(strings.TrimSpace(s))) {
				p.add(vv.Line, msg.BadInputEncoding{Value: describe(vv), Encodings: Encodings})
				continue
			}
			p.m.Input.Encoding = strings.ToLower(strings.TrimSpace(s))
		case "delimiter":
			s, _ := scalar(vv)
			d, ok := ParseDelimiter(s)
			if !ok {
				p.add(vv.Line, msg.BadInputDelimiter{Value: describe(vv)})
				continue
			}
			p.m.Input.Delimiter = d
		case "empty":
			p.empty(vv)
		default:
			p.unknownKey(k.Line, key, "input", []string{"sheet", "headerRow", "encoding", "delimiter", "empty"})
		}
	}
}

// empty reads input.empty: a list of texts, which replaces defaultEmpty.
// An entry is taken as written, so NULL and ~ unquoted, which YAML reads
// as null, are the texts NULL and ~.
func (p *parser) empty(v *yaml.Node) {
	v = resolve(v)
	if v == nil || v.Kind != yaml.SequenceNode {
		p.add(lineOf(v), msg.EmptyNotList{Value: describe(v)})
		return
	}
	texts := make([]string, 0, len(v.Content))
	for _, e := range v.Content {
		e = resolve(e)
		var t string
		if e != nil && e.Kind == yaml.ScalarNode {
			t = strings.TrimSpace(e.Value)
		}
		if t == "" {
			p.add(lineOf(e), msg.EmptyEntryNotText{Value: describe(e)})
			continue
		}
		if !slices.ContainsFunc(texts, func(s string) bool { return strings.EqualFold(s, t) }) {
			texts = append(texts, t)
		}
	}
	p.m.Input.Empty = texts
}

// validation reads the validation section: strict or lenient for the
// whole file, or `field: strict|lenient` lines, with `default:` for the
// fields not named.
func (p *parser) validation(v *yaml.Node) {
	v = resolve(v)
	if isNull(v) {
		return
	}
	if v.Kind == yaml.ScalarNode {
		if l, ok := p.validationValue(v, ""); ok {
			p.m.Validation.Lenient = l
		}
		return
	}
	if v.Kind != yaml.MappingNode {
		p.add(v.Line, msg.ValidationNotLines{Value: describe(v)})
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, vv := v.Content[i], v.Content[i+1]
		key, _ := scalar(k)
		if first, dup := seen[key]; dup {
			p.add(k.Line, msg.KeyTwice{Key: key, First: first})
			continue
		}
		seen[key] = k.Line
		if key == "default" {
			if l, ok := p.validationValue(vv, key); ok {
				p.m.Validation.Lenient = l
			}
			continue
		}
		id, _, ok := p.lookupField(key)
		if !ok {
			if s := suggest(key, []string{"default"}); s != "" && !strings.Contains(key, ".") {
				p.add(k.Line, msg.UnknownKey{Key: key, Section: "validation", Suggest: s})
				continue
			}
			p.add(k.Line, unknownField(p.ep, key))
			continue
		}
		l, ok := p.validationValue(vv, key)
		if !ok {
			continue
		}
		if l && id.required() {
			p.add(vv.Line, msg.RequiredNotLenient{Field: key})
			continue
		}
		p.m.Validation.Fields = append(p.m.Validation.Fields, FieldValidation{Field: key, Lenient: l, Line: k.Line})
	}
}

// validationValue reads strict or lenient, in any case, for key.
func (p *parser) validationValue(v *yaml.Node, key string) (isLenient, ok bool) {
	s, _ := scalar(v)
	s = strings.TrimSpace(s)
	switch {
	case strings.EqualFold(s, strict):
		return false, true
	case strings.EqualFold(s, lenient):
		return true, true
	}
	wrong := msg.BadValidation{Key: key, Value: describe(v)}
	if s != "" {
		wrong.Suggest = suggest(s, []string{strict, lenient})
	}
	p.add(lineOf(v), wrong)
	return false, false
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
		p.add(v.Line, msg.NormalizeNotLines{Keys: keys, Value: describe(v)})
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, vv := v.Content[i], v.Content[i+1]
		key, _ := scalar(k)
		at := slices.Index(keys, key)
		if at < 0 {
			p.unknownKey(k.Line, key, "normalize", keys)
			continue
		}
		values := normalizeKeys[at].values
		s, _ := scalar(vv)
		s = strings.TrimSpace(s)
		j := slices.IndexFunc(values, func(w string) bool { return strings.EqualFold(s, w) })
		if j < 0 {
			wrong := msg.BadNormalize{Key: key, Value: describe(vv), Values: values}
			if s != "" {
				wrong.Suggest = suggest(s, values)
			}
			p.add(vv.Line, wrong)
			continue
		}
		*p.m.Normalize.field(key) = values[j]
	}
}

// crossChecks apply the rules between columns and constants.
func (p *parser) crossChecks() {
	var full *Column
	for i, c := range p.m.Columns {
		if c.Field == fFullName.nameIn(p.ep) {
			full = &p.m.Columns[i]
		}
	}
	if full == nil {
		return
	}
	for _, c := range p.m.Columns {
		if c.Field == fFirstName.nameIn(p.ep) || c.Field == fLastName.nameIn(p.ep) {
			p.add(c.Line, msg.FullNameAndPart{Header: c.Header, Field: c.Field, FullHeader: full.Header, FullLine: full.Line,
				Full: full.Field, First: fFirstName.nameIn(p.ep), Last: fLastName.nameIn(p.ep)})
		}
	}
	for _, c := range p.m.Constants {
		if c.Field == fFirstName.nameIn(p.ep) || c.Field == fLastName.nameIn(p.ep) {
			p.add(c.Line, msg.ConstantAndFullName{Field: c.Field, FullHeader: full.Header, FullLine: full.Line})
		}
	}
}

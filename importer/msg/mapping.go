package msg

import "strconv"

// What is wrong with a mapping file, or with how it meets an input's
// header and the --set values (mapping). Fields, keys and flags are the
// tool's own words and stay as they are in every language.

// InMapping is a problem with where it is: the mapping file and its line
// ("mapping.yaml:7: …"), the file alone when no one line has it (Line 0),
// or neither for a --set value (File "").
type InMapping struct {
	message
	File    string
	Line    int
	Problem Message
}

// where puts said, the problem said in some language, after the place.
func (m InMapping) where(said string) string {
	switch {
	case m.File == "":
		return said
	case m.Line == 0:
		return m.File + ": " + said
	}
	return m.File + ":" + strconv.Itoa(m.Line) + ": " + said
}

// NoMappings: the folder --mapping names holds no mapping file.
type NoMappings struct {
	message
	Folder string
}

// OpenMapping: the mapping file cannot be opened.
type OpenMapping struct {
	message
	Err error
}

func (m OpenMapping) Cause() error { return m.Err }

// ReadMapping: the mapping file cannot be read.
type ReadMapping struct {
	message
	Name string
	Err  error
}

func (m ReadMapping) Cause() error { return m.Err }

// MappingTooLarge: the file is larger than any mapping, Max bytes.
type MappingTooLarge struct {
	message
	Max int
}

// NotYAML: the YAML library cannot read the file; Detail is its words,
// and Hint what they most likely mean.
type NotYAML struct {
	message
	Detail string
	Hint   YAMLHint
}

// YAMLHint is what a YAML error most likely means, for a person who did
// not write YAML before.
type YAMLHint int

const (
	NoYAMLHint YAMLHint = iota
	// YAMLTab: a character no value may start with, a tab most often.
	YAMLTab
	// YAMLNotText: bytes that are no text at all: not the mapping file.
	YAMLNotText
)

// MappingEmpty: the file holds nothing; Example is how one starts.
type MappingEmpty struct {
	message
	Example string
}

// MappingNotKeys: the file is YAML, but not keys and values.
type MappingNotKeys struct {
	message
	Example string
}

// KeyTwice: a top-level key given twice, first on line First.
type KeyTwice struct {
	message
	Key   string
	First int
}

// UnknownKey: a key the mapping file does not have, at the top or under
// Section (input, normalize), with the key Suggest likely meant, or else
// every key there is.
type UnknownKey struct {
	message
	Key     string
	Section string // "" at the top
	Suggest string
	Keys    []string
}

// NoVersion: the file has no version.
type NoVersion struct{ message }

// NoColumns: the file has no columns.
type NoColumns struct{ message }

// UnsupportedVersion: a version this leadimport does not read.
type UnsupportedVersion struct {
	message
	Value Message
}

// UnsupportedEndpoint: an endpoint none of Endpoints, with the one
// Suggest likely meant.
type UnsupportedEndpoint struct {
	message
	Value     Message
	Endpoints []string
	Suggest   string
}

// SetEndpoint: --set endpoint=…, which cannot be: the endpoint decides
// which fields there are.
type SetEndpoint struct{ message }

// How a value in the file is shown when it is not text: EmptyValue,
// MappingValue, ListValue; text is shown quoted, as Verbatim.
type (
	EmptyValue   struct{ message }
	MappingValue struct{ message }
	ListValue    struct{ message }
)

// ColumnsEmpty: columns holds no line.
type ColumnsEmpty struct{ message }

// ColumnsNotLines: columns is not `Header: field` lines.
type ColumnsNotLines struct {
	message
	Value Message
}

// ColumnWithoutHeader: a column line without a header.
type ColumnWithoutHeader struct{ message }

// HeaderTwice: two column lines for one header, ignoring case and spaces.
type HeaderTwice struct {
	message
	Header, First string
	Line          int // First's
}

// FieldNotName: a column's field is not a name.
type FieldNotName struct {
	message
	Header string
	Value  Message
}

// UnknownField: a field the vocabulary does not have, with the one
// Suggest likely meant, or else every field there is.
type UnknownField struct {
	message
	Field   string
	Suggest string
	Fields  []string
}

// FieldOfOtherEndpoint: a field of Other's vocabulary in a mapping for
// Endpoint, with Endpoint's name for it when it has one.
type FieldOfOtherEndpoint struct {
	message
	Field, Endpoint, Other, Suggest string
}

// BadUTMTag: a UTM tag's field without a NAME, or with a space in it.
type BadUTMTag struct {
	message
	Field string
}

// FieldTwice: two columns fill one field.
type FieldTwice struct {
	message
	Field     string
	First     string // the first column's header
	FirstLine int
	Header    string
	Line      int
}

// ConstantsNotLines: constants is not `field: value` lines.
type ConstantsNotLines struct {
	message
	Value Message
}

// FullNameConstant: the full name given as a constant. Full, First and
// Last are the mapping's names for the full, first and last name.
type FullNameConstant struct {
	message
	Full, First, Last string
}

// ConstantTwice: a constant given twice, first on line First.
type ConstantTwice struct {
	message
	Field string
	First int
}

// ConstantEmpty: a constant without a value; Example is one.
type ConstantEmpty struct {
	message
	Field, Example string
}

// InputNotLines: input is not lines of its keys.
type InputNotLines struct {
	message
	Value Message
}

// InputSheetEmpty: input.sheet is empty.
type InputSheetEmpty struct{ message }

// BadHeaderRow: input.headerRow is not a positive whole number.
type BadHeaderRow struct {
	message
	Value Message
}

// BadInputEncoding: input.encoding is none of Encodings.
type BadInputEncoding struct {
	message
	Value     Message
	Encodings []string
}

// BadInputDelimiter: input.delimiter is no delimiter.
type BadInputDelimiter struct {
	message
	Value Message
}

// NormalizeNotLines: normalize is not lines of its Keys.
type NormalizeNotLines struct {
	message
	Keys  []string
	Value Message
}

// BadNormalize: a normalize setting that is none of Values (the first
// the default), with the one Suggest likely meant.
type BadNormalize struct {
	message
	Key     string
	Value   Message
	Suggest string
	Values  []string
}

// FullNameAndPart: a column fills the first or last name while another,
// FullHeader, gives the full name.
type FullNameAndPart struct {
	message
	Header, Field     string
	FullHeader        string
	FullLine          int
	Full, First, Last string // the mapping's names for the three
}

// ConstantAndFullName: a constant gives the first or last name while a
// column gives the full name.
type ConstantAndFullName struct {
	message
	Field      string
	FullHeader string
	FullLine   int
}

// How the mapping meets an input's header and the --set values (Bind).

// ColumnNotInInput: a column the input's header lacks. Headers are the
// input's known header names, with "…" for each of the others (Hidden of
// them), which may be data and are never shown.
type ColumnNotInInput struct {
	message
	Header  string
	Headers []string
	Hidden  int
}

// ColumnTwiceInInput: a header the input has more than once, at Columns
// (counted from 1).
type ColumnTwiceInInput struct {
	message
	Header  string
	Columns []int
}

// BadConstant: a constant's value that a cell could not hold either.
type BadConstant struct {
	message
	Field, Value string
	Problem      Message
}

// SetValue: what is wrong with --set Field=Value.
type SetValue struct {
	message
	Field, Value string
	Problem      Message
}

// SetFullName: --set of the full name, Field; First and Last are the
// mapping's names for the first and last name.
type SetFullName struct {
	message
	Field, First, Last string
}

// SetEmpty: --set with an empty value; Example is one.
type SetEmpty struct {
	message
	Field, Example string
}

// NotGiven: nothing gives a field every row needs; Example is a value.
type NotGiven struct {
	message
	Field, Example string
}

// NothingGivesName: nothing gives the first or the last name (Field),
// nor the full name (FullName), as the mapping's endpoint names them.
type NothingGivesName struct {
	message
	Field, FullName string
}

// NothingGivesContact: nothing gives an e-mail address or a phone
// number; Email and Cell are the fields to map, as the mapping's
// endpoint names them.
type NothingGivesContact struct {
	message
	Email, Cell string
}

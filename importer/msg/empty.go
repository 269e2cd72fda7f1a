package msg

// Cells that mean empty, and lenient fields (mapping): the word a row's
// changes column says for a cell taken as empty, the warning for a value
// a lenient field leaves out, and what is wrong with the mapping file's
// input.empty and validation.

// Emptied is what a cell written as one of input.empty's texts ("-",
// "saknas") became: the "empty" of `Mobil: "-" → empty`.
type Emptied struct{ message }

// LeftOut warns that a lenient field's value is left out of the lead:
// Problem says what is wrong with it, as it would if the field were
// strict and the row invalid.
type LeftOut struct {
	message
	Problem Message
}

// EmptyNotList: input.empty is not a list of texts.
type EmptyNotList struct {
	message
	Value Message
}

// EmptyEntryNotText: an entry of input.empty is not a text: a blank
// entry, or a sign YAML reads as its own (an unquoted ? starts a key).
type EmptyEntryNotText struct {
	message
	Value Message
}

// ValidationNotLines: validation is neither strict nor lenient, nor
// `field: strict|lenient` lines.
type ValidationNotLines struct {
	message
	Value Message
}

// BadValidation: a validation setting that is neither strict nor
// lenient. Key is the field it is for, "default", or "" for validation
// itself; Suggest the value likely meant.
type BadValidation struct {
	message
	Key     string
	Value   Message
	Suggest string
}

// RequiredNotLenient: validation makes a field lenient that every row
// needs, so it can never be left out.
type RequiredNotLenient struct {
	message
	Field string
}

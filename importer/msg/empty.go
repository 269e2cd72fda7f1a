package msg

// Cells that mean empty (mapping): the word a row's changes column says
// for a cell taken as empty, and what is wrong with the mapping file's
// input.empty.

// Emptied is what a cell written as one of input.empty's texts ("-",
// "saknas") became: the "empty" of `Mobil: "-" → empty`.
type Emptied struct{ message }

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

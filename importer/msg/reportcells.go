package msg

// What a CSV or XLSX report says of a row with more cells than the
// input's header.

// CellsAtLineEnd: the report keeps a row's cells beyond the input's header
// at the end of its line, after the column After (the report's last), so
// that the report read back as an input still sees the row as it was.
type CellsAtLineEnd struct {
	message
	After string // a column name, the same in every language
}

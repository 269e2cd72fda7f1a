package source

// Sheets lists the visible sheets of the workbook r reads, in tab order,
// as Options.Sheet names them; nil for a CSV file, which has none. A page
// that lets a person choose the sheet offers these.
func Sheets(r Reader) []string {
	x, ok := r.(*xlsxReader)
	if !ok || x.book == nil {
		return nil
	}
	var visible []string
	for _, s := range x.book.sheets {
		if !x.book.hidden[s] {
			visible = append(visible, s)
		}
	}
	return visible
}

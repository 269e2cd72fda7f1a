package source

// Sheets lists the visible worksheets of the workbook r reads, in tab
// order, as Options.Sheet names them (not chart sheets, which have no
// rows); nil for a CSV file, which has none. A page that lets a person
// choose the sheet offers these.
func Sheets(r Reader) []string {
	if c, ok := r.(*closing); ok {
		r = c.Reader
	}
	x, ok := r.(*xlsxReader)
	if !ok || x.book == nil {
		return nil
	}
	var visible []string
	for _, s := range x.book.sheets {
		if !x.book.hidden[s] && !x.book.charts[s] {
			visible = append(visible, s)
		}
	}
	return visible
}

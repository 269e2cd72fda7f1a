package report

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"leadimport/importer/msg"
	"leadimport/importer/status"
	"leadimport/mapping"
)

// ReportSheets are the names a report's first sheet may have, in every
// language (Report, Rapport): how a report is found when it is read back
// as an input.
var ReportSheets = reportSheets()

func reportSheets() []string {
	var names []string
	for _, l := range msg.Langs() {
		names = append(names, l.Say(msg.ReportSheet{}))
	}
	return names
}

// widthRows is how many lines the XLSX writer holds back to size the
// columns: a stream writer must set widths before its first row.
const widthRows = 200

// XLSXRows is how many rows a sheet has, the header's included.
const XLSXRows = excelize.TotalRows

// maxWidth caps a column's width, in characters: a long message wraps
// into view rather than pushing every column after it off the screen.
const maxWidth = 60

// xlsxWriter streams a report into an XLSX workbook with excelize's
// StreamWriter, which keeps the rows in a temporary file once they pass
// 16 MB: memory does not grow with the rows.
type xlsxWriter struct {
	out    io.Writer
	file   *excelize.File
	sheet  *excelize.StreamWriter
	header []string // row, the input's columns, the outcome columns
	width  int      // number of input columns
	column map[string]int
	styles xlsxStyles
	held   []*Line // the first lines, until the widths are known
	rows   int     // sheet rows written, the header included
	// widest is the most cells a row has had: more than the header's
	// when a row had cells beyond its input's header, at its end.
	widest int
	lang   msg.Lang
	sheet1 string // the report sheet's name in lang
}

type xlsxStyles struct {
	header, wrong, warned int
	// plain looks as a cell without a style does, but is one, each row's:
	// excelize looks the style of a row without one up among the
	// columns', a search through every column for every cell.
	plain  int
	status map[status.Status]int
}

// NewXLSX returns a writer of an XLSX report to w, its messages, sheet
// names and summary in lang; nothing reaches w before Close. header is
// the input's own header, in order.
func NewXLSX(w io.Writer, header []string, lang msg.Lang) (Writer, error) {
	f := excelize.NewFile(excelize.Options{TmpDir: scratchDir(w)})
	// The zip goes straight to w. excelize's WriteTo builds the whole
	// file in a buffer first (a 1,000,000-row report took 429 MB): its
	// zip writer is given w instead of that buffer, which stays empty.
	// What excelize patches in that buffer, the local header of a part
	// over 4 GiB, is left as Go's zip writes it: a sheet that big takes
	// over 4 KiB a row even at Excel's last row.
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(w) })
	name := lang.Say(msg.ReportSheet{})
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return nil, failed(err)
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, failed(err)
	}
	x := &xlsxWriter{out: w, file: f, sheet: sw, width: len(header), column: map[string]int{}, lang: lang, sheet1: name}
	x.header = append(append(append(x.header, RowColumn), header...), Columns...)
	for i, h := range header {
		if _, dup := x.column[h]; !dup {
			x.column[h] = 1 + i
		}
	}
	if x.styles, err = newStyles(f); err != nil {
		return nil, failed(err)
	}
	return x, nil
}

// scratchDir is where excelize's stream writer keeps the rows past its
// first 16 MB until the file is written: beside the report, which they
// will be part of, when w is a file in a folder a file can be made in;
// else "", the system's temporary folder (often shared, or a tmpfs held
// in memory). excelize makes the file readable only by its owner and
// removes it when the report is written; a killed run leaves it.
func scratchDir(w io.Writer) string {
	named, ok := w.(interface{ Name() string })
	if !ok {
		return ""
	}
	dir := filepath.Dir(named.Name())
	probe, err := os.CreateTemp(dir, ".leadimport-probe-*")
	if err != nil {
		return ""
	}
	probe.Close()
	os.Remove(probe.Name())
	return dir
}

// The colours of Excel's own Good, Bad and Neutral cell styles, so the
// report looks like what staff already know.
const (
	goodFill, goodFont       = "C6EFCE", "006100"
	badFill, badFont         = "FFC7CE", "9C0006"
	neutralFill, neutralFont = "FFEB9C", "9C5700"
	greyFill, greyFont       = "D9D9D9", "3F3F3F"
)

func newStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	style := func(fill, font string, bold bool) int {
		if err != nil {
			return 0
		}
		st := &excelize.Style{Font: &excelize.Font{Bold: bold, Color: font}}
		if fill != "" {
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{fill}}
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.header = style("", "", true)
	if err == nil {
		s.plain, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "Calibri", Size: 11}}) // the default font, said
	}
	s.wrong = style(badFill, badFont, false)
	s.warned = style(neutralFill, neutralFont, false)
	good, bad, grey, neutral := style(goodFill, goodFont, true), style(badFill, badFont, true),
		style(greyFill, greyFont, true), style(neutralFill, neutralFont, true)
	s.status = map[status.Status]int{
		status.Sent: good, status.Valid: good,
		status.Failed: bad, status.Invalid: bad,
		status.Skipped: grey, status.Duplicate: grey,
		status.NotSent: neutral,
	}
	return s, err
}

func (x *xlsxWriter) Write(l *Line) error {
	if x.held != nil || x.rows == 0 {
		if len(x.held) < widthRows {
			c := *l // the caller may reuse l
			x.held = append(x.held, &c)
			return nil
		}
		if err := x.start(); err != nil {
			return err
		}
	}
	return x.writeLine(l)
}

// maxSizedColumns is how many columns start sizes.
const maxSizedColumns = 1024

// start sizes the columns from the header and the lines held, and writes
// the header and those lines.
func (x *xlsxWriter) start() error {
	widths := make([]int, len(x.header))
	for i, h := range x.header {
		widths[i] = cellWidth(h) + 3 // room for the filter button
	}
	for _, l := range x.held {
		for i, v := range x.values(l) {
			if i == len(widths) { // a cell beyond the header, under a filter button too
				widths = append(widths, 3)
			}
			widths[i] = max(widths[i], cellWidth(v))
		}
	}
	// Columns of one width are set together, and only the first
	// maxSizedColumns (the input's own are fewer: importer.MaxColumns),
	// the rest keeping Excel's width: excelize checks each call against
	// every earlier one, which takes time quadratic in the calls.
	widths = widths[:min(len(widths), maxSizedColumns)]
	for from := 0; from < len(widths); {
		w := min(widths[from], maxWidth)
		to := from + 1
		for to < len(widths) && min(widths[to], maxWidth) == w {
			to++
		}
		if err := x.sheet.SetColWidth(from+1, to, float64(w+2)); err != nil {
			return failed(err)
		}
		from = to
	}
	if err := x.sheet.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
		return failed(err)
	}
	head := make([]any, len(x.header))
	for i, h := range x.header {
		head[i] = excelize.Cell{StyleID: x.styles.header, Value: h}
	}
	if err := x.sheet.SetRow("A1", head); err != nil {
		return failed(err)
	}
	x.rows = 1
	held := x.held
	x.held = nil
	for _, l := range held {
		if err := x.writeLine(l); err != nil {
			return err
		}
	}
	return nil
}

// cellWidth is about how many characters wide v shows: its longest line.
func cellWidth(v string) int {
	w := 0
	for line := range strings.SplitSeq(v, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return w
}

// values are a line's cells as text, in the header's order, then its
// cells beyond the input's header, if any.
func (x *xlsxWriter) values(l *Line) []string {
	extra := Extra(l.Cells, x.width)
	// A sheet has no column past Excel's last: a row that would reach it
	// keeps what fits, still more than its header has, so still invalid
	// when the report is read back.
	extra = extra[:min(len(extra), max(0, excelize.MaxColumns-len(x.header)))]
	v := make([]string, 0, len(x.header)+len(extra))
	v = append(v, fmt.Sprint(l.Row))
	for i := range x.width {
		c := ""
		if i < len(l.Cells) {
			c = l.Cells[i]
		}
		v = append(v, c)
	}
	v = append(v, string(l.Status), count(l.HTTPStatus), count(l.Attempts), l.Response, errorText(l, len(extra) > 0, x.lang),
		changesText(l, x.lang), ProblemsText(l.Warnings, x.lang))
	return append(v, extra...)
}

// writeLine writes one line. Every cell is an inline string (numbers are
// the row, the HTTP status and the attempts): Excel shows a string as it
// is and never runs it, so nothing needs an apostrophe here.
func (x *xlsxWriter) writeLine(l *Line) error {
	vals := x.values(l)
	cells := make([]any, len(vals))
	for i, v := range vals {
		if v != "" {
			cells[i] = excelize.Cell{Value: v}
		} else {
			cells[i] = excelize.Cell{} // no value: a style may still mark it
		}
	}
	cells[0] = excelize.Cell{Value: l.Row}
	st := 1 + x.width // the status column
	cells[st] = excelize.Cell{StyleID: x.styles.status[l.Status], Value: string(l.Status)}
	if l.HTTPStatus != 0 {
		cells[st+1] = excelize.Cell{Value: l.HTTPStatus}
	}
	if l.Attempts != 0 {
		cells[st+2] = excelize.Cell{Value: l.Attempts}
	}
	x.mark(cells, l.Warnings, x.styles.warned)
	x.mark(cells, l.Errors, x.styles.wrong)
	for i := len(x.header); i < len(cells); i++ { // beyond the input's header: what the row's error is about
		c := cells[i].(excelize.Cell)
		c.StyleID = x.styles.wrong
		cells[i] = c
	}
	x.widest = max(x.widest, len(cells))
	x.rows++
	cell, err := excelize.CoordinatesToCellName(1, x.rows)
	if err != nil {
		return failed(err)
	}
	if err := x.sheet.SetRow(cell, cells, excelize.RowOpts{StyleID: x.styles.plain}); err != nil {
		return failed(err)
	}
	return nil
}

// mark gives the cells the problems name the style id.
func (x *xlsxWriter) mark(cells []any, ps []mapping.Problem, id int) {
	for _, p := range ps {
		if i, ok := x.column[p.Column]; ok && p.Column != "" {
			c := cells[i].(excelize.Cell)
			c.StyleID = id
			cells[i] = c
		}
	}
}

// Flush does nothing: an XLSX file is whole only once closed.
func (x *xlsxWriter) Flush() error { return nil }

func (x *xlsxWriter) Close(s *Summary) error {
	defer x.file.Close()
	if x.rows == 0 {
		if err := x.start(); err != nil {
			return err
		}
	}
	// The filter takes in the cells beyond the header too: Excel sorts
	// only what is under a filter, and a row's last cells must not stay
	// behind when the rows above them move.
	last, err := excelize.CoordinatesToCellName(max(len(x.header), x.widest), max(x.rows, 2))
	if err != nil {
		return failed(err)
	}
	if err := x.file.AutoFilter(x.sheet1, "A1:"+last, nil); err != nil {
		return failed(err)
	}
	if err := x.sheet.Flush(); err != nil {
		return failed(err)
	}
	if err := x.summary(s); err != nil {
		return failed(err)
	}
	if _, err := x.file.WriteTo(io.Discard); err != nil { // the zip is written to x.out (NewXLSX)
		return failed(err)
	}
	return nil
}

// summary writes the second sheet: counts per status, then the run.
func (x *xlsxWriter) summary(s *Summary) error {
	if s == nil {
		return nil
	}
	f := x.file
	sheet, w := x.lang.Say(msg.SummarySheet{}), x.lang.Say
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	var rows [][2]any
	rows = append(rows, [2]any{w(msg.SummaryStatus{}), w(msg.SummaryRows{})})
	total := 0
	for _, c := range s.Counts {
		rows = append(rows, [2]any{string(c.Status), c.Rows})
		total += c.Rows
	}
	rows = append(rows, [2]any{w(msg.SummaryTotal{}), total}, [2]any{"", ""})
	for _, in := range s.Inputs {
		rows = append(rows, [2]any{w(msg.SummaryInput{}), in})
	}
	rows = append(rows, [2]any{w(msg.SummaryMapping{}), s.Mapping})
	if !s.Started.IsZero() {
		rows = append(rows, [2]any{w(msg.SummaryStarted{}), s.Started.Local().Format("2006-01-02 15:04:05")})
	}
	if !s.Finished.IsZero() {
		rows = append(rows, [2]any{w(msg.SummaryFinished{}), s.Finished.Local().Format("2006-01-02 15:04:05")})
	}
	rows = append(rows, [2]any{w(msg.SummaryCommand{}), s.Command})
	for i, r := range rows {
		for j, v := range r {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			var err error
			if str, ok := v.(string); ok {
				// SetCellStr: never a formula, whatever the text.
				err = f.SetCellStr(sheet, cell, str)
			} else {
				err = f.SetCellValue(sheet, cell, v)
			}
			if err != nil {
				return err
			}
		}
		if i == 0 || i > len(s.Counts) {
			continue
		}
		if st, ok := x.styles.status[s.Counts[i-1].Status]; ok { // a status's count
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetCellStyle(sheet, cell, cell, st); err != nil {
				return err
			}
		}
	}
	if err := f.SetCellStyle(sheet, "A1", "B1", x.styles.header); err != nil {
		return err
	}
	if err := f.SetColWidth(sheet, "A", "A", 12); err != nil {
		return err
	}
	return f.SetColWidth(sheet, "B", "B", 80)
}

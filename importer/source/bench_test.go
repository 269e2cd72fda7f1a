package source

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

const benchRows = 100_000

// benchCSV writes a 100k-row, 8-column CSV of the kind the importer reads.
func benchCSV(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "leads.csv")
	f, err := os.Create(path)
	require.NoError(b, err)
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "Förnamn;Efternamn;Personnummer;E-post;Telefon;Adress;Postnummer;Ort")
	for i := range benchRows {
		fmt.Fprintf(w, "Anna%d;Svensson;198001022386;anna%d@example.se;070-%07d;\"Storgatan %d, lgh 1101\";211 %02d;Malmö\n", i, i, i, i%200, i%100)
	}
	require.NoError(b, w.Flush())
	require.NoError(b, f.Close())
	return path
}

// BenchmarkCSVRead reads the file through Open and Next.
func BenchmarkCSVRead(b *testing.B) {
	benchRead(b, benchCSV(b))
}

// benchRead reads the input at path through Open and Next, as often as
// b asks, and reports the rows read a second.
func benchRead(b *testing.B, path string) {
	total := 0
	for b.Loop() {
		r, err := Open(path, Options{})
		require.NoError(b, err)
		for {
			_, err := r.Next()
			if err == io.EOF {
				break
			}
			require.NoError(b, err)
			total++
		}
		require.NoError(b, r.Close())
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkCSVReadBaseline reads the same file with a bare encoding/csv
// loop that reuses its record: the floor that BenchmarkCSVRead's extra
// work (a slice per row, row numbers, UTF-8 and quote checks) sits on.
func BenchmarkCSVReadBaseline(b *testing.B) {
	path := benchCSV(b)
	total := 0
	for b.Loop() {
		f, err := os.Open(path)
		require.NoError(b, err)
		cr := csv.NewReader(f)
		cr.Comma = ';'
		cr.ReuseRecord = true
		for {
			_, err := cr.Read()
			if err == io.EOF {
				break
			}
			require.NoError(b, err)
			total++
		}
		require.NoError(b, f.Close())
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "rows/s")
}

// benchXLSXRows is the XLSX benchmarks' rows: a tenth of the CSV's, as an
// XLSX row costs several times a CSV row to read.
const benchXLSXRows = 10_000

// benchXLSXCells are a row of the XLSX benchmarks: text, a personnummer
// and a phone number stored as numbers, a date and a date-time.
func benchXLSXCells(i int) []any {
	return []any{fmt.Sprintf("Anna%d", i), "Svensson", 198001022386, 701234567, fmt.Sprintf("anna%d@example.se", i),
		fmt.Sprintf("Storgatan %d", i%200), "Malmö", 45424 + i%1000, 45424.5 + float64(i%1000)}
}

var benchXLSXHeader = []any{"Förnamn", "Efternamn", "Personnummer", "Telefon", "E-post", "Adress", "Ort", "Datum", "Tid"}

// benchXLSXExcelize writes the rows with excelize's stream writer, as
// programs that export XLSX do: inline text, dates in styled cells.
func benchXLSXExcelize(b *testing.B) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	require.NoError(b, err)
	date := "yyyy-mm-dd"
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &date})
	require.NoError(b, err)
	stamp := "yyyy-mm-dd hh:mm"
	stampStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &stamp})
	require.NoError(b, err)
	require.NoError(b, sw.SetRow("A1", benchXLSXHeader))
	for i := range benchXLSXRows {
		row := benchXLSXCells(i)
		row[7] = excelize.Cell{StyleID: dateStyle, Value: row[7]}
		row[8] = excelize.Cell{StyleID: stampStyle, Value: row[8]}
		require.NoError(b, sw.SetRow(fmt.Sprintf("A%d", i+2), row))
	}
	require.NoError(b, sw.Flush())
	path := filepath.Join(b.TempDir(), "excelize.xlsx")
	require.NoError(b, f.SaveAs(path))
	return path
}

// benchXLSXShared writes the rows as Excel saves them: every text in
// the shared strings table, dates in built-in format 14 and 22.
func benchXLSXShared(b *testing.B) string {
	b.Helper()
	var sheet, sst strings.Builder
	strs := 0
	text := func(s string) string {
		fmt.Fprintf(&sst, "<si><t>%s</t></si>", s)
		strs++
		return fmt.Sprintf(`t="s"><v>%d</v>`, strs-1)
	}
	sheet.WriteString("<sheetData>")
	writeRow := func(n int, cells []any) {
		fmt.Fprintf(&sheet, `<row r="%d">`, n)
		for j, c := range cells {
			ref := fmt.Sprintf("%c%d", 'A'+j, n)
			switch v := c.(type) {
			case string:
				fmt.Fprintf(&sheet, `<c r="%s" %s</c>`, ref, text(v))
			default:
				style := 0
				if j == 7 {
					style = 1
				} else if j == 8 {
					style = 2
				}
				fmt.Fprintf(&sheet, `<c r="%s" s="%d"><v>%v</v></c>`, ref, style, v)
			}
		}
		sheet.WriteString("</row>")
	}
	writeRow(1, benchXLSXHeader)
	for i := range benchXLSXRows {
		writeRow(i+2, benchXLSXCells(i))
	}
	sheet.WriteString("</sheetData>")
	files := book{sheet: sheet.String(), styles: `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/></cellXfs>`}.files()
	files["xl/sharedStrings.xml"] = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + sst.String() + "</sst>"
	return writeZip(b, "shared.xlsx", files)
}

// BenchmarkXLSXRead reads each workbook through Open and Next.
func BenchmarkXLSXRead(b *testing.B) {
	for _, in := range []struct {
		name  string
		write func(*testing.B) string
	}{{"excelize", benchXLSXExcelize}, {"shared", benchXLSXShared}} {
		b.Run(in.name, func(b *testing.B) { benchRead(b, in.write(b)) })
	}
}

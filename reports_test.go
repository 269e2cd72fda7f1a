package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// sample is one of the samples under samples/, as check reads it.
type sample struct {
	name, input string // input: the file in samples/<name>/
}

var samples = []sample{
	{"open-house", "visning.xlsx"},
	{"legacy", "kontakter.csv"},
	{"interest", "intresse.xlsx"},
}

// copySample copies a sample's input and mapping into dir/samples/<name>/
// and returns their paths relative to dir, so that what the report says of
// them (the XLSX summary names the input, the mapping and the command) is
// the same wherever the test runs.
func copySample(t *testing.T, dir string, s sample) (mappingPath, inputPath string) {
	t.Helper()
	rel := filepath.Join("samples", s.name)
	require.NoError(t, os.MkdirAll(filepath.Join(dir, rel), 0o700))
	for _, name := range []string{"mapping.yaml", s.input} {
		data, err := os.ReadFile(filepath.Join(rel, name))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, rel, name), data, 0o600))
	}
	return filepath.Join(rel, "mapping.yaml"), filepath.Join(rel, s.input)
}

// undated takes out of a report what depends on today's date: legacy row 4
// is Skatteverket's test number for a person born on 18 September 1910,
// and its warning gives the age; interest row 8's consent date is in the
// future, and its problem names today. The age is computed here, so a
// wrong age still fails the comparison.
func undated(report string) string {
	now := time.Now()
	age := now.Year() - 1910
	if now.Month() < time.September || now.Month() == time.September && now.Day() < 18 {
		age--
	}
	report = strings.ReplaceAll(report, fmt.Sprintf("born in 1910 (%d years old)", age), "born in 1910 (AGE years old)")
	// Interest row 8's consent date is after today, which its message
	// names.
	return strings.ReplaceAll(report, "after today ("+now.Format(time.DateOnly)+")", "after today (TODAY)")
}

// golden compares got with the golden file testdata/golden/<name>, or
// rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join(packageDir, "testdata", "golden", name)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, got, 0o644))
		return
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "no golden file: go test -run %s -update", t.Name())
	// Strings, so that a difference shows as a diff of lines.
	assert.Equal(t, string(want), string(got), "%s differs; if the change is meant, go test -run %s -update and review the diff", p, t.Name())
}

// TestReportGoldenFiles runs check on both samples into a report of each
// format and compares the reports with golden files: CSV and JSONL byte
// for byte, XLSX as a text dump of what Excel shows (values, fills, bold,
// frozen header, filter, column widths). Run with -update to rewrite them.
func TestReportGoldenFiles(t *testing.T) {
	for _, s := range samples {
		for _, format := range []string{"csv", "xlsx", "jsonl"} {
			t.Run(s.name+"/"+format, func(t *testing.T) {
				dir := t.TempDir()
				m, input := copySample(t, dir, s)
				report := "report." + format
				res := runCmd(t, dir, nil, "check", "--mapping", m, "--report", report, input)
				require.Equal(t, 1, res.code, "the sample's bad rows make it 1: %s", res.stderr)
				data, err := os.ReadFile(filepath.Join(dir, report))
				require.NoError(t, err)
				if format == "xlsx" {
					data = []byte(dumpXLSX(t, data))
					report += ".txt"
				}
				golden(t, filepath.Join(s.name, report), []byte(undated(string(data))))
			})
		}
	}
}

// dumpXLSX describes a workbook as text, deterministically: per sheet, the
// frozen panes, the auto-filter and the column widths, then every row's
// cells, the fill colour of every filled cell and which cells are bold. The summary sheet's
// start and finish times are left out.
func dumpXLSX(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	require.NoError(t, err)
	defer f.Close()
	sheetXML := worksheetsXML(t, data)
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== sheet %q\n", sheet)
		panes, err := f.GetPanes(sheet)
		require.NoError(t, err)
		if panes.Freeze {
			fmt.Fprintf(&b, "frozen: top %d rows, left %d columns, scrolling from %s\n", panes.YSplit, panes.XSplit, panes.TopLeftCell)
		} else {
			b.WriteString("frozen: nothing\n")
		}
		fmt.Fprintf(&b, "autoFilter: %s\n", autoFilterRef(t, sheetXML[sheet]))

		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		require.NoError(t, err)
		cols := 0
		for _, r := range rows {
			cols = max(cols, len(r))
		}
		b.WriteString("column widths:")
		for c := 1; c <= cols; c++ {
			name, err := excelize.ColumnNumberToName(c)
			require.NoError(t, err)
			w, err := f.GetColWidth(sheet, name)
			require.NoError(t, err)
			fmt.Fprintf(&b, " %s=%g", name, w)
		}
		b.WriteString("\n")

		for i, r := range rows {
			if sheet == "Summary" && len(r) > 0 && (r[0] == "started" || r[0] == "finished") {
				fmt.Fprintf(&b, "%d: %q (a time, not compared)\n", i+1, r[0])
				continue
			}
			fmt.Fprintf(&b, "%d:", i+1)
			for _, v := range r {
				fmt.Fprintf(&b, " %q", v)
			}
			b.WriteString("\n")
			var fills, bold []string
			for c := 1; c <= cols; c++ {
				cell, err := excelize.CoordinatesToCellName(c, i+1)
				require.NoError(t, err)
				fill, isBold := styleOf(t, f, sheet, cell)
				if fill != "" {
					fills = append(fills, cell+"="+fill)
				}
				if isBold {
					bold = append(bold, cell)
				}
			}
			if len(fills) > 0 {
				fmt.Fprintf(&b, "   fill: %s\n", strings.Join(fills, " "))
			}
			if len(bold) > 0 {
				fmt.Fprintf(&b, "   bold: %s\n", strings.Join(bold, " "))
			}
		}
	}
	return b.String()
}

// styleOf is a cell's fill colour ("" for none) and whether its font is
// bold.
func styleOf(t *testing.T, f *excelize.File, sheet, cell string) (fill string, bold bool) {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	require.NoError(t, err)
	st, err := f.GetStyle(id)
	require.NoError(t, err)
	if st == nil {
		return "", false
	}
	if st.Fill.Pattern != 0 && len(st.Fill.Color) > 0 {
		fill = strings.ToUpper(strings.Join(st.Fill.Color, ","))
	}
	return fill, st.Font != nil && st.Font.Bold
}

// worksheetsXML returns each sheet's XML by the sheet's name, read from
// the zip as Excel would: the workbook names the sheets, its relationships
// name their parts.
func worksheetsXML(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	part := func(name string) []byte {
		for _, zf := range zr.File {
			if zf.Name == name {
				rc, err := zf.Open()
				require.NoError(t, err)
				defer rc.Close()
				b, err := io.ReadAll(rc)
				require.NoError(t, err)
				return b
			}
		}
		t.Fatalf("no %s in the workbook", name)
		return nil
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	require.NoError(t, xml.Unmarshal(part("xl/workbook.xml"), &wb))
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	require.NoError(t, xml.Unmarshal(part("xl/_rels/workbook.xml.rels"), &rels))
	out := map[string][]byte{}
	for _, s := range wb.Sheets {
		for _, r := range rels.Rels {
			if r.ID == s.RID {
				target := strings.TrimPrefix(r.Target, "/")
				if !strings.HasPrefix(target, "xl/") {
					target = path.Join("xl", target)
				}
				out[s.Name] = part(target)
			}
		}
		require.Contains(t, out, s.Name, "the part of sheet %q", s.Name)
	}
	return out
}

// autoFilterRef is the range of a sheet's auto-filter, "none" without one.
func autoFilterRef(t *testing.T, sheetXML []byte) string {
	t.Helper()
	var ws struct {
		AutoFilter *struct {
			Ref string `xml:"ref,attr"`
		} `xml:"autoFilter"`
	}
	require.NoError(t, xml.Unmarshal(sheetXML, &ws))
	if ws.AutoFilter == nil {
		return "none"
	}
	return ws.AutoFilter.Ref
}

// TestReportProblems: --report-problems writes, beside each report, one
// of just the rows that need a person, in the same format; fixed there,
// it is an input for a re-run like any report.
func TestReportProblems(t *testing.T) {
	for _, format := range []string{"csv", "xlsx"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			m, input := copySample(t, dir, samples[0])
			res := runCmd(t, dir, nil, "check", "--mapping", m, "--report", "r."+format, "--report-problems", input)
			assert.Equal(t, 1, res.code, res.stderr)
			assert.Contains(t, res.stderr, "\nreport: r."+format+"\nrows to fix: r-problems."+format+"\n")
			all, problems := reportStatuses(t, filepath.Join(dir, "r."+format)), reportStatuses(t, filepath.Join(dir, "r-problems."+format))
			assert.Len(t, all, 21)
			assert.Equal(t, []string{"10 invalid", "14 invalid", "17 invalid", "20 invalid", "23 invalid"}, problems)

			again := runCmd(t, dir, nil, "check", "--mapping", m, "--report", "again.csv", "r-problems."+format)
			assert.Equal(t, 1, again.code, again.stderr)
			assert.Contains(t, again.stderr, "(a report:")
			assert.Contains(t, again.stderr, "5 invalid")
		})
	}
}

// reportStatuses lists a report's rows as "ROW STATUS".
func reportStatuses(t *testing.T, path string) []string {
	t.Helper()
	var rows [][]string
	if strings.HasSuffix(path, ".xlsx") {
		f, err := excelize.OpenFile(path)
		require.NoError(t, err)
		defer f.Close()
		rows, err = f.GetRows("Report")
		require.NoError(t, err)
	} else {
		header, lines := readReport(t, path)
		rows = append([][]string{header}, lines...)
	}
	col := slices.Index(rows[0], "status")
	require.GreaterOrEqual(t, col, 0)
	var out []string
	for _, r := range rows[1:] {
		out = append(out, r[0]+" "+r[col])
	}
	return out
}

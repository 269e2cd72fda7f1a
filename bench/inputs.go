package main

import (
	"archive/zip"
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// mappingYAML maps eleven of the generated inputs' fourteen columns, as
// a migration of a legacy contact list would: the old system's customer
// number, registration date and status stay in the report only.
const mappingYAML = `version: 1
columns:
  Förnamn: person.firstName
  Efternamn: person.lastName
  Personnummer: person.socialSecurityNumber
  Gatuadress: person.address.streetAddress
  Postnr: person.address.zipCode
  Ort: person.address.city
  Telefon: person.telephone.home
  Mobil: person.telephone.cell
  E-post: person.email.emailAddress
  Källa: marketing.referrer
  Anteckning: message
constants:
  customerId: M1001
  estateId: OBJ1234
  prospectiveBuyerStatus: Interested
`

// header is the fourteen columns of a legacy contact list, the width of
// the reference CSV.
var header = []string{"Kundnr", "Förnamn", "Efternamn", "Personnummer", "Gatuadress", "Postnr", "Ort",
	"Telefon", "Mobil", "E-post", "Registrerad", "Källa", "Status", "Anteckning"}

// pins are Skatteverket's test personnummer, the only ones the inputs
// use, each once.
func pins() ([]string, error) {
	data, err := os.ReadFile("testdata/personnummer/allPins.json")
	if err != nil {
		return nil, fmt.Errorf("the test personnummer: %w", err)
	}
	var p []string
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, err
	}
	// The list holds two numbers twice; each row must be its own person.
	seen := make(map[string]bool, len(p))
	unique := p[:0]
	for _, pin := range p {
		if !seen[pin] {
			seen[pin] = true
			unique = append(unique, pin)
		}
	}
	return unique, nil
}

// cells are row i of every generated input, as a migration has them:
// names, a personnummer in its long form, an address whose postcode is
// written without its space, a landline on every other row, a mobile
// number written nationally and an e-mail with a capital in the domain,
// so that every row is valid and every row has changes to list. There
// are fewer test personnummer than rows: past them a row has none (as
// many in a migration do), so that no two rows are the same person and
// a run sends every one.
func cells(pins []string, i int) []string {
	pin := ""
	if i < len(pins) {
		pin = pins[i][:8] + "-" + pins[i][8:]
	}
	home := ""
	if i%2 == 0 {
		home = fmt.Sprintf("08-%03d %02d %02d", i%1000, i%100, i%89)
	}
	n := strconv.Itoa(i)
	return []string{"K" + n, "Åsa", "Öberg" + n, pin,
		"Storgatan " + strconv.Itoa(1+i%120), fmt.Sprintf("%05d", 11120+i%8000), "Stockholm",
		home, fmt.Sprintf("070-%03d %02d %02d", i%1000, i%100, i%97), "person" + n + "@Example.se",
		fmt.Sprintf("2019-%02d-%02d", 1+i%12, 1+i%28), "Visning", "Kund", "Vill ha slutpris"}
}

// landlines are the area codes, with their subscriber numbers' length,
// of a legacy list whose phones are mostly numbers that are no mobile:
// Stockholm, Göteborg, Malmö, Uppsala, Umeå, Växjö and Kiruna, 077
// (shared cost) and 020 (toll-free).
var landlines = []struct {
	area   string
	digits int
}{
	{"08", 7}, {"031", 6}, {"040", 6}, {"018", 6}, {"090", 6}, {"0470", 6}, {"0980", 5}, {"077", 7}, {"020", 6},
}

// landlineCells are row i of the landline-heavy input: cells' row with
// its home number one of landlines' on every row, written as people
// write them (08-234 56 78, 031-23 45 67), no home number ever a
// mobile, and a mobile on one row in three.
func landlineCells(pins []string, i int) []string {
	c := cells(pins, i)
	l := landlines[i%len(landlines)]
	d := fmt.Sprintf("%d%02d%02d%02d", 2+i%6, (i/9)%100, (i/7)%100, (i/3)%100)[:l.digits]
	switch l.digits {
	case 7:
		d = d[:3] + " " + d[3:5] + " " + d[5:]
	case 6:
		d = d[:2] + " " + d[2:4] + " " + d[4:]
	default:
		d = d[:3] + " " + d[3:]
	}
	c[7] = l.area + "-" + d
	if i%3 != 0 {
		c[8] = ""
	}
	return c
}

// writeCSV writes n rows, ';'-separated with CRLF as Swedish Excel saves,
// in UTF-8 with a byte order mark or in Windows-1252, each row made by
// row (cells or landlineCells).
func writeCSV(path string, n int, pins []string, cp1252 bool, row func([]string, int) []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	var w io.Writer = f
	if cp1252 {
		w = charmap.Windows1252.NewEncoder().Writer(f)
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	if !cp1252 {
		bw.WriteString("\ufeff")
	}
	bw.WriteString(strings.Join(header, ";") + "\r\n")
	for i := range n {
		bw.WriteString(strings.Join(row(pins, i), ";") + "\r\n")
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// writeXLSXExcelize writes n rows with excelize's stream writer, as
// programs that export XLSX do: inline strings.
func writeXLSXExcelize(path string, n int, pins []string) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	row := make([]any, len(header))
	for i, h := range header {
		row[i] = h
	}
	if err := sw.SetRow("A1", row); err != nil {
		return err
	}
	for i := range n {
		for j, c := range cells(pins, i) {
			row[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// writeXLSXShared writes n rows the way Excel saves a workbook: every
// text in the shared strings table, cells referring to it by index.
// (excelize keeps a whole sheet in memory to write that form.)
func writeXLSXShared(path string, n int, pins []string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z := zip.NewWriter(f)
	put := func(name, body string) error {
		w, err := z.Create(name)
		if err == nil {
			_, err = io.WriteString(w, body)
		}
		return err
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
	}
	for _, p := range parts {
		if err := put(p.name, p.body); err != nil {
			return err
		}
	}
	// Shared strings: the header, then each row's cells, each text once
	// (Excel would share repeats; here only "Åsa" repeats).
	index := map[string]int{}
	var order []string
	idx := func(s string) int {
		if i, ok := index[s]; ok {
			return i
		}
		index[s] = len(order)
		order = append(order, s)
		return len(order) - 1
	}
	sheet, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	sw := bufio.NewWriterSize(sheet, 1<<20)
	sw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	writeRow := func(r int, cs []string) {
		fmt.Fprintf(sw, `<row r="%d">`, r)
		for j, c := range cs {
			fmt.Fprintf(sw, `<c r="%c%d" t="s"><v>%d</v></c>`, 'A'+j, r, idx(c))
		}
		sw.WriteString(`</row>`)
	}
	writeRow(1, header)
	for i := range n {
		writeRow(i+2, cells(pins, i))
	}
	sw.WriteString(`</sheetData></worksheet>`)
	if err := sw.Flush(); err != nil {
		return err
	}
	ss, err := z.Create("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	bs := bufio.NewWriterSize(ss, 1<<20)
	fmt.Fprintf(bs, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, (n+1)*len(header), len(order))
	for _, s := range order {
		bs.WriteString("<si><t>")
		escapeXML(bs, s)
		bs.WriteString("</t></si>")
	}
	bs.WriteString("</sst>")
	if err := bs.Flush(); err != nil {
		return err
	}
	return z.Close()
}

func escapeXML(w *bufio.Writer, s string) {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	r.WriteString(w, s)
}

func (s *suite) path(name string) string { return filepath.Join(s.dir, name) }

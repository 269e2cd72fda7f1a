package source

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"slices"
	"strconv"
	"strings"
	"unsafe"

	"leadimport/importer/msg"
)

// workbook is what reading a sheet needs from the rest of the package:
// which part holds each sheet, the shared strings, the number format of
// each cell style, and the date system.
type workbook struct {
	path       string
	parts      map[string]*zip.File // by lower-case part name, as OOXML names are case-insensitive
	sheets     []string             // in tab order
	hidden     map[string]bool
	charts     map[string]bool // chart sheets, which have no cells
	sheetParts map[string]string
	sst        sharedStrings
	formats    []numFormat // by cell style index (the c element's s)
	date1904   bool
	limits     xlsxLimits
}

// maxXMLDepth bounds element nesting. encoding/xml keeps a stack entry per
// open element, so a few megabytes of "<a><a><a>…" would otherwise cost
// gigabytes; no OOXML part nests deeper than about ten.
const maxXMLDepth = 64

var errTooDeep = msg.Error(msg.XMLTooDeep{})

// xmlWalker reads tokens and refuses deep nesting. encoding/xml expands
// no entities but the five predefined ones, so there is no "billion
// laughs"; the size of the input is bounded by the zip limits.
type xmlWalker struct {
	dec   *xml.Decoder
	depth int
}

func newWalker(r io.Reader) *xmlWalker {
	return &xmlWalker{dec: xml.NewDecoder(r)}
}

func (w *xmlWalker) token() (xml.Token, error) {
	tok, err := w.dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok.(type) {
	case xml.StartElement:
		if w.depth++; w.depth > maxXMLDepth {
			return nil, errTooDeep
		}
	case xml.EndElement:
		w.depth--
	}
	return tok, nil
}

// skip reads to the end of the element just started.
func (w *xmlWalker) skip() error {
	for depth := 1; depth > 0; {
		tok, err := w.token()
		if err != nil {
			return err
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// The namespaces of SpreadsheetML's own elements: transitional, as Excel
// writes, and strict. A workbook part also holds elements of extensions
// with the same local names (x14:workbookPr, in every workbook recent
// Excel for Mac saves), which are not these.
const (
	mainNS       = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	strictMainNS = "http://purl.oclc.org/ooxml/spreadsheetml/main"
)

// isMain reports whether name is SpreadsheetML's own element local: in
// its namespace, or in none, as some generators write.
func isMain(name xml.Name, local string) bool {
	return name.Local == local && (name.Space == mainNS || name.Space == strictMainNS || name.Space == "")
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// readWorkbook reads the parts every sheet needs; any of them missing or
// broken makes the workbook unreadable.
func readWorkbook(file string, zr *zip.Reader, limits xlsxLimits) (*workbook, error) {
	b := &workbook{path: file, parts: map[string]*zip.File{}, hidden: map[string]bool{}, charts: map[string]bool{}, sheetParts: map[string]string{}, limits: limits}
	for _, f := range zr.File {
		b.parts[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))] = f
	}
	main := "xl/workbook.xml"
	if rels, err := b.readRels("_rels/.rels", ""); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				main = r.target
			}
		}
	}
	if b.parts[strings.ToLower(main)] == nil {
		return nil, fileError(file, msg.NoWorkbookPart{}, ErrNotXLSX)
	}
	ids, err := b.readSheets(main)
	if err != nil {
		return nil, b.damaged(err)
	}
	rels, err := b.readRels(path.Join(path.Dir(main), "_rels", path.Base(main)+".rels"), path.Dir(main))
	if err != nil {
		return nil, b.damaged(err)
	}
	byID := map[string]string{}
	chartIDs := map[string]bool{}
	sst := ""
	for _, r := range rels {
		byID[r.id] = r.target
		chartIDs[r.id] = strings.HasSuffix(r.typ, "/chartsheet")
		switch {
		case strings.HasSuffix(r.typ, "/sharedStrings"):
			sst = r.target
		case strings.HasSuffix(r.typ, "/styles"):
			if b.formats, err = b.readStyles(r.target); err != nil {
				return nil, b.damaged(err)
			}
		}
	}
	var sheetBytes uint64
	for i, s := range b.sheets {
		b.sheetParts[s] = byID[ids[i]]
		b.charts[s] = chartIDs[ids[i]]
		if f := b.parts[strings.ToLower(byID[ids[i]])]; f != nil {
			sheetBytes += f.UncompressedSize64
		}
	}
	if sst != "" {
		if b.sst, err = b.readSharedStrings(sst, b.maxSharedStrings(sheetBytes)); err != nil {
			var tooMany *tooManyStrings
			if errors.As(err, &tooMany) {
				return nil, fileError(file, tooMany.m, ErrTooLarge)
			}
			return nil, b.damaged(err)
		}
	}
	return b, nil
}

// damaged words a failure inside the zip for the user: a checksum or
// format error is a file cut off or changed on its way.
func (b *workbook) damaged(err error) error { return inFile(b.path, damage(err)) }

// damage is damaged's error without the file's name, for a message that
// names it already.
func damage(err error) error {
	if errors.Is(err, zip.ErrChecksum) || errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) {
		return msg.Error(msg.Incomplete{Err: err}, ErrIncomplete)
	}
	return msg.Error(msg.NotXLSX{Err: err}, ErrNotXLSX)
}

// open opens a part for reading as a stream.
func (b *workbook) open(name string) (io.ReadCloser, error) {
	f := b.parts[strings.ToLower(name)]
	if f == nil {
		return nil, msg.Error(msg.PartMissing{Part: name})
	}
	return f.Open()
}

// small opens a part that is read whole, refusing one over the limit.
func (b *workbook) small(name string) (*xmlWalker, io.Closer, error) {
	f := b.parts[strings.ToLower(name)]
	if f == nil {
		return nil, nil, msg.Error(msg.PartMissing{Part: name})
	}
	if f.UncompressedSize64 > uint64(b.limits.part) {
		return nil, nil, msg.Error(msg.PartTooLarge{Part: name, MiB: b.limits.part >> 20})
	}
	rc, err := f.Open()
	if err != nil {
		return nil, nil, err
	}
	return newWalker(rc), rc, nil
}

type relationship struct{ id, typ, target string }

// readRels reads a relationships part; targets are made part names,
// relative ones against dir.
func (b *workbook) readRels(name, dir string) ([]relationship, error) {
	w, c, err := b.small(name)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var rels []relationship
	for {
		tok, err := w.token()
		if err == io.EOF {
			return rels, nil
		}
		if err != nil {
			return nil, inFile(name, err)
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" && attr(e, "TargetMode") != "External" {
			target := attr(e, "Target")
			if strings.HasPrefix(target, "/") {
				target = strings.TrimPrefix(target, "/")
			} else {
				target = path.Join(dir, target)
			}
			rels = append(rels, relationship{id: attr(e, "Id"), typ: attr(e, "Type"), target: target})
		}
	}
}

// readSheets reads the workbook part: the sheets in tab order with their
// relationship ids, which are hidden, and the date system.
func (b *workbook) readSheets(name string) (ids []string, err error) {
	w, c, err := b.small(name)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	for {
		tok, err := w.token()
		if err == io.EOF {
			return ids, nil
		}
		if err != nil {
			return nil, inFile(name, err)
		}
		e, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch {
		case isMain(e.Name, "workbookPr"):
			v := attr(e, "date1904")
			b.date1904 = v == "1" || v == "true"
		case isMain(e.Name, "sheet"):
			s := attr(e, "name")
			b.sheets = append(b.sheets, s)
			b.hidden[s] = attr(e, "state") == "hidden" || attr(e, "state") == "veryHidden"
			id := ""
			for _, a := range e.Attr {
				if a.Name.Local == "id" && a.Name.Space != "" {
					id = a.Value
				}
			}
			ids = append(ids, id)
		}
	}
}

// readStyles reads the number format of each cell style: the cellXfs
// list, indexed by a cell's s attribute, and the custom format codes.
func (b *workbook) readStyles(name string) ([]numFormat, error) {
	w, c, err := b.small(name)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	codes := map[int]string{}
	var ids []int
	inXfs := false
	for {
		tok, err := w.token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, inFile(name, err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "numFmt":
				if id, err := strconv.Atoi(attr(e, "numFmtId")); err == nil {
					codes[id] = attr(e, "formatCode")
				}
			case "cellXfs":
				inXfs = true
			case "xf":
				if inXfs {
					id, _ := strconv.Atoi(attr(e, "numFmtId"))
					ids = append(ids, id)
				}
			}
		case xml.EndElement:
			if e.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
	}
	formats := make([]numFormat, len(ids))
	for i, id := range ids {
		formats[i] = newNumFormat(id, codes[id])
	}
	return formats, nil
}

// sharedStrings are the strings cells of type "s" point into, kept as
// one block of text and where each ends: 4 bytes an entry beside its
// text, where a []string takes 16.
type sharedStrings struct {
	text []byte
	ends []uint32
}

func (s *sharedStrings) len() int { return len(s.ends) }

// at is entry i. Its string shares text's bytes, which are never written
// once the table is read: no copy per cell.
func (s *sharedStrings) at(i int) string {
	from := uint32(0)
	if i > 0 {
		from = s.ends[i-1]
	}
	if from == s.ends[i] {
		return ""
	}
	return unsafe.String(&s.text[from], int(s.ends[i]-from))
}

// The shared strings table is read whole, so it is bounded twice: by
// entries, and by what it costs in memory. A sheet cell takes some 16
// bytes of XML at the least (<c r="A1" t="s"><v>0</v></c> is 27), so a
// table with more entries than the sheets could point to is no table
// Excel writes, however small each entry (fifty million empty <si/> fit
// in 250 MB, and took 3.7 GB as Go strings). xlsxLimits.strings bounds
// the rest: text and ends together (256 MiB, several times what a sheet
// of a million leads needs).
const minCellBytes = 16

// maxSharedStrings is how many entries a table may have whose workbook's
// sheets are sheetBytes long, unpacked.
func (b *workbook) maxSharedStrings(sheetBytes uint64) int {
	return int(min(sheetBytes/minCellBytes+1024, uint64(b.limits.strings/4)))
}

// tooManyStrings is a shared strings table over its bounds.
type tooManyStrings struct{ m msg.Message }

func (e *tooManyStrings) Error() string { return msg.English.Say(e.m) }

// readSharedStrings reads the strings cells of type "s" point into, at
// most maxCount of them (and b.limits.strings bytes). Each item is its
// text, or the runs of rich text joined, unescaped (unescapeXstring);
// phonetic guides (rPh) are not part of what the cell shows.
func (b *workbook) readSharedStrings(name string, maxCount int) (sharedStrings, error) {
	var sst sharedStrings
	rc, err := b.open(name)
	if err != nil {
		return sst, err
	}
	defer rc.Close()
	w := newScanner(&tokenGuard{r: rc})
	var (
		inT  bool
		from int // where the text of the t element read began
		inPh int
		si   int // where the text of the si element read began
	)
	for {
		k, err := w.next()
		if err == io.EOF {
			sst.text, sst.ends = slices.Clip(sst.text), slices.Clip(sst.ends)
			return sst, nil
		}
		if err != nil {
			return sst, inFile(name, err)
		}
		switch k {
		case tokStart:
			switch string(w.local) {
			case "si":
				if len(sst.ends) == maxCount {
					return sst, &tooManyStrings{msg.TooManySharedStrings{Max: maxCount}}
				}
				si = len(sst.text)
			case "t":
				inT, from = inPh == 0, len(sst.text)
			case "rPh":
				inPh++
			}
		case tokEnd:
			switch string(w.local) {
			case "si":
				sst.ends = append(sst.ends, uint32(len(sst.text)))
			case "t":
				if inT {
					sst.text = unescapeXstring(sst.text, from)
				}
				inT = false
			case "rPh":
				inPh--
			}
		case tokText:
			if inT {
				if len(sst.text)+len(w.text)+4*len(sst.ends) > b.limits.strings {
					return sst, &tooManyStrings{msg.SharedStringsTooLarge{MiB: max(b.limits.strings>>20, 1)}}
				}
				if len(sst.text)-si+len(w.text) > maxTokenBytes {
					return sst, inFile(name, errCellTooLong)
				}
				sst.text = append(sst.text, w.text...)
			}
		}
	}
}

// openSheet starts reading a sheet's rows.
func (b *workbook) openSheet(name string) (*sheetReader, error) {
	rc, err := b.open(name)
	if err != nil {
		return nil, err
	}
	return &sheetReader{book: b, src: rc, w: newScanner(&tokenGuard{r: rc})}, nil
}

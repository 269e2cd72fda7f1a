package source

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scanEvents is what a part's tokens say to the readers: start tags with
// their attributes (local name and value), end tags, and text, adjacent
// texts joined; then the error that ended it, if not io.EOF.
func scanEvents(t *testing.T, data []byte, chunk int) ([]string, string) {
	s := newScanner(&tokenGuard{r: &chunked{r: bytes.NewReader(data), n: chunk}})
	var events []string
	for range 4*len(data) + 4 {
		k, err := s.next()
		if err == io.EOF {
			return events, ""
		}
		if err != nil {
			return events, err.Error()
		}
		switch k {
		case tokStart:
			e := "<" + string(s.local)
			if s.dec != nil {
				for _, a := range s.decAttr {
					e += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
				}
			} else {
				for _, a := range s.attrs {
					e += fmt.Sprintf(" %s=%q", a.local, a.value)
				}
			}
			events = append(events, e)
		case tokEnd:
			events = append(events, "</"+string(s.local))
		case tokText:
			events = addText(events, string(s.text))
		}
	}
	t.Fatalf("scanner does not end: %q", data)
	return nil, ""
}

// xmlEvents are the events encoding/xml reads, as scanEvents says.
func xmlEvents(data []byte) ([]string, string) {
	w := newWalker(&tokenGuard{r: bytes.NewReader(data)})
	var events []string
	for {
		tok, err := w.token()
		if err == io.EOF {
			return events, ""
		}
		if err != nil {
			return events, err.Error()
		}
		switch e := tok.(type) {
		case xml.StartElement:
			ev := "<" + e.Name.Local
			for _, a := range e.Attr {
				ev += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			events = append(events, ev)
		case xml.EndElement:
			events = append(events, "</"+e.Name.Local)
		case xml.CharData:
			events = addText(events, string(e))
		}
	}
}

func addText(events []string, text string) []string {
	if n := len(events); n > 0 && strings.HasPrefix(events[n-1], "text:") {
		events[n-1] += text
		return events
	}
	return append(events, "text:"+text)
}

// chunked reads at most n bytes a call, so that tokens cross the ends of
// what the scanner has read.
type chunked struct {
	r io.Reader
	n int
}

func (c *chunked) Read(p []byte) (int, error) {
	if len(p) > c.n {
		p = p[:c.n]
	}
	return c.r.Read(p)
}

// scannerCases are parts the scanner reads itself, and parts where it
// hands over to encoding/xml: at the start, inside a row, inside a cell,
// and at errors, whose line must be encoding/xml's.
var scannerCases = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="r"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45424.5</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> Åsa &amp; &lt;Bo&gt; &#65;&#x42; </t></is></c></row><row r="2"/></sheetData></worksheet>`,
	`<x:worksheet xmlns:x="m"><x:sheetData><x:row r='1'><x:c r = "A1"t="n"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
	"<a>\n<b>\n<c>one\r\ntwo</c>\n<!-- a comment --><d/></b>\n</a>",
	"<a>\n<b x=\"1\ny\">\n<c><![CDATA[<not a tag>]]></c></b></a>",
	"<a>\n<b>\n<c>\n</d></b></a>",
	"<a>\n<b>\n<c>&nbsp;</c></b></a>",
	"<a>\n<b>\n<c>&#0;</c></b></a>",
	"<a>\n<b>\n<c>\x01</c></b></a>",
	"<a>\n<b>\n<c>\xff</c></b></a>",
	"<a>\n<b>\n<c>\uFFFE</c></b></a>",
	"<a>\n<b>\n<c a=\"x>y\" b='<'>t</c></b></a>",
	"<a>\n<b>\n<c a=\"&quot;\">t</c></b></a>",
	"<a>\n<b>\n<c a>t</c></b></a>",
	"<a>\n<b>\n<c a=b>t</c></b></a>",
	"<a>\n<b>\n<c / >t</c></b></a>",
	"<a>\n<b>\n<1c>t</1c></b></a>",
	"<a>\n<b>\n<a:b:c>t</a:b:c></b></a>",
	"<a>\n<b>\n<:c>t</:c></b></a>",
	"<a>\n<b>\n<ö>t</ö></b></a>",
	"<a>\n<b>\n<c>t</c ></b></a>",
	"<a>\n<b>\n<c>t</c x></b></a>",
	"<a>\n<b>\n<c>t",
	"<a>\n<b>\n<c>t</c></b></a></a>",
	"<a>\n<b>\n<c>t</c></b></a>trailing",
	"<a>\n<b>\n<c>t</c></b>\n<?pi x?></a>",
	"<?xml version=\"1.0\" encoding=\"windows-1252\"?><a/>",
	"<?xml version=\"1.1\"?><a/>",
	"<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
	"<a>" + strings.Repeat("<b>", 70) + strings.Repeat("</b>", 70) + "</a>",
	"<a>" + strings.Repeat("<b/>", 70) + "</a>",
	"<a><b>" + strings.Repeat("x", 200) + "&amp;" + strings.Repeat("y", 200) + "</b></a>",
	"",
	"<",
	"<a",
	"text only",
}

// TestScannerAgainstEncodingXML: the scanner reads every case as
// encoding/xml does, whatever the size of the reads.
func TestScannerAgainstEncodingXML(t *testing.T) {
	for _, data := range scannerCases {
		want, wantErr := xmlEvents([]byte(data))
		for _, chunk := range []int{1, 3, 7, 64, 1 << 20} {
			got, gotErr := scanEvents(t, []byte(data), chunk)
			require.Equal(t, want, got, "%q read %d bytes at a time", data, chunk)
			assert.Equal(t, wantErr, gotErr, "%q read %d bytes at a time", data, chunk)
		}
	}
}

// FuzzScanner: on any bytes, the scanner reads what encoding/xml reads,
// and ends with its error.
func FuzzScanner(f *testing.F) {
	for _, c := range scannerCases {
		f.Add([]byte(c), uint8(5))
	}
	f.Fuzz(func(t *testing.T, data []byte, chunk uint8) {
		want, wantErr := xmlEvents(data)
		got, gotErr := scanEvents(t, data, int(chunk)+1)
		require.Equal(t, want, got)
		require.Equal(t, wantErr, gotErr)
	})
}

package mapping

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Placeholders WriteYAML gives the ids every lead needs when no column
// holds them: the comment beside each says to replace it, and binding
// refuses them (PlaceholderID) until it is.
const (
	placeholderCustomerID = "M0000"
	placeholderEstateID   = "OBJ0000"
	defaultStatus         = "Interested"
)

// commentColumn is where the comments on a file's lines start, unless a
// line is longer: far enough right for most headers, near enough to read.
const commentColumn = 48

// WriteYAML writes p as a version-1 mapping file that Parse reads: a
// comment naming input and asking for a review; its endpoint, with the
// headers that chose it when it is not the default; one `Header: field` line
// per placed column, with how sure it is and why; the unplaced headers as
// comments; constants for the ids no column gives (placeholders to
// replace); and, when any of read is given (sheet, header row, encoding,
// delimiter), the input section that reads the input the way Propose saw it.
func (p Proposal) WriteYAML(w io.Writer, input string, read Input) error {
	var b strings.Builder
	ep := p.endpoint()
	p.writeIntro(&b, ep, input)
	b.WriteString("version: 1\n")
	why := ""
	if ep == epInterest && len(p.EndpointBy) > 0 {
		why = "an interest registration (intresseanmälan), as " + headerList(p.EndpointBy) + "; the fields below are its own"
	}
	writeLine(&b, "endpoint: "+ep.String(), why, 0)
	var lines [][2]string
	for _, l := range p.Lines {
		lines = append(lines, [2]string{yamlScalar(l.Header) + ": " + l.Field, l.Confidence + ": " + l.Why})
	}
	writeSection(&b, "columns:", "header in the input: field it fills", lines)
	for i, h := range p.Unplaced {
		fmt.Fprintf(&b, "  # %s: not placed (kept in the report, not sent): %s\n", yamlScalar(h), oneLine(p.UnplacedWhy[i]))
	}
	writeSection(&b, "constants:", "the same for every row; a non-empty mapped cell wins", p.constants(ep))
	var in [][2]string
	// Parse refuses a blank sheet name; a sheet's own name is kept as it is.
	if strings.TrimSpace(read.Sheet) != "" {
		in = append(in, [2]string{"sheet: " + yamlScalar(read.Sheet), "the sheet to read"})
	}
	if read.HeaderRow > 0 {
		in = append(in, [2]string{"headerRow: " + strconv.Itoa(read.HeaderRow), "the row that holds the headers, as Excel numbers it"})
	}
	if read.Encoding != "" {
		in = append(in, [2]string{"encoding: " + yamlScalar(read.Encoding), "the text encoding"})
	}
	if d := read.Delimiter; d != 0 {
		name := yamlScalar(string(d))
		if d == '\t' {
			name = "tab"
		}
		in = append(in, [2]string{"delimiter: " + name, "the cell delimiter"})
	}
	if len(in) > 0 {
		writeSection(&b, "input:", "", in)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// endpoint is the endpoint p is for; an unknown one (a Proposal made
// by hand) is the default's.
func (p Proposal) endpoint() endpoint {
	ep, _ := endpointOf(p.Endpoint)
	return ep
}

// headerList names headers in a comment: header "A" says, headers "A",
// "B" and "C" say.
func headerList(hs []string) string {
	q := make([]string, len(hs))
	for i, h := range hs {
		q[i] = quote(h)
	}
	if len(q) == 1 {
		return "header " + q[0] + " says"
	}
	return "headers " + strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1] + " say"
}

func (p Proposal) writeIntro(b *strings.Builder, ep endpoint, input string) {
	if !graphic(input) {
		input = quote(input)
	}
	fmt.Fprintf(b, "# Mapping proposed by leadimport init for %s, from its headers\n", input)
	fmt.Fprintf(b, "# and the values in its first %s. Review it before a run: each\n", plural(p.Sampled, "row"))
	b.WriteString("# column line says how sure the guess is (sure, likely or guess) and why.\n")
	b.WriteString("# Where several columns fit a field, the surest got it; the others are\n")
	b.WriteString("# listed as comments. Replace the placeholders under constants: check\n")
	fmt.Fprintf(b, "# refuses them. Then try it with:  leadimport check --mapping THIS_FILE %s\n", input)
	has := map[string]bool{}
	for _, l := range p.Lines {
		has[l.Field] = true
	}
	if !has[fFullName.nameIn(ep)] && !(has[fFirstName.nameIn(ep)] && has[fLastName.nameIn(ep)]) {
		b.WriteString("# No column was placed as the name, which every lead needs: map one to\n")
		fmt.Fprintf(b, "# %s, or two to %s and %s.\n", fFullName.nameIn(ep), fFirstName.nameIn(ep), fLastName.nameIn(ep))
	}
	if !slices.ContainsFunc([]fieldID{fEmail, fEmail2, fHome, fWork, fCell, fOther}, func(id fieldID) bool { return has[id.nameIn(ep)] }) {
		b.WriteString("# No column was placed as an e-mail address or a phone number, and every\n")
		fmt.Fprintf(b, "# lead needs one: map one to %s or %s.\n", fEmail.nameIn(ep), fCell.nameIn(ep))
	}
	b.WriteString("\n")
}

// Placeholders lists the fields WriteYAML gives a placeholder, for the
// user to fill in: customerId and estateId when no column holds them.
func (p Proposal) Placeholders() []string {
	var out []string
	for _, l := range p.constants(p.endpoint()) {
		field, value, _ := strings.Cut(l[0], ": ")
		if PlaceholderID(value) {
			out = append(out, field)
		}
	}
	return out
}

// constants are the lines for the fields a lead for ep needs that no
// column gives.
func (p Proposal) constants(ep endpoint) [][2]string {
	has := map[string]bool{}
	for _, l := range p.Lines {
		has[l.Field] = true
	}
	var lines [][2]string
	if !has[fCustomerID.nameIn(ep)] {
		lines = append(lines, [2]string{"customerId: " + placeholderCustomerID,
			"placeholder: replace it with your agency's Vitec customer id, e.g. M1001"})
	}
	if !has[fEstateID.nameIn(ep)] {
		lines = append(lines, [2]string{"estateId: " + placeholderEstateID,
			"placeholder: replace it with the estate's id in Vitec, e.g. OBJ12345, or map a column to it"})
	}
	if status := fStatus.nameIn(ep); !has[status] {
		others := "Assigned and NotInterested are the others"
		if ep == epInterest {
			others = "VeryInterested, Assigned and NotInterested are the others"
		}
		lines = append(lines, [2]string{status + ": " + defaultStatus, "a default for every lead; " + others})
	}
	return lines
}

// writeSection writes a top-level key and its indented `key: value`
// lines, each with its comment, the comments lined up.
func writeSection(b *strings.Builder, key, comment string, lines [][2]string) {
	width := len(key)
	for _, l := range lines {
		width = max(width, 2+utf8.RuneCountInString(l[0]))
	}
	width = min(width, commentColumn) + 2
	writeLine(b, key, comment, width)
	for _, l := range lines {
		writeLine(b, "  "+l[0], l[1], width)
	}
}

func writeLine(b *strings.Builder, text, comment string, width int) {
	b.WriteString(text)
	if comment != "" {
		pad := max(width-utf8.RuneCountInString(text), 2)
		b.WriteString(strings.Repeat(" ", pad) + "# " + oneLine(comment))
	}
	b.WriteString("\n")
}

// oneLine keeps a comment on its line: a line break in it would end the
// comment and start YAML. Headers in reasons are already quoted; this is
// the last guard.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return ' '
		}
		return r
	}, s)
}

// yamlScalar writes s as YAML that reads back as s: plain when that is
// safe ("E-post"), quoted when not ("Tfn: mobil", "#", "true"). The yaml
// library knows when to quote, but writes line breaks, including U+2028,
// as they are; so a value with any such rune, or one the library would
// write on several lines, is double-quoted with Go's escapes, which are
// YAML's too.
func yamlScalar(s string) string {
	if !graphic(s) {
		return strconv.Quote(s)
	}
	b, err := yaml.Marshal(s)
	out := strings.TrimSuffix(string(b), "\n")
	if err != nil || strings.Contains(out, "\n") || strings.HasPrefix(out, "|") || strings.HasPrefix(out, ">") {
		return strconv.Quote(s)
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// graphic says whether s is valid UTF-8 of visible characters and spaces
// only, which YAML and a comment can hold as they are.
func graphic(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return !unicode.IsGraphic(r) })
}

// ConstantsYAML is the constants section WriteYAML gives a mapping whose
// columns are m's: placeholders for the ids no column gives, to replace,
// and the default status. A mapping remembered without its constants
// (mapping/remember) is proposed with it.
func ConstantsYAML(m *Mapping) string {
	p := Proposal{Endpoint: m.Endpoint}
	for _, c := range m.Columns {
		p.Lines = append(p.Lines, ProposedColumn{Header: c.Header, Field: c.Field})
	}
	var b strings.Builder
	if lines := p.constants(p.endpoint()); len(lines) > 0 {
		writeSection(&b, "constants:", "the same for every row; a non-empty mapped cell wins", lines)
	}
	return b.String()
}

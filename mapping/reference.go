package mapping

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// emptyList writes texts as a YAML flow list, quoting those that do not
// start with a letter: YAML reads a bare - or ? as its own.
func emptyList(texts []string) string {
	items := make([]string, len(texts))
	for i, t := range texts {
		items[i] = t
		if r, _ := utf8.DecodeRuneInString(t); !unicode.IsLetter(r) {
			items[i] = strconv.Quote(t)
		}
	}
	return "[" + strings.Join(items, ", ") + "]"
}

// WriteReference writes the mapping file's reference: its keys, the
// normalize and validation settings and every field, for leadimport
// help mapping.
func WriteReference(w io.Writer) error {
	var b strings.Builder
	b.WriteString(`A mapping file (YAML) says which input column fills which field of the lead,
and what is the same on every row:

  version: 1                   # required
  endpoint: FinalPriceWatched  # the default: the person asks for the final price;
                               # or Interest: an interest registration. It decides
                               # the fields (below); --set cannot change it
  columns:                     # Header: field, one per input column to send
    Förnamn: person.firstName
    Personnummer: person.socialSecurityNumber
    Objekt: estateId
  constants:                   # field: value, the same on every row
    customerId: M1001
    prospectiveBuyerStatus: Interested
  input:                       # how to read the input (flags override)
    sheet: Anmälningar         # XLSX: a sheet by name or 1-based number (--sheet)
    headerRow: 3               # the header's row as Excel numbers it (--header-row)
    encoding: windows-1252     # CSV: `)
	b.WriteString(strings.Join(Encodings, ", "))
	b.WriteString(` (--encoding)
    delimiter: ";"             # CSV: "," ";" "|" ":" tab or another mark (--delimiter)
    empty: `)
	b.WriteString(emptyList(defaultEmpty))
	b.WriteString(`
                               # cells that mean empty, in every field: this is the
                               # default list, words in any case; a list replaces it,
                               # [] for none. Constants and --set are never empty
  normalize:                   # how values are sent; the first is the default
`)
	for _, k := range normalizeKeys {
		fmt.Fprintf(&b, "    %s: %s\n", k.key, strings.Join(k.values, " | "))
		for line := range strings.SplitSeq(k.note, "\n") {
			if line != "" {
				fmt.Fprintf(&b, "%31s# %s\n", "", line)
			}
		}
	}
	b.WriteString(`  validation: strict           # strict (the default): an invalid value makes its row
                               # invalid. lenient: an optional field's invalid value is
                               # left out of the lead with a warning, as long as the row
                               # keeps its names and an e-mail address or phone.
                               # Or field by field, default: for the others:
                               #   validation:
                               #     default: strict
                               #     person.telephone.cell: lenient
`)
	b.WriteString(`
Headers match ignoring case and surrounding spaces; columns not named are kept
in the report but not sent. A non-empty cell wins over a constant; --set
FIELD=VALUE wins over both.

Fields (endpoint: FinalPriceWatched, POST …/{customerId}/{estateId}/FinalPriceWatched):
`)
	writeFields(&b, Vocabulary(EndpointFinalPriceWatched))
	b.WriteString(`
Fields of an interest registration (endpoint: Interest, POST …/interest). Its
body has no person wrapper: person.firstName is firstName, and so on;
prospectiveBuyerStatus is status, message is contactMessage:
`)
	writeFields(&b, Vocabulary(EndpointInterest))
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFields lists fields, one a line, their names in a column.
func writeFields(b *strings.Builder, fs []FieldInfo) {
	width := 0
	for _, f := range fs {
		width = max(width, len(f.Name))
	}
	for _, f := range fs {
		fmt.Fprintf(b, "  %-*s  %s\n", width, f.Name, f.Doc)
	}
}

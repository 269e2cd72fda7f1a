package mapping

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"

	"leadimport/importer/msg"

	"github.com/gocarina/gocsv"
)

// synonymsCSV is the header names Propose knows. It lives in a CSV file,
// not in code, so that adding a name is a one-line change anyone can make.
//
//go:embed synonyms.csv
var synonymsCSV []byte

// ignoreField marks, in synonyms.csv, a header known to hold nothing
// Connect takes (a customer number of the sheet's own, a date).
const ignoreField = "-"

// synonym is one row of synonyms.csv.
type synonym struct {
	Field   string `csv:"field"`
	Synonym string `csv:"synonym"`
}

// knownName is a synonym ready to match: its field resolved and its
// name folded.
type knownName struct {
	name   string // as synonyms.csv writes it, for messages
	folded string
	id     fieldID
	utm    string
	ignore bool // the header holds nothing Connect takes
}

// synonymIndex is every known name, by folded name and in file order.
type synonymIndex struct {
	byFolded map[string]knownName
	all      []knownName // one per folded name, in file order
}

// synonyms loads the embedded table once; it never changes after. A bad
// table is a mistake in the build, caught by TestSynonymsCSV, so it panics.
var synonyms = sync.OnceValue(func() *synonymIndex {
	idx, err := parseSynonyms(bytes.NewReader(synonymsCSV))
	if err != nil {
		panic(err)
	}
	return idx
})

// parseSynonyms reads a synonyms table and checks it: every field is in
// the vocabulary (or is ignoreField), every name folds to something, and
// no name stands for two fields. Every endpoint's names for the fields
// are known too, so a header written "person.firstName" or
// "contactMessage" is placed.
func parseSynonyms(r io.Reader) (*synonymIndex, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	var rows []synonym
	if err := gocsv.UnmarshalCSV(cr, &rows); err != nil {
		return nil, fmt.Errorf("read synonyms: %w", err)
	}
	idx := &synonymIndex{byFolded: map[string]knownName{}}
	add := func(k knownName, line string) error {
		if k.folded == "" {
			return fmt.Errorf("synonyms: %s: the name has no letters or digits", line)
		}
		if prev, dup := idx.byFolded[k.folded]; dup {
			if prev.id != k.id || prev.utm != k.utm || prev.ignore != k.ignore {
				return fmt.Errorf("synonyms: %s: %q is already a name for %s, as %q", line, k.name, prev.fieldName(), prev.name)
			}
			return nil
		}
		idx.byFolded[k.folded] = k
		idx.all = append(idx.all, k)
		return nil
	}
	for i, s := range rows {
		line := fmt.Sprintf("row %d (%s,%s)", i+1, s.Field, s.Synonym)
		k := knownName{name: strings.TrimSpace(s.Synonym), folded: foldHeader(s.Synonym)}
		if strings.TrimSpace(s.Field) == ignoreField {
			k.ignore = true
		} else {
			id, utm, ok := lookupAnyField(strings.TrimSpace(s.Field))
			if !ok {
				return nil, fmt.Errorf("synonyms: %s: %w", line, msg.Error(unknownField(epFinalPrice, s.Field)))
			}
			k.id, k.utm = id, utm
		}
		if err := add(k, line); err != nil {
			return nil, err
		}
	}
	for id := range fUTM {
		for ep := range numEndpoints {
			if name := id.nameIn(ep); name != "" {
				if err := add(knownName{name: name, folded: foldHeader(name), id: id}, "field "+name); err != nil {
					return nil, err
				}
			}
		}
	}
	if len(idx.all) == 0 {
		return nil, fmt.Errorf("synonyms: the table is empty")
	}
	return idx, nil
}

func (k knownName) fieldName() string {
	if k.ignore {
		return ignoreField
	}
	return cmp.Or(fieldName(epFinalPrice, k.id, k.utm), fieldName(epInterest, k.id, k.utm))
}

// foldHeader is how a header meets the known names: lower case, the dots
// and rings off å, ä, ö and their kin (exports often drop them), and
// nothing but letters and digits, so "E-post", "E post" and "epost" are
// one name.
func foldHeader(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(h) {
		switch r {
		case 'å', 'ä', 'à', 'á', 'â', 'ã':
			r = 'a'
		case 'ö', 'ø', 'ó', 'ò', 'ô', 'õ':
			r = 'o'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'ü', 'ú', 'ù', 'û':
			r = 'u'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		case 'æ':
			b.WriteString("ae")
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// editDistance is the optimal string alignment distance between a and b,
// in runes: Levenshtein's, except that swapping two neighbouring letters
// costs one edit. A swap is the commonest typo in a header ("Förnman"),
// and Levenshtein would count it as two.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// rows[0] is two rows back, rows[1] the previous row, rows[2] this one.
	var rows [3][]int
	for i := range rows {
		rows[i] = make([]int, len(rb)+1)
	}
	for j := range rows[1] {
		rows[1][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur, prev, prev2 := rows[2], rows[1], rows[0]
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		rows[0], rows[1], rows[2] = prev, cur, prev2
	}
	return rows[1][len(rb)]
}

// KnownHeaders lists every header name the synonym table knows, as it
// writes them. A reader looking for the header row of a file it has no
// mapping for yet can take the row that holds most of them.
func KnownHeaders() []string {
	idx := synonyms()
	names := make([]string, 0, len(idx.all))
	for _, k := range idx.all {
		names = append(names, k.name)
	}
	return names
}

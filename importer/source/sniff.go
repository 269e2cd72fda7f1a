package source

import "slices"

// delimiters are the candidates, in the order that wins a tie: Swedish
// Excel writes ';', and a semicolon in a column name is rarer than a stray
// tab, which in turn is rarer than a comma; '|' comes from database
// exports, which do not mix it with the others.
var delimiters = []rune{';', '\t', ',', '|'}

// sniffRecords is how many non-blank records the delimiter is guessed
// from: enough that one odd line (a title, a header with a comma in a
// name) is outvoted, few enough to stay inside the sniffed prefix.
const sniffRecords = 10

// sniffDelimiter picks the delimiter from the first non-blank records of
// head, from row headerRow on (the first row when 0): the candidate whose
// count outside quotes is the same on the most records wins, then the one
// with the higher such count, then the earlier in delimiters. Looking at
// several records rather than the header line alone outvotes a title row
// above the header or a header whose names hold commas. With no candidate
// anywhere the file has one column, and fallback is as good as any.
//
// head is the start of the file; rows are counted as Excel counts them: a
// blank line is a row, a quoted cell with line breaks stays in one.
//
// A quote that opens a cell of the first record and is never closed in
// head (a stray quote in the header: `"Förnamn;Efternamn`) would make the
// rest of head one cell: then the records are also counted with quotes
// taken as text, and the count that agrees on more records wins. A quote
// left open by a later record is a long quoted cell that head cuts off,
// and is left alone: counted as text, each of its lines would vote.
func sniffDelimiter(head []byte, headerRow int, fallback rune) rune {
	records, unclosed := sniffRecordCounts(head, headerRow, true)
	best, votes := pickDelimiter(records, fallback)
	if unclosed {
		literal, _ := sniffRecordCounts(head, headerRow, false)
		if d, v := pickDelimiter(literal, fallback); v > votes {
			best = d
		}
	}
	return best
}

// sniffRecordCounts counts each candidate outside quotes (with quotes
// false, anywhere) on the first non-blank records of head, from row
// headerRow on, and reports whether a quote opened in the first of them
// was left open at head's end.
func sniffRecordCounts(head []byte, headerRow int, quotes bool) (_ [][4]int, unclosed bool) {
	var (
		records   [][4]int // counts per non-blank record
		counts    [4]int   // on this record
		total     [4]int   // on all records, for a head of blank records only
		row       = 1
		inQuotes  bool
		nonBlank  bool
		cellStart = true // where a quote opens a quoted cell
	)
	for i := 0; i < len(head) && len(records) < sniffRecords; i++ {
		c := head[i]
		if inQuotes {
			switch {
			case c == '"' && i+1 < len(head) && head[i+1] == '"':
				i++ // an escaped quote
				nonBlank = true
			case c == '"':
				inQuotes = false
			case c != ' ' && c != '\t' && c != '\r' && c != '\n':
				nonBlank = true
			}
			continue
		}
		switch c {
		case '"':
			// `""` alone is an empty cell, so the quote itself is no content.
			inQuotes = cellStart && quotes
			nonBlank = nonBlank || !inQuotes
		case '\n':
			if nonBlank && row >= headerRow {
				records = append(records, counts)
			}
			counts, row, nonBlank, cellStart = [4]int{}, row+1, false, true
			continue
		case ' ', '\r':
		default:
			// A line of delimiters alone is a blank row (Excel writes ";;;").
			if j := slices.Index(delimiters, rune(c)); j >= 0 {
				counts[j]++
				total[j]++
			} else {
				nonBlank = true
			}
		}
		cellStart = slices.Contains(delimiters, rune(c))
	}
	unclosed = inQuotes && len(records) == 0
	if len(records) == 0 && nonBlank && row >= headerRow {
		// The only record is the last one in head: the file is that
		// short, or the line that long. A cut-off line is used only
		// alone, as its counts would disagree with whole ones.
		records = append(records, counts)
	}
	if len(records) == 0 {
		// No record at all, but maybe rows such as ";;;" that are blank
		// only when split at the right delimiter.
		records = append(records, total)
	}
	return records, unclosed
}

// pickDelimiter is the candidate whose count is the same on the most
// records, then the one with the higher such count, then the earlier in
// delimiters; fallback when none is on any record. It returns how many
// records agree on it.
func pickDelimiter(records [][4]int, fallback rune) (rune, int) {
	best, bestVotes, bestCount := fallback, 0, 0
	for j, d := range delimiters {
		votes, count := modeCount(records, j)
		if votes > bestVotes || votes == bestVotes && count > bestCount {
			best, bestVotes, bestCount = d, votes, count
		}
	}
	return best, bestVotes
}

// modeCount finds the most common non-zero count of candidate j over the
// records: it returns how many records have it, and the count (the higher
// one on a tie).
func modeCount(records [][4]int, j int) (votes, count int) {
	seen := map[int]int{}
	for _, r := range records {
		if n := r[j]; n > 0 {
			seen[n]++
			if seen[n] > votes || seen[n] == votes && n > count {
				votes, count = seen[n], n
			}
		}
	}
	return votes, count
}

package source

import "slices"

// delimiters are the candidates, in the order that wins a tie: Swedish
// Excel writes ';', and a semicolon in a column name is rarer than a stray
// tab, which in turn is rarer than a comma; '|' comes from database
// exports, which do not mix it with the others. ':' (some Nordic
// exports) is last, and taken only where it cannot be anything else: no
// other candidate is on any record, no record holds a time (10:30),
// whose colons would otherwise split it, and every record has as many
// colons (pickDelimiter).
var delimiters = []rune{';', '\t', ',', '|', ':'}

// colon is where ':' is in delimiters.
const colon = 4

// counts are how many of each candidate, in delimiters' order.
type counts [5]int

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
	quoted := sniffRecordCounts(head, headerRow, true)
	best, votes := pickDelimiter(quoted, fallback)
	if quoted.unclosed {
		literal := sniffRecordCounts(head, headerRow, false)
		if d, v := pickDelimiter(literal, fallback); v > votes {
			best = d
		}
	}
	return best
}

// sniffed is what sniffRecordCounts found.
type sniffed struct {
	records []counts // per non-blank record
	// unclosed: a quote opened in the first record was left open at
	// head's end.
	unclosed bool
	// times: a colon outside quotes is in a time (10:30, 7:05:59).
	times bool
}

// sniffRecordCounts counts each candidate outside quotes (with quotes
// false, anywhere) on the first non-blank records of head, from row
// headerRow on.
func sniffRecordCounts(head []byte, headerRow int, quotes bool) sniffed {
	var (
		found     sniffed
		records   []counts // counts per non-blank record
		here      counts   // on this record
		total     counts   // on all records, for a head of blank records only
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
				records = append(records, here)
			}
			here, row, nonBlank, cellStart = counts{}, row+1, false, true
			continue
		case ' ', '\r':
		default:
			// A line of delimiters alone is a blank row (Excel writes ";;;").
			if j := slices.Index(delimiters, rune(c)); j >= 0 {
				here[j]++
				total[j]++
				found.times = found.times || j == colon && row >= headerRow && inTime(head, i)
			} else {
				nonBlank = true
			}
		}
		cellStart = slices.Contains(delimiters, rune(c))
	}
	found.unclosed = inQuotes && len(records) == 0
	if len(records) == 0 && nonBlank && row >= headerRow {
		// The only record is the last one in head: the file is that
		// short, or the line that long. A cut-off line is used only
		// alone, as its counts would disagree with whole ones.
		records = append(records, here)
	}
	if len(records) == 0 {
		// No record at all, but maybe rows such as ";;;" that are blank
		// only when split at the right delimiter.
		records = append(records, total)
	}
	found.records = records
	return found
}

// inTime reports whether the colon at head[i] is in a time: one or two
// digits before it and two after, each end at a non-digit (7:05, 10:30,
// 10:30:59, 2025-01-01 10:30).
func inTime(head []byte, i int) bool {
	digit := func(j int) bool { return j >= 0 && j < len(head) && '0' <= head[j] && head[j] <= '9' }
	before := 0
	for before < 3 && digit(i-1-before) {
		before++
	}
	return (before == 1 || before == 2) && digit(i+1) && digit(i+2) && !digit(i+3)
}

// pickDelimiter is the candidate whose count is the same on the most
// records, then the one with the higher such count, then the earlier in
// delimiters; fallback when none is on any record. ':' is a candidate
// only when no other is on any record, no colon is in a time, and every
// record has as many. It returns how many records agree on the one it
// picks.
func pickDelimiter(found sniffed, fallback rune) (rune, int) {
	best, bestVotes, bestCount := fallback, 0, 0
	for j, d := range delimiters {
		if j == colon && (bestVotes > 0 || found.times) {
			break
		}
		votes, count := modeCount(found.records, j)
		if j == colon && votes < len(found.records) {
			break // a colon where the header has none is in a value (https://)
		}
		if votes > bestVotes || votes == bestVotes && count > bestCount {
			best, bestVotes, bestCount = d, votes, count
		}
	}
	return best, bestVotes
}

// modeCount finds the most common non-zero count of candidate j over the
// records: it returns how many records have it, and the count (the higher
// one on a tie).
func modeCount(records []counts, j int) (votes, count int) {
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

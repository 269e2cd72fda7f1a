package source

import "slices"

// delimiters are the candidates, in the order that wins a tie: Swedish
// Excel writes ';', and a semicolon in a column name is rarer than a stray
// tab, which in turn is rarer than a comma.
var delimiters = []rune{';', '\t', ','}

// sniffDelimiter picks the delimiter that occurs most often outside quotes
// on the header line: row headerRow of head, or its first non-blank row
// when headerRow is 0. Looking at the header line rather than the first
// line matters when title rows sit above the header. With no candidate on
// that line the file has one column, and fallback is as good as any.
//
// head is the start of the file; rows are counted as Excel counts them: a
// blank line is a row, a quoted cell with line breaks stays in one.
func sniffDelimiter(head []byte, headerRow int, fallback rune) rune {
	var (
		counts    [3]int // on this row
		total     [3]int // on all rows, for a file with no header line in head
		row       = 1
		inQuotes  bool
		nonBlank  bool
		lineStart = true // at the start of a cell, where a quote opens one
	)
	pick := func(counts [3]int) rune {
		best := 0
		for i := range counts {
			if counts[i] > counts[best] {
				best = i
			}
		}
		if counts[best] == 0 {
			return fallback
		}
		return delimiters[best]
	}
	for i := 0; i < len(head); i++ {
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
			inQuotes = lineStart
			nonBlank = nonBlank || !lineStart
		case '\n':
			if headerRow == row || headerRow == 0 && nonBlank {
				return pick(counts)
			}
			counts, row, nonBlank = [3]int{}, row+1, false
			lineStart = true
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
		lineStart = slices.Contains(delimiters, rune(c))
	}
	if headerRow == row || headerRow == 0 && nonBlank {
		// The header line is the last one in head: the file is that
		// short, or the line that long.
		return pick(counts)
	}
	// No header line at all, but maybe rows such as ";;;" that are blank
	// only when split at the right delimiter.
	return pick(total)
}

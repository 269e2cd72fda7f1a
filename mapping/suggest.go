package mapping

import (
	"strconv"
	"strings"
)

// suggest returns the candidate the user most likely meant by name, or ""
// when none is close. Case is ignored, so "person.firstname" finds
// "person.firstName"; otherwise at most a third of the letters (and at
// least two) may differ, which catches typos without offering nonsense.
func suggest(name string, candidates []string) string {
	lname := strings.ToLower(strings.TrimSpace(name))
	best, bestDist := "", -1
	for _, c := range candidates {
		d := levenshtein(lname, strings.ToLower(c))
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := max(2, len([]rune(lname))/3)
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// levenshtein is the edit distance between a and b, counted in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func quote(s string) string { return strconv.Quote(s) }

// headerKey is how headers are compared: ignoring case and surrounding
// spaces. A byte order mark is dropped too, since spreadsheet exports
// often leave one in front of the first header.
func headerKey(h string) string {
	return strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
}

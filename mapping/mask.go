package mapping

// IsPersonnummerField reports whether field, a mapping's field name of
// any endpoint, holds a personnummer: its values are masked wherever they
// are shown but in the report's own cells.
func IsPersonnummerField(field string) bool {
	id, _, ok := lookupAnyField(field)
	return ok && id == fSSN
}

// MaskPersonnummer hides the last four characters of a personnummer, the
// ones that single a person out among those born the same day:
// "19800101-1234" is "19800101-****". Anything shorter than five
// characters is masked whole. It is what logs and the JSONL report's lead
// show.
func MaskPersonnummer(s string) string {
	r := []rune(s)
	n := 4
	if len(r) <= n {
		n = len(r)
	}
	for i := len(r) - n; i < len(r); i++ {
		r[i] = '*'
	}
	return string(r)
}

package mapping

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

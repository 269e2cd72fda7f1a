package mapping

import "strings"

// PlaceholderID reports whether v, a customerId or estateId, is a
// placeholder rather than an id: what leadimport init writes (M0000,
// OBJ0000), zeros after letters or none, a note to fill it in
// (TODO, TBD, FIXME, x, xxx, ?), or nothing at all. Connect would refuse
// every lead sent with one; check and the sandbox refuse them first.
//
// Map asks it of every row's ids, so an id in ASCII, as nearly all are,
// is judged without lowering a copy of it; anything else takes
// placeholderIDText, which FuzzPlaceholderID holds the two to agreeing
// with.
func PlaceholderID(v string) bool {
	if !isASCII(v) {
		return placeholderIDText(v)
	}
	v = strings.TrimSpace(v)
	switch {
	case v == "", v == "?", v == "-",
		strings.EqualFold(v, "todo"), strings.EqualFold(v, "tbd"),
		strings.EqualFold(v, "fixme"), strings.EqualFold(v, "n/a"):
		return true
	}
	i := 0
	for i < len(v) && (v[i] == 'x' || v[i] == 'X') {
		i++
	}
	if i == len(v) {
		return true
	}
	for i < len(v) && ('a' <= v[i]|0x20 && v[i]|0x20 <= 'z') {
		i++
	}
	if i == len(v) {
		return false // letters only
	}
	for ; i < len(v); i++ {
		if v[i] != '0' {
			return false
		}
	}
	return true
}

// placeholderIDText is PlaceholderID for any text: strings.ToLower maps
// some letters outside ASCII to ASCII ones (İ to i, the Kelvin sign to k).
func placeholderIDText(v string) bool {
	v = strings.TrimSpace(v)
	switch strings.ToLower(v) {
	case "", "todo", "tbd", "fixme", "?", "-", "n/a":
		return true
	}
	if strings.Trim(v, "xX") == "" {
		return true
	}
	digits := strings.TrimLeft(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
	return digits != "" && strings.Trim(digits, "0") == ""
}

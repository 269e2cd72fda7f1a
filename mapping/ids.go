package mapping

import "strings"

// PlaceholderID reports whether v, a customerId or estateId, is a
// placeholder rather than an id: what leadimport init writes (M0000,
// OBJ0000), zeros after letters or none, a note to fill it in
// (TODO, TBD, FIXME, x, xxx, ?), or nothing at all. Connect would refuse
// every lead sent with one; check and the sandbox refuse them first.
func PlaceholderID(v string) bool {
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

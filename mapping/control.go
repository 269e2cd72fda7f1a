package mapping

// mayHoldControls reports whether a value of kind k could reach the lead
// with a control character in it, so that Map must look for one. An
// e-mail address, a phone number, a yes or no and a status are refused
// unless every character is one their checks allow (a phone's whitespace
// is collapsed), and a phone is sent as written only after that: scanning
// them too would cost every row for nothing (FuzzControlAt holds them to
// refusing every control character).
func (k kind) mayHoldControls() bool {
	switch k {
	case kindEmail, kindPhone, kindBool, kindStatus, kindInterestStatus, kindDate, kindArea, kindRooms, kindPrice:
		return false
	}
	return true
}

// controlAt is the index of the first control character in v that no
// field may hold, or -1: a C0 control (NUL, ESC, …) or DEL. Tab and line
// breaks are whitespace, which the fields that allow it keep (a message,
// a c/o line in a street address) and the others reject or collapse. The
// rest are invisible in Excel, come from a binary export or a copy from a
// terminal, and Connect would store them as they are.
//
// Map asks it of every value, so it looks at eight bytes at a time: a
// cell is text, and text rarely holds a byte below 0x20 but a tab or a
// line break.
func controlAt(v string) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	i := 0
	for ; i+8 <= len(v); i += 8 {
		b := v[i : i+8] // one bounds check; the compiler makes one load of these
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		// A byte below 0x20, or 0x7F, makes its high bit set in one of
		// these (the classic "has a byte less than n" and "has a zero
		// byte" tricks); a byte at 0x80 or above never does.
		below := (w - ones*0x20) &^ w & highs
		del := ((w ^ ones*0x7F) - ones) &^ (w ^ ones*0x7F) & highs
		if below|del != 0 {
			break
		}
	}
	for ; i < len(v); i++ {
		if c := v[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F {
			return i
		}
	}
	return -1
}

package mapping

import "unsafe"

// textArena makes the strings a row's mapping builds (a phone number in
// E.164, an e-mail address with its domain in lower case, a postcode with
// its space, a personnummer in its long form) in one block of bytes after
// another, rather than an allocation each: a check of a million rows
// builds some four million of them, and each allocation costs more than
// the text it holds. What is written to a block stays as it is: a string
// made here is never changed, and keeps its block for as long as it is
// kept, like any string. A nil *textArena allocates each string.
type textArena struct {
	block []byte
}

// arenaBlock is the size of a block; a string over an eighth of it is
// made on its own.
const arenaBlock = 8 << 10

// string returns b as a string.
func (a *textArena) string(b []byte) string {
	if a == nil || len(b) == 0 || len(b) > arenaBlock/8 {
		return string(b)
	}
	if cap(a.block)-len(a.block) < len(b) {
		a.block = make([]byte, 0, arenaBlock)
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	return unsafe.String(&a.block[start], len(b))
}

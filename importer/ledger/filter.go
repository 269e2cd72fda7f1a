package ledger

import (
	"hash/maphash"
	"sync/atomic"
)

// filter is a Bloom filter of keys: has says "maybe" for every key added
// and, for a key never added, "no" but for a small share of false
// alarms. It spares the database a query for the key that is not there,
// which in a run is nearly every key. Its size is fixed, so memory does
// not grow with the keys; past some millions the false alarms grow
// instead, and the queries they cost come back. Safe for concurrent use.
type filter struct {
	seed  maphash.Seed
	words []atomic.Uint64
	// ready says every key the filter must hold is in: until then has
	// cannot be trusted with a "no".
	ready atomic.Bool
}

const (
	// filterBits is 2^25 bits (4 MiB): for a million keys a false alarm
	// in some 300 "no"s, for three million one in 30.
	filterBits   = 1 << 25
	filterHashes = 4
)

func newFilter() *filter {
	return &filter{seed: maphash.MakeSeed(), words: make([]atomic.Uint64, filterBits/64)}
}

// bits returns the key's positions, by double hashing one 64-bit hash.
func (f *filter) bits(key string) [filterHashes]uint32 {
	h := maphash.String(f.seed, key)
	h1, h2 := uint32(h), uint32(h>>32)|1
	var b [filterHashes]uint32
	for i := range b {
		b[i] = (h1 + uint32(i)*h2) % filterBits
	}
	return b
}

func (f *filter) add(key string) {
	for _, b := range f.bits(key) {
		w := &f.words[b/64]
		if mask := uint64(1) << (b % 64); w.Load()&mask == 0 {
			w.Or(mask)
		}
	}
}

func (f *filter) has(key string) bool {
	for _, b := range f.bits(key) {
		if f.words[b/64].Load()&(uint64(1)<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

package ledger

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"hash"
)

// Fields is a keyed hash of each of a lead's fields, in an order the
// caller keeps, 8 bytes each: kept with the lead, so that a later row for
// it can be told which fields changed, never what they held. Without the
// ledger's secret a hash cannot be checked against a guessed value.
type Fields []byte

const fieldSize = 8

// arg is f as a statement's argument: NULL when nil.
func (f Fields) arg() any {
	if f == nil {
		return nil
	}
	return []byte(f)
}

// Fields keys each of values, with its place among them.
func (l *Ledger) Fields(values ...string) Fields {
	fs := make(Fields, 0, fieldSize*len(values))
	for i, v := range values {
		sum := l.mac(func(mac hash.Hash) {
			var n [8]byte
			binary.BigEndian.PutUint64(n[:], uint64(i))
			mac.Write([]byte("field"))
			mac.Write(n[:])
			mac.Write([]byte(v))
		})
		fs = append(fs, sum[:fieldSize]...)
	}
	return fs
}

// Changed lists the places of the fields that differ between f and g; a
// field one of them lacks differs.
func (f Fields) Changed(g Fields) []int {
	var changed []int
	for i := 0; i*fieldSize < max(len(f), len(g)); i++ {
		a, b := f.at(i), g.at(i)
		if a == nil || b == nil || !hmac.Equal(a, b) {
			changed = append(changed, i)
		}
	}
	return changed
}

func (f Fields) at(i int) []byte {
	if (i+1)*fieldSize > len(f) {
		return nil
	}
	return f[i*fieldSize : (i+1)*fieldSize]
}

// mac is the HMAC-SHA256, under the ledger's secret, of what write
// writes.
func (l *Ledger) mac(write func(hash.Hash)) [sha256.Size]byte {
	mac, _ := l.macs.Get().(hash.Hash)
	if mac == nil {
		mac = hmac.New(sha256.New, l.secret)
	}
	mac.Reset() // back to the keyed state, without hashing the secret again
	write(mac)
	var sum [sha256.Size]byte
	mac.Sum(sum[:0])
	l.macs.Put(mac)
	return sum
}

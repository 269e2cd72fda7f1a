package ledger

import (
	"strconv"
	"testing"
)

// BenchmarkPendingSent measures the ledger's cost per lead: one committed
// Pending and one Sent.
func BenchmarkPendingSent(b *testing.B) {
	l := newLedger(b)
	r := begin(b, l, "in.csv")
	i := 0
	for b.Loop() {
		k := l.Key("endpoint", "customer", "estate", strconv.Itoa(i))
		if err := r.Pending(k, "in.csv", i); err != nil {
			b.Fatal(err)
		}
		if err := r.Sent(k, "contact", 201); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

package ledger

import (
	"strconv"
	"sync/atomic"
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
		if err := r.Pending(k, "in.csv", i, nil); err != nil {
			b.Fatal(err)
		}
		if err := r.Sent(k, "contact", 201, nil); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkRunWrites measures the ledger's cost per lead as a run has
// it: sixteen workers, each writing a Pending (waiting for its commit)
// and a Sent (not waiting) per lead, so that the writer groups them.
func BenchmarkRunWrites(b *testing.B) {
	l := newLedger(b)
	r := begin(b, l, "in.csv")
	var next atomic.Int64
	b.SetParallelism(16) // 16 × GOMAXPROCS goroutines; what counts is that many wait at once
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			k := l.Key("endpoint", "customer", "estate", strconv.FormatInt(i, 10))
			if err := r.Pending(k, "in.csv", int(i), nil); err != nil {
				b.Error(err)
				return
			}
			if err := r.Sent(k, "contact", 201, nil); err != nil {
				b.Error(err)
				return
			}
		}
	})
	if err := r.Sync(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRunWritesFields is BenchmarkRunWrites with each lead's
// fields, as a run writes them: seven of them, keyed.
func BenchmarkRunWritesFields(b *testing.B) {
	l := newLedger(b)
	r := begin(b, l, "in.csv")
	var next atomic.Int64
	b.SetParallelism(16)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			n := strconv.FormatInt(i, 10)
			k := l.Key("lead", "endpoint", "customer", "estate", "email", "person"+n+"@example.se")
			fields := l.Fields("Åsa\x00Öberg"+n, "19800102-2386\x00", "person"+n+"@example.se\x00", "\x00\x00+46701740605\x00",
				"Storgatan 1\x00111 20\x00Stockholm", "Vill ha slutpris", "Interested\x00\x00Visning")
			if err := r.Pending(k, "in.csv", int(i), fields); err != nil {
				b.Error(err)
				return
			}
			if err := r.Sent(k, "contact", 201, fields); err != nil {
				b.Error(err)
				return
			}
		}
	})
	if err := r.Sync(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkRunWritesAliases is BenchmarkRunWritesFields with the two
// aliases a lead whose row has a personnummer, an e-mail address and a
// name and phone number takes, as the run benchmark's rows do (go test
// -bench RunWritesAliases -benchtime 100000x: a run's 100,000 leads).
func BenchmarkRunWritesAliases(b *testing.B) {
	l := newLedger(b)
	r := begin(b, l, "in.csv")
	var next atomic.Int64
	b.SetParallelism(16)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			i := next.Add(1)
			n := strconv.FormatInt(i, 10)
			k := l.Key("lead", "endpoint", "customer", "estate", "personnummer", n)
			email := l.Key("lead", "endpoint", "customer", "estate", "email", "person"+n+"@example.se")
			phone := l.Key("lead", "endpoint", "customer", "estate", "name and phone", "Åsa Öberg"+n+"\x00+46701740605")
			fields := l.Fields("Åsa\x00Öberg"+n, "19800102-2386\x00", "person"+n+"@example.se\x00", "\x00\x00+46701740605\x00",
				"Storgatan 1\x00111 20\x00Stockholm", "Vill ha slutpris", "Interested\x00\x00Visning")
			if err := r.Pending(k, "/tmp/leadimport-bench-123456789/run.csv", int(i), fields, email, phone); err != nil {
				b.Error(err)
				return
			}
			if err := r.Sent(k, "CON00000001", 201, fields); err != nil {
				b.Error(err)
				return
			}
		}
	})
	if err := r.Sync(); err != nil {
		b.Fatal(err)
	}
}

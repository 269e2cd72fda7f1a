package persons

import (
	"strconv"
	"testing"
)

// benchPerson is row i of a migration: every row another person.
func benchPerson(i int) Person {
	n := strconv.Itoa(i)
	return Person{Endpoint: "FinalPriceWatched", Customer: "M1001", Estate: "OBJ1234", FirstName: "Åsa",
		LastName: "Öberg" + n, Personnummer: "19800102-2386", Email: "person" + n + "@example.se", Phone: "+4670" + n}
}

// BenchmarkAdd is what reading ahead costs a valid, unique row on top of
// mapping it: its keys and fields hashed, and its share of the sort.
func BenchmarkAdd(b *testing.B) {
	ps := make([]Person, 1024)
	for i := range ps {
		ps[i] = benchPerson(i)
		ps[i].Personnummer = "" // unique: the e-mail and the phone are the keys
	}
	f := New(b.TempDir())
	defer f.Close()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := f.Add(i, i+2, &ps[i%len(ps)], false); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkDecide is the rest, for an input of 100,000 unique rows: the
// sorted keys walked, and the verdicts read row by row. Per row.
func BenchmarkDecide(b *testing.B) {
	const rows = 100_000
	ps := make([]Person, rows)
	for i := range ps {
		ps[i] = benchPerson(i)
		ps[i].Personnummer = ""
	}
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		f := New(b.TempDir())
		for i := range ps {
			if err := f.Add(i, i+2, &ps[i], false); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		v, err := f.Verdicts()
		if err != nil {
			b.Fatal(err)
		}
		for i := range rows {
			if _, err := v.At(i); err != nil {
				b.Fatal(err)
			}
		}
		v.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*rows), "ns/row")
}

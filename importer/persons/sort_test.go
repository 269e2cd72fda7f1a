package persons

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSortRecords checks the radix sort of the mentions against
// slices.SortFunc with the codec's cmp, on keys that are all different,
// on keys that many rows share (in one bucket, past insertion), and on
// lengths around the buckets' powers of two.
func TestSortRecords(t *testing.T) {
	tests := []struct {
		name string
		n    int
		keys int // distinct ids; 0: every one different
	}{
		{"few", 70, 0},
		{"unique", 5000, 0},
		{"power of two", 1 << 12, 0},
		{"past a power of two", 1<<12 + 1, 0},
		{"pairs", 4000, 2000},
		{"four of each", 4000, 1000},
		{"one key shared by all", 3000, 1},
		{"a few keys shared by many", 3000, 7},
	}
	var rs radixScratch
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tt.n), uint64(tt.keys)))
			ids := make([]id, tt.keys)
			for i := range ids {
				ids[i] = id{rng.Uint64(), rng.Uint64()}
			}
			mem := make([]mention, tt.n)
			for i := range mem {
				m := &mem[i]
				if tt.keys == 0 {
					m.id = id{rng.Uint64(), rng.Uint64()}
				} else {
					m.id = ids[rng.IntN(tt.keys)]
				}
				if i%5 == 0 { // ids alike in their first bits, apart in the rest
					m.id.lo = uint64(i)
				}
				m.seq, m.number, m.rank = uint32(rng.Perm(1)[0]+i), uint32(i+2), uint8(i%3)
				m.digests[0] = rng.Uint32()
			}
			rng.Shuffle(len(mem), func(i, j int) { mem[i], mem[j] = mem[j], mem[i] })
			want := slices.Clone(mem)
			slices.SortFunc(want, mentionCodec.cmp)
			sortRecords(&mentionCodec, mem, &rs)
			require.Equal(t, want, mem)
		})
	}
}

// TestSortRecordsSameHighBits: ids that differ only in their low 64
// bits all go to one bucket, and are still sorted.
func TestSortRecordsSameHighBits(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	mem := make([]mention, 1000)
	for i := range mem {
		mem[i] = mention{id: id{hi: 42, lo: rng.Uint64()}, seq: uint32(i)}
	}
	want := slices.Clone(mem)
	slices.SortFunc(want, mentionCodec.cmp)
	var rs radixScratch
	sortRecords(&mentionCodec, mem, &rs)
	require.Equal(t, want, mem)
}

func BenchmarkSortMentions(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	orig := make([]mention, mentionsInMemory)
	for i := range orig {
		orig[i] = mention{id: id{rng.Uint64(), rng.Uint64()}, seq: uint32(i)}
	}
	mem := make([]mention, len(orig))
	for _, radix := range []bool{false, true} {
		name := "slices.SortFunc"
		if radix {
			name = "radix"
		}
		b.Run(name, func(b *testing.B) {
			var rs radixScratch
			for b.Loop() {
				copy(mem, orig)
				if radix {
					sortRecords(&mentionCodec, mem, &rs)
				} else {
					slices.SortFunc(mem, mentionCodec.cmp)
				}
			}
		})
	}
}

// TestMergeHalves: the two halves of a merge, read one after the other,
// are the merge, each record in the half its radix says, however the
// records fall in the runs: none in a half, all in one, runs cut at
// their first or last record, and none left in memory.
func TestMergeHalves(t *testing.T) {
	const half = 1 << 63
	tests := []struct {
		name  string
		n     int
		limit int
		hi    func(rng *rand.Rand, i int) uint64
	}{
		{"spread", 5000, 700, func(rng *rand.Rand, _ int) uint64 { return rng.Uint64() }},
		{"all below", 3000, 500, func(rng *rand.Rand, _ int) uint64 { return rng.Uint64() >> 1 }},
		{"all above", 3000, 500, func(rng *rand.Rand, _ int) uint64 { return rng.Uint64() | half }},
		{"at the edge", 3000, 500, func(rng *rand.Rand, i int) uint64 { return half - 1 + uint64(i%2) }},
		{"in memory only", 400, 1000, func(rng *rand.Rand, _ int) uint64 { return rng.Uint64() }},
		{"full runs", 2000, 500, func(rng *rand.Rand, _ int) uint64 { return rng.Uint64() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(tt.n), uint64(tt.limit)))
			sp := &spill{dir: t.TempDir()}
			defer sp.close()
			s := newSorter(&mentionCodec, tt.limit, sp)
			var want []mention
			for i := range tt.n {
				m := mention{id: id{tt.hi(rng, i), rng.Uint64()}, seq: uint32(i), number: uint32(i + 2)}
				want = append(want, m)
				require.NoError(t, s.add(&m))
			}
			slices.SortFunc(want, mentionCodec.cmp)
			halves, err := s.mergeHalves()
			require.NoError(t, err)
			var got []mention
			for h, m := range halves {
				for r, err := m.next(); r != nil || err != nil; r, err = m.next() {
					require.NoError(t, err)
					require.Equal(t, h == 1, r.id.hi >= half, "record %v in half %d", r.id, h)
					got = append(got, *r)
				}
			}
			require.Equal(t, want, got)
		})
	}
}

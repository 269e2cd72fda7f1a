package persons

import (
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHasPointers: only records the collector need not look into may be
// held off the heap; a pointer hidden in a field or an array is found.
func TestHasPointers(t *testing.T) {
	tests := []struct {
		v    any
		want bool
	}{
		{mention{}, false},
		{group{}, false},
		{verdictRec{}, false},
		{[4]uint32{}, false},
		{struct {
			a uint8
			b [2]struct{ c float64 }
		}{}, false},
		{uintptr(0), false},
		{[0]*int{}, false},
		{"", true},
		{[]byte{}, true},
		{new(int), true},
		{map[int]int{}, true},
		{struct{ a [2]*int }{}, true},
		{struct {
			a uint64
			b struct{ s string }
		}{}, true},
		{[3]any{}, true},
	}
	for _, tt := range tests {
		t.Run(reflect.TypeOf(tt.v).String(), func(t *testing.T) {
			assert.Equal(t, tt.want, hasPointers(reflect.TypeOf(tt.v)))
		})
	}
	require.Panics(t, func() { offHeap[struct{ s string }](4) })
}

// TestOffHeap: the room comes empty and zeroed, holds what is written to
// every record of it, and is given back once.
func TestOffHeap(t *testing.T) {
	for _, n := range []int{1, 3, 1000, mentionsInMemory} {
		recs, free := offHeap[mention](n)
		require.Len(t, recs, 0)
		require.Equal(t, n, cap(recs))
		recs = recs[:n]
		for i := range recs {
			require.Zero(t, recs[i])
			recs[i] = mention{id: id{uint64(i), ^uint64(i)}, seq: uint32(i), digests: digests{3: uint32(i)}}
		}
		for i := range recs {
			require.Equal(t, uint32(i), recs[i].digests[3])
		}
		free()
	}
}

// TestMentionsOffTheHeap: a Finder's buffers of keys are not on the Go
// heap, which grows by far less than they hold while they fill, and
// are given back by Verdicts (or by Close, instead of it);
// the verdicts' buffer is given back by their Close.
func TestMentionsOffTheHeap(t *testing.T) {
	if !offHeapMemory {
		t.Skip("no memory off the heap on " + runtime.GOOS + ": the buffers are on it")
	}
	f := New(t.TempDir())
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	// Persons with one key each fill both buffers, and the first is sorted
	// and written while the second fills.
	addPersons(t, f, 2*mentionsInMemory-1)
	runtime.GC()
	runtime.ReadMemStats(&after)
	// What the heap does hold (a sort's scratch, a write's buffer) is
	// less than one buffer.
	buffer := mentionsInMemory * int(reflect.TypeFor[mention]().Size())
	assert.Less(t, int(after.HeapAlloc)-int(before.HeapAlloc), buffer,
		"the keys' buffers (%d bytes each) are on the heap", buffer)
	// A second buffer is made only if the first is still being written
	// when the second is needed.
	require.NotEmpty(t, f.mentions.frees)
	require.LessOrEqual(t, len(f.mentions.frees), 2)

	// Three rows of one person: a group, and verdicts, also off the heap.
	for i := range 3 {
		p := row{email: "p0@example.se"}.person()
		require.NoError(t, f.Add(2*mentionsInMemory+i, 2*mentionsInMemory+i+2, &p, false))
	}
	v, err := f.Verdicts()
	require.NoError(t, err)
	assert.Nil(t, f.mentions.frees, "Verdicts gave the buffers back")
	assert.Nil(t, f.mentions.mem)
	assert.Equal(t, 0, v.Conflicts())
	got, err := v.At(2 * mentionsInMemory)
	require.NoError(t, err)
	assert.Equal(t, dup(2), got, "the row repeats row 2, the first of p0")
	require.Len(t, v.sorter.frees, 1, "the verdicts' buffer")
	require.NoError(t, v.Close())
	assert.Nil(t, v.sorter.frees, "Verdicts.Close gave it back")

	g := New(t.TempDir())
	addPersons(t, g, mentionsInMemory+5)
	require.NoError(t, g.Close())
	assert.Nil(t, g.mentions.frees, "Close gave the buffers back")
}

// TestVerdictsFailedGiveBack: a Finder that cannot write its scratch
// file fails in Verdicts, and has given its buffers back all the same,
// its flusher done.
func TestVerdictsFailedGiveBack(t *testing.T) {
	gone := filepath.Join(t.TempDir(), "gone") // no such folder: the first run cannot be written
	for _, v := range []string{"TMPDIR", "TMP", "TEMP"} {
		t.Setenv(v, gone) // nor in the system's temporary folder
	}
	f := New(gone)
	addPersons(t, f, 2*mentionsInMemory+5)
	_, err := f.Verdicts()
	require.Error(t, err)
	assert.Nil(t, f.mentions.frees)
	assert.Nil(t, f.mentions.full, "the flusher was waited for")
}

// TestTighterGC: decide's room for the collector is lower than GOGC's,
// never higher, and the collector stays off if it was.
func TestTighterGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tt := range []struct{ before, during int }{{100, 25}, {400, 25}, {25, 25}, {10, 10}, {-1, -1}} {
		debug.SetGCPercent(tt.before)
		restore := tighterGC(25)
		assert.Equal(t, tt.during, debug.SetGCPercent(tt.during), "GOGC=%d", tt.before)
		restore()
		assert.Equal(t, tt.before, debug.SetGCPercent(tt.before), "GOGC=%d, put back", tt.before)
	}
}

// addPersons adds n persons, each with an e-mail address of its own and
// nothing else: one key a row.
func addPersons(t *testing.T, f *Finder, n int) {
	t.Helper()
	for i := range n {
		p := row{email: fmt.Sprintf("p%d@example.se", i)}.person()
		require.NoError(t, f.Add(i, i+2, &p, false))
	}
}

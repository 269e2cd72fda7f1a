package persons

import (
	"fmt"
	"reflect"
)

// The mentions' sort buffers are the one large thing a check keeps in
// memory from its first row to its last, and the garbage collector lets
// the heap grow to twice what is live before it collects: every MB held
// on the heap costs two of the process's peak. So a sorter's buffers are
// held outside the Go heap (mapped from the operating system, see
// offheap_unix.go), where they cost the MB they are, and only the pages
// written: the buffers of the rarer records (groups, verdicts) are made
// whole, as the mentions' are, and cost what they hold. The collector
// neither counts nor scans them. That is only sound for records without
// pointers, which offHeap checks; and the memory is the sorter's to give
// back (release), as nothing else frees it.
//
// A merge's read buffers stay on the heap: they are made at the end of
// the reading, when the heap has room left by what the reading dropped,
// and off it they made the peak higher.

// offHeap returns room for n records of T outside the Go heap, empty, and
// the func that gives it back; nothing may use the records after that.
// Where the system has no such memory (offheap_other.go) it is a slice
// made as usual, and free does nothing.
func offHeap[T any](n int) (recs []T, free func()) {
	if t := reflect.TypeFor[T](); hasPointers(t) {
		panic(fmt.Sprintf("persons: %v holds pointers: not off the heap", t))
	}
	return allocOffHeap[T](n)
}

// hasPointers says whether a value of t holds a pointer the garbage
// collector would follow.
func hasPointers(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	case reflect.Array:
		return t.Len() > 0 && hasPointers(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if hasPointers(t.Field(i).Type) {
				return true
			}
		}
		return false
	}
	return true // pointers, slices, strings, maps, channels, funcs, interfaces
}

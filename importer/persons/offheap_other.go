//go:build !unix

package persons

const offHeapMemory = false

// allocOffHeap, where no memory is mapped outside the heap (Windows), makes
// the records on the heap.
func allocOffHeap[T any](n int) ([]T, func()) {
	return make([]T, 0, n), func() {}
}

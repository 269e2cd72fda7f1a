//go:build unix

package persons

import (
	"syscall"
	"unsafe"
)

// offHeapMemory: a sorter's buffers are mapped, and a buffer's pages take
// memory only once written.
const offHeapMemory = true

// allocOffHeap maps anonymous memory for n records: the system gives it
// zeroed, and a page becomes resident only once written.
func allocOffHeap[T any](n int) ([]T, func()) {
	size := n * int(unsafe.Sizeof(*new(T)))
	if size == 0 {
		return make([]T, 0, n), func() {}
	}
	b, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		// No mapping to be had (a limit on them, say): the heap will do.
		return make([]T, 0, n), func() {}
	}
	recs := unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(b))), n)[:0]
	return recs, func() { syscall.Munmap(b) }
}

package persons

import (
	"bufio"
	"io"
	"slices"
	"sort"
	"sync"

	"leadimport/importer/scratch"
)

// codec is how records of one type are laid out in the scratch file, and
// the order they are sorted in. cmp takes its records by value: through
// a func value, their addresses would escape, a heap allocation each time
// the sort compares two.
type codec[T any] struct {
	size int
	put  func(b []byte, r *T)
	get  func(b []byte, r *T)
	cmp  func(a, b T) int
	// radix, when set, is a record's first 64 bits in cmp's order
	// (radix(a) < radix(b) means a comes first), spread evenly over
	// their range, as a hash's are: the records are then sorted by them
	// in linear time (sortRecords), cmp deciding only between records
	// whose first bits are alike.
	radix func(r *T) uint64
}

// spill is the scratch file the sorters of one Finder share, made when
// the first of them needs it: an input whose rows fit in memory never
// touches the disk.
type spill struct {
	dir string
	// mu keeps the writes of sorters that flush at once (the halves of
	// decide's first walk) one after the other, and f with them.
	mu sync.Mutex
	f  *scratch.File
}

// write appends b to the scratch file, made by the first write, and
// returns where it starts. It encrypts b in place.
func (s *spill) write(b []byte) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		f, err := scratch.New(s.dir, ".leadimport-persons-*")
		if err != nil {
			return 0, err
		}
		s.f = f
	}
	return s.f.Write(b)
}

// reader reads n bytes from off, decrypted; only what was written.
func (s *spill) reader(off, n int64) io.Reader {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.f.Reader(off, n)
}

func (s *spill) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.f == nil {
		return nil
	}
	return s.f.Close()
}

// sorter sorts more records than memory should hold, as an external
// sort does: it keeps up to limit of them in memory and, when that fills,
// sorts them and writes them to the scratch file as a run. Reading merges
// the runs and what is still in memory, in order, as often as asked.
// Memory stays at limit records whatever the count.
type sorter[T any] struct {
	c     *codec[T]
	limit int
	spill *spill
	mem   []T
	runs  []run
	radix radixScratch // sortRecords', kept for the next sort
	out   []byte       // flush's, kept for the next

	// With a flusher (background), a full buffer is sorted and written
	// by a goroutine of its own while add fills a second one, so that
	// add's callers do not wait for the sort; add waits only when both
	// are full. Memory is two buffers then.
	full    chan []T
	spare   chan []T
	buffers int
	flushed chan error
	// frees give back the buffers, held off the heap (offHeap): release
	// calls them.
	frees []func()
}

// run is a sorted run in the scratch file: n records from off.
type run struct{ off, n int64 }

func newSorter[T any](c *codec[T], limit int, s *spill) *sorter[T] {
	return &sorter[T]{c: c, limit: limit, spill: s}
}

func (s *sorter[T]) add(r *T) error {
	if s.mem == nil && (s.full != nil || offHeapMemory) {
		// A buffer is made whole: off the heap, only the pages written
		// take memory. On the heap (Windows) only a sorter with a flusher
		// (the mentions) fills its buffers, made whole, as growing them
		// would leave twice their size behind; the others hold the rarer
		// records (groups, verdicts), and grow.
		s.mem = s.buffer()
	}
	if len(s.mem) == s.limit {
		if err := s.handOver(); err != nil {
			return err
		}
	}
	s.mem = append(s.mem, *r)
	return nil
}

// background starts the flusher. Every record must be added before
// finish, and finish called before merge.
func (s *sorter[T]) background() {
	full, spare, flushed := make(chan []T), make(chan []T, 2), make(chan error, 1)
	s.full, s.spare, s.flushed, s.buffers = full, spare, flushed, 1
	go func() {
		var err error
		for mem := range full {
			if err == nil {
				err = s.flush(mem)
			}
			spare <- mem[:0] // after an error too: add must not wait forever
		}
		flushed <- err
	}()
}

// handOver makes room in memory: the full buffer goes to the scratch
// file, by the flusher when there is one.
func (s *sorter[T]) handOver() error {
	if s.full == nil {
		err := s.flush(s.mem)
		s.mem = s.mem[:0]
		return err
	}
	s.full <- s.mem
	select {
	case s.mem = <-s.spare:
	default:
		if s.buffers < 2 {
			s.buffers++
			s.mem = s.buffer()
		} else {
			s.mem = <-s.spare
		}
	}
	return nil
}

// buffer is a buffer of limit records, made whole, off the heap.
func (s *sorter[T]) buffer() []T {
	mem, free := offHeap[T](s.limit)
	s.frees = append(s.frees, free)
	return mem
}

// finish waits for the flusher to be done, and returns a write that
// failed.
func (s *sorter[T]) finish() error {
	if s.full == nil {
		return nil
	}
	close(s.full)
	s.full = nil
	return <-s.flushed
}

// flush writes mem to the scratch file as a sorted run, a buffer at a
// time.
func (s *sorter[T]) flush(mem []T) error {
	// The records are written in order, wherever they are in mem.
	order := sortOrder(s.c, mem, &s.radix)
	at := func(k int) *T { return &mem[k] }
	if order != nil {
		at = func(k int) *T { return &mem[order[k]] }
	}
	const chunk = 64 << 10
	per := max(1, chunk/s.c.size)
	if s.out == nil {
		s.out = make([]byte, per*s.c.size)
	}
	buf := s.out
	start := int64(-1)
	for i := 0; i < len(mem); i += per {
		n := min(per, len(mem)-i)
		b := buf[:n*s.c.size]
		for j := range n {
			s.c.put(b[j*s.c.size:], at(i+j))
		}
		off, err := s.spill.write(b)
		if err != nil {
			return err
		}
		if start < 0 {
			start = off
		}
	}
	s.runs = append(s.runs, run{off: start, n: int64(len(mem))})
	return nil
}

// merge starts a walk over every record added, in order. No record may
// be added once a walk has started.
func (s *sorter[T]) merge() *merger[T] {
	sortRecords(s.c, s.mem, &s.radix)
	return s.merger(s.mem, s.runs, mergeBuffers)
}

// merger walks mem, sorted, and runs of s's scratch file as one sequence.
// The runs' read buffers share buffers bytes: a run's records are read in
// order, and the file is in the system's cache.
func (s *sorter[T]) merger(mem []T, runs []run, buffers int) *merger[T] {
	m := &merger[T]{c: s.c}
	if len(mem) > 0 {
		m.sources = append(m.sources, &source[T]{mem: mem})
	}
	size := min(32<<10, max(2<<10, buffers/max(1, len(runs))))
	for _, r := range runs {
		if r.n == 0 {
			continue
		}
		m.sources = append(m.sources, &source[T]{
			r:    bufio.NewReaderSize(s.spill.reader(r.off, r.n*int64(s.c.size)), size),
			left: r.n, buf: make([]byte, s.c.size)})
	}
	return m
}

// mergeHalves is merge in two walks that may go at once: the first over
// the records whose radix is in the lower half of its range, the second
// over the others, which all come after them. Each run is cut where its
// records pass half the range (found by a binary search in the file).
// s's codec must have a radix.
func (s *sorter[T]) mergeHalves() (halves [2]*merger[T], err error) {
	const half = 1 << 63
	sortRecords(s.c, s.mem, &s.radix)
	cut := sort.Search(len(s.mem), func(i int) bool { return s.c.radix(&s.mem[i]) >= half })
	lower, upper := make([]run, 0, len(s.runs)), make([]run, 0, len(s.runs))
	buf := make([]byte, s.c.size)
	var rec T
	for _, r := range s.runs {
		k := sort.Search(int(r.n), func(i int) bool {
			if err != nil {
				return true
			}
			if _, err = io.ReadFull(s.spill.reader(r.off+int64(i*s.c.size), int64(s.c.size)), buf); err != nil {
				return true
			}
			s.c.get(buf, &rec)
			return s.c.radix(&rec) >= half
		})
		if err != nil {
			return halves, err
		}
		size := int64(s.c.size)
		lower = append(lower, run{off: r.off, n: int64(k)})
		upper = append(upper, run{off: r.off + int64(k)*size, n: r.n - int64(k)})
	}
	halves[0] = s.merger(s.mem[:cut], lower, mergeBuffers/2)
	halves[1] = s.merger(s.mem[cut:], upper, mergeBuffers/2)
	return halves, nil
}

// mergeBuffers is the memory a merge's read buffers share: 32 KiB a run
// up to 32 runs, less each past that, 2 KiB at least. The keys of a
// 1,000,000-row check are some 370 runs, merged in two halves at once: at
// 4 KiB a run their buffers, 3 MB, were a check's peak of memory; at 2 KiB
// the reads cost 1% more of its CPU.
const mergeBuffers = 1 << 20

// release gives back the memory of a sorter that will not be read again,
// nor its records: once the flusher is done with its buffers, they go
// back to the system. It may be called more than once.
func (s *sorter[T]) release() {
	if s.full != nil {
		s.finish() // a failed write no longer matters to a sorter let go
	}
	for _, free := range s.frees {
		free()
	}
	s.mem, s.radix, s.out, s.frees = nil, radixScratch{}, nil, nil
}

// source is one sorted run being read: from memory, or from the file.
type source[T any] struct {
	mem  []T
	r    *bufio.Reader
	left int64
	buf  []byte
	cur  T
	key  uint64 // cur's radix, when the codec has one
}

// next moves to the source's next record; false at its end.
func (s *source[T]) next(c *codec[T]) (bool, error) {
	if s.r == nil {
		if len(s.mem) == 0 {
			return false, nil
		}
		s.cur, s.mem = s.mem[0], s.mem[1:]
	} else {
		if s.left == 0 {
			return false, nil
		}
		if _, err := io.ReadFull(s.r, s.buf); err != nil {
			return false, err
		}
		s.left--
		c.get(s.buf, &s.cur)
	}
	if c.radix != nil {
		s.key = c.radix(&s.cur)
	}
	return true, nil
}

// merger walks sorted runs as one sequence: a heap of the runs, ordered
// by their next record.
type merger[T any] struct {
	c       *codec[T]
	sources []*source[T] // before the first next: every run; then the heap
	heap    []*source[T]
	started bool
}

// next returns the next record in order, or nil at the end. The record
// is valid until the following call.
func (m *merger[T]) next() (*T, error) {
	if !m.started {
		m.started = true
		for _, s := range m.sources {
			ok, err := s.next(m.c)
			if err != nil {
				return nil, err
			}
			if ok {
				m.heap = append(m.heap, s)
			}
		}
		for i := len(m.heap)/2 - 1; i >= 0; i-- {
			m.down(i)
		}
		m.sources = nil
	} else if len(m.heap) > 0 {
		// The record handed out last is done with: its run moves on.
		ok, err := m.heap[0].next(m.c)
		if err != nil {
			return nil, err
		}
		if !ok {
			last := len(m.heap) - 1
			m.heap[0] = m.heap[last]
			m.heap = m.heap[:last]
		}
		if len(m.heap) > 0 {
			m.down(0)
		}
	}
	if len(m.heap) == 0 {
		return nil, nil
	}
	return &m.heap[0].cur, nil
}

func (m *merger[T]) less(i, j int) bool {
	a, b := m.heap[i], m.heap[j]
	if m.c.radix != nil && a.key != b.key { // most records differ in their radix: no call of cmp
		return a.key < b.key
	}
	return m.c.cmp(a.cur, b.cur) < 0
}

func (m *merger[T]) down(i int) {
	for {
		l := 2*i + 1
		if l >= len(m.heap) {
			return
		}
		small := l
		if r := l + 1; r < len(m.heap) && m.less(r, l) {
			small = r
		}
		if !m.less(small, i) {
			return
		}
		m.heap[i], m.heap[small] = m.heap[small], m.heap[i]
		i = small
	}
}

// sortRecords sorts mem in c's order. With c.radix, it puts each record
// in a bucket by the top bits of its radix, about as many buckets as
// records, so that most buckets hold one record, and sorts what shares
// a bucket: two passes over the records where a comparison sort takes
// some log2(len(mem)) of them, each a call of cmp.
func sortRecords[T any](c *codec[T], mem []T, rs *radixScratch) {
	if order := sortOrder(c, mem, rs); order != nil {
		permute(mem, order)
	}
}

// sortOrder is sortRecords without the moving: it returns the order of
// mem's records (mem[order[0]] first), or nil when it sorted mem in
// place.
func sortOrder[T any](c *codec[T], mem []T, rs *radixScratch) []uint32 {
	if c.radix == nil || len(mem) < 64 {
		slices.SortFunc(mem, c.cmp)
		return nil
	}
	bits := min(bitsFor(len(mem)), 20)
	shift := 64 - bits
	// start[b] is where bucket b begins in order, once counted.
	start := rs.get(&rs.start, 1<<bits+1)
	for i := range mem {
		start[c.radix(&mem[i])>>shift+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	// order[k] is the record that goes to place k; next[b] where bucket
	// b's next record goes.
	order := rs.get(&rs.order, len(mem))
	next := rs.get(&rs.next, len(start)-1)
	copy(next, start)
	for i := range mem {
		b := c.radix(&mem[i]) >> shift
		order[next[b]] = uint32(i)
		next[b]++
	}
	for b := range len(start) - 1 {
		if part := order[start[b]:start[b+1]]; len(part) > 1 {
			sortPart(c, mem, part)
		}
	}
	return order
}

// radixScratch is sortOrder's memory, kept from one sort to the next.
type radixScratch struct{ start, order, next []uint32 }

// get returns (*buf)[:n], zeroed, growing *buf when it is shorter.
func (rs *radixScratch) get(buf *[]uint32, n int) []uint32 {
	if cap(*buf) < n {
		*buf = make([]uint32, n)
	}
	b := (*buf)[:n]
	clear(b)
	return b
}

// bitsFor is how many bits number about n buckets.
func bitsFor(n int) int {
	b := 1
	for 1<<b < n {
		b++
	}
	return b
}

// sortPart sorts the records of one bucket (their places in mem): by
// their radix, cmp deciding only when two radixes are alike, and by
// insertion when they are few, as they nearly always are.
func sortPart[T any](c *codec[T], mem []T, part []uint32) {
	less := func(a, b uint32) bool {
		ra, rb := c.radix(&mem[a]), c.radix(&mem[b])
		return ra < rb || ra == rb && c.cmp(mem[a], mem[b]) < 0
	}
	if len(part) > 12 { // many rows share a key
		slices.SortFunc(part, func(a, b uint32) int {
			if less(a, b) {
				return -1
			}
			return c.cmp(mem[a], mem[b])
		})
		return
	}
	for i := 1; i < len(part); i++ {
		for j := i; j > 0 && less(part[j], part[j-1]); j-- {
			part[j], part[j-1] = part[j-1], part[j]
		}
	}
}

// permute moves mem[order[k]] to mem[k] for every k, in place, a cycle
// at a time; order is used up.
func permute[T any](mem []T, order []uint32) {
	for i := range order {
		if order[i] == uint32(i) {
			continue
		}
		held := mem[i]
		j := i
		for {
			k := int(order[j])
			order[j] = uint32(j)
			if k == i {
				mem[j] = held
				break
			}
			mem[j] = mem[k]
			j = k
		}
	}
}

package persons

import (
	"cmp"
	"encoding/binary"
	"runtime/debug"
	"sync"

	"leadimport/importer/msg"
)

// A key that two rows or more share makes a group. decide sorts every
// row's keys, so that a group's rows come together in input order, and
// walks them twice: the first walk works out each group's state (what
// its rows say of the person, and whether two of them disagree), the
// second gives each row of a group its verdict from that state. The
// verdicts are sorted by row for reading in input order. Only groups
// and their rows' verdicts are kept, and those in sorters too, so memory
// stays flat however many rows share keys.

// group is what the rows sharing one key say of the person, once all
// are read.
type group struct {
	id id
	// merged holds each field as the first row to give it gave it, of
	// the rows that agree; provider is that row's number.
	merged   digests
	provider [numCompared]uint32
	// first is the group's earliest row: a later row that agrees with
	// it repeats it, whichever of its keys this is.
	firstSeq, firstNumber uint32
	// conflicted: row x gave another field than row y, which gave it
	// first. Every row of the group is a conflict then.
	conflicted       bool
	field            uint8 // index into compared
	ySeq             uint32
	yNumber, xNumber uint32
}

// disagree returns the first field a and b both give, differently.
func disagree(a, b *digests) (int, bool) {
	for i := range a {
		if a[i] != 0 && b[i] != 0 && a[i] != b[i] {
			return i, true
		}
	}
	return 0, false
}

// builder works out one group's state over its rows in input order.
type builder struct {
	g           group
	providerSeq [numCompared]uint32
	rows        int
}

func (b *builder) start(m *mention) {
	b.g = group{id: m.id, merged: m.digests, firstSeq: m.seq, firstNumber: m.number}
	for i, d := range m.digests {
		if d != 0 {
			b.g.provider[i], b.providerSeq[i] = m.number, m.seq
		}
	}
	b.rows = 1
}

func (b *builder) add(m *mention) {
	b.rows++
	g := &b.g
	if f, ok := disagree(&m.digests, &g.merged); ok {
		if !g.conflicted {
			g.conflicted, g.field = true, uint8(f)
			g.ySeq, g.yNumber, g.xNumber = b.providerSeq[f], g.provider[f], m.number
		}
		return // a row that disagrees gives the group nothing
	}
	for i, d := range m.digests {
		if d != 0 && g.merged[i] == 0 {
			g.merged[i], g.provider[i], b.providerSeq[i] = d, m.number, m.seq
		}
	}
}

// verdict kinds, in the order a row's verdicts are read: a conflict
// from any of its keys comes before a duplicate.
const (
	conflictWith    uint8 = iota // the row disagrees with row a
	conflictBetween              // the row shares a key with rows a and b, which disagree
	duplicateOf                  // the row repeats row a
)

// verdictRec is one verdict on one row, from one of its keys.
type verdictRec struct {
	seq      uint32
	kind     uint8
	rank     uint8
	identity msg.Identity
	field    msg.PersonField
	a, b     uint32
}

// verdict is the verdict on row m from the group of one of its keys,
// and false when the group has nothing to say of it.
func (g *group) verdict(m *mention) (verdictRec, bool) {
	v := verdictRec{seq: m.seq, rank: m.rank, identity: m.identity}
	switch f, ok := disagree(&m.digests, &g.merged); {
	case ok:
		v.kind, v.field, v.a = conflictWith, compared[f], g.provider[f]
	case g.conflicted && m.seq == g.ySeq:
		v.kind, v.field, v.a = conflictWith, compared[g.field], g.xNumber
	case g.conflicted:
		v.kind, v.field, v.a, v.b = conflictBetween, compared[g.field], g.yNumber, g.xNumber
	case m.seq != g.firstSeq:
		v.kind, v.a = duplicateOf, g.firstNumber
	default:
		return v, false
	}
	return v, true
}

// decide walks the sorted keys, as described above. The first walk
// reads every key; it keeps the keys of the groups aside (a group's first
// key waits for a second), so the second walk reads only those: in most
// inputs few rows share a key. The first walk is the costly one, and a
// group is one key: it is made in two halves at once, the keys of the
// lower half of the hashes' range and those of the upper (mergeHalves),
// each keeping its groups apart, and the second walk reads the lower
// half's, then the upper's, in key order still.
func (f *Finder) decide() (*Verdicts, error) {
	defer tighterGC(decideGCPercent)()
	halves, err := f.mentions.mergeHalves()
	if err != nil {
		return nil, err
	}
	var walks [2]firstWalk
	var wg sync.WaitGroup
	for i := range walks {
		wg.Go(func() { walks[i] = f.walk(halves[i], max(1, f.groupsLimit/2)) })
	}
	wg.Wait()
	defer func() {
		for _, w := range walks { // a sorter's memory is given back whatever happens
			w.groups.release()
			w.shared.release()
		}
	}()
	for _, w := range walks {
		if w.err != nil {
			return nil, w.err
		}
	}
	f.mentions.release()

	verdicts := newSorter(&verdictCodec, f.verdictsLimit, f.spill)
	for _, w := range walks {
		if err := w.verdicts(verdicts); err != nil {
			verdicts.release()
			return nil, err
		}
	}
	v, err := newVerdicts(verdicts, f.spill)
	if err != nil {
		verdicts.release()
	}
	return v, err
}

// firstWalk is what the first walk over some keys found: their groups,
// and the keys of the rows in them.
type firstWalk struct {
	groups *sorter[group]
	shared *sorter[mention]
	err    error
}

// walk is the first walk over the keys m reads, keeping up to limit
// groups and keys in memory.
func (f *Finder) walk(m *merger[mention], limit int) firstWalk {
	w := firstWalk{groups: newSorter(&groupCodec, limit, f.spill), shared: newSorter(&mentionCodec, limit, f.spill)}
	var b builder
	cur, err := m.next()
	for cur != nil && err == nil {
		first := *cur
		if cur, err = m.next(); cur == nil || err != nil || cur.id != first.id {
			continue // a key no other row has, as most are: no group
		}
		b.start(&first)
		err = w.shared.add(&first)
		for ; cur != nil && err == nil && cur.id == b.g.id; cur, err = m.next() {
			if err = w.shared.add(cur); err != nil {
				break
			}
			b.add(cur)
		}
		if err == nil {
			err = w.groups.add(&b.g)
		}
	}
	w.err = err
	return w
}

// verdicts is the second walk over w's keys: each row of a group gets
// its verdict from the group, added to verdicts.
func (w *firstWalk) verdicts(verdicts *sorter[verdictRec]) error {
	m, gm := w.shared.merge(), w.groups.merge()
	var g *group
	var err error
	var cur *mention
	for cur, err = m.next(); cur != nil && err == nil; cur, err = m.next() {
		if g == nil || g.id != cur.id {
			if g, err = gm.next(); err != nil {
				return err
			}
		}
		// Every key kept aside has its group, in the same order.
		if cur.sent {
			continue
		}
		if v, ok := g.verdict(cur); ok {
			if err := verdicts.add(&v); err != nil {
				return err
			}
		}
	}
	if err != nil {
		return err
	}
	w.groups.release()
	w.shared.release()
	return nil
}

// Verdict is what the rows sharing its keys say of a row.
type Verdict struct {
	// Conflict says why the row is not sent: it disagrees with another
	// row about who the person is, or shares a key with rows that
	// disagree. Nil: it does neither.
	Conflict msg.Message
	// Duplicate: the row repeats row SameAs, whose strongest key it
	// has, and says nothing that disagrees with it.
	Duplicate bool
	SameAs    int
}

// Verdicts are the verdicts on an input's rows, read in input order.
type Verdicts struct {
	sorter    *sorter[verdictRec]
	spill     *spill
	conflicts int
	m         *merger[verdictRec]
	cur       *verdictRec
}

func newVerdicts(s *sorter[verdictRec], sp *spill) (*Verdicts, error) {
	v := &Verdicts{sorter: s, spill: sp}
	// The conflicts are counted before any row is read for sending:
	// --max-invalid counts them with the invalid rows.
	m := s.merge()
	last := int64(-1)
	for r, err := m.next(); r != nil || err != nil; r, err = m.next() {
		if err != nil {
			return nil, err
		}
		if int64(r.seq) != last && r.kind != duplicateOf {
			v.conflicts++
		}
		last = int64(r.seq)
	}
	v.m = s.merge()
	var err error
	v.cur, err = v.m.next()
	return v, err
}

// Conflicts is how many rows are conflicts.
func (v *Verdicts) Conflicts() int { return v.conflicts }

// At returns the verdict on the row at seq. Ask in input order: a row
// passed is not read again.
func (v *Verdicts) At(seq int) (Verdict, error) {
	if v == nil {
		return Verdict{}, nil
	}
	var err error
	for v.cur != nil && int64(v.cur.seq) < int64(seq) {
		if v.cur, err = v.m.next(); err != nil {
			return Verdict{}, err
		}
	}
	if v.cur == nil || int64(v.cur.seq) != int64(seq) {
		return Verdict{}, nil
	}
	// A row's verdicts are sorted conflicts first, strongest key first:
	// the first says it.
	r := v.cur
	switch r.kind {
	case conflictWith:
		return Verdict{Conflict: msg.SameButOther{Identity: r.identity, Row: int(r.a), Field: r.field}}, nil
	case conflictBetween:
		return Verdict{Conflict: msg.SameAsDisagreeing{Identity: r.identity, A: int(r.a), B: int(r.b), Field: r.field}}, nil
	}
	return Verdict{Duplicate: true, SameAs: int(r.a)}, nil
}

// Close removes the scratch file.
func (v *Verdicts) Close() error {
	v.sorter.release()
	v.cur = nil
	return v.spill.close()
}

// The records' layouts. Numbers are big-endian; a record's fields in
// the order of its struct.

var mentionCodec = codec[mention]{
	size: 16 + 4 + 4 + 4*numCompared + 3,
	put: func(b []byte, m *mention) {
		m.id.put(b)
		binary.BigEndian.PutUint32(b[16:], m.seq)
		binary.BigEndian.PutUint32(b[20:], m.number)
		putDigests(b[24:], &m.digests)
		b[40], b[41], b[42] = byte(m.identity), m.rank, boolByte(m.sent)
	},
	get: func(b []byte, m *mention) {
		m.id.get(b)
		m.seq = binary.BigEndian.Uint32(b[16:])
		m.number = binary.BigEndian.Uint32(b[20:])
		getDigests(b[24:], &m.digests)
		m.identity, m.rank, m.sent = msg.Identity(b[40]), b[41], b[42] != 0
	},
	// By key, and a key's rows in input order.
	cmp: func(a, b mention) int {
		if c := a.id.compare(b.id); c != 0 {
			return c
		}
		return cmp.Compare(a.seq, b.seq)
	},
	radix: func(m *mention) uint64 { return m.id.hi },
}

var groupCodec = codec[group]{
	size: 16 + 4*numCompared + 4*numCompared + 4 + 4 + 2 + 4 + 4 + 4,
	put: func(b []byte, g *group) {
		g.id.put(b)
		putDigests(b[16:], &g.merged)
		for i, p := range g.provider {
			binary.BigEndian.PutUint32(b[32+4*i:], p)
		}
		binary.BigEndian.PutUint32(b[48:], g.firstSeq)
		binary.BigEndian.PutUint32(b[52:], g.firstNumber)
		b[56], b[57] = boolByte(g.conflicted), g.field
		binary.BigEndian.PutUint32(b[58:], g.ySeq)
		binary.BigEndian.PutUint32(b[62:], g.yNumber)
		binary.BigEndian.PutUint32(b[66:], g.xNumber)
	},
	get: func(b []byte, g *group) {
		g.id.get(b)
		getDigests(b[16:], &g.merged)
		for i := range g.provider {
			g.provider[i] = binary.BigEndian.Uint32(b[32+4*i:])
		}
		g.firstSeq = binary.BigEndian.Uint32(b[48:])
		g.firstNumber = binary.BigEndian.Uint32(b[52:])
		g.conflicted, g.field = b[56] != 0, b[57]
		g.ySeq = binary.BigEndian.Uint32(b[58:])
		g.yNumber = binary.BigEndian.Uint32(b[62:])
		g.xNumber = binary.BigEndian.Uint32(b[66:])
	},
	// Groups are made in key order: a group is one key.
	cmp: func(a, b group) int { return a.id.compare(b.id) },
}

var verdictCodec = codec[verdictRec]{
	size: 4 + 4 + 4 + 4,
	put: func(b []byte, v *verdictRec) {
		binary.BigEndian.PutUint32(b, v.seq)
		b[4], b[5], b[6], b[7] = v.kind, v.rank, byte(v.identity), byte(v.field)
		binary.BigEndian.PutUint32(b[8:], v.a)
		binary.BigEndian.PutUint32(b[12:], v.b)
	},
	get: func(b []byte, v *verdictRec) {
		v.seq = binary.BigEndian.Uint32(b)
		v.kind, v.rank, v.identity, v.field = b[4], b[5], msg.Identity(b[6]), msg.PersonField(b[7])
		v.a = binary.BigEndian.Uint32(b[8:])
		v.b = binary.BigEndian.Uint32(b[12:])
	},
	// By row; a row's conflicts before a duplicate, its strongest key
	// first.
	cmp: func(a, b verdictRec) int {
		return cmp.Or(cmp.Compare(a.seq, b.seq), cmp.Compare(a.kind, b.kind), cmp.Compare(a.rank, b.rank))
	},
}

// id is a key with where its lead goes, hashed: 128 bits.
type id struct{ hi, lo uint64 }

func (a id) compare(b id) int {
	if a.hi != b.hi { // nearly always: the bits are a hash's
		return cmp.Compare(a.hi, b.hi)
	}
	return cmp.Compare(a.lo, b.lo)
}

func (a *id) put(b []byte) {
	binary.BigEndian.PutUint64(b, a.hi)
	binary.BigEndian.PutUint64(b[8:], a.lo)
}

func (a *id) get(b []byte) {
	a.hi = binary.BigEndian.Uint64(b)
	a.lo = binary.BigEndian.Uint64(b[8:])
}

func putDigests(b []byte, d *digests) {
	for i, x := range d {
		binary.BigEndian.PutUint32(b[4*i:], x)
	}
}

func getDigests(b []byte, d *digests) {
	for i := range d {
		d[i] = binary.BigEndian.Uint32(b[4*i:])
	}
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// decideGCPercent is the garbage collector's room while decide runs
// (elsewhere GOGC's, 100 unless set). The end of the reading was a big
// check's peak of memory: the merges' read buffers, a few KiB for each of
// hundreds of runs, come on top of what the reading holds, and a
// collection that fell among them let the heap grow to twice that (33 MB
// at a million rows, against 30). decide allocates little else and takes
// a tenth of a second for a million rows, so the tighter room costs a
// few collections. The setting is the process's: a run beside it (the
// page's) collects as often meanwhile.
const decideGCPercent = 25

// tighterGC lowers the collector's room to percent, unless it is lower
// already or the collector is off (GOGC=off), and returns what puts it
// back.
func tighterGC(percent int) (restore func()) {
	old := debug.SetGCPercent(percent)
	if old < 0 || old <= percent {
		debug.SetGCPercent(old)
		return func() {}
	}
	return func() { debug.SetGCPercent(old) }
}

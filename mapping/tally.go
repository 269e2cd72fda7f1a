package mapping

import "leadimport/importer/msg"

// ColumnCount is what one mapped column's values came to over the rows
// tallied. Every row counts once in exactly one of the four.
type ColumnCount struct {
	Column string // the input header
	Field  string // the field it fills; several joined with ", "
	// Valid values were sent as written; Changed ones were valid after
	// normalisation altered them; Invalid ones made their row invalid or,
	// in a lenient field, were left out of the lead; Empty cells gave
	// nothing, blank or holding a text that means empty ("-", "saknas"),
	// and a constant may have stood in.
	Valid, Changed, Invalid, Empty int
	// Warned counts the values that got a warning: of Valid and Changed,
	// those that look wrong; of Invalid, those a lenient field left out.
	Warned int
}

// Tally counts, per mapped column, how its values fared: check's
// per-column summary. A Tally belongs to one goroutine.
type Tally struct {
	mp   *Mapper
	cols []ColumnCount
	at   []int // each count's index in the row's cells
}

// NewTally returns a Tally for the columns that fill a field on this
// Mapper's rows, in the input's order.
func (mp *Mapper) NewTally() *Tally {
	t := &Tally{mp: mp}
	for _, s := range mp.slots {
		if s.col < 0 || s.isSet {
			continue
		}
		i := 0
		for i < len(t.at) && t.at[i] < s.col {
			i++
		}
		if i < len(t.at) && t.at[i] == s.col {
			t.cols[i].Field += ", " + s.field
			continue
		}
		t.at = append(t.at[:i], append([]int{s.col}, t.at[i:]...)...)
		t.cols = append(t.cols[:i], append([]ColumnCount{{Column: s.header, Field: s.field}}, t.cols[i:]...)...)
	}
	return t
}

// Add counts one row: its cells and what Map made of them.
func (t *Tally) Add(cells []string, m *Mapped) { t.add(cells, m, nil) }

// AddMapped is Add for the row MapInto last mapped with scratch, which
// noted its empty cells: they are not looked at again.
func (t *Tally) AddMapped(cells []string, m *Mapped, scratch *Scratch) {
	t.add(cells, m, scratch.empty)
}

// add is Add, with the empty cells in empty when it is not nil (Scratch).
func (t *Tally) add(cells []string, m *Mapped, empty []uint64) {
	ch := m.Changes // in column order, as t.at is: walked beside it
	// The usual row has no problem and no warning to look through for
	// each column.
	clean := len(m.Problems) == 0 && len(m.Warnings) == 0
	for i, col := range t.at {
		c := &t.cols[i]
		var isEmpty bool
		switch {
		case col >= len(cells):
			isEmpty = true
		case empty != nil:
			isEmpty = empty[col/64]&(1<<(col%64)) != 0
		default:
			v := trimSpace(cells[col])
			isEmpty = v == "" || len(v) <= t.mp.emptyLen && t.mp.meansEmpty(v)
		}
		switch {
		case isEmpty:
			c.Empty++
		case !clean && hasColumn(m.Problems, c.Column):
			c.Invalid++
		case !clean && leftOut(m.Warnings, c.Column):
			c.Invalid++
			c.Warned++
		default:
			if !clean && hasColumn(m.Warnings, c.Column) {
				c.Warned++
			}
			for len(ch) > 0 && ch[0].col < col {
				ch = ch[1:]
			}
			if len(ch) > 0 && ch[0].col == col {
				c.Changed++
			} else {
				c.Valid++
			}
		}
	}
}

func hasColumn(ps []Problem, column string) bool {
	for _, p := range ps {
		if p.Column == column {
			return true
		}
	}
	return false
}

// leftOut reports whether a lenient field's value from column was left
// out of the lead.
func leftOut(ws []Problem, column string) bool {
	for _, w := range ws {
		if _, ok := w.Message.(msg.LeftOut); ok && w.Column == column {
			return true
		}
	}
	return false
}

// Columns returns the counts so far, in the input's column order.
func (t *Tally) Columns() []ColumnCount { return t.cols }

// Merge adds o's counts, made over other rows by the same Mapper, to t's.
func (t *Tally) Merge(o *Tally) {
	for i := range t.cols {
		c, d := &t.cols[i], &o.cols[i]
		c.Valid += d.Valid
		c.Changed += d.Changed
		c.Invalid += d.Invalid
		c.Empty += d.Empty
		c.Warned += d.Warned
	}
}

package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestUnneutralize: reading a CSV report back gives every cell as it was
// before the report quoted it, and leaves an apostrophe the cell had of
// its own. (One case cannot be told apart: a cell written as '=1+1, with
// Excel's own text prefix, reads back as =1+1.)
func TestUnneutralize(t *testing.T) {
	for _, in := range []string{
		"", "Anna", "=SUM(A1:A2)", "@cmd", "\tx", "\rx", "+46701234567", "-12.5", "+SUM(A1)",
		"-2+3+cmd|' /C calc'!A0", "+", "-", "- ring efter 18", "'", "'Anna", "''=x", "O'Brien",
	} {
		assert.Equal(t, in, Unneutralize(Neutralize(in)), "%q", in)
	}
	tests := []struct {
		in, want string
	}{
		{"'Anna", "'Anna"},                 // not a cell Neutralize quotes
		{"'+46701234567", "'+46701234567"}, // nor this
		{"'=1+1", "=1+1"},
		{"'- ring", "- ring"},
		{"''=1+1", "''=1+1"}, // Neutralize would not add the first: it starts with '
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Unneutralize(tt.in), "%q", tt.in)
	}
}

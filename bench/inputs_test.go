package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"leadimport/mapping"
)

// TestLandlineCellsValid maps rows of the landline-heavy input: every
// number its formats make is valid, and none is taken for a mobile in the
// wrong column, so the input measures the phone path and not the report
// of problems.
func TestLandlineCellsValid(t *testing.T) {
	m, err := mapping.Parse(strings.NewReader(mappingYAML), "mapping.yaml")
	require.NoError(t, err)
	mp, err := m.Bind(header, mapping.Options{})
	require.NoError(t, err)
	homes := map[string]bool{}
	for i := range 20_000 {
		got := mp.Map(landlineCells(nil, i))
		require.Empty(t, got.Problems, "row %d: %v", i, landlineCells(nil, i)[7])
		require.Empty(t, got.Warnings, "row %d", i)
		homes[landlineCells(nil, i)[7]] = true
	}
	assert.Greater(t, len(homes), 5_000, "numbers of many kinds and lengths")
}

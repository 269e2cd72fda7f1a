package status

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWords(t *testing.T) {
	// The words are a contract: reports, the ledger's counts and scripts
	// read them.
	assert.Equal(t, []Status{"sent", "valid", "skipped", "duplicate", "invalid", "failed", "not_sent"}, All)
}

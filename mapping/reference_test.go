package mapping

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriteReferenceNamesEveryField(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteReference(&buf))
	out := buf.String()
	for _, f := range fields {
		assert.Contains(t, out, "\n  "+f.name+" ", f.name)
		assert.NotEmpty(t, f.doc, f.name)
	}
	for _, k := range normalizeKeys {
		assert.Contains(t, out, k.key+": "+k.values[0])
	}
	// The example in the reference is a mapping that parses, and the
	// list of texts that mean empty it shows is the default.
	m, err := Parse(bytes.NewReader(buf.Bytes()[bytes.Index(buf.Bytes(), []byte("  version")):bytes.Index(buf.Bytes(), []byte("  normalize"))]), "reference")
	require.NoError(t, err)
	assert.Equal(t, defaultEmpty, m.Input.Empty)
}

package graph

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A bound transaction serves calls until its batch ends, then refuses them with
// EINTERNAL without calling the function.
func TestBoundTx(t *testing.T) {
	b := NewBoundTx("tx1")
	var got []string
	require.NoError(t, b.Run(func(tx string) error { got = append(got, tx); return nil }))
	b.End()
	err := b.Run(func(tx string) error { got = append(got, "late "+tx); return nil })
	require.Error(t, err)
	assert.Equal(t, EINTERNAL, ErrorCode(err))
	assert.Equal(t, []string{"tx1"}, got)
}

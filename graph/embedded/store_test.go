package embedded

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// openTemp opens a fresh store in a temporary directory, closed at the end of the test.
func openTemp(tb testing.TB, opts *Options) *Store {
	tb.Helper()
	s, err := Open(tb.Context(), filepath.Join(tb.TempDir(), "claimgraph.db"), opts)
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = s.Close(tb.Context()) })
	return s
}

// TestStore runs the contract suite.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store { return openTemp(t, &Options{NoSync: true}) })
}

package ingest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/stretchr/testify/require"
)

// newTestStore opens a fresh embedded store in a temporary directory, closed when the
// test ends.
func newTestStore(t *testing.T) graph.Store {
	t.Helper()
	s, err := embedded.Open(t.Context(), filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

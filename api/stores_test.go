package api

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/neo4jstore/neo4jtest"
)

// backend is a store the suite runs against. open returns a fresh, empty store and
// registers its cleanup.
type backend struct {
	name string
	open func(t *testing.T) graph.Store
	// skipReason is set when the backend cannot run here; skip then skips the test.
	skipReason string
}

func (b backend) skip(t *testing.T) {
	t.Helper()
	if b.skipReason != "" {
		t.Skip(b.skipReason)
	}
}

// backends lists the stores the suite runs against: the embedded store always, Neo4j
// when NEO4J_URI is set (as `make test` does).
func backends(t *testing.T) []backend {
	bs := []backend{{name: "embedded", open: openEmbedded}}
	n := backend{name: "neo4j", open: openNeo4j}
	if os.Getenv("NEO4J_URI") == "" {
		n.skipReason = "NEO4J_URI is not set: run `make test`, or `make neo4j-up` and NEO4J_URI=bolt://127.0.0.1:7687 go test ./api"
	}
	return append(bs, n)
}

// firstBackend returns the first backend that can run here (the embedded store),
// for tests of the HTTP layer that need a store but not every store.
func firstBackend(t *testing.T) backend {
	t.Helper()
	for _, b := range backends(t) {
		if b.skipReason == "" {
			return b
		}
	}
	t.Skip("no store backend can run here")
	return backend{}
}

// openEmbedded opens a fresh embedded store in a temporary directory.
func openEmbedded(t *testing.T) graph.Store {
	t.Helper()
	s, err := embedded.Open(t.Context(), filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

// openNeo4j connects to the Neo4j of NEO4J_URI and empties its database. The database
// is shared with the other packages' tests, which `go test ./...` runs in parallel
// processes, so the test holds their shared lock while it uses it (neo4jtest).
func openNeo4j(t *testing.T) graph.Store {
	t.Helper()
	return neo4jtest.Open(t)
}

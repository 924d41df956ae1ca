package api

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
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
// processes, so the test holds an exclusive lock on neo4jLockPath while it uses it.
func openNeo4j(t *testing.T) graph.Store {
	t.Helper()
	lockNeo4j(t)
	cfg := neo4jstore.ConfigFromEnv(os.Getenv)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := neo4jstore.New(ctx, cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	require.NoError(t, s.DeleteAll(ctx))
	return s
}

// neo4jLockPath is the file that serializes test use of the shared Neo4j database
// across test processes.
var neo4jLockPath = filepath.Join(os.TempDir(), "claimgraph-neo4j-test.lock")

func lockNeo4j(t *testing.T) {
	t.Helper()
	f, err := os.OpenFile(neo4jLockPath, os.O_CREATE|os.O_RDWR, 0o666)
	require.NoError(t, err)
	require.NoError(t, syscall.Flock(int(f.Fd()), syscall.LOCK_EX))
	t.Cleanup(func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	})
}

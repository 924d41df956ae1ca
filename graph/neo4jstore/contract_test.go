package neo4jstore

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestContract runs the shared Store contract suite against the Neo4j server named by
// NEO4J_URI (`make test` starts one). Every store the suite opens starts from an empty
// database: Neo4j Community has one user database, so stores are isolated by wiping it,
// and these tests never run in parallel.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store { return newTestStore(t) })
}

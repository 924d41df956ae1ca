package neo4jstore

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

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

// TestInterrupted runs the contract of a write stopped part-way
// (storetest.RunInterrupted): with every bundle of more than one record written in
// runs of one record (maxRunRecords lowered), the write's context is cancelled before a run, as a
// client that stops would leave it (the server rolls the transaction back when the
// driver's session ends); the store after the stop is the same database.
func TestInterrupted(t *testing.T) {
	maxRunRecords = 1
	t.Cleanup(func() { maxRunRecords = MaxRunRecords })
	storetest.RunInterrupted(t, storetest.Interruptible{
		Open: func(t *testing.T) graph.Store { return newTestStore(t) },
		PutStopped: func(t *testing.T, gs graph.Store, g *graph.ArticleGraph, at int) {
			ctx, cancel := context.WithCancel(t.Context())
			defer cancel()
			stopped := false
			beforeRun = func(i int) {
				if i == at+1 {
					stopped = true
					cancel()
				}
			}
			defer func() { beforeRun = nil }()
			_, err := gs.PutArticle(ctx, g)
			require.Error(t, err, "the stopped write fails")
			require.True(t, stopped, "stopped before run %d", at+1)
		},
		Restart: func(t *testing.T, gs graph.Store) graph.Store { return gs },
	})
}

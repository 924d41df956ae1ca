package neo4jstore

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// The one-query Subgraph gives graph.AssembleSubgraph's answer (the embedded store's,
// which runs it) on a generated graph, for roots of every label, every depth and
// limits that cut at each level, including hubs (outlets, agencies).
func TestSubgraphSameAsAssembled(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	ref, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = ref.Close(context.Background()) })
	gen := storetest.GenerateArticles(60, 17)
	_, err = s.PutArticles(ctx, gen)
	require.NoError(t, err)
	for _, g := range gen {
		_, err := ref.PutArticle(ctx, g)
		require.NoError(t, err)
	}

	var roots []string
	for i, g := range gen[:12] {
		g = graph.Canonical(g)
		roots = append(roots, g.Article.ID, g.Statements[0].ID, g.Statements[0].ClaimID, g.Agents[i%len(g.Agents)].ID)
		if g.Outlet != nil {
			roots = append(roots, g.Outlet.ID)
		}
		if len(g.Disputes) > 0 {
			roots = append(roots, g.Disputes[0].ID)
		}
	}
	roots = append(roots, "c_not-stored", "x_no-such-kind")
	for _, root := range roots {
		for depth := 1; depth <= graph.MaxSubgraphDepth; depth++ {
			for _, limit := range []int{1, 4, 25, graph.MaxSubgraphLimit} {
				q := graph.SubgraphQuery{RootID: root, Depth: depth, Limit: limit}
				name := fmt.Sprintf("%s depth %d limit %d", root, depth, limit)
				want, wantErr := ref.Subgraph(ctx, q)
				got, err := s.Subgraph(ctx, q)
				if wantErr != nil {
					require.Equal(t, graph.ErrorCode(wantErr), graph.ErrorCode(err), name)
					continue
				}
				require.NoError(t, err, name)
				require.Equal(t, want, got, name)
			}
		}
	}
}

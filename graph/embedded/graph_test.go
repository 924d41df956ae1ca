package embedded

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// plainSource hides InducedEdges, so AssembleSubgraph reads whole adjacencies.
type plainSource struct{ s subgraphSource }

func (p plainSource) Nodes(ctx context.Context, ids []string) ([]graph.Node, error) {
	return p.s.Nodes(ctx, ids)
}
func (p plainSource) Edges(ctx context.Context, ids []string) ([]graph.Edge, error) {
	return p.s.Edges(ctx, ids)
}

// TestInducedEdgesHubs checks that the hub shortcut of InducedEdges gives the same
// subgraphs as reading whole adjacencies, on a corpus whose agencies are hubs.
func TestInducedEdgesHubs(t *testing.T) {
	s := openTemp(t, &Options{NoSync: true})
	gen := storetest.GenerateArticles(300, 5)
	for _, g := range gen {
		_, err := s.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	hubs := 0
	require.NoError(t, s.db.View(func(tx *bolt.Tx) error {
		src := subgraphSource{tx}
		for i, g := range gen[:40] {
			for _, q := range []graph.SubgraphQuery{
				{RootID: g.Statements[0].ClaimID, Depth: 2, Limit: 15},
				{RootID: g.Statements[0].ID, Depth: 1 + i%3, Limit: 40},
				{RootID: g.Article.ID, Depth: 2, Limit: 200},
			} {
				fast, err := graph.AssembleSubgraph(t.Context(), src, q)
				require.NoError(t, err)
				slow, err := graph.AssembleSubgraph(t.Context(), plainSource{src}, q)
				require.NoError(t, err)
				require.Equal(t, slow, fast, "%+v", q)
				for _, n := range fast.Nodes {
					if es, _ := src.Edges(t.Context(), []string{n.ID}); len(es) > 2*q.Limit+16 {
						hubs++
					}
				}
			}
		}
		// Directly: a hub with some of its neighbours kept.
		for _, g := range gen[:20] {
			for _, st := range g.Statements {
				for _, hub := range st.Via {
					all, err := src.Edges(t.Context(), []string{hub})
					require.NoError(t, err)
					require.Greater(t, len(all), 2*4+16, "an agency is a hub")
					keep := map[string]bool{hub: true, st.ID: true, g.Article.ID: true}
					for _, e := range all[:3] {
						keep[e.From] = true
					}
					var want []graph.Edge
					for _, e := range all {
						if keep[e.From] && keep[e.To] {
							want = append(want, e)
						}
					}
					got, err := src.InducedEdges(t.Context(), []string{hub}, keep)
					require.NoError(t, err)
					graph.SortEdges(want)
					graph.SortEdges(got)
					require.Equal(t, want, got)
					require.GreaterOrEqual(t, len(got), 2)
				}
			}
		}
		return nil
	}))
	require.Greater(t, hubs, 0, "the corpus must put hubs in subgraphs")
}

package export

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// TestSearchExport checks the search walk on several filters: every claim the search
// finds is exported, every edge is one of the store's and ends at exported nodes, each
// exported article comes with a MENTIONS edge to every agent it mentions, and nothing
// is written twice.
func TestSearchExport(t *testing.T) {
	ctx := context.Background()
	s := openFixture(t, 30)
	all := storeEdges(t, s)
	yes, no := true, false
	tests := []struct {
		name      string
		f         Filter
		minClaims int
	}{
		{"disputed", Filter{Query: graph.ClaimQuery{Disputed: &yes}}, 1},
		{"undisputed with a quantity", Filter{Query: graph.ClaimQuery{Disputed: &no, HasQuantity: &yes}}, 1},
		{"speaker", Filter{Query: graph.ClaimQuery{SpeakerID: st.AgentHealthMinistry}}, 2},
		{"text", Filter{Query: graph.ClaimQuery{Text: "Palestinians dead"}}, 2},
		{"outlet and date range", Filter{Query: graph.ClaimQuery{OutletID: st.OutletGlobalPost}, From: "2025-11", To: "2025-11-30"}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var c collected
			counts, err := Run(ctx, s, tc.f, &c)
			require.NoError(t, err)
			nodes := map[string]bool{}
			for _, n := range c.nodes {
				require.False(t, nodes[n.ID()], "node %s written twice", n.ID())
				nodes[n.ID()] = true
			}
			assert.GreaterOrEqual(t, counts.Nodes[graph.LabelClaim], tc.minClaims)
			if tc.f.From == "" {
				q := tc.f.Query
				q.Sort = graph.SortByID
				require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
					q.Page = p
					return s.SearchClaims(ctx, q)
				}, func(cs graph.ClaimSummary) error {
					assert.True(t, nodes[cs.Claim.ID], "claim %s found by the search is exported", cs.Claim.ID)
					return nil
				}))
			}
			edges := map[graph.Edge]bool{}
			mentions := map[string]map[string]bool{}
			for _, e := range c.edges {
				require.False(t, edges[e.Edge], "edge %s written twice", e.Key())
				edges[e.Edge] = true
				assert.True(t, all[e.Edge], "edge %s is the store's", e.Key())
				assert.True(t, nodes[e.From] && nodes[e.To], "edge %s ends at exported nodes", e.Key())
				if e.Type == graph.EdgeMentions {
					if mentions[e.From] == nil {
						mentions[e.From] = map[string]bool{}
					}
					mentions[e.From][e.To] = true
				}
			}
			articles := 0
			for _, n := range c.nodes {
				if n.Article == nil {
					continue
				}
				articles++
				assert.Empty(t, n.Article.Text, "a search export leaves article texts out")
				g, err := s.ArticleGraph(ctx, n.Article.ID)
				require.NoError(t, err)
				want := map[string]bool{}
				for _, m := range g.Mentions {
					want[m.AgentID] = true
				}
				if len(want) == 0 {
					want = nil
				}
				assert.Equal(t, want, mentions[n.Article.ID], "MENTIONS of %s", n.Article.ID)
			}
			assert.Positive(t, articles)
			assert.Equal(t, articles, len(mentions)+countNoMentions(ctx, t, s, c.nodes))
		})
	}
}

// countNoMentions counts the exported articles that mention no agent.
func countNoMentions(ctx context.Context, t *testing.T, s graph.Store, nodes []Node) int {
	t.Helper()
	n := 0
	for _, nd := range nodes {
		if nd.Article == nil {
			continue
		}
		g, err := s.ArticleGraph(ctx, nd.Article.ID)
		require.NoError(t, err)
		if len(g.Mentions) == 0 {
			n++
		}
	}
	return n
}

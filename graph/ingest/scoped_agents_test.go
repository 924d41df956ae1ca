package ingest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// Two articles' bare "the ministry" are two agents in the graph, never one: with no
// ministry named before it, each is an agent of its article only
// (graph.ArticleScopedAgentID), which ingest never resolves to another agent; after a
// named ministry, each is that ministry, and two places' ministries stay two. Both the
// one-article and the batch path are run.
func TestTwoArticlesMinistriesNeverMerge(t *testing.T) {
	cases := []struct {
		name   string
		a, b   string
		scoped int // article-scoped "the ministry" agents wanted in the store
		named  []string
	}{
		{"no ministry named in either",
			"Forty people were killed in the north on Monday. The ministry said the toll would rise. The ministry denied that the army fired first.",
			"A bridge collapsed in the capital on Tuesday. The ministry said nine people were hurt. The ministry denied that the bridge was unsafe.",
			2, nil},
		{"a ministry of a place in each",
			"The Kenyan Health Ministry said forty people were killed. The ministry denied that the army fired first.",
			"The Peruvian Health Ministry said nine people were hurt. The ministry denied that the bridge was unsafe.",
			0, []string{graph.AgentID("Kenya’s Health Ministry"), graph.AgentID("Peru’s Health Ministry")}},
		{"a named ministry in one, none in the other",
			"The Kenyan Health Ministry said forty people were killed. The ministry denied that the army fired first.",
			"A bridge collapsed in the capital on Tuesday. The ministry said nine people were hurt. The ministry denied that the bridge was unsafe.",
			1, []string{graph.AgentID("Kenya’s Health Ministry")}},
	}
	for _, c := range cases {
		for _, batch := range []bool{false, true} {
			t.Run(c.name+map[bool]string{false: "/one by one", true: "/batch"}[batch], func(t *testing.T) {
				s := openStore(t)
				in := New(s, extract.Extractor{}, Options{})
				ctx := t.Context()
				arts := []graph.ArticleInput{article("ministry-a", "ledger", "2025-06-03", c.a), article("ministry-b", "courier", "2025-06-04", c.b)}
				ingestBoth(t, in, arts, batch)
				page, err := s.Agents(ctx, graph.AgentQuery{Name: "ministry", Page: graph.PageRequest{Limit: 50}})
				require.NoError(t, err)
				var scoped []graph.Agent
				ids := map[string]bool{}
				for _, a := range page.Items {
					ids[a.ID] = true
					if graph.IsArticleScopedAgentID(a.ID) {
						scoped = append(scoped, a)
						require.Equal(t, "the ministry", strings.ToLower(a.Name))
						require.Empty(t, a.Aliases, "an article-scoped agent takes no other article's name")
					}
				}
				require.Len(t, scoped, c.scoped, "article-scoped ministries in %v", page.Items)
				for _, id := range c.named {
					require.True(t, ids[id], "agent %s in %v", id, page.Items)
				}
				// every denial's disputer is one of the agents above, one per article
				disputers := map[string]bool{}
				for _, sub := range []string{"the army fired first", "the bridge was unsafe"} {
					for _, d := range disputersOf(t, s, claimWith(t, s, sub).ID) {
						disputers[d] = true
					}
				}
				require.Len(t, disputers, 2, "each article's ministry disputes its own claim: %v", disputers)
			})
		}
	}
}

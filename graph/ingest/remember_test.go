package ingest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// TestRewritesDoNotGrowTheIngester rewrites one url with new texts that name
// article-scoped agents ("the ministry", "officials"): each version makes new ones and
// takes the old ones with it, so the Ingester's memory of known agents and acronyms
// must not grow with the writes (the soak found it growing with every write) and must
// not name agents that are gone.
func TestRewritesDoNotGrowTheIngester(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	text := func(n int) string {
		return fmt.Sprintf("Forty people were killed in the north on day %d. The ministry said the toll would rise. "+
			"Officials said the army fired first. The United Nations Children's Fund said %d children were hurt.", n, n)
	}
	sizes := func() (known, acronyms int) {
		for _, m := range in.acr.m {
			acronyms += len(m)
		}
		return len(in.known), acronyms
	}
	var first [2]int
	for n := 1; n <= 8; n++ {
		_, err := in.Ingest(t.Context(), article("rewritten", "ledger", "2025-06-03", text(n)))
		require.NoError(t, err)
		k, a := sizes()
		if n == 1 {
			first = [2]int{k, a}
			continue
		}
		assert.Equal(t, first, [2]int{k, a}, "after version %d: known agents and acronyms stay as after the first", n)
	}
	for id := range in.known {
		assert.False(t, graph.IsArticleScopedAgentID(id), "an article-scoped agent is not remembered: %s", id)
		_, err := s.Agent(t.Context(), id)
		assert.NoError(t, err, "a known agent is stored: %s", id)
	}
	page, err := s.Agents(t.Context(), graph.AgentQuery{Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	scoped := 0
	for _, a := range page.Items {
		if graph.IsArticleScopedAgentID(a.ID) {
			scoped++
		}
	}
	require.Positive(t, scoped, "the text names article-scoped agents: the test would prove nothing without")
}

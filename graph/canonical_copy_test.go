package graph_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// jsonCanonical is Canonical as it was: the copy a JSON round trip, then the same
// ordering (Canonical applied to the round trip's result copies it again, which
// changes nothing).
func jsonCanonical(t *testing.T, g *graph.ArticleGraph) *graph.ArticleGraph {
	t.Helper()
	b, err := json.Marshal(g)
	require.NoError(t, err)
	var c graph.ArticleGraph
	require.NoError(t, json.Unmarshal(b, &c))
	return graph.Canonical(&c)
}

// TestCanonicalCopyIsTheJSONRoundTrip checks that Canonical's copy gives exactly what
// the JSON round trip it replaces gave, on the fixture, on generated articles, and on
// the edge cases of the round trip: empty optional slices, nil and empty top-level
// slices, pointers, and strings that are not valid UTF-8.
func TestCanonicalCopyIsTheJSONRoundTrip(t *testing.T) {
	max := 2.5
	edge := &graph.ArticleGraph{
		Article: graph.Article{ID: "a_1", Text: "bad \xff\xfe text", Authors: []string{}, Title: "t\xc3"},
		Outlet:  &graph.Outlet{ID: "o_1", Name: "Out\x80let"},
		Agents:  []graph.Agent{{ID: "ag_1", Name: "A", Aliases: []string{}, Roles: []string{"r\xff"}}},
		Claims: []graph.Claim{{ID: "c_1", Text: "x", Quantities: []graph.Quantity{
			{Value: -0.0, Max: &max, Span: graph.Span{Fragments: [][2]int{}}},
			{Value: 1e-300, Span: graph.Span{Start: 1, End: 2, Fragments: [][2]int{{1, 2}}}}}}},
		Statements: []graph.Statement{{ID: "s_1", Via: []string{}, Source: &graph.Span{Start: 3, End: 4, Text: "é"}}},
		Disputes:   []graph.Dispute{},
		Mentions:   nil,
	}
	cases := map[string]*graph.ArticleGraph{"edge": edge, "empty": {}}
	for _, g := range storetest.Gaza() {
		cases[g.Article.ID] = g
	}
	for i, g := range storetest.GenerateArticles(40, 3) {
		if i%4 == 0 {
			cases[g.Article.ID] = g
		}
	}
	for name, g := range cases {
		t.Run(name, func(t *testing.T) {
			want := jsonCanonical(t, g)
			got := graph.Canonical(g)
			assert.Equal(t, want, got)
			if g.Outlet != nil {
				assert.NotSame(t, g.Outlet, got.Outlet, "the copy is deep")
			}
		})
	}
	// The copy is deep: changing it leaves the original alone.
	got := graph.Canonical(edge)
	got.Claims[0].Quantities[0].Span.Start = 99
	*got.Claims[0].Quantities[0].Max = 9
	got.Agents[0].Roles[0] = "changed"
	assert.Equal(t, 0, edge.Claims[0].Quantities[0].Span.Start)
	assert.Equal(t, 2.5, *edge.Claims[0].Quantities[0].Max)
	assert.Equal(t, "r\xff", edge.Agents[0].Roles[0])
}

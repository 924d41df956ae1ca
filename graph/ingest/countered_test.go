package ingest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore/neo4jtest"
)

func TestCounters(t *testing.T) {
	cases := []struct {
		name, a, b string
		want       bool
	}{
		{"negated answer", "the convoy was attacked near Kherson", "the convoy was not attacked near Kherson", true},
		{"inflections and contraction", "the army shelled the Varna dam", "the army didn't shell the Varna dam", true},
		{"same polarity agrees", "the convoy was attacked near Kherson", "the convoy was attacked near Kherson on Monday", false},
		{"a word more narrows the denial", "the convoy was attacked near Kherson", "the convoy was not attacked near Kherson on Monday", false},
		{"too few words", "the dam was hit", "the dam was not hit", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, Counters(graph.Claim{ID: "a", Text: c.a}, graph.Claim{ID: "b", Text: c.b}))
		})
	}
}

func TestNamesSomething(t *testing.T) {
	assert.True(t, namesSomething("the convoy was attacked near Kherson"))
	assert.True(t, namesSomething("the Velmor plant closed"))
	assert.False(t, namesSomething("Prices did not rise last month"))
	assert.False(t, namesSomething("prices rose"))
}

// A speaker's claim in one article that says, negated, what another speaker said in
// an article a day before disputes that claim; renamed people and places give the same
// dispute; the same polarity, a claim naming nothing, the same speaker or a week's gap
// give none. One at a time, in one batch of a bulk-reading store, and in one batch into
// Neo4j (skipped without NEO4J_URI).
func TestCounterClaimAcrossArticles(t *testing.T) {
	cases := []struct {
		name, earlier, later, date, disputer, sub string
		disputed                                  bool
	}{
		{"negated answer a day later",
			"Ukraine's army said the convoy was attacked near Kherson.",
			"The Russian Defence Ministry said the convoy was not attacked near Kherson.", "2025-06-04",
			"Russia’s Defence Ministry", "Kherson", true},
		{"renamed",
			"Velmor's army said the convoy was attacked near Dravosk.",
			"The Ostrava Defence Ministry said the convoy was not attacked near Dravosk.", "2025-06-04",
			"Ostrava Defence Ministry", "Dravosk", true},
		{"positive answer to a stored denial",
			"Mayor Anna Lindqvist said the city never sold the Varna Bridge.",
			"Councillor Tom Reyes said the city sold the Varna Bridge.", "2025-06-04",
			"Tom Reyes", "Varna", true},
		{"same polarity agrees",
			"Ukraine's army said the convoy was attacked near Kherson.",
			"The Russian Defence Ministry said the convoy was attacked near Kherson.", "2025-06-04",
			"Russian Defence Ministry", "Kherson", false},
		{"a week later",
			"Ukraine's army said the convoy was attacked near Kherson.",
			"The Russian Defence Ministry said the convoy was not attacked near Kherson.", "2025-06-12",
			"Russian Defence Ministry", "Kherson", false},
		{"names nothing",
			"Economists said consumer prices rose sharply this spring.",
			"The central bank said consumer prices did not rise sharply this spring.", "2025-06-04",
			"central bank", "prices", false},
	}
	modes := []struct {
		name  string
		open  func(t *testing.T) graph.Store
		batch bool
	}{
		{"one at a time", openStore, false},
		{"one batch, bulk searches", func(t *testing.T) graph.Store { return bulkStore{newTestStore(t), &bulkCounts{}} }, true},
		{"neo4j, one batch", func(t *testing.T) graph.Store { return neo4jtest.Open(t) }, true},
	}
	for _, m := range modes {
		for _, c := range cases {
			t.Run(m.name+"/"+c.name, func(t *testing.T) {
				s := m.open(t)
				in := New(s, extract.Extractor{}, Options{})
				arts := []graph.ArticleInput{
					article("first", "ledger", "2025-06-03", c.earlier+" The council meets on Monday."),
					article("second", "courier", c.date, c.later+" The council meets on Monday."),
				}
				ingestBoth(t, in, arts, m.batch)
				page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: c.sub, Page: graph.PageRequest{Limit: 10}})
				require.NoError(t, err)
				var earlier graph.Claim
				for _, it := range page.Items {
					if strings.Contains(c.earlier, it.Claim.Text) {
						earlier = it.Claim
					}
				}
				require.NotEmpty(t, earlier.ID, "the earlier claim")
				var names []string
				for _, id := range disputersOf(t, s, earlier.ID) {
					a, err := s.Agent(t.Context(), id)
					require.NoError(t, err)
					names = append(names, a.Name)
				}
				if c.disputed {
					require.Len(t, names, 1, "claim %q", earlier.Text)
					assert.Contains(t, names[0], c.disputer)
				} else {
					assert.Empty(t, names, "claim %q", earlier.Text)
				}
			})
		}
	}
}

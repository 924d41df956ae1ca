package embedded

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// readAll is everything a store answers that a bulk write could change: stats, every
// claim's summary, detail and contradictions, every agent, every article's bundle.
func readAll(t *testing.T, s *Store) map[string]any {
	t.Helper()
	ctx := t.Context()
	out := map[string]any{}
	var order []string // claims by statements, as searches list them
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	out["stats"] = st
	for cursor := ""; ; {
		p, err := s.SearchClaims(ctx, graph.ClaimQuery{Sort: graph.SortByStatements, Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		for _, c := range p.Items {
			order = append(order, c.Claim.ID)
			out["summary "+c.Claim.ID] = c
			d, err := s.Claim(ctx, c.Claim.ID)
			require.NoError(t, err)
			out["claim "+c.Claim.ID] = d
			k, err := s.Contradictions(ctx, c.Claim.ID)
			require.NoError(t, err)
			out["contradictions "+c.Claim.ID] = k
		}
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	out["order"] = order
	for cursor := ""; ; {
		p, err := s.Agents(ctx, graph.AgentQuery{Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		for _, a := range p.Items {
			out["agent "+a.ID] = a
		}
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	for cursor := ""; ; {
		p, err := s.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		for _, a := range p.Items {
			g, err := s.ArticleGraph(ctx, a.ID)
			require.NoError(t, err)
			out["bundle "+a.ID] = g
		}
		if cursor = p.NextCursor; cursor == "" {
			break
		}
	}
	return out
}

// TestPutArticlesEqualsPutArticle writes the same bundles with PutArticle one by one
// and with PutArticles (several transactions, each with an article given twice and one
// replaced by a new version of its text) and compares the stores and the results.
func TestPutArticlesEqualsPutArticle(t *testing.T) {
	ctx := t.Context()
	replaced := storetest.Gaza1()
	replaced.Article.Text += " A sentence added later."
	replaced.Article.ContentHash = graph.ContentHash(replaced.Article.Text)
	var bundles []*graph.ArticleGraph
	bundles = append(bundles, storetest.Gaza()...)
	bundles = append(bundles, storetest.Gaza1(), replaced) // the same again, then replaced
	bundles = append(bundles, storetest.GenerateArticles(2*MaxBulkArticles+30, 11)...)
	bundles = append(bundles, storetest.Gaza2())

	one := openTemp(t, &Options{NoSync: true})
	var want []graph.WriteResult
	for _, g := range bundles {
		r, err := one.PutArticle(ctx, g)
		require.NoError(t, err)
		want = append(want, r)
	}
	bulk := openTemp(t, &Options{NoSync: true})
	got, err := bulk.PutArticles(ctx, bundles)
	require.NoError(t, err)
	assert.Equal(t, want, got, "the results of successive PutArticle calls")
	assert.False(t, got[3].Created, "the same article again is not written")
	assert.True(t, got[4].Created, "a new version replaces it")
	assert.Equal(t, readAll(t, one), readAll(t, bulk))

	again, err := bulk.PutArticles(ctx, bundles[5:])
	require.NoError(t, err)
	for _, r := range again {
		assert.False(t, r.Created, "writing the same bundles again changes nothing: %s", r.ArticleID)
	}
}

// TestPutArticlesRefusesInvalid checks that one invalid bundle refuses the whole call
// before anything is written.
func TestPutArticlesRefusesInvalid(t *testing.T) {
	bad := storetest.Gaza2()
	bad.Statements[0].SpeakerID = "ag_nobody"
	tests := []struct {
		name    string
		bundles []*graph.ArticleGraph
		want    string
	}{
		{"nil bundle", []*graph.ArticleGraph{storetest.Gaza1(), nil}, "bundle 1 is nil"},
		{"dangling speaker", []*graph.ArticleGraph{storetest.Gaza1(), bad}, "bundle 1 (article " + bad.Article.ID + ")"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t, &Options{NoSync: true})
			_, err := s.PutArticles(t.Context(), tc.bundles)
			require.Error(t, err)
			assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
			assert.Contains(t, graph.ErrorMessage(err), tc.want)
			st, err := s.Stats(t.Context())
			require.NoError(t, err)
			assert.Equal(t, graph.Stats{}, st, "nothing written")
		})
	}
}

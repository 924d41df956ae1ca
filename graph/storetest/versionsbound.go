package storetest

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// WriteFunc is one write path of a store (PutArticle, a Batch, a bulk call, a write in
// pieces) applied to one bundle.
type WriteFunc func(ctx context.Context, g *graph.ArticleGraph) error

// VersionsBound checks that write, a write path of s, cuts an article's
// previous_versions to the bound setRetention sets (graph.Retention.VersionsKeep),
// the newest kept, as PutArticle does: a new article bringing a history of 10 (an
// import) keeps the newest 3, and a new text of it lists versions 9 to 11.
func VersionsBound(t *testing.T, s graph.Store, setRetention func(graph.Retention) error, write WriteFunc) {
	t.Helper()
	ctx := t.Context()
	history := func(n int) []graph.ArticleVersion {
		var out []graph.ArticleVersion
		for v := 1; v <= n; v++ {
			out = append(out, graph.ArticleVersion{Version: v, ContentHash: fmt.Sprintf("%064x", v)})
		}
		return out
	}
	require.NoError(t, setRetention(graph.Retention{VersionsKeep: 3}))
	g := GenerateArticles(1, 3)[0]
	g.Article.Version, g.Article.PreviousVersions = 11, history(10)
	require.NoError(t, write(ctx, g))
	a, err := s.Article(ctx, g.Article.ID)
	require.NoError(t, err)
	require.Equal(t, 11, a.Version)
	require.Equal(t, history(10)[7:], a.PreviousVersions, "an imported history within the bound")

	g2 := graph.Canonical(g)
	g2.Article.Text += " Updated."
	g2.Article.ContentHash = graph.ContentHash(g2.Article.Text)
	require.NoError(t, write(ctx, g2))
	a, err = s.Article(ctx, g.Article.ID)
	require.NoError(t, err)
	require.Equal(t, 12, a.Version)
	want := append(history(10)[8:], graph.ArticleVersion{Version: 11, ContentHash: g.Article.ContentHash})
	require.Equal(t, want, a.PreviousVersions, "a new version within the bound")
}

package embedded

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestBundleClaimIndexBuiltOnOpen opens a store written before the bundle-claim index
// existed (the bucket dropped by hand) and checks that Open builds it, so that a new
// version still takes an orphaned claim out of every bundle that lists it.
func TestBundleClaimIndexBuiltOnOpen(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "graph.db")
	s, err := Open(ctx, path, &Options{NoSync: true})
	require.NoError(t, err)
	for _, g := range append(storetest.Gaza(), storetest.Rebuttal()) {
		_, err := s.PutArticle(ctx, g)
		require.NoError(t, err)
	}
	require.NoError(t, s.db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(iBundleClaim) }))
	require.NoError(t, s.Close(ctx))

	s, err = Open(ctx, path, &Options{NoSync: true})
	require.NoError(t, err)
	defer s.Close(ctx)
	var n int
	require.NoError(t, s.db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket(iBundleClaim).Stats().KeyN
		return nil
	}))
	assert.Positive(t, n, "the index is built")

	g := storetest.Gaza1()
	g.Article.Text = storetest.TextCeasefire + "."
	g.Article.ContentHash = graph.ContentHash(g.Article.Text)
	g.Claims = g.Claims[3:] // the ceasefire claim only
	require.Equal(t, storetest.ClaimCeasefire, g.Claims[0].ID)
	g.Statements = []graph.Statement{storetest.Stmt(g.Article.ID, g.Article.Text, storetest.ClaimCeasefire, "", nil, graph.SpeechNone, "", storetest.TextCeasefire, storetest.TextCeasefire+".")}
	g.Disputes, g.Mentions = nil, nil
	_, err = s.PutArticle(ctx, g)
	require.NoError(t, err)
	rb, err := s.ArticleGraph(ctx, storetest.ArticleRebuttal)
	require.NoError(t, err)
	require.NoError(t, rb.Validate())
	for _, c := range rb.Claims {
		assert.NotEqual(t, storetest.ClaimDraft, c.ID)
	}
}

package embedded

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// dumpStore is every bucket's keys and values, "bucket\x00key" → value.
func dumpStore(t *testing.T, s *Store) map[string]string {
	t.Helper()
	out := map[string]string{}
	require.NoError(t, s.db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			return b.ForEach(func(k, v []byte) error {
				out[string(name)+"\x00"+string(k)] = string(v)
				return nil
			})
		})
	}))
	return out
}

// TestPutArticlesBulkSameAsBatch checks that PutArticlesBulk leaves the store exactly
// as a Batch of PutArticle calls does, key for key and byte for byte, for new
// articles, articles repeated in the same call (unchanged: nothing written), and new
// versions of articles stored before the call or earlier in it (updates, which read
// the index keys the call has not written yet).
func TestPutArticlesBulkSameAsBatch(t *testing.T) {
	gen := storetest.GenerateArticles(300, 7)
	changed := func(g *graph.ArticleGraph) *graph.ArticleGraph {
		c := graph.Canonical(g)
		c.Article.Text += " Updated."
		c.Article.ContentHash = graph.ContentHash(c.Article.Text)
		// The claims of the second half of the statements leave the article (with
		// what names them), so the update deletes claims no other article states.
		gone := map[string]bool{}
		for _, st := range c.Statements[len(c.Statements)/2:] {
			gone[st.ClaimID] = true
		}
		for _, st := range c.Statements[:len(c.Statements)/2] {
			delete(gone, st.ClaimID)
		}
		c.Statements = c.Statements[:len(c.Statements)/2]
		c.DropClaims(gone)
		return c
	}
	for _, tc := range []struct {
		name  string
		first []*graph.ArticleGraph // written one by one before
		calls [][]*graph.ArticleGraph
	}{
		{"new articles, one call", nil, [][]*graph.ArticleGraph{gen}},
		{"new articles, three calls", nil, [][]*graph.ArticleGraph{gen[:100], gen[100:250], gen[250:]}},
		{"repeated in the call", nil, [][]*graph.ArticleGraph{append(append([]*graph.ArticleGraph{}, gen[:50]...), gen[10:30]...)}},
		{"updates of stored articles", gen[:60], [][]*graph.ArticleGraph{append([]*graph.ArticleGraph{changed(gen[5]), changed(gen[40])}, gen[60:120]...)}},
		{"updates within the call", nil, [][]*graph.ArticleGraph{append(append([]*graph.ArticleGraph{}, gen[:80]...), changed(gen[3]), gen[80], changed(gen[79]), gen[81])}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := t.Context()
			bulk := openTemp(t, &Options{NoSync: true, CacheEntries: -1})
			one := openTemp(t, &Options{NoSync: true, CacheEntries: -1})
			for _, g := range tc.first {
				_, err := bulk.PutArticle(ctx, g)
				require.NoError(t, err)
				_, err = one.PutArticle(ctx, g)
				require.NoError(t, err)
			}
			for _, call := range tc.calls {
				got, err := bulk.PutArticlesBulk(ctx, call)
				require.NoError(t, err)
				var want []graph.WriteResult
				require.NoError(t, one.Batch(ctx, func(ctx context.Context, tx graph.Store) error {
					for _, g := range call {
						r, err := tx.PutArticle(ctx, g)
						if err != nil {
							return err
						}
						want = append(want, r)
					}
					return nil
				}))
				require.Equal(t, want, got)
			}
			b, o := dumpStore(t, bulk), dumpStore(t, one)
			require.Equal(t, len(o), len(b), "keys in the store")
			for k, v := range o {
				bv, ok := b[k]
				name, key, _ := bytes.Cut([]byte(k), []byte{0})
				require.True(t, ok, "bucket %s key %q missing after PutArticlesBulk", name, key)
				require.Equal(t, v, bv, "bucket %s key %q", name, key)
			}
			bs, err := bulk.Stats(ctx)
			require.NoError(t, err)
			os, err := one.Stats(ctx)
			require.NoError(t, err)
			require.Equal(t, os, bs)
			require.Positive(t, bs.Claims, fmt.Sprint(bs))
		})
	}
}

// TestPutArticlesBulkInvalid checks that an invalid article leaves the store as it was.
func TestPutArticlesBulkInvalid(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t, &Options{NoSync: true})
	gen := storetest.GenerateArticles(5, 3)
	bad := graph.Canonical(gen[2])
	bad.Article.ID = ""
	_, err := s.PutArticlesBulk(ctx, []*graph.ArticleGraph{gen[0], gen[1], bad, gen[3]})
	require.Error(t, err)
	require.Equal(t, graph.EINVALID, graph.ErrorCode(err))
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	require.Zero(t, st.Articles)
	_, err = s.PutArticlesBulk(ctx, []*graph.ArticleGraph{gen[0], nil})
	require.Equal(t, graph.EINVALID, graph.ErrorCode(err))
}

// TestEveryWritePathKeepsTheVersionsBound: every write path of the embedded store
// (PutArticle, a Batch, PutArticlesBulk, a write in pieces) cuts previous_versions to
// Retention.VersionsKeep (storetest.VersionsBound).
func TestEveryWritePathKeepsTheVersionsBound(t *testing.T) {
	paths := map[string]func(s *Store) storetest.WriteFunc{
		"PutArticle": func(s *Store) storetest.WriteFunc {
			return func(ctx context.Context, g *graph.ArticleGraph) error { _, err := s.PutArticle(ctx, g); return err }
		},
		"Batch": func(s *Store) storetest.WriteFunc {
			return func(ctx context.Context, g *graph.ArticleGraph) error {
				return s.Batch(ctx, func(ctx context.Context, tx graph.Store) error { _, err := tx.PutArticle(ctx, g); return err })
			}
		},
		"PutArticlesBulk": func(s *Store) storetest.WriteFunc {
			return func(ctx context.Context, g *graph.ArticleGraph) error {
				_, err := s.PutArticlesBulk(ctx, []*graph.ArticleGraph{g})
				return err
			}
		},
	}
	paths["pieces"] = paths["PutArticle"]
	for _, name := range []string{"PutArticle", "Batch", "PutArticlesBulk", "pieces"} {
		t.Run(name, func(t *testing.T) {
			opts := &Options{NoSync: true}
			if name == "pieces" {
				opts.PieceRecords = 2
			}
			s, err := Open(t.Context(), t.TempDir()+"/graph.db", opts)
			require.NoError(t, err)
			defer s.Close(context.Background())
			storetest.VersionsBound(t, s, s.SetRetention, paths[name](s))
		})
	}
}

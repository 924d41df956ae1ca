package export

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// plainStore hides the embedded store's batched reads (ExportBundles, ExportClaims):
// through it the whole-store walk takes the path every other store takes.
type plainStore struct{ graph.Store }

// TestBatchedWalkMatchesPlainWalk exports a store with replaced and deleted articles
// (gone links, outlets named twice, tricky strings) in every format, once through the
// embedded store's batched reads and once through the plain listing, and requires the
// same files byte for byte.
func TestBatchedWalkMatchesPlainWalk(t *testing.T) {
	ctx := context.Background()
	s := openFixture(t, 300)
	_, err := s.PutArticle(ctx, trickyBundle())
	require.NoError(t, err)
	_, ok := s.(batchReader)
	require.True(t, ok, "the embedded store reads batches")
	_, ok = graph.Store(plainStore{s}).(batchReader)
	require.False(t, ok)
	// Replace one article (its links go) and delete another, so that the listing has
	// gaps and bundles name links that are gone.
	page, err := s.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Limit: 3}})
	require.NoError(t, err)
	g, err := s.ArticleGraph(ctx, page.Items[1].ID)
	require.NoError(t, err)
	_, err = s.PutArticle(ctx, g)
	require.NoError(t, err)
	require.NoError(t, s.DeleteArticle(ctx, page.Items[2].ID, nil))

	for _, f := range Formats() {
		t.Run(f.Name, func(t *testing.T) {
			read := func(store graph.Store) map[string]string {
				dir := &DiskDir{Path: t.TempDir()}
				_, err := Export(ctx, store, f.Name, Filter{}, fixedMeta, dir)
				require.NoError(t, err)
				require.NoError(t, dir.Close())
				files, err := os.ReadDir(dir.Path)
				require.NoError(t, err)
				out := map[string]string{}
				for _, e := range files {
					b, err := os.ReadFile(filepath.Join(dir.Path, e.Name()))
					require.NoError(t, err)
					out[e.Name()] = string(b)
				}
				return out
			}
			batched, plain := read(s), read(plainStore{s})
			require.NotEmpty(t, batched)
			for name, want := range plain {
				assert.Equal(t, want, batched[name], "%s differs between the batched and the plain walk", name)
			}
			assert.Len(t, batched, len(plain))
		})
	}
}

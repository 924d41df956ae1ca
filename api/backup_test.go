package api

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// TestBackupEndpoint downloads GET /v1/backup while articles are being written, and
// checks that the file is a store holding whole articles, the fixture's and a prefix
// of the concurrent writes; without a key it is refused, and a Neo4j store has none.
func TestBackupEndpoint(t *testing.T) {
	key := map[string]string{"Authorization": "Bearer " + testKey}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, store := fixtureServer(t, b, Deps{})
			assert.Equal(t, 401, c.do("GET", "/v1/backup", nil, nil).Status)
			if b.name != "embedded" {
				r := c.do("GET", "/v1/backup", nil, key)
				assert.Equal(t, 404, r.Status)
				assert.Contains(t, r.Problem(t).Detail, "format=records")
				return
			}
			gen := st.GenerateArticles(30, 5)
			var wg sync.WaitGroup
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, g := range gen {
					_, err := store.PutArticle(t.Context(), g)
					assert.NoError(t, err)
				}
			}()
			r := c.do("GET", "/v1/backup", nil, key)
			wg.Wait()
			require.Equal(t, 200, r.Status, string(r.Body))
			assert.Equal(t, "application/octet-stream", r.Header.Get("Content-Type"))
			path := filepath.Join(t.TempDir(), "backup.db")
			require.NoError(t, os.WriteFile(path, r.Body, 0o600))
			stats, err := embedded.CheckBackup(t.Context(), path)
			require.NoError(t, err)
			k := stats.Articles - len(st.Gaza())
			require.GreaterOrEqual(t, k, 0)
			require.LessOrEqual(t, k, len(gen))
			want := st.ExpectedStats(append(st.Gaza(), gen[:k]...))
			assert.Equal(t, want, stats, "the counts of the fixture and the first %d generated articles", k)
			bs, err := embedded.Open(t.Context(), path, &embedded.Options{ReadOnly: true})
			require.NoError(t, err)
			defer bs.Close(t.Context())
			for _, g := range append(st.Gaza(), gen[:k]...) {
				got, err := bs.ArticleGraph(t.Context(), g.Article.ID)
				require.NoError(t, err)
				assert.Len(t, got.Statements, len(graph.Canonical(g).Statements), "article %s whole", g.Article.ID)
			}
		})
	}
}

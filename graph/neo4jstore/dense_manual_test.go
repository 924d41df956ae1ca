package neo4jstore

import (
	"encoding/json"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// TestDenseArticleManual writes the densest 2 MiB article (loadcheck's dense text:
// about 42,500 statements, each of its own claim) in pieces: the worst case of a
// write's transactions on the launcher's 512 MiB heap. It runs only with
// CLAIMGRAPH_DENSE_BUNDLE set to a file that caches the extracted bundle (made on the
// first run): extracting 2 MiB takes minutes.
func TestDenseArticleManual(t *testing.T) {
	path := os.Getenv("CLAIMGRAPH_DENSE_BUNDLE")
	if path == "" {
		t.Skip("set CLAIMGRAPH_DENSE_BUNDLE=FILE to write the densest 2 MiB article (a manual check)")
	}
	var g graph.ArticleGraph
	if b, err := os.ReadFile(path); err == nil {
		require.NoError(t, json.Unmarshal(b, &g))
	} else {
		x, err := extract.Extractor{}.Extract(t.Context(), graph.ArticleInput{URL: "https://example.org/largest", Title: "Dense", Text: corpus.DenseText(graph.MaxArticleBytes)})
		require.NoError(t, err)
		b, err := json.Marshal(x.Graph)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, b, 0o644))
		g = *x.Graph
	}
	s := newTestStore(t)
	runtime.GC()
	start := time.Now()
	res, err := s.PutArticle(t.Context(), &g)
	require.NoError(t, err)
	require.True(t, res.Created)
	st, err := s.Stats(t.Context())
	require.NoError(t, err)
	t.Logf("wrote %d statements, %d claims in %s", st.Statements, st.Claims, time.Since(start))
	require.Equal(t, len(g.Statements), st.Statements)
	require.Zero(t, pendingLeft(t, s))
}

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

	// A second dense version replaces it: as many new claims and statements, and all
	// of the first version's swept, in the last transaction of the pieces.
	v2 := denseVersion2(&g)
	start = time.Now()
	res, err = s.PutArticle(t.Context(), v2)
	require.NoError(t, err, "replacing the dense article with another dense version")
	require.True(t, res.Created)
	st, err = s.Stats(t.Context())
	require.NoError(t, err)
	t.Logf("replaced: %d statements, %d claims, %d agents in %s", st.Statements, st.Claims, st.Agents, time.Since(start))
	require.Equal(t, len(v2.Statements), st.Statements)
	require.Equal(t, len(v2.Claims), st.Claims, "the first version's claims are swept")
	require.Zero(t, pendingLeft(t, s))

	// DeleteAll after it, in bounded transactions.
	start = time.Now()
	require.NoError(t, s.DeleteAll(t.Context()))
	st, err = s.Stats(t.Context())
	require.NoError(t, err)
	require.Equal(t, graph.Stats{}, st)
	t.Logf("DeleteAll in %s", time.Since(start))
}

// denseVersion2 is another version of the dense article g: its text with a space
// appended (the spans stay), and every claim, statement and scoped agent new (the ids
// renamed), as a new extraction of an edited text would give.
func denseVersion2(g *graph.ArticleGraph) *graph.ArticleGraph {
	v := *g
	v.Article.Text += " "
	v.Article.ContentHash = graph.ContentHash(v.Article.Text)
	claim := func(id string) string { return id + "-2" }
	v.Claims = make([]graph.Claim, len(g.Claims))
	for i, c := range g.Claims {
		c.ID = claim(c.ID)
		v.Claims[i] = c
	}
	v.Statements = make([]graph.Statement, len(g.Statements))
	for i, x := range g.Statements {
		x.ID, x.ClaimID = x.ID+"-2", claim(x.ClaimID)
		v.Statements[i] = x
	}
	v.Links = nil
	for _, l := range g.Links {
		l.ID, l.From, l.To = l.ID+"-2", claim(l.From), claim(l.To)
		v.Links = append(v.Links, l)
	}
	v.Disputes = nil
	for _, d := range g.Disputes {
		d.ID = d.ID + "-2"
		if d.ClaimID != "" {
			d.ClaimID = claim(d.ClaimID)
		}
		v.Disputes = append(v.Disputes, d)
	}
	return &v
}

package neo4jstore

import (
	"context"
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
	phase := func(name string, do func() error) {
		t.Helper()
		stop := make(chan struct{})
		peak := peakTxMemory(s, stop)
		start := time.Now()
		err := do()
		close(stop)
		t.Logf("%s: %s, peak transaction memory %.1f MiB", name, time.Since(start).Round(100*time.Millisecond), float64(peak())/(1<<20))
		require.NoError(t, err, name)
	}
	var res graph.WriteResult
	write := func(name string, g *graph.ArticleGraph) {
		t.Helper()
		phase(name, func() (err error) { res, err = s.PutArticle(t.Context(), g); return err })
		require.True(t, res.Created)
		st, err := s.Stats(t.Context())
		require.NoError(t, err)
		t.Logf("stored %d statements, %d claims, %d agents, %d mentions", st.Statements, st.Claims, st.Agents, st.Mentions)
		require.Equal(t, len(g.Statements), st.Statements)
		require.Equal(t, len(g.Claims), st.Claims)
		require.Zero(t, pendingLeft(t, s), "nothing pending or retired left")
	}
	write("write the dense article", &g)

	// The dense article deleted: one switching transaction retires it, then it is
	// dropped in batches.
	phase("delete it", func() error { return s.DeleteArticle(t.Context(), g.Article.ID, nil) })
	st, err := s.Stats(t.Context())
	require.NoError(t, err)
	require.Equal(t, graph.Stats{Agents: st.Agents}, st, "only the named agents stay (kept by a delete)")
	t.Logf("deleted: %d agents left (named, not article-scoped)", st.Agents)
	require.Zero(t, pendingLeft(t, s))

	// A second dense version replaces it: as many new claims and statements; the
	// first version retired in the switching transaction and dropped after it.
	write("write it again", &g)
	v2 := denseVersion2(&g)
	write("replace it with another dense version", v2)
	for _, i := range []int{0, len(g.Claims) / 2, len(g.Claims) - 1} {
		_, err := s.Claim(t.Context(), g.Claims[i].ID)
		require.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "the first version's claim %s", g.Claims[i].ID)
		c, err := s.Claim(t.Context(), v2.Claims[i].ID)
		require.NoError(t, err)
		require.Len(t, c.Statements, 1)
	}
	page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: g.Claims[len(g.Claims)/2].Text, Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	for _, c := range page.Items {
		require.NotEqual(t, g.Claims[len(g.Claims)/2].ID, c.Claim.ID, "a claim of the first version is searchable")
		require.Equal(t, []string{v2.Article.ID}, c.ArticleIDs)
		require.Equal(t, 1, c.Statements)
	}

	// DeleteAll after it, in bounded transactions.
	phase("DeleteAll", func() error { return s.DeleteAll(t.Context()) })
	st, err = s.Stats(t.Context())
	require.NoError(t, err)
	require.Equal(t, graph.Stats{}, st)
}

// peakTxMemory polls SHOW TRANSACTIONS every 200 ms until stop is closed; the
// function it returns waits for the poller and gives the largest
// estimatedUsedHeapMemory of a transaction seen (Neo4j's estimate of a transaction's
// state, which dbms.memory.transaction.total.max bounds).
func peakTxMemory(s *Store, stop <-chan struct{}) func() int64 {
	var peak int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			case <-time.After(200 * time.Millisecond):
			}
			recs, err := s.query(context.Background(), "SHOW TRANSACTIONS YIELD estimatedUsedHeapMemory AS m RETURN max(m)", nil)
			if err == nil && len(recs) > 0 {
				if m, ok := recs[0].Values[0].(int64); ok {
					peak = max(peak, m)
				}
			}
		}
	}()
	return func() int64 { <-done; return peak }
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

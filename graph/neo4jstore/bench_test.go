package neo4jstore

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// benchArticles is the size of the generated corpus each benchmark iteration writes.
const benchArticles = 1000

// corpusStats counts the graph statements and the parameter rows (one row = one node or
// relationship MERGE) of a corpus.
func corpusStats(gs []*graph.ArticleGraph) (statements, rows int) {
	for _, g := range gs {
		statements += len(g.Statements)
		for _, b := range planWrite(graph.Canonical(g)).batches {
			rows += len(b.rows)
		}
		rows += 1 + len(g.Agents) // the article and the agent merge
	}
	return statements, rows
}

func benchCorpus() []*graph.ArticleGraph {
	gs := make([]*graph.ArticleGraph, benchArticles)
	for i := range gs {
		gs[i] = genArticle(i, "bench")
	}
	return gs
}

// BenchmarkWriteBatched writes the corpus the way PutArticle does: one managed write
// transaction per article, each record type one UNWIND statement.
func BenchmarkWriteBatched(b *testing.B) {
	s := newTestStore(b)
	ctx := context.Background()
	gs := benchCorpus()
	stmts, rows := corpusStats(gs)
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		require.NoError(b, wipe(ctx, s))
		b.StartTimer()
		t0 := time.Now()
		for _, g := range gs {
			if _, err := s.PutArticle(ctx, g); err != nil {
				b.Fatal(err)
			}
		}
		elapsed += time.Since(t0)
	}
	b.StopTimer()
	checkWritten(b, s, gs)
	report(b, elapsed, stmts, rows)
}

// BenchmarkWritePerStatement writes the same corpus with the same Cypher, but one
// transaction per row: every node and relationship MERGE is its own ExecuteWrite, the
// way a naive loader writes.
func BenchmarkWritePerStatement(b *testing.B) {
	s := newTestStore(b)
	ctx := context.Background()
	gs := benchCorpus()
	stmts, rows := corpusStats(gs)
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		require.NoError(b, wipe(ctx, s))
		b.StartTimer()
		t0 := time.Now()
		for _, g := range gs {
			if err := writeUnbatched(ctx, s, graph.Canonical(g)); err != nil {
				b.Fatal(err)
			}
		}
		elapsed += time.Since(t0)
	}
	b.StopTimer()
	checkWritten(b, s, gs)
	report(b, elapsed, stmts, rows)
}

// writeUnbatched writes a bundle with one transaction per row.
func writeUnbatched(ctx context.Context, s *Store, g *graph.ArticleGraph) error {
	p := planWrite(g)
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db})
	defer sess.Close(ctx)
	one := func(q string, params map[string]any) error {
		_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, q, params)
		})
		return err
	}
	for _, a := range g.Agents {
		if err := one(cyAgents, map[string]any{"rows": []map[string]any{{"id": a.ID, "props": agentProps(a)}}}); err != nil {
			return err
		}
	}
	byCypher := map[string][]map[string]any{}
	for _, b := range p.batches {
		byCypher[b.cypher] = b.rows
	}
	for _, r := range byCypher[cyOutlet] {
		if err := one(cyOutlet, map[string]any{"rows": []map[string]any{r}}); err != nil {
			return err
		}
	}
	aprops := articleProps(&g.Article)
	aprops["bundle_agents"], aprops["bundle_claims"] = p.bundleIDs()
	aprops["bundle_links"] = p.linkIDs()
	if err := one(cyArticle, map[string]any{"id": g.Article.ID, "props": aprops, "outlet": g.Article.OutletID}); err != nil {
		return err
	}
	for _, q := range batchOrder[1:] {
		for _, r := range byCypher[q] {
			params := map[string]any{"rows": []map[string]any{r}}
			if q == cyMentions {
				params["id"] = g.Article.ID
			}
			if err := one(q, params); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkWritten makes sure both loaders wrote the whole corpus: a benchmark of a loader
// that silently drops data would be meaningless.
func checkWritten(b *testing.B, s *Store, gs []*graph.ArticleGraph) {
	st, err := s.Stats(context.Background())
	require.NoError(b, err)
	stmts, _ := corpusStats(gs)
	require.Equal(b, len(gs), st.Articles)
	require.Equal(b, stmts, st.Statements)
}

func report(b *testing.B, elapsed time.Duration, stmts, rows int) {
	sec := elapsed.Seconds() / float64(b.N)
	b.ReportMetric(float64(benchArticles)/sec, "articles/s")
	b.ReportMetric(float64(stmts)/sec, "statements/s")
	b.ReportMetric(float64(rows)/sec, "rows/s")
	b.ReportMetric(0, "ns/op") // the corpus time is in the metrics above
	b.Logf("%d articles, %d statements, %d rows in %.2fs per iteration (%s)", benchArticles, stmts, rows, sec, fmt.Sprint(b.N)+" iterations")
}

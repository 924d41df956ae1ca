package neo4jstore

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// benchArticles is the size of the generated corpus each benchmark iteration writes.
const benchArticles = 1000

// corpusStats counts the graph statements and the parameter rows (one row = one node or
// relationship MERGE) of a corpus.
func corpusStats(gs []*graph.ArticleGraph) (statements, rows int) {
	for _, g := range gs {
		c := graph.Canonical(g)
		statements += len(c.Statements)
		r := newRows()
		r.addBundle(c)
		rows += r.count() + len(c.Agents)
	}
	return statements, rows
}

// benchCorpus is the contract suite's generated corpus: varied outlets, agents shared
// across articles, repeated claims, disputes and links.
func benchCorpus() []*graph.ArticleGraph { return storetest.GenerateArticles(benchArticles, 1) }

// BenchmarkWriteBatched writes the corpus the way PutArticle does: one managed write
// transaction per article, each record type one UNWIND statement.
func BenchmarkWriteBatched(b *testing.B) {
	benchWrite(b, func(ctx context.Context, s *Store, gs []*graph.ArticleGraph) error {
		for _, g := range gs {
			if _, err := s.PutArticle(ctx, g); err != nil {
				return err
			}
		}
		return nil
	})
}

// BenchmarkWritePerStatement writes the same corpus with the same Cypher, but one
// transaction per row: every node and relationship MERGE is its own ExecuteWrite, the
// way a naive loader writes.
func BenchmarkWritePerStatement(b *testing.B) {
	benchWrite(b, func(ctx context.Context, s *Store, gs []*graph.ArticleGraph) error {
		for _, g := range gs {
			if err := writeUnbatched(ctx, s, graph.Canonical(g)); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeUnbatched writes a bundle with one transaction per row: the same Cypher as the
// write statement's steps, each run alone with a one-row list.
func writeUnbatched(ctx context.Context, s *Store, g *graph.ArticleGraph) error {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db})
	defer sess.Close(ctx)
	one := func(q string, params map[string]any) error {
		_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, exec(ctx, tx, q, params)
		})
		return err
	}
	r := newRows()
	for _, a := range g.Agents {
		r.add("agents", map[string]any{"id": a.ID, "props": agentProps(a)})
	}
	r.addBundle(g)
	steps := map[string]step{}
	for _, st := range writeSteps {
		steps[st.param] = st
	}
	for _, row := range r.writeParams()["rows"].([]map[string]any) {
		st := steps[row["step"].(string)]
		if err := one(stepStatement(st), map[string]any{st.param: []map[string]any{row}}); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkWriteBulk writes the corpus with PutArticles: MaxBulkArticles bundles per
// transaction, each record type one UNWIND across them.
func BenchmarkWriteBulk(b *testing.B) {
	benchWrite(b, func(ctx context.Context, s *Store, gs []*graph.ArticleGraph) error {
		_, err := s.PutArticles(ctx, gs)
		return err
	})
}

// benchWrite times write over the generated corpus on an emptied database, b.N times,
// then checks that everything was written and reports the rates.
func benchWrite(b *testing.B, write func(ctx context.Context, s *Store, gs []*graph.ArticleGraph) error) {
	s := newTestStore(b)
	ctx := context.Background()
	gs := benchCorpus()
	stmts, rows := corpusStats(gs)
	var elapsed time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		require.NoError(b, s.DeleteAll(ctx))
		b.StartTimer()
		t0 := time.Now()
		if err := write(ctx, s, gs); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(t0)
	}
	b.StopTimer()
	checkWritten(b, s, gs)
	report(b, elapsed, stmts, rows)
}

// checkWritten makes sure both loaders wrote the whole corpus: a benchmark of a loader
// that silently drops data would be meaningless.
func checkWritten(b *testing.B, s *Store, gs []*graph.ArticleGraph) {
	st, err := s.Stats(context.Background())
	require.NoError(b, err)
	stmts, _ := corpusStats(gs)
	require.Equal(b, storetest.ExpectedStats(gs), st)
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

// BenchmarkReads measures the read paths over the generated corpus (written once with
// PutArticles): one op is one store call.
func BenchmarkReads(b *testing.B) {
	s := newTestStore(b)
	ctx := context.Background()
	gs := benchCorpus()
	_, err := s.PutArticles(ctx, gs)
	require.NoError(b, err)
	checkWritten(b, s, gs)
	claim := graph.Canonical(gs[0]).Statements[0].ClaimID
	word := graph.Words(graph.Canonical(gs[0]).Claims[0].Text)[0]
	agent := graph.Canonical(gs[0]).Agents[0].ID
	yes := true
	cases := []struct {
		name string
		fn   func() error
	}{
		{"SearchByID", func() error { _, err := s.SearchClaims(ctx, graph.ClaimQuery{}); return err }},
		{"SearchByStatements", func() error {
			_, err := s.SearchClaims(ctx, graph.ClaimQuery{Sort: graph.SortByStatements})
			return err
		}},
		{"SearchText", func() error { _, err := s.SearchClaims(ctx, graph.ClaimQuery{Text: word}); return err }},
		{"SearchDisputed", func() error { _, err := s.SearchClaims(ctx, graph.ClaimQuery{Disputed: &yes}); return err }},
		{"Claim", func() error { _, err := s.Claim(ctx, claim); return err }},
		{"Provenance", func() error { _, err := s.Provenance(ctx, claim); return err }},
		{"Contradictions", func() error { _, err := s.Contradictions(ctx, claim); return err }},
		{"AgentClaims", func() error { _, err := s.AgentClaims(ctx, agent, graph.PageRequest{}); return err }},
		{"Subgraph2", func() error {
			_, err := s.Subgraph(ctx, graph.SubgraphQuery{RootID: claim, Depth: 2, Limit: 200})
			return err
		}},
		{"Stats", func() error { _, err := s.Stats(ctx); return err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := c.fn(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

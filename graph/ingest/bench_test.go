package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest/internal/polnear"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// Ingest rate, end to end (validation, extraction, reasoning across articles, write),
// in articles per second, on the PolNeAR train articles with their metadata (outlet,
// date, author, title). Run:
//
//	go test -run '^$' -bench Ingest -benchtime 1x ./graph/ingest
//
// CLAIMGRAPH_BENCH_ARTICLES sets how many articles one run ingests (default 300, at
// most the 840 of train). The Neo4j run needs NEO4J_URI (`make neo4j-up`); it writes
// under URLs unique to the run, so repeated runs measure new writes, and leaves them
// in the database. Skipped when ../shared (next to the repository) is absent.

// benchArticles reads the PolNeAR train articles, or skips.
func benchArticles(b testing.TB) []graph.ArticleInput {
	b.Helper()
	n := 300
	if v, err := strconv.Atoi(os.Getenv("CLAIMGRAPH_BENCH_ARTICLES")); err == nil && v > 0 {
		n = v
	}
	arts, err := polnear.Load(filepath.Join("..", "..", polnear.Dir), "train", n)
	if err != nil {
		b.Skip(err)
	}
	return arts
}

// benchBatches are the batch sizes each store is measured with: 1 is one transaction
// per article (reasoning reads outside it, in parallel), the others IngestBatch.
var benchBatches = []int{1, 16, 64}

// runIngestBench ingests every article once per iteration into a store from open,
// through IngestAll with batch articles per transaction (extraction on every core
// overlapping reasoning and writing), and reports articles/s and the time split.
func runIngestBench(b *testing.B, arts []graph.ArticleInput, batch int, open func(b *testing.B, run int) (graph.Store, string)) {
	var bytes int64
	for _, a := range arts {
		bytes += int64(len(a.Text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	run := 0
	for b.Loop() {
		b.StopTimer()
		run++
		s, prefix := open(b, run)
		in := New(s, extract.Extractor{}, Options{})
		input := make([]graph.ArticleInput, len(arts))
		for i, a := range arts {
			if prefix != "" {
				a.URL = prefix + a.Name
			}
			input[i] = a
		}
		var sum Timings
		var claims, stmts, merged, links, disputes, agents int
		b.StartTimer()
		start := time.Now()
		_, err := in.IngestAll(context.Background(), input, PipelineOptions{Batch: batch}, func(i int, r BatchResult) {
			if r.Err != nil {
				b.Fatalf("%s: %v", input[i].Name, r.Err)
			}
			if !r.Result.Created {
				b.Fatalf("%s was not new: the benchmark must write", input[i].Name)
			}
			sum.Extract += r.Result.Timings.Extract
			sum.Reason += r.Result.Timings.Reason
			sum.Write += r.Result.Timings.Write
			claims += len(r.Result.Claims)
			stmts += r.Result.Statements
			merged += r.Result.MergedClaims
			links += r.Result.LinksMade
			disputes += r.Result.LinkedDisputes
			agents += r.Result.ResolvedAgents
		})
		if err != nil {
			b.Fatal(err)
		}
		elapsed := time.Since(start)
		b.StopTimer()
		rate := float64(len(arts)) / elapsed.Seconds()
		b.ReportMetric(rate, "articles/s")
		b.ReportMetric(float64(stmts)/elapsed.Seconds(), "statements/s")
		fmt.Printf("ingest %d articles (%.1f MB), batch %d, in %s: %.1f articles/s; per article: extract %s (overlapped), reason %s, write %s; %d claims (%d merged across articles), %d statements, %d links made, %d disputes linked across articles, %d agents resolved\n",
			len(arts), float64(bytes)/1e6, batch, elapsed.Round(time.Millisecond), rate,
			(sum.Extract / time.Duration(len(arts))).Round(time.Microsecond),
			(sum.Reason / time.Duration(len(arts))).Round(time.Microsecond),
			(sum.Write / time.Duration(len(arts))).Round(time.Microsecond),
			claims, merged, stmts, links, disputes, agents)
		_ = s.Close(context.Background())
		b.StartTimer()
	}
}

// BenchmarkIngestEmbedded measures the ingest rate into the embedded store (with
// fsync at every commit, as claimgraph ingest runs it), per batch size.
func BenchmarkIngestEmbedded(b *testing.B) {
	arts := benchArticles(b)
	for _, batch := range benchBatches {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			runIngestBench(b, arts, batch, func(b *testing.B, run int) (graph.Store, string) {
				s, err := embedded.Open(context.Background(), filepath.Join(b.TempDir(), "graph.db"), nil)
				if err != nil {
					b.Fatal(err)
				}
				return s, ""
			})
		})
	}
}

// BenchmarkIngestNeo4j measures the ingest rate into Neo4j at NEO4J_URI, per batch
// size; skipped without it.
func BenchmarkIngestNeo4j(b *testing.B) {
	cfg := neo4jstore.ConfigFromEnv(os.Getenv)
	if cfg.URI == "" {
		b.Skip("NEO4J_URI is not set: `make neo4j-up` and NEO4J_URI=bolt://127.0.0.1:7687 to run it")
	}
	arts := benchArticles(b)
	stamp := time.Now().UnixNano()
	for _, batch := range benchBatches {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			runIngestBench(b, arts, batch, func(b *testing.B, run int) (graph.Store, string) {
				s, err := neo4jstore.New(context.Background(), cfg)
				if err != nil {
					b.Fatal(err)
				}
				return s, fmt.Sprintf("https://bench.claimgraph.example/%d/%d/%d/", stamp, batch, run)
			})
		})
	}
}

// BenchmarkIngestLongArticle ingests one generated article of 1x, 10x and 50x a base
// size (many short attributed sentences with counts) to show that cost per character
// stays flat as one article grows: extraction, within-article reasoning and the
// single-transaction write must all be linear. Compare ns/char across sizes.
func BenchmarkIngestLongArticle(b *testing.B) {
	speakers := []string{"John Smith", "the ministry", "Israel", "Mary Jones", "officials"}
	cues := []string{"said", "told reporters", "noted", "added"}
	for _, scale := range []int{1, 10, 50} {
		var sb strings.Builder
		for i := 0; i < 400*scale; i++ {
			fmt.Fprintf(&sb, "%s %s that %d people went home. ", speakers[i%len(speakers)], cues[i%len(cues)], 100+i*7)
		}
		text := sb.String()
		b.Run(fmt.Sprintf("x%d", scale), func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				s, err := embedded.Open(context.Background(), filepath.Join(b.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				if _, err := New(s, extract.Extractor{}, Options{}).Ingest(context.Background(), graph.ArticleInput{Name: "long.txt", Text: text}); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				_ = s.Close(context.Background())
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(text)), "ns/char")
		})
	}
}

package embedded

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestMain removes the large benchmark store when benchmarks built one.
func TestMain(m *testing.M) {
	code := m.Run()
	if bigDir != "" && os.Getenv(benchStoreEnv) == "" {
		_ = os.RemoveAll(bigDir)
	}
	os.Exit(code)
}

// benchArticles is the write benchmarks' corpus: 1,000 generated articles.
var benchArticles = sync.OnceValue(func() []*graph.ArticleGraph { return storetest.GenerateArticles(1000, 42) })

func countStatements(gs []*graph.ArticleGraph) int {
	n := 0
	for _, g := range gs {
		n += len(g.Statements)
	}
	return n
}

// BenchmarkWrite writes 1,000 generated articles into a fresh store per iteration:
// "batched" is one transaction per article (PutArticle, what the store does);
// "per-statement" is one transaction per statement (the article's nodes, then each
// statement, then its disputes, links and mentions, each committed on its own), the
// unbatched baseline. Both with fsync at every commit (the default) and without.
// Reports statements/s.
func BenchmarkWrite(b *testing.B) {
	gen := benchArticles()
	nst := countStatements(gen)
	for _, sync := range []bool{true, false} {
		mode := "fsync"
		if !sync {
			mode = "nosync"
		}
		for _, way := range []string{"batched", "per-statement"} {
			b.Run(way+"/"+mode, func(b *testing.B) {
				for range b.N {
					b.StopTimer()
					s := openTemp(b, &Options{NoSync: !sync})
					b.StartTimer()
					for _, g := range gen {
						var err error
						if way == "batched" {
							_, err = s.PutArticle(b.Context(), g)
						} else {
							err = putPerStatement(s, g)
						}
						if err != nil {
							b.Fatal(err)
						}
					}
					b.StopTimer()
					_ = s.Close(b.Context())
					b.StartTimer()
				}
				b.ReportMetric(float64(nst*b.N)/b.Elapsed().Seconds(), "statements/s")
				b.ReportMetric(float64(len(gen)*b.N)/b.Elapsed().Seconds(), "articles/s")
			})
		}
	}
}

// putPerStatement writes a bundle with one transaction per statement.
func putPerStatement(s *Store, g *graph.ArticleGraph) error {
	c := graph.Canonical(g)
	step := func(fn func(w *writer) error) error {
		return s.db.Update(func(tx *bolt.Tx) error {
			w, err := newWriter(tx)
			if err != nil {
				return err
			}
			if err := fn(w); err != nil {
				return err
			}
			return w.flush()
		})
	}
	if err := step(func(w *writer) error { return w.putNodes(c) }); err != nil {
		return err
	}
	for _, st := range c.Statements {
		if err := step(func(w *writer) error { return w.putStatement(st, c.Article.OutletID) }); err != nil {
			return err
		}
	}
	return step(func(w *writer) error { return w.putRest(c) })
}

// The large read-benchmark store: at least 100,000 claims, built once per process.
var (
	bigDir  string
	bigOnce sync.Once
	big     *bigStore
)

type bigStore struct {
	s        *Store
	claims   []string // every claim id
	hot      []string // claims with several statements
	speakers []string
	words    []string // words of claim texts
	stats    graph.Stats
}

const bigArticles = 17000 // about 103,000 claims and 140,000 statements

// benchStoreEnv names an environment variable holding a store file path for the read
// benchmarks: when the file exists it is opened instead of built (it must have been
// built by this benchmark, which writes it there when missing), so repeated runs skip
// the minutes of building. Unset, the store is built in a temporary directory and
// removed at exit.
const benchStoreEnv = "CLAIMGRAPH_BENCH_STORE"

func loadBig(b *testing.B) *bigStore {
	if testing.Short() {
		b.Skip("builds a 100,000-claim store; skipped with -short")
	}
	bigOnce.Do(func() {
		var err error
		path := os.Getenv(benchStoreEnv)
		reuse := false
		if path != "" {
			bigDir = filepath.Dir(path)
			_, err := os.Stat(path)
			reuse = err == nil
		} else {
			bigDir, err = os.MkdirTemp("", "claimgraph-bench-")
			if err != nil {
				b.Fatal(err)
			}
			path = filepath.Join(bigDir, "big.db")
		}
		start := time.Now()
		gen := storetest.GenerateArticles(bigArticles, 2025)
		if !reuse {
			// Build under another name and rename when complete, so that an interrupted
			// build is never reused.
			if err := buildBig(path+".partial", gen); err != nil {
				b.Fatal(err)
			}
			if err := os.Rename(path+".partial", path); err != nil {
				b.Fatal(err)
			}
		} else {
			fmt.Fprintf(os.Stderr, "big store: reusing %s\n", path)
		}
		s, err := Open(context.Background(), path, &Options{NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		// Warm the page cache, as a long-running server's would be.
		if f, err := os.Open(s.Path()); err == nil {
			_, _ = io.Copy(io.Discard, f)
			_ = f.Close()
		}
		bs := &bigStore{s: s}
		seenC, seenS, seenW := map[string]int{}, map[string]bool{}, map[string]bool{}
		for _, g := range gen {
			for _, st := range g.Statements {
				seenC[st.ClaimID]++
				if st.SpeakerID != "" && !seenS[st.SpeakerID] {
					seenS[st.SpeakerID] = true
					bs.speakers = append(bs.speakers, st.SpeakerID)
				}
			}
			for _, c := range g.Claims {
				for _, w := range graph.Words(c.Text) {
					if !seenW[w] && len(bs.words) < 5000 {
						seenW[w] = true
						bs.words = append(bs.words, w)
					}
				}
			}
		}
		for id, n := range seenC {
			bs.claims = append(bs.claims, id)
			if n > 2 {
				bs.hot = append(bs.hot, id)
			}
		}
		slices.Sort(bs.claims)
		slices.Sort(bs.hot)
		bs.stats, _ = s.Stats(context.Background())
		fmt.Fprintf(os.Stderr, "big store: %+v, built in %v\n", bs.stats, time.Since(start).Round(time.Second))
		big = bs
	})
	if big == nil {
		b.Fatal("big store failed to build")
	}
	return big
}

// buildBig writes gen into a new store at path, in batches of articles per
// transaction: a bulk load, not what is measured.
func buildBig(path string, gen []*graph.ArticleGraph) error {
	_ = os.Remove(path)
	s, err := Open(context.Background(), path, &Options{NoSync: true})
	if err != nil {
		return err
	}
	for i := 0; i < len(gen); i += 250 {
		batch := gen[i:min(i+250, len(gen))]
		err := s.db.Update(func(tx *bolt.Tx) error {
			w, err := newWriter(tx)
			if err != nil {
				return err
			}
			for _, g := range batch {
				if _, err := w.putArticle(g); err != nil {
					return err
				}
			}
			return w.flush()
		})
		if err != nil {
			_ = s.Close(context.Background())
			return err
		}
	}
	return s.Close(context.Background())
}

// runParallel runs op from 50 concurrent goroutines (the API's load-test target) and
// reports the p50 and p99 latency next to ns/op.
func runParallel(b *testing.B, op func(r *rand.Rand) error) {
	var mu sync.Mutex
	var lat []time.Duration
	b.SetParallelism((50 + 1) / 2) // × GOMAXPROCS (2 here) ≈ 50 goroutines
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		r := rand.New(rand.NewPCG(rand.Uint64(), 1))
		var mine []time.Duration
		for pb.Next() {
			t0 := time.Now()
			if err := op(r); err != nil {
				b.Error(err)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

// BenchmarkRead measures the read paths the API serves, on a store of over 100,000
// claims, with 50 concurrent readers. Timings are reported, never asserted.
func BenchmarkRead(b *testing.B) {
	bs := loadBig(b)
	ctx := context.Background()
	pick := func(r *rand.Rand, ids []string) string { return ids[r.IntN(len(ids))] }
	cases := []struct {
		name string
		op   func(r *rand.Rand) error
	}{
		{"Provenance", func(r *rand.Rand) error { _, err := bs.s.Provenance(ctx, pick(r, bs.claims)); return err }},
		{"Provenance/hot", func(r *rand.Rand) error { _, err := bs.s.Provenance(ctx, pick(r, bs.hot)); return err }},
		{"Contradictions", func(r *rand.Rand) error { _, err := bs.s.Contradictions(ctx, pick(r, bs.claims)); return err }},
		{"Contradictions/hot", func(r *rand.Rand) error { _, err := bs.s.Contradictions(ctx, pick(r, bs.hot)); return err }},
		{"SearchClaims/text", func(r *rand.Rand) error {
			_, err := bs.s.SearchClaims(ctx, graph.ClaimQuery{Text: pick(r, bs.words)})
			return err
		}},
		{"SearchClaims/text2", func(r *rand.Rand) error {
			_, err := bs.s.SearchClaims(ctx, graph.ClaimQuery{Text: pick(r, bs.words) + " " + pick(r, bs.words)})
			return err
		}},
		{"SearchClaims/text-by-statements", func(r *rand.Rand) error {
			_, err := bs.s.SearchClaims(ctx, graph.ClaimQuery{Text: pick(r, bs.words), Sort: graph.SortByStatements})
			return err
		}},
		{"SearchClaims/speaker", func(r *rand.Rand) error {
			_, err := bs.s.SearchClaims(ctx, graph.ClaimQuery{SpeakerID: pick(r, bs.speakers)})
			return err
		}},
		{"SearchClaims/by-statements", func(r *rand.Rand) error {
			_, err := bs.s.SearchClaims(ctx, graph.ClaimQuery{Sort: graph.SortByStatements, Page: graph.PageRequest{Limit: 50}})
			return err
		}},
		{"SearchClaims/disputed-quantity", func(r *rand.Rand) error {
			_, err := bs.s.SearchClaims(ctx, graph.ClaimQuery{Disputed: ptrBool(true), HasQuantity: ptrBool(true)})
			return err
		}},
		{"SearchClaims/page-walk", func(r *rand.Rand) error {
			cursor := ""
			for range 5 {
				p, err := bs.s.SearchClaims(ctx, graph.ClaimQuery{Page: graph.PageRequest{Cursor: cursor}})
				if err != nil {
					return err
				}
				cursor = p.NextCursor
			}
			return nil
		}},
		{"Subgraph/depth2", func(r *rand.Rand) error {
			_, err := bs.s.Subgraph(ctx, graph.SubgraphQuery{RootID: pick(r, bs.claims), Depth: 2, Limit: 200})
			return err
		}},
		{"AgentClaims", func(r *rand.Rand) error {
			_, err := bs.s.AgentClaims(ctx, pick(r, bs.speakers), graph.PageRequest{})
			return err
		}},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) { runParallel(b, tc.op) })
	}
}

func ptrBool(v bool) *bool { return &v }

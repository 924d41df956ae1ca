package export

import (
	"context"
	"io"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// heapProbe measures the largest live heap an export holds: every sampleEvery calls of
// the store's read methods and every sampleBytes of output it collects garbage and
// reads the heap in use, keeping the largest value. A collection at each probe makes the
// figure what the export still references there, not garbage waiting for a collection.
type heapProbe struct {
	calls, bytes int64
	peak         uint64
}

const (
	sampleEvery = 64       // store calls between two probes
	sampleBytes = 64 << 10 // output bytes between two probes
)

func (p *heapProbe) sample() {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	p.peak = max(p.peak, m.HeapAlloc)
}

func (p *heapProbe) call() {
	if p.calls++; p.calls%sampleEvery == 0 {
		p.sample()
	}
}

// probedStore is the embedded store with a probe on the reads an export makes.
type probedStore struct {
	*embedded.Store
	p *heapProbe
}

func (s probedStore) ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	s.p.call()
	return s.Store.ArticleGraph(ctx, id)
}

func (s probedStore) Article(ctx context.Context, id string) (*graph.Article, error) {
	s.p.call()
	return s.Store.Article(ctx, id)
}

func (s probedStore) Articles(ctx context.Context, q graph.ArticleQuery) (graph.Page[graph.ArticleRef], error) {
	s.p.call()
	return s.Store.Articles(ctx, q)
}

func (s probedStore) SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error) {
	s.p.call()
	return s.Store.SearchClaims(ctx, q)
}

func (s probedStore) Agents(ctx context.Context, q graph.AgentQuery) (graph.Page[graph.Agent], error) {
	s.p.call()
	return s.Store.Agents(ctx, q)
}

// probedDir is a Dir whose files are counted and discarded, with a probe on the output.
type probedDir struct{ p *heapProbe }

func (d probedDir) Create(string) (io.Writer, error) { return d, nil }

func (d probedDir) Write(b []byte) (int, error) {
	before := d.p.bytes
	if d.p.bytes += int64(len(b)); d.p.bytes/sampleBytes != before/sampleBytes {
		d.p.sample()
	}
	return len(b), nil
}

// generatedStore is an embedded store (no record cache, as claimgraph export opens it)
// holding n generated articles.
func generatedStore(t *testing.T, n int) *embedded.Store {
	t.Helper()
	ctx := t.Context()
	s, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true, CacheEntries: -1})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(ctx) })
	gen := st.GenerateArticles(n, 11)
	for i := 0; i < len(gen); i += 500 {
		_, err := s.PutArticlesBulk(ctx, gen[i:min(i+500, len(gen))])
		require.NoError(t, err)
	}
	return s
}

// peakLiveHeap exports the whole store in format and returns the largest live heap
// probed during the export and the bytes written.
func peakLiveHeap(t *testing.T, s *embedded.Store, format string) (uint64, int64) {
	t.Helper()
	p := &heapProbe{}
	runtime.GC()
	p.sample() // the baseline: what the test holds before the export starts
	base := p.peak
	p.peak = 0
	_, err := Export(t.Context(), probedStore{Store: s, p: p}, format, Filter{}, fixedMeta, probedDir{p: p})
	require.NoError(t, err)
	p.sample()
	return max(p.peak, base) - base, p.bytes
}

// TestExportMemoryBounded checks that every format streams: exporting a store eight
// times as large holds no more live heap, up to maxGrowth. What may grow is what is
// bounded but not yet full on the small store: the Cypher script's per-type batches
// (at most cypherBatchRows rows each) and the JSON-LD writer's dates (at most
// maxDates), about 200 and 400 KiB here. What grows with the store fails it: a map
// of every node id (to keep edges from pointing at missing nodes) or a sort of the
// edges in memory grows by megabytes between these stores (2,800 articles more: about
// 45,000 nodes and 110,000 edges).
func TestExportMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("exports two generated stores in every format")
	}
	const maxGrowth = 512 << 10
	// The batched walk holds up to four batches (bundleBatch articles, claimBatch
	// claims) at a time: bounded, but at 64 articles a batch that window is most of
	// the small store, whose export then seldom holds a full one. Batches of 8 and 64
	// keep the window small beside both stores, so what this compares is what the
	// writers keep.
	defer func(b, c int) { bundleBatch, claimBatch = b, c }(bundleBatch, claimBatch)
	bundleBatch, claimBatch = 8, 64
	small, large := generatedStore(t, 400), generatedStore(t, 3200)
	for _, f := range Formats() {
		t.Run(f.Name, func(t *testing.T) {
			hs, bs := peakLiveHeap(t, small, f.Name)
			hl, bl := peakLiveHeap(t, large, f.Name)
			t.Logf("%s: peak live heap %d KiB for %d KB of output, %d KiB for %d KB", f.Name, hs>>10, bs/1000, hl>>10, bl/1000)
			require.Greater(t, bl, 4*bs, "the large store's export is not larger")
			require.LessOrEqual(t, int64(hl)-int64(hs), int64(maxGrowth),
				"%s: the export's live heap grew from %d KiB to %d KiB with a store 8 times as large: something it keeps grows with the store", f.Name, hs>>10, hl>>10)
		})
	}
}

package ingest

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore/neo4jtest"
)

// batchArticles are the seed corpus and invented articles that act on each other
// across articles (testdata/batch/articles.jsonl): a dismissal and a denial of
// another article's claim, a denial of a claim another article restates in other
// words (restated.go), figures that corroborate and conflict, near-duplicate claims
// that merge, an acronym that resolves to a stored organization, an article given
// twice (unchanged the second time) and one replaced by a new text.
func batchArticles(t *testing.T) []graph.ArticleInput {
	t.Helper()
	seed, err := corpus.Default()
	require.NoError(t, err)
	p := filepath.Join("testdata", "batch", "articles.jsonl")
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	inv, err := corpus.ParseJSONL(p, data)
	require.NoError(t, err)
	return corpus.Inputs(append(seed, inv...))
}

// storeBackend opens a fresh store of one kind.
type storeBackend struct {
	name string
	open func(t *testing.T) graph.Store
}

func storeBackends() []storeBackend {
	return []storeBackend{
		{"embedded", func(t *testing.T) graph.Store { return newTestStore(t) }},
		// batches reason through the deferred store (deferred_test.go)
		{"embedded, bulk reads", func(t *testing.T) graph.Store { return bulkStore{newTestStore(t), &bulkCounts{}} }},
		{"neo4j", func(t *testing.T) graph.Store { return neo4jtest.Open(t) }},
	}
}

// graphDump is everything a store holds about a set of articles, and what ingesting
// them reported, for comparing two ingests.
type graphDump struct {
	Stats    graph.Stats
	Articles []*graph.ArticleGraph
	Claims   []graph.ClaimSummary
	Results  []*Result // timings zeroed; nil for a skipped article
}

func dumpStore(t *testing.T, s graph.Store, arts []graph.ArticleInput, results []*Result) graphDump {
	t.Helper()
	ctx := t.Context()
	d := graphDump{Results: results}
	var err error
	d.Stats, err = s.Stats(ctx)
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, a := range arts {
		id := graph.ArticleID(a.URL, a.Text)
		if seen[id] {
			continue
		}
		seen[id] = true
		g, err := s.ArticleGraph(ctx, id)
		require.NoError(t, err)
		d.Articles = append(d.Articles, g)
	}
	sort.Slice(d.Articles, func(i, j int) bool { return d.Articles[i].Article.ID < d.Articles[j].Article.ID })
	cursor := ""
	for {
		page, err := s.SearchClaims(ctx, graph.ClaimQuery{Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		d.Claims = append(d.Claims, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	for _, r := range results {
		if r != nil {
			r.Timings = Timings{}
		}
	}
	return d
}

// ingestOneByOne ingests arts with Ingest, one call (one transaction) per article.
func ingestOneByOne(t *testing.T, s graph.Store, arts []graph.ArticleInput) []*Result {
	t.Helper()
	in := New(s, extract.Extractor{}, Options{})
	out := make([]*Result, len(arts))
	for i, a := range arts {
		r, err := in.Ingest(t.Context(), a)
		require.NoError(t, err, a.Name)
		out[i] = r
	}
	return out
}

// reference is the graph of a clean one-by-one ingest of arts into a fresh embedded
// store (TestBatchSameGraphAsOneByOne shows that Neo4j holds the same).
func reference(t *testing.T, arts []graph.ArticleInput) graphDump {
	t.Helper()
	s := newTestStore(t)
	return dumpStore(t, s, arts, ingestOneByOne(t, s, arts))
}

// ingestBatched ingests arts with IngestAll, batch articles per transaction.
func ingestBatched(ctx context.Context, s graph.Store, arts []graph.ArticleInput, batch int) ([]*Result, int, error) {
	out := make([]*Result, len(arts))
	done, err := New(s, extract.Extractor{}, Options{}).IngestAll(ctx, arts, PipelineOptions{Workers: 2, Batch: batch}, func(i int, r BatchResult) {
		out[i] = r.Result
	})
	return out, done, err
}

// Batched ingest gives the same graph, and reports the same, as ingesting one
// article at a time, whatever the batch size, in both stores; and the two stores
// hold the same graph.
func TestBatchSameGraphAsOneByOne(t *testing.T) {
	arts := batchArticles(t)
	var want *graphDump
	for _, b := range storeBackends() {
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t)
			one := dumpStore(t, s, arts, ingestOneByOne(t, s, arts))
			var merged, links, disputes, agents, unchanged int
			for _, r := range one.Results {
				merged, links, disputes, agents = merged+r.MergedClaims, links+r.LinksMade, disputes+r.LinkedDisputes, agents+r.ResolvedAgents
				if !r.Created {
					unchanged++
				}
			}
			// the fixture must make articles act on each other, or the test proves nothing
			require.Positive(t, merged, "claims merged across articles")
			require.Positive(t, links, "links made across articles")
			require.Positive(t, disputes, "disputes linked across articles")
			require.Positive(t, agents, "agents resolved across articles")
			require.Equal(t, 1, unchanged, "the article given twice")
			require.NotEmpty(t, restatedDisputes(t, one), "the denial disputes the claim another article restates")
			if want == nil {
				want = &one
			} else {
				assert.Equal(t, *want, one, "one-by-one ingest gives the same graph in both stores")
			}
			for _, batch := range []int{2, 5, len(arts)} {
				if b.name == "neo4j" {
					require.NoError(t, s.(interface{ DeleteAll(context.Context) error }).DeleteAll(t.Context()))
				} else {
					s = b.open(t)
				}
				res, done, err := ingestBatched(t.Context(), s, arts, batch)
				require.NoError(t, err, "batch %d", batch)
				require.Equal(t, len(arts), done)
				assert.Equal(t, one, dumpStore(t, s, arts, res), "batch %d", batch)
			}
		})
	}
}

// failingStore makes the PutArticle of one article fail inside a batch, after the
// batch's earlier articles were written in its transaction; with cancel set it
// cancels the ingest's context there instead.
type failingStore struct {
	graph.Store
	failID string
	cancel context.CancelFunc
}

func (f *failingStore) Batch(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	return f.Store.(graph.Batcher).Batch(ctx, func(ctx context.Context, tx graph.Store) error {
		return fn(ctx, &failingTx{Store: tx, f: f})
	})
}

type failingTx struct {
	graph.Store
	f *failingStore
}

func (x *failingTx) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	if g.Article.ID == x.f.failID {
		if x.f.cancel != nil {
			x.f.cancel()
			return graph.WriteResult{}, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "cancelled")
		}
		return graph.WriteResult{}, graph.Errorf(graph.EUNAVAILABLE, "the store went away (test)")
	}
	return x.Store.PutArticle(ctx, g)
}

// A failure in the middle of a batch (a store error, or the run cancelled) leaves
// nothing of the batch in the store, not even the articles the batch wrote before
// it; running the same ingest again then completes it, with the graph of a clean run.
func TestBatchFailureLeavesNoPartialArticle(t *testing.T) {
	arts := batchArticles(t)
	failAt := 7 // a batch of 5, then a batch of 5 that fails at its third article
	failID := graph.ArticleID(arts[failAt].URL, arts[failAt].Text)
	for _, b := range storeBackends() {
		for _, cancel := range []bool{false, true} {
			name := b.name + "/store_error"
			if cancel {
				name = b.name + "/cancelled"
			}
			t.Run(name, func(t *testing.T) {
				s := b.open(t)
				ctx, stop := context.WithCancel(t.Context())
				defer stop()
				f := &failingStore{Store: s, failID: failID}
				if cancel {
					f.cancel = stop
				}
				_, done, err := ingestBatched(ctx, f, arts, 5)
				require.Error(t, err)
				assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
				assert.Equal(t, 5, done, "the first batch is written, the second is not")

				first := reference(t, arts[:5])
				assert.Equal(t, first.Stats, dumpStore(t, s, arts[:5], nil).Stats, "the store holds the first batch and nothing of the second")
				for _, a := range arts[5:10] {
					_, err := s.Article(t.Context(), graph.ArticleID(a.URL, a.Text))
					assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "article %s of the failed batch", a.Name)
				}

				res, done, err := ingestBatched(t.Context(), s, arts, 5)
				require.NoError(t, err)
				require.Equal(t, len(arts), done)
				clean := reference(t, arts)
				got := dumpStore(t, s, arts, res)
				assert.Equal(t, clean.Stats, got.Stats)
				assert.Equal(t, clean.Articles, got.Articles)
				assert.Equal(t, clean.Claims, got.Claims)
				assert.Equal(t, clean.Results[5:], got.Results[5:], "the second run writes what the failed batch did not")
			})
		}
	}
}

// restatedDisputes returns the disputes of the fixture's bribes-denial article
// ("Mayor Anna Lindqvist denied that she took bribes from developers") that name a
// claim the bribes article states ("Ortega said the mayor took bribes from developers
// for the stadium contract"): the restated-claim rule's links.
func restatedDisputes(t *testing.T, d graphDump) []graph.Dispute {
	t.Helper()
	byURL := map[string]*graph.ArticleGraph{}
	for _, g := range d.Articles {
		byURL[g.Article.URL] = g
	}
	bribes, denial := byURL["https://ledger.example/bribes"], byURL["https://courier.example/bribes-denial"]
	require.NotNil(t, bribes, "the bribes article is stored")
	require.NotNil(t, denial, "the bribes-denial article is stored")
	stated := map[string]bool{}
	for _, st := range bribes.Statements {
		stated[st.ClaimID] = true
	}
	var out []graph.Dispute
	for _, dp := range denial.Disputes {
		if stated[dp.ClaimID] {
			out = append(out, dp)
		}
	}
	return out
}

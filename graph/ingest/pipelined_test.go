package ingest

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// pipedStore is a store IngestAll pipelines batches into (a graph.Batcher, a
// graph.BulkReader and a graph.OutletsReader) whose batches commit late: each
// transaction waits before its commit, so that the next batch reads while it is not
// committed, and reads that must wait for it (pipelined.go) are seen to. It counts
// the transactions, and those in which ingest read (a batch reasoned in its
// transaction, not ahead of it).
type pipedStore struct {
	graph.Store
	bulk  graph.BulkReader
	out   graph.OutletsReader
	delay time.Duration
	n     *pipedCounts
	// fail, when set, makes the PutArticle of that article fail in its transaction;
	// with cancel set, it cancels the ingest's context there instead.
	fail   string
	cancel context.CancelFunc
}

type pipedCounts struct {
	batches, readIn atomic.Int64
}

// piped makes s (a graph.Batcher; a bulk-reading one, or it reads through
// bulkStore) a pipedStore.
func piped(s graph.Store, delay time.Duration) pipedStore {
	if _, ok := s.(graph.BulkReader); !ok {
		s = bulkStore{s, &bulkCounts{}}
	}
	return pipedStore{Store: s, bulk: s.(graph.BulkReader), out: s.(graph.OutletsReader), delay: delay, n: &pipedCounts{}}
}

func (p pipedStore) Batch(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	p.n.batches.Add(1)
	return p.Store.(graph.Batcher).Batch(ctx, func(ctx context.Context, tx graph.Store) error {
		if err := fn(ctx, &pipedTx{Store: tx, p: p}); err != nil {
			return err
		}
		select {
		case <-time.After(p.delay): // the commit comes late
		case <-ctx.Done():
			return ctx.Err()
		}
		return nil
	})
}

func (p pipedStore) SearchClaimsText(ctx context.Context, texts []string, limit int) ([]graph.Page[graph.ClaimSummary], error) {
	return p.bulk.SearchClaimsText(ctx, texts, limit)
}

func (p pipedStore) AgentsByID(ctx context.Context, ids []string) ([]*graph.Agent, error) {
	return p.bulk.AgentsByID(ctx, ids)
}

func (p pipedStore) ClaimsByCountedMany(ctx context.Context, keys []graph.CountedKey, limit int) ([][]graph.Claim, error) {
	return p.bulk.ClaimsByCountedMany(ctx, keys, limit)
}

func (p pipedStore) AgentsByName(ctx context.Context, names []string, limit int) ([]graph.Page[graph.Agent], error) {
	return p.bulk.AgentsByName(ctx, names, limit)
}

func (p pipedStore) OutletsByID(ctx context.Context, ids []string) ([]*graph.Outlet, error) {
	return p.out.OutletsByID(ctx, ids)
}

// pipedTx is a batch's transaction: ingest's reads through it are counted (a batch
// reasoned in its transaction reads whether each article is stored), and a write of
// p.fail fails.
type pipedTx struct {
	graph.Store
	p    pipedStore
	read bool
}

func (x *pipedTx) Article(ctx context.Context, id string) (*graph.Article, error) {
	if !x.read {
		x.read = true
		x.p.n.readIn.Add(1)
	}
	return x.Store.Article(ctx, id)
}

func (x *pipedTx) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	if g.Article.ID == x.p.fail && x.p.fail != "" {
		if x.p.cancel != nil {
			x.p.cancel()
			return graph.WriteResult{}, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "cancelled")
		}
		return graph.WriteResult{}, graph.Errorf(graph.EUNAVAILABLE, "the store went away (test)")
	}
	return x.Store.PutArticle(ctx, g)
}

// Pipelined batches (the next batch reads ahead and reasons while the one before it
// is written and commits) give the graph of one article at a time, and report the
// same, in both stores, whatever the batch size, with commits that come late; most
// batches are reasoned ahead of their transaction (the others, whose reads needed
// their own bundles written, in it).
func TestPipelinedSameGraphAsOneByOne(t *testing.T) {
	arts := batchArticles(t)
	want := reference(t, arts)
	for _, b := range storeBackends() {
		if b.name == "embedded, bulk reads" {
			continue // piped makes the embedded store bulk-reading
		}
		t.Run(b.name, func(t *testing.T) {
			for _, batch := range []int{2, 3, 5} {
				s := piped(b.open(t), 20*time.Millisecond)
				res, done, err := ingestBatched(t.Context(), s, arts, batch)
				require.NoError(t, err, "batch %d", batch)
				require.Equal(t, len(arts), done)
				assert.Equal(t, want, dumpStore(t, s, arts, res), "batch %d", batch)
				batches, in := s.n.batches.Load(), s.n.readIn.Load()
				t.Logf("batch %d: %d transactions, %d of them reasoned in", batch, batches, in)
				assert.Less(t, 2*in, batches, "batch %d: most batches are reasoned ahead of their transaction", batch)
			}
		})
	}
}

// A pipelined batch whose transaction fails (a store error, or the run cancelled)
// stops the run with its error after the batch before it is written and reported, and
// nothing of it, nor of the batch reasoned ahead while it was written, is in the
// store; running the same ingest again completes it, with the graph of a clean run.
func TestPipelinedFailureLeavesNoPartialArticle(t *testing.T) {
	arts := batchArticles(t)
	failAt := 7 // a batch of 5, then a batch of 5 that fails at its third article
	failID := graph.ArticleID(arts[failAt].URL, arts[failAt].Text)
	clean := reference(t, arts)
	first := reference(t, arts[:5])
	for _, b := range storeBackends() {
		if b.name == "embedded, bulk reads" {
			continue
		}
		for _, cancel := range []bool{false, true} {
			name := b.name + "/store_error"
			if cancel {
				name = b.name + "/cancelled"
			}
			t.Run(name, func(t *testing.T) {
				s := piped(b.open(t), 20*time.Millisecond)
				ctx, stop := context.WithCancel(t.Context())
				defer stop()
				f := s
				f.fail = failID
				if cancel {
					f.cancel = stop
				}
				_, done, err := ingestBatched(ctx, f, arts, 5)
				require.Error(t, err)
				assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
				assert.Equal(t, 5, done, "the first batch is written, the second is not")
				assert.Equal(t, first.Stats, dumpStore(t, s, arts[:5], nil).Stats, "the store holds the first batch and nothing of the second")
				written := map[string]bool{}
				for _, a := range arts[:5] {
					written[graph.ArticleID(a.URL, a.Text)] = true
				}
				for _, a := range arts[5:] {
					if id := graph.ArticleID(a.URL, a.Text); !written[id] { // not one given again
						_, err := s.Article(t.Context(), id)
						assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "article %s after the first batch", a.Name)
					}
				}

				res, done, err := ingestBatched(t.Context(), s, arts, 5)
				require.NoError(t, err)
				require.Equal(t, len(arts), done)
				got := dumpStore(t, s, arts, res)
				assert.Equal(t, clean.Stats, got.Stats)
				assert.Equal(t, clean.Articles, got.Articles)
				assert.Equal(t, clean.Claims, got.Claims)
				assert.Equal(t, clean.Results[5:], got.Results[5:], "the second run writes what the failed batch did not")
			})
		}
	}
}

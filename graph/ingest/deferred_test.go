package ingest

import (
	"context"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// bulkStore makes a store that is no graph.BulkReader (the embedded one) one, each
// bulk read answered by the single-item reads it stands for (the BulkReader
// contract), so that batches reason through the deferred store (deferred.go) against
// it too. It counts the bulk reads and the bundles written.
type bulkStore struct {
	graph.Store
	n *bulkCounts
}

type bulkCounts struct {
	bulkReads, written, writes atomic.Int64
	textReads                  atomic.Int64 // SearchClaimsText calls
}

func (b bulkStore) Batch(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	return b.Store.(graph.Batcher).Batch(ctx, func(ctx context.Context, tx graph.Store) error {
		return fn(ctx, bulkStore{tx, b.n})
	})
}

func (b bulkStore) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	b.n.writes.Add(1)
	b.n.written.Add(1)
	return b.Store.PutArticle(ctx, g)
}

// PutArticles writes the bundles in turn: one write of several bundles.
func (b bulkStore) PutArticles(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error) {
	b.n.writes.Add(1)
	out := make([]graph.WriteResult, 0, len(gs))
	for _, g := range gs {
		b.n.written.Add(1)
		r, err := b.Store.PutArticle(ctx, g)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// OutletsByID reads the outlets from the store (graph.OutletsReader; not a bulk read
// of the count).
func (b bulkStore) OutletsByID(ctx context.Context, ids []string) ([]*graph.Outlet, error) {
	return b.Store.(graph.OutletsReader).OutletsByID(ctx, ids)
}

func (b bulkStore) SearchClaimsText(ctx context.Context, texts []string, limit int) ([]graph.Page[graph.ClaimSummary], error) {
	b.n.bulkReads.Add(1)
	b.n.textReads.Add(1)
	out := make([]graph.Page[graph.ClaimSummary], len(texts))
	for i, t := range texts {
		var err error
		if out[i], err = b.SearchClaims(ctx, graph.ClaimQuery{Text: t, Page: graph.PageRequest{Limit: limit}}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (b bulkStore) AgentsByID(ctx context.Context, ids []string) ([]*graph.Agent, error) {
	b.n.bulkReads.Add(1)
	out := make([]*graph.Agent, len(ids))
	for i, id := range ids {
		a, err := b.Agent(ctx, id)
		switch {
		case graph.ErrorCode(err) == graph.ENOTFOUND:
		case err != nil:
			return nil, err
		default:
			out[i] = a
		}
	}
	return out, nil
}

func (b bulkStore) ClaimsByCountedMany(ctx context.Context, keys []graph.CountedKey, limit int) ([][]graph.Claim, error) {
	b.n.bulkReads.Add(1)
	out := make([][]graph.Claim, len(keys))
	for i, k := range keys {
		var err error
		if out[i], err = b.ClaimsByCounted(ctx, k.Counted, k.Unit, limit); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (b bulkStore) AgentsByName(ctx context.Context, names []string, limit int) ([]graph.Page[graph.Agent], error) {
	b.n.bulkReads.Add(1)
	out := make([]graph.Page[graph.Agent], len(names))
	for i, n := range names {
		var err error
		if out[i], err = b.Agents(ctx, graph.AgentQuery{Name: n, Page: graph.PageRequest{Limit: limit}}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// A batch against a bulk-reading store reasons through the deferred store: it gives
// the graph of one-by-one ingest (TestBatchSameGraphAsOneByOne runs it as the
// backend "embedded, bulk reads"), and it does so with fewer bulk reads and writes
// than articles: most reads are answered from what the batch read ahead, and the
// bundles are written several at a time.
func TestDeferredBatchReadsAheadAndWritesTogether(t *testing.T) {
	arts := batchArticles(t)
	counts := map[int]*bulkCounts{}
	for _, batch := range []int{1, len(arts)} {
		n := &bulkCounts{}
		s := bulkStore{newTestStore(t), n}
		_, done, err := ingestBatched(t.Context(), s, arts, batch)
		require.NoError(t, err)
		require.Equal(t, len(arts), done)
		counts[batch] = n
	}
	one, all := counts[1], counts[len(arts)]
	t.Logf("one article per transaction: %d bulk reads, %d writes of %d bundles; one batch: %d bulk reads, %d writes of %d bundles",
		one.bulkReads.Load(), one.writes.Load(), one.written.Load(), all.bulkReads.Load(), all.writes.Load(), all.written.Load())
	assert.Equal(t, one.written.Load(), all.written.Load(), "the same bundles are written")
	assert.Less(t, all.writes.Load(), all.written.Load(), "bundles are written several at a time")
	assert.Less(t, all.bulkReads.Load(), one.bulkReads.Load()/2, "most reads are answered from what the batch read ahead")
}

// distinctArticles is the fixture without the articles given again (the same article
// unchanged, or replaced by a new text), which a batch must write before it can read
// them back.
func distinctArticles(t *testing.T) []graph.ArticleInput {
	t.Helper()
	var out []graph.ArticleInput
	seen := map[string]bool{}
	for _, a := range batchArticles(t) {
		if id := graph.ArticleID(a.URL, a.Text); !seen[id] {
			seen[id] = true
			out = append(out, a)
		}
	}
	return out
}

// A batch of new articles that act on each other (a claim merged into one written
// earlier in the batch, figures that corroborate and conflict, a denial of a claim
// an earlier article of the batch restates) writes its bundles once, at its end: the
// deferred store answers every cross-article read from what it read ahead or from
// the transaction, with the bundles it holds laid over the answer, and the graph is
// the one of one article at a time. One read still writes the pending bundles first:
// a dispute of an agent's claims ("Russia dismissed Ukraine's claims") reads the
// agent's claims ordered by their statement counts, which the pending bundles change.
func TestDeferredBatchWritesOnce(t *testing.T) {
	cases := []struct {
		name   string
		skip   string // the URL of an article left out
		writes int64
	}{
		{"without a dispute of an agent's claims", "https://courier.example/dismissal", 1},
		{"with one", "", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var arts []graph.ArticleInput
			for _, a := range distinctArticles(t) {
				if c.skip == "" || a.URL != c.skip {
					arts = append(arts, a)
				}
			}
			want := reference(t, arts)
			require.NotEmpty(t, restatedDisputes(t, want), "the fixture has a denial of a restated claim")
			var merged, links int
			for _, r := range want.Results {
				merged, links = merged+r.MergedClaims, links+r.LinksMade
			}
			require.Positive(t, merged, "claims merged across articles")
			require.Positive(t, links, "links made across articles")

			n := &bulkCounts{}
			s := bulkStore{newTestStore(t), n}
			res, done, err := ingestBatched(t.Context(), s, arts, len(arts))
			require.NoError(t, err)
			require.Equal(t, len(arts), done)
			assert.Equal(t, want, dumpStore(t, s, arts, res), "the graph of one article at a time")
			assert.Equal(t, c.writes, n.writes.Load(), "writes of the batch's bundles")
			assert.Equal(t, int64(len(arts)), n.written.Load(), "every bundle written once")
			t.Logf("%d articles in one batch: %d bulk reads, %d writes", len(arts), n.bulkReads.Load(), n.writes.Load())
		})
	}
}

package ingest

import (
	"context"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// piecesStore is a store that says it writes a bundle of more than limit statements
// and mentions in pieces (graph.PieceWriter), and records which articles were
// written inside a batch's transaction and which on their own.
type piecesStore struct {
	graph.Store
	limit int
	mu    sync.Mutex
	large map[string]bool // articles WritesInPieces said yes to
	inTx  map[string]bool // written through a batch's transaction
	alone map[string]bool // written by PutArticle outside a batch
}

func (p *piecesStore) WritesInPieces(g *graph.ArticleGraph) bool {
	large := len(g.Statements)+len(g.Mentions) > p.limit
	if large {
		p.mu.Lock()
		p.large[g.Article.ID] = true
		p.mu.Unlock()
	}
	return large
}

func (p *piecesStore) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	p.mu.Lock()
	p.alone[g.Article.ID] = true
	p.mu.Unlock()
	return p.Store.PutArticle(ctx, g)
}

func (p *piecesStore) Batch(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	return p.Store.(graph.Batcher).Batch(ctx, func(ctx context.Context, tx graph.Store) error {
		return fn(ctx, piecesTx{tx, p})
	})
}

type piecesTx struct {
	graph.Store
	p *piecesStore
}

func (x piecesTx) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	x.p.mu.Lock()
	x.p.inTx[g.Article.ID] = true
	x.p.mu.Unlock()
	return x.Store.PutArticle(ctx, g)
}

// IngestAll writes an article the store writes in pieces on its own, never inside a
// batch's transaction (the articles around it still in batches), with the graph and
// the reports of one article at a time.
func TestBatchWritesLargeArticlesAlone(t *testing.T) {
	arts := batchArticles(t)
	want := reference(t, arts)
	for _, batch := range []int{1, 4, 16} {
		p := &piecesStore{Store: newTestStore(t), limit: 60, large: map[string]bool{}, inTx: map[string]bool{}, alone: map[string]bool{}}
		res, done, err := ingestBatched(t.Context(), p, arts, batch)
		require.NoError(t, err, "batch %d", batch)
		require.Equal(t, len(arts), done)
		assert.Equal(t, want, dumpStore(t, p, arts, res), "batch %d", batch)
		require.NotEmpty(t, p.large, "some articles are large")
		for id := range p.large {
			assert.False(t, p.inTx[id], "batch %d: large article %s written inside a batch", batch, id)
			assert.True(t, p.alone[id], "batch %d: large article %s written on its own", batch, id)
		}
		if batch > 1 {
			assert.Greater(t, len(p.inTx), 0, "batch %d: the other articles are written in batches", batch)
		}
		t.Logf("batch %d: %d large articles written alone, %d articles in batches", batch, len(p.large), len(p.inTx))
	}
}

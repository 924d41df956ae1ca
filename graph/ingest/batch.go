package ingest

import (
	"context"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// BatchResult is what IngestBatch did with one article: its Result, or Err when the
// article was invalid (EINVALID, naming the article and the problem) and skipped, with
// nothing of it written.
type BatchResult struct {
	Result *Result
	Err    error
}

// IngestBatch reasons about prepared articles and writes them, in order, as one store
// transaction when the store is a graph.Batcher (both of claimgraph's stores are):
// each article is reasoned about against the store as it stands with the batch's
// earlier articles written, so the graph is the one that calling IngestPrepared on
// each in turn gives, but the whole batch commits once (one fsync, one commit round
// trip), and the store never shows part of it. An invalid article gets its error in
// its BatchResult and the others are still written. Any other failure (the store,
// ctx) rolls the whole batch back and is returned: nothing of the batch is written,
// and running it again is safe. A store that is not a Batcher gets one transaction
// per article; a failure then leaves the articles before it written.
//
// Against a graph.BulkReader transaction (Neo4j) the batch reads ahead, in a few
// queries, what reasoning about all its articles will ask, and writes their bundles
// together when a read needs them or at the end (deferred.go): the same graph, in a
// few round trips per batch instead of about ten per article.
//
// The time of writing the bundles and of the commit is shared among the batch's new
// articles in Timings.Write.
func (in *Ingester) IngestBatch(ctx context.Context, ps []*Prepared) ([]BatchResult, error) {
	b, ok := in.store.(graph.Batcher)
	if !ok {
		return in.ingestEach(ctx, ps)
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	var (
		out     []BatchResult
		calls   int
		ended   time.Time
		flushed time.Duration // writing the deferred bundles
	)
	err := b.Batch(ctx, func(ctx context.Context, tx graph.Store) error {
		if calls++; calls > 1 {
			in.forget() // a retried transaction: the failed call's agents were not committed
		}
		out = make([]BatchResult, len(ps))
		st, dv, err := in.batchStore(ctx, tx, ps)
		if err != nil {
			return err
		}
		for i, p := range ps {
			if err := in.batchItem(ctx, st, p, &out[i]); err != nil {
				return err
			}
		}
		flushed = 0
		if dv != nil {
			if err := dv.flush(ctx); err != nil {
				return err
			}
			flushed = dv.flushTime
		}
		ended = time.Now()
		return nil
	})
	if err != nil {
		in.forget()
		return nil, err
	}
	shareCommit(out, flushed+time.Since(ended))
	return out, nil
}

// batchStore returns the store a batch reasons against and writes through: for a
// transaction that is a graph.BulkReader, a deferred store (deferred.go) that has
// read ahead what reasoning about the batch's articles will ask, and writes their
// bundles a few at a time; else the transaction itself.
func (in *Ingester) batchStore(ctx context.Context, tx graph.Store, ps []*Prepared) (graph.Store, *deferred, error) {
	if _, ok := tx.(graph.BulkReader); !ok {
		return tx, nil, nil
	}
	dv := newDeferred(tx)
	var gs []*graph.ArticleGraph
	for _, p := range ps {
		if p.Unchanged == nil && p.Graph != nil {
			gs = append(gs, graph.Canonical(p.Graph))
		}
	}
	if err := dv.prefetch(ctx, gs, in.known, in.opts.MaxCandidates); err != nil {
		return nil, nil, err
	}
	return dv, dv, nil
}

// ingestEach ingests prepared articles one transaction each, as IngestPrepared does;
// an invalid article is recorded in its BatchResult, any other error returned.
func (in *Ingester) ingestEach(ctx context.Context, ps []*Prepared) ([]BatchResult, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	out := make([]BatchResult, len(ps))
	for i, p := range ps {
		if err := in.batchItem(ctx, in.store, p, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// batchItem ingests one prepared article of a batch against st, recording an invalid
// article in out; any other error is returned.
func (in *Ingester) batchItem(ctx context.Context, st graph.Store, p *Prepared, out *BatchResult) error {
	if p.Unchanged != nil {
		out.Result = p.Unchanged
		return nil
	}
	res, written, err := in.ingestGraph(ctx, st, p.Graph, p.Unlinked)
	switch {
	case err == nil:
		in.remember(written)
		res.Timings.Extract = p.Extract
		res.Timings.Total += p.Extract
		out.Result = res
	case graph.ErrorCode(err) == graph.EINVALID:
		out.Err = graph.Wrap(graph.EINVALID, err, "%s: %s", describe(p.Article), graph.ErrorMessage(err))
	default:
		return err
	}
	return nil
}

// shareCommit adds an equal share of a batch's commit time to the write and total
// times of its new articles.
func shareCommit(out []BatchResult, commit time.Duration) {
	n := 0
	for _, o := range out {
		if o.Result != nil && o.Result.Created {
			n++
		}
	}
	if n == 0 {
		return
	}
	share := commit / time.Duration(n)
	for _, o := range out {
		if o.Result != nil && o.Result.Created {
			o.Result.Timings.Write += share
			o.Result.Timings.Total += share
		}
	}
}

package ingest

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Pipelined batches. Against a store whose round trips cost milliseconds (Neo4j),
// IngestAll overlaps the write and commit of batch N with the reading ahead and the
// reasoning of batch N+1, instead of running them one after the other in one
// transaction per batch (IngestBatch):
//
//   - Batch N+1 reasons outside any transaction, through a deferred store
//     (deferred.go) that holds N's bundles as written. Its prefetch reads the store
//     while N is not committed (N waits for it before committing: a read never sees
//     part of N), so the prefetched answers have N's bundles and N+1's own laid over
//     them, as a batch lays its earlier bundles over what it read ahead. Every other
//     read waits until N has committed (waitStore), so its answer holds N and only
//     N+1's own bundles are laid over it, as over a transaction's answer after a
//     flush. Reads therefore answer exactly what the transaction of IngestBatch
//     would: the graph is the one of IngestBatch, and of one article at a time.
//   - Batch N+1 is written by a transaction of its own once N has committed (writes
//     stay in input order, one transaction at a time): its bundles with one
//     PutArticles, then the commit, on a goroutine, while N+2 reads ahead and
//     reasons.
//   - A read that only the store can answer with N+1's pending bundles written (a
//     listing, an article replaced) cannot be laid over: N+1 is then reasoned again
//     by IngestBatch in a transaction once N has committed. So is a batch after one
//     that replaced a stored article (the old version's records go when it commits,
//     which no overlay shows): it waits for that commit before it reads.
//   - When N's transaction fails, N+1's reasoning (which assumed N written) is
//     dropped and the run stops with N's error, as a failed batch stops IngestAll;
//     the agents remembered since are forgotten.

// pipelines reports whether IngestAll may pipeline batches into in.store: it must
// batch (graph.Batcher), answer bulk reads outside a transaction (graph.BulkReader)
// and read outlets (graph.OutletsReader, for the provenance overlay). Neo4j's store
// does all three.
func (in *Ingester) pipelines() bool {
	_, b := in.store.(graph.Batcher)
	_, r := in.store.(graph.BulkReader)
	_, o := in.store.(graph.OutletsReader)
	return b && r && o
}

// flight is a batch whose bundles a goroutine writes in a transaction of their own,
// committed once the next batch has read ahead (allow).
type flight struct {
	bundles  []*graph.ArticleGraph // canonical, in write order; read-only
	replaced bool                  // one of them replaces a stored article
	res      []BatchResult         // what reasoning reported for the batch's articles
	emit     func([]BatchResult)   // reports res once committed

	mayCommit chan struct{}
	once      sync.Once
	done      chan struct{} // closed when the transaction ended; then err is set
	err       error
	write     time.Duration // writing the bundles and the commit, without waiting for allow
}

// allow lets the flight commit: the next batch has read what it reads ahead (or
// there is none).
func (f *flight) allow() { f.once.Do(func() { close(f.mayCommit) }) }

// launch starts writing dv's pending bundles, which reasoning about a batch reported
// as res, in a transaction of their own; the flight commits once allowed. A batch
// with nothing to write is done at once.
func (in *Ingester) launch(ctx context.Context, dv *deferred, res []BatchResult, emit func([]BatchResult)) *flight {
	f := &flight{bundles: dv.pending, replaced: dv.replaced, res: res, emit: emit,
		mayCommit: make(chan struct{}), done: make(chan struct{})}
	if len(f.bundles) == 0 {
		close(f.done)
		return f
	}
	b := in.store.(graph.Batcher)
	go func() {
		defer close(f.done)
		var put time.Duration
		var committing time.Time
		calls := 0
		f.err = b.Batch(ctx, func(ctx context.Context, tx graph.Store) error {
			calls++
			start := time.Now()
			if err := writeBundles(ctx, tx, f.bundles, calls == 1); err != nil {
				return err
			}
			put += time.Since(start)
			select {
			case <-f.mayCommit:
			case <-ctx.Done():
				return graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "ingest cancelled before a batch committed")
			}
			committing = time.Now()
			return nil
		})
		if f.err == nil {
			f.write = put + time.Since(committing)
		}
	}()
	return f
}

// writeBundles writes bundles reasoning found new or changed through tx, with one
// PutArticles when tx has it. On a transaction's first attempt every one must be
// reported created; a retry after a commit whose outcome was unknown finds them
// stored.
func writeBundles(ctx context.Context, tx graph.Store, gs []*graph.ArticleGraph, first bool) error {
	var res []graph.WriteResult
	if pw, ok := tx.(putArticleser); ok {
		var err error
		if res, err = pw.PutArticles(ctx, gs); err != nil {
			return err
		}
	} else {
		for _, g := range gs {
			r, err := tx.PutArticle(ctx, g)
			if err != nil {
				return err
			}
			res = append(res, r)
		}
	}
	for i, r := range res {
		if first && !r.Created {
			return graph.Errorf(graph.EINTERNAL, "article %s of a batch was found stored unchanged when written, after ingest found it new or changed", gs[i].Article.ID)
		}
	}
	return nil
}

// reasonAhead reasons about a batch outside any transaction while fl (nil: none) is
// being written: its deferred store holds fl's bundles as written, prefetches before
// letting fl commit, and reads the store after it has. It returns what each article
// gave and the deferred store holding the bundles to write (pending). After
// errNeedsWrite nothing of the batch is remembered (the agents it remembered are
// taken back); after any other error the remembered agents are forgotten.
func (in *Ingester) reasonAhead(ctx context.Context, ps []*Prepared, fl *flight) ([]BatchResult, *deferred, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	bulk := in.store.(graph.BulkReader)
	dv := newDeferred(waitStore{st: in.store, bulk: bulk, out: in.store.(graph.OutletsReader), fl: fl})
	dv.pre, dv.preBulk, dv.pipelined = in.store, bulk, true
	if fl != nil {
		for _, g := range fl.bundles {
			dv.add(g) // written (flushed): reads after fl commits hold them
		}
	}
	var gs []*graph.ArticleGraph
	for _, p := range ps {
		if p.Unchanged == nil && p.Graph != nil {
			gs = append(gs, graph.Canonical(p.Graph))
		}
	}
	err := dv.prefetch(ctx, gs, in.known, in.opts.MaxCandidates)
	if fl != nil {
		fl.allow()
	}
	if err != nil {
		return nil, nil, err
	}
	// The acronym index is loaded now, from the store (once fl committed), if it is
	// not yet: loaded mid-batch it would need the pending bundles written. From here on
	// remember adds every bundle's agents, so it holds what a load after them would.
	if err := in.acr.load(ctx, dv.st); err != nil {
		return nil, nil, err
	}
	in.undo = &[]func(){}
	defer func() { in.undo = nil }()
	out := make([]BatchResult, len(ps))
	for i, p := range ps {
		if err := in.batchItem(ctx, dv, p, &out[i]); err != nil {
			if errors.Is(err, errNeedsWrite) {
				in.rollback() // reasoned again in a transaction, from what is stored
			} else {
				in.forget()
			}
			return nil, nil, err
		}
	}
	return out, dv, nil
}

// waitStore is the store a pipelined batch reads through after its prefetch: every
// call first waits until the batch in flight (fl, nil: none) has committed, and fails
// with its error if it did not.
type waitStore struct {
	st   graph.Store
	bulk graph.BulkReader
	out  graph.OutletsReader
	fl   *flight
}

var (
	_ graph.Store         = waitStore{}
	_ graph.BulkReader    = waitStore{}
	_ graph.OutletsReader = waitStore{}
)

// wait returns once the batch in flight has committed; its error when it failed.
func (w waitStore) wait(ctx context.Context) error {
	if w.fl == nil {
		return nil
	}
	select {
	case <-w.fl.done:
	case <-ctx.Done():
		return graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "ingest cancelled while a batch committed")
	}
	if w.fl.err != nil {
		return graph.Wrap(graph.ErrorCode(w.fl.err), w.fl.err, "the batch before this one was not written")
	}
	return nil
}

// call1 waits, then calls f.
func call1[T any](ctx context.Context, w waitStore, f func() (T, error)) (T, error) {
	if err := w.wait(ctx); err != nil {
		var zero T
		return zero, err
	}
	return f()
}

func (w waitStore) PutArticle(ctx context.Context, g *graph.ArticleGraph) (graph.WriteResult, error) {
	return call1(ctx, w, func() (graph.WriteResult, error) { return w.st.PutArticle(ctx, g) })
}

func (w waitStore) PatchArticle(ctx context.Context, id string, p graph.ArticlePatch) (*graph.Article, error) {
	return call1(ctx, w, func() (*graph.Article, error) { return w.st.PatchArticle(ctx, id, p) })
}

func (w waitStore) DeleteArticle(ctx context.Context, id string, guard *graph.WriteGuard) error {
	if err := w.wait(ctx); err != nil {
		return err
	}
	return w.st.DeleteArticle(ctx, id, guard)
}

func (w waitStore) Article(ctx context.Context, id string) (*graph.Article, error) {
	return call1(ctx, w, func() (*graph.Article, error) { return w.st.Article(ctx, id) })
}

func (w waitStore) ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	return call1(ctx, w, func() (*graph.ArticleGraph, error) { return w.st.ArticleGraph(ctx, id) })
}

func (w waitStore) Articles(ctx context.Context, q graph.ArticleQuery) (graph.Page[graph.ArticleRef], error) {
	return call1(ctx, w, func() (graph.Page[graph.ArticleRef], error) { return w.st.Articles(ctx, q) })
}

func (w waitStore) Claim(ctx context.Context, id string) (*graph.ClaimDetail, error) {
	return call1(ctx, w, func() (*graph.ClaimDetail, error) { return w.st.Claim(ctx, id) })
}

func (w waitStore) SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error) {
	return call1(ctx, w, func() (graph.Page[graph.ClaimSummary], error) { return w.st.SearchClaims(ctx, q) })
}

func (w waitStore) ClaimsByCounted(ctx context.Context, counted, unit string, limit int) ([]graph.Claim, error) {
	return call1(ctx, w, func() ([]graph.Claim, error) { return w.st.ClaimsByCounted(ctx, counted, unit, limit) })
}

func (w waitStore) Agent(ctx context.Context, id string) (*graph.Agent, error) {
	return call1(ctx, w, func() (*graph.Agent, error) { return w.st.Agent(ctx, id) })
}

func (w waitStore) Agents(ctx context.Context, q graph.AgentQuery) (graph.Page[graph.Agent], error) {
	return call1(ctx, w, func() (graph.Page[graph.Agent], error) { return w.st.Agents(ctx, q) })
}

func (w waitStore) AgentClaims(ctx context.Context, agentID string, p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
	return call1(ctx, w, func() (graph.Page[graph.ClaimSummary], error) { return w.st.AgentClaims(ctx, agentID, p) })
}

func (w waitStore) Provenance(ctx context.Context, claimID string) (*graph.Provenance, error) {
	return call1(ctx, w, func() (*graph.Provenance, error) { return w.st.Provenance(ctx, claimID) })
}

func (w waitStore) Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error) {
	return call1(ctx, w, func() (*graph.Contradictions, error) { return w.st.Contradictions(ctx, claimID) })
}

func (w waitStore) Subgraph(ctx context.Context, q graph.SubgraphQuery) (*graph.Subgraph, error) {
	return call1(ctx, w, func() (*graph.Subgraph, error) { return w.st.Subgraph(ctx, q) })
}

func (w waitStore) Stats(ctx context.Context) (graph.Stats, error) {
	return call1(ctx, w, func() (graph.Stats, error) { return w.st.Stats(ctx) })
}

func (w waitStore) Ping(ctx context.Context) error { return w.st.Ping(ctx) }

// Close does nothing: the store is the Ingester's.
func (w waitStore) Close(context.Context) error { return nil }

func (w waitStore) PutJob(ctx context.Context, j *graph.Job) error {
	if err := w.wait(ctx); err != nil {
		return err
	}
	return w.st.PutJob(ctx, j)
}

func (w waitStore) Job(ctx context.Context, id string) (*graph.Job, error) {
	return call1(ctx, w, func() (*graph.Job, error) { return w.st.Job(ctx, id) })
}

func (w waitStore) Jobs(ctx context.Context, q graph.JobQuery) (graph.Page[graph.Job], error) {
	return call1(ctx, w, func() (graph.Page[graph.Job], error) { return w.st.Jobs(ctx, q) })
}

func (w waitStore) SearchClaimsText(ctx context.Context, texts []string, limit int) ([]graph.Page[graph.ClaimSummary], error) {
	return call1(ctx, w, func() ([]graph.Page[graph.ClaimSummary], error) { return w.bulk.SearchClaimsText(ctx, texts, limit) })
}

func (w waitStore) AgentsByID(ctx context.Context, ids []string) ([]*graph.Agent, error) {
	return call1(ctx, w, func() ([]*graph.Agent, error) { return w.bulk.AgentsByID(ctx, ids) })
}

func (w waitStore) ClaimsByCountedMany(ctx context.Context, keys []graph.CountedKey, limit int) ([][]graph.Claim, error) {
	return call1(ctx, w, func() ([][]graph.Claim, error) { return w.bulk.ClaimsByCountedMany(ctx, keys, limit) })
}

func (w waitStore) AgentsByName(ctx context.Context, names []string, limit int) ([]graph.Page[graph.Agent], error) {
	return call1(ctx, w, func() ([]graph.Page[graph.Agent], error) { return w.bulk.AgentsByName(ctx, names, limit) })
}

func (w waitStore) OutletsByID(ctx context.Context, ids []string) ([]*graph.Outlet, error) {
	return call1(ctx, w, func() ([]*graph.Outlet, error) { return w.out.OutletsByID(ctx, ids) })
}

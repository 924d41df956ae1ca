package ingest

import (
	"context"
	"errors"
	"runtime"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// PipelineOptions tune IngestAll. The zero value prepares on every core and writes
// one article per transaction.
type PipelineOptions struct {
	// Workers is how many articles are prepared (validated and extracted) at once;
	// 0 means runtime.GOMAXPROCS(0).
	Workers int
	// Batch is how many articles go into one store transaction (IngestBatch); 0 or 1
	// means one transaction per article.
	Batch int
	// Unpipelined reasons about each batch in its own transaction after the one
	// before has committed, even against a store that batches can be pipelined into
	// (pipelined.go): what IngestAll did before, kept for comparing the two.
	Unpipelined bool
}

// IngestAll ingests articles in input order, so the same input gives the same graph:
// Prepare runs on Workers goroutines ahead of the writer, so that the extraction of
// the next articles overlaps the reasoning and writing of the current batch, and the
// prepared articles are written Batch at a time with IngestBatch. When the store is a
// graph.ArticlesReader, which articles are stored already (and with what text) is
// read ahead with one query per Batch (at least 16) articles instead of one per
// article. When the store is a graph.Batcher that reads in bulk outside a transaction
// (Neo4j), batches are pipelined (pipelined.go): the next batch reads ahead and is
// reasoned about while the one before is written and commits, with the same graph;
// Unpipelined turns that off. A bundle the store writes in pieces outside a batch
// (graph.PieceWriter: a large article) is written on its own, between the runs of its
// batch's other articles (writeRuns), never inside a batch's one transaction. At most
// Workers+2*Batch prepared articles wait in memory, however long the input.
//
// report is called in input order, from the calling goroutine, once for every article
// ingested or skipped: with its Result, or with the EINVALID error that made it skip
// the article (nothing of it written). Any other error (the store, ctx) stops the
// run: IngestAll returns it with done, the number of articles reported before it,
// all of which are written (the failed batch is rolled back whole; running the same
// input again is safe and completes it).
func (in *Ingester) IngestAll(ctx context.Context, arts []graph.ArticleInput, opts PipelineOptions, report func(i int, r BatchResult)) (done int, err error) {
	workers, batch := opts.Workers, max(opts.Batch, 1)
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type prepared struct {
		p   *Prepared
		err error
	}
	slots := make([]chan prepared, len(arts))
	for i := range slots {
		slots[i] = make(chan prepared, 1)
	}
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := make(chan struct{}, workers+2*batch) // a token per article prepared and not yet written
	type job struct {
		i      int
		stored *storedArticle // read ahead; nil: Prepare reads it
	}
	jobs := make(chan job)
	for range workers {
		go func() {
			for j := range jobs {
				p, err := in.prepare(pctx, arts[j.i], j.stored)
				slots[j.i] <- prepared{p, err}
			}
		}()
	}
	ar, _ := in.store.(graph.ArticlesReader)
	ahead := max(batch, workers, minReadAhead) // articles whose stored versions one read asks for
	go func() {
		defer close(jobs)
		for start := 0; start < len(arts); start += ahead {
			end := min(start+ahead, len(arts))
			stored, err := readAhead(pctx, ar, arts[start:end])
			for i := start; i < end; i++ {
				select {
				case window <- struct{}{}:
				case <-pctx.Done():
					return
				}
				if err != nil { // the store cannot be read: the writer stops at the first
					slots[i] <- prepared{nil, err}
					return
				}
				var st *storedArticle
				if stored != nil {
					st = &stored[i-start]
				}
				select {
				case jobs <- job{i, st}:
				case <-pctx.Done():
					return
				}
			}
		}
	}()

	cancelled := func() error {
		return graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "ingest interrupted after %d of %d articles", done, len(arts))
	}
	// emit reports the results of the batch of arts[start:end] in input order: res
	// holds those of the articles prepared (at idx), skipped the errors of the others.
	emit := func(start, end int, idx []int, skipped []error, res []BatchResult) {
		byIndex := make([]BatchResult, end-start)
		for k, i := range idx {
			byIndex[i-start] = res[k]
		}
		for i := start; i < end; i++ {
			if skipped[i-start] != nil {
				byIndex[i-start] = BatchResult{Err: skipped[i-start]}
			}
			report(i, byIndex[i-start])
			done++
		}
	}
	pipe := batch > 1 && !opts.Unpipelined && in.pipelines() // pipelined.go
	var fl *flight                                           // the batch being written while the next one reasons
	// land lets the batch in flight commit, waits for it and reports it; its error
	// stops the run.
	land := func() error {
		if fl == nil {
			return nil
		}
		f := fl
		fl = nil
		f.allow()
		<-f.done
		if f.err != nil {
			in.mu.Lock()
			in.forget() // the agents of its articles, and of the batch after, are not stored
			in.mu.Unlock()
			if ctx.Err() != nil {
				return cancelled()
			}
			return f.err
		}
		shareCommit(f.res, f.write)
		f.emit(f.res)
		return nil
	}
	// stop returns err after the batch in flight has landed (so that done counts it
	// when it was written), or that batch's error when it failed.
	stop := func(err func() error) (int, error) {
		if ferr := land(); ferr != nil {
			return done, ferr
		}
		return done, err()
	}
	for start := 0; start < len(arts); start += batch {
		end := min(start+batch, len(arts))
		var ps []*Prepared
		var idx []int                       // input index of each of ps
		skipped := make([]error, end-start) // EINVALID from Prepare
		for i := start; i < end; i++ {
			var pr prepared
			select {
			case pr = <-slots[i]:
			case <-ctx.Done():
				return stop(cancelled)
			}
			<-window
			switch {
			case pr.err == nil:
				ps = append(ps, pr.p)
				idx = append(idx, i)
			case graph.ErrorCode(pr.err) == graph.EINVALID:
				skipped[i-start] = pr.err
			default:
				return stop(func() error { return pr.err })
			}
		}
		// A bundle the store writes in pieces is written on its own (writeRuns), so
		// its batch is not pipelined.
		if pipe && !in.anyInPieces(ps) {
			if fl != nil && fl.replaced {
				// its commit drops what the old version owned, which no overlay shows
				if err := land(); err != nil {
					return done, err
				}
			}
			res, dv, err := in.reasonAhead(ctx, ps, fl)
			if err == nil {
				if err := land(); err != nil {
					return done, err
				}
				fl = in.launch(ctx, dv, res, func(res []BatchResult) { emit(start, end, idx, skipped, res) })
				continue
			}
			if !errors.Is(err, errNeedsWrite) {
				return stop(func() error {
					if ctx.Err() != nil {
						return cancelled()
					}
					return err
				})
			}
			if err := land(); err != nil { // then reasoned again in a transaction
				return done, err
			}
		}
		if err := land(); err != nil { // a batch with a bundle written in pieces
			return done, err
		}
		write := in.IngestBatch
		if batch == 1 {
			write = in.ingestEach // one article: its own transaction, reads outside it in parallel
		}
		res, err := in.writeRuns(ctx, ps, write)
		if err != nil {
			if ctx.Err() != nil {
				return done, cancelled()
			}
			return done, err
		}
		emit(start, end, idx, skipped, res)
	}
	if err := land(); err != nil {
		return done, err
	}
	return done, nil
}

// anyInPieces reports whether the store writes one of the bundles of ps in pieces
// (graph.PieceWriter).
func (in *Ingester) anyInPieces(ps []*Prepared) bool {
	pw, ok := in.store.(graph.PieceWriter)
	if !ok {
		return false
	}
	for _, p := range ps {
		if p.Graph != nil && pw.WritesInPieces(p.Graph) {
			return true
		}
	}
	return false
}

// writeRuns writes ps in order with write (one batch), except that a bundle the
// store writes in pieces outside a batch (graph.PieceWriter) is written on its own
// (ingestEach, so PutArticle outside a batch), between the runs of the articles
// before and after it: a batch holds everything it writes in one transaction, and
// the densest 2 MiB article in one embedded batch took `claimgraph ingest` to 455 MB
// of RSS where its pieces stay under 300 MB. The graph is the same: each article is
// still reasoned about against the store with every article before it written. The
// runs commit one after another, so a failure leaves the runs before it written.
func (in *Ingester) writeRuns(ctx context.Context, ps []*Prepared, write func(context.Context, []*Prepared) ([]BatchResult, error)) ([]BatchResult, error) {
	if !in.anyInPieces(ps) {
		return write(ctx, ps)
	}
	pw := in.store.(graph.PieceWriter)
	out := make([]BatchResult, 0, len(ps))
	from := 0
	run := func(to int, w func(context.Context, []*Prepared) ([]BatchResult, error)) error {
		if from == to {
			return nil
		}
		res, err := w(ctx, ps[from:to])
		if err != nil {
			return err
		}
		out = append(out, res...)
		from = to
		return nil
	}
	for i, p := range ps {
		if p.Graph == nil || !pw.WritesInPieces(p.Graph) {
			continue
		}
		if err := run(i, write); err != nil {
			return nil, err
		}
		if err := run(i+1, in.ingestEach); err != nil {
			return nil, err
		}
	}
	if err := run(len(ps), write); err != nil {
		return nil, err
	}
	return out, nil
}

// minReadAhead is the least number of articles IngestAll asks the store about at once
// (graph.ArticlesReader) before preparing them.
const minReadAhead = 16

// readAhead reads what the store holds under the ids of arts with one
// ArticlesByID, before they are prepared: a worker then asks the store again only
// for an article stored unchanged. It returns nil, and no error, when the store is
// not a graph.ArticlesReader.
func readAhead(ctx context.Context, ar graph.ArticlesReader, arts []graph.ArticleInput) ([]storedArticle, error) {
	if ar == nil {
		return nil, nil
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = graph.ArticleID(strings.TrimSpace(a.URL), a.Text)
	}
	got, err := ar.ArticlesByID(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]storedArticle, len(arts))
	for i := range got {
		out[i] = storedArticle{article: got[i]}
	}
	return out, nil
}

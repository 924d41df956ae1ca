package ingest

import (
	"context"
	"runtime"

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
}

// IngestAll ingests articles in input order, so the same input gives the same graph:
// Prepare runs on Workers goroutines ahead of the writer, so that the extraction of
// the next articles overlaps the reasoning and writing of the current batch, and the
// prepared articles are written Batch at a time with IngestBatch. At most
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
	jobs := make(chan int)
	for range workers {
		go func() {
			for i := range jobs {
				p, err := in.Prepare(pctx, arts[i])
				slots[i] <- prepared{p, err}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range arts {
			select {
			case window <- struct{}{}:
			case <-pctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-pctx.Done():
				return
			}
		}
	}()

	cancelled := func() error {
		return graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "ingest interrupted after %d of %d articles", done, len(arts))
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
				return done, cancelled()
			}
			<-window
			switch {
			case pr.err == nil:
				ps = append(ps, pr.p)
				idx = append(idx, i)
			case graph.ErrorCode(pr.err) == graph.EINVALID:
				skipped[i-start] = pr.err
			default:
				return done, pr.err
			}
		}
		write := in.IngestBatch
		if batch == 1 {
			write = in.ingestEach // one article: its own transaction, reads outside it in parallel
		}
		res, err := write(ctx, ps)
		if err != nil {
			if ctx.Err() != nil {
				return done, cancelled()
			}
			return done, err
		}
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
	return done, nil
}

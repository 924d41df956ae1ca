package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// pendingCleaner is a store that deletes what interrupted writes in pieces left
// (neo4jstore.Store.CleanPending).
type pendingCleaner interface {
	CleanPending(ctx context.Context) (int, error)
}

// pendingSweepEvery is how often serve cleans the interrupted writes in pieces: as
// often as a write may stay idle before it is stale (neo4jstore.PendingStale).
// Otherwise a write whose server died stays in the database (invisible to readers,
// but holding its space and its Counted keys) until the next start, or the next
// write of the same article.
const pendingSweepEvery = neo4jstore.PendingStale

// sweepPending calls c.CleanPending every every until ctx ends, logging what it
// cleaned and, as a warning, a failure (the next round tries again).
func sweepPending(ctx context.Context, c pendingCleaner, every time.Duration, log *slog.Logger) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		n, err := c.CleanPending(ctx)
		switch {
		case err != nil && ctx.Err() == nil:
			log.Warn("cleaning interrupted writes in pieces failed; trying again later", "err", err, "cleaned", n, "every", every)
		case n > 0:
			log.Info("cleaned interrupted writes in pieces", "writes", n)
		}
	}
}

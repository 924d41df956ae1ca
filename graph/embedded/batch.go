package embedded

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.Batcher = (*Store)(nil)

// Batch runs fn with a view of the store bound to one bbolt Update transaction: its
// reads see the batch's own writes, and everything it writes commits at once (one
// fsync) when fn returns nil, or not at all. See graph.Batcher. Other writers of the
// process wait for the batch (bbolt has one writer); readers are not blocked and see
// the state before the batch until it commits. A batch may not be started from
// inside another one's fn (EINVALID).
func (s *Store) Batch(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	if s.bound != nil {
		return graph.Errorf(graph.EINVALID, "Batch called on a batch's store: batches do not nest")
	}
	if err := ctx.Err(); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "batch cancelled before it began; nothing written")
	}
	s.gate.mu.Lock()
	defer s.gate.mu.Unlock()
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := graph.NewBoundTx(tx)
		defer b.End()
		if err := fn(ctx, &Store{db: s.db, path: s.path, c: s.c, bound: b, changes: s.changes, gate: s.gate, retention: s.retention}); err != nil {
			return err
		}
		return ctx.Err() // a batch cancelled at its end commits nothing either
	})
	s.changes.Wrote()
	return s.mapErr(err)
}

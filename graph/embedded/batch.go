package embedded

import (
	"context"
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.Batcher = (*Store)(nil)

// boundTx is the read-write transaction a Store view of Batch runs in. A bbolt
// transaction is not safe for concurrent use, so mu makes the view's calls take turns.
type boundTx struct {
	mu   sync.Mutex
	tx   *bolt.Tx
	done bool // fn returned: the transaction is committed or rolled back
}

// run calls fn with the bound transaction, one call at a time.
func (b *boundTx) run(fn func(tx *bolt.Tx) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return graph.Errorf(graph.EINTERNAL, "a batch's store was used after its batch ended: use it only inside the function given to Batch")
	}
	return fn(b.tx)
}

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
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := &boundTx{tx: tx}
		defer func() { b.mu.Lock(); b.done = true; b.mu.Unlock() }()
		if err := fn(ctx, &Store{db: s.db, path: s.path, c: s.c, bound: b}); err != nil {
			return err
		}
		return ctx.Err() // a batch cancelled at its end commits nothing either
	})
	return s.mapErr(err)
}

package neo4jstore

import (
	"context"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/claimgraph/claimgraph/graph"
)

var _ graph.Batcher = (*Store)(nil)

// Batch runs fn with a view of the store bound to one managed write transaction (routed
// to the leader): the view's reads run in the transaction and see its writes, and its
// PutArticle writes in it; everything commits at once when fn returns nil. See
// graph.Batcher. A transaction that fails transiently (a deadlock with another writer,
// a leader switch), or whose connection drops (also during COMMIT, when the outcome is
// unknown), is run again from the start with fn, up to writeAttempts times: every
// write is idempotent, so a batch that did commit before its connection dropped
// writes nothing the second time (its articles then come back unchanged). A batch may
// not be started from inside another one's fn (EINVALID).
func (s *Store) Batch(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	if s.bound != nil {
		return graph.Errorf(graph.EINVALID, "Batch called on a batch's store: batches do not nest")
	}
	defer s.changes.Wrote()
	for attempt := 1; ; attempt++ {
		err := s.batchOnce(ctx, fn)
		if err == nil || attempt == writeAttempts || ctx.Err() != nil || !retryableWrite(err) {
			return s.wrap(err, "writing a batch of articles")
		}
		select {
		case <-ctx.Done():
			return s.wrap(err, "writing a batch of articles")
		case <-time.After(writeBackoff * time.Duration(1<<(attempt-1))):
		}
	}
}

func (s *Store) batchOnce(ctx context.Context, fn func(ctx context.Context, tx graph.Store) error) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
		b := graph.NewBoundTx(tx)
		defer b.End()
		view := *s
		view.bound = b
		if err := fn(ctx, &view); err != nil {
			return struct{}{}, err
		}
		return struct{}{}, ctx.Err() // a batch cancelled at its end commits nothing either
	})
	return err
}

package graph

import "sync"

// BoundTx is the one transaction (of type T) that a store's view inside Batch runs
// in, shared by both stores: a transaction serves one call at a time, so its calls
// take turns, and once the batch's function has returned the transaction is over and
// any late use of the view is a programming error (EINTERNAL), not a write outside
// the batch.
type BoundTx[T any] struct {
	mu   sync.Mutex
	tx   T
	done bool
}

// NewBoundTx returns the bound view of transaction tx.
func NewBoundTx[T any](tx T) *BoundTx[T] { return &BoundTx[T]{tx: tx} }

// Run calls fn with the transaction, one call at a time; after End it returns
// EINTERNAL without calling fn.
func (b *BoundTx[T]) Run(fn func(tx T) error) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.done {
		return Errorf(EINTERNAL, "a batch's store was used after its batch ended: use it only inside the function given to Batch")
	}
	return fn(b.tx)
}

// End marks the batch's function as returned: the transaction commits or rolls back.
func (b *BoundTx[T]) End() {
	b.mu.Lock()
	b.done = true
	b.mu.Unlock()
}

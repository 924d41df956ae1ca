package graph

import "sync/atomic"

// ChangeCounter is implemented by stores that count the writes made through them
// (both backends do). Changes returns a number that grows after every write that may
// change an answer (an article written, replaced or patched, a batch), once the write
// has committed or failed: a reader that sees the same number before and after
// reading knows no such write of this process ended in between. Caches of answers
// made from the store (the widget's rendered cards) compare it instead of reading the
// store on every request. Writes made by other processes to a shared database (a
// Neo4j server) are not counted; caches must still expire for those.
type ChangeCounter interface {
	Changes() uint64
}

// Changes counts the writes of one store and the views of it that its batches use.
// Its zero value is ready; stores hold it by pointer so that copies share it.
type Changes struct{ n atomic.Uint64 }

// Wrote records that a write ended (committed, failed, or of unknown outcome: a count
// too many only costs a cache a read).
func (c *Changes) Wrote() {
	if c != nil {
		c.n.Add(1)
	}
}

// Count returns the number of writes recorded; 0 for a nil Changes.
func (c *Changes) Count() uint64 {
	if c == nil {
		return 0
	}
	return c.n.Load()
}

// EveryChangeCounter is a ChangeCounter whose count covers every write of the data it
// reads: no other process can write it (the embedded store, whose file is locked to
// one process). An answer cache may then keep an answer until the count moves, with
// no expiry; on a shared database (Neo4j) it must also expire its answers.
type EveryChangeCounter interface {
	ChangeCounter
	// CountsEveryWrite marks the store; it does nothing.
	CountsEveryWrite()
}

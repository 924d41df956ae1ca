package neo4jstore

import (
	"slices"
	"sync"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Answer cache.
//
// A provenance or contradictions answer costs Neo4j a query of several subqueries and
// the driver the decoding of every record it names, while the answers a public API
// serves most are those of a few popular claims (the widget's cards, a story everyone
// reads). answerCache keeps assembled answers by claim id, each with the store's write
// count (graph.Changes) when its read began and the time it began. An answer is
// served again only while
//
//   - no write through this Store ended since its read began (the count is the same):
//     a write of this process, committed or failed, makes every cached answer stale,
//     so a reader never sees an answer older than a write it could have seen; and
//   - it is younger than the TTL: writes by other processes to the same database
//     (another claimgraph, a cluster member) are not counted, so they show after the
//     TTL at most, as with a cluster reader that lags its leader.
//
// A batch's view (a transaction that sees its own writes) never uses it. Cached answers
// are shared between readers: callers must not modify them (their slices are clipped,
// so that an append copies).
type answerCache[T any] struct {
	ttl time.Duration
	max int

	mu sync.Mutex
	m  map[string]cachedAnswer[T]
}

type cachedAnswer[T any] struct {
	v       T
	changes uint64    // the write count when the read began
	at      time.Time // when the read began
}

// newAnswerCache returns a cache of at most max answers each served for at most ttl;
// nil (no caching) when either is not positive.
func newAnswerCache[T any](ttl time.Duration, max int) *answerCache[T] {
	if ttl <= 0 || max <= 0 {
		return nil
	}
	return &answerCache[T]{ttl: ttl, max: max, m: map[string]cachedAnswer[T]{}}
}

// get returns the answer cached for id if it is still valid at now with the store's
// write count changes.
func (c *answerCache[T]) get(id string, changes uint64, now time.Time) (T, bool) {
	var zero T
	if c == nil {
		return zero, false
	}
	c.mu.Lock()
	e, ok := c.m[id]
	c.mu.Unlock()
	if !ok || e.changes != changes || now.Sub(e.at) >= c.ttl {
		return zero, false
	}
	return e.v, true
}

// put caches v for id, read from a store whose write count was changes when the read
// began at start. When the cache is full, it first drops the entries no longer valid,
// then, if none was, an arbitrary one.
func (c *answerCache[T]) put(id string, v T, changes uint64, start time.Time) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[id]; ok && old.changes > changes {
		return // a later read is cached already
	}
	if _, ok := c.m[id]; !ok && len(c.m) >= c.max {
		for k, e := range c.m {
			if e.changes != changes || start.Sub(e.at) >= c.ttl {
				delete(c.m, k)
			}
		}
		for k := range c.m {
			if len(c.m) < c.max {
				break
			}
			delete(c.m, k)
		}
	}
	c.m[id] = cachedAnswer[T]{v: v, changes: changes, at: start}
}

// cachedRead answers read(id) from cache when it holds a valid answer, else reads it
// and caches it (not an error). A batch's view, and a store without a cache, always
// read.
func cachedRead[T any](s *Store, cache *answerCache[T], id string, read func() (T, error)) (T, error) {
	if s.bound != nil || cache == nil {
		return read()
	}
	start, changes := time.Now(), s.changes.Count()
	if v, ok := cache.get(id, changes, start); ok {
		return v, nil
	}
	v, err := read()
	if err == nil {
		cache.put(id, v, changes, start)
	}
	return v, err
}

// clipProvenance clips the slices of an answer that is to be shared, so that a
// caller's append copies instead of writing into the cached backing array.
func clipProvenance(p *graph.Provenance) *graph.Provenance {
	if p != nil {
		p.Chains = slices.Clip(p.Chains)
	}
	return p
}

// clipContradictions is clipProvenance for contradictions.
func clipContradictions(c *graph.Contradictions) *graph.Contradictions {
	if c != nil {
		c.Disputes = slices.Clip(c.Disputes)
		c.Conflicts = slices.Clip(c.Conflicts)
		c.Corroborations = slices.Clip(c.Corroborations)
		c.Origins = slices.Clip(c.Origins)
	}
	return c
}

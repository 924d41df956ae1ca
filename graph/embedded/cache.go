package embedded

import (
	"bytes"
	"encoding/json"
	"hash/maphash"
	"sync"

	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
)

// Decoded-record cache.
//
// Reads spend most of their time decoding JSON records, and the same records (agents
// with long role lists, articles, popular claims) are decoded again by every request.
// A recCache keeps decoded records keyed by id together with a copy of the stored
// bytes they were decoded from. A lookup still reads the record's current bytes in the
// caller's transaction (a B+tree lookup, no decoding) and serves the cached value only
// when those bytes are equal to the cached ones; otherwise it decodes them and replaces
// the entry. A cached value is therefore always exactly what decoding the bytes the
// transaction sees would give: a write that changes a record (an agent whose aliases
// or roles merge, an article replaced by new content, a claim's aggregate counts)
// changes its bytes, and a removed record is absent from the transaction, so no
// invalidation is needed and a transaction never sees another snapshot's data, even
// with writers committing concurrently.
//
// Cached values are shared between readers: callers must not modify them (their
// slices are clipped so that an append copies).

// cacheShards spreads entries over independently locked maps.
const cacheShards = 16

type cacheEntry[T any] struct {
	raw []byte
	v   T
}

type cacheShard[T any] struct {
	mu sync.RWMutex
	m  map[string]*cacheEntry[T]
}

// recCache caches decoded records of one bucket, at most max entries.
type recCache[T any] struct {
	bucket []byte
	what   string
	max    int // per shard
	seed   maphash.Seed
	shards [cacheShards]cacheShard[T]
	clip   func(*T)
}

func newRecCache[T any](bucket []byte, what string, max int, clip func(*T)) *recCache[T] {
	per := 0
	if max > 0 {
		per = max/cacheShards + 1
	}
	c := &recCache[T]{bucket: bucket, what: what, max: per, seed: maphash.MakeSeed(), clip: clip}
	for i := range c.shards {
		c.shards[i].m = map[string]*cacheEntry[T]{}
	}
	return c
}

// get returns the record id as tx sees it; false when absent.
func (c *recCache[T]) get(tx *bolt.Tx, id string) (T, bool, error) {
	return c.getIn(tx.Bucket(c.bucket), id)
}

// getIn is get with the bucket already opened (opening a bucket in a read
// transaction searches the root each time).
func (c *recCache[T]) getIn(b *bolt.Bucket, id string) (T, bool, error) {
	var zero T
	raw := b.Get([]byte(id))
	if raw == nil {
		return zero, false, nil
	}
	if c.max == 0 {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return zero, false, graph.Wrap(graph.EINTERNAL, err, "decode %s/%s", c.bucket, id)
		}
		return v, true, nil
	}
	sh := &c.shards[maphash.String(c.seed, id)%cacheShards]
	sh.mu.RLock()
	e := sh.m[id]
	sh.mu.RUnlock()
	if e != nil && bytes.Equal(e.raw, raw) {
		return e.v, true, nil
	}
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return zero, false, graph.Wrap(graph.EINTERNAL, err, "decode %s/%s", c.bucket, id)
	}
	if c.clip != nil {
		c.clip(&v)
	}
	ne := &cacheEntry[T]{raw: bytes.Clone(raw), v: v}
	sh.mu.Lock()
	if len(sh.m) >= c.max {
		// Evict about an eighth, in map order (pseudo-random).
		n := len(sh.m)/8 + 1
		for k := range sh.m {
			delete(sh.m, k)
			if n--; n == 0 {
				break
			}
		}
	}
	sh.m[id] = ne
	sh.mu.Unlock()
	return v, true, nil
}

// forget drops the entry of id. A deleted record is never served from the cache (a
// transaction that no longer has it reads no bytes), but its entry stayed until
// evicted: article-scoped agents are deleted with every version of their article
// (sweepAgents), and a soak rewriting 40 articles filled the agents' cache with dead
// entries, towards its bound, in 30 minutes.
func (c *recCache[T]) forget(id string) {
	if c.max == 0 {
		return
	}
	sh := &c.shards[maphash.String(c.seed, id)%cacheShards]
	sh.mu.Lock()
	delete(sh.m, id)
	sh.mu.Unlock()
}

// liveCaches maps the bbolt file of each open Store (*bolt.DB) to its caches, for
// writers, which know the transaction only, to drop what they delete (forget) once
// the deletion commits.
var liveCaches sync.Map

// forgetOnCommit drops agent id from the read cache of the store of w's transaction
// when the transaction commits.
func (w *writer) forgetOnCommit(id string) {
	if c, ok := liveCaches.Load(w.tx.DB()); ok {
		w.tx.OnCommit(func() { c.(*caches).agents.forget(id) })
	}
}

// must is get with absence as an EINTERNAL error (a referenced record is missing).
func (c *recCache[T]) must(tx *bolt.Tx, id string) (T, error) {
	v, ok, err := c.get(tx, id)
	if err == nil && !ok {
		err = orMissing(nil, c.what, id)
	}
	return v, err
}

// mustIn is getIn with absence as an EINTERNAL error.
func (c *recCache[T]) mustIn(b *bolt.Bucket, id string) (T, error) {
	v, ok, err := c.getIn(b, id)
	if err == nil && !ok {
		err = orMissing(nil, c.what, id)
	}
	return v, err
}

// caches holds the decoded-record caches of a Store.
type caches struct {
	claims   *recCache[graph.Claim]
	stmts    *recCache[graph.Statement]
	agents   *recCache[graph.Agent]
	articles *recCache[graph.Article]
	outlets  *recCache[graph.Outlet]
	aggs     *recCache[claimAgg]
	disputes *recCache[graph.Dispute]
	links    *recCache[graph.ClaimLink]
}

// DefaultCacheEntries is the number of decoded records a Store keeps per record kind
// when Options.CacheEntries is 0.
const DefaultCacheEntries = 32768

func newCaches(n int) *caches {
	return &caches{
		claims: newRecCache(bClaims, "claim", n, func(c *graph.Claim) { c.Quantities = clip(c.Quantities) }),
		stmts:  newRecCache(bStmts, "statement", n, func(s *graph.Statement) { s.Via = clip(s.Via) }),
		agents: newRecCache(bAgents, "agent", n, func(a *graph.Agent) {
			a.Aliases, a.Roles = clip(a.Aliases), clip(a.Roles)
		}),
		articles: newRecCache(bArticles, "article", n, func(a *graph.Article) { a.Authors = clip(a.Authors) }),
		outlets:  newRecCache[graph.Outlet](bOutlets, "outlet", n, nil),
		aggs:     newRecCache(bAgg, "claim aggregate", n, (*claimAgg).sortKeys),
		disputes: newRecCache[graph.Dispute](bDisputes, "dispute", n, nil),
		links:    newRecCache[graph.ClaimLink](bLinks, "link", n, nil),
	}
}

func clip[S ~[]E, E any](s S) S { return s[:len(s):len(s)] }

// Own copies of the slices of cached records, for methods that return records
// themselves to callers that may modify them.

func ownClaim(c graph.Claim) graph.Claim {
	if c.Quantities != nil {
		qs := make([]graph.Quantity, len(c.Quantities))
		for i, q := range c.Quantities {
			if q.Max != nil {
				m := *q.Max
				q.Max = &m
			}
			qs[i] = q
		}
		c.Quantities = qs
	}
	return c
}

func ownAgent(a graph.Agent) graph.Agent {
	a.Aliases, a.Roles = cloneNil(a.Aliases), cloneNil(a.Roles)
	return a
}

func ownStatement(s graph.Statement) graph.Statement {
	s.Via = cloneNil(s.Via)
	if s.Source != nil {
		sp := *s.Source
		s.Source = &sp
	}
	return s
}

func cloneNil[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S(nil), s...)
}

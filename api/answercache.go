package api

import (
	"bytes"
	"log/slog"
	"net/http"
	"strconv"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// The JSON answers of a claim's provenance and contradictions are made from several
// records and encoded on every request: at 50 clients on one core that was most of
// their cost, and their p99 (15 ms and 488 ms) was the queue it made. On a store
// whose writes are all counted (graph.EveryChangeCounter: the embedded store), the
// server keeps each encoded answer until the next write, and serves it again without
// reading the store.

// DefaultAnswerCacheBytes bounds the bytes of the answers kept (Deps.AnswerCacheBytes
// when 0): 16 MiB, a small part of serve's 224 MiB memory limit.
const DefaultAnswerCacheBytes = 16 << 20

// maxCachedAnswer is the largest answer kept: a larger one is made on each request.
const maxCachedAnswer = 256 << 10

// answerCache keeps encoded JSON answers, each with the store's change count read
// before it was made: an answer is served only while the count has not moved, so no
// answer made before a write ended is served after it.
type answerCache struct {
	changes func() uint64
	max     int

	mu    sync.RWMutex
	items map[string]cachedAnswer
	bytes int    // the bodies' bytes
	at    uint64 // the change count of the answers in items
}

type cachedAnswer struct {
	body    []byte
	changes uint64
}

// newAnswerCache returns a cache for store, or nil (no caching) when the store does
// not count every write or maxBytes is negative.
func newAnswerCache(store graph.Store, maxBytes int) *answerCache {
	cc, ok := store.(graph.EveryChangeCounter)
	if !ok || maxBytes < 0 {
		return nil
	}
	if maxBytes == 0 {
		maxBytes = DefaultAnswerCacheBytes
	}
	return &answerCache{changes: cc.Changes, max: maxBytes, items: map[string]cachedAnswer{}}
}

// get returns the answer kept under key if no write ended since it was made.
func (a *answerCache) get(key string) ([]byte, bool) {
	a.mu.RLock()
	e, ok := a.items[key]
	a.mu.RUnlock()
	if !ok || e.changes != a.changes() {
		return nil, false
	}
	return e.body, true
}

// put keeps body under key, made from the store as it was at change count n. The
// first put after a write drops every answer kept (none can be served again); when
// the cache is full, answers are dropped in map order until body fits.
func (a *answerCache) put(key string, n uint64, body []byte) {
	if len(body) > maxCachedAnswer || len(body) > a.max {
		return
	}
	now := a.changes()
	if n != now {
		return // a write ended while it was made
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.at != now {
		clear(a.items)
		a.bytes, a.at = 0, now
	}
	if old, ok := a.items[key]; ok {
		a.bytes -= len(old.body)
		delete(a.items, key)
	}
	for k, e := range a.items {
		if a.bytes+len(body) <= a.max {
			break
		}
		a.bytes -= len(e.body)
		delete(a.items, k)
	}
	a.items[key] = cachedAnswer{body: body, changes: n}
	a.bytes += len(body)
}

// cachedClaimHandler is claimHandler for answers kept in cache (nil: claimHandler):
// the key is the route's name and the claim id.
func cachedClaimHandler[T any](cache *answerCache, name string, log *slog.Logger, get func(c *gin.Context, id string) (*T, error)) gin.HandlerFunc {
	if cache == nil {
		return claimHandler(log, get)
	}
	return func(c *gin.Context) {
		id, ok := plainIDRequest(c, log, "", "No such id.")
		if !ok {
			return
		}
		serveCached(c, cache, name+"\x00"+id, log, func() (any, error) { return get(c, id) })
	}
}

// serveCached answers with the answer kept under key, or makes it with make, answers
// with it and keeps it. Errors are answered and not kept.
func serveCached(c *gin.Context, cache *answerCache, key string, log *slog.Logger, make func() (any, error)) {
	if body, ok := cache.get(key); ok {
		writeCached(c, body)
		return
	}
	n := cache.changes()
	v, err := make()
	if err != nil {
		writeError(c, log, err)
		return
	}
	if err := c.Request.Context().Err(); err != nil {
		writeJSON(c, http.StatusOK, v) // answers 504, or nothing to a client gone
		return
	}
	fillNilSlices(v)
	var buf bytes.Buffer
	if err := jsonEncode(&buf, v); err != nil {
		writeError(c, log, graph.Wrap(graph.EINTERNAL, err, "encode the answer"))
		return
	}
	cache.put(key, n, buf.Bytes())
	writeCached(c, buf.Bytes())
}

// writeCached answers 200 with an encoded JSON body, with its Content-Length (net/http
// gives one only to a body that fits its 2 KiB buffer, and sends a longer one chunked).
func writeCached(c *gin.Context, body []byte) {
	if len(body) > 2048 {
		c.Header("Content-Length", strconv.Itoa(len(body)))
	}
	c.Data(http.StatusOK, jsonContentType, body)
}

// jsonContentType is the Content-Type of every JSON answer.
const jsonContentType = "application/json; charset=utf-8"

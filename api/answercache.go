package api

import (
	"bytes"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

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

// getKey is get of the key prefix+suffix, without making that string: the key is
// built in a buffer on the stack when it fits (a map index by a converted byte slice
// allocates nothing).
func (a *answerCache) getKey(prefix, suffix string) ([]byte, bool) {
	var buf [192]byte
	k := append(append(buf[:0], prefix...), suffix...)
	a.mu.RLock()
	e, ok := a.items[string(k)]
	a.mu.RUnlock()
	if !ok || e.changes != a.changes() {
		return nil, false
	}
	return e.body, true
}

// Key prefixes of the answers kept: a claim route's name and a NUL before the claim
// id, a search's "claims?" before its raw query.
const (
	keyProvenance     = "provenance\x00"
	keyContradictions = "contradictions\x00"
	keySearch         = "claims?"
)

// answerFirst answers a request from the cache when an answer is kept for it, before
// anything else is done for it: no parsing of its parameters and no context deadline
// (a timer and a copy of the request), which on a hit cost more than the answer
// itself. Only answers to valid requests are kept (errors never are), so a hit needs
// no validation. A hit still gets the connection's write deadline, as withDeadline
// sets it, so that a slow reader cannot hold the connection. Anything else goes on to
// the route's deadline and handler, which look in the cache again (a miss here may
// be filled meanwhile).
//
// key returns the request's key as a prefix and a suffix, and false for a request
// that cannot have an answer kept (such as a claim route with query parameters,
// which answers 400).
func answerFirst(cache *answerCache, timeout time.Duration, key func(c *gin.Context) (string, string, bool)) gin.HandlerFunc {
	if cache == nil {
		return func(c *gin.Context) { c.Next() }
	}
	return func(c *gin.Context) {
		if prefix, suffix, ok := key(c); ok {
			if body, ok := cache.getKey(prefix, suffix); ok {
				setWriteDeadline(c.Writer, time.Now().Add(timeout+writeGrace))
				writeCached(c, body)
				c.Abort()
				return
			}
		}
		c.Next()
	}
}

// claimAnswerKey is the cache key of a claim route's request (prefix: the route's
// key prefix): only a request without query parameters, whose id is one the server
// makes, has one.
func claimAnswerKey(prefix string) func(c *gin.Context) (string, string, bool) {
	return func(c *gin.Context) (string, string, bool) {
		if c.Request.URL.RawQuery != "" {
			return "", "", false
		}
		id, ok := pathID(c.Param("id"))
		return prefix, id, ok
	}
}

// searchAnswerKey is the cache key of a search: its raw query, as the handler keeps
// it.
func searchAnswerKey(c *gin.Context) (string, string, bool) {
	return keySearch, c.Request.URL.RawQuery, true
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
// the key is the route's key prefix (keyProvenance, keyContradictions) and the claim id.
func cachedClaimHandler[T any](cache *answerCache, prefix string, log *slog.Logger, get func(c *gin.Context, id string) (*T, error)) gin.HandlerFunc {
	if cache == nil {
		return claimHandler(log, get)
	}
	return func(c *gin.Context) {
		id, ok := plainIDRequest(c, log, "", "No such id.")
		if !ok {
			return
		}
		serveCached(c, cache, prefix+id, log, func() (any, error) { return get(c, id) })
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

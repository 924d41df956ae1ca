package embed

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
)

// rendered is one response body ready to send, with its strong validator.
type rendered struct {
	body []byte
	etag string
	// etagHeader is etag as a header value, allocated once (see fixedHeader).
	etagHeader []string
	// lengthHeader is the body's Content-Length as a header value, set only for
	// bodies longer than net/http's response buffer (chunkingBuffer): net/http would
	// send those chunked, in pieces with framing the client has to parse. Shorter
	// bodies get their Content-Length from net/http without a header map entry.
	lengthHeader []string
	// value is what the body was rendered from (the Card), for callers that need more
	// than bytes (oEmbed sizes its iframe by it); nil for static assets.
	value any
}

// strongETag is the strong entity tag of a body: a hash of its bytes, so that equal
// bodies have equal tags on every server of a deployment and after restarts.
func strongETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + base64.RawURLEncoding.EncodeToString(sum[:18]) + `"`
}

func newRendered(body []byte, value any) *rendered {
	tag := strongETag(body)
	r := &rendered{body: body, etag: tag, etagHeader: fixedHeader(tag), value: value}
	if len(body) > chunkingBuffer {
		r.lengthHeader = fixedHeader(strconv.Itoa(len(body)))
	}
	return r
}

// chunkingBuffer is the size of net/http's per-response buffer (its
// bufferBeforeChunkingSize): a body written whole that fits in it gets a
// Content-Length from net/http, a longer one without a Content-Length header is sent
// chunked.
const chunkingBuffer = 2048

// fixedHeader is a header value set on many answers, allocated once. Its slice has no
// spare capacity, so that an Add to the header copies it instead of writing into the
// shared array. Keys given with it must be in canonical form (textproto).
func fixedHeader(v string) []string { return []string{v}[:1:1] }

// notModified reports whether the request's If-None-Match matches etag. The header
// is compared weakly, as RFC 9110 §13.1.2 requires: W/"x" matches "x", and * matches
// any current representation. It allocates nothing: a revalidation costs no more
// than a map lookup and a comparison.
func notModified(r *http.Request, etag string) bool {
	for _, h := range r.Header["If-None-Match"] {
		for h != "" {
			tag, rest, _ := strings.Cut(h, ",")
			tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if tag == "*" || tag == etag {
				return true
			}
			h = rest
		}
	}
	return false
}

// Header values of the cached answers.
var (
	hdrCacheCard   = fixedHeader(cacheCard)
	hdrCacheAsset  = fixedHeader(cacheAsset)
	hdrCacheOEmbed = fixedHeader(cacheOEmbed)
	hdrCrossOrigin = fixedHeader("cross-origin")
	hdrJSON        = fixedHeader("application/json; charset=utf-8")
	hdrHTML        = fixedHeader("text/html; charset=utf-8")
)

// sendCached answers with r under the given caching policy (header values made with
// fixedHeader): 304 with no body when the client already holds it, else 200 with the
// body, in one write with its length known. Both carry the ETag and Cache-Control, so
// a revalidated copy stays usable.
func sendCached(c *gin.Context, contentType, cacheControl []string, r *rendered) {
	h := c.Writer.Header()
	h["Etag"] = r.etagHeader
	h["Cache-Control"] = cacheControl
	if notModified(c.Request, r.etag) {
		c.Status(http.StatusNotModified)
		c.Writer.WriteHeaderNow()
		return
	}
	h["Content-Type"] = contentType
	if r.lengthHeader != nil {
		h["Content-Length"] = r.lengthHeader
	}
	c.Status(http.StatusOK)
	_, _ = c.Writer.Write(r.body)
}

// renderCache keeps rendered responses, so that a card embedded on a popular page is
// read from the store once instead of once per view. An entry is used only while the
// store has counted no write since its fill began (changes, graph.ChangeCounter: a new
// dispute shows on the next request) and for at most ttl (for writes the count does
// not see, made by another process to a shared Neo4j). It is bounded (entries not
// used for the longest go first, chosen among a sample: see evictLocked) and collapses
// concurrent misses of one key into one fill. Errors are not kept.
//
// A hit takes no lock and writes no shared memory in the common case: entries are
// found through a sync.Map (index) and carry the time of their last use, written at
// most once per touchEvery. Under 50 clients on two cores the mutex and the
// move-to-front of an LRU list on every hit were the largest cost of a cached answer
// that the server controls (5.4–5.6% of its CPU in a profile under wrk).
type renderCache struct {
	ttl         time.Duration
	max         int
	fillTimeout time.Duration
	now         func() time.Time
	changes     func() uint64
	// touchEvery is the granularity of an entry's last use: a hit records its time
	// only when the recorded one is older by more than this, so that a popular card's
	// hits, on every core, do not all write to it.
	touchEvery time.Duration

	index sync.Map // cacheKey → *cacheItem: what hits read; written under mu

	mu    sync.Mutex
	items map[cacheKey]*cacheItem // the entries of index, for eviction
	calls map[cacheKey]*fillCall
}

// cacheKey names a cached answer: its form (formJSON, formHTML) and claim id.
type cacheKey struct{ form, id string }

// The forms of a card that are cached.
const (
	formJSON = "json"
	formHTML = "html"
)

type cacheItem struct {
	key     cacheKey
	r       *rendered
	expires time.Time
	seq     uint64       // the store's change count when the fill began
	used    atomic.Int64 // when it was last used, in ns since the cache's epoch
}

// epoch is the time entries' uses are counted from.
var epoch = time.Unix(0, 0)

// defaultTouchEvery is renderCache.touchEvery for the server.
const defaultTouchEvery = time.Millisecond

type fillCall struct {
	done chan struct{}
	seq  uint64
	r    *rendered
	err  error
}

// newRenderCache makes a cache; changes is the store's write count (nil: none, the
// ttl alone ends entries).
func newRenderCache(ttl time.Duration, max int, fillTimeout time.Duration, changes func() uint64) *renderCache {
	if changes == nil {
		changes = func() uint64 { return 0 }
	}
	return &renderCache{
		ttl: ttl, max: max, fillTimeout: fillTimeout, now: time.Now, changes: changes, touchEvery: defaultTouchEvery,
		items: map[cacheKey]*cacheItem{}, calls: map[cacheKey]*fillCall{},
	}
}

// get returns the entry of key, calling fill when there is none, it expired, or the
// store was written since it was filled. fill runs detached from the caller's
// cancellation (other callers may be waiting for it) but bounded by fillTimeout; each
// caller waits only as long as its own ctx allows. A caller never joins a fill that
// began before the latest write.
func (rc *renderCache) get(ctx context.Context, key cacheKey, fill func(ctx context.Context) (*rendered, error)) (*rendered, error) {
	seq := rc.changes()
	if r := rc.hit(key, seq); r != nil {
		return r, nil
	}
	rc.mu.Lock()
	call, running := rc.calls[key]
	if !running || call.seq != seq {
		call = &fillCall{done: make(chan struct{}), seq: seq}
		rc.calls[key] = call
		go rc.fill(context.WithoutCancel(ctx), key, call, fill)
	}
	rc.mu.Unlock()

	// A miss waits at most the fill timeout, even on a request without a deadline.
	wait := time.NewTimer(rc.fillTimeout)
	defer wait.Stop()
	select {
	case <-call.done:
		return call.r, call.err
	case <-ctx.Done():
		return nil, ctx.Err()
	case <-wait.C:
		return nil, fmt.Errorf("embed: the %s card of %s was not read within %s: %w", key.form, key.id, rc.fillTimeout, context.DeadlineExceeded)
	}
}

// cached returns the entry of key when get would return it without filling: the
// hit path, for callers that build their fill function only on a miss.
func (rc *renderCache) cached(key cacheKey) (*rendered, bool) {
	r := rc.hit(key, rc.changes())
	return r, r != nil
}

// hit returns the current entry of key (filled since the last write, not expired)
// and records its use; nil when there is none. A stale entry stays until its key's
// next fill replaces it, or eviction.
func (rc *renderCache) hit(key cacheKey, seq uint64) *rendered {
	v, ok := rc.index.Load(key)
	if !ok {
		return nil
	}
	it := v.(*cacheItem)
	now := rc.now()
	if it.seq != seq || !now.Before(it.expires) {
		return nil
	}
	if t := int64(now.Sub(epoch)); t-it.used.Load() > int64(rc.touchEvery) {
		it.used.Store(t)
	}
	return it.r
}

func (rc *renderCache) fill(ctx context.Context, key cacheKey, call *fillCall, fill func(ctx context.Context) (*rendered, error)) {
	call.r, call.err = rc.run(ctx, key, fill)

	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.calls[key] == call {
		delete(rc.calls, key)
	}
	// The entry is in place before its callers return, so that their next request
	// hits it (hits take no lock to wait on this one).
	defer close(call.done)
	if call.err != nil || rc.ttl <= 0 || rc.max <= 0 {
		return
	}
	if old, ok := rc.items[key]; ok && old.seq > call.seq {
		return // a fill begun after a later write got here first
	}
	now := rc.now()
	it := &cacheItem{key: key, r: call.r, expires: now.Add(rc.ttl), seq: call.seq}
	it.used.Store(int64(now.Sub(epoch)))
	rc.items[key] = it
	rc.index.Store(key, it)
	for len(rc.items) > rc.max {
		rc.evictLocked(key)
	}
}

// evictSample is how many entries eviction compares. Go's map iteration starts at a
// random place, so these are a random sample; the one unused for the longest goes.
// With 8 of 10,000, the entry dropped is among the least recently used eighth of the
// cache more often than not (1 - (7/8)^8 ≈ 66%), and never the newest (keep).
const evictSample = 8

// evictLocked drops the entry unused for the longest of a sample, other than keep
// (the entry just filled). rc.mu is held.
func (rc *renderCache) evictLocked(keep cacheKey) {
	var victim *cacheItem
	n := 0
	for k, it := range rc.items {
		if k == keep {
			continue
		}
		if victim == nil || it.used.Load() < victim.used.Load() {
			victim = it
		}
		if n++; n == evictSample {
			break
		}
	}
	if victim == nil {
		return
	}
	delete(rc.items, victim.key)
	rc.index.CompareAndDelete(victim.key, victim)
}

// run calls fill under the fill timeout, turning a panic into an error: the fill
// runs on its own goroutine, outside the server's recovery, with callers waiting.
func (rc *renderCache) run(ctx context.Context, key cacheKey, fill func(ctx context.Context) (*rendered, error)) (r *rendered, err error) {
	ctx, cancel := context.WithTimeout(ctx, rc.fillTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("embed: rendering the %s card of %s panicked: %v", key.form, key.id, p)
		}
	}()
	return fill(ctx)
}

// len returns the number of entries kept, expired or not.
func (rc *renderCache) len() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.items)
}

package embed

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
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
// not see, made by another process to a shared Neo4j). It is bounded (least recently
// used entries go first) and collapses concurrent misses of one key into one fill.
// Errors are not kept.
type renderCache struct {
	ttl         time.Duration
	max         int
	fillTimeout time.Duration
	now         func() time.Time
	changes     func() uint64

	mu    sync.Mutex
	items map[cacheKey]*list.Element // of *cacheItem
	lru   *list.List                 // front: most recently used
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
	seq     uint64 // the store's change count when the fill began
}

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
		ttl: ttl, max: max, fillTimeout: fillTimeout, now: time.Now, changes: changes,
		items: map[cacheKey]*list.Element{}, lru: list.New(), calls: map[cacheKey]*fillCall{},
	}
}

// get returns the entry of key, calling fill when there is none, it expired, or the
// store was written since it was filled. fill runs detached from the caller's
// cancellation (other callers may be waiting for it) but bounded by fillTimeout; each
// caller waits only as long as its own ctx allows. A caller never joins a fill that
// began before the latest write.
func (rc *renderCache) get(ctx context.Context, key cacheKey, fill func(ctx context.Context) (*rendered, error)) (*rendered, error) {
	seq := rc.changes()
	rc.mu.Lock()
	if r := rc.hitLocked(key, seq); r != nil {
		rc.mu.Unlock()
		return r, nil
	}
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
	seq := rc.changes()
	rc.mu.Lock()
	defer rc.mu.Unlock()
	r := rc.hitLocked(key, seq)
	return r, r != nil
}

// hitLocked returns the current entry of key (filled since the last write, not
// expired), moving it to the front; it drops a stale one and returns nil. rc.mu is held.
func (rc *renderCache) hitLocked(key cacheKey, seq uint64) *rendered {
	el, ok := rc.items[key]
	if !ok {
		return nil
	}
	it := el.Value.(*cacheItem)
	if it.seq == seq && rc.now().Before(it.expires) {
		rc.lru.MoveToFront(el)
		return it.r
	}
	rc.lru.Remove(el)
	delete(rc.items, key)
	return nil
}

func (rc *renderCache) fill(ctx context.Context, key cacheKey, call *fillCall, fill func(ctx context.Context) (*rendered, error)) {
	call.r, call.err = rc.run(ctx, key, fill)

	rc.mu.Lock()
	defer rc.mu.Unlock()
	if rc.calls[key] == call {
		delete(rc.calls, key)
	}
	close(call.done)
	if call.err != nil || rc.ttl <= 0 || rc.max <= 0 {
		return
	}
	if el, ok := rc.items[key]; ok {
		if el.Value.(*cacheItem).seq > call.seq {
			return // a fill begun after a later write got here first
		}
		rc.lru.Remove(el)
	}
	rc.items[key] = rc.lru.PushFront(&cacheItem{key: key, r: call.r, expires: rc.now().Add(rc.ttl), seq: call.seq})
	for rc.lru.Len() > rc.max {
		old := rc.lru.Back()
		rc.lru.Remove(old)
		delete(rc.items, old.Value.(*cacheItem).key)
	}
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
	return rc.lru.Len()
}

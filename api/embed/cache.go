package embed

import (
	"container/list"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// rendered is one response body ready to send, with its strong validator.
type rendered struct {
	body []byte
	etag string
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
	return &rendered{body: body, etag: strongETag(body), value: value}
}

// notModified reports whether the request's If-None-Match matches etag. The header
// is compared weakly, as RFC 9110 §13.1.2 requires: W/"x" matches "x", and * matches
// any current representation.
func notModified(r *http.Request, etag string) bool {
	for _, h := range r.Header.Values("If-None-Match") {
		for _, tag := range strings.Split(h, ",") {
			tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
			if tag == "*" || tag == etag {
				return true
			}
		}
	}
	return false
}

// sendCached answers with r under the given caching policy: 304 with no body when the
// client already holds it, else 200 with the body. Both carry the ETag and
// Cache-Control, so a revalidated copy stays fresh for another max-age.
func sendCached(c *gin.Context, contentType, cacheControl string, r *rendered) {
	h := c.Writer.Header()
	h.Set("ETag", r.etag)
	h.Set("Cache-Control", cacheControl)
	if notModified(c.Request, r.etag) {
		c.Status(http.StatusNotModified)
		c.Writer.WriteHeaderNow()
		return
	}
	c.Data(http.StatusOK, contentType, r.body)
}

// renderCache keeps rendered responses for a short time, so that a card embedded on
// a popular page is read from the store once per ttl instead of once per view. It is
// bounded (least recently used entries go first) and collapses concurrent misses of
// one key into one fill. Errors are not kept.
type renderCache struct {
	ttl         time.Duration
	max         int
	fillTimeout time.Duration
	now         func() time.Time

	mu    sync.Mutex
	items map[string]*list.Element // of *cacheItem
	lru   *list.List               // front: most recently used
	calls map[string]*fillCall
}

type cacheItem struct {
	key     string
	r       *rendered
	expires time.Time
}

type fillCall struct {
	done chan struct{}
	r    *rendered
	err  error
}

func newRenderCache(ttl time.Duration, max int, fillTimeout time.Duration) *renderCache {
	return &renderCache{
		ttl: ttl, max: max, fillTimeout: fillTimeout, now: time.Now,
		items: map[string]*list.Element{}, lru: list.New(), calls: map[string]*fillCall{},
	}
}

// get returns the entry of key, calling fill when there is none or it expired. fill
// runs detached from the caller's cancellation (other callers may be waiting for it)
// but bounded by fillTimeout; each caller waits only as long as its own ctx allows.
func (rc *renderCache) get(ctx context.Context, key string, fill func(ctx context.Context) (*rendered, error)) (*rendered, error) {
	rc.mu.Lock()
	if el, ok := rc.items[key]; ok {
		it := el.Value.(*cacheItem)
		if rc.now().Before(it.expires) {
			rc.lru.MoveToFront(el)
			rc.mu.Unlock()
			return it.r, nil
		}
		rc.lru.Remove(el)
		delete(rc.items, key)
	}
	call, running := rc.calls[key]
	if !running {
		call = &fillCall{done: make(chan struct{})}
		rc.calls[key] = call
		go rc.fill(context.WithoutCancel(ctx), key, call, fill)
	}
	rc.mu.Unlock()

	select {
	case <-call.done:
		return call.r, call.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (rc *renderCache) fill(ctx context.Context, key string, call *fillCall, fill func(ctx context.Context) (*rendered, error)) {
	call.r, call.err = rc.run(ctx, key, fill)

	rc.mu.Lock()
	defer rc.mu.Unlock()
	delete(rc.calls, key)
	close(call.done)
	if call.err != nil || rc.ttl <= 0 || rc.max <= 0 {
		return
	}
	rc.items[key] = rc.lru.PushFront(&cacheItem{key: key, r: call.r, expires: rc.now().Add(rc.ttl)})
	for rc.lru.Len() > rc.max {
		old := rc.lru.Back()
		rc.lru.Remove(old)
		delete(rc.items, old.Value.(*cacheItem).key)
	}
}

// run calls fill under the fill timeout, turning a panic into an error: the fill
// runs on its own goroutine, outside the server's recovery, with callers waiting.
func (rc *renderCache) run(ctx context.Context, key string, fill func(ctx context.Context) (*rendered, error)) (r *rendered, err error) {
	ctx, cancel := context.WithTimeout(ctx, rc.fillTimeout)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("embed: rendering %s panicked: %v", key, p)
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

package api

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/time/rate"
)

// RateLimits bound how fast one client may send requests: per client IP (every
// request but /healthz and /readyz) and per API key (every request that carries a
// valid key), each a token bucket of Rate requests per second that holds Burst. A
// Rate of 0 turns that limit off. A request over a limit gets 429 with Retry-After.
type RateLimits struct {
	PerIP      float64
	PerIPBurst int
	PerKey     float64
	KeyBurst   int
}

// String describes the limits for the start-up line.
func (r RateLimits) String() string {
	part := func(rps float64, burst int) string {
		if rps <= 0 {
			return "off"
		}
		return fmt.Sprintf("%g/s burst %d", rps, burst)
	}
	return "per IP " + part(r.PerIP, r.PerIPBurst) + ", per key " + part(r.PerKey, r.KeyBurst)
}

// limiterIdle is how long a client's bucket is kept after its last request; it is
// full again by then for any sane rate, so forgetting it changes nothing.
const limiterIdle = 10 * time.Minute

// limiters holds one token bucket per client (IP or key name). Buckets idle for
// limiterIdle are swept, so memory is bounded by the clients of the last minutes.
type limiters struct {
	rps   rate.Limit
	burst int
	now   func() time.Time

	mu        sync.Mutex
	byClient  map[string]*clientLimiter
	lastSweep time.Time
}

type clientLimiter struct {
	lim  *rate.Limiter
	last time.Time
}

func newLimiters(rps float64, burst int, now func() time.Time) *limiters {
	if burst < 1 {
		burst = max(1, int(math.Ceil(rps)))
	}
	return &limiters{rps: rate.Limit(rps), burst: burst, now: now, byClient: map[string]*clientLimiter{}}
}

// allow takes a token from client's bucket; when there is none it returns false and
// how long until there is one.
func (l *limiters) allow(client string) (bool, time.Duration) {
	now := l.now()
	l.mu.Lock()
	if now.Sub(l.lastSweep) > limiterIdle {
		for k, cl := range l.byClient {
			if now.Sub(cl.last) > limiterIdle {
				delete(l.byClient, k)
			}
		}
		l.lastSweep = now
	}
	cl := l.byClient[client]
	if cl == nil {
		cl = &clientLimiter{lim: rate.NewLimiter(l.rps, l.burst)}
		l.byClient[client] = cl
	}
	cl.last = now
	l.mu.Unlock()
	if cl.lim.AllowN(now, 1) { // the common case, without allocating a reservation
		return true, 0
	}
	r := cl.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0 // a token came in between
}

// retryAfter renders a wait as whole seconds, at least 1 (Retry-After takes seconds).
func retryAfter(d time.Duration) string {
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
}

// writeTooMany answers 429 with Retry-After.
func writeTooMany(c *gin.Context, wait time.Duration, what string) {
	c.Header("Retry-After", retryAfter(wait))
	writeProblem(c, http.StatusTooManyRequests, "",
		fmt.Sprintf("Too many requests %s; retry after %s seconds.", what, retryAfter(wait)))
}

// withIPRateLimit limits requests per client IP (as Gin resolves it: the peer, or the
// forwarded address from a trusted proxy). Health probes are not limited.
func withIPRateLimit(l *limiters) gin.HandlerFunc {
	return func(c *gin.Context) {
		if p := c.Request.URL.Path; p == "/healthz" || p == "/readyz" {
			c.Next()
			return
		}
		if ok, wait := l.allow(clientIP(c)); !ok {
			writeTooMany(c, wait, "from this address")
			return
		}
		c.Next()
	}
}

// withKeyRateLimit limits requests per API key name; it follows requireKey.
func withKeyRateLimit(l *limiters) gin.HandlerFunc {
	return func(c *gin.Context) {
		who, ok := principal(c)
		if !ok {
			c.Next()
			return
		}
		if ok, wait := l.allow(who.Name); !ok {
			writeTooMany(c, wait, "with this API key")
			return
		}
		c.Next()
	}
}

package api

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"
)

const headerRequestID = "X-Request-Id" // canonical form: the response map is read directly

// withRequestID gives every request an id: the caller's X-Request-Id when it is
// well-formed (validRequestID), otherwise a new one from ids. It is echoed in the
// response header, in every log line and in problem bodies. The response header is
// where requestID reads it back, instead of Gin's per-request key map.
func withRequestID(ids *requestIDs) gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.Request.Header[headerRequestID]
		if len(id) != 1 || !validRequestID(id[0]) {
			id = ids.next()
		}
		c.Writer.Header()[headerRequestID] = id[:1:1]
		c.Next()
	}
}

// validRequestID accepts a caller's request id only when it is short and plain
// ([A-Za-z0-9._-]{1,64}), so it cannot forge log lines or headers.
func validRequestID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9', b == '.', b == '_', b == '-':
		default:
			return false
		}
	}
	return true
}

// requestIDs makes request ids: 16 hex digits, distinct within the process (a 64-bit
// count from a random start, through a bijective mix so that ids look unrelated and
// do not tell how many requests came before), made idsPerBatch at a time into one
// string and one slice. An id then costs neither an allocation nor a read of the
// system's random source, where each used to cost both. Safe for concurrent use.
type requestIDs struct {
	count   atomic.Uint64
	batches sync.Pool // of *idBatch, each used by one goroutine at a time
}

// idsPerBatch is the number of ids made at once.
const idsPerBatch = 64

// idBatch holds ids made together and not yet handed out.
type idBatch struct {
	ids  []string // header values: each a slice of length and capacity 1 of this array
	next int
}

// newRequestIDs starts the count at a random point, so that two processes (or two
// runs) hand out different ids.
func newRequestIDs() *requestIDs {
	var b [8]byte
	_, _ = rand.Read(b[:])
	g := &requestIDs{}
	g.count.Store(binary.LittleEndian.Uint64(b[:]))
	return g
}

// next returns a new id as a header value (a slice with no spare capacity, so that
// an Add to the header copies it instead of writing into the shared array).
func (g *requestIDs) next() []string {
	b, _ := g.batches.Get().(*idBatch)
	if b == nil || b.next == len(b.ids) {
		b = g.batch()
	}
	v := b.ids[b.next : b.next+1 : b.next+1]
	b.next++
	g.batches.Put(b)
	return v
}

// batch makes idsPerBatch new ids from the next idsPerBatch counts.
func (g *requestIDs) batch() *idBatch {
	first := g.count.Add(idsPerBatch) - idsPerBatch
	var sb strings.Builder
	sb.Grow(16 * idsPerBatch)
	var x [8]byte
	var h [16]byte
	for i := range uint64(idsPerBatch) {
		binary.BigEndian.PutUint64(x[:], mix64(first+i))
		hex.Encode(h[:], x[:])
		sb.Write(h[:])
	}
	all := sb.String()
	b := &idBatch{ids: make([]string, idsPerBatch)}
	for i := range b.ids {
		b.ids[i] = all[16*i : 16*(i+1)]
	}
	return b
}

// mix64 is SplitMix64's finalizer: a bijection of the 64-bit integers (xor-shifts
// and multiplications by odd constants are each invertible), so that distinct counts
// give distinct ids, which scatters neighbouring counts across the whole range.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// requestID returns the request's id (see withRequestID); "" outside the chain.
func requestID(c *gin.Context) string {
	if v := c.Writer.Header()[headerRequestID]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// fixedHeader is a header value set on many answers, allocated once. Its slice has no
// spare capacity, so that an Add to the header copies it instead of writing into the
// shared array. Keys given with it must be in canonical form (textproto).
func fixedHeader(v ...string) []string { return slices.Clip(slices.Clone(v)) }

// Header values of every answer (withHeaders) and of cross-origin GETs (withCORS).
var (
	hdrNoSniff      = fixedHeader("nosniff")
	hdrDeny         = fixedHeader("DENY")
	hdrNoFraming    = fixedHeader("frame-ancestors 'none'")
	hdrVaryOrigin   = fixedHeader("Origin")
	hdrAnyOrigin    = fixedHeader("*")
	hdrExposeReqID  = fixedHeader(headerRequestID)
	hdrAllowMethods = fixedHeader("GET, OPTIONS")
	hdrAllowHeaders = fixedHeader("Accept, Content-Type, X-Request-Id")
	hdrMaxAge       = fixedHeader("600")
)

// withLogging writes one structured line per request when it completes, except for
// the quick successful answers of the routes tally counts (see answerTally; nil
// tallies nothing). It hands the record to the logger's handler itself, without the
// call-site lookup (runtime.Callers) that Logger.LogAttrs makes for every line:
// request lines carry no source position.
func withLogging(log *slog.Logger, tally *answerTally) gin.HandlerFunc {
	h := log.Handler()
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := c.Writer.Status()
		took := time.Since(start) // the monotonic clock alone: one clock read, not two
		end := start.Add(took)
		if tally.take(c.Request.Context(), h, c.FullPath(), status, took, end) {
			return
		}
		level := slog.LevelInfo
		switch {
		case status == statusClientGone:
			level = slog.LevelInfo
		case status == http.StatusGatewayTimeout:
			level = slog.LevelWarn
		case status >= 500 && status != http.StatusNotImplemented: // 501: a format the client asked for and we lack
			level = slog.LevelError
		}
		ctx := c.Request.Context()
		if !h.Enabled(ctx, level) {
			return
		}
		r := slog.NewRecord(end, level, "request", 0)
		r.AddAttrs(
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.String("route", c.FullPath()),
			slog.Int("status", status),
			slog.Int("bytes", c.Writer.Size()),
			slog.Duration("duration", took),
			slog.String("request_id", requestID(c)),
			slog.String("client_ip", clientIP(c)),
		)
		_ = h.Handle(ctx, r)
	}
}

// clientIP is c.ClientIP() (the peer, or the forwarded address from a trusted proxy)
// without its allocations in the common case: a request with no forwarding header
// (X-Forwarded-For, X-Real-IP, the engine's RemoteIPHeaders) has the peer's address as
// its client IP whether or not the peer is trusted, so it is read off RemoteAddr.
// Anything else (forwarding headers, a unix socket, an IPv4-mapped address) goes to
// Gin.
func clientIP(c *gin.Context) string {
	h := c.Request.Header
	if len(h["X-Forwarded-For"]) > 0 || len(h["X-Real-Ip"]) > 0 {
		return c.ClientIP()
	}
	host := c.RemoteIP()
	if a, err := netip.ParseAddr(host); err != nil || a.Is4In6() || a.Zone() != "" {
		return c.ClientIP()
	}
	return host
}

// setWriteDeadline sets the connection's write deadline through the wrappers of w
// (Gin's writer wraps net/http's), as http.ResponseController does but without
// allocating one. Writers without deadlines (httptest recorders) are left alone: the
// request's context deadline, where there is one, still holds.
func setWriteDeadline(w http.ResponseWriter, t time.Time) {
	for {
		switch x := w.(type) {
		case interface{ SetWriteDeadline(time.Time) error }:
			_ = x.SetWriteDeadline(t)
			return
		case interface{ Unwrap() http.ResponseWriter }:
			w = x.Unwrap()
		default:
			return
		}
	}
}

// withRecovery turns a panic in a handler into a logged error and a problem+json 500,
// never a stack trace on the wire.
func withRecovery(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			rec := recover()
			if rec == nil {
				return
			}
			if rec == http.ErrAbortHandler {
				panic(rec)
			}
			buf := make([]byte, 8<<10)
			buf = buf[:runtime.Stack(buf, false)]
			log.ErrorContext(c.Request.Context(), "panic", "request_id", requestID(c),
				"path", c.Request.URL.Path, "panic", fmt.Sprint(rec), "stack", string(buf))
			if c.Writer.Written() {
				c.Abort()
				return
			}
			writeProblem(c, http.StatusInternalServerError, "", "Internal error.")
		}()
		c.Next()
	}
}

// withCORS lets pages on any origin read the API (the embeddable widget): GETs carry
// Access-Control-Allow-Origin: *, and preflight OPTIONS requests are answered here
// with 204. No credentials are involved, and POST is not offered cross-origin.
func withCORS() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		if v, ok := h["Vary"]; ok {
			h["Vary"] = append(v, "Origin")
		} else {
			h["Vary"] = hdrVaryOrigin
		}
		if o := c.Request.Header["Origin"]; len(o) == 0 || o[0] == "" {
			c.Next()
			return
		}
		if c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != "" {
			h["Access-Control-Allow-Origin"] = hdrAnyOrigin
			h["Access-Control-Allow-Methods"] = hdrAllowMethods
			h["Access-Control-Allow-Headers"] = hdrAllowHeaders
			h["Access-Control-Max-Age"] = hdrMaxAge
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		if c.Request.Method == http.MethodGet {
			h["Access-Control-Allow-Origin"] = hdrAnyOrigin
			h["Access-Control-Expose-Headers"] = hdrExposeReqID
		}
		c.Next()
	}
}

// withHeaders sets headers that every answer carries. No answer may be framed by
// another site, except the widget's /embed cards, which replace both framing headers.
func withHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h["X-Content-Type-Options"] = hdrNoSniff
		h["X-Frame-Options"] = hdrDeny
		h["Content-Security-Policy"] = hdrNoFraming
		c.Next()
	}
}

// withDeadline bounds the request: its context ends at the deadline, so that a slow
// store call is cancelled and answered with 504 instead of holding the connection, and
// the connection's write deadline is set to the same instant, so that writing the
// answer to a slow reader cannot outlive it either (the write then fails and the
// connection is closed).
func withDeadline(d time.Duration) gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), d)
		defer cancel()
		dl, _ := ctx.Deadline()
		// Not every ResponseWriter supports deadlines (httptest recorders do not);
		// the context deadline still holds there.
		setWriteDeadline(c.Writer, dl.Add(writeGrace))
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// withWriteDeadline is withDeadline for routes that bound their own store reads (the
// widget's cached answers, whose cache fills and waits are bounded by the request
// timeout, and static files): the connection's write deadline is set as withDeadline
// sets it, so that a slow reader cannot hold the connection, but the request keeps
// its context, which saves a timer and a copy of the request on every answer.
func withWriteDeadline(d time.Duration) gin.HandlerFunc {
	return func(c *gin.Context) {
		setWriteDeadline(c.Writer, time.Now().Add(d+writeGrace))
		c.Next()
	}
}

// writeGrace lets a handler that noticed its deadline write its short 504 problem.
const writeGrace = 250 * time.Millisecond

// statusClientGone is logged (and never received) for a request whose client closed
// the connection before the answer: nginx's 499 "client closed request".
const statusClientGone = 499

// clientGone reports whether the request ended because its client went away, rather
// than by its deadline.
func clientGone(c *gin.Context) bool {
	err := c.Request.Context().Err()
	return err != nil && errors.Is(err, context.Canceled) && !errors.Is(context.Cause(c.Request.Context()), context.DeadlineExceeded)
}

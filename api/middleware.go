package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/netip"
	"regexp"
	"runtime"
	"slices"
	"time"

	"github.com/gin-gonic/gin"
)

const headerRequestID = "X-Request-Id" // canonical form: the response map is read directly

// validRequestID accepts a caller's request id only when it is short and plain, so it
// cannot forge log lines or headers.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// withRequestID gives every request an id: the caller's X-Request-Id when it is
// well-formed, otherwise a random one. It is echoed in the response header, in every
// log line and in problem bodies. The response header is where requestID reads it
// back: one small allocation a request, instead of Gin's per-request key map.
func withRequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.Request.Header[headerRequestID]
		if len(id) != 1 || !validRequestID.MatchString(id[0]) {
			id = []string{newRequestID()}
		}
		c.Writer.Header()[headerRequestID] = id[:1:1]
		c.Next()
	}
}

// newRequestID returns 16 random hex digits.
func newRequestID() string {
	var b [8]byte
	var h [16]byte
	_, _ = rand.Read(b[:])
	hex.Encode(h[:], b[:])
	return string(h[:])
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
		end := time.Now()
		if tally.take(c.Request.Context(), h, c.FullPath(), status, end.Sub(start), end) {
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
			slog.Duration("duration", end.Sub(start)),
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

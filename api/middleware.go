package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime"
	"time"

	"github.com/gin-gonic/gin"
)

const (
	headerRequestID = "X-Request-Id"
	ctxRequestID    = "claimgraph.request_id"
)

// validRequestID accepts a caller's request id only when it is short and plain, so it
// cannot forge log lines or headers.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// withRequestID gives every request an id: the caller's X-Request-Id when it is
// well-formed, otherwise a random one. It is echoed in the response header, in every
// log line and in problem bodies.
func withRequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(headerRequestID)
		if !validRequestID.MatchString(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(ctxRequestID, id)
		c.Header(headerRequestID, id)
		c.Next()
	}
}

func requestID(c *gin.Context) string { return c.GetString(ctxRequestID) }

// withLogging writes one structured line per request when it completes.
func withLogging(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		status := c.Writer.Status()
		level := slog.LevelInfo
		switch {
		case status == statusClientGone:
			level = slog.LevelInfo
		case status == http.StatusGatewayTimeout:
			level = slog.LevelWarn
		case status >= 500 && status != http.StatusNotImplemented: // 501: a format the client asked for and we lack
			level = slog.LevelError
		}
		route := c.FullPath()
		log.LogAttrs(c.Request.Context(), level, "request",
			slog.String("method", c.Request.Method),
			slog.String("path", c.Request.URL.Path),
			slog.String("route", route),
			slog.Int("status", status),
			slog.Int("bytes", c.Writer.Size()),
			slog.Duration("duration", time.Since(start)),
			slog.String("request_id", requestID(c)),
			slog.String("client_ip", c.ClientIP()),
		)
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
		h.Add("Vary", "Origin")
		if c.GetHeader("Origin") == "" {
			c.Next()
			return
		}
		if c.Request.Method == http.MethodOptions && c.GetHeader("Access-Control-Request-Method") != "" {
			h.Set("Access-Control-Allow-Origin", "*")
			h.Set("Access-Control-Allow-Methods", "GET, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Accept, Content-Type, X-Request-Id")
			h.Set("Access-Control-Max-Age", "600")
			c.AbortWithStatus(http.StatusNoContent)
			return
		}
		if c.Request.Method == http.MethodGet {
			h.Set("Access-Control-Allow-Origin", "*")
			h.Set("Access-Control-Expose-Headers", "X-Request-Id")
		}
		c.Next()
	}
}

// withHeaders sets headers that every answer carries. No answer may be framed by
// another site, except the widget's /embed cards, which replace both framing headers.
func withHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("X-Content-Type-Options", "nosniff")
		c.Header("X-Frame-Options", "DENY")
		c.Header("Content-Security-Policy", "frame-ancestors 'none'")
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
		_ = http.NewResponseController(c.Writer).SetWriteDeadline(dl.Add(writeGrace))
		c.Request = c.Request.WithContext(ctx)
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

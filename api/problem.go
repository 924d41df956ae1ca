package api

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// ProblemTypeBase prefixes every problem type URI. The URIs are stable identifiers:
// clients branch on them, so they never change once published.
const ProblemTypeBase = "https://claimgraph.dev/problems/"

// Problem types. Each names one kind of failure; the OpenAPI document lists them.
const (
	ProblemInvalidRequest   = ProblemTypeBase + "invalid-request"        // 400
	ProblemUnauthorized     = ProblemTypeBase + "unauthorized"           // 401
	ProblemForbidden        = ProblemTypeBase + "forbidden"              // 403
	ProblemNotFound         = ProblemTypeBase + "not-found"              // 404
	ProblemMethodNotAllowed = ProblemTypeBase + "method-not-allowed"     // 405
	ProblemConflict         = ProblemTypeBase + "conflict"               // 409
	ProblemTooLarge         = ProblemTypeBase + "payload-too-large"      // 413
	ProblemUnsupportedMedia = ProblemTypeBase + "unsupported-media-type" // 415
	ProblemRateLimited      = ProblemTypeBase + "rate-limited"           // 429
	// ProblemNotOwner is a 403 for a key that may not replace an article another key
	// (or no key) wrote: only an admin key may.
	ProblemNotOwner       = ProblemTypeBase + "article-owned-by-another-key" // 403
	ProblemInternal       = ProblemTypeBase + "internal"                     // 500
	ProblemUnavailable    = ProblemTypeBase + "unavailable"                  // 503
	ProblemTimeout        = ProblemTypeBase + "timeout"                      // 504
	ProblemNotImplemented = ProblemTypeBase + "not-implemented"              // 501
)

// problemTitles gives each problem type its fixed, human-readable title.
var problemTitles = map[string]string{
	ProblemInvalidRequest:   "Invalid request",
	ProblemUnauthorized:     "Unauthorized",
	ProblemForbidden:        "Forbidden",
	ProblemNotFound:         "Not found",
	ProblemMethodNotAllowed: "Method not allowed",
	ProblemConflict:         "Conflict",
	ProblemTooLarge:         "Payload too large",
	ProblemUnsupportedMedia: "Unsupported media type",
	ProblemRateLimited:      "Too many requests",
	ProblemNotOwner:         "Article written by another key",
	ProblemInternal:         "Internal error",
	ProblemNotImplemented:   "Not implemented",
	ProblemUnavailable:      "Service unavailable",
	ProblemTimeout:          "Request timed out",
}

// Problem is an RFC 9457 problem details object, served as application/problem+json.
// RequestID is an extension member that ties the answer to the server's log line.
type Problem struct {
	Type      string `json:"type"`
	Title     string `json:"title"`
	Status    int    `json:"status"`
	Detail    string `json:"detail,omitempty"`
	Instance  string `json:"instance,omitempty"`
	RequestID string `json:"request_id,omitempty"`
	// Field names the offending parameter or JSON field of a 400, when there is one.
	Field string `json:"field,omitempty"`
}

// codeStatus maps graph error codes to HTTP status and problem type: the one table
// between domain errors and HTTP.
var codeStatus = map[string]struct {
	status int
	typ    string
}{
	graph.ENOTFOUND:    {http.StatusNotFound, ProblemNotFound},
	graph.EINVALID:     {http.StatusBadRequest, ProblemInvalidRequest},
	graph.EFORBIDDEN:   {http.StatusForbidden, ProblemNotOwner},
	graph.EUNAVAILABLE: {http.StatusServiceUnavailable, ProblemUnavailable},
	graph.EINTERNAL:    {http.StatusInternalServerError, ProblemInternal},
}

// statusType maps a status this package writes directly to its problem type.
var statusType = map[int]string{
	http.StatusBadRequest:            ProblemInvalidRequest,
	http.StatusUnauthorized:          ProblemUnauthorized,
	http.StatusForbidden:             ProblemForbidden,
	http.StatusNotFound:              ProblemNotFound,
	http.StatusMethodNotAllowed:      ProblemMethodNotAllowed,
	http.StatusConflict:              ProblemConflict,
	http.StatusRequestEntityTooLarge: ProblemTooLarge,
	http.StatusUnsupportedMediaType:  ProblemUnsupportedMedia,
	http.StatusTooManyRequests:       ProblemRateLimited,
	http.StatusInternalServerError:   ProblemInternal,
	http.StatusNotImplemented:        ProblemNotImplemented,
	http.StatusServiceUnavailable:    ProblemUnavailable,
	http.StatusGatewayTimeout:        ProblemTimeout,
}

// ctxProblemDetail keeps the detail of the problem a request was answered with, for
// the audit log.
const ctxProblemDetail = "claimgraph.problem_detail"

// requestError is an error found while reading a request, with the status to answer
// and the parameter or field it concerns.
type requestError struct {
	status int
	typ    string // "" means the status's own type
	field  string
	detail string
}

func (e *requestError) Error() string { return e.detail }

// badRequest returns a 400 error about one parameter or field.
func badRequest(field, detail string) error {
	return &requestError{status: http.StatusBadRequest, field: field, detail: detail}
}

// writeProblem answers with a problem of the given status.
func writeProblem(c *gin.Context, status int, field, detail string) {
	typ, ok := statusType[status]
	if !ok {
		typ = ProblemInternal
	}
	writeProblemType(c, status, typ, field, detail)
}

// writeProblemType answers with a problem of the given status and type, for the
// statuses that have more than one type (403).
func writeProblemType(c *gin.Context, status int, typ, field, detail string) {
	p := Problem{
		Type:      typ,
		Title:     problemTitles[typ],
		Status:    status,
		Detail:    detail,
		Instance:  c.Request.URL.Path,
		RequestID: requestID(c),
		Field:     field,
	}
	c.Set(ctxProblemDetail, detail)
	c.Header("Cache-Control", "no-store")
	c.Render(status, problemRender{p})
	c.Abort()
}

// writeError answers with the problem that err maps to. Internal errors are logged
// with their cause and reach the client only as "Internal error.".
func writeError(c *gin.Context, log *slog.Logger, err error) {
	var re *requestError
	if errors.As(err, &re) {
		if re.typ != "" {
			writeProblemType(c, re.status, re.typ, re.field, re.detail)
			return
		}
		writeProblem(c, re.status, re.field, re.detail)
		return
	}
	ctx := c.Request.Context()
	if log == nil {
		log = discardLog
	}
	if clientGone(c) {
		// Nobody reads the answer: not an error of the server's.
		c.AbortWithStatus(statusClientGone)
		return
	}
	if ctx.Err() != nil {
		log.WarnContext(ctx, "request deadline exceeded", "request_id", requestID(c), "path", c.Request.URL.Path, "err", err)
		writeProblem(c, http.StatusGatewayTimeout, "", "The request took too long and was stopped; try a narrower query.")
		return
	}
	code := graph.ErrorCode(err)
	m, ok := codeStatus[code]
	if !ok {
		m = codeStatus[graph.EINTERNAL]
	}
	detail := graph.ErrorMessage(err)
	switch code {
	case graph.EINTERNAL:
		log.ErrorContext(ctx, "internal error", "request_id", requestID(c), "path", c.Request.URL.Path, "err", err)
		detail = "Internal error."
	case graph.EUNAVAILABLE:
		log.ErrorContext(ctx, "store unavailable", "request_id", requestID(c), "path", c.Request.URL.Path, "err", err)
		detail = "The graph store is unavailable; retry later."
		// Retryable: a store down, or a read that met a write committing all along
		// (neo4jstore's torn reads).
		c.Header("Retry-After", "1")
	}
	writeProblemType(c, m.status, m.typ, "", detail)
}

var discardLog = slog.New(slog.DiscardHandler)

// problemRender renders a Problem as application/problem+json.
type problemRender struct{ p Problem }

func (r problemRender) Render(w http.ResponseWriter) error {
	r.WriteContentType(w)
	return jsonEncode(w, r.p)
}

func (r problemRender) WriteContentType(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/problem+json")
}

// Package api serves claimgraph's provenance graph over HTTP: claims, their provenance
// chains and contradictions, agents and articles, as JSON under /v1, with errors as
// RFC 9457 problem+json and an OpenAPI 3.1 document at /openapi.json.
//
// New builds the handler from its dependencies (a graph.Store and, for POST
// /v1/articles, an ArticleIngester); NewHTTPServer wraps it in an http.Server with
// read, write and idle timeouts. Every route is listed in routes.go.
package api

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/api/embed"
	"github.com/claimgraph/claimgraph/graph"
)

func init() { gin.SetMode(gin.ReleaseMode) }

// ArticleIngester extracts one article and writes it into the store, returning the id
// it was stored under and whether anything was created (false when the same article
// was already stored). It must be idempotent.
type ArticleIngester interface {
	IngestArticle(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error)
}

// IngesterFunc adapts a function to ArticleIngester.
type IngesterFunc func(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error)

// IngestArticle calls f.
func (f IngesterFunc) IngestArticle(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error) {
	return f(ctx, a)
}

// Defaults for Deps fields left zero.
const (
	DefaultRequestTimeout = 10 * time.Second
	DefaultIngestTimeout  = 60 * time.Second
	DefaultMaxBodyBytes   = 8 << 20
)

// Deps is everything the API needs. Store is required; the rest have defaults.
type Deps struct {
	// Store answers every read.
	Store graph.Store
	// Ingester handles POST /v1/articles; nil answers it with 503.
	Ingester ArticleIngester
	// Keys are the API keys in force (a *KeySet, or a *Keyring that rotates them):
	// POST /v1/articles needs scope ingest, GET /v1/audit scope admin. Nil or empty
	// refuses every key.
	Keys KeySource
	// Audit keeps the audit log of writes; nil uses Store when it is a graph.Auditor
	// (both backends are), else writes are not audited and GET /v1/audit answers 503.
	Audit graph.Auditor
	// RateLimits bound requests per client IP and per key; zero rates turn them off.
	RateLimits RateLimits
	// Logger receives one line per request and the causes of internal errors;
	// nil discards them.
	Logger *slog.Logger
	// TrustedProxies lists the proxy addresses or CIDRs whose X-Forwarded-For and
	// X-Real-IP headers are believed. Empty trusts none: the client IP is the peer.
	TrustedProxies []string
	// RequestTimeout bounds every read request (DefaultRequestTimeout when 0);
	// IngestTimeout bounds POST /v1/articles (DefaultIngestTimeout when 0).
	RequestTimeout time.Duration
	IngestTimeout  time.Duration
	// MaxBodyBytes bounds a request body; larger ones get 413 (DefaultMaxBodyBytes
	// when 0).
	MaxBodyBytes int64
	// MaxConcurrentIngests bounds the POST /v1/articles handled at once (extraction is
	// CPU-bound); a request that finds no free slot before its deadline gets 503.
	// 0 means runtime.GOMAXPROCS(0).
	MaxConcurrentIngests int
	// EmbedFrameAncestors lists the sites allowed to frame the widget's /embed cards,
	// as CSP frame-ancestors sources (https://news.example, https://*.example.org);
	// empty allows every site. Every other answer forbids framing.
	EmbedFrameAncestors []string
	// PublicURL is the server's public origin (https://claims.example.org): oEmbed
	// recognizes claim pages by it. Empty means the Host of each request.
	PublicURL string
	// MaxConcurrentArticleReads bounds the article bundles read and laid out at once for
	// GET /v1/articles/{id} and its lists (requests for one article share one read), so
	// that the memory they take does not grow with the number of clients. 0 means
	// runtime.GOMAXPROCS(0).
	MaxConcurrentArticleReads int
	// InlineIngestBytes is the longest article text POST /v1/articles ingests while the
	// request waits; longer ones are queued as jobs at once (DefaultInlineIngestBytes
	// when 0). JobTimeout bounds one attempt of one job (DefaultJobTimeout when 0).
	InlineIngestBytes int
	JobTimeout        time.Duration
	// AnswerCacheBytes bounds the encoded provenance and contradictions answers kept
	// until the store's next write (answercache.go), on a store that counts every
	// write (graph.EveryChangeCounter: the embedded store); DefaultAnswerCacheBytes
	// when 0, none when negative.
	AnswerCacheBytes int
}

// Server is the API's http.Handler.
type Server struct {
	engine *gin.Engine
	deps   Deps
	log    *slog.Logger
	widget *embed.Handler
	slots  chan struct{} // ingest slots, shared by inline ingests and jobs
	jobs   *jobRunner    // nil without a store or an ingester
	tally  *answerTally  // the widget's quick answers, counted instead of logged
	// answers keeps encoded claim answers until the next write; nil: none.
	answers *answerCache
}

// New builds the API handler. It fails on a malformed TrustedProxies,
// EmbedFrameAncestors or PublicURL entry (or broken embedded web templates, which the
// tests of package web catch).
func New(deps Deps) (*Server, error) {
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if deps.RequestTimeout <= 0 {
		deps.RequestTimeout = DefaultRequestTimeout
	}
	if deps.IngestTimeout <= 0 {
		deps.IngestTimeout = DefaultIngestTimeout
	}
	if deps.MaxBodyBytes <= 0 {
		deps.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if deps.Keys == nil || deps.Keys.Current() == nil {
		deps.Keys = &KeySet{}
	}
	if deps.Audit == nil {
		deps.Audit, _ = deps.Store.(graph.Auditor)
	}
	if deps.MaxConcurrentIngests <= 0 {
		deps.MaxConcurrentIngests = runtime.GOMAXPROCS(0)
	}
	if deps.InlineIngestBytes <= 0 {
		deps.InlineIngestBytes = DefaultInlineIngestBytes
	}
	if deps.JobTimeout <= 0 {
		deps.JobTimeout = DefaultJobTimeout
	}
	if deps.MaxConcurrentArticleReads <= 0 {
		deps.MaxConcurrentArticleReads = runtime.GOMAXPROCS(0)
	}
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.RedirectTrailingSlash = false
	e.RedirectFixedPath = false
	e.ContextWithFallback = true
	var proxies []string
	if len(deps.TrustedProxies) > 0 {
		proxies = deps.TrustedProxies
	}
	if err := e.SetTrustedProxies(proxies); err != nil {
		return nil, err
	}
	s := &Server{engine: e, deps: deps, log: deps.Logger, slots: make(chan struct{}, deps.MaxConcurrentIngests),
		answers: newAnswerCache(deps.Store, deps.AnswerCacheBytes)}
	if deps.Store != nil && deps.Ingester != nil {
		s.jobs = newJobRunner(deps.Store, deps.Ingester, s.slots, deps.JobTimeout, deps.Logger)
	}
	w, err := newWidget(deps)
	if err != nil {
		return nil, err
	}
	s.widget = w
	if err := s.routes(); err != nil {
		return nil, err
	}
	return s, nil
}

// RunJobs runs the ingest jobs kept in the store until ctx ends: the queued ones, and
// those a previous process left running when it stopped (they start again, at most
// three times in all). Jobs it stops at the end stay running in the store, to be
// resumed by the next RunJobs. It returns when its jobs have stopped. Without an
// ingester it only waits for ctx. Run one per store: two servers sharing a Neo4j
// database would both run its queued jobs (harmless, as ingest is idempotent, but
// twice the work).
func (s *Server) RunJobs(ctx context.Context) error {
	if s.jobs == nil {
		<-ctx.Done()
		return nil
	}
	return s.jobs.run(ctx)
}

// FlushLog writes what the request log holds back: the counts of the widget's quick
// answers since the last "tallied answers" line (see answerTally). Call it once the
// server takes no more requests (after http.Server.Shutdown), so that every answer is
// in the log.
func (s *Server) FlushLog(ctx context.Context) {
	s.tally.flush(ctx, s.log.Handler(), time.Now())
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.engine.ServeHTTP(w, r) }

// Route is one registered method and path, in Gin's syntax (/v1/claims/:id).
type Route struct{ Method, Path string }

// Routes lists the registered routes.
func (s *Server) Routes() []Route {
	var out []Route
	for _, r := range s.engine.Routes() {
		out = append(out, Route{r.Method, r.Path})
	}
	return out
}

// Timeouts bound the phases of a connection.
type Timeouts struct {
	ReadHeader, Read, Write, Idle time.Duration
}

// DefaultTimeouts leave room for a POST of the largest body on a slow link and for
// the slowest allowed request (the ingest timeout) to finish writing.
var DefaultTimeouts = Timeouts{
	ReadHeader: 5 * time.Second,
	Read:       30 * time.Second,
	Write:      DefaultIngestTimeout + 15*time.Second,
	Idle:       120 * time.Second,
}

// NewHTTPServer wraps h in an http.Server on addr with the given timeouts.
func NewHTTPServer(addr string, h http.Handler, t Timeouts, log *slog.Logger) *http.Server {
	srv := &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: t.ReadHeader,
		ReadTimeout:       t.Read,
		WriteTimeout:      t.Write,
		IdleTimeout:       t.Idle,
		MaxHeaderBytes:    64 << 10,
	}
	if log != nil {
		srv.ErrorLog = slog.NewLogLogger(log.Handler(), slog.LevelWarn)
	}
	return srv
}

// jsonEncode writes v as JSON (writeJSON first replaces nil slices with empty ones).
func jsonEncode(w io.Writer, v any) error {
	return json.NewEncoder(w).Encode(v)
}

// jsonRender renders a value as application/json.
type jsonRender struct{ v any }

func (r jsonRender) Render(w http.ResponseWriter) error {
	r.WriteContentType(w)
	return jsonEncode(w, r.v)
}

func (r jsonRender) WriteContentType(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
}

// writeJSON answers with v as JSON. v must be a pointer when it holds slices that may
// be nil: they are replaced by empty ones first (see fillNilSlices). A request whose
// deadline passed while its answer was being made gets 504 instead of a late answer;
// one whose client went away gets nothing (see clientGone).
func writeJSON(c *gin.Context, status int, v any) {
	if err := c.Request.Context().Err(); err != nil {
		writeError(c, nil, graph.Wrap(graph.EUNAVAILABLE, err, "the answer was ready after the request ended"))
		return
	}
	fillNilSlices(v)
	c.Render(status, jsonRender{v})
}

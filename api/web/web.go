// Package web is claimgraph's web app for fact-checkers: server-rendered HTML pages
// over the same graph.Store as the JSON API, served by `claimgraph serve` at /.
//
// Pages: claim search with the API's filters (/), a claim with its provenance chains,
// disputes, conflicting and corroborating figures, origin groups and a drawing of its
// neighbourhood (/claims/{id}, the drawing alone at /claims/{id}/graph.svg), an agent
// with what it said and who disputes it (/agents/{id}), the article list (/articles)
// and an article with every speaker, cue, content and dispute highlighted
// (/articles/{id}, its text in parts of bounded size).
//
// Every page works without JavaScript: scripts and styles are external files embedded
// in the binary (/static/), and a strict Content-Security-Policy allows nothing else,
// so no inline script or style can run even if markup were injected. Everything that
// comes from an article is escaped by html/template; links to articles are kept only
// for http and https URLs.
package web

import (
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Store is the part of graph.Store the pages read.
type Store interface {
	SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error)
	Claim(ctx context.Context, id string) (*graph.ClaimDetail, error)
	Provenance(ctx context.Context, claimID string) (*graph.Provenance, error)
	Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error)
	Agent(ctx context.Context, id string) (*graph.Agent, error)
	Agents(ctx context.Context, q graph.AgentQuery) (graph.Page[graph.Agent], error)
	AgentClaims(ctx context.Context, agentID string, p graph.PageRequest) (graph.Page[graph.ClaimSummary], error)
	ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error)
	Articles(ctx context.Context, q graph.ArticleQuery) (graph.Page[graph.ArticleRef], error)
	Subgraph(ctx context.Context, q graph.SubgraphQuery) (*graph.Subgraph, error)
}

// Deps is what the web app needs.
type Deps struct {
	// Store answers every page.
	Store Store
	// Logger receives the causes of internal errors; nil discards them.
	Logger *slog.Logger
	// Timeout bounds one page's store reads (DefaultTimeout when 0).
	Timeout time.Duration
	// PublicURL is the server's public origin ("https://claims.example.org", as
	// `claimgraph serve --public-url` gives it to the widget's oEmbed endpoint): claim
	// pages name it in their oEmbed discovery link, so that the link a CMS finds is the
	// one /oembed recognizes behind a proxy. Empty means the scheme and Host of each
	// request.
	PublicURL string
}

// DefaultTimeout bounds one page's store reads when Deps.Timeout is 0.
const DefaultTimeout = 10 * time.Second

// ContentSecurityPolicy is sent with every page: scripts, styles and images only from
// this origin's files, no inline script or style, no plugins, forms posting only
// here, and no framing (the embeddable widget under /embed sets its own policy).
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// App serves the pages.
type App struct {
	store   Store
	log     *slog.Logger
	timeout time.Duration
	public  string // Deps.PublicURL without a trailing slash
	pages   map[string]*template.Template
	assets  assets
}

// New parses the templates and hashes the static files. It fails only if the
// embedded templates are broken, which the package's tests catch.
func New(d Deps) (*App, error) {
	if d.Logger == nil {
		d.Logger = slog.New(slog.DiscardHandler)
	}
	if d.Timeout <= 0 {
		d.Timeout = DefaultTimeout
	}
	as, err := loadAssets()
	if err != nil {
		return nil, err
	}
	a := &App{store: d.Store, log: d.Logger, timeout: d.Timeout, public: strings.TrimRight(d.PublicURL, "/"), assets: as}
	if a.pages, err = parsePages(as); err != nil {
		return nil, err
	}
	return a, nil
}

// Register adds the pages to a Gin engine: the one call `claimgraph serve` makes.
func Register(e *gin.Engine, d Deps) error {
	a, err := New(d)
	if err != nil {
		return err
	}
	a.Routes(e)
	return nil
}

// route is one GET route of the app, in Gin's syntax.
type route struct {
	path string
	page bool // an HTML page (security headers, deadline), else a static file
	h    func(a *App) gin.HandlerFunc
}

// routes is the app's route table: Routes registers it and Paths lists it.
var routes = []route{
	{"/", true, func(a *App) gin.HandlerFunc { return a.handleSearch }},
	{"/claims/:id", true, func(a *App) gin.HandlerFunc { return a.handleClaim }},
	{"/claims/:id/graph.svg", true, func(a *App) gin.HandlerFunc { return a.handleGraphSVG }},
	{"/agents/:id", true, func(a *App) gin.HandlerFunc { return a.handleAgent }},
	{"/articles", true, func(a *App) gin.HandlerFunc { return a.handleArticles }},
	{"/articles/:id", true, func(a *App) gin.HandlerFunc { return a.handleArticle }},
	{"/static/:file", false, func(a *App) gin.HandlerFunc { return a.handleStatic }},
}

// Paths lists the GET paths the app registers, in Gin's syntax (/claims/:id), so
// that the API's route tests can tell the app's HTML pages from the JSON API that
// openapi.yaml documents.
func Paths() []string {
	out := make([]string, len(routes))
	for i, r := range routes {
		out[i] = r.path
	}
	return out
}

// Routes registers the app's routes on e.
func (a *App) Routes(e gin.IRoutes) {
	for _, r := range routes {
		hs := []gin.HandlerFunc{r.h(a)}
		if r.page {
			hs = []gin.HandlerFunc{withPageHeaders(), a.withDeadline(), r.h(a)}
		}
		e.GET(r.path, hs...)
	}
}

// withPageHeaders sets the security headers of every page.
func withPageHeaders() gin.HandlerFunc {
	return func(c *gin.Context) {
		h := c.Writer.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		c.Next()
	}
}

// withDeadline bounds the request's store reads.
func (a *App) withDeadline() gin.HandlerFunc {
	return func(c *gin.Context) {
		ctx, cancel := context.WithTimeout(c.Request.Context(), a.timeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// assets are the static files with content-hashed names, so they can be cached for a
// year and still change with each release.
type assets struct {
	byName map[string]asset // "app.3f2a9c1b.css" → file
	url    map[string]string
}

type asset struct {
	body        []byte
	contentType string
}

func loadAssets() (assets, error) {
	as := assets{byName: map[string]asset{}, url: map[string]string{}}
	entries, err := fs.ReadDir(staticFS, "static")
	if err != nil {
		return as, err
	}
	for _, e := range entries {
		b, err := staticFS.ReadFile("static/" + e.Name())
		if err != nil {
			return as, err
		}
		sum := sha256.Sum256(b)
		ext := path.Ext(e.Name())
		hashed := strings.TrimSuffix(e.Name(), ext) + "." + hex.EncodeToString(sum[:5]) + ext
		ct := map[string]string{".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}[ext]
		if ct == "" {
			return as, fmt.Errorf("web: static file %s has no known content type", e.Name())
		}
		as.byName[hashed] = asset{b, ct}
		as.url[e.Name()] = "/static/" + hashed
	}
	return as, nil
}

// handleStatic serves an embedded file by its hashed name.
func (a *App) handleStatic(c *gin.Context) {
	f, ok := a.assets.byName[c.Param("file")]
	if !ok {
		c.Header("Cache-Control", "no-store")
		c.String(http.StatusNotFound, "No such file.")
		return
	}
	c.Header("Cache-Control", "public, max-age=31536000, immutable")
	c.Data(http.StatusOK, f.contentType, f.body)
}

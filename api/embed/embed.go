// Package embed serves claimgraph's embeddable provenance widget, for editors who
// show on their own pages who said a claim, through whom, and who disputes it. It
// comes in three forms, all built from one Card (card.go):
//
//   - an iframe card, GET /embed/claims/{id}: server-rendered HTML with its own strict
//     Content-Security-Policy (no inline script), framable by any site (or by an
//     allow-list), which posts its height to the parent page (embed-frame.js; the
//     parent's embed-resize.js applies it);
//   - a web component, <claim-provenance claim="ID">, one script with shadow DOM
//     (GET /widget/claim-provenance.js) that renders GET /v1/claims/{id}/card;
//   - oEmbed 1.0, GET /oembed?url=…, which answers a claim page's URL with the iframe.
//
// A popular article page may load a widget millions of times, so every response
// carries a strong ETag (a hash of its bytes) and Cache-Control, answers
// If-None-Match with 304, and cards are rendered from the store once and kept until
// the store is written (graph.ChangeCounter) or CacheTTL ends (renderCache). The
// routes are registered by package api (routes.go).
package embed

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

//go:embed assets templates
var files embed.FS

// Defaults for Deps fields left zero.
const (
	// DefaultCacheTTL is how long a rendered card is reused at most. A write through
	// the server's own store ends its cards at once (graph.ChangeCounter); the ttl
	// bounds how long a write by another process to a shared Neo4j goes unseen.
	DefaultCacheTTL = 30 * time.Second
	// DefaultCacheEntries bounds the rendered cards kept (JSON and HTML count one each).
	DefaultCacheEntries = 10_000
	// DefaultFillTimeout bounds one read of a card from the store.
	DefaultFillTimeout = 10 * time.Second
)

// Cache-Control policies. Cards are revalidated on every view (max-age=0 with their
// ETag, answered 304 while the card is unchanged), so that a new dispute shows on the
// next view; they may be served stale when the server fails (stale-if-error). The
// scripts and stylesheet change only with a new release.
const (
	cacheCard   = "public, max-age=0, stale-if-error=86400"
	cacheAsset  = "public, max-age=300, stale-while-revalidate=86400"
	cacheOEmbed = "public, max-age=300, stale-while-revalidate=3600"
)

// Store is what the widget reads: a claim's provenance chains and contradictions.
// graph.Store implements it.
type Store interface {
	Provenance(ctx context.Context, claimID string) (*graph.Provenance, error)
	Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error)
}

// Deps is everything the widget needs. WriteProblem and WriteError are required;
// the rest have defaults.
type Deps struct {
	// Store answers every read of a card (like api.Deps.Store, it may be nil only in
	// a server that serves no card, such as a test of the route table).
	Store Store
	// Log receives the causes of internal errors; nil discards them.
	Log *slog.Logger
	// WriteProblem answers with an RFC 9457 problem of the given status about one
	// query parameter (field may be ""); WriteError answers with the problem a store
	// error maps to. Package api passes its own, so the widget's problems are the
	// API's.
	WriteProblem func(c *gin.Context, status int, field, detail string)
	WriteError   func(c *gin.Context, err error)
	// FrameAncestors lists the CSP source expressions of the sites allowed to frame
	// /embed cards ("https://news.example", "https://*.example.org", "'self'"); empty
	// allows every site ("*"). See ParseFrameAncestors.
	FrameAncestors []string
	// PublicURL is the server's public origin ("https://claims.example.org"), used by
	// oEmbed to recognize this server's claim pages and to build iframe URLs. Empty
	// means the Host of each request (the claim page URL's scheme is kept).
	PublicURL string
	// CacheTTL is how long a rendered card is reused (DefaultCacheTTL when 0; negative
	// disables the cache); CacheEntries bounds them (DefaultCacheEntries when 0).
	CacheTTL     time.Duration
	CacheEntries int
	// FillTimeout bounds one store read of a card (DefaultFillTimeout when 0).
	FillTimeout time.Duration
}

// Handler serves the widget's routes.
type Handler struct {
	deps      Deps
	log       *slog.Logger
	tmpl      *template.Template
	snippet   *template.Template
	assets    map[string]*asset
	cards     *renderCache
	cspCard   []string // a header value (fixedHeader)
	publicURL *url.URL
}

// New builds the widget's handlers. It fails when a required dependency is missing,
// a FrameAncestors entry is not a CSP source expression, or PublicURL is not an
// http(s) origin.
func New(d Deps) (*Handler, error) {
	if d.WriteProblem == nil || d.WriteError == nil {
		return nil, errors.New("embed: Deps.WriteProblem and WriteError are required")
	}
	if d.Log == nil {
		d.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if d.CacheTTL == 0 {
		d.CacheTTL = DefaultCacheTTL
	}
	if d.CacheEntries <= 0 {
		d.CacheEntries = DefaultCacheEntries
	}
	if d.FillTimeout <= 0 {
		d.FillTimeout = DefaultFillTimeout
	}
	ancestors, err := frameAncestors(d.FrameAncestors)
	if err != nil {
		return nil, err
	}
	h := &Handler{
		deps:    d,
		log:     d.Log,
		cards:   newRenderCache(d.CacheTTL, d.CacheEntries, d.FillTimeout, storeChanges(d.Store)),
		cspCard: fixedHeader(cardCSP(ancestors)),
	}
	if d.PublicURL != "" {
		u, err := url.Parse(strings.TrimRight(d.PublicURL, "/"))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.User != nil {
			return nil, fmt.Errorf("embed: public URL %q is not an http(s) origin such as https://claims.example.org", d.PublicURL)
		}
		h.publicURL = u
	}
	funcs := template.FuncMap{"clip": clip, "plural": plural}
	h.tmpl, err = template.New("card").Funcs(funcs).ParseFS(files, "templates/card.html")
	if err != nil {
		return nil, fmt.Errorf("embed: templates: %w", err)
	}
	h.snippet = template.Must(template.New("snippet").Parse(snippetHTML))
	if h.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	return h, nil
}

// cardCSP is the Content-Security-Policy of the iframe card: scripts and styles only
// from this server's files (no inline script or style), nothing else loaded, no
// forms, no <base>, and framing by the given ancestors.
func cardCSP(ancestors string) string {
	return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; frame-ancestors " + ancestors
}

// cspSource matches one CSP source expression allowed in frame-ancestors: a keyword,
// a scheme ("https:") or a host with optional scheme, wildcard label and port.
var cspSource = regexp.MustCompile(`^(\*|'self'|'none'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*://)?(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:(\d{1,5}|\*))?)$`)

// ParseFrameAncestors splits a comma- or space-separated list of frame-ancestors
// sources (as given in a flag or environment variable) and checks each.
func ParseFrameAncestors(s string) ([]string, error) {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' })
	if len(fields) == 0 {
		return nil, nil
	}
	_, err := frameAncestors(fields)
	return fields, err
}

func frameAncestors(list []string) (string, error) {
	if len(list) == 0 {
		return "*", nil
	}
	for _, s := range list {
		if !cspSource.MatchString(strings.ToLower(s)) {
			return "", fmt.Errorf("embed: frame ancestor %q is not a CSP source: give origins such as https://news.example, https://*.example.org, 'self' or *", s)
		}
	}
	return strings.Join(list, " "), nil
}

// claimID checks a claim id taken from a path: ids longer than any real id, or not
// UTF-8, name nothing.
func claimID(s string) (string, bool) {
	return s, s != "" && len(s) <= 256 && utf8.ValidString(s)
}

// card returns the rendered JSON card of a claim, from the cache or the store.
func (h *Handler) card(ctx context.Context, id string) (*rendered, error) {
	key := cacheKey{formJSON, id}
	if r, ok := h.cards.cached(key); ok {
		return r, nil // without making the fill function below
	}
	return h.cards.get(ctx, key, func(ctx context.Context) (*rendered, error) {
		card, err := h.read(ctx, id)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(card); err != nil {
			return nil, fmt.Errorf("embed: encoding the card of %s: %w", id, err)
		}
		return newRendered(buf.Bytes(), card), nil
	})
}

// read builds a claim's card from the store, reading provenance and contradictions
// at the same time.
func (h *Handler) read(ctx context.Context, id string) (Card, error) {
	var (
		contra *graph.Contradictions
		cerr   error
		done   = make(chan struct{})
	)
	go func() {
		defer close(done)
		contra, cerr = h.deps.Store.Contradictions(ctx, id)
	}()
	prov, perr := h.deps.Store.Provenance(ctx, id)
	<-done
	if perr != nil {
		return Card{}, perr
	}
	if cerr != nil {
		return Card{}, cerr
	}
	return BuildCard(prov, contra), nil
}

// CardJSON serves GET /v1/claims/{id}/card: the claim's Card as JSON, for the web
// component and any other client. It takes no query parameters.
func (h *Handler) CardJSON() gin.HandlerFunc {
	return func(c *gin.Context) {
		if q := c.Request.URL.RawQuery; q != "" { // parsed only when present: no map per request
			if v := c.Request.URL.Query(); len(v) > 0 {
				k := slices.Sorted(maps.Keys(v))[0]
				h.deps.WriteProblem(c, http.StatusBadRequest, safeField(k), fmt.Sprintf("unknown query parameter %q: this endpoint takes none", safeField(k)))
				return
			}
		}
		id, ok := claimID(c.Param("id"))
		if !ok {
			h.deps.WriteProblem(c, http.StatusNotFound, "", "No such id.")
			return
		}
		r, err := h.card(c.Request.Context(), id)
		if err != nil {
			h.fail(c, err)
			return
		}
		// No Cross-Origin-Resource-Policy: the card is read with CORS (the component
		// fetches it in mode "cors"), and the Fetch standard checks that header only on
		// no-cors reads, whose bodies a page cannot see anyway. Left out, the answer
		// keeps to eight header fields, which net/http's header map holds without
		// growing (and copies small when it writes them).
		sendCached(c, hdrJSON, hdrCacheCard, r)
	}
}

// Card serves GET /embed/claims/{id}: the iframe card. Query parameters are ignored
// (pages add their own), so every embed of a claim shares one cached response.
func (h *Handler) Card() gin.HandlerFunc {
	return func(c *gin.Context) {
		h.frameHeaders(c)
		id, ok := claimID(c.Param("id"))
		if !ok {
			h.cardError(c, graph.Errorf(graph.ENOTFOUND, "No such id."))
			return
		}
		r, err := h.cardHTML(c.Request.Context(), id)
		if err != nil {
			h.cardError(c, err)
			return
		}
		sendCached(c, hdrHTML, hdrCacheCard, r)
	}
}

// cardHTML returns the rendered iframe card of a claim, from the cache or rendered
// from its JSON card.
func (h *Handler) cardHTML(ctx context.Context, id string) (*rendered, error) {
	key := cacheKey{formHTML, id}
	if r, ok := h.cards.cached(key); ok {
		return r, nil
	}
	return h.cards.get(ctx, key, func(ctx context.Context) (*rendered, error) {
		cr, err := h.card(ctx, id)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := h.tmpl.ExecuteTemplate(&buf, "card", cr.value.(Card)); err != nil {
			return nil, fmt.Errorf("embed: rendering the card of %s: %w", id, err)
		}
		return newRendered(buf.Bytes(), cr.value), nil
	})
}

// frameHeaders sets the headers of every /embed answer: its CSP, which allows the
// configured framing, and no X-Frame-Options (which would forbid it).
func (h *Handler) frameHeaders(c *gin.Context) {
	hd := c.Writer.Header()
	hd["Content-Security-Policy"] = h.cspCard
	delete(hd, "X-Frame-Options")
	hd["Referrer-Policy"] = hdrReferrer
}

var hdrReferrer = fixedHeader("strict-origin-when-cross-origin")

// storeChanges returns the store's write count when it keeps one
// (graph.ChangeCounter), else nil.
func storeChanges(s Store) func() uint64 {
	if cc, ok := s.(graph.ChangeCounter); ok {
		return cc.Changes
	}
	return nil
}

// cardError answers a failed card: an HTML card saying what went wrong for browsers
// (the answer is shown inside someone's page), problem+json for everyone else.
func (h *Handler) cardError(c *gin.Context, err error) {
	if !strings.Contains(c.GetHeader("Accept"), "text/html") {
		h.fail(c, err)
		return
	}
	status, title, detail := http.StatusInternalServerError, "Provenance unavailable", "The provenance of this claim could not be read; try again later."
	switch graph.ErrorCode(err) {
	case graph.ENOTFOUND:
		status, title, detail = http.StatusNotFound, "Claim not found", "This claim is not in claimgraph: check the claim id of the embed code."
	case graph.EUNAVAILABLE:
		status = http.StatusServiceUnavailable
		h.log.ErrorContext(c.Request.Context(), "store unavailable", "path", c.Request.URL.Path, "err", err)
	default:
		if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
			status = http.StatusGatewayTimeout
		}
		h.log.ErrorContext(c.Request.Context(), "embed card failed", "path", c.Request.URL.Path, "err", err)
	}
	var buf bytes.Buffer
	if err := h.tmpl.ExecuteTemplate(&buf, "error", struct{ Title, Detail string }{title, detail}); err != nil {
		h.deps.WriteError(c, err)
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
	c.Abort()
}

// safeField keeps a query parameter name printable and short for an error message.
func safeField(s string) string {
	if len(s) > 40 || !utf8.ValidString(s) {
		return "(a long or malformed name)"
	}
	return s
}

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRight(string(r[:n-1]), " ,;:") + "…"
}

// plural picks the word for a count.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

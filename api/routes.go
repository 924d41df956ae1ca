package api

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/api/web"
)

// routes registers every route of the API. It is the one place to read what the
// server answers; the OpenAPI document (openapi.yaml) describes the same set, and
// TestOpenAPICoversRoutes keeps the two equal.
func (s *Server) routes() error {
	e := s.engine
	s.tally = newAnswerTally(tallyEvery, tallySlow, widgetRoutes...)
	e.Use(withRequestID(newRequestIDs()), withRecovery(s.log), withLogging(s.log, s.tally), withHeaders(), withCORS())
	keyLimit := func(c *gin.Context) { c.Next() }
	if rl := s.deps.RateLimits; rl.PerIP > 0 {
		e.Use(withIPRateLimit(newLimiters(rl.PerIP, rl.PerIPBurst, time.Now)))
	}
	if rl := s.deps.RateLimits; rl.PerKey > 0 {
		keyLimit = withKeyRateLimit(newLimiters(rl.PerKey, rl.KeyBurst, time.Now))
	}
	e.NoRoute(func(c *gin.Context) {
		writeProblem(c, http.StatusNotFound, "", "No route matches "+c.Request.URL.Path+": see /openapi.json for the routes.")
	})
	e.NoMethod(func(c *gin.Context) {
		writeProblem(c, http.StatusMethodNotAllowed, "", c.Request.Method+" is not allowed on "+c.Request.URL.Path+"; allowed: "+c.Writer.Header().Get("Allow")+".")
	})

	e.GET("/healthz", handleHealthz(s.log))
	e.GET("/readyz", handleReadyz(s.deps.Store, s.log))
	e.GET("/openapi.json", handleOpenAPI())

	read := withDeadline(s.deps.RequestTimeout)
	v1 := e.Group("/v1")
	// Kept answers go out before the deadline is set and the parameters parsed
	// (answerFirst); the handlers make and keep the others.
	rt := s.deps.RequestTimeout
	v1.GET("/claims", answerFirst(s.answers, rt, searchAnswerKey), read, handleSearchClaims(s.deps.Store, s.answers, s.log))
	v1.GET("/claims/:id", read, handleClaim(s.deps.Store, s.log))
	v1.GET("/claims/:id/provenance", answerFirst(s.answers, rt, claimAnswerKey(keyProvenance)), read, handleProvenance(s.deps.Store, s.answers, s.log))
	v1.GET("/claims/:id/contradictions", answerFirst(s.answers, rt, claimAnswerKey(keyContradictions)), read, handleContradictions(s.deps.Store, s.answers, s.log))
	v1.GET("/agents", read, handleAgents(s.deps.Store, s.log))
	v1.GET("/agents/:id", read, handleAgent(s.deps.Store, s.log))
	v1.GET("/agents/:id/claims", read, handleAgentClaims(s.deps.Store, s.log))
	v1.GET("/articles", read, handleArticles(s.deps.Store, s.log))
	// A long article's read may take longer than one request's deadline on a loaded
	// machine; it goes on for the requests that come next (and its layout is kept).
	articles := newArticleLoader(s.deps.Store, s.deps.MaxConcurrentArticleReads, articleLoadTimeoutFactor*s.deps.RequestTimeout)
	v1.GET("/articles/:id", read, handleArticle(articles, s.log))
	v1.GET("/articles/:id/:part", read, handleArticlePart(articles, s.log))
	v1.POST("/articles", requireKey(s.deps.Keys, ScopeIngest), keyLimit, withAudit(s.deps.Audit, "article.ingest", s.log),
		withDeadline(s.deps.IngestTimeout),
		handleIngest(s.deps.Store, ingestConfig{ing: s.deps.Ingester, jobs: s.jobs, slots: s.slots, maxBody: s.deps.MaxBodyBytes,
			inlineBytes: s.deps.InlineIngestBytes, timeout: s.deps.IngestTimeout}, s.log))
	v1.GET("/jobs/:id", read, handleJob(s.deps.Store, s.log))
	v1.GET("/subgraph", read, handleSubgraph(s.deps.Store, s.log))
	v1.GET("/export", handleExport(s.deps.Store, s.log))
	v1.GET("/audit", requireKey(s.deps.Keys, ScopeAdmin), keyLimit, read, handleAudit(s.deps.Audit, s.log))
	v1.PATCH("/articles/:id", requireKey(s.deps.Keys, ScopeIngest), keyLimit, withAudit(s.deps.Audit, "article.patch", s.log),
		read, handlePatchArticle(s.deps.Store, maxPatchBytes, s.log))
	v1.DELETE("/articles/:id", requireKey(s.deps.Keys, ScopeIngest), keyLimit, withAudit(s.deps.Audit, "article.delete", s.log),
		read, handleDeleteArticle(s.deps.Store, s.log))
	v1.GET("/backup", requireKey(s.deps.Keys, ScopeAdmin), keyLimit, handleBackup(s.deps.Store, s.log))

	// The embeddable widget (package embed): the card as JSON for the web component,
	// the iframe card, its static files and oEmbed. Their answers are cached and bound
	// their own store reads, so they take only the write deadline (withWriteDeadline).
	cached := withWriteDeadline(s.deps.RequestTimeout)
	v1.GET("/claims/:id/card", cached, s.widget.CardJSON())
	e.GET("/embed/claims/:id", cached, s.widget.Card())
	e.GET("/widget/:file", cached, s.widget.Asset())
	e.GET("/oembed", cached, s.widget.OEmbed())

	// The web app for fact-checkers: HTML pages at /, /claims/{id}, /agents/{id},
	// /articles (package web; not part of the JSON API or openapi.yaml).
	return web.Register(e, web.Deps{Store: s.deps.Store, Logger: s.log, Timeout: s.deps.RequestTimeout, PublicURL: s.deps.PublicURL})
}

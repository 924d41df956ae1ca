package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// routes registers every route of the API. It is the one place to read what the
// server answers; the OpenAPI document (openapi.yaml) describes the same set, and
// TestOpenAPICoversRoutes keeps the two equal.
func (s *Server) routes() {
	e := s.engine
	e.Use(withRequestID(), withRecovery(s.log), withLogging(s.log), withHeaders(), withCORS())
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
	v1.GET("/claims", read, handleSearchClaims(s.deps.Store, s.log))
	v1.GET("/claims/:id", read, handleClaim(s.deps.Store, s.log))
	v1.GET("/claims/:id/provenance", read, handleProvenance(s.deps.Store, s.log))
	v1.GET("/claims/:id/contradictions", read, handleContradictions(s.deps.Store, s.log))
	v1.GET("/agents", read, handleAgents(s.deps.Store, s.log))
	v1.GET("/agents/:id", read, handleAgent(s.deps.Store, s.log))
	v1.GET("/agents/:id/claims", read, handleAgentClaims(s.deps.Store, s.log))
	v1.GET("/articles", read, handleArticles(s.deps.Store, s.log))
	v1.GET("/articles/:id", read, handleArticle(s.deps.Store, s.log))
	v1.POST("/articles", requireKey(s.deps.Keys), withDeadline(s.deps.IngestTimeout),
		handleIngest(s.deps.Store, s.deps.Ingester, s.deps.MaxBodyBytes, s.deps.MaxConcurrentIngests, s.log))
	v1.PATCH("/articles/:id", requireKey(s.deps.Keys), read, handlePatchArticle(s.deps.Store, maxPatchBytes, s.log))
	v1.GET("/subgraph", read, handleSubgraph(s.deps.Store, s.log))
	v1.GET("/export", handleExport(s.deps.Store, s.log))
	v1.GET("/backup", requireKey(s.deps.Keys), handleBackup(s.deps.Store, s.log))
}

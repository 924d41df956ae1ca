package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// The parts of graph.Store that the claim handlers use.
type (
	claimSearcher interface {
		SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error)
	}
	claimReader interface {
		Claim(ctx context.Context, id string) (*graph.ClaimDetail, error)
	}
	provenanceReader interface {
		Provenance(ctx context.Context, claimID string) (*graph.Provenance, error)
	}
	contradictionsReader interface {
		Contradictions(ctx context.Context, claimID string) (*graph.Contradictions, error)
	}
)

// handleSearchClaims serves GET /v1/claims: full-text and filtered claim search with
// cursor pagination. Answers are kept in cache until the next write, under their
// query string (nil: none).
func handleSearchClaims(store claimSearcher, cache *answerCache, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		q, err := parseClaimQuery(c.Request.URL.Query())
		if err != nil {
			writeError(c, log, err)
			return
		}
		if cache != nil {
			serveCached(c, cache, keySearch+c.Request.URL.RawQuery, log, func() (any, error) {
				page, err := store.SearchClaims(c.Request.Context(), q)
				return &page, err
			})
			return
		}
		page, err := store.SearchClaims(c.Request.Context(), q)
		if err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, &page)
	}
}

// claimHandler makes a GET handler for one claim: it checks the id and that there
// are no query parameters, then calls get and writes its answer.
func claimHandler[T any](log *slog.Logger, get func(c *gin.Context, id string) (*T, error)) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := plainIDRequest(c, log, "", "No such id.")
		if !ok {
			return
		}
		v, err := get(c, id)
		if err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, v)
	}
}

// handleClaim serves GET /v1/claims/{id}: the claim, its quantities, its statements.
func handleClaim(store claimReader, log *slog.Logger) gin.HandlerFunc {
	return claimHandler(log, func(c *gin.Context, id string) (*graph.ClaimDetail, error) {
		return store.Claim(c.Request.Context(), id)
	})
}

// handleProvenance serves GET /v1/claims/{id}/provenance: every chain from article
// through cited agencies to the original speaker, with evidence. Answers are kept in
// cache until the next write (nil: none).
func handleProvenance(store provenanceReader, cache *answerCache, log *slog.Logger) gin.HandlerFunc {
	return cachedClaimHandler(cache, keyProvenance, log, func(c *gin.Context, id string) (*graph.Provenance, error) {
		return store.Provenance(c.Request.Context(), id)
	})
}

// handleContradictions serves GET /v1/claims/{id}/contradictions: disputes,
// conflicting and corroborating claims, and independent origins. Answers are kept in
// cache until the next write (nil: none).
func handleContradictions(store contradictionsReader, cache *answerCache, log *slog.Logger) gin.HandlerFunc {
	return cachedClaimHandler(cache, keyContradictions, log, func(c *gin.Context, id string) (*graph.Contradictions, error) {
		return store.Contradictions(c.Request.Context(), id)
	})
}

// plainIDRequest reads the id of a request that takes no query parameters: it checks
// there are none and that the path's id is one the server makes, and otherwise writes
// the problem (a 404 with notFound as its detail and field as its field for an id the
// server never makes) and returns false.
func plainIDRequest(c *gin.Context, log *slog.Logger, field, notFound string) (string, bool) {
	if err := checkParams(c.Request.URL.Query()); err != nil {
		writeError(c, log, err)
		return "", false
	}
	id, ok := pathID(c.Param("id"))
	if !ok {
		writeProblem(c, http.StatusNotFound, field, notFound)
		return "", false
	}
	return id, true
}

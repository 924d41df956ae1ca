package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// The parts of graph.Store that the agent handlers use.
type (
	agentLister interface {
		Agents(ctx context.Context, q graph.AgentQuery) (graph.Page[graph.Agent], error)
	}
	agentReader interface {
		Agent(ctx context.Context, id string) (*graph.Agent, error)
	}
	agentClaimsReader interface {
		AgentClaims(ctx context.Context, agentID string, p graph.PageRequest) (graph.Page[graph.ClaimSummary], error)
	}
)

// handleAgents serves GET /v1/agents: agents filtered by name and kind.
func handleAgents(store agentLister, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		q, err := parseAgentQuery(c.Request.URL.Query())
		if err != nil {
			writeError(c, log, err)
			return
		}
		page, err := store.Agents(c.Request.Context(), q)
		if err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, &page)
	}
}

// handleAgent serves GET /v1/agents/{id}.
func handleAgent(store agentReader, log *slog.Logger) gin.HandlerFunc {
	return claimHandler(log, func(c *gin.Context, id string) (*graph.Agent, error) {
		return store.Agent(c.Request.Context(), id)
	})
}

// handleAgentClaims serves GET /v1/agents/{id}/claims: the claims the agent is the
// speaker of, with who disputes them.
func handleAgentClaims(store agentClaimsReader, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		v := c.Request.URL.Query()
		if err := checkParams(v, "cursor", "limit"); err != nil {
			writeError(c, log, err)
			return
		}
		p, err := parsePage(v)
		if err != nil {
			writeError(c, log, err)
			return
		}
		id, ok := pathID(c.Param("id"))
		if !ok {
			writeProblem(c, http.StatusNotFound, "", "No such agent.")
			return
		}
		page, err := store.AgentClaims(c.Request.Context(), id, p)
		if err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, &page)
	}
}

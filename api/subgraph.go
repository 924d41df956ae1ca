package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// subgraphReader is the part of graph.Store that the subgraph handler uses.
type subgraphReader interface {
	Subgraph(ctx context.Context, q graph.SubgraphQuery) (*graph.Subgraph, error)
}

// handleSubgraph serves GET /v1/subgraph: the bounded neighbourhood of a node, for
// researchers.
func handleSubgraph(store subgraphReader, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		q, err := parseSubgraphQuery(c.Request.URL.Query())
		if err != nil {
			writeError(c, log, err)
			return
		}
		sg, err := store.Subgraph(c.Request.Context(), q)
		if err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, sg)
	}
}

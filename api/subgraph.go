package api

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// handleSubgraph serves GET /v1/subgraph: the bounded neighbourhood of a node, for
// researchers.
func handleSubgraph(store graph.Store, log *slog.Logger) gin.HandlerFunc {
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

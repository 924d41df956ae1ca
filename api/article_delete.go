package api

import (
	"context"
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// articleDeleter is the part of graph.Store that DELETE /v1/articles/{id} uses.
type articleDeleter interface {
	DeleteArticle(ctx context.Context, id string, guard *graph.WriteGuard) error
}

// handleDeleteArticle serves DELETE /v1/articles/{id}: the article goes with its
// statements, and the claims no other article states go with their disputes and
// links, in one store transaction (graph.Store.DeleteArticle). A key of scope admin
// deletes any article; a key of scope ingest only one it wrote, which the store checks
// in the delete's own transaction (graph.WriteGuard): else 403
// article-owned-by-another-key. 204 on success, 404 when there is no such article.
func handleDeleteArticle(store articleDeleter, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		id, ok := plainIDRequest(c, log, "id", "No such article: the id is not one the server makes.")
		if !ok {
			return
		}
		noteAudit(c, id, "")
		var guard *graph.WriteGuard
		if who, _ := principal(c); who.Name != "" && !who.Scope.covers(ScopeAdmin) {
			guard = &graph.WriteGuard{Writer: who.Name}
		}
		if err := store.DeleteArticle(c.Request.Context(), id, guard); err != nil {
			writeError(c, log, err)
			return
		}
		c.Status(http.StatusNoContent)
	}
}

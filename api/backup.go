package api

import (
	"log/slog"
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/graph"
)

// handleBackup serves GET /v1/backup: a consistent copy of the embedded store file,
// taken in one read transaction while writes go on (the online form of `claimgraph
// backup`; restore it with `claimgraph restore`). Like export it has no request
// deadline and stops when the client goes. A store without file backups (Neo4j)
// answers 404 pointing at the records export.
func handleBackup(store graph.Store, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := checkParams(c.Request.URL.Query()); err != nil {
			writeError(c, log, err)
			return
		}
		b, ok := store.(graph.Backuper)
		if !ok {
			writeProblem(c, http.StatusNotFound, "",
				"This server's store has no file backup: use GET /v1/export?format=records, or the database's own backup tools.")
			return
		}
		out := &lazyBody{c: c, mediaType: "application/octet-stream", file: "claimgraph-backup.db"}
		info, err := b.Backup(c.Request.Context(), out)
		if err != nil {
			if !out.started {
				writeError(c, log, err)
				return
			}
			log.ErrorContext(c.Request.Context(), "backup cut short", "request_id", requestID(c), "err", err)
			c.Abort()
			return
		}
		log.InfoContext(c.Request.Context(), "backup sent", "request_id", requestID(c), "bytes", info.Bytes, "articles", info.Stats.Articles)
	}
}

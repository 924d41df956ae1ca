package api

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// pinger is the part of graph.Store that /readyz uses.
type pinger interface {
	Ping(ctx context.Context) error
}

// Status is the body of /healthz and /readyz.
type Status struct {
	Status string `json:"status"`
}

// handleHealthz answers while the process serves requests.
func handleHealthz(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := checkParams(c.Request.URL.Query()); err != nil {
			writeError(c, log, err)
			return
		}
		writeJSON(c, http.StatusOK, &Status{Status: "ok"})
	}
}

// readyTimeout bounds the store ping of /readyz.
const readyTimeout = 2 * time.Second

// handleReadyz answers 200 when the store is reachable, 503 otherwise.
func handleReadyz(store pinger, log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := checkParams(c.Request.URL.Query()); err != nil {
			writeError(c, log, err)
			return
		}
		ctx, cancel := context.WithTimeout(c.Request.Context(), readyTimeout)
		defer cancel()
		if err := store.Ping(ctx); err != nil {
			log.WarnContext(ctx, "readiness check failed", "request_id", requestID(c), "err", err)
			writeProblem(c, http.StatusServiceUnavailable, "", "The graph store is not reachable.")
			return
		}
		writeJSON(c, http.StatusOK, &Status{Status: "ready"})
	}
}

package api

import (
	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/api/embed"
)

// newWidget builds the embeddable widget's handlers (package embed) over the
// server's store, answering errors with the API's problem documents.
func newWidget(deps Deps) (*embed.Handler, error) {
	return embed.New(embed.Deps{
		Store:          deps.Store,
		Log:            deps.Logger,
		WriteProblem:   writeProblem,
		WriteError:     func(c *gin.Context, err error) { writeError(c, deps.Logger, err) },
		FrameAncestors: deps.EmbedFrameAncestors,
		PublicURL:      deps.PublicURL,
		FillTimeout:    deps.RequestTimeout,
	})
}

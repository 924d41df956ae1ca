package api

import (
	"context"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// IngesterOf adapts an ingest.Ingester to the ArticleIngester the API calls: it
// prepares (validates and extracts) the article, then writes it, reporting each stage
// to a job that is watching (ReportStage), so that `claimgraph serve`, the load tools
// and the tests all ingest the one way.
func IngesterOf(ing *ingest.Ingester) ArticleIngester {
	return IngesterFunc(func(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error) {
		ReportStage(ctx, StageExtracting)
		p, err := ing.Prepare(ctx, a)
		if err != nil {
			return graph.WriteResult{}, err
		}
		ReportStage(ctx, StageWriting)
		res, err := ing.IngestPrepared(ctx, p)
		if err != nil {
			return graph.WriteResult{}, err
		}
		return graph.WriteResult{ArticleID: res.ArticleID, Created: res.Created}, nil
	})
}

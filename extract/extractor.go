package extract

import (
	"context"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// Extractor is claimgraph's extractor as a graph.Extractor, the one ingest and the
// API's POST /v1/articles run: Extract, then ToGraph with the article's metadata.
// The zero value is ready; it is safe for concurrent use.
type Extractor struct{}

var _ graph.Extractor = Extractor{}

// Extract extracts an article. Errors: EUNAVAILABLE when ctx is done before it starts.
func (Extractor) Extract(ctx context.Context, a graph.ArticleInput) (*graph.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, graph.Wrap(graph.EUNAVAILABLE, err, "extraction of %s cancelled", a.Describe())
	}
	return Extractor{}.ExtractLimited(ctx, a, 0)
}

// MetaOf returns the metadata ToGraph takes from an article input.
func MetaOf(a graph.ArticleInput) ArticleMeta {
	return ArticleMeta{URL: strings.TrimSpace(a.URL), Title: a.Title, Outlet: a.Outlet, Authors: a.Authors, Published: a.Published}
}

// Disputes returns every dispute of doc as a graph.ExtractedDispute (claim and target
// ids as found; "" when absent). A dispute in the article's own voice
// (Dispute.IsArticleVoice) is the outlet's (OutletAgent), as in ToGraph; without an
// outlet its disputer stays "", which names no agent, and ingest leaves it out.
func Disputes(doc *Document, outlet *graph.Outlet) []graph.ExtractedDispute {
	voice := ""
	if oa := OutletAgent(outlet); oa != nil {
		voice = oa.ID
	}
	out := make([]graph.ExtractedDispute, 0, len(doc.Disputes))
	for _, d := range doc.Disputes {
		if d.IsArticleVoice() {
			d.Disputer = voice
		}
		x := graph.ExtractedDispute{DisputerID: d.Disputer, Kind: d.Kind,
			Cue:      graph.Span{Start: d.Cue.Start, End: d.Cue.End, Text: d.Cue.Text},
			Sentence: graph.Span{Start: d.Sentence.Start, End: d.Sentence.End, Text: d.Sentence.Text}}
		if d.Claim != nil {
			x.ClaimID = *d.Claim
		}
		if d.Target != nil {
			x.TargetAgentID = *d.Target
		}
		out = append(out, x)
	}
	return out
}

package ingest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// A batch reads every text search its reasoning makes in its prefetch, the searches
// of counter-claims across articles (linkCountered) among them: a batch whose second
// article answers, negated, a claim of its first makes one bulk text search, finds
// the pending claim laid over the store's answer, and gives the graph of one article
// at a time (the dispute of the earlier claim included). In batches of two, with an
// unrelated article between the two, pipelined, the second batch's prefetch finds the
// first batch's claim laid over the store before that batch commits: one bulk text
// search per batch.
func TestBatchPrefetchesEveryTextSearch(t *testing.T) {
	cases := []struct {
		name           string
		earlier, later string
	}{
		{"negated answer a day later",
			"Ukraine's army said the convoy was attacked near Kherson.",
			"The Russian Defence Ministry said the convoy was not attacked near Kherson."},
		{"positive answer to a denial",
			"Mayor Anna Lindqvist said the city never sold the Varna Bridge.",
			"Councillor Tom Reyes said the city sold the Varna Bridge."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			arts := []graph.ArticleInput{
				article("first", "ledger", "2025-06-03", c.earlier+" The council meets on Monday."),
				article("between", "herald", "2025-06-03", "The festival director said the festival will return next summer with more stages."),
				article("second", "courier", "2025-06-04", c.later+" The council meets on Monday."),
			}
			want := reference(t, arts)
			var linked int
			for _, r := range want.Results {
				linked += r.LinkedDisputes
			}
			require.Positive(t, linked, "one article at a time links the counter-claim")

			for _, batch := range []int{len(arts), 2} {
				n := &bulkCounts{}
				s := bulkStore{newTestStore(t), n}
				res, done, err := ingestBatched(t.Context(), s, arts, batch)
				require.NoError(t, err)
				require.Equal(t, len(arts), done)
				assert.Equal(t, want, dumpStore(t, s, arts, res), "batch %d: the graph of one article at a time", batch)
				batches := int64((len(arts) + batch - 1) / batch)
				assert.Equal(t, batches, n.textReads.Load(), "batch %d: text searches, the prefetches' only", batch)
			}
		})
	}
}

package ingest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// TestNoClaimWithoutStatements ingests articles whose disputes name a claim by
// reference ("the ministry's figures"), then new versions of one of them, and checks
// after each write that every stored claim is stated by some article: no claim is
// left listed or searchable with nothing behind it.
func TestNoClaimWithoutStatements(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	const url = "https://ledger.example/toll"
	steps := []graph.ArticleInput{
		{Name: "toll", URL: url, Text: "Gaza’s Health Ministry said more than 68,800 Palestinians have been killed in the war. Israel disputes the ministry’s figures."},
		{Name: "other", URL: "https://courier.example/toll", Text: "The ministry said 68,800 Palestinians have been killed. Israeli officials rejected the ministry’s account."},
		{Name: "toll v2", URL: url, Text: "Gaza’s Health Ministry said more than 69,000 Palestinians have been killed in the war. Israel disputes the ministry’s figures."},
		{Name: "toll v3", URL: url, Text: "Aid trucks entered Gaza on Sunday, the United Nations said."},
	}
	for _, a := range steps {
		_, err := in.Ingest(t.Context(), a)
		require.NoError(t, err, a.Name)
		cur := ""
		for {
			page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Page: graph.PageRequest{Cursor: cur, Limit: graph.MaxPageSize}})
			require.NoError(t, err)
			for _, c := range page.Items {
				assert.Positive(t, c.Statements, "after %s: claim %q has no statement", a.Name, c.Claim.Text)
			}
			if cur = page.NextCursor; cur == "" {
				break
			}
		}
	}
	page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: "69,000"})
	require.NoError(t, err)
	assert.Empty(t, page.Items, "version 3 no longer states the 69,000 toll")
}

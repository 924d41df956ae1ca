package extract

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func TestMetaOf(t *testing.T) {
	m := MetaOf(graph.ArticleInput{Name: "a.md", URL: " https://x.example/a ", Title: "T", Outlet: "O", Authors: []string{"A"},
		Published: graph.Date{Value: "2025", Precision: graph.PrecisionYear}, Text: "x"})
	assert.Equal(t, ArticleMeta{URL: "https://x.example/a", Title: "T", Outlet: "O", Authors: []string{"A"},
		Published: graph.Date{Value: "2025", Precision: graph.PrecisionYear}}, m)
}

// The Extractor gives ToGraph's bundle of Extract's document, with every dispute of
// the document in graph terms.
func TestExtractor(t *testing.T) {
	a := graph.ArticleInput{Name: "denial", URL: "https://x.example/denial", Outlet: "Ledger",
		Text: "Ukraine said Russian forces shelled the Varna dam. Russia denied the report about the dam."}
	x, err := Extractor{}.Extract(context.Background(), a)
	require.NoError(t, err)
	doc := Extract(a.Text)
	assert.Equal(t, ToGraph(MetaOf(a), doc), x.Graph)
	require.Len(t, x.Disputes, len(doc.Disputes))
	require.NotEmpty(t, x.Disputes, "the fixture has a dispute")
	for i, d := range doc.Disputes {
		got := x.Disputes[i]
		assert.Equal(t, d.Disputer, got.DisputerID)
		assert.Equal(t, d.Kind, got.Kind)
		assert.Equal(t, d.Cue, got.Cue)
		assert.Equal(t, d.Sentence, got.Sentence)
		if d.Claim != nil {
			assert.Equal(t, *d.Claim, got.ClaimID)
		} else {
			assert.Empty(t, got.ClaimID)
		}
		if d.Target != nil {
			assert.Equal(t, *d.Target, got.TargetAgentID)
		} else {
			assert.Empty(t, got.TargetAgentID)
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = Extractor{}.Extract(ctx, a)
	assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
}

// A dispute in the article's own voice is its outlet's (OutletAgent), as in ToGraph;
// without an outlet its disputer stays "" (no agent: ingest leaves it out). Other
// disputes keep their disputer.
func TestDisputesArticleVoice(t *testing.T) {
	ref := "c1"
	doc := &Document{Disputes: []Dispute{
		{Disputer: ArticleVoice, Claim: &ref, Kind: graph.DisputeRebuts},
		{Disputer: "ag_israel", Claim: &ref, Kind: graph.DisputeDenies},
	}}
	outlet := &graph.Outlet{ID: graph.OutletID("Example News"), Name: "Example News"}
	got := Disputes(doc, outlet)
	require.Len(t, got, 2)
	assert.Equal(t, graph.AgentID("Example News"), got[0].DisputerID)
	assert.Equal(t, "ag_israel", got[1].DisputerID)
	assert.Equal(t, "c1", got[0].ClaimID)

	got = Disputes(doc, nil)
	assert.Equal(t, "", got[0].DisputerID)
	assert.Equal(t, "ag_israel", got[1].DisputerID)
}

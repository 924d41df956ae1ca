package graph_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// validBundle is a small consistent bundle: one outlet, two agents, two claims, one
// statement with a source and an agency, one dispute, one link, one mention.
func validBundle() *graph.ArticleGraph {
	text := "Officials said 12 people died. The army denied it."
	art := graph.Article{ID: graph.ArticleID("https://example.org/a", text), URL: "https://example.org/a",
		Text: text, ContentHash: graph.ContentHash(text), OutletID: graph.OutletID("Example News")}
	c1, c2 := graph.ClaimID("12 people died"), graph.ClaimID("no one died")
	officials, army := graph.AgentID("Officials"), graph.AgentID("the army")
	content := graph.Span{Start: 15, End: 29}
	src := graph.Span{Start: 0, End: 9}
	cue := graph.Span{Start: 40, End: 46}
	return &graph.ArticleGraph{
		Article: art,
		Outlet:  &graph.Outlet{ID: art.OutletID, Name: "Example News"},
		Agents: []graph.Agent{{ID: officials, Kind: graph.KindGroup, Name: "Officials"},
			{ID: army, Kind: graph.KindOrganization, Name: "the army"}},
		Claims: []graph.Claim{{ID: c1, Text: "12 people died"}, {ID: c2, Text: "no one died"}},
		Statements: []graph.Statement{{ID: graph.StatementID(art.ID, c1, content), ArticleID: art.ID, ClaimID: c1,
			SpeakerID: officials, Via: []string{army}, Kind: graph.SpeechReported, Cue: graph.Span{Start: 10, End: 14},
			Content: content, Sentence: graph.Span{Start: 0, End: 30}, Source: &src, Confidence: 0.8}},
		Disputes: []graph.Dispute{{ID: graph.DisputeID(art.ID, cue, army, c1, ""), ArticleID: art.ID, DisputerID: army,
			ClaimID: c1, Cue: cue, Sentence: graph.Span{Start: 31, End: 50}}},
		Links:    []graph.ClaimLink{{ID: graph.LinkID(c1, c2, graph.LinkConflicts), From: c1, To: c2, Kind: graph.LinkConflicts}},
		Mentions: []graph.Mention{{AgentID: army, Span: graph.Span{Start: 31, End: 39}}},
	}
}

func TestArticleGraphValidate(t *testing.T) {
	require.NoError(t, validBundle().Validate())
	cases := []struct {
		name   string
		mutate func(g *graph.ArticleGraph)
		want   string
	}{
		{"empty text", func(g *graph.ArticleGraph) { g.Article.Text = " " }, "article text is empty"},
		{"outlet missing", func(g *graph.ArticleGraph) { g.Outlet = nil }, "does not define it"},
		{"outlet without name", func(g *graph.ArticleGraph) { g.Outlet.Name = " " }, "outlet needs an id and a name"},
		{"agent without name", func(g *graph.ArticleGraph) { g.Agents[0].Name = "" }, "needs an id and a name"},
		{"claim without text", func(g *graph.ArticleGraph) { g.Claims[1].Text = "" }, "needs an id and a text"},
		{"statement without id", func(g *graph.ArticleGraph) { g.Statements[0].ID = "" }, "a statement has no id"},
		{"statement of another article", func(g *graph.ArticleGraph) { g.Statements[0].ArticleID = "a_other" }, "belongs to article"},
		{"statement of an unknown claim", func(g *graph.ArticleGraph) { g.Statements[0].ClaimID = "c_unknown" }, "names claim"},
		{"statement of an unknown speaker", func(g *graph.ArticleGraph) { g.Statements[0].SpeakerID = "ag_x" }, "names speaker"},
		{"confidence above 1", func(g *graph.ArticleGraph) { g.Statements[0].Confidence = 1.5 }, "outside [0,1]"},
		{"unknown agency", func(g *graph.ArticleGraph) { g.Statements[0].Via = []string{"ag_x"} }, "names agency"},
		{"cue past the text", func(g *graph.ArticleGraph) { g.Statements[0].Cue.End = 500 }, "cue span"},
		{"content reversed", func(g *graph.ArticleGraph) { g.Statements[0].Content = graph.Span{Start: 20, End: 10} }, "content span"},
		{"sentence negative", func(g *graph.ArticleGraph) { g.Statements[0].Sentence.Start = -1 }, "sentence span"},
		{"source past the text", func(g *graph.ArticleGraph) { g.Statements[0].Source = &graph.Span{Start: 0, End: 99} }, "source span"},
		{"fragment past the text", func(g *graph.ArticleGraph) {
			g.Statements[0].Content.Fragments = [][2]int{{15, 99}}
		}, "fragment"},
		{"dispute without id", func(g *graph.ArticleGraph) { g.Disputes[0].ID = "" }, "a dispute has no id"},
		{"dispute of another article", func(g *graph.ArticleGraph) { g.Disputes[0].ArticleID = "a_other" }, "belongs to article"},
		{"unknown disputer", func(g *graph.ArticleGraph) { g.Disputes[0].DisputerID = "ag_x" }, "names disputer"},
		{"dispute of nothing", func(g *graph.ArticleGraph) { g.Disputes[0].ClaimID = "" }, "neither a claim nor an agent"},
		{"dispute of an unknown claim", func(g *graph.ArticleGraph) { g.Disputes[0].ClaimID = "c_x" }, "names claim"},
		{"dispute of an unknown target", func(g *graph.ArticleGraph) { g.Disputes[0].TargetAgentID = "ag_x" }, "names target"},
		{"dispute cue past the text", func(g *graph.ArticleGraph) { g.Disputes[0].Cue.End = 99 }, "cue span"},
		{"link to itself", func(g *graph.ArticleGraph) { g.Links[0].To = g.Links[0].From }, "two different claims"},
		{"link to an unknown claim", func(g *graph.ArticleGraph) { g.Links[0].To = "c_x" }, "two different claims"},
		{"link of unknown kind", func(g *graph.ArticleGraph) { g.Links[0].Kind = "supports" }, "unknown kind"},
		{"mention of an unknown agent", func(g *graph.ArticleGraph) { g.Mentions[0].AgentID = "ag_x" }, "mention names agent"},
		{"mention past the text", func(g *graph.ArticleGraph) { g.Mentions[0].Span.End = 99 }, "mention span"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := validBundle()
			tc.mutate(g)
			err := g.Validate()
			require.Error(t, err)
			require.Contains(t, err.Error(), tc.want)
			require.Equal(t, graph.EINVALID, graph.ErrorCode(err))
		})
	}
}

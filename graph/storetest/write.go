package storetest

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func testPutArticle(t *testing.T, open Opener) {
	t.Run("FirstArticle", func(t *testing.T) {
		s := open(t)
		require.Equal(t, graph.Stats{}, stats(t, s))
		res := put(t, s, Gaza1())
		assert.True(t, res.Created)
		assert.Equal(t, graph.Stats{Articles: 1, Outlets: 1, Agents: 6, Claims: 4, Statements: 4, Disputes: 1, Links: 0, Mentions: 5}, stats(t, s))
	})

	t.Run("Idempotent", func(t *testing.T) {
		s := loaded(t, open)
		require.Equal(t, fixtureStats, stats(t, s))
		before := map[string]*graph.ArticleGraph{}
		for _, id := range []string{Article1, Article2, Article3} {
			g, err := s.ArticleGraph(ctx(t), id)
			require.NoError(t, err)
			before[id] = g
		}
		for _, g := range Gaza() {
			res := put(t, s, g)
			assert.False(t, res.Created, "second write of %s", g.Article.ID)
			assert.Equal(t, fixtureStats, stats(t, s), "after writing %s again", g.Article.ID)
		}
		for id, want := range before {
			got, err := s.ArticleGraph(ctx(t), id)
			require.NoError(t, err)
			assert.Equal(t, want, got, "article graph of %s after rewriting", id)
		}
		for id, want := range mergedAgents {
			got, err := s.Agent(ctx(t), id)
			require.NoError(t, err)
			assert.Equal(t, want, *got)
		}
	})

	t.Run("OrderIndependentCounts", func(t *testing.T) {
		s := open(t)
		for _, g := range []*graph.ArticleGraph{Gaza3(), Gaza2(), Gaza1()} {
			assert.True(t, put(t, s, g).Created)
		}
		assert.Equal(t, fixtureStats, stats(t, s))
		// Agents merge alike whatever the order: the union of aliases and roles, the
		// first known kind (Waltz: unknown in article 3, person in article 1).
		for id, want := range mergedAgents {
			got, err := s.Agent(ctx(t), id)
			require.NoError(t, err)
			assert.Equal(t, want, *got)
		}
		// The first write of a claim is kept: here article 3's toll.
		c, err := s.Claim(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		assert.Equal(t, canonicalClaim(t, Gaza3(), ClaimToll68800), c.Claim)
		o, err := s.Articles(ctx(t), graph.ArticleQuery{OutletID: OutletGlobalPost})
		require.NoError(t, err)
		require.Len(t, o.Items, 2)
		assert.Equal(t, "The Global Post", o.Items[0].Outlet.Name, "the outlet of its first write (article 3)")
	})

	t.Run("MergeKeepsExistingClaim", func(t *testing.T) {
		s := loaded(t, open)
		c, err := s.Claim(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		want := graph.Claim{
			ID: ClaimToll68800, Text: "the war has left more than 68,800 palestinians dead", Kind: graph.ClaimStatistic, Modality: graph.ModalityAsserted,
			Quantities: []graph.Quantity{{Value: 68800, Unit: "count", Qualifier: "more_than", Counted: "palestinians dead", Text: "more than 68,800", Span: Find(Text1, "more than 68,800")}},
		}
		assert.Equal(t, want, c.Claim, "article 1's claim, not article 2's or 3's version")
		// Article 2's version of the 52,000 claim has a quantity, article 3's none.
		c, err = s.Claim(ctx(t), ClaimToll52000)
		require.NoError(t, err)
		require.Len(t, c.Claim.Quantities, 1)
		assert.Equal(t, 52000.0, c.Claim.Quantities[0].Value)
	})

	t.Run("ReplaceChangedArticle", func(t *testing.T) {
		s := loaded(t, open)
		// Article 1 re-fetched from the same URL with an edited text: same id, another
		// content hash. Its statements, disputes and mentions are replaced; the
		// claim it no longer states, which no other article states, goes.
		g := Gaza1()
		g.Article.Text = Text1 + " Aid deliveries resumed on Sunday."
		g.Article.ContentHash = graph.ContentHash(g.Article.Text)
		g.Article.Title = "Updated"
		aid := graph.ClaimID("Aid deliveries resumed on Sunday")
		g.Claims = []graph.Claim{
			{ID: ClaimCeasefire, Text: graph.NormalizeClaimText(TextCeasefire), Kind: graph.ClaimAssertion},
			{ID: aid, Text: graph.NormalizeClaimText("Aid deliveries resumed on Sunday"), Kind: graph.ClaimAssertion},
		}
		g.Statements = []graph.Statement{
			Stmt(g.Article.ID, g.Article.Text, ClaimCeasefire, "", nil, graph.SpeechNone, "", TextCeasefire, TextCeasefire+"."),
			Stmt(g.Article.ID, g.Article.Text, aid, "", nil, graph.SpeechNone, "", "Aid deliveries resumed on Sunday", "Aid deliveries resumed on Sunday."),
		}
		g.Disputes, g.Mentions = nil, nil
		res := put(t, s, g)
		assert.True(t, res.Created, "a new content hash is a new write")
		assert.Equal(t, graph.Stats{Articles: 3, Outlets: 2, Agents: 10, Claims: 6, Statements: 7, Disputes: 2, Links: 2, Mentions: 10}, stats(t, s))

		a, err := s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, "Updated", a.Title)
		assert.Equal(t, g.Article.Text, a.Text)
		assert.Equal(t, 2, a.Version)
		assert.Equal(t, []graph.ArticleVersion{{Version: 1, ContentHash: graph.ContentHash(Text1)}}, a.PreviousVersions)

		ag, err := s.ArticleGraph(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, sorted(ClaimCeasefire, aid), claimIDsOf(ag.Claims))
		assert.Len(t, ag.Statements, 2)
		assert.Empty(t, ag.Disputes)
		assert.Empty(t, ag.Mentions)

		// The draft and force claims, with no statement left, are gone.
		_, err = s.Claim(ctx(t), ClaimForce)
		requireCode(t, err, graph.ENOTFOUND)
		_, err = s.Claim(ctx(t), ClaimDraft)
		requireCode(t, err, graph.ENOTFOUND)
		// The toll lost article 1's statement and Israel's dispute.
		c, err := s.Claim(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		assert.Len(t, c.Statements, 2)
		page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{ArticleID: Article1})
		require.NoError(t, err)
		assert.Equal(t, sorted(ClaimCeasefire, aid), claimIDs(page.Items))
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{Disputed: ptr(true)})
		require.NoError(t, err)
		assert.Equal(t, []string{ClaimToll52000}, claimIDs(page.Items))
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{SpeakerID: AgentWaltz})
		require.NoError(t, err)
		assert.Equal(t, []string{ClaimUnified}, claimIDs(page.Items))
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{SpeakerID: AgentHealthMinistry})
		require.NoError(t, err)
		assert.Equal(t, []graph.ClaimSummary{{
			Claim: canonicalClaim(t, Gaza1(), ClaimToll68800), Statements: 2, Disputes: 0,
			SpeakerIDs: []string{AgentHealthMinistry}, ArticleIDs: sorted(Article2, Article3), DisputerIDs: []string{},
		}}, page.Items, "the summary lost article 1's statement and Israel's dispute")
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{OutletID: OutletGlobalPost, SpeakerID: AgentHealthMinistry})
		require.NoError(t, err)
		assert.Equal(t, []string{ClaimToll68800}, claimIDs(page.Items), "still stated in article 3 of that outlet")
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{OutletID: OutletGlobalPost, Text: "draft"})
		require.NoError(t, err)
		assert.Empty(t, page.Items, "the draft is no longer stated in any article of the outlet")
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "draft"})
		require.NoError(t, err)
		assert.Empty(t, page.Items, "a claim no article states is not found")
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "aid deliveries"})
		require.NoError(t, err)
		assert.Equal(t, []string{aid}, claimIDs(page.Items))

		// The graph lost the old statements' and disputes' edges too.
		_, err = s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimDraft, Depth: 2})
		requireCode(t, err, graph.ENOTFOUND)
		sg, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: Article1, Depth: 1})
		require.NoError(t, err)
		wantNodes := append([]string{Article1}, sorted(OutletGlobalPost, g.Statements[0].ID, g.Statements[1].ID)...)
		var gotNodes []string
		for _, n := range sg.Nodes {
			gotNodes = append(gotNodes, n.ID)
		}
		assert.Equal(t, wantNodes, gotNodes, "no old statements, disputes or mentions around article 1")
		assert.Len(t, sg.Edges, 3)

		// Writing the original back restores it, as version 3; the aid claim goes.
		res = put(t, s, Gaza1())
		assert.True(t, res.Created)
		assert.Equal(t, graph.Stats{Articles: 3, Outlets: 2, Agents: 10, Claims: 7, Statements: 9, Disputes: 3, Links: 2, Mentions: 15}, stats(t, s))
		a, err = s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, 3, a.Version)
		assert.Equal(t, []graph.ArticleVersion{{Version: 1, ContentHash: graph.ContentHash(Text1)}, {Version: 2, ContentHash: g.Article.ContentHash}}, a.PreviousVersions)
		_, err = s.Claim(ctx(t), aid)
		requireCode(t, err, graph.ENOTFOUND)
	})

	t.Run("ReplaceRemovesOwnLinksOnly", func(t *testing.T) {
		s := loaded(t, open)
		// Article 3 without its links: the conflict link is article 2's (its first
		// writer) and stays; the corroboration was article 3's and goes.
		g := Gaza3()
		g.Article.Text = Text3 + " More later."
		g.Article.ContentHash = graph.ContentHash(g.Article.Text)
		g.Links = nil
		put(t, s, g)
		assert.Equal(t, 1, stats(t, s).Links)
		c, err := s.Contradictions(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		assert.Len(t, c.Conflicts, 1)
		assert.Empty(t, c.Corroborations)
		// Article 2 without its link: the conflict goes.
		g2 := Gaza2()
		g2.Article.Text = Text2 + " More later."
		g2.Article.ContentHash = graph.ContentHash(g2.Article.Text)
		g2.Article.ID = Article2 // the id stays (as if fetched from the same place)
		g2.Links = nil
		put(t, s, g2)
		assert.Equal(t, 0, stats(t, s).Links)
		c, err = s.Contradictions(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		assert.Empty(t, c.Conflicts)
	})

	t.Run("CanonicalForm", func(t *testing.T) {
		s := open(t)
		// Repeated and unordered input is stored canonically; an empty content hash is
		// filled in.
		g := Gaza1()
		g.Article.ContentHash = ""
		g.Agents = append(g.Agents, graph.Agent{ID: AgentAP, Kind: graph.KindOutlet, Name: "Associated Press", Aliases: []string{"A.P.", "AP"}})
		g.Statements = append(g.Statements, g.Statements[0])
		g.Mentions = append(g.Mentions, g.Mentions[0])
		put(t, s, g)
		st := stats(t, s)
		assert.Equal(t, 4, st.Statements)
		assert.Equal(t, 5, st.Mentions)
		a, err := s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, graph.ContentHash(Text1), a.ContentHash)
		ap, err := s.Agent(ctx(t), AgentAP)
		require.NoError(t, err)
		assert.Equal(t, []string{"A.P.", "AP", "the Associated Press"}, ap.Aliases)
		// Same text, now with its hash: nothing changes.
		assert.False(t, put(t, s, Gaza1()).Created)
	})

	t.Run("CancelledContext", func(t *testing.T) {
		s := open(t)
		c, cancel := context.WithCancel(ctx(t))
		cancel()
		_, err := s.PutArticle(c, Gaza1())
		require.Error(t, err)
		assert.Equal(t, graph.Stats{}, stats(t, s))
		_, err = s.Article(ctx(t), Article1)
		requireCode(t, err, graph.ENOTFOUND)
	})
}

func claimIDsOf(cs []graph.Claim) []string {
	out := []string{}
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

// invalidCases are bundles that fail graph.ArticleGraph.Validate, each a mutation of
// article 1.
func invalidCases() []struct {
	name   string
	mutate func(g *graph.ArticleGraph)
} {
	return []struct {
		name   string
		mutate func(g *graph.ArticleGraph)
	}{
		{"empty text", func(g *graph.ArticleGraph) { g.Article.Text = "  \n" }},
		{"text over the limit", func(g *graph.ArticleGraph) {
			g.Article.Text = strings.Repeat("a", graph.MaxArticleBytes+1)
		}},
		{"invalid UTF-8", func(g *graph.ArticleGraph) { g.Article.Text = Text1 + "\xff" }},
		{"no id", func(g *graph.ArticleGraph) { g.Article.ID = "" }},
		{"ftp url", func(g *graph.ArticleGraph) { g.Article.URL = "ftp://globalpost.example/x" }},
		{"relative url", func(g *graph.ArticleGraph) { g.Article.URL = "/2025/gaza" }},
		{"month 13", func(g *graph.ArticleGraph) {
			g.Article.Published = graph.Date{Value: "2025-13-04", Precision: graph.PrecisionDay}
		}},
		{"date without precision", func(g *graph.ArticleGraph) { g.Article.Published = graph.Date{Value: "2025-11-04"} }},
		{"date precision mismatch", func(g *graph.ArticleGraph) { g.Article.Published.Precision = graph.PrecisionYear }},
		{"empty author", func(g *graph.ArticleGraph) { g.Article.Authors = []string{"Jane Doe", " "} }},
		{"long title", func(g *graph.ArticleGraph) { g.Article.Title = strings.Repeat("t", 1001) }},
		{"outlet not defined", func(g *graph.ArticleGraph) { g.Outlet = nil }},
		{"outlet without name", func(g *graph.ArticleGraph) { g.Outlet.Name = "" }},
		{"agent without name", func(g *graph.ArticleGraph) { g.Agents[0].Name = " " }},
		{"claim without text", func(g *graph.ArticleGraph) { g.Claims[1].Text = "" }},
		{"statement without id", func(g *graph.ArticleGraph) { g.Statements[3].ID = "" }},
		{"statement of another article", func(g *graph.ArticleGraph) { g.Statements[1].ArticleID = Article2 }},
		{"statement of undefined claim", func(g *graph.ArticleGraph) { g.Statements[1].ClaimID = "c_nope" }},
		{"statement of undefined speaker", func(g *graph.ArticleGraph) { g.Statements[1].SpeakerID = "ag_nope" }},
		{"statement via undefined agency", func(g *graph.ArticleGraph) { g.Statements[1].Via = []string{AgentAP, "ag_nope"} }},
		{"confidence over 1", func(g *graph.ArticleGraph) { g.Statements[2].Confidence = 1.5 }},
		{"content span past the end", func(g *graph.ArticleGraph) { g.Statements[2].Content.End = 10000 }},
		{"negative cue span", func(g *graph.ArticleGraph) { g.Statements[2].Cue.Start = -1 }},
		{"source span past the end", func(g *graph.ArticleGraph) { g.Statements[2].Source = &graph.Span{Start: 5, End: 10000} }},
		{"dispute targets nothing", func(g *graph.ArticleGraph) { g.Disputes[0].ClaimID, g.Disputes[0].TargetAgentID = "", "" }},
		{"dispute by undefined agent", func(g *graph.ArticleGraph) { g.Disputes[0].DisputerID = "ag_nope" }},
		{"dispute of undefined claim", func(g *graph.ArticleGraph) { g.Disputes[0].ClaimID = "c_nope" }},
		{"dispute in another article", func(g *graph.ArticleGraph) { g.Disputes[0].ArticleID = Article3 }},
		{"link to itself", func(g *graph.ArticleGraph) {
			g.Links = []graph.ClaimLink{Link(Article1, ClaimDraft, ClaimDraft, graph.LinkConflicts, "")}
		}},
		{"link of unknown kind", func(g *graph.ArticleGraph) {
			g.Links = []graph.ClaimLink{Link(Article1, ClaimDraft, ClaimForce, "supports", "")}
		}},
		{"link to undefined claim", func(g *graph.ArticleGraph) {
			g.Links = []graph.ClaimLink{Link(Article1, ClaimDraft, "c_nope", graph.LinkConflicts, "")}
		}},
		{"mention of undefined agent", func(g *graph.ArticleGraph) { g.Mentions[0].AgentID = "ag_nope" }},
		{"mention span past the end", func(g *graph.ArticleGraph) { g.Mentions[0].Span.End = 10000 }},
	}
}

func testInvalid(t *testing.T, open Opener) {
	s := open(t)
	put(t, s, Gaza2())
	before := stats(t, s)
	ministry, err := s.Agent(ctx(t), AgentHealthMinistry)
	require.NoError(t, err)

	_, err = s.PutArticle(ctx(t), nil)
	requireCode(t, err, graph.EINVALID, "nil bundle")

	for _, tc := range invalidCases() {
		t.Run(tc.name, func(t *testing.T) {
			g := Gaza1()
			// The bundle also carries a new alias of an agent already stored: it must
			// not be merged when the bundle is refused.
			g.Agents[0].Aliases = append(g.Agents[0].Aliases, "MoH")
			tc.mutate(g)
			require.Error(t, g.Validate(), "the case must be invalid")
			_, err := s.PutArticle(ctx(t), g)
			requireCode(t, err, graph.EINVALID)
			assert.NotEmpty(t, graph.ErrorMessage(err))
			assert.Equal(t, before, stats(t, s), "nothing written")
			_, err = s.Article(ctx(t), Article1)
			requireCode(t, err, graph.ENOTFOUND)
			got, err := s.Agent(ctx(t), AgentHealthMinistry)
			require.NoError(t, err)
			assert.Equal(t, ministry, got)
			page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "demilitarization"})
			require.NoError(t, err)
			assert.Empty(t, page.Items)
		})
	}
	// The store is still usable.
	assert.True(t, put(t, s, Gaza1()).Created)
}

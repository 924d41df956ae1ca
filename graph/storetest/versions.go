package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// Article versions and metadata patches: see graph.Store.PutArticle and PatchArticle.

// ArticleRebuttal is a fourth fixture article that disputes article 1's draft claim
// and links it to article 3's claim, without stating it: its bundle lists the draft
// claim only for the dispute and the link.
const ArticleRebuttal = "a_rebuttal"

// TextRebuttal is the text of ArticleRebuttal.
const TextRebuttal = "U.S. officials rejected the draft report. Waltz met envoys on Friday."

// Rebuttal returns the bundle of ArticleRebuttal.
func Rebuttal() *graph.ArticleGraph {
	a, t := ArticleRebuttal, TextRebuttal
	met := graph.ClaimID("Waltz met envoys on Friday")
	return &graph.ArticleGraph{
		Article: graph.Article{ID: a, Text: t, ContentHash: graph.ContentHash(t)},
		Agents:  []graph.Agent{agent(AgentUSOfficials), agent(AgentWaltz)},
		Claims: []graph.Claim{
			canonicalOf(Gaza1(), ClaimDraft),
			canonicalOf(Gaza3(), ClaimUnified),
			{ID: met, Text: graph.NormalizeClaimText("Waltz met envoys on Friday"), Kind: graph.ClaimAssertion},
		},
		Statements: []graph.Statement{
			Stmt(a, t, met, "", nil, graph.SpeechNone, "", "Waltz met envoys on Friday", "Waltz met envoys on Friday."),
		},
		Disputes: []graph.Dispute{
			Disp(a, t, AgentUSOfficials, ClaimDraft, "", graph.DisputeRejects, "rejected", "U.S. officials rejected the draft report."),
		},
		Links:    []graph.ClaimLink{Link(a, ClaimDraft, ClaimUnified, graph.LinkCorroborates, "draft and command")},
		Mentions: []graph.Mention{Mention(t, AgentUSOfficials, "U.S. officials"), Mention(t, AgentWaltz, "Waltz")},
	}
}

// repeater is an article that repeats the rebuttal's link between the draft and the
// unified-command claims (the rebuttal wrote it first), stating neither.
func repeater() *graph.ArticleGraph {
	a, t := "a_repeater", "Envoys met Waltz on Friday."
	met := graph.ClaimID("Envoys met Waltz on Friday")
	return &graph.ArticleGraph{
		Article: graph.Article{ID: a, Text: t, ContentHash: graph.ContentHash(t)},
		Agents:  []graph.Agent{agent(AgentWaltz)},
		Claims: []graph.Claim{canonicalOf(Gaza1(), ClaimDraft), canonicalOf(Gaza3(), ClaimUnified),
			{ID: met, Text: graph.NormalizeClaimText("Envoys met Waltz on Friday"), Kind: graph.ClaimAssertion}},
		Statements: []graph.Statement{Stmt(a, t, met, "", nil, graph.SpeechNone, "", "Envoys met Waltz on Friday", t)},
		Links:      []graph.ClaimLink{Link(a, ClaimUnified, ClaimDraft, graph.LinkCorroborates, "repeated")},
	}
}

func canonicalOf(g *graph.ArticleGraph, id string) graph.Claim {
	for _, c := range graph.Canonical(g).Claims {
		if c.ID == id {
			return c
		}
	}
	panic("storetest: no claim " + id)
}

// newVersion1 is article 1 fetched again with an edited text that no longer states
// the draft claim.
func newVersion1() *graph.ArticleGraph {
	g := Gaza1()
	g.Article.Text = TextCeasefire + ". Aid deliveries resumed on Sunday."
	g.Article.ContentHash = graph.ContentHash(g.Article.Text)
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
	return g
}

func testVersions(t *testing.T, open Opener) {
	t.Run("OrphanClaimGoesWithItsDisputesAndLinks", func(t *testing.T) {
		s := loaded(t, open)
		put(t, s, Rebuttal())
		put(t, s, repeater())
		before := stats(t, s)
		c, err := s.Contradictions(ctx(t), ClaimDraft)
		require.NoError(t, err)
		require.Len(t, c.Disputes, 1, "the rebuttal disputes the draft")
		require.Len(t, c.Corroborations, 1)

		g := newVersion1()
		require.True(t, put(t, s, g).Created)
		after := stats(t, s)
		want := before
		want.Statements += 2 - 4 // article 1 now states 2 claims, not 4
		want.Disputes -= 2       // article 1's own dispute, and the rebuttal's of the draft
		want.Links--             // the rebuttal's link to the draft
		want.Mentions -= 5       // article 1's mentions
		want.Claims--            // the draft and the force claims go, the aid claim comes
		assert.Equal(t, want, after)

		_, err = s.Claim(ctx(t), ClaimDraft)
		requireCode(t, err, graph.ENOTFOUND)
		for _, call := range []func() error{
			func() error { _, err := s.Provenance(ctx(t), ClaimDraft); return err },
			func() error { _, err := s.Contradictions(ctx(t), ClaimDraft); return err },
			func() error { _, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimDraft}); return err },
		} {
			requireCode(t, call(), graph.ENOTFOUND)
		}
		for _, q := range []graph.ClaimQuery{
			{Text: "draft resolution"}, {SpeakerID: AgentUSOfficials}, {Disputed: ptr(true)},
			{OutletID: OutletGlobalPost}, {ArticleID: ArticleRebuttal},
		} {
			page, err := s.SearchClaims(ctx(t), q)
			require.NoError(t, err)
			assert.NotContains(t, claimIDs(page.Items), ClaimDraft, "query %+v", q)
		}
		page, err := s.AgentClaims(ctx(t), AgentUSOfficials, graph.PageRequest{})
		require.NoError(t, err)
		assert.Empty(t, page.Items, "U.S. officials were the draft's only speaker")

		// The rebuttal lost the dispute and the link with the claim; what is left is a
		// valid bundle (every id it references is in it).
		rb, err := s.ArticleGraph(ctx(t), ArticleRebuttal)
		require.NoError(t, err)
		assert.Equal(t, sorted(ClaimUnified, graph.ClaimID("Waltz met envoys on Friday")), claimIDsOf(rb.Claims))
		assert.Empty(t, rb.Disputes)
		assert.Empty(t, rb.Links)
		assert.Len(t, rb.Statements, 1)
		require.NoError(t, rb.Validate())
		rp, err := s.ArticleGraph(ctx(t), "a_repeater")
		require.NoError(t, err)
		assert.NotContains(t, claimIDsOf(rp.Claims), ClaimDraft)
		assert.Empty(t, rp.Links, "the repeated link went with the claim")
		require.NoError(t, rp.Validate())
		c, err = s.Contradictions(ctx(t), ClaimUnified)
		require.NoError(t, err)
		assert.Empty(t, c.Corroborations, "the link to the draft went with it")
		sg, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimUnified, Depth: 1})
		require.NoError(t, err)
		for _, n := range sg.Nodes {
			assert.NotEqual(t, ClaimDraft, n.ID)
		}

		// The old version comes back: the draft is stated again, by article 1 only;
		// the rebuttal's dispute and link do not come back with it.
		require.True(t, put(t, s, Gaza1()).Created)
		d, err := s.Claim(ctx(t), ClaimDraft)
		require.NoError(t, err)
		assert.Len(t, d.Statements, 1)
		c, err = s.Contradictions(ctx(t), ClaimDraft)
		require.NoError(t, err)
		assert.Empty(t, c.Disputes)
		assert.Empty(t, c.Corroborations)
		rb, err = s.ArticleGraph(ctx(t), ArticleRebuttal)
		require.NoError(t, err)
		assert.NotContains(t, claimIDsOf(rb.Claims), ClaimDraft)
		a, err := s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, 3, a.Version)

		// The rebuttal, fetched again, writes the link anew: it is the rebuttal's, and
		// the repeater, which no longer lists it, does not show it.
		g2 := Rebuttal()
		g2.Article.Text = TextRebuttal + " More later."
		g2.Article.ContentHash = graph.ContentHash(g2.Article.Text)
		require.True(t, put(t, s, g2).Created)
		c, err = s.Contradictions(ctx(t), ClaimDraft)
		require.NoError(t, err)
		assert.Len(t, c.Corroborations, 1)
		assert.Len(t, c.Disputes, 1)
		rp, err = s.ArticleGraph(ctx(t), "a_repeater")
		require.NoError(t, err)
		assert.Empty(t, rp.Links)
		require.NoError(t, rp.Validate())
	})

	t.Run("SharedClaimStays", func(t *testing.T) {
		s := loaded(t, open)
		// Article 3 without its statement of the 68,800 toll: articles 1 and 2 still
		// state it, so it stays, with their statements.
		g := Gaza3()
		g.Article.Text = Text3 + " Updated."
		g.Article.ContentHash = graph.ContentHash(g.Article.Text)
		var kept []graph.Statement
		for _, st := range g.Statements {
			if st.ClaimID != ClaimToll68800 {
				kept = append(kept, st)
			}
		}
		require.Less(t, len(kept), len(g.Statements))
		g.Statements = kept
		put(t, s, g)
		c, err := s.Claim(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		assert.Len(t, c.Statements, 2)
	})

	t.Run("VersionOfNewArticleIsKept", func(t *testing.T) {
		s := open(t)
		// An import writes the history it was exported with.
		g := Gaza1()
		g.Article.Version = 4
		g.Article.PreviousVersions = []graph.ArticleVersion{{Version: 2, ContentHash: "h2"}, {Version: 3, ContentHash: "h3"}}
		put(t, s, g)
		a, err := s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, 4, a.Version)
		assert.Equal(t, g.Article.PreviousVersions, a.PreviousVersions)
		// The same text again changes nothing, the version included.
		assert.False(t, put(t, s, Gaza1()).Created)
		a, err = s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, 4, a.Version)
		ag, err := s.ArticleGraph(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, 4, ag.Article.Version)
	})
}

func testPatchArticle(t *testing.T, open Opener) {
	s := loaded(t, open)
	before := stats(t, s)
	orig, err := s.Article(ctx(t), Article1)
	require.NoError(t, err)
	wire := &graph.Outlet{ID: graph.OutletID("Wire Daily"), Name: "Wire Daily"}
	day := graph.Date{Value: "2025-10-28", Precision: graph.PrecisionDay}

	// Title, authors, date and a new outlet at once.
	a, err := s.PatchArticle(ctx(t), Article1, graph.ArticlePatch{
		Title: ptr("Edited title"), Authors: &[]string{"A. Writer"}, Published: &day, SetOutlet: true, Outlet: wire,
	})
	require.NoError(t, err)
	want := *orig
	want.Title, want.Authors, want.Published, want.OutletID = "Edited title", []string{"A. Writer"}, day, wire.ID
	assert.Equal(t, want, *a, "text, hash and version unchanged")
	got, err := s.Article(ctx(t), Article1)
	require.NoError(t, err)
	assert.Equal(t, want, *got)
	after := before
	after.Outlets++
	assert.Equal(t, after, stats(t, s))

	ag, err := s.ArticleGraph(ctx(t), Article1)
	require.NoError(t, err)
	assert.Equal(t, wire, ag.Outlet)
	page, err := s.Articles(ctx(t), graph.ArticleQuery{OutletID: wire.ID})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, "Edited title", page.Items[0].Title)
	page, err = s.Articles(ctx(t), graph.ArticleQuery{OutletID: OutletGlobalPost})
	require.NoError(t, err)
	for _, r := range page.Items {
		assert.NotEqual(t, Article1, r.ID)
	}
	cs, err := s.SearchClaims(ctx(t), graph.ClaimQuery{OutletID: wire.ID})
	require.NoError(t, err)
	assert.Equal(t, sorted(claimIDsOf(ag.Claims)...), claimIDs(cs.Items), "the article's claims count for the new outlet")
	cs, err = s.SearchClaims(ctx(t), graph.ClaimQuery{OutletID: OutletGlobalPost, Text: "draft"})
	require.NoError(t, err)
	assert.Empty(t, cs.Items, "and no longer for the old one")
	sg, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: wire.ID})
	require.NoError(t, err)
	assert.Contains(t, sg.Edges, graph.Edge{From: Article1, To: wire.ID, Type: graph.EdgePublishedBy})
	pv, err := s.Provenance(ctx(t), ClaimDraft)
	require.NoError(t, err)
	assert.Equal(t, wire, pv.Chains[0].Article.Outlet)

	// No outlet; an empty author list clears the authors.
	a, err = s.PatchArticle(ctx(t), Article1, graph.ArticlePatch{SetOutlet: true, Authors: &[]string{}})
	require.NoError(t, err)
	assert.Empty(t, a.OutletID)
	assert.Empty(t, a.Authors)
	assert.Equal(t, "Edited title", a.Title, "fields not in the patch stay")
	ag, err = s.ArticleGraph(ctx(t), Article1)
	require.NoError(t, err)
	assert.Nil(t, ag.Outlet)
	cs, err = s.SearchClaims(ctx(t), graph.ClaimQuery{OutletID: wire.ID})
	require.NoError(t, err)
	assert.Empty(t, cs.Items)

	// Back to the old outlet: it keeps its own name, whatever the patch says.
	_, err = s.PatchArticle(ctx(t), Article1, graph.ArticlePatch{SetOutlet: true, Outlet: &graph.Outlet{ID: OutletGlobalPost, Name: "Other Name"}})
	require.NoError(t, err)
	ag, err = s.ArticleGraph(ctx(t), Article1)
	require.NoError(t, err)
	assert.Equal(t, "Global Post", ag.Outlet.Name)
	cs, err = s.SearchClaims(ctx(t), graph.ClaimQuery{OutletID: OutletGlobalPost, Text: "draft"})
	require.NoError(t, err)
	assert.Equal(t, []string{ClaimDraft}, claimIDs(cs.Items))

	// Errors change nothing.
	cur, err := s.Article(ctx(t), Article1)
	require.NoError(t, err)
	bad := []struct {
		name string
		id   string
		p    graph.ArticlePatch
		code string
	}{
		{"unknown article", "a_missing", graph.ArticlePatch{Title: ptr("x")}, graph.ENOTFOUND},
		{"bad date", Article1, graph.ArticlePatch{Published: &graph.Date{Value: "2025-13", Precision: graph.PrecisionMonth}}, graph.EINVALID},
		{"blank author", Article1, graph.ArticlePatch{Authors: &[]string{" "}}, graph.EINVALID},
		{"outlet without name", Article1, graph.ArticlePatch{SetOutlet: true, Outlet: &graph.Outlet{ID: "o_x"}}, graph.EINVALID},
	}
	for _, tc := range bad {
		_, err := s.PatchArticle(ctx(t), tc.id, tc.p)
		requireCode(t, err, tc.code, tc.name)
	}
	got, err = s.Article(ctx(t), Article1)
	require.NoError(t, err)
	assert.Equal(t, cur, got)
}

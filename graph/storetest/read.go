package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func testArticles(t *testing.T, open Opener) {
	s := loaded(t, open)

	t.Run("Article", func(t *testing.T) {
		a, err := s.Article(ctx(t), Article2)
		require.NoError(t, err)
		// Unknown stays unknown: no URL, no authors, no date. A first text is version 1.
		assert.Equal(t, graph.Article{ID: Article2, Title: "Toll disputed", OutletID: OutletDailyLedger, Text: Text2, ContentHash: graph.ContentHash(Text2), Version: 1}, *a)
		a, err = s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, graph.Canonical(Gaza1()).Article, *a)
	})

	t.Run("ArticleGraph", func(t *testing.T) {
		g, err := s.ArticleGraph(ctx(t), Article1)
		require.NoError(t, err)
		want := graph.Canonical(Gaza1())
		// Agents are the current merged agents.
		for i, a := range want.Agents {
			want.Agents[i] = agent(a.ID)
		}
		assert.Equal(t, want, g)

		g, err = s.ArticleGraph(ctx(t), Article2)
		require.NoError(t, err)
		want = graph.Canonical(Gaza2())
		for i, a := range want.Agents {
			want.Agents[i] = agent(a.ID)
		}
		// Claims are the stored claims: the toll as article 1 wrote it.
		for i, c := range want.Claims {
			if c.ID == ClaimToll68800 {
				want.Claims[i] = canonicalClaim(t, Gaza1(), ClaimToll68800)
			}
		}
		require.Len(t, g.Mentions, 5, "the repeated Hamas mention is stored once")
		assert.Equal(t, want, g)
		assert.Equal(t, sorted(AgentAP, AgentHamas, AgentHealthMinistry, AgentIsrael, AgentIsraeliOfficial), agentIDs(g.Agents))
		assert.Equal(t, sorted(ClaimToll68800, ClaimToll52000), claimIDsOf(g.Claims))
		assert.Len(t, g.Statements, 2)
		assert.Len(t, g.Disputes, 2)
		require.Len(t, g.Links, 1)
		assert.Equal(t, Link(Article2, ClaimToll52000, ClaimToll68800, graph.LinkConflicts, "52000 vs 68800 palestinians dead"), g.Links[0])

		// Article 3 repeated article 2's link: its bundle lists the link as stored,
		// i.e. as article 2 wrote it.
		g, err = s.ArticleGraph(ctx(t), Article3)
		require.NoError(t, err)
		require.Len(t, g.Links, 2)
		for _, l := range g.Links {
			if l.Kind == graph.LinkConflicts {
				assert.Equal(t, Article2, l.ArticleID)
				assert.Equal(t, ClaimToll52000, l.From)
			}
		}
	})

	t.Run("Articles", func(t *testing.T) {
		page, err := s.Articles(ctx(t), graph.ArticleQuery{})
		require.NoError(t, err)
		want := []graph.ArticleRef{ref1(), ref2(), ref3()}
		sortRefs(want)
		assert.Equal(t, want, page.Items)
		assert.Empty(t, page.NextCursor)

		page, err = s.Articles(ctx(t), graph.ArticleQuery{OutletID: OutletGlobalPost})
		require.NoError(t, err)
		want = []graph.ArticleRef{ref1(), ref3()}
		sortRefs(want)
		assert.Equal(t, want, page.Items)

		page, err = s.Articles(ctx(t), graph.ArticleQuery{OutletID: "o_nope"})
		require.NoError(t, err)
		assert.NotNil(t, page.Items)
		assert.Empty(t, page.Items)

		// Two pages of one and one of one, the last without a cursor.
		all := []graph.ArticleRef{ref1(), ref2(), ref3()}
		sortRefs(all)
		var got []graph.ArticleRef
		cursor, pages := "", 0
		for {
			page, err := s.Articles(ctx(t), graph.ArticleQuery{Page: graph.PageRequest{Cursor: cursor, Limit: 1}})
			require.NoError(t, err)
			require.Len(t, page.Items, 1)
			got = append(got, page.Items...)
			pages++
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
		assert.Equal(t, 3, pages)
		assert.Equal(t, all, got)
	})
}

func sortRefs(r []graph.ArticleRef) {
	for i := range r {
		for j := i + 1; j < len(r); j++ {
			if r[j].ID < r[i].ID {
				r[i], r[j] = r[j], r[i]
			}
		}
	}
}

func testClaims(t *testing.T, open Opener) {
	s := loaded(t, open)

	t.Run("Claim", func(t *testing.T) {
		c, err := s.Claim(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		assert.Equal(t, canonicalClaim(t, Gaza1(), ClaimToll68800), c.Claim)
		want := []graph.Statement{
			canonicalStatement(t, Gaza1(), ClaimToll68800),
			canonicalStatement(t, Gaza2(), ClaimToll68800),
			canonicalStatement(t, Gaza3(), ClaimToll68800),
		}
		graph.SortStatements(want) // by article id, then content start
		assert.Equal(t, want, c.Statements)

		c, err = s.Claim(ctx(t), ClaimCeasefire)
		require.NoError(t, err)
		require.Len(t, c.Statements, 1)
		assert.Empty(t, c.Statements[0].SpeakerID)
		assert.Equal(t, graph.SpeechNone, c.Statements[0].Kind)
		assert.Equal(t, "The ceasefire remains fragile", c.Statements[0].Content.Text)
	})

	t.Run("ClaimsByCounted", func(t *testing.T) {
		tests := []struct {
			counted, unit string
			limit         int
			want          []string
		}{
			{"palestinians dead", "count", 10, sorted(ClaimToll68800, ClaimToll52000)},
			{"palestinians dead", "count", 0, sorted(ClaimToll68800, ClaimToll52000)},
			{"palestinians dead", "count", 1, sorted(ClaimToll68800, ClaimToll52000)[:1]},
			{"palestinians killed", "count", 10, []string{ClaimToll68000}},
			{"palestinians dead", "percent", 10, []string{}},
			{"Palestinians Dead", "count", 10, []string{}},
			{"", "count", 10, []string{}},
			{"", "", 10, []string{}},
		}
		for _, tc := range tests {
			got, err := s.ClaimsByCounted(ctx(t), tc.counted, tc.unit, tc.limit)
			require.NoError(t, err)
			require.NotNil(t, got)
			assert.Equal(t, tc.want, claimIDsOf(got), "%q %q %d", tc.counted, tc.unit, tc.limit)
		}
		got, err := s.ClaimsByCounted(ctx(t), "palestinians killed", "count", 10)
		require.NoError(t, err)
		require.Len(t, got, 1)
		assert.Equal(t, canonicalClaim(t, Gaza3(), ClaimToll68000), got[0])
	})
}

func testAgents(t *testing.T, open Opener) {
	s := loaded(t, open)

	t.Run("Agent", func(t *testing.T) {
		for id, want := range mergedAgents {
			got, err := s.Agent(ctx(t), id)
			require.NoError(t, err)
			assert.Equal(t, want, *got)
		}
	})

	t.Run("Agents", func(t *testing.T) {
		all := sorted(AgentHealthMinistry, AgentIsrael, AgentIsraeliOfficial, AgentAP, AgentAxios, AgentReuters, AgentWaltz, AgentUSOfficials, AgentHamas, AgentUN)
		tests := []struct {
			name string
			q    graph.AgentQuery
			want []string
		}{
			{"all", graph.AgentQuery{}, all},
			{"one word of the name", graph.AgentQuery{Name: "ministry"}, []string{AgentHealthMinistry}},
			{"two words, any case", graph.AgentQuery{Name: "HEALTH Ministry"}, []string{AgentHealthMinistry}},
			{"apostrophe split", graph.AgentQuery{Name: "Gaza's"}, []string{AgentHealthMinistry}},
			{"alias word", graph.AgentQuery{Name: "the"}, sorted(AgentHealthMinistry, AgentAP, AgentUN)},
			{"alias only", graph.AgentQuery{Name: "ap"}, []string{AgentAP}},
			{"whole words only", graph.AgentQuery{Name: "minist"}, []string{}},
			{"israel is not israeli", graph.AgentQuery{Name: "israel"}, []string{AgentIsrael}},
			{"all terms in one name", graph.AgentQuery{Name: "associated ap"}, []string{}},
			{"all terms in one alias", graph.AgentQuery{Name: "gaza the health"}, []string{AgentHealthMinistry}},
			{"kind organization", graph.AgentQuery{Kind: graph.KindOrganization}, sorted(AgentHealthMinistry, AgentHamas, AgentUN)},
			{"kind outlet", graph.AgentQuery{Kind: graph.KindOutlet}, sorted(AgentAP, AgentAxios, AgentReuters)},
			{"kind person", graph.AgentQuery{Kind: graph.KindPerson}, []string{AgentWaltz}},
			{"kind group", graph.AgentQuery{Kind: graph.KindGroup}, sorted(AgentIsraeliOfficial, AgentUSOfficials)},
			{"kind unknown", graph.AgentQuery{Kind: graph.KindUnknown}, []string{}},
			{"name and kind", graph.AgentQuery{Name: "the", Kind: graph.KindOutlet}, []string{AgentAP}},
			{"no terms", graph.AgentQuery{Name: "..."}, all},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				page, err := s.Agents(ctx(t), tc.q)
				require.NoError(t, err)
				assert.Equal(t, tc.want, agentIDs(page.Items))
				assert.Empty(t, page.NextCursor)
				for _, a := range page.Items {
					assert.Equal(t, agent(a.ID), a)
				}
			})
		}
	})

	t.Run("AgentClaims", func(t *testing.T) {
		page, err := s.AgentClaims(ctx(t), AgentWaltz, graph.PageRequest{})
		require.NoError(t, err)
		want := []graph.ClaimSummary{
			{Claim: canonicalClaim(t, Gaza1(), ClaimForce), Statements: 1, SpeakerIDs: []string{AgentWaltz}, ArticleIDs: []string{Article1}, DisputerIDs: []string{}},
			{Claim: canonicalClaim(t, Gaza3(), ClaimUnified), Statements: 1, SpeakerIDs: []string{AgentWaltz}, ArticleIDs: []string{Article3}, DisputerIDs: []string{}},
		}
		sortSummaries(want)
		assert.Equal(t, want, page.Items)

		page, err = s.AgentClaims(ctx(t), AgentHealthMinistry, graph.PageRequest{})
		require.NoError(t, err)
		assert.Equal(t, []graph.ClaimSummary{{
			Claim: canonicalClaim(t, Gaza1(), ClaimToll68800), Statements: 3, Disputes: 1,
			SpeakerIDs: []string{AgentHealthMinistry}, ArticleIDs: sorted(Article1, Article2, Article3), DisputerIDs: []string{AgentIsrael},
		}}, page.Items)

		// Hamas exists but says nothing: an empty page, not an error. Disputing is
		// not speaking.
		for _, id := range []string{AgentHamas, AgentIsrael, AgentAP} {
			page, err = s.AgentClaims(ctx(t), id, graph.PageRequest{})
			require.NoError(t, err)
			assert.NotNil(t, page.Items)
			assert.Empty(t, page.Items, id)
		}

		// The same as SearchClaims by speaker.
		search, err := s.SearchClaims(ctx(t), graph.ClaimQuery{SpeakerID: AgentWaltz})
		require.NoError(t, err)
		page, err = s.AgentClaims(ctx(t), AgentWaltz, graph.PageRequest{})
		require.NoError(t, err)
		assert.Equal(t, search, page)
	})
}

func sortSummaries(s []graph.ClaimSummary) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j].Claim.ID < s[i].Claim.ID {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

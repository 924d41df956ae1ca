package storetest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func testProvenance(t *testing.T, open Opener) {
	s := loaded(t, open)

	t.Run("ThroughAgencies", func(t *testing.T) {
		p, err := s.Provenance(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		assert.Equal(t, canonicalClaim(t, Gaza1(), ClaimToll68800), p.Claim)
		want := []graph.ProvenanceChain{
			{Article: ref1(), Via: []graph.Agent{agent(AgentAP)}, Speaker: agentPtr(AgentHealthMinistry), Statement: canonicalStatement(t, Gaza1(), ClaimToll68800)},
			{Article: ref2(), Via: []graph.Agent{agent(AgentAP)}, Speaker: agentPtr(AgentHealthMinistry), Statement: canonicalStatement(t, Gaza2(), ClaimToll68800)},
			{Article: ref3(), Via: []graph.Agent{agent(AgentReuters)}, Speaker: agentPtr(AgentHealthMinistry), Statement: canonicalStatement(t, Gaza3(), ClaimToll68800)},
		}
		sortChains(want)
		assert.Equal(t, want, p.Chains)
		for _, ch := range p.Chains {
			assert.Contains(t, []string{"The war has left more than 68,800 Palestinians dead",
				"More than 68,800 Palestinians have died in the war",
				"more than 68,800 Palestinians have been killed"}, ch.Statement.Content.Text)
		}
	})

	t.Run("ViaInCitationOrder", func(t *testing.T) {
		p, err := s.Provenance(ctx(t), ClaimDraft)
		require.NoError(t, err)
		require.Len(t, p.Chains, 1)
		ch := p.Chains[0]
		assert.Equal(t, []graph.Agent{agent(AgentAxios), agent(AgentAP)}, ch.Via, "Axios first, as cited")
		assert.Equal(t, agentPtr(AgentUSOfficials), ch.Speaker)
		assert.Equal(t, ref1(), ch.Article)
		assert.Equal(t, "Global Post", ch.Article.Outlet.Name)
		assert.Equal(t, "reported,", ch.Statement.Cue.Text)
		assert.Equal(t, Find(Text1, "The United States circulated a draft resolution at the UN Security Council"), ch.Statement.Content)
	})

	t.Run("AssertedByArticle", func(t *testing.T) {
		p, err := s.Provenance(ctx(t), ClaimCeasefire)
		require.NoError(t, err)
		require.Len(t, p.Chains, 1)
		assert.Nil(t, p.Chains[0].Speaker)
		assert.NotNil(t, p.Chains[0].Via)
		assert.Empty(t, p.Chains[0].Via)
		assert.Equal(t, ref1(), p.Chains[0].Article)
	})

	t.Run("NoOutlet", func(t *testing.T) {
		s := open(t)
		g := Gaza2()
		g.Article.OutletID, g.Outlet = "", nil
		put(t, s, g)
		p, err := s.Provenance(ctx(t), ClaimToll52000)
		require.NoError(t, err)
		require.Len(t, p.Chains, 1)
		assert.Equal(t, graph.ArticleRef{ID: Article2, Title: "Toll disputed"}, p.Chains[0].Article)
		assert.Nil(t, p.Chains[0].Article.Outlet)
	})
}

func sortChains(c []graph.ProvenanceChain) {
	st := make([]graph.Statement, len(c))
	by := map[string]graph.ProvenanceChain{}
	for i, ch := range c {
		st[i] = ch.Statement
		by[ch.Statement.ID] = ch
	}
	graph.SortStatements(st)
	for i, s := range st {
		c[i] = by[s.ID]
	}
}

func testContradictions(t *testing.T, open Opener) {
	s := loaded(t, open)

	t.Run("DisputedTollWithConflictAndCorroboration", func(t *testing.T) {
		c, err := s.Contradictions(ctx(t), ClaimToll68800)
		require.NoError(t, err)
		assert.Equal(t, canonicalClaim(t, Gaza1(), ClaimToll68800), c.Claim)
		assert.Equal(t, []graph.DisputeView{{
			Dispute:  canonicalDispute(t, Gaza1(), graph.DisputeDisputes),
			Disputer: agent(AgentIsrael), Target: agentPtr(AgentHealthMinistry), Article: ref1(),
		}}, c.Disputes)
		// Found from the To side; the link as article 2 wrote it.
		assert.Equal(t, []graph.RelatedClaim{{
			Link:     Link(Article2, ClaimToll52000, ClaimToll68800, graph.LinkConflicts, "52000 vs 68800 palestinians dead"),
			Claim:    canonicalClaim(t, Gaza2(), ClaimToll52000),
			Speakers: []graph.Agent{agent(AgentIsraeliOfficial)},
			Articles: []graph.ArticleRef{ref2()},
		}}, c.Conflicts)
		assert.Equal(t, []graph.RelatedClaim{{
			Link:     Link(Article3, ClaimToll68000, ClaimToll68800, graph.LinkCorroborates, "more than 68000 and more than 68800 palestinians killed agree"),
			Claim:    canonicalClaim(t, Gaza3(), ClaimToll68000),
			Speakers: []graph.Agent{agent(AgentUN)},
			Articles: []graph.ArticleRef{ref3()},
		}}, c.Corroborations)
		// Articles 1 and 2 both got the toll through the AP: one origin; article 3
		// through Reuters: another.
		assert.Equal(t, []graph.OriginGroup{
			{Origin: "via:" + AgentAP, StatementIDs: sorted(canonicalStatement(t, Gaza1(), ClaimToll68800).ID, canonicalStatement(t, Gaza2(), ClaimToll68800).ID)},
			{Origin: "via:" + AgentReuters, StatementIDs: []string{canonicalStatement(t, Gaza3(), ClaimToll68800).ID}},
		}, c.Origins)
		assert.Equal(t, 2, c.IndependentOrigins)
	})

	t.Run("FromTheFromSide", func(t *testing.T) {
		c, err := s.Contradictions(ctx(t), ClaimToll52000)
		require.NoError(t, err)
		assert.Equal(t, []graph.DisputeView{{
			Dispute:  canonicalDispute(t, Gaza2(), graph.DisputeRejects),
			Disputer: agent(AgentHealthMinistry), Article: ref2(),
		}}, c.Disputes)
		assert.Nil(t, c.Disputes[0].Target)
		refs := []graph.ArticleRef{ref1(), ref2(), ref3()}
		sortRefs(refs)
		assert.Equal(t, []graph.RelatedClaim{{
			Link:     Link(Article2, ClaimToll52000, ClaimToll68800, graph.LinkConflicts, "52000 vs 68800 palestinians dead"),
			Claim:    canonicalClaim(t, Gaza1(), ClaimToll68800),
			Speakers: []graph.Agent{agent(AgentHealthMinistry)},
			Articles: refs,
		}}, c.Conflicts)
		assert.NotNil(t, c.Corroborations)
		assert.Empty(t, c.Corroborations)
		assert.Equal(t, []graph.OriginGroup{{Origin: "speaker:" + AgentIsraeliOfficial, StatementIDs: []string{canonicalStatement(t, Gaza2(), ClaimToll52000).ID}}}, c.Origins)
		assert.Equal(t, 1, c.IndependentOrigins)
	})

	t.Run("Quiet", func(t *testing.T) {
		c, err := s.Contradictions(ctx(t), ClaimCeasefire)
		require.NoError(t, err)
		assert.Equal(t, &graph.Contradictions{
			Claim:    canonicalClaim(t, Gaza1(), ClaimCeasefire),
			Disputes: []graph.DisputeView{}, Conflicts: []graph.RelatedClaim{}, Corroborations: []graph.RelatedClaim{},
			Origins:            []graph.OriginGroup{{Origin: "article:" + graph.ContentHash(Text1), StatementIDs: []string{canonicalStatement(t, Gaza1(), ClaimCeasefire).ID}}},
			IndependentOrigins: 1,
		}, c)
	})

	t.Run("AgentOnlyDisputeNotListed", func(t *testing.T) {
		// "Israel accused Hamas" targets an agent, no claim: no claim lists it.
		for _, id := range []string{ClaimToll68800, ClaimToll52000, ClaimDraft, ClaimForce, ClaimUnified, ClaimToll68000} {
			c, err := s.Contradictions(ctx(t), id)
			require.NoError(t, err)
			for _, d := range c.Disputes {
				assert.NotEqual(t, graph.DisputeAccuses, d.Dispute.Kind)
			}
		}
	})
}

func testSubgraph(t *testing.T, open Opener) {
	s := loaded(t, open)
	force := canonicalStatement(t, Gaza1(), ClaimForce).ID

	nodeIDs := func(g *graph.Subgraph) []string {
		out := []string{}
		for _, n := range g.Nodes {
			out = append(out, n.ID)
		}
		return out
	}

	t.Run("Depth1", func(t *testing.T) {
		g, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimForce, Depth: 1, Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, []string{ClaimForce, force}, nodeIDs(g))
		assert.Equal(t, []graph.Edge{{From: force, To: ClaimForce, Type: graph.EdgeOfClaim}}, g.Edges)
		assert.False(t, g.Truncated)
		// Defaults: depth 1, limit 100.
		d, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimForce})
		require.NoError(t, err)
		assert.Equal(t, g, d)
	})

	t.Run("Depth2Induced", func(t *testing.T) {
		g, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimForce, Depth: 2, Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, []string{ClaimForce, force, Article1, AgentWaltz}, nodeIDs(g))
		// Article 1 mentions Waltz: an edge between two nodes at distance 2.
		assert.Equal(t, []graph.Edge{
			{From: Article1, To: AgentWaltz, Type: graph.EdgeMentions},
			{From: force, To: Article1, Type: graph.EdgeInArticle},
			{From: force, To: ClaimForce, Type: graph.EdgeOfClaim},
			{From: force, To: AgentWaltz, Type: graph.EdgeSaidBy},
		}, g.Edges)
		assert.False(t, g.Truncated)

		labels := map[string]string{}
		for _, n := range g.Nodes {
			labels[n.ID] = n.Label
		}
		assert.Equal(t, map[string]string{ClaimForce: graph.LabelClaim, force: graph.LabelStatement, Article1: graph.LabelArticle, AgentWaltz: graph.LabelAgent}, labels)
		claim, art, ag := g.Nodes[0], g.Nodes[2], g.Nodes[3]
		assert.Equal(t, "the force will ensure the demilitarization of gaza", claim.Props["text"])
		assert.Equal(t, "direct_quote", claim.Props["kind"])
		assert.Equal(t, ClaimForce, claim.Props["id"])
		assert.NotContains(t, art.Props, "text", "no article text in a subgraph")
		assert.Equal(t, graph.ContentHash(Text1), art.Props["content_hash"])
		assert.Equal(t, URL1, art.Props["url"])
		assert.Equal(t, "Mike Waltz", ag.Props["name"])
		assert.Equal(t, []any{"Waltz"}, ag.Props["aliases"])
		st := g.Nodes[1]
		assert.Equal(t, 0.9, st.Props["confidence"])
		assert.Equal(t, map[string]any{"start": float64(Find(Text1, TextForce).Start), "end": float64(Find(Text1, TextForce).End), "text": TextForce}, st.Props["content"])
	})

	t.Run("Truncated", func(t *testing.T) {
		g, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimForce, Depth: 2, Limit: 3})
		require.NoError(t, err)
		assert.Equal(t, []string{ClaimForce, force, Article1}, nodeIDs(g))
		assert.Equal(t, []graph.Edge{
			{From: force, To: Article1, Type: graph.EdgeInArticle},
			{From: force, To: ClaimForce, Type: graph.EdgeOfClaim},
		}, g.Edges)
		assert.True(t, g.Truncated)
		g, err = s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimForce, Depth: 2, Limit: 4})
		require.NoError(t, err)
		assert.False(t, g.Truncated, "exactly the limit is not truncated")
	})

	t.Run("OutletRoot", func(t *testing.T) {
		g, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: OutletDailyLedger, Depth: 1, Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, []string{OutletDailyLedger, Article2}, nodeIDs(g))
		assert.Equal(t, []graph.Edge{{From: Article2, To: OutletDailyLedger, Type: graph.EdgePublishedBy}}, g.Edges)
		assert.Equal(t, graph.LabelOutlet, g.Nodes[0].Label)
		assert.Equal(t, "Daily Ledger", g.Nodes[0].Props["name"])
	})

	t.Run("DisputeAndLinks", func(t *testing.T) {
		d := canonicalDispute(t, Gaza2(), graph.DisputeRejects)
		g, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: d.ID, Depth: 1, Limit: 10})
		require.NoError(t, err)
		assert.Equal(t, append([]string{d.ID}, sorted(Article2, AgentHealthMinistry, ClaimToll52000)...), nodeIDs(g))
		// Article 2 mentions the ministry: that edge joins two kept nodes too.
		want := []graph.Edge{
			{From: Article2, To: AgentHealthMinistry, Type: graph.EdgeMentions},
			{From: d.ID, To: AgentHealthMinistry, Type: graph.EdgeDisputedBy},
			{From: d.ID, To: ClaimToll52000, Type: graph.EdgeDisputes},
			{From: d.ID, To: Article2, Type: graph.EdgeDisputeIn},
		}
		assert.Equal(t, want, g.Edges, "sorted by (from, type, to): DISPUTED_BY < DISPUTES < DISPUTE_IN")

		// The 52,000 claim: its statement, its dispute and the conflicting toll.
		g, err = s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimToll52000, Depth: 1, Limit: 10})
		require.NoError(t, err)
		st := canonicalStatement(t, Gaza2(), ClaimToll52000).ID
		assert.Equal(t, append([]string{ClaimToll52000}, sorted(ClaimToll68800, d.ID, st)...), nodeIDs(g))
		want = []graph.Edge{
			{From: ClaimToll52000, To: ClaimToll68800, Type: graph.EdgeConflicts},
			{From: d.ID, To: ClaimToll52000, Type: graph.EdgeDisputes},
			{From: st, To: ClaimToll52000, Type: graph.EdgeOfClaim},
		}
		graph.SortEdges(want)
		assert.Equal(t, want, g.Edges)
	})

	t.Run("Deterministic", func(t *testing.T) {
		var first *graph.Subgraph
		for range 5 {
			g, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimToll68800, Depth: 3, Limit: 1000})
			require.NoError(t, err)
			if first == nil {
				first = g
				continue
			}
			require.Equal(t, first, g)
		}
		// Depth 3 from the toll reaches every article, and every node kept is unique
		// and every edge joins two kept nodes, in order.
		ids := map[string]bool{}
		for _, n := range first.Nodes {
			require.False(t, ids[n.ID], "duplicate node %s", n.ID)
			ids[n.ID] = true
		}
		for _, a := range []string{Article1, Article2, Article3} {
			assert.True(t, ids[a], "article %s at depth 3", a)
		}
		for i, e := range first.Edges {
			assert.True(t, ids[e.From] && ids[e.To], "edge %v", e)
			if i > 0 {
				p := first.Edges[i-1]
				assert.True(t, p.From < e.From || (p.From == e.From && (p.Type < e.Type || (p.Type == e.Type && p.To < e.To))), "edges out of order at %d", i)
			}
		}
		assert.False(t, first.Truncated)
		// A limit cuts the same ordering short.
		g, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: ClaimToll68800, Depth: 3, Limit: 7})
		require.NoError(t, err)
		assert.True(t, g.Truncated)
		assert.Equal(t, first.Nodes[:7], g.Nodes)
	})

	t.Run("Invalid", func(t *testing.T) {
		for _, q := range []graph.SubgraphQuery{
			{RootID: ClaimForce, Depth: 4, Limit: 10},
			{RootID: ClaimForce, Depth: -1, Limit: 10},
			{RootID: ClaimForce, Depth: 1, Limit: 1001},
			{RootID: ClaimForce, Depth: 1, Limit: -5},
			{RootID: "", Depth: 1, Limit: 10},
		} {
			_, err := s.Subgraph(ctx(t), q)
			requireCode(t, err, graph.EINVALID, "%+v", q)
		}
	})
}

func testNotFound(t *testing.T, open Opener) {
	for name, s := range map[string]graph.Store{"empty": open(t), "loaded": loaded(t, open)} {
		t.Run(name, func(t *testing.T) {
			calls := map[string]func(id string) error{
				"Article":        func(id string) error { _, err := s.Article(ctx(t), id); return err },
				"ArticleGraph":   func(id string) error { _, err := s.ArticleGraph(ctx(t), id); return err },
				"Claim":          func(id string) error { _, err := s.Claim(ctx(t), id); return err },
				"Agent":          func(id string) error { _, err := s.Agent(ctx(t), id); return err },
				"AgentClaims":    func(id string) error { _, err := s.AgentClaims(ctx(t), id, graph.PageRequest{}); return err },
				"Provenance":     func(id string) error { _, err := s.Provenance(ctx(t), id); return err },
				"Contradictions": func(id string) error { _, err := s.Contradictions(ctx(t), id); return err },
				"Subgraph": func(id string) error {
					_, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: id, Depth: 1, Limit: 10})
					return err
				},
			}
			// Ids of the wrong kind are not found either: an agent is not a claim.
			wrong := map[string]string{
				"Article": AgentIsrael, "ArticleGraph": ClaimDraft, "Claim": AgentIsrael, "Agent": ClaimDraft,
				"AgentClaims": Article1, "Provenance": AgentIsrael, "Contradictions": Article1, "Subgraph": "x_nope",
			}
			for what, call := range calls {
				for _, id := range []string{"nope", wrong[what]} {
					err := call(id)
					requireCode(t, err, graph.ENOTFOUND, "%s(%q)", what, id)
					assert.NotEmpty(t, graph.ErrorMessage(err))
				}
			}
			require.NoError(t, s.Ping(ctx(t)))
		})
	}
}

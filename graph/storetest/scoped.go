package storetest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// Article-scoped agents (graph.ArticleScopedAgentID) are made anew by every version of
// an article: see the shared rules of graph.Store. A replaced or deleted version takes
// those of its scoped agents that nothing stored refers to any more.

func testScopedAgents(t *testing.T, open Opener) {
	t.Run("VersionsLeaveNoneBehind", func(t *testing.T) { testScopedVersions(t, open) })
	t.Run("ReferencedStay", func(t *testing.T) { testScopedReferenced(t, open) })
}

// scopedText is version v of the scoped article's text.
func scopedText(v int) string {
	return fmt.Sprintf("Observers said turnout reached %d percent. Waltz said the count went on. The ministry denied that turnout reached %d percent.", 40+v, 40+v)
}

// scopedBundle is an article of text whose unnamed groups ("observers", "the
// ministry") are scoped agents of the text, beside a shared agent (Waltz): the
// observers state a claim, the ministry disputes it, and Waltz states another.
func scopedBundle(id, text string) *graph.ArticleGraph {
	obs, min := graph.ArticleScopedAgentID("observers", text), graph.ArticleScopedAgentID("the ministry", text)
	turnout := text[len("Observers said "):len("Observers said turnout reached 4x percent")]
	claim := graph.ClaimID(turnout)
	count := graph.ClaimID("the count went on")
	return &graph.ArticleGraph{
		Article: graph.Article{ID: id, Text: text, ContentHash: graph.ContentHash(text)},
		Agents: []graph.Agent{
			{ID: obs, Kind: graph.KindGroup, Name: "observers"},
			{ID: min, Kind: graph.KindOrganization, Name: "the ministry", Aliases: []string{"ministry officials"}},
			agent(AgentWaltz),
		},
		Claims: []graph.Claim{
			{ID: claim, Text: graph.NormalizeClaimText(turnout), Kind: graph.ClaimReportedSpeech},
			{ID: count, Text: graph.NormalizeClaimText("the count went on"), Kind: graph.ClaimReportedSpeech},
		},
		Statements: []graph.Statement{
			Stmt(id, text, claim, obs, nil, graph.SpeechReported, "said", turnout, text[:len("Observers said turnout reached 4x percent.")]),
			Stmt(id, text, count, AgentWaltz, nil, graph.SpeechReported, "said", "the count went on", "Waltz said the count went on."),
		},
		Disputes: []graph.Dispute{
			Disp(id, text, min, claim, obs, graph.DisputeDenies, "denied", "The ministry denied that turnout"),
		},
		Mentions: []graph.Mention{Mention(text, obs, "Observers"), Mention(text, min, "The ministry"), Mention(text, AgentWaltz, "Waltz")},
	}
}

// scopedIDs are the scoped agents of text.
func scopedIDs(text string) []string {
	return []string{graph.ArticleScopedAgentID("observers", text), graph.ArticleScopedAgentID("the ministry", text)}
}

// agentListed reports whether the agent listing filtered by name lists id.
func agentListed(t *testing.T, s graph.Store, name, id string) bool {
	t.Helper()
	var cursor string
	for {
		page, err := s.Agents(ctx(t), graph.AgentQuery{Name: name, Page: graph.PageRequest{Limit: 100, Cursor: cursor}})
		require.NoError(t, err)
		for _, a := range page.Items {
			if a.ID == id {
				return true
			}
		}
		if page.NextCursor == "" {
			return false
		}
		cursor = page.NextCursor
	}
}

// requireAgentGone checks that no read finds agent id.
func requireAgentGone(t *testing.T, s graph.Store, id, name string) {
	t.Helper()
	_, err := s.Agent(ctx(t), id)
	requireCode(t, err, graph.ENOTFOUND, "agent %s", id)
	assert.False(t, agentListed(t, s, name, id), "the agent listing by name %q lists %s", name, id)
	assert.False(t, agentListed(t, s, "", id), "the agent listing lists %s", id)
}

// testScopedVersions replaces an article several times with new texts, then deletes
// it: after every write the store holds the scoped agents of the stored version only
// (by count, listing, name search and lookup), and after the delete none; the shared
// agent stays throughout.
func testScopedVersions(t *testing.T, open Opener) {
	s := open(t)
	const id, versions = "a_scoped", 6
	base := stats(t, s).Agents
	var old []string
	for v := 1; v <= versions; v++ {
		text := scopedText(v)
		res := put(t, s, scopedBundle(id, text))
		require.True(t, res.Created, "version %d", v)
		assert.Equal(t, base+3, stats(t, s).Agents, "version %d: its two scoped agents and Waltz", v)
		for _, x := range scopedIDs(text) {
			_, err := s.Agent(ctx(t), x)
			require.NoError(t, err, "version %d's own scoped agent %s", v, x)
		}
		for _, x := range old {
			requireAgentGone(t, s, x, "observers")
			requireAgentGone(t, s, x, "ministry")
		}
		g, err := s.ArticleGraph(ctx(t), id)
		require.NoError(t, err)
		assert.Equal(t, sorted(append(scopedIDs(text), AgentWaltz)...), agentIDs(g.Agents), "version %d's bundle agents", v)
		old = append(old, scopedIDs(text)...)
	}
	page, err := s.Agents(ctx(t), graph.AgentQuery{Name: "observers", Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	assert.Len(t, page.Items, 1, "one agent named observers: the stored version's")

	require.NoError(t, s.DeleteArticle(ctx(t), id, nil))
	assert.Equal(t, base+1, stats(t, s).Agents, "only the shared agent stays")
	for _, x := range old {
		requireAgentGone(t, s, x, "observers")
		requireAgentGone(t, s, x, "ministry")
	}
	for _, name := range []string{"observers", "ministry"} {
		page, err := s.Agents(ctx(t), graph.AgentQuery{Name: name, Page: graph.PageRequest{Limit: 100}})
		require.NoError(t, err)
		assert.Empty(t, agentIDs(page.Items), "agents named %q after the delete", name)
	}
	page, err = s.Agents(ctx(t), graph.AgentQuery{Kind: graph.KindGroup, Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	assert.Empty(t, agentIDs(page.Items), "group agents after the delete")
	got, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "turnout", Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	assert.Empty(t, claimIDs(got.Items), "claims found by search after the delete")
	_, err = s.Agent(ctx(t), AgentWaltz)
	require.NoError(t, err, "a shared agent is never deleted")
}

// testScopedReferenced checks that a scoped agent that something stored still refers
// to stays when the version that made it goes: another article of the same text (its
// statements, disputes and mentions), or a dispute of another article that targets it
// and a statement that cites it as the agency, and that it goes with the last of them.
func testScopedReferenced(t *testing.T, open Opener) {
	s := open(t)
	text := scopedText(1)
	obs, min := scopedIDs(text)[0], scopedIDs(text)[1]
	put(t, s, scopedBundle("a_scoped", text))
	put(t, s, scopedBundle("a_copy", text)) // the same text under another id
	// An article that refers to the observers only as the target of its dispute,
	// and to the ministry only as the agency of its statement, mentioning neither.
	rt := "Waltz rejected the observers. Waltz said, via the ministry, that the count was slow."
	slow := graph.ClaimID("the count was slow")
	ref := &graph.ArticleGraph{
		Article: graph.Article{ID: "a_target", Text: rt, ContentHash: graph.ContentHash(rt)},
		Agents:  []graph.Agent{{ID: obs, Kind: graph.KindGroup, Name: "observers"}, {ID: min, Kind: graph.KindOrganization, Name: "the ministry"}, agent(AgentWaltz)},
		Claims:  []graph.Claim{{ID: slow, Text: graph.NormalizeClaimText("the count was slow"), Kind: graph.ClaimReportedSpeech}},
		Statements: []graph.Statement{
			Stmt("a_target", rt, slow, AgentWaltz, []string{min}, graph.SpeechReported, "said", "the count was slow", "Waltz said, via the ministry, that the count was slow."),
		},
		Disputes: []graph.Dispute{Disp("a_target", rt, AgentWaltz, "", obs, graph.DisputeRejects, "rejected", "Waltz rejected the observers.")},
		Mentions: []graph.Mention{Mention(rt, AgentWaltz, "Waltz")},
	}
	put(t, s, ref)
	base := stats(t, s).Agents
	require.Equal(t, 3, base, "observers, the ministry and Waltz")

	// Replaced and deleted: the copy still states, disputes and mentions.
	put(t, s, scopedBundle("a_scoped", scopedText(2)))
	require.NoError(t, s.DeleteArticle(ctx(t), "a_scoped", nil))
	for _, x := range []string{obs, min} {
		_, err := s.Agent(ctx(t), x)
		require.NoError(t, err, "agent %s that another article of the same text refers to", x)
	}
	assert.True(t, agentListed(t, s, "observers", obs))
	assert.Equal(t, base, stats(t, s).Agents, "the second version's agents went with its delete")
	g, err := s.ArticleGraph(ctx(t), "a_copy")
	require.NoError(t, err)
	assert.Equal(t, sorted(obs, min, AgentWaltz), agentIDs(g.Agents))
	page, err := s.AgentClaims(ctx(t), obs, graph.PageRequest{Limit: 10})
	require.NoError(t, err)
	assert.Len(t, page.Items, 1, "the copy's claim of the observers")

	// The copy deleted: the other article's dispute target and agency still refer
	// to them.
	require.NoError(t, s.DeleteArticle(ctx(t), "a_copy", nil))
	for _, x := range []string{obs, min} {
		_, err := s.Agent(ctx(t), x)
		require.NoError(t, err, "agent %s that a dispute target or an agency refers to", x)
	}
	g, err = s.ArticleGraph(ctx(t), "a_target")
	require.NoError(t, err)
	assert.Equal(t, sorted(obs, min, AgentWaltz), agentIDs(g.Agents))

	// The last reference replaced by a version without them: they go.
	rt2 := "Waltz said the count was slow."
	put(t, s, &graph.ArticleGraph{
		Article:    graph.Article{ID: "a_target", Text: rt2, ContentHash: graph.ContentHash(rt2)},
		Agents:     []graph.Agent{agent(AgentWaltz)},
		Claims:     []graph.Claim{{ID: slow, Text: graph.NormalizeClaimText("the count was slow"), Kind: graph.ClaimReportedSpeech}},
		Statements: []graph.Statement{Stmt("a_target", rt2, slow, AgentWaltz, nil, graph.SpeechReported, "said", "the count was slow", rt2)},
		Mentions:   []graph.Mention{Mention(rt2, AgentWaltz, "Waltz")},
	})
	requireAgentGone(t, s, obs, "observers")
	requireAgentGone(t, s, min, "ministry")
	assert.Equal(t, 1, stats(t, s).Agents, "Waltz")
}

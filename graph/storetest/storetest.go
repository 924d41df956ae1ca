// Package storetest is the one contract suite that every graph.Store backend passes.
// A backend runs it in three lines:
//
//	func TestStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) graph.Store { return openFreshEmptyStore(t) })
//	}
//
// open must return a fresh, empty store each call and arrange its cleanup with
// t.Cleanup. The suite checks every Store method against the semantics documented in
// graph/store.go and graph/assemble.go, with a hand-written fixture (Gaza1, Gaza2,
// Gaza3) whose expected answers are spelled out in the tests, and with generated
// corpora (GenerateArticles) checked against an independent model of the data. It
// also runs concurrent writers and readers: run it with -race.
package storetest

import (
	"context"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// Opener returns a fresh, empty store; it registers the store's cleanup on t.
type Opener func(t *testing.T) graph.Store

// Run runs the whole contract suite, one subtest per area, each on fresh stores.
func Run(t *testing.T, open func(t *testing.T) graph.Store) {
	o := Opener(open)
	t.Run("Fixture", func(t *testing.T) { testFixtureValid(t) })
	t.Run("PutArticle", func(t *testing.T) { testPutArticle(t, o) })
	t.Run("Invalid", func(t *testing.T) { testInvalid(t, o) })
	t.Run("Articles", func(t *testing.T) { testArticles(t, o) })
	t.Run("Claims", func(t *testing.T) { testClaims(t, o) })
	t.Run("SearchClaims", func(t *testing.T) { testSearchClaims(t, o) })
	t.Run("Agents", func(t *testing.T) { testAgents(t, o) })
	t.Run("Provenance", func(t *testing.T) { testProvenance(t, o) })
	t.Run("Contradictions", func(t *testing.T) { testContradictions(t, o) })
	t.Run("Subgraph", func(t *testing.T) { testSubgraph(t, o) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(t, o) })
	t.Run("Pagination", func(t *testing.T) { testPagination(t, o) })
	t.Run("Generated", func(t *testing.T) { testGenerated(t, o) })
	t.Run("Concurrency", func(t *testing.T) { testConcurrency(t, o) })
	t.Run("Batch", func(t *testing.T) { testBatch(t, o) })
	t.Run("Writer", func(t *testing.T) { testWriter(t, o) })
	t.Run("Audit", func(t *testing.T) { testAudit(t, o) })
	t.Run("Jobs", func(t *testing.T) { testJobs(t, o) })
	t.Run("Versions", func(t *testing.T) { testVersions(t, o) })
	t.Run("PatchArticle", func(t *testing.T) { testPatchArticle(t, o) })
	t.Run("WriteGuard", func(t *testing.T) { testWriteGuard(t, o) })
	t.Run("WriteGuardRace", func(t *testing.T) { testWriteGuardRace(t, o) })
	t.Run("Changes", func(t *testing.T) { testChanges(t, o) })
	t.Run("DeleteArticle", func(t *testing.T) { testDeleteArticle(t, o) })
	t.Run("DeleteRace", func(t *testing.T) { testDeleteRace(t, o) })
	t.Run("ScopedAgents", func(t *testing.T) { testScopedAgents(t, o) })
	t.Run("Retention", func(t *testing.T) { testRetention(t, o) })
	t.Run("DenseReplace", func(t *testing.T) { testDenseReplace(t, o) })
	t.Run("ReadsDuringReplace", func(t *testing.T) { testReadsDuringReplace(t, o) })
}

func ctx(t *testing.T) context.Context { return t.Context() }

// put writes g and requires success.
func put(t *testing.T, s graph.Store, g *graph.ArticleGraph) graph.WriteResult {
	t.Helper()
	res, err := s.PutArticle(ctx(t), g)
	require.NoError(t, err, "PutArticle %s", g.Article.ID)
	require.Equal(t, g.Article.ID, res.ArticleID)
	return res
}

// loaded opens a store holding the three fixture articles, written in order.
func loaded(t *testing.T, open Opener) graph.Store {
	t.Helper()
	s := open(t)
	for _, g := range Gaza() {
		res := put(t, s, g)
		require.True(t, res.Created)
	}
	return s
}

func stats(t *testing.T, s graph.Store) graph.Stats {
	t.Helper()
	st, err := s.Stats(ctx(t))
	require.NoError(t, err)
	return st
}

// requireCode fails unless err carries the code.
func requireCode(t *testing.T, err error, code string, msgAndArgs ...any) {
	t.Helper()
	require.Error(t, err, msgAndArgs...)
	require.Equal(t, code, graph.ErrorCode(err), append([]any{"error: %v"}, err)...)
}

func sorted(ids ...string) []string {
	out := append([]string{}, ids...)
	sort.Strings(out)
	return out
}

func claimIDs(items []graph.ClaimSummary) []string {
	out := []string{}
	for _, c := range items {
		out = append(out, c.Claim.ID)
	}
	return out
}

func agentIDs(items []graph.Agent) []string {
	out := []string{}
	for _, a := range items {
		out = append(out, a.ID)
	}
	return out
}

// canonicalStatement returns the statement with this claim from the fixture bundle,
// in canonical form: what a store must return.
func canonicalStatement(t *testing.T, g *graph.ArticleGraph, claimID string) graph.Statement {
	t.Helper()
	for _, s := range graph.Canonical(g).Statements {
		if s.ClaimID == claimID {
			return s
		}
	}
	t.Fatalf("fixture %s has no statement of %s", g.Article.ID, claimID)
	return graph.Statement{}
}

func canonicalDispute(t *testing.T, g *graph.ArticleGraph, kind graph.DisputeKind) graph.Dispute {
	t.Helper()
	for _, d := range graph.Canonical(g).Disputes {
		if d.Kind == kind {
			return d
		}
	}
	t.Fatalf("fixture %s has no %s dispute", g.Article.ID, kind)
	return graph.Dispute{}
}

func canonicalClaim(t *testing.T, g *graph.ArticleGraph, id string) graph.Claim {
	t.Helper()
	for _, c := range graph.Canonical(g).Claims {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("fixture %s has no claim %s", g.Article.ID, id)
	return graph.Claim{}
}

// The fixture's outlets and agents as stored after Gaza1, Gaza2 and Gaza3 are written
// in that order: the first outlet write kept, agents merged as MergeAgent says.
var (
	globalPost  = graph.Outlet{ID: OutletGlobalPost, Name: "Global Post", Domain: "globalpost.example"}
	dailyLedger = graph.Outlet{ID: OutletDailyLedger, Name: "Daily Ledger"}

	mergedAgents = map[string]graph.Agent{
		AgentHealthMinistry: {ID: AgentHealthMinistry, Kind: graph.KindOrganization, Name: "Gaza's Health Ministry",
			Aliases: []string{"the Health Ministry in Gaza", "the ministry"},
			Roles:   []string{"part of the Hamas-run government", "the Hamas-run health authority"}},
		AgentIsrael:          {ID: AgentIsrael, Kind: graph.KindCountry, Name: "Israel", Aliases: []string{"Israeli government"}},
		AgentIsraeliOfficial: {ID: AgentIsraeliOfficial, Kind: graph.KindGroup, Name: "Israeli officials"},
		AgentAP:              {ID: AgentAP, Kind: graph.KindOutlet, Name: "Associated Press", Aliases: []string{"AP", "the Associated Press"}},
		AgentAxios:           {ID: AgentAxios, Kind: graph.KindOutlet, Name: "Axios"},
		AgentReuters:         {ID: AgentReuters, Kind: graph.KindOutlet, Name: "Reuters"},
		AgentWaltz: {ID: AgentWaltz, Kind: graph.KindPerson, Name: "Mike Waltz", Aliases: []string{"Waltz"},
			Roles: []string{"Ambassador", "the U.S. ambassador to the United Nations"}},
		AgentUSOfficials: {ID: AgentUSOfficials, Kind: graph.KindGroup, Name: "U.S. officials"},
		AgentHamas:       {ID: AgentHamas, Kind: graph.KindOrganization, Name: "Hamas"},
		AgentUN:          {ID: AgentUN, Kind: graph.KindOrganization, Name: "United Nations", Aliases: []string{"UN", "the United Nations"}},
	}

	// fixtureStats is what the store holds after the three fixture articles: 6+2+2
	// agents, 4+1+2 claims, 4+2+3 statements, 1+2+0 disputes, 2 distinct links (article
	// 3 repeats article 2's), 5+5+5 mentions (article 2 names Hamas twice at one span).
	fixtureStats = graph.Stats{Articles: 3, Outlets: 2, Agents: 10, Claims: 7, Statements: 9, Disputes: 3, Links: 2, Mentions: 15}
)

func ref1() graph.ArticleRef {
	o := globalPost
	return graph.ArticleRef{ID: Article1, URL: URL1, Title: "U.S. circulates UN draft on a Gaza stabilization force", Outlet: &o,
		Authors: []string{"Jane Doe", "Omar Haddad"}, Published: graph.Date{Value: "2025-11-04", Precision: graph.PrecisionDay}}
}

func ref2() graph.ArticleRef {
	o := dailyLedger
	return graph.ArticleRef{ID: Article2, Title: "Toll disputed", Outlet: &o}
}

func ref3() graph.ArticleRef {
	o := globalPost
	return graph.ArticleRef{ID: Article3, URL: URL3, Title: "Ministry toll stands", Outlet: &o,
		Authors: []string{"Jane Doe"}, Published: graph.Date{Value: "2025-11", Precision: graph.PrecisionMonth}}
}

func agent(id string) graph.Agent { return mergedAgents[id] }

func agentPtr(id string) *graph.Agent { a := mergedAgents[id]; return &a }

func testFixtureValid(t *testing.T) {
	for _, g := range Gaza() {
		require.NoError(t, g.Validate(), g.Article.ID)
	}
	gen := GenerateArticles(40, 7)
	require.Len(t, gen, 40)
	for _, g := range gen {
		require.NoError(t, g.Validate(), g.Article.ID)
	}
	require.Equal(t, gen, GenerateArticles(40, 7), "GenerateArticles must be deterministic")
	require.NotEqual(t, gen[0].Article.ID, GenerateArticles(1, 8)[0].Article.ID)
}

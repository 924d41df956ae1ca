package neo4jstore

import (
	"context"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// scanOperators are plan operators that read every node of a label, every node, or
// every relationship of a type: a hot query must start from an index instead.
var scanOperators = []string{
	"NodeByLabelScan", "AllNodesScan",
	"DirectedRelationshipTypeScan", "UndirectedRelationshipTypeScan",
	"DirectedAllRelationshipsScan", "UndirectedAllRelationshipsScan",
}

// planOperators lists the operators of a plan tree, without their "@database" suffix.
func planOperators(p neo4j.Plan) []string {
	op, _, _ := strings.Cut(p.Operator(), "@")
	out := []string{op}
	for _, c := range p.Children() {
		out = append(out, planOperators(c)...)
	}
	return out
}

// explain returns the operators of the plan Neo4j makes for q.
func explain(t *testing.T, s *Store, q string, params map[string]any) []string {
	t.Helper()
	return planOperators(explainPlan(t, s, q, params))
}

// explainPlan returns the plan Neo4j makes for q.
func explainPlan(t *testing.T, s *Store, q string, params map[string]any) neo4j.Plan {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, "EXPLAIN "+q, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	require.NoError(t, err, q)
	require.NotNil(t, res.Summary.Plan(), q)
	return res.Summary.Plan()
}

// fullTextLookup is what the details of a plan's ProcedureCall operator say when it
// reads a full-text index (the index's name is a literal Neo4j turns into a parameter,
// so the plan does not show it).
const fullTextLookup = "db.index.fulltext.queryNodes("

// planDetails reports whether the details of an operator of the plan contain want.
func planDetails(p neo4j.Plan, want string) bool {
	if details, ok := p.Arguments()["Details"].(string); ok && strings.Contains(details, want) {
		return true
	}
	for _, c := range p.Children() {
		if planDetails(c, want) {
			return true
		}
	}
	return false
}

// TestHotQueryPlans checks the plan (EXPLAIN) of every query a read endpoint or a write
// runs: none scans a label, the whole graph or a relationship type. Plans depend on
// the data's statistics, so the store first holds a generated graph. (The text search
// for terms the full-text index cannot hold walks the claims in id order, filtering.)
func TestHotQueryPlans(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	gs := storetest.GenerateArticles(300, 3)
	_, err := s.PutArticles(ctx, gs)
	require.NoError(t, err)

	g := graph.Canonical(gs[0])
	claim, speaker := g.Statements[0].ClaimID, ""
	for _, st := range g.Statements {
		if st.SpeakerID != "" {
			speaker = st.SpeakerID
		}
	}
	word := graph.Words(g.Claims[0].Text)[0]
	yes := true
	id := map[string]any{"id": claim}
	type query struct {
		name   string
		cypher string
		params map[string]any
	}
	// mustUse says, by query name, what the details of an operator of the query's plan
	// must hold: the index lookup it must start from.
	mustUse := map[string]string{}
	queries := []query{
		{"article", cyArticle, map[string]any{"id": g.Article.ID}},
		{"article graph", cyArticleGraph, map[string]any{"id": g.Article.ID}},
		{"articles", cyArticles, map[string]any{"after": "", "outlet": "", "limit": int64(21)}},
		{"articles of an outlet", cyArticles, map[string]any{"after": "a_5", "outlet": g.Article.OutletID, "limit": int64(21)}},
		{"claim", cyClaim, id},
		{"provenance", cyProvenance, id},
		{"contradictions", cyContradictions, id},
		{"claims by counted", cyClaimsByCounted, map[string]any{"key": countedKey("people killed", "count"), "limit": int64(100)}},
		{"agent", cyAgent, map[string]any{"id": speaker}},
		{"agent claims", cyAgentClaims, map[string]any{"id": speaker, "after": "", "limit": int64(21)}},
		{"stats", cyStats, nil},
		{"lock articles", cyLockArticles, map[string]any{"ids": []string{g.Article.ID}}},
		{"drop a replaced article", cyDrop, map[string]any{"ids": []string{g.Article.ID}, "keep": []map[string]any{{"id": g.Article.ID, "links": []string{}}}}},
		{"lock agents", cyLockAgents, map[string]any{"ids": []string{speaker}}},
		{"sweep scoped agents", cySweepAgents, map[string]any{"ids": []string{speaker}}},
	}
	agentsQ, agentsP := agentSearch(graph.AgentQuery{}, "", 21)
	queries = append(queries, query{"agents", agentsQ, agentsP})
	for _, q := range []graph.AgentQuery{{Name: "health"}, {Name: "Health Ministry", Kind: graph.KindOrganization}} {
		for _, after := range []string{"", "ag_m"} {
			cypher, params := agentSearch(q, after, 21)
			name := "agents by name " + q.Name + " after " + after
			queries = append(queries, query{name, cypher, params})
			mustUse[name] = fullTextLookup
		}
	}
	rows := newRows()
	rows.addBundle(g)
	rows.add("agents", map[string]any{"id": speaker, "props": map[string]any{}})
	rows.add("aggregates", map[string]any{"id": claim})
	queries = append(queries, query{"write", cyWrite, rows.writeParams()})
	for label, cypher := range cySubgraphOf {
		queries = append(queries, query{"subgraph of " + label, cypher,
			map[string]any{"root": g.Article.ID, "depth": int64(3), "limit": int64(100)}})
	}
	queries = append(queries,
		query{"bulk text searches", cySearchTexts, map[string]any{
			"qs": []map[string]any{{"lucene": luceneAllTerms([]string{word}), "terms": []string{word}}}, "limit": int64(51)}},
		query{"agents by id", cyAgentsByID, map[string]any{"ids": []string{speaker, "ag_x"}}},
		query{"articles by id", cyArticlesByID, map[string]any{"ids": []string{g.Article.ID, "a_x"}}},
		query{"outlets by id", cyOutletsByID, map[string]any{"ids": []string{g.Article.OutletID, "o_x"}}},
		query{"agents by name", cyAgentsByName, map[string]any{"qs": []map[string]any{
			{"lucene": luceneAllTerms([]string{"health"}), "terms": []string{"health"}},
			{"lucene": luceneAllTerms([]string{"the", "ministry"}), "terms": []string{"the", "ministry"}}}, "limit": int64(51)}},
		query{"claims by counted keys", cyClaimsByCountedMany, map[string]any{
			"keys": []string{countedKey("people killed", "count")}, "limit": int64(50)}})
	searches := []struct {
		name string
		q    graph.ClaimQuery
	}{
		{"everything", graph.ClaimQuery{}},
		{"everything by statements", graph.ClaimQuery{Sort: graph.SortByStatements}},
		{"text", graph.ClaimQuery{Text: word}},
		{"text by statements", graph.ClaimQuery{Text: word, Sort: graph.SortByStatements}},
		{"speaker", graph.ClaimQuery{SpeakerID: speaker}},
		{"article", graph.ClaimQuery{ArticleID: g.Article.ID}},
		{"outlet", graph.ClaimQuery{OutletID: g.Article.OutletID}},
		{"disputed", graph.ClaimQuery{Disputed: &yes}},
		{"with quantity by statements", graph.ClaimQuery{HasQuantity: &yes, Sort: graph.SortByStatements}},
		{"text, speaker, disputed", graph.ClaimQuery{Text: word, SpeakerID: speaker, Disputed: &yes}},
	}
	for _, sc := range searches {
		for _, cur := range []graph.Cursor{{}, {Key: claim, N: 2}} {
			for _, gap := range []bool{false, true} {
				cypher, params := claimSearch(sc.q, cur, 20, gap)
				name := "search " + sc.name
				if cur.Key != "" {
					name += " (next page)"
				}
				if gap {
					name += " (split switch)"
				}
				queries = append(queries, query{name, cypher, params})
			}
		}
	}

	mustUse["agents by name"] = fullTextLookup
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			plan := explainPlan(t, s, q.cypher, q.params)
			ops := planOperators(plan)
			for _, bad := range scanOperators {
				assert.NotContains(t, ops, bad, "plan: %v\nquery:\n%s", ops, q.cypher)
			}
			if want := mustUse[q.name]; want != "" {
				assert.True(t, planDetails(plan, want), "the plan does not call %s: %v\nquery:\n%s", want, ops, q.cypher)
			}
		})
	}
	t.Run("an index not used is caught", func(t *testing.T) {
		cypher, params := agentSearch(graph.AgentQuery{}, "", 21)
		assert.False(t, planDetails(explainPlan(t, s, cypher, params), fullTextLookup))
	})

	t.Run("a scan is caught", func(t *testing.T) {
		ops := explain(t, s, `MATCH (c:Claim) WHERE c.words CONTAINS $w RETURN count(c)`, map[string]any{"w": word})
		assert.Contains(t, ops, "NodeByLabelScan")
	})
}

// dbHits runs q with PROFILE and returns the database hits of its whole plan: what it
// read and wrote in the store.
func dbHits(t *testing.T, s *Store, q string, params map[string]any) int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.driver, "PROFILE "+q, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db))
	require.NoError(t, err, q)
	require.NotNil(t, res.Summary.Profile(), q)
	var sum func(p neo4j.ProfiledPlan) int64
	sum = func(p neo4j.ProfiledPlan) int64 {
		n := p.DbHits()
		for _, c := range p.Children() {
			n += sum(c)
		}
		return n
	}
	return sum(res.Summary.Profile())
}

// An agent name search reads the agents its index lookup finds, not every agent: its
// database hits stay far below the agents stored, while the walk through every agent
// (the search the index cannot express) reads each of them at least once.
func TestAgentNameSearchReadsOnlyItsMatches(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	gs := storetest.GenerateArticles(300, 5)
	_, err := s.PutArticles(ctx, gs)
	require.NoError(t, err)
	stats, err := s.Stats(ctx)
	require.NoError(t, err)
	require.Greater(t, stats.Agents, 300, "enough agents for a scan to show")

	names := []string{gs[0].Agents[0].Name, gs[1].Agents[0].Name, "Wire Agency 1"}
	var qs []map[string]any
	for _, n := range names {
		terms := graph.QueryTerms(n)
		qs = append(qs, map[string]any{"lucene": luceneAllTerms(terms), "terms": terms})
	}
	hits := dbHits(t, s, cyAgentsByName, map[string]any{"qs": qs, "limit": int64(51)})
	t.Logf("%d agents; %d names searched with %d db hits", stats.Agents, len(names), hits)
	assert.Less(t, hits, int64(stats.Agents)/4, "the bulk name search reads few agents")
	for _, n := range names {
		cypher, params := agentSearch(graph.AgentQuery{Name: n}, "", 21)
		hits := dbHits(t, s, cypher, params)
		assert.Less(t, hits, int64(stats.Agents)/10, "the name search for %q reads few agents", n)
	}

	// the control: a walk through every agent is caught by the same measure
	cypher, params := agentSearch(graph.AgentQuery{Name: strings.Repeat("y", 300)}, "", 21)
	require.False(t, planDetails(explainPlan(t, s, cypher, params), fullTextLookup))
	assert.GreaterOrEqual(t, dbHits(t, s, cypher, params), int64(stats.Agents))
}

package neo4jstore

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// answers is every read answer of a store that the per-claim aggregates and the
// quantity keys feed, for comparing a store before and after a migration.
type answers struct {
	Stats          graph.Stats
	Searches       []graph.Page[graph.ClaimSummary]
	AgentClaims    []graph.Page[graph.ClaimSummary]
	Provenance     []*graph.Provenance
	Contradictions []*graph.Contradictions
	Counted        [][]graph.Claim
	AgentSearches  []graph.Page[graph.Agent]
	AgentsByName   []graph.Page[graph.Agent]
}

// agentNames are name searches of the fixture's agents: whole names, single words, an
// alias's words, words of two different names of one agent ("s" of "Gaza's Health
// Ministry" and "in" of "the Health Ministry in Gaza": no match), a word no agent has,
// a term too long for the full-text index, and no terms at all.
var agentNames = []string{"Gaza's Health Ministry", "ministry", "the ministry", "health ministry gaza", "Israel",
	"government", "AP", "the Associated Press", "U.S.", "s in", "nobody", strings.Repeat("y", 300), ""}

func readAnswers(t *testing.T, s *Store, claims, agents []string, quantities []graph.Quantity) answers {
	t.Helper()
	ctx := context.Background()
	var a answers
	var err error
	a.Stats, err = s.Stats(ctx)
	require.NoError(t, err)
	yes, no := true, false
	for _, q := range []graph.ClaimQuery{
		{}, {Sort: graph.SortByStatements}, {Text: "palestinians"}, {Disputed: &yes}, {Disputed: &no},
		{OutletID: storetest.OutletDailyLedger}, {SpeakerID: storetest.AgentHealthMinistry, ArticleID: storetest.Article1},
		{HasQuantity: &yes, Sort: graph.SortByStatements},
		{Text: strings.Repeat("y", 300)}, {Text: strings.Repeat("y", 255)}, {Text: strings.Repeat("y", 45) + " word"},
	} {
		p, err := s.SearchClaims(ctx, q)
		require.NoError(t, err)
		a.Searches = append(a.Searches, p)
	}
	for _, id := range agents {
		p, err := s.AgentClaims(ctx, id, graph.PageRequest{})
		require.NoError(t, err)
		a.AgentClaims = append(a.AgentClaims, p)
	}
	for _, id := range claims {
		p, err := s.Provenance(ctx, id)
		require.NoError(t, err)
		c, err := s.Contradictions(ctx, id)
		require.NoError(t, err)
		a.Provenance, a.Contradictions = append(a.Provenance, p), append(a.Contradictions, c)
	}
	for _, n := range agentNames {
		p, err := s.Agents(ctx, graph.AgentQuery{Name: n, Page: graph.PageRequest{Limit: 2}})
		require.NoError(t, err)
		a.AgentSearches = append(a.AgentSearches, p)
	}
	a.AgentsByName, err = s.AgentsByName(ctx, agentNames, 2)
	require.NoError(t, err)
	for _, q := range quantities {
		cs, err := s.ClaimsByCounted(ctx, q.Counted, q.Unit, 0)
		require.NoError(t, err)
		a.Counted = append(a.Counted, cs)
	}
	return a
}

// downgrade turns a current store into one written at schema version 2 (no agent name
// index), or 1 (nor a version node, per-claim aggregates or quantity-key nodes).
func downgrade(t *testing.T, s *Store, version int) {
	t.Helper()
	qs := []string{`DROP INDEX ` + cyAgentNameIndex + ` IF EXISTS`}
	if version == 1 {
		qs = append(qs,
			`MATCH (c:Claim) REMOVE c.n_statements, c.n_disputes, c.speaker_ids, c.article_ids, c.outlet_ids, c.disputer_ids, c.long_words`,
			`MATCH (k:`+labelCounted+`) DETACH DELETE k`,
			`MATCH (v:`+labelSchema+`) DELETE v`)
	} else {
		qs = append(qs, `MATCH (v:`+labelSchema+`) SET v.version = 2`)
	}
	for _, q := range qs {
		_, err := s.writeQuery(context.Background(), q, nil)
		require.NoError(t, err)
	}
}

// agentNameIndexExists reports whether the store has the agent name index.
func agentNameIndexExists(t *testing.T, s *Store) bool {
	t.Helper()
	recs, err := s.query(context.Background(), `SHOW FULLTEXT INDEXES YIELD name WHERE name = $name RETURN count(*)`,
		map[string]any{"name": cyAgentNameIndex})
	require.NoError(t, err)
	n, _ := recs[0].Values[0].(int64)
	return n == 1
}

// TestMigrate writes the fixture, takes the store back to an older schema version,
// and checks that New refuses it (building no index over it), that Migrate upgrades
// it without losing anything, and that it then gives the answers it gave before.
func TestMigrate(t *testing.T) {
	for _, from := range []int{1, 2} {
		t.Run(fmt.Sprintf("from version %d", from), func(t *testing.T) {
			s := newTestStore(t)
			ctx := context.Background()
			cfg := s.Config()
			claims, agents := map[string]bool{}, map[string]bool{}
			var quantities []graph.Quantity
			for _, g := range storetest.Gaza() {
				_, err := s.PutArticle(ctx, g)
				require.NoError(t, err)
				for _, c := range g.Claims {
					claims[c.ID] = true
					quantities = append(quantities, c.Quantities...)
				}
				for _, a := range g.Agents {
					agents[a.ID] = true
				}
			}
			long := strings.Repeat("y", 300)
			lg, lc := longWordArticle(long)
			_, err := s.PutArticle(ctx, lg)
			require.NoError(t, err)
			claims[lc.ID] = true
			require.NotEmpty(t, quantities)
			want := readAnswers(t, s, keys(claims), keys(agents), quantities)
			require.NotEmpty(t, want.AgentsByName[0].Items, "the fixture's agents are found by name")

			downgrade(t, s, from)
			v, err := s.version(ctx)
			require.NoError(t, err)
			assert.Equal(t, from, v)
			require.False(t, agentNameIndexExists(t, s))

			_, err = New(ctx, cfg)
			require.Error(t, err)
			assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
			assert.Contains(t, err.Error(), "claimgraph migrate")
			assert.False(t, agentNameIndexExists(t, s), "New refuses an old store before building indexes over it")

			res, err := Migrate(ctx, cfg)
			require.NoError(t, err)
			assert.Equal(t, from, res.From)
			assert.Equal(t, SchemaVersion, res.To)
			assert.Len(t, res.Steps, SchemaVersion-from)
			assert.True(t, agentNameIndexExists(t, s))

			s2, err := New(ctx, cfg)
			require.NoError(t, err)
			defer s2.Close(ctx)
			got := readAnswers(t, s2, keys(claims), keys(agents), quantities)
			assert.Equal(t, want, got)

			res, err = Migrate(ctx, cfg)
			require.NoError(t, err)
			assert.Equal(t, MigrateResult{From: SchemaVersion, To: SchemaVersion, Steps: []string{}}, res, "a current store: nothing to do")
		})
	}
}

func TestVersionChecks(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	v, err := s.version(ctx)
	require.NoError(t, err)
	assert.Equal(t, SchemaVersion, v, "an emptied store is stamped current")

	require.NoError(t, s.setVersion(ctx, SchemaVersion+1))
	_, err = New(ctx, s.Config())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "newer than this claimgraph")
	_, err = Migrate(ctx, s.Config())
	require.Error(t, err)

	// An empty database without a version node is new: stamped, not migrated.
	_, err = s.writeQuery(ctx, `MATCH (v:`+labelSchema+`) DELETE v`, nil)
	require.NoError(t, err)
	res, err := Migrate(ctx, s.Config())
	require.NoError(t, err)
	assert.Equal(t, MigrateResult{From: SchemaVersion, To: SchemaVersion, Steps: []string{}}, res)
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return sortedDistinct(out)
}

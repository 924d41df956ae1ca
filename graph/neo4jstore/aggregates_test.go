package neo4jstore

import (
	"context"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph/storetest"
)

// cyAggregatesPerWalk computes the per-claim aggregates as the writes did before
// cyAggregates walked a claim's statements once: a walk of its statements (or
// disputes) per aggregate, each list sorted by its own subquery. The test keeps it as
// the reference of what the aggregates mean, and as the control of the cost measure.
const cyAggregatesPerWalk = `
  SET c.n_statements = COUNT { (c)<-[:OF_CLAIM]-(:Statement) },
      c.n_disputes = COUNT { (c)<-[:DISPUTES]-(:Dispute) },
      c.speaker_ids = COLLECT { MATCH (c)<-[:OF_CLAIM]-(s:Statement) WHERE s.speaker_id IS NOT NULL
                                RETURN DISTINCT s.speaker_id AS x ORDER BY x },
      c.article_ids = COLLECT { MATCH (c)<-[:OF_CLAIM]-(s:Statement) RETURN DISTINCT s.article_id AS x ORDER BY x },
      c.outlet_ids = COLLECT { MATCH (c)<-[:OF_CLAIM]-(:Statement)-[:IN_ARTICLE]->(:Article)-[:PUBLISHED_BY]->(o:Outlet)
                               RETURN DISTINCT o.id AS x ORDER BY x },
      c.disputer_ids = COLLECT { MATCH (c)<-[:DISPUTES]-(d:Dispute) RETURN DISTINCT d.disputer_id AS x ORDER BY x }
`

const cyReadAggregates = `MATCH (c:Claim)
RETURN c.id AS id, [c.n_statements, c.n_disputes, c.speaker_ids, c.article_ids, c.outlet_ids, c.disputer_ids] AS agg
ORDER BY id`

// The one-pass aggregates (cyAggregates) are what the walk per aggregate gave, on a
// generated corpus with shared claims, several outlets, disputes and speakerless
// statements, and they read the store less: the refresh of every claim costs fewer
// database hits than the walks per aggregate.
func TestAggregatesOnePassSameAsPerWalk(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	_, err := s.PutArticles(ctx, storetest.GenerateArticles(120, 11))
	require.NoError(t, err)

	read := func() map[string]any {
		t.Helper()
		res, err := neo4j.ExecuteQuery(ctx, s.driver, cyReadAggregates, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db))
		require.NoError(t, err)
		out := map[string]any{}
		for _, r := range res.Records {
			out[r.Values[0].(string)] = r.Values[1]
		}
		return out
	}
	written := read()
	require.Greater(t, len(written), 100)
	var shared, disputed int
	for _, v := range written {
		agg := v.([]any)
		if agg[0].(int64) > 1 {
			shared++
		}
		if agg[1].(int64) > 0 {
			disputed++
		}
	}
	require.Positive(t, shared, "claims stated in several articles")
	require.Positive(t, disputed, "disputed claims")

	var ids []string
	for id := range written {
		ids = append(ids, id)
	}
	refresh := func(aggregates string) int64 {
		q := `UNWIND $ids AS id MATCH (c:Claim {id: id})` + aggregates
		return dbHits(t, s, q, map[string]any{"ids": ids})
	}
	perWalk := refresh(cyAggregatesPerWalk)
	assert.Equal(t, written, read(), "the aggregates the writes set are the walks' per aggregate")
	onePass := refresh(cyAggregates)
	assert.Equal(t, written, read(), "a refresh from scratch changes nothing")
	t.Logf("refreshing %d claims: %d db hits in one pass, %d with a walk per aggregate", len(ids), onePass, perWalk)
	assert.Less(t, onePass, perWalk, "one pass reads the store less")
}

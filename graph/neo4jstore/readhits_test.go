package neo4jstore

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// The provenance and contradictions queries as they were before each part of the
// answer was read from lists found once: a walk from the claim per part. Kept here as
// the reference the current queries are measured against.
const (
	cyProvenanceWalkPerPart = `MATCH (c:Claim {id: $id})
RETURN ` + claimProjection + ` AS claim,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(s:Statement) RETURN s } AS statements,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(:Statement)-[:IN_ARTICLE]->(a:Article)
            WITH DISTINCT a RETURN ` + refProjection + ` } AS refs,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(:Statement)-[:SAID_BY|VIA]->(g:Agent)
            WITH DISTINCT g RETURN ` + agentProjection + ` } AS agents`
)

var cyContradictionsWalkPerPart = `MATCH (c:Claim {id: $id})
WITH c, [(c)-[:CONFLICTS_WITH|CORROBORATES]-(o:Claim) | o] AS related
RETURN ` + claimProjection + ` AS claim,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(s:Statement)-[:IN_ARTICLE]->(a:Article) RETURN {s: s, hash: a.content_hash} } AS statements,
  COLLECT { MATCH (c)<-[:DISPUTES]-(d:Dispute) RETURN d } AS disputes,
  COLLECT { MATCH (c)-[l:CONFLICTS_WITH|CORROBORATES]-(:Claim) RETURN l } AS links,
  [o IN related | ` + summaryProjection("o") + `] AS related,
  COLLECT { CALL (c, related) {
              MATCH (c)<-[:DISPUTES]-(:Dispute)-[:DISPUTED_BY|TARGETS]->(g:Agent) RETURN g
              UNION
              UNWIND related AS o UNWIND o.speaker_ids AS x MATCH (g:Agent {id: x}) RETURN g
            }
            RETURN ` + agentProjection + ` } AS agents,
  COLLECT { CALL (c, related) {
              MATCH (c)<-[:DISPUTES]-(:Dispute)-[:DISPUTE_IN]->(a:Article) RETURN a
              UNION
              UNWIND related AS o UNWIND o.article_ids AS x MATCH (a:Article {id: x}) RETURN a
            }
            RETURN ` + refProjection + ` } AS refs`

// TestReadQueriesFewerDBHits profiles the provenance and contradictions queries on
// the claims of a generated graph (stated several times, disputed, linked) beside the
// walk-per-part forms they replaced: the same answers (the store's own tests check
// those) for fewer database hits in all. It logs both sums.
func TestReadQueriesFewerDBHits(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	gs := storetest.GenerateArticles(200, 7)
	_, err := s.PutArticles(ctx, gs)
	require.NoError(t, err)

	// the claims of the first bundles, and the disputed and linked ones among all
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if id != "" && !seen[id] && len(ids) < 120 {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, g := range gs {
		c := graph.Canonical(g)
		for _, d := range c.Disputes {
			add(d.ClaimID)
		}
		for _, l := range c.Links {
			add(l.From)
		}
	}
	for _, g := range gs[:10] {
		for _, c := range graph.Canonical(g).Claims {
			add(c.ID)
		}
	}
	require.NotEmpty(t, ids)

	for _, q := range []struct {
		name       string
		now, walks string
	}{
		{"provenance", cyProvenance, cyProvenanceWalkPerPart},
		{"contradictions", cyContradictions, cyContradictionsWalkPerPart},
	} {
		var now, walks int64
		for _, id := range ids {
			p := map[string]any{"id": id}
			now += dbHits(t, s, q.now, p)
			walks += dbHits(t, s, q.walks, p)
		}
		t.Logf("%s of %d claims: %d db hits, %d with a walk per part", q.name, len(ids), now, walks)
		assert.Less(t, now, walks, q.name)
	}
}

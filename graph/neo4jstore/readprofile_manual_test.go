package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/require"
)

// The provenance and contradictions queries as they were before they returned projected
// maps: whole statement, dispute and link values, and article refs with their content
// hash. Kept as the reference TestReadProfileManual compares the current ones with.
const (
	refProjectionWithHash = `{a: a{.id, .url, .title, .outlet_id, .authors, .published, .published_precision, .content_hash},
                        o: [(a)-[:PUBLISHED_BY]->(o:Outlet) | o{.id, .name, .domain}][0]}`
	cyProvenanceWholeNodes = `MATCH (c:Claim {id: $id})
WITH c, COLLECT { MATCH (c)<-[:OF_CLAIM]-(s:Statement) RETURN s } AS statements
RETURN ` + claimProjection + ` AS claim, statements,
  COLLECT { UNWIND statements AS s MATCH (s)-[:IN_ARTICLE]->(a:Article)
            WITH DISTINCT a RETURN ` + refProjectionWithHash + ` } AS refs,
  COLLECT { UNWIND statements AS s MATCH (s)-[:SAID_BY|VIA]->(g:Agent)
            WITH DISTINCT g RETURN ` + agentProjection + ` } AS agents`
)

var cyContradictionsWholeNodes = `MATCH (c:Claim {id: $id})
WITH c, [(c)-[l:CONFLICTS_WITH|CORROBORATES]-(o:Claim) | {l: l, o: o}] AS pairs,
  COLLECT { MATCH (c)<-[:DISPUTES]-(d:Dispute) RETURN d } AS disputes
WITH c, [x IN pairs | x.l] AS links, [x IN pairs | x.o] AS related, disputes
RETURN ` + claimProjection + ` AS claim,
  COLLECT { MATCH (c)<-[:OF_CLAIM]-(s:Statement)-[:IN_ARTICLE]->(a:Article) RETURN {s: s, hash: a.content_hash} } AS statements,
  disputes,
  links,
  [o IN related | ` + summaryProjection("o") + `] AS related,
  COLLECT { CALL (disputes, related) {
              UNWIND disputes AS d MATCH (d)-[:DISPUTED_BY|TARGETS]->(g:Agent) RETURN g
              UNION
              UNWIND related AS o UNWIND o.speaker_ids AS x MATCH (g:Agent {id: x}) RETURN g
            }
            RETURN ` + agentProjection + ` } AS agents,
  COLLECT { CALL (disputes, related) {
              UNWIND disputes AS d MATCH (d)-[:DISPUTE_IN]->(a:Article) RETURN a
              UNION
              UNWIND related AS o UNWIND o.article_ids AS x MATCH (a:Article {id: x}) RETURN a
            }
            RETURN ` + refProjectionWithHash + ` } AS refs`

// TestReadProfileManual profiles the provenance and contradictions queries on a store
// that already holds data (the API bench's: `make bench-api` keeps a server it did not
// start running) and logs, per query, the database hits and the server's time summed
// by plan operator. It never writes. It runs only with CLAIMGRAPH_PROFILE_READS set to
// the number of claims to profile (a manual check).
func TestReadProfileManual(t *testing.T) {
	n := 0
	if _, err := fmt.Sscan(os.Getenv("CLAIMGRAPH_PROFILE_READS"), &n); err != nil || n <= 0 {
		t.Skip("set CLAIMGRAPH_PROFILE_READS=N (and NEO4J_URI of a filled store) to profile the read queries on N claims")
	}
	ctx := context.Background()
	s, err := New(ctx, testConfig(t))
	require.NoError(t, err)
	defer s.Close(ctx)
	ids := func(q string) []string {
		res, err := neo4j.ExecuteQuery(ctx, s.driver, q, map[string]any{"n": n}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		require.NoError(t, err)
		var out []string
		for _, r := range res.Records {
			out = append(out, r.Values[0].(string))
		}
		return out
	}
	all := ids(`MATCH (c:Claim) WHERE c.n_statements > 0 RETURN c.id SKIP 1000 LIMIT $n`)
	disputed := ids(`MATCH (c:Claim) WHERE c.n_disputes > 0 OR EXISTS { (c)-[:CONFLICTS_WITH|CORROBORATES]-() } RETURN c.id LIMIT $n`)
	for _, q := range []struct {
		name, cypher string
		ids          []string
	}{
		{"provenance, whole nodes (before)", cyProvenanceWholeNodes, all},
		{"provenance", cyProvenance, all},
		{"contradictions, whole nodes (before)", cyContradictionsWholeNodes, disputed},
		{"contradictions", cyContradictions, disputed},
	} {
		hits := map[string]int64{}
		var total int64
		var wall time.Duration
		for _, id := range q.ids {
			start := time.Now()
			res, err := neo4j.ExecuteQuery(ctx, s.driver, "PROFILE "+q.cypher, map[string]any{"id": id}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
			wall += time.Since(start)
			require.NoError(t, err)
			var walk func(p neo4j.ProfiledPlan)
			walk = func(p neo4j.ProfiledPlan) {
				hits[p.Operator()] += p.DbHits()
				total += p.DbHits()
				for _, c := range p.Children() {
					walk(c)
				}
			}
			walk(res.Summary.Profile())
		}
		// the same queries without PROFILE, one after the other: client wall time and
		// this process's allocations (the driver's decoding of the answer) per query
		var ms0, ms1 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		start := time.Now()
		for _, id := range q.ids {
			_, err := neo4j.ExecuteQuery(ctx, s.driver, q.cypher, map[string]any{"id": id}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
			require.NoError(t, err)
		}
		plain := time.Since(start)
		runtime.ReadMemStats(&ms1)
		k := max(len(q.ids), 1)
		t.Logf("%s: %d claims, %d db hits (%.1f a claim), %s a query (client wall, PROFILE on); without PROFILE %s and %.0f allocations (%.1f KB) a query",
			q.name, len(q.ids), total, float64(total)/float64(k), wall/time.Duration(k),
			plain/time.Duration(k), float64(ms1.Mallocs-ms0.Mallocs)/float64(k), float64(ms1.TotalAlloc-ms0.TotalAlloc)/float64(k)/1024)
		ops := make([]string, 0, len(hits))
		for op := range hits {
			ops = append(ops, op)
		}
		sort.Slice(ops, func(i, j int) bool { return hits[ops[i]] > hits[ops[j]] })
		for _, op := range ops {
			if hits[op] > 0 {
				t.Logf("  %-40s %8d", op, hits[op])
			}
		}
	}
}

package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/require"
)

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
	}{{"provenance", cyProvenance, all}, {"contradictions", cyContradictions, disputed}} {
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
		t.Logf("%s: %d claims, %d db hits (%.1f a claim), %s a query (client wall, PROFILE on)", q.name, len(q.ids), total, float64(total)/float64(max(len(q.ids), 1)), wall/time.Duration(max(len(q.ids), 1)))
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

package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
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
` + contradictionsNamed(refProjectionWithHash)

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
	queries := []struct {
		name, cypher string
		ids          []string
	}{
		{"floor: RETURN $id, no graph read", `RETURN $id AS id`, all},
		{"provenance, whole nodes (before)", cyProvenanceWholeNodes, all},
		{"provenance, maps (before rows)", cyProvenanceMaps, all},
		{"provenance", cyProvenance, all},
		{"contradictions, whole nodes (before)", cyContradictionsWholeNodes, disputed},
		{"contradictions, maps (before rows)", cyContradictionsMaps, disputed},
		{"contradictions", cyContradictions, disputed},
	}
	for _, q := range queries {
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
		k := max(len(q.ids), 1)
		t.Logf("%s: %d claims, %d db hits (%.1f a claim), %s a query (client wall, PROFILE on)",
			q.name, len(q.ids), total, float64(total)/float64(k), wall/time.Duration(k))
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
	// The same queries without PROFILE, one after the other, in rounds that take the
	// queries in turn (so that a change of the machine's load falls on all of them):
	// the median client wall time a query, the Neo4j server's CPU time a query (from
	// /proc, with CLAIMGRAPH_PROFILE_SERVER_PID), and this process's allocations (the
	// driver's decoding of the answer), run as ExecuteQuery's managed transaction
	// (BEGIN, RUN, PULL, then COMMIT) and as one auto-commit round trip (autoCommitRead).
	pid := os.Getenv("CLAIMGRAPH_PROFILE_SERVER_PID")
	serverCPU := func() time.Duration {
		b, err := os.ReadFile("/proc/" + pid + "/stat")
		if pid == "" || err != nil {
			return 0
		}
		f := strings.Fields(string(b)[strings.LastIndexByte(string(b), ')')+2:])
		var u, st int64
		fmt.Sscan(f[11], &u)
		fmt.Sscan(f[12], &st)
		return time.Duration(u+st) * 10 * time.Millisecond // clock ticks of 100 Hz
	}
	type mode struct {
		name string
		run  func(q, id string) error
	}
	modes := []mode{
		{"managed", func(q, id string) error {
			_, err := neo4j.ExecuteQuery(ctx, s.driver, q, map[string]any{"id": id}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
			return err
		}},
		{"auto-commit", func(q, id string) error { _, err := s.autoCommitRead(ctx, q, map[string]any{"id": id}); return err }},
	}
	const rounds = 5
	walls := map[string][]time.Duration{}
	cpus := map[string]time.Duration{}
	allocs := map[string]uint64{}
	counts := map[string]int{}
	for range rounds {
		for _, q := range queries {
			for _, m := range modes {
				key := q.name + ", " + m.name
				var ms0, ms1 runtime.MemStats
				runtime.ReadMemStats(&ms0)
				c0, start := serverCPU(), time.Now()
				for _, id := range q.ids {
					require.NoError(t, m.run(q.cypher, id))
				}
				walls[key] = append(walls[key], time.Since(start)/time.Duration(max(len(q.ids), 1)))
				cpus[key] += serverCPU() - c0
				runtime.ReadMemStats(&ms1)
				allocs[key] += ms1.Mallocs - ms0.Mallocs
				counts[key] += len(q.ids)
			}
		}
	}
	for _, q := range queries {
		for _, m := range modes {
			key := q.name + ", " + m.name
			w := walls[key]
			sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
			k := max(counts[key], 1)
			t.Logf("%-52s median %8s a query (wall), server CPU %6.0f µs a query, %5.0f allocations a query",
				key, w[len(w)/2].Round(time.Microsecond), float64(cpus[key].Microseconds())/float64(k), float64(allocs[key])/float64(k))
		}
	}
}

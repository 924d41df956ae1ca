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

	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestWriteProfileManual writes N generated articles (CLAIMGRAPH_PROFILE_WRITES=N) into
// an emptied test store in batches of 16, as ingest does, with every run of the write
// statement under PROFILE, and logs its database hits and server time summed by plan
// operator. A manual check (it empties the database of NEO4J_URI).
func TestWriteProfileManual(t *testing.T) {
	n := 0
	if _, err := fmt.Sscan(os.Getenv("CLAIMGRAPH_PROFILE_WRITES"), &n); err != nil || n <= 0 {
		t.Skip("set CLAIMGRAPH_PROFILE_WRITES=N to profile the write statement over N generated articles")
	}
	s := newTestStore(t)
	ctx := context.Background()
	hits, times := map[string]int64{}, map[string]int64{}
	var total, runs int64
	var walk func(p neo4j.ProfiledPlan)
	walk = func(p neo4j.ProfiledPlan) {
		hits[p.Operator()] += p.DbHits()
		times[p.Operator()] += p.Time()
		total += p.DbHits()
		for _, c := range p.Children() {
			walk(c)
		}
	}
	profileWrite = func(p neo4j.ProfiledPlan) { runs++; walk(p) }
	defer func() { profileWrite = nil }()
	gs := storetest.GenerateArticles(n, 3)
	start := time.Now()
	for i := 0; i < len(gs); i += 16 {
		_, err := s.PutArticles(ctx, gs[i:min(i+16, len(gs))])
		require.NoError(t, err)
	}
	t.Logf("%d articles, %d write statements, %d db hits (%.1f an article), %s in all (PROFILE on)",
		len(gs), runs, total, float64(total)/float64(len(gs)), time.Since(start).Round(time.Millisecond))
	ops := make([]string, 0, len(hits))
	for op := range hits {
		ops = append(ops, op)
	}
	sort.Slice(ops, func(i, j int) bool { return hits[ops[i]] > hits[ops[j]] })
	for _, op := range ops {
		if hits[op] > 0 {
			t.Logf("  %-45s %8d hits %8.1f ms", op, hits[op], float64(times[op])/1e6)
		}
	}
}

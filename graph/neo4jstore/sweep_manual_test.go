package neo4jstore

import (
	"fmt"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/require"
)

// TestSweepCostManual times the orphan sweep (cySweep) as a replacement by a version
// with all-new claims runs it: n claims of the replaced version left without
// statements, and the new version's article node listing n other claims, for growing
// n up to the densest article's. Its article-list filters (`x IN gone` for each of the
// n listed claims) would cost the square of n if Neo4j scanned the list for each
// lookup; the time per claim stays flat, so it does not. It runs only with
// CLAIMGRAPH_SWEEP_COST set (a measurement, not a check).
func TestSweepCostManual(t *testing.T) {
	if os.Getenv("CLAIMGRAPH_SWEEP_COST") == "" {
		t.Skip("set CLAIMGRAPH_SWEEP_COST=1 to time the orphan sweep for growing numbers of claims")
	}
	s := newTestStore(t)
	ctx := t.Context()
	for _, n := range []int{2000, 4000, 8000, 16000, 32000, 42221} {
		require.NoError(t, s.DeleteAll(ctx))
		require.NoError(t, s.autoCommit(ctx, `UNWIND range(1, $n) AS i CREATE (:Claim {id: 'c_old_' + i})`, map[string]any{"n": n}))
		require.NoError(t, s.autoCommit(ctx, `CREATE (:Article {id: 'a_x', bundle_claims: [i IN range(1, $n) | 'c_new_' + i]})`, map[string]any{"n": n}))
		ids := make([]string, n)
		for i := range ids {
			ids[i] = fmt.Sprintf("c_old_%d", i+1)
		}
		sort.Strings(ids)
		sess := s.session(ctx, neo4j.AccessModeWrite)
		start := time.Now()
		_, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (struct{}, error) {
			return struct{}{}, sweepIDs(ctx, tx, ids)
		})
		d := time.Since(start)
		_ = sess.Close(ctx)
		require.NoError(t, err)
		st, err := s.Stats(ctx)
		require.NoError(t, err)
		require.Zero(t, st.Claims, "every orphan swept")
		t.Logf("n=%6d claims: sweep %8s, %7.1f µs a claim", n, d.Round(time.Millisecond), float64(d.Microseconds())/float64(n))
	}
}

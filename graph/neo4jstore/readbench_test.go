package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/require"
)

// BenchmarkAnswers measures the two hot reads (Provenance and Contradictions, the answer
// cache off) on a store that already holds data, such as the API bench's (`make
// bench-api` fills one): it never writes and never empties the database, so it runs
// only with CLAIMGRAPH_BENCH_FILLED=1 (and NEO4J_URI). Each op is one store call on a
// claim drawn from 2,000 stored ones; "serial" runs one call at a time, "parallel" 50
// goroutines at once (as the API bench's clients). Beside ns/op and allocs/op it
// reports this process's CPU per call (cpu-µs/op: the driver's decoding and the
// answer's assembly) and, with CLAIMGRAPH_BENCH_SERVER_PID set to the Neo4j server's
// pid, the server's (server-cpu-µs/op, from /proc). Profile the Go side with
// -cpuprofile and -memprofile. It prints figures and asserts none.
func BenchmarkAnswers(b *testing.B) {
	if os.Getenv("CLAIMGRAPH_BENCH_FILLED") == "" {
		b.Skip("set CLAIMGRAPH_BENCH_FILLED=1 and NEO4J_URI of a filled store (it is read, never written)")
	}
	ctx := context.Background()
	cfg := testConfig(b)
	cfg.AnswerCacheTTL = -1
	s, err := New(ctx, cfg)
	require.NoError(b, err)
	b.Cleanup(func() { _ = s.Close(ctx) })
	ids := func(q string) []string {
		res, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
		require.NoError(b, err)
		var out []string
		for _, r := range res.Records {
			out = append(out, r.Values[0].(string))
		}
		require.NotEmpty(b, out, "the store holds no claims: fill it first")
		return out
	}
	all := ids(`MATCH (c:Claim) WHERE c.n_statements > 0 RETURN c.id SKIP 1000 LIMIT 2000`)
	disputed := ids(`MATCH (c:Claim) WHERE c.n_disputes > 0 OR EXISTS { (c)-[:CONFLICTS_WITH|CORROBORATES]-() } RETURN c.id LIMIT 2000`)
	// The rows give the map forms' answers on this store too (read-only check).
	for _, id := range all[:min(len(all), 20)] {
		want, err := provenanceFromMaps(ctx, s, id)
		require.NoError(b, err)
		got, err := s.readProvenance(ctx, id)
		require.NoError(b, err)
		require.Equal(b, want, got, id)
	}
	for _, id := range disputed[:min(len(disputed), 20)] {
		want, err := contradictionsFromMaps(ctx, s, id)
		require.NoError(b, err)
		got, err := s.readContradictions(ctx, id)
		require.NoError(b, err)
		require.Equal(b, want, got, id)
	}
	cases := []struct {
		name string
		ids  []string
		fn   func(id string) error
	}{
		{"Provenance", all, func(id string) error { _, err := s.Provenance(ctx, id); return err }},
		{"Contradictions", disputed, func(id string) error { _, err := s.Contradictions(ctx, id); return err }},
		// As the API calls them: each request's context has a deadline.
		{"ProvenanceDeadline", all, func(id string) error {
			ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			_, err := s.Provenance(ctx, id)
			return err
		}},
		{"ContradictionsDeadline", disputed, func(id string) error {
			ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			_, err := s.Contradictions(ctx, id)
			return err
		}},
	}
	for _, c := range cases {
		for _, par := range []bool{false, true} {
			name := c.name + "/serial"
			if par {
				name = c.name + "/parallel"
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				cpu0, srv0 := ownCPU(), serverCPU()
				b.ResetTimer()
				if par {
					b.SetParallelism(max(50/runtime.GOMAXPROCS(0), 1))
					var next atomic.Int64
					b.RunParallel(func(pb *testing.PB) {
						for pb.Next() {
							if err := c.fn(c.ids[int(next.Add(1))%len(c.ids)]); err != nil {
								b.Error(err)
								return
							}
						}
					})
				} else {
					for i := 0; i < b.N; i++ {
						if err := c.fn(c.ids[i%len(c.ids)]); err != nil {
							b.Fatal(err)
						}
					}
				}
				b.StopTimer()
				b.ReportMetric(float64((ownCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op")
				if srv := serverCPU() - srv0; srv > 0 {
					b.ReportMetric(float64(srv.Microseconds())/float64(b.N), "server-cpu-µs/op")
				}
			})
		}
	}
}

// ownCPU is this process's CPU time so far (user and system).
func ownCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// serverCPU is the CPU time so far of the process CLAIMGRAPH_BENCH_SERVER_PID names
// (0 when unset or unreadable), from /proc in clock ticks of 100 Hz.
func serverCPU() time.Duration {
	pid := os.Getenv("CLAIMGRAPH_BENCH_SERVER_PID")
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if pid == "" || err != nil {
		return 0
	}
	f := strings.Fields(string(b)[strings.LastIndexByte(string(b), ')')+2:])
	var u, st int64
	_, _ = fmt.Sscan(f[11], &u)
	_, _ = fmt.Sscan(f[12], &st)
	return time.Duration(u+st) * 10 * time.Millisecond
}

package embedded

import (
	"context"
	"math/rand/v2"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// apiStoreEnv names a copy of a store that cmd/apiload built (make bench-api), for
// BenchmarkReadMapped. Open writes to it (bbolt's meta page): give it a copy.
const apiStoreEnv = "CLAIMGRAPH_BENCH_API_STORE"

// faults returns the process's minor and major page faults and CPU time so far.
func faults() (minor, major int64, cpu time.Duration) {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Minflt, ru.Majflt, time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkReadMapped measures text search and contradictions on an apiload store
// with the mapped pages released as the server does, and never, with the process's
// CPU time and page faults per answer (run it with -cpu 1 to see one core's server).
func BenchmarkReadMapped(b *testing.B) {
	path := os.Getenv(apiStoreEnv)
	if path == "" {
		b.Skip("set " + apiStoreEnv + " to a copy of a store of make bench-api")
	}
	ctx := context.Background()
	for _, every := range []time.Duration{DefaultReleaseMappedEvery, -1} {
		s, err := Open(ctx, path, &Options{NoSync: true, ReleaseMappedEvery: every, Timeout: 10 * time.Second})
		if err != nil {
			b.Fatal(err)
		}
		var words, disputed []string
		cur := ""
		for len(words) < 1000 {
			p, err := s.SearchClaims(ctx, graph.ClaimQuery{Page: graph.PageRequest{Limit: 100, Cursor: cur}})
			if err != nil {
				b.Fatal(err)
			}
			for i, it := range p.Items {
				if i%4 == 0 {
					if w := graph.Words(it.Claim.Text); len(w) > 0 {
						words = append(words, w[len(w)/2])
					}
				}
			}
			cur = p.NextCursor
			// Skip ahead: words from across the store, not from one range of ids.
			for range 10 {
				p, _ = s.SearchClaims(ctx, graph.ClaimQuery{Page: graph.PageRequest{Limit: 100, Cursor: cur}})
				cur = p.NextCursor
			}
		}
		dp, err := s.SearchClaims(ctx, graph.ClaimQuery{Disputed: ptrBool(true), Page: graph.PageRequest{Limit: 500}})
		if err != nil {
			b.Fatal(err)
		}
		for _, it := range dp.Items {
			disputed = append(disputed, it.Claim.ID)
		}
		name := "release=" + every.String()
		b.Run(name+"/search", func(b *testing.B) {
			mi0, ma0, c0 := faults()
			runParallel(b, func(r *rand.Rand) error {
				_, err := s.SearchClaims(ctx, graph.ClaimQuery{Text: words[r.IntN(len(words))]})
				return err
			})
			mi1, ma1, c1 := faults()
			b.ReportMetric(float64((c1-c0).Microseconds())/float64(b.N), "cpu-us/op")
			b.ReportMetric(float64(mi1-mi0)/float64(b.N), "minflt/op")
			b.ReportMetric(float64(ma1-ma0)/float64(b.N), "majflt/op")
		})
		b.Run(name+"/contradictions", func(b *testing.B) {
			mi0, ma0, c0 := faults()
			runParallel(b, func(r *rand.Rand) error {
				_, err := s.Contradictions(ctx, disputed[r.IntN(len(disputed))])
				return err
			})
			mi1, ma1, c1 := faults()
			b.ReportMetric(float64((c1-c0).Microseconds())/float64(b.N), "cpu-us/op")
			b.ReportMetric(float64(mi1-mi0)/float64(b.N), "minflt/op")
			b.ReportMetric(float64(ma1-ma0)/float64(b.N), "majflt/op")
		})
		_ = s.Close(ctx)
	}
}

package extract

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/graph"
)

// peakLive samples the Go heap live after a collection (/gc/heap/live:bytes) every
// 5 ms until the returned function is called, which returns the largest sampled. When
// profile is not empty, it writes a heap profile there each time the live heap grows
// 4 MB past its largest so far, after a collection: the profile's inuse_space is what
// the heap still held just after the peak.
func peakLive(profile string) func() uint64 {
	var peak atomic.Uint64
	done, stopped := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(stopped)
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var written uint64
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(s)
			if v := s[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
				if profile != "" && v > written+4<<20 {
					written = v
					runtime.GC() // publishes the profile of this heap (what is still live)
					if f, err := os.Create(profile); err == nil {
						_ = pprof.Lookup("heap").WriteTo(f, 0)
						f.Close()
					}
				}
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 { close(done); <-stopped; return peak.Load() }
}

// BenchmarkExtractPeakHeap extracts the densest article the API takes (corpus.DenseText
// of graph.MaxArticleBytes, the article of `make bench-memory`) under serve's default
// soft memory limit (224 MiB) and reports the largest Go heap live after a collection
// during the extraction (peak-live-MB) and what the document keeps after it
// (kept-MB). CG_PEAK_PROFILE=FILE writes a heap profile near the peak. Run it with
//
//	go test ./extract/ -run '^$' -bench ExtractPeakHeap -benchtime 1x
func BenchmarkExtractPeakHeap(b *testing.B) {
	Extract("The minister said the plan would work.") // load the models outside the measure
	in := corpus.DenseText(graph.MaxArticleBytes)
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(224 << 20))
	b.SetBytes(int64(len(in)))
	var peak, kept uint64
	for i := 0; i < b.N; i++ {
		runtime.GC()
		var base runtime.MemStats
		runtime.ReadMemStats(&base)
		stop := peakLive(os.Getenv("CG_PEAK_PROFILE"))
		d := Extract(in)
		peak = max(peak, stop())
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		kept = after.HeapAlloc - base.HeapAlloc
		runtime.KeepAlive(d)
	}
	b.ReportMetric(float64(peak)/1e6, "peak-live-MB")
	b.ReportMetric(float64(kept)/1e6, "kept-MB")
}

package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/corpus"
)

// cpuTime is the process's user+system CPU time: on a shared machine it measures the
// work done, where wall time also counts waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// polnearTexts reads the PolNeAR train texts from ../shared (relative to the
// repository root), or skips.
func polnearTexts(tb testing.TB) []string {
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("repository root not found")
		}
		dir = parent
	}
	textDir := filepath.Join(dir, "..", "shared", "polnear", "train", "text")
	ents, err := os.ReadDir(textDir)
	if err != nil {
		tb.Skipf("skipping: %s not present", textDir)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	var out []string
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(textDir, n))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// BenchmarkExtractPolNeAR runs the whole pipeline over the 840 PolNeAR train texts;
// the MB/s column is the throughput per core by wall time, MB/cpu-s by CPU time (on a
// shared machine wall time also counts waiting for a core).
func BenchmarkExtractPolNeAR(b *testing.B) {
	texts := polnearTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	Extract(texts[0]) // load the models outside the timing
	b.SetBytes(int64(n))
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Extract(t)
		}
	}
	if cpu := (cpuTime() - start).Seconds(); cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
}

// BenchmarkExtractScale runs the pipeline over one document made of 1, 10 and 100
// copies of 20 PolNeAR texts: equal MB/s at each size shows that the cost grows
// linearly with the input. MB/cpu-s counts CPU time (the garbage collector's work on
// other cores included) beside the wall-time MB/s.
func BenchmarkExtractScale(b *testing.B) {
	texts := polnearTexts(b)
	base := strings.Join(texts[:20], "\n\n")
	Extract(base)
	for _, k := range []int{1, 10, 100} {
		in := strings.Repeat(base+"\n\n", k)
		b.Run(fmt.Sprintf("%dx", k), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				Extract(in)
			}
			if cpu := (cpuTime() - start).Seconds(); cpu > 0 {
				b.ReportMetric(float64(len(in))*float64(b.N)/1e6/cpu, "MB/cpu-s")
			}
		})
	}
}

// BenchmarkAttributionsPolNeAR times this package's own part of the pipeline (text
// handling and attribution extraction, without the stages that come after
// findAttributions) over the PolNeAR train texts.
func BenchmarkAttributionsPolNeAR(b *testing.B) {
	texts := polnearTexts(b)
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	findAttributions(NewDocument(texts[0]))
	b.SetBytes(int64(n))
	b.ResetTimer()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			findAttributions(NewDocument(t))
		}
	}
	if cpu := (cpuTime() - start).Seconds(); cpu > 0 {
		b.ReportMetric(float64(n)*float64(b.N)/1e6/cpu, "MB/cpu-s")
	}
}

// scalingBaseBytes is the size of the 1× text of BenchmarkExtractScaling: 20 KiB, so
// that 100× is the largest article the API takes (graph.MaxArticleBytes, 2 MiB).
const scalingBaseBytes = 20 << 10

// scalingTexts returns the texts of BenchmarkExtractScaling at k× the base size: the
// PolNeAR train texts concatenated (realistic news, many articles' entities), and the
// dense generator of `make bench-memory` (corpus.DenseText: short attributed sentences
// by up to 900 speakers, the worst case per byte).
func scalingTexts(tb testing.TB, k int) map[string]string {
	texts := polnearTexts(tb)
	var b strings.Builder
	for i := 0; b.Len() < k*scalingBaseBytes; i++ {
		b.WriteString(texts[i%len(texts)])
		b.WriteString("\n\n")
	}
	return map[string]string{
		"polnear": b.String(),
		"dense":   corpus.DenseText(k * scalingBaseBytes),
	}
}

// BenchmarkExtractScaling runs the whole pipeline over one document of 1, 10, 30 and
// 100 times 20 KiB (PolNeAR train texts concatenated, and the dense generator) and
// reports the CPU time per KiB of input (ns/KiB): linear extraction keeps it flat from
// 1× to 100×. Run it with
//
//	go test ./extract/ -run '^$' -bench ExtractScaling -benchtime 1x
func BenchmarkExtractScaling(b *testing.B) {
	Extract("The minister said the plan would work.") // load the models outside the timing
	for _, kind := range []string{"polnear", "dense"} {
		for _, k := range []int{1, 10, 30, 100} {
			in := scalingTexts(b, k)[kind]
			b.Run(fmt.Sprintf("%s/%dx", kind, k), func(b *testing.B) {
				b.SetBytes(int64(len(in)))
				start := cpuTime()
				for i := 0; i < b.N; i++ {
					Extract(in)
				}
				cpu := cpuTime() - start
				b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/(float64(len(in))/1024), "ns/KiB")
				b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			})
		}
	}
}

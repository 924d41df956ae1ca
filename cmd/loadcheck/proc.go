package main

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// procFigures are the process's resources at one moment.
type procFigures struct {
	rss, hwm   int64 // resident and peak resident bytes (VmRSS, VmHWM)
	anon, file int64 // resident bytes of anonymous memory (the heap) and of mapped files (RssAnon, RssFile)
	heap       int64 // Go heap in use (spans in use, free slots in them included)
	live       int64 // Go heap live after the last collection (runtime/metrics /gc/heap/live:bytes)
	goroutines int
	fds        int // open file descriptors
}

// readProc reads the process's figures from /proc/self (Linux); figures it cannot read
// are 0.
func readProc() procFigures {
	p := readStatus()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	p.heap = int64(ms.HeapInuse)
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() == metrics.KindUint64 {
		p.live = int64(live[0].Value.Uint64())
	}
	p.goroutines = runtime.NumGoroutine()
	if ents, err := os.ReadDir("/proc/self/fd"); err == nil {
		p.fds = len(ents)
	}
	return p
}

// readStatus reads the memory figures of /proc/self/status (0 when it cannot).
func readStatus() procFigures {
	var p procFigures
	if f, err := os.Open("/proc/self/status"); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			k, v, ok := strings.Cut(sc.Text(), ":")
			if !ok {
				continue
			}
			fields := strings.Fields(v)
			if len(fields) == 0 {
				continue
			}
			n, _ := strconv.ParseInt(fields[0], 10, 64)
			switch k {
			case "VmRSS":
				p.rss = n << 10
			case "VmHWM":
				p.hwm = n << 10
			case "RssAnon":
				p.anon = n << 10
			case "RssFile":
				p.file = n << 10
			}
		}
		f.Close()
	}
	return p
}

// resetPeak resets VmHWM to the current RSS (Linux 4.0+), so that the next phase's
// peak is its own.
func resetPeak() { _ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// setMemoryLimit sets the Go runtime's soft memory limit in MiB (0: none).
func setMemoryLimit(mib int64) {
	if mib > 0 {
		debug.SetMemoryLimit(mib << 20)
	} else {
		debug.SetMemoryLimit(math.MaxInt64)
	}
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// jsonString returns s as a JSON string.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// maxLive is the largest Go heap live after a collection (runtime/metrics
// /gc/heap/live:bytes) that the running watchRSS sampled.
var maxLive atomic.Int64

// watchRSS samples the resident anonymous and file-mapped bytes every 100 ms until
// the returned function is called, which returns the largest of each (and keeps the
// largest live Go heap sampled in maxLive): VmHWM is their
// peak sum only, and the two have different causes (the heap; the pages of the store
// file bbolt maps, which the kernel can drop at any time).
func watchRSS() func() (anon, file int64) {
	done := make(chan struct{})
	var maxAnon, maxFile int64
	maxLive.Store(0)
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			p := readStatus()
			maxAnon, maxFile = max(maxAnon, p.anon), max(maxFile, p.file)
			metrics.Read(live)
			if live[0].Value.Kind() == metrics.KindUint64 {
				maxLive.Store(max(maxLive.Load(), int64(live[0].Value.Uint64())))
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() (int64, int64) { close(done); <-stopped; return maxAnon, maxFile }
}

// gcCPU is the CPU time the Go runtime has spent collecting garbage so far, in
// seconds (runtime/metrics /cpu/classes/gc/total:cpu-seconds; an estimate).
func gcCPU() float64 {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 {
		return 0
	}
	return s[0].Value.Float64()
}

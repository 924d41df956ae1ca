// Command exportperf measures the exports on a large generated store: it fills an
// embedded store with generated articles (graph/storetest.GenerateArticles) until it
// holds at least -claims claims (a store already that large is reused, a smaller one
// continued; -fill-only stops there), then exports
// the whole store in every format, each in a child process of its own so that the
// peak resident set size (the child's VmHWM, read from /proc/self/status as it ends;
// getrusage's ru_maxrss would include the parent's peak from before the exec) is that
// format's alone,
// and prints bytes written, seconds, the export's CPU seconds (user and system, from
// getrusage in the child, around the export alone), MB/s, peak RSS and the load average
// (1-minute, as the format started and as it ended: the machine may be shared) per
// format. Outputs are counted and discarded, so the figures are the export's, not the
// disk's.
//
// It prints figures and asserts none. Peak RSS counts the store file's pages the
// export mapped (bbolt reads through mmap); peak anon is the process's own memory: the
// export's, and with -cache 0 the store's decoded-record cache (at most
// embedded.DefaultCacheEntries records per kind, as the server's store has; claimgraph
// export opens the store without it, as -cache -1 does by default). Memory stays flat as the graph grows when
// peak anon of a run at -claims 1000000 is about that of a run at -claims 100000:
//
//	go run ./graph/export/internal/exportperf -claims 100000
//	go run ./graph/export/internal/exportperf -claims 1000000
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "exportperf:", err)
		os.Exit(1)
	}
}

// config is the command line.
type config struct {
	claims  int
	store   string
	formats []string
	child   string // the format a child process exports
	chunk   int
	seed    uint64
	cache   int           // embedded.Options.CacheEntries of the exporting store
	release time.Duration // embedded.Options.ReleaseMappedEvery of the exporting store
	batch   int           // articles a fill transaction writes
	gc      int           // the fill's GOGC
	memMB   int           // the fill's soft memory limit (MB)
	only    bool
	bulk    bool   // fill with PutArticlesBulk, not a Batch of PutArticle calls
	cpuProf string // write a CPU profile of the fill (or of a child's export) here
	memProf string // write a heap profile here: the fill's at its end, a child's at its peak sample
}

func parse(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("exportperf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	var formats string
	fs.IntVar(&c.claims, "claims", 1_000_000, "fill the store until it holds at least this many claims")
	fs.StringVar(&c.store, "store", "", "embedded store file (default .cache/exportperf/CLAIMS.db under the working directory)")
	fs.StringVar(&formats, "formats", "", "comma-separated formats to measure (default: every format)")
	fs.StringVar(&c.child, "child", "", "internal: export the store in this format and print the result as JSON")
	fs.IntVar(&c.chunk, "chunk", 20_000, "articles generated at a time (bounds the generator's memory); chunk i is seed+i, so keep it when continuing a store")
	fs.IntVar(&c.batch, "batch", 5000, "generated articles written per store transaction (with -bulk=false, 200 is fastest)")
	fs.BoolVar(&c.bulk, "bulk", true, "fill with PutArticlesBulk (one writer a transaction, index keys written sorted at its end); false: a Batch of PutArticle calls")
	fs.BoolVar(&c.only, "fill-only", false, "fill the store and export nothing")
	fs.IntVar(&c.memMB, "memlimit", 8000, "the fill's soft memory limit in MB (runtime/debug.SetMemoryLimit; 0: none): -gc lets the heap grow to five times what is live, which past 700,000 claims (a transaction's bbolt nodes and two generated chunks, 3-5 GB live) passed 10 GB; near the limit the collector runs more often, and far more often when the live heap nears it (3000 made the fill crawl there)")
	fs.IntVar(&c.gc, "gc", 400, "the fill's GOGC (percent of live heap allocated between collections)")
	fs.IntVar(&c.cache, "cache", -1, "decoded records the exporting store caches per kind (embedded.Options.CacheEntries): -1 none, as claimgraph export opens it; 0 the default, as a serving store has for GET /v1/export")
	fs.DurationVar(&c.release, "release", -1, "how often the exporting store hands its mapped file pages back (embedded.Options.ReleaseMappedEvery): negative never, as claimgraph export opens it; 0 the default (500ms), as a serving store has for GET /v1/export")
	fs.StringVar(&c.cpuProf, "cpuprofile", "", "write a CPU profile of the fill here; each format's child writes FILE.FORMAT of its export")
	fs.StringVar(&c.memProf, "memprofile", "", "write a heap profile of the fill's end here; each format's child writes FILE.FORMAT, taken at the export's end (in-use and allocated bytes)")
	seed := fs.Uint64("seed", 1, "generator seed of the first chunk (chunk i uses seed+i)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	c.seed = *seed
	if c.claims < 1 || c.chunk < 1 || c.batch < 1 || c.gc < 1 {
		return c, errors.New("-claims, -chunk, -batch and -gc must be positive")
	}
	if c.store == "" {
		c.store = filepath.Join(".cache", "exportperf", fmt.Sprintf("%d.db", c.claims))
	}
	for _, f := range export.Formats() {
		if formats == "" {
			c.formats = append(c.formats, f.Name)
		}
	}
	if formats != "" {
		for _, f := range strings.Split(formats, ",") {
			if _, err := export.LookupFormat(f); err != nil {
				return c, err
			}
			c.formats = append(c.formats, f)
		}
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parse(args, stderr)
	if err != nil {
		return err
	}
	if c.child != "" {
		return child(ctx, c, stdout)
	}
	stopProf, err := startProfile(c.cpuProf)
	if err != nil {
		return err
	}
	err = fill(ctx, c, stdout)
	stopProf()
	if err == nil {
		err = writeHeap(c.memProf)
	}
	if err != nil || c.only {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	fi, err := os.Stat(c.store)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "store %s: %.0f MB on disk\n", c.store, float64(fi.Size())/1e6)
	// One row as each format ends, so that an interrupted run keeps what it measured.
	const row = "%12s %10s %10s %10s %8s %8s %7s %7s %12s %13s %11s\n"
	fmt.Fprintf(stdout, row, "format", "nodes", "edges", "output MB", "seconds", "user s", "sys s", "MB/s", "peak RSS MB", "peak anon MB", "load")
	for _, f := range c.formats {
		load0 := loadAverage()
		res, err := measure(ctx, self, c, f)
		if err != nil {
			return fmt.Errorf("format %s: %w", f, err)
		}
		mb := float64(res.Bytes) / 1e6
		fmt.Fprintf(stderr, "exportperf: %s done in %.1fs\n", f, res.Seconds)
		fmt.Fprintf(stdout, row, f, fmt.Sprint(res.Nodes), fmt.Sprint(res.Edges), fmt.Sprintf("%.1f", mb), fmt.Sprintf("%.1f", res.Seconds),
			fmt.Sprintf("%.1f", res.UserSeconds), fmt.Sprintf("%.1f", res.SysSeconds),
			fmt.Sprintf("%.1f", mb/res.Seconds), fmt.Sprintf("%.0f", float64(res.PeakKiB)/1024), fmt.Sprintf("%.0f", float64(res.AnonKiB)/1024),
			load0+"→"+loadAverage())
	}
	return nil
}

// fill writes generated articles into the store until it holds c.claims claims, then
// closes it. Chunk i is storetest.GenerateArticles(c.chunk, c.seed+i), always whole, so
// the store's article count says where a fill stopped: a store filled part-way (an
// interrupted run, or a smaller -claims earlier) is continued, never rewritten. It is
// the store's own write path (PutArticle of generated bundles in Batch transactions of
// c.batch articles), made fast by what surrounds it: the next chunk is generated while
// this one is written, the store maps the file it will grow to once (no remap, which
// copies a write's nodes onto the heap), and the collector runs less often.
func fill(ctx context.Context, c config, stdout io.Writer) error {
	if err := os.MkdirAll(filepath.Dir(c.store), 0o755); err != nil {
		return err
	}
	if full, err := filled(ctx, c); err != nil || full {
		return err
	}
	// About 5.3 KB of store file a claim (5.1 GB for 1,008,153 claims), and room to spare.
	mmap := min(max(int64(c.claims)*8<<10, 1<<30), 64<<30)
	s, err := embedded.Open(ctx, c.store, &embedded.Options{NoSync: true, CacheEntries: -1, InitialMmapBytes: int(mmap)})
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	defer debug.SetGCPercent(debug.SetGCPercent(c.gc))
	if c.memMB > 0 {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(int64(c.memMB) << 20))
	}
	st, err := s.Stats(ctx)
	if err != nil {
		return err
	}
	start, from := time.Now(), st.Claims
	var chunks <-chan chunk
	if st.Claims < c.claims {
		gctx, cancel := context.WithCancel(ctx)
		defer cancel() // the generator stops with the fill, however it ends
		chunks = generateChunks(gctx, c, uint64(st.Articles/c.chunk))
	}
	for offset := st.Articles % c.chunk; st.Claims < c.claims; offset = 0 {
		ch, ok := <-chunks
		if !ok {
			return ctx.Err()
		}
		for i := offset; i < len(ch.articles) && st.Claims < c.claims; i += c.batch {
			part := ch.articles[i:min(i+c.batch, len(ch.articles))]
			if err := put(ctx, s, c.bulk, part); err != nil {
				return fmt.Errorf("writing generated articles (chunk %d, from article %d): %w", ch.index, i, err)
			}
			if st, err = s.Stats(ctx); err != nil {
				return err
			}
		}
		took := time.Since(start)
		fmt.Fprintf(stdout, "  %d claims after %s (%.0f claims/s)\n", st.Claims, took.Round(time.Second), float64(st.Claims-from)/took.Seconds())
	}
	fmt.Fprintf(stdout, "store holds %d articles, %d claims, %d statements, %d disputes, %d agents, %d links (filled in %s)\n",
		st.Articles, st.Claims, st.Statements, st.Disputes, st.Agents, st.Links, time.Since(start).Round(time.Second))
	return s.Close(ctx)
}

// put writes part in one transaction: with PutArticlesBulk (bulk), or as a Batch of
// PutArticle calls.
func put(ctx context.Context, s *embedded.Store, bulk bool, part []*graph.ArticleGraph) error {
	if bulk {
		_, err := s.PutArticlesBulk(ctx, part)
		return err
	}
	return s.Batch(ctx, func(ctx context.Context, tx graph.Store) error {
		for _, g := range part {
			if _, err := tx.PutArticle(ctx, g); err != nil {
				return err
			}
		}
		return nil
	})
}

// filled reports whether the store holds c.claims claims already, reading it with a
// shared lock (so that other readers, such as apocpeer on the same store, may run
// beside the exports); false when there is no store yet.
func filled(ctx context.Context, c config) (bool, error) {
	if _, err := os.Stat(c.store); errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	s, err := embedded.Open(ctx, c.store, &embedded.Options{ReadOnly: true, CacheEntries: -1})
	if err != nil {
		return false, err
	}
	defer s.Close(ctx)
	st, err := s.Stats(ctx)
	if err != nil || st.Claims < c.claims {
		return false, err
	}
	fmt.Fprintf(os.Stdout, "store holds %d articles, %d claims, %d statements, %d disputes, %d agents, %d links\n",
		st.Articles, st.Claims, st.Statements, st.Disputes, st.Agents, st.Links)
	return true, nil
}

// chunk is one generated chunk of articles.
type chunk struct {
	index    uint64
	articles []*graph.ArticleGraph
}

// generateChunks generates chunk first, first+1, ... one ahead of the reader (the
// writer has one core, the generator the other), until ctx ends.
func generateChunks(ctx context.Context, c config, first uint64) <-chan chunk {
	out := make(chan chunk, 1)
	go func() {
		defer close(out)
		for i := first; ; i++ {
			ch := chunk{index: i, articles: storetest.GenerateArticles(c.chunk, c.seed+i)}
			select {
			case out <- ch:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// result is what a child prints.
type result struct {
	Bytes   int64   `json:"bytes"`
	Seconds float64 `json:"seconds"`
	Nodes   int     `json:"nodes"`
	Edges   int     `json:"edges"`
	PeakKiB int64   `json:"peak_kib"`      // VmHWM: every resident page, the store file's mapped pages too
	AnonKiB int64   `json:"peak_anon_kib"` // the largest RssAnon sampled: the export's own memory
	// CPU seconds the child used during the export (getrusage of the whole process: the
	// walk's read-ahead goroutine and the collector too).
	UserSeconds float64 `json:"user_seconds"`
	SysSeconds  float64 `json:"sys_seconds"`
}

// loadAverage is the 1-minute load average (/proc/loadavg, Linux), or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// cpuTimes is the process's user and system CPU time so far, in seconds.
func cpuTimes() (user, sys float64, err error) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0, fmt.Errorf("getrusage: %w", err)
	}
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return sec(ru.Utime), sec(ru.Stime), nil
}

// measure runs a child exporting one format and returns its result.
func measure(ctx context.Context, self string, c config, format string) (result, error) {
	args := []string{"-child", format, "-store", c.store, "-cache", fmt.Sprint(c.cache), "-release", c.release.String()}
	if c.cpuProf != "" {
		args = append(args, "-cpuprofile", c.cpuProf+"."+format)
	}
	if c.memProf != "" {
		args = append(args, "-memprofile", c.memProf+"."+format)
	}
	cmd := exec.CommandContext(ctx, self, args...)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	if err := cmd.Run(); err != nil {
		return result{}, err
	}
	var res result
	if err := json.Unmarshal([]byte(out.String()), &res); err != nil {
		return result{}, fmt.Errorf("child printed %q: %w", out.String(), err)
	}
	return res, nil
}

// startProfile starts a CPU profile into path (none when path is empty) and returns
// what stops it.
func startProfile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeHeap writes a heap profile into path (nothing when path is empty): in-use
// bytes are what the process held at the last collection, allocated bytes what it
// allocated since it started.
func writeHeap(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	defer f.Close()
	return pprof.WriteHeapProfile(f)
}

// heapAtPeak writes a heap profile into path (nothing when it is empty) each time the
// live heap is a tenth larger than at the last profile, checked every 250 ms, until
// done is closed, so that the file holds the heap near its peak; it sends the first
// error (or nil) on out.
func heapAtPeak(done <-chan struct{}, path string, out chan<- error) {
	var err error
	defer func() { out <- err }()
	if path == "" {
		<-done
		return
	}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var last uint64
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-done:
			return
		case <-t.C:
		}
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > last+last/10 {
			last = v
			if err = writeHeap(path); err != nil {
				<-done
				return
			}
		}
	}
}

// procStatus reads a "NAME:  N kB" line of /proc/self/status (Linux), in KiB.
func procStatus(name string) (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("read /proc/self/status (Linux only): %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, name+":"); ok {
			var kib int64
			if _, err := fmt.Sscanf(strings.TrimSpace(rest), "%d kB", &kib); err != nil {
				return 0, fmt.Errorf("parse %q: %w", line, err)
			}
			return kib, nil
		}
	}
	return 0, fmt.Errorf("/proc/self/status has no %s line", name)
}

// child exports the whole store in c.child into a Dir that counts and discards.
func child(ctx context.Context, c config, stdout io.Writer) error {
	s, err := embedded.Open(ctx, c.store, &embedded.Options{ReadOnly: true, CacheEntries: c.cache, ReleaseMappedEvery: c.release})
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	var d countDir
	anon := make(chan int64)
	done := make(chan struct{})
	go sampleAnon(done, anon)
	stopProf, err := startProfile(c.cpuProf)
	if err != nil {
		return err
	}
	heapDone := make(chan error)
	go heapAtPeak(done, c.memProf, heapDone)
	user0, sys0, err := cpuTimes()
	if err != nil {
		return err
	}
	start := time.Now()
	counts, err := export.Export(ctx, s, c.child, export.Filter{}, export.Meta{Version: export.BuildVersion(), Extractor: export.DefaultExtractor, Store: "embedded"}, &d)
	close(done)
	stopProf()
	if herr := <-heapDone; err == nil {
		err = herr
	}
	if err != nil {
		return err
	}
	res := result{Bytes: d.n, Seconds: time.Since(start).Seconds(), AnonKiB: <-anon}
	user1, sys1, err := cpuTimes()
	if err != nil {
		return err
	}
	res.UserSeconds, res.SysSeconds = user1-user0, sys1-sys0
	for _, n := range counts.Nodes {
		res.Nodes += n
	}
	for _, n := range counts.Edges {
		res.Edges += n
	}
	if c.child == export.FormatRecords { // WriteRecords counts nodes only
		st, err := s.Stats(ctx)
		if err != nil {
			return err
		}
		res.Nodes = st.Articles + st.Outlets + st.Agents + st.Claims + st.Statements + st.Disputes
	}
	if res.PeakKiB, err = procStatus("VmHWM"); err != nil {
		return err
	}
	return json.NewEncoder(stdout).Encode(res)
}

// sampleAnon samples RssAnon every 20 ms until done is closed, then sends the
// largest value (KiB) on out.
func sampleAnon(done <-chan struct{}, out chan<- int64) {
	var peak int64
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		if kib, err := procStatus("RssAnon"); err == nil {
			peak = max(peak, kib)
		}
		select {
		case <-done:
			out <- peak
			return
		case <-t.C:
		}
	}
}

// countDir is an export.Dir whose files are counted and discarded.
type countDir struct{ n int64 }

// Create implements export.Dir.
func (d *countDir) Create(string) (io.Writer, error) { return d, nil }

// Write counts p.
func (d *countDir) Write(p []byte) (int, error) {
	d.n += int64(len(p))
	return len(p), nil
}

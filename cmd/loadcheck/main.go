// Command loadcheck measures what the API costs in memory and whether it leaks, with
// the real server (api.New over a fresh embedded store, the real extractor and
// ingester) on a loopback port and its clients in the same process:
//
//	loadcheck article [-clients 50] [-duration 60s] [-memprofile FILE] [-text dense|corpus] [-store embedded|neo4j]
//	    POSTs an article of the largest allowed size (graph.MaxArticleBytes: short
//	    attributed sentences, the worst case, or the built-in corpus repeated) to a
//	    server over a fresh embedded store or the Neo4j of NEO4J_URI (emptied first),
//	    and reports the ingest's time and peak RSS (and the most of it that was
//	    anonymous memory and mapped files); then
//	    runs the clients on that article for the duration (random text windows and
//	    pages of its lists) and reports requests, statuses, latencies, the largest
//	    answer and the peak RSS.
//	loadcheck text [-text dense|corpus] [-bytes N]
//	    writes the article that loadcheck article would POST to stdout, so that other
//	    paths (claimgraph ingest, claimgraph extract) can be measured on the same text
//	    (scripts/ingest-memory.sh).
//	loadcheck soak [-duration 30m] [-readers 8] [-writers 2] [-every 1m] [-articles N]
//	    runs mixed reads (every GET route) and writes (POSTs of new articles; with
//	    -articles N, new versions of a fixed set of N urls, so that the store keeps its
//	    size) and prints RSS, goroutines and open files at the start, every -every, and
//	    at the end.
//
// Peak RSS is the kernel's VmHWM of this process (server and clients), reset between
// phases through /proc/self/clear_refs. It prints figures and asserts none; run it with
// `make bench-memory` and `make soak`.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "loadcheck:", err)
		os.Exit(1)
	}
}

const usage = "usage: loadcheck article|soak|text [flags] (loadcheck article -h for the flags)"

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return errors.New(usage)
	}
	switch args[0] {
	case "article":
		return runArticle(ctx, args[1:], stdout, stderr)
	case "soak":
		return runSoak(ctx, args[1:], stdout, stderr)
	case "text":
		return runText(args[1:], stdout, stderr)
	}
	return fmt.Errorf("unknown mode %q; %s", args[0], usage)
}

const apiKey = "loadcheck-key-0123456789abcdef"

// server is the API over a fresh store on a loopback port.
type server struct {
	base  string
	store graph.Store
	close func()
}

// pieceRecords is the embedded store's Options.PieceRecords (loadcheck article
// -piece-records).
var pieceRecords int

// openBackend opens a fresh store: an embedded one under dir, or (backend "neo4j") the
// Neo4j of NEO4J_URI (neo4jstore.ConfigFromEnv), emptied first.
func openBackend(ctx context.Context, dir, backend string) (graph.Store, error) {
	switch backend {
	case "embedded":
		return embedded.Open(ctx, filepath.Join(dir, "graph.db"), &embedded.Options{NoSync: true, PieceRecords: pieceRecords})
	case "neo4j":
		if os.Getenv("NEO4J_URI") == "" {
			return nil, errors.New("-store neo4j needs NEO4J_URI (a throwaway Neo4j: loadcheck empties it), e.g. from `make neo4j-up`")
		}
		st, err := neo4jstore.New(ctx, neo4jstore.ConfigFromEnv(os.Getenv))
		if err != nil {
			return nil, err
		}
		if err := st.DeleteAll(ctx); err != nil {
			_ = st.Close(ctx)
			return nil, err
		}
		return st, nil
	}
	return nil, fmt.Errorf("-store %q: want embedded or neo4j", backend)
}

// startServer opens a fresh store (openBackend) and serves the API over it, with its
// jobs running, until close.
func startServer(ctx context.Context, dir, backend string, deps api.Deps) (*server, error) {
	store, err := openBackend(ctx, dir, backend)
	if err != nil {
		return nil, err
	}
	keys, err := api.NewKeySet(apiKey)
	if err != nil {
		return nil, err
	}
	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	deps.Store, deps.Keys = store, keys
	deps.Ingester = api.IngesterOf(ing)
	// The server's warnings and errors (a failed job's cause, with the store's own
	// error code) go to stderr: the job itself only says "Internal error.".
	deps.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := api.New(deps)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	hs := api.NewHTTPServer(ln.Addr().String(), srv, api.DefaultTimeouts, nil)
	jctx, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); _ = srv.RunJobs(jctx) }()
	go func() { defer wg.Done(); _ = hs.Serve(ln) }()
	return &server{base: "http://" + ln.Addr().String(), store: store, close: func() {
		sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		_ = hs.Shutdown(sctx)
		stopJobs()
		wg.Wait()
		_ = store.Close(context.Background())
	}}, nil
}

// post POSTs an article and returns the status and the Location header.
func post(ctx context.Context, hc *http.Client, base string, body string) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", base+"/v1/articles", strings.NewReader(body))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-API-Key", apiKey)
	res, err := hc.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	_, _ = io.Copy(io.Discard, res.Body)
	return res.StatusCode, res.Header.Get("Location"), nil
}

// getJSON GETs a path and decodes the answer into v (when not nil); it returns the
// status and the answer's size.
func getJSON(ctx context.Context, hc *http.Client, url string, v any) (int, int64, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return 0, 0, err
	}
	res, err := hc.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer res.Body.Close()
	if v != nil && res.StatusCode == 200 {
		b, err := io.ReadAll(res.Body)
		if err != nil {
			return res.StatusCode, int64(len(b)), err
		}
		return res.StatusCode, int64(len(b)), jsonUnmarshal(b, v)
	}
	n, err := io.Copy(io.Discard, res.Body)
	return res.StatusCode, n, err
}

// waitJob polls a job until it is finished.
func waitJob(ctx context.Context, hc *http.Client, url string) (api.JobView, error) {
	for {
		var j api.JobView
		status, _, err := getJSON(ctx, hc, url, &j)
		if err != nil {
			return j, err
		}
		if status == http.StatusGatewayTimeout {
			continue // the poll outlived its deadline on a busy machine: ask again
		}
		if status != 200 {
			return j, fmt.Errorf("GET %s answered %d", url, status)
		}
		if j.State.Finished() {
			return j, nil
		}
		select {
		case <-ctx.Done():
			return j, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// largestText builds an article text of at most limit bytes from the built-in
// corpus, repeated, each copy with its own numbers so that its claims are its own.
func largestText(limit int) (string, error) {
	arts, err := corpus.Default()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for copyN := 0; ; copyN++ {
		for _, a := range arts {
			t := strings.ReplaceAll(a.Text, "2025", strconv.Itoa(1000+copyN))
			if b.Len()+len(t)+2 > limit {
				return b.String(), nil
			}
			b.WriteString(t)
			b.WriteString("\n\n")
		}
	}
}

// articleText is the text of -text kind within size bytes.
func articleText(kind string, size int) (string, error) {
	switch kind {
	case "dense":
		return corpus.DenseText(min(size, graph.MaxArticleBytes)), nil
	case "corpus":
		return largestText(min(size, graph.MaxArticleBytes))
	}
	return "", fmt.Errorf("-text %q: want dense or corpus", kind)
}

// runText writes the article of -text and -bytes to stdout.
func runText(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("text", flag.ContinueOnError)
	fs.SetOutput(stderr)
	size := fs.Int("bytes", graph.MaxArticleBytes, "the article's size in bytes (at most graph.MaxArticleBytes)")
	kind := fs.String("text", "dense", "the article: dense or corpus (as loadcheck article)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	text, err := articleText(*kind, *size)
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, text)
	return err
}

// ingestBody is the JSON of a POST of text.
func ingestBody(url, text string) string {
	return fmt.Sprintf(`{"url":%q,"text":%s}`, url, jsonString(text))
}

func runArticle(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("article", flag.ContinueOnError)
	fs.SetOutput(stderr)
	clients := fs.Int("clients", 50, "concurrent clients reading the article")
	duration := fs.Duration("duration", 60*time.Second, "how long the clients read")
	memprofile := fs.String("memprofile", "", "write a heap profile (alloc_space shows where the ingest allocated) to this file, and profiles near the heap's peak during the ingest and the reads to FILE.peak and FILE.readpeak")
	size := fs.Int("bytes", graph.MaxArticleBytes, "the article's size in bytes (at most graph.MaxArticleBytes)")
	memLimit := fs.Int64("memory-limit", 224, "soft memory limit of the Go runtime in MiB, as claimgraph serve sets it by default (0: none)")
	kind := fs.String("text", "dense", "the article: dense (short attributed sentences, each its own claim: the worst case) or corpus (the built-in corpus repeated)")
	backend := fs.String("store", "embedded", "the store: embedded (a fresh file) or neo4j (the Neo4j of NEO4J_URI, which it empties first: a throwaway one)")
	jobTimeout := fs.Duration("job-timeout", api.DefaultJobTimeout, "how long the ingest job may run (a loaded machine may need more than the server's default)")
	fs.IntVar(&pieceRecords, "piece-records", 0, "the embedded store's records per piece of a large article (embedded.Options.PieceRecords; 0: its default)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "loadcheck-article-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	setMemoryLimit(*memLimit)
	text, err := articleText(*kind, *size)
	if err != nil {
		return err
	}
	srv, err := startServer(ctx, dir, *backend, api.Deps{JobTimeout: *jobTimeout})
	if err != nil {
		return err
	}
	defer srv.close()
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *clients + 4}}
	fmt.Fprintf(stdout, "loadcheck article: %s, GOMAXPROCS %d, %d CPUs, soft memory limit %d MiB; %s store; %s text of %d bytes, %d code points\n",
		runtime.Version(), runtime.GOMAXPROCS(0), runtime.NumCPU(), *memLimit, *backend, *kind, len(text), len([]rune(text)))

	// Ingest.
	stopPeaks := func() {}
	if *memprofile != "" {
		stopPeaks = watchHeapPeaks(*memprofile + ".peak")
	}
	gcBefore := gcCPU()
	resetPeak()
	before := readProc()
	stopRSS := watchRSS()
	start := time.Now()
	body := ingestBody("https://example.org/largest", text)
	status, loc, err := post(ctx, hc, srv.base, body)
	body = ""
	if err != nil {
		return err
	}
	var job api.JobView
	switch status {
	case http.StatusAccepted: // a long text: a job
		if job, err = waitJob(ctx, hc, srv.base+loc); err != nil {
			return err
		}
		if job.State != graph.JobSucceeded {
			// A refused article (over a limit) is an outcome to measure too.
			anon, file := stopRSS()
			fmt.Fprintf(stdout, "ingest: the job failed after %s: %s; RSS before %.0f MB, peak %.0f MB (anonymous at most %.0f MB, mapped files at most %.0f MB)\n",
				time.Since(start).Round(time.Millisecond), job.Error, mb(before.rss), mb(readProc().hwm), mb(anon), mb(file))
			return nil
		}
	case http.StatusCreated: // a short one, inline
		job.ArticleID = strings.TrimPrefix(loc, "/v1/articles/")
	default:
		return fmt.Errorf("POST of the article answered %d", status)
	}
	el := time.Since(start)
	after := readProc()
	anon, file := stopRSS()
	stopPeaks()
	gcIngest := gcCPU() - gcBefore
	st, err := srv.store.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "ingest: %s; RSS before %.0f MB, peak %.0f MB (anonymous at most %.0f MB, mapped files at most %.0f MB; Go heap live after a collection at most %.0f MB; GC CPU %.1f s); store holds %d statements, %d claims, %d links, %d agents, %d mentions\n",
		el.Round(time.Millisecond), mb(before.rss), mb(after.hwm), mb(anon), mb(file), mb(maxLive.Load()), gcIngest, st.Statements, st.Claims, st.Links, st.Agents, st.Mentions)
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "heap profile written to %s (go tool pprof -sample_index=alloc_space %s)\n", *memprofile, *memprofile)
	}

	// Reads.
	// The first read of a long article may outlive its deadline (504) while the
	// shared read goes on; ask again until it is ready.
	var view api.ArticleView
	for attempt := 1; ; attempt++ {
		status, _, err := getJSON(ctx, hc, srv.base+"/v1/articles/"+job.ArticleID+"?limit=1", &view)
		if err == nil && status == 200 {
			break
		}
		if attempt == 10 || (err == nil && status != http.StatusGatewayTimeout) {
			return fmt.Errorf("reading the article: %d %v", status, err)
		}
	}
	runtime.GC()
	resetPeak()
	before = readProc()
	stopRSS = watchRSS()
	if *memprofile != "" {
		stopReadPeaks := watchHeapPeaks(*memprofile + ".readpeak")
		defer stopReadPeaks()
	}
	gcBefore = gcCPU()
	res := readArticle(ctx, hc, srv.base, job.ArticleID, view, *clients, *duration)
	after = readProc()
	anon, file = stopRSS()
	gcReads := gcCPU() - gcBefore
	fmt.Fprintf(stdout, "reads: %d clients for %s on GET /v1/articles/%s (random text windows and list pages)\n", *clients, *duration, job.ArticleID)
	fmt.Fprintf(stdout, "  %d requests, %.0f req/s; statuses %v; p50 %s, p99 %s, max %s; largest answer %d bytes (bound %d)\n",
		res.n, float64(res.n)/duration.Seconds(), res.statuses, res.p(0.5), res.p(0.99), res.p(1), res.maxBytes, api.MaxArticleViewBytes)
	fmt.Fprintf(stdout, "  RSS before %.0f MB (anonymous %.0f MB, mapped files %.0f MB), peak %.0f MB (anonymous at most %.0f MB, mapped files at most %.0f MB; Go heap live at most %.0f MB; GC CPU %.1f s), at the end %.0f MB; goroutines at the end %d\n",
		mb(before.rss), mb(before.anon), mb(before.file), mb(after.hwm), mb(anon), mb(file), mb(maxLive.Load()), gcReads, mb(after.rss), runtime.NumGoroutine())
	return nil
}

// readResult sums up a read load.
type readResult struct {
	n        int
	statuses map[int]int
	lat      []time.Duration
	maxBytes int64
}

func (r *readResult) p(q float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	slices.Sort(r.lat)
	i := min(len(r.lat)-1, int(q*float64(len(r.lat))))
	return r.lat[i].Round(time.Millisecond)
}

// readArticle runs clients that read one article for d: the view at random text
// offsets, and pages of its lists at random positions (cursors taken from the view).
func readArticle(ctx context.Context, hc *http.Client, base, id string, v api.ArticleView, clients int, d time.Duration) *readResult {
	next := map[string]string{"agents": v.Next.Agents, "claims": v.Next.Claims, "statements": v.Next.Statements,
		"mentions": v.Next.Mentions, "spans": v.Next.Spans}
	counts := map[string]int{"agents": v.Counts.Agents, "claims": v.Counts.Claims, "statements": v.Counts.Statements,
		"mentions": v.Counts.Mentions, "spans": v.Counts.Spans}
	key := map[string]string{}
	for part, c := range next {
		if c != "" {
			cur, _ := graph.DecodeCursor(c)
			key[part] = cur.Key
		}
	}
	parts := []string{"agents", "claims", "statements", "mentions", "spans"}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	var mu sync.Mutex
	out := &readResult{statuses: map[int]int{}}
	var wg sync.WaitGroup
	for i := 0; i < clients; i++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(seed, 7))
			for ctx.Err() == nil {
				var path string
				switch k := rng.IntN(3); {
				case k == 0:
					path = fmt.Sprintf("/v1/articles/%s?text_offset=%d", id, rng.IntN(v.TextWindow.Length))
				default:
					part := parts[rng.IntN(len(parts))]
					path = "/v1/articles/" + id + "/" + part
					if key[part] != "" {
						path += "?cursor=" + graph.EncodeCursor(graph.Cursor{Key: key[part], N: rng.IntN(counts[part])})
					}
				}
				start := time.Now()
				status, n, err := getJSON(ctx, hc, base+path, nil)
				if ctx.Err() != nil {
					return
				}
				el := time.Since(start)
				mu.Lock()
				out.n++
				if err != nil {
					status = -1
				}
				out.statuses[status]++
				out.lat = append(out.lat, el)
				out.maxBytes = max(out.maxBytes, n)
				mu.Unlock()
			}
		}(uint64(i) + 1)
	}
	wg.Wait()
	return out
}

// watchHeapPeaks writes a heap profile to path, after a collection, each time the Go
// heap live after a collection (/gc/heap/live:bytes) grows 4 MB past its largest so
// far, so that inuse_space shows what the heap held at its peak. (The heap in use,
// which it watched before, stays near the soft memory limit whatever is live, and
// missed the live heap's peak.) It returns a function that stops it.
func watchHeapPeaks(path string) func() {
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var peak uint64
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
			}
			metrics.Read(live)
			if v := live[0].Value.Uint64(); v > peak+4<<20 {
				peak = v
				runtime.GC() // publishes the profile of this collection: what is still live
				if f, err := os.Create(path); err == nil {
					_ = pprof.Lookup("heap").WriteTo(f, 0)
					f.Close()
				}
			}
		}
	}()
	return func() { close(done); <-stopped }
}

func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	runtime.GC()
	return pprof.Lookup("heap").WriteTo(f, 0)
}

// counter counts requests by status.
type counter struct {
	mu sync.Mutex
	m  map[string]int
}

func (c *counter) add(k string) {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[string]int{}
	}
	c.m[k]++
	c.mu.Unlock()
}

func (c *counter) String() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	keys := make([]string, 0, len(c.m))
	for k := range c.m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s=%d ", k, c.m[k])
	}
	return strings.TrimSpace(b.String())
}

func runSoak(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("soak", flag.ContinueOnError)
	fs.SetOutput(stderr)
	duration := fs.Duration("duration", 30*time.Minute, "how long to run")
	readers := fs.Int("readers", 8, "concurrent readers")
	writers := fs.Int("writers", 2, "concurrent writers")
	every := fs.Duration("every", time.Minute, "how often to print the figures")
	memLimit := fs.Int64("memory-limit", 224, "soft memory limit of the Go runtime in MiB, as claimgraph serve sets it by default (0: none)")
	memprofile := fs.String("memprofile", "", "write heap profiles (after a collection) at the start and the end to FILE.start and FILE.end: go tool pprof -base FILE.start FILE.end shows what grew")
	auditKeep := fs.Int("audit-keep", graph.DefaultAuditKeep, "audit entries the store keeps (graph.Retention.AuditKeep, serve --audit-keep; 0: all)")
	versionsKeep := fs.Int("versions-keep", graph.DefaultVersionsKeep, "previous versions an article lists (graph.Retention.VersionsKeep, serve --versions-keep; 0: all)")
	fixed := fs.Int("articles", 0, "rewrite a fixed set of this many article urls (each POST a new version of one of them), so that the store stays the same size and memory can be judged flat; 0: every POST is a new article, and the store grows")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *fixed < 0 {
		return fmt.Errorf("-articles %d: want 0 or more", *fixed)
	}
	setMemoryLimit(*memLimit)
	dir, err := os.MkdirTemp("", "loadcheck-soak-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	arts, err := corpus.Default()
	if err != nil {
		return err
	}
	srv, err := startServer(ctx, dir, "embedded", api.Deps{})
	if err != nil {
		return err
	}
	defer srv.close()
	if r, ok := srv.store.(graph.Retainer); ok {
		ret := graph.DefaultRetention
		ret.AuditKeep, ret.VersionsKeep = *auditKeep, *versionsKeep
		if err := r.SetRetention(ret); err != nil {
			return err
		}
	}
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: *readers + *writers + 4}}
	for i, a := range arts {
		if status, _, err := post(ctx, hc, srv.base, ingestBody(fmt.Sprintf("https://example.org/seed/%d", i), a.Text)); err != nil || status >= 300 {
			return fmt.Errorf("seeding article %d: %d %v", i, status, err)
		}
	}
	// With a fixed set, the set is written once before the start, so that the store
	// has its final size when the first figures are taken.
	soakURL := func(w, n int) string { return fmt.Sprintf("https://example.org/soak/%d/%d", w, n) }
	if *fixed > 0 {
		soakURL = func(_, n int) string { return fmt.Sprintf("https://example.org/soak/fixed/%d", n%*fixed) }
		for n := 0; n < *fixed; n++ {
			a := arts[n%len(arts)]
			text := strings.ReplaceAll(a.Text, "2025", strconv.Itoa(3000+n))
			if status, _, err := post(ctx, hc, srv.base, ingestBody(soakURL(0, n), text)); err != nil || status >= 300 {
				return fmt.Errorf("seeding fixed article %d: %d %v", n, status, err)
			}
		}
	}
	set := "every POST a new article"
	if *fixed > 0 {
		set = fmt.Sprintf("POSTs rewrite a fixed set of %d urls", *fixed)
	}
	retention := "no retention"
	if r, ok := srv.store.(graph.Retainer); ok {
		retention = "store " + r.Retention().String()
	}
	fmt.Fprintf(stdout, "loadcheck soak: %s, GOMAXPROCS %d, soft memory limit %d MiB; %d readers, %d writers for %s; %s; %s\n",
		runtime.Version(), runtime.GOMAXPROCS(0), *memLimit, *readers, *writers, *duration, set, retention)
	// The start and the end are measured alike: clients idle, their connections
	// closed, after a collection.
	settle := func(hc *http.Client) procFigures {
		hc.CloseIdleConnections()
		runtime.GC()
		time.Sleep(2 * time.Second)
		runtime.GC()
		return readProc()
	}
	first := settle(hc)
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile + ".start"); err != nil {
			return err
		}
	}
	var posted atomic.Int64
	stats := &counter{}
	sctx, cancel := context.WithTimeout(ctx, *duration)
	defer cancel()
	var wg sync.WaitGroup
	for i := 0; i < *writers; i++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(w)+100, 9))
			for n := 0; sctx.Err() == nil; n++ {
				a := arts[rng.IntN(len(arts))]
				// A new text each time: the same text with other figures (with a fixed
				// set, a new version of one of its urls).
				text := strings.ReplaceAll(a.Text, "2025", strconv.Itoa(3000+w*1_000_000+n))
				u := soakURL(w, n)
				if *fixed > 0 {
					u = soakURL(w, rng.IntN(*fixed))
				}
				status, _, err := post(sctx, hc, srv.base, ingestBody(u, text))
				if sctx.Err() != nil {
					return
				}
				if err != nil {
					stats.add("POST error")
					continue
				}
				stats.add(fmt.Sprintf("POST %d", status))
				posted.Add(1)
			}
		}(i)
	}
	for i := 0; i < *readers; i++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			soakReader(sctx, hc, srv.base, uint64(r)+1, stats)
		}(i)
	}
	fmt.Fprintf(stdout, "%-8s %8s %8s %8s %10s %10s %9s %8s %8s %8s %8s %9s\n", "at", "RSS MB", "heap MB", "live MB", "goroutines", "open files", "articles", "claims", "agents", "file MB", "audit", "versions")
	line := func(at string, p procFigures) {
		st, _ := srv.store.Stats(ctx)
		var size int64
		if fi, err := os.Stat(filepath.Join(dir, "graph.db")); err == nil {
			size = fi.Size()
		}
		audit, versions := historySizes(ctx, srv.store)
		fmt.Fprintf(stdout, "%-8s %8.0f %8.0f %8.1f %10d %10d %9d %8d %8d %8.0f %8d %9d\n", at, mb(p.rss), mb(p.heap), mb(p.live), p.goroutines, p.fds, st.Articles, st.Claims, st.Agents, mb(size), audit, versions)
	}
	line("start", first)
	t := time.NewTicker(*every)
	defer t.Stop()
	began := time.Now()
loop:
	for {
		select {
		case <-sctx.Done():
			break loop
		case <-t.C:
			line(time.Since(began).Round(time.Second).String(), readProc())
		}
	}
	wg.Wait()
	end := settle(hc)
	line("end", end)
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile + ".end"); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "requests: %s\n", stats)
	fmt.Fprintf(stdout, "change start → end (after GC, clients idle): RSS %+.0f MB, heap in use %+.0f MB, heap live %+.1f MB, goroutines %+d, open files %+d; %d articles posted\n",
		mb(end.rss)-mb(first.rss), mb(end.heap)-mb(first.heap), mb(end.live)-mb(first.live), end.goroutines-first.goroutines, end.fds-first.fds, posted.Load())
	return nil
}

// historySizes counts what the store keeps of the past: its audit entries (a walk of
// the log in pages) and the most previous versions one article lists.
func historySizes(ctx context.Context, store graph.Store) (audit, versions int) {
	if a, ok := store.(graph.Auditor); ok {
		q := graph.AuditQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize}}
		for {
			p, err := a.AuditLog(ctx, q)
			if err != nil {
				break
			}
			audit += len(p.Items)
			if q.Page.Cursor = p.NextCursor; q.Page.Cursor == "" {
				break
			}
		}
	}
	q := graph.ArticleQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize}}
	for {
		p, err := store.Articles(ctx, q)
		if err != nil {
			break
		}
		for _, ref := range p.Items {
			if a, err := store.Article(ctx, ref.ID); err == nil {
				versions = max(versions, len(a.PreviousVersions))
			}
		}
		if q.Page.Cursor = p.NextCursor; q.Page.Cursor == "" {
			break
		}
	}
	return audit, versions
}

// soakReader reads every GET route in turn, with ids it finds on the way.
func soakReader(ctx context.Context, hc *http.Client, base string, seed uint64, stats *counter) {
	rng := rand.New(rand.NewPCG(seed, 11))
	var claims graph.Page[graph.ClaimSummary]
	var articles graph.Page[graph.ArticleRef]
	var agents graph.Page[graph.Agent]
	words := []string{"said", "ceasefire", "ministry", "officials", "united", "resolution", "war"}
	for ctx.Err() == nil {
		paths := []string{
			"/v1/claims?limit=50&q=" + words[rng.IntN(len(words))],
			"/v1/articles?limit=100",
			"/v1/agents?limit=100",
		}
		if len(claims.Items) > 0 {
			id := claims.Items[rng.IntN(len(claims.Items))].Claim.ID
			paths = append(paths, "/v1/claims/"+id, "/v1/claims/"+id+"/provenance", "/v1/claims/"+id+"/contradictions",
				"/v1/subgraph?root="+id+"&depth=2")
		}
		if len(articles.Items) > 0 {
			id := articles.Items[rng.IntN(len(articles.Items))].ID
			paths = append(paths, "/v1/articles/"+id, "/v1/articles/"+id+"/spans?limit=100")
		}
		if len(agents.Items) > 0 {
			id := agents.Items[rng.IntN(len(agents.Items))].ID
			paths = append(paths, "/v1/agents/"+id, "/v1/agents/"+id+"/claims")
		}
		for _, p := range paths {
			var v any
			switch {
			case strings.HasPrefix(p, "/v1/claims?"):
				v = &claims
			case strings.HasPrefix(p, "/v1/articles?"):
				v = &articles
			case strings.HasPrefix(p, "/v1/agents?"):
				v = &agents
			}
			status, _, err := getJSON(ctx, hc, base+p, v)
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				stats.add("GET error")
				continue
			}
			stats.add(fmt.Sprintf("GET %d", status))
		}
	}
}

// Command apiload measures the API under concurrent load: it fills a store (the
// embedded store, and Neo4j when NEO4J_URI is set) with a generated graph of at least
// -claims claims (graph/storetest.GenerateArticles), serves the real API over it on a
// local port, and drives GET /v1/claims/{id}/provenance, /contradictions and a search
// with -concurrency clients for -duration each, printing requests per second, p50 and
// p99 latency. A bare Gin JSON endpoint is measured in the same run as the ceiling of
// the machine. Beside the JSON API it measures the embeddable widget as a popular
// page loads it: the iframe card and the card JSON once the server's render cache
// holds them, their revalidation (If-None-Match, 304), and the web component's script
// gzipped and revalidated. It also measures end-to-end ingest (POST /v1/articles through the real
// extractor and ingester) and the bulk write rate of the generated graph.
//
// It prints figures and asserts none. Run it with `make bench-api`.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "apiload:", err)
		os.Exit(1)
	}
}

type config struct {
	claims      int
	concurrency int
	duration    time.Duration
	warmup      time.Duration
	dataDir     string
	stores      []string
	neo4jReset  bool
	ingestPosts int
	seed        uint64
	only        []string
	cpuProfile  string
	memProfile  string
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("apiload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&c.claims, "claims", 100_000, "least number of claims in the generated graph")
	fs.IntVar(&c.concurrency, "concurrency", 50, "concurrent clients")
	fs.DurationVar(&c.duration, "duration", 10*time.Second, "measured time per endpoint")
	fs.DurationVar(&c.warmup, "warmup", 2*time.Second, "unmeasured time per endpoint before measuring")
	fs.StringVar(&c.dataDir, "data", filepath.Join(os.TempDir(), "claimgraph-bench-api"), "directory of the embedded store, kept between runs")
	stores := fs.String("stores", "", "comma-separated stores to measure: embedded, neo4j (default: embedded, and neo4j when NEO4J_URI is set)")
	fs.BoolVar(&c.neo4jReset, "neo4j-reset", false, "allow emptying the Neo4j database of NEO4J_URI when it does not hold the generated graph")
	fs.IntVar(&c.ingestPosts, "ingest-posts", 30, "POST /v1/articles requests for the end-to-end ingest rate (0: skip)")
	fs.Uint64Var(&c.seed, "seed", 1, "generator seed")
	only := fs.String("only", "", "comma-separated words: measure only the endpoints whose name contains one of them (e.g. ceiling,provenance,embed,widget,card)")
	fs.StringVar(&c.cpuProfile, "cpuprofile", "", "write a CPU profile of the run (clients and server in one process) to this file")
	fs.StringVar(&c.memProfile, "memprofile", "", "write an allocation profile of the run (clients and server) to this file at the end")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.cpuProfile != "" {
		f, err := os.Create(c.cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if c.memProfile != "" {
		defer func() {
			if err := writeHeapProfile(c.memProfile); err != nil {
				fmt.Fprintln(stderr, "apiload: memory profile:", err)
			}
		}()
	}
	for _, w := range strings.Split(*only, ",") {
		if w = strings.TrimSpace(w); w != "" {
			c.only = append(c.only, w)
		}
	}
	switch {
	case *stores != "":
		c.stores = strings.Split(*stores, ",")
	case getenv("NEO4J_URI") != "":
		c.stores = []string{"embedded", "neo4j"}
	default:
		c.stores = []string{"embedded"}
		fmt.Fprintln(stdout, "NEO4J_URI is not set: measuring the embedded store only")
	}
	fmt.Fprintf(stdout, "apiload: %d CPUs (GOMAXPROCS %d), %s, %d clients, %s per endpoint after %s warm-up; server and clients share the machine\n",
		runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), c.concurrency, c.duration, c.warmup)

	// The ceiling: a bare Gin JSON endpoint, measured once per store run for fairness.
	bare := bareGin()
	var results []result
	for _, name := range c.stores {
		store, err := openStore(ctx, name, c, getenv, stdout)
		if err != nil {
			return err
		}
		rs, err := measureStore(ctx, name, store, bare, c, stdout)
		_ = store.Close(context.WithoutCancel(ctx))
		if err != nil {
			return err
		}
		results = append(results, rs...)
	}
	fmt.Fprintln(stdout)
	fmt.Fprintf(stdout, "%-10s %-38s %10s %9s %9s %9s %7s %8s %7s\n", "store", "endpoint", "req/s", "p50", "p99", "max", "errors", "µs CPU", "allocs")
	for _, r := range results {
		fmt.Fprintf(stdout, "%-10s %-38s %10.0f %9s %9s %9s %7d %8.1f %7.1f\n", r.store, r.name, r.rps, ms(r.p50), ms(r.p99), ms(r.max), r.errors, r.cpuPerReq, r.allocsPerReq)
	}
	fmt.Fprintln(stdout, "µs CPU and allocs: the whole process's CPU time and heap allocations (clients, server, GC) per request, warm-up included:")
	fmt.Fprintln(stdout, "much steadier than latencies on a shared machine, they compare two builds where p99s cannot.")
	return nil
}

// writeHeapProfile writes the allocation profile (every allocation since the start,
// sampled at the default rate) to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// processCPU returns the CPU time (user and system) the process has used so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// mallocs returns the number of heap allocations made so far.
func mallocs() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }

// bareGin is the ceiling: Gin with nothing but one JSON route.
func bareGin() http.Handler {
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	e.GET("/ping", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	return e
}

// openStore opens a store holding the generated graph, loading it when needed.
func openStore(ctx context.Context, name string, c config, getenv func(string) string, stdout io.Writer) (graph.Store, error) {
	var store graph.Store
	switch name {
	case "embedded":
		if err := os.MkdirAll(c.dataDir, 0o755); err != nil {
			return nil, err
		}
		path := filepath.Join(c.dataDir, fmt.Sprintf("bench-%d-%d.db", c.claims, c.seed))
		s, err := embedded.Open(ctx, path, &embedded.Options{NoSync: true})
		if err != nil {
			return nil, err
		}
		store = s
		fmt.Fprintf(stdout, "\n[embedded] %s\n", path)
	case "neo4j":
		cfg := neo4jstore.ConfigFromEnv(getenv)
		s, err := neo4jstore.New(ctx, cfg)
		if err != nil {
			return nil, err
		}
		store = s
		fmt.Fprintf(stdout, "\n[neo4j] %s\n", cfg)
	default:
		return nil, fmt.Errorf("unknown store %q: want embedded or neo4j", name)
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	if st.Claims >= c.claims {
		fmt.Fprintf(stdout, "[%s] store already holds %d claims, %d statements, %d articles: not loading\n", name, st.Claims, st.Statements, st.Articles)
		return store, nil
	}
	if st.Articles > 0 {
		if name != "neo4j" || !c.neo4jReset {
			return nil, fmt.Errorf("%s store holds %d articles but only %d claims: empty it first (neo4j: pass -neo4j-reset)", name, st.Articles, st.Claims)
		}
		fmt.Fprintf(stdout, "[neo4j] emptying the database (%d articles)\n", st.Articles)
		n4, ok := store.(*neo4jstore.Store)
		if !ok {
			return nil, fmt.Errorf("neo4j reset: store is %T, not *neo4jstore.Store", store)
		}
		if err := n4.DeleteAll(ctx); err != nil {
			return nil, err
		}
	}
	if err := load(ctx, name, store, c, stdout); err != nil {
		return nil, err
	}
	return store, nil
}

// load writes generated articles until the store holds c.claims claims.
func load(ctx context.Context, name string, store graph.Store, c config, stdout io.Writer) error {
	n := c.claims/5 + 100 // about 6 new claims an article
	for {
		start := time.Now()
		fmt.Fprintf(stdout, "[%s] generating %d articles…\n", name, n)
		gs := storetest.GenerateArticles(n, c.seed)
		fmt.Fprintf(stdout, "[%s] generated in %s; writing…\n", name, time.Since(start).Round(time.Millisecond))
		start = time.Now()
		stmts := 0
		last := time.Now()
		// A store with a bulk writer (Neo4j's PutArticles: many bundles per
		// transaction) gets batches; the result is the same as PutArticle on each.
		bulk, isBulk := store.(bulkWriter)
		batch := 1
		if isBulk {
			batch = 500
			fmt.Fprintf(stdout, "[%s] writing with PutArticles, %d bundles per call\n", name, batch)
		}
		for i := 0; i < len(gs); i += batch {
			part := gs[i:min(i+batch, len(gs))]
			var err error
			if isBulk {
				_, err = bulk.PutArticles(ctx, part)
			} else {
				_, err = store.PutArticle(ctx, part[0])
			}
			if err != nil {
				return fmt.Errorf("writing generated articles from %d: %w", i, err)
			}
			for _, g := range part {
				stmts += len(g.Statements)
			}
			if time.Since(last) > 10*time.Second {
				done := i + len(part)
				fmt.Fprintf(stdout, "[%s]   %d/%d articles, %.0f articles/s\n", name, done, len(gs), float64(done)/time.Since(start).Seconds())
				last = time.Now()
			}
		}
		el := time.Since(start)
		st, err := store.Stats(ctx)
		if err != nil {
			return err
		}
		how := "PutArticle, one bundle per call"
		if isBulk {
			how = fmt.Sprintf("PutArticles, %d bundles per call", batch)
		}
		fmt.Fprintf(stdout, "[%s] bulk write of generated bundles (%s): %d articles in %s: %.0f articles/s, %.0f statements/s; store holds %d claims, %d statements, %d disputes, %d links\n",
			name, how, len(gs), el.Round(time.Millisecond), float64(len(gs))/el.Seconds(), float64(stmts)/el.Seconds(), st.Claims, st.Statements, st.Disputes, st.Links)
		if st.Claims >= c.claims {
			return nil
		}
		n = n * c.claims / max(st.Claims, 1) * 11 / 10 // the same seed regenerates the same prefix
	}
}

// bulkWriter is implemented by stores that write many bundles per transaction.
type bulkWriter interface {
	PutArticles(ctx context.Context, gs []*graph.ArticleGraph) ([]graph.WriteResult, error)
}

// samples are the ids and words the load is drawn from.
type samples struct {
	claims   []string // random claims
	disputed []string // claims with disputes or links
	words    []string // words of claim texts
}

// sample draws claims uniformly by starting listings at random cursors.
func sample(ctx context.Context, store graph.Store) (samples, error) {
	var s samples
	seen := map[string]bool{}
	for i := 0; i < 40; i++ {
		var b [8]byte
		_, _ = rand.Read(b[:])
		cur := graph.EncodeCursor(graph.Cursor{Key: graph.PrefixClaim + hex.EncodeToString(b[:])})
		for _, disputed := range []*bool{nil, ptr(true)} {
			p, err := store.SearchClaims(ctx, graph.ClaimQuery{Disputed: disputed, Page: graph.PageRequest{Cursor: cur, Limit: 25}})
			if err != nil {
				return s, err
			}
			for _, it := range p.Items {
				if seen[it.Claim.ID] {
					continue
				}
				seen[it.Claim.ID] = true
				if disputed != nil {
					s.disputed = append(s.disputed, it.Claim.ID)
				} else {
					s.claims = append(s.claims, it.Claim.ID)
				}
				ws := graph.Words(it.Claim.Text)
				if len(ws) > 0 {
					s.words = append(s.words, ws[len(ws)/2])
				}
			}
		}
	}
	if len(s.claims) == 0 || len(s.disputed) == 0 {
		return s, errors.New("the store holds no claims to sample")
	}
	return s, nil
}

func ptr[T any](v T) *T { return &v }

type result struct {
	store, name   string
	rps           float64
	p50, p99, max time.Duration
	errors        int
	// cpuPerReq and allocsPerReq are the process's CPU time (µs) and heap
	// allocations per request, clients and server together, warm-up included.
	cpuPerReq, allocsPerReq float64
}

// serve starts h on a free local port; stop shuts it down.
func serve(h http.Handler) (base string, stop func(), err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := api.NewHTTPServer(ln.Addr().String(), h, api.DefaultTimeouts, nil)
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), func() { _ = srv.Close() }, nil
}

func measureStore(ctx context.Context, name string, store graph.Store, bare http.Handler, c config, stdout io.Writer) ([]result, error) {
	s, err := sample(ctx, store)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stdout, "[%s] sampled %d claims, %d disputed claims, %d search words\n", name, len(s.claims), len(s.disputed), len(s.words))

	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	keys, err := api.NewKeySet("bench-key-0123456789abcdef")
	if err != nil {
		return nil, err
	}
	h, err := api.New(api.Deps{
		Store: store, Keys: keys, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Ingester: api.IngesterFunc(func(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error) {
			r, err := ing.Ingest(ctx, a)
			if err != nil {
				return graph.WriteResult{}, err
			}
			return graph.WriteResult{ArticleID: r.ArticleID, Created: r.Created}, nil
		}),
	})
	if err != nil {
		return nil, err
	}
	base, stop, err := serve(h)
	if err != nil {
		return nil, err
	}
	defer stop()
	bareBase, stopBare, err := serve(bare)
	if err != nil {
		return nil, err
	}
	defer stopBare()

	pick := func(ids []string, i int) string { return ids[i%len(ids)] }
	get := func(u func(i int) string) func(i int) (string, http.Header) {
		return func(i int) (string, http.Header) { return u(i), nil }
	}
	// The widget's revalidation scenarios send the ETag each answer had (read only when
	// they are measured: -only may leave them out).
	var cardTags, scriptTag map[string]string
	if selected("widget GET /embed/claims/{id} 304", c.only) {
		if cardTags, err = etags(ctx, s.claims, func(id string) string { return base + "/embed/claims/" + id }); err != nil {
			return nil, err
		}
	}
	if selected("widget GET claim-provenance.js 304", c.only) {
		if scriptTag, err = etags(ctx, []string{"claim-provenance.js"}, func(f string) string { return base + "/widget/" + f }); err != nil {
			return nil, err
		}
	}
	gzipped := http.Header{"Accept-Encoding": {"gzip"}}
	var primeCards, primeJSON []string
	for _, id := range s.claims {
		primeCards = append(primeCards, base+"/embed/claims/"+id)
		primeJSON = append(primeJSON, base+"/v1/claims/"+id+"/card")
	}
	scenarios := []scenario{
		{"bare gin GET /ping (ceiling)", get(func(int) string { return bareBase + "/ping" }), http.StatusOK, nil},
		{"GET /healthz", get(func(int) string { return base + "/healthz" }), http.StatusOK, nil},
		{"GET /v1/claims/{id}/provenance", get(func(i int) string { return base + "/v1/claims/" + pick(s.claims, i) + "/provenance" }), http.StatusOK, nil},
		{"GET /v1/claims/{id}/contradictions", get(func(i int) string { return base + "/v1/claims/" + pick(s.disputed, i) + "/contradictions" }), http.StatusOK, nil},
		{"GET /v1/claims?q=WORD", get(func(i int) string { return base + "/v1/claims?q=" + url.QueryEscape(pick(s.words, i)) }), http.StatusOK, nil},
		{"widget GET /v1/claims/{id}/card", get(func(i int) string { return base + "/v1/claims/" + pick(s.claims, i) + "/card" }), http.StatusOK, primeJSON},
		{"widget GET /embed/claims/{id}", get(func(i int) string { return base + "/embed/claims/" + pick(s.claims, i) }), http.StatusOK, primeCards},
		{"widget GET /embed/claims/{id} 304", func(i int) (string, http.Header) {
			id := pick(s.claims, i)
			return base + "/embed/claims/" + id, http.Header{"If-None-Match": {cardTags[id]}}
		}, http.StatusNotModified, primeCards},
		{"widget GET claim-provenance.js gzip", func(int) (string, http.Header) {
			return base + "/widget/claim-provenance.js", gzipped
		}, http.StatusOK, nil},
		{"widget GET claim-provenance.js 304", func(int) (string, http.Header) {
			return base + "/widget/claim-provenance.js", http.Header{"If-None-Match": {scriptTag["claim-provenance.js"]}}
		}, http.StatusNotModified, nil},
	}
	var out []result
	for _, sc := range scenarios {
		if !selected(sc.name, c.only) {
			continue
		}
		for _, u := range sc.prime {
			if err := fetch(ctx, http.DefaultClient, u, nil, http.StatusOK); err != nil {
				return nil, fmt.Errorf("%s %s: priming %s: %w", name, sc.name, u, err)
			}
		}
		r, err := load1(ctx, sc, c)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", name, sc.name, err)
		}
		r.store, r.name = name, sc.name
		fmt.Fprintf(stdout, "[%s] %-38s %8.0f req/s  p50 %s  p99 %s  max %s  errors %d  %.1f µs CPU  %.1f allocs a request\n",
			name, sc.name, r.rps, ms(r.p50), ms(r.p99), ms(r.max), r.errors, r.cpuPerReq, r.allocsPerReq)
		out = append(out, r)
	}
	if c.ingestPosts > 0 {
		if err := ingestRate(ctx, name, base, c.ingestPosts, stdout); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// scenario is one endpoint under load: the request of the i-th call (URL and extra
// headers), the status every answer must have, and the URLs to read once before the
// warm-up (the widget's "cached" scenarios fill the server's render cache with them).
type scenario struct {
	name    string
	request func(i int) (string, http.Header)
	status  int
	prime   []string
}

// selected reports whether a scenario is measured under -only.
func selected(name string, only []string) bool {
	if len(only) == 0 {
		return true
	}
	for _, w := range only {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// etags fetches each item's URL once and returns the ETag it answered with, for the
// revalidation scenarios (this also fills the server's render cache).
func etags(ctx context.Context, items []string, urlOf func(string) string) (map[string]string, error) {
	out := make(map[string]string, len(items))
	for _, it := range items {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, urlOf(it), nil)
		if err != nil {
			return nil, err
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return nil, err
		}
		_, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || res.Header.Get("ETag") == "" {
			return nil, fmt.Errorf("GET %s: status %d, ETag %q: want 200 with an ETag", urlOf(it), res.StatusCode, res.Header.Get("ETag"))
		}
		out[it] = res.Header.Get("ETag")
	}
	return out, nil
}

// fetch sends one GET with the given extra headers, reads the whole answer and
// checks its status.
func fetch(ctx context.Context, client *http.Client, u string, header http.Header, status int) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return err
	}
	if res.StatusCode != status {
		return fmt.Errorf("status %d, want %d", res.StatusCode, status)
	}
	return nil
}

// load1 drives one scenario: c.concurrency clients in closed loops, a warm-up, then
// c.duration measured.
func load1(ctx context.Context, sc scenario, c config) (result, error) {
	tr := &http.Transport{MaxIdleConns: c.concurrency * 2, MaxIdleConnsPerHost: c.concurrency * 2, IdleConnTimeout: time.Minute}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var (
		mu        sync.Mutex
		latencies []time.Duration
		errs      int
		firstErr  error
		sent      atomic.Int64 // every request, warm-up included
	)
	cpu0, mallocs0 := processCPU(), mallocs()
	start := time.Now()
	measureFrom := start.Add(c.warmup)
	end := measureFrom.Add(c.duration)
	var wg sync.WaitGroup
	for w := range c.concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			e := 0
			var fe error
			for i := w * 7919; ; i++ {
				now := time.Now()
				if now.After(end) || ctx.Err() != nil {
					break
				}
				u, header := sc.request(i)
				err := fetch(ctx, client, u, header, sc.status)
				done := time.Now()
				sent.Add(1)
				if now.Before(measureFrom) {
					continue
				}
				if err != nil {
					e++
					if fe == nil {
						fe = err
					}
					continue
				}
				lat = append(lat, done.Sub(now))
			}
			mu.Lock()
			latencies = append(latencies, lat...)
			errs += e
			if firstErr == nil {
				firstErr = fe
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	cpu, allocs, n := processCPU()-cpu0, mallocs()-mallocs0, float64(max(sent.Load(), 1))
	if len(latencies) == 0 {
		return result{}, fmt.Errorf("no successful request (first error: %v)", firstErr)
	}
	slices.Sort(latencies)
	q := func(p float64) time.Duration { return latencies[min(len(latencies)-1, int(p*float64(len(latencies))))] }
	return result{
		rps: float64(len(latencies)) / c.duration.Seconds(),
		p50: q(0.50), p99: q(0.99), max: latencies[len(latencies)-1], errors: errs,
		cpuPerReq: float64(cpu.Microseconds()) / n, allocsPerReq: float64(allocs) / n,
	}, nil
}

// ingestRate posts the built-in corpus under fresh URLs (so that every post creates
// an article) through the real extractor and ingester, one at a time, and prints the
// end-to-end rate.
func ingestRate(ctx context.Context, name, base string, posts int, stdout io.Writer) error {
	arts, err := corpus.Default()
	if err != nil {
		return err
	}
	var b [4]byte
	_, _ = rand.Read(b[:])
	run := hex.EncodeToString(b[:])
	start := time.Now()
	created := 0
	for i := range posts {
		a := arts[i%len(arts)]
		body, _ := json.Marshal(api.IngestRequest{
			URL: fmt.Sprintf("https://bench.example/%s/%d", run, i), Title: a.Title, Outlet: a.Outlet,
			Authors: a.Authors, Published: a.Published.Value, Text: a.Text,
		})
		req, _ := http.NewRequestWithContext(ctx, "POST", base+"/v1/articles", strings.NewReader(string(body)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-API-Key", "bench-key-0123456789abcdef")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		msg, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusCreated {
			return fmt.Errorf("POST /v1/articles: %d %s", res.StatusCode, msg)
		}
		created++
	}
	el := time.Since(start)
	chars := 0
	for _, a := range arts {
		chars += len(a.Text)
	}
	fmt.Fprintf(stdout, "[%s] end-to-end ingest (POST /v1/articles: extract, reason across the stored graph, write), one client: %d articles in %s: %.1f articles/s (built-in articles, %d chars on average)\n",
		name, created, el.Round(time.Millisecond), float64(created)/el.Seconds(), chars/len(arts))
	return nil
}

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// Defaults of claimgraph serve.
const (
	defaultAddr     = "127.0.0.1:8080"
	shutdownTimeout = 15 * time.Second
)

// serveConfig is the configuration of claimgraph serve, from flags and environment.
type serveConfig struct {
	Addr           string
	Data           string
	NoCorpus       bool
	TrustedProxies []string
	RequestTimeout time.Duration
	IngestTimeout  time.Duration
	MaxBodyBytes   int64
	LogFormat      string
	// MemoryLimitMiB is the Go runtime's soft memory limit in MiB (0: none); -1 when
	// the GOMEMLIMIT environment variable sets it instead.
	MemoryLimitMiB int64
}

// defaultMemoryLimitMiB is serve's soft memory limit: the Go heap is collected harder
// as it nears it, so that the garbage of a large ingest (twice the live heap at the
// default GOGC) does not take the process far past what it holds. Ingesting a 2 MiB
// article holds about 160 MB at its peak.
const defaultMemoryLimitMiB = 256

// envDefault returns the environment variable's value, or def when it is unset.
func envDefault(getenv func(string) string, name, def string) string {
	if v := strings.TrimSpace(getenv(name)); v != "" {
		return v
	}
	return def
}

// parseServeFlags reads the flags of serve; every flag defaults to its environment
// variable, then to the built-in default.
func parseServeFlags(args []string, getenv func(string) string, stderr io.Writer) (serveConfig, error) {
	var c serveConfig
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.Addr, "addr", envDefault(getenv, "CLAIMGRAPH_ADDR", defaultAddr), "listen address, host:port (env CLAIMGRAPH_ADDR); port 0 picks a free one")
	data := storeFlag(fs)
	fs.BoolVar(&c.NoCorpus, "no-corpus", false, "do not load the built-in corpus into an empty embedded store")
	proxies := fs.String("trusted-proxies", getenv("CLAIMGRAPH_TRUSTED_PROXIES"), "comma-separated proxy IPs or CIDRs whose X-Forwarded-For is believed (env CLAIMGRAPH_TRUSTED_PROXIES); default none")
	reqTimeout := fs.String("request-timeout", envDefault(getenv, "CLAIMGRAPH_REQUEST_TIMEOUT", api.DefaultRequestTimeout.String()), "deadline of one read request (env CLAIMGRAPH_REQUEST_TIMEOUT)")
	ingTimeout := fs.String("ingest-timeout", envDefault(getenv, "CLAIMGRAPH_INGEST_TIMEOUT", api.DefaultIngestTimeout.String()), "deadline of one POST /v1/articles (env CLAIMGRAPH_INGEST_TIMEOUT)")
	maxBody := fs.String("max-body", envDefault(getenv, "CLAIMGRAPH_MAX_BODY_BYTES", strconv.Itoa(api.DefaultMaxBodyBytes)), "largest request body in bytes (env CLAIMGRAPH_MAX_BODY_BYTES)")
	memLimit := fs.String("memory-limit", envDefault(getenv, "CLAIMGRAPH_MEMORY_LIMIT_MIB", strconv.Itoa(defaultMemoryLimitMiB)), "soft memory limit of the Go runtime in MiB, 0 for none (env CLAIMGRAPH_MEMORY_LIMIT_MIB; GOMEMLIMIT, when set, wins over the default)")
	fs.StringVar(&c.LogFormat, "log-format", envDefault(getenv, "CLAIMGRAPH_LOG_FORMAT", "json"), "request log format on stderr: json or text (env CLAIMGRAPH_LOG_FORMAT)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph serve [flags]")
		fmt.Fprintln(stderr, "Serves the HTTP API. Store: Neo4j when NEO4J_URI is set (NEO4J_USER, NEO4J_PASSWORD,")
		fmt.Fprintln(stderr, "NEO4J_DATABASE), else the embedded store, which gets the built-in corpus on first start.")
		fmt.Fprintln(stderr, "POST /v1/articles accepts the API keys of CLAIMGRAPH_API_KEYS (comma-separated) and of the")
		fmt.Fprintln(stderr, "file CLAIMGRAPH_API_KEYS_FILE (one a line).")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("serve takes no arguments, got %q", fs.Args())
	}
	c.Data = *data
	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			c.TrustedProxies = append(c.TrustedProxies, p)
		}
	}
	var err error
	if c.RequestTimeout, err = positiveDuration("request-timeout", *reqTimeout); err != nil {
		return c, err
	}
	if c.IngestTimeout, err = positiveDuration("ingest-timeout", *ingTimeout); err != nil {
		return c, err
	}
	n, err := strconv.ParseInt(*maxBody, 10, 64)
	if err != nil || n < 1024 {
		return c, fmt.Errorf("--max-body %q: want a number of bytes, at least 1024", *maxBody)
	}
	c.MaxBodyBytes = n
	ml, err := strconv.ParseInt(*memLimit, 10, 64)
	if err != nil || ml < 0 {
		return c, fmt.Errorf("--memory-limit %q: want a number of MiB, or 0 for none", *memLimit)
	}
	c.MemoryLimitMiB = ml
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "memory-limit" })
	if !explicit && getenv("CLAIMGRAPH_MEMORY_LIMIT_MIB") == "" && getenv("GOMEMLIMIT") != "" {
		c.MemoryLimitMiB = -1
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		return c, fmt.Errorf("--log-format %q: want json or text", c.LogFormat)
	}
	return c, nil
}

// memoryLimitText says which soft memory limit applies.
func memoryLimitText(mib int64, getenv func(string) string) string {
	switch {
	case mib < 0:
		return "from GOMEMLIMIT=" + getenv("GOMEMLIMIT")
	case mib == 0:
		return "none"
	}
	return strconv.FormatInt(mib, 10) + " MiB"
}

func positiveDuration(name, s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("--%s %q: want a positive duration such as 10s", name, s)
	}
	return d, nil
}

// runServe starts the HTTP API and serves until ctx is cancelled (SIGINT, SIGTERM),
// then shuts down gracefully: it stops accepting, lets requests in flight finish (up
// to shutdownTimeout) and closes the store.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseServeFlags(args, osGetenv, stderr)
	if err != nil {
		return err
	}
	keys, err := api.LoadKeys(osGetenv)
	if err != nil {
		return err
	}
	if cfg.MemoryLimitMiB >= 0 {
		limit := int64(math.MaxInt64)
		if cfg.MemoryLimitMiB > 0 {
			limit = cfg.MemoryLimitMiB << 20
		}
		debug.SetMemoryLimit(limit)
	}
	var handler slog.Handler = slog.NewJSONHandler(stderr, nil)
	if cfg.LogFormat == "text" {
		handler = slog.NewTextHandler(stderr, nil)
	}
	log := slog.New(handler)

	store, scfg, err := openStore(ctx, osGetenv, cfg.Data)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))

	proxies := "none (client IP is the peer address)"
	if len(cfg.TrustedProxies) > 0 {
		proxies = strings.Join(cfg.TrustedProxies, ",")
	}
	keyState := fmt.Sprintf("%d configured (values hidden)", keys.Len())
	if keys.Len() == 0 {
		keyState = "none: POST /v1/articles refuses every request (set CLAIMGRAPH_API_KEYS or CLAIMGRAPH_API_KEYS_FILE)"
	}
	fmt.Fprintf(stdout, "claimgraph serve: %s\n", scfg)
	fmt.Fprintf(stdout, "claimgraph serve: api keys %s; trusted proxies %s; request timeout %s; ingest timeout %s; max body %d bytes; log format %s\n",
		keyState, proxies, cfg.RequestTimeout, cfg.IngestTimeout, cfg.MaxBodyBytes, cfg.LogFormat)
	fmt.Fprintf(stdout, "claimgraph serve: soft memory limit %s\n", memoryLimitText(cfg.MemoryLimitMiB, osGetenv))

	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	// Only the embedded store gets the built-in corpus: a Neo4j database is the
	// operator's, and demo data is not written into it unasked.
	if err := loadCorpusIfEmpty(ctx, store, ing, !cfg.NoCorpus && scfg.Backend == "embedded", stdout); err != nil {
		return err
	}

	srv, err := api.New(api.Deps{
		Store:          store,
		Ingester:       api.IngesterFunc(ingestFunc(ing)),
		Keys:           keys,
		Logger:         log,
		TrustedProxies: cfg.TrustedProxies,
		RequestTimeout: cfg.RequestTimeout,
		IngestTimeout:  cfg.IngestTimeout,
		MaxBodyBytes:   cfg.MaxBodyBytes,
	})
	if err != nil {
		return fmt.Errorf("--trusted-proxies: %v", err)
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v (choose another with --addr or CLAIMGRAPH_ADDR)", cfg.Addr, err)
	}
	timeouts := api.DefaultTimeouts
	timeouts.Write = cfg.IngestTimeout + 15*time.Second
	httpSrv := api.NewHTTPServer(cfg.Addr, srv, timeouts, log)
	httpSrv.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }

	jobsCtx, stopJobs := context.WithCancel(context.WithoutCancel(ctx))
	jobsDone := make(chan struct{})
	go func() {
		defer close(jobsDone)
		_ = srv.RunJobs(jobsCtx)
	}()
	defer func() {
		stopJobs()
		<-jobsDone
	}()

	errc := make(chan error, 1)
	go func() { errc <- httpSrv.Serve(ln) }()
	fmt.Fprintf(stdout, "claimgraph serve: listening on http://%s (OpenAPI at /openapi.json)\n", ln.Addr())

	select {
	case err := <-errc:
		return fmt.Errorf("server stopped: %v", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(stdout, "claimgraph serve: shutting down")
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := httpSrv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %v", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "claimgraph serve: stopped")
	return nil
}

// ingestFunc adapts the ingester to the API's ArticleIngester, reporting its stages
// to the job that runs it.
func ingestFunc(ing *ingest.Ingester) func(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error) {
	return func(ctx context.Context, a graph.ArticleInput) (graph.WriteResult, error) {
		api.ReportStage(ctx, api.StageExtracting)
		p, err := ing.Prepare(ctx, a)
		if err != nil {
			return graph.WriteResult{}, err
		}
		api.ReportStage(ctx, api.StageWriting)
		res, err := ing.IngestPrepared(ctx, p)
		if err != nil {
			return graph.WriteResult{}, err
		}
		return graph.WriteResult{ArticleID: res.ArticleID, Created: res.Created}, nil
	}
}

// loadCorpusIfEmpty ingests the built-in corpus into a store that holds no article
// when load is true, so that a first start serves a working API; it reports what the
// store holds.
func loadCorpusIfEmpty(ctx context.Context, store graph.Store, ing *ingest.Ingester, load bool, stdout io.Writer) error {
	st, err := store.Stats(ctx)
	if err != nil {
		return fmt.Errorf("reading the store's counts: %s", graph.ErrorMessage(err))
	}
	if st.Articles > 0 || !load {
		fmt.Fprintf(stdout, "claimgraph serve: store holds %d articles, %d claims\n", st.Articles, st.Claims)
		return nil
	}
	arts, err := corpus.Default()
	if err != nil {
		return fmt.Errorf("built-in corpus: %v", err)
	}
	start := time.Now()
	for _, a := range arts {
		if _, err := ing.Ingest(ctx, a.Input()); err != nil {
			return fmt.Errorf("loading the built-in corpus, %s: %s", a.Path, graph.ErrorMessage(err))
		}
	}
	if st, err = store.Stats(ctx); err != nil {
		return fmt.Errorf("reading the store's counts: %s", graph.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "claimgraph serve: empty store: loaded the built-in corpus (%d articles, %d claims, %d disputes) in %s\n",
		st.Articles, st.Claims, st.Disputes, time.Since(start).Round(time.Millisecond))
	return nil
}

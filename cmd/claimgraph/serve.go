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
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/api/embed"
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
	RateLimits     api.RateLimits
	KeysPoll       time.Duration
	// FrameAncestors lists the sites allowed to frame the widget's /embed cards
	// (empty: every site); PublicURL is the server's public origin, for oEmbed.
	FrameAncestors []string
	PublicURL      string
	// MemoryLimitMiB is the Go runtime's soft memory limit in MiB (0: none); -1 when
	// the GOMEMLIMIT environment variable sets it instead.
	MemoryLimitMiB int64
	// GCPercent is the Go runtime's GOGC (debug.SetGCPercent; -1: off, the memory
	// limit alone then starts collections); gcFromEnv when the GOGC environment
	// variable sets it instead.
	GCPercent int
	gcFromEnv bool
	// MaxStatements refuses an article whose extraction finds more statements (0: no
	// limit); -1 until the store is known: then the store's default (maxStatementsFor).
	MaxStatements int
	// Retention bounds the audit log and each article's previous versions
	// (graph.Retention; a zero field: no bound of that kind).
	Retention graph.Retention
}

// neo4jMaxStatements is serve's default statement limit on Neo4j. Neo4j writes a
// large article in pieces (neo4jstore, pieces.go), and its last transaction, which
// makes the article visible whole, changes labels only: the worst-case 2 MiB article
// (about 42,500 statements, each its own claim) stores within the 512 MiB heap of the
// project's launcher, its last transaction at 317 of the 358 MiB of transaction memory
// Neo4j allows there. The limit is over that worst case, so that no article within
// graph.MaxArticleBytes is refused (TestNeo4jStatementCapAdmitsTheDensestArticle),
// and stays a bound should the extraction ever find more per byte than was measured.
// News yields about 3 statements per KiB (2 MiB of the built-in corpus: 5,693). The
// embedded store has no default limit.
const neo4jMaxStatements = 50000

// maxStatementsFor resolves the statement limit for a store backend: the configured
// one when set, else the backend's default.
func maxStatementsFor(configured int, backend string) int {
	if configured >= 0 {
		return configured
	}
	if backend == "neo4j" {
		return neo4jMaxStatements
	}
	return 0
}

// maxStatementsText says which statement limit applies.
func maxStatementsText(n int) string {
	if n == 0 {
		return "none"
	}
	return strconv.Itoa(n) + " statements per article"
}

// defaultMemoryLimitMiB is serve's soft memory limit: the Go heap is collected harder
// as it nears it, so that the garbage of a large ingest (twice the live heap at the
// default GOGC) does not take the process far past what it holds. Ingesting the 2 MiB
// worst-case article holds about 170 MB of live heap at its peak, reading it with 50
// clients about 160 MB; at 256 MiB the process peaked at 312-322 MB (the heap at the
// limit plus 50-75 MB of mapped files: the binary and the store file), at 224 MiB at
// 267 MB, for about twice the collector's CPU during that ingest (README, Bounded
// memory).
const defaultMemoryLimitMiB = 224

// defaultGCPercent is serve's GOGC: the Go default. Below the memory limit a
// collection starts when the heap has grown this many percent over what the last one
// left live.
const defaultGCPercent = 100

// Default rate limits of serve: generous for a person or a page, a brake on a script.
const (
	defaultRateIP       = 50
	defaultRateIPBurst  = 100
	defaultRateKey      = 10
	defaultRateKeyBurst = 20
	defaultKeysPoll     = 5 * time.Second
)

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
	rateIP := fs.String("rate-ip", envDefault(getenv, "CLAIMGRAPH_RATE_IP", strconv.Itoa(defaultRateIP)), "requests per second one client IP may send, 0 for no limit (env CLAIMGRAPH_RATE_IP)")
	rateIPBurst := fs.String("rate-ip-burst", envDefault(getenv, "CLAIMGRAPH_RATE_IP_BURST", strconv.Itoa(defaultRateIPBurst)), "requests one client IP may send at once (env CLAIMGRAPH_RATE_IP_BURST)")
	rateKey := fs.String("rate-key", envDefault(getenv, "CLAIMGRAPH_RATE_KEY", strconv.Itoa(defaultRateKey)), "requests per second one API key may send, 0 for no limit (env CLAIMGRAPH_RATE_KEY)")
	rateKeyBurst := fs.String("rate-key-burst", envDefault(getenv, "CLAIMGRAPH_RATE_KEY_BURST", strconv.Itoa(defaultRateKeyBurst)), "requests one API key may send at once (env CLAIMGRAPH_RATE_KEY_BURST)")
	keysPoll := fs.String("keys-poll", envDefault(getenv, "CLAIMGRAPH_KEYS_POLL", defaultKeysPoll.String()), "how often the keys file is checked for changes, 0 to check only on SIGHUP (env CLAIMGRAPH_KEYS_POLL)")
	ancestors := fs.String("frame-ancestors", getenv("CLAIMGRAPH_FRAME_ANCESTORS"), "sites allowed to frame the widget's /embed cards, comma-separated CSP sources such as https://news.example,https://*.example.org (env CLAIMGRAPH_FRAME_ANCESTORS); default every site")
	fs.StringVar(&c.PublicURL, "public-url", getenv("CLAIMGRAPH_PUBLIC_URL"), "the server's public origin, e.g. https://claims.example.org, by which oEmbed recognizes claim pages (env CLAIMGRAPH_PUBLIC_URL); default the Host of each request")
	memLimit := fs.String("memory-limit", envDefault(getenv, "CLAIMGRAPH_MEMORY_LIMIT_MIB", strconv.Itoa(defaultMemoryLimitMiB)), "soft memory limit of the Go runtime in MiB, 0 for none (env CLAIMGRAPH_MEMORY_LIMIT_MIB; GOMEMLIMIT, when set, wins over the default)")
	gcPercent := fs.String("gc-percent", envDefault(getenv, "CLAIMGRAPH_GC_PERCENT", strconv.Itoa(defaultGCPercent)), "the Go collector's GOGC: how many percent the heap grows over its live size before a collection, or off (then only the memory limit starts one) (env CLAIMGRAPH_GC_PERCENT; GOGC, when set, wins over the default)")
	maxStmts := fs.String("max-statements", envDefault(getenv, "CLAIMGRAPH_MAX_STATEMENTS", "auto"), "refuse an article whose extraction finds more statements, 0 for no limit (env CLAIMGRAPH_MAX_STATEMENTS); auto: "+strconv.Itoa(neo4jMaxStatements)+" on Neo4j, none on the embedded store")
	auditKeep := fs.String("audit-keep", envDefault(getenv, "CLAIMGRAPH_AUDIT_KEEP", strconv.Itoa(graph.DefaultAuditKeep)), "audit entries kept in the store, the newest; 0 keeps all (env CLAIMGRAPH_AUDIT_KEEP)")
	auditAge := fs.String("audit-max-age", envDefault(getenv, "CLAIMGRAPH_AUDIT_MAX_AGE", graph.FormatAge(graph.DefaultAuditMaxAge)), "drop audit entries older than this, as 90d or 720h; 0 keeps any age (env CLAIMGRAPH_AUDIT_MAX_AGE)")
	versionsKeep := fs.String("versions-keep", envDefault(getenv, "CLAIMGRAPH_VERSIONS_KEEP", strconv.Itoa(graph.DefaultVersionsKeep)), "earlier versions an article lists in previous_versions, the newest; 0 lists all (env CLAIMGRAPH_VERSIONS_KEEP)")
	fs.StringVar(&c.LogFormat, "log-format", envDefault(getenv, "CLAIMGRAPH_LOG_FORMAT", "json"), "request log format on stderr: json or text (env CLAIMGRAPH_LOG_FORMAT)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph serve [flags]")
		fmt.Fprintln(stderr, "Serves the HTTP API. Store: Neo4j when NEO4J_URI is set (NEO4J_USER, NEO4J_PASSWORD,")
		fmt.Fprintln(stderr, "NEO4J_DATABASE), else the embedded store, which gets the built-in corpus on first start.")
		fmt.Fprintln(stderr, "API keys come from CLAIMGRAPH_API_KEYS (comma-separated) and the file CLAIMGRAPH_API_KEYS_FILE")
		fmt.Fprintln(stderr, "(one a line), each NAME:SCOPE:KEY (scope ingest or admin) or a plain KEY (scope ingest). The")
		fmt.Fprintln(stderr, "file is re-read when it changes and on SIGHUP: keys rotate without a restart.")
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
	if c.RateLimits.PerIP, err = nonNegativeFloat("rate-ip", *rateIP); err != nil {
		return c, err
	}
	if c.RateLimits.PerIPBurst, err = positiveInt("rate-ip-burst", *rateIPBurst); err != nil {
		return c, err
	}
	if c.RateLimits.PerKey, err = nonNegativeFloat("rate-key", *rateKey); err != nil {
		return c, err
	}
	if c.RateLimits.KeyBurst, err = positiveInt("rate-key-burst", *rateKeyBurst); err != nil {
		return c, err
	}
	if c.KeysPoll, err = time.ParseDuration(*keysPoll); err != nil || c.KeysPoll < 0 {
		return c, fmt.Errorf("--keys-poll %q: want a duration such as 5s, or 0", *keysPoll)
	}
	if c.FrameAncestors, err = embed.ParseFrameAncestors(*ancestors); err != nil {
		return c, fmt.Errorf("--frame-ancestors: %v", err)
	}
	ml, err := strconv.ParseInt(*memLimit, 10, 64)
	if err != nil || ml < 0 {
		return c, fmt.Errorf("--memory-limit %q: want a number of MiB, or 0 for none", *memLimit)
	}
	c.MemoryLimitMiB = ml
	if *gcPercent == "off" {
		c.GCPercent = -1
	} else if c.GCPercent, err = strconv.Atoi(*gcPercent); err != nil || c.GCPercent < 1 {
		return c, fmt.Errorf("--gc-percent %q: want a whole number of percent, at least 1, or off", *gcPercent)
	}
	c.MaxStatements = -1
	if *maxStmts != "auto" {
		if c.MaxStatements, err = strconv.Atoi(*maxStmts); err != nil || c.MaxStatements < 0 {
			return c, fmt.Errorf("--max-statements %q: want auto, 0 for no limit, or a number of statements", *maxStmts)
		}
	}
	if c.Retention.AuditKeep, err = strconv.Atoi(*auditKeep); err != nil || c.Retention.AuditKeep < 0 {
		return c, fmt.Errorf("--audit-keep %q: want a number of entries, or 0 to keep all", *auditKeep)
	}
	if c.Retention.AuditMaxAge, err = graph.ParseAge(*auditAge); err != nil {
		return c, fmt.Errorf("--audit-max-age %v", err)
	}
	if c.Retention.VersionsKeep, err = strconv.Atoi(*versionsKeep); err != nil || c.Retention.VersionsKeep < 0 {
		return c, fmt.Errorf("--versions-keep %q: want a number of versions, or 0 to keep all", *versionsKeep)
	}
	explicit := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { explicit[f.Name] = true })
	if !explicit["memory-limit"] && getenv("CLAIMGRAPH_MEMORY_LIMIT_MIB") == "" && getenv("GOMEMLIMIT") != "" {
		c.MemoryLimitMiB = -1
	}
	if !explicit["gc-percent"] && getenv("CLAIMGRAPH_GC_PERCENT") == "" && getenv("GOGC") != "" {
		c.gcFromEnv = true
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		return c, fmt.Errorf("--log-format %q: want json or text", c.LogFormat)
	}
	return c, nil
}

func nonNegativeFloat(name, s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("--%s %q: want a number of requests per second, 0 for no limit", name, s)
	}
	return f, nil
}

func positiveInt(name, s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("--%s %q: want a whole number, at least 1", name, s)
	}
	return n, nil
}

// applyRuntimeLimits sets the Go runtime's soft memory limit and GOGC as cfg says
// (leaving those the environment set) and returns what the runtime then uses, for the
// start-up line: the limit in bytes (math.MaxInt64: none) and GOGC (-1: off).
func applyRuntimeLimits(cfg serveConfig) (limit int64, gcPercent int) {
	if cfg.MemoryLimitMiB >= 0 {
		limit := int64(math.MaxInt64)
		if cfg.MemoryLimitMiB > 0 {
			limit = cfg.MemoryLimitMiB << 20
		}
		debug.SetMemoryLimit(limit)
	}
	if !cfg.gcFromEnv {
		debug.SetGCPercent(cfg.GCPercent)
	}
	gcPercent = debug.SetGCPercent(-1) // reads the setting, then puts it back
	debug.SetGCPercent(gcPercent)
	return debug.SetMemoryLimit(-1), gcPercent
}

// runtimeLimitsText says which memory limit and GOGC the runtime uses, and where
// each came from.
func runtimeLimitsText(cfg serveConfig, limit int64, gcPercent int, getenv func(string) string) string {
	lim := "none"
	if limit != math.MaxInt64 {
		lim = fmt.Sprintf("%d MiB", limit>>20)
	}
	if cfg.MemoryLimitMiB < 0 {
		lim += " (GOMEMLIMIT=" + getenv("GOMEMLIMIT") + ")"
	}
	gc := "off"
	if gcPercent >= 0 {
		gc = strconv.Itoa(gcPercent)
	}
	if cfg.gcFromEnv {
		gc += " (GOGC=" + getenv("GOGC") + ")"
	}
	return "soft memory limit " + lim + ", GOGC " + gc
}

// applyRetention puts the configured retention in force on the store and returns
// the start-up line that says it.
func applyRetention(store graph.Store, r graph.Retention) string {
	ret, ok := store.(graph.Retainer)
	if !ok {
		return "retention: this store keeps everything (it applies no retention)"
	}
	if err := ret.SetRetention(r); err != nil {
		return "retention: " + err.Error() + "; keeping " + ret.Retention().String()
	}
	return "retention: " + ret.Retention().String() + " (--audit-keep, --audit-max-age, --versions-keep); every audit entry is also logged (msg=audit)"
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
	keys, err := api.NewKeyring(osGetenv)
	if err != nil {
		return err
	}
	limit, gcPercent := applyRuntimeLimits(cfg)
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
	keyState := keys.Current().Describe()
	if keys.Current().Len() == 0 {
		keyState = "none: POST /v1/articles refuses every request (set CLAIMGRAPH_API_KEYS or CLAIMGRAPH_API_KEYS_FILE)"
	}
	if f := keys.File(); f != "" {
		keyState += fmt.Sprintf(", file %s re-read on SIGHUP", f)
		if cfg.KeysPoll > 0 {
			keyState += fmt.Sprintf(" and when it changes (checked every %s)", cfg.KeysPoll)
		}
	}
	fmt.Fprintf(stdout, "claimgraph serve: %s\n", scfg)
	fmt.Fprintf(stdout, "claimgraph serve: api keys %s; rate limits %s; trusted proxies %s; request timeout %s; ingest timeout %s; max body %d bytes; log format %s\n",
		keyState, cfg.RateLimits, proxies, cfg.RequestTimeout, cfg.IngestTimeout, cfg.MaxBodyBytes, cfg.LogFormat)
	fmt.Fprintf(stdout, "claimgraph serve: %s\n", runtimeLimitsText(cfg, limit, gcPercent, osGetenv))

	fmt.Fprintf(stdout, "claimgraph serve: %s\n", applyRetention(store, cfg.Retention))

	maxStatements := maxStatementsFor(cfg.MaxStatements, scfg.Backend)
	fmt.Fprintf(stdout, "claimgraph serve: statement limit %s\n", maxStatementsText(maxStatements))

	ing := ingest.New(store, extract.Extractor{}, ingest.Options{MaxStatements: maxStatements})
	// Only the embedded store gets the built-in corpus: a Neo4j database is the
	// operator's, and demo data is not written into it unasked.
	if err := loadCorpusIfEmpty(ctx, store, ing, !cfg.NoCorpus && scfg.Backend == "embedded", stdout); err != nil {
		return err
	}

	srv, err := api.New(api.Deps{
		Store:          store,
		Ingester:       api.IngesterOf(ing),
		Keys:           keys,
		Logger:         log,
		TrustedProxies: cfg.TrustedProxies,
		RequestTimeout: cfg.RequestTimeout,
		IngestTimeout:  cfg.IngestTimeout,
		MaxBodyBytes:   cfg.MaxBodyBytes,
		RateLimits:     cfg.RateLimits,

		EmbedFrameAncestors: cfg.FrameAncestors,
		PublicURL:           cfg.PublicURL,
	})
	if err != nil {
		return fmt.Errorf("--trusted-proxies, --frame-ancestors or --public-url: %v", err)
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v (choose another with --addr or CLAIMGRAPH_ADDR)", cfg.Addr, err)
	}
	timeouts := api.DefaultTimeouts
	timeouts.Write = cfg.IngestTimeout + 15*time.Second
	httpSrv := api.NewHTTPServer(cfg.Addr, srv, timeouts, log)
	httpSrv.BaseContext = func(net.Listener) context.Context { return context.WithoutCancel(ctx) }

	wctx, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go keys.Watch(wctx, cfg.KeysPoll, log)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // before the listening line: a SIGHUP after it reloads
	defer signal.Stop(hup)
	go reloadOnHangup(wctx, hup, keys, log)
	if c, ok := store.(pendingCleaner); ok { // Neo4j: writes in pieces a dead server left
		go sweepPending(wctx, c, pendingSweepEvery, log)
	}
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
	err = httpSrv.Shutdown(sctx)
	srv.FlushLog(sctx) // the widget's answers counted since the last tally line
	if err != nil {
		return fmt.Errorf("shutdown: %v", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "claimgraph serve: stopped")
	return nil
}

// reloadOnHangup re-reads the API keys on every signal of hup (SIGHUP) until ctx ends.
func reloadOnHangup(ctx context.Context, hup <-chan os.Signal, keys *api.Keyring, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			keys.ReloadAndLog(log, "SIGHUP")
		}
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

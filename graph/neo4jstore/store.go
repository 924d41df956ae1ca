package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/claimgraph/claimgraph/graph"
)

// Store is a graph.Store kept in Neo4j. It owns one driver; it is safe for concurrent use.
type Store struct {
	driver neo4j.DriverWithContext
	cfg    Config
	db     string
	// bound is set on the view Batch passes to its function: every query then runs in
	// the batch's transaction (batch.go).
	bound *graph.BoundTx[neo4j.ManagedTransaction]
	// changes counts the writes ended through this store and its batch views.
	changes *graph.Changes
	// provenance and contradictions cache answers while no write ended (answercache.go);
	// nil when the cache is off.
	provenance     *answerCache[*graph.Provenance]
	contradictions *answerCache[*graph.Contradictions]
	// retention bounds the audit log and each article's previous versions
	// (SetRetention); shared with the batch views.
	retention *graph.RetentionSetting
}

var (
	_ graph.Store          = (*Store)(nil)
	_ graph.ArticlesReader = (*Store)(nil)
	_ graph.ChangeCounter  = (*Store)(nil)
)

// Changes returns the number of writes ended through this Store value and its
// batches (graph.ChangeCounter): writes by other processes to the same database are
// not counted.
func (s *Store) Changes() uint64 { return s.changes.Count() }

// wrote records the end of a write, unless s is a batch's view: the batch counts
// its own write once it has committed (or failed), so that no reader sees the new
// count before the data.
func (s *Store) wrote() {
	if s.bound == nil {
		s.changes.Wrote()
	}
}

// New connects to Neo4j, checks that it answers, checks the schema version, creates
// the schema (constraints and indexes, idempotently) and waits until the indexes are
// online: an empty database is stamped with SchemaVersion; a store written by an
// older claimgraph is refused, before any index is built over it, and must be upgraded
// with Migrate (`claimgraph migrate`) first. It then deletes what interrupted writes
// in pieces left (CleanPending). An unreachable server gives an
// EUNAVAILABLE error naming the URI.
func New(ctx context.Context, cfg Config) (*Store, error) {
	s, err := dial(ctx, cfg)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Store, error) {
		_ = s.Close(ctx)
		return nil, err
	}
	v, err := s.version(ctx)
	if err != nil {
		return fail(err)
	}
	if v != 0 {
		if err := s.versionError(v); err != nil {
			return fail(err)
		}
	}
	if err := s.ensureSchema(ctx, indexWait); err != nil {
		return fail(err)
	}
	if err := s.checkVersion(ctx); err != nil { // stamps an empty store
		return fail(err)
	}
	// What interrupted writes in pieces left (pieces.go), invisible to readers.
	if _, err := s.CleanPending(ctx); err != nil {
		return fail(err)
	}
	return s, nil
}

// connect opens the driver, checks connectivity and creates the schema, without
// looking at the schema version (Migrate needs that).
func connect(ctx context.Context, cfg Config) (*Store, error) {
	return connectAwaiting(ctx, cfg, indexWait)
}

// indexWait is how long connect waits for new indexes to come online: they are built
// over the data already stored, which takes a while only after an upgrade or an import.
const indexWait = 60 * time.Second

// connectAwaiting is connect waiting up to wait for the indexes.
func connectAwaiting(ctx context.Context, cfg Config, wait time.Duration) (*Store, error) {
	s, err := dial(ctx, cfg)
	if err != nil {
		return nil, err
	}
	if err := s.ensureSchema(ctx, wait); err != nil {
		_ = s.driver.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// dial opens the driver and checks connectivity.
func dial(ctx context.Context, cfg Config) (*Store, error) {
	if err := cfg.validate(); err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "neo4j configuration: %v", err)
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.SocketConnectTimeout = 5 * time.Second
		c.ConnectionAcquisitionTimeout = 30 * time.Second
		c.MaxTransactionRetryTime = 15 * time.Second
		c.MaxConnectionPoolSize = cfg.poolSize()
		c.FetchSize = cfg.fetchSize()
		// Cloud load balancers drop idle connections after some minutes: recycle them
		// before that, and check connections idle for a while before use.
		c.MaxConnectionLifetime = 30 * time.Minute
		c.ConnectionLivenessCheckTimeout = 2 * time.Minute
	})
	if err != nil {
		return nil, graph.Wrap(graph.EINVALID, err, "neo4j driver for %s: %v", cfg.URI, err)
	}
	s := &Store{driver: driver, cfg: cfg, db: cfg.database(), changes: &graph.Changes{}, retention: &graph.RetentionSetting{},
		provenance:     newAnswerCache[*graph.Provenance](cfg.answerCacheTTL(), cfg.answerCacheSize()),
		contradictions: newAnswerCache[*graph.Contradictions](cfg.answerCacheTTL(), cfg.answerCacheSize())}
	if err := driver.VerifyConnectivity(ctx); err != nil {
		_ = driver.Close(context.WithoutCancel(ctx))
		return nil, unavailable(cfg, err)
	}
	return s, nil
}

// unavailable is the error for a server that cannot be reached.
func unavailable(cfg Config, err error) error {
	return graph.Wrap(graph.EUNAVAILABLE, err,
		"cannot reach Neo4j at %s (database %q); start one with `make neo4j-up` and set NEO4J_URI=bolt://127.0.0.1:7687",
		cfg.URI, cfg.database())
}

// Config returns the store's configuration (print it with String, which masks the password).
func (s *Store) Config() Config { return s.cfg }

// Ping checks that the server answers. Errors: EUNAVAILABLE.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.driver.VerifyConnectivity(ctx); err != nil {
		return unavailable(s.cfg, err)
	}
	return nil
}

// Close closes the driver and its connections.
func (s *Store) Close(ctx context.Context) error {
	if s.bound != nil {
		return nil // a batch's view: the driver belongs to the store
	}
	return s.driver.Close(context.WithoutCancel(ctx))
}

// schema lists the constraints and indexes, all created with IF NOT EXISTS.
var schema = []string{
	"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT outlet_id IF NOT EXISTS FOR (n:Outlet) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT agent_id IF NOT EXISTS FOR (n:Agent) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT dispute_id IF NOT EXISTS FOR (n:Dispute) REQUIRE n.id IS UNIQUE",
	// The quantity keys of claims (countedKey), for ClaimsByCounted.
	"CREATE CONSTRAINT counted_key IF NOT EXISTS FOR (n:" + labelCounted + ") REQUIRE n.key IS UNIQUE",
	"CREATE CONSTRAINT audit_id IF NOT EXISTS FOR (n:" + labelAudit + ") REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT job_id IF NOT EXISTS FOR (n:" + labelJob + ") REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT schema_version_id IF NOT EXISTS FOR (n:" + labelSchema + ") REQUIRE n.id IS UNIQUE",
	// Full-text search over graph.Words(claim text): the whitespace analyzer keeps those
	// words exactly, so a term matches a claim when it equals one of its words.
	"CREATE FULLTEXT INDEX claim_words IF NOT EXISTS FOR (c:Claim) ON EACH [c.words] " +
		"OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
	// Full-text search over the agents' names (nameWords: each name's graph.Words
	// joined by spaces), for name searches (agentSearch): schema version 3.
	cyCreateAgentNames,
	// Lookups by the ids a node refers to.
	"CREATE INDEX statement_article IF NOT EXISTS FOR (n:Statement) ON (n.article_id)",
	"CREATE INDEX statement_claim IF NOT EXISTS FOR (n:Statement) ON (n.claim_id)",
	"CREATE INDEX statement_speaker IF NOT EXISTS FOR (n:Statement) ON (n.speaker_id)",
	"CREATE INDEX dispute_article IF NOT EXISTS FOR (n:Dispute) ON (n.article_id)",
	"CREATE INDEX dispute_claim IF NOT EXISTS FOR (n:Dispute) ON (n.claim_id)",
	"CREATE INDEX article_outlet IF NOT EXISTS FOR (n:Article) ON (n.outlet_id)",
	"CREATE INDEX agent_kind IF NOT EXISTS FOR (n:Agent) ON (n.kind)",
	// Claims in -statements order (the per-claim aggregate kept by the writes).
	"CREATE INDEX claim_statements IF NOT EXISTS FOR (n:Claim) ON (n.n_statements)",
	"CREATE INDEX conflicts_id IF NOT EXISTS FOR ()-[r:CONFLICTS_WITH]-() ON (r.id)",
	"CREATE INDEX corroborates_id IF NOT EXISTS FOR ()-[r:CORROBORATES]-() ON (r.id)",
	"CREATE INDEX conflicts_article IF NOT EXISTS FOR ()-[r:CONFLICTS_WITH]-() ON (r.article_id)",
	"CREATE INDEX corroborates_article IF NOT EXISTS FOR ()-[r:CORROBORATES]-() ON (r.article_id)",
}

// ensureSchema creates the schema and waits up to wait for the indexes to come online. Two stores
// starting at once may race to create the same rule; the loser's "already exists" error
// is harmless and ignored.
func (s *Store) ensureSchema(ctx context.Context, wait time.Duration) error {
	for _, q := range append(droppedPendingSchema, schema...) {
		_, err := neo4j.ExecuteQuery(ctx, s.driver, q, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.db))
		if err != nil && !isSchemaExists(err) {
			return s.wrap(err, "creating the schema")
		}
	}
	_, err := neo4j.ExecuteQuery(ctx, s.driver, "CALL db.awaitIndexes($seconds)", map[string]any{"seconds": int64(wait.Seconds())},
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.db))
	if err != nil {
		return s.wrap(err, "waiting for the indexes")
	}
	return nil
}

func isSchemaExists(err error) bool {
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) {
		return false
	}
	switch ne.Code {
	case "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
		"Neo.ClientError.Schema.ConstraintAlreadyExists",
		"Neo.ClientError.Schema.IndexAlreadyExists":
		return true
	}
	return false
}

// wrap turns a driver error into a graph error: EUNAVAILABLE when the server could not
// be reached (or the context ended while waiting for it), EINTERNAL otherwise.
func (s *Store) wrap(err error, doing string, args ...any) error {
	if err == nil {
		return nil
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		return err
	}
	what := fmt.Sprintf(doing, args...)
	var ne *neo4j.Neo4jError
	switch {
	case neo4j.IsConnectivityError(err), errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return graph.Wrap(graph.EUNAVAILABLE, err, "Neo4j at %s did not answer while %s", s.cfg.URI, what)
	case errors.As(err, &ne) && (ne.Code == "Neo.TransientError.General.DatabaseUnavailable" ||
		ne.Code == "Neo.ClientError.Database.DatabaseNotFound"):
		return graph.Wrap(graph.EUNAVAILABLE, err, "Neo4j database %q at %s is not available while %s", s.db, s.cfg.URI, what)
	}
	return graph.Wrap(graph.EINTERNAL, err, "Neo4j failed while %s", what)
}

// query runs one read query with ExecuteQuery and returns its records. ExecuteQuery
// retries transient errors, routes the query to a reader (neo4j:// URIs) and waits for
// the bookmarks of the store's earlier writes (the driver's ExecuteQuery bookmark
// manager, which the write sessions share), so that a read sees every write this
// store made before it, on any cluster member.
func (s *Store) query(ctx context.Context, q string, params map[string]any) ([]*neo4j.Record, error) {
	if s.bound != nil {
		return s.inBatch(ctx, q, params)
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// queryOneTrip is query for the hot single-query reads (Provenance, Contradictions):
// an auto-commit transaction, RUN and PULL in one round trip, where ExecuteQuery's
// managed transaction sends BEGIN with them and COMMIT in a second round trip (two
// more messages for the server on every read). Its session is routed to a reader and
// waits for the bookmarks of the store's earlier writes, as query's. A read that
// failed with a retryable error (a lost connection, a transient server error) is run
// again, up to oneTripAttempts times in all: reads change nothing.
func (s *Store) queryOneTrip(ctx context.Context, q string, params map[string]any) ([]*neo4j.Record, error) {
	if s.bound != nil {
		return s.inBatch(ctx, q, params)
	}
	wait := oneTripBackoff
	for attempt := 1; ; attempt++ {
		recs, err := s.autoCommitReadBy(ctx, q, params)
		if err == nil || attempt == oneTripAttempts || ctx.Err() != nil ||
			!neo4j.IsRetryable(err) && !neo4j.IsConnectivityError(err) {
			return recs, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		wait *= 2
	}
}

// Retries of queryOneTrip: at most oneTripAttempts runs, the first retry after
// oneTripBackoff, each later one after twice the wait before.
const (
	oneTripAttempts = 4
	oneTripBackoff  = 50 * time.Millisecond
)

// autoCommitReadBy is autoCommitRead bounded by ctx's deadline once per query instead
// of once per socket read. The driver races every read of a chunk against a context
// that has a deadline (or against the server's connection.recv_timeout_seconds hint):
// a goroutine, a channel and a timer for each of the three to four reads of each
// message, about ten a query, which was 38% of the allocations of a provenance read
// and the scheduler's work around them (BenchmarkAnswers). Here the driver gets a
// context with ctx's values that is cancelled when ctx ends but has no deadline (so
// that its reads are plain reads when the server sends no hint: the launcher's
// NEO4J_BOLT_KEEP_ALIVE), the query runs in a goroutine of its own, and the caller
// returns with ctx's error at its deadline. A query already sent then ends in the
// background when the server answers (reads change nothing) and its connection goes
// back to the pool; one that waits for a connection stops waiting.
func (s *Store) autoCommitReadBy(ctx context.Context, q string, params map[string]any) ([]*neo4j.Record, error) {
	if _, ok := ctx.Deadline(); !ok {
		return s.autoCommitRead(ctx, q, params)
	}
	dctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, cancel)
	type answer struct {
		recs []*neo4j.Record
		err  error
	}
	done := make(chan answer, 1)
	go func() {
		defer cancel()
		recs, err := s.autoCommitRead(dctx, q, params)
		done <- answer{recs, err}
	}()
	select {
	case a := <-done:
		stop()
		return a.recs, a.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// autoCommitRead runs q once in an auto-commit transaction of a read session and
// collects its records.
func (s *Store) autoCommitRead(ctx context.Context, q string, params map[string]any) ([]*neo4j.Record, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	res, err := sess.Run(ctx, q, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// writeQuery runs one write statement with ExecuteQuery (routed to the leader,
// retried, its bookmark kept for later reads) and returns its records.
func (s *Store) writeQuery(ctx context.Context, q string, params map[string]any) ([]*neo4j.Record, error) {
	if s.bound != nil {
		return s.inBatch(ctx, q, params)
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.db), neo4j.ExecuteQueryWithWritersRouting())
	if err != nil {
		return nil, err
	}
	return res.Records, nil
}

// inBatch runs one query in the transaction of a batch's view.
func (s *Store) inBatch(ctx context.Context, q string, params map[string]any) ([]*neo4j.Record, error) {
	var recs []*neo4j.Record
	err := s.bound.Run(func(tx neo4j.ManagedTransaction) error {
		var err error
		recs, err = collect(ctx, tx, q, params)
		return err
	})
	return recs, err
}

// session opens a session on the store's database in the given access mode, sharing
// the bookmark manager of ExecuteQuery (see query).
func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode,
		BookmarkManager: s.driver.ExecuteQueryBookmarkManager()})
}

// read runs fn in one managed read transaction routed to a reader, so that several
// queries see one state (in a batch's view: in the batch's transaction). fn may run
// more than once.
func read[T any](ctx context.Context, s *Store, fn func(tx neo4j.ManagedTransaction) (T, error)) (T, error) {
	if s.bound != nil {
		var v T
		err := s.bound.Run(func(tx neo4j.ManagedTransaction) error {
			var err error
			v, err = fn(tx)
			return err
		})
		return v, err
	}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	return neo4j.ExecuteRead(ctx, sess, fn)
}

// collect runs one query inside a transaction and returns all its records.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, q string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, q, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// DeleteAll deletes every node and relationship in the store's database, keeping the
// schema (and stamping the empty store with SchemaVersion again). It exists for tests
// and benchmarks that need an empty database; it is not part of graph.Store. It deletes
// in batches (CALL … IN TRANSACTIONS, which needs an auto-commit transaction) so a
// large benchmark database needs no huge transaction: the relationships first, then
// the nodes, each batch of at most deleteAllBatch. Deleting nodes with DETACH alone
// put all of a node's relationships in one batch's transaction: after the densest
// article (an article node with 42,221 statements and 31,919 mentions), that batch ran
// out of the transaction memory of the launcher's 512 MiB heap.
func (s *Store) DeleteAll(ctx context.Context) error {
	defer s.wrote()
	for _, q := range cyDeleteAll {
		if err := s.autoCommit(ctx, q, map[string]any{"n": deleteAllBatch}); err != nil {
			return graph.Wrap(graph.EUNAVAILABLE, err, "emptying neo4j database %q", s.db)
		}
	}
	if err := s.setVersion(ctx, SchemaVersion); err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "emptying neo4j database %q", s.db)
	}
	return nil
}

// deleteAllBatch is how many relationships or nodes one of DeleteAll's transactions
// deletes.
const deleteAllBatch = 5000

// cyDeleteAll are DeleteAll's statements: the relationships, then the nodes (DETACH
// only for what a concurrent write added meanwhile).
var cyDeleteAll = []string{
	`MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $n ROWS`,
	`MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $n ROWS`,
}

// autoCommit runs one statement in an auto-commit transaction (needed by CALL … IN
// TRANSACTIONS) and consumes its result.
func (s *Store) autoCommit(ctx context.Context, q string, params map[string]any) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	res, err := sess.Run(ctx, q, params)
	if err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

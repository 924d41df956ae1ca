package neo4jstore

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultDatabase is the database used when Config.Database is empty.
const DefaultDatabase = "neo4j"

// Driver defaults, used when Config.PoolSize or Config.FetchSize is 0.
const (
	// DefaultPoolSize is the most connections the driver keeps open per server: more
	// than the API's concurrent requests at the load it is measured at (50 clients),
	// so that no request waits for a connection.
	DefaultPoolSize = 100
	// DefaultFetchSize is how many records the driver pulls per round trip. Every read
	// of this package answers with one record or one page (at most graph.MaxPageSize+1
	// records), so the default fetches everything in the first round trip.
	DefaultFetchSize = 1000
)

// Answer cache defaults (answercache.go), used when Config.AnswerCacheTTL or
// Config.AnswerCacheSize is 0.
const (
	// DefaultAnswerCacheTTL is how long a provenance or contradictions answer is
	// served again when no write of this process ended since it was read: how late
	// the API may show a write made by another process to the same database. It is
	// the widget's card TTL (api/embed.DefaultCacheTTL), the staleness already
	// accepted for answers made from the same reads; it must outlast the time
	// between two requests for one claim for the cache to serve anything (about 10 s
	// for 1,000 claims read uniformly at 100 req/s).
	DefaultAnswerCacheTTL = 30 * time.Second
	// DefaultAnswerCacheSize is how many answers of each kind are kept (a few MB).
	DefaultAnswerCacheSize = 10000
)

// Config says how to reach Neo4j.
type Config struct {
	// URI is a bolt:// (one server) or neo4j:// (routing: a cluster or Aura) URI, with
	// the +s (TLS, verified certificate) and +ssc (TLS, self-signed) variants.
	URI string
	// User and Password authenticate with basic auth; an empty User means no auth.
	User     string
	Password string
	// Database names the database; "" means DefaultDatabase.
	Database string
	// PoolSize is the driver's connection pool size per server; 0 means
	// DefaultPoolSize.
	PoolSize int
	// FetchSize is the number of records pulled per round trip; 0 means
	// DefaultFetchSize, -1 fetches all records at once.
	FetchSize int
	// AnswerCacheTTL is how long provenance and contradictions answers are served
	// from memory while no write through this store ended (answercache.go); 0 means
	// DefaultAnswerCacheTTL, a negative value turns the cache off.
	AnswerCacheTTL time.Duration
	// AnswerCacheSize is how many answers of each kind the cache keeps; 0 means
	// DefaultAnswerCacheSize.
	AnswerCacheSize int

	// envErr records a malformed variable read by ConfigFromEnv; validate reports it.
	envErr error
}

// ConfigFromEnv reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE,
// NEO4J_POOL_SIZE, NEO4J_FETCH_SIZE and NEO4J_ANSWER_CACHE_TTL (a Go duration, "off"
// or a negative one turning the cache off) through getenv (os.Getenv in programs, a map
// lookup in tests). NEO4J_DATABASE defaults to DefaultDatabase. It does not check the
// values: New does.
func ConfigFromEnv(getenv func(string) string) Config {
	c := Config{
		URI:      strings.TrimSpace(getenv("NEO4J_URI")),
		User:     getenv("NEO4J_USER"),
		Password: getenv("NEO4J_PASSWORD"),
		Database: strings.TrimSpace(getenv("NEO4J_DATABASE")),
	}
	if c.Database == "" {
		c.Database = DefaultDatabase
	}
	for _, v := range []struct {
		name string
		dst  *int
	}{{"NEO4J_POOL_SIZE", &c.PoolSize}, {"NEO4J_FETCH_SIZE", &c.FetchSize}} {
		s := strings.TrimSpace(getenv(v.name))
		if s == "" {
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			c.envErr = fmt.Errorf("%s %q is not an integer", v.name, s)
			continue
		}
		*v.dst = n
	}
	switch ttl := strings.TrimSpace(getenv("NEO4J_ANSWER_CACHE_TTL")); ttl {
	case "":
	case "off":
		c.AnswerCacheTTL = -1
	default:
		d, err := time.ParseDuration(ttl)
		switch {
		case err != nil:
			c.envErr = fmt.Errorf("NEO4J_ANSWER_CACHE_TTL %q is not a duration (such as 1s or 500ms) nor \"off\"", ttl)
		case d == 0:
			c.AnswerCacheTTL = -1
		default:
			c.AnswerCacheTTL = d
		}
	}
	return c
}

// String describes the configuration with the password masked, for logs.
func (c Config) String() string {
	pw := ""
	if c.Password != "" {
		pw = "*****"
	}
	return fmt.Sprintf("neo4j{uri=%s user=%q password=%q database=%q pool=%d fetch=%d answer_cache=%s/%d}",
		c.URI, c.User, pw, c.database(), c.poolSize(), c.fetchSize(), c.answerCacheTTL(), c.answerCacheSize())
}

func (c Config) database() string {
	if c.Database == "" {
		return DefaultDatabase
	}
	return c.Database
}

func (c Config) poolSize() int {
	if c.PoolSize == 0 {
		return DefaultPoolSize
	}
	return c.PoolSize
}

func (c Config) fetchSize() int {
	if c.FetchSize == 0 {
		return DefaultFetchSize
	}
	return c.FetchSize
}

// answerCacheTTL is the answer cache's TTL, 0 when it is off.
func (c Config) answerCacheTTL() time.Duration {
	switch {
	case c.AnswerCacheTTL < 0:
		return 0
	case c.AnswerCacheTTL == 0:
		return DefaultAnswerCacheTTL
	}
	return c.AnswerCacheTTL
}

func (c Config) answerCacheSize() int {
	if c.AnswerCacheSize <= 0 {
		return DefaultAnswerCacheSize
	}
	return c.AnswerCacheSize
}

var validSchemes = map[string]bool{
	"bolt": true, "bolt+s": true, "bolt+ssc": true,
	"neo4j": true, "neo4j+s": true, "neo4j+ssc": true,
}

// validate checks the URI's scheme and host and the driver settings.
func (c Config) validate() error {
	if c.envErr != nil {
		return c.envErr
	}
	if c.URI == "" {
		return fmt.Errorf("NEO4J_URI is empty: set it to bolt://127.0.0.1:7687 after `make neo4j-up`")
	}
	u, err := url.Parse(c.URI)
	if err != nil {
		return fmt.Errorf("NEO4J_URI %q is not a URI: %v", c.URI, err)
	}
	if !validSchemes[u.Scheme] {
		return fmt.Errorf("NEO4J_URI %q: scheme %q is not bolt:// or neo4j:// (or their +s/+ssc variants)", c.URI, u.Scheme)
	}
	if u.Host == "" {
		return fmt.Errorf("NEO4J_URI %q has no host", c.URI)
	}
	if u.User != nil {
		return fmt.Errorf("NEO4J_URI must not carry credentials: use NEO4J_USER and NEO4J_PASSWORD")
	}
	if c.PoolSize < 0 {
		return fmt.Errorf("NEO4J_POOL_SIZE %d must be positive", c.PoolSize)
	}
	if c.FetchSize < -1 {
		return fmt.Errorf("NEO4J_FETCH_SIZE %d must be positive, or -1 (fetch all)", c.FetchSize)
	}
	return nil
}

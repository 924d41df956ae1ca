package neo4jstore

import (
	"fmt"
	"net/url"
	"strings"
)

// DefaultDatabase is the database used when Config.Database is empty.
const DefaultDatabase = "neo4j"

// Config says how to reach Neo4j.
type Config struct {
	// URI is a bolt:// or neo4j:// URI (bolt+s://, neo4j+s:// and +ssc variants too).
	URI string
	// User and Password authenticate with basic auth; an empty User means no auth.
	User     string
	Password string
	// Database names the database; "" means DefaultDatabase.
	Database string
}

// ConfigFromEnv reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and NEO4J_DATABASE through
// getenv (os.Getenv in programs, a map lookup in tests). NEO4J_DATABASE defaults to
// DefaultDatabase. It does not check the URI: New does.
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
	return c
}

// String describes the configuration with the password masked, for logs.
func (c Config) String() string {
	pw := ""
	if c.Password != "" {
		pw = "*****"
	}
	return fmt.Sprintf("neo4j{uri=%s user=%q password=%q database=%q}", c.URI, c.User, pw, c.database())
}

func (c Config) database() string {
	if c.Database == "" {
		return DefaultDatabase
	}
	return c.Database
}

var validSchemes = map[string]bool{
	"bolt": true, "bolt+s": true, "bolt+ssc": true,
	"neo4j": true, "neo4j+s": true, "neo4j+ssc": true,
}

// validate checks the URI's scheme and host.
func (c Config) validate() error {
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
	return nil
}

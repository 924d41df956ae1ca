package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// routingConfig is the test configuration with its bolt:// URI turned into the routing
// scheme neo4j:// for the same server: the driver then asks the server for a routing
// table and sends reads to its readers and writes to its writer, as with a cluster
// (the single instance is all three).
func routingConfig(t *testing.T) Config {
	cfg := testConfig(t)
	rest, ok := strings.CutPrefix(cfg.URI, "bolt://")
	if !ok {
		t.Skipf("NEO4J_URI %s is not bolt://", cfg.URI)
	}
	cfg.URI = "neo4j://" + rest
	return cfg
}

// TestRoutingReadsItsWrites writes through the routing scheme and reads right after,
// through ExecuteQuery routed to readers: the bookmark of the write makes each read
// wait for it, as a POST followed by a GET needs on a cluster.
func TestRoutingReadsItsWrites(t *testing.T) {
	newTestStore(t) // lock and empty the database
	ctx := context.Background()
	s, err := New(ctx, routingConfig(t))
	require.NoError(t, err)
	defer s.Close(ctx)

	for i := 0; i < 5; i++ {
		g := genArticle(i, fmt.Sprintf("routed %d", i))
		res, err := s.PutArticle(ctx, g)
		require.NoError(t, err)
		require.True(t, res.Created)
		bookmarks, err := s.driver.ExecuteQueryBookmarkManager().GetBookmarks(ctx)
		require.NoError(t, err)
		assert.NotEmpty(t, bookmarks, "the write's bookmark is kept for the reads")

		own := g.Claims[0].ID
		p, err := s.Provenance(ctx, own)
		require.NoError(t, err, "the claim just written is visible")
		require.Len(t, p.Chains, 1)
		assert.Equal(t, g.Article.ID, p.Chains[0].Article.ID)
		page, err := s.SearchClaims(ctx, graph.ClaimQuery{ArticleID: g.Article.ID})
		require.NoError(t, err)
		assert.Len(t, page.Items, 3)
		shared, err := s.Claim(ctx, graph.ClaimID("aid deliveries have resumed"))
		require.NoError(t, err)
		assert.Len(t, shared.Statements, i+1, "the shared claim's statements so far")
		sum, err := s.SearchClaims(ctx, graph.ClaimQuery{Text: "aid deliveries"})
		require.NoError(t, err)
		require.Len(t, sum.Items, 1)
		assert.Equal(t, i+1, sum.Items[0].Statements, "the aggregate counts the write")
	}
	res, err := s.PutArticle(ctx, genArticle(0, "routed 0"))
	require.NoError(t, err)
	assert.False(t, res.Created, "idempotent through the router too")
}

// TestTLSSchemes checks that every TLS scheme is accepted and really speaks TLS: the
// test server speaks plain Bolt, so a TLS handshake with it fails, as an unreachable
// server (EUNAVAILABLE), never as a bad configuration.
func TestTLSSchemes(t *testing.T) {
	plain := routingConfig(t)
	addr := strings.TrimPrefix(plain.URI, "neo4j://")
	for _, scheme := range []string{"bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc"} {
		t.Run(scheme, func(t *testing.T) {
			cfg := Config{URI: scheme + "://" + addr}
			require.NoError(t, cfg.validate())
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			_, err := New(ctx, cfg)
			require.Error(t, err, "plain Bolt answered a TLS handshake")
			assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err), "%v", err)
		})
	}
}

func TestRetryableWrite(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"connection lost", &neo4j.ConnectivityError{Inner: errors.New("EOF")}, true},
		{"transient", &neo4j.Neo4jError{Code: "Neo.TransientError.Transaction.DeadlockDetected"}, true},
		{"leader switch", &neo4j.Neo4jError{Code: "Neo.ClientError.Cluster.NotALeader"}, true},
		{"retries ran out", &neo4j.TransactionExecutionLimit{Cause: "timeout"}, true},
		{"matched node deleted meanwhile", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.EntityNotFound"}, true},
		{"matched node deleted meanwhile, wrapped", fmt.Errorf("piece 3 of 8: %w", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.EntityNotFound"}), true},
		{"syntax", &neo4j.Neo4jError{Code: "Neo.ClientError.Statement.SyntaxError"}, false},
		{"constraint", &neo4j.Neo4jError{Code: "Neo.ClientError.Schema.ConstraintValidationFailed"}, false},
		{"cancelled", context.Canceled, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, retryableWrite(tt.err))
		})
	}
}

func TestDriverSettingsFromEnv(t *testing.T) {
	tests := []struct {
		name      string
		env       map[string]string
		pool      int
		fetch     int
		wantErr   string
		wantInStr string
	}{
		{"defaults", map[string]string{}, 0, 0, "", "pool=100 fetch=1000"},
		{"set", map[string]string{"NEO4J_POOL_SIZE": "64", "NEO4J_FETCH_SIZE": "-1"}, 64, -1, "", "pool=64 fetch=-1"},
		{"not a number", map[string]string{"NEO4J_POOL_SIZE": "lots"}, 0, 0, "NEO4J_POOL_SIZE", ""},
		{"negative pool", map[string]string{"NEO4J_POOL_SIZE": "-3"}, -3, 0, "must be positive", ""},
		{"fetch below -1", map[string]string{"NEO4J_FETCH_SIZE": "-2"}, 0, -2, "fetch all", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"NEO4J_URI": "neo4j+s://db.example"}
			for k, v := range tt.env {
				env[k] = v
			}
			cfg := ConfigFromEnv(func(k string) string { return env[k] })
			assert.Equal(t, tt.pool, cfg.PoolSize)
			assert.Equal(t, tt.fetch, cfg.FetchSize)
			err := cfg.validate()
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Contains(t, cfg.String(), tt.wantInStr)
		})
	}
}

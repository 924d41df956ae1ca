// Package neo4jtest opens the Neo4j of NEO4J_URI for the tests of other packages,
// holding the lock that the test processes of `go test ./...` share (they run in
// parallel, against one database), and emptying the database first.
package neo4jtest

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// LockPath is the lock file the test processes share: the same path as the tests of
// the neo4jstore and api packages use.
var LockPath = filepath.Join(os.TempDir(), "claimgraph-neo4j-test.lock")

var (
	mu       sync.Mutex
	held     int      // tests of this process holding the lock
	lockFile *os.File // the locked file while held > 0
)

// Config returns the configuration of NEO4J_URI, or skips the test when it is unset.
func Config(tb testing.TB) neo4jstore.Config {
	tb.Helper()
	cfg := neo4jstore.ConfigFromEnv(os.Getenv)
	if cfg.URI == "" {
		tb.Skip("NEO4J_URI is not set: run `make test`, or `make neo4j-up` and NEO4J_URI=bolt://127.0.0.1:7687")
	}
	return cfg
}

// Lock takes the exclusive lock on LockPath for the test, waiting for the other test
// processes that hold it, and releases it when the test ends. It is re-entrant within
// a process (a test that opens two stores takes it twice), so that the last of this
// process's tests to end releases it. It skips the test when NEO4J_URI is unset.
func Lock(tb testing.TB) neo4jstore.Config {
	tb.Helper()
	cfg := Config(tb)
	mu.Lock()
	defer mu.Unlock()
	if held == 0 {
		f, err := os.OpenFile(LockPath, os.O_CREATE|os.O_RDWR, 0o666)
		require.NoError(tb, err, "opening %s", LockPath)
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
			_ = f.Close()
			require.NoError(tb, err, "locking %s", LockPath)
		}
		lockFile = f
	}
	held++
	tb.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		if held--; held == 0 {
			_ = syscall.Flock(int(lockFile.Fd()), syscall.LOCK_UN)
			_ = lockFile.Close()
			lockFile = nil
		}
	})
	return cfg
}

// Open connects to the test server under the lock and empties its database, so the
// test starts from a fresh store; the store is closed when the test ends. Tests that
// use it must not run in parallel. Skipped when NEO4J_URI is unset.
func Open(tb testing.TB) *neo4jstore.Store {
	tb.Helper()
	cfg := Lock(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := neo4jstore.New(ctx, cfg)
	require.NoError(tb, err)
	require.NoError(tb, s.DeleteAll(ctx))
	tb.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

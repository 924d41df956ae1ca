package embedded

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// openTemp opens a fresh store in a temporary directory, closed at the end of the test.
func openTemp(tb testing.TB, opts *Options) *Store {
	tb.Helper()
	s, err := Open(tb.Context(), filepath.Join(tb.TempDir(), "claimgraph.db"), opts)
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = s.Close(tb.Context()) })
	return s
}

// TestStore runs the contract suite.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store { return openTemp(t, &Options{NoSync: true}) })
}

// TestPersistent checks that a store survives closing and reopening, and the errors
// of a closed, locked or foreign file.
func TestPersistent(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "sub", "dir", "claimgraph.db")
	s, err := Open(ctx, path, nil)
	require.NoError(t, err, "creates missing directories")
	for _, g := range storetest.Gaza() {
		_, err := s.PutArticle(ctx, g)
		require.NoError(t, err)
	}
	before, err := s.Stats(ctx)
	require.NoError(t, err)

	// A second opener waits for the lock, then gives up.
	_, err = Open(ctx, path, &Options{Timeout: 50 * time.Millisecond})
	require.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err), "%v", err)
	require.Contains(t, graph.ErrorMessage(err), "locked")

	require.NoError(t, s.Close(ctx))
	require.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(s.Ping(ctx)))
	_, err = s.PutArticle(ctx, storetest.Gaza1())
	require.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))

	s, err = Open(ctx, path, nil)
	require.NoError(t, err)
	after, err := s.Stats(ctx)
	require.NoError(t, err)
	require.Equal(t, before, after)
	res, err := s.PutArticle(ctx, storetest.Gaza2())
	require.NoError(t, err)
	require.False(t, res.Created, "still there after reopening")
	p, err := s.Provenance(ctx, storetest.ClaimToll68800)
	require.NoError(t, err)
	require.Len(t, p.Chains, 3)
	require.NoError(t, s.Close(ctx))

	// Read-only: reads work, writes fail.
	ro, err := Open(ctx, path, &Options{ReadOnly: true})
	require.NoError(t, err)
	_, err = ro.Article(ctx, storetest.Article1)
	require.NoError(t, err)
	_, err = ro.PutArticle(ctx, gazaChanged())
	require.Error(t, err)
	require.NoError(t, ro.Close(ctx))

	// Not a store.
	junk := filepath.Join(t.TempDir(), "junk.db")
	require.NoError(t, os.WriteFile(junk, []byte("not a bbolt file at all, just text"), 0o600))
	_, err = Open(ctx, junk, nil)
	require.Error(t, err)
}

// gazaChanged is article 1 with a line added to its text: a new version with the same
// records, so a write that changes the store.
func gazaChanged() *graph.ArticleGraph {
	g := storetest.Gaza1()
	g.Article.Text += " Updated."
	g.Article.ContentHash = graph.ContentHash(g.Article.Text)
	return g
}

// TestStoreInPieces runs the contract suite with every article of more than two
// records written in pieces (pieces.go), so that each read, version, guard and delete
// case also covers an article written that way.
func TestStoreInPieces(t *testing.T) {
	storetest.Run(t, func(t *testing.T) graph.Store { return openTemp(t, &Options{NoSync: true, PieceRecords: 2}) })
}

// TestOpenResolvesSizeOptions checks the documented meaning of CacheEntries and
// PieceRecords: 0 is the default, a negative value turns the feature off, and any other
// value is taken as given.
func TestOpenResolvesSizeOptions(t *testing.T) {
	for _, tc := range []struct {
		name       string
		opts       Options
		wantPieces int
		wantCache  int // per shard
	}{
		{"defaults", Options{}, DefaultPieceRecords, DefaultCacheEntries/cacheShards + 1},
		{"off", Options{PieceRecords: -1, CacheEntries: -1}, 0, 0},
		{"given", Options{PieceRecords: 7, CacheEntries: 3 * cacheShards}, 7, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t, &tc.opts)
			require.Equal(t, tc.wantPieces, s.pieceRecords)
			require.Equal(t, tc.wantCache, s.c.claims.max)
		})
	}
}

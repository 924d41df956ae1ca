package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// retiredLeft counts the retired nodes of s by label.
func retiredLeft(t *testing.T, s *Store) map[string]int {
	t.Helper()
	counts, err := s.pendingCounts(t.Context())
	require.NoError(t, err)
	out := map[string]int{}
	for _, l := range retiredLabels {
		if counts[l] > 0 {
			out[l] = counts[l]
		}
	}
	return out
}

// denseStats are the counts of a store holding the neighbour and one version of the
// contract's dense article (storetest.DenseArticle).
func denseStats(n int) graph.Stats {
	return graph.Stats{Articles: 2, Agents: 6, Claims: n + 1, Statements: n + 2, Disputes: 1, Mentions: n + 3}
}

// neighbour writes the article that shares the dense article's shared claim.
func neighbour(t *testing.T, s *Store) {
	t.Helper()
	_, err := s.PutArticle(t.Context(), storetest.DenseNeighbour())
	require.NoError(t, err)
}

// denseStored writes the neighbour and version 1 of the dense article of n statements
// into s, and returns versions 1 and 2 (storetest.DenseArticle): the start of every
// replacement test.
func denseStored(t *testing.T, s *Store, n int) (v1, v2 *graph.ArticleGraph) {
	t.Helper()
	neighbour(t, s)
	v1, v2 = storetest.DenseArticle("a_dense", 1, n), storetest.DenseArticle("a_dense", 2, n)
	_, err := s.PutArticle(t.Context(), v1)
	require.NoError(t, err)
	return v1, v2
}

// requireOnly checks that readers see exactly version v of the dense article (and
// the neighbour): the counts, the article's bundle, none of the other version's
// claims by id or search, and the shared claim's aggregates.
func requireOnly(t *testing.T, s *Store, v, gone *graph.ArticleGraph, n int) {
	t.Helper()
	st, err := s.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, denseStats(n), st)
	got, err := s.ArticleGraph(t.Context(), v.Article.ID)
	require.NoError(t, err)
	assert.Equal(t, v.Article.ContentHash, got.Article.ContentHash)
	assert.Len(t, got.Statements, n+1)
	assert.Len(t, got.Claims, n+1)
	assert.Len(t, got.Mentions, n+2)
	for _, i := range []int{0, n / 2, n - 1} {
		_, err := s.Claim(t.Context(), gone.Claims[i].ID)
		assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "the other version's claim %d", i)
	}
	page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: "number", Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	for _, c := range page.Items {
		assert.Equal(t, 1, c.Statements, c.Claim.Text)
		assert.Equal(t, []string{v.Article.ID}, c.ArticleIDs, c.Claim.Text)
	}
	page, err = s.SearchClaims(t.Context(), graph.ClaimQuery{Text: "shared dense claim", Page: graph.PageRequest{Limit: 10}})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, 2, page.Items[0].Statements)
	assert.Equal(t, []string{v.Article.ID, "a_dense_neighbour"}, page.Items[0].ArticleIDs)
}

// TestReplacementDropsInBatches: a dense article replaced by another dense version
// (pieces of 50 records) is switched in one transaction and its old version dropped
// after it in several transactions of at most 50 deletions; nothing is left.
func TestReplacementDropsInBatches(t *testing.T) {
	inPiecesOf(t, 50)
	t.Cleanup(func() { beforeRetiredBatch = nil })
	s := newTestStore(t)
	const n = 240
	v1, v2 := denseStored(t, s, n)
	batches := 0
	beforeRetiredBatch = func(int) error { batches++; return nil }
	res, err := s.PutArticle(t.Context(), v2)
	require.NoError(t, err)
	require.True(t, res.Created)
	// claims, statements and mentions: 241 each in batches of 50 (5 each, the last
	// one short), disputes 1, the agents 1, the article node 1
	assert.GreaterOrEqual(t, batches, 3*5+3)
	requireOnly(t, s, v2, v1, n)
	assert.Empty(t, retiredLeft(t, s))
	assert.Zero(t, pendingLeft(t, s))

	batches = 0
	require.NoError(t, s.DeleteArticle(t.Context(), v2.Article.ID, nil))
	assert.GreaterOrEqual(t, batches, 3*5+3, "a delete drops in batches too")
	st, err := s.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, graph.Stats{Articles: 1, Agents: 1, Claims: 1, Statements: 1, Mentions: 1}, st)
	assert.Zero(t, pendingLeft(t, s))
}

// errStopped stops a drop in batches (a crash).
var errStopped = errors.New("stopped by the test")

// TestRetiredDropInterrupted stops the drop of a replaced (or deleted) version after
// its first, second and fifth batch, as a crash or a lost connection would: readers
// see the new version whole (or the article gone), nothing of the old one; the same
// write run again changes nothing, and a restart (New) drops the rest. Stopping the
// switching transaction itself is RunInterrupted's (TestInterruptedInPieces).
func TestRetiredDropInterrupted(t *testing.T) {
	inPiecesOf(t, 50)
	t.Cleanup(func() { beforeRetiredBatch = nil })
	const n = 240
	for _, at := range []int{0, 1, 4, 12} {
		for _, op := range []string{"replace", "delete"} {
			t.Run(fmt.Sprintf("%s/after%d", op, at), func(t *testing.T) {
				beforeRetiredBatch = nil
				s := newTestStore(t)
				v1, v2 := denseStored(t, s, n)
				beforeRetiredBatch = func(i int) error {
					if i >= at {
						return errStopped
					}
					return nil
				}
				if op == "replace" {
					res, err := s.PutArticle(t.Context(), v2)
					require.NoError(t, err, "the switch committed: the write succeeded")
					require.True(t, res.Created)
				} else {
					require.NoError(t, s.DeleteArticle(t.Context(), v1.Article.ID, nil))
				}
				assert.NotEmpty(t, retiredLeft(t, s), "the drop stopped part-way")
				beforeRetiredBatch = nil
				if op == "replace" {
					requireOnly(t, s, v2, v1, n)
					res, err := s.PutArticle(t.Context(), v2)
					require.NoError(t, err)
					assert.False(t, res.Created, "the same text again: unchanged")
					requireOnly(t, s, v2, v1, n)
				} else {
					st, err := s.Stats(t.Context())
					require.NoError(t, err)
					assert.Equal(t, graph.Stats{Articles: 1, Agents: 1, Claims: 1, Statements: 1, Mentions: 1}, st, "the article gone whole")
					_, err = s.Article(t.Context(), v1.Article.ID)
					assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
				}
				st, err := s.Stats(t.Context())
				require.NoError(t, err)

				// a restart: New drops what is left
				ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
				defer cancel()
				s2, err := New(ctx, testConfig(t))
				require.NoError(t, err)
				defer s2.Close(context.Background())
				assert.Empty(t, retiredLeft(t, s2), "New dropped the rest")
				assert.Zero(t, pendingLeft(t, s2))
				after, err := s2.Stats(t.Context())
				require.NoError(t, err)
				assert.Equal(t, st, after, "what readers see is unchanged by the drop")
				if op == "replace" {
					requireOnly(t, s2, v2, v1, n)
					for _, g := range []string{"observers", "officials"} {
						_, err := s2.Agent(t.Context(), graph.ArticleScopedAgentID(g, v1.Article.Text))
						assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "the first version's %s", g)
					}
				}
			})
		}
	}
}

// TestSmallReplacesLarge: a small bundle (not written in pieces by its size) that
// replaces a stored version of more than PieceRecords claims is written in pieces all
// the same, so the large version is retired and dropped in batches, not deleted in
// the write's one transaction.
func TestSmallReplacesLarge(t *testing.T) {
	inPiecesOf(t, 50)
	t.Cleanup(func() { beforeRetiredBatch = nil })
	s := newTestStore(t)
	const n = 240
	neighbour(t, s)
	v1 := storetest.DenseArticle("a_dense", 1, n)
	_, err := s.PutArticle(t.Context(), v1)
	require.NoError(t, err)
	small := storetest.DenseArticle("a_dense", 2, 5)
	require.False(t, inPieces(s, graph.Canonical(small)), "small enough for one transaction")
	batches := 0
	beforeRetiredBatch = func(int) error { batches++; return nil }
	res, err := s.PutArticle(t.Context(), small)
	require.NoError(t, err)
	require.True(t, res.Created)
	assert.GreaterOrEqual(t, batches, 3*5+3, "the large version dropped in batches")
	st, err := s.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, graph.Stats{Articles: 2, Agents: 6, Claims: 5 + 1, Statements: 5 + 2, Disputes: 1, Mentions: 5 + 3}, st)
	_, err = s.Claim(t.Context(), v1.Claims[n/2].ID)
	assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
	assert.Zero(t, pendingLeft(t, s))
}

package neo4jstore

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// inPiecesOf makes PutArticle write every bundle of more than n records in pieces of
// n records, until the test ends.
func inPiecesOf(t *testing.T, n int) {
	pieceRecords = n
	t.Cleanup(func() { pieceRecords = PieceRecords; beforePiece = nil; pendingStale = PendingStale })
}

// pendingLeft counts the pending nodes and markers of s.
func pendingLeft(t *testing.T, s *Store) int {
	t.Helper()
	counts, err := s.pendingCounts(t.Context())
	require.NoError(t, err)
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// stopInPieces is PutStopped for a store writing in pieces: the write's context is
// cancelled before piece at+1, so pieces 0..at are committed and pending; at 2, once
// every piece is committed, before the last transaction (the most a reader could see).
func stopInPieces(t *testing.T, gs graph.Store, g *graph.ArticleGraph, at int) {
	if at == 2 {
		at = len(newPieceWriter(nil, graph.Canonical(g)).pieces)
	}
	stopPieces(t, gs, g, at)
}

// stopPieces cancels the write's context before piece at+1 (at = the number of
// pieces after the head: before the last transaction).
func stopPieces(t *testing.T, gs graph.Store, g *graph.ArticleGraph, at int) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stopped := false
	beforePiece = func(i int) {
		if i == at {
			stopped = true
			cancel()
		}
	}
	defer func() { beforePiece = nil }()
	_, err := gs.PutArticle(ctx, g)
	require.Error(t, err, "the stopped write fails")
	require.True(t, stopped, "stopped before piece %d", at+1)
	require.Positive(t, pendingLeft(t, gs.(*Store)), "the stopped write left its pieces pending")
}

// TestInterruptedInPieces runs the contract of a write stopped part-way
// (storetest.RunInterrupted) with every bundle of more than one record written in
// pieces of one record, the write's context cancelled after one, two or three pieces.
// Resumed: the readers' checks run on the same store, with the pieces still there
// (pending); the write run again takes the released marker over and goes on after the
// last piece committed. Cleaned: the store after the stop is a new Store (New cleans
// the released write); the write run again starts afresh. Either way nothing pending
// is left.
func TestInterruptedInPieces(t *testing.T) {
	inPiecesOf(t, 1)
	pending := func(t *testing.T, gs graph.Store) int { return pendingLeft(t, gs.(*Store)) }
	t.Run("Resumed", func(t *testing.T) {
		storetest.RunInterrupted(t, storetest.Interruptible{
			Open:       func(t *testing.T) graph.Store { return newTestStore(t) },
			PutStopped: stopInPieces,
			Restart:    func(t *testing.T, gs graph.Store) graph.Store { return gs },
			Pending:    pending,
		})
	})
	t.Run("Cleaned", func(t *testing.T) {
		storetest.RunInterrupted(t, storetest.Interruptible{
			Open:       func(t *testing.T) graph.Store { return newTestStore(t) },
			PutStopped: stopInPieces,
			Restart: func(t *testing.T, gs graph.Store) graph.Store {
				s, err := New(t.Context(), gs.(*Store).Config())
				require.NoError(t, err)
				t.Cleanup(func() { _ = s.Close(context.Background()) })
				require.Zero(t, pendingLeft(t, s), "New cleaned the released write")
				return s
			},
			Pending: pending,
		})
	})
}

// TestContractInPieces runs the whole contract suite with every article of more than
// two records written in pieces.
func TestContractInPieces(t *testing.T) {
	inPiecesOf(t, 2)
	storetest.Run(t, func(t *testing.T) graph.Store { return newTestStore(t) })
}

// TestPiecesResume: a write run again after a stop writes only the pieces not
// committed; one with another bundle of the same article (another text) deletes the
// stopped write's pieces and writes its own whole; the result is that of a write
// without a stop.
func TestPiecesResume(t *testing.T) {
	inPiecesOf(t, 1)
	g := storetest.Gaza1()
	total := len(newPieceWriter(nil, graph.Canonical(g)).pieces)
	require.Greater(t, total, 4)

	ref := newTestStore(t)
	_, err := ref.PutArticle(t.Context(), g)
	require.NoError(t, err)
	want, err := ref.ArticleGraph(t.Context(), g.Article.ID)
	require.NoError(t, err)
	wantStats, err := ref.Stats(t.Context())
	require.NoError(t, err)

	s := newTestStore(t)
	stopPieces(t, s, g, 2) // pieces 0 (the head), 1, 2 committed
	ran := 0
	beforePiece = func(int) { ran++ }
	res, err := s.PutArticle(t.Context(), g)
	require.NoError(t, err)
	assert.True(t, res.Created)
	assert.Equal(t, total-2+1, ran, "resumed after the committed pieces (the hook runs before the last transaction too)")
	got, err := s.ArticleGraph(t.Context(), g.Article.ID)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	st, err := s.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, wantStats, st, "no duplicates")
	assert.Zero(t, pendingLeft(t, s))

	// Another text of the same article takes a released marker over and starts afresh.
	s = newTestStore(t)
	stopPieces(t, s, g, 2)
	other := storetest.Gaza1()
	other.Article.Text += " Another line."
	other.Article.ContentHash = graph.ContentHash(other.Article.Text)
	ran = 0
	beforePiece = func(int) { ran++ }
	_, err = s.PutArticle(t.Context(), other)
	require.NoError(t, err)
	assert.Equal(t, total+1, ran, "every piece written, then the last transaction")
	got, err = s.ArticleGraph(t.Context(), g.Article.ID)
	require.NoError(t, err)
	assert.Equal(t, other.Article.Text, got.Article.Text)
	assert.Equal(t, want.Statements, got.Statements)
	st, err = s.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, wantStats, st, "nothing of the stopped text left")
	assert.Zero(t, pendingLeft(t, s))
}

// TestPiecesWaitForALiveWriter: a marker held by a writer that is not released and
// not stale makes another write of the article wait (here until its deadline); once
// stale, it is taken over.
func TestPiecesWaitForALiveWriter(t *testing.T) {
	inPiecesOf(t, 1)
	s := newTestStore(t)
	g := storetest.Gaza1()
	// a writer that died without releasing its marker: stop it, then mark it live again
	stopPieces(t, s, g, 1)
	_, err := s.writeQuery(t.Context(), `MATCH (w:`+labelPendingWrite+`) SET w.heartbeat = timestamp()`, nil)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(t.Context(), 2*markerPoll)
	defer cancel()
	_, err = s.PutArticle(ctx, g)
	require.Error(t, err)
	assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err), "%v", err)
	n, err := s.CleanPending(t.Context())
	require.NoError(t, err)
	assert.Zero(t, n, "a live write is not cleaned")

	pendingStale = 0 // now it is stale
	res, err := s.PutArticle(t.Context(), g)
	require.NoError(t, err)
	assert.True(t, res.Created)
	assert.Zero(t, pendingLeft(t, s))
}

// TestPiecesCommitConnectionDropped: the connection drops during the COMMIT of a piece,
// and then of the last piece, after the server committed it: the write goes on
// (the piece is not written twice: mentions are created, not merged) and the store
// holds the article once.
func TestPiecesCommitConnectionDropped(t *testing.T) {
	inPiecesOf(t, 1)
	direct := newTestStore(t)
	u, err := url.Parse(direct.Config().URI)
	require.NoError(t, err)
	if u.Scheme != "bolt" {
		t.Skipf("NEO4J_URI %s is not bolt://: the proxy relays one server", direct.Config().URI)
	}
	g := storetest.Gaza1()
	ref := newTestStore(t)
	_, err = ref.PutArticle(t.Context(), g)
	require.NoError(t, err)
	want, err := ref.ArticleGraph(t.Context(), g.Article.ID)
	require.NoError(t, err)
	wantStats, err := ref.Stats(t.Context())
	require.NoError(t, err)
	require.NoError(t, ref.DeleteAll(t.Context()))

	proxy := newCommitCutter(t, u.Host)
	cfg := direct.Config()
	cfg.URI = "bolt://" + proxy.addr()
	s, err := New(t.Context(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	total := len(newPieceWriter(s, graph.Canonical(g)).pieces)
	beforePiece = func(i int) {
		if i == 2 || i == total-1 { // a piece's commit, then the last piece's
			proxy.armed.Store(true)
		}
	}
	res, err := s.PutArticle(t.Context(), g)
	require.NoError(t, err)
	assert.True(t, res.Created)
	assert.Equal(t, int32(2), proxy.cuts.Load(), "two commits cut")
	got, err := direct.ArticleGraph(t.Context(), g.Article.ID)
	require.NoError(t, err)
	assert.Equal(t, want, got)
	st, err := direct.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, wantStats, st, "one copy of everything")
	assert.Zero(t, pendingLeft(t, direct))
}

// TestPieceQueryPlans checks the plan (EXPLAIN) of every statement a write in pieces
// runs for each piece and in its last transaction, and of the cleaning: none scans a
// label, the whole graph or a relationship type (TestHotQueryPlans, for the write path
// of pieces.go). cyFreeMarkers, run once by New, reads the markers by their label.
func TestPieceQueryPlans(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	gs := storetest.GenerateArticles(300, 3)
	_, err := s.PutArticles(ctx, gs)
	require.NoError(t, err)
	g := graph.Canonical(storetest.GenerateArticles(301, 3)[300])
	w := writeID(g.Article.ID, g.Article.ContentHash)
	id := g.Article.ID
	props := articleProps(&g.Article)
	agents := []map[string]any{{"id": g.Agents[0].ID, "props": agentProps(g.Agents[0])}}
	type query struct {
		name   string
		cypher string
		params map[string]any
	}
	marker := map[string]any{"id": id, "owner": "o", "w": w, "bundle": "b", "stale": int64(1000), "k": int64(1), "done": int64(1)}
	queries := []query{
		{"claim marker", cyClaimMarker, marker},
		{"take marker", cyTakeMarker, marker},
		{"piece marker", cyPieceMarker, marker},
		{"release marker", cyReleaseMarker, marker},
		{"delete marker", cyDeleteMarker, marker},
		{"final marker", cyFinalMarker, marker},
		{"piece head", cyPieceHead, map[string]any{"w": w, "id": id, "props": props, "agents": agents}},
		{"piece", cyPiece, pieceParams(g, w)},
		{"drop pending of gone claims", cyDropPendingOf, map[string]any{"w": w, "claims": []string{"c_x"}, "disputes": []string{"d_x"}}},
		{"drop the stored article", cyDropLive, map[string]any{"id": id}},
		{"adopt claims", cyAdoptClaims, map[string]any{"w": w}},
		{"missing claims", cyMissingClaims, map[string]any{"ids": []string{g.Claims[0].ID}}},
		{"relink claims", cyRelinkClaims, map[string]any{"w": w, "ids": []string{g.Claims[0].ID}}},
		{"piece heartbeat", cyPieceHeartbeat, marker},
		{"pending aggregates", cyPendingAggregates, map[string]any{"w": w, "after": "", "n": int64(100), "outlet": "o_x", "linked": true}},
		{"stored claims", cyStoredClaims, map[string]any{"ids": []string{g.Claims[0].ID}}},
	}
	for _, u := range unkeyed {
		queries = append(queries, query{"unkey " + u.label, cyUnkeyPending(u.label, u.prop), map[string]any{"w": w, "n": int64(100)}})
	}
	for i, q := range cyPublish {
		queries = append(queries, query{fmt.Sprintf("publish %d", i), q, map[string]any{"w": w}})
	}
	for i, q := range cyCleanPending {
		queries = append(queries, query{fmt.Sprintf("clean %d", i), q, map[string]any{"w": w, "n": int64(100)}})
	}
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			ops := planOperators(explainPlan(t, s, q.cypher, q.params))
			for _, bad := range scanOperators {
				assert.NotContains(t, ops, bad, "plan: %v\nquery:\n%s", ops, q.cypher)
			}
		})
	}
}

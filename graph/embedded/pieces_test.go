package embedded

import (
	"context"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	bolt "go.etcd.io/bbolt"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestPiecesInvisibleUntilDone writes article 1 in pieces of two records and reads
// the store between two pieces, from the writing goroutine as another reader would:
// the store is as it was before the write (counts, the article, its claims) until the
// last piece, then holds the article whole.
func TestPiecesInvisibleUntilDone(t *testing.T) {
	s := openTemp(t, &Options{NoSync: true, PieceRecords: 2})
	ctx := t.Context()
	for _, g := range []*graph.ArticleGraph{storetest.Gaza2(), storetest.Gaza3()} {
		_, err := s.PutArticle(ctx, g)
		require.NoError(t, err)
	}
	before, err := s.Stats(ctx)
	require.NoError(t, err)
	checked := 0
	s.afterPiece = func(i int) {
		if i != 3 {
			return
		}
		checked++
		st, err := s.Stats(ctx)
		require.NoError(t, err)
		assert.Equal(t, before, st, "counts as before the write")
		_, err = s.Article(ctx, storetest.Article1)
		assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "the article is not there yet")
		_, err = s.Claim(ctx, storetest.ClaimDraft)
		assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "nor its claims")
		page, err := s.SearchClaims(ctx, graph.ClaimQuery{ArticleID: storetest.Article1})
		require.NoError(t, err)
		assert.Empty(t, page.Items)
	}
	res, err := s.PutArticle(ctx, storetest.Gaza1())
	require.NoError(t, err)
	assert.True(t, res.Created)
	assert.Equal(t, 1, checked, "read between two pieces")
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, storetest.ExpectedStats(storetest.Gaza()), st)
	_, err = s.Claim(ctx, storetest.ClaimDraft)
	assert.NoError(t, err)
}

// TestInterrupted runs the contract of a write stopped part-way
// (storetest.RunInterrupted) on a store writing every bundle of more than two records
// in pieces: the write is stopped before a piece as a crash would stop it (the
// writing goroutine ends there: the pieces written are committed, the rest are not),
// and the store is closed and opened again.
func TestInterrupted(t *testing.T) {
	opts := &Options{NoSync: true, PieceRecords: 2}
	storetest.RunInterrupted(t, storetest.Interruptible{
		Open: func(t *testing.T) graph.Store { return openTemp(t, opts) },
		PutStopped: func(t *testing.T, gs graph.Store, g *graph.ArticleGraph, at int) {
			stopPieces(t, gs.(*Store), g, at)
		},
		Restart: func(t *testing.T, gs graph.Store) graph.Store {
			s := gs.(*Store)
			require.NoError(t, s.Close(t.Context()))
			s, err := Open(t.Context(), s.Path(), opts)
			require.NoError(t, err)
			t.Cleanup(func() { _ = s.Close(context.Background()) })
			return s
		},
	})
}

// stopPieces writes g into s in pieces and stops the writing goroutine before piece
// at+1 (the first after the first piece is 0), as a crash would.
func stopPieces(t *testing.T, s *Store, g *graph.ArticleGraph, at int) {
	t.Helper()
	s.afterPiece = func(i int) {
		if i == at+1 {
			runtime.Goexit()
		}
	}
	defer func() { s.afterPiece = nil }()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = s.PutArticle(t.Context(), g)
		t.Error("the write went on past the crash")
	}()
	<-done
}

// TestPiecesCrashDuringRestore stops a new version written in pieces, then stops the
// putting back of the stored version (what a rollback does) part-way too, as a second
// crash during recovery would: opened again, the store has put the stored version
// back whole.
func TestPiecesCrashDuringRestore(t *testing.T) {
	ctx := t.Context()
	opts := &Options{NoSync: true, PieceRecords: 2}
	path := filepath.Join(t.TempDir(), "claimgraph.db")
	s, err := Open(ctx, path, opts)
	require.NoError(t, err)
	for _, g := range []*graph.ArticleGraph{storetest.Gaza2(), storetest.Gaza3(), storetest.Gaza1()} {
		_, err := s.PutArticle(ctx, g)
		require.NoError(t, err)
	}
	before, err := s.Stats(ctx)
	require.NoError(t, err)
	stored, err := s.ArticleGraph(ctx, storetest.Article1)
	require.NoError(t, err)
	v2 := storetest.Gaza1()
	v2.Article.Text += " A closing line."
	v2.Article.ContentHash = graph.ContentHash(v2.Article.Text)
	stopPieces(t, s, v2, 2)
	// The rollback Open would run, stopped after its second piece.
	s.afterPiece = func(i int) {
		if i == 2 {
			runtime.Goexit()
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = s.rollbackPending()
		t.Error("the restore went on past the crash")
	}()
	<-done
	s.afterPiece = nil
	require.NoError(t, s.Close(ctx))

	s, err = Open(ctx, path, opts)
	require.NoError(t, err)
	defer s.Close(context.Background())
	after, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, before, after)
	got, err := s.ArticleGraph(ctx, storetest.Article1)
	require.NoError(t, err)
	assert.Equal(t, stored, got, "the stored version, whole")
	require.NoError(t, s.db.View(func(tx *bolt.Tx) error {
		k, _ := tx.Bucket(bMeta).Cursor().Seek([]byte(stashPrefix))
		assert.False(t, k != nil && strings.HasPrefix(string(k), stashPrefix), "no stash left")
		assert.Nil(t, tx.Bucket(bMeta).Get(keyPending), "nothing pending")
		return nil
	}))
}

// TestPiecesVersionGap: while a new version of a dense article is written in pieces,
// every read of a claim both versions state (its statements, provenance,
// contradictions, searches) is the old version's, whole (storetest.RunVersionGap).
func TestPiecesVersionGap(t *testing.T) {
	s := openTemp(t, &Options{NoSync: true, PieceRecords: 50})
	reads, old := storetest.RunVersionGap(t, s, 40, func(read func()) {
		if read == nil {
			s.afterPiece = nil
			return
		}
		s.afterPiece = func(i int) {
			if i%2 == 1 {
				read()
			}
		}
	})
	assert.Positive(t, reads)
	assert.Equal(t, reads, old, "every read during the write is the old version's")
}

package embedded

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// TestPiecesCrash stops a write in pieces after its third piece, as a crash would
// (the writing goroutine ends there: the pieces written are committed, the last is
// not), for a new article and for a new version of a stored one. Reopened, the store
// has rolled the article back: it holds what it held before, less the replaced
// version, exactly as if the article had been deleted (agents, never deleted,
// aside); the article can then be written again.
func TestPiecesCrash(t *testing.T) {
	v2 := storetest.Gaza1()
	v2.Article.Text += " A closing line."
	v2.Article.ContentHash = ""
	tests := []struct {
		name  string
		first *graph.ArticleGraph // stored before, whole; nil: none
		crash *graph.ArticleGraph // written in pieces and stopped
	}{
		{"a new article", nil, storetest.Gaza1()},
		{"a new version", storetest.Gaza1(), v2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := t.Context()
			path := filepath.Join(t.TempDir(), "claimgraph.db")
			s, err := Open(ctx, path, &Options{NoSync: true, PieceRecords: 2})
			require.NoError(t, err)
			others := []*graph.ArticleGraph{storetest.Gaza2(), storetest.Gaza3()}
			for _, g := range others {
				_, err := s.PutArticle(ctx, g)
				require.NoError(t, err)
			}
			if tt.first != nil {
				_, err := s.PutArticle(ctx, tt.first)
				require.NoError(t, err)
			}
			s.afterPiece = func(i int) {
				if i == 3 {
					runtime.Goexit()
				}
			}
			done := make(chan struct{})
			go func() {
				defer close(done)
				_, _ = s.PutArticle(ctx, tt.crash)
				t.Error("the write went on past the crash")
			}()
			<-done
			require.NoError(t, s.Close(ctx))

			s, err = Open(ctx, path, &Options{NoSync: true, PieceRecords: 2})
			require.NoError(t, err)
			defer s.Close(ctx)
			_, err = s.Article(ctx, storetest.Article1)
			assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "rolled back")
			_, err = s.Claim(ctx, storetest.ClaimDraft)
			assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "with its claims")
			st, err := s.Stats(ctx)
			require.NoError(t, err)
			want := storetest.ExpectedStats(others)
			want.Agents = st.Agents // agents are never deleted
			assert.Equal(t, want, st)

			_, err = s.PutArticle(ctx, storetest.Gaza1())
			require.NoError(t, err)
			st, err = s.Stats(ctx)
			require.NoError(t, err)
			assert.Equal(t, storetest.ExpectedStats(storetest.Gaza()), st, "written again whole")
		})
	}
}

package embedded

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestBackupWhileWriting takes a backup while a writer adds articles one transaction
// at a time, then checks that the backup is the store at one point in time: it holds
// exactly the first k articles written, each whole, and its counts are those of those
// k articles (and the counts Backup reported), while the writer went on past k.
func TestBackupWhileWriting(t *testing.T) {
	ctx := t.Context()
	s := openTemp(t, nil) // with fsync: writes take long enough to overlap the copy
	gen := storetest.GenerateArticles(400, 11)
	const before = 25 // articles written before the backup starts

	var (
		mu      sync.Mutex
		written int
	)
	started, backedUp := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i, g := range gen {
			_, err := s.PutArticle(ctx, g)
			if !assert.NoError(t, err) {
				return
			}
			mu.Lock()
			written = i + 1
			mu.Unlock()
			if i+1 == before {
				close(started)
			}
			select {
			case <-backedUp:
				if i+1 >= before+40 { // well past the backup: stop
					return
				}
			default:
			}
		}
	}()
	<-started
	path := filepath.Join(t.TempDir(), "backup.db")
	info, err := s.BackupFile(ctx, path)
	close(backedUp)
	wg.Wait()
	require.NoError(t, err)
	mu.Lock()
	after := written
	mu.Unlock()

	b, err := Open(ctx, path, &Options{ReadOnly: true})
	require.NoError(t, err)
	defer b.Close(ctx)
	st, err := b.Stats(ctx)
	require.NoError(t, err)
	k := st.Articles
	require.GreaterOrEqual(t, k, before)
	require.Less(t, k, after, "the writer went on after the backup's snapshot")
	assert.Equal(t, storetest.ExpectedStats(gen[:k]), st, "the counts of exactly the first %d articles", k)
	assert.Equal(t, st, info.Stats, "Backup reports the counts of its snapshot")
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, fi.Size(), info.Bytes)

	// Every article of the snapshot is whole; none written after it is there.
	for i, g := range gen[:k] {
		got, err := b.ArticleGraph(ctx, g.Article.ID)
		require.NoError(t, err, "article %d", i)
		want := graph.Canonical(g)
		assert.Len(t, got.Statements, len(want.Statements), "article %d", i)
		assert.Len(t, got.Disputes, len(want.Disputes), "article %d", i)
		assert.Len(t, got.Mentions, len(want.Mentions), "article %d", i)
	}
	for _, g := range gen[k:after] {
		_, err := b.ArticleGraph(ctx, g.Article.ID)
		assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "article %s was written after the snapshot", g.Article.ID)
	}
	page, err := b.SearchClaims(ctx, graph.ClaimQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize}})
	require.NoError(t, err)
	assert.NotEmpty(t, page.Items, "the backup's indexes answer searches")
}

// TestRestore checks restoring a backup: into an empty data directory, over a store
// with articles (refused without force), from a file that is not a store, and onto a
// store another handle holds open.
func TestRestore(t *testing.T) {
	ctx := t.Context()
	src := openTemp(t, &Options{NoSync: true})
	for _, g := range storetest.Gaza() {
		_, err := src.PutArticle(ctx, g)
		require.NoError(t, err)
	}
	want, err := src.Stats(ctx)
	require.NoError(t, err)
	dir := t.TempDir()
	backup := filepath.Join(dir, "backup.db")
	_, err = src.BackupFile(ctx, backup)
	require.NoError(t, err)

	_, err = src.BackupFile(ctx, src.Path())
	assert.Equal(t, graph.EINVALID, graph.ErrorCode(err), "a backup over the store itself is refused")

	garbage := filepath.Join(dir, "garbage.db")
	require.NoError(t, os.WriteFile(garbage, []byte("not a bbolt file at all, just some text"), 0o600))
	notStore := filepath.Join(dir, "missing.db")

	cases := []struct {
		name     string
		from     string
		prepare  func(t *testing.T, target string) // nil: restore into a new directory
		force    bool
		wantCode string
	}{
		{name: "into an empty directory", from: backup},
		{name: "over an empty store", from: backup, prepare: func(t *testing.T, target string) {
			s, err := Open(ctx, target, nil)
			require.NoError(t, err)
			require.NoError(t, s.Close(ctx))
		}},
		{name: "over a store with articles", from: backup, prepare: withArticle, wantCode: graph.EINVALID},
		{name: "over a store with articles, forced", from: backup, prepare: withArticle, force: true},
		{name: "from a file that is not a store", from: garbage, wantCode: graph.EINVALID},
		{name: "from a missing file", from: notStore, wantCode: graph.EINVALID},
		{name: "onto a store in use", from: backup, wantCode: graph.EUNAVAILABLE, prepare: func(t *testing.T, target string) {
			s, err := Open(ctx, target, nil)
			require.NoError(t, err)
			t.Cleanup(func() { _ = s.Close(context.Background()) })
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "data", "graph.db")
			if tc.prepare != nil {
				tc.prepare(t, target)
			}
			c, cancel := context.WithTimeout(ctx, 20*time.Second)
			defer cancel()
			got, err := Restore(c, tc.from, target, tc.force)
			if tc.wantCode != "" {
				require.Error(t, err)
				assert.Equal(t, tc.wantCode, graph.ErrorCode(err), graph.ErrorMessage(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, want, got)
			s, err := Open(ctx, target, nil)
			require.NoError(t, err)
			defer s.Close(ctx)
			st, err := s.Stats(ctx)
			require.NoError(t, err)
			assert.Equal(t, want, st)
			a, err := s.ArticleGraph(ctx, storetest.Article1)
			require.NoError(t, err)
			assert.Equal(t, storetest.Text1, a.Article.Text)
		})
	}
}

// withArticle makes target a store holding one article that is not in the backup.
func withArticle(t *testing.T, target string) {
	s, err := Open(t.Context(), target, &Options{NoSync: true})
	require.NoError(t, err)
	g := storetest.GenerateArticles(1, 3)[0]
	_, err = s.PutArticle(t.Context(), g)
	require.NoError(t, err)
	require.NoError(t, s.Close(t.Context()))
}

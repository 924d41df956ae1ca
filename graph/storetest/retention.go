package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// testRetention checks graph.Retainer: the audit log pruned to a count and an age as
// entries are appended, by at most graph.AuditPruneBatch entries per append, the log
// still paged correctly; and an article's previous versions capped in the write of a
// new version. Without the bounds the log and the lists grow with every write (the
// 30-minute soak of 78,141 writes: 35,183 entries, article records of 70 KB).
func testRetention(t *testing.T, open Opener) {
	retainer := func(t *testing.T) (graph.Store, graph.Retainer, graph.Auditor) {
		t.Helper()
		s := open(t)
		r, ok := s.(graph.Retainer)
		require.True(t, ok, "every backend applies a retention (graph.Retainer)")
		a, ok := s.(graph.Auditor)
		require.True(t, ok)
		return s, r, a
	}
	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	entry := func(i int, at time.Time) graph.AuditEntry {
		return graph.AuditEntry{ID: graph.NewAuditID(at), Time: at, Key: fmt.Sprintf("key-%d", i%2), Scope: "ingest",
			Action: "article.ingest", ArticleID: fmt.Sprintf("a_%04d", i), Outcome: graph.OutcomeCreated, Status: 201}
	}
	// appendN appends n entries a second apart from the first's time and returns them.
	appendN := func(t *testing.T, a graph.Auditor, first, n int) []graph.AuditEntry {
		t.Helper()
		var out []graph.AuditEntry
		for i := first; i < first+n; i++ {
			e := entry(i, start.Add(time.Duration(i)*time.Second))
			require.NoError(t, a.AppendAudit(ctx(t), e))
			out = append(out, e)
		}
		return out
	}
	// ids walks the whole log (newest first) in pages of size and returns the
	// entries' article ids, checking each page.
	ids := func(t *testing.T, a graph.Auditor, q graph.AuditQuery) []string {
		t.Helper()
		var got []string
		for pages := 0; ; pages++ {
			require.Less(t, pages, 1000, "the walk ends")
			p, err := a.AuditLog(ctx(t), q)
			require.NoError(t, err)
			for _, e := range p.Items {
				got = append(got, e.ArticleID)
			}
			if p.NextCursor == "" {
				return got
			}
			require.Len(t, p.Items, q.Page.Size(), "only the last page is short")
			q.Page.Cursor = p.NextCursor
		}
	}
	newestFirst := func(from, to int) []string { // article ids a_to-1 … a_from
		var out []string
		for i := to - 1; i >= from; i-- {
			out = append(out, fmt.Sprintf("a_%04d", i))
		}
		return out
	}

	t.Run("DefaultIsBounded", func(t *testing.T) {
		_, r, _ := retainer(t)
		got := r.Retention()
		assert.Equal(t, graph.DefaultRetention, got)
		assert.Positive(t, got.AuditKeep, "a server that runs for months keeps a bounded log")
		assert.Positive(t, got.VersionsKeep)
	})

	t.Run("Invalid", func(t *testing.T) {
		_, r, _ := retainer(t)
		for _, bad := range []graph.Retention{{AuditKeep: -1}, {AuditMaxAge: -time.Second}, {VersionsKeep: -2}} {
			requireCode(t, r.SetRetention(bad), graph.EINVALID, fmt.Sprint(bad))
		}
		assert.Equal(t, graph.DefaultRetention, r.Retention(), "a refused retention changes nothing")
	})

	t.Run("AuditKeepsTheNewest", func(t *testing.T) {
		_, r, a := retainer(t)
		require.NoError(t, r.SetRetention(graph.Retention{AuditKeep: 7}))
		appendN(t, a, 0, 20)
		assert.Equal(t, newestFirst(13, 20), ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 3}}))
		assert.Equal(t, newestFirst(13, 20), ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 100}}))
		var key1 []string
		for i := 19; i >= 13; i-- {
			if i%2 == 1 {
				key1 = append(key1, fmt.Sprintf("a_%04d", i))
			}
		}
		assert.Equal(t, key1, ids(t, a, graph.AuditQuery{Key: "key-1", Page: graph.PageRequest{Limit: 2}}))
	})

	t.Run("AuditDropsOldEntries", func(t *testing.T) {
		_, r, a := retainer(t)
		require.NoError(t, r.SetRetention(graph.Retention{AuditMaxAge: time.Hour}))
		for i, at := range []time.Duration{0, 30 * time.Minute, 61 * time.Minute, 90 * time.Minute} {
			require.NoError(t, a.AppendAudit(ctx(t), entry(i, start.Add(at))))
		}
		// At +90 min the bound is +30 min: the entry of +0 is gone, +30 min is not
		// older than the bound.
		assert.Equal(t, []string{"a_0003", "a_0002", "a_0001"}, ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 2}}))
		require.NoError(t, a.AppendAudit(ctx(t), entry(4, start.Add(3*time.Hour))))
		assert.Equal(t, []string{"a_0004"}, ids(t, a, graph.AuditQuery{}))
	})

	t.Run("AuditPrunesInSteps", func(t *testing.T) {
		// With no bound the log keeps everything; a bound set later is reached over a
		// few appends, graph.AuditPruneBatch entries at a time, not all at once.
		_, r, a := retainer(t)
		require.NoError(t, r.SetRetention(graph.Retention{}))
		n := graph.AuditPruneBatch + 40
		appendN(t, a, 0, n)
		require.Len(t, ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 500}}), n, "no bound: every entry kept")
		require.NoError(t, r.SetRetention(graph.Retention{AuditKeep: 10}))
		appendN(t, a, n, 1)
		got := ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 500}})
		assert.Len(t, got, n+1-graph.AuditPruneBatch, "one append prunes at most AuditPruneBatch entries")
		assert.Equal(t, newestFirst(graph.AuditPruneBatch, n+1), got, "the oldest go first")
		appendN(t, a, n+1, 1)
		assert.Equal(t, newestFirst(n+2-10, n+2), ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 4}}))
		// The count stays right as entries come and go.
		appendN(t, a, n+2, 25)
		assert.Equal(t, newestFirst(n+27-10, n+27), ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 500}}))
	})

	t.Run("AuditConcurrentAppends", func(t *testing.T) {
		// Writers that append at once: each append succeeds, and the log keeps exactly
		// the newest entries by id, whatever order the appends commit in. An entry
		// appended late with an older id must not outlive newer ones (on Neo4j, appends
		// take the log's lock: read-committed pruning without it kept a_0007 and lost
		// a_0028–a_0030 in CI).
		_, r, a := retainer(t)
		require.NoError(t, r.SetRetention(graph.Retention{AuditKeep: 5}))
		const writers, each = 4, 8
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					n := w*each + i
					errs <- a.AppendAudit(ctx(t), entry(n, start.Add(time.Duration(n)*time.Millisecond)))
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		assert.Equal(t, newestFirst(writers*each-5, writers*each), ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 100}}), "concurrent appends")
		appendN(t, a, writers*each, 1)
		assert.Equal(t, newestFirst(writers*each+1-5, writers*each+1), ids(t, a, graph.AuditQuery{Page: graph.PageRequest{Limit: 100}}))
	})

	t.Run("VersionsKeepsTheNewest", func(t *testing.T) {
		s, r, _ := retainer(t)
		require.NoError(t, r.SetRetention(graph.Retention{VersionsKeep: 3}))
		var hashes []string // of versions 1, 2, …
		for v := 1; v <= 6; v++ {
			g := Gaza1()
			g.Article.Text += fmt.Sprintf(" Version %d.", v)
			g.Article.ContentHash = ""
			require.True(t, put(t, s, g).Created)
			hashes = append(hashes, graph.ContentHash(g.Article.Text))
		}
		want := []graph.ArticleVersion{{Version: 3, ContentHash: hashes[2]}, {Version: 4, ContentHash: hashes[3]}, {Version: 5, ContentHash: hashes[4]}}
		a, err := s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, 6, a.Version)
		assert.Equal(t, want, a.PreviousVersions)
		ag, err := s.ArticleGraph(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, want, ag.Article.PreviousVersions)

		// A bound of 1 keeps the version just replaced; 0 keeps every one again.
		require.NoError(t, r.SetRetention(graph.Retention{VersionsKeep: 1}))
		g := Gaza1()
		g.Article.Text += " Version 7."
		g.Article.ContentHash = ""
		put(t, s, g)
		a, err = s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, []graph.ArticleVersion{{Version: 6, ContentHash: hashes[5]}}, a.PreviousVersions)
		require.NoError(t, r.SetRetention(graph.Retention{}))
		g = Gaza1()
		g.Article.Text += " Version 8."
		g.Article.ContentHash = ""
		put(t, s, g)
		a, err = s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, []graph.ArticleVersion{{Version: 6, ContentHash: hashes[5]}, {Version: 7, ContentHash: graph.ContentHash(Gaza1().Article.Text + " Version 7.")}}, a.PreviousVersions)
	})

	t.Run("ImportedHistoryCapped", func(t *testing.T) {
		s, r, _ := retainer(t)
		require.NoError(t, r.SetRetention(graph.Retention{VersionsKeep: 2}))
		g := Gaza1()
		g.Article.Version = 5
		g.Article.PreviousVersions = []graph.ArticleVersion{{Version: 1, ContentHash: "h1"}, {Version: 2, ContentHash: "h2"}, {Version: 3, ContentHash: "h3"}, {Version: 4, ContentHash: "h4"}}
		put(t, s, g)
		a, err := s.Article(ctx(t), Article1)
		require.NoError(t, err)
		assert.Equal(t, 5, a.Version)
		assert.Equal(t, []graph.ArticleVersion{{Version: 3, ContentHash: "h3"}, {Version: 4, ContentHash: "h4"}}, a.PreviousVersions)
	})
}

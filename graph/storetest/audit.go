package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// testWriter checks that an article keeps the name of the key that wrote it: written,
// read back by Article and ArticleGraph, replaced by a new text (the new writer), and
// kept when the same text is written again by another (nothing changes).
func testWriter(t *testing.T, open Opener) {
	s := open(t)
	g := Gaza1()
	g.Article.Writer = "newsroom-bot"
	require.True(t, put(t, s, g).Created)
	writerOf := func() string {
		t.Helper()
		a, err := s.Article(ctx(t), Article1)
		require.NoError(t, err)
		ag, err := s.ArticleGraph(ctx(t), Article1)
		require.NoError(t, err)
		require.Equal(t, a.Writer, ag.Article.Writer, "Article and ArticleGraph agree")
		return a.Writer
	}
	assert.Equal(t, "newsroom-bot", writerOf())

	same := Gaza1()
	same.Article.Writer = "someone-else"
	assert.False(t, put(t, s, same).Created)
	assert.Equal(t, "newsroom-bot", writerOf(), "an unchanged article keeps its writer")

	changed := Gaza1()
	changed.Article.Text += " An added closing line."
	changed.Article.ContentHash = ""
	changed.Article.Writer = "editor-admin"
	assert.True(t, put(t, s, changed).Created)
	assert.Equal(t, "editor-admin", writerOf(), "a replaced article names its new writer")

	anonymous := Gaza1()
	anonymous.Article.Text += " Another closing line."
	anonymous.Article.ContentHash = ""
	assert.True(t, put(t, s, anonymous).Created)
	assert.Equal(t, "", writerOf(), "a write without a key leaves no writer")

	long := Gaza2()
	long.Article.Writer = string(make([]byte, graph.MaxWriterLen+1))
	_, err := s.PutArticle(ctx(t), long)
	requireCode(t, err, graph.EINVALID)
}

// testAudit checks the audit log: entries read back exactly, newest first, paged with
// cursors that visit each entry once, filtered by key name, and refused when invalid.
func testAudit(t *testing.T, open Opener) {
	s, ok := open(t).(graph.Auditor)
	require.True(t, ok, "every backend keeps an audit log (graph.Auditor)")

	empty, err := s.AuditLog(ctx(t), graph.AuditQuery{})
	require.NoError(t, err)
	assert.NotNil(t, empty.Items)
	assert.Empty(t, empty.Items)
	assert.Empty(t, empty.NextCursor)

	start := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var all []graph.AuditEntry // oldest first
	for i := range 23 {
		at := start.Add(time.Duration(i) * time.Second)
		key, scope := "ingest-bot", "ingest"
		if i%3 == 0 {
			key, scope = "ops-admin", "admin"
		}
		e := graph.AuditEntry{ID: graph.NewAuditID(at), Time: at, Key: key, Scope: scope, Action: "article.ingest",
			ArticleID: fmt.Sprintf("a_%04d", i), Outcome: graph.OutcomeCreated, Status: 201, RequestID: fmt.Sprintf("req%d", i),
			ClientIP: "127.0.0.1"}
		if i == 5 {
			e.Outcome, e.Status, e.Detail = graph.OutcomeForbidden, 403, "written by another key"
		}
		all = append(all, e)
	}
	// Appended out of order: the log orders by id, which orders by time.
	for _, i := range []int{3, 0, 1, 2} {
		require.NoError(t, s.AppendAudit(ctx(t), all[i]))
	}
	for _, e := range all[4:] {
		require.NoError(t, s.AppendAudit(ctx(t), e))
	}

	walk := func(q graph.AuditQuery) []graph.AuditEntry {
		t.Helper()
		var got []graph.AuditEntry
		for pages := 0; ; pages++ {
			require.Less(t, pages, 50, "the walk ends")
			p, err := s.AuditLog(ctx(t), q)
			require.NoError(t, err)
			require.LessOrEqual(t, len(p.Items), q.Page.Size())
			got = append(got, p.Items...)
			if p.NextCursor == "" {
				return got
			}
			require.Len(t, p.Items, q.Page.Size(), "only the last page is short")
			q.Page.Cursor = p.NextCursor
		}
	}
	newestFirst := func(keep func(graph.AuditEntry) bool) []graph.AuditEntry {
		var out []graph.AuditEntry
		for i := len(all) - 1; i >= 0; i-- {
			if keep(all[i]) {
				out = append(out, all[i])
			}
		}
		return out
	}
	cases := []struct {
		name string
		q    graph.AuditQuery
		want []graph.AuditEntry
	}{
		{"all, pages of 5", graph.AuditQuery{Page: graph.PageRequest{Limit: 5}}, newestFirst(func(graph.AuditEntry) bool { return true })},
		{"all, one page", graph.AuditQuery{Page: graph.PageRequest{Limit: 100}}, newestFirst(func(graph.AuditEntry) bool { return true })},
		{"one key, pages of 2", graph.AuditQuery{Key: "ops-admin", Page: graph.PageRequest{Limit: 2}},
			newestFirst(func(e graph.AuditEntry) bool { return e.Key == "ops-admin" })},
		{"unknown key", graph.AuditQuery{Key: "nobody"}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := walk(tc.q)
			require.Len(t, got, len(tc.want))
			for i := range got {
				assert.True(t, tc.want[i].Time.Equal(got[i].Time), "entry %d time", i)
				got[i].Time = tc.want[i].Time // compared above: locations may differ
			}
			assert.Equal(t, tc.want, got)
		})
	}

	invalid := []struct {
		name string
		e    graph.AuditEntry
	}{
		{"no id", graph.AuditEntry{Time: start, Key: "k", Action: "a"}},
		{"no time", graph.AuditEntry{ID: "au_x", Key: "k", Action: "a"}},
		{"no key", graph.AuditEntry{ID: "au_x", Time: start, Action: "a"}},
		{"no action", graph.AuditEntry{ID: "au_x", Time: start, Key: "k"}},
	}
	for _, tc := range invalid {
		requireCode(t, s.AppendAudit(ctx(t), tc.e), graph.EINVALID, tc.name)
	}
	_, err = s.AuditLog(ctx(t), graph.AuditQuery{Page: graph.PageRequest{Cursor: "not a cursor"}})
	requireCode(t, err, graph.EINVALID)
}

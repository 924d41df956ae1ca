package storetest

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// guarded returns article 1 with text n (0: the fixture's own text), written by
// writer, with a guard for guard ("" none).
func guarded(n int, writer, guard string) *graph.ArticleGraph {
	g := Gaza1()
	if n > 0 {
		g.Article.Text += fmt.Sprintf(" Closing line %d.", n)
		g.Article.ContentHash = ""
	}
	g.Article.Writer = writer
	if guard != "" {
		g.Guard = &graph.WriteGuard{Writer: guard}
	}
	return g
}

// testWriteGuard checks graph.WriteGuard in PutArticle and PatchArticle, step by step
// on one article: a guarded write replaces or patches only its own writer's article;
// a refused one is EFORBIDDEN and changes nothing (text, version, writer, statements,
// title).
func testWriteGuard(t *testing.T, open Opener) {
	s := open(t)
	title := func(v string) graph.ArticlePatch { return graph.ArticlePatch{Title: &v} }
	steps := []struct {
		name    string
		put     *graph.ArticleGraph
		patch   *graph.ArticlePatch
		guard   string // of the patch
		code    string // "" success
		created bool
		writer  string // stored afterwards
		version int
		title   string // stored afterwards, when set
	}{
		{name: "a guarded write of a new article", put: guarded(0, "alice", "alice"), created: true, writer: "alice", version: 1},
		{name: "another writer writes the stored text again", put: guarded(0, "bob", "bob"), writer: "alice", version: 1},
		{name: "another writer may not replace", put: guarded(1, "bob", "bob"), code: graph.EFORBIDDEN, writer: "alice", version: 1},
		{name: "the writer replaces its own", put: guarded(2, "alice", "alice"), created: true, writer: "alice", version: 2},
		{name: "another writer may not patch", patch: ptr(title("Bob's title")), guard: "bob", code: graph.EFORBIDDEN, writer: "alice", version: 2},
		{name: "the writer patches its own", patch: ptr(title("Alice's title")), guard: "alice", writer: "alice", version: 2, title: "Alice's title"},
		{name: "an unguarded write (admin) replaces", put: guarded(3, "root", ""), created: true, writer: "root", version: 3},
		{name: "the first writer may not any more", put: guarded(4, "alice", "alice"), code: graph.EFORBIDDEN, writer: "root", version: 3},
		{name: "nor patch", patch: ptr(title("Alice again")), guard: "alice", code: graph.EFORBIDDEN, writer: "root", version: 3},
		{name: "an operator's write (no writer, no guard)", put: guarded(5, "", ""), created: true, writer: "", version: 4},
		{name: "no key owns an operator's article", put: guarded(6, "alice", "alice"), code: graph.EFORBIDDEN, writer: "", version: 4},
	}
	for _, st := range steps {
		before, _ := s.ArticleGraph(ctx(t), Article1)
		var err error
		var res graph.WriteResult
		if st.put != nil {
			res, err = s.PutArticle(ctx(t), st.put)
		} else {
			p := *st.patch
			if st.guard != "" {
				p.Guard = &graph.WriteGuard{Writer: st.guard}
			}
			_, err = s.PatchArticle(ctx(t), Article1, p)
		}
		after, rerr := s.ArticleGraph(ctx(t), Article1)
		require.NoError(t, rerr, st.name)
		if st.code != "" {
			requireCode(t, err, st.code, st.name)
			assert.Contains(t, graph.ErrorMessage(err), "only an admin key", st.name)
			assert.Equal(t, before, after, "%s: a refused write changes nothing", st.name)
		} else {
			require.NoError(t, err, st.name)
			assert.Equal(t, st.created, res.Created, st.name)
		}
		assert.Equal(t, st.writer, after.Article.Writer, st.name)
		assert.Equal(t, st.version, after.Article.Version, st.name)
		if st.title != "" {
			assert.Equal(t, st.title, after.Article.Title, st.name)
		}
	}
}

// testWriteGuardRace runs guarded writers of one new article at once, each with its
// own name and text, for several articles. However their transactions interleave,
// exactly one write per article succeeds and every other is EFORBIDDEN (it would
// replace another writer's article): no check and write are split by another write.
// The stored article is the winner's, at version 1.
func testWriteGuardRace(t *testing.T, open Opener) {
	s := open(t)
	const rounds, writers = 6, 4
	for r := range rounds {
		var wg sync.WaitGroup
		errs := make([]error, writers)
		for w := range writers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				name := fmt.Sprintf("writer-%d", w)
				text := fmt.Sprintf("The envoy said talks went on. Closing line %d.", 100*r+w+1)
				g := &graph.ArticleGraph{
					Article: graph.Article{ID: fmt.Sprintf("a_race_%d", r), Text: text, Writer: name},
					Guard:   &graph.WriteGuard{Writer: name},
				}
				_, errs[w] = s.PutArticle(ctx(t), g)
			}()
		}
		wg.Wait()
		winner := -1
		for w, err := range errs {
			if err == nil {
				require.Equal(t, -1, winner, "round %d: writers %d and %d both wrote the article", r, winner, w)
				winner = w
				continue
			}
			requireCode(t, err, graph.EFORBIDDEN, "round %d writer %d", r, w)
		}
		require.NotEqual(t, -1, winner, "round %d: one write succeeds", r)
		a, err := s.Article(ctx(t), fmt.Sprintf("a_race_%d", r))
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("writer-%d", winner), a.Writer, "round %d", r)
		assert.Equal(t, 1, a.Version, "round %d: no refused write made a version", r)
		assert.Contains(t, a.Text, fmt.Sprintf("Closing line %d.", 100*r+winner+1), "round %d: the winner's text", r)
	}
}

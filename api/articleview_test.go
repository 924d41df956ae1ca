package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// partItems walks every page of one list of an article with the given page size and
// returns the items' JSON.
func partItems(t *testing.T, c *client, id, part string, limit int) []string {
	t.Helper()
	var out []string
	cursor := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 1000, "paging does not end")
		path := fmt.Sprintf("/v1/articles/%s/%s?limit=%d", id, part, limit)
		if cursor != "" {
			path += "&cursor=" + cursor
		}
		r := c.get(path)
		require.Equal(t, 200, r.Status, "%s: %s", path, r.Body)
		var p rawPage
		r.JSON(t, &p)
		require.LessOrEqual(t, len(p.Items), limit)
		for _, it := range p.Items {
			out = append(out, string(it))
		}
		if p.NextCursor == "" {
			return out
		}
		require.Len(t, p.Items, limit, "a page before the last is full when the budget is not reached")
		cursor = p.NextCursor
	}
}

// TestArticlePaging checks that every list of an article, paged one or two items at a
// time, gives exactly the list the article view gives in one page, and that the view's
// counts and next cursors agree.
func TestArticlePaging(t *testing.T) {
	c, _ := fixtureServer(t, firstBackend(t), Deps{})
	for _, id := range []string{st.Article1, st.Article2, st.Article3} {
		r := c.get("/v1/articles/" + id)
		require.Equal(t, 200, r.Status)
		var whole map[string]json.RawMessage
		r.JSON(t, &whole)
		var counts map[string]int
		require.NoError(t, json.Unmarshal(whole["counts"], &counts))
		assert.JSONEq(t, `{}`, string(whole["next"]), "a small article fits in one page")

		small := c.get("/v1/articles/" + id + "?limit=1")
		require.Equal(t, 200, small.Status)
		var view ArticleView
		small.JSON(t, &view)
		next := map[string]string{"agents": view.Next.Agents, "claims": view.Next.Claims, "statements": view.Next.Statements,
			"disputes": view.Next.Disputes, "links": view.Next.Links, "mentions": view.Next.Mentions, "spans": view.Next.Spans}

		for _, part := range articleParts {
			t.Run(id+"/"+part, func(t *testing.T) {
				var items []json.RawMessage
				require.NoError(t, json.Unmarshal(whole[part], &items))
				want := make([]string, len(items))
				for i, it := range items {
					want[i] = string(it)
				}
				assert.Equal(t, counts[part], len(want))
				for _, limit := range []int{1, 2} {
					got := partItems(t, c, id, part, limit)
					if len(want) == 0 {
						assert.Empty(t, got)
						continue
					}
					assert.Equal(t, want, got, "limit %d", limit)
				}
				assert.Equal(t, len(want) > 1, next[part] != "", "next cursor of %s with limit=1", part)
			})
		}
	}
}

// TestArticleTextWindows walks an article's text window by window (the fixture text
// holds multi-byte code points) and checks the errors of bad windows and cursors.
func TestArticleTextWindows(t *testing.T) {
	c, _ := fixtureServer(t, firstBackend(t), Deps{})
	runes := []rune(st.Text1)
	var got strings.Builder
	offset := 0
	for steps := 0; ; steps++ {
		require.Less(t, steps, len(runes))
		r := c.get(fmt.Sprintf("/v1/articles/%s?text_offset=%d&text_limit=7&limit=1", st.Article1, offset))
		require.Equal(t, 200, r.Status)
		var v ArticleView
		r.JSON(t, &v)
		assert.Equal(t, len(runes), v.TextWindow.Length)
		assert.Equal(t, offset, v.TextWindow.Offset)
		assert.Equal(t, string(runes[offset:v.TextWindow.End]), v.Article.Text)
		got.WriteString(v.Article.Text)
		if v.TextWindow.NextOffset == nil {
			assert.Equal(t, len(runes), v.TextWindow.End)
			break
		}
		assert.Equal(t, offset+7, *v.TextWindow.NextOffset)
		offset = *v.TextWindow.NextOffset
	}
	assert.Equal(t, st.Text1, got.String())

	view := c.get("/v1/articles/" + st.Article1 + "?limit=1")
	var v ArticleView
	view.JSON(t, &v)
	require.NotEmpty(t, v.Next.Spans)

	for _, tc := range []struct {
		name, path string
		status     int
		field      string
	}{
		{"offset past the end", fmt.Sprintf("/v1/articles/%s?text_offset=%d", st.Article1, len(runes)+1), 400, "text_offset"},
		{"offset at the end", fmt.Sprintf("/v1/articles/%s?text_offset=%d", st.Article1, len(runes)), 200, ""},
		{"negative offset", "/v1/articles/" + st.Article1 + "?text_offset=-1", 400, "text_offset"},
		{"zero limit", "/v1/articles/" + st.Article1 + "?text_limit=0", 400, "text_limit"},
		{"limit over the window", fmt.Sprintf("/v1/articles/%s?text_limit=%d", st.Article1, MaxTextWindow+1), 400, "text_limit"},
		{"list limit over", fmt.Sprintf("/v1/articles/%s?limit=%d", st.Article1, MaxArticlePartLimit+1), 400, "limit"},
		{"unknown parameter", "/v1/articles/" + st.Article1 + "?cursor=x", 400, "cursor"},
		{"unknown list", "/v1/articles/" + st.Article1 + "/words", 404, ""},
		{"cursor of another list", "/v1/articles/" + st.Article1 + "/mentions?cursor=" + v.Next.Spans, 400, "cursor"},
		{"cursor of another article", "/v1/articles/" + st.Article2 + "/spans?cursor=" + v.Next.Spans, 400, "cursor"},
		{"cursor past the end", "/v1/articles/" + st.Article1 + "/spans?cursor=" +
			graph.EncodeCursor(graph.Cursor{Key: "spans:" + v.Article.ContentHash[:16], N: 1 << 20}), 400, "cursor"},
		{"garbage cursor", "/v1/articles/" + st.Article1 + "/spans?cursor=%21%21", 400, "cursor"},
		{"missing article", "/v1/articles/a_0000000000000000/spans", 404, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.get(tc.path)
			require.Equal(t, tc.status, r.Status, "%s", r.Body)
			if tc.field != "" {
				assert.Equal(t, tc.field, r.Problem(t).Field)
			}
		})
	}
}

// graphReader serves one bundle, after an optional delay: the article loader's store
// in the tests of its bounds.
type graphReader struct {
	g     *graph.ArticleGraph
	delay time.Duration
	reads chan struct{}
}

func (r *graphReader) ArticleGraph(ctx context.Context, id string) (*graph.ArticleGraph, error) {
	if r.reads != nil {
		r.reads <- struct{}{}
	}
	select {
	case <-time.After(r.delay):
	case <-ctx.Done():
		return nil, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "cancelled")
	}
	if id != r.g.Article.ID {
		return nil, graph.Errorf(graph.ENOTFOUND, "no article %s", id)
	}
	return r.g, nil
}

func (r *graphReader) Article(ctx context.Context, id string) (*graph.Article, error) {
	if id != r.g.Article.ID {
		return nil, graph.Errorf(graph.ENOTFOUND, "no article %s", id)
	}
	a := r.g.Article
	return &a, nil
}

// largestArticle builds an article of the largest allowed text whose every word is a
// mention of its own agent and every sentence a statement: the worst case of the views'
// bounds.
func largestArticle() *graph.ArticleGraph {
	const sentence = "Officials said the figures were wrong. "
	n := graph.MaxArticleBytes / len(sentence)
	text := strings.Repeat(sentence, n)
	g := &graph.ArticleGraph{Article: graph.Article{ID: "a_largest", Text: text, ContentHash: strings.Repeat("ab", 32)}}
	long := strings.Repeat("x", 600)
	for i := 0; i < n; i++ {
		at := i * len(sentence)
		agent := fmt.Sprintf("ag_%07d", i)
		g.Agents = append(g.Agents, graph.Agent{ID: agent, Kind: graph.KindGroup, Name: "Officials", Roles: []string{long}})
		g.Mentions = append(g.Mentions, graph.Mention{AgentID: agent, Span: graph.Span{Start: at, End: at + 9, Text: "Officials"}})
		g.Statements = append(g.Statements, graph.Statement{ID: fmt.Sprintf("s_%07d", i), ClaimID: "c_1", ArticleID: "a_largest",
			SpeakerID: agent, Kind: graph.SpeechReported,
			Cue:      graph.Span{Start: at + 10, End: at + 14, Text: "said"},
			Content:  graph.Span{Start: at + 15, End: at + 37, Text: "the figures were wrong"},
			Sentence: graph.Span{Start: 0, End: len(text), Text: text[:MaxSpanText+1]}})
	}
	g.Claims = []graph.Claim{{ID: "c_1", Text: "the figures were wrong", Kind: graph.ClaimReportedSpeech}}
	return g
}

// TestArticleViewBounds checks the documented bounds on the largest allowed article:
// every answer under MaxArticleViewBytes, every page under the budget, no span text
// over MaxSpanText, and all of every list reachable.
func TestArticleViewBounds(t *testing.T) {
	g := largestArticle()
	srv, err := New(Deps{Store: openEmbedded(t)})
	require.NoError(t, err)
	l := newArticleLoader(&graphReader{g: g}, 2, 10*time.Second)
	srv.engine.GET("/test/articles/:id", handleArticle(l, srv.log))
	srv.engine.GET("/test/articles/:id/:part", handleArticlePart(l, srv.log))
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	c := newClient(t, ts.URL)

	_, _, body := c.raw("/test/articles/a_largest")
	assert.LessOrEqual(t, len(body), MaxArticleViewBytes)
	var v ArticleView
	require.NoError(t, json.Unmarshal(body, &v))
	assert.Equal(t, MaxTextWindow, len([]rune(v.Article.Text)))
	require.NotNil(t, v.TextWindow.NextOffset)
	assert.Equal(t, len(g.Statements), v.Counts.Statements)
	assert.NotEmpty(t, v.Next.Agents)
	for _, s := range v.Statements {
		assert.Empty(t, s.Sentence.Text, "a sentence over MaxSpanText carries no text")
		assert.Equal(t, "said", s.Cue.Text)
	}
	for _, s := range v.Spans {
		assert.LessOrEqual(t, len([]rune(s.Text)), MaxSpanText)
	}

	for _, part := range []string{"agents", "statements", "spans"} {
		t.Run(part, func(t *testing.T) {
			n, pages := 0, 0
			for cursor := ""; ; pages++ {
				path := "/test/articles/a_largest/" + part
				if cursor != "" {
					path += "?cursor=" + cursor
				}
				status, _, body := c.raw(path)
				require.Equal(t, 200, status)
				assert.LessOrEqual(t, len(body), ArticlePartBudget+1024)
				var p rawPage
				require.NoError(t, json.Unmarshal(body, &p))
				require.NotEmpty(t, p.Items)
				n += len(p.Items)
				if p.NextCursor == "" {
					break
				}
				cursor = p.NextCursor
				if part == "spans" && pages == 3 {
					return // spans are many; the first pages show the budget holds
				}
			}
			assert.Equal(t, map[string]int{"agents": len(g.Agents), "statements": len(g.Statements)}[part], n)
		})
	}
}

// TestArticleReadsShared checks that concurrent reads of one article share one store
// read, and that a read slower than the request deadline answers 504 at the deadline,
// not a late 200.
func TestArticleReadsShared(t *testing.T) {
	g := st.Gaza1()
	reads := make(chan struct{}, 100)
	reader := &graphReader{g: g, delay: 300 * time.Millisecond, reads: reads}
	srv, err := New(Deps{Store: openEmbedded(t)})
	require.NoError(t, err)
	l := newArticleLoader(reader, 1, 10*time.Second)
	srv.engine.GET("/shared/:id", withDeadline(5*time.Second), handleArticle(l, srv.log))
	slow := newArticleLoader(&graphReader{g: g, delay: 2 * time.Second}, 1, 10*time.Second)
	srv.engine.GET("/slow/:id", withDeadline(200*time.Millisecond), handleArticle(slow, srv.log))
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	c := newClient(t, ts.URL)

	done := make(chan int, 10)
	for i := 0; i < 10; i++ {
		go func() {
			status, _, _ := c.raw("/shared/" + g.Article.ID)
			done <- status
		}()
	}
	for i := 0; i < 10; i++ {
		assert.Equal(t, 200, <-done)
	}
	assert.Less(t, len(reads), 10, "concurrent requests share reads")

	start := time.Now()
	status, _, body := c.raw("/slow/" + g.Article.ID)
	assert.Equal(t, 504, status, "%s", body)
	assert.Less(t, time.Since(start), time.Second)
}

// raw sends a GET to a route the OpenAPI document does not describe (the tests' own)
// and returns the answer unchecked.
func (c *client) raw(path string) (int, map[string][]string, []byte) {
	c.t.Helper()
	_, r := c.send("GET", path, nil, nil)
	return r.Status, r.Header, r.Body
}

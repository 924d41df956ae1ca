package embed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func TestNotModified(t *testing.T) {
	const tag = `"abc"`
	for _, tc := range []struct {
		header []string
		want   bool
	}{
		{nil, false},
		{[]string{`"abc"`}, true},
		{[]string{`W/"abc"`}, true},
		{[]string{`"x", "abc"`}, true},
		{[]string{`"x"`, `"abc"`}, true},
		{[]string{`*`}, true},
		{[]string{`"abcd"`}, false},
		{[]string{`abc`}, false},
		{[]string{``}, false},
	} {
		r, _ := http.NewRequest(http.MethodGet, "/", nil)
		for _, h := range tc.header {
			r.Header.Add("If-None-Match", h)
		}
		assert.Equal(t, tc.want, notModified(r, tag), "%q", tc.header)
	}
}

func TestStrongETag(t *testing.T) {
	a, b := strongETag([]byte("card a")), strongETag([]byte("card b"))
	assert.NotEqual(t, a, b)
	assert.Equal(t, a, strongETag([]byte("card a")))
	assert.Regexp(t, `^"[A-Za-z0-9_-]{24}"$`, a)
}

// TestRenderedLength checks that a body net/http would send chunked (longer than its
// response buffer) carries its own Content-Length, and a shorter one leaves it to
// net/http (no header map entry).
func TestRenderedLength(t *testing.T) {
	for _, tc := range []struct {
		size int
		want []string
	}{
		{0, nil},
		{100, nil},
		{chunkingBuffer, nil},
		{chunkingBuffer + 1, []string{"2049"}},
		{10130, []string{"10130"}},
	} {
		r := newRendered([]byte(strings.Repeat("x", tc.size)), nil)
		assert.Equal(t, tc.want, r.lengthHeader, "%d bytes", tc.size)
		assert.Equal(t, len(r.lengthHeader), cap(r.lengthHeader), "a shared header value has no spare capacity")
	}
}

func TestAcceptsGzip(t *testing.T) {
	for h, want := range map[string]bool{
		"":                       false,
		"gzip":                   true,
		"GZIP":                   true,
		"br, gzip, deflate":      true,
		"gzip;q=0.5":             true,
		"gzip;q=0":               false,
		"gzip; q=0.000":          false,
		"deflate, br":            false,
		"identity":               false,
		"x-gzip":                 false,
		"br;q=1.0, gzip ; q=0.1": true,
	} {
		assert.Equal(t, want, acceptsGzip(h), "%q", h)
	}
}

func TestWebURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://news.example/a?b=1": "https://news.example/a?b=1",
		" http://news.example/a ":    "http://news.example/a",
		"javascript:alert(1)":        "",
		"JavaScript:alert(1)":        "",
		"data:text/html,<script>":    "",
		"//news.example/a":           "",
		"/claims/c_1":                "",
		"":                           "",
		"https://":                   "",
		"vbscript:msgbox":            "",
		"https://news.example/\x00a": "",
		"ftp://files.example/a.txt":  "",
		"https://news.example/é?q=ü": "https://news.example/%C3%A9?q=ü",
	} {
		assert.Equal(t, want, webURL(in), "%q", in)
	}
}

func TestClip(t *testing.T) {
	assert.Equal(t, "short", clip("short", 10))
	assert.Equal(t, "Gaza’s…", clip("Gaza’s Health Ministry", 8))
	assert.Equal(t, "a…", clip("a, b, c", 3), "trailing punctuation goes before the ellipsis")
}

func TestParseFrameAncestors(t *testing.T) {
	for in, want := range map[string][]string{
		"":                                       nil,
		"https://news.example":                   {"https://news.example"},
		"https://news.example, https://*.ex.org": {"https://news.example", "https://*.ex.org"},
		"'self' https: news.example:8443":        {"'self'", "https:", "news.example:8443"},
		"*":                                      {"*"},
	} {
		got, err := ParseFrameAncestors(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"https://news.example;script-src", "'unsafe-eval'", "https://news.example/path", "news.example:99999x", "<x>"} {
		_, err := ParseFrameAncestors(bad)
		assert.Error(t, err, bad)
	}
}

// chains returns a provenance with n chains, one speaker each, and contradictions
// with n disputes and n conflicts.
func chains(n int) (*graph.Provenance, *graph.Contradictions) {
	claim := graph.Claim{ID: "c_1", Text: "The toll is more than 100", Kind: graph.ClaimStatistic,
		Quantities: []graph.Quantity{{Value: 100, Unit: "count", Text: "more than 100"}, {Value: 3, Unit: "count"}}}
	p := &graph.Provenance{Claim: claim}
	c := &graph.Contradictions{Claim: claim, IndependentOrigins: n}
	for i := range n {
		art := graph.ArticleRef{ID: fmt.Sprintf("a_%d", i), URL: "javascript:alert(1)", Title: "T", Outlet: &graph.Outlet{ID: "o_x", Name: "Outlet X"},
			Published: graph.Date{Value: "2025-11", Precision: graph.PrecisionMonth}}
		if i == 0 {
			art.URL = "https://news.example/a"
		}
		sp := &graph.Agent{ID: fmt.Sprintf("ag_%d", i), Name: fmt.Sprintf("Speaker %d", i), Kind: graph.KindPerson}
		if i == 1 {
			sp = nil
		}
		p.Chains = append(p.Chains, graph.ProvenanceChain{Article: art, Speaker: sp,
			Via: []graph.Agent{{ID: "ag_ap", Name: "AP", Kind: graph.KindOutlet}}, Statement: graph.Statement{Kind: graph.SpeechReported}})
		c.Disputes = append(c.Disputes, graph.DisputeView{Dispute: graph.Dispute{Kind: graph.DisputeDenies, Sentence: graph.Span{Text: "They deny it."}},
			Disputer: graph.Agent{ID: "ag_d", Name: "Disputer", Kind: graph.KindCountry}, Article: art})
		c.Conflicts = append(c.Conflicts, graph.RelatedClaim{Link: graph.ClaimLink{Reason: "100 vs 50"},
			Claim: graph.Claim{ID: fmt.Sprintf("c_other%d", i), Text: "The toll is 50", Quantities: []graph.Quantity{{Value: 50, Text: "50"}}}})
	}
	return p, c
}

func TestBuildCard(t *testing.T) {
	p, c := chains(6)
	card := BuildCard(p, c)
	assert.Equal(t, []string{"more than 100"}, card.Claim.Figures, "figures without text are left out")
	assert.Equal(t, "/claims/c_1", card.Page)
	assert.Equal(t, "/embed/claims/c_1", card.Embed)
	assert.Len(t, card.Sources.Items, MaxRows)
	assert.Equal(t, 2, card.Sources.More)
	assert.Len(t, card.Disputes.Items, MaxRows)
	assert.Equal(t, 2, card.Disputes.More)
	assert.Len(t, card.Conflicts.Items, MaxRows)
	assert.Equal(t, 2, card.Conflicts.More)
	assert.Equal(t, 6, card.IndependentOrigins)

	s0, s1 := card.Sources.Items[0], card.Sources.Items[1]
	require.NotNil(t, s0.Speaker)
	assert.Equal(t, "Speaker 0", s0.Speaker.Name)
	assert.Nil(t, s1.Speaker, "the article asserts it")
	assert.Equal(t, []CardAgent{{ID: "ag_ap", Name: "AP", Kind: "outlet"}}, s0.Via)
	assert.Equal(t, "https://news.example/a", s0.Article.URL)
	assert.Empty(t, s1.Article.URL, "a javascript: URL is never passed on")
	assert.Equal(t, "Outlet X", s1.Article.Outlet)
	assert.Equal(t, "2025-11", s1.Article.Published)
	assert.Equal(t, "/articles/a_1", s1.Article.Page)
	assert.Equal(t, "They deny it.", card.Disputes.Items[0].Evidence)
	assert.Equal(t, "denies", card.Disputes.Items[0].Kind)
	assert.Equal(t, "100 vs 50", card.Conflicts.Items[0].Reason)
	assert.Equal(t, "/claims/c_other0", card.Conflicts.Items[0].Page)
	assert.NotNil(t, card.Conflicts.Items[0].Speakers)

	empty := BuildCard(&graph.Provenance{Claim: graph.Claim{ID: "c_2"}}, &graph.Contradictions{})
	assert.NotNil(t, empty.Sources.Items)
	assert.NotNil(t, empty.Claim.Figures)
	assert.Zero(t, empty.Sources.More)
}

func TestEstimateHeight(t *testing.T) {
	p1, c1 := chains(1)
	p4, c4 := chains(4)
	one, four := BuildCard(p1, c1), BuildCard(p4, c4)
	assert.Greater(t, EstimateHeight(four, 560), EstimateHeight(one, 560), "more rows, taller")
	assert.Greater(t, EstimateHeight(one, 300), EstimateHeight(one, 560), "narrower, taller")
	assert.Equal(t, EstimateHeight(one, 100), EstimateHeight(one, MinWidth), "estimated at MinWidth at least")
	h := EstimateHeight(BuildCard(&graph.Provenance{Claim: graph.Claim{ID: "c", Text: "x"}}, &graph.Contradictions{}), 560)
	assert.InDelta(t, 170, h, 60, "a bare card is a few lines tall")
}

// key is the cache key of a claim's JSON card.
func key(id string) cacheKey { return cacheKey{formJSON, id} }

func TestRenderCache(t *testing.T) {
	now := time.Unix(0, 0)
	rc := newRenderCache(time.Minute, 2, time.Second, nil)
	// Every reading of the clock is a millisecond later, so that uses are ordered;
	// each is recorded (touchEvery 0).
	var clock sync.Mutex // fills read it on their own goroutines
	rc.now = func() time.Time {
		clock.Lock()
		defer clock.Unlock()
		now = now.Add(time.Millisecond)
		return now
	}
	rc.touchEvery = 0
	var fills atomic.Int64
	fill := func(body string) func(context.Context) (*rendered, error) {
		return func(context.Context) (*rendered, error) {
			fills.Add(1)
			return newRendered([]byte(body), nil), nil
		}
	}
	ctx := t.Context()

	r, err := rc.get(ctx, key("a"), fill("A1"))
	require.NoError(t, err)
	assert.Equal(t, "A1", string(r.body))
	r, _ = rc.get(ctx, key("a"), fill("A2"))
	assert.Equal(t, "A1", string(r.body), "kept while fresh")

	clock.Lock()
	now = now.Add(time.Minute)
	clock.Unlock()
	r, _ = rc.get(ctx, key("a"), fill("A3"))
	assert.Equal(t, "A3", string(r.body), "read again once expired")

	_, _ = rc.get(ctx, key("b"), fill("B"))
	_, _ = rc.get(ctx, key("a"), fill("A4")) // a is now the most recent
	_, _ = rc.get(ctx, key("c"), fill("C"))  // evicts b, the least recent
	assert.Equal(t, 2, rc.len())
	r, _ = rc.get(ctx, key("a"), fill("A5"))
	assert.Equal(t, "A3", string(r.body))
	before := fills.Load()
	r, _ = rc.get(ctx, key("b"), fill("B2"))
	assert.Equal(t, "B2", string(r.body), "b was evicted")
	assert.Equal(t, before+1, fills.Load())
}

func TestRenderCacheCollapsesAndForgetsErrors(t *testing.T) {
	rc := newRenderCache(time.Minute, 10, time.Second, nil)
	release := make(chan struct{})
	var fills atomic.Int64
	slow := func(context.Context) (*rendered, error) {
		fills.Add(1)
		<-release
		return newRendered([]byte("x"), nil), nil
	}
	var wg sync.WaitGroup
	for range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := rc.get(t.Context(), key("k"), slow)
			assert.NoError(t, err)
			assert.Equal(t, "x", string(r.body))
		}()
	}
	time.Sleep(20 * time.Millisecond)
	close(release)
	wg.Wait()
	assert.EqualValues(t, 1, fills.Load(), "concurrent misses share one fill")

	boom := errors.New("store down")
	_, err := rc.get(t.Context(), key("e"), func(context.Context) (*rendered, error) { return nil, boom })
	assert.ErrorIs(t, err, boom)
	r, err := rc.get(t.Context(), key("e"), func(context.Context) (*rendered, error) { return newRendered([]byte("ok"), nil), nil })
	require.NoError(t, err, "an error is not kept")
	assert.Equal(t, "ok", string(r.body))

	_, err = rc.get(t.Context(), key("p"), func(context.Context) (*rendered, error) { panic("template bug") })
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "panicked"), err.Error())
}

func TestRenderCacheCallerGivesUp(t *testing.T) {
	rc := newRenderCache(time.Minute, 10, time.Second, nil)
	started := make(chan struct{})
	release := make(chan struct{})
	fillCtx := make(chan context.Context, 1)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() {
		_, err := rc.get(ctx, key("k"), func(c context.Context) (*rendered, error) {
			fillCtx <- c
			close(started)
			<-release
			return newRendered([]byte("late"), nil), nil
		})
		done <- err
	}()
	<-started
	cancel()
	assert.ErrorIs(t, <-done, context.Canceled, "the caller stops waiting")
	c := <-fillCtx
	assert.NoError(t, c.Err(), "the fill goes on for other callers")
	_, hasDeadline := c.Deadline()
	assert.True(t, hasDeadline, "bounded by the fill timeout")
	close(release)
	r, err := rc.get(t.Context(), key("k"), func(context.Context) (*rendered, error) { return nil, errors.New("not called") })
	require.NoError(t, err)
	assert.Equal(t, "late", string(r.body), "the finished fill is kept")
}

func TestRenderCacheFollowsStoreChanges(t *testing.T) {
	var writes atomic.Uint64
	rc := newRenderCache(time.Hour, 10, time.Second, writes.Load)
	body := func(b string) func(context.Context) (*rendered, error) {
		return func(context.Context) (*rendered, error) { return newRendered([]byte(b), nil), nil }
	}
	ctx := t.Context()
	r, _ := rc.get(ctx, key("a"), body("before"))
	assert.Equal(t, "before", string(r.body))
	r, _ = rc.get(ctx, key("a"), body("unused"))
	assert.Equal(t, "before", string(r.body), "kept while the store is unchanged")

	writes.Add(1)
	r, _ = rc.get(ctx, key("a"), body("after"))
	assert.Equal(t, "after", string(r.body), "the next request after a write reads the store again, long before the ttl")
	assert.NotEqual(t, newRendered([]byte("before"), nil).etag, r.etag, "and its ETag changes with its bytes")

	// A fill that began before a write is not joined by a request after it, and its
	// late result does not replace the newer one.
	started, release := make(chan struct{}), make(chan struct{})
	oldDone := make(chan *rendered, 1)
	go func() {
		r, _ := rc.get(ctx, key("b"), func(context.Context) (*rendered, error) {
			close(started)
			<-release
			return newRendered([]byte("stale"), nil), nil
		})
		oldDone <- r
	}()
	<-started
	writes.Add(1)
	r, _ = rc.get(ctx, key("b"), body("fresh"))
	assert.Equal(t, "fresh", string(r.body), "a request after the write waits for no fill begun before it")
	close(release)
	assert.Equal(t, "stale", string((<-oldDone).body), "the earlier caller gets its own fill")
	r, _ = rc.get(ctx, key("b"), body("unused"))
	assert.Equal(t, "fresh", string(r.body), "the older fill does not overwrite the newer entry")
}

// TestRenderCacheEvictsTheUnused fills a small cache with many cards while one card
// is read between fills: the cache stays within its bound, the card in use is never
// evicted (eviction drops the entry unused for the longest among a sample), and an
// evicted card is no longer found by a hit.
func TestRenderCacheEvictsTheUnused(t *testing.T) {
	var clock atomic.Int64
	rc := newRenderCache(time.Hour, 16, time.Second, nil)
	rc.now = func() time.Time { return time.Unix(0, clock.Add(int64(time.Millisecond))) }
	rc.touchEvery = 0
	var hotFills atomic.Int64
	ctx := t.Context()
	hot := func(context.Context) (*rendered, error) {
		hotFills.Add(1)
		return newRendered([]byte("hot"), nil), nil
	}
	for i := range 500 {
		r, err := rc.get(ctx, key("hot"), hot)
		require.NoError(t, err)
		require.Equal(t, "hot", string(r.body))
		_, err = rc.get(ctx, key(fmt.Sprint("cold", i)), func(context.Context) (*rendered, error) {
			return newRendered([]byte("cold"), nil), nil
		})
		require.NoError(t, err)
		require.LessOrEqual(t, rc.len(), 16)
	}
	assert.EqualValues(t, 1, hotFills.Load(), "the card in use stayed")
	indexed := 0
	rc.index.Range(func(any, any) bool { indexed++; return true })
	assert.Equal(t, rc.len(), indexed, "evicted entries leave the index too")
	_, ok := rc.cached(key("cold0"))
	assert.False(t, ok, "an evicted card is read again")
}

// TestRenderCacheConcurrentChurn reads and fills many keys from many goroutines (run
// with -race): every answer is the key's own, and the bound holds.
func TestRenderCacheConcurrentChurn(t *testing.T) {
	var writes atomic.Uint64
	rc := newRenderCache(time.Hour, 64, time.Second, writes.Load)
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 400 {
				id := fmt.Sprint((g*7 + i*13) % 200)
				if i%97 == 0 {
					writes.Add(1)
				}
				r, err := rc.get(t.Context(), key(id), func(context.Context) (*rendered, error) {
					return newRendered([]byte(id), nil), nil
				})
				if !assert.NoError(t, err) || !assert.Equal(t, id, string(r.body)) {
					return
				}
			}
		}()
	}
	wg.Wait()
	assert.LessOrEqual(t, rc.len(), 64)
}

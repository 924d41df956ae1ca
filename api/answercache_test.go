package api

import (
	"context"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// countingStore counts the provenance, contradictions and search reads that reach the store.
type countingStore struct {
	*embedded.Store
	reads atomic.Int32
}

func (s *countingStore) Provenance(ctx context.Context, id string) (*graph.Provenance, error) {
	s.reads.Add(1)
	return s.Store.Provenance(ctx, id)
}

func (s *countingStore) SearchClaims(ctx context.Context, q graph.ClaimQuery) (graph.Page[graph.ClaimSummary], error) {
	s.reads.Add(1)
	return s.Store.SearchClaims(ctx, q)
}

func (s *countingStore) Contradictions(ctx context.Context, id string) (*graph.Contradictions, error) {
	s.reads.Add(1)
	return s.Store.Contradictions(ctx, id)
}

// TestAnswerCache checks the cached provenance, contradictions and search answers: a second
// request is served without reading the store, with the same bytes; after a write
// (an article deleted, a new version written) the answer is made again and equals
// what a server without the cache answers; unknown claims are not kept.
func TestAnswerCache(t *testing.T) {
	es, err := embedded.Open(t.Context(), filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = es.Close(context.Background()) })
	for _, g := range st.Gaza() {
		_, err := es.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	store := &countingStore{Store: es}
	srv, err := New(Deps{Store: store})
	require.NoError(t, err)
	require.NotNil(t, srv.answers, "the embedded store counts every write")
	cached := startServer(t, srv)
	plain, err := New(Deps{Store: es, AnswerCacheBytes: -1})
	require.NoError(t, err)
	require.Nil(t, plain.answers)
	uncached := startServer(t, plain)

	paths := []string{
		"/v1/claims/" + st.ClaimToll68800 + "/provenance",
		"/v1/claims/" + st.ClaimToll68800 + "/contradictions",
		"/v1/claims/" + st.ClaimDraft + "/provenance",
		"/v1/claims?q=68%2C800",
		"/v1/claims?limit=1",
	}
	before := map[string][]byte{}
	for _, p := range paths {
		first := cached.get(p)
		require.Equal(t, http.StatusOK, first.Status, p)
		n := store.reads.Load()
		second := cached.get(p)
		require.Equal(t, http.StatusOK, second.Status, p)
		assert.Equal(t, n, store.reads.Load(), "%s: the second answer comes from the cache", p)
		assert.Equal(t, string(first.Body), string(second.Body), p)
		assert.Equal(t, "application/json; charset=utf-8", second.Header.Get("Content-Type"))
		assert.Equal(t, string(uncached.get(p).Body), string(second.Body), "%s: the same answer as without the cache", p)
		before[p] = first.Body
	}

	writes := []struct {
		name  string
		write func(t *testing.T)
	}{
		{"delete", func(t *testing.T) {
			require.NoError(t, es.DeleteArticle(t.Context(), st.Gaza()[1].Article.ID, nil))
		}},
		{"put", func(t *testing.T) {
			_, err := es.PutArticle(t.Context(), st.Gaza()[1])
			require.NoError(t, err)
		}},
	}
	for _, w := range writes {
		t.Run(w.name, func(t *testing.T) {
			w.write(t)
			changed := false
			for _, p := range paths {
				n := store.reads.Load()
				got := cached.get(p)
				require.Equal(t, http.StatusOK, got.Status, p)
				assert.Greater(t, store.reads.Load(), n, "%s: read again after the write", p)
				assert.Equal(t, string(uncached.get(p).Body), string(got.Body), "%s: the answer after the write", p)
				changed = changed || string(got.Body) != string(before[p])
				before[p] = got.Body
			}
			assert.True(t, changed, "the write changed an answer (else this checks nothing)")
		})
	}

	missing := "/v1/claims/c_0000000000000000/provenance"
	assert.Equal(t, http.StatusNotFound, cached.get(missing).Status)
	n := store.reads.Load()
	assert.Equal(t, http.StatusNotFound, cached.get(missing).Status)
	assert.Greater(t, store.reads.Load(), n, "a 404 is not kept")
	p := "/v1/claims?limit=1"
	next := cached.get(p)
	var page graph.Page[graph.ClaimSummary]
	next.JSON(t, &page)
	require.NotEmpty(t, page.NextCursor)
	p += "&cursor=" + page.NextCursor
	assert.Equal(t, string(uncached.get(p).Body), string(cached.get(p).Body), "another page, another answer")
}

// TestAnswerCacheBounds checks the cache's bookkeeping: an answer made while a write
// ended is not kept, the bytes kept stay within the bound, and a store that does not
// count every write gets no cache.
func TestAnswerCacheBounds(t *testing.T) {
	var changes atomic.Uint64
	a := &answerCache{changes: changes.Load, max: 100, items: map[string]cachedAnswer{}}
	a.put("a", 0, make([]byte, 40))
	_, ok := a.get("a")
	assert.True(t, ok)
	changes.Add(1)
	_, ok = a.get("a")
	assert.False(t, ok, "not served after a write")
	a.put("b", 0, make([]byte, 10))
	_, ok = a.get("b")
	assert.False(t, ok, "made before the write: not kept")
	for i := range 10 {
		a.put(string(rune('c'+i)), 1, make([]byte, 30))
		assert.LessOrEqual(t, a.bytes, a.max)
	}
	assert.Len(t, a.items, 3)
	a.put("big", 1, make([]byte, 101))
	_, ok = a.get("big")
	assert.False(t, ok, "larger than the cache")
	assert.Nil(t, newAnswerCache(neverCounted{}, 0))
}

// neverCounted is a store that counts no write.
type neverCounted struct{ graph.Store }

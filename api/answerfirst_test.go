package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph/embedded"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// TestAnswerFirst checks the middleware that answers kept answers before a route's
// deadline and handler: a kept answer goes out as it was kept and the rest of the
// chain never runs; a request that has no key (query parameters on a claim route, an
// id the server never makes), or whose answer is not kept or was kept before a write,
// goes on to the chain.
func TestAnswerFirst(t *testing.T) {
	var changes atomic.Uint64
	cache := &answerCache{changes: changes.Load, max: 1 << 20, items: map[string]cachedAnswer{}}
	const id = "c_e2c38832dbbf28a0"
	cache.put(keyProvenance+id, 0, []byte(`{"kept":true}`))
	cache.put(keySearch+"q=gaza", 0, []byte(`{"items":[]}`))
	long := `{"long":"` + strings.Repeat("x", 3000) + `"}`
	cache.put(keyProvenance+"c_0000000000000001", 0, []byte(long))

	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	var chain atomic.Int32
	rest := func(c *gin.Context) {
		chain.Add(1)
		_, hasDeadline := c.Request.Context().Deadline()
		assert.True(t, hasDeadline, "the chain after answerFirst runs as before")
		c.String(http.StatusTeapot, "made")
	}
	deadline := withDeadline(time.Second)
	e.GET("/v1/claims/:id/provenance", answerFirst(cache, time.Second, claimAnswerKey(keyProvenance)), deadline, rest)
	e.GET("/v1/claims", answerFirst(cache, time.Second, searchAnswerKey), deadline, rest)
	get := func(path string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec
	}
	for _, tc := range []struct {
		name, path string
		kept       string // the kept answer, or "" when the chain answers
	}{
		{"kept provenance", "/v1/claims/" + id + "/provenance", `{"kept":true}`},
		{"kept search", "/v1/claims?q=gaza", `{"items":[]}`},
		{"long kept answer", "/v1/claims/c_0000000000000001/provenance", long},
		{"query parameters on a claim route", "/v1/claims/" + id + "/provenance?x=1", ""},
		{"another search", "/v1/claims?q=gaza&limit=1", ""},
		{"not an id the server makes", "/v1/claims/" + strings.Repeat("c", 300) + "/provenance", ""},
		{"not kept", "/v1/claims/c_0000000000000002/provenance", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := chain.Load()
			rec := get(tc.path)
			if tc.kept == "" {
				assert.Equal(t, http.StatusTeapot, rec.Code)
				assert.Equal(t, before+1, chain.Load(), "the chain answers")
				return
			}
			assert.Equal(t, http.StatusOK, rec.Code)
			assert.Equal(t, tc.kept, rec.Body.String())
			assert.Equal(t, jsonContentType, rec.Header().Get("Content-Type"))
			if len(tc.kept) > 2048 {
				assert.Equal(t, strconv.Itoa(len(tc.kept)), rec.Header().Get("Content-Length"), "sent whole, not chunked")
			}
			assert.Equal(t, before, chain.Load(), "neither the deadline nor the handler ran")
		})
	}
	changes.Add(1)
	before := chain.Load()
	assert.Equal(t, http.StatusTeapot, get("/v1/claims/"+id+"/provenance").Code, "kept before a write: made again")
	assert.Equal(t, before+1, chain.Load())
}

// TestAnswerFirstOnTheServer checks the routes that answer kept answers first: a kept
// answer is sent with the same status, headers and bytes as the answer that was kept,
// and a request with parameters a claim route refuses is still refused once that
// claim's answer is kept.
func TestAnswerFirstOnTheServer(t *testing.T) {
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
	c := startServer(t, srv)
	for _, p := range []string{
		"/v1/claims/" + st.ClaimToll68800 + "/provenance",
		"/v1/claims/" + st.ClaimToll68800 + "/contradictions",
		"/v1/claims?q=68%2C800",
	} {
		first := c.get(p)
		require.Equal(t, http.StatusOK, first.Status, p)
		n := store.reads.Load()
		second := c.get(p)
		assert.Equal(t, n, store.reads.Load(), "%s: kept", p)
		assert.Equal(t, string(first.Body), string(second.Body), p)
		for _, h := range []string{"Content-Type", "Content-Length", "Vary", "X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy"} {
			assert.Equal(t, first.Header.Values(h), second.Header.Values(h), "%s: %s", p, h)
		}
		assert.NotEqual(t, first.Header.Get(headerRequestID), second.Header.Get(headerRequestID), "each answer has its own request id")
		if !strings.Contains(p, "?") {
			bad := c.get(p + "?limit=1")
			assert.Equal(t, http.StatusBadRequest, bad.Status, "%s: parameters are refused, kept answer or not", p)
		}
	}
	bad := c.get("/v1/claims?disputed=maybe")
	assert.Equal(t, http.StatusBadRequest, bad.Status)
	assert.Equal(t, http.StatusBadRequest, c.get("/v1/claims?disputed=maybe").Status, "an error is never kept")
}

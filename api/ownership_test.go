package api

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// Keys of the ownership tests: two ingest keys and an admin.
const (
	aliceKey = "alice-secret-0123456789"
	bobKey   = "bob-secret-0123456789"
	adminKey = "admin-secret-0123456789"
)

// scopedServer serves the API over a fresh store of the backend with the real
// ingester and the keys alice and bob (ingest) and root (admin).
func scopedServer(t *testing.T, b backend, rl RateLimits) (*client, graph.Store) {
	t.Helper()
	store := b.open(t)
	return scopedServerOn(t, store, rl), store
}

// scopedServerOn serves the API over store, as scopedServer does.
func scopedServerOn(t *testing.T, store graph.Store, rl RateLimits) *client {
	t.Helper()
	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	keys, err := NewScopedKeySet(
		APIKey{Name: "alice", Scope: ScopeIngest, Value: aliceKey},
		APIKey{Name: "bob", Scope: ScopeIngest, Value: bobKey},
		APIKey{Name: "root", Scope: ScopeAdmin, Value: adminKey})
	require.NoError(t, err)
	srv, err := New(Deps{
		Store: store, Keys: keys, RateLimits: rl,
		Ingester: IngesterOf(ing),
		Logger:   slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	require.NoError(t, err)
	return startServer(t, srv)
}

func bearer(key string) map[string]string {
	return map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + key}
}

func articleBody(t *testing.T, url, text string) []byte {
	t.Helper()
	b, err := json.Marshal(IngestRequest{URL: url, Title: "Ceasefire talks", Outlet: "Example News", Text: text})
	require.NoError(t, err)
	return b
}

// TestOnlyAdminReplacesOthersArticles follows one url through writes by three keys:
// its writer may replace it, another ingest key may not (403 with the stable type),
// an admin may, and then the first writer may not any more. Re-posting the stored text
// changes nothing and is allowed to anyone. The store keeps the writer's name; public
// reads do not show it. Every write is in the audit log, newest first, with key names
// and never key values.
func TestOnlyAdminReplacesOthersArticles(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, store := scopedServer(t, b, RateLimits{})
			const u = "https://example.com/news/ceasefire"
			text := func(n int) string {
				return fmt.Sprintf("Talks resumed on day %d. \"We are close to a deal,\" the mediator said on Monday.", n)
			}
			steps := []struct {
				name    string
				key     string
				text    int
				status  int
				problem string
				outcome string
				writer  string
			}{
				{"alice writes", aliceKey, 1, 201, "", graph.OutcomeCreated, "alice"},
				{"alice replaces her own", aliceKey, 2, 201, "", graph.OutcomeReplaced, "alice"},
				{"bob may not replace", bobKey, 3, 403, ProblemNotOwner, graph.OutcomeForbidden, "alice"},
				{"bob re-posts the stored text", bobKey, 2, 200, "", graph.OutcomeUnchanged, "alice"},
				{"admin replaces", adminKey, 4, 201, "", graph.OutcomeReplaced, "root"},
				{"alice may not any more", aliceKey, 5, 403, ProblemNotOwner, graph.OutcomeForbidden, "root"},
			}
			var id string
			for _, s := range steps {
				r := c.do("POST", "/v1/articles", articleBody(t, u, text(s.text)), bearer(s.key))
				require.Equal(t, s.status, r.Status, "%s: %s", s.name, truncateBody(r.Body))
				if s.problem != "" {
					p := r.Problem(t)
					assert.Equal(t, s.problem, p.Type, s.name)
					assert.Equal(t, "url", p.Field, s.name)
				} else {
					var res IngestResponse
					r.JSON(t, &res)
					id = res.ArticleID
				}
				a, err := store.Article(t.Context(), graph.ArticleID(u, ""))
				require.NoError(t, err)
				assert.Equal(t, s.writer, a.Writer, s.name)
			}
			view := c.get("/v1/articles/" + id)
			require.Equal(t, 200, view.Status)
			assert.NotContains(t, string(view.Body), `"writer"`, "public reads do not name keys")
			assert.Contains(t, string(view.Body), "day 4")

			// The audit log: admin only, newest first, one entry per write.
			assert.Equal(t, 401, c.get("/v1/audit").Status)
			r := c.do("GET", "/v1/audit", nil, bearer(aliceKey))
			require.Equal(t, 403, r.Status)
			assert.Equal(t, ProblemForbidden, r.Problem(t).Type)
			entries := c.auditLog(t, adminKey, 4)
			require.Len(t, entries, len(steps))
			for i, e := range entries {
				s := steps[len(steps)-1-i]
				assert.Equal(t, s.outcome, e.Outcome, s.name)
				assert.Equal(t, s.status, e.Status, s.name)
				assert.Equal(t, id, e.ArticleID, s.name)
				assert.Equal(t, "article.ingest", e.Action)
				assert.Contains(t, []string{"alice", "bob", "root"}, e.Key)
			}
			assert.Equal(t, "bob", entries[3].Key)
			assert.Contains(t, entries[3].Detail, "only an admin key")
			raw := string(c.do("GET", "/v1/audit?limit=100", nil, bearer(adminKey)).Body)
			for _, secret := range []string{aliceKey, bobKey, adminKey} {
				assert.NotContains(t, raw, secret, "the audit log holds names, never key values")
			}
			byBob := c.do("GET", "/v1/audit?key=bob", nil, bearer(adminKey))
			require.Equal(t, 200, byBob.Status)
			var bobs graph.Page[graph.AuditEntry]
			byBob.JSON(t, &bobs)
			assert.Len(t, bobs.Items, 2)
			assert.Equal(t, 400, c.do("GET", "/v1/audit?key=no%20such", nil, bearer(adminKey)).Status)
		})
	}
}

// TestOperatorArticlesNeedAdmin checks that an article written without a key (the
// built-in corpus, the CLI) is replaced only by an admin key.
func TestOperatorArticlesNeedAdmin(t *testing.T) {
	c, store := scopedServer(t, firstBackend(t), RateLimits{})
	const u = "https://example.com/operator"
	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	_, err := ing.Ingest(t.Context(), graph.ArticleInput{URL: u, Text: "The minister said the bridge would reopen."})
	require.NoError(t, err)
	r := c.do("POST", "/v1/articles", articleBody(t, u, "The minister said the bridge would stay shut."), bearer(aliceKey))
	require.Equal(t, 403, r.Status)
	assert.Contains(t, r.Problem(t).Detail, "no API key")
	r = c.do("POST", "/v1/articles", articleBody(t, u, "The minister said the bridge would stay shut."), bearer(adminKey))
	require.Equal(t, 201, r.Status, truncateBody(r.Body))
}

// TestNullMembersRefused checks that a null member is refused with the field named,
// instead of being read as absent.
func TestNullMembersRefused(t *testing.T) {
	c, _ := scopedServer(t, firstBackend(t), RateLimits{})
	for _, field := range []string{"url", "title", "outlet", "authors", "published", "id", "text"} {
		body := fmt.Sprintf(`{"text": "The minister said so.", %q: null}`, field)
		if field == "text" {
			body = `{"text": null}`
		}
		r := c.do("POST", "/v1/articles", []byte(body), bearer(aliceKey))
		require.Equal(t, 400, r.Status, field)
		p := r.Problem(t)
		assert.Equal(t, field, p.Field)
		assert.Contains(t, p.Detail, "null")
	}
}

// TestRateLimits checks both limits: per client IP on every route but the health
// probes, per key on the keyed routes, each answering 429 with Retry-After.
func TestRateLimits(t *testing.T) {
	t.Run("per IP", func(t *testing.T) {
		c, _ := scopedServer(t, firstBackend(t), RateLimits{PerIP: 0.5, PerIPBurst: 3})
		for i := range 3 {
			require.Equal(t, 200, c.get("/v1/claims").Status, "request %d is within the burst", i+1)
		}
		r := c.get("/v1/agents")
		require.Equal(t, http.StatusTooManyRequests, r.Status)
		assert.Equal(t, ProblemRateLimited, r.Problem(t).Type)
		assert.Equal(t, "2", r.Header.Get("Retry-After"), "one token every 2 s")
		for range 5 {
			assert.Equal(t, 200, c.get("/healthz").Status, "health probes are not limited")
		}
	})
	t.Run("per key", func(t *testing.T) {
		c, _ := scopedServer(t, firstBackend(t), RateLimits{PerKey: 0.1, KeyBurst: 2})
		for i := range 2 {
			require.Equal(t, 200, c.do("GET", "/v1/audit", nil, bearer(adminKey)).Status, "request %d", i+1)
		}
		r := c.do("GET", "/v1/audit", nil, bearer(adminKey))
		require.Equal(t, http.StatusTooManyRequests, r.Status)
		assert.Equal(t, "10", r.Header.Get("Retry-After"))
		// Another key has its own bucket; requests without a key are not counted per key.
		r = c.do("POST", "/v1/articles", articleBody(t, "", "The minister said so."), bearer(aliceKey))
		assert.Equal(t, 201, r.Status, truncateBody(r.Body))
		assert.Equal(t, 200, c.get("/v1/claims").Status)
	})
}

// TestLimiters checks the token buckets on a fake clock: the burst, the refill, the
// wait reported, and the sweep of idle clients.
func TestLimiters(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	l := newLimiters(2, 4, func() time.Time { return now })
	for i := range 4 {
		ok, _ := l.allow("a")
		require.True(t, ok, "burst %d", i)
	}
	ok, wait := l.allow("a")
	assert.False(t, ok)
	assert.Equal(t, 500*time.Millisecond, wait)
	assert.Equal(t, "1", retryAfter(wait))
	ok, _ = l.allow("b")
	assert.True(t, ok, "clients have their own buckets")
	now = now.Add(500 * time.Millisecond)
	ok, _ = l.allow("a")
	assert.True(t, ok, "a token came back")
	now = now.Add(limiterIdle + time.Minute)
	_, _ = l.allow("c")
	l.mu.Lock()
	assert.Len(t, l.byClient, 1, "idle clients are swept")
	l.mu.Unlock()
	assert.Equal(t, "per IP 2/s burst 4, per key off", RateLimits{PerIP: 2, PerIPBurst: 4}.String())
	assert.True(t, strings.HasPrefix(retryAfter(2500*time.Millisecond), "3"))
}

package api

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// Texts of the delete tests: alice's and bob's articles share the mediator's quote;
// each has a claim of its own. The operator's article is loaded without a key.
const (
	deleteTextAlice    = `Talks resumed on Tuesday. "We are close to a deal," the mediator said on Monday. The port reopened after three weeks, the harbour master said.`
	deleteTextBob      = `Rain fell across the north. "We are close to a deal," the mediator said on Monday. Farmers said the harvest would be late.`
	deleteTextOperator = `The minister said the bridge would reopen in spring.`
)

// TestDeleteArticle follows DELETE /v1/articles/{id} through keys of both scopes on
// each store: without a key 401; another ingest key 403 article-owned-by-another-key
// (nothing deleted); the writer 204, after which the article is 404 and its own claim
// is found no more while the claim it shared stays with the other article; deleting
// again 404; an admin deletes another key's article and the operator's, which an
// ingest key may not. Every request made with a valid key is in the audit log, with
// the key's name and the outcome.
func TestDeleteArticle(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, store := scopedServer(t, b, RateLimits{})
			ids := map[string]string{}
			for _, a := range []struct{ who, key, url, text string }{
				{"alice", aliceKey, "https://example.com/news/talks", deleteTextAlice},
				{"bob", bobKey, "https://example.com/news/rain", deleteTextBob},
			} {
				r := c.do("POST", "/v1/articles", articleBody(t, a.url, a.text), bearer(a.key))
				require.Equal(t, 201, r.Status, truncateBody(r.Body))
				var res IngestResponse
				r.JSON(t, &res)
				ids[a.who] = res.ArticleID
			}
			ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
			op, err := ing.Ingest(t.Context(), graph.ArticleInput{URL: "https://example.com/operator", Text: deleteTextOperator})
			require.NoError(t, err)
			ids["operator"] = op.ArticleID

			// An applied patch is audited as patched (not as an unchanged re-post).
			patchHdr := bearer(aliceKey)
			patchHdr["Content-Type"] = "application/merge-patch+json"
			r := c.do("PATCH", "/v1/articles/"+ids["alice"], []byte(`{"title":"Talks resume"}`), patchHdr)
			require.Equal(t, 200, r.Status, truncateBody(r.Body))

			// Before: the quote is stated by both articles, the port claim by alice's.
			assert.ElementsMatch(t, []string{ids["alice"], ids["bob"]}, claimArticles(t, c, "close deal"))
			assert.Equal(t, []string{ids["alice"]}, claimArticles(t, c, "port reopened"))

			steps := []struct {
				name    string
				key     string // "" none
				id      string
				status  int
				problem string // the problem type of a refusal
				detail  string // in the refusal's detail
				outcome string // of the audit entry; "" none (no valid key)
			}{
				{name: "no key", id: ids["alice"], status: 401, problem: ProblemUnauthorized},
				{name: "bob may not delete alice's", key: bobKey, id: ids["alice"], status: 403, problem: ProblemNotOwner,
					detail: "another API key", outcome: graph.OutcomeForbidden},
				{name: "alice deletes her own", key: aliceKey, id: ids["alice"], status: 204, outcome: graph.OutcomeDeleted},
				{name: "deleting it again", key: aliceKey, id: ids["alice"], status: 404, problem: ProblemNotFound, outcome: graph.OutcomeFailed},
				{name: "an id no article has", key: adminKey, id: "a_" + strings.Repeat("x", 300), status: 404, problem: ProblemNotFound, outcome: graph.OutcomeFailed},
				{name: "alice may not delete the operator's", key: aliceKey, id: ids["operator"], status: 403, problem: ProblemNotOwner,
					detail: "no API key", outcome: graph.OutcomeForbidden},
				{name: "admin deletes bob's", key: adminKey, id: ids["bob"], status: 204, outcome: graph.OutcomeDeleted},
				{name: "admin deletes the operator's", key: adminKey, id: ids["operator"], status: 204, outcome: graph.OutcomeDeleted},
			}
			var audited []int // indexes of the steps the audit log records
			for i, s := range steps {
				var h map[string]string
				if s.key != "" {
					h = bearer(s.key)
				}
				r := c.do("DELETE", "/v1/articles/"+url.PathEscape(s.id), nil, h)
				require.Equal(t, s.status, r.Status, "%s: %s", s.name, truncateBody(r.Body))
				if s.problem != "" {
					p := r.Problem(t)
					assert.Equal(t, s.problem, p.Type, s.name)
					assert.Contains(t, p.Detail, s.detail, s.name)
				} else {
					assert.Empty(t, r.Body, s.name)
					assert.Equal(t, 404, c.get("/v1/articles/"+s.id).Status, "%s: the article is gone", s.name)
				}
				if s.status == 403 {
					assert.Equal(t, 200, c.get("/v1/articles/"+s.id).Status, "%s: a refused delete deletes nothing", s.name)
				}
				if s.outcome != "" {
					audited = append(audited, i)
				}
				if s.name == "alice deletes her own" {
					assert.Equal(t, []string{ids["bob"]}, claimArticles(t, c, "close deal"), "the shared quote stays with bob's article")
					assert.Empty(t, claimArticles(t, c, "port reopened"), "alice's own claim went with her article")
					r := c.get("/v1/claims?article=" + ids["alice"])
					require.Equal(t, 200, r.Status)
					var page graph.Page[graph.ClaimSummary]
					r.JSON(t, &page)
					assert.Empty(t, page.Items)
				}
			}
			assert.Empty(t, claimArticles(t, c, "close deal"), "no article states the quote any more")
			assert.Empty(t, claimArticles(t, c, "harvest late"))
			st, err := store.Stats(t.Context())
			require.NoError(t, err)
			assert.Zero(t, st.Articles+st.Claims+st.Statements+st.Disputes+st.Links+st.Mentions, "%+v", st)

			// The audit log, newest first: every delete made with a valid key, with the
			// key's name and scope.
			r = c.do("GET", "/v1/audit?limit=100", nil, bearer(adminKey))
			require.Equal(t, 200, r.Status, truncateBody(r.Body))
			var page graph.Page[graph.AuditEntry]
			r.JSON(t, &page)
			var deletes, patches []graph.AuditEntry
			for _, e := range page.Items {
				switch e.Action {
				case "article.delete":
					deletes = append(deletes, e)
				case "article.patch":
					patches = append(patches, e)
				}
			}
			if assert.Len(t, patches, 1) {
				assert.Equal(t, graph.OutcomePatched, patches[0].Outcome)
				assert.Equal(t, "alice", patches[0].Key)
				assert.Equal(t, ids["alice"], patches[0].ArticleID)
			}
			require.Len(t, deletes, len(audited))
			names := map[string]string{aliceKey: "alice", bobKey: "bob", adminKey: "root"}
			scopes := map[string]string{aliceKey: "ingest", bobKey: "ingest", adminKey: "admin"}
			for j, e := range deletes {
				s := steps[audited[len(audited)-1-j]]
				assert.Equal(t, names[s.key], e.Key, s.name)
				assert.Equal(t, scopes[s.key], e.Scope, s.name)
				assert.Equal(t, s.outcome, e.Outcome, s.name)
				assert.Equal(t, s.status, e.Status, s.name)
				if s.status != 404 || len(s.id) <= maxIDChars {
					assert.Equal(t, s.id, e.ArticleID, s.name)
				}
				if s.status == 403 {
					assert.Contains(t, e.Detail, "only an admin key", s.name)
				}
			}
		})
	}
}

// TestDeleteArticleRefusesParameters checks that DELETE takes no query parameter.
func TestDeleteArticleRefusesParameters(t *testing.T) {
	c, _ := scopedServer(t, firstBackend(t), RateLimits{})
	r := c.do("DELETE", "/v1/articles/a_x?force=true", nil, bearer(adminKey))
	require.Equal(t, 400, r.Status)
	assert.Equal(t, "force", r.Problem(t).Field)
}

// TestDeleteArticleRateLimited checks that deletes count against the key's rate
// limit like every keyed write: over the burst the answer is 429 with Retry-After.
func TestDeleteArticleRateLimited(t *testing.T) {
	c, _ := scopedServer(t, firstBackend(t), RateLimits{PerKey: 0.1, KeyBurst: 2})
	for i := range 2 {
		require.Equal(t, 404, c.do("DELETE", "/v1/articles/a_missing", nil, bearer(aliceKey)).Status, "request %d is within the burst", i+1)
	}
	r := c.do("DELETE", "/v1/articles/a_missing", nil, bearer(aliceKey))
	require.Equal(t, http.StatusTooManyRequests, r.Status)
	assert.Equal(t, ProblemRateLimited, r.Problem(t).Type)
	assert.Equal(t, "10", r.Header.Get("Retry-After"), "one token every 10 s")
	assert.Equal(t, 404, c.do("DELETE", "/v1/articles/a_missing", nil, bearer(bobKey)).Status, "another key has its own bucket")
}

// claimArticles returns the articles stating the claim that a search for q finds
// (nil when none is found); it requires at most one claim to match.
func claimArticles(t *testing.T, c *client, q string) []string {
	t.Helper()
	r := c.get("/v1/claims?q=" + url.QueryEscape(q))
	require.Equal(t, 200, r.Status, truncateBody(r.Body))
	var page graph.Page[graph.ClaimSummary]
	r.JSON(t, &page)
	require.LessOrEqual(t, len(page.Items), 1, "%q matches one claim at most", q)
	if len(page.Items) == 0 {
		return nil
	}
	return page.Items[0].ArticleIDs
}

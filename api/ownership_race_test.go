package api

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
	"github.com/claimgraph/claimgraph/graph/neo4jstore/neo4jtest"
)

// raced is one request of a race, sent from its own goroutine: no test assertions
// there; the test goroutine checks the answers.
type raced struct {
	req  *http.Request
	resp response
	err  error
}

// sendRaw sends a request without failing the test, for goroutines.
func sendRaw(ctx context.Context, c *client, method, path string, body []byte, header map[string]string) raced {
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, strings.NewReader(string(body)))
	if err != nil {
		return raced{err: err}
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return raced{req: req, err: err}
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return raced{req: req, resp: response{Status: res.StatusCode, Header: res.Header, Body: b}, err: err}
}

// race sends the requests at once and returns their answers in order, each checked
// against the OpenAPI document.
func race(t *testing.T, reqs ...func() raced) []response {
	t.Helper()
	out := make([]raced, len(reqs))
	var wg sync.WaitGroup
	for i, f := range reqs {
		wg.Add(1)
		go func() { defer wg.Done(); out[i] = f() }()
	}
	wg.Wait()
	rs := make([]response, len(out))
	for i, r := range out {
		require.NoError(t, r.err)
		rs[i] = r.resp
	}
	return rs
}

// TestOwnerCheckAcrossServers runs two API servers over one Neo4j database, each
// with its own store (driver, connections and in-process locks), as two server
// processes sharing the database would. The owner rule must hold across them: its
// check is made in the write's transaction (graph.WriteGuard), not by a lock of one
// process.
//
//   - Two ingest keys post different texts under one new url at once, one on each
//     server: exactly one write succeeds (201) and the other is refused (403,
//     article-owned-by-another-key), never both 201 (the second would have replaced
//     an article its key does not own). The stored article is the winner's: its
//     writer, its text, version 1. The loser's key then may not replace it either.
//   - The writer patches its article on one server while an admin replaces it on
//     the other: the patch lands on the writer's version (200) or is refused (403);
//     it never changes the admin's version.
func TestOwnerCheckAcrossServers(t *testing.T) {
	cfg := neo4jtest.Lock(t)
	first := neo4jtest.Open(t)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	second, err := neo4jstore.New(ctx, cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = second.Close(context.Background()) })
	servers := []*client{scopedServerOn(t, first, RateLimits{}), scopedServerOn(t, second, RateLimits{})}
	keys := []struct{ name, key string }{{"alice", aliceKey}, {"bob", bobKey}}
	text := func(who string, round int) string {
		return fmt.Sprintf("Talks resumed in round %d. \"We are close to a deal,\" %s's mediator said on Monday.", round, who)
	}

	const rounds = 6
	for r := range rounds {
		u := fmt.Sprintf("https://example.com/news/race-%d", r)
		// Alternate which key posts through which server.
		a, b := r%2, 1-r%2
		rs := race(t,
			func() raced {
				return sendRaw(t.Context(), servers[a], "POST", "/v1/articles", articleBody(t, u, text(keys[0].name, r)), bearer(keys[0].key))
			},
			func() raced {
				return sendRaw(t.Context(), servers[b], "POST", "/v1/articles", articleBody(t, u, text(keys[1].name, r)), bearer(keys[1].key))
			})
		winner := -1
		for i, resp := range rs {
			switch resp.Status {
			case http.StatusCreated:
				require.Equal(t, -1, winner, "round %d: both keys wrote the article: %s", r, truncateBody(resp.Body))
				winner = i
			case http.StatusForbidden:
				assert.Equal(t, ProblemNotOwner, resp.Problem(t).Type, "round %d", r)
			default:
				t.Fatalf("round %d: %s answered %d: %s", r, keys[i].name, resp.Status, truncateBody(resp.Body))
			}
		}
		require.NotEqual(t, -1, winner, "round %d: one key writes the article", r)
		for _, s := range []graph.Store{first, second} {
			art, err := s.Article(t.Context(), graph.ArticleID(u, ""))
			require.NoError(t, err)
			assert.Equal(t, keys[winner].name, art.Writer, "round %d", r)
			assert.Equal(t, text(keys[winner].name, r), art.Text, "round %d: the winner's text", r)
			assert.Equal(t, 1, art.Version, "round %d: the refused write made no version", r)
		}
		loser := keys[1-winner]
		again := servers[r%2].do("POST", "/v1/articles", articleBody(t, u, text(loser.name, r+100)), bearer(loser.key))
		assert.Equal(t, http.StatusForbidden, again.Status, "round %d", r)

		// The winner patches while an admin replaces, on the other server.
		id := graph.ArticleID(u, "")
		patchTitle := fmt.Sprintf("Patched by %s in round %d", keys[winner].name, r)
		hdr := bearer(keys[winner].key)
		hdr["Content-Type"] = "application/merge-patch+json"
		rs = race(t,
			func() raced {
				return sendRaw(t.Context(), servers[a], "PATCH", "/v1/articles/"+id, []byte(fmt.Sprintf(`{"title":%q}`, patchTitle)), hdr)
			},
			func() raced {
				return sendRaw(t.Context(), servers[b], "POST", "/v1/articles", articleBody(t, u, text("the admin", r)), bearer(adminKey))
			})
		require.Equal(t, http.StatusCreated, rs[1].Status, "round %d: the admin replaces: %s", r, truncateBody(rs[1].Body))
		require.Contains(t, []int{http.StatusOK, http.StatusForbidden}, rs[0].Status, "round %d: %s", r, truncateBody(rs[0].Body))
		art, err := first.Article(t.Context(), id)
		require.NoError(t, err)
		assert.Equal(t, "root", art.Writer, "round %d", r)
		assert.Equal(t, 2, art.Version, "round %d", r)
		assert.NotEqual(t, patchTitle, art.Title, "round %d: the patch never changes the admin's version", r)
	}
}

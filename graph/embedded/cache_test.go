package embedded

import (
	"context"
	"fmt"
	"hash/maphash"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// uncached is a second Store on the same bbolt file that decodes every record.
func uncached(s *Store) *Store { return &Store{db: s.db, path: s.path, c: newCaches(0), gate: s.gate} }

// sameAnswers checks that the cached store answers every read of claims, agents and
// articles exactly as decoding everything would.
func sameAnswers(t *testing.T, s *Store, claims, agents, articles []string) {
	t.Helper()
	ctx := t.Context()
	u := uncached(s)
	for _, id := range claims {
		for _, read := range []func(*Store) (any, error){
			func(x *Store) (any, error) { return x.Provenance(ctx, id) },
			func(x *Store) (any, error) { return x.Contradictions(ctx, id) },
			func(x *Store) (any, error) { return x.Claim(ctx, id) },
		} {
			want, werr := read(u)
			got, gerr := read(s)
			require.Equal(t, graph.ErrorCode(werr), graph.ErrorCode(gerr), id)
			require.Equal(t, want, got, id)
		}
		c, err := u.Claim(ctx, id)
		if err == nil {
			q := graph.ClaimQuery{Text: c.Claim.Text, Page: graph.PageRequest{Limit: 100}}
			want, err := u.SearchClaims(ctx, q)
			require.NoError(t, err)
			got, err := s.SearchClaims(ctx, q)
			require.NoError(t, err)
			require.Equal(t, want, got)
		}
	}
	for _, id := range agents {
		want, werr := u.Agent(ctx, id)
		got, gerr := s.Agent(ctx, id)
		require.Equal(t, graph.ErrorCode(werr), graph.ErrorCode(gerr), id)
		require.Equal(t, want, got, id)
		wp, werr := u.AgentClaims(ctx, id, graph.PageRequest{Limit: 100})
		gp, gerr := s.AgentClaims(ctx, id, graph.PageRequest{Limit: 100})
		require.Equal(t, graph.ErrorCode(werr), graph.ErrorCode(gerr), id)
		require.Equal(t, wp, gp, id)
	}
	for _, id := range articles {
		want, werr := u.Article(ctx, id)
		got, gerr := s.Article(ctx, id)
		require.Equal(t, graph.ErrorCode(werr), graph.ErrorCode(gerr), id)
		require.Equal(t, want, got, id)
		wl, err := u.Articles(ctx, graph.ArticleQuery{})
		require.NoError(t, err)
		gl, err := s.Articles(ctx, graph.ArticleQuery{})
		require.NoError(t, err)
		require.Equal(t, wl, gl)
	}
}

// TestCacheNeverStale warms the decoded-record cache, then writes articles that merge
// agents' roles and aliases, replace an article (removing its statements) and add
// statements to cached claims, with readers running concurrently; after every commit
// the cached store must answer exactly as an uncached one. A tiny cache is also
// checked, so eviction runs.
func TestCacheNeverStale(t *testing.T) {
	for _, size := range []int{0, 64} {
		t.Run(fmt.Sprintf("entries=%d", size), func(t *testing.T) {
			s := openTemp(t, &Options{NoSync: true, CacheEntries: size})
			ctx := t.Context()
			gen := storetest.GenerateArticles(30, 11)
			for _, g := range gen[:20] {
				_, err := s.PutArticle(ctx, g)
				require.NoError(t, err)
			}
			var claims, agents, articles []string
			for _, g := range gen {
				articles = append(articles, g.Article.ID)
				for _, c := range g.Claims {
					claims = append(claims, c.ID)
				}
				for _, a := range g.Agents {
					agents = append(agents, a.ID)
				}
			}
			claims = append(claims, "no such claim")
			agents = append(agents, "no such agent")
			sameAnswers(t, s, claims, agents, articles) // warms the cache

			// Readers during the writes: answers vary, errors must not occur (but
			// not-found ones, for claims of articles not written yet).
			stop := make(chan struct{})
			var wg sync.WaitGroup
			var reads atomic.Int64
			for w := range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := w; ; i++ {
						select {
						case <-stop:
							return
						default:
						}
						id := claims[i%len(claims)]
						if _, err := s.Provenance(context.Background(), id); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
							t.Error(err)
							return
						}
						if _, err := s.Contradictions(context.Background(), id); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
							t.Error(err)
							return
						}
						if _, err := s.Agent(context.Background(), agents[i%len(agents)]); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
							t.Error(err)
							return
						}
						reads.Add(1)
					}
				}()
			}

			writes := []*graph.ArticleGraph{}
			// An article naming a stored agent with a new role and alias: the agent merges.
			a := *gen[0]
			a.Article.ID = "cache-merge"
			a.Article.Text += " More."
			a.Article.ContentHash = graph.ContentHash(a.Article.Text)
			a.Agents = append([]graph.Agent(nil), a.Agents...)
			merged := a.Agents[0].ID
			a.Agents[0].Roles = append(append([]string(nil), a.Agents[0].Roles...), "cache test role")
			a.Agents[0].Aliases = append(append([]string(nil), a.Agents[0].Aliases...), "Cache Alias")
			a.Statements = append([]graph.Statement(nil), a.Statements...)
			for i := range a.Statements {
				a.Statements[i].ID = fmt.Sprintf("cache-merge-s%d", i)
				a.Statements[i].ArticleID = a.Article.ID
			}
			a.Disputes, a.Links = nil, nil
			writes = append(writes, &a)
			// A replaced article: new content, half of its statements gone.
			r := *gen[1]
			r.Article.Text += " Corrected."
			r.Article.ContentHash = graph.ContentHash(r.Article.Text)
			r.Statements = r.Statements[:len(r.Statements)/2]
			r.Disputes, r.Links = nil, nil
			writes = append(writes, &r)
			// New articles adding statements to claims already read.
			writes = append(writes, gen[20:24]...)
			for _, g := range writes {
				_, err := s.PutArticle(ctx, g)
				require.NoError(t, err, g.Article.ID)
				sameAnswers(t, s, claims, agents, append(articles, "cache-merge"))
			}
			close(stop)
			wg.Wait()
			t.Logf("%d concurrent reads", reads.Load())

			got, err := s.Agent(ctx, merged)
			require.NoError(t, err)
			require.Contains(t, got.Roles, "cache test role")
			require.Contains(t, got.Aliases, "Cache Alias")
		})
	}
}

// TestCacheForgetsDeletedAgents: the scoped agents a replaced version takes with it
// leave the read cache when the replacement commits (read before, so cached), and
// those of the stored version stay cached; a delete forgets the last ones.
func TestCacheForgetsDeletedAgents(t *testing.T) {
	s := openTemp(t, &Options{NoSync: true})
	ctx := t.Context()
	bundle := func(text string) *graph.ArticleGraph {
		obs := graph.ArticleScopedAgentID("observers", text)
		claim := graph.ClaimID(text)
		return &graph.ArticleGraph{
			Article:    graph.Article{ID: "a_cache", Text: text, ContentHash: graph.ContentHash(text)},
			Agents:     []graph.Agent{{ID: obs, Kind: graph.KindGroup, Name: "observers"}},
			Claims:     []graph.Claim{{ID: claim, Text: graph.NormalizeClaimText(text), Kind: graph.ClaimAssertion}},
			Statements: []graph.Statement{storetest.Stmt("a_cache", text, claim, obs, nil, graph.SpeechNone, "", text, text)},
			Mentions:   []graph.Mention{storetest.Mention(text, obs, "Observers")},
		}
	}
	cached := func(id string) bool {
		sh := &s.c.agents.shards[maphash.String(s.c.agents.seed, id)%cacheShards]
		sh.mu.RLock()
		defer sh.mu.RUnlock()
		return sh.m[id] != nil
	}
	var old string
	for v := 1; v <= 3; v++ {
		text := fmt.Sprintf("Observers counted %d ballots", v)
		_, err := s.PutArticle(ctx, bundle(text))
		require.NoError(t, err)
		id := graph.ArticleScopedAgentID("observers", text)
		_, err = s.Agent(ctx, id)
		require.NoError(t, err)
		require.True(t, cached(id), "version %d's agent is cached once read", v)
		if old != "" {
			require.False(t, cached(old), "the replaced version's agent %s is forgotten", old)
		}
		old = id
	}
	require.NoError(t, s.DeleteArticle(ctx, "a_cache", nil))
	require.False(t, cached(old), "the deleted version's agent is forgotten")
}

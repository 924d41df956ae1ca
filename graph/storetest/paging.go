package storetest

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// walk collects every page of a listing with the given page size, checking that every
// page but the last is full, that only the last has no cursor, and that no item
// repeats.
func walk[T any](t *testing.T, limit int, id func(T) string, fetch func(graph.PageRequest) (graph.Page[T], error)) []string {
	t.Helper()
	var out []string
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 10000, "pagination does not end")
		page, err := fetch(graph.PageRequest{Cursor: cursor, Limit: limit})
		require.NoError(t, err)
		require.NotNil(t, page.Items)
		for _, it := range page.Items {
			k := id(it)
			require.False(t, seen[k], "item %s on two pages", k)
			seen[k] = true
			out = append(out, k)
		}
		if page.NextCursor == "" {
			require.LessOrEqual(t, len(page.Items), limit)
			break
		}
		require.Len(t, page.Items, limit, "a page with a next cursor is full")
		cursor = page.NextCursor
	}
	if out == nil {
		out = []string{}
	}
	return out
}

func summaryID(c graph.ClaimSummary) string { return c.Claim.ID }
func agentID(a graph.Agent) string          { return a.ID }
func refID(a graph.ArticleRef) string       { return a.ID }

func loadGenerated(t *testing.T, open Opener, n int, seed uint64) (graph.Store, *model, []*graph.ArticleGraph) {
	t.Helper()
	s := open(t)
	gen := GenerateArticles(n, seed)
	for _, g := range gen {
		put(t, s, g)
	}
	return s, newModel(gen), gen
}

func testPagination(t *testing.T, open Opener) {
	s, m, gen := loadGenerated(t, open, 60, 11)
	require.Greater(t, len(m.claims), graph.MaxPageSize, "the corpus must span several full pages")

	// The speaker with the most claims, a word of a claim, an outlet and a Counted.
	speakerClaims := map[string]int{}
	for id := range m.claims {
		for _, sp := range m.summary(id).SpeakerIDs {
			speakerClaims[sp]++
		}
	}
	var speaker string
	for sp, n := range speakerClaims {
		if n > speakerClaims[speaker] || (n == speakerClaims[speaker] && sp < speaker) {
			speaker = sp
		}
	}
	require.Greater(t, speakerClaims[speaker], 2)
	word := graph.Words(gen[3].Claims[0].Text)[0]
	outlet := gen[0].Article.OutletID
	yes, no := ptr(true), ptr(false)

	claimCases := []struct {
		name  string
		q     graph.ClaimQuery
		limit int
		keep  func(graph.ClaimSummary) bool
	}{
		{"all by id", graph.ClaimQuery{}, 7, func(graph.ClaimSummary) bool { return true }},
		{"all by statements", graph.ClaimQuery{Sort: graph.SortByStatements}, 7, func(graph.ClaimSummary) bool { return true }},
		{"with quantity", graph.ClaimQuery{HasQuantity: yes}, 5, func(c graph.ClaimSummary) bool { return len(c.Claim.Quantities) > 0 }},
		{"without quantity by statements", graph.ClaimQuery{HasQuantity: no, Sort: graph.SortByStatements}, 9, func(c graph.ClaimSummary) bool { return len(c.Claim.Quantities) == 0 }},
		{"disputed", graph.ClaimQuery{Disputed: yes}, 3, func(c graph.ClaimSummary) bool { return c.Disputes > 0 }},
		{"undisputed by statements", graph.ClaimQuery{Disputed: no, Sort: graph.SortByStatements}, 11, func(c graph.ClaimSummary) bool { return c.Disputes == 0 }},
		{"speaker", graph.ClaimQuery{SpeakerID: speaker}, 2, func(c graph.ClaimSummary) bool { return contains(c.SpeakerIDs, speaker) }},
		{"speaker by statements", graph.ClaimQuery{SpeakerID: speaker, Sort: graph.SortByStatements}, 1, func(c graph.ClaimSummary) bool { return contains(c.SpeakerIDs, speaker) }},
		{"text", graph.ClaimQuery{Text: word}, 1, func(c graph.ClaimSummary) bool { return hasWords(c.Claim.Text, []string{word}) }},
		{"outlet", graph.ClaimQuery{OutletID: outlet}, 4, func(c graph.ClaimSummary) bool {
			for _, a := range c.ArticleIDs {
				if m.articles[a].Article.OutletID == outlet {
					return true
				}
			}
			return false
		}},
	}
	for _, tc := range claimCases {
		t.Run("SearchClaims/"+tc.name, func(t *testing.T) {
			want := m.claimIDs(tc.keep, tc.q.Sort == graph.SortByStatements)
			got := walk(t, tc.limit, summaryID, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
				q := tc.q
				q.Page = p
				return s.SearchClaims(ctx(t), q)
			})
			assert.Equal(t, want, got)
		})
	}

	t.Run("SummariesMatchModel", func(t *testing.T) {
		page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Sort: graph.SortByStatements, Page: graph.PageRequest{Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		require.Len(t, page.Items, graph.MaxPageSize)
		for _, it := range page.Items {
			assert.Equal(t, m.summary(it.Claim.ID), it)
		}
		require.Greater(t, page.Items[0].Statements, 1, "the generator repeats claims")
	})

	t.Run("AgentClaims", func(t *testing.T) {
		want := m.claimIDs(func(c graph.ClaimSummary) bool { return contains(c.SpeakerIDs, speaker) }, false)
		got := walk(t, 3, summaryID, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
			return s.AgentClaims(ctx(t), speaker, p)
		})
		assert.Equal(t, want, got)
	})

	t.Run("Agents", func(t *testing.T) {
		got := walk(t, 9, agentID, func(p graph.PageRequest) (graph.Page[graph.Agent], error) {
			return s.Agents(ctx(t), graph.AgentQuery{Page: p})
		})
		assert.Equal(t, m.agentIDs(func(graph.Agent) bool { return true }), got)
		got = walk(t, 4, agentID, func(p graph.PageRequest) (graph.Page[graph.Agent], error) {
			return s.Agents(ctx(t), graph.AgentQuery{Kind: graph.KindPerson, Page: p})
		})
		assert.Equal(t, m.agentIDs(func(a graph.Agent) bool { return a.Kind == graph.KindPerson }), got)
		got = walk(t, 2, agentID, func(p graph.PageRequest) (graph.Page[graph.Agent], error) {
			return s.Agents(ctx(t), graph.AgentQuery{Name: "wire agency", Page: p})
		})
		assert.Equal(t, m.agentIDs(func(a graph.Agent) bool { return a.Kind == graph.KindOutlet }), got)
	})

	t.Run("Articles", func(t *testing.T) {
		var all, ofOutlet []string
		for id, g := range m.articles {
			all = append(all, id)
			if g.Article.OutletID == outlet {
				ofOutlet = append(ofOutlet, id)
			}
		}
		sort.Strings(all)
		sort.Strings(ofOutlet)
		assert.Equal(t, all, walk(t, 4, refID, func(p graph.PageRequest) (graph.Page[graph.ArticleRef], error) {
			return s.Articles(ctx(t), graph.ArticleQuery{Page: p})
		}))
		assert.Equal(t, ofOutlet, walk(t, 1, refID, func(p graph.PageRequest) (graph.Page[graph.ArticleRef], error) {
			return s.Articles(ctx(t), graph.ArticleQuery{OutletID: outlet, Page: p})
		}))
	})

	t.Run("PageSizes", func(t *testing.T) {
		page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Page: graph.PageRequest{Limit: 5000}})
		require.NoError(t, err)
		assert.Len(t, page.Items, graph.MaxPageSize, "clamped to MaxPageSize")
		assert.NotEmpty(t, page.NextCursor)
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{})
		require.NoError(t, err)
		assert.Len(t, page.Items, graph.DefaultPageSize)
		page, err = s.SearchClaims(ctx(t), graph.ClaimQuery{Page: graph.PageRequest{Limit: -3}})
		require.NoError(t, err)
		assert.Len(t, page.Items, graph.DefaultPageSize)
		agents, err := s.Agents(ctx(t), graph.AgentQuery{Page: graph.PageRequest{Limit: 5000}})
		require.NoError(t, err)
		assert.Len(t, agents.Items, graph.MaxPageSize)
	})

	t.Run("InvalidCursor", func(t *testing.T) {
		crafted := []string{
			"!!not a cursor!!", "e30", "00000000.", "0000000G.c_x", "00000000.c x",
			// A count past 32 bits, which would wrap to 3 in the embedded store's index.
			"100000003.c_x",
			"00000000." + strings.Repeat("c", graph.MaxCursorKeyLen+1),
		}
		for _, cur := range crafted {
			p := graph.PageRequest{Cursor: cur}
			_, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Page: p})
			requireCode(t, err, graph.EINVALID, "SearchClaims %q", cur)
			_, err = s.SearchClaims(ctx(t), graph.ClaimQuery{Sort: graph.SortByStatements, Page: p})
			requireCode(t, err, graph.EINVALID, "SearchClaims -statements %q", cur)
			_, err = s.Agents(ctx(t), graph.AgentQuery{Page: p})
			requireCode(t, err, graph.EINVALID, "Agents %q", cur)
			_, err = s.Articles(ctx(t), graph.ArticleQuery{Page: p})
			requireCode(t, err, graph.EINVALID, "Articles %q", cur)
			_, err = s.AgentClaims(ctx(t), speaker, p)
			requireCode(t, err, graph.EINVALID, "AgentClaims %q", cur)
		}
	})

	t.Run("StableUnderWrites", func(t *testing.T) {
		// Items present for the whole walk are all seen, once, while new claims arrive.
		before := m.claimIDs(func(graph.ClaimSummary) bool { return true }, false)
		more := GenerateArticles(70, 11)[60:]
		var got []string
		cursor := ""
		for i := 0; ; i++ {
			if i < len(more) {
				put(t, s, more[i])
			}
			page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Page: graph.PageRequest{Cursor: cursor, Limit: 25}})
			require.NoError(t, err)
			got = append(got, claimIDs(page.Items)...)
			if page.NextCursor == "" {
				break
			}
			cursor = page.NextCursor
		}
		seen := map[string]int{}
		for _, id := range got {
			seen[id]++
			require.Equal(t, 1, seen[id], "claim %s twice", id)
		}
		for _, id := range before {
			require.Equal(t, 1, seen[id], "claim %s missed", id)
		}
		require.True(t, sort.StringsAreSorted(got))
	})
}

func testGenerated(t *testing.T, open Opener) {
	s, m, gen := loadGenerated(t, open, 50, 23)
	checkGenerated(t, s, m, gen)
}

// checkGenerated checks a store holding the generated bundles gen (model m): counts,
// claims with their statements, provenance and contradictions, counted-quantity
// lookups and article graphs.
func checkGenerated(t *testing.T, s graph.Store, m *model, gen []*graph.ArticleGraph) {
	t.Helper()
	assert.Equal(t, m.stats(), stats(t, s))

	ids := make([]string, 0, len(m.claims))
	for id := range m.claims {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for i, id := range ids {
		if i%7 != 0 {
			continue
		}
		c, err := s.Claim(ctx(t), id)
		require.NoError(t, err)
		want := append([]graph.Statement{}, m.stmts[id]...)
		graph.SortStatements(want)
		require.Equal(t, m.claims[id], c.Claim)
		require.Equal(t, want, c.Statements, "claim %s", id)

		p, err := s.Provenance(ctx(t), id)
		require.NoError(t, err)
		require.Len(t, p.Chains, len(want))
		for k, ch := range p.Chains {
			require.Equal(t, want[k], ch.Statement)
			require.Equal(t, len(want[k].Via), len(ch.Via))
			require.Equal(t, want[k].SpeakerID != "", ch.Speaker != nil)
			require.NotNil(t, ch.Article.Outlet)
		}

		cn, err := s.Contradictions(ctx(t), id)
		require.NoError(t, err)
		require.Len(t, cn.Disputes, len(m.disputes[id]))
		var conf, corr []string
		for _, l := range m.links {
			if l.From != id && l.To != id {
				continue
			}
			if l.Kind == graph.LinkConflicts {
				conf = append(conf, l.ID)
			} else {
				corr = append(corr, l.ID)
			}
		}
		linkIDs := func(rs []graph.RelatedClaim) []string {
			var out []string
			for _, r := range rs {
				out = append(out, r.Link.ID)
			}
			sort.Strings(out)
			return out
		}
		sort.Strings(conf)
		sort.Strings(corr)
		require.Equal(t, conf, linkIDs(cn.Conflicts), "conflicts of %s", id)
		require.Equal(t, corr, linkIDs(cn.Corroborations), "corroborations of %s", id)
		n := 0
		for _, o := range cn.Origins {
			n += len(o.StatementIDs)
		}
		require.Equal(t, len(want), n)
	}

	for _, counted := range genCounted {
		want := m.claimIDs(func(c graph.ClaimSummary) bool {
			for _, q := range c.Claim.Quantities {
				if q.Counted == counted && q.Unit == "count" {
					return true
				}
			}
			return false
		}, false)
		if len(want) > 30 {
			want = want[:30]
		}
		got, err := s.ClaimsByCounted(ctx(t), counted, "count", 30)
		require.NoError(t, err)
		assert.Equal(t, want, claimIDsOf(got), counted)
	}

	for _, g := range gen[:10] {
		ag, err := s.ArticleGraph(ctx(t), g.Article.ID)
		require.NoError(t, err)
		assert.Equal(t, g.Statements, ag.Statements)
		assert.Equal(t, g.Disputes, ag.Disputes)
		assert.Equal(t, g.Mentions, ag.Mentions)
		assert.Equal(t, g.Article, *mustArticle(t, s, g.Article.ID))
	}
}

func mustArticle(t *testing.T, s graph.Store, id string) *graph.Article {
	t.Helper()
	a, err := s.Article(ctx(t), id)
	require.NoError(t, err)
	return a
}

func testConcurrency(t *testing.T, open Opener) {
	s := open(t)
	gen := GenerateArticles(40, 31)
	fixture := Gaza()
	const writers, readers = 4, 4

	var wg sync.WaitGroup
	errs := make(chan error, 1000)
	created := make([][]bool, len(fixture))
	var mu sync.Mutex
	done := make(chan struct{})

	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(gen); i += writers {
				if _, err := s.PutArticle(ctx(t), gen[i]); err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
				}
			}
			// Every writer also writes the fixture: each article must be created once.
			for i, g := range fixture {
				res, err := s.PutArticle(ctx(t), g)
				if err != nil {
					errs <- fmt.Errorf("writer %d fixture: %w", w, err)
					continue
				}
				mu.Lock()
				created[i] = append(created[i], res.Created)
				mu.Unlock()
			}
		}()
	}
	var rg sync.WaitGroup
	for r := range readers {
		rg.Add(1)
		go func() {
			defer rg.Done()
			last := 0
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				g := gen[(r*7+i)%len(gen)]
				// An article is visible whole or not at all.
				ag, err := s.ArticleGraph(ctx(t), g.Article.ID)
				switch {
				case graph.ErrorCode(err) == graph.ENOTFOUND:
				case err != nil:
					errs <- fmt.Errorf("reader %d ArticleGraph: %w", r, err)
				case len(ag.Statements) != len(g.Statements) || len(ag.Disputes) != len(g.Disputes) || len(ag.Mentions) != len(g.Mentions):
					errs <- fmt.Errorf("reader %d saw article %s partly written: %d/%d statements", r, g.Article.ID, len(ag.Statements), len(g.Statements))
				}
				st, err := s.Stats(ctx(t))
				if err != nil {
					errs <- fmt.Errorf("reader %d Stats: %w", r, err)
				} else if st.Articles < last {
					errs <- fmt.Errorf("reader %d: article count went down from %d to %d", r, last, st.Articles)
				} else {
					last = st.Articles
				}
				if _, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "palestinians", Sort: graph.SortByStatements}); err != nil {
					errs <- fmt.Errorf("reader %d SearchClaims: %w", r, err)
				}
				if p, err := s.Provenance(ctx(t), ClaimToll68800); err == nil {
					for _, ch := range p.Chains {
						if ch.Speaker == nil || ch.Speaker.ID != AgentHealthMinistry {
							errs <- fmt.Errorf("reader %d: provenance chain without its speaker", r)
						}
					}
				} else if graph.ErrorCode(err) != graph.ENOTFOUND {
					errs <- fmt.Errorf("reader %d Provenance: %w", r, err)
				}
				if _, err := s.Contradictions(ctx(t), ClaimToll68800); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
					errs <- fmt.Errorf("reader %d Contradictions: %w", r, err)
				}
			}
		}()
	}
	wg.Wait()
	close(done)
	rg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for i, cs := range created {
		n := 0
		for _, c := range cs {
			if c {
				n++
			}
		}
		assert.Equal(t, 1, n, "fixture article %d created exactly once by %d concurrent writers", i+1, writers)
	}
	assert.Equal(t, ExpectedStats(append(append([]*graph.ArticleGraph{}, gen...), fixture...)), stats(t, s))
	for id, want := range mergedAgents {
		got, err := s.Agent(ctx(t), id)
		require.NoError(t, err)
		assert.Equal(t, want, *got, "agent merged under concurrency")
	}
}

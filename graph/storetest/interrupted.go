package storetest

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// Interruptible is what a backend gives RunInterrupted: a way to stop an article write
// part-way, as a crash of the writing process would, and to find the store again as
// the next process would.
type Interruptible struct {
	// Open returns a fresh, empty store (see Opener).
	Open Opener
	// PutStopped writes g into s and stops the write after its step number at (0 for
	// the first step after the write began: a piece of the embedded store, a run of
	// Neo4j's write statement), as a crash would: it returns once the write has
	// stopped, with nothing more of it to come. The bundle is large enough for the
	// backend's harness to write it in more than at+1 steps.
	PutStopped func(t *testing.T, s graph.Store, g *graph.ArticleGraph, at int)
	// Restart returns the store as a process started after the crash finds it (the
	// embedded store closed and opened again; for a server, a store of the same
	// database). It registers the cleanup of what it opens.
	Restart func(t *testing.T, s graph.Store) graph.Store
	// Pending, if set, counts what stopped writes left in s that readers do not see
	// (Neo4j's pending nodes of a write in pieces): none may be left once the write
	// has run again.
	Pending func(t *testing.T, s graph.Store) int
}

// RunInterrupted checks what a write stopped part-way leaves (graph.Store.PutArticle:
// an article is written whole or not at all, across crashes too): a new article is
// not there at all; a new version of a stored article leaves the stored version
// readable exactly as it was, with the disputes and links other articles made of its
// claims; and the same write run again stores the article whole.
func RunInterrupted(t *testing.T, h Interruptible) {
	appended := Gaza1() // the same records (ids included) under a new text
	appended.Article.Text += " A closing line."
	appended.Article.ContentHash = graph.ContentHash(appended.Article.Text)
	tests := []struct {
		name  string
		first *graph.ArticleGraph // article 1 as stored before; nil: not stored
		next  *graph.ArticleGraph // the write stopped, then run again
	}{
		{"NewArticle", nil, Gaza1()},
		{"NewVersionSameRecords", Gaza1(), appended},
		{"NewVersionOtherClaims", Gaza1(), newVersion1()},
	}
	for _, tt := range tests {
		for _, at := range []int{0, 1, 2} {
			t.Run(fmt.Sprintf("%s/StoppedAfterStep%d", tt.name, at), func(t *testing.T) {
				// The same writes, none stopped, on a store of their own first (a
				// backend may have one database: the stores of a test take turns).
				ref := h.Open(t)
				for _, g := range []*graph.ArticleGraph{Gaza2(), Gaza3(), Rebuttal(), tt.first, tt.next} {
					if g != nil {
						put(t, ref, g)
					}
				}
				want := stats(t, ref)
				wantGraph, err := ref.ArticleGraph(ctx(t), Article1)
				require.NoError(t, err)

				s := h.Open(t)
				for _, g := range []*graph.ArticleGraph{Gaza2(), Gaza3(), Rebuttal()} {
					put(t, s, g)
				}
				if tt.first != nil {
					put(t, s, tt.first)
				}
				before := stats(t, s)
				lists := readerLists(t, s)
				// The rebuttal lists the draft claim: it is stored before article 1 is.
				draft, err := s.Contradictions(ctx(t), ClaimDraft)
				require.NoError(t, err)
				var stored *graph.ArticleGraph
				if tt.first != nil {
					stored, err = s.ArticleGraph(ctx(t), Article1)
					require.NoError(t, err)
				}

				h.PutStopped(t, s, tt.next, at)
				s = h.Restart(t, s)

				after := stats(t, s)
				if tt.first == nil {
					before.Agents = after.Agents // agents are never deleted: an embedded rollback may leave them
					assert.Equal(t, before, after, "as before the write")
					_, err := s.Article(ctx(t), Article1)
					requireCode(t, err, graph.ENOTFOUND, "no part of the stopped article")
					_, err = s.Claim(ctx(t), ClaimForce)
					requireCode(t, err, graph.ENOTFOUND, "nor of its claims")
				} else {
					assert.Equal(t, before, after, "as before the write")
					got, err := s.ArticleGraph(ctx(t), Article1)
					require.NoError(t, err, "the stored version is still readable")
					assert.Equal(t, stored, got, "exactly as it was")
				}
				assert.Equal(t, lists, readerLists(t, s), "the claim and article listings as before the write")
				c, err := s.Contradictions(ctx(t), ClaimDraft)
				require.NoError(t, err)
				assert.Equal(t, draft, c, "the draft claim's disputes and links as they were, the rebuttal's too")
				page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "aid deliveries"})
				require.NoError(t, err)
				assert.Empty(t, page.Items, "nothing of the stopped version is searchable")

				res := put(t, s, tt.next)
				assert.True(t, res.Created, "the write run again stores the article")
				a, err := s.Article(ctx(t), Article1)
				require.NoError(t, err)
				assert.Equal(t, tt.next.Article.Text, a.Text)
				if tt.first != nil {
					assert.Equal(t, 2, a.Version, "the new version follows the one kept")
				}
				gotStats := stats(t, s)
				want.Agents = gotStats.Agents
				assert.Equal(t, want, gotStats, "the store holds the new version whole")
				gotGraph, err := s.ArticleGraph(ctx(t), Article1)
				require.NoError(t, err)
				assert.Equal(t, wantGraph, gotGraph, "as written without a stop")
				assert.Equal(t, readerLists(t, ref), readerLists(t, s), "the listings as written without a stop")
				if h.Pending != nil {
					assert.Zero(t, h.Pending(t, s), "nothing of the stopped write is left aside")
				}
			})
		}
	}
}

// listings is what readers list: every claim (search without terms), the claims of
// article 1, every article, and a subgraph around the draft claim (the rebuttal's, stored
// before article 1).
type listings struct {
	Claims, Article1Claims []graph.ClaimSummary
	Articles               []graph.ArticleRef
	Subgraphs              []*graph.Subgraph
}

// readerLists reads the listings of s (a page each, large enough for the fixtures).
func readerLists(t *testing.T, s graph.Store) listings {
	t.Helper()
	var l listings
	all, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	l.Claims = all.Items
	of1, err := s.SearchClaims(ctx(t), graph.ClaimQuery{ArticleID: Article1, Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	l.Article1Claims = of1.Items
	arts, err := s.Articles(ctx(t), graph.ArticleQuery{Page: graph.PageRequest{Limit: 100}})
	require.NoError(t, err)
	l.Articles = arts.Items
	for _, root := range []string{ClaimDraft, ClaimCeasefire} {
		sg, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: root, Depth: 3, Limit: 200})
		if graph.ErrorCode(err) != graph.ENOTFOUND {
			require.NoError(t, err)
		}
		l.Subgraphs = append(l.Subgraphs, sg)
	}
	return l
}

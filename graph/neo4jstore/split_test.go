package neo4jstore

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// splitAll makes every replacement in pieces a split switch (split.go) until the
// test ends, and counts the step 1s that commit.
func splitAll(t *testing.T) *int {
	maxSwitchNodes = 0
	n := 0
	afterRetireFirst = func() error { n++; return nil }
	t.Cleanup(func() { maxSwitchNodes = MaxSwitchNodes; afterRetireFirst = nil })
	return &n
}

// TestContractSplit runs the whole contract suite with every article of more than
// two records written in pieces and every replacement of one switched in two
// transactions (split.go).
func TestContractSplit(t *testing.T) {
	inPiecesOf(t, 2)
	splitAll(t)
	storetest.Run(t, func(t *testing.T) graph.Store { return newTestStore(t) })
}

// TestSplitSwitch: a dense article replaced by a split switch ends as a switch in one
// transaction does: only the new version, nothing retired or pending left.
func TestSplitSwitch(t *testing.T) {
	inPiecesOf(t, 50)
	steps := splitAll(t)
	s := newTestStore(t)
	const n = 240
	v1, v2 := denseStored(t, s, n)
	require.Zero(t, *steps, "a new article has nothing to retire")
	res, err := s.PutArticle(t.Context(), v2)
	require.NoError(t, err)
	require.True(t, res.Created)
	require.Equal(t, 1, *steps, "the replacement was split")
	requireOnly(t, s, v2, v1, n)
	a, err := s.Article(t.Context(), v2.Article.ID)
	require.NoError(t, err)
	assert.Equal(t, 2, a.Version)
	assert.Empty(t, retiredLeft(t, s))
	assert.Zero(t, pendingLeft(t, s))
}

// TestSplitSwitchInterrupted stops a split switch after its step 1 (the stored version
// retired, the new one pending): the article reads as its stored version, whole
// (splitread.go), the new version's own claims are not found by id, and the shared
// claim answers as the stored version (its statement and the neighbour's). Then the
// same write run again publishes the new version; a restart (New) puts the stored
// version back whole; another text takes the write over, puts the stored version back
// and replaces it. Nothing retired or pending is left in each case.
func TestSplitSwitchInterrupted(t *testing.T) {
	inPiecesOf(t, 50)
	splitAll(t)
	const n = 240
	v1, v2, v3 := storetest.DenseArticle("a_dense", 1, n), storetest.DenseArticle("a_dense", 2, n), storetest.DenseArticle("a_dense", 3, n)
	for _, then := range []string{"retry", "restart", "another text"} {
		t.Run(then, func(t *testing.T) {
			afterRetireFirst = nil
			s := newTestStore(t)
			neighbour(t, s)
			_, err := s.PutArticle(t.Context(), v1)
			require.NoError(t, err)
			stored, err := s.Stats(t.Context())
			require.NoError(t, err)
			afterRetireFirst = func() error { return errStopped }
			_, err = s.PutArticle(t.Context(), v2)
			require.ErrorIs(t, err, errStopped)
			afterRetireFirst = nil

			requireWholeVersion(t, s, v1, n, "between the two steps the article reads as its stored version")
			st, err := s.Stats(t.Context())
			require.NoError(t, err)
			assert.Equal(t, stored, st, "the counts of the stored version (not those of the new one's first piece's agents)")
			// The stored version's own claim reads from it (cyRetiredClaim) and is found
			// by search; the new one's is not stored.
			_, err = s.Claim(t.Context(), v1.Claims[1].ID)
			assert.NoError(t, err)
			own, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: v1.Claims[1].Text, Page: graph.PageRequest{Limit: 10}})
			require.NoError(t, err)
			assert.True(t, slices.ContainsFunc(own.Items, func(c graph.ClaimSummary) bool { return c.Claim.ID == v1.Claims[1].ID }),
				"the stored version's own claim is found by search")
			_, err = s.Claim(t.Context(), v2.Claims[1].ID)
			assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
			page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: "shared dense claim", Page: graph.PageRequest{Limit: 10}})
			require.NoError(t, err)
			require.Len(t, page.Items, 1)
			assert.Equal(t, 2, page.Items[0].Statements, "the shared claim's aggregates as the stored version's (cySeenStatement)")
			assert.Equal(t, []string{v1.Article.ID, "a_dense_neighbour"}, page.Items[0].ArticleIDs)
			p, err := s.Provenance(t.Context(), page.Items[0].Claim.ID)
			require.NoError(t, err)
			assert.Len(t, p.Chains, 2, "the shared claim's provenance as the stored version's")

			switch then {
			case "retry":
				res, err := s.PutArticle(t.Context(), v2)
				require.NoError(t, err)
				assert.True(t, res.Created)
				requireOnly(t, s, v2, v1, n)
				a, err := s.Article(t.Context(), v2.Article.ID)
				require.NoError(t, err)
				assert.Equal(t, 2, a.Version)
				assert.Zero(t, pendingLeft(t, s))
			case "restart":
				ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
				defer cancel()
				s2, err := New(ctx, testConfig(t))
				require.NoError(t, err)
				defer s2.Close(context.Background())
				requireOnly(t, s2, v1, v2, n)
				a, err := s2.Article(t.Context(), v1.Article.ID)
				require.NoError(t, err)
				assert.Equal(t, 1, a.Version)
				assert.Zero(t, pendingLeft(t, s2))
			case "another text":
				res, err := s.PutArticle(t.Context(), v3)
				require.NoError(t, err)
				assert.True(t, res.Created)
				requireOnly(t, s, v3, v1, n)
				for _, i := range []int{0, n - 1} {
					_, err := s.Claim(t.Context(), v2.Claims[i].ID)
					assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
				}
				assert.Zero(t, pendingLeft(t, s))
			}
		})
	}
}

// TestSplitRestoresAClaimAnotherDeleteRetired: a split switch of the dense article is
// stopped after step 1 (its statement of the shared claim retired); the neighbour, the
// shared claim's other article, is deleted meanwhile, which retires the claim and drops
// that retirement. The claim is kept for the stopped write (its retirement is not
// final): a restart puts the dense article back with the claim and its statement.
func TestSplitRestoresAClaimAnotherDeleteRetired(t *testing.T) {
	inPiecesOf(t, 50)
	splitAll(t)
	const n = 240
	s := newTestStore(t)
	v1, v2 := denseStored(t, s, n)
	afterRetireFirst = func() error { return errStopped }
	_, err := s.PutArticle(t.Context(), v2)
	require.ErrorIs(t, err, errStopped)
	afterRetireFirst = nil
	require.NoError(t, s.DeleteArticle(t.Context(), "a_dense_neighbour", nil))
	shared := storetest.SharedDenseClaim().ID
	d, err := s.Claim(t.Context(), shared)
	require.NoError(t, err, "the version being replaced states it: read from it (cyRetiredClaim)")
	for _, st := range d.Statements {
		assert.Equal(t, "a_dense", st.ArticleID, "no live statement states it")
	}

	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	s2, err := New(ctx, testConfig(t))
	require.NoError(t, err)
	defer s2.Close(context.Background())
	c, err := s2.Claim(t.Context(), shared)
	require.NoError(t, err, "the restored article's claim is back")
	require.Len(t, c.Statements, 1)
	assert.Equal(t, v1.Article.ID, c.Statements[0].ArticleID)
	got, err := s2.ArticleGraph(t.Context(), v1.Article.ID)
	require.NoError(t, err)
	assert.Len(t, got.Statements, n+1)
	assert.Len(t, got.Claims, n+1)
	st, err := s2.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, graph.Stats{Articles: 1, Agents: 6, Claims: n + 1, Statements: n + 1, Disputes: 1, Mentions: n + 2}, st)
	assert.Zero(t, pendingLeft(t, s2))
}

// requireWholeVersion checks that article v reads (Article and ArticleGraph) as
// version v, whole: its text's hash, every statement, claim, dispute, mention and link.
func requireWholeVersion(t *testing.T, s *Store, v *graph.ArticleGraph, n int, msg string) {
	t.Helper()
	a, err := s.Article(t.Context(), v.Article.ID)
	require.NoError(t, err, msg)
	assert.Equal(t, v.Article.ContentHash, a.ContentHash, msg)
	got, err := s.ArticleGraph(t.Context(), v.Article.ID)
	require.NoError(t, err, msg)
	requireGraphOf(t, got, v, n, msg)
}

// requireGraphOf checks that got is the stored graph of version v of the dense
// article: its hash and the ids of its statements, claims, disputes and links, and
// its mentions' count.
func requireGraphOf(t *testing.T, got, v *graph.ArticleGraph, n int, msg string) {
	t.Helper()
	require.NoError(t, graphOf(got, v, n), msg)
}

// graphOf is requireGraphOf's check, as an error (for other goroutines than the test's).
func graphOf(got, v *graph.ArticleGraph, n int) error {
	if err := storetest.WholeVersion(got, v, n); err != nil {
		return fmt.Errorf("version %d: %w", v.Article.Version, err)
	}
	return nil
}

// TestSplitReplacementStaysReadable: while a split switch replaces the dense article
// (pieces of 50, every replacement split), readers never find the article missing nor
// half of a version: each read, by Article and by ArticleGraph, is the old version
// whole until the last transaction commits, then the new one whole. Readers run
// concurrently with the whole write, and once more between the two steps (where the
// article used to answer 404).
func TestSplitReplacementStaysReadable(t *testing.T) {
	inPiecesOf(t, 50)
	splitAll(t)
	const n = 240
	s := newTestStore(t)
	v1, v2 := denseStored(t, s, n)

	betweenSteps := 0
	afterRetireFirst = func() error {
		betweenSteps++
		requireWholeVersion(t, s, v1, n, "between the two steps")
		return nil
	}
	done := make(chan struct{})
	type seen struct{ v1, v2 int }
	results := make(chan seen, 2)
	errs := make(chan error, 64)
	for r := 0; r < 2; r++ {
		go func() {
			var got seen
			defer func() { results <- got }()
			for {
				select {
				case <-done:
					return
				default:
				}
				a, err := s.Article(t.Context(), v1.Article.ID)
				if err != nil {
					errs <- fmt.Errorf("Article: %w", err)
					return
				}
				g, err := s.ArticleGraph(t.Context(), v1.Article.ID)
				if err != nil {
					errs <- fmt.Errorf("ArticleGraph: %w", err)
					return
				}
				want := v1
				if g.Article.ContentHash == v2.Article.ContentHash {
					want = v2
					got.v2++
				} else {
					got.v1++
					if a.ContentHash == v2.Article.ContentHash {
						errs <- fmt.Errorf("ArticleGraph read version 1 after Article read version 2")
						return
					}
				}
				if err := graphOf(g, want, n); err != nil {
					errs <- fmt.Errorf("a concurrent read: %w", err)
					return
				}
			}
		}()
	}
	res, err := s.PutArticle(t.Context(), v2)
	close(done)
	require.NoError(t, err)
	require.True(t, res.Created)
	var total seen
	for r := 0; r < 2; r++ {
		x := <-results
		total.v1 += x.v1
		total.v2 += x.v2
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	require.Equal(t, 1, betweenSteps, "the replacement was split")
	t.Logf("concurrent reads: %d of version 1, %d of version 2", total.v1, total.v2)
	assert.Positive(t, total.v1, "the readers ran during the write")
	requireOnly(t, s, v2, v1, n)
	assert.Empty(t, retiredLeft(t, s))
	assert.Zero(t, pendingLeft(t, s))
}

// TestSplitGapClaimsAndListing: between the two steps of a split switch, a claim
// that only the version being replaced states is read by id from it (with that
// version's statements), and the article stays in the articles' listing; after the
// switch the claim is gone and the article listed once.
func TestSplitGapClaimsAndListing(t *testing.T) {
	inPiecesOf(t, 50)
	splitAll(t)
	const n = 40
	s := newTestStore(t)
	v1, v2 := denseStored(t, s, n)
	inV2 := map[string]bool{}
	for _, c := range v2.Claims {
		inV2[c.ID] = true
	}
	var only graph.Claim // a claim of version 1 only
	for _, c := range v1.Claims {
		if !inV2[c.ID] {
			only = c
			break
		}
	}
	require.NotEmpty(t, only.ID, "version 1 has a claim of its own")
	listed := func() []string {
		page, err := s.Articles(t.Context(), graph.ArticleQuery{Page: graph.PageRequest{Limit: 100}})
		require.NoError(t, err)
		var ids []string
		for _, a := range page.Items {
			ids = append(ids, a.ID)
		}
		return ids
	}
	between := 0
	afterRetireFirst = func() error {
		between++
		d, err := s.Claim(t.Context(), only.ID)
		require.NoError(t, err, "the claim of the version being replaced reads between the steps")
		assert.Equal(t, only.Text, d.Claim.Text)
		assert.NotEmpty(t, d.Statements)
		for _, st := range d.Statements {
			assert.Equal(t, v1.Article.ID, st.ArticleID)
		}
		assert.Contains(t, listed(), v1.Article.ID, "the article stays listed between the steps")
		return nil
	}
	_, err := s.PutArticle(t.Context(), v2)
	require.NoError(t, err)
	require.Equal(t, 1, between)
	_, err = s.Claim(t.Context(), only.ID)
	assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
	ids := listed()
	assert.Equal(t, 1, countOf(ids, v1.Article.ID))
}

func countOf(ids []string, id string) int {
	n := 0
	for _, x := range ids {
		if x == id {
			n++
		}
	}
	return n
}

// TestSplitGapSharedClaims: while a large article's new version replaces the old one
// (its pieces, then between the two steps of a split switch), every read of a claim
// that both versions state (three claims only they state, and one another article
// states too) answers as the old version: its statements by id, provenance,
// contradictions, and its summary as searches by text, article and speaker and its
// speakers' lists find it. After the switch each answers as the new version. Before
// the fix the claims read between the steps had no statements (provenance empty,
// searches by article or speaker missing them, counts 0).
func TestSplitGapSharedClaims(t *testing.T) {
	inPiecesOf(t, 50)
	splitAll(t)
	s := newTestStore(t)
	between := 0
	reads, old := storetest.RunVersionGap(t, s, 40, func(read func()) {
		if read == nil {
			beforePiece, afterRetireFirst = nil, nil
			return
		}
		beforePiece = func(i int) {
			if i == 1 {
				read()
			}
		}
		afterRetireFirst = func() error {
			between++
			read()
			return nil
		}
	})
	require.Equal(t, 1, between, "the replacement was split")
	assert.Equal(t, reads, old, "every read during the write is the old version's")
}

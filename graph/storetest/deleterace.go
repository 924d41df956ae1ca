package storetest

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// Deletes racing writes: whichever commits first, the store ends as if the two had
// run one after the other, and no claim is left without the article that stated it.

func testDeleteRace(t *testing.T, open Opener) {
	t.Run("SameArticle", func(t *testing.T) { testDeleteRaceSameArticle(t, open) })
	t.Run("ReferenceAfterDelete", func(t *testing.T) { testReferenceAfterDelete(t, open) })
	t.Run("ReferenceRace", func(t *testing.T) { testReferenceRace(t, open) })
}

// deleteRaceRounds is how many times each race runs.
const deleteRaceRounds = 6

// referencing returns the rebuttal as ingest writes it: it refers to article 1's draft
// claim and article 3's unified-command claim, which it copied from the store
// (graph.ArticleGraph.Referenced), without stating them.
func referencing() *graph.ArticleGraph {
	g := Rebuttal()
	g.Referenced = []string{ClaimDraft, ClaimUnified}
	return g
}

// testDeleteRaceSameArticle deletes article 1 while a new version of it is written,
// round after round. Either the delete went first and the new version is stored whole
// as a new article, or the write went first and the delete removed everything of it:
// the counts are those of one of the two orders, never a mix.
// deleteBeside deletes Article1 and puts the bundle at the same time, and returns
// what each returned.
func deleteBeside(t *testing.T, s graph.Store, g *graph.ArticleGraph) (delErr, putErr error) {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		delErr = s.DeleteArticle(ctx(t), Article1, nil)
	}()
	go func() {
		defer wg.Done()
		_, putErr = s.PutArticle(ctx(t), g)
	}()
	wg.Wait()
	return delErr, putErr
}

func testDeleteRaceSameArticle(t *testing.T, open Opener) {
	s := open(t)
	empty := stats(t, s)
	put(t, s, guarded(1, "", ""))
	onlyV2 := stats(t, s)
	require.NoError(t, s.DeleteArticle(ctx(t), Article1, nil))
	gone := stats(t, s)
	for r := range deleteRaceRounds {
		put(t, s, guarded(0, "", ""))
		delErr, putErr := deleteBeside(t, s, guarded(1, "", ""))
		require.NoError(t, putErr, "round %d", r)
		require.NoError(t, delErr, "round %d: the article is there to delete in either order", r)
		got := stats(t, s)
		if _, err := s.Article(ctx(t), Article1); err == nil {
			assert.Equal(t, onlyV2, got, "round %d: deleted, then the new version written whole", r)
			g, err := s.ArticleGraph(ctx(t), Article1)
			require.NoError(t, err)
			assert.Equal(t, 1, g.Article.Version, "round %d: a new article", r)
			require.NoError(t, s.DeleteArticle(ctx(t), Article1, nil), "round %d: clean up", r)
		} else {
			requireCode(t, err, graph.ENOTFOUND, "round %d", r)
			assert.Equal(t, gone, got, "round %d: replaced, then everything of it deleted", r)
		}
		assert.Equal(t, empty.Claims, stats(t, s).Claims, "round %d: no claim is left behind", r)
	}
}

// referenceOutcome checks the store after article 1 was deleted and the referencing
// rebuttal written, in either order: the draft claim, which only article 1 stated, is
// gone with the rebuttal's dispute of it and link to it; the rebuttal keeps its own
// claim and its reference to article 3's claim; the counts are want.
func referenceOutcome(t *testing.T, s graph.Store, want graph.Stats, msgAndArgs ...any) {
	t.Helper()
	_, err := s.Claim(ctx(t), ClaimDraft)
	requireCode(t, err, graph.ENOTFOUND, msgAndArgs...)
	rb, err := s.ArticleGraph(ctx(t), ArticleRebuttal)
	require.NoError(t, err, msgAndArgs...)
	assert.Equal(t, sorted(ClaimUnified, graph.ClaimID("Waltz met envoys on Friday")), claimIDsOf(rb.Claims), msgAndArgs...)
	assert.Empty(t, rb.Disputes, msgAndArgs...)
	assert.Empty(t, rb.Links, msgAndArgs...)
	require.NoError(t, rb.Validate(), msgAndArgs...)
	c, err := s.Claim(ctx(t), ClaimUnified)
	require.NoError(t, err, msgAndArgs...)
	assert.NotEmpty(t, c.Statements, msgAndArgs...)
	assert.Equal(t, want, stats(t, s), msgAndArgs...)
}

// testReferenceAfterDelete deletes article 1, then writes the rebuttal that refers to
// its draft claim (read from the store before the delete, as a concurrent ingest
// would): the store leaves the draft out with the dispute and the link that name it,
// rather than write it back with no statement. The result is the same as writing the
// rebuttal first and deleting after.
func testReferenceAfterDelete(t *testing.T, open Opener) {
	first := loaded(t, open)
	put(t, first, referencing())
	require.NoError(t, first.DeleteArticle(ctx(t), Article1, nil))
	want := stats(t, first)
	referenceOutcome(t, first, want, "written, then deleted")

	s := loaded(t, open)
	require.NoError(t, s.DeleteArticle(ctx(t), Article1, nil))
	res := put(t, s, referencing())
	assert.True(t, res.Created)
	referenceOutcome(t, s, want, "deleted, then written")

	// A bundle that states a referenced claim writes it, stored or not.
	stating := referencing()
	stating.Article.Text += " The draft report was read out."
	stating.Article.ContentHash = ""
	stating.Statements = append(stating.Statements, Stmt(ArticleRebuttal, stating.Article.Text, ClaimDraft, "", nil, graph.SpeechNone, "",
		"The draft report was read out", "The draft report was read out."))
	put(t, s, stating)
	d, err := s.Claim(ctx(t), ClaimDraft)
	require.NoError(t, err, "a stated claim is written")
	assert.Len(t, d.Statements, 1)
}

// testReferenceRace deletes article 1 while the rebuttal that refers to its draft
// claim is written, round after round on fresh stores: in either order the store ends
// as testReferenceAfterDelete says.
func testReferenceRace(t *testing.T, open Opener) {
	first := loaded(t, open)
	put(t, first, referencing())
	require.NoError(t, first.DeleteArticle(ctx(t), Article1, nil))
	want := stats(t, first)
	for r := range deleteRaceRounds {
		s := loaded(t, open)
		delErr, putErr := deleteBeside(t, s, referencing())
		require.NoError(t, delErr, "round %d", r)
		require.NoError(t, putErr, "round %d", r)
		referenceOutcome(t, s, want, "round %d", r)
	}
}

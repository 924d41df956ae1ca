package storetest

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// Deleting articles: see graph.Store.DeleteArticle.

func testDeleteArticle(t *testing.T, open Opener) {
	t.Run("OrphansGoSharedClaimsStay", func(t *testing.T) { testDeleteOrphans(t, open) })
	t.Run("SameAsNeverWritten", func(t *testing.T) { testDeleteSameAsNeverWritten(t, open) })
	t.Run("Guard", func(t *testing.T) { testDeleteGuard(t, open) })
	t.Run("GuardRace", func(t *testing.T) { testDeleteGuardRace(t, open) })
	t.Run("Batch", func(t *testing.T) { testDeleteBatch(t, open) })
}

// testDeleteOrphans deletes article 1 of the fixture, with the rebuttal (which
// disputes article 1's draft claim and links it) and the repeater (which repeats that
// link) stored too. The toll claim, which articles 2 and 3 state as well, stays with
// their statements; the draft, force and ceasefire claims, which only article 1
// states, go with every dispute of them and link to them; nothing finds them any more.
func testDeleteOrphans(t *testing.T, open Opener) {
	s := loaded(t, open)
	put(t, s, Rebuttal())
	put(t, s, repeater())
	before := stats(t, s)
	others := map[string]*graph.ArticleGraph{}
	for _, id := range []string{Article2, Article3} {
		g, err := s.ArticleGraph(ctx(t), id)
		require.NoError(t, err)
		others[id] = g
	}

	require.NoError(t, s.DeleteArticle(ctx(t), Article1, nil))

	want := before
	want.Articles--
	want.Statements -= 4 // article 1's
	want.Disputes -= 2   // article 1's own (of the toll), and the rebuttal's of the draft
	want.Links--         // the rebuttal's link of the draft to the unified command
	want.Mentions -= 5   // article 1's
	want.Claims -= 3     // the draft, force and ceasefire claims; the toll stays
	assert.Equal(t, want, stats(t, s), "outlets and agents stay")

	// The article is gone from every read.
	_, err := s.Article(ctx(t), Article1)
	requireCode(t, err, graph.ENOTFOUND)
	_, err = s.ArticleGraph(ctx(t), Article1)
	requireCode(t, err, graph.ENOTFOUND)
	_, err = s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: Article1})
	requireCode(t, err, graph.ENOTFOUND)
	for _, q := range []graph.ArticleQuery{{}, {OutletID: OutletGlobalPost}} {
		page, err := s.Articles(ctx(t), q)
		require.NoError(t, err)
		for _, r := range page.Items {
			assert.NotEqual(t, Article1, r.ID, "query %+v", q)
		}
	}
	page, err := s.Articles(ctx(t), graph.ArticleQuery{OutletID: OutletGlobalPost})
	require.NoError(t, err)
	assert.Equal(t, []graph.ArticleRef{ref3()}, page.Items, "the outlet stays with its other article")

	// The claims only article 1 stated are gone, and nothing finds them.
	for _, id := range []string{ClaimDraft, ClaimForce, ClaimCeasefire} {
		for name, call := range map[string]func() error{
			"Claim":          func() error { _, err := s.Claim(ctx(t), id); return err },
			"Provenance":     func() error { _, err := s.Provenance(ctx(t), id); return err },
			"Contradictions": func() error { _, err := s.Contradictions(ctx(t), id); return err },
			"Subgraph":       func() error { _, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: id}); return err },
		} {
			requireCode(t, call(), graph.ENOTFOUND, "%s of %s", name, id)
		}
	}
	gone := []string{ClaimDraft, ClaimForce, ClaimCeasefire}
	for _, q := range []graph.ClaimQuery{
		{}, {Text: "draft resolution"}, {Text: "demilitarization"}, {Text: "ceasefire fragile"},
		{SpeakerID: AgentUSOfficials}, {SpeakerID: AgentWaltz}, {ArticleID: Article1}, {OutletID: OutletGlobalPost},
		{Disputed: ptr(true)}, {Disputed: ptr(false)}, {HasQuantity: ptr(false)}, {Sort: graph.SortByStatements},
	} {
		page, err := s.SearchClaims(ctx(t), q)
		require.NoError(t, err)
		for _, id := range gone {
			assert.NotContains(t, claimIDs(page.Items), id, "query %+v", q)
		}
		if q.ArticleID != "" {
			assert.Empty(t, page.Items, "no claim is stated in a deleted article")
		}
	}
	ac, err := s.AgentClaims(ctx(t), AgentWaltz, graph.PageRequest{})
	require.NoError(t, err)
	assert.Equal(t, []string{ClaimUnified}, claimIDs(ac.Items), "Waltz's claim of article 3 stays")
	ac, err = s.AgentClaims(ctx(t), AgentUSOfficials, graph.PageRequest{})
	require.NoError(t, err)
	assert.Empty(t, ac.Items)

	// The shared toll stays with the statements of articles 2 and 3, without article
	// 1's dispute of it, with its links from articles 2 and 3.
	d, err := s.Claim(ctx(t), ClaimToll68800)
	require.NoError(t, err)
	require.Len(t, d.Statements, 2)
	assert.Equal(t, Article2, d.Statements[0].ArticleID)
	assert.Equal(t, Article3, d.Statements[1].ArticleID)
	assert.Equal(t, canonicalClaim(t, Gaza1(), ClaimToll68800), d.Claim, "a surviving claim keeps its first write")
	c, err := s.Contradictions(ctx(t), ClaimToll68800)
	require.NoError(t, err)
	assert.Empty(t, c.Disputes, "article 1's dispute went with it")
	assert.Len(t, c.Conflicts, 1)
	assert.Len(t, c.Corroborations, 1)
	assert.Equal(t, 2, c.IndependentOrigins, "the AP (article 2) and Reuters (article 3)")
	pv, err := s.Provenance(ctx(t), ClaimToll68800)
	require.NoError(t, err)
	require.Len(t, pv.Chains, 2)
	for _, ch := range pv.Chains {
		assert.NotEqual(t, Article1, ch.Article.ID)
	}
	page2, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: "68,800"})
	require.NoError(t, err)
	require.Equal(t, []string{ClaimToll68800}, claimIDs(page2.Items))
	assert.Equal(t, sorted(Article2, Article3), page2.Items[0].ArticleIDs)
	assert.Equal(t, 2, page2.Items[0].Statements)
	assert.Equal(t, 0, page2.Items[0].Disputes)
	counted, err := s.ClaimsByCounted(ctx(t), "palestinians dead", "count", 0)
	require.NoError(t, err)
	assert.Equal(t, sorted(ClaimToll68800, ClaimToll52000), claimIDsOf(counted))

	// The other articles: 2 and 3 are as they were; the rebuttal and the repeater
	// lost the draft, its dispute and its link, and are valid bundles still.
	for id, g := range others {
		got, err := s.ArticleGraph(ctx(t), id)
		require.NoError(t, err)
		assert.Equal(t, g, got, "article %s", id)
	}
	rb, err := s.ArticleGraph(ctx(t), ArticleRebuttal)
	require.NoError(t, err)
	assert.Equal(t, sorted(ClaimUnified, graph.ClaimID("Waltz met envoys on Friday")), claimIDsOf(rb.Claims))
	assert.Empty(t, rb.Disputes)
	assert.Empty(t, rb.Links)
	require.NoError(t, rb.Validate())
	rp, err := s.ArticleGraph(ctx(t), "a_repeater")
	require.NoError(t, err)
	assert.NotContains(t, claimIDsOf(rp.Claims), ClaimDraft)
	assert.Empty(t, rp.Links)
	require.NoError(t, rp.Validate())

	// Agents stay, without the edges of the deleted article: Axios was named and
	// cited by article 1 only.
	ax, err := s.Agent(ctx(t), AgentAxios)
	require.NoError(t, err)
	assert.Equal(t, agent(AgentAxios), *ax)
	sg, err := s.Subgraph(ctx(t), graph.SubgraphQuery{RootID: AgentAxios, Depth: 2})
	require.NoError(t, err)
	assert.Len(t, sg.Nodes, 1)
	assert.Empty(t, sg.Edges)

	// Deleting it again: not found, nothing changes.
	requireCode(t, s.DeleteArticle(ctx(t), Article1, nil), graph.ENOTFOUND)
	assert.Equal(t, want, stats(t, s))

	// Written again, it is a new article (version 1), and its claims come back
	// without the rebuttal's dispute and link, which went with the draft.
	res := put(t, s, Gaza1())
	assert.True(t, res.Created)
	a, err := s.Article(ctx(t), Article1)
	require.NoError(t, err)
	assert.Equal(t, 1, a.Version)
	assert.Empty(t, a.PreviousVersions)
	d, err = s.Claim(ctx(t), ClaimDraft)
	require.NoError(t, err)
	assert.Len(t, d.Statements, 1)
	c, err = s.Contradictions(ctx(t), ClaimDraft)
	require.NoError(t, err)
	assert.Empty(t, c.Disputes)
	assert.Empty(t, c.Corroborations)
}

// testDeleteSameAsNeverWritten compares a store that held articles 1, 2 and 3 and
// deleted article 1 with one that was only given articles 2 and 3: the same articles,
// claims with the same counts, speakers, articles and disputers, the same disputes and
// links. Only the shared records differ: agents are never deleted, and a surviving
// claim keeps its first write (article 1's).
func testDeleteSameAsNeverWritten(t *testing.T, open Opener) {
	view := func(s graph.Store) (st graph.Stats, arts []string, claims []graph.ClaimSummary, related map[string][]string) {
		st = stats(t, s)
		ap, err := s.Articles(ctx(t), graph.ArticleQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		for _, a := range ap.Items {
			arts = append(arts, a.ID)
		}
		cp, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		related = map[string][]string{}
		for _, c := range cp.Items {
			cd, err := s.Contradictions(ctx(t), c.Claim.ID)
			require.NoError(t, err)
			var ids []string
			for _, d := range cd.Disputes {
				ids = append(ids, d.Dispute.ID)
			}
			for _, r := range append(cd.Conflicts, cd.Corroborations...) {
				ids = append(ids, r.Link.ID)
			}
			sort.Strings(ids)
			related[c.Claim.ID] = ids
			c.Claim = graph.Claim{ID: c.Claim.ID}
			claims = append(claims, c)
		}
		return st, arts, claims, related
	}
	// One store after the other: a backend's stores may share one database, which
	// open empties.
	deleted := loaded(t, open)
	require.NoError(t, deleted.DeleteArticle(ctx(t), Article1, nil))
	ds, da, dc, dr := view(deleted)
	never := open(t)
	put(t, never, Gaza2())
	put(t, never, Gaza3())
	ns, na, nc, nr := view(never)

	assert.Equal(t, fixtureStats.Agents, ds.Agents, "agents are never deleted")
	ds.Agents = ns.Agents
	assert.Equal(t, ns, ds)
	assert.Equal(t, na, da)
	assert.Equal(t, nc, dc)
	assert.Equal(t, nr, dr)
}

// testDeleteGuard checks graph.WriteGuard in DeleteArticle, case by case on one
// store: only the article's writer, or an unguarded (admin) call, deletes it; a
// refused delete is EFORBIDDEN and changes nothing; a missing article is ENOTFOUND
// whoever asks.
func testDeleteGuard(t *testing.T, open Opener) {
	s := open(t)
	empty := stats(t, s)
	cases := []struct {
		name   string
		writer string            // the stored article's writer
		stored bool              // whether the article is stored
		guard  *graph.WriteGuard // of the delete
		code   string            // "" success
		detail string            // in the refusal's message
	}{
		{name: "another key may not delete", writer: "alice", stored: true, guard: &graph.WriteGuard{Writer: "bob"},
			code: graph.EFORBIDDEN, detail: "another API key"},
		{name: "no key owns an operator's article", writer: "", stored: true, guard: &graph.WriteGuard{Writer: "alice"},
			code: graph.EFORBIDDEN, detail: "no API key"},
		{name: "the writer deletes its own", writer: "alice", stored: true, guard: &graph.WriteGuard{Writer: "alice"}},
		{name: "an unguarded delete (admin) deletes another's", writer: "alice", stored: true},
		{name: "a guard without a writer allows", writer: "alice", stored: true, guard: &graph.WriteGuard{}},
		{name: "an unguarded delete of an operator's article", writer: "", stored: true},
		{name: "a missing article is not found", guard: &graph.WriteGuard{Writer: "bob"}, code: graph.ENOTFOUND},
		{name: "a missing article is not found for admin either", code: graph.ENOTFOUND},
	}
	for _, tc := range cases {
		if tc.stored {
			put(t, s, guarded(0, tc.writer, ""))
		}
		before := stats(t, s)
		beforeGraph, _ := s.ArticleGraph(ctx(t), Article1)
		err := s.DeleteArticle(ctx(t), Article1, tc.guard)
		if tc.code == "" {
			require.NoError(t, err, tc.name)
			_, err := s.Article(ctx(t), Article1)
			requireCode(t, err, graph.ENOTFOUND, tc.name)
			want := empty
			want.Outlets, want.Agents = 1, len(Gaza1().Agents)
			assert.Equal(t, want, stats(t, s), "%s: every claim of the article went with it", tc.name)
			continue
		}
		requireCode(t, err, tc.code, tc.name)
		assert.Contains(t, graph.ErrorMessage(err), tc.detail, tc.name)
		assert.Equal(t, before, stats(t, s), "%s: a refused delete changes nothing", tc.name)
		afterGraph, _ := s.ArticleGraph(ctx(t), Article1)
		assert.Equal(t, beforeGraph, afterGraph, "%s: a refused delete changes nothing", tc.name)
		if tc.stored {
			require.NoError(t, s.DeleteArticle(ctx(t), Article1, nil), "%s: clean up", tc.name)
		}
	}
}

// testDeleteGuardRace runs, for several rounds, an owner's guarded delete of its
// article at the same time as an admin's replacement of it. Whichever commits first,
// the article ends up stored as the admin's: either the delete went first and the
// admin's write made a new article (version 1), or the replacement went first and the
// delete was refused (version 2). The article is never gone: the guard is checked in
// the delete's own transaction, not before it.
func testDeleteGuardRace(t *testing.T, open Opener) {
	s := open(t)
	const rounds = 6
	for r := range rounds {
		put(t, s, guarded(0, "alice", ""))
		var wg sync.WaitGroup
		var delErr, putErr error
		wg.Add(2)
		go func() {
			defer wg.Done()
			delErr = s.DeleteArticle(ctx(t), Article1, &graph.WriteGuard{Writer: "alice"})
		}()
		go func() {
			defer wg.Done()
			_, putErr = s.PutArticle(ctx(t), guarded(r+1, "root", ""))
		}()
		wg.Wait()
		require.NoError(t, putErr, "round %d", r)
		a, err := s.Article(ctx(t), Article1)
		require.NoError(t, err, "round %d: the admin's article is stored", r)
		assert.Equal(t, "root", a.Writer, "round %d", r)
		assert.Contains(t, a.Text, fmt.Sprintf("Closing line %d.", r+1), "round %d", r)
		if delErr == nil {
			assert.Equal(t, 1, a.Version, "round %d: deleted, then written anew", r)
		} else {
			requireCode(t, delErr, graph.EFORBIDDEN, "round %d", r)
			assert.Equal(t, 2, a.Version, "round %d: replaced, then the delete refused", r)
		}
		require.NoError(t, s.DeleteArticle(ctx(t), Article1, nil), "round %d: clean up", r)
	}
}

// testDeleteBatch deletes inside a batch: the batch sees the article gone at once,
// others only after the commit, and a failed batch deletes nothing.
func testDeleteBatch(t *testing.T, open Opener) {
	s := loaded(t, open)
	b, ok := s.(graph.Batcher)
	if !ok {
		t.Skip("the store does not implement graph.Batcher")
	}
	before := stats(t, s)
	boom := errors.New("the batch's work failed")
	for _, fail := range []bool{true, false} {
		err := b.Batch(ctx(t), func(ctx context.Context, tx graph.Store) error {
			if err := tx.DeleteArticle(ctx, Article1, nil); err != nil {
				return err
			}
			if _, err := tx.Article(ctx, Article1); graph.ErrorCode(err) != graph.ENOTFOUND {
				return fmt.Errorf("the batch still reads the deleted article (%v)", err)
			}
			if _, err := tx.Claim(ctx, ClaimDraft); graph.ErrorCode(err) != graph.ENOTFOUND {
				return fmt.Errorf("the batch still reads the deleted article's orphan claim (%v)", err)
			}
			if fail {
				return boom
			}
			return nil
		})
		if fail {
			require.ErrorIs(t, err, boom)
			assert.Equal(t, before, stats(t, s), "a failed batch deletes nothing")
			_, err := s.Claim(ctx(t), ClaimDraft)
			require.NoError(t, err)
			continue
		}
		require.NoError(t, err)
		_, err = s.Article(ctx(t), Article1)
		requireCode(t, err, graph.ENOTFOUND)
		assert.Equal(t, before.Articles-1, stats(t, s).Articles)
	}
}

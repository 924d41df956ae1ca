package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// testBatch checks graph.Batcher, for backends that implement it: reads through a
// batch's store see the batch's own writes with the answers a committed store gives
// (every index a search walks or checks included), nothing is visible outside before
// the commit, everything after it, and a batch whose function fails writes nothing.
func testBatch(t *testing.T, open Opener) {
	s := open(t)
	b, ok := s.(graph.Batcher)
	if !ok {
		t.Skip("the store does not implement graph.Batcher")
	}
	gen := GenerateArticles(30, 41)
	m := newModel(gen)

	boom := errors.New("the batch's work failed")
	err := b.Batch(ctx(t), func(ctx context.Context, tx graph.Store) error {
		for _, g := range gen[:5] {
			if _, err := tx.PutArticle(ctx, g); err != nil {
				return err
			}
		}
		return boom
	})
	require.ErrorIs(t, err, boom)
	assert.Equal(t, graph.Stats{}, stats(t, s), "a failed batch writes nothing")

	err = b.Batch(ctx(t), func(ctx context.Context, tx graph.Store) error {
		for _, g := range gen {
			res, err := tx.PutArticle(ctx, g)
			require.NoError(t, err)
			require.True(t, res.Created)
		}
		res, err := tx.PutArticle(ctx, gen[0])
		require.NoError(t, err)
		assert.False(t, res.Created, "the batch sees its own article")
		assert.Equal(t, graph.Stats{}, stats(t, s), "nothing is visible outside the batch before it commits")
		checkGenerated(t, tx, m, gen)
		checkSearches(t, tx, m, gen)
		return nil
	})
	require.NoError(t, err)
	checkGenerated(t, s, m, gen)
	checkSearches(t, s, m, gen)
}

// checkSearches compares claim searches by text (two words of a claim: one drives the
// search, the other is checked per candidate), by speaker, and by quantity, with the
// model.
func checkSearches(t *testing.T, s graph.Store, m *model, gen []*graph.ArticleGraph) {
	t.Helper()
	yes := true
	var queries []graph.ClaimQuery
	for _, g := range gen[:8] {
		for _, c := range g.Claims[:min(2, len(g.Claims))] {
			if ws := graph.Words(c.Text); len(ws) >= 2 {
				queries = append(queries, graph.ClaimQuery{Text: ws[0] + " " + ws[len(ws)-1]})
			}
		}
		for _, st := range g.Statements[:min(2, len(g.Statements))] {
			if st.SpeakerID != "" {
				queries = append(queries, graph.ClaimQuery{SpeakerID: st.SpeakerID, Sort: graph.SortByStatements})
				queries = append(queries, graph.ClaimQuery{SpeakerID: st.SpeakerID, HasQuantity: &yes})
			}
		}
	}
	require.NotEmpty(t, queries)
	for _, q := range queries {
		terms := graph.QueryTerms(q.Text)
		want := m.claimIDs(func(c graph.ClaimSummary) bool {
			return hasWords(c.Claim.Text, terms) &&
				(q.SpeakerID == "" || contains(c.SpeakerIDs, q.SpeakerID)) &&
				(q.HasQuantity == nil || len(c.Claim.Quantities) > 0)
		}, q.Sort == graph.SortByStatements)
		q.Page.Limit = graph.MaxPageSize
		page, err := s.SearchClaims(ctx(t), q)
		require.NoError(t, err)
		got := []string{}
		for _, it := range page.Items {
			got = append(got, it.Claim.ID)
		}
		if len(want) > graph.MaxPageSize {
			want = want[:graph.MaxPageSize]
		}
		assert.Equal(t, want, got, "search %+v", q)
	}
	checkBulkReads(t, s, queries, gen)
}

// checkBulkReads checks, for a graph.BulkReader, that its methods answer exactly as
// the single-item methods do: SearchClaimsText for the text searches of queries (and
// texts without terms, or with Lucene syntax) with pages short enough to be cut,
// AgentsByID for stored and unknown ids, ClaimsByCountedMany for every generated
// counted thing, an unknown one and an empty one, AgentsByName for stored names, their
// first words (pages cut at limit 1), unknown names, names without terms, names of
// many agents and a word too long for a full-text index.
func checkBulkReads(t *testing.T, s graph.Store, queries []graph.ClaimQuery, gen []*graph.ArticleGraph) {
	t.Helper()
	checkArticlesByID(t, s, gen)
	checkOutletsByID(t, s, gen)
	br, ok := s.(graph.BulkReader)
	if !ok {
		return
	}
	texts := []string{"?!", "gaza AND NOT", "a*"}
	for _, q := range queries {
		if q.Text != "" {
			texts = append(texts, q.Text, graph.Words(q.Text)[0])
		}
	}
	for _, limit := range []int{2, graph.MaxPageSize} {
		pages, err := br.SearchClaimsText(ctx(t), texts, limit)
		require.NoError(t, err)
		require.Len(t, pages, len(texts))
		for i, text := range texts {
			want, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: text, Page: graph.PageRequest{Limit: limit}})
			require.NoError(t, err)
			assert.Equal(t, want, pages[i], "text %q, limit %d", text, limit)
		}
	}

	ids := []string{"ag_nobody-stored"}
	for _, g := range gen[:6] {
		for _, a := range g.Agents {
			ids = append(ids, a.ID)
		}
	}
	agents, err := br.AgentsByID(ctx(t), ids)
	require.NoError(t, err)
	require.Len(t, agents, len(ids))
	for i, id := range ids {
		want, err := s.Agent(ctx(t), id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			assert.Nil(t, agents[i], "agent %s is not stored", id)
			continue
		}
		require.NoError(t, err)
		assert.Equal(t, want, agents[i])
	}

	keys := []graph.CountedKey{{Counted: "unicorns seen", Unit: "count"}, {Counted: "", Unit: "count"}}
	for _, c := range genCounted {
		keys = append(keys, graph.CountedKey{Counted: c, Unit: "count"})
	}
	for _, limit := range []int{3, graph.MaxPageSize} {
		got, err := br.ClaimsByCountedMany(ctx(t), keys, limit)
		require.NoError(t, err)
		require.Len(t, got, len(keys))
		for i, k := range keys {
			want, err := s.ClaimsByCounted(ctx(t), k.Counted, k.Unit, limit)
			require.NoError(t, err)
			assert.Equal(t, want, got[i], "counted %q, limit %d", k.Counted, limit)
		}
	}
	assert.NotEmpty(t, agents[1:], "stored agents were looked up")

	// (many matches, cut by the page; a word longer than a full-text index holds)
	names := []string{"", "nobody at all", "?!", "wire agency", strings.Repeat("w", 300)}
	for _, a := range agents[1:] {
		if a != nil {
			names = append(names, a.Name, graph.Words(a.Name)[0])
		}
	}
	for _, limit := range []int{1, graph.MaxPageSize} {
		pages, err := br.AgentsByName(ctx(t), names, limit)
		require.NoError(t, err)
		require.Len(t, pages, len(names))
		for i, name := range names {
			want, err := s.Agents(ctx(t), graph.AgentQuery{Name: name, Page: graph.PageRequest{Limit: limit}})
			require.NoError(t, err)
			assert.Equal(t, want, pages[i], "name %q, limit %d", name, limit)
		}
	}
}

// checkArticlesByID checks, for a graph.ArticlesReader, that ArticlesByID answers
// exactly as Article does, in the order asked, for stored ids (with their texts), an
// unknown id, an id asked twice and no ids at all.
func checkArticlesByID(t *testing.T, s graph.Store, gen []*graph.ArticleGraph) {
	t.Helper()
	ar, ok := s.(graph.ArticlesReader)
	if !ok {
		return
	}
	none, err := ar.ArticlesByID(ctx(t), nil)
	require.NoError(t, err)
	assert.Empty(t, none)

	ids := []string{"a_nothing-stored"}
	for _, g := range gen[:5] {
		ids = append(ids, g.Article.ID)
	}
	ids = append(ids, gen[2].Article.ID, "a_nothing-stored-either")
	got, err := ar.ArticlesByID(ctx(t), ids)
	require.NoError(t, err)
	require.Len(t, got, len(ids))
	stored := 0
	for i, id := range ids {
		want, err := s.Article(ctx(t), id)
		if graph.ErrorCode(err) == graph.ENOTFOUND {
			assert.Nil(t, got[i], "article %s is not stored", id)
			continue
		}
		require.NoError(t, err)
		stored++
		assert.Equal(t, want, got[i], "article %s", id)
		assert.NotEmpty(t, got[i].Text, "article %s comes with its text", id)
	}
	assert.Equal(t, 6, stored, "the five generated articles asked for (one twice) are stored")
}

// checkOutletsByID checks, for a graph.OutletsReader, that OutletsByID answers, in
// the order asked, the outlet ArticleGraph gives with each stored article (as first
// written), nil for an unknown id, the same for an id asked twice, and nothing for
// no ids.
func checkOutletsByID(t *testing.T, s graph.Store, gen []*graph.ArticleGraph) {
	t.Helper()
	or, ok := s.(graph.OutletsReader)
	if !ok {
		return
	}
	none, err := or.OutletsByID(ctx(t), nil)
	require.NoError(t, err)
	assert.Empty(t, none)

	want := map[string]*graph.Outlet{"o_nothing-stored": nil}
	ids := []string{"o_nothing-stored"}
	for _, g := range gen {
		stored, err := s.ArticleGraph(ctx(t), g.Article.ID)
		require.NoError(t, err)
		if o := stored.Outlet; o != nil {
			if _, seen := want[o.ID]; !seen {
				ids = append(ids, o.ID)
			}
			want[o.ID] = o
		}
	}
	require.Greater(t, len(ids), 2, "the generated articles name outlets")
	ids = append(ids, ids[1])
	got, err := or.OutletsByID(ctx(t), ids)
	require.NoError(t, err)
	require.Len(t, got, len(ids))
	for i, id := range ids {
		assert.Equal(t, want[id], got[i], "outlet %s", id)
	}
}

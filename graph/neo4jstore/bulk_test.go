package neo4jstore

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// snapshot reads back everything a corpus wrote, for comparing two ways of writing it.
type snapshot struct {
	Stats    graph.Stats
	Articles map[string]*graph.ArticleGraph
	Claims   map[string]*graph.ClaimDetail
	Agents   []graph.Agent
}

func takeSnapshot(t *testing.T, s *Store, gs []*graph.ArticleGraph) snapshot {
	t.Helper()
	ctx := context.Background()
	snap := snapshot{Articles: map[string]*graph.ArticleGraph{}, Claims: map[string]*graph.ClaimDetail{}}
	var err error
	snap.Stats, err = s.Stats(ctx)
	require.NoError(t, err)
	for _, g := range gs {
		ag, err := s.ArticleGraph(ctx, g.Article.ID)
		require.NoError(t, err)
		snap.Articles[g.Article.ID] = ag
		for _, c := range g.Claims {
			if _, ok := snap.Claims[c.ID]; !ok {
				snap.Claims[c.ID], err = s.Claim(ctx, c.ID)
				if graph.ErrorCode(err) == graph.ENOTFOUND {
					err = nil // a claim a replaced version alone stated is gone: nil in both snapshots
				}
				require.NoError(t, err)
			}
		}
	}
	for cursor := ""; ; {
		page, err := s.Agents(ctx, graph.AgentQuery{Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		snap.Agents = append(snap.Agents, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	return snap
}

func TestPutArticlesMatchesSequentialPutArticle(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	bulkChunk = 25
	t.Cleanup(func() { bulkChunk = MaxBulkArticles })
	gen := storetest.GenerateArticles(2*bulkChunk+10, 5) // three chunks

	// Distinct ids: one bulk write equals the model's expectations and the sequential writes.
	res, err := s.PutArticles(ctx, gen)
	require.NoError(t, err)
	require.Len(t, res, len(gen))
	for i, r := range res {
		assert.Equal(t, graph.WriteResult{ArticleID: gen[i].Article.ID, Created: true}, r)
	}
	bulk := takeSnapshot(t, s, gen)
	assert.Equal(t, storetest.ExpectedStats(gen), bulk.Stats)

	require.NoError(t, s.DeleteAll(ctx))
	for _, g := range gen {
		_, err := s.PutArticle(ctx, g)
		require.NoError(t, err)
	}
	assert.Equal(t, bulk, takeSnapshot(t, s, gen))

	// Writing them again changes nothing and creates nothing.
	res, err = s.PutArticles(ctx, gen)
	require.NoError(t, err)
	for _, r := range res {
		assert.False(t, r.Created)
	}
	assert.Equal(t, bulk, takeSnapshot(t, s, gen))
}

func TestPutArticlesReplacementsAndRepeats(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	bulkChunk = 16
	t.Cleanup(func() { bulkChunk = MaxBulkArticles })
	base := storetest.GenerateArticles(40, 9)
	// A second version of some articles (same ids, new text and records), and an id
	// repeated inside one call: the later version wins, as with PutArticle.
	v2 := storetest.GenerateArticles(40, 10)[:10]
	var mixed []*graph.ArticleGraph
	for i, g := range v2 {
		h := *graph.Canonical(g)
		h.Article.ID = base[i].Article.ID
		h.Article.URL = base[i].Article.URL
		for j := range h.Statements {
			h.Statements[j].ArticleID = h.Article.ID
			h.Statements[j].ID = graph.StatementID(h.Article.ID, h.Statements[j].ClaimID, h.Statements[j].Content)
		}
		for j := range h.Disputes {
			h.Disputes[j].ArticleID = h.Article.ID
		}
		mixed = append(mixed, &h)
	}
	calls := [][]*graph.ArticleGraph{base, append(append([]*graph.ArticleGraph{}, mixed...), base[:3]...)}

	var bulkRes [][]graph.WriteResult
	for _, c := range calls {
		res, err := s.PutArticles(ctx, c)
		require.NoError(t, err)
		bulkRes = append(bulkRes, res)
	}
	bulk := takeSnapshot(t, s, base)

	require.NoError(t, s.DeleteAll(ctx))
	for ci, c := range calls {
		for i, g := range c {
			r, err := s.PutArticle(ctx, g)
			require.NoError(t, err)
			assert.Equal(t, r, bulkRes[ci][i], "call %d bundle %d", ci, i)
		}
	}
	assert.Equal(t, bulk, takeSnapshot(t, s, base))
	assert.True(t, bulkRes[1][0].Created, "a changed text replaces the article")
	assert.True(t, bulkRes[1][len(mixed)].Created, "the repeated id goes back to the first version")
}

func TestPutArticlesInvalidWritesNothing(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	gen := storetest.GenerateArticles(5, 3)
	bad := *graph.Canonical(gen[3])
	bad.Article.Text = ""
	_, err := s.PutArticles(ctx, append(gen[:3:3], &bad))
	assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
	_, err = s.PutArticles(ctx, []*graph.ArticleGraph{gen[0], nil})
	assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, graph.Stats{}, st)
}

// TestLargeBundleInRuns checks writeLarge: bundles written in runs of a few records
// each (maxRunRecords lowered to 3) give the same store as bundles written in one run,
// and the counts the model expects.
func TestLargeBundleInRuns(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	gen := storetest.GenerateArticles(30, 11)
	write := func() snapshot {
		for _, g := range gen {
			res, err := s.PutArticle(ctx, g)
			require.NoError(t, err)
			require.True(t, res.Created)
		}
		return takeSnapshot(t, s, gen)
	}
	maxRunRecords = 3
	t.Cleanup(func() { maxRunRecords = MaxRunRecords })
	inRuns := write()
	assert.Equal(t, storetest.ExpectedStats(gen), inRuns.Stats)
	require.NoError(t, s.DeleteAll(ctx))
	maxRunRecords = MaxRunRecords
	assert.Equal(t, inRuns, write())
}

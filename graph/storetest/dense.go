package storetest

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// A dense article replaced by another dense version: the scenario of the densest 2
// MiB article (every statement a claim of its own, said by unnamed groups of the
// text) at a size the contract suite runs in its normal time. On a backend that
// writes in pieces and drops a replaced version in batches (Neo4j, and the embedded
// store in pieces) it spans several of each when the suite lowers the piece size.

// DenseStatements is how many statements (each of its own claim) the contract's
// dense article has.
const DenseStatements = 240

// denseGroups are the unnamed groups that say the dense article's claims: scoped
// agents of the text (graph.ArticleScopedAgentID).
var denseGroups = []string{"observers", "residents", "officials", "analysts", "witnesses"}

// DenseArticle is version v of a dense article id with n statements: sentence i is
// "<group> said dense claim v<v> number <i> holds.", each of its own claim, said by
// one of denseGroups (scoped agents of this text, mentioned where they speak); then
// Waltz says the shared claim (sharedDenseClaim), and officials deny claim 0.
// Versions share no claim, statement or scoped agent but the shared claim and Waltz.
func DenseArticle(id string, v, n int) *graph.ArticleGraph {
	return denseArticle(id, v, n, 0)
}

// DenseArticleSharing is DenseArticle(id, v, n) with k more sentences before Waltz's:
// the claims of version 1's first k sentences ("dense claim v1 number i holds", said
// by the same groups), so that version v states k claims of version 1 that no other
// article states, at other places of its text. Its statements of them are its own.
func DenseArticleSharing(id string, v, n, k int) *graph.ArticleGraph {
	return denseArticle(id, v, n, k)
}

func denseArticle(id string, v, n, k int) *graph.ArticleGraph {
	var b strings.Builder
	type sent struct{ group, content, sentence, cue string }
	var sents []sent
	for i := range n {
		g := denseGroups[i%len(denseGroups)]
		sents = append(sents, sent{g, fmt.Sprintf("dense claim v%d number %d holds", v, i), "", "said"})
	}
	for i := range k {
		g := denseGroups[i%len(denseGroups)]
		sents = append(sents, sent{g, fmt.Sprintf("dense claim v1 number %d holds", i), "", "said"})
	}
	pos := func() int { return utf8.RuneCountInString(b.String()) }
	text := func() string { return b.String() }
	type at struct{ start, cue, content, end int }
	var spans []at
	for _, s := range sents {
		var a at
		a.start = pos()
		b.WriteString(strings.ToUpper(s.group[:1]) + s.group[1:] + " ")
		a.cue = pos()
		b.WriteString("said ")
		a.content = pos()
		b.WriteString(s.content)
		a.end = pos()
		b.WriteString(". ")
		spans = append(spans, a)
	}
	waltzAt := pos()
	b.WriteString("Waltz said " + sharedDenseClaim + ". ")
	denyAt := pos()
	b.WriteString(fmt.Sprintf("Officials denied that dense claim v%d number 0 holds.", v))
	t := text()
	scoped := map[string]string{}
	for _, g := range denseGroups {
		scoped[g] = graph.ArticleScopedAgentID(g, t)
	}
	out := &graph.ArticleGraph{Article: graph.Article{ID: id, URL: "https://dense.example/" + id, Title: "Dense", Text: t, ContentHash: graph.ContentHash(t)}}
	for _, g := range denseGroups {
		out.Agents = append(out.Agents, graph.Agent{ID: scoped[g], Kind: graph.KindGroup, Name: g})
	}
	out.Agents = append(out.Agents, agent(AgentWaltz))
	for i, s := range sents {
		text := graph.NormalizeClaimText(s.content)
		c := graph.Claim{ID: graph.ClaimID(text), Text: text, Kind: graph.ClaimReportedSpeech, Modality: graph.ModalityAsserted}
		out.Claims = append(out.Claims, c)
		a := spans[i]
		content := graph.Span{Start: a.content, End: a.end}
		out.Statements = append(out.Statements, graph.Statement{
			ID: graph.StatementID(id, c.ID, content), ClaimID: c.ID, ArticleID: id, SpeakerID: scoped[s.group],
			Kind: graph.SpeechReported, Cue: graph.Span{Start: a.cue, End: a.cue + 4}, Content: content,
			Sentence: graph.Span{Start: a.start, End: a.end + 1}, Confidence: 0.9,
		})
		out.Mentions = append(out.Mentions, graph.Mention{AgentID: scoped[s.group], Span: graph.Span{Start: a.start, End: a.start + len(s.group)}})
	}
	shared := SharedDenseClaim()
	out.Claims = append(out.Claims, shared)
	content := graph.Span{Start: waltzAt + len("Waltz said "), End: waltzAt + len("Waltz said ") + len(sharedDenseClaim)}
	out.Statements = append(out.Statements, graph.Statement{
		ID: graph.StatementID(id, shared.ID, content), ClaimID: shared.ID, ArticleID: id, SpeakerID: AgentWaltz,
		Kind: graph.SpeechReported, Cue: graph.Span{Start: waltzAt + 6, End: waltzAt + 10}, Content: content,
		Sentence: graph.Span{Start: waltzAt, End: content.End + 1}, Confidence: 0.9,
	})
	out.Mentions = append(out.Mentions, graph.Mention{AgentID: AgentWaltz, Span: graph.Span{Start: waltzAt, End: waltzAt + 5}},
		graph.Mention{AgentID: scoped["officials"], Span: graph.Span{Start: denyAt, End: denyAt + len("Officials")}})
	cue := graph.Span{Start: denyAt + len("Officials "), End: denyAt + len("Officials denied")}
	out.Disputes = []graph.Dispute{{
		ID: graph.DisputeID(id, cue, scoped["officials"], out.Claims[0].ID, scoped[sents[0].group]), ArticleID: id,
		DisputerID: scoped["officials"], ClaimID: out.Claims[0].ID, TargetAgentID: scoped[sents[0].group],
		Kind: graph.DisputeDenies, Cue: cue, Sentence: graph.Span{Start: denyAt, End: utf8.RuneCountInString(t)}, Confidence: 0.8,
	}}
	return out
}

// sharedDenseClaim is the claim every version of the dense article states, and
// denseNeighbour too.
const sharedDenseClaim = "the shared dense claim stands"

// SharedDenseClaim is the claim of sharedDenseClaim.
func SharedDenseClaim() graph.Claim {
	text := graph.NormalizeClaimText(sharedDenseClaim)
	return graph.Claim{ID: graph.ClaimID(text), Text: text, Kind: graph.ClaimReportedSpeech, Modality: graph.ModalityAsserted}
}

// DenseNeighbour is another article that states the shared claim.
func DenseNeighbour() *graph.ArticleGraph {
	text := "Waltz said " + sharedDenseClaim + "."
	id := "a_dense_neighbour"
	shared := SharedDenseClaim()
	return &graph.ArticleGraph{
		Article:    graph.Article{ID: id, URL: "https://dense.example/neighbour", Text: text, ContentHash: graph.ContentHash(text)},
		Agents:     []graph.Agent{agent(AgentWaltz)},
		Claims:     []graph.Claim{shared},
		Statements: []graph.Statement{Stmt(id, text, shared.ID, AgentWaltz, nil, graph.SpeechReported, "said", sharedDenseClaim, text)},
		Mentions:   []graph.Mention{Mention(text, AgentWaltz, "Waltz")},
	}
}

// testDenseReplace writes a dense article, replaces it with another dense version
// (every claim, statement and scoped agent new), deletes it, then empties the store:
// after each step the store holds exactly what it should (counts), nothing of the
// old version is found (claims by id, by search, scoped agents), and the aggregates
// of the new claims and of the claim shared with another article are right.
func testDenseReplace(t *testing.T, open Opener) {
	s := open(t)
	const id = "a_dense"
	n := DenseStatements
	put(t, s, DenseNeighbour())
	v1, v2 := DenseArticle(id, 1, n), DenseArticle(id, 2, n)
	require.True(t, put(t, s, v1).Created)
	base := graph.Stats{Articles: 2, Outlets: 0, Agents: 1 + len(denseGroups), Claims: n + 1, Statements: n + 2, Disputes: 1, Mentions: n + 3}
	assert.Equal(t, base, stats(t, s), "the first version")

	require.True(t, put(t, s, v2).Created, "a new text is a new version")
	assert.Equal(t, base, stats(t, s), "the second version replaced the first: the same counts, none of the first's left")
	a, err := s.Article(ctx(t), id)
	require.NoError(t, err)
	assert.Equal(t, v2.Article.ContentHash, a.ContentHash)
	assert.Equal(t, 2, a.Version)
	for _, i := range []int{0, 1, n / 2, n - 1} {
		_, err := s.Claim(ctx(t), v1.Claims[i].ID)
		requireCode(t, err, graph.ENOTFOUND, "the first version's claim %d", i)
	}
	for _, q := range []string{"v1", "dense claim v1 number 7 holds"} {
		assert.Empty(t, claimIDs(searchAll(t, s, q)), "searching %q finds none of the first version's claims", q)
	}
	found := searchAll(t, s, "v2")
	assert.Equal(t, n, len(found), "every claim of the second version is found")
	for _, c := range found {
		assert.Equal(t, 1, c.Statements, c.Claim.ID)
		assert.Equal(t, []string{id}, c.ArticleIDs, c.Claim.ID)
		require.Len(t, c.SpeakerIDs, 1, c.Claim.ID)
		assert.True(t, graph.IsArticleScopedAgentID(c.SpeakerIDs[0]), c.Claim.ID)
	}
	for _, g := range denseGroups {
		_, err := s.Agent(ctx(t), graph.ArticleScopedAgentID(g, v1.Article.Text))
		requireCode(t, err, graph.ENOTFOUND, "the first version's %s", g)
		_, err = s.Agent(ctx(t), graph.ArticleScopedAgentID(g, v2.Article.Text))
		require.NoError(t, err, "the second version's %s", g)
	}
	disputed, err := s.Claim(ctx(t), v2.Claims[0].ID)
	require.NoError(t, err)
	assert.Len(t, disputed.Statements, 1)
	sum := summaryOf(t, s, SharedDenseClaim().ID)
	assert.Equal(t, 2, sum.Statements, "the shared claim: the neighbour's statement and the second version's")
	assert.Equal(t, sorted(id, "a_dense_neighbour"), sum.ArticleIDs)
	sum = summaryOf(t, s, v2.Claims[0].ID)
	assert.Equal(t, 1, sum.Disputes, "claim 0 of the second version, disputed by its officials")
	got, err := s.ArticleGraph(ctx(t), id)
	require.NoError(t, err)
	assert.Len(t, got.Statements, n+1)
	assert.Len(t, got.Claims, n+1)
	assert.Len(t, got.Mentions, n+2)

	require.NoError(t, s.DeleteArticle(ctx(t), id, nil))
	assert.Equal(t, graph.Stats{Articles: 1, Agents: 1, Claims: 1, Statements: 1, Mentions: 1}, stats(t, s), "the dense article deleted")
	sum = summaryOf(t, s, SharedDenseClaim().ID)
	assert.Equal(t, 1, sum.Statements)
	assert.Equal(t, []string{"a_dense_neighbour"}, sum.ArticleIDs)
	assert.Empty(t, claimIDs(searchAll(t, s, "number")), "no claim of a deleted version is found")

	// DeleteAll, where the backend has it (Neo4j: in bounded transactions).
	if d, ok := s.(interface{ DeleteAll(context.Context) error }); ok {
		require.True(t, put(t, s, v1).Created)
		require.NoError(t, d.DeleteAll(ctx(t)))
		assert.Equal(t, graph.Stats{}, stats(t, s), "DeleteAll after a dense article")
	}
}

// searchAll returns every claim a text search of q finds, page after page.
func searchAll(t *testing.T, s graph.Store, q string) []graph.ClaimSummary {
	t.Helper()
	var out []graph.ClaimSummary
	cursor := ""
	for {
		page, err := s.SearchClaims(ctx(t), graph.ClaimQuery{Text: q, Page: graph.PageRequest{Limit: 100, Cursor: cursor}})
		require.NoError(t, err)
		out = append(out, page.Items...)
		if page.NextCursor == "" {
			return out
		}
		cursor = page.NextCursor
	}
}

// summaryOf finds claim id's summary by a search of its text.
func summaryOf(t *testing.T, s graph.Store, id string) graph.ClaimSummary {
	t.Helper()
	c, err := s.Claim(ctx(t), id)
	require.NoError(t, err)
	for _, x := range searchAll(t, s, c.Claim.Text) {
		if x.Claim.ID == id {
			return x
		}
	}
	t.Fatalf("claim %s not found by its text", id)
	return graph.ClaimSummary{}
}

// testReadsDuringReplace replaces the dense article (DenseArticle, version 1 by
// version 2) while two readers read it (Article, then ArticleGraph) over and over:
// no read finds it missing, and each is one version whole (its text's hash, and
// every statement, claim, dispute and link id of that version, and its mentions'
// count). A backend that writes in pieces or switches in two transactions (the
// contract's variants on both stores) must keep the old version readable until the
// new one is whole.
func testReadsDuringReplace(t *testing.T, open Opener) {
	s := open(t)
	const id = "a_dense"
	n := DenseStatements
	put(t, s, DenseNeighbour())
	v1, v2 := DenseArticle(id, 1, n), DenseArticle(id, 2, n)
	require.True(t, put(t, s, v1).Created)

	done := make(chan struct{})
	errs := make(chan error, 4)
	reads := make(chan [2]int, 2)
	for range 2 {
		go func() {
			var seen [2]int
			defer func() { reads <- seen }()
			for {
				select {
				case <-done:
					return
				default:
				}
				if _, err := s.Article(context.Background(), id); err != nil {
					errs <- fmt.Errorf("Article: %w", err)
					return
				}
				g, err := s.ArticleGraph(context.Background(), id)
				if err != nil {
					errs <- fmt.Errorf("ArticleGraph: %w", err)
					return
				}
				want, which := v1, 0
				if g.Article.ContentHash == v2.Article.ContentHash {
					want, which = v2, 1
				}
				if err := WholeVersion(g, want, n); err != nil {
					errs <- err
					return
				}
				seen[which]++
			}
		}()
	}
	res, err := s.PutArticle(ctx(t), v2)
	close(done)
	require.NoError(t, err)
	require.True(t, res.Created)
	var total [2]int
	for range 2 {
		r := <-reads
		total[0] += r[0]
		total[1] += r[1]
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	t.Logf("reads during the replacement: %d of version 1, %d of version 2", total[0], total[1])
	g, err := s.ArticleGraph(ctx(t), id)
	require.NoError(t, err)
	require.NoError(t, WholeVersion(g, v2, n))
}

// WholeVersion reports whether got, an article graph read from a store, is version v
// of the dense article with n statements (DenseArticle), whole: the text's hash, the
// ids of every statement, claim, dispute and link, and the mentions' count.
func WholeVersion(got, v *graph.ArticleGraph, n int) error {
	ids := func(g *graph.ArticleGraph) [4][]string {
		var out [4][]string
		for _, x := range g.Statements {
			out[0] = append(out[0], x.ID)
		}
		for _, x := range g.Claims {
			out[1] = append(out[1], x.ID)
		}
		for _, x := range g.Disputes {
			out[2] = append(out[2], x.ID)
		}
		for _, x := range g.Links {
			out[3] = append(out[3], x.ID)
		}
		for i := range out {
			sort.Strings(out[i])
		}
		return out
	}
	want := graph.Canonical(v)
	switch {
	case got.Article.ContentHash != v.Article.ContentHash:
		return fmt.Errorf("read the text %s, not the dense article's %s", got.Article.ContentHash, v.Article.ContentHash)
	case len(got.Statements) != n+1:
		return fmt.Errorf("read %d statements of a version, want %d", len(got.Statements), n+1)
	case !reflect.DeepEqual(ids(want), ids(got)):
		return fmt.Errorf("read the ids %v, want %v", ids(got), ids(want))
	case len(got.Mentions) != len(want.Mentions):
		return fmt.Errorf("read %d mentions, want %d", len(got.Mentions), len(want.Mentions))
	}
	return nil
}

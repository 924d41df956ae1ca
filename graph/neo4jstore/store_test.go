package neo4jstore

import (
	"context"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want Config
	}{
		{"defaults", map[string]string{}, Config{Database: "neo4j"}},
		{"all set", map[string]string{"NEO4J_URI": " bolt://db:7687 ", "NEO4J_USER": "u", "NEO4J_PASSWORD": "p", "NEO4J_DATABASE": "claims"},
			Config{URI: "bolt://db:7687", User: "u", Password: "p", Database: "claims"}},
		{"routing uri", map[string]string{"NEO4J_URI": "neo4j://db"}, Config{URI: "neo4j://db", Database: "neo4j"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ConfigFromEnv(func(k string) string { return tt.env[k] })
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestConfigStringMasksPassword(t *testing.T) {
	c := Config{URI: "bolt://h:7687", User: "neo4j", Password: "s3cret-Pa55"}
	s := c.String()
	assert.NotContains(t, s, "s3cret-Pa55")
	assert.Contains(t, s, "*****")
	assert.Contains(t, s, "bolt://h:7687")
	assert.Contains(t, s, `database="neo4j"`)
	assert.NotContains(t, Config{URI: "bolt://h"}.String(), "*****", "no password, nothing to mask")
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		uri     string
		wantErr string
	}{
		{"bolt://127.0.0.1:7687", ""},
		{"neo4j://localhost", ""},
		{"neo4j+s://db.example:7687", ""},
		{"", "NEO4J_URI is empty"},
		{"http://127.0.0.1:7474", "scheme"},
		{"bolt://", "no host"},
		{"bolt://user:pw@host:7687", "credentials"},
		{"127.0.0.1:7687", "not a URI"},
		{"localhost", "scheme"},
	}
	for _, tt := range tests {
		t.Run(tt.uri, func(t *testing.T) {
			err := Config{URI: tt.uri}.validate()
			if tt.wantErr == "" {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestEscapeLucene(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"a+b", `a\+b`},
		{`x:y`, `x\:y`},
		{`(1) [2] {3}`, `\(1\) \[2\] \{3\}`},
		{`"quoted"~2^3*?`, `\"quoted\"\~2\^3\*\?`},
		{`a && b || !c`, `a \&\& b \|\| \!c`},
		{`back\slash/slash-dash`, `back\\slash\/slash\-dash`},
		{"ünïcödé", "ünïcödé"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, EscapeLucene(tt.in))
		})
	}
	assert.Equal(t, `+gaza +\-5`, luceneAllTerms([]string{"gaza", "-5"}))
	assert.Equal(t, "", luceneAllTerms(nil))
}

func TestLabelOf(t *testing.T) {
	tests := map[string]string{
		graph.AgentID("Jane Roe"):   graph.LabelAgent,
		graph.ArticleID("", "x"):    graph.LabelArticle,
		graph.OutletID("AP"):        graph.LabelOutlet,
		graph.ClaimID("x"):          graph.LabelClaim,
		"s_0123":                    graph.LabelStatement,
		"d_0123":                    graph.LabelDispute,
		graph.LinkID("a", "b", "k"): "",
		"zzz":                       "",
	}
	for id, want := range tests {
		assert.Equal(t, want, labelOf(id), id)
	}
}

// freePort returns a loopback port that nothing listens on.
func freePort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

func TestNewUnreachable(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	uri := "bolt://" + freePort(t)
	_, err := New(ctx, Config{URI: uri})
	require.Error(t, err)
	assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
	assert.Contains(t, err.Error(), uri)
	assert.Contains(t, err.Error(), "make neo4j-up")
}

func TestNewInvalidURI(t *testing.T) {
	_, err := New(context.Background(), Config{URI: "http://127.0.0.1:7474"})
	assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
}

func TestSchemaIsIdempotent(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	require.NoError(t, s.ensureSchema(ctx, indexWait), "second schema creation")
	recs, err := s.query(ctx, `SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes[0] AS label, properties[0] AS prop, type ORDER BY label`, nil)
	require.NoError(t, err)
	var labels []string
	for _, r := range recs {
		label := r.Values[0].(string)
		labels = append(labels, label)
		key := "id"
		switch label {
		case labelCounted:
			key = "key"
		case labelPendingWrite: // one write in pieces per article (pieces.go)
			key = "article_id"
		}
		assert.Equal(t, key, r.Values[1], label)
		assert.Equal(t, "UNIQUENESS", r.Values[2])
	}
	assert.Equal(t, []string{"Agent", "Article", labelAudit, "Claim", labelSchema, labelCounted, "Dispute", labelJob, "Outlet", labelPendingWrite, "Statement"}, labels)
	recs, err = s.query(ctx, `SHOW FULLTEXT INDEXES YIELD name, state, labelsOrTypes, properties, options
RETURN name, state, labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] ORDER BY name`, nil)
	require.NoError(t, err)
	require.Len(t, recs, 2)
	assert.Equal(t, []any{cyAgentNameIndex, "ONLINE", []any{"Agent"}, []any{"names"}, "whitespace"}, recs[0].Values)
	assert.Equal(t, []any{"claim_words", "ONLINE", []any{"Claim"}, []any{"words"}, "whitespace"}, recs[1].Values)
}

func TestPing(t *testing.T) {
	s := newTestStore(t)
	require.NoError(t, s.Ping(context.Background()))
}

func TestPutArticleRoundTripAndIdempotence(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	g := genArticle(1, "first")

	res, err := s.PutArticle(ctx, g)
	require.NoError(t, err)
	assert.Equal(t, graph.WriteResult{ArticleID: g.Article.ID, Created: true}, res)
	st1, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, graph.Stats{Articles: 1, Outlets: 1, Agents: 4, Claims: 3, Statements: 3, Disputes: 1, Links: 1, Mentions: 2}, st1)

	got, err := s.ArticleGraph(ctx, g.Article.ID)
	require.NoError(t, err)
	assert.Equal(t, graph.Canonical(g), got)

	res, err = s.PutArticle(ctx, g)
	require.NoError(t, err)
	assert.False(t, res.Created, "same content hash: nothing written")
	st2, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, st1, st2)
}

func TestPutArticleReplacesChangedArticle(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	_, err := s.PutArticle(ctx, genArticle(1, "first"))
	require.NoError(t, err)
	v2 := genArticle(1, "second version of the text")
	v2.Statements = v2.Statements[:1]
	v2.Disputes = nil
	v2.Links = nil
	v2.Mentions = v2.Mentions[:1]
	res, err := s.PutArticle(ctx, v2)
	require.NoError(t, err)
	assert.True(t, res.Created)
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	// Shared nodes stay (agents, outlet, and the claims v2 still lists); the article's own records are replaced.
	assert.Equal(t, graph.Stats{Articles: 1, Outlets: 1, Agents: 4, Claims: 3, Statements: 1, Disputes: 0, Links: 0, Mentions: 1}, st)
	got, err := s.ArticleGraph(ctx, v2.Article.ID)
	require.NoError(t, err)
	want := graph.Canonical(v2)
	want.Article.Version = 2
	want.Article.PreviousVersions = []graph.ArticleVersion{{Version: 1, ContentHash: graph.ContentHash(genArticle(1, "first").Article.Text)}}
	assert.Equal(t, want.Article, got.Article)
	assert.Equal(t, want.Statements, got.Statements)
	assert.Empty(t, got.Disputes)
	assert.NotNil(t, got.Disputes)
}

func TestPutArticleInvalid(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	bad := genArticle(1, "x")
	bad.Statements[0].ClaimID = "c_missing"
	tests := []struct {
		name string
		g    *graph.ArticleGraph
	}{{"nil", nil}, {"dangling claim", bad}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.PutArticle(ctx, tt.g)
			assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
		})
	}
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, graph.Stats{}, st, "nothing written")
}

func TestMergesAgentsAndKeepsFirstClaim(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		_, err := s.PutArticle(ctx, genArticle(i, "x"))
		require.NoError(t, err)
	}
	roe, err := s.Agent(ctx, graph.AgentID("Jane Roe"))
	require.NoError(t, err)
	assert.Equal(t, []string{"minister 0", "minister 1", "minister 2"}, roe.Roles)
	assert.Equal(t, []string{"Roe"}, roe.Aliases)

	_, err = s.Agent(ctx, "ag_nobody")
	assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))

	shared, err := s.Claim(ctx, graph.ClaimID("aid deliveries have resumed"))
	require.NoError(t, err)
	require.Len(t, shared.Statements, 3)
	for i := 1; i < 3; i++ {
		assert.LessOrEqual(t, shared.Statements[i-1].ArticleID, shared.Statements[i].ArticleID)
	}
}

func TestSearchClaimsText(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	for i := 0; i < 3; i++ {
		_, err := s.PutArticle(ctx, genArticle(i, "x"))
		require.NoError(t, err)
	}
	tests := []struct {
		text string
		want int
	}{
		{"ceasefire", 3},
		{"CEASEFIRE holding", 3},
		{"ceasefire sector 1", 1},
		{"ceasefire resumed", 0},
		{"cease", 0}, // whole words only
		{"aid+deliveries", 1},
		{`"aid" (deliveries)`, 1},
		{"?!", 7}, // no terms: no filter (3 own claims, 1 shared, 3 statistics)
		{"displaced AND", 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			page, err := s.SearchClaims(ctx, graph.ClaimQuery{Text: tt.text})
			require.NoError(t, err)
			assert.Len(t, page.Items, tt.want)
		})
	}
}

// TestSearchClaimsBeyondLucene covers searches the full-text index cannot answer
// exactly (a word longer than its tokenizer keeps, more terms than a query may hold):
// they are answered by comparing words directly, with the same meaning.
func TestSearchClaimsBeyondLucene(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	long := strings.Repeat("x", 300)
	g, c := longWordArticle(long)
	_, err := s.PutArticle(ctx, g)
	require.NoError(t, err)

	many := make([]string, 0, luceneMaxClauses+1)
	for i := 0; i <= luceneMaxClauses; i++ {
		many = append(many, fmt.Sprintf("w%d", i))
	}
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"long word", long, []string{c.ID}},
		{"long word and another", long + " word", []string{c.ID}},
		{"long word, absent other", long + " nothing", []string{}},
		{"prefix of the long word", long[:299], []string{}},
		{"too many terms", strings.Join(many, " "), []string{}},
		{"long word among short ones", "word is a " + long, []string{c.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.SearchClaims(ctx, graph.ClaimQuery{Text: tt.text})
			require.NoError(t, err)
			ids := []string{}
			for _, it := range page.Items {
				ids = append(ids, it.Claim.ID)
			}
			assert.Equal(t, tt.want, ids)
		})
	}
	assert.False(t, luceneSafe(many))
	assert.False(t, luceneSafe([]string{long}))
	assert.True(t, luceneSafe([]string{"word", long[:255]}))
}

// longWordArticle is genArticle(1) with one more claim, "LONG is a word".
func longWordArticle(long string) (*graph.ArticleGraph, graph.Claim) {
	g := genArticle(1, long)
	text := "officials said " + long + " is a word"
	g.Article.Text += " " + text
	g.Article.ContentHash = graph.ContentHash(g.Article.Text)
	c := graph.Claim{ID: graph.ClaimID(long + " is a word"), Text: long + " is a word", Kind: graph.ClaimReportedSpeech}
	g.Claims = append(g.Claims, c)
	content := span(g.Article.Text, c.Text)
	g.Statements = append(g.Statements, graph.Statement{ID: graph.StatementID(g.Article.ID, c.ID, content), ClaimID: c.ID,
		ArticleID: g.Article.ID, Kind: graph.SpeechReported, Content: content, Cue: span(g.Article.Text, "officials said"),
		Sentence: content, Confidence: 1})
	return g, c
}

func TestSearchClaimsPagingBySortOrders(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	for i := 0; i < 4; i++ {
		_, err := s.PutArticle(ctx, genArticle(i, "x"))
		require.NoError(t, err)
	}
	for _, sort := range []graph.ClaimSort{"", graph.SortByID, graph.SortByStatements} {
		t.Run(string(sort), func(t *testing.T) {
			var ids []string
			var counts []int
			cursor := ""
			for pages := 0; ; pages++ {
				require.Less(t, pages, 20)
				page, err := s.SearchClaims(ctx, graph.ClaimQuery{Sort: sort, Page: graph.PageRequest{Cursor: cursor, Limit: 2}})
				require.NoError(t, err)
				require.NotEmpty(t, page.Items)
				for _, it := range page.Items {
					ids = append(ids, it.Claim.ID)
					counts = append(counts, it.Statements)
				}
				if page.NextCursor == "" {
					break
				}
				cursor = page.NextCursor
			}
			assert.Len(t, ids, 9)
			if sort == graph.SortByStatements {
				assert.Equal(t, 4, counts[0], "the shared claim first")
				for i := 1; i < len(ids); i++ {
					assert.True(t, counts[i-1] > counts[i] || (counts[i-1] == counts[i] && ids[i-1] < ids[i]))
				}
			} else {
				assert.IsIncreasing(t, ids)
			}
		})
	}
	_, err := s.SearchClaims(ctx, graph.ClaimQuery{Sort: "bogus"})
	assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
	_, err = s.SearchClaims(ctx, graph.ClaimQuery{Page: graph.PageRequest{Cursor: "%%%"}})
	assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
}

func TestContextCancelledIsUnavailable(t *testing.T) {
	s := newTestStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := s.PutArticle(ctx, genArticle(1, "x"))
	require.Error(t, err)
	assert.Equal(t, graph.EUNAVAILABLE, graph.ErrorCode(err))
	st, err := s.Stats(context.Background())
	require.NoError(t, err)
	assert.Zero(t, st.Articles, "a cancelled write leaves nothing")
}

func TestStringHasNoSecrets(t *testing.T) {
	cfg := Config{URI: "bolt://x", User: "u", Password: "pw-" + strings.Repeat("z", 8)}
	assert.NotContains(t, cfg.String(), cfg.Password)
}

// TestConcurrentWritesKeepAggregates writes articles that share one claim (and nothing
// else: no agent or outlet locks serialize them) from many goroutines at once, past the
// point where Neo4j stores the claim as a dense node: the claim's aggregates must count
// every statement.
func TestConcurrentWritesKeepAggregates(t *testing.T) {
	s := newTestStore(t)
	ctx := context.Background()
	shared := "aid deliveries have resumed"
	claim := graph.Claim{ID: graph.ClaimID(shared), Text: shared, Kind: graph.ClaimAssertion}
	bundle := func(i int) *graph.ArticleGraph {
		text := fmt.Sprintf("Report %d: %s.", i, shared)
		aid := graph.ArticleID(fmt.Sprintf("https://concurrent.example/%d", i), text)
		content := span(text, shared)
		return &graph.ArticleGraph{
			Article: graph.Article{ID: aid, Text: text, ContentHash: graph.ContentHash(text)},
			Claims:  []graph.Claim{claim},
			Statements: []graph.Statement{{ID: graph.StatementID(aid, claim.ID, content), ClaimID: claim.ID, ArticleID: aid,
				Kind: graph.SpeechNone, Content: content, Sentence: content, Confidence: 1}},
		}
	}
	const writers, each = 8, 12
	errs := make(chan error, writers*each)
	var wg sync.WaitGroup
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < each; k++ {
				_, err := s.PutArticle(ctx, bundle(w*each+k))
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	page, err := s.SearchClaims(ctx, graph.ClaimQuery{Text: shared})
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, writers*each, page.Items[0].Statements)
	assert.Len(t, page.Items[0].ArticleIDs, writers*each)
}

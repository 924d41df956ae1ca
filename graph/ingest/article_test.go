package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/storetest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seed returns a built-in corpus article by id.
func seed(t *testing.T, id string) graph.ArticleInput {
	t.Helper()
	arts, err := corpus.Default()
	require.NoError(t, err)
	for _, a := range arts {
		if a.ID == id {
			return a.Input()
		}
	}
	t.Fatalf("no built-in article %s", id)
	return graph.ArticleInput{}
}

// tollClaim finds the stored claim carrying the 68,800 count.
func tollClaim(t *testing.T, s graph.Store) graph.Claim {
	t.Helper()
	page, err := s.SearchClaims(t.Context(), graph.ClaimQuery{Text: "68,800", Page: graph.PageRequest{Limit: 10}})
	require.NoError(t, err)
	require.Len(t, page.Items, 1, "one claim carries the 68,800 count")
	return page.Items[0].Claim
}

// TestIngestArticlesEndToEnd runs the real extractor: the seed article with the Health
// Ministry's count, then another outlet's article in which Israel disputes the
// ministry's figures and the Israeli military gives a lower count.
func TestIngestArticlesEndToEnd(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	ctx := t.Context()

	a, err := in.Ingest(ctx, seed(t, "gaza-un-stabilization-force-draft"))
	require.NoError(t, err)
	assert.True(t, a.Created)
	assert.NotEmpty(t, a.Claims)
	toll := tollClaim(t, s)

	b := graph.ArticleInput{
		Name: "toll-dispute", URL: "https://ledger.example/2025/11/10/toll", Outlet: "Daily Ledger",
		Published: graph.Date{Value: "2025-11-10", Precision: graph.PrecisionDay},
		Text:      "Israel disputes the Health Ministry's figures. The Israeli military said about 52,000 Palestinians have been killed, most of them militants.",
	}
	rb, err := in.Ingest(ctx, b)
	require.NoError(t, err)
	assert.Equal(t, 1, rb.LinkedDisputes, "Israel's dispute of the ministry's figures reaches the count of the other article")
	assert.Equal(t, 1, rb.LinksMade, "the lower count conflicts with the ministry's")

	c, err := s.Contradictions(ctx, toll.ID)
	require.NoError(t, err)
	var disputers []string
	for _, d := range c.Disputes {
		disputers = append(disputers, d.Disputer.ID+"@"+d.Article.ID)
	}
	assert.Contains(t, disputers, graph.AgentID("Israel")+"@"+a.ArticleID, "the seed's own dispute")
	assert.Contains(t, disputers, graph.AgentID("Israel")+"@"+rb.ArticleID, "the dispute across articles")
	require.Len(t, c.Conflicts, 1)
	assert.Contains(t, c.Conflicts[0].Link.Reason, "more than 68,800")
	assert.Contains(t, c.Conflicts[0].Link.Reason, "about 52,000")
	assert.Contains(t, c.Conflicts[0].Link.Reason, "(Gaza’s Health Ministry)", "the reason names the speakers the extractor found")

	// idempotent: the same articles again change nothing
	before := stats(t, s)
	for _, art := range []graph.ArticleInput{seed(t, "gaza-un-stabilization-force-draft"), b} {
		r, err := in.Ingest(ctx, art)
		require.NoError(t, err)
		assert.False(t, r.Created)
	}
	assert.Equal(t, before, stats(t, s))
}

func TestIngestWholeCorpusIdempotent(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	seeds, err := corpus.Default()
	require.NoError(t, err)
	arts := corpus.Inputs(seeds)
	for _, a := range arts {
		_, err := in.Ingest(t.Context(), a)
		require.NoError(t, err, a.Name)
	}
	first := stats(t, s)
	assert.Equal(t, len(arts), first.Articles)
	for _, a := range arts {
		r, err := in.Ingest(t.Context(), a)
		require.NoError(t, err)
		assert.False(t, r.Created)
	}
	assert.Equal(t, first, stats(t, s))
}

func TestIngestRejectsInvalidArticles(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	tests := []struct {
		name string
		a    graph.ArticleInput
		want string
	}{
		{"empty text", graph.ArticleInput{Name: "empty", Text: "  \n"}, "text is empty"},
		{"invalid UTF-8", graph.ArticleInput{Name: "bytes", Text: "Israel said \xff\xfe it."}, "not valid UTF-8"},
		{"too long", graph.ArticleInput{Name: "long", Text: strings.Repeat("word ", graph.MaxArticleBytes/5+1)}, "over the limit"},
		{"bad url", graph.ArticleInput{Name: "url", URL: "ftp://x", Text: "Israel said it."}, "not an absolute http(s) URL"},
		{"bad date", graph.ArticleInput{Name: "date", Text: "Israel said it.", Published: graph.Date{Value: "2025-13-01", Precision: graph.PrecisionDay}}, "does not match precision"},
		{"empty author", graph.ArticleInput{Name: "author", Text: "Israel said it.", Authors: []string{" "}}, "empty author"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := in.Ingest(t.Context(), tt.a)
			require.Error(t, err)
			assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
			assert.Contains(t, graph.ErrorMessage(err), tt.want)
			assert.Contains(t, graph.ErrorMessage(err), "article "+tt.a.Name, "the message names the article")
		})
	}
	assert.Equal(t, graph.Stats{}, stats(t, s), "nothing written")
}

// TestIngestConcurrent ingests the corpus from several goroutines at once: every
// article is created exactly once and the store ends as after one sequential run.
func TestIngestConcurrent(t *testing.T) {
	seeds, err := corpus.Default()
	require.NoError(t, err)
	arts := corpus.Inputs(seeds)
	seq := openStore(t)
	seqIn := New(seq, extract.Extractor{}, Options{})
	for _, a := range arts {
		_, err := seqIn.Ingest(t.Context(), a)
		require.NoError(t, err)
	}

	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	const workers = 4
	created := make(chan bool, workers*len(arts))
	errs := make(chan error, workers*len(arts))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range arts {
				r, err := in.Ingest(t.Context(), arts[(i+w)%len(arts)])
				if err != nil {
					errs <- err
					continue
				}
				created <- r.Created
			}
		}()
	}
	wg.Wait()
	close(created)
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	n := 0
	for c := range created {
		if c {
			n++
		}
	}
	assert.Equal(t, len(arts), n, "each article created once")
	assert.Equal(t, stats(t, seq), stats(t, s))
}

func TestUnlinked(t *testing.T) {
	text := "Israel rejects the figures of Palestinians killed. Hamas denies it."
	g := &graph.ArticleGraph{
		Article: graph.Article{Text: text},
		Agents:  []graph.Agent{israel, agent(org, "Hamas")},
		Claims:  []graph.Claim{rep("the border was closed on Monday"), rep("the report")},
	}
	cue := storetest.Find(text, "rejects")
	ds := []graph.ExtractedDispute{
		{DisputerID: israel.ID, Cue: cue, Kind: "rejects", Sentence: storetest.Find(text, "Israel rejects the figures of Palestinians killed.")},
		{DisputerID: israel.ID, ClaimID: g.Claims[0].ID, Cue: cue, Kind: "rejects", Sentence: cue},               // linked in its article
		{DisputerID: israel.ID, TargetAgentID: graph.AgentID("Hamas"), Cue: cue, Kind: "rejects", Sentence: cue}, // targets an agent
		{DisputerID: "ag_unknown", Cue: cue, Kind: "denies", Sentence: cue},                                      // disputer not an agent
		{DisputerID: israel.ID, Cue: graph.Span{Start: 60, End: 900}, Kind: "denies", Sentence: cue},             // span outside the text
		{DisputerID: israel.ID, ClaimID: g.Claims[1].ID, Cue: cue, Kind: "denies", Sentence: cue},                // only refers to a claim
	}
	got := Unlinked(g, ds)
	require.Len(t, got, 2)
	assert.Equal(t, graph.DisputeDenies, got[1].Kind, "a dispute of 'the report' is also linked by subject")
	assert.Equal(t, israel.ID, got[0].DisputerID)
	assert.Equal(t, graph.DisputeRejects, got[0].Kind)
	assert.Equal(t, cue.Start, got[0].Cue.Start)
}

// Prepare runs the Ingester's extractor: without one it refuses article texts
// (EINTERNAL, nothing written), and an extractor's error or empty answer is returned.
func TestPrepareExtractor(t *testing.T) {
	a := graph.ArticleInput{Name: "x", Text: "Israel said the talks would resume on Monday."}
	boom := graph.Errorf(graph.EUNAVAILABLE, "the extractor service is down")
	tests := []struct {
		name string
		ex   graph.Extractor
		code string
	}{
		{"no extractor", nil, graph.EINTERNAL},
		{"extractor error", graph.ExtractorFunc(func(context.Context, graph.ArticleInput) (*graph.Extraction, error) { return nil, boom }), graph.EUNAVAILABLE},
		{"no bundle", graph.ExtractorFunc(func(context.Context, graph.ArticleInput) (*graph.Extraction, error) { return &graph.Extraction{}, nil }), graph.EINTERNAL},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			_, err := New(s, tt.ex, Options{}).Ingest(t.Context(), a)
			require.Error(t, err)
			assert.Equal(t, tt.code, graph.ErrorCode(err))
			assert.Equal(t, graph.Stats{}, stats(t, s), "nothing written")
		})
	}
}

// An article that disputes a claim in its own voice ("falsely claimed") stores a
// dispute of its outlet, an agent of kind outlet; the same text without an outlet
// stores the claim and no dispute.
func TestIngestArticleVoiceDispute(t *testing.T) {
	text := "Mayor Tom Reyes falsely claimed that the mill had closed in June."
	claim := graph.ClaimID("the mill had closed in June")
	tests := []struct {
		name, url, outlet string
		disputers         []string
	}{
		{"outlet", "https://ledger.example/mill", "Daily Ledger", []string{graph.AgentID("Daily Ledger")}},
		{"no outlet", "https://anon.example/mill", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openStore(t)
			in := New(s, extract.Extractor{}, Options{})
			r, err := in.Ingest(t.Context(), corpus.Article{ID: "mill", URL: tc.url, Outlet: tc.outlet, Text: text}.Input())
			require.NoError(t, err)
			ag, err := s.ArticleGraph(t.Context(), r.ArticleID)
			require.NoError(t, err)
			var disputers []string
			for _, d := range ag.Disputes {
				assert.Equal(t, claim, d.ClaimID)
				disputers = append(disputers, d.DisputerID)
			}
			assert.Equal(t, tc.disputers, disputers)
			for _, id := range tc.disputers {
				a, err := s.Agent(t.Context(), id)
				require.NoError(t, err)
				assert.Equal(t, graph.KindOutlet, a.Kind)
				assert.Equal(t, tc.outlet, a.Name)
			}
		})
	}
}

// TestStatementCap checks Options.MaxStatements: an article whose extraction finds
// more statements than the cap is refused (EINVALID, naming the count and the cap)
// and nothing is written; one at the cap is written whole, and so is any article
// without a cap (the default).
func TestStatementCap(t *testing.T) {
	const text = `"The district counted 1000 families," Maria Lopez said. "The district counted 1001 schools," John Smith said. "The district counted 1002 clinics," Ahmed Haddad said.`
	tests := []struct {
		name    string
		cap     int
		refused bool
	}{
		{"over the cap", 2, true},
		{"at the cap", 3, false},
		{"no cap (the default)", 0, false},
		{"a negative cap is none", -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openStore(t)
			in := New(s, extract.Extractor{}, Options{MaxStatements: tt.cap})
			res, err := in.Ingest(t.Context(), graph.ArticleInput{Name: "dense", Text: text})
			if tt.refused {
				require.Error(t, err)
				assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
				assert.Contains(t, graph.ErrorMessage(err), "article dense: its text yields more than 2 statements, the limit an article may have")
				assert.Equal(t, graph.Stats{}, stats(t, s), "nothing written")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 3, res.Statements)
		})
	}
}

// TestWriterOnly checks that ArticleInput.WriterOnly reaches the store as a
// graph.WriteGuard, also through the JSON a queued job keeps: another writer's new
// text is refused (EFORBIDDEN, nothing changed), the writer's own is a new version,
// and a write without WriterOnly (an admin's) replaces any.
func TestWriterOnly(t *testing.T) {
	s := openStore(t)
	in := New(s, extract.Extractor{}, Options{})
	const u = "https://example.com/guarded"
	text := func(n int) string { return fmt.Sprintf("The minister said %d bridges would reopen.", n) }
	viaJob := func(a graph.ArticleInput) graph.ArticleInput {
		b, err := json.Marshal(a)
		require.NoError(t, err)
		var out graph.ArticleInput
		require.NoError(t, json.Unmarshal(b, &out))
		return out
	}
	steps := []struct {
		name    string
		in      graph.ArticleInput
		code    string
		writer  string
		version int
	}{
		{"alice writes", graph.ArticleInput{URL: u, Text: text(1), Writer: "alice", WriterOnly: true}, "", "alice", 1},
		{"bob may not replace", graph.ArticleInput{URL: u, Text: text(2), Writer: "bob", WriterOnly: true}, graph.EFORBIDDEN, "alice", 1},
		{"alice replaces her own", graph.ArticleInput{URL: u, Text: text(3), Writer: "alice", WriterOnly: true}, "", "alice", 2},
		{"an admin replaces", graph.ArticleInput{URL: u, Text: text(4), Writer: "root"}, "", "root", 3},
	}
	for _, st := range steps {
		_, err := in.Ingest(t.Context(), viaJob(st.in))
		if st.code != "" {
			require.Error(t, err, st.name)
			assert.Equal(t, st.code, graph.ErrorCode(err), st.name)
		} else {
			require.NoError(t, err, st.name)
		}
		a, err := s.Article(t.Context(), graph.ArticleID(u, ""))
		require.NoError(t, err)
		assert.Equal(t, st.writer, a.Writer, st.name)
		assert.Equal(t, st.version, a.Version, st.name)
	}
}

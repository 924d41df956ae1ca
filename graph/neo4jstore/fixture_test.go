package neo4jstore

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// testConfig returns the configuration from the environment, or skips the test when
// NEO4J_URI is unset.
func testConfig(tb testing.TB) Config {
	tb.Helper()
	cfg := ConfigFromEnv(os.Getenv)
	if cfg.URI == "" {
		tb.Skip("NEO4J_URI is not set: run `make test`, or `make neo4j-up` and NEO4J_URI=bolt://127.0.0.1:7687 go test ./graph/neo4jstore")
	}
	return cfg
}

// neo4jLockPath serializes test use of the one shared Neo4j database across test
// processes (`go test ./...` runs packages in parallel): the same path as the api
// package's tests use.
var neo4jLockPath = filepath.Join(os.TempDir(), "claimgraph-neo4j-test.lock")

var (
	lockOnce sync.Once
	lockErr  error
	lockFile *os.File // kept referenced: a collected *os.File closes its fd and drops the lock
)

// lockNeo4j takes the exclusive lock once and holds it until the test process exits (the
// contract suite opens two stores at once in one test, so a per-test lock would
// deadlock on itself).
func lockNeo4j(tb testing.TB) {
	tb.Helper()
	lockOnce.Do(func() {
		f, err := os.OpenFile(neo4jLockPath, os.O_CREATE|os.O_RDWR, 0o666)
		if err != nil {
			lockErr = err
			return
		}
		lockFile = f
		lockErr = syscall.Flock(int(f.Fd()), syscall.LOCK_EX) // released when the process exits
	})
	require.NoError(tb, lockErr, "locking %s", neo4jLockPath)
}

// newTestStore connects to the test server and empties its database, so every test
// starts from a fresh store. Tests that use it must not run in parallel.
func newTestStore(tb testing.TB) *Store {
	tb.Helper()
	cfg := testConfig(tb)
	lockNeo4j(tb)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, err := New(ctx, cfg)
	require.NoError(tb, err)
	require.NoError(tb, s.DeleteAll(ctx))
	tb.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

// span finds the first occurrence of sub in text as a code-point span.
func span(text, sub string) graph.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic(fmt.Sprintf("%q not in text", sub))
	}
	start := utf8.RuneCountInString(text[:i])
	return graph.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}

// genArticle builds a valid bundle for article number i: two speakers (one shared by
// every article), an agency, a claim of its own and one claim shared by all articles,
// a statistic with a quantity, a dispute and a link. seed changes the text (and so the
// content hash) without changing the article id.
func genArticle(i int, seed string) *graph.ArticleGraph {
	url := fmt.Sprintf("https://news.example/%d", i)
	own := fmt.Sprintf("the ceasefire in sector %d is holding", i)
	shared := "aid deliveries have resumed"
	stat := fmt.Sprintf("more than %d people were displaced", 1000+i)
	text := fmt.Sprintf("Minister Jane Roe said %s. According to the Wire Agency, officials said %s. "+
		"The agency reported that %s. Rebels denied it. %s", own, shared, stat, seed)
	aid := graph.ArticleID(url, text)
	outlet := graph.Outlet{ID: graph.OutletID("Daily Example"), Name: "Daily Example", Domain: "news.example"}
	roe := graph.Agent{ID: graph.AgentID("Jane Roe"), Kind: graph.KindPerson, Name: "Jane Roe",
		Aliases: []string{"Roe"}, Roles: []string{fmt.Sprintf("minister %d", i%3)}}
	officials := graph.Agent{ID: graph.AgentID(fmt.Sprintf("officials %d", i)), Kind: graph.KindGroup, Name: fmt.Sprintf("officials %d", i)}
	wire := graph.Agent{ID: graph.AgentID("Wire Agency"), Kind: graph.KindOutlet, Name: "Wire Agency"}
	rebels := graph.Agent{ID: graph.AgentID("Rebels"), Kind: graph.KindGroup, Name: "Rebels"}
	c1 := graph.Claim{ID: graph.ClaimID(own), Text: own, Kind: graph.ClaimReportedSpeech, Modality: graph.ModalityAsserted}
	c2 := graph.Claim{ID: graph.ClaimID(shared), Text: shared, Kind: graph.ClaimReportedSpeech}
	q := graph.Quantity{Value: float64(1000 + i), Unit: "count", Qualifier: "more_than", Counted: "people displaced",
		Text: fmt.Sprintf("more than %d", 1000+i), Span: span(text, fmt.Sprintf("more than %d", 1000+i))}
	c3 := graph.Claim{ID: graph.ClaimID(stat), Text: stat, Kind: graph.ClaimStatistic, Quantities: []graph.Quantity{q}}
	st := func(c graph.Claim, speaker string, via []string, cue string) graph.Statement {
		content := span(text, c.Text)
		src := span(text, "Jane Roe")
		return graph.Statement{
			ID: graph.StatementID(aid, c.ID, content), ClaimID: c.ID, ArticleID: aid, SpeakerID: speaker, Via: via,
			Kind: graph.SpeechReported, Cue: span(text, cue), Source: &src, Content: content,
			Sentence: graph.Span{Start: 0, End: content.End}, Confidence: 0.75,
		}
	}
	cue := span(text, "denied")
	d := graph.Dispute{ID: graph.DisputeID(aid, cue, rebels.ID, c1.ID, ""), ArticleID: aid, DisputerID: rebels.ID,
		ClaimID: c1.ID, Kind: graph.DisputeDenies, Cue: cue, Sentence: span(text, "Rebels denied it."), Confidence: 0.5}
	return &graph.ArticleGraph{
		Article: graph.Article{ID: aid, URL: url, Title: fmt.Sprintf("Report %d", i), OutletID: outlet.ID,
			Authors: []string{"A. Writer"}, Published: graph.Date{Value: "2025-10-30", Precision: graph.PrecisionDay},
			Text: text, ContentHash: graph.ContentHash(text)},
		Outlet: &outlet,
		Agents: []graph.Agent{roe, officials, wire, rebels},
		Claims: []graph.Claim{c1, c2, c3},
		Statements: []graph.Statement{
			st(c1, roe.ID, nil, "said"),
			st(c2, officials.ID, []string{wire.ID}, "According to"),
			st(c3, "", []string{wire.ID}, "reported"),
		},
		Disputes: []graph.Dispute{d},
		Links: []graph.ClaimLink{{ID: graph.LinkID(c1.ID, c2.ID, graph.LinkCorroborates), From: c1.ID, To: c2.ID,
			Kind: graph.LinkCorroborates, Reason: "test", ArticleID: aid}},
		Mentions: []graph.Mention{{AgentID: roe.ID, Span: span(text, "Jane Roe")}, {AgentID: rebels.ID, Span: span(text, "Rebels")}},
	}
}

package export

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
	"github.com/claimgraph/claimgraph/graph/neo4jstore/neo4jtest"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// The tests of this file load exports into a real Neo4j (the project's own, started by
// `make test` or graph/neo4jstore/launcher/neo4j.sh) and skip without NEO4J_URI. They
// empty its database: never point NEO4J_URI at one you need.

// neo4jStore opens the test server's store under the lock the test processes share,
// empties its database (neo4jtest.Open) and connects a driver to it for the raw
// queries; it skips without NEO4J_URI.
func neo4jStore(t *testing.T) (*neo4jstore.Store, neo4j.DriverWithContext, string) {
	t.Helper()
	s := neo4jtest.Open(t)
	cfg := s.Config()
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, auth)
	require.NoError(t, err)
	t.Cleanup(func() { _ = drv.Close(context.Background()) })
	db := cfg.Database
	if db == "" {
		db = neo4jstore.DefaultDatabase
	}
	return s, drv, db
}

// run runs one auto-commit statement (LOAD CSV … IN TRANSACTIONS needs one).
func run(ctx context.Context, t *testing.T, drv neo4j.DriverWithContext, db, q string, params map[string]any) {
	t.Helper()
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, q, params)
	require.NoError(t, err, "%.300s", q)
	_, err = res.Consume(ctx)
	require.NoError(t, err, "%.300s", q)
}

// records runs a read query and returns its records.
func records(ctx context.Context, t *testing.T, drv neo4j.DriverWithContext, db, q string, params map[string]any) []*neo4j.Record {
	t.Helper()
	res, err := neo4j.ExecuteQuery(ctx, drv, q, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	require.NoError(t, err, q)
	return res.Records
}

// statements splits a script into its statements: lines ending in ";", without
// comment and cypher-shell command (":param") lines.
func statements(t *testing.T, script string) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(strings.NewReader(script))
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "//") || strings.HasPrefix(line, ":") {
			continue
		}
		require.True(t, strings.HasSuffix(line, ";"), "a statement ends its line with ;: %.200s", line)
		out = append(out, strings.TrimSuffix(line, ";"))
	}
	require.NoError(t, sc.Err())
	return out
}

// collected is a Writer keeping what the walk gives it, for comparing with Neo4j.
type collected struct {
	nodes []Node
	edges []Edge
}

func (c *collected) Node(_ context.Context, n Node) error { c.nodes = append(c.nodes, n); return nil }
func (c *collected) Edge(_ context.Context, e Edge) error { c.edges = append(c.edges, e); return nil }
func (c *collected) Close(context.Context) error          { return nil }
func (c *collected) Abort()                               {}

// neo4jValue is a property value as the driver reads it back: lists as []any,
// nested values as their JSON text. In the CSV files a list element's ";" (the array
// delimiter) is written as U+FF1B.
func neo4jValue(v any, csv bool) any {
	switch x := v.(type) {
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			if csv {
				s = strings.ReplaceAll(s, arrayDelimiter, "；")
			}
			out[i] = s
		}
		return out
	case jsonValue:
		return string(x)
	}
	return v
}

// wantGraph is what the rebuilt graph must hold: every node's properties (an
// article's text included) by label and id, every edge's by "from|TYPE|to".
func wantGraph(t *testing.T, s graph.Store, csv bool) (nodes map[string]map[string]any, edges map[string]map[string]any) {
	t.Helper()
	var c collected
	_, err := Run(context.Background(), s, Filter{}, &c)
	require.NoError(t, err)
	nodes, edges = map[string]map[string]any{}, map[string]map[string]any{}
	for _, n := range c.nodes {
		p := map[string]any{"id": n.ID()}
		for k, v := range propMap(n, true) {
			p[k] = neo4jValue(v, csv)
		}
		nodes[n.Label+" "+n.ID()] = p
	}
	for _, e := range c.edges {
		p := map[string]any{}
		for i, v := range linkValues(e) {
			if v != nil {
				p[linkFields[i].Name] = v
			}
		}
		edges[e.Key()] = p
	}
	return nodes, edges
}

// gotGraph reads every node of the model's labels and every relationship between
// them back from Neo4j, keyed as wantGraph keys them; a key read twice fails.
func gotGraph(ctx context.Context, t *testing.T, drv neo4j.DriverWithContext, db string) (nodes map[string]map[string]any, edges map[string]map[string]any) {
	t.Helper()
	nodes, edges = map[string]map[string]any{}, map[string]map[string]any{}
	for _, l := range labels {
		for _, r := range records(ctx, t, drv, db, "MATCH (n) WHERE $label IN labels(n) RETURN n.id AS id, properties(n) AS p", map[string]any{"label": l}) {
			k := l + " " + r.Values[0].(string)
			require.NotContains(t, nodes, k, "node read twice")
			nodes[k] = r.Values[1].(map[string]any)
		}
	}
	for _, typ := range edgeTypes {
		for _, r := range records(ctx, t, drv, db, "MATCH (a)-[r]->(b) WHERE type(r) = $type RETURN a.id, b.id, properties(r)", map[string]any{"type": typ}) {
			k := Edge{Edge: graph.Edge{From: r.Values[0].(string), To: r.Values[1].(string), Type: typ}}.Key()
			require.NotContains(t, edges, k, "relationship read twice")
			edges[k] = r.Values[2].(map[string]any)
		}
	}
	return nodes, edges
}

// countsByLabel counts Neo4j's nodes by model label and relationships by type.
func countsByLabel(ctx context.Context, t *testing.T, drv neo4j.DriverWithContext, db string) (map[string]int, map[string]int) {
	t.Helper()
	nodes, edges := map[string]int{}, map[string]int{}
	for _, r := range records(ctx, t, drv, db, "MATCH (n) UNWIND labels(n) AS l WITH l WHERE l IN $labels RETURN l, count(*)", map[string]any{"labels": labels}) {
		nodes[r.Values[0].(string)] = int(r.Values[1].(int64))
	}
	for _, r := range records(ctx, t, drv, db, "MATCH ()-[r]->() WITH type(r) AS t WHERE t IN $types RETURN t, count(*)", map[string]any{"types": edgeTypes}) {
		edges[r.Values[0].(string)] = int(r.Values[1].(int64))
	}
	return nodes, edges
}

// trickyBundle is an article whose strings hold everything an escaper can get wrong:
// quotes of both kinds, backslashes (also before a quote, which LOAD CSV's legacy
// quote escaping reads as an escaped quote), newlines and tabs, the CSV array delimiter
// in a list element, a backtick, commas, non-ASCII letters and an emoji.
func trickyBundle() *graph.ArticleGraph {
	text := "O'Brien said: \"the \\\"toll\\\" is 12; maybe 13\",\nwith a tab\there and a `tick`, café 🚀.\r\nThe end."
	a := graph.Article{ID: graph.ArticleID("https://tricky.example/a", text), URL: "https://tricky.example/a", Title: "Quotes \"and\" 'quotes'; a\\b",
		OutletID: graph.OutletID("Tricky; Times"), Authors: []string{"Zoë \"Z\" O'Hara", "A; B"},
		Published: graph.Date{Value: "2024-02", Precision: graph.PrecisionMonth}, Text: text, ContentHash: graph.ContentHash(text)}
	speaker := graph.Agent{ID: graph.AgentID("Seán O'Brien"), Kind: graph.KindPerson, Name: "Seán O'Brien", Aliases: []string{"O'Brien", "the \"doctor\"; MD"}, Roles: []string{"a\\b"}}
	claimText := graph.NormalizeClaimText("the \"toll\" is 12; maybe 13")
	claim := graph.Claim{ID: graph.ClaimID(claimText), Text: claimText, Kind: graph.ClaimDirectQuote, Modality: graph.ModalityAsserted,
		Quantities: []graph.Quantity{{Value: 12, Unit: "count", Counted: "\"dead\"\\", Text: "12", Span: st.Find(text, "12")}}}
	return &graph.ArticleGraph{
		Article: a,
		Outlet:  &graph.Outlet{ID: a.OutletID, Name: "Tricky; Times", Domain: "tricky.example"},
		Agents:  []graph.Agent{speaker},
		Claims:  []graph.Claim{claim},
		Statements: []graph.Statement{st.Stmt(a.ID, text, claim.ID, speaker.ID, nil, graph.SpeechDirect, "said",
			"the \\\"toll\\\" is 12; maybe 13", "O'Brien said: \"the \\\"toll\\\" is 12; maybe 13\",\nwith a tab\there and a `tick`, café 🚀.")},
		Links:    []graph.ClaimLink{},
		Mentions: []graph.Mention{st.Mention(text, speaker.ID, "O'Brien")},
	}
}

// neo4jFixture is the embedded store the Neo4j tests export: the Gaza fixture, 30
// generated articles and trickyBundle.
func neo4jFixture(t *testing.T) graph.Store {
	t.Helper()
	s := openFixture(t, 30)
	_, err := s.PutArticle(context.Background(), trickyBundle())
	require.NoError(t, err)
	return s
}

// checkRebuilt compares the rebuilt graph in Neo4j with the store: counts by label and
// relationship type (from the store's Stats and graph.EdgesOf, independently of the
// walk), then every node's and edge's properties, then sampled values read from the
// store's records.
func checkRebuilt(ctx context.Context, t *testing.T, drv neo4j.DriverWithContext, db string, s graph.Store, csv bool) {
	t.Helper()
	stats, err := s.Stats(ctx)
	require.NoError(t, err)
	wantCounts := map[string]int{graph.LabelArticle: stats.Articles, graph.LabelOutlet: stats.Outlets, graph.LabelAgent: stats.Agents,
		graph.LabelClaim: stats.Claims, graph.LabelStatement: stats.Statements, graph.LabelDispute: stats.Disputes}
	wantEdgeCounts := map[string]int{}
	for e := range storeEdges(t, s) {
		wantEdgeCounts[e.Type]++
	}
	gotNodes, gotEdges := countsByLabel(ctx, t, drv, db)
	assert.Equal(t, wantCounts, gotNodes, "nodes by label")
	assert.Equal(t, wantEdgeCounts, gotEdges, "relationships by type")

	wantN, wantE := wantGraph(t, s, csv)
	gotN, gotE := gotGraph(ctx, t, drv, db)
	require.Equal(t, len(wantN), len(gotN))
	for k, w := range wantN {
		assert.Equal(t, w, gotN[k], "node %s", k)
	}
	require.Equal(t, len(wantE), len(gotE))
	for k, w := range wantE {
		assert.Equal(t, w, gotE[k], "relationship %s", k)
	}

	// Sampled values straight from the store's records.
	tricky := trickyBundle()
	for _, tc := range []struct {
		q    string
		id   string
		want any
	}{
		{"MATCH (n:Article {id: $id}) RETURN n.text", tricky.Article.ID, tricky.Article.Text},
		{"MATCH (n:Article {id: $id}) RETURN n.authors", tricky.Article.ID, neo4jValue(tricky.Article.Authors, csv)},
		{"MATCH (n:Agent {id: $id}) RETURN n.aliases", tricky.Agents[0].ID, neo4jValue([]string{"O'Brien", "the \"doctor\"; MD"}, csv)},
		{"MATCH (n:Claim {id: $id}) RETURN n.text", tricky.Claims[0].ID, tricky.Claims[0].Text},
		{"MATCH (n:Statement {id: $id}) RETURN n.confidence", tricky.Statements[0].ID, tricky.Statements[0].Confidence},
		{"MATCH (n:Agent {id: $id}) RETURN n.name", st.AgentHealthMinistry, "Gaza's Health Ministry"},
		{"MATCH (n:Statement)-[:VIA]->(:Agent {id: $id}) RETURN count(n)", st.AgentAP, int64(viaCount(ctx, t, s, st.AgentAP))},
		{"MATCH (:Claim {id: $id})-[r:CONFLICTS_WITH]-(:Claim) RETURN count(r)", st.ClaimToll68800, int64(conflictCount(ctx, t, s, st.ClaimToll68800))},
	} {
		recs := records(ctx, t, drv, db, tc.q, map[string]any{"id": tc.id})
		require.Len(t, recs, 1, tc.q)
		assert.Equal(t, tc.want, recs[0].Values[0], "%s with id %s", tc.q, tc.id)
	}
}

// viaCount is how many statements cite agent as an agency, from the store's records.
func viaCount(ctx context.Context, t *testing.T, s graph.Store, agent string) int {
	t.Helper()
	n := 0
	for e := range storeEdges(t, s) {
		if e.Type == graph.EdgeVia && e.To == agent {
			n++
		}
	}
	return n
}

// conflictCount is how many conflict links the claim has, from Contradictions.
func conflictCount(ctx context.Context, t *testing.T, s graph.Store, claim string) int {
	t.Helper()
	con, err := s.Contradictions(ctx, claim)
	require.NoError(t, err)
	return len(con.Conflicts)
}

// TestCypherScriptRebuildsGraph runs the Cypher export in an empty Neo4j, statement by
// statement as cypher-shell would, and compares the graph it builds with the store.
func TestCypherScriptRebuildsGraph(t *testing.T) {
	_, drv, db := neo4jStore(t)
	ctx := context.Background()
	src := neo4jFixture(t)
	var buf bytes.Buffer
	_, err := Export(ctx, src, FormatCypher, Filter{}, fixedMeta, OneFile(&buf))
	require.NoError(t, err)
	stmts := statements(t, buf.String())
	sess := drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db})
	defer sess.Close(ctx)
	// Schema statements first, each alone; the rest in batches of one transaction.
	i := 0
	for ; i < len(stmts) && strings.HasPrefix(stmts[i], "CREATE CONSTRAINT"); i++ {
		run(ctx, t, drv, db, stmts[i], nil)
	}
	require.Equal(t, len(labels), i, "a constraint per label opens the script")
	for start := i; start < len(stmts); start += 500 {
		batch := stmts[start:min(start+500, len(stmts))]
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			for _, q := range batch {
				res, err := tx.Run(ctx, q, nil)
				if err != nil {
					return nil, fmt.Errorf("%w: %.300s", err, q)
				}
				if _, err := res.Consume(ctx); err != nil {
					return nil, fmt.Errorf("%w: %.300s", err, q)
				}
			}
			return nil, nil
		})
		require.NoError(t, err)
	}
	checkRebuilt(ctx, t, drv, db, src, false)
}

// TestLoadCSVRebuildsGraph loads the neo4j-csv export with its load-csv.cypher script,
// the files served over http (base set to the server's URL), and compares the graph it
// builds with the store.
func TestLoadCSVRebuildsGraph(t *testing.T) {
	_, drv, db := neo4jStore(t)
	ctx := context.Background()
	src := neo4jFixture(t)
	dir := &DiskDir{Path: t.TempDir()}
	_, err := Export(ctx, src, FormatNeo4jCSV, Filter{}, fixedMeta, dir)
	require.NoError(t, err)
	require.NoError(t, dir.Close())
	srv := httptest.NewServer(http.FileServer(http.Dir(dir.Path)))
	defer srv.Close()
	script, err := os.ReadFile(filepath.Join(dir.Path, LoadCSVFile))
	require.NoError(t, err)
	require.Contains(t, string(script), "\n:param {base: 'file:///'}\n")
	stmts := statements(t, string(script))
	require.Greater(t, len(stmts), len(labels))
	for _, q := range stmts {
		run(ctx, t, drv, db, q, map[string]any{"base": srv.URL + "/"})
	}
	checkRebuilt(ctx, t, drv, db, src, true)
}

// TestRecordsRoundTripThroughNeo4j moves a store embedded → Neo4j → embedded with the
// records format: every endpoint of the Neo4j store answers as the source does, so
// does the embedded store restored from Neo4j's export, and that export's bundles equal
// the first export's.
func TestRecordsRoundTripThroughNeo4j(t *testing.T) {
	neo, _, _ := neo4jStore(t)
	ctx := context.Background()
	src := neo4jFixture(t)
	var first bytes.Buffer
	_, err := Export(ctx, src, FormatRecords, Filter{}, fixedMeta, OneFile(&first))
	require.NoError(t, err)

	res, err := Import(ctx, neo, bytes.NewReader(first.Bytes()))
	require.NoError(t, err)
	stats, err := src.Stats(ctx)
	require.NoError(t, err)
	assert.Equal(t, ImportResult{Bundles: stats.Articles, Created: stats.Articles}, res)
	want := answers(t, src)
	assert.Equal(t, want, answers(t, neo), "Neo4j answers as the embedded source")

	var second bytes.Buffer
	meta := fixedMeta
	meta.Store = "neo4j"
	_, err = Export(ctx, neo, FormatRecords, Filter{}, meta, OneFile(&second))
	require.NoError(t, err)
	back := emptyStore(t)
	_, err = Import(ctx, back, bytes.NewReader(second.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, want, answers(t, back), "the embedded store restored from Neo4j answers as the source")

	a, b := strings.SplitN(first.String(), "\n", 2), strings.SplitN(second.String(), "\n", 2)
	assert.Equal(t, a[1], b[1], "the bundles Neo4j exports equal those it imported")
	assert.NotEqual(t, a[0], b[0], "the headers name the store each export read")
}

package export

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// storeFilters are the filters the store-layout tests export: the whole store, each
// kind of search filter (text, disputed, speaker, has_quantity, a date range) and a
// neighbourhood.
func storeFilters() []struct {
	name string
	f    Filter
} {
	yes := true
	return []struct {
		name string
		f    Filter
	}{ // the first is the whole store
		{"whole store", Filter{}},
		{"disputed", Filter{Query: graph.ClaimQuery{Disputed: &yes}}},
		{"text and date range", Filter{Query: graph.ClaimQuery{Text: "killed"}, From: "2023", To: "2025-12"}},
		{"speaker", Filter{Query: graph.ClaimQuery{SpeakerID: st.AgentHealthMinistry}}},
		{"has quantity", Filter{Query: graph.ClaimQuery{HasQuantity: &yes}}},
		{"neighbourhood", Filter{Root: st.ClaimToll68800, Depth: 2}},
	}
}

// subgraphStore is the store whose answers a store-layout export of f must give: the
// source itself for the whole store, else an empty embedded store given
// SubgraphBundles of f in order.
func subgraphStore(t *testing.T, src graph.Store, f Filter) graph.Store {
	t.Helper()
	if f.IsWhole() {
		return src
	}
	ctx := context.Background()
	next, err := SubgraphBundles(ctx, src, f)
	require.NoError(t, err)
	dst := emptyStore(t)
	for {
		g, err := next()
		require.NoError(t, err)
		if g == nil {
			return dst
		}
		_, err = dst.PutArticle(ctx, g)
		require.NoError(t, err, "a subgraph bundle is a valid bundle")
	}
}

// TestSubgraphBundlesRestrictAnswers checks what "the same answers" means for a
// filtered export: the subgraph store holds every node and edge the filter selects
// (the model walk's), and a claim that a search selects answers Claim, Provenance and
// Contradictions exactly as in the full store (its statements, disputes and links all
// come along; only a linked claim's speakers and articles are the subgraph's, since
// the linked claim's own statements are not selected), while the store's counts are
// the selection's, not the source's.
func TestSubgraphBundlesRestrictAnswers(t *testing.T) {
	ctx := context.Background()
	src := neo4jFixture(t)
	full, err := src.Stats(ctx)
	require.NoError(t, err)
	for _, tc := range storeFilters()[1:] {
		t.Run(tc.name, func(t *testing.T) {
			sub := subgraphStore(t, src, tc.f)
			var want, got collected
			_, err := Run(ctx, src, tc.f, &want)
			require.NoError(t, err)
			require.NotEmpty(t, want.nodes, "the filter selects something")
			_, err = Run(ctx, sub, Filter{}, &got)
			require.NoError(t, err)
			has := map[string]bool{}
			for _, n := range got.nodes {
				has[n.Label+" "+n.ID()] = true
			}
			for _, n := range want.nodes {
				assert.True(t, has[n.Label+" "+n.ID()], "the subgraph store holds %s %s", n.Label, n.ID())
			}
			edges := map[string]bool{}
			for _, e := range got.edges {
				edges[e.Key()] = true
				if e.Type == graph.EdgeConflicts || e.Type == graph.EdgeCorroborate { // links have no direction
					edges[Edge{Edge: graph.Edge{From: e.To, To: e.From, Type: e.Type}}.Key()] = true
				}
			}
			for _, e := range want.edges {
				assert.True(t, edges[e.Key()], "the subgraph store holds edge %s", e.Key())
			}
			stats, err := sub.Stats(ctx)
			require.NoError(t, err)
			assert.Less(t, stats.Claims, full.Claims, "a part of the store")
			if !tc.f.IsSearch() || tc.f.From != "" || tc.f.To != "" {
				return // a date range keeps only the statements in range
			}
			q := tc.f.Query
			q.Sort = graph.SortByID
			require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ClaimSummary], error) {
				q.Page = p
				return src.SearchClaims(ctx, q)
			}, func(s graph.ClaimSummary) error {
				id := s.Claim.ID
				for _, read := range []func(graph.Store) (any, error){
					func(x graph.Store) (any, error) { return x.Claim(ctx, id) },
					func(x graph.Store) (any, error) { return x.Provenance(ctx, id) },
					func(x graph.Store) (any, error) {
						con, err := x.Contradictions(ctx, id)
						if err != nil {
							return nil, err
						}
						for _, rcs := range [][]graph.RelatedClaim{con.Conflicts, con.Corroborations} {
							for i := range rcs { // the linked claim's own statements are not selected
								rcs[i].Speakers, rcs[i].Articles = nil, nil
							}
						}
						return con, nil
					},
				} {
					w, err := read(src)
					require.NoError(t, err)
					g, err := read(sub)
					require.NoError(t, err, "claim %s is in the subgraph store", id)
					assert.Equal(t, w, g, "claim %s answers as in the full store", id)
				}
				return nil
			}))
		})
	}
}

// rebuild empties the test server's database, runs every statement of a script in
// an auto-commit transaction of its own, as `cypher-shell -f` does, with params (nil
// for a parameter-free script), then opens the database as claimgraph serves it
// (neo4jstore.New: it must accept the schema version the script stamped) and returns
// its answers.
func rebuild(t *testing.T, script string, params map[string]any) map[string]any {
	t.Helper()
	s, drv, db := neo4jStore(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	for _, q := range statements(t, script) {
		run(ctx, t, drv, db, q, params)
	}
	loaded, err := neo4jstore.New(ctx, s.Config())
	require.NoError(t, err, "claimgraph opens the rebuilt database")
	defer loaded.Close(ctx)
	return answers(t, loaded)
}

// pickFilters returns the storeFilters of those names: the Neo4j tests take a few, as
// answers over Neo4j cost about a minute each on a loaded machine.
func pickFilters(names ...string) []struct {
	name string
	f    Filter
} {
	var out []struct {
		name string
		f    Filter
	}
	for _, tc := range storeFilters() {
		for _, n := range names {
			if tc.name == n {
				out = append(out, tc)
			}
		}
	}
	return out
}

// TestStoreCypherScriptServedByNeo4j runs the neo4j-store-cypher script of the whole
// store and of three selections (a search, a search with a date range, a
// neighbourhood; trickyBundle's hostile strings included) in an emptied Neo4j,
// parameter-free and a statement at a time, and requires every read of claimgraph's
// Neo4j store over the result to answer as the subgraph store (the source itself for
// the whole store).
func TestStoreCypherScriptServedByNeo4j(t *testing.T) {
	ctx := context.Background()
	src := neo4jFixture(t)
	for _, tc := range pickFilters("whole store", "disputed", "text and date range", "neighbourhood") {
		t.Run(tc.name, func(t *testing.T) {
			want := answers(t, subgraphStore(t, src, tc.f))
			var buf bytes.Buffer
			_, err := Export(ctx, src, FormatNeo4jStoreCypher, tc.f, fixedMeta, OneFile(&buf))
			require.NoError(t, err)
			require.NotContains(t, buf.String(), "\n:param", "the script takes no parameters")
			assert.Equal(t, want, rebuild(t, buf.String(), nil), "Neo4j rebuilt by the script answers as the exported store")
		})
	}
}

// TestStoreLoadCSVServedByNeo4j loads the neo4j-store bundle of the whole store and of
// a selection with its LOAD CSV script (the files served over http: base is the
// server's URL) into an emptied Neo4j, and requires claimgraph's answers over it to be
// the subgraph store's.
func TestStoreLoadCSVServedByNeo4j(t *testing.T) {
	ctx := context.Background()
	src := neo4jFixture(t)
	for _, tc := range pickFilters("whole store", "speaker") {
		t.Run(tc.name, func(t *testing.T) {
			want := answers(t, subgraphStore(t, src, tc.f))
			dir := &DiskDir{Path: t.TempDir()}
			_, err := Export(ctx, src, FormatNeo4jStore, tc.f, fixedMeta, dir)
			require.NoError(t, err)
			require.NoError(t, dir.Close())
			srv := httptest.NewServer(http.FileServer(http.Dir(dir.Path)))
			defer srv.Close()
			script, err := os.ReadFile(filepath.Join(dir.Path, StoreLoadCSVFile))
			require.NoError(t, err)
			require.Contains(t, string(script), "\n:param {base: 'file:///'}\n")
			assert.Equal(t, want, rebuild(t, string(script), map[string]any{"base": srv.URL + "/"}), "Neo4j loaded by LOAD CSV answers as the exported store")
		})
	}
}

// TestImportLiteral checks the literals of the store script: hostile strings stay one
// escaped literal (nothing in them reads as Cypher, a parameter or a line end), lists
// split on U+001E, doubles keep a decimal point (1 would be stored as an integer), and
// a cell that is not its column's type is an error.
func TestImportLiteral(t *testing.T) {
	tests := []struct {
		name, cell, kind string
		want             string
		ok               bool
		err              bool
	}{
		{"empty sets nothing", "", "", "", false, false},
		{"quotes and backslashes", `O'Brien said "\' }) DETACH DELETE n //`, "", `'O\'Brien said "\\\' }) DETACH DELETE n //'`, true, false},
		{"a parameter's dollar stays text", "$base + 'x'", "", `'$base + \'x\''`, true, false},
		{"line ends", "a\nb\r\nc;\u2028d", "", `'a\nb\r\nc;\u2028d'`, true, false},
		{"control characters", "a\x00b\x1fc", "", `'a\u0000b\u001Fc'`, true, false},
		{"list", "a\x1e'b'\x1e", "string[]", `['a', '\'b\'', '']`, true, false},
		{"long", "42", "long", "42", true, false},
		{"long that is not", "42; MATCH (n) DELETE n", "long", "", false, true},
		{"double one", "1", "double", "1.0", true, false},
		{"double small", "0.000001", "double", "0.000001", true, false},
		{"double not finite", "NaN", "double", "", false, true},
		{"boolean", "true", "boolean", "true", true, false},
		{"boolean that is not", "yes", "boolean", "", false, true},
		{"unknown type", "x", "point", "", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok, err := importLiteral(tc.cell, tc.kind)
			if tc.err {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
			assert.NotContains(t, got, "\n")
		})
	}
}

// TestStoreScriptShape checks the order of the neo4j-store-cypher script (its bytes
// are TestGoldens'): statements one a line, the store's schema first, the per-claim
// aggregates after the data, the schema version last.
func TestStoreScriptShape(t *testing.T) {
	s := openFixture(t, 0)
	var buf bytes.Buffer
	_, err := Export(context.Background(), s, FormatNeo4jStoreCypher, Filter{}, fixedMeta, OneFile(&buf))
	require.NoError(t, err)
	stmts := statements(t, buf.String())
	schema := neo4jstore.SchemaStatements()
	require.Greater(t, len(stmts), len(schema))
	for i := range schema {
		assert.Equal(t, oneLine(schema[i]), stmts[i])
	}
	assert.Equal(t, oneLine(neo4jstore.VersionStatement()), stmts[len(stmts)-1])
	assert.True(t, strings.HasPrefix(stmts[len(stmts)-2], "UNWIND ['"), "the aggregates come before the version")
}

// TestReadCSVRecord reads back what encoding/csv's Writer writes, exactly: quotes,
// commas, empty fields and line breaks, a quoted "\r\n" included (encoding/csv's Reader
// would make it "\n"); a broken file is an error, not a silently cut value.
func TestReadCSVRecord(t *testing.T) {
	records := [][]string{
		{"id:ID(Article)", "text", "authors:string[]"},
		{"a_1", "O'Brien said: \"the \\\"toll\\\"\",\nwith a tab\t.\r\nThe end.", "Zoë\x1e A; B"},
		{"", "", ""},
		{" leading space", "trailing,", "\r"},
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	require.NoError(t, w.WriteAll(records))
	r := bufio.NewReader(bytes.NewReader(buf.Bytes()))
	for _, want := range records {
		got, err := readCSVRecord(r)
		require.NoError(t, err)
		assert.Equal(t, want, got)
	}
	_, err := readCSVRecord(r)
	assert.ErrorIs(t, err, io.EOF)

	for _, bad := range []string{"a,\"unterminated\n", "a,\"closed\"x\n"} {
		_, err := readCSVRecord(bufio.NewReader(strings.NewReader(bad)))
		require.Error(t, err, bad)
		assert.NotErrorIs(t, err, io.EOF, bad)
	}
}

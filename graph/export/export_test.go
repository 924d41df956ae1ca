package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fixedMeta makes exports reproducible for golden files.
var fixedMeta = Meta{Version: "test", Extractor: "test extractor", Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Store: "embedded"}

// openFixture returns an embedded store holding the Gaza fixture and, when generated
// > 0, that many generated articles.
func openFixture(t *testing.T, generated int) graph.Store {
	t.Helper()
	ctx := context.Background()
	s, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(ctx) })
	bundles := st.Gaza()
	if generated > 0 {
		bundles = append(bundles, st.GenerateArticles(generated, 7)...)
	}
	for _, b := range bundles {
		_, err := s.PutArticle(ctx, b)
		require.NoError(t, err)
	}
	return s
}

// storeEdges is the store's edge set, computed independently of the walk: the union
// of graph.EdgesOf over every article's bundle.
func storeEdges(t *testing.T, s graph.Store) map[graph.Edge]bool {
	t.Helper()
	ctx := context.Background()
	out := map[graph.Edge]bool{}
	require.NoError(t, eachPage(ctx, func(p graph.PageRequest) (graph.Page[graph.ArticleRef], error) {
		return s.Articles(ctx, graph.ArticleQuery{Page: p})
	}, func(r graph.ArticleRef) error {
		g, err := s.ArticleGraph(ctx, r.ID)
		if err != nil {
			return err
		}
		for _, e := range graph.EdgesOf(g) {
			out[e] = true
		}
		return nil
	}))
	return out
}

// expected describes the store for check.py: counts by label and type and a sample of
// node values.
func expected(t *testing.T, s graph.Store) map[string]any {
	t.Helper()
	ctx := context.Background()
	stats, err := s.Stats(ctx)
	require.NoError(t, err)
	nodes := map[string]int{graph.LabelArticle: stats.Articles, graph.LabelOutlet: stats.Outlets, graph.LabelAgent: stats.Agents,
		graph.LabelClaim: stats.Claims, graph.LabelStatement: stats.Statements, graph.LabelDispute: stats.Disputes}
	edges := map[string]int{}
	for e := range storeEdges(t, s) {
		edges[e.Type]++
	}
	attrs := map[string]map[string]any{}
	for _, id := range []string{st.ClaimToll68800, st.ClaimToll52000} {
		d, err := s.Claim(ctx, id)
		require.NoError(t, err)
		attrs[id] = map[string]any{"type": graph.LabelClaim, "text": d.Claim.Text, "kind": string(d.Claim.Kind)}
		for _, sm := range d.Statements {
			attrs[sm.ID] = map[string]any{"type": graph.LabelStatement, "confidence": sm.Confidence, "claim_id": sm.ClaimID, "via": nonNilList(sm.Via)}
		}
	}
	for _, id := range []string{st.AgentHealthMinistry, st.AgentAP} {
		a, err := s.Agent(ctx, id)
		require.NoError(t, err)
		attrs[id] = map[string]any{"type": graph.LabelAgent, "name": a.Name, "kind": string(a.Kind)}
	}
	return map[string]any{"nodes": nodes, "edges": edges, "attrs": attrs, "links": stats.Links}
}

func nonNilList(s []string) any {
	if len(s) == 0 {
		return nil
	}
	return s
}

// TestWholeExportCounts checks every format's walk of the whole store against the
// store: one node per record, and the edge set of graph.EdgesOf, each edge once.
func TestWholeExportCounts(t *testing.T) {
	s := openFixture(t, 30)
	ctx := context.Background()
	stats, err := s.Stats(ctx)
	require.NoError(t, err)
	want := storeEdges(t, s)
	wantEdges := map[string]int{}
	for e := range want {
		wantEdges[e.Type]++
	}
	for _, f := range Formats() {
		if f.Name == FormatRecords {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			dir := &DiskDir{Path: t.TempDir()}
			c, err := Export(ctx, s, f.Name, Filter{}, fixedMeta, dir)
			require.NoError(t, err)
			require.NoError(t, dir.Close())
			assert.Equal(t, map[string]int{graph.LabelArticle: stats.Articles, graph.LabelOutlet: stats.Outlets, graph.LabelAgent: stats.Agents,
				graph.LabelClaim: stats.Claims, graph.LabelStatement: stats.Statements, graph.LabelDispute: stats.Disputes}, c.Nodes)
			if f.Name == FormatNeo4jStore || f.Name == FormatNeo4jStoreCypher {
				// The store's own relationships: a MENTIONS per mention span, a link once.
				assert.Equal(t, stats.Mentions, c.Edges[graph.EdgeMentions])
				assert.Equal(t, stats.Links, c.Edges[graph.EdgeConflicts]+c.Edges[graph.EdgeCorroborate])
				assert.Equal(t, wantEdges[graph.EdgeOfClaim], c.Edges[graph.EdgeOfClaim])
			} else {
				assert.Equal(t, wantEdges, c.Edges)
			}
			entries, err := os.ReadDir(dir.Path)
			require.NoError(t, err)
			if f.Multi() {
				assert.Len(t, entries, len(f.Files))
			} else {
				require.Len(t, entries, 1)
				assert.Equal(t, f.FileName, entries[0].Name())
			}
		})
	}
}

// TestResearchersToolsReadExports exports the fixture in every format and has the
// researchers' tools read them (pycheck/run.sh: networkx, igraph, prov, rdflib, pyld,
// frictionless, roc-validator), comparing counts and values with the store.
func TestResearchersToolsReadExports(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skips the Python tools")
	}
	s := openFixture(t, 30)
	ctx := context.Background()
	dir := t.TempDir()
	files := map[string]string{}
	for _, f := range []string{FormatGraphML, FormatGEXF, FormatNodeLink, FormatPROVJSON, FormatPROVTurtle, FormatJSONLD, FormatDataset} {
		info, err := LookupFormat(f)
		require.NoError(t, err)
		sub := &DiskDir{Path: filepath.Join(dir, f)}
		_, err = Export(ctx, s, f, Filter{}, fixedMeta, sub)
		require.NoError(t, err, f)
		require.NoError(t, sub.Close())
		files[f] = f
		if !info.Multi() {
			files[f] = filepath.Join(f, info.FileName)
		}
	}
	exp := expected(t, s)
	exp["files"] = files
	b, err := json.Marshal(exp)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "expected.json"), b, 0o644))

	cmd := exec.Command("./pycheck/run.sh", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 3 {
		t.Skipf("the researchers' tools cannot be installed here, so the exports are not read by them: %s", stderr.String())
	}
	var report struct {
		Checks []struct {
			Tool, Format, Detail string
			OK                   bool
		}
	}
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &report), "check.py printed no report: %v\n%s", err, stderr.String())
	require.Len(t, report.Checks, 10, "every tool ran")
	for _, c := range report.Checks {
		assert.True(t, c.OK, "%s reading %s: %s", c.Tool, c.Format, c.Detail)
		t.Logf("%s reads %s: %s", c.Tool, c.Format, c.Detail)
	}
}

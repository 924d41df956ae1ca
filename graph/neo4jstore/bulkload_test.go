package neo4jstore

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	osexec "os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

func TestImportCell(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   any
		want string
		err  string
	}{
		{"nil is no property", nil, "", ""},
		{"string", "a \"quoted\"\nline", "a \"quoted\"\nline", ""},
		{"list", []string{"a", "b\x1fc"}, "a\x1eb\x1fc", ""},
		{"empty list", []string{}, "", ""},
		{"long", int64(-42), "-42", ""},
		{"double keeps every digit", math.Nextafter(0.3, 1), "0.30000000000000004", ""},
		{"boolean", true, "true", ""},
		{"delimiter in an element", []string{"a\x1eb"}, "", "array delimiter"},
		{"unknown type", 3, "", "no CSV form"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := importCell(tc.in)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestRowCellsNeedsTheLayoutsKeys(t *testing.T) {
	cols := []column{{"a", ""}, {"b", "long"}}
	for _, tc := range []struct {
		name  string
		props map[string]any
		want  []string
		err   string
	}{
		{"in column order", map[string]any{"b": int64(2), "a": "x"}, []string{"x", "2"}, ""},
		{"a property the layout lacks", map[string]any{"a": "x", "b": int64(2), "c": "y"}, nil, "out of step"},
		{"a column the writes lack", map[string]any{"a": "x", "c": int64(2)}, nil, `no property "b"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := rowCells(cols, tc.props)
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestImportLayoutMatchesTheWrites checks importNodes against the property maps the
// writes build from records with every optional field set.
func TestImportLayoutMatchesTheWrites(t *testing.T) {
	g := graph.Canonical(storetest.GenerateArticles(1, 3)[0])
	cols := map[string][]column{}
	for _, n := range importNodes {
		cols[n.label] = n.cols
	}
	art := articleProps(&g.Article)
	setBundle(art, g) // as every write of an article sets its bundle's ids and counts
	for label, p := range map[string]map[string]any{
		graph.LabelArticle:   art,
		graph.LabelOutlet:    outletProps(&graph.Outlet{ID: "o", Name: "O", Domain: "o.example"}),
		graph.LabelAgent:     agentProps(g.Agents[0]),
		graph.LabelClaim:     claimProps(&g.Claims[0]),
		graph.LabelStatement: statementProps(&g.Statements[0]),
		graph.LabelDispute:   disputeProps(&graph.Dispute{ID: "d", ArticleID: "a", DisputerID: "x", Kind: graph.DisputeDenies}),
	} {
		_, err := rowCells(cols[label], p)
		assert.NoError(t, err, label)
	}
}

// bulkSnapshot is every answer the API gives about a store: its counts, every
// article's graph, every claim with its provenance, contradictions and a text search
// for its rarest word, every agent with its claims.
type bulkSnapshot struct {
	Stats          graph.Stats
	Articles       map[string]*graph.ArticleGraph
	Claims         map[string]*graph.ClaimDetail
	Provenance     map[string]*graph.Provenance
	Contradictions map[string]*graph.Contradictions
	Searches       map[string]graph.Page[graph.ClaimSummary]
	Agents         []graph.Agent
	AgentClaims    map[string]graph.Page[graph.ClaimSummary]
}

func takeBulkSnapshot(t *testing.T, s graph.Store) bulkSnapshot {
	t.Helper()
	ctx := context.Background()
	snap := bulkSnapshot{Articles: map[string]*graph.ArticleGraph{}, Claims: map[string]*graph.ClaimDetail{},
		Provenance: map[string]*graph.Provenance{}, Contradictions: map[string]*graph.Contradictions{},
		Searches: map[string]graph.Page[graph.ClaimSummary]{}, AgentClaims: map[string]graph.Page[graph.ClaimSummary]{}}
	var err error
	snap.Stats, err = s.Stats(ctx)
	require.NoError(t, err)
	arts, err := s.Articles(ctx, graph.ArticleQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize}})
	require.NoError(t, err)
	require.Empty(t, arts.NextCursor, "the snapshot reads one page of articles")
	for _, a := range arts.Items {
		snap.Articles[a.ID], err = s.ArticleGraph(ctx, a.ID)
		require.NoError(t, err)
	}
	for cursor := ""; ; {
		page, err := s.SearchClaims(ctx, graph.ClaimQuery{Sort: graph.SortByID, Page: graph.PageRequest{Cursor: cursor, Limit: graph.MaxPageSize}})
		require.NoError(t, err)
		for _, c := range page.Items {
			id := c.Claim.ID
			snap.Claims[id], err = s.Claim(ctx, id)
			require.NoError(t, err)
			snap.Provenance[id], err = s.Provenance(ctx, id)
			require.NoError(t, err)
			snap.Contradictions[id], err = s.Contradictions(ctx, id)
			require.NoError(t, err)
			if w := ingest.CandidateTerms(c.Claim.Text, 1); len(w) > 0 {
				snap.Searches[w[0]], err = s.SearchClaims(ctx, graph.ClaimQuery{Text: w[0]})
				require.NoError(t, err)
			}
		}
		if cursor = page.NextCursor; cursor == "" {
			break
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
	for _, a := range snap.Agents {
		snap.AgentClaims[a.ID], err = s.AgentClaims(ctx, a.ID, graph.PageRequest{})
		require.NoError(t, err)
	}
	return snap
}

// TestBulkLoadAnswersAsIngest ingests the built-in corpus (extracted) and 30 generated
// bundles (with disputes, links, agencies and quantities) twice, into the Neo4j of
// NEO4J_URI and into an embedded store, loads the embedded store into a second Neo4j
// (the project's launcher on a port of its own) through WriteImportCSV, neo4j-admin
// import and FinishImport, and requires every answer of the two Neo4j stores to be
// equal.
func TestBulkLoadAnswersAsIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Neo4j of its own (about a minute)")
	}
	ingested := newTestStore(t)
	ctx := context.Background()
	arts, err := corpus.Default()
	require.NoError(t, err)
	gen := storetest.GenerateArticles(30, 11)
	src, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "src.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	defer src.Close(ctx)
	for _, st := range []graph.Store{ingested, src} {
		in := ingest.New(st, extract.Extractor{}, ingest.Options{})
		_, err := in.IngestAll(ctx, corpus.Inputs(arts), ingest.PipelineOptions{Batch: 8},
			func(i int, r ingest.BatchResult) { require.NoError(t, r.Err, arts[i].Path) })
		require.NoError(t, err)
		for _, g := range gen {
			_, err := in.IngestGraph(ctx, g, nil)
			require.NoError(t, err)
		}
	}
	want := takeBulkSnapshot(t, ingested)
	require.Positive(t, want.Stats.Links, "the corpus must exercise links")
	require.Positive(t, want.Stats.Disputes, "the corpus must exercise disputes")

	dir := t.TempDir()
	st, err := WriteImportCSV(ctx, src, dir, "")
	require.NoError(t, err)
	assert.Equal(t, want.Stats, st, "the embedded store holds what ingest wrote into Neo4j")

	addr := freePort(t)
	port := addr[strings.LastIndex(addr, ":")+1:]
	env := append(os.Environ(), "NEO4J_PORT="+port, "NEO4J_STATE_DIR="+t.TempDir(), "NEO4J_HEAP=512m", "NEO4J_PAGECACHE=64m")
	launcher := filepath.Join("launcher", "neo4j.sh")
	t.Cleanup(func() {
		down := osexec.Command(launcher, "down")
		down.Env = env
		_ = down.Run()
	})
	imp := osexec.Command(launcher, "import", dir)
	imp.Env = env
	out, err := imp.CombinedOutput()
	require.NoError(t, err, "neo4j.sh import: %s", lastLines(string(out), 30))

	cfg := Config{URI: "bolt://" + addr}
	fctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	require.NoError(t, FinishImport(fctx, cfg, st))
	loaded, err := New(fctx, cfg)
	require.NoError(t, err)
	defer loaded.Close(ctx)
	got := takeBulkSnapshot(t, loaded)
	assert.Equal(t, want, got)

	// A second finish changes nothing; a store missing records fails the count check.
	require.NoError(t, FinishImport(fctx, cfg, st))
	more := st
	more.Claims++
	assert.Equal(t, graph.EINTERNAL, graph.ErrorCode(FinishImport(fctx, cfg, more)))
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// importRecords reads every import file of dir as sorted rows (header first), to
// compare two writes of one graph whatever their row order.
func importRecords(t *testing.T, dir string) map[string][]string {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	require.NoError(t, err)
	out := map[string][]string{}
	for _, p := range names {
		f, err := os.Open(p)
		require.NoError(t, err)
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		require.NoError(t, err, p)
		rows := make([]string, 0, len(recs))
		for _, r := range recs[1:] {
			rows = append(rows, strings.Join(r, "\x00"))
		}
		sort.Strings(rows)
		out[filepath.Base(p)] = append([]string{strings.Join(recs[0], ",")}, rows...)
	}
	return out
}

// TestWriteImportBundlesAsTheStore writes generated bundles (shared agents merged
// across articles, repeated claims, links and disputes) two ways: straight from the
// bundles, and from an embedded store they were written into with PutArticle. The
// files must hold the same rows: WriteImportBundles gives PutArticle's graph.
func TestWriteImportBundlesAsTheStore(t *testing.T) {
	ctx := context.Background()
	gen := storetest.GenerateArticles(120, 5)
	src, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "src.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	defer src.Close(ctx)
	for _, g := range gen {
		_, err := src.PutArticle(ctx, g)
		require.NoError(t, err)
	}
	fromStore, fromBundles := t.TempDir(), t.TempDir()
	want, err := WriteImportCSV(ctx, src, fromStore, "")
	require.NoError(t, err)
	assert.Equal(t, storetest.ExpectedStats(gen), want)
	i := 0
	got, err := WriteImportBundles(ctx, func() (*graph.ArticleGraph, error) {
		if i == len(gen) {
			return nil, nil
		}
		i++
		return gen[i-1], nil
	}, fromBundles, "")
	require.NoError(t, err)
	assert.Equal(t, want, got)
	storeRows, bundleRows := importRecords(t, fromStore), importRecords(t, fromBundles)
	require.Len(t, storeRows, len(importNodes)+len(importRels))
	for name, rows := range storeRows {
		assert.Equal(t, rows, bundleRows[name], name)
	}
	for _, name := range []string{ImportArgsFile, ImportCountsFile} {
		a, err := os.ReadFile(filepath.Join(fromStore, name))
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(fromBundles, name))
		require.NoError(t, err)
		assert.Equal(t, string(a), string(b), name)
	}
}

func TestWriteImportBundlesRefusesARepeatedArticle(t *testing.T) {
	g := storetest.GenerateArticles(1, 2)[0]
	n := 0
	_, err := WriteImportBundles(context.Background(), func() (*graph.ArticleGraph, error) {
		if n++; n > 2 {
			return nil, nil
		}
		return g, nil
	}, t.TempDir(), "")
	assert.Equal(t, graph.EINVALID, graph.ErrorCode(err))
	assert.ErrorContains(t, err, "repeats article")
}

// importedVersions reads the previous_versions column of article id from the import
// files in dir.
func importedVersions(t *testing.T, dir, id string) []graph.ArticleVersion {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, importNodeFile(graph.LabelArticle)))
	require.NoError(t, err)
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	require.NoError(t, err)
	col := -1
	for i, h := range recs[0] {
		if strings.HasPrefix(h, "previous_versions") {
			col = i
		}
	}
	require.GreaterOrEqual(t, col, 0, "no previous_versions column in %v", recs[0])
	for _, r := range recs[1:] {
		if r[0] != id {
			continue
		}
		return toArticle(map[string]any{"id": id, "previous_versions": r[col]}).PreviousVersions
	}
	t.Fatalf("article %s not in the import files", id)
	return nil
}

// TestImportKeepsTheVersionsBound: the bulk load's files (WriteImportCSV from a store,
// WriteImportBundles from bundles) cut an article's previous_versions to the same
// bound as every store write (graph.DefaultVersionsKeep unless WithVersionsKeep says
// otherwise), the newest kept, whatever the source holds.
func TestImportKeepsTheVersionsBound(t *testing.T) {
	ctx := context.Background()
	g := storetest.GenerateArticles(1, 2)[0]
	var history []graph.ArticleVersion
	for v := 1; v <= 30; v++ {
		history = append(history, graph.ArticleVersion{Version: v, ContentHash: fmt.Sprintf("%064x", v)})
	}
	g.Article.Version, g.Article.PreviousVersions = 31, history
	// A source store that keeps every version (written with --versions-keep 0).
	src, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "src.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	defer src.Close(ctx)
	require.NoError(t, src.SetRetention(graph.Retention{}))
	_, err = src.PutArticle(ctx, g)
	require.NoError(t, err)
	stored, err := src.Article(ctx, g.Article.ID)
	require.NoError(t, err)
	require.Len(t, stored.PreviousVersions, 30, "the source holds the whole history")

	for _, tc := range []struct {
		name  string
		opts  []ImportOption
		first int // the oldest version listed
	}{
		{"default bound", nil, 11},
		{"bound of 3", []ImportOption{WithVersionsKeep(3)}, 28},
		{"no bound", []ImportOption{WithVersionsKeep(0)}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := history[tc.first-1:]
			fromStore := t.TempDir()
			_, err := WriteImportCSV(ctx, src, fromStore, "", tc.opts...)
			require.NoError(t, err)
			assert.Equal(t, want, importedVersions(t, fromStore, g.Article.ID), "WriteImportCSV")

			fromBundles, sent := t.TempDir(), false
			_, err = WriteImportBundles(ctx, func() (*graph.ArticleGraph, error) {
				if sent {
					return nil, nil
				}
				sent = true
				return g, nil
			}, fromBundles, "", tc.opts...)
			require.NoError(t, err)
			assert.Equal(t, want, importedVersions(t, fromBundles, g.Article.ID), "WriteImportBundles")
			assert.Len(t, g.Article.PreviousVersions, 30, "the caller's bundle is not changed")
		})
	}
}

// TestEveryWritePathKeepsTheVersionsBound: every write path of the Neo4j store
// (PutArticle, PutArticles, a Batch, a write in pieces) cuts previous_versions to
// Retention.VersionsKeep (storetest.VersionsBound); the import files are
// TestImportKeepsTheVersionsBound's.
func TestEveryWritePathKeepsTheVersionsBound(t *testing.T) {
	paths := map[string]func(s *Store) storetest.WriteFunc{
		"PutArticle": func(s *Store) storetest.WriteFunc {
			return func(ctx context.Context, g *graph.ArticleGraph) error { _, err := s.PutArticle(ctx, g); return err }
		},
		"PutArticles": func(s *Store) storetest.WriteFunc {
			return func(ctx context.Context, g *graph.ArticleGraph) error {
				_, err := s.PutArticles(ctx, []*graph.ArticleGraph{g})
				return err
			}
		},
		"Batch": func(s *Store) storetest.WriteFunc {
			return func(ctx context.Context, g *graph.ArticleGraph) error {
				return s.Batch(ctx, func(ctx context.Context, tx graph.Store) error { _, err := tx.PutArticle(ctx, g); return err })
			}
		},
	}
	paths["pieces"] = paths["PutArticle"]
	for _, name := range []string{"PutArticle", "PutArticles", "Batch", "pieces"} {
		t.Run(name, func(t *testing.T) {
			if name == "pieces" {
				inPiecesOf(t, 2)
			}
			s := newTestStore(t)
			storetest.VersionsBound(t, s, s.SetRetention, paths[name](s))
		})
	}
}

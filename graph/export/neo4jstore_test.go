package export

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"os"
	"os/exec"
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

// TestNeo4jStoreExportOfASelection checks that a filtered neo4j-store export holds the
// subgraph store (SubgraphBundles put into an empty store): counts.json holds its
// Stats, and a filter that selects a missing root is refused with nothing written.
func TestNeo4jStoreExportOfASelection(t *testing.T) {
	ctx := context.Background()
	s := openFixture(t, 5)
	for _, tc := range storeFilters()[1:] {
		t.Run(tc.name, func(t *testing.T) {
			dir := &DiskDir{Path: t.TempDir()}
			_, err := Export(ctx, s, FormatNeo4jStore, tc.f, fixedMeta, dir)
			require.NoError(t, err)
			require.NoError(t, dir.Close())
			b, err := os.ReadFile(filepath.Join(dir.Path, neo4jstore.ImportCountsFile))
			require.NoError(t, err)
			var counts graph.Stats
			require.NoError(t, json.Unmarshal(b, &counts))
			want, err := subgraphStore(t, s, tc.f).Stats(ctx)
			require.NoError(t, err)
			assert.Equal(t, want, counts)
		})
	}
	dir := &DiskDir{Path: t.TempDir()}
	_, err := Export(ctx, s, FormatNeo4jStore, Filter{Root: "c_missing", Depth: 1}, fixedMeta, dir)
	require.Error(t, err)
	assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err))
	entries, err := os.ReadDir(dir.Path)
	if !os.IsNotExist(err) {
		require.NoError(t, err)
		assert.Empty(t, entries, "nothing written")
	}
}

// TestNeo4jStoreImportScript runs the bundle's import.sh with stand-in commands
// (NEO4J_ADMIN, CLAIMGRAPH set to echo): the admin step passes neo4j-admin.args one
// argument a line, the finish step runs bulkload --finish on the bundle's directory, and
// misuse is refused.
func TestNeo4jStoreImportScript(t *testing.T) {
	dir := &DiskDir{Path: t.TempDir()}
	_, err := Export(context.Background(), openFixture(t, 0), FormatNeo4jStore, Filter{}, fixedMeta, dir)
	require.NoError(t, err)
	require.NoError(t, dir.Close())
	args, err := os.ReadFile(filepath.Join(dir.Path, neo4jstore.ImportArgsFile))
	require.NoError(t, err)
	abs, err := filepath.Abs(dir.Path)
	require.NoError(t, err)
	abs, err = filepath.EvalSymlinks(abs)
	require.NoError(t, err)
	tests := []struct {
		name, arg string
		env       []string
		want      string // stdout, or a part of stderr when code != 0
		code      int
	}{
		{"admin", "admin", []string{"NEO4J_ADMIN=echo"}, strings.Join(strings.Fields(string(args)), " ") + "\n", 0},
		{"finish", "finish", []string{"CLAIMGRAPH=echo", "NEO4J_URI=bolt://127.0.0.1:1"}, "bulkload --finish --csv " + abs + "\n", 0},
		{"finish without NEO4J_URI", "finish", []string{"CLAIMGRAPH=echo", "NEO4J_URI="}, "set NEO4J_URI", 2},
		{"no step", "", nil, "usage:", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command("sh", filepath.Join(dir.Path, "import.sh"), tc.arg)
			cmd.Env = append(os.Environ(), tc.env...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			if tc.code == 0 {
				require.NoError(t, err, stderr.String())
				assert.Equal(t, tc.want, stdout.String())
				return
			}
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee)
			assert.NotZero(t, ee.ExitCode())
			assert.Contains(t, stderr.String(), tc.want)
		})
	}
}

// TestNeo4jStoreExportServedByNeo4j exports an embedded store in the neo4j-store format
// as the API streams it (a zip): the whole store and three selections (a search, a
// search with a date range, a neighbourhood; trickyBundle's hostile strings included).
// It imports each bundle with neo4j-admin (neo4j.sh import: the bundle's
// neo4j-admin.args) into a new database of a Neo4j of its own (the project's launcher,
// on a free port: the import replaces the database, so never the shared server of
// NEO4J_URI), finishes it as import.sh does (bulkload --finish: FinishImport against
// counts.json), and requires every read answer of the Neo4j store to equal the
// subgraph store's (the source itself for the whole store; answers: every endpoint's
// store method). One server serves the imports in turn: each import stops it and starts
// it on the new database. It runs where the Neo4j tests do (NEO4J_URI set) and not with
// -short (it starts a server four times, 1–3 minutes).
func TestNeo4jStoreExportServedByNeo4j(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: starts a Neo4j of its own (1–3 minutes)")
	}
	if os.Getenv("NEO4J_URI") == "" {
		t.Skip("NEO4J_URI is not set: the Neo4j tests are off here (the test starts a Neo4j of its own)")
	}
	ctx := context.Background()
	src := neo4jFixture(t)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	port := addr[strings.LastIndex(addr, ":")+1:]
	env := append(os.Environ(), "NEO4J_PORT="+port, "NEO4J_STATE_DIR="+t.TempDir(), "NEO4J_HEAP=512m", "NEO4J_PAGECACHE=64m")
	launcher := filepath.Join("..", "neo4jstore", "launcher", "neo4j.sh")
	t.Cleanup(func() {
		down := exec.Command(launcher, "down")
		down.Env = env
		_ = down.Run()
	})
	for _, tc := range pickFilters("whole store", "disputed", "text and date range", "neighbourhood") {
		t.Run(tc.name, func(t *testing.T) {
			sub := subgraphStore(t, src, tc.f)
			want := answers(t, sub)
			stats, err := sub.Stats(ctx)
			require.NoError(t, err)
			require.NotZero(t, stats.Claims, "the selection holds claims")

			var zipped bytes.Buffer
			zw := zip.NewWriter(&zipped)
			_, err = Export(ctx, src, FormatNeo4jStore, tc.f, fixedMeta, zw)
			require.NoError(t, err)
			require.NoError(t, zw.Close())
			dir := unzipTo(t, zipped.Bytes())
			b, err := os.ReadFile(filepath.Join(dir, neo4jstore.ImportCountsFile))
			require.NoError(t, err)
			var counts graph.Stats
			require.NoError(t, json.Unmarshal(b, &counts))
			assert.Equal(t, stats, counts, "counts.json holds the subgraph store's Stats")

			imp := exec.Command(launcher, "import", dir)
			imp.Env = env
			out, err := imp.CombinedOutput()
			require.NoError(t, err, "neo4j.sh import: %s", lastLinesOf(string(out), 30))
			require.Contains(t, string(out), "imported in", "neo4j-admin made the database")

			cfg := neo4jstore.Config{URI: "bolt://" + addr}
			fctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
			defer cancel()
			require.NoError(t, neo4jstore.FinishImport(fctx, cfg, counts))
			loaded, err := neo4jstore.New(fctx, cfg)
			require.NoError(t, err)
			defer loaded.Close(ctx)
			assert.Equal(t, want, answers(t, loaded), "the imported Neo4j store answers as the exported selection's store")
		})
	}
}

// unzipTo extracts a flat zip into a new temporary directory.
func unzipTo(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	dir := t.TempDir()
	for _, f := range zr.File {
		require.NotContains(t, f.Name, "/", "a flat bundle")
		rc, err := f.Open()
		require.NoError(t, err)
		data, err := io.ReadAll(rc)
		require.NoError(t, err)
		require.NoError(t, rc.Close())
		require.NoError(t, os.WriteFile(filepath.Join(dir, f.Name), data, 0o644))
	}
	return dir
}

func lastLinesOf(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// TestNeo4jCSVAdminArgs runs the neo4j-csv export's import.sh with a stand-in
// neo4j-admin on PATH that prints its arguments one a line, for the whole store and a
// selection that leaves some files out, with and without a database argument, and
// requires them to be Neo4jCSVAdminArgs of the files present: what a caller that runs
// neo4j-admin itself (neo4j.sh import, apocpeer) passes is what the script runs.
func TestNeo4jCSVAdminArgs(t *testing.T) {
	ctx := context.Background()
	src := openFixture(t, 0)
	bin := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(bin, "neo4j-admin"), []byte("#!/bin/sh\nfor a in \"$@\"; do echo \"$a\"; done\n"), 0o755))
	tests := []struct {
		name, db string
		f        Filter
	}{
		{"whole store, default database", "", Filter{}},
		{"whole store, named database", "mydb", Filter{}},
		{"one speaker", "", Filter{Query: graph.ClaimQuery{SpeakerID: st.AgentHealthMinistry}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := &DiskDir{Path: t.TempDir()}
			_, err := Export(ctx, src, FormatNeo4jCSV, tc.f, fixedMeta, dir)
			require.NoError(t, err)
			require.NoError(t, dir.Close())
			entries, err := os.ReadDir(dir.Path)
			require.NoError(t, err)
			var present []string
			for _, e := range entries {
				present = append(present, e.Name())
			}
			cmd := exec.Command("sh", filepath.Join(dir.Path, "import.sh"))
			if tc.db != "" {
				cmd.Args = append(cmd.Args, tc.db)
			}
			cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Run(), stderr.String())
			db := tc.db
			if db == "" {
				db = "claimgraph"
			}
			want := Neo4jCSVAdminArgs(present, db)
			assert.Equal(t, want, strings.Split(strings.TrimSuffix(stdout.String(), "\n"), "\n"))
			assert.Contains(t, want, "--nodes=Claim=nodes_Claim.csv")
		})
	}
}

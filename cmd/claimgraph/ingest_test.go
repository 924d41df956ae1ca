package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph/embedded"
)

func TestRunIngestBuiltinCorpus(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	dir := t.TempDir()
	var out, errb bytes.Buffer
	require.NoError(t, runIngest(t.Context(), []string{"--data", dir}, &out, &errb), errb.String())
	assert.Contains(t, errb.String(), "store: embedded "+filepath.Join(dir, "graph.db"))
	assert.Contains(t, errb.String(), "3/3 articles")
	assert.Contains(t, out.String(), "ingested 3 articles (3 new, 0 unchanged)")
	assert.Contains(t, out.String(), "articles/s")
	assert.Contains(t, out.String(), "store now holds 3 articles")

	out.Reset()
	errb.Reset()
	require.NoError(t, runIngest(t.Context(), []string{"--data", dir}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "ingested 3 articles (0 new, 3 unchanged)")

	s, err := embedded.Open(context.Background(), filepath.Join(dir, "graph.db"), nil)
	require.NoError(t, err)
	defer s.Close(context.Background())
	n, err := s.Stats(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 3, n.Articles)
	assert.Positive(t, n.Claims)
}

// --batch gives the graph of one article per transaction (the built-in corpus and
// the batch fixture of graph/ingest, whose articles act on each other), in batches
// that do not divide the input evenly.
func TestRunIngestBatch(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	fixture := filepath.Join("..", "..", "graph", "ingest", "testdata", "batch")
	counts := map[string]string{}
	for _, batch := range []string{"1", "4", "1000"} {
		dir := t.TempDir()
		var out, errb bytes.Buffer
		require.NoError(t, runIngest(t.Context(), []string{"--data", dir, "--batch", batch, fixture}, &out, &errb), errb.String())
		assert.Contains(t, out.String(), "ingested 14 articles (13 new, 1 unchanged)", "batch %s", batch)
		s, err := embedded.Open(context.Background(), filepath.Join(dir, "graph.db"), nil)
		require.NoError(t, err)
		n, err := s.Stats(context.Background())
		require.NoError(t, err)
		require.NoError(t, s.Close(context.Background()))
		counts[batch] = fmt.Sprintf("%+v", n)
		assert.Positive(t, n.Links, "batch %s", batch)
	}
	assert.Equal(t, counts["1"], counts["4"])
	assert.Equal(t, counts["1"], counts["1000"])
}

func TestRunIngestSkipsInvalidArticles(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	src := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(src, "good.md"), []byte("---\nurl: https://x.example/good\n---\nIsrael said the talks would resume on Monday.\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(src, "bad.md"), []byte("---\nurl: ftp://nowhere\n---\nText.\n"), 0o644))
	var out, errb bytes.Buffer
	err := runIngest(t.Context(), []string{"--data", t.TempDir(), src}, &out, &errb)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "1 of 2 articles were invalid")
	assert.Contains(t, errb.String(), "skipped: article "+src+"/bad.md")
	assert.Contains(t, errb.String(), "not an absolute http(s) URL")
	assert.Contains(t, out.String(), "ingested 1 articles (1 new, 0 unchanged, 1 invalid)")
}

// Files named by absolute paths and by paths that climb with ".." are read: both
// once failed with "invalid argument" (io/fs accepts neither).
func TestRunIngestFilesByOSPath(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	src := t.TempDir()
	abs := filepath.Join(src, "one.md")
	require.NoError(t, os.WriteFile(abs, []byte("---\nurl: https://x.example/one\n---\nIsrael said the talks would resume on Monday.\n"), 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(src, "sub"), 0o755))
	climb := filepath.Join(src, "sub", "..", "two.md")
	require.NoError(t, os.WriteFile(filepath.Join(src, "two.md"), []byte("---\nurl: https://x.example/two\n---\nEgypt said the border would open on Friday.\n"), 0o644))
	var out, errb bytes.Buffer
	require.NoError(t, runIngest(t.Context(), []string{"--data", t.TempDir(), abs, climb}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "ingested 2 articles (2 new, 0 unchanged)")
}

func TestRunIngestUsageErrors(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	var out, errb bytes.Buffer
	err := runIngest(t.Context(), []string{"--data", t.TempDir(), "/no/such/path"}, &out, &errb)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/no/such/path")
	for _, tt := range []struct{ flag, value string }{
		{"--workers", "0"},
		{"--batch", "0"},
		{"--batch", "1001"},
	} {
		err = runIngest(t.Context(), []string{"--data", t.TempDir(), tt.flag, tt.value}, &out, &errb)
		require.Error(t, err, "%s %s", tt.flag, tt.value)
		assert.Contains(t, err.Error(), tt.flag+" "+tt.value)
	}
	empty := t.TempDir()
	err = runIngest(t.Context(), []string{"--data", t.TempDir(), empty}, &out, &errb)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no articles found")
}

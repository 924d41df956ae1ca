package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunEvalGraph ingests two dated articles of evaluation-set shape (front-matter
// keys that corpus does not know, dates from a metadata file) and counts the graph:
// the two tolls of one event a day apart conflict across the articles, and both
// claims then have a non-empty contradictions answer. A second run counts the store
// kept with --data; a third refuses to ingest into it again.
func TestRunEvalGraph(t *testing.T) {
	dir := t.TempDir()
	arts := map[string]string{
		"a.md": "---\nid: a\nlicense: test\npublished: not given (May 2025 events)\n---\nThe Red Cross said 40 people were killed in the floods in Mombasa.\n",
		"b.md": "---\nid: b\nretrieved: 2026-12-04\n---\nKenya's interior ministry said 65 people were killed in the floods in Mombasa.\n",
	}
	for name, text := range arts {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	meta := filepath.Join(t.TempDir(), "metadata.tsv")
	require.NoError(t, os.WriteFile(meta, []byte("filename\tpublisher\tpublication_date\na\tledger\t2025-05-01\nb\tcourier\t2025-05-02\n"), 0o644))
	data := filepath.Join(t.TempDir(), "store")

	var out, errb bytes.Buffer
	require.NoError(t, runEval(context.Background(), []string{"graph", "--list", "--metadata", meta, "--data", data, dir}, &out, &errb), errb.String())
	s := out.String()
	assert.Contains(t, s, "articles        2\n")
	assert.Contains(t, s, "links           1 (1 CONFLICTS_WITH, 0 CORROBORATES; 1 across articles)")
	assert.Contains(t, s, "contradictions  2 of ")
	assert.Contains(t, s, "link conflicts: ")

	out.Reset()
	require.NoError(t, runEval(context.Background(), []string{"graph", "--data", data}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "links           1 (1 CONFLICTS_WITH")

	err := runEval(context.Background(), []string{"graph", "--data", data, dir}, &out, &errb)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "already holds a store")
	require.Error(t, runEval(context.Background(), []string{"graph"}, &out, &errb))
}

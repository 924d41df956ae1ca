package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

// TestBackupRestoreCommands backs up an ingested store and restores it into another
// data directory, and checks the commands' refusals.
func TestBackupRestoreCommands(t *testing.T) {
	t.Setenv("NEO4J_URI", "")
	ctx := t.Context()
	src, dst := t.TempDir(), t.TempDir()
	file := filepath.Join(t.TempDir(), "claimgraph.backup")
	var out, errb bytes.Buffer
	require.NoError(t, runIngest(ctx, []string{"--data", src}, &out, &errb), errb.String())

	out.Reset()
	require.NoError(t, runBackup(ctx, []string{"--data", src, "--out", file}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "backed up 3 articles")

	out.Reset()
	require.NoError(t, runRestore(ctx, []string{"--data", dst, "--in", file}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "restored 3 articles")
	s, err := embedded.Open(ctx, filepath.Join(dst, "graph.db"), &embedded.Options{ReadOnly: true})
	require.NoError(t, err)
	st, err := s.Stats(ctx)
	require.NoError(t, err)
	require.NoError(t, s.Close(ctx))
	assert.Equal(t, 3, st.Articles)

	cases := []struct {
		name string
		run  command
		args []string
		env  string // NEO4J_URI
		want string
	}{
		{"backup without --out", runBackup, []string{"--data", src}, "", "--out FILE"},
		{"restore without --in", runRestore, []string{"--data", dst}, "", "--in FILE"},
		{"restore over articles", runRestore, []string{"--data", dst, "--in", file}, "", "pass --force"},
		{"backup of neo4j", runBackup, []string{"--out", file}, "bolt://127.0.0.1:1", "works on the embedded store"},
		{"restore a missing file", runRestore, []string{"--data", dst, "--in", file + ".missing", "--force"}, "", "cannot be read"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("NEO4J_URI", tc.env)
			var o, e bytes.Buffer
			err := tc.run(ctx, tc.args, &o, &e)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	out.Reset()
	require.NoError(t, runRestore(ctx, []string{"--data", dst, "--in", file, "--force"}, &out, &errb), errb.String())
}

// TestBackupFromServer takes the backup of a running server's store with --server,
// which holds the store's lock, and checks the refusals of that mode.
func TestBackupFromServer(t *testing.T) {
	ctx := t.Context()
	s, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	defer s.Close(ctx)
	for _, g := range storetest.Gaza() {
		_, err := s.PutArticle(ctx, g)
		require.NoError(t, err)
	}
	keys, err := api.NewKeySet("server-key-0123456789")
	require.NoError(t, err)
	srv, err := api.New(api.Deps{Store: s, Keys: keys, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	hs := httptest.NewServer(srv)
	defer hs.Close()

	out := filepath.Join(t.TempDir(), "b.db")
	cases := []struct {
		name, key string
		args      []string
		want      string // error text; "" for success
	}{
		{"backup", "server-key-0123456789", []string{"--server", hs.URL, "--out", out}, ""},
		{"no key", "", []string{"--server", hs.URL, "--out", out}, "set CLAIMGRAPH_API_KEY"},
		{"wrong key", "wrong-key-0123456789", []string{"--server", hs.URL, "--out", out}, "answered 403"},
		{"both --data and --server", "server-key-0123456789", []string{"--data", t.TempDir(), "--server", hs.URL, "--out", out}, "give one"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("NEO4J_URI", "")
			t.Setenv("CLAIMGRAPH_API_KEY", tc.key)
			var o, e bytes.Buffer
			err := runBackup(ctx, tc.args, &o, &e)
			if tc.want != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.want)
				return
			}
			require.NoError(t, err, e.String())
			assert.Contains(t, o.String(), "backed up 3 articles")
			st, err := embedded.CheckBackup(ctx, out)
			require.NoError(t, err)
			assert.Equal(t, 3, st.Articles)
		})
	}
}

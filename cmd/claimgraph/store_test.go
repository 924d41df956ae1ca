package main

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

func envMap(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestResolveStore(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string
		flag     string
		backend  string
		path     string
		from     string
		contains []string
	}{
		{"flag wins", map[string]string{"CLAIMGRAPH_DATA": "/env", "HOME": "/home/u"}, "/flag", "embedded", "/flag/graph.db", "--data", []string{"embedded /flag/graph.db"}},
		{"env next", map[string]string{"CLAIMGRAPH_DATA": "/env", "XDG_DATA_HOME": "/xdg"}, "", "embedded", "/env/graph.db", "CLAIMGRAPH_DATA", nil},
		{"XDG data home", map[string]string{"XDG_DATA_HOME": "/xdg", "HOME": "/home/u"}, "", "embedded", "/xdg/claimgraph/graph.db", "XDG_DATA_HOME", nil},
		{"home fallback", map[string]string{"HOME": "/home/u"}, "", "embedded", "/home/u/.local/share/claimgraph/graph.db", "the default (~/.local/share)", nil},
		{"no home", map[string]string{}, "", "embedded", filepath.Join("claimgraph-data", "graph.db"), "the default (no HOME)", nil},
		{"neo4j with masked password", map[string]string{"NEO4J_URI": "bolt://db:7687", "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": "s3cret", "HOME": "/h"}, "", "neo4j", "", "",
			[]string{"bolt://db:7687", `user="neo4j"`, `password="*****"`, `database="neo4j"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := resolveStore(envMap(tt.env), tt.flag)
			require.NoError(t, err)
			assert.Equal(t, tt.backend, c.Backend)
			assert.Equal(t, tt.path, c.Path)
			assert.Equal(t, tt.from, c.DataFrom)
			for _, s := range tt.contains {
				assert.Contains(t, c.String(), s)
			}
			assert.NotContains(t, c.String(), "s3cret")
		})
	}
	_, err := resolveStore(envMap(map[string]string{"NEO4J_URI": "bolt://db:7687"}), "/flag")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "NEO4J_URI is set")
}

func TestOpenStoreErrors(t *testing.T) {
	_, _, err := openStore(t.Context(), envMap(map[string]string{"NEO4J_URI": "http://db:7474"}), "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not bolt:// or neo4j://")
	assert.Contains(t, err.Error(), "unset NEO4J_URI")

	dir := t.TempDir()
	s, _, err := openStore(t.Context(), envMap(nil), dir)
	require.NoError(t, err)
	defer s.Close(t.Context())
	n, err := s.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, graph.Stats{}, n)
	_, _, err = openStore(t.Context(), envMap(nil), dir)
	require.Error(t, err, "a second open of the same store waits for the lock and fails")
	assert.Contains(t, err.Error(), "another claimgraph process")
}

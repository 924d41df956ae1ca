package main

import (
	"bytes"
	"net"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMigrateErrors(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	unreachable := "bolt://" + l.Addr().String()
	require.NoError(t, l.Close())
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		wantErr string
	}{
		{"embedded store", nil, nil, "set NEO4J_URI (the embedded store needs no migration)"},
		{"arguments", map[string]string{"NEO4J_URI": "bolt://db:7687"}, []string{"x"}, "takes no arguments"},
		{"bad uri", map[string]string{"NEO4J_URI": "http://db:7474"}, nil, "not bolt:// or neo4j://"},
		{"bad pool size", map[string]string{"NEO4J_URI": "bolt://db:7687", "NEO4J_POOL_SIZE": "many"}, nil, "NEO4J_POOL_SIZE"},
		{"unreachable", map[string]string{"NEO4J_URI": unreachable}, nil, "cannot reach Neo4j"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			withEnv(t, tt.env)
			var out, errOut bytes.Buffer
			err := run(t.Context(), append([]string{"migrate"}, tt.args...), &out, &errOut)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

// TestMigrateCurrentStore runs migrate on the test Neo4j (NEO4J_URI), which this
// claimgraph keeps at the current schema version: nothing to do, nothing changed.
// graph/neo4jstore tests the migration of an old store.
func TestMigrateCurrentStore(t *testing.T) {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip("NEO4J_URI is not set: run `make test`")
	}
	withEnv(t, map[string]string{"NEO4J_URI": uri})
	var out, errOut bytes.Buffer
	require.NoError(t, run(t.Context(), []string{"migrate"}, &out, &errOut))
	assert.Contains(t, out.String(), "nothing to do")
	assert.Contains(t, errOut.String(), "claimgraph migrate: store: neo4j{uri="+uri)
}

// withEnv makes osGetenv read env for the rest of the test.
func withEnv(t *testing.T, env map[string]string) {
	old := osGetenv
	osGetenv = func(k string) string { return env[k] }
	t.Cleanup(func() { osGetenv = old })
}

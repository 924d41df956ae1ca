package main

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
)

// TestServeRetentionFlags checks --audit-keep, --audit-max-age and --versions-keep:
// bounded by default, each from its flag or environment variable (the flag wins), 0
// for no bound, bad values refused; and the start-up line says what the store keeps.
func TestServeRetentionFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want graph.Retention
	}{
		{"default", nil, nil, graph.DefaultRetention},
		{"flags", []string{"--audit-keep", "500", "--audit-max-age", "30d", "--versions-keep", "5"}, nil,
			graph.Retention{AuditKeep: 500, AuditMaxAge: 30 * 24 * time.Hour, VersionsKeep: 5}},
		{"env", nil, map[string]string{"CLAIMGRAPH_AUDIT_KEEP": "2000", "CLAIMGRAPH_AUDIT_MAX_AGE": "36h", "CLAIMGRAPH_VERSIONS_KEEP": "0"},
			graph.Retention{AuditKeep: 2000, AuditMaxAge: 36 * time.Hour, VersionsKeep: 0}},
		{"flag wins over env", []string{"--audit-keep", "0", "--audit-max-age", "0"}, map[string]string{"CLAIMGRAPH_AUDIT_KEEP": "2000", "CLAIMGRAPH_AUDIT_MAX_AGE": "7d"},
			graph.Retention{AuditKeep: 0, AuditMaxAge: 0, VersionsKeep: graph.DefaultVersionsKeep}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := parseServeFlags(tc.args, func(k string) string { return tc.env[k] }, io.Discard)
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.Retention)
		})
	}
	for _, args := range [][]string{
		{"--audit-keep", "-1"}, {"--audit-keep", "lots"}, {"--audit-max-age", "-1h"}, {"--audit-max-age", "ninety"},
		{"--audit-max-age", "-3d"}, {"--versions-keep", "-2"}, {"--versions-keep", "1.5"},
	} {
		_, err := parseServeFlags(args, func(string) string { return "" }, io.Discard)
		assert.ErrorContains(t, err, args[0], "%v", args)
	}
}

// TestApplyRetention puts a configured retention on a store and checks the start-up
// line.
func TestApplyRetention(t *testing.T) {
	s, err := embedded.Open(t.Context(), filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	assert.Equal(t, "retention: keeps the newest 10000 audit entries, none older than 90d and the newest 20 previous versions of an article (--audit-keep, --audit-max-age, --versions-keep); every audit entry is also logged (msg=audit)",
		applyRetention(s, graph.DefaultRetention))
	r := graph.Retention{AuditMaxAge: 36 * time.Hour}
	assert.Contains(t, applyRetention(s, r), "retention: keeps audit entries of the last 36h0m0s and every previous version of an article")
	assert.Equal(t, r, s.Retention())
	assert.Contains(t, applyRetention(s, graph.Retention{}), "keeps every audit entry and every previous version")
}

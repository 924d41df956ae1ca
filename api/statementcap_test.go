package api

import (
	"log/slog"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// TestStatementCapRefused checks that an article over a statement cap an operator set
// (ingest.Options.MaxStatements; none by default) is refused
// with 400 and the reason, nothing stored, while one within the cap is created.
func TestStatementCapRefused(t *testing.T) {
	store := firstBackend(t).open(t)
	ing := ingest.New(store, extract.Extractor{}, ingest.Options{MaxStatements: 2})
	keys, err := NewScopedKeySet(APIKey{Name: "alice", Scope: ScopeIngest, Value: aliceKey})
	require.NoError(t, err)
	srv, err := New(Deps{
		Store: store, Keys: keys,
		Ingester: IngesterOf(ing),
		Logger:   slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn})),
	})
	require.NoError(t, err)
	c := startServer(t, srv)
	tests := []struct {
		name   string
		text   string
		status int
		detail string
	}{
		{"three statements: over the cap", `"The district counted 1000 families," Maria Lopez said. "The district counted 1001 schools," John Smith said. "The district counted 1002 clinics," Ahmed Haddad said.`,
			http.StatusBadRequest, "yields more than 2 statements, the limit an article may have: split it"},
		{"two statements: within", `"The district counted 1000 families," Maria Lopez said. "The district counted 1001 schools," John Smith said.`,
			http.StatusCreated, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := "https://example.com/cap/" + tt.name[:3]
			r := c.do("POST", "/v1/articles", articleBody(t, u, tt.text), bearer(aliceKey))
			require.Equal(t, tt.status, r.Status, truncateBody(r.Body))
			_, err := store.Article(t.Context(), graph.ArticleID(u, ""))
			if tt.detail != "" {
				p := r.Problem(t)
				assert.Equal(t, ProblemInvalidRequest, p.Type)
				assert.Contains(t, p.Detail, tt.detail)
				assert.Equal(t, graph.ENOTFOUND, graph.ErrorCode(err), "nothing stored")
				return
			}
			assert.NoError(t, err)
		})
	}
}

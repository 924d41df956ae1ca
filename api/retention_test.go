package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// TestRetentionThroughTheAPI configures a small retention on the store, as serve does
// from --audit-keep and --versions-keep, and writes one url six times: the article
// lists only the newest previous versions, GET /v1/audit pages through the newest
// entries only, and the server's log holds every entry (with key names, never
// values), for an operator who must keep the whole log. On every backend.
func TestRetentionThroughTheAPI(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			store := b.open(t)
			ret, ok := store.(graph.Retainer)
			require.True(t, ok)
			require.NoError(t, ret.SetRetention(graph.Retention{AuditKeep: 4, VersionsKeep: 2}))
			var logged syncBuffer
			keys, err := NewScopedKeySet(APIKey{Name: "alice", Scope: ScopeIngest, Value: aliceKey},
				APIKey{Name: "root", Scope: ScopeAdmin, Value: adminKey})
			require.NoError(t, err)
			srv, err := New(Deps{Store: store, Keys: keys,
				Ingester: IngesterOf(ingest.New(store, extract.Extractor{}, ingest.Options{})),
				Logger:   slog.New(slog.NewJSONHandler(&logged, nil))})
			require.NoError(t, err)
			c := startServer(t, srv)

			const u = "https://example.com/news/retention"
			text := func(n int) string {
				return fmt.Sprintf("Talks resumed on day %d. \"We are close to a deal,\" the mediator said on Monday.", n)
			}
			var id string
			for n := 1; n <= 6; n++ {
				r := c.do("POST", "/v1/articles", articleBody(t, u, text(n)), bearer(aliceKey))
				require.Equal(t, http.StatusCreated, r.Status, truncateBody(r.Body))
				var res IngestResponse
				r.JSON(t, &res)
				assert.Equal(t, n, res.Version)
				id = res.ArticleID
			}

			r := c.get("/v1/articles/" + id)
			require.Equal(t, 200, r.Status)
			var view ArticleView
			r.JSON(t, &view)
			assert.Equal(t, 6, view.Article.Version)
			assert.Equal(t, []graph.ArticleVersion{{Version: 4, ContentHash: graph.ContentHash(text(4))},
				{Version: 5, ContentHash: graph.ContentHash(text(5))}}, view.Article.PreviousVersions,
				"the newest two earlier versions; older ones are dropped")

			entries := c.auditLog(t, adminKey, 3)
			require.Len(t, entries, 4, "the newest four writes (GET /v1/audit is not a write)")
			for i, e := range entries {
				assert.Equal(t, graph.OutcomeReplaced, e.Outcome, "entry %d: versions 6 to 3 replaced the one before", i)
				assert.Equal(t, "alice", e.Key)
				if i > 0 {
					assert.Less(t, e.ID, entries[i-1].ID, "newest first")
				}
			}

			log := logged.String()
			assert.Equal(t, 6, strings.Count(log, `"msg":"audit"`), "every write is in the server's log, pruned or not")
			assert.Contains(t, log, `"key":"alice"`)
			assert.Contains(t, log, `"outcome":"created"`, "the first write, pruned from the store, is in the log")
			for _, secret := range []string{aliceKey, adminKey} {
				assert.NotContains(t, log, secret, "the log names keys, never their values")
			}
		})
	}
}

package api

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// TestArticleVersionsAndPatch re-posts a URL with a new text (a new version; the claim
// only the old text stated is no longer found), re-posts the same text with another
// title (409, nothing changed), and changes the metadata with PATCH, on every backend.
func TestArticleVersionsAndPatch(t *testing.T) {
	const (
		u     = "https://news.example/bridge"
		text1 = "The mayor said the bridge would reopen in March. Residents said the repairs were long overdue."
		text2 = "The mayor said the tunnel would reopen in April. Residents said the repairs were long overdue."
	)
	key := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testKey}
	patchHdr := map[string]string{"Content-Type": "application/merge-patch+json", "Authorization": "Bearer " + testKey}
	post := func(t *testing.T, c *client, title, text string) response {
		b, err := json.Marshal(IngestRequest{URL: u, Title: title, Text: text})
		require.NoError(t, err)
		return c.do("POST", "/v1/articles", b, key)
	}
	search := func(t *testing.T, c *client, q string) []string {
		r := c.get("/v1/claims?q=" + url.QueryEscape(q))
		require.Equal(t, 200, r.Status)
		var p graph.Page[graph.ClaimSummary]
		r.JSON(t, &p)
		return summaryIDs(p)
	}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, _ := corpusServer(t, b)

			r := post(t, c, "Bridge", text1)
			require.Equal(t, http.StatusCreated, r.Status, string(r.Body))
			var v1 IngestResponse
			r.JSON(t, &v1)
			assert.Equal(t, 1, v1.Version)
			bridge := search(t, c, "bridge")
			require.Len(t, bridge, 1, "the bridge claim is found")
			repairs := search(t, c, "repairs overdue")
			require.Len(t, repairs, 1)

			// A new text under the same URL: version 2 of the same article.
			r = post(t, c, "Bridge", text2)
			require.Equal(t, http.StatusCreated, r.Status, string(r.Body))
			var v2 IngestResponse
			r.JSON(t, &v2)
			assert.Equal(t, v1.ArticleID, v2.ArticleID)
			assert.Equal(t, 2, v2.Version)
			assert.Empty(t, search(t, c, "bridge"), "no article states the bridge claim any more")
			assert.Equal(t, 404, c.get("/v1/claims/"+bridge[0]).Status)
			assert.Equal(t, repairs, search(t, c, "repairs overdue"), "the claim both versions state stays")
			var view ArticleView
			r = c.get("/v1/articles/" + v1.ArticleID)
			require.Equal(t, 200, r.Status)
			r.JSON(t, &view)
			assert.Equal(t, text2, view.Article.Text)
			assert.Equal(t, 2, view.Article.Version)
			assert.Equal(t, []graph.ArticleVersion{{Version: 1, ContentHash: graph.ContentHash(text1)}}, view.Article.PreviousVersions)

			// The same text with another title changes nothing: 409, PATCH it instead.
			r = post(t, c, "Tunnel", text2)
			require.Equal(t, http.StatusConflict, r.Status, string(r.Body))
			p := r.Problem(t)
			assert.Equal(t, ProblemConflict, p.Type)
			assert.Equal(t, "title", p.Field)
			assert.Contains(t, p.Detail, "PATCH /v1/articles/"+v1.ArticleID)
			r = post(t, c, "", text2)
			assert.Equal(t, http.StatusOK, r.Status, "a post that states no other metadata is the same article")

			r = c.do("PATCH", "/v1/articles/"+v1.ArticleID, []byte(`{"title":"Tunnel","outlet":"Wire Daily","authors":["A. Writer"],"published":"2025-11"}`), patchHdr)
			require.Equal(t, 200, r.Status, string(r.Body))
			var meta ArticleMetadata
			r.JSON(t, &meta)
			assert.Equal(t, ArticleMetadata{ID: v1.ArticleID, URL: u, Title: "Tunnel", OutletID: graph.OutletID("Wire Daily"),
				Authors: []string{"A. Writer"}, Published: graph.Date{Value: "2025-11", Precision: graph.PrecisionMonth},
				ContentHash: graph.ContentHash(text2), Version: 2, PreviousVersions: view.Article.PreviousVersions}, meta)
			r = c.get("/v1/articles?outlet=" + graph.OutletID("Wire Daily"))
			require.Equal(t, 200, r.Status)
			var arts graph.Page[graph.ArticleRef]
			r.JSON(t, &arts)
			require.Len(t, arts.Items, 1)
			assert.Equal(t, "Tunnel", arts.Items[0].Title)
			assert.Equal(t, http.StatusOK, post(t, c, "Tunnel", text2).Status, "the patched title is the stored one")

			// null clears; absent members stay.
			r = c.do("PATCH", "/v1/articles/"+v1.ArticleID, []byte(`{"outlet":null,"published":null}`), patchHdr)
			require.Equal(t, 200, r.Status, string(r.Body))
			var cleared ArticleMetadata
			r.JSON(t, &cleared)
			assert.Empty(t, cleared.OutletID)
			assert.Equal(t, graph.Date{}, cleared.Published)
			assert.Equal(t, "Tunnel", cleared.Title)
			assert.Equal(t, meta.Authors, cleared.Authors)

			bad := []struct {
				name   string
				path   string
				body   string
				header map[string]string
				status int
				field  string
			}{
				{"no key", "/v1/articles/" + v1.ArticleID, `{"title":"x"}`, map[string]string{"Content-Type": "application/json"}, 401, ""},
				{"url", "/v1/articles/" + v1.ArticleID, `{"url":"https://news.example/other"}`, patchHdr, 400, "url"},
				{"text", "/v1/articles/" + v1.ArticleID, `{"text":"new"}`, patchHdr, 400, "text"},
				{"unknown field", "/v1/articles/" + v1.ArticleID, `{"colour":"red"}`, patchHdr, 400, "colour"},
				{"bad date", "/v1/articles/" + v1.ArticleID, `{"published":"2025-13"}`, patchHdr, 400, "published"},
				{"authors not a list", "/v1/articles/" + v1.ArticleID, `{"authors":"A. Writer"}`, patchHdr, 400, "authors"},
				{"blank author", "/v1/articles/" + v1.ArticleID, `{"authors":[" "]}`, patchHdr, 400, "authors"},
				{"title not a string", "/v1/articles/" + v1.ArticleID, `{"title":7}`, patchHdr, 400, "title"},
				{"not an object", "/v1/articles/" + v1.ArticleID, `["title"]`, patchHdr, 400, ""},
				{"two values", "/v1/articles/" + v1.ArticleID, `{} {}`, patchHdr, 400, ""},
				{"text/plain", "/v1/articles/" + v1.ArticleID, `{"title":"x"}`, map[string]string{"Content-Type": "text/plain", "Authorization": "Bearer " + testKey}, 415, ""},
				{"unknown article", "/v1/articles/a_0000000000000000", `{"title":"x"}`, patchHdr, 404, ""},
			}
			for _, tc := range bad {
				r := c.do("PATCH", tc.path, []byte(tc.body), tc.header)
				assert.Equal(t, tc.status, r.Status, "%s: %s", tc.name, r.Body)
				assert.Equal(t, tc.field, r.Problem(t).Field, tc.name)
			}
			r = c.get("/v1/articles/" + v1.ArticleID)
			var after ArticleView
			r.JSON(t, &after)
			assert.Equal(t, "Tunnel", after.Article.Title, "refused patches changed nothing")
		})
	}
}

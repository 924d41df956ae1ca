package api

import (
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// TestWidgetJSONMatchesOpenAPI sends the widget's JSON requests through the
// validating client, in every backend: each answer (card, oEmbed, their problems)
// must match its schema in openapi.yaml. The widget's own behaviour is tested in
// package embed.
func TestWidgetJSONMatchesOpenAPI(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, _ := fixtureServer(t, b, Deps{})
			page := c.base + "/claims/" + st.ClaimToll68800
			for _, tc := range []struct {
				path   string
				status int
			}{
				{"/v1/claims/" + st.ClaimToll68800 + "/card", 200},
				{"/v1/claims/" + st.ClaimToll52000 + "/card", 200},
				{"/v1/claims/" + st.ClaimCeasefire + "/card", 200},
				{"/v1/claims/c_0000000000000000/card", 404},
				{"/v1/claims/" + st.ClaimToll68800 + "/card?x=1", 400},
				{"/oembed?url=" + url.QueryEscape(page), 200},
				{"/oembed?maxwidth=300&maxheight=200&url=" + url.QueryEscape(page), 200},
				{"/oembed?format=xml&url=" + url.QueryEscape(page), 501},
				{"/oembed?url=" + url.QueryEscape("https://elsewhere.example/claims/c_1"), 404},
				{"/oembed?maxwidth=-1&url=" + url.QueryEscape(page), 400},
			} {
				send := c.get
				if tc.status >= 500 { // 501 is an answer here, not a failure
					send = func(p string) response { return c.doRaw("GET", p, nil, nil) }
				}
				r := send(tc.path)
				require.Equal(t, tc.status, r.Status, "%s: %s", tc.path, r.Body)
				if tc.status >= 400 {
					p := r.Problem(t)
					assert.Equal(t, statusType[tc.status], p.Type)
				}
			}
		})
	}
}

// TestOEmbedDiscoveryBehindAProxy follows a claim page's oEmbed discovery link as a
// CMS would, on a server whose public origin (--public-url) differs from the Host its
// requests arrive with (a proxy in front): the link names the public origin, and
// /oembed, asked there, answers the rich embed of the claim rather than a 404 for a
// page that is not its own.
func TestOEmbedDiscoveryBehindAProxy(t *testing.T) {
	b := firstBackend(t)
	for _, public := range []string{"", "https://claims.example.org"} {
		t.Run("public="+public, func(t *testing.T) {
			c, _ := fixtureServer(t, b, Deps{PublicURL: public})
			// The page is HTML, outside the OpenAPI document: read without validation.
			res, err := http.Get(c.base + "/claims/" + st.ClaimToll68800)
			require.NoError(t, err)
			body, err := io.ReadAll(res.Body)
			res.Body.Close()
			require.NoError(t, err)
			require.Equal(t, 200, res.StatusCode)
			m := regexp.MustCompile(`<link rel="alternate" type="application/json\+oembed" href="([^"]+)"`).FindStringSubmatch(string(body))
			require.NotNil(t, m, "the claim page carries the discovery link")
			href, err := url.Parse(html.UnescapeString(m[1]))
			require.NoError(t, err)
			require.True(t, href.IsAbs(), "an absolute link: %s", href)
			origin := public
			if origin == "" {
				origin = c.base
			}
			assert.Equal(t, origin+"/oembed", href.Scheme+"://"+href.Host+href.Path)
			assert.Equal(t, origin+"/claims/"+st.ClaimToll68800, href.Query().Get("url"))
			// The proxy forwards the public URL's path and query to this server.
			r := c.get(href.RequestURI())
			require.Equal(t, 200, r.Status, "%s: %s", href, r.Body)
			var o struct{ Type, Version, HTML string }
			require.NoError(t, json.Unmarshal(r.Body, &o))
			assert.Equal(t, "rich", o.Type)
			assert.Contains(t, o.HTML, origin+"/embed/claims/"+st.ClaimToll68800)
		})
	}
}

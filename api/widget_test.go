package api

import (
	"net/url"
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

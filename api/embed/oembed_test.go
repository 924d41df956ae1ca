package embed_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/api/embed"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// TestOEmbed checks /oembed: a rich answer for this server's claim pages, sized
// within maxwidth and maxheight; 501 for any format but json; 404 for every URL that
// is not a claim page of this server; 400 for malformed parameters.
func TestOEmbed(t *testing.T) {
	ts := serve(t, openStore(t, st.Gaza()...), api.Deps{})
	page := ts.URL + "/claims/" + st.ClaimToll68800
	host := strings.TrimPrefix(ts.URL, "http://")
	q := func(kv ...string) string {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return "/oembed?" + v.Encode()
	}

	t.Run("rich", func(t *testing.T) {
		r := get(t, ts.URL+q("url", page, "format", "json", "discover", "1"))
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		assert.Equal(t, "application/json; charset=utf-8", r.header.Get("Content-Type"))
		var o embed.OEmbed
		require.NoError(t, json.Unmarshal(r.body, &o))
		assert.Equal(t, "rich", o.Type)
		assert.Equal(t, "1.0", o.Version)
		assert.Equal(t, "claimgraph", o.ProviderName)
		assert.Equal(t, ts.URL+"/", o.ProviderURL)
		assert.Equal(t, embed.DefaultWidth, o.Width)
		assert.Greater(t, o.Height, 200)
		assert.Contains(t, o.Title, "68,800")
		assert.True(t, strings.HasPrefix(o.HTML, `<iframe src="`+ts.URL+`/embed/claims/`+st.ClaimToll68800+`" width="560" height="`), o.HTML)
		assert.Contains(t, o.HTML, `sandbox="allow-scripts allow-same-origin`)
		assert.NotContains(t, o.HTML, "<script")
	})

	sizes := []struct {
		name                  string
		maxw, maxh            string
		wantWidth, maxHeight  int
		heightBelowUnboundedH bool
	}{
		{"narrow", "320", "", 320, 0, false},
		{"wide", "2000", "", embed.DefaultWidth, 0, false},
		{"short", "", "120", embed.DefaultWidth, 120, true},
		{"both", "300", "90", 300, 90, true},
	}
	full := struct{ Height int }{}
	require.NoError(t, json.Unmarshal(get(t, ts.URL+q("url", page)).body, &full))
	for _, tc := range sizes {
		t.Run(tc.name, func(t *testing.T) {
			r := get(t, ts.URL+q("url", page, "maxwidth", tc.maxw, "maxheight", tc.maxh))
			require.Equal(t, http.StatusOK, r.status, "%s", r.body)
			var o embed.OEmbed
			require.NoError(t, json.Unmarshal(r.body, &o))
			assert.Equal(t, tc.wantWidth, o.Width)
			if tc.maxHeight > 0 {
				assert.Equal(t, tc.maxHeight, o.Height)
			}
			if tc.name == "narrow" {
				assert.Greater(t, o.Height, full.Height, "a narrower card wraps into more lines")
			}
			assert.Contains(t, o.HTML, `width="`+itoa(o.Width)+`" height="`+itoa(o.Height)+`"`)
		})
	}

	errs := []struct {
		name   string
		path   string
		status int
		field  string
	}{
		{"xml", q("url", page, "format", "xml"), 501, "format"},
		{"other format", q("url", page, "format", "yaml"), 501, "format"},
		{"no url", q("format", "json"), 400, "url"},
		{"relative url: no page of this server (oEmbed answers 404)", q("url", "/claims/"+st.ClaimToll68800), 404, "url"},
		{"bad maxwidth", q("url", page, "maxwidth", "wide"), 400, "maxwidth"},
		{"zero maxheight", q("url", page, "maxheight", "0"), 400, "maxheight"},
		{"url twice", q("url", page, "url", page), 400, "url"},
		{"other host", q("url", "https://elsewhere.example/claims/"+st.ClaimToll68800), 404, "url"},
		{"same host other port", q("url", "http://"+strings.Split(host, ":")[0]+":1/claims/"+st.ClaimToll68800), 404, "url"},
		{"javascript", q("url", "javascript:alert(1)//"+host+"/claims/"+st.ClaimToll68800), 404, "url"},
		{"not a claim page", q("url", ts.URL+"/agents/"+st.AgentIsrael), 404, "url"},
		{"embed path", q("url", ts.URL+"/embed/claims/"+st.ClaimToll68800), 404, "url"},
		{"deeper path", q("url", page+"/provenance"), 404, "url"},
		{"unknown claim", q("url", ts.URL+"/claims/c_0000000000000000"), 404, "url"},
	}
	for _, tc := range errs {
		t.Run(tc.name, func(t *testing.T) {
			r := get(t, ts.URL+tc.path)
			require.Equal(t, tc.status, r.status, "%s", r.body)
			assert.Equal(t, "application/problem+json", r.header.Get("Content-Type"))
			var p api.Problem
			require.NoError(t, json.Unmarshal(r.body, &p))
			assert.Equal(t, tc.status, p.Status)
			assert.Equal(t, tc.field, p.Field)
			assert.NotEmpty(t, p.Detail)
			if tc.status == 501 {
				assert.Equal(t, api.ProblemNotImplemented, p.Type)
			}
		})
	}
}

// TestOEmbedPublicURL checks that a configured public URL decides which claim pages
// are this server's, whatever the request's Host.
func TestOEmbedPublicURL(t *testing.T) {
	ts := serve(t, openStore(t, st.Gaza()...), api.Deps{PublicURL: "https://claims.example.org/"})
	// A proxy that terminates TLS makes the page see http: the host decides, and the
	// answer uses the public URL's scheme.
	for _, page := range []string{"https://claims.example.org/claims/", "http://CLAIMS.example.org/claims/"} {
		ok := get(t, ts.URL+"/oembed?url="+url.QueryEscape(page+st.ClaimToll68800))
		require.Equal(t, http.StatusOK, ok.status, "%s", ok.body)
		var o embed.OEmbed
		require.NoError(t, json.Unmarshal(ok.body, &o))
		assert.Contains(t, o.HTML, `src="https://claims.example.org/embed/claims/`+st.ClaimToll68800+`"`)
		assert.Equal(t, "https://claims.example.org/", o.ProviderURL)
	}

	for _, u := range []string{ts.URL + "/claims/" + st.ClaimToll68800, "https://claims.example.org.evil.example/claims/" + st.ClaimToll68800} {
		r := get(t, ts.URL+"/oembed?url="+url.QueryEscape(u))
		assert.Equal(t, http.StatusNotFound, r.status, u)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

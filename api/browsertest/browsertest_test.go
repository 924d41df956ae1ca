package browsertest_test

import (
	"bytes"
	"image/png"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api/browsertest"
	"github.com/claimgraph/claimgraph/graph"
)

// pages are small static pages that exercise the harness itself, independent of the
// web app.
var pages = map[string]string{
	"/good": `<!doctype html><html lang="en"><head><title>Good page</title></head>
<body><main><h1>Good</h1><p>Plain, accessible text.</p></main></body></html>`,
	// An image without alternative text (axe rule image-alt, critical) and a text
	// input without a label (label, critical).
	"/bad": `<!doctype html><html lang="en"><head><title>Bad page</title></head>
<body><main><h1>Bad</h1><img src="/pixel.png"><input type="text"></main></body></html>`,
	"/noisy": `<!doctype html><html lang="en"><head><title>Noisy</title></head>
<body><script>console.log("hello from the page"); alert("a dialog"); throw new Error("boom");</script></body></html>`,
	// The same script under a CSP that forbids inline script: nothing runs, and the
	// browser reports the violation.
	"/csp": `<!doctype html><html lang="en"><head><title>CSP</title></head>
<body><script>window.ran = true; alert("must not open");</script></body></html>`,
}

func staticSite(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	for p, body := range pages {
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if p == "/csp" {
				w.Header().Set("Content-Security-Policy", "default-src 'self'")
			}
			_, _ = w.Write([]byte(body))
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestTabRecordsEventsAndScreenshots(t *testing.T) {
	b := browsertest.NewBrowser(t)
	site := staticSite(t)

	tab := b.NewTab(t, browsertest.TabOptions{Width: 400, Height: 300})
	tab.Navigate(site.URL + "/noisy")
	kinds := map[browsertest.EventKind][]string{}
	for _, e := range tab.Events() {
		kinds[e.Kind] = append(kinds[e.Kind], e.Text)
	}
	assert.Contains(t, kinds[browsertest.EventConsole], `"hello from the page"`)
	assert.Equal(t, []string{"a dialog"}, kinds[browsertest.EventDialog], "the dialog is recorded and dismissed")
	require.Len(t, kinds[browsertest.EventException], 1)
	assert.Contains(t, kinds[browsertest.EventException][0], "boom")

	shot := tab.Screenshot("", false)
	cfg, err := png.DecodeConfig(bytes.NewReader(shot))
	require.NoError(t, err)
	assert.Equal(t, [2]int{400, 300}, [2]int{cfg.Width, cfg.Height}, "viewport screenshot has the viewport's size")

	tab.ResetEvents()
	assert.Empty(t, tab.Events())
}

func TestTabCSP(t *testing.T) {
	b := browsertest.NewBrowser(t)
	site := staticSite(t)
	for _, tc := range []struct {
		name   string
		bypass bool
		ran    bool
	}{
		{"enforced", false, false},
		{"bypassed", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := b.NewTab(t, browsertest.TabOptions{BypassCSP: tc.bypass})
			tab.Navigate(site.URL + "/csp")
			var ran bool
			tab.Eval(`window.ran === true`, &ran)
			assert.Equal(t, tc.ran, ran)
			var dialogs, csp int
			for _, e := range tab.Events() {
				switch {
				case e.Kind == browsertest.EventDialog:
					dialogs++
				case e.Kind == browsertest.EventLog && bytes.Contains([]byte(e.Text), []byte("Content Security Policy")):
					csp++
				}
			}
			if tc.ran {
				assert.Equal(t, 1, dialogs)
				assert.Zero(t, csp)
			} else {
				assert.Zero(t, dialogs)
				assert.Equal(t, 1, csp, "the violation is reported: %v", tab.Events())
			}
		})
	}
}

func TestTabNoJavaScript(t *testing.T) {
	b := browsertest.NewBrowser(t)
	site := staticSite(t)
	tab := b.NewTab(t, browsertest.TabOptions{NoJavaScript: true})
	tab.Navigate(site.URL + "/noisy")
	assert.Empty(t, tab.Events(), "no script ran")
	tab.Navigate(site.URL + "/good")
	assert.Equal(t, "Good", tab.Text("h1"), "DevTools queries still work")
	var title string
	tab.Eval(`document.title`, &title)
	assert.Equal(t, "Good page", title, "DevTools evaluation still works")
}

func TestAxe(t *testing.T) {
	b := browsertest.NewBrowser(t)
	site := staticSite(t)
	tab := b.NewTab(t, browsertest.TabOptions{})

	tab.Navigate(site.URL + "/good")
	good := tab.Axe()
	assert.NotEmpty(t, good.Version)
	assert.Positive(t, good.Passes, "rules ran")
	assert.Empty(t, good.Violations)

	tab.Navigate(site.URL + "/bad")
	bad := tab.Axe()
	var ids []string
	for _, v := range bad.Serious() {
		ids = append(ids, v.ID)
	}
	assert.Equal(t, []string{"image-alt", "label"}, ids)
	assert.Contains(t, bad.Serious()[0].String(), `<img src="/pixel.png">`)
}

func TestStartServerLoadsTheSeedCorpus(t *testing.T) {
	s := browsertest.StartServer(t, browsertest.ServerOptions{})
	require.NotEmpty(t, s.Corpus)
	var page graph.Page[graph.ClaimSummary]
	s.GetJSON("/v1/claims?q="+url.QueryEscape("68,800"), &page)
	require.NotEmpty(t, page.Items, "the mission example's claim is in the seed corpus")
	st, err := s.Store.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, len(s.Corpus), st.Articles)

	empty := browsertest.StartServer(t, browsertest.ServerOptions{NoCorpus: true})
	st, err = empty.Store.Stats(t.Context())
	require.NoError(t, err)
	assert.Zero(t, st.Articles)
	var none graph.Page[graph.ClaimSummary]
	empty.GetJSON("/v1/claims", &none)
	assert.Empty(t, none.Items)
}

// TestServeSiteIsAnotherSite embeds a page of the claimgraph server in a page of
// ServeSite: the browser sees two sites (the frame's document is not readable from
// the parent), and the site serves only its exact paths with the given headers.
func TestServeSiteIsAnotherSite(t *testing.T) {
	srv := browsertest.StartServer(t, browsertest.ServerOptions{NoCorpus: true})
	site := browsertest.ServeSite(t, map[string]browsertest.Page{
		"/embed.html": {
			Header: http.Header{"X-Test": {"yes"}},
			Body:   `<!doctype html><html lang="en"><head><title>Host</title></head><body><iframe title="api" src="` + srv.URL + `/healthz"></iframe></body></html>`,
		},
	})
	require.True(t, strings.HasPrefix(site, "http://localhost:"), site)
	resp, err := http.Get(site + "/embed.html")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, "yes", resp.Header.Get("X-Test"))
	resp, err = http.Get(site + "/other")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)

	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t, browsertest.TabOptions{})
	tab.Navigate(site + "/embed.html")
	var crossOrigin bool
	tab.Eval(`(() => { try { return document.querySelector("iframe").contentDocument === null } catch (e) { return true } })()`, &crossOrigin)
	assert.True(t, crossOrigin, "the frame is another origin")
}

func TestInCI(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want bool
	}{{"true", true}, {"1", true}, {"TRUE", true}, {"", false}, {"false", false}, {"0", false}} {
		t.Setenv("CI", tc.v)
		assert.Equal(t, tc.want, browsertest.InCI(), "CI=%q", tc.v)
	}
}

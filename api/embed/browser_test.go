package embed_test

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api/browsertest"
	"github.com/claimgraph/claimgraph/api/embed"
	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

var screenshots = flag.String("screenshots", "", "also write the widget's screenshots to this directory (e.g. ../docs, the README's api/docs)")

// hostPage is a news page on another site that embeds one claim both ways: the web
// component and the iframe card with the resizer. Its own CSP is strict (no inline
// script or style), as a careful newsroom's would be: the widget must work under it.
const hostPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A news article that embeds claimgraph</title>
<link rel="stylesheet" href="/host.css">
<script src="/host.js"></script>
<script src="{{W}}/widget/claim-provenance.js" defer></script>
</head>
<body>
<main>
<h1>Gaza toll: what the numbers say</h1>
<p>An article on a news site that shows where a figure comes from.</p>
<h2>As a web component</h2>
<claim-provenance claim="{{ID}}"></claim-provenance>
<h2>As an iframe</h2>
<iframe id="card" src="{{W}}/embed/claims/{{ID}}" width="560" height="120" title="Who said it: claim provenance" loading="eager"></iframe>
<script async src="{{W}}/widget/embed-resize.js"></script>
</main>
</body>
</html>`

// hostJS records what the widget tells the page, for the test to read.
const hostJS = `
window.widget = { rendered: null, error: null, heights: [] };
document.addEventListener('claim-provenance:rendered', (e) => {
  window.widget.rendered = { claim: e.detail.claim, ms: e.detail.ms, at: performance.now() };
});
document.addEventListener('claim-provenance:error', (e) => { window.widget.error = e.detail.message; });
window.addEventListener('message', (e) => {
  if (e.data && e.data.type === 'claimgraph:embed-height') window.widget.heights.push({ origin: e.origin, height: e.data.height, at: performance.now() });
});
`

// hostCSS themes the web component through its custom properties and parts.
const hostCSS = `
body { font-family: Georgia, serif; margin: 24px; max-width: 640px; }
iframe { border: 0; width: 100%; max-width: 560px; display: block; }
claim-provenance { --claim-provenance-accent: rgb(200, 0, 100); --claim-provenance-radius: 0px; }
claim-provenance::part(claim) { text-decoration: underline; }
@media (prefers-color-scheme: dark) { claim-provenance { --claim-provenance-accent: rgb(255, 150, 200); } }
`

// cmsPage is a page of a CMS that embedded a claim page's URL through oEmbed: the
// answer's html as it came, and the resizer.
const cmsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A CMS page with an oEmbed</title>
<script src="/host.js"></script>
</head>
<body>
<main>
<h1>Embedded by URL</h1>
{{OEMBED}}
<script async src="{{W}}/widget/embed-resize.js"></script>
</main>
</body>
</html>`

// hostSite serves the host page for one claim, on its own server: another origin,
// and another site (localhost, while claimgraph is on 127.0.0.1). At /cms it serves
// cmsPage with the oEmbed html of the claim page, under a CMS's laxer CSP (inline
// styles allowed, as oEmbed html carries them).
func hostSite(t *testing.T, widgetURL, claimID string) string {
	t.Helper()
	var o embed.OEmbed
	res, err := http.Get(widgetURL + "/oembed?url=" + url.QueryEscape(widgetURL+"/claims/"+claimID))
	require.NoError(t, err)
	require.NoError(t, json.NewDecoder(res.Body).Decode(&o))
	res.Body.Close()
	cms := strings.NewReplacer("{{W}}", widgetURL, "{{OEMBED}}", o.HTML).Replace(cmsPage)
	page := strings.NewReplacer("{{W}}", widgetURL, "{{ID}}", claimID).Replace(hostPage)
	u, err := url.Parse(widgetURL)
	require.NoError(t, err)
	csp := fmt.Sprintf("default-src 'self'; script-src 'self' %[1]s; connect-src %[1]s; frame-src %[1]s; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'", u.Scheme+"://"+u.Host)
	mux := http.NewServeMux()
	serve := func(path, ctype, body string) {
		mux.HandleFunc("GET "+path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Header().Set("Content-Security-Policy", csp)
			_, _ = w.Write([]byte(body))
		})
	}
	serve("/{$}", "text/html; charset=utf-8", page)
	mux.HandleFunc("GET /cms", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", strings.Replace(csp, "style-src 'self'", "style-src 'self' 'unsafe-inline'", 1))
		_, _ = w.Write([]byte(cms))
	})
	serve("/host.js", "text/javascript", hostJS)
	serve("/host.css", "text/css", hostCSS)
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return strings.Replace(srv.URL, "127.0.0.1", "localhost", 1)
}

// missionClaim finds the mission example in the seed corpus: more than 68,800
// Palestinians dead, according to Gaza's Health Ministry, disputed by Israel.
func missionClaim(t *testing.T, s *browsertest.Server) string {
	t.Helper()
	var page graph.Page[graph.ClaimSummary]
	s.GetJSON("/v1/claims?q="+url.QueryEscape("68,800 Palestinians"), &page)
	require.Len(t, page.Items, 1, "the seed corpus has the mission example")
	return page.Items[0].Claim.ID
}

type widgetState struct {
	Rendered *struct {
		Claim string
		MS    float64
		At    float64
	}
	Error   *string
	Heights []struct {
		Origin string
		Height float64
		At     float64
	}
}

// waitRendered waits until the web component has rendered and the iframe has been
// sized by its posted height, and returns what the page recorded.
func waitRendered(t *testing.T, tab *browsertest.Tab) widgetState {
	t.Helper()
	tab.Run(chromedp.Poll[chromedp.Void](`window.widget && (window.widget.rendered || window.widget.error) && window.widget.heights.length > 0 && document.getElementById('card').style.height !== ''`,
		chromedp.WithPollingTimeout(20*time.Second)))
	var w widgetState
	tab.Eval(`window.widget`, &w)
	require.Nil(t, w.Error, "the web component failed")
	return w
}

// frameContext attaches to the iframe card, which Chrome runs as a target of its own
// (another site), and returns a context that runs actions inside it.
func frameContext(t *testing.T, tab *browsertest.Tab, prefix string) context.Context {
	t.Helper()
	var id target.ID
	require.Eventually(t, func() bool {
		infos, err := chromedp.Targets(tab.Context())
		if err != nil {
			return false
		}
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, prefix) {
				id = info.TargetID
				return true
			}
		}
		return false
	}, 10*time.Second, 50*time.Millisecond, "the iframe card runs as its own target")
	ctx, cancel := chromedp.NewContext(tab.Context(), chromedp.WithTargetID(id))
	t.Cleanup(cancel)
	// The first action attaches the context to the target for the context's life, so
	// it runs without a deadline of its own (one would detach it when it ends).
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		require.NoError(t, err, "attaching to the iframe card")
	case <-time.After(browsertest.DefaultTimeout):
		t.Fatal("attaching to the iframe card: no answer from the browser")
	}
	return ctx
}

func frameRun[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browsertest.DefaultTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	require.NoError(t, err)
	return v
}

// TestWidgetInBrowser embeds the mission example in a page of another site, as the
// web component and as the iframe card, in headless Chromium: both show Gaza’s
// Health Ministry as the speaker and Israel as the disputer, the theme reaches the
// component, the iframe takes the height the card posts, nothing breaks the host
// page's CSP, and axe finds no serious or critical WCAG 2.2 AA violation. It reports
// the widget's first render time (cold and with the browser's cache warm) and
// asserts none.
func TestWidgetInBrowser(t *testing.T) {
	b := browsertest.NewBrowser(t)
	s := browsertest.StartServer(t, browsertest.ServerOptions{})
	id := missionClaim(t, s)
	host := hostSite(t, s.URL, id)
	require.NotEqual(t, s.URL[:strings.LastIndex(s.URL, ":")], host[:strings.LastIndex(host, ":")], "the host page is on another site")

	// Start the browser's renderers before measuring, as a reader's browser is
	// already running; each cold load below starts with an empty HTTP cache.
	b.NewTab(t, browsertest.TabOptions{}).Navigate(s.URL + "/healthz")

	for _, scheme := range []struct {
		name   string
		dark   bool
		bg     string
		accent string
	}{{"light", false, "rgb(255, 255, 255)", "rgb(200, 0, 100)"}, {"dark", true, "rgb(22, 24, 29)", "rgb(255, 150, 200)"}} {
		t.Run(scheme.name, func(t *testing.T) {
			tab := b.NewTab(t, browsertest.TabOptions{Width: 800, Height: 1000, Dark: scheme.dark})
			tab.Run(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				return tg.Call(ctx, network.CommandClearBrowserCache, nil, nil)
			}))
			tab.Navigate(host + "/")
			cold := waitRendered(t, tab)

			// The web component, read through its shadow root.
			var wc struct {
				Claim, Speaker, Disputer, Link, Accent, Decoration, Background string
				ArticleLinks                                                   []string
			}
			tab.Eval(`(() => {
				const r = document.querySelector('claim-provenance').shadowRoot;
				const q = (s) => r.querySelector(s);
				return {
					claim: q('[part~=claim]').textContent,
					speaker: q('[part~=speaker]').textContent,
					disputer: q('[part~=disputer]').textContent,
					link: q('[part~=link]').href,
					accent: getComputedStyle(q('[part~=link]')).color,
					decoration: getComputedStyle(q('[part~=claim]')).textDecorationLine,
					background: getComputedStyle(q('[part~=card]')).backgroundColor,
					articleLinks: Array.from(r.querySelectorAll('[part~=article-title]')).map((a) => a.href || ''),
				};
			})()`, &wc)
			assert.Contains(t, wc.Claim, "more than 68,800 Palestinians dead")
			assert.Equal(t, "Gaza’s Health Ministry", wc.Speaker)
			assert.Equal(t, "Israel", wc.Disputer)
			assert.Equal(t, s.URL+"/claims/"+id, wc.Link)
			assert.Equal(t, scheme.accent, wc.Accent, "--claim-provenance-accent themes the links")
			assert.Equal(t, "underline", wc.Decoration, "::part(claim) reaches the claim")
			assert.Equal(t, scheme.bg, wc.Background, "prefers-color-scheme")
			require.NotEmpty(t, wc.ArticleLinks)
			for _, l := range wc.ArticleLinks {
				assert.True(t, strings.HasPrefix(l, s.URL+"/articles/a_"), "an article without a URL links to its page on claimgraph: %s", l)
			}

			var cardFetches int
			tab.Eval(`performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/card')).length`, &cardFetches)
			assert.Equal(t, 1, cardFetches, "the component fetches its card once")

			// The iframe card, read inside its own target.
			frame := frameContext(t, tab, s.URL+"/embed/claims/")
			frameRun(t, frame, chromedp.WaitReady(chromedp.CSS(".disputes")))
			card := frameRun(t, frame, chromedp.Evaluate[struct {
				Claim, Speaker, Disputer, Link, Target, Background string
				Height, ScrollHeight, ClientHeight                 float64
			}](`(() => ({
				claim: document.querySelector('.claim').textContent,
				speaker: document.querySelector('.agent').textContent,
				disputer: document.querySelector('.disputes .agent').textContent,
				link: document.querySelector('a.full').href,
				target: document.querySelector('a.full').target,
				background: getComputedStyle(document.querySelector('.card')).backgroundColor,
				height: Math.ceil(document.documentElement.getBoundingClientRect().height),
				scrollHeight: document.documentElement.scrollHeight,
				clientHeight: document.documentElement.clientHeight,
			}))()`))
			assert.Contains(t, card.Claim, "more than 68,800 Palestinians dead")
			assert.Equal(t, "Gaza’s Health Ministry", card.Speaker)
			assert.Equal(t, "Israel", card.Disputer)
			assert.Equal(t, s.URL+"/claims/"+id, card.Link)
			assert.Equal(t, "_top", card.Target)
			assert.Equal(t, scheme.bg, card.Background, "prefers-color-scheme")

			// The resize: the iframe is as tall as the card says, and shows it whole.
			require.NotEmpty(t, cold.Heights)
			last := cold.Heights[len(cold.Heights)-1]
			assert.Equal(t, strings.TrimSuffix(s.URL, "/"), last.Origin)
			assert.Equal(t, card.Height, last.Height)
			var frameHeight float64
			tab.Eval(`document.getElementById('card').getBoundingClientRect().height`, &frameHeight)
			assert.Equal(t, last.Height, frameHeight, "the iframe takes the posted height")
			assert.Greater(t, frameHeight, 120.0, "it grew from the height the page gave it")
			assert.LessOrEqual(t, card.ScrollHeight, card.ClientHeight, "no scrolling inside the iframe")

			for _, e := range tab.Events() {
				assert.NotEqual(t, browsertest.EventException, e.Kind, "%v", e)
				assert.NotEqual(t, browsertest.EventDialog, e.Kind, "%v", e)
				assert.False(t, e.Kind == browsertest.EventLog && e.Level == "error", "%v", e)
			}
			for _, v := range tab.Axe().Serious() {
				t.Errorf("axe on the host page: %s", v)
			}

			// A reload finds the script and the card in the browser's cache.
			tab.Navigate(host + "/")
			warm := waitRendered(t, tab)
			t.Logf("first render of <claim-provenance> (%s, empty HTTP cache): %.1f ms after navigation start, %.1f ms after the element connected; warm HTTP cache: %.1f ms and %.1f ms",
				scheme.name, cold.Rendered.At, cold.Rendered.MS, warm.Rendered.At, warm.Rendered.MS)
			t.Logf("iframe card (%s): first height posted %.1f ms after navigation start (warm cache %.1f ms); height %.0f px, oEmbed's estimate at 560 px %d px",
				scheme.name, cold.Heights[0].At, warm.Heights[0].At, last.Height, oembedHeight(t, s, id))

			if *screenshots != "" {
				tab.Screenshot(filepath.Join(*screenshots, "widget-"+scheme.name+".png"), true)
			}
		})
	}

	t.Run("claim attribute", func(t *testing.T) {
		var other graph.Page[graph.ClaimSummary]
		s.GetJSON("/v1/claims?q=stabilization+force&limit=1", &other)
		require.NotEmpty(t, other.Items)
		tab := b.NewTab(t, browsertest.TabOptions{})
		tab.Navigate(host + "/")
		waitRendered(t, tab)
		next := other.Items[0].Claim
		tab.Eval(`document.querySelector('claim-provenance').setAttribute('claim', `+jsString(next.ID)+`)`, nil)
		tab.Run(chromedp.Poll[chromedp.Void](`window.widget.rendered.claim === `+jsString(next.ID), chromedp.WithPollingTimeout(10*time.Second)))
		var text string
		tab.Eval(`document.querySelector('claim-provenance').shadowRoot.querySelector('[part~=claim]').textContent`, &text)
		assert.Equal(t, next.Text, text, "a new claim attribute loads that claim")

		tab.Eval(`document.querySelector('claim-provenance').setAttribute('claim', 'c_0000000000000000')`, nil)
		tab.Run(chromedp.Poll[chromedp.Void](`document.querySelector('claim-provenance').getAttribute('state') === 'error'`, chromedp.WithPollingTimeout(10*time.Second)))
		var msg struct{ Shown, Event string }
		tab.Eval(`({shown: document.querySelector('claim-provenance').shadowRoot.querySelector('[part~=message]').textContent, event: window.widget.error})`, &msg)
		assert.Contains(t, msg.Shown, "Provenance unavailable")
		assert.Contains(t, msg.Event, "c_0000000000000000", "the problem's detail reaches the page")
	})

	// First render, measured over several loads (the machine may be busy): with the
	// browser's HTTP cache emptied before each load, and again with it warm.
	t.Run("first render", func(t *testing.T) {
		tab := b.NewTab(t, browsertest.TabOptions{Width: 800, Height: 1000})
		var coldNav, coldEl, warmNav, warmEl, coldFrame, warmFrame []float64
		for range 7 {
			tab.Run(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				return tg.Call(ctx, network.CommandClearBrowserCache, nil, nil)
			}))
			tab.Navigate(host + "/")
			w := waitRendered(t, tab)
			coldNav, coldEl, coldFrame = append(coldNav, w.Rendered.At), append(coldEl, w.Rendered.MS), append(coldFrame, w.Heights[0].At)
			tab.Navigate(host + "/")
			w = waitRendered(t, tab)
			warmNav, warmEl, warmFrame = append(warmNav, w.Rendered.At), append(warmEl, w.Rendered.MS), append(warmFrame, w.Heights[0].At)
		}
		t.Logf("first render of <claim-provenance>, median (min–max) of %d loads: empty cache %s after navigation start, %s after the element connected; warm cache %s and %s",
			len(coldNav), spread(coldNav), spread(coldEl), spread(warmNav), spread(warmEl))
		t.Logf("iframe card's first posted height, median (min–max): empty cache %s after navigation start; warm cache %s", spread(coldFrame), spread(warmFrame))
	})

	t.Run("oembed in a CMS page", func(t *testing.T) {
		tab := b.NewTab(t, browsertest.TabOptions{Width: 800, Height: 1000})
		tab.Navigate(host + "/cms")
		tab.Run(chromedp.Poll[chromedp.Void](`window.widget.heights.length > 0 && document.querySelector('iframe').style.height !== ''`,
			chromedp.WithPollingTimeout(20*time.Second)))
		var got struct {
			Sandbox string
			Height  float64
			Posted  float64
		}
		tab.Eval(`(() => { const f = document.querySelector('iframe'); const h = window.widget.heights;
			return { sandbox: f.getAttribute('sandbox'), height: f.getBoundingClientRect().height, posted: h[h.length - 1].height }; })()`, &got)
		assert.Contains(t, got.Sandbox, "allow-scripts")
		assert.Equal(t, got.Posted, got.Height, "the sandboxed iframe takes the posted height")
		frame := frameContext(t, tab, s.URL+"/embed/claims/")
		frameRun(t, frame, chromedp.WaitReady(chromedp.CSS(".disputes")))
		assert.Equal(t, "Gaza’s Health Ministry", frameRun(t, frame, chromedp.Text(chromedp.CSS(".agent"))))
		assert.Equal(t, "Israel", frameRun(t, frame, chromedp.Text(chromedp.CSS(".disputes .agent"))))
		for _, e := range tab.Events() {
			assert.NotEqual(t, browsertest.EventException, e.Kind, "%v", e)
			assert.False(t, e.Kind == browsertest.EventLog && e.Level == "error", "%v", e)
		}

		// A click on the card's link opens the claim's page in the top window: the
		// sandbox lets a reader's click navigate it.
		frameRun(t, frame, chromedp.Click(chromedp.CSS("a.full")))
		require.Eventually(t, func() bool { return tab.Location() == s.URL+"/claims/"+id }, 10*time.Second, 50*time.Millisecond,
			"the top window shows the claim page")
	})

	// The iframe card is a page type of its own: axe in the light and dark themes
	// (the card follows the reader's system) and at a phone's width.
	for _, variant := range []struct {
		name string
		o    browsertest.TabOptions
	}{
		{"light", browsertest.TabOptions{Width: 560, Height: 600}},
		{"dark", browsertest.TabOptions{Width: 560, Height: 600, Dark: true}},
		{"phone", browsertest.TabOptions{Width: 360, Height: 740, Mobile: true}},
	} {
		t.Run("card page axe/"+variant.name, func(t *testing.T) {
			tab := b.NewTab(t, variant.o)
			tab.Navigate(s.URL + "/embed/claims/" + id)
			res := tab.Axe()
			assert.Positive(t, res.Passes)
			for _, v := range res.Serious() {
				t.Errorf("axe on the iframe card: %s", v)
			}
			for _, e := range tab.Events() {
				assert.False(t, e.Kind == browsertest.EventLog && strings.Contains(e.Text, "Content Security Policy"), "the card breaks its own CSP: %v", e)
			}
		})
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// spread formats the median, minimum and maximum of some milliseconds.
func spread(ms []float64) string {
	v := slices.Clone(ms)
	slices.Sort(v)
	return fmt.Sprintf("%.0f ms (%.0f–%.0f)", v[len(v)/2], v[0], v[len(v)-1])
}

// oembedHeight is the height oEmbed offers for the claim's iframe at the default
// width, to report next to the height the card posts.
func oembedHeight(t *testing.T, s *browsertest.Server, id string) int {
	t.Helper()
	var o embed.OEmbed
	s.GetJSON("/oembed?url="+url.QueryEscape(s.URL+"/claims/"+id), &o)
	return o.Height
}

// TestWidgetInertArticleData renders a claim whose article title, outlet, authors and
// speaker and disputer names carry script, an onerror image and a javascript: link,
// in both forms, with every CSP bypassed so that only escaping stands between the data
// and the page: nothing runs and no element is injected.
func TestWidgetInertArticleData(t *testing.T) {
	b := browsertest.NewBrowser(t)
	s := browsertest.StartServer(t, browsertest.ServerOptions{NoCorpus: true})
	g := st.Gaza1()
	g.Article.Title = `<script>alert("title")</script>"><img src=x onerror=alert("title-img")>`
	g.Article.Authors = []string{`<img src=x onerror=alert("author")>`}
	g.Outlet.Name = `"><svg onload=alert("outlet")>`
	for i := range g.Agents {
		switch g.Agents[i].ID {
		case st.AgentHealthMinistry:
			g.Agents[i].Name = `"><img src=x onerror=alert("speaker")>`
		case st.AgentIsrael:
			g.Agents[i].Name = `<script>alert("disputer")</script>`
		case st.AgentAP:
			g.Agents[i].Name = `javascript:alert("agency")`
		}
	}
	_, err := s.Store.PutArticle(t.Context(), g)
	require.NoError(t, err)
	host := hostSite(t, s.URL, st.ClaimToll68800)

	tab := b.NewTab(t, browsertest.TabOptions{BypassCSP: true})
	tab.Navigate(host + "/")
	waitRendered(t, tab)
	var shadow struct {
		Speaker string
		Markup  int
	}
	tab.Eval(`(() => {
		const r = document.querySelector('claim-provenance').shadowRoot;
		return { speaker: r.querySelector('[part~=speaker]').textContent, markup: r.querySelectorAll('img, svg, script, b').length };
	})()`, &shadow)
	assert.Equal(t, `"><img src=x onerror=alert("speaker")>`, shadow.Speaker, "shown as text")
	assert.Zero(t, shadow.Markup, "no element from article data in the web component")

	frame := frameContext(t, tab, s.URL+"/embed/claims/")
	frameRun(t, frame, chromedp.WaitReady(chromedp.CSS(".disputes")))
	inFrame := frameRun(t, frame, chromedp.Evaluate[struct {
		Speaker string
		Markup  int
		Hrefs   []string
	}](`(() => ({
		speaker: document.querySelector('.agent').textContent,
		markup: document.querySelectorAll('img, svg, body script:not([src])').length,
		hrefs: Array.from(document.querySelectorAll('a')).map((a) => a.getAttribute('href')),
	}))()`))
	assert.Equal(t, `"><img src=x onerror=alert("speaker")>`, inFrame.Speaker)
	assert.Zero(t, inFrame.Markup, "no element from article data in the iframe card")
	for _, h := range inFrame.Hrefs {
		assert.False(t, strings.HasPrefix(strings.ToLower(h), "javascript:"), h)
	}
	for _, e := range tab.Events() {
		assert.NotEqual(t, browsertest.EventDialog, e.Kind, "article data ran: %v", e)
		assert.NotEqual(t, browsertest.EventException, e.Kind, "%v", e)
	}

	// The card on its own, its CSP bypassed too.
	direct := b.NewTab(t, browsertest.TabOptions{BypassCSP: true})
	direct.Navigate(s.URL + "/embed/claims/" + st.ClaimToll68800)
	var markup int
	direct.Eval(`document.querySelectorAll('img, svg, b, body script:not([src])').length`, &markup)
	assert.Zero(t, markup)
	assert.Equal(t, `"><img src=x onerror=alert("speaker")>`, direct.Text(".agent"))
	for _, e := range direct.Events() {
		assert.NotEqual(t, browsertest.EventDialog, e.Kind, "article data ran: %v", e)
		assert.NotEqual(t, browsertest.EventException, e.Kind, "%v", e)
	}
}

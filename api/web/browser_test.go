package web_test

import (
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api/browsertest"
	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// updateShots writes the README's screenshots (api/docs/*.png) instead of a temporary
// directory: go test ./api/web -run TestScreenshots -screenshots
var updateShots = flag.Bool("screenshots", false, "write the README screenshots to api/docs")

// missionClaimID finds the mission example's claim ("more than 68,800 Palestinians
// dead", said by Gaza’s Health Ministry, disputed by Israel) in the seed corpus.
func missionClaimID(t *testing.T, srv *browsertest.Server) string {
	var page graph.Page[graph.ClaimSummary]
	srv.GetJSON("/v1/claims?q="+url.QueryEscape("68,800 Palestinians dead")+"&speaker=ag_gazas-health-ministry", &page)
	fixture := map[string]bool{st.Article1: true, st.Article2: true, st.Article3: true}
	var ids []string
	for _, it := range page.Items {
		if !fixture[it.ArticleIDs[0]] {
			ids = append(ids, it.Claim.ID)
		}
	}
	require.Len(t, ids, 1, "the seed corpus holds the mission example")
	return ids[0]
}

// seedServer starts a server with the seed corpus and the storetest Gaza fixture,
// which adds agencies, conflicting and corroborating figures.
func seedServer(t *testing.T) *browsertest.Server {
	srv := browsertest.StartServer(t, browsertest.ServerOptions{})
	for _, g := range st.Gaza() {
		_, err := srv.Store.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	return srv
}

// waitFor polls a JavaScript condition until it holds, across navigations (which
// destroy the page's JavaScript context under a running poll), for up to 20 s.
func waitFor(t *testing.T, tab *browsertest.Tab, cond string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(tab.Context(), chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("waited 20s for %s (last error: %v)", cond, last)
}

// cleanEvents fails the test when the page logged an error, threw, or opened a dialog.
func cleanEvents(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	for _, e := range tab.Events() {
		if e.Kind == browsertest.EventException || e.Kind == browsertest.EventDialog || e.Level == "error" {
			t.Errorf("the page reported %s", e)
		}
	}
}

// TestMissionExampleInTheBrowser is the mission example as a person sees it: search
// "68,800", open the claim, see Gaza’s Health Ministry as the speaker and Israel as
// the disputer.
func TestMissionExampleInTheBrowser(t *testing.T) {
	start := time.Now()
	srv := browsertest.StartServer(t, browsertest.ServerOptions{})
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t, browsertest.TabOptions{})
	t.Logf("server with the seed corpus and a browser in %s", time.Since(start).Round(time.Millisecond))

	step := time.Now()
	tab.Navigate(srv.URL + "/")
	tab.Run(chromedp.SendKeys(chromedp.CSS("#q"), "68,800\n"))
	waitFor(t, tab, `location.search.includes("q=68%2C800") && document.readyState === "complete"`)
	results := tab.Text("ol.claims")
	assert.Contains(t, results, "68,800 Palestinians dead")
	assert.Contains(t, results, "Gaza’s Health Ministry")
	assert.Contains(t, results, "Disputed by Israel")

	tab.Run(chromedp.Click(chromedp.CSS("ol.claims .claim-text a")))
	waitFor(t, tab, `location.pathname.startsWith("/claims/") && document.querySelector("h1.claim-title") !== null`)
	t.Logf("search and open the claim: %s", time.Since(step).Round(time.Millisecond))

	assert.Equal(t, srv.URL+"/claims/"+missionClaimID(t, srv), tab.Location())
	assert.Contains(t, tab.Text("h1.claim-title"), "more than 68,800 Palestinians dead")
	assert.Equal(t, "Gaza’s Health Ministry", tab.Text(".chain .step-speaker a"))
	assert.Contains(t, tab.Text(".dispute"), "Israel")
	assert.Contains(t, tab.Text(".dispute"), "disputes")
	assert.Contains(t, tab.Text(".chain .evidence"), "according to Gaza’s Health Ministry")
	var oembed string
	tab.Eval(`document.querySelector('link[rel=alternate][type="application/json+oembed"]').getAttribute("href")`, &oembed)
	assert.True(t, strings.HasPrefix(oembed, srv.URL+"/oembed?format=json&url="+url.QueryEscape(srv.URL+"/claims/")), oembed)
	cleanEvents(t, tab)

	shot := tab.Screenshot(filepath.Join(t.TempDir(), "mission-claim.png"), false)
	assert.Greater(t, len(shot), 1000)
	t.Logf("mission example end to end: %s", time.Since(start).Round(time.Millisecond))
}

// focused describes the focused element: its tag, id, href and text.
const focused = `(() => { const e = document.activeElement; return e ? [e.tagName, e.id || "", e.getAttribute("href") || "", (e.innerText || e.value || "").trim().slice(0, 80)].join("|") : "" })()`

// tabUntil presses Tab until the focused element's description contains want, and
// returns the descriptions of every element focused on the way. It fails after max
// presses.
func tabUntil(t *testing.T, tab *browsertest.Tab, want string, max int) []string {
	t.Helper()
	var seen []string
	for i := 0; i < max; i++ {
		tab.Run(chromedp.KeyEvent(kb.Tab))
		var f string
		tab.Eval(focused, &f)
		seen = append(seen, f)
		if strings.Contains(f, want) {
			return seen
		}
	}
	t.Fatalf("%d Tab presses never focused %q; focused: %q", max, want, seen)
	return nil
}

// TestKeyboardOnly walks search and the claim page with the keyboard alone: the skip
// link comes first, the search field is reachable, Enter searches, results and every
// link on the claim page are reachable with Tab and show a focus indicator.
func TestKeyboardOnly(t *testing.T) {
	start := time.Now()
	srv := seedServer(t)
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t, browsertest.TabOptions{})
	tab.Navigate(srv.URL + "/")

	first := tabUntil(t, tab, "Skip to content", 1)
	assert.Len(t, first, 1, "the skip link is the first stop")
	tab.Run(chromedp.KeyEvent(kb.Enter))
	var inMain bool
	tab.Eval(`document.activeElement.id === "main"`, &inMain)
	assert.True(t, inMain, "the skip link moves focus to the main content")

	tabUntil(t, tab, "INPUT|q|", 3)
	tab.Run(chromedp.KeyEvent("68,800"), chromedp.KeyEvent(kb.Enter))
	waitFor(t, tab, `location.search.includes("q=68%2C800") && document.readyState === "complete"`)

	tabUntil(t, tab, "|/claims/", 20)
	var outline string
	tab.Eval(`getComputedStyle(document.activeElement).outlineStyle`, &outline)
	assert.NotEqual(t, "none", outline, "a focused link shows a focus indicator")
	tab.Run(chromedp.KeyEvent(kb.Enter))
	waitFor(t, tab, `location.pathname.startsWith("/claims/") && document.querySelector("h1.claim-title") !== null`)

	// Every link of the claim page is reachable, in document order, ending back at the
	// start: count the stops of one full round.
	var links int
	tab.Eval(`document.querySelectorAll("a[href]").length`, &links)
	seen := tabUntil(t, tab, "|/agents/ag_gazas-health-ministry|", links+5)
	assert.Contains(t, seen[len(seen)-1], "Gaza’s Health Ministry")
	tab.Run(chromedp.KeyEvent(kb.Enter))
	waitFor(t, tab, `location.pathname === "/agents/ag_gazas-health-ministry" && document.readyState === "complete"`)
	assert.Equal(t, "Gaza’s Health Ministry", tab.Text("h1"))
	cleanEvents(t, tab)
	t.Logf("keyboard-only walk: %s", time.Since(start).Round(time.Millisecond))
}

// pageTypes are the app's page types with a path over the seed server.
func pageTypes(t *testing.T, srv *browsertest.Server) map[string]string {
	claim := missionClaimID(t, srv)
	return map[string]string{
		"search":         "/",
		"search-results": "/?q=" + url.QueryEscape("68,800") + "&disputed=true",
		"search-empty":   "/?q=zebra",
		"search-speaker": "/?speaker_name=officials",
		"claim":          "/claims/" + claim,
		"claim-fixture":  "/claims/" + st.ClaimToll68800,
		"agent":          "/agents/ag_gazas-health-ministry",
		"articles":       "/articles",
		"article":        "/articles/" + st.Article1,
		"article-corpus": "/articles/" + graph.ArticleID(srv.Corpus[0].URL, srv.Corpus[0].Text),
		"not-found":      "/claims/c_0000000000000000",
		"bad-request":    "/?disputed=maybe",
	}
}

// TestAxeEveryPageType runs axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules
// on every page type, in the light and dark themes and on a phone: no serious or
// critical violation is allowed.
func TestAxeEveryPageType(t *testing.T) {
	start := time.Now()
	srv := seedServer(t)
	paths := pageTypes(t, srv)
	b := browsertest.NewBrowser(t)
	for _, variant := range []struct {
		name string
		o    browsertest.TabOptions
	}{
		{"light", browsertest.TabOptions{}},
		{"dark", browsertest.TabOptions{Dark: true}},
		{"phone", browsertest.TabOptions{Width: 390, Height: 844, Mobile: true}},
	} {
		tab := b.NewTab(t, variant.o)
		for name, p := range paths {
			t.Run(variant.name+"/"+name, func(t *testing.T) {
				tab.ResetEvents()
				tab.Navigate(srv.URL + p)
				res := tab.Axe()
				assert.Positive(t, res.Passes)
				for _, v := range res.Serious() {
					t.Errorf("%s", v)
				}
				for _, v := range res.Violations {
					if v.Impact != "serious" && v.Impact != "critical" {
						t.Logf("minor: %s", v)
					}
				}
			})
		}
	}
	t.Logf("axe-core on %d page types × 3 variants: %s", len(paths), time.Since(start).Round(time.Millisecond))
}

// TestPagesWorkWithoutJavaScript loads every page type with script execution off:
// they render their content, and search still works as a plain form.
func TestPagesWorkWithoutJavaScript(t *testing.T) {
	srv := seedServer(t)
	b := browsertest.NewBrowser(t)
	tab := b.NewTab(t, browsertest.TabOptions{NoJavaScript: true})
	for name, p := range pageTypes(t, srv) {
		tab.Navigate(srv.URL + p)
		assert.NotEmpty(t, strings.TrimSpace(tab.Text("h1")), name)
		var enhanced bool
		tab.Eval(`document.documentElement.hasAttribute("data-enhanced")`, &enhanced)
		assert.False(t, enhanced, "%s: no script ran", name)
	}
	tab.Navigate(srv.URL + "/")
	tab.Run(chromedp.SendKeys(chromedp.CSS("#q"), "68,800\n"))
	waitFor(t, tab, `location.search.includes("q=68%2C800") && document.readyState === "complete"`)
	assert.Contains(t, tab.Text("ol.claims"), "68,800")
}

// TestPhoneAndPrint checks that every page type fits a phone's width (nothing but
// the marked scroll regions scrolls sideways) and that print drops the navigation
// and the search form.
func TestPhoneAndPrint(t *testing.T) {
	srv := seedServer(t)
	paths := pageTypes(t, srv)
	b := browsertest.NewBrowser(t)
	phone := b.NewTab(t, browsertest.TabOptions{Width: 360, Height: 740, Mobile: true})
	print := b.NewTab(t, browsertest.TabOptions{Print: true})
	for name, p := range paths {
		phone.Navigate(srv.URL + p)
		var fit struct{ Scroll, Inner int }
		phone.Eval(`({Scroll: document.documentElement.scrollWidth, Inner: window.innerWidth})`, &fit)
		assert.LessOrEqual(t, fit.Scroll, fit.Inner, "%s: the page is wider than the phone", name)

		print.Navigate(srv.URL + p)
		var hidden []string
		print.Eval(`[...document.querySelectorAll("header.site nav, form.search, .pager, footer.site")].map(e => getComputedStyle(e).display)`, &hidden)
		for _, d := range hidden {
			assert.Equal(t, "none", d, "%s: printed navigation", name)
		}
	}
}

// TestScreenshots takes the README's screenshots: the search results, an article's
// highlights and the claim page in the dark theme and on a phone. They go to api/docs
// with -screenshots, else to a temporary directory (still checked to be PNGs).
func TestScreenshots(t *testing.T) {
	srv := seedServer(t)
	dir := t.TempDir()
	if *updateShots {
		dir = filepath.Join("..", "docs")
	}
	b := browsertest.NewBrowser(t)
	shots := []struct {
		file, path string
		o          browsertest.TabOptions
		full       bool
	}{
		{"web-search.png", "/?q=" + url.QueryEscape("Palestinians"), browsertest.TabOptions{Width: 1000, Height: 640}, false},
		{"web-claim-dark.png", "/claims/" + st.ClaimToll68800, browsertest.TabOptions{Width: 1000, Height: 1200, Dark: true}, false},
		{"web-article.png", "/articles/" + st.Article2, browsertest.TabOptions{Width: 1000, Height: 900}, false},
		{"web-phone.png", "/claims/" + st.ClaimToll68800, browsertest.TabOptions{Width: 390, Height: 844, Mobile: true}, false},
		{"web-graph.png", "/claims/" + st.ClaimToll68800 + "/graph.svg", browsertest.TabOptions{Width: 1000, Height: 796}, false},
	}
	for _, s := range shots {
		tab := b.NewTab(t, s.o)
		tab.Navigate(srv.URL + s.path)
		png := tab.Screenshot(filepath.Join(dir, s.file), s.full)
		assert.Greater(t, len(png), 1000, s.file)
		if !strings.HasSuffix(s.path, ".svg") { // a bare SVG document has no favicon link
			cleanEvents(t, tab)
		}
	}
	if *updateShots {
		for _, s := range shots {
			fi, err := os.Stat(filepath.Join(dir, s.file))
			require.NoError(t, err)
			t.Logf("%s: %d KB", s.file, fi.Size()/1024)
		}
	}
}

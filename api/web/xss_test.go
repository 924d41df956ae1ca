package web_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/api/browsertest"
	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// Payloads that run script if any page puts them into markup unescaped: each sets
// window.__xss and opens a dialog, which the test watches for.
const (
	xssScript = `<script>window.__xss="script";alert("script")</script>`
	xssImg    = `"><img src=x onerror="window.__xss='img';alert('img')">`
	xssLink   = `<a href="javascript:window.__xss='link';alert('link')">read more</a>`
	xssSVG    = `<svg onload="window.__xss='svg';alert('svg')"></svg>`
	xssJSURL  = `javascript:window.__xss='jsurl';alert('jsurl')`
)

// xssArticle is a bundle no extraction would produce, written straight into the
// store: its title, outlet, authors, text, claim, speaker, agency and disputer names
// all carry the payloads.
func xssArticle() *graph.ArticleGraph {
	speaker := `Dr. ` + xssImg + ` Smith`
	agency := `Wire ` + xssScript
	disputer := `Ministry ` + xssSVG
	quote := `The toll is ` + xssScript + ` 1,234 dead, see ` + xssJSURL
	text := `“` + quote + `,” said ` + speaker + `, citing ` + agency + `. ` +
		disputer + ` denied the toll. More at ` + xssLink + ` and ` + xssJSURL + `.`
	u := "https://evil.example/?q=" + xssImg
	id := graph.ArticleID(u, text)
	speakerID, agencyID, disputerID := graph.AgentID("xss speaker"), graph.AgentID("xss agency"), graph.AgentID("xss disputer")
	claim := graph.Claim{ID: graph.ClaimID(quote), Text: quote, Kind: graph.ClaimDirectQuote,
		Quantities: []graph.Quantity{{Value: 1234, Unit: "count", Counted: "dead " + xssScript, Text: "1,234 dead"}}}
	s := st.Stmt(id, text, claim.ID, speakerID, []string{agencyID}, graph.SpeechDirect, "said", quote, text[:strings.Index(text, agency)+len(agency)+1])
	src := st.Find(text, speaker)
	s.Source = &src
	d := st.Disp(id, text, disputerID, claim.ID, speakerID, graph.DisputeDenies, "denied", disputer+" denied the toll.")
	return &graph.ArticleGraph{
		Article: graph.Article{ID: id, URL: u, Title: "Breaking " + xssScript + xssImg, OutletID: "o_xss",
			Authors: []string{xssImg, xssSVG}, Published: graph.Date{Value: "2025-11", Precision: graph.PrecisionMonth}, Text: text},
		Outlet: &graph.Outlet{ID: "o_xss", Name: "Outlet " + xssScript},
		Agents: []graph.Agent{
			{ID: speakerID, Kind: graph.KindPerson, Name: speaker, Aliases: []string{xssLink}, Roles: []string{xssSVG}},
			{ID: agencyID, Kind: graph.KindOutlet, Name: agency},
			{ID: disputerID, Kind: graph.KindOrganization, Name: disputer},
		},
		Claims:     []graph.Claim{claim},
		Statements: []graph.Statement{s},
		Disputes:   []graph.Dispute{d},
		Mentions:   []graph.Mention{{AgentID: speakerID, Span: src}},
	}
}

// TestXSSArticleRunsNothing stores articles whose every field carries script
// payloads, one through POST /v1/articles (extraction) and one crafted bundle, then
// opens every page that shows them in the browser, with the CSP enforced and with it
// bypassed (so that escaping alone is shown to suffice): no payload runs, no dialog
// opens, no injected element or javascript: link exists, and the payloads are shown
// as text.
func TestXSSArticleRunsNothing(t *testing.T) {
	start := time.Now()
	srv := browsertest.StartServer(t, browsertest.ServerOptions{NoCorpus: true})
	posted := srv.Ingest(api.IngestRequest{
		URL:     "https://evil.example/a\"><script>window.__xss='url'</script>",
		Title:   "Posted " + xssScript + xssImg,
		Outlet:  "Outlet " + xssImg,
		Authors: []string{xssScript},
		Text: `“The strikes killed 40 people ` + xssScript + `,” said ` + xssImg + ` Jones, a spokesman for the ministry. ` +
			`The ministry said 40 people died, according to ` + xssSVG + ` Reuters. ` +
			`The army denied the figure. Details: ` + xssLink + ` ` + xssJSURL + `.`,
	})
	crafted := xssArticle()
	_, err := srv.Store.PutArticle(t.Context(), crafted)
	require.NoError(t, err)

	claimID := crafted.Claims[0].ID
	paths := []string{
		"/",
		"/?q=" + url.QueryEscape("toll dead"),
		"/?q=" + url.QueryEscape(xssScript+xssImg),
		"/?speaker=" + crafted.Agents[0].ID,
		"/claims/" + claimID,
		"/claims/" + claimID + "/graph.svg",
		"/agents/" + crafted.Agents[0].ID,
		"/agents/" + crafted.Agents[1].ID,
		"/agents/" + crafted.Agents[2].ID,
		"/articles",
		"/articles/" + crafted.Article.ID,
		"/articles/" + posted.ArticleID,
		"/claims/c_" + url.PathEscape(xssImg), // the 404 page shows the id
	}
	for _, c := range posted.Claims {
		paths = append(paths, "/claims/"+c.ID)
	}
	for _, s := range posted.Statements {
		if s.SpeakerID != "" {
			paths = append(paths, "/agents/"+s.SpeakerID)
		}
	}
	t.Logf("the posted article gave %d claims and %d statements", len(posted.Claims), len(posted.Statements))

	b := browsertest.NewBrowser(t)
	for _, bypass := range []bool{false, true} {
		name := "csp"
		if bypass {
			name = "no-csp"
		}
		tab := b.NewTab(t, browsertest.TabOptions{BypassCSP: bypass})
		for _, p := range paths {
			t.Run(name+p, func(t *testing.T) {
				tab.ResetEvents()
				tab.Navigate(srv.URL + p)
				var got struct {
					XSS      any      `json:"xss"`
					Injected []string `json:"injected"`
					Scripts  []string `json:"scripts"`
					Text     string   `json:"text"`
				}
				tab.Eval(`({
					xss: window.__xss === undefined ? null : window.__xss,
					injected: [...document.querySelectorAll('img, iframe, object, embed, [onerror], [onload], [onclick], a[href^="javascript:" i], [src^="javascript:" i]')].map(e => e.outerHTML),
					scripts: [...document.scripts].map(s => s.getAttribute("src") || "inline: " + s.text),
					text: document.documentElement.textContent,
				})`, &got)
				assert.Nil(t, got.XSS, "a payload ran")
				assert.Empty(t, got.Injected, "injected elements or javascript: links")
				for _, s := range got.Scripts {
					assert.True(t, strings.HasPrefix(s, "/static/app."), "unexpected script %q", s)
				}
				for _, e := range tab.Events() {
					assert.NotEqual(t, browsertest.EventDialog, e.Kind, "a dialog opened: %s", e)
					assert.NotEqual(t, browsertest.EventException, e.Kind, "an exception: %s", e)
				}
				if strings.Contains(p, "/graph.svg") {
					return
				}
				assert.True(t, strings.Contains(got.Text, "<script>") || strings.Contains(got.Text, "<img src=x") ||
					strings.Contains(got.Text, "<svg onload") || p == "/" || p == "/articles",
					"the payloads are shown as text")
			})
		}
	}
	t.Logf("%d pages × CSP on and off checked in %s", len(paths), time.Since(start).Round(time.Millisecond))
}

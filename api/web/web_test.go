package web

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// fixtureApp serves the web app over an embedded store holding the storetest Gaza
// fixture (plus the given bundles).
func fixtureApp(t *testing.T, extra ...*graph.ArticleGraph) (*httptest.Server, graph.Store) {
	t.Helper()
	s, err := embedded.Open(t.Context(), filepath.Join(t.TempDir(), "graph.db"), nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	for _, g := range append(st.Gaza(), extra...) {
		_, err := s.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	require.NoError(t, Register(e, Deps{Store: s}))
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return srv, s
}

type page struct {
	status int
	header http.Header
	body   string
}

func get(t *testing.T, srv *httptest.Server, path string) page {
	t.Helper()
	resp, err := http.Get(srv.URL + path)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return page{resp.StatusCode, resp.Header, string(b)}
}

// text strips tags and collapses spaces, for assertions on what a reader sees.
func (p page) text() string {
	s := regexp.MustCompile(`(?s)<[^>]*>`).ReplaceAllString(p.body, " ")
	s = strings.NewReplacer("&#39;", "'", "&#34;", `"`, "&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`).Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// claimLinks lists the claim ids a page links to, in order, without repeats.
func (p page) claimLinks() []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range regexp.MustCompile(`<p class="claim-text"><a href="/claims/([^"]+)">`).FindAllStringSubmatch(p.body, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

func TestSearchFilters(t *testing.T) {
	srv, _ := fixtureApp(t)
	sorted := func(ids ...string) []string {
		out := append([]string(nil), ids...)
		for i := range out {
			for j := i + 1; j < len(out); j++ {
				if out[j] < out[i] {
					out[i], out[j] = out[j], out[i]
				}
			}
		}
		return out
	}
	all := sorted(st.ClaimToll68800, st.ClaimDraft, st.ClaimForce, st.ClaimCeasefire, st.ClaimToll52000, st.ClaimToll68000, st.ClaimUnified)
	for _, tc := range []struct {
		name, query string
		want        []string
		note        string
	}{
		{"everything", "", all, ""},
		{"words", "q=" + url.QueryEscape("68,800 Palestinians"), []string{st.ClaimToll68800}, ""},
		{"quotes are dropped", "q=" + url.QueryEscape(`"68,800"`), []string{st.ClaimToll68800}, "quotes and operators were left out"},
		{"no words", "q=" + url.QueryEscape(`?!`), all, "no words or numbers"},
		{"speaker", "speaker=" + st.AgentHealthMinistry, []string{st.ClaimToll68800}, ""},
		{"article", "article=" + st.Article2, sorted(st.ClaimToll68800, st.ClaimToll52000), ""},
		{"outlet", "outlet=" + st.OutletDailyLedger, sorted(st.ClaimToll68800, st.ClaimToll52000), ""},
		{"disputed", "disputed=true", sorted(st.ClaimToll68800, st.ClaimToll52000), ""},
		{"undisputed", "disputed=false", sorted(st.ClaimDraft, st.ClaimForce, st.ClaimCeasefire, st.ClaimToll68000, st.ClaimUnified), ""},
		{"with figures", "has_quantity=true", sorted(st.ClaimToll68800, st.ClaimToll52000, st.ClaimToll68000), ""},
		{"combined", "has_quantity=true&disputed=false", []string{st.ClaimToll68000}, ""},
		{"empty form fields are unset", "q=&speaker=&outlet=&article=&disputed=&has_quantity=&published_from=&published_to=&sort=", all, ""},
		// Article1 is dated 2025-11-04, Article3 November 2025, Article2 not at all.
		{"published from", "published_from=2025-11-05", sorted(st.ClaimToll68800, st.ClaimToll68000, st.ClaimUnified), ""},
		{"published on a day", "published_from=2025-11-04&published_to=2025-11-04&disputed=true", []string{st.ClaimToll68800}, ""},
		{"published before every article", "published_to=2025-10-31", nil, "No claim matches."},
		{"most reported first", "sort=-statements&limit=1", []string{st.ClaimToll68800}, ""},
		{"speaker by name", "speaker_name=" + url.QueryEscape("health ministry"), []string{st.ClaimToll68800}, "Speaker: Gaza's Health Ministry"},
		{"speaker by alias", "speaker_name=Waltz", sorted(st.ClaimForce, st.ClaimUnified), "Speaker: Mike Waltz"},
		{"unknown speaker name", "speaker_name=zebra", nil, "No speaker is named “zebra”."},
		{"ambiguous speaker name", "speaker_name=officials", nil, "Several speakers match “officials”; choose one. Israeli officials group U.S. officials group"},
		{"speaker id wins over name", "speaker=" + st.AgentUN + "&speaker_name=zebra", []string{st.ClaimToll68000}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := get(t, srv, "/?"+tc.query)
			require.Equal(t, http.StatusOK, p.status, p.body)
			assert.Equal(t, tc.want, p.claimLinks())
			if tc.note != "" {
				assert.Contains(t, p.text(), tc.note)
			}
		})
	}
}

func TestSearchPaginates(t *testing.T) {
	srv, _ := fixtureApp(t)
	var seen []string
	path := "/?limit=3&has_quantity="
	for i := 0; path != ""; i++ {
		require.Less(t, i, 5, "pagination ends")
		p := get(t, srv, path)
		require.Equal(t, http.StatusOK, p.status)
		ids := p.claimLinks()
		assert.LessOrEqual(t, len(ids), 3)
		seen = append(seen, ids...)
		m := regexp.MustCompile(`<a href="([^"]+)" rel="next">`).FindStringSubmatch(p.body)
		path = ""
		if m != nil {
			path = strings.ReplaceAll(m[1], "&amp;", "&")
			assert.Contains(t, path, "limit=3", "the next link keeps the filters")
		}
		if i == 0 {
			assert.NotContains(t, p.body, "First page")
		} else {
			assert.Contains(t, p.body, `<a href="/?limit=3">First page</a>`)
		}
	}
	assert.Len(t, seen, 7, "every claim once")
}

func TestPagesAndStatuses(t *testing.T) {
	srv, _ := fixtureApp(t)
	for _, tc := range []struct {
		name, path string
		status     int
		contains   []string
	}{
		{"claim", "/claims/" + st.ClaimToll68800, 200, []string{
			"Gaza’s Health Ministry", "Associated Press", "Reuters", "Israel", "disputes",
			"Conflicting figures", "about 52,000", "Corroborating claims", "68,000", "independent origins", "Neighbourhood",
		}},
		{"claim without disputes", "/claims/" + st.ClaimCeasefire, 200, []string{"No one is recorded disputing this claim.", "None recorded."}},
		{"agent", "/agents/" + st.AgentHealthMinistry, 200, []string{"What Gaza's Health Ministry said", "Israel disputes 1 claim", "Also named: the Health Ministry in Gaza"}},
		{"agent without claims", "/agents/" + st.AgentIsrael, 200, []string{"No claim is attributed to Israel."}},
		{"articles", "/articles", 200, []string{"Toll disputed", "U.S. circulates UN draft"}},
		{"articles of an outlet", "/articles?outlet=" + st.OutletDailyLedger, 200, []string{"Toll disputed"}},
		{"article", "/articles/" + st.Article2, 200, []string{"Legend", "What was said", "Israeli officials", "rejects"}},
		{"unknown claim", "/claims/c_0000000000000000", 404, []string{"Not Found"}},
		{"not a claim id", "/claims/ag_israel", 404, []string{"There is no claim ag_israel."}},
		{"unknown agent", "/agents/ag_nobody", 404, nil},
		{"unknown article", "/articles/a_0000", 404, nil},
		{"bad boolean", "/?disputed=maybe", 400, []string{"The disputed filter must be true, false or empty."}},
		{"bad speaker", "/?speaker=israel", 400, []string{"must be the id of an agent"}},
		{"bad cursor", "/?cursor=xyz", 400, []string{"start again from the first page"}},
		{"bad limit", "/?limit=1000", 400, []string{"from 1 to 100"}},
		{"bad sort", "/?sort=text", 400, nil},
		{"bad date", "/?published_from=2025-11", 400, []string{"The “Published from” date must be a day written YYYY-MM-DD"}},
		{"no such day", "/?published_to=2025-02-30", 400, []string{"The “Published to” date must be a day"}},
		{"dates reversed", "/?published_from=2025-11-05&published_to=2025-11-04", 400, []string{"swap them"}},
		{"bad part", "/articles/" + st.Article2 + "?part=2", 400, []string{"part must be a number from 1 to 1"}},
		{"long query", "/?q=" + strings.Repeat("a", 501), 400, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := get(t, srv, tc.path)
			assert.Equal(t, tc.status, p.status, p.text())
			assert.Equal(t, "text/html; charset=utf-8", p.header.Get("Content-Type"))
			for _, s := range tc.contains {
				assert.Contains(t, p.text(), s)
			}
		})
	}
}

func TestUntitledArticleIsNamedByItsOpening(t *testing.T) {
	text := "Gaza today sits between a fragile ceasefire and the terrifying prospect of a return to all-out war. After two years..."
	g := &graph.ArticleGraph{Article: graph.Article{ID: graph.ArticleID("", text), Text: text}}
	srv, _ := fixtureApp(t, g)
	p := get(t, srv, "/articles/"+g.Article.ID)
	require.Equal(t, 200, p.status)
	assert.Contains(t, p.body, "<h1>Untitled: “Gaza today sits between a fragile ceasefire and the terrifying…”</h1>")
	assert.Contains(t, p.body, `<p class="meta"><span><a href="/?article=`+g.Article.ID+`">claims in this article</a></span></p>`, "no stray separator")
}

func TestSecurityHeaders(t *testing.T) {
	srv, _ := fixtureApp(t)
	for _, path := range []string{"/", "/claims/" + st.ClaimToll68800, "/agents/" + st.AgentIsrael, "/articles", "/articles/" + st.Article1, "/claims/c_missing", "/claims/" + st.ClaimToll68800 + "/graph.svg"} {
		p := get(t, srv, path)
		csp := p.header.Get("Content-Security-Policy")
		assert.Equal(t, ContentSecurityPolicy, csp, path)
		assert.Contains(t, csp, "frame-ancestors 'none'")
		assert.NotContains(t, csp, "unsafe-inline")
		assert.Equal(t, "DENY", p.header.Get("X-Frame-Options"), path)
		// No inline script, no style attribute, no inline event handler anywhere.
		assert.NotRegexp(t, `<script>|<script [^>]*>[^<]|\sstyle=|\son[a-z]+=|<style`, p.body, path)
	}
}

func TestStaticAssets(t *testing.T) {
	srv, _ := fixtureApp(t)
	home := get(t, srv, "/")
	for _, m := range []struct{ re, ct string }{
		{`href="(/static/app\.[0-9a-f]{10}\.css)"`, "text/css; charset=utf-8"},
		{`src="(/static/app\.[0-9a-f]{10}\.js)"`, "text/javascript; charset=utf-8"},
		{`href="(/static/favicon\.[0-9a-f]{10}\.svg)"`, "image/svg+xml"},
	} {
		sub := regexp.MustCompile(m.re).FindStringSubmatch(home.body)
		require.NotNil(t, sub, m.re)
		p := get(t, srv, sub[1])
		assert.Equal(t, 200, p.status)
		assert.Equal(t, m.ct, p.header.Get("Content-Type"))
		assert.Equal(t, "public, max-age=31536000, immutable", p.header.Get("Cache-Control"))
	}
	assert.Equal(t, 404, get(t, srv, "/static/app.css").status, "only hashed names are served")
	assert.Equal(t, 404, get(t, srv, "/static/..%2Fweb.go").status)
}

func TestClaimPageOEmbedDiscovery(t *testing.T) {
	srv, _ := fixtureApp(t)
	p := get(t, srv, "/claims/"+st.ClaimToll68800)
	// Absolute: consumers fetch the href as they find it.
	want := `<link rel="alternate" type="application/json+oembed" href="` + srv.URL + `/oembed?format=json&amp;url=` +
		url.QueryEscape(srv.URL+"/claims/"+st.ClaimToll68800) + `"`
	assert.Contains(t, p.body, want)
	assert.NotContains(t, get(t, srv, "/").body, "json+oembed", "only claim pages carry it")

	// Behind a proxy, the public origin names both the endpoint and the page.
	for _, public := range []string{"https://claims.example.org", "https://claims.example.org/"} {
		pub := appWith(t, Deps{PublicURL: public})
		p = get(t, pub, "/claims/"+st.ClaimToll68800)
		want = `<link rel="alternate" type="application/json+oembed" href="https://claims.example.org/oembed?format=json&amp;url=` +
			url.QueryEscape("https://claims.example.org/claims/"+st.ClaimToll68800) + `"`
		assert.Contains(t, p.body, want, public)
	}
}

// appWith serves the web app with deps over an embedded store holding the storetest
// Gaza fixture.
func appWith(t *testing.T, deps Deps) *httptest.Server {
	t.Helper()
	s, err := embedded.Open(t.Context(), filepath.Join(t.TempDir(), "graph.db"), nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	for _, g := range st.Gaza() {
		_, err := s.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	deps.Store = s
	gin.SetMode(gin.ReleaseMode)
	e := gin.New()
	require.NoError(t, Register(e, deps))
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return srv
}

func TestSafeLink(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.com/a?b=c", "https://example.com/a?b=c"},
		{"http://example.com", "http://example.com"},
		{"javascript:alert(1)", ""},
		{"JavaScript:alert(1)", ""},
		{" javascript:alert(1)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"vbscript:msgbox", ""},
		{"//evil.example/x", ""},
		{"/relative", ""},
		{"https://", ""},
		{`https://evil.example/a"><script>x</script>`, "https://evil.example/a%22%3E%3Cscript%3Ex%3C/script%3E"},
	} {
		assert.Equal(t, tc.want, safeLink(tc.in), tc.in)
	}
}

func TestSplitParts(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		size int
		want []string
	}{
		{"short", "one two", 10, []string{"one two"}},
		{"empty", "", 10, nil},
		{"at a line break", "aaaa bbb\ncc dd", 10, []string{"aaaa bbb\n", "cc dd"}},
		{"at a space", "aaaa bbbb cccc", 10, []string{"aaaa bbbb ", "cccc"}},
		{"no break in reach", "abcdefghijklmnop", 10, []string{"abcdefghij", "klmnop"}},
		{"runes", "ééééé ééééé ééé", 8, []string{"ééééé ", "ééééé ", "ééé"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := []rune(tc.text)
			var got []string
			for _, p := range splitParts(r, tc.size) {
				got = append(got, string(r[p[0]:p[1]]))
				assert.LessOrEqual(t, p[1]-p[0], tc.size)
			}
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.text, strings.Join(got, ""), "the parts cover the text exactly")
		})
	}
}

func TestSegment(t *testing.T) {
	text := []rune("He said the toll is 5 dead.")
	marks := []mark{
		{Start: 0, End: 2, Kind: markSpeaker, Ref: "s1"},
		{Start: 3, End: 7, Kind: markCue, Ref: "s1"},
		{Start: 8, End: 26, Kind: markContent, Ref: "s1"},
		{Start: 20, End: 26, Kind: markQuantity, Ref: "s1"},
		{Start: 0, End: 2, Kind: markMention},
		{Start: 30, End: 40, Kind: markCue, Ref: "outside"},
	}
	got := segment(text, 0, len(text), marks, map[[2]string]string{{"s1", markContent}: "s1"})
	type p struct{ Text, Class, Anchor string }
	var out []p
	for _, pc := range got {
		out = append(out, p{pc.Text, pc.Class(), pc.Anchor})
	}
	assert.Equal(t, []p{
		{"He", "hl hl-speaker hl-mention", ""},
		{" ", "", ""},
		{"said", "hl hl-cue", ""},
		{" ", "", ""},
		{"the toll is ", "hl hl-content", "s1"},
		{"5 dead", "hl hl-content hl-quantity", ""},
		{".", "", ""},
	}, out)
	// A window clips the marks that cross it.
	win := segment(text, 10, 22, marks, nil)
	require.Len(t, win, 2)
	assert.Equal(t, []string{"e toll is ", "5 "}, []string{win[0].Text, win[1].Text})
	assert.Equal(t, "hl hl-content hl-quantity", win[1].Class())
}

// TestGoldenGraphSVG pins the drawing of the Gaza toll claim's neighbourhood.
func TestGoldenGraphSVG(t *testing.T) {
	srv, _ := fixtureApp(t)
	p := get(t, srv, "/claims/"+st.ClaimToll68800+"/graph.svg")
	require.Equal(t, 200, p.status)
	assert.Equal(t, "image/svg+xml; charset=utf-8", p.header.Get("Content-Type"))
	golden := filepath.Join("testdata", "toll68800.svg")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(p.body), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test ./api/web -run TestGoldenGraphSVG -update")
	assert.Equal(t, string(want), p.body)
	assert.Contains(t, p.body, `<a href="/agents/ag_gazas-health-ministry">`)
	assert.Contains(t, p.body, `class="node node-Claim node-root"`)
}

// hugeArticle is an article of about n bytes with a statement in every seventh
// sentence, written as a bundle (extracting such a text is another package's
// concern; this tests that the page stays bounded). Spans are counted while the text
// is written, in code points (the text is ASCII).
func hugeArticle(n int) *graph.ArticleGraph {
	var b strings.Builder
	type sent struct{ start, end int }
	var sents []sent
	for i := 0; b.Len() < n; i++ {
		start := b.Len()
		fmt.Fprintf(&b, "Officials said that %d people were counted in district %d.", i+1, i)
		sents = append(sents, sent{start, b.Len()})
		b.WriteString(" ")
		if i%10 == 9 {
			b.WriteString("\n\n")
		}
	}
	text := b.String()
	u := "https://huge.example/article"
	id := graph.ArticleID(u, text)
	g := &graph.ArticleGraph{
		Article: graph.Article{ID: id, URL: u, Title: "A very long article", Text: text},
		Agents:  []graph.Agent{{ID: "ag_officials", Kind: graph.KindGroup, Name: "Officials"}},
	}
	span := func(s, e int) graph.Span { return graph.Span{Start: s, End: e, Text: text[s:e]} }
	for i := 0; i < len(sents); i += 7 {
		sn := sents[i]
		content := span(sn.start+len("Officials said that "), sn.end-1)
		c := graph.Claim{ID: graph.ClaimID(content.Text), Text: content.Text, Kind: graph.ClaimReportedSpeech}
		g.Claims = append(g.Claims, c)
		src := span(sn.start, sn.start+len("Officials"))
		g.Statements = append(g.Statements, graph.Statement{
			ID: graph.StatementID(id, c.ID, content), ClaimID: c.ID, ArticleID: id, SpeakerID: "ag_officials",
			Kind: graph.SpeechReported, Cue: span(sn.start+10, sn.start+14), Source: &src, Content: content,
			Sentence: span(sn.start, sn.end), Confidence: 0.9,
		})
	}
	return g
}

// TestHugeArticleIsPaged checks issue 11's concern: however long the article, one
// page holds a bounded part of it, and links reach every part and every statement.
func TestHugeArticleIsPaged(t *testing.T) {
	huge := hugeArticle(1 << 20)
	srv, _ := fixtureApp(t, huge)
	self := "/articles/" + huge.Article.ID
	first := get(t, srv, self)
	require.Equal(t, 200, first.status)
	assert.Less(t, len(first.body), 200<<10, "one part of a 1 MiB article is under 200 KiB of HTML")
	nParts := len(splitParts([]rune(huge.Article.Text), articlePartRunes))
	assert.Greater(t, nParts, 100)
	assert.Contains(t, first.text(), fmt.Sprintf("Text, part 1 of %d", nParts))
	assert.Contains(t, first.body, `href="`+self+`?part=2" rel="next"`)

	last := get(t, srv, fmt.Sprintf("%s?part=%d", self, nParts))
	require.Equal(t, 200, last.status)
	assert.Less(t, len(last.body), 200<<10)
	assert.NotContains(t, last.body, `rel="next"`)

	// A link to a statement opens the part that holds it, at its anchor.
	s := huge.Statements[len(huge.Statements)/2]
	p := get(t, srv, self+"?statement="+s.ID)
	require.Equal(t, 200, p.status)
	assert.Contains(t, p.body, `id="`+s.ID+`"`)
	assert.Contains(t, p.body, s.Content.Text)
}

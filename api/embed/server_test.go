package embed_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/api/embed"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// countingStore is a real store that counts the reads the widget makes, to show
// what the render cache saves.
type countingStore struct {
	graph.Store
	provenance, contradictions atomic.Int64
}

func (s *countingStore) Provenance(ctx context.Context, id string) (*graph.Provenance, error) {
	s.provenance.Add(1)
	return s.Store.Provenance(ctx, id)
}

func (s *countingStore) Contradictions(ctx context.Context, id string) (*graph.Contradictions, error) {
	s.contradictions.Add(1)
	return s.Store.Contradictions(ctx, id)
}

// openStore opens a fresh embedded store holding the given articles.
func openStore(t *testing.T, articles ...*graph.ArticleGraph) graph.Store {
	t.Helper()
	s, err := embedded.Open(t.Context(), filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	for _, g := range articles {
		_, err := s.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	return s
}

// openStoreB opens a fresh embedded store holding the Gaza fixture, for benchmarks.
func openStoreB(b *testing.B) graph.Store {
	b.Helper()
	s, err := embedded.Open(b.Context(), filepath.Join(b.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = s.Close(context.Background()) })
	for _, g := range st.Gaza() {
		if _, err := s.PutArticle(b.Context(), g); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

// serve runs the whole API (middleware included) over store on a real listener.
func serve(t *testing.T, store graph.Store, deps api.Deps) *httptest.Server {
	t.Helper()
	deps.Store = store
	srv, err := api.New(deps)
	require.NoError(t, err)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return ts
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func get(t *testing.T, url string, header ...string) answer {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, url, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// No transparent decompression: the tests look at the encoding themselves.
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return answer{res.StatusCode, res.Header, b}
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./api/embed -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs: run go test ./api/embed -update if the change is intended", path)
}

var etagPattern = regexp.MustCompile(`^"[A-Za-z0-9_-]{24}"$`)

const cardCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; frame-ancestors *"

// TestCardHTML checks the iframe card of the mission example claim: its content
// (golden), its security headers and its caching headers.
func TestCardHTML(t *testing.T) {
	ts := serve(t, openStore(t, st.Gaza()...), api.Deps{})
	r := get(t, ts.URL+"/embed/claims/"+st.ClaimToll68800, "Accept", "text/html")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "text/html; charset=utf-8", r.header.Get("Content-Type"))
	assert.Equal(t, cardCSP, r.header.Get("Content-Security-Policy"))
	assert.Empty(t, r.header.Get("X-Frame-Options"), "the card must be framable")
	assert.Equal(t, "public, max-age=0, stale-if-error=86400", r.header.Get("Cache-Control"))
	assert.Regexp(t, etagPattern, r.header.Get("ETag"))
	golden(t, "card-toll68800.html", r.body)

	body := string(r.body)
	for _, want := range []string{
		`<strong class="agent">Gaza&#39;s Health Ministry</strong>`,   // the speaker
		`<span class="agency">Associated Press</span>`,                // the agency it came through
		`>U.S. circulates UN draft on a Gaza stabilization force</a>`, // the article
		`(Global Post, <time datetime="2025-11-04">2025-11-04</time>)`,
		`<strong class="agent">Israel</strong> <span class="kind">disputes it</span>`, // the disputer
		`Conflicting figures`, `52,000`, // the conflicting claim's figure
		`<a class="full" href="/claims/` + st.ClaimToll68800 + `" target="_top">`,
	} {
		assert.Contains(t, body, want)
	}
	assertNoInlineCode(t, body)
}

// assertNoInlineCode checks that a page has no inline script, no event handler
// attribute and no inline style: everything the CSP would block.
func assertNoInlineCode(t *testing.T, page string) {
	t.Helper()
	for _, tag := range regexp.MustCompile(`(?is)<script\b[^>]*>(.*?)</script>`).FindAllStringSubmatch(page, -1) {
		assert.Contains(t, tag[0], ` src="/widget/`, "script without src: %s", tag[0])
		assert.Empty(t, strings.TrimSpace(tag[1]), "inline script: %s", tag[0])
	}
	assert.NotRegexp(t, `(?i)<[a-z][^>]*\son[a-z]+\s*=`, page, "event handler attribute")
	assert.NotRegexp(t, `(?i)<style|\sstyle\s*=`, page, "inline style")
}

// TestCardEscapesArticleData stores an article whose title, outlet, authors and
// speaker, agency and disputer names carry markup, and checks that the card shows it
// as text and the JSON card as data.
func TestCardEscapesArticleData(t *testing.T) {
	g := st.Gaza1()
	g.Article.Title = `<script>alert("title")</script>"><img src=x onerror=alert(1)>`
	g.Article.Authors = []string{`<b onmouseover=alert(2)>author</b>`}
	g.Outlet.Name = `"><svg onload=alert(3)>`
	for i := range g.Agents {
		switch g.Agents[i].ID {
		case st.AgentHealthMinistry:
			g.Agents[i].Name = `"><img src=x onerror=alert(4)>`
		case st.AgentIsrael:
			g.Agents[i].Name = `<script>alert(5)</script>`
		case st.AgentAP:
			g.Agents[i].Name = `javascript:alert(6)`
		}
	}
	ts := serve(t, openStore(t, g), api.Deps{})

	r := get(t, ts.URL+"/embed/claims/"+st.ClaimToll68800, "Accept", "text/html")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	page := string(r.body)
	for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", "<b onmouseover", `href="javascript:`} {
		assert.NotContains(t, page, bad)
	}
	for _, shown := range []string{
		"&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;&#34;&gt;&lt;img src=x onerror=alert(1)&gt;",
		"&#34;&gt;&lt;img src=x onerror=alert(4)&gt;",
		"&lt;script&gt;alert(5)&lt;/script&gt;",
		"javascript:alert(6)", // shown as a name, not a link
	} {
		assert.Contains(t, page, shown)
	}
	assertNoInlineCode(t, page)

	r = get(t, ts.URL+"/v1/claims/"+st.ClaimToll68800+"/card")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.NotContains(t, string(r.body), "<", "the JSON escapes < as \\u003c")
	var card embed.Card
	require.NoError(t, json.Unmarshal(r.body, &card))
	assert.Equal(t, `"><img src=x onerror=alert(4)>`, card.Sources.Items[0].Speaker.Name)
}

// TestCardErrors checks the answers for claims that do not exist: an HTML card for
// browsers, a problem document for everyone else; neither is cached.
func TestCardErrors(t *testing.T) {
	ts := serve(t, openStore(t, st.Gaza()...), api.Deps{})
	for _, tc := range []struct {
		name, path, accept string
		status             int
		contentType, body  string
	}{
		{"html", "/embed/claims/c_0000000000000000", "text/html,application/xhtml+xml", 404, "text/html; charset=utf-8", "Claim not found"},
		{"problem", "/embed/claims/c_0000000000000000", "", 404, "application/problem+json", `"type":"https://claimgraph.dev/problems/not-found"`},
		{"long id", "/embed/claims/" + strings.Repeat("x", 300), "text/html", 404, "text/html; charset=utf-8", "Claim not found"},
		{"json card", "/v1/claims/c_0000000000000000/card", "", 404, "application/problem+json", `"status":404`},
		{"json card query", "/v1/claims/" + st.ClaimToll68800 + "/card?b=1&a=2", "", 400, "application/problem+json", `"field":"a"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := get(t, ts.URL+tc.path, "Accept", tc.accept)
			assert.Equal(t, tc.status, r.status)
			assert.Equal(t, tc.contentType, r.header.Get("Content-Type"))
			assert.Contains(t, string(r.body), tc.body)
			assert.Equal(t, "no-store", r.header.Get("Cache-Control"))
			assert.Empty(t, r.header.Get("ETag"))
			if strings.HasPrefix(tc.path, "/embed/") {
				assert.Equal(t, cardCSP, r.header.Get("Content-Security-Policy"))
				assertNoInlineCode(t, string(r.body))
			}
		})
	}
}

// TestConditionalGet checks ETag revalidation on every kind of widget answer: a
// matching If-None-Match (also weak, in a list, or *) gets 304 with no body and the
// same validators; a stale one gets the body again.
func TestConditionalGet(t *testing.T) {
	ts := serve(t, openStore(t, st.Gaza()...), api.Deps{})
	paths := []string{
		"/embed/claims/" + st.ClaimToll68800,
		"/v1/claims/" + st.ClaimToll68800 + "/card",
		"/widget/claim-provenance.js",
		"/oembed?url=" + ts.URL + "/claims/" + st.ClaimToll68800,
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			first := get(t, ts.URL+p)
			require.Equal(t, http.StatusOK, first.status, "%s", first.body)
			etag := first.header.Get("ETag")
			require.Regexp(t, etagPattern, etag)
			require.NotEmpty(t, first.header.Get("Cache-Control"))
			assert.Equal(t, etag, get(t, ts.URL+p).header.Get("ETag"), "the tag is stable")

			for _, inm := range []string{etag, "W/" + etag, `"other", ` + etag, "*"} {
				r := get(t, ts.URL+p, "If-None-Match", inm)
				assert.Equal(t, http.StatusNotModified, r.status, inm)
				assert.Empty(t, r.body)
				assert.Equal(t, etag, r.header.Get("ETag"))
				assert.Equal(t, first.header.Get("Cache-Control"), r.header.Get("Cache-Control"))
			}
			r := get(t, ts.URL+p, "If-None-Match", `"stale"`)
			assert.Equal(t, http.StatusOK, r.status)
			assert.Equal(t, first.body, r.body)
		})
	}
}

// TestCardCache checks that a card is read from the store once while it is cached,
// however many clients ask at once, and that the JSON and HTML forms share the read.
func TestCardCache(t *testing.T) {
	store := &countingStore{Store: openStore(t, st.Gaza()...)}
	ts := serve(t, store, api.Deps{})
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			path := "/embed/claims/" + st.ClaimToll68800
			if i%2 == 0 {
				path = "/v1/claims/" + st.ClaimToll68800 + "/card"
			}
			r := get(t, ts.URL+path)
			assert.Equal(t, http.StatusOK, r.status)
		}()
	}
	wg.Wait()
	assert.EqualValues(t, 1, store.provenance.Load(), "provenance reads")
	assert.EqualValues(t, 1, store.contradictions.Load(), "contradictions reads")

	get(t, ts.URL+"/embed/claims/"+st.ClaimToll52000)
	assert.EqualValues(t, 2, store.provenance.Load(), "another claim is another read")
	get(t, ts.URL+"/embed/claims/c_0000000000000000")
	get(t, ts.URL+"/embed/claims/c_0000000000000000")
	assert.EqualValues(t, 4, store.provenance.Load(), "a missing claim is not cached")
}

// TestAssets checks the static files: types, gzip with its own validator, and the
// size limit of the web component.
func TestAssets(t *testing.T) {
	ts := serve(t, openStore(t), api.Deps{})
	types := map[string]string{
		"claim-provenance.js": "text/javascript; charset=utf-8",
		"embed-resize.js":     "text/javascript; charset=utf-8",
		"embed-frame.js":      "text/javascript; charset=utf-8",
		"card.css":            "text/css; charset=utf-8",
	}
	require.ElementsMatch(t, keys(types), embed.AssetNames())
	for name, ct := range types {
		t.Run(name, func(t *testing.T) {
			plain := get(t, ts.URL+"/widget/"+name)
			require.Equal(t, http.StatusOK, plain.status)
			assert.Equal(t, ct, plain.header.Get("Content-Type"))
			assert.Empty(t, plain.header.Get("Content-Encoding"))
			assert.Equal(t, "cross-origin", plain.header.Get("Cross-Origin-Resource-Policy"))
			assert.Contains(t, plain.header.Values("Vary"), "Accept-Encoding")
			assert.Equal(t, "public, max-age=300, stale-while-revalidate=86400", plain.header.Get("Cache-Control"))

			gz := get(t, ts.URL+"/widget/"+name, "Accept-Encoding", "br, gzip;q=0.8")
			require.Equal(t, http.StatusOK, gz.status)
			assert.Equal(t, "gzip", gz.header.Get("Content-Encoding"))
			assert.NotEqual(t, plain.header.Get("ETag"), gz.header.Get("ETag"), "each encoding has its own strong tag")
			zr, err := gzip.NewReader(bytes.NewReader(gz.body))
			require.NoError(t, err)
			unzipped, err := io.ReadAll(zr)
			require.NoError(t, err)
			assert.Equal(t, plain.body, unzipped)

			refused := get(t, ts.URL+"/widget/"+name, "Accept-Encoding", "gzip;q=0")
			assert.Empty(t, refused.header.Get("Content-Encoding"))

			// Each answer is sent whole with its length, never chunked, whatever
			// its size (the web component is larger than net/http's buffer).
			for _, a := range []answer{plain, gz} {
				assert.Equal(t, strconv.Itoa(len(a.body)), a.header.Get("Content-Length"))
			}
		})
	}
	r := get(t, ts.URL+"/widget/nope.js")
	assert.Equal(t, http.StatusNotFound, r.status)
	assert.Equal(t, "application/problem+json", r.header.Get("Content-Type"))
	assert.Contains(t, string(r.body), "claim-provenance.js")
}

// TestWebComponentBudget keeps the web component within its budget of 10 KB
// gzipped, as served, and free of the DOM sinks that parse HTML.
func TestWebComponentBudget(t *testing.T) {
	ts := serve(t, openStore(t), api.Deps{})
	gz := get(t, ts.URL+"/widget/claim-provenance.js", "Accept-Encoding", "gzip")
	require.Equal(t, http.StatusOK, gz.status)
	assert.LessOrEqual(t, len(gz.body), 10*1024, "claim-provenance.js is %d bytes gzipped; the budget is 10 KB", len(gz.body))
	t.Logf("claim-provenance.js: %d bytes gzipped", len(gz.body))

	src := get(t, ts.URL+"/widget/claim-provenance.js").body
	for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "createContextualFragment", "setHTMLUnsafe"} {
		assert.NotContains(t, string(src), sink)
	}
	for _, need := range []string{"attachShadow", "textContent", "customElements.define"} {
		assert.Contains(t, string(src), need)
	}
}

// TestFraming checks that only /embed answers may be framed, by anyone or by the
// configured sites, and that a malformed allow-list is refused at start.
func TestFraming(t *testing.T) {
	store := openStore(t, st.Gaza()...)
	open := serve(t, store, api.Deps{})
	listed := serve(t, store, api.Deps{EmbedFrameAncestors: []string{"https://news.example", "https://*.example.org", "'self'"}})

	card := "/embed/claims/" + st.ClaimToll68800
	r := get(t, listed.URL+card)
	assert.True(t, strings.HasSuffix(r.header.Get("Content-Security-Policy"), "; frame-ancestors https://news.example https://*.example.org 'self'"), r.header.Get("Content-Security-Policy"))
	assert.Empty(t, r.header.Get("X-Frame-Options"))

	for _, p := range []string{"/healthz", "/v1/claims/" + st.ClaimToll68800, "/v1/claims/" + st.ClaimToll68800 + "/card", "/widget/claim-provenance.js", "/oembed?url=x", "/nope"} {
		r := get(t, open.URL+p)
		assert.Equal(t, "frame-ancestors 'none'", r.header.Get("Content-Security-Policy"), p)
		assert.Equal(t, "DENY", r.header.Get("X-Frame-Options"), p)
	}

	for _, bad := range [][]string{
		{"https://news.example; script-src *"},
		{"'unsafe-inline'"},
		{"https://news.example/path"},
		{`"https://news.example"`},
	} {
		_, err := api.New(api.Deps{Store: store, EmbedFrameAncestors: bad})
		assert.Error(t, err, "%q", bad)
	}
	for _, bad := range []string{"ftp://claims.example", "https://claims.example/sub", "claims.example", "https://u:p@claims.example"} {
		_, err := api.New(api.Deps{Store: store, PublicURL: bad})
		assert.Error(t, err, bad)
	}
}

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestCardJSON checks the JSON card of the mission example claim against its golden
// file and its headers.
func TestCardJSON(t *testing.T) {
	ts := serve(t, openStore(t, st.Gaza()...), api.Deps{})
	r := get(t, ts.URL+"/v1/claims/"+st.ClaimToll68800+"/card", "Origin", "https://news.example")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "application/json; charset=utf-8", r.header.Get("Content-Type"))
	assert.Equal(t, "*", r.header.Get("Access-Control-Allow-Origin"), "the web component reads it cross-origin")
	assert.Equal(t, "public, max-age=0, stale-if-error=86400", r.header.Get("Cache-Control"))
	var pretty bytes.Buffer
	require.NoError(t, json.Indent(&pretty, r.body, "", "  "))
	golden(t, "card-toll68800.json", pretty.Bytes())
}

// TestNewDisputeShowsOnNextRequest writes a dispute of a claim whose cards are cached
// (30 s render cache, revalidating clients) and checks that the very next request of
// each form shows it, with a new ETag, so that a client's revalidation gets the new
// card instead of 304; and that a write that leaves a card as it was keeps its ETag.
func TestNewDisputeShowsOnNextRequest(t *testing.T) {
	store := openStore(t, st.Gaza2(), st.Gaza3())
	ts := serve(t, store, api.Deps{})
	paths := map[string]string{
		"iframe card": "/embed/claims/" + st.ClaimToll68800,
		"card JSON":   "/v1/claims/" + st.ClaimToll68800 + "/card",
	}
	// How each form shows Israel's dispute.
	dispute := map[string]string{
		"iframe card": `<strong class="agent">Israel</strong> <span class="kind">disputes it</span>`,
		"card JSON":   `"disputer":{"id":"` + st.AgentIsrael + `","name":"Israel"`,
	}
	tags := map[string]string{}
	for name, path := range paths {
		r := get(t, ts.URL+path, "Accept", "text/html")
		require.Equal(t, http.StatusOK, r.status, "%s: %s", name, r.body)
		assert.NotContains(t, string(r.body), dispute[name], "%s: no dispute yet", name)
		tags[name] = r.header.Get("ETag")
		r = get(t, ts.URL+path, "If-None-Match", tags[name])
		require.Equal(t, http.StatusNotModified, r.status, "%s: cached and unchanged", name)
	}

	// Israel disputes the ministry's figure in Gaza1.
	_, err := store.PutArticle(t.Context(), st.Gaza1())
	require.NoError(t, err)
	for name, path := range paths {
		r := get(t, ts.URL+path, "If-None-Match", tags[name], "Accept", "text/html")
		require.Equal(t, http.StatusOK, r.status, "%s: the revalidation right after the write gets the new card", name)
		assert.Contains(t, string(r.body), dispute[name], "%s: the new dispute shows", name)
		assert.NotEqual(t, tags[name], r.header.Get("ETag"), name)
		tags[name] = r.header.Get("ETag")
	}

	// A write about other claims: the cards are read again but their bytes, and so
	// their ETags, are the same, and clients keep their copies.
	other := st.Gaza1()
	other.Article.URL, other.Article.ID = "https://example.org/another", graph.ArticleID("https://example.org/another", other.Article.Text)
	g := graph.Canonical(other)
	g.Statements, g.Disputes, g.Links, g.Claims = nil, nil, nil, nil
	_, err = store.PutArticle(t.Context(), g)
	require.NoError(t, err)
	for name, path := range paths {
		r := get(t, ts.URL+path, "If-None-Match", tags[name])
		assert.Equal(t, http.StatusNotModified, r.status, "%s: unchanged card, same ETag", name)
	}
}

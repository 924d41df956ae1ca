package api

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// testKey is the API key the suite's servers accept.
const testKey = "test-key-0123456789abcdef"

// fixtureServer opens a fresh store of the backend, writes the Gaza fixture of
// graph/storetest into it and serves the API over it on a free port.
func fixtureServer(t *testing.T, b backend, deps Deps) (*client, graph.Store) {
	t.Helper()
	store := b.open(t)
	for _, g := range st.Gaza() {
		_, err := store.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	deps.Store = store
	if deps.Keys == nil {
		keys, err := NewKeySet(testKey)
		require.NoError(t, err)
		deps.Keys = keys
	}
	if deps.Logger == nil {
		deps.Logger = slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	srv, err := New(deps)
	require.NoError(t, err)
	return startServer(t, srv), store
}

// testWriter sends log output to t.Log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// apiCase is one request of the suite with the checks of its answer. The answers of
// every backend are also compared with each other.
type apiCase struct {
	name   string
	path   string
	status int
	check  func(t *testing.T, r response)
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = id(it)
	}
	return out
}

func summaryIDs(p graph.Page[graph.ClaimSummary]) []string {
	return ids(p.Items, func(s graph.ClaimSummary) string { return s.Claim.ID })
}

func sortedIDs(s ...string) []string {
	out := append([]string(nil), s...)
	sort.Strings(out)
	return out
}

var allClaims = sortedIDs(st.ClaimToll68800, st.ClaimDraft, st.ClaimForce, st.ClaimCeasefire, st.ClaimToll52000, st.ClaimToll68000, st.ClaimUnified)

// readCases are the reads of the suite over the Gaza fixture, with the answers the
// fixture implies.
func readCases() []apiCase {
	claimPage := func(want ...string) func(t *testing.T, r response) {
		return func(t *testing.T, r response) {
			var p graph.Page[graph.ClaimSummary]
			r.JSON(t, &p)
			if len(want) == 0 {
				assert.Empty(t, p.Items)
			} else {
				assert.Equal(t, want, summaryIDs(p))
			}
			assert.Empty(t, p.NextCursor)
		}
	}
	return []apiCase{
		{"healthz", "/healthz", 200, func(t *testing.T, r response) { assert.JSONEq(t, `{"status":"ok"}`, string(r.Body)) }},
		{"readyz", "/readyz", 200, func(t *testing.T, r response) { assert.JSONEq(t, `{"status":"ready"}`, string(r.Body)) }},
		{"claims/all", "/v1/claims", 200, claimPage(allClaims...)},
		{"claims/q", "/v1/claims?q=" + url.QueryEscape("68,800 Palestinians"), 200, func(t *testing.T, r response) {
			var p graph.Page[graph.ClaimSummary]
			r.JSON(t, &p)
			require.Equal(t, []string{st.ClaimToll68800}, summaryIDs(p))
			s := p.Items[0]
			assert.Equal(t, 3, s.Statements)
			assert.Equal(t, 1, s.Disputes)
			assert.Equal(t, []string{st.AgentIsrael}, s.DisputerIDs)
			assert.Equal(t, []string{st.AgentHealthMinistry}, s.SpeakerIDs)
			assert.Equal(t, sortedIDs(st.Article1, st.Article2, st.Article3), s.ArticleIDs)
		}},
		{"claims/q-case", "/v1/claims?q=CEASEFIRE", 200, claimPage(st.ClaimCeasefire)},
		{"claims/q-none", "/v1/claims?q=zebra", 200, claimPage()},
		{"claims/speaker", "/v1/claims?speaker=" + st.AgentHealthMinistry, 200, claimPage(st.ClaimToll68800)},
		{"claims/article", "/v1/claims?article=" + st.Article2, 200, claimPage(sortedIDs(st.ClaimToll68800, st.ClaimToll52000)...)},
		{"claims/outlet", "/v1/claims?outlet=" + st.OutletDailyLedger, 200, claimPage(sortedIDs(st.ClaimToll68800, st.ClaimToll52000)...)},
		{"claims/disputed", "/v1/claims?disputed=true", 200, claimPage(sortedIDs(st.ClaimToll68800, st.ClaimToll52000)...)},
		{"claims/undisputed", "/v1/claims?disputed=false", 200, claimPage(sortedIDs(st.ClaimDraft, st.ClaimForce, st.ClaimCeasefire, st.ClaimToll68000, st.ClaimUnified)...)},
		{"claims/has_quantity", "/v1/claims?has_quantity=true", 200, claimPage(sortedIDs(st.ClaimToll68800, st.ClaimToll52000, st.ClaimToll68000)...)},
		{"claims/combined", "/v1/claims?q=palestinians&has_quantity=true&disputed=false", 200, claimPage(st.ClaimToll68000)},
		// Article1 is dated 2025-11-04, Article3 November 2025, Article2 not at all.
		{"claims/published_from", "/v1/claims?published_from=2025-11-05", 200, claimPage(sortedIDs(st.ClaimToll68800, st.ClaimToll68000, st.ClaimUnified)...)},
		{"claims/published_range", "/v1/claims?published_from=2025-11-04&published_to=2025-11-04&has_quantity=true", 200,
			claimPage(sortedIDs(st.ClaimToll68800, st.ClaimToll68000)...)},
		{"claims/published_to_none", "/v1/claims?published_to=2025-10-31", 200, claimPage()},
		{"claims/sort", "/v1/claims?sort=-statements&limit=1", 200, func(t *testing.T, r response) {
			var p graph.Page[graph.ClaimSummary]
			r.JSON(t, &p)
			assert.Equal(t, []string{st.ClaimToll68800}, summaryIDs(p))
			assert.NotEmpty(t, p.NextCursor)
		}},
		{"claim", "/v1/claims/" + st.ClaimToll68800, 200, func(t *testing.T, r response) {
			var d graph.ClaimDetail
			r.JSON(t, &d)
			assert.Equal(t, st.ClaimToll68800, d.Claim.ID)
			assert.Equal(t, graph.ClaimStatistic, d.Claim.Kind, "the first article's kind is kept")
			require.Len(t, d.Claim.Quantities, 1)
			assert.Equal(t, 68800.0, d.Claim.Quantities[0].Value)
			assert.Equal(t, "more_than", d.Claim.Quantities[0].Qualifier)
			require.Len(t, d.Statements, 3)
			for _, s := range d.Statements {
				assert.Equal(t, st.ClaimToll68800, s.ClaimID)
				assert.Equal(t, st.AgentHealthMinistry, s.SpeakerID)
			}
		}},
		{"provenance", "/v1/claims/" + st.ClaimToll68800 + "/provenance", 200, func(t *testing.T, r response) {
			var p graph.Provenance
			r.JSON(t, &p)
			require.Len(t, p.Chains, 3)
			byArticle := map[string]graph.ProvenanceChain{}
			for _, c := range p.Chains {
				byArticle[c.Article.ID] = c
				require.NotNil(t, c.Speaker)
				assert.Equal(t, "Gaza's Health Ministry", c.Speaker.Name)
			}
			c1 := byArticle[st.Article1]
			assert.Equal(t, "U.S. circulates UN draft on a Gaza stabilization force", c1.Article.Title)
			require.NotNil(t, c1.Article.Outlet)
			assert.Equal(t, "Global Post", c1.Article.Outlet.Name)
			assert.Equal(t, []string{"Jane Doe", "Omar Haddad"}, c1.Article.Authors)
			assert.Equal(t, "2025-11-04", c1.Article.Published.Value)
			assert.Equal(t, st.URL1, c1.Article.URL)
			assert.Equal(t, []string{"Associated Press"}, ids(c1.Via, func(a graph.Agent) string { return a.Name }))
			assert.Equal(t, graph.SpeechReported, c1.Statement.Kind)
			assert.Equal(t, st.Find(st.Text1, "according to").Start, c1.Statement.Cue.Start)
			assert.Equal(t, st.Find(st.Text1, "The war has left more than 68,800 Palestinians dead").End, c1.Statement.Content.End)
			assert.Equal(t, []string{"Reuters"}, ids(byArticle[st.Article3].Via, func(a graph.Agent) string { return a.Name }))
			assert.Empty(t, byArticle[st.Article2].Article.URL)
		}},
		{"provenance/asserted", "/v1/claims/" + st.ClaimCeasefire + "/provenance", 200, func(t *testing.T, r response) {
			var p graph.Provenance
			r.JSON(t, &p)
			require.Len(t, p.Chains, 1)
			assert.Nil(t, p.Chains[0].Speaker, "the article asserts it itself")
			assert.Contains(t, string(r.Body), `"speaker":null`)
			assert.Contains(t, string(r.Body), `"via":[]`)
		}},
		{"contradictions", "/v1/claims/" + st.ClaimToll68800 + "/contradictions", 200, func(t *testing.T, r response) {
			var c graph.Contradictions
			r.JSON(t, &c)
			require.Len(t, c.Disputes, 1)
			d := c.Disputes[0]
			assert.Equal(t, "Israel", d.Disputer.Name)
			assert.Equal(t, graph.DisputeDisputes, d.Dispute.Kind)
			assert.Equal(t, st.Article1, d.Article.ID)
			require.Len(t, c.Conflicts, 1)
			assert.Equal(t, st.ClaimToll52000, c.Conflicts[0].Claim.ID)
			assert.Equal(t, 52000.0, c.Conflicts[0].Claim.Quantities[0].Value)
			assert.Equal(t, []string{"Israeli officials"}, ids(c.Conflicts[0].Speakers, func(a graph.Agent) string { return a.Name }))
			require.Len(t, c.Corroborations, 1)
			assert.Equal(t, st.ClaimToll68000, c.Corroborations[0].Claim.ID)
			assert.Equal(t, 2, c.IndependentOrigins, "the AP story in two outlets counts once, Reuters once")
			assert.Equal(t, []string{"via:" + st.AgentAP, "via:" + st.AgentReuters}, ids(c.Origins, func(o graph.OriginGroup) string { return o.Origin }))
			assert.Len(t, c.Origins[0].StatementIDs, 2)
		}},
		{"contradictions/none", "/v1/claims/" + st.ClaimCeasefire + "/contradictions", 200, func(t *testing.T, r response) {
			for _, empty := range []string{`"disputes":[]`, `"conflicts":[]`, `"corroborations":[]`} {
				assert.Contains(t, string(r.Body), empty)
			}
		}},
		{"agents/all", "/v1/agents", 200, func(t *testing.T, r response) {
			var p graph.Page[graph.Agent]
			r.JSON(t, &p)
			assert.Len(t, p.Items, 10)
			assert.True(t, sort.StringsAreSorted(ids(p.Items, func(a graph.Agent) string { return a.ID })))
		}},
		{"agents/name", "/v1/agents?name=health", 200, func(t *testing.T, r response) {
			var p graph.Page[graph.Agent]
			r.JSON(t, &p)
			assert.Equal(t, []string{st.AgentHealthMinistry}, ids(p.Items, func(a graph.Agent) string { return a.ID }))
		}},
		{"agents/kind", "/v1/agents?kind=outlet", 200, func(t *testing.T, r response) {
			var p graph.Page[graph.Agent]
			r.JSON(t, &p)
			assert.Equal(t, sortedIDs(st.AgentAP, st.AgentAxios, st.AgentReuters), ids(p.Items, func(a graph.Agent) string { return a.ID }))
		}},
		{"agent", "/v1/agents/" + st.AgentIsrael, 200, func(t *testing.T, r response) {
			var a graph.Agent
			r.JSON(t, &a)
			assert.Equal(t, graph.KindCountry, a.Kind)
			assert.Equal(t, []string{"Israeli government"}, a.Aliases)
		}},
		{"agent/claims", "/v1/agents/" + st.AgentHealthMinistry + "/claims", 200, func(t *testing.T, r response) {
			var p graph.Page[graph.ClaimSummary]
			r.JSON(t, &p)
			require.Equal(t, []string{st.ClaimToll68800}, summaryIDs(p))
			assert.Equal(t, []string{st.AgentIsrael}, p.Items[0].DisputerIDs)
		}},
		{"articles", "/v1/articles", 200, func(t *testing.T, r response) {
			var p graph.Page[graph.ArticleRef]
			r.JSON(t, &p)
			assert.Equal(t, sortedIDs(st.Article1, st.Article2, st.Article3), ids(p.Items, func(a graph.ArticleRef) string { return a.ID }))
			assert.NotContains(t, string(r.Body), `"text"`)
		}},
		{"articles/outlet", "/v1/articles?outlet=" + st.OutletGlobalPost, 200, func(t *testing.T, r response) {
			var p graph.Page[graph.ArticleRef]
			r.JSON(t, &p)
			assert.Equal(t, sortedIDs(st.Article1, st.Article3), ids(p.Items, func(a graph.ArticleRef) string { return a.ID }))
		}},
		{"article", "/v1/articles/" + st.Article1, 200, func(t *testing.T, r response) {
			var v ArticleView
			r.JSON(t, &v)
			assert.Equal(t, st.Text1, v.Article.Text)
			runes := []rune(st.Text1)
			kinds := map[string][]string{}
			for _, s := range v.Spans {
				assert.Equal(t, string(runes[s.Start:s.End]), s.Text, "span %+v", s)
				kinds[s.Kind] = append(kinds[s.Kind], s.Text)
			}
			assert.Contains(t, kinds["content"], "The war has left more than 68,800 Palestinians dead")
			assert.Contains(t, kinds["cue"], "according to")
			assert.Contains(t, kinds["quantity"], "more than 68,800")
			assert.Contains(t, kinds["dispute_cue"], "disputes")
			assert.Contains(t, kinds["dispute_sentence"], "Israel disputes the ministry’s figures.")
			assert.Contains(t, kinds["mention"], "Gaza’s Health Ministry")
			assert.Contains(t, kinds["sentence"], "The ceasefire remains fragile.")
			assert.Len(t, kinds["content"], 4)
			assert.True(t, sort.SliceIsSorted(v.Spans, func(i, j int) bool { return v.Spans[i].Start < v.Spans[j].Start }))
		}},
		{"article/no-url", "/v1/articles/" + st.Article2, 200, func(t *testing.T, r response) {
			var v ArticleView
			r.JSON(t, &v)
			kinds := map[string][]string{}
			for _, s := range v.Spans {
				kinds[s.Kind] = append(kinds[s.Kind], s.Text)
			}
			// The claim's quantity was first stated in article 1; here it is found in
			// this article's own content, whatever its case.
			assert.Contains(t, kinds["quantity"], "More than 68,800")
			assert.Contains(t, kinds["quantity"], "about 52,000")
		}},
		{"subgraph", "/v1/subgraph?root=" + st.ClaimToll68800 + "&depth=1", 200, func(t *testing.T, r response) {
			var g graph.Subgraph
			r.JSON(t, &g)
			require.NotEmpty(t, g.Nodes)
			assert.Equal(t, st.ClaimToll68800, g.Nodes[0].ID)
			assert.Equal(t, graph.LabelClaim, g.Nodes[0].Label)
			assert.NotEmpty(t, g.Edges)
		}},
		{"subgraph/limit", "/v1/subgraph?root=" + st.ClaimToll68800 + "&depth=3&limit=2", 200, func(t *testing.T, r response) {
			var g graph.Subgraph
			r.JSON(t, &g)
			assert.Len(t, g.Nodes, 2)
			assert.True(t, g.Truncated)
		}},
	}
}

// TestAPI runs every read against every backend, checks the answers, and checks that
// the backends give the same answers.
func TestAPI(t *testing.T) {
	answers := map[string]map[string]any{}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, _ := fixtureServer(t, b, Deps{})
			got := map[string]any{}
			for _, tc := range readCases() {
				t.Run(tc.name, func(t *testing.T) {
					c.t = t
					r := c.get(tc.path)
					require.Equal(t, tc.status, r.Status, "body: %s", r.Body)
					tc.check(t, r)
					var v any
					require.NoError(t, json.Unmarshal(r.Body, &v))
					got[tc.name] = v
				})
			}
			answers[b.name] = got
		})
	}
	if len(answers) < 2 {
		t.Log("only one backend ran: nothing to compare")
		return
	}
	var names []string
	for n := range answers {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, tc := range readCases() {
		a, b := answers[names[0]][tc.name], answers[names[1]][tc.name]
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		assert.JSONEq(t, string(ja), string(jb), "%s: %s and %s answer differently", tc.name, names[0], names[1])
	}
}

// TestPagination walks every listing page by page at several page sizes and checks
// that the pages add up to the whole listing, each item once, in order.
func TestPagination(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, _ := fixtureServer(t, b, Deps{})
			for _, base := range []string{"/v1/claims?", "/v1/claims?sort=-statements&", "/v1/agents?", "/v1/articles?", "/v1/claims?q=palestinians&"} {
				c.t = t
				full := c.get(base + "limit=100")
				require.Equal(t, 200, full.Status)
				var all graph.Page[json.RawMessage]
				full.JSON(t, &all)
				require.Empty(t, all.NextCursor)
				for _, size := range []int{1, 2, 3} {
					var walked []json.RawMessage
					cursor := ""
					for pages := 0; ; pages++ {
						require.Less(t, pages, 50, "pagination does not end")
						r := c.get(fmt.Sprintf("%slimit=%d&cursor=%s", base, size, url.QueryEscape(cursor)))
						require.Equal(t, 200, r.Status, "body: %s", r.Body)
						var p graph.Page[json.RawMessage]
						r.JSON(t, &p)
						require.LessOrEqual(t, len(p.Items), size)
						walked = append(walked, p.Items...)
						if p.NextCursor == "" {
							break
						}
						require.Len(t, p.Items, size, "only the last page may be short")
						cursor = p.NextCursor
					}
					require.Equal(t, len(all.Items), len(walked), "%s at limit %d", base, size)
					for i := range walked {
						require.JSONEq(t, string(all.Items[i]), string(walked[i]), "%s item %d at limit %d", base, i, size)
					}
				}
			}
		})
	}
}

// badRequests are inputs that must be refused with a clear 4xx and change nothing.
type badRequest4xx struct {
	name        string
	method      string
	path        string
	body        []byte
	header      map[string]string
	status      int
	problemType string
	field       string
}

func badInputs() []badRequest4xx {
	json_ := map[string]string{"Content-Type": "application/json", "Authorization": "Bearer " + testKey}
	with := func(h map[string]string, k, v string) map[string]string {
		out := map[string]string{}
		for a, b := range h {
			out[a] = b
		}
		if v == "" {
			delete(out, k)
		} else {
			out[k] = v
		}
		return out
	}
	q := url.QueryEscape
	get := func(name, path string, status int, typ, field string) badRequest4xx {
		return badRequest4xx{name: name, method: "GET", path: path, status: status, problemType: typ, field: field}
	}
	post := func(name string, body []byte, h map[string]string, status int, typ, field string) badRequest4xx {
		return badRequest4xx{name: name, method: "POST", path: "/v1/articles", body: body, header: h, status: status, problemType: typ, field: field}
	}
	return []badRequest4xx{
		get("limit-zero", "/v1/claims?limit=0", 400, ProblemInvalidRequest, "limit"),
		get("limit-over-max", "/v1/claims?limit=101", 400, ProblemInvalidRequest, "limit"),
		get("limit-word", "/v1/agents?limit=ten", 400, ProblemInvalidRequest, "limit"),
		get("limit-twice", "/v1/claims?limit=1&limit=2", 400, ProblemInvalidRequest, "limit"),
		get("cursor-garbage", "/v1/claims?cursor=garbage", 400, ProblemInvalidRequest, "cursor"),
		get("published-from-month", "/v1/claims?published_from=2025-11", 400, ProblemInvalidRequest, "published_from"),
		get("published-to-no-such-day", "/v1/claims?published_to=2025-02-30", 400, ProblemInvalidRequest, "published_to"),
		get("published-reversed", "/v1/claims?published_from=2025-11-05&published_to=2025-11-04", 400, ProblemInvalidRequest, "published_from"),
		get("cursor-bad-json", "/v1/articles?cursor="+q("eyJrIjoxfQ"), 400, ProblemInvalidRequest, "cursor"),
		get("cursor-long", "/v1/agents?cursor="+strings.Repeat("A", 600), 400, ProblemInvalidRequest, "cursor"),
		get("q-sql", "/v1/claims?q="+q(`") OR 1=1`), 400, ProblemInvalidRequest, "q"),
		get("q-cypher", "/v1/claims?q="+q(`' MATCH (n) DETACH DELETE n //`), 400, ProblemInvalidRequest, "q"),
		get("q-lucene", "/v1/claims?q="+q(`title:gaza AND text:* ~2 [a TO z]`), 400, ProblemInvalidRequest, "q"),
		get("q-lucene-escape", "/v1/claims?q="+q(`\\" OR \\*`), 400, ProblemInvalidRequest, "q"),
		get("q-no-words", "/v1/claims?q="+q(`'--`), 400, ProblemInvalidRequest, "q"),
		get("q-too-long", "/v1/claims?q="+strings.Repeat("gaza+", 120), 400, ProblemInvalidRequest, "q"),
		get("q-invalid-utf8", "/v1/claims?q=%ff%fe", 400, ProblemInvalidRequest, "q"),
		get("name-cypher", "/v1/agents?name="+q(`x' }) MATCH (n) DETACH DELETE n //`), 400, ProblemInvalidRequest, "name"),
		get("disputed-maybe", "/v1/claims?disputed=maybe", 400, ProblemInvalidRequest, "disputed"),
		get("has_quantity-1", "/v1/claims?has_quantity=1", 400, ProblemInvalidRequest, "has_quantity"),
		get("sort-unknown", "/v1/claims?sort=text", 400, ProblemInvalidRequest, "sort"),
		get("speaker-not-agent", "/v1/claims?speaker="+st.ClaimToll68800, 400, ProblemInvalidRequest, "speaker"),
		get("article-empty", "/v1/claims?article=", 400, ProblemInvalidRequest, "article"),
		get("unknown-param", "/v1/claims?speakr="+st.AgentIsrael, 400, ProblemInvalidRequest, "speakr"),
		get("param-on-claim", "/v1/claims/"+st.ClaimToll68800+"?expand=all", 400, ProblemInvalidRequest, "expand"),
		get("kind-unknown", "/v1/agents?kind=alien", 400, ProblemInvalidRequest, "kind"),
		get("subgraph-no-root", "/v1/subgraph", 400, ProblemInvalidRequest, "root"),
		get("subgraph-depth", "/v1/subgraph?root="+st.ClaimToll68800+"&depth=4", 400, ProblemInvalidRequest, "depth"),
		get("subgraph-limit", "/v1/subgraph?root="+st.ClaimToll68800+"&limit=100000", 400, ProblemInvalidRequest, "limit"),
		get("subgraph-unknown-root", "/v1/subgraph?root=c_0000000000000000", 404, ProblemNotFound, ""),
		get("claim-unknown", "/v1/claims/c_0000000000000000", 404, ProblemNotFound, ""),
		get("claim-cypher-id", "/v1/claims/"+url.PathEscape(`c_1' OR 1=1 //`), 404, ProblemNotFound, ""),
		get("claim-long-id", "/v1/claims/c_"+strings.Repeat("9", 400), 404, ProblemNotFound, ""),
		get("claim-invalid-utf8", "/v1/claims/%ff", 404, ProblemNotFound, ""),
		get("provenance-unknown", "/v1/claims/c_0000000000000000/provenance", 404, ProblemNotFound, ""),
		get("contradictions-unknown", "/v1/claims/c_0000000000000000/contradictions", 404, ProblemNotFound, ""),
		get("agent-unknown", "/v1/agents/ag_nobody", 404, ProblemNotFound, ""),
		get("agent-claims-unknown", "/v1/agents/ag_nobody/claims", 404, ProblemNotFound, ""),
		get("article-unknown", "/v1/articles/a_0000000000000000", 404, ProblemNotFound, ""),
		get("route-unknown", "/v1/nothing", 404, ProblemNotFound, ""),
		get("route-trailing-slash", "/v1/claims/", 404, ProblemNotFound, ""),
		get("route-v2", "/v2/claims", 404, ProblemNotFound, ""),
		{name: "method-delete", method: "DELETE", path: "/v1/claims/" + st.ClaimToll68800, status: 405, problemType: ProblemMethodNotAllowed},
		{name: "method-post-claims", method: "POST", path: "/v1/claims", body: []byte(`{}`), header: json_, status: 405, problemType: ProblemMethodNotAllowed},
		post("no-key", []byte(`{"text":"Israel said it."}`), with(json_, "Authorization", ""), 401, ProblemUnauthorized, ""),
		post("wrong-key", []byte(`{"text":"Israel said it."}`), with(json_, "Authorization", "Bearer wrong-key-0123456789abcdef"), 403, ProblemForbidden, ""),
		post("wrong-key-header", []byte(`{"text":"Israel said it."}`), with(with(json_, "Authorization", ""), "X-API-Key", testKey+"x"), 403, ProblemForbidden, ""),
		post("basic-auth", []byte(`{"text":"Israel said it."}`), with(json_, "Authorization", "Basic "+testKey), 403, ProblemForbidden, ""),
		post("malformed-json", []byte(`{"text": "Israel said it.",`), json_, 400, ProblemInvalidRequest, ""),
		post("not-json", []byte(`text=hello`), json_, 400, ProblemInvalidRequest, ""),
		post("empty-body", nil, json_, 400, ProblemInvalidRequest, ""),
		post("array", []byte(`[{"text":"Israel said it."}]`), json_, 400, ProblemInvalidRequest, ""),
		post("two-values", []byte(`{"text":"Israel said it."} {"text":"again"}`), json_, 400, ProblemInvalidRequest, ""),
		post("unknown-field", []byte(`{"text":"Israel said it.","body":"x"}`), json_, 400, ProblemInvalidRequest, "body"),
		post("wrong-type-text", []byte(`{"text":5}`), json_, 400, ProblemInvalidRequest, "text"),
		post("wrong-type-authors", []byte(`{"text":"Israel said it.","authors":"Jane Doe"}`), json_, 400, ProblemInvalidRequest, "authors"),
		post("blank-text", []byte(`{"text":"   "}`), json_, 400, ProblemInvalidRequest, "text"),
		post("missing-text", []byte(`{"title":"No text"}`), json_, 400, ProblemInvalidRequest, "text"),
		post("bad-date", []byte(`{"text":"Israel said it.","published":"4 Nov 2025"}`), json_, 400, ProblemInvalidRequest, "published"),
		post("bad-month", []byte(`{"text":"Israel said it.","published":"2025-13"}`), json_, 400, ProblemInvalidRequest, "published"),
		post("bad-url", []byte(`{"text":"Israel said it.","url":"javascript:alert(1)"}`), json_, 400, ProblemInvalidRequest, "url"),
		post("blank-author", []byte(`{"text":"Israel said it.","authors":["Jane Doe",""]}`), json_, 400, ProblemInvalidRequest, "authors"),
		post("text-over-limit", []byte(`{"text":"`+strings.Repeat("a", graph.MaxArticleBytes+1)+`"}`), json_, 413, ProblemTooLarge, "text"),
		post("huge-body", append(append([]byte(`{"text":"`), bytes.Repeat([]byte("a"), DefaultMaxBodyBytes+10)...), `"}`...), json_, 413, ProblemTooLarge, ""),
		post("text-plain", []byte(`{"text":"Israel said it."}`), with(json_, "Content-Type", "text/plain"), 415, ProblemUnsupportedMedia, ""),
		post("no-content-type", []byte(`{"text":"Israel said it."}`), with(json_, "Content-Type", ""), 415, ProblemUnsupportedMedia, ""),
	}
}

// TestBadInput sends every bad input to every backend: each must get the expected
// 4xx problem naming the field at fault, and the store must not change.
func TestBadInput(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, store := fixtureServer(t, b, Deps{})
			before, err := store.Stats(t.Context())
			require.NoError(t, err)
			for _, tc := range badInputs() {
				t.Run(tc.name, func(t *testing.T) {
					c.t = t
					r := c.do(tc.method, tc.path, tc.body, tc.header)
					require.Equal(t, tc.status, r.Status, "body: %s", r.Body)
					p := r.Problem(t)
					assert.Equal(t, tc.problemType, p.Type)
					assert.Equal(t, tc.field, p.Field, "detail: %s", p.Detail)
					if tc.field != "" {
						assert.Contains(t, p.Detail, tc.field, "the detail names the field")
					}
					assert.NotContains(t, p.Detail, "goroutine")
					assert.NotContains(t, strings.ToLower(p.Detail), "neo4j")
					if tc.status == 401 {
						assert.NotEmpty(t, r.Header.Get("WWW-Authenticate"))
					}
					if tc.status == 405 {
						assert.NotEmpty(t, r.Header.Get("Allow"))
					}
				})
			}
			c.t = t
			after, err := store.Stats(t.Context())
			require.NoError(t, err)
			assert.Equal(t, before, after, "bad input changed the store")
			// The store still answers as before.
			r := c.get("/v1/claims?q=68,800")
			require.Equal(t, 200, r.Status)
			var p graph.Page[graph.ClaimSummary]
			r.JSON(t, &p)
			assert.Equal(t, []string{st.ClaimToll68800}, summaryIDs(p))
		})
	}
}

// TestCORS checks that any origin may read (GET and preflight) but not POST.
func TestCORS(t *testing.T) {
	c, _ := fixtureServer(t, firstBackend(t), Deps{})
	r := c.do("GET", "/v1/claims/"+st.ClaimToll68800, nil, map[string]string{"Origin": "https://newsroom.example"})
	require.Equal(t, 200, r.Status)
	assert.Equal(t, "*", r.Header.Get("Access-Control-Allow-Origin"))
	assert.Contains(t, r.Header.Get("Access-Control-Expose-Headers"), "X-Request-Id")

	r = c.do("OPTIONS", "/v1/claims", nil, map[string]string{"Origin": "https://newsroom.example", "Access-Control-Request-Method": "GET"})
	require.Equal(t, 204, r.Status)
	assert.Equal(t, "*", r.Header.Get("Access-Control-Allow-Origin"))
	assert.Contains(t, r.Header.Get("Access-Control-Allow-Methods"), "GET")
	assert.NotContains(t, r.Header.Get("Access-Control-Allow-Methods"), "POST")

	r = c.do("POST", "/v1/articles", []byte(`{"text":"x"}`), map[string]string{"Origin": "https://newsroom.example", "Content-Type": "application/json"})
	require.Equal(t, 401, r.Status)
	assert.Empty(t, r.Header.Get("Access-Control-Allow-Origin"), "POST is not offered cross-origin")

	r = c.get("/v1/claims")
	assert.Empty(t, r.Header.Get("Access-Control-Allow-Origin"), "no Origin, no CORS headers")
	assert.Equal(t, "nosniff", r.Header.Get("X-Content-Type-Options"))
}

// TestRequestID checks that a well-formed caller id is echoed and a forged one is
// replaced.
func TestRequestID(t *testing.T) {
	c, _ := fixtureServer(t, firstBackend(t), Deps{})
	r := c.do("GET", "/healthz", nil, map[string]string{headerRequestID: "abc-123"})
	assert.Equal(t, "abc-123", r.Header.Get(headerRequestID))
	r = c.do("GET", "/v1/claims/nope", nil, map[string]string{headerRequestID: "evil\" injected=1"})
	assert.Regexp(t, `^[0-9a-f]{16}$`, r.Header.Get(headerRequestID))
	assert.Equal(t, r.Header.Get(headerRequestID), r.Problem(t).RequestID)
	r2 := c.get("/healthz")
	assert.NotEqual(t, r.Header.Get(headerRequestID), r2.Header.Get(headerRequestID))
}

// TestMethodNotAllowedAllow checks the Allow header lists the allowed methods.
func TestMethodNotAllowedAllow(t *testing.T) {
	c, _ := fixtureServer(t, firstBackend(t), Deps{})
	r := c.do(http.MethodPut, "/v1/articles", []byte(`{}`), map[string]string{"Content-Type": "application/json"})
	require.Equal(t, 405, r.Status)
	allow := r.Header.Get("Allow")
	assert.Contains(t, allow, "GET")
	assert.Contains(t, allow, "POST")
	assert.Contains(t, r.Problem(t).Detail, "PUT")
}

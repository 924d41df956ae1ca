package api

import (
	"regexp"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// TestOpenAPIPatternsAreTheServers keeps every pattern of the OpenAPI document equal to
// the one the server enforces, so that schemathesis (and any client) reads the rules
// the server applies.
func TestOpenAPIPatternsAreTheServers(t *testing.T) {
	doc, _, err := OpenAPI()
	require.NoError(t, err)
	param := func(path, method, name string) *openapi3.Schema {
		t.Helper()
		op := doc.Paths.Find(path).GetOperation(method)
		require.NotNil(t, op, "%s %s", method, path)
		for _, p := range op.Parameters {
			if p.Value.Name == name {
				return p.Value.Schema.Value
			}
		}
		t.Fatalf("%s %s has no parameter %s", method, path, name)
		return nil
	}
	schema := func(name string) *openapi3.Schema { return doc.Components.Schemas[name].Value }
	ingest := schema("IngestRequest").Properties
	cases := []struct {
		where string
		got   string
		want  string
	}{
		{"cursor", doc.Components.Parameters["Cursor"].Value.Schema.Value.Pattern, graph.CursorPattern},
		{"q of /v1/claims", param("/v1/claims", "GET", "q").Pattern, QueryPattern},
		{"name of /v1/agents", param("/v1/agents", "GET", "name").Pattern, QueryPattern},
		{"q of /v1/export", param("/v1/export", "GET", "q").Pattern, QueryPattern},
		{"from and to of /v1/export", schema("DateBound").Pattern, ExportDatePattern},
		{"key name", schema("KeyName").Pattern, validKeyName.String()},
		{"url", ingest["url"].Value.Pattern, URLPattern},
		{"published", ingest["published"].Value.Pattern, DatePattern},
		{"text", ingest["text"].Value.Pattern, NonBlankPattern},
		{"authors", ingest["authors"].Value.Items.Value.Pattern, NonBlankPattern},
		{"agent filter", schema("AgentIDFilter").Pattern, IDFilterPattern(graph.PrefixAgent)},
		{"article filter", schema("ArticleIDFilter").Pattern, IDFilterPattern(graph.PrefixArticle)},
		{"outlet filter", schema("OutletIDFilter").Pattern, IDFilterPattern(graph.PrefixOutlet)},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, tc.got, tc.where)
		_, err := regexp.Compile(tc.got)
		assert.NoError(t, err, tc.where)
	}
	lengths := []struct {
		where string
		got   *uint64
		want  int
	}{
		{"q", param("/v1/claims", "GET", "q").MaxLength, maxQueryChars},
		{"claim id", doc.Components.Parameters["ClaimID"].Value.Schema.Value.MaxLength, maxIDChars},
		{"subgraph root", param("/v1/subgraph", "GET", "root").MaxLength, maxIDChars},
		{"ingest id", ingest["id"].Value.MaxLength, maxIDFieldChars},
		{"ingest url", ingest["url"].Value.MaxLength, maxURLChars},
		{"ingest title", ingest["title"].Value.MaxLength, maxTitleChars},
		{"ingest outlet", ingest["outlet"].Value.MaxLength, maxOutletChars},
		{"author", ingest["authors"].Value.Items.Value.MaxLength, maxAuthorChars},
	}
	for _, l := range lengths {
		require.NotNil(t, l.got, l.where)
		assert.EqualValues(t, l.want, *l.got, l.where)
	}
}

// TestPatternsDecideAsTheServer checks, on edge cases, that a value matches the
// documented pattern exactly when the server accepts it.
func TestPatternsDecideAsTheServer(t *testing.T) {
	query := regexp.MustCompile(QueryPattern)
	for _, q := range []string{"gaza", "Gaza's 5%", "ÉTÉ", "日本", "٣", "—", "...", "²", "㍱", "a(b", "x/y", "  ", "a\u00a0b", "-1,5"} {
		_, err := parseText(map[string][]string{"q": {q}}, "q")
		assert.Equal(t, query.MatchString(q), err == nil, "q %q", q)
	}
	cursor := regexp.MustCompile(graph.CursorPattern)
	for _, c := range []string{"", "00000000.c_1", "0000000a.ag_é", "0000000A.c_1", "00000000.c 1", "00000000.", "123", "00000000.c\x7f"} {
		_, err := graph.DecodeCursor(c)
		assert.Equal(t, cursor.MatchString(c), err == nil, "cursor %q", c)
	}
	agent := regexp.MustCompile(IDFilterPattern(graph.PrefixAgent))
	for _, id := range []string{"ag_x", "ag_", "a_x", "ag_" + strings.Repeat("é", maxIDChars-3), "ag_" + strings.Repeat("é", maxIDChars-2), "ag_a\nb"} {
		_, err := parseIDParam(map[string][]string{"speaker": {id}}, "speaker", graph.PrefixAgent, "an agent")
		assert.Equal(t, agent.MatchString(id), err == nil, "speaker %q", id)
	}
	url := regexp.MustCompile(URLPattern)
	for _, u := range []string{"", "https://example.com", "http://例え.jp/パス?q=1#f", "https://a:8080/x%20y", "https://a/x%zz", "ftp://a", "https://", "https://a b", "https://user@host/", "HTTPS://a"} {
		r := IngestRequest{URL: u, Text: "Text."}
		_, err := r.article()
		assert.Equal(t, url.MatchString(u), err == nil, "url %q", u)
	}
	blank := regexp.MustCompile(NonBlankPattern)
	for _, s := range []string{"a", " ", "\u3000\u2028", "\u0085", "\ufeff", "\u200b", strings.Repeat(" ", 5) + "x"} {
		assert.Equal(t, strings.TrimSpace(s) != "", blank.MatchString(s), "text %q", s)
	}
}

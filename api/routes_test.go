package api

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api/web"
	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

var ginParam = regexp.MustCompile(`:([A-Za-z_]+)`)

// TestOpenAPICoversRoutes checks that every registered route is documented with its
// method, and every documented operation is registered.
func TestOpenAPICoversRoutes(t *testing.T) {
	doc, _, err := OpenAPI()
	require.NoError(t, err)
	srv, err := New(Deps{})
	require.NoError(t, err)

	pages := map[string]bool{}
	for _, p := range web.Paths() {
		pages[p] = true
	}
	registered := map[string]bool{}
	for _, r := range srv.Routes() {
		if r.Method == "GET" && pages[r.Path] {
			continue // the web app's HTML pages, not the JSON API
		}
		registered[r.Method+" "+ginParam.ReplaceAllString(r.Path, "{$1}")] = true
	}
	documented := map[string]bool{}
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			documented[method+" "+path] = true
		}
	}
	keys := func(m map[string]bool) []string {
		var out []string
		for k := range m {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	require.NotEmpty(t, registered)
	assert.Equal(t, keys(registered), keys(documented), "routes.go and openapi.yaml disagree")
}

// TestOpenAPIDocument checks the served document: OpenAPI 3.1, valid, the same as the
// embedded one, and that every operation documents its problems and parameters.
func TestOpenAPIDocument(t *testing.T) {
	srv, err := New(Deps{})
	require.NoError(t, err)
	c := startServer(t, srv)
	r := c.get("/openapi.json")
	require.Equal(t, 200, r.Status)
	assert.Equal(t, "application/json; charset=utf-8", r.Header.Get("Content-Type"))

	doc, err := openapi3.NewLoader().LoadFromData(r.Body)
	require.NoError(t, err)
	require.NoError(t, doc.Validate(t.Context()))
	assert.Equal(t, "3.1.0", doc.OpenAPI)
	assert.True(t, doc.IsOpenAPI31OrLater())

	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			name := method + " " + path
			assert.NotEmpty(t, op.OperationID, name)
			require.NotNil(t, op.Responses.Default(), "%s documents no default problem", name)
			def := op.Responses.Default().Value.Content.Get("application/problem+json")
			require.NotNil(t, def, "%s: default response is not problem+json", name)
			for _, p := range ginParam.FindAllStringSubmatch(strings.NewReplacer("{", ":", "}", "").Replace(path), -1) {
				found := false
				for _, prm := range op.Parameters {
					found = found || (prm.Value.In == "path" && prm.Value.Name == p[1])
				}
				assert.True(t, found, "%s does not document path parameter %s", name, p[1])
			}
			if strings.HasPrefix(path, "/v1/") && method == http.MethodGet && !strings.Contains(path, "{") {
				assert.NotNil(t, op.Responses.Status(400), "%s takes parameters: document 400", name)
			}
		}
	}
	// The problem type enum lists every type the server can produce.
	enum := doc.Components.Schemas["Problem"].Value.Properties["type"].Value.Enum
	var types []string
	for _, e := range enum {
		types = append(types, e.(string))
	}
	for typ := range problemTitles {
		assert.Contains(t, types, typ)
	}
	var raw map[string]any
	require.NoError(t, json.Unmarshal(r.Body, &raw))
	assert.Equal(t, "3.1.0", raw["openapi"])
}

// TestLimitParameterMatchesMaxPageSize keeps the documented maximum page size true.
func TestLimitParameterMatchesMaxPageSize(t *testing.T) {
	doc, _, err := OpenAPI()
	require.NoError(t, err)
	s := doc.Components.Parameters["Limit"].Value.Schema.Value
	require.NotNil(t, s.Max)
	assert.EqualValues(t, 100, *s.Max)
	assert.EqualValues(t, graph.MaxPageSize, *s.Max)
	for _, name := range []string{"ClaimSummaryPage", "AgentPage", "ArticlePage"} {
		items := doc.Components.Schemas[name].Value.Properties["items"].Value
		require.NotNil(t, items.MaxItems, name)
		assert.EqualValues(t, graph.MaxPageSize, *items.MaxItems, name)
	}
}

// TestValidationCatchesDrift proves that the response validation of the suite can
// fail: a real answer validates, and the same answer with a missing field, an unknown
// field or a wrong type does not.
func TestValidationCatchesDrift(t *testing.T) {
	c, _ := fixtureServer(t, firstBackend(t), Deps{})
	r := c.get("/v1/claims/" + st.ClaimCeasefire + "/provenance")
	require.Equal(t, 200, r.Status)
	var v map[string]any
	require.NoError(t, json.Unmarshal(r.Body, &v))
	schema := c.doc.Components.Schemas["Provenance"].Value
	require.NoError(t, schema.VisitJSON(v, openapi3.EnableJSONSchema2020()))

	mutations := map[string]func(m map[string]any){
		"missing claim": func(m map[string]any) { delete(m, "claim") },
		"unknown field": func(m map[string]any) { m["extra"] = 1 },
		"speaker string": func(m map[string]any) {
			m["chains"].([]any)[0].(map[string]any)["speaker"] = "Israel"
		},
		"via null": func(m map[string]any) { m["chains"].([]any)[0].(map[string]any)["via"] = nil },
		"bad kind": func(m map[string]any) { m["claim"].(map[string]any)["kind"] = "rumour" },
	}
	for name, mutate := range mutations {
		var m map[string]any
		require.NoError(t, json.Unmarshal(r.Body, &m))
		mutate(m)
		assert.Error(t, schema.VisitJSON(m, openapi3.EnableJSONSchema2020()), name)
	}
}

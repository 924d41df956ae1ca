package api

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"net/http"
	"path/filepath"
	"sort"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/export"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// init lets the OpenAPI response validation of the test client read the export's
// media types as opaque files (kin-openapi decodes only JSON and forms by default).
func init() {
	for _, mt := range []string{"application/x-ndjson", "application/graphml+xml", "application/gexf+xml", "text/turtle",
		"application/x-cypher-query", "application/zip"} {
		openapi3filter.RegisterBodyDecoder(mt, openapi3filter.FileBodyDecoder)
	}
}

// TestExportRestores streams the records export over HTTP, imports it into an empty
// store and checks that the store holds the same.
func TestExportRestores(t *testing.T) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			c, store := fixtureServer(t, b, Deps{})
			r := c.get("/v1/export?format=records")
			require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
			assert.Equal(t, "application/x-ndjson", r.Header.Get("Content-Type"))
			assert.Equal(t, `attachment; filename="claimgraph.records.jsonl"`, r.Header.Get("Content-Disposition"))

			dst, err := embedded.Open(t.Context(), filepath.Join(t.TempDir(), "graph.db"), &embedded.Options{NoSync: true})
			require.NoError(t, err)
			defer dst.Close(t.Context())
			res, err := export.Import(t.Context(), dst, bytes.NewReader(r.Body))
			require.NoError(t, err)
			assert.Equal(t, 3, res.Bundles)
			want, err := store.Stats(t.Context())
			require.NoError(t, err)
			got, err := dst.Stats(t.Context())
			require.NoError(t, err)
			assert.Equal(t, want, got)
		})
	}
}

// TestExportZipAndFilters checks a multi-file format (a zip of the dataset's files) and
// a search filter (disputed claims only).
func TestExportZipAndFilters(t *testing.T) {
	c, _ := fixtureServer(t, firstBackend(t), Deps{})
	r := c.get("/v1/export?format=dataset")
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	assert.Equal(t, "application/zip", r.Header.Get("Content-Type"))
	zr, err := zip.NewReader(bytes.NewReader(r.Body), int64(len(r.Body)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	info, err := export.LookupFormat(export.FormatDataset)
	require.NoError(t, err)
	want := append([]string(nil), info.Files...)
	sort.Strings(want)
	sort.Strings(names)
	assert.Equal(t, want, names)

	r = c.get("/v1/export?format=node-link&disputed=true")
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	var nl struct {
		Nodes []struct{ ID, Type string } `json:"nodes"`
	}
	r.JSON(t, &nl)
	var claims []string
	for _, n := range nl.Nodes {
		if n.Type == graph.LabelClaim {
			claims = append(claims, n.ID)
		}
	}
	// the disputed claims, and the claims linked to them
	assert.Contains(t, claims, st.ClaimToll68800)
	assert.Contains(t, claims, st.ClaimToll52000)
	assert.NotContains(t, claims, st.ClaimCeasefire)
}

// TestExportNeo4jStore checks that the neo4j-store format streams as a zip of its
// files (the bulk load's import files and import.sh), with the source's counts.
func TestExportNeo4jStore(t *testing.T) {
	c, store := fixtureServer(t, firstBackend(t), Deps{})
	r := c.get("/v1/export?format=neo4j-store")
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	assert.Equal(t, "application/zip", r.Header.Get("Content-Type"))
	assert.Equal(t, `attachment; filename="claimgraph-neo4j-store.zip"`, r.Header.Get("Content-Disposition"))
	zr, err := zip.NewReader(bytes.NewReader(r.Body), int64(len(r.Body)))
	require.NoError(t, err)
	var names []string
	var counts graph.Stats
	for _, f := range zr.File {
		names = append(names, f.Name)
		if f.Name == neo4jstore.ImportCountsFile {
			rc, err := f.Open()
			require.NoError(t, err)
			require.NoError(t, json.NewDecoder(rc).Decode(&counts))
			require.NoError(t, rc.Close())
		}
	}
	info, err := export.LookupFormat(export.FormatNeo4jStore)
	require.NoError(t, err)
	assert.Equal(t, info.Files, names)
	want, err := store.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, want, counts)
}

// TestExportStoreLayoutFiltered checks that the store-layout formats take filters: the
// neo4j-store zip of the disputed claims holds fewer claims than the store, and the
// neo4j-store-cypher script streams as one parameter-free file.
func TestExportStoreLayoutFiltered(t *testing.T) {
	c, store := fixtureServer(t, firstBackend(t), Deps{})
	r := c.get("/v1/export?format=neo4j-store&disputed=true")
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	zr, err := zip.NewReader(bytes.NewReader(r.Body), int64(len(r.Body)))
	require.NoError(t, err)
	var counts graph.Stats
	for _, f := range zr.File {
		if f.Name == neo4jstore.ImportCountsFile {
			rc, err := f.Open()
			require.NoError(t, err)
			require.NoError(t, json.NewDecoder(rc).Decode(&counts))
			require.NoError(t, rc.Close())
		}
	}
	all, err := store.Stats(t.Context())
	require.NoError(t, err)
	assert.Positive(t, counts.Claims)
	assert.Less(t, counts.Claims, all.Claims, "the selection, not the store")

	r = c.get("/v1/export?format=neo4j-store-cypher&root=" + st.ClaimToll68800 + "&depth=1")
	require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
	assert.Equal(t, "application/x-cypher-query; charset=utf-8", r.Header.Get("Content-Type"))
	assert.Contains(t, string(r.Body), "MERGE (v:ClaimgraphSchema {id: 'schema'}) SET v.version = ")
	assert.Contains(t, string(r.Body), st.ClaimToll68800)
	assert.NotContains(t, string(r.Body), ":param")
}

// TestExportProblems checks the problems of GET /v1/export.
func TestExportProblems(t *testing.T) {
	c, _ := fixtureServer(t, firstBackend(t), Deps{})
	tests := []struct {
		name, path string
		status     int
		field      string
	}{
		{"no format", "/v1/export", 400, "format"},
		{"unknown format", "/v1/export?format=xlsx", 400, "format"},
		{"unknown parameter", "/v1/export?format=graphml&sort=id", 400, "sort"},
		{"no words", "/v1/export?format=graphml&q=%3F%3F", 400, "q"},
		{"bad date", "/v1/export?format=graphml&from=2024-13", 400, "from"},
		{"root and search", "/v1/export?format=graphml&root=" + st.ClaimToll68800 + "&disputed=true", 400, "root"},
		{"records filtered", "/v1/export?format=records&disputed=true", 400, "format"},
		{"root not found", "/v1/export?format=graphml&root=c_nope", 404, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := c.get(tc.path)
			require.Equal(t, tc.status, r.Status, "body: %s", r.Body)
			p := r.Problem(t)
			assert.Equal(t, tc.field, p.Field)
			assert.NotEmpty(t, p.Detail)
		})
	}
}

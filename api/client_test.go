package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
)

// response is one answer of the server under test.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v, failing the test if it does not decode.
func (r response) JSON(t *testing.T, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(r.Body, v), "body: %s", r.Body)
}

// Problem decodes a problem+json body and checks its envelope.
func (r response) Problem(t *testing.T) Problem {
	t.Helper()
	require.Equal(t, "application/problem+json", r.Header.Get("Content-Type"), "body: %s", r.Body)
	var p Problem
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&p))
	require.Equal(t, r.Status, p.Status)
	require.True(t, strings.HasPrefix(p.Type, ProblemTypeBase), p.Type)
	require.Equal(t, problemTitles[p.Type], p.Title)
	require.NotEmpty(t, p.Detail)
	require.NotEmpty(t, p.RequestID)
	require.Equal(t, r.Header.Get(headerRequestID), p.RequestID)
	return p
}

// client talks to a real server over TCP and checks every answer against the OpenAPI
// document: the status must be documented for the operation and the body must
// validate against its schema. Answers to paths the document does not have (404 for
// unknown routes, 405) must still be valid Problems.
type client struct {
	t      *testing.T
	base   string
	doc    *openapi3.T
	router routers.Router
	http   *http.Client
}

func newClient(t *testing.T, base string) *client {
	t.Helper()
	doc, _, err := OpenAPI()
	require.NoError(t, err)
	router, err := legacy.NewRouter(doc)
	require.NoError(t, err)
	return &client{t: t, base: base, doc: doc, router: router, http: &http.Client{}}
}

// startServer serves h on a real listener on a free port for the test's lifetime.
func startServer(t *testing.T, h http.Handler) *client {
	t.Helper()
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return newClient(t, ts.URL)
}

func (c *client) get(path string) response { return c.do(http.MethodGet, path, nil, nil) }

// do sends a request and validates the answer against the OpenAPI document; no
// answer may be a 5xx.
func (c *client) do(method, path string, body []byte, header map[string]string) response {
	c.t.Helper()
	req, r := c.send(method, path, body, header)
	c.validate(req, r)
	return r
}

// doRaw sends a request and validates the answer against the document, allowing 5xx:
// for the tests that inject faults.
func (c *client) doRaw(method, path string, body []byte, header map[string]string) response {
	c.t.Helper()
	req, r := c.send(method, path, body, header)
	c.validateDoc(req, r)
	return r
}

func (c *client) send(method, path string, body []byte, header map[string]string) (*http.Request, response) {
	t := c.t
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(t.Context(), method, c.base+path, rd)
	require.NoError(t, err)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := c.http.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return req, response{Status: res.StatusCode, Header: res.Header, Body: b}
}

// validate checks one answer against the document.
func (c *client) validate(req *http.Request, r response) {
	t := c.t
	t.Helper()
	require.Less(t, r.Status, 500, "%s %s answered %d: %s", req.Method, req.URL, r.Status, r.Body)
	c.validateDoc(req, r)
}

// validateDoc checks that the answer is documented and matches its schema.
func (c *client) validateDoc(req *http.Request, r response) {
	t := c.t
	t.Helper()
	if req.Method == http.MethodOptions || r.Status == http.StatusNoContent {
		require.Empty(t, r.Body)
		return
	}
	// Route the request as the document sees it: a copy whose URL is relative to the
	// server, without the query (unknown parameters are the server's to refuse).
	vreq := req.Clone(context.Background())
	u := *req.URL
	u.Scheme, u.Host = "", ""
	vreq.URL = &u
	route, params, err := c.router.FindRoute(vreq)
	if err != nil {
		// Not a documented operation: the answer must be a Problem.
		require.Contains(t, []int{http.StatusNotFound, http.StatusMethodNotAllowed}, r.Status,
			"%s %s is not in the OpenAPI document but answered %d", req.Method, req.URL.Path, r.Status)
		c.validateSchema("#/components/schemas/Problem", r.Body)
		return
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request: vreq, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
		},
		Status:  r.Status,
		Header:  r.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	in.SetBodyBytes(r.Body)
	require.NoError(t, openapi3filter.ValidateResponse(t.Context(), in),
		"%s %s answered %d, which does not match the OpenAPI document: %s", req.Method, req.URL, r.Status, truncateBody(r.Body))
}

// validateSchema validates a JSON body against a named schema of the document.
func (c *client) validateSchema(ref string, body []byte) {
	t := c.t
	t.Helper()
	name := strings.TrimPrefix(ref, "#/components/schemas/")
	s := c.doc.Components.Schemas[name]
	require.NotNil(t, s, ref)
	var v any
	require.NoError(t, json.Unmarshal(body, &v), "body: %s", body)
	require.NoError(t, s.Value.VisitJSON(v, openapi3.EnableJSONSchema2020()), "body: %s", truncateBody(body))
}

func truncateBody(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}

// auditLog reads the whole audit log as key, pageSize entries a page, following the
// cursors (at most 10 pages): each page must answer 200.
func (c *client) auditLog(t *testing.T, key string, pageSize int) []graph.AuditEntry {
	t.Helper()
	var entries []graph.AuditEntry
	cursor := ""
	for pages := 0; ; pages++ {
		require.Less(t, pages, 10)
		path := fmt.Sprintf("/v1/audit?limit=%d", pageSize)
		if cursor != "" {
			path += "&cursor=" + cursor
		}
		r := c.do("GET", path, nil, bearer(key))
		require.Equal(t, 200, r.Status, truncateBody(r.Body))
		var page graph.Page[graph.AuditEntry]
		r.JSON(t, &page)
		entries = append(entries, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			return entries
		}
	}
}

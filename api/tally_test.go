package api

import (
	"log/slog"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// TestWidgetAnswersTallied checks that the widget's quick successful answers are
// counted instead of logged one by one, while its errors and every other route keep
// their request lines.
func TestWidgetAnswersTallied(t *testing.T) {
	var logs logBuffer
	c, _ := fixtureServer(t, firstBackend(t), Deps{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	// send: the widget's script and iframe card are not JSON API answers, which do
	// would check against the OpenAPI document.
	_, script := c.send(http.MethodGet, "/widget/claim-provenance.js", nil, nil)
	require.Equal(t, http.StatusOK, script.Status)
	for _, tc := range []struct {
		path   string
		header map[string]string
		status int
	}{
		{"/widget/claim-provenance.js", map[string]string{"If-None-Match": script.Header.Get("ETag")}, http.StatusNotModified},
		{"/embed/claims/" + st.ClaimToll68800, nil, http.StatusOK},
		{"/v1/claims/" + st.ClaimToll68800 + "/card", nil, http.StatusOK},
		{"/embed/claims/c_nosuchclaim", nil, http.StatusNotFound},
		{"/v1/claims/" + st.ClaimToll68800, nil, http.StatusOK},
	} {
		_, r := c.send(http.MethodGet, tc.path, nil, tc.header)
		require.Equal(t, tc.status, r.Status, tc.path)
	}
	logs.waitLines(t, "request", 2)
	time.Sleep(100 * time.Millisecond) // a line after the second would have come by now
	lines := logs.lines(t, "request")
	var logged []string
	for _, l := range lines {
		logged = append(logged, l["path"].(string))
	}
	slices.Sort(logged)
	assert.Equal(t, []string{"/embed/claims/c_nosuchclaim", "/v1/claims/" + st.ClaimToll68800}, logged,
		"the widget's error and the API's answer are logged; its 200s and 304s are tallied")
}

// TestAnswerTally checks what is tallied and that the counts are written once the
// interval has passed.
func TestAnswerTally(t *testing.T) {
	var logs logBuffer
	h := slog.NewJSONHandler(&logs, nil)
	tally := newAnswerTally(time.Minute, 100*time.Millisecond, "/embed/claims/:id")
	start := time.Unix(0, tally.last.Load())
	ctx := t.Context()
	for _, tc := range []struct {
		name   string
		route  string
		status int
		took   time.Duration
		want   bool
	}{
		{"a quick 200", "/embed/claims/:id", 200, time.Millisecond, true},
		{"a quick 304", "/embed/claims/:id", 304, time.Millisecond, true},
		{"another 200", "/embed/claims/:id", 200, 2 * time.Millisecond, true},
		{"a slow answer", "/embed/claims/:id", 200, time.Second, false},
		{"an error", "/embed/claims/:id", 404, time.Millisecond, false},
		{"a rate limit", "/embed/claims/:id", 429, time.Millisecond, false},
		{"another route", "/v1/claims", 200, time.Millisecond, false},
	} {
		assert.Equal(t, tc.want, tally.take(ctx, h, tc.route, tc.status, tc.took, start.Add(time.Second)), tc.name)
	}
	assert.Empty(t, logs.lines(t, "tallied answers"), "nothing written within the interval")

	require.True(t, tally.take(ctx, h, "/embed/claims/:id", 304, time.Millisecond, start.Add(61*time.Second)))
	lines := logs.lines(t, "tallied answers")
	require.Len(t, lines, 1)
	assert.EqualValues(t, 2, lines[0]["ok"])
	assert.EqualValues(t, 2, lines[0]["not_modified"])
	assert.True(t, tally.take(ctx, h, "/embed/claims/:id", 200, time.Millisecond, start.Add(62*time.Second)))
	assert.Len(t, logs.lines(t, "tallied answers"), 1, "the next line waits for the next interval")
}

// TestAnswerTallyPerRouteAndFlush checks the per-route counts and slowest answer of a
// tally line, and that flush writes the counts held back (as the server does when it
// stops) and nothing when there are none.
func TestAnswerTallyPerRouteAndFlush(t *testing.T) {
	var logs logBuffer
	h := slog.NewJSONHandler(&logs, nil)
	tally := newAnswerTally(time.Minute, 100*time.Millisecond, "/embed/claims/:id", "/widget/:file", "/v1/claims/:id/card")
	start := time.Unix(0, tally.last.Load())
	ctx := t.Context()
	for _, a := range []struct {
		route  string
		status int
		took   time.Duration
	}{
		{"/embed/claims/:id", 200, 3 * time.Millisecond},
		{"/embed/claims/:id", 304, 7 * time.Millisecond},
		{"/embed/claims/:id", 200, time.Millisecond},
		{"/widget/:file", 304, 2 * time.Millisecond},
	} {
		require.True(t, tally.take(ctx, h, a.route, a.status, a.took, start.Add(time.Second)))
	}
	tally.flush(ctx, h, start.Add(2*time.Second))
	lines := logs.lines(t, "tallied answers")
	require.Len(t, lines, 1, "flush writes the counts held back")
	l := lines[0]
	assert.EqualValues(t, 2, l["ok"])
	assert.EqualValues(t, 2, l["not_modified"])
	assert.EqualValues(t, 2*time.Second, l["over"])
	assert.Equal(t, map[string]any{"ok": 2.0, "not_modified": 1.0, "slowest": float64(7 * time.Millisecond)}, l["/embed/claims/:id"])
	assert.Equal(t, map[string]any{"ok": 0.0, "not_modified": 1.0, "slowest": float64(2 * time.Millisecond)}, l["/widget/:file"])
	assert.NotContains(t, l, "/v1/claims/:id/card", "a route with no answers is left out")

	tally.flush(ctx, h, start.Add(3*time.Second))
	assert.Len(t, logs.lines(t, "tallied answers"), 1, "nothing to flush: no line")
	var nilTally *answerTally
	nilTally.flush(ctx, h, start) // a server without tallies flushes nothing
}

// TestServerFlushLog checks that the widget's answers counted since the last tally
// line reach the log when the server stops (FlushLog), so that none goes unrecorded.
func TestServerFlushLog(t *testing.T) {
	var logs logBuffer
	store := firstBackend(t).open(t)
	for _, g := range st.Gaza() {
		_, err := store.PutArticle(t.Context(), g)
		require.NoError(t, err)
	}
	srv, err := New(Deps{Store: store, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	require.NoError(t, err)
	c := startServer(t, srv)
	for range 3 {
		_, r := c.send(http.MethodGet, "/embed/claims/"+st.ClaimToll68800, nil, nil)
		require.Equal(t, http.StatusOK, r.Status)
	}
	assert.Empty(t, logs.lines(t, "tallied answers"), "within the first minute, the counts are held back")
	srv.FlushLog(t.Context())
	lines := logs.lines(t, "tallied answers")
	require.Len(t, lines, 1)
	assert.EqualValues(t, 3, lines[0]["ok"])
	assert.EqualValues(t, 3, lines[0]["/embed/claims/:id"].(map[string]any)["ok"])
}

// TestWidgetRoutesAreRegistered keeps widgetRoutes equal to what routes.go registers.
func TestWidgetRoutesAreRegistered(t *testing.T) {
	s, err := New(Deps{})
	require.NoError(t, err)
	var paths []string
	for _, r := range s.Routes() {
		paths = append(paths, r.Path)
	}
	for _, r := range widgetRoutes {
		assert.Contains(t, paths, r)
	}
}

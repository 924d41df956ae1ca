package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/graph"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// logBuffer collects JSON log lines safely across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

// lines returns the decoded log records with the given message.
func (l *logBuffer) lines(t *testing.T, msg string) []map[string]any {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(l.buf.String()), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(line), &m), line)
		if m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

// waitLines polls until n request lines are logged (the line is written after the
// response).
func (l *logBuffer) waitLines(t *testing.T, msg string, n int) []map[string]any {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		got := l.lines(t, msg)
		if len(got) >= n || time.Now().After(deadline) {
			return got
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestRequestLogAndClientIP(t *testing.T) {
	var logs logBuffer
	c, _ := fixtureServer(t, firstBackend(t), Deps{Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	r := c.do("GET", "/v1/claims/"+st.ClaimToll68800, nil, map[string]string{
		"X-Forwarded-For": "203.0.113.7", "X-Real-IP": "203.0.113.8", headerRequestID: "req-1",
	})
	require.Equal(t, 200, r.Status)
	lines := logs.waitLines(t, "request", 1)
	require.Len(t, lines, 1)
	l := lines[0]
	assert.Equal(t, "GET", l["method"])
	assert.Equal(t, "/v1/claims/"+st.ClaimToll68800, l["path"])
	assert.Equal(t, "/v1/claims/:id", l["route"])
	assert.EqualValues(t, 200, l["status"])
	assert.Equal(t, "req-1", l["request_id"])
	assert.Contains(t, l, "duration")
	assert.Equal(t, "127.0.0.1", l["client_ip"], "X-Forwarded-For is not believed without a trusted proxy")
}

func TestTrustedProxy(t *testing.T) {
	var logs logBuffer
	c, _ := fixtureServer(t, firstBackend(t), Deps{
		Logger:         slog.New(slog.NewJSONHandler(&logs, nil)),
		TrustedProxies: []string{"127.0.0.1/32"},
	})
	r := c.do("GET", "/healthz", nil, map[string]string{"X-Forwarded-For": "203.0.113.7"})
	require.Equal(t, 200, r.Status)
	lines := logs.waitLines(t, "request", 1)
	require.Len(t, lines, 1)
	assert.Equal(t, "203.0.113.7", lines[0]["client_ip"], "a trusted proxy's X-Forwarded-For is believed")

	_, err := New(Deps{TrustedProxies: []string{"not-an-ip"}})
	assert.Error(t, err)
}

// panicStore is a real store whose Claim panics: it injects the fault that the
// recovery middleware must contain.
type panicStore struct{ graph.Store }

func (panicStore) Claim(context.Context, string) (*graph.ClaimDetail, error) {
	panic("secret internal detail")
}

func TestRecovery(t *testing.T) {
	var logs logBuffer
	store := panicStore{firstBackend(t).open(t)}
	srv, err := New(Deps{Store: store, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	require.NoError(t, err)
	c := startServer(t, srv)
	r := c.doRaw("GET", "/v1/claims/c_1", nil, nil)
	require.Equal(t, 500, r.Status)
	p := r.Problem(t)
	assert.Equal(t, ProblemInternal, p.Type)
	assert.Equal(t, "Internal error.", p.Detail)
	assert.NotContains(t, string(r.Body), "secret")
	assert.NotContains(t, string(r.Body), "goroutine")
	panics := logs.waitLines(t, "panic", 1)
	require.Len(t, panics, 1)
	assert.Equal(t, "secret internal detail", panics[0]["panic"])
	assert.Contains(t, panics[0]["stack"], "goroutine")
	// The server goes on serving.
	assert.Equal(t, 200, c.get("/healthz").Status)
}

// slowStore is a real store whose Provenance waits for the request's deadline, as an
// overloaded backend would: the deadline middleware must cut it short.
type slowStore struct{ graph.Store }

func (s slowStore) Provenance(ctx context.Context, id string) (*graph.Provenance, error) {
	<-ctx.Done()
	return nil, graph.Wrap(graph.EUNAVAILABLE, ctx.Err(), "provenance of %s", id)
}

// failingStore is a real store whose Contradictions fails with an internal error
// carrying text that must stay in the logs.
type failingStore struct{ graph.Store }

func (failingStore) Contradictions(context.Context, string) (*graph.Contradictions, error) {
	return nil, graph.Wrap(graph.EINTERNAL, os.ErrPermission, "bolt://user:pw@db.internal failed")
}

func TestDeadlineAndInternalErrors(t *testing.T) {
	var logs logBuffer
	base := firstBackend(t).open(t)
	store := failingStore{slowStore{base}}
	srv, err := New(Deps{Store: store, RequestTimeout: 50 * time.Millisecond, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	require.NoError(t, err)
	c := startServer(t, srv)

	// slowStore returns only when the request context ends, so any answer at all, and
	// a 504 in particular, shows that the per-request deadline fired.
	r := c.doRaw("GET", "/v1/claims/c_1/provenance", nil, nil)
	require.Equal(t, 504, r.Status, "body: %s", r.Body)
	assert.Equal(t, ProblemTimeout, r.Problem(t).Type)

	r = c.doRaw("GET", "/v1/claims/c_1/contradictions", nil, nil)
	require.Equal(t, 500, r.Status)
	p := r.Problem(t)
	assert.Equal(t, "Internal error.", p.Detail)
	assert.NotContains(t, string(r.Body), "bolt")
	errs := logs.waitLines(t, "internal error", 1)
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0]["err"], "bolt://user:pw@db.internal", "the cause is logged")
}

func TestReadyzUnavailable(t *testing.T) {
	s := firstBackend(t).open(t)
	srv, err := New(Deps{Store: s})
	require.NoError(t, err)
	c := startServer(t, srv)
	require.Equal(t, 200, c.get("/readyz").Status)
	require.NoError(t, s.Close(t.Context()))
	r := c.doRaw("GET", "/readyz", nil, nil)
	require.Equal(t, 503, r.Status)
	assert.Equal(t, ProblemUnavailable, r.Problem(t).Type)
}

func TestKeys(t *testing.T) {
	ks, err := NewKeySet("k1-0123456789abcdef", "k2-0123456789abcdef")
	require.NoError(t, err)
	assert.Equal(t, 2, ks.Len())
	assert.True(t, ks.Valid("k1-0123456789abcdef"))
	assert.True(t, ks.Valid("k2-0123456789abcdef"))
	assert.False(t, ks.Valid("k1-0123456789abcde"))
	assert.False(t, ks.Valid(""))
	assert.False(t, (&KeySet{}).Valid(""))
	_, err = NewKeySet("short")
	assert.ErrorContains(t, err, "at least 16")
	_, err = NewKeySet("has space 0123456789")
	assert.Error(t, err)

	file := filepath.Join(t.TempDir(), "keys")
	require.NoError(t, os.WriteFile(file, []byte("# editors\nfile-key-0123456789abcdef\n\n"), 0o600))
	env := map[string]string{"CLAIMGRAPH_API_KEYS": " env-key-0123456789abcdef , ", "CLAIMGRAPH_API_KEYS_FILE": file}
	ks, err = LoadKeys(func(k string) string { return env[k] })
	require.NoError(t, err)
	assert.Equal(t, 2, ks.Len())
	assert.True(t, ks.Valid("env-key-0123456789abcdef"))
	assert.True(t, ks.Valid("file-key-0123456789abcdef"))
	env["CLAIMGRAPH_API_KEYS_FILE"] = filepath.Join(t.TempDir(), "missing")
	_, err = LoadKeys(func(k string) string { return env[k] })
	assert.Error(t, err)
}

func TestFillNilSlices(t *testing.T) {
	p := &graph.Provenance{Chains: []graph.ProvenanceChain{{}}}
	fillNilSlices(p)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"via":[]`)
	assert.Contains(t, string(b), `"speaker":null`)
	assert.NotContains(t, string(b), `"authors"`, "omitempty slices stay absent")
	page := &graph.Page[graph.ClaimSummary]{}
	fillNilSlices(page)
	b, _ = json.Marshal(page)
	assert.JSONEq(t, `{"items":[]}`, string(b))
	sg := &graph.Subgraph{Nodes: []graph.Node{{ID: "x"}}}
	fillNilSlices(sg)
	b, _ = json.Marshal(sg)
	assert.JSONEq(t, `{"nodes":[{"id":"x","label":"","props":{}}],"edges":[],"truncated":false}`, string(b))
}

// TestHugeChunkedBody sends a body over the limit without a Content-Length: the limit
// is enforced while reading, not only from the header.
func TestHugeChunkedBody(t *testing.T) {
	c, store := fixtureServer(t, firstBackend(t), Deps{MaxBodyBytes: 64 << 10})
	before, err := store.Stats(t.Context())
	require.NoError(t, err)
	body := io.MultiReader(strings.NewReader(`{"text":"`), strings.NewReader(strings.Repeat("a", 200<<10)), strings.NewReader(`"}`))
	req, err := http.NewRequestWithContext(t.Context(), "POST", c.base+"/v1/articles", body)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+testKey)
	require.Zero(t, req.ContentLength, "length unknown: sent chunked")
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	r := response{Status: res.StatusCode, Header: res.Header, Body: b}
	require.Equal(t, 413, r.Status, "body: %s", b)
	assert.Equal(t, ProblemTooLarge, r.Problem(t).Type)
	after, err := store.Stats(t.Context())
	require.NoError(t, err)
	assert.Equal(t, before, after)
}

// TestServerTimeouts checks that NewHTTPServer sets every timeout and that a client
// that never finishes its headers (slowloris) is disconnected.
func TestServerTimeouts(t *testing.T) {
	srv := NewHTTPServer("127.0.0.1:0", http.NotFoundHandler(), Timeouts{ReadHeader: 200 * time.Millisecond, Read: time.Second, Write: 2 * time.Second, Idle: 3 * time.Second}, nil)
	assert.Equal(t, 200*time.Millisecond, srv.ReadHeaderTimeout)
	assert.Equal(t, time.Second, srv.ReadTimeout)
	assert.Equal(t, 2*time.Second, srv.WriteTimeout)
	assert.Equal(t, 3*time.Second, srv.IdleTimeout)
	for _, d := range []time.Duration{DefaultTimeouts.ReadHeader, DefaultTimeouts.Read, DefaultTimeouts.Write, DefaultTimeouts.Idle} {
		assert.Positive(t, d)
	}
	assert.Greater(t, DefaultTimeouts.Write, DefaultIngestTimeout, "a slow ingest can still write its answer")

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	conn, err := net.Dial("tcp", ln.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("GET /healthz HTTP/1.1\r\nHost: x\r\n"))
	require.NoError(t, err)
	// The client never finishes its headers; ReadAll ends without error only if the
	// server closes the connection (ReadHeaderTimeout) before the client's own deadline.
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	_, err = io.ReadAll(conn)
	require.NoError(t, err, "the server closes the connection")
}

// TestClientIPMatchesGin checks that clientIP, which skips Gin's allocations when no
// forwarding header is present, resolves every request as c.ClientIP() does, with
// and without trusted proxies.
func TestClientIPMatchesGin(t *testing.T) {
	for _, trusted := range [][]string{nil, {"10.0.0.0/8", "::1"}} {
		e := gin.New()
		require.NoError(t, e.SetTrustedProxies(trusted))
		for _, tc := range []struct {
			name, remote string
			header       map[string]string
		}{
			{"IPv4 peer", "192.0.2.7:5000", nil},
			{"IPv6 peer", "[2001:db8::7]:5000", nil},
			{"loopback IPv6", "[::1]:5000", nil},
			{"trusted proxy forwards", "10.1.2.3:5000", map[string]string{"X-Forwarded-For": "203.0.113.9"}},
			{"untrusted peer forwards", "192.0.2.7:5000", map[string]string{"X-Forwarded-For": "203.0.113.9"}},
			{"real ip", "10.1.2.3:5000", map[string]string{"X-Real-IP": "203.0.113.10"}},
			{"IPv6 proxy forwards", "[::1]:5000", map[string]string{"X-Forwarded-For": "203.0.113.11, 10.0.0.1"}},
			{"unix socket peer", "@", nil},
			{"IPv4-mapped peer", "[::ffff:192.0.2.8]:5000", nil},
		} {
			t.Run(fmt.Sprintf("%s/trusted=%v", tc.name, trusted), func(t *testing.T) {
				c := gin.CreateTestContextOnly(httptest.NewRecorder(), e)
				c.Request = httptest.NewRequest(http.MethodGet, "/", nil)
				c.Request.RemoteAddr = tc.remote
				for k, v := range tc.header {
					c.Request.Header.Set(k, v)
				}
				assert.Equal(t, c.ClientIP(), clientIP(c))
			})
		}
	}
}

// TestRequestIDs checks the ids made for requests without a usable one of their own:
// 16 hex digits, distinct across goroutines and batches, each a header value with no
// spare capacity; and two generators (two processes) start apart.
func TestRequestIDs(t *testing.T) {
	ids := newRequestIDs()
	const workers, each = 8, 3 * idsPerBatch
	got := make([][]string, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				v := ids.next()
				if len(v) != 1 || cap(v) != 1 {
					t.Errorf("id value %q has length %d, capacity %d: want 1 and 1", v, len(v), cap(v))
					return
				}
				got[w] = append(got[w], v[0])
			}
		}()
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, list := range got {
		for _, id := range list {
			assert.Regexp(t, `^[0-9a-f]{16}$`, id)
			assert.False(t, seen[id], "id %s handed out twice", id)
			seen[id] = true
		}
	}
	assert.Len(t, seen, workers*each)
	assert.NotEqual(t, newRequestIDs().next()[0], newRequestIDs().next()[0])
}

// TestMix64IsABijection checks on a sample that neighbouring counts give distinct,
// scattered values, and that the mix is undone by its inverse (so no two counts share
// an id).
func TestMix64IsABijection(t *testing.T) {
	unmix := func(x uint64) uint64 { // the inverse of mix64, step by step
		x ^= x>>31 ^ x>>62
		x *= 0x319642b2d24d8ec3 // inverse of 0x94d049bb133111eb mod 2^64
		x ^= x>>27 ^ x>>54
		x *= 0x96de1b173f119089 // inverse of 0xbf58476d1ce4e5b9 mod 2^64
		x ^= x>>30 ^ x>>60
		return x
	}
	for _, x := range []uint64{0, 1, 2, 3, 1 << 63, ^uint64(0), 0x0123456789abcdef} {
		assert.Equal(t, x, unmix(mix64(x)), "%#x", x)
	}
	assert.NotEqual(t, mix64(1)>>32, mix64(2)>>32, "neighbouring counts differ in their high digits")
}

// TestValidRequestID checks which caller ids are echoed.
func TestValidRequestID(t *testing.T) {
	for _, tc := range []struct {
		id   string
		want bool
	}{
		{"abc-123", true},
		{"A.b_C-9", true},
		{strings.Repeat("a", 64), true},
		{strings.Repeat("a", 65), false},
		{"", false},
		{"evil\" injected=1", false},
		{"line\nbreak", false},
		{"spa ce", false},
		{"é", false},
	} {
		assert.Equal(t, tc.want, validRequestID(tc.id), "%q", tc.id)
	}
}

// tornStore is a real store whose ArticleGraph answers as neo4jstore does when every
// read within its bound met a write committing: EUNAVAILABLE.
type tornStore struct{ graph.Store }

func (tornStore) ArticleGraph(_ context.Context, id string) (*graph.ArticleGraph, error) {
	return nil, graph.Errorf(graph.EUNAVAILABLE, "article %s was being replaced while it was read; retry", id)
}

// TestUnavailableRetryAfter: a store that is unavailable (here: a read torn all along)
// is answered 503 with Retry-After.
func TestUnavailableRetryAfter(t *testing.T) {
	srv, err := New(Deps{Store: tornStore{firstBackend(t).open(t)}})
	require.NoError(t, err)
	c := startServer(t, srv)
	r := c.doRaw("GET", "/v1/articles/a_1", nil, nil)
	require.Equal(t, 503, r.Status, "body: %s", r.Body)
	assert.Equal(t, ProblemUnavailable, r.Problem(t).Type)
	assert.Equal(t, "1", r.Header.Get("Retry-After"))
}

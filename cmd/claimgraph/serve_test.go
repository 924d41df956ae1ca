package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

func TestMaxStatements(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	cases := []struct {
		args    []string
		env     string
		backend string
		want    int
	}{
		{nil, "", "embedded", 0},
		{nil, "", "neo4j", neo4jMaxStatements},
		{[]string{"--max-statements", "0"}, "", "neo4j", 0},
		{[]string{"--max-statements", "500"}, "", "embedded", 500},
		{nil, "1200", "neo4j", 1200},
		{[]string{"--max-statements", "auto"}, "1200", "neo4j", neo4jMaxStatements},
	}
	for _, tc := range cases {
		env["CLAIMGRAPH_MAX_STATEMENTS"] = tc.env
		c, err := parseServeFlags(tc.args, getenv, io.Discard)
		require.NoError(t, err, tc.args)
		assert.Equal(t, tc.want, maxStatementsFor(c.MaxStatements, tc.backend), "%v env %q on %s", tc.args, tc.env, tc.backend)
	}
	env["CLAIMGRAPH_MAX_STATEMENTS"] = ""
	for _, bad := range []string{"-1", "many", "1.5"} {
		_, err := parseServeFlags([]string{"--max-statements", bad}, getenv, io.Discard)
		assert.ErrorContains(t, err, "--max-statements", bad)
	}
	assert.Equal(t, "none", maxStatementsText(0))
	assert.Equal(t, "8000 statements per article", maxStatementsText(8000))
}

func TestParseServeFlags(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	c, err := parseServeFlags(nil, getenv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:8080", c.Addr)
	assert.Equal(t, api.DefaultRequestTimeout, c.RequestTimeout)
	assert.EqualValues(t, api.DefaultMaxBodyBytes, c.MaxBodyBytes)
	assert.Empty(t, c.TrustedProxies)
	assert.EqualValues(t, defaultMemoryLimitMiB, c.MemoryLimitMiB)
	assert.Equal(t, -1, c.MaxStatements, "the statement limit waits for the store")

	env["GOMEMLIMIT"] = "1GiB"
	c, err = parseServeFlags(nil, getenv, io.Discard)
	require.NoError(t, err)
	assert.EqualValues(t, -1, c.MemoryLimitMiB, "GOMEMLIMIT wins over the default")
	c, err = parseServeFlags([]string{"--memory-limit", "0"}, getenv, io.Discard)
	require.NoError(t, err)
	assert.EqualValues(t, 0, c.MemoryLimitMiB, "the flag wins over GOMEMLIMIT")
	delete(env, "GOMEMLIMIT")

	env["CLAIMGRAPH_ADDR"] = "0.0.0.0:9000"
	env["CLAIMGRAPH_TRUSTED_PROXIES"] = "10.0.0.0/8, 192.168.1.1"
	env["CLAIMGRAPH_REQUEST_TIMEOUT"] = "3s"
	c, err = parseServeFlags(nil, getenv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "0.0.0.0:9000", c.Addr)
	assert.Equal(t, []string{"10.0.0.0/8", "192.168.1.1"}, c.TrustedProxies)
	assert.Equal(t, 3*time.Second, c.RequestTimeout)

	c, err = parseServeFlags([]string{"--addr", "127.0.0.1:0", "--request-timeout", "1s", "--log-format", "text"}, getenv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:0", c.Addr, "a flag overrides the environment")
	assert.Equal(t, time.Second, c.RequestTimeout)

	assert.Equal(t, api.RateLimits{PerIP: 50, PerIPBurst: 100, PerKey: 10, KeyBurst: 20}, c.RateLimits, "limits are on by default")
	env["CLAIMGRAPH_RATE_IP"] = "0"
	env["CLAIMGRAPH_RATE_KEY_BURST"] = "3"
	c, err = parseServeFlags([]string{"--rate-key", "0.5", "--keys-poll", "1m"}, getenv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, api.RateLimits{PerIP: 0, PerIPBurst: 100, PerKey: 0.5, KeyBurst: 3}, c.RateLimits)
	assert.Equal(t, time.Minute, c.KeysPoll)

	env["CLAIMGRAPH_FRAME_ANCESTORS"] = "https://news.example, https://*.example.org"
	env["CLAIMGRAPH_PUBLIC_URL"] = "https://claims.example.org"
	c, err = parseServeFlags(nil, getenv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"https://news.example", "https://*.example.org"}, c.FrameAncestors)
	assert.Equal(t, "https://claims.example.org", c.PublicURL)
	delete(env, "CLAIMGRAPH_FRAME_ANCESTORS")

	for _, args := range [][]string{
		{"--request-timeout", "soon"}, {"--request-timeout", "-1s"}, {"--max-body", "10"}, {"--log-format", "xml"}, {"extra"},
		{"--rate-ip", "-1"}, {"--rate-ip", "NaN"}, {"--rate-ip-burst", "0"}, {"--rate-key", "fast"}, {"--keys-poll", "-1s"},
		{"--frame-ancestors", "https://news.example; script-src *"},
		{"--memory-limit", "-5"}, {"--memory-limit", "lots"},
		{"--gc-percent", "0"}, {"--gc-percent", "-1"}, {"--gc-percent", "many"},
	} {
		_, err := parseServeFlags(args, getenv, io.Discard)
		assert.Error(t, err, "%v", args)
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeEndToEnd builds the real binary, runs `claimgraph serve` on a free port
// with a fresh data directory, waits for /healthz, ingests an article with an API key,
// queries it, sends SIGTERM and checks a clean exit.
func TestServeEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "claimgraph")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())

	const key = "e2e-key-0123456789abcdef" // a plain key: scope ingest, as before keys had names
	const oldAdmin, newAdmin = "old-admin-0123456789abcdef", "new-admin-0123456789abcdef"
	keysFile := filepath.Join(dir, "keys")
	require.NoError(t, os.WriteFile(keysFile, []byte("# admins\nops:admin:"+oldAdmin+"\n"), 0o600))
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", filepath.Join(dir, "data"), "--keys-poll", "0")
	env := []string{"CLAIMGRAPH_API_KEYS=" + key, "CLAIMGRAPH_API_KEYS_FILE=" + keysFile, "HOME=" + dir}
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "NEO4J_") && !strings.HasPrefix(kv, "CLAIMGRAPH_") && !strings.HasPrefix(kv, "HOME=") {
			env = append(env, kv)
		}
	}
	cmd.Env = env
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	var stderr syncBuffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			_ = cmd.Process.Kill()
		}
	})

	// Read stdout: the address line, then everything to the end.
	var out syncBuffer
	addrc := make(chan string, 1)
	go func() {
		listening := regexp.MustCompile(`listening on (http://\S+)`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			out.Write([]byte(sc.Text() + "\n"))
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				addrc <- m[1]
			}
		}
		exited <- cmd.Wait()
	}()
	var base string
	select {
	case base = <-addrc:
	case err := <-exited:
		t.Fatalf("serve exited early: %v\nstdout:\n%s\nstderr:\n%s", err, out.String(), stderr.String())
	case <-time.After(2 * time.Minute):
		t.Fatalf("serve did not start\nstdout:\n%s\nstderr:\n%s", out.String(), stderr.String())
	}

	// Poll /healthz until it answers.
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(base + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		require.True(t, time.Now().Before(deadline), "healthz never answered")
		time.Sleep(20 * time.Millisecond)
	}
	assert.Contains(t, out.String(), "loaded the built-in corpus")
	assert.Regexp(t, `api keys 2 \(key-[0-9a-f]{12}: ingest, ops: admin; values hidden\), file \S+ re-read on SIGHUP;`, out.String())
	assert.Contains(t, out.String(), "rate limits per IP 50/s burst 100, per key 10/s burst 20")
	for _, k := range []string{key, oldAdmin} {
		assert.NotContains(t, out.String(), k, "keys are never printed")
	}

	getJSON := func(path string, v any) int {
		res, err := http.Get(base + path)
		require.NoError(t, err)
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		require.NoError(t, err)
		if v != nil && res.StatusCode == 200 {
			require.NoError(t, json.Unmarshal(b, v), string(b))
		}
		return res.StatusCode
	}
	var ready map[string]string
	require.Equal(t, 200, getJSON("/readyz", &ready))

	// Ingest a new article.
	body, _ := json.Marshal(map[string]any{
		"url": "https://example.org/2025/11/ceasefire", "title": "Ceasefire talks", "outlet": "Example Times",
		"published": "2025-11-20", "authors": []string{"A. Writer"},
		"text": "The ceasefire is holding in most areas, the United Nations said on Thursday. " +
			"\"We will not accept any foreign force,\" said Khalil al-Hayya, a senior Hamas official.\n",
	})
	post := func(k string) *http.Response {
		req, _ := http.NewRequest("POST", base+"/v1/articles", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if k != "" {
			req.Header.Set("Authorization", "Bearer "+k)
		}
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		return res
	}
	res := post("")
	res.Body.Close()
	assert.Equal(t, 401, res.StatusCode)
	res = post("wrong-key-0123456789abcdef")
	res.Body.Close()
	assert.Equal(t, 403, res.StatusCode)
	res = post(key)
	var ing api.IngestResponse
	require.Equal(t, 201, res.StatusCode)
	require.NoError(t, json.NewDecoder(res.Body).Decode(&ing))
	res.Body.Close()
	require.NotEmpty(t, ing.Claims)
	res = post(key)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode, "posting again is idempotent")

	// Query what was ingested.
	var page graph.Page[graph.ClaimSummary]
	require.Equal(t, 200, getJSON("/v1/claims?article="+ing.ArticleID, &page))
	require.NotEmpty(t, page.Items)
	var prov graph.Provenance
	require.Equal(t, 200, getJSON("/v1/claims/"+page.Items[0].Claim.ID+"/provenance", &prov))
	require.NotEmpty(t, prov.Chains)
	assert.Equal(t, "Ceasefire talks", prov.Chains[0].Article.Title)
	var view api.ArticleView
	require.Equal(t, 200, getJSON("/v1/articles/"+ing.ArticleID, &view))
	assert.NotEmpty(t, view.Spans)
	var articles graph.Page[graph.ArticleRef]
	require.Equal(t, 200, getJSON("/v1/articles", &articles))
	assert.Len(t, articles.Items, 4, "the three corpus articles and the new one")

	// Rotation without a restart: a new keys file and SIGHUP.
	audit := func(k string) int {
		req, _ := http.NewRequest("GET", base+"/v1/audit", nil)
		req.Header.Set("Authorization", "Bearer "+k)
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		res.Body.Close()
		return res.StatusCode
	}
	assert.Equal(t, 200, audit(oldAdmin))
	assert.Equal(t, 403, audit(key), "a plain key has scope ingest")
	require.NoError(t, os.WriteFile(keysFile, []byte("ops:admin:"+newAdmin+"\n"), 0o600))
	require.NoError(t, cmd.Process.Signal(syscall.SIGHUP))
	require.Eventually(t, func() bool { return audit(newAdmin) == 200 }, 10*time.Second, 20*time.Millisecond, "SIGHUP loads the new keys")
	assert.Equal(t, 403, audit(oldAdmin), "the old key is out")
	res = post(key)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode, "the environment's key stays")

	// SIGTERM: a clean exit.
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	select {
	case err := <-exited:
		require.NoError(t, err, "stdout:\n%s\nstderr:\n%s", out.String(), stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	assert.Contains(t, out.String(), "claimgraph serve: stopped")
	assert.Contains(t, stderr.String(), `"msg":"request"`, "requests were logged")
	for _, k := range []string{key, oldAdmin, newAdmin} {
		assert.NotContains(t, stderr.String(), k)
	}
	assert.Contains(t, stderr.String(), "api keys reloaded")

	// A second start finds the data and does not load the corpus again.
	var out2 syncBuffer
	cmd2 := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--data", filepath.Join(dir, "data"))
	cmd2.Env = env
	cmd2.Stdout = &out2
	require.NoError(t, cmd2.Start())
	deadline = time.Now().Add(time.Minute)
	for !strings.Contains(out2.String(), "listening on") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	require.NoError(t, cmd2.Process.Signal(syscall.SIGINT))
	require.NoError(t, cmd2.Wait(), "SIGINT stops it cleanly too")
	assert.Contains(t, out2.String(), "store holds 4 articles")
	assert.NotContains(t, out2.String(), "loaded the built-in corpus")
}

// TestServeRuntimeLimits checks where serve's soft memory limit and GOGC come from
// (flag, then CLAIMGRAPH_*, then GOMEMLIMIT/GOGC, then the defaults), that they are
// set in the runtime, and how the start-up line names them.
func TestServeRuntimeLimits(t *testing.T) {
	oldLimit, oldGC := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetMemoryLimit(oldLimit); debug.SetGCPercent(oldGC) })
	tests := []struct {
		name      string
		args      []string
		env       map[string]string
		wantLimit int64
		wantGC    int
		text      string
	}{
		{"defaults", nil, nil, defaultMemoryLimitMiB << 20, defaultGCPercent,
			fmt.Sprintf("soft memory limit %d MiB, GOGC %d", defaultMemoryLimitMiB, defaultGCPercent)},
		{"flags", []string{"--memory-limit", "300", "--gc-percent", "50"}, nil, 300 << 20, 50, "soft memory limit 300 MiB, GOGC 50"},
		{"gc off, no limit", []string{"--memory-limit", "0", "--gc-percent", "off"}, nil, math.MaxInt64, -1, "soft memory limit none, GOGC off"},
		{"claimgraph env", nil, map[string]string{"CLAIMGRAPH_MEMORY_LIMIT_MIB": "128", "CLAIMGRAPH_GC_PERCENT": "75", "GOGC": "400"},
			128 << 20, 75, "soft memory limit 128 MiB, GOGC 75"},
		// The runtime read GOGC and GOMEMLIMIT at start; serve leaves them (here the
		// test sets what the runtime would have read).
		{"runtime env", nil, map[string]string{"GOGC": "400", "GOMEMLIMIT": "1GiB"}, 1 << 30, 400,
			"soft memory limit 1024 MiB (GOMEMLIMIT=1GiB), GOGC 400 (GOGC=400)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			c, err := parseServeFlags(tt.args, getenv, io.Discard)
			require.NoError(t, err)
			debug.SetMemoryLimit(1 << 30) // what GOMEMLIMIT=1GiB and GOGC=400 would set
			debug.SetGCPercent(400)
			limit, gc := applyRuntimeLimits(c)
			assert.Equal(t, tt.wantLimit, limit)
			assert.Equal(t, tt.wantGC, gc)
			assert.Equal(t, tt.wantLimit, debug.SetMemoryLimit(-1), "set in the runtime")
			assert.Equal(t, tt.text, runtimeLimitsText(c, limit, gc, getenv))
		})
	}
}

package browsertest

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// ServerOptions configure StartServer.
type ServerOptions struct {
	// NoCorpus leaves the store empty instead of loading the seed corpus.
	NoCorpus bool
	// LogLevel is the lowest level of the server's log lines that reach t.Log
	// (default slog.LevelWarn: failures only).
	LogLevel slog.Level
}

// Server is a running claimgraph server (API and web app, as `claimgraph serve` wires
// them) on an embedded store in the test's temporary directory, listening on a free
// loopback port until the test ends.
type Server struct {
	// URL is the server's base URL, http://127.0.0.1:PORT, without a trailing slash.
	URL string
	// Key is an API key the server accepts for POST /v1/articles.
	Key string
	// Store is the server's store, for checks and for writing crafted bundles that
	// no extraction would produce.
	Store graph.Store
	// Corpus is what was loaded: the seed corpus, or nothing with NoCorpus.
	Corpus []corpus.Article

	t testing.TB
}

// StartServer starts a server for the test. Loading the seed corpus runs the real
// extraction and ingest, as `claimgraph serve` does on an empty store.
func StartServer(t testing.TB, o ServerOptions) *Server {
	t.Helper()
	ctx := context.Background()
	store, err := embedded.Open(ctx, filepath.Join(t.TempDir(), "graph.db"), nil)
	if err != nil {
		t.Fatalf("opening the embedded store: %v", err)
	}
	t.Cleanup(func() { _ = store.Close(context.Background()) })
	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	s := &Server{Store: store, t: t}
	if !o.NoCorpus {
		arts, err := corpus.Default()
		if err != nil {
			t.Fatalf("reading the seed corpus: %v", err)
		}
		for _, a := range arts {
			if _, err := ing.Ingest(ctx, a.Input()); err != nil {
				t.Fatalf("ingesting %s: %v", a.Path, err)
			}
		}
		s.Corpus = arts
	}
	var kb [16]byte
	_, _ = rand.Read(kb[:])
	s.Key = "browsertest-" + hex.EncodeToString(kb[:])
	keys, err := api.NewKeySet(s.Key)
	if err != nil {
		t.Fatalf("api key: %v", err)
	}
	level := o.LogLevel
	if level == 0 {
		level = slog.LevelWarn
	}
	log := slog.New(slog.NewTextHandler(logWriter{t}, &slog.HandlerOptions{Level: level}))
	h, err := api.New(api.Deps{
		Store:    store,
		Ingester: api.IngesterOf(ing),
		Keys:     keys,
		Logger:   log,
	})
	if err != nil {
		t.Fatalf("building the server: %v", err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ReadHeaderTimeout = 5 * time.Second
	srv.Start()
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// logWriter sends the server's log lines to t.Log.
type logWriter struct{ t testing.TB }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// Ingest posts an article to POST /v1/articles with the server's key, as a newsroom
// would, and returns the answer; it fails the test unless the answer is 200 or 201.
func (s *Server) Ingest(req api.IngestRequest) api.IngestResponse {
	s.t.Helper()
	body, err := json.Marshal(req)
	if err != nil {
		s.t.Fatal(err)
	}
	hr, err := http.NewRequest(http.MethodPost, s.URL+"/v1/articles", bytes.NewReader(body))
	if err != nil {
		s.t.Fatal(err)
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Authorization", "Bearer "+s.Key)
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		s.t.Fatalf("POST /v1/articles: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusCreated && resp.StatusCode != http.StatusOK {
		s.t.Fatalf("POST /v1/articles answered %d: %s", resp.StatusCode, b)
	}
	var out api.IngestResponse
	if err := json.Unmarshal(b, &out); err != nil {
		s.t.Fatalf("POST /v1/articles: %v in %s", err, b)
	}
	return out
}

// Get fetches a path of the server and returns the response with its body read.
func (s *Server) Get(path string) (*http.Response, []byte) {
	s.t.Helper()
	resp, err := http.Get(s.URL + path)
	if err != nil {
		s.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		s.t.Fatalf("GET %s: reading the body: %v", path, err)
	}
	return resp, b
}

// GetJSON fetches a path, requires 200 and decodes the JSON body into out.
func (s *Server) GetJSON(path string, out any) {
	s.t.Helper()
	resp, b := s.Get(path)
	if resp.StatusCode != http.StatusOK {
		s.t.Fatalf("GET %s answered %d: %s", path, resp.StatusCode, b)
	}
	if err := json.Unmarshal(b, out); err != nil {
		s.t.Fatalf("GET %s: %v", path, fmt.Errorf("decoding %s: %w", b, err))
	}
}

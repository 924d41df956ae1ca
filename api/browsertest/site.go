package browsertest

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// Page is one static response of ServeSite.
type Page struct {
	// ContentType defaults to text/html; charset=utf-8.
	ContentType string
	// Header holds extra response headers, such as a Content-Security-Policy.
	Header http.Header
	Body   string
}

// ServeSite serves static pages by exact path (404 otherwise) until the test ends and
// returns the base URL. The URL names the host "localhost", while StartServer's URL is
// http://127.0.0.1:PORT, so that the browser treats the two as different sites: a
// page here that embeds the claimgraph server is a cross-site embed, as on a
// newsroom's page.
func ServeSite(t testing.TB, pages map[string]Page) string {
	t.Helper()
	mux := http.NewServeMux()
	for p, pg := range pages {
		mux.HandleFunc("GET "+p, func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != p {
				http.NotFound(w, r)
				return
			}
			for k, vs := range pg.Header {
				for _, v := range vs {
					w.Header().Add(k, v)
				}
			}
			ct := pg.ContentType
			if ct == "" {
				ct = "text/html; charset=utf-8"
			}
			w.Header().Set("Content-Type", ct)
			_, _ = w.Write([]byte(pg.Body))
		})
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	_, port, err := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	if err != nil {
		t.Fatalf("test site address %s: %v", srv.URL, err)
	}
	return "http://localhost:" + port
}

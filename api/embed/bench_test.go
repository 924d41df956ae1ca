package embed_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"

	"github.com/claimgraph/claimgraph/api"
	st "github.com/claimgraph/claimgraph/graph/storetest"
)

// BenchmarkWidget measures the server's cost of one widget answer through the whole
// handler chain (middleware included, no network), with the card in the render
// cache: what a popular page costs per view. `go test -bench Widget ./api/embed`.
func BenchmarkWidget(b *testing.B) {
	store := openStoreB(b)
	srv, err := api.New(api.Deps{Store: store})
	if err != nil {
		b.Fatal(err)
	}
	card := "/embed/claims/" + st.ClaimToll68800
	etag := func(path string, header ...string) string {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s: %d %s", path, rec.Code, rec.Body)
		}
		return rec.Header().Get("ETag")
	}
	cardTag := etag(card)
	scriptTag := etag("/widget/claim-provenance.js", "Accept-Encoding", "gzip")
	for _, bc := range widgetCases(benchCase{"provenance JSON (uncached API)", "/v1/claims/" + st.ClaimToll68800 + "/provenance", nil, 200}, cardTag, scriptTag) {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req := httptest.NewRequest(http.MethodGet, bc.path, nil)
					for i := 0; i+1 < len(bc.header); i += 2 {
						req.Header.Set(bc.header[i], bc.header[i+1])
					}
					rec := httptest.NewRecorder()
					srv.ServeHTTP(rec, req)
					if rec.Code != bc.status {
						b.Fatalf("%s: %d", bc.path, rec.Code)
					}
				}
			})
		})
	}
}

// discardWriter is a ResponseWriter that keeps only the status and headers, reused
// across requests, so that BenchmarkWidgetServer counts the server's allocations and
// no recorder's.
type discardWriter struct {
	h      http.Header
	status int
}

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(s int)           { w.status = s }

// BenchmarkWidgetServer is BenchmarkWidget without the test harness's own cost: each
// goroutine reuses one request and one response writer, so ns/op and allocs/op are the
// server's alone (routing, the whole middleware chain with the default rate limits on,
// the handler), beside a bare Gin route (the floor). `go test -bench WidgetServer
// ./api/embed`.
func BenchmarkWidgetServer(b *testing.B) {
	store := openStoreB(b)
	srv, err := api.New(api.Deps{Store: store, RateLimits: api.RateLimits{PerIP: 1e9, PerIPBurst: 1e9}})
	if err != nil {
		b.Fatal(err)
	}
	request := func(path string, header ...string) *http.Request {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		return req
	}
	serve := func(req *http.Request, w *discardWriter) {
		clear(w.h)
		w.status = 0
		srv.ServeHTTP(w, req)
	}
	// The floor: Gin with one route and no middleware, answering a short JSON body,
	// as apiload's bare Gin ceiling does; what the widget costs above it is the
	// API's middleware chain and the widget's own handling.
	bare := gin.New()
	bare.GET("/ping", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"status": "ok"}) })
	b.Run("bare gin /ping (floor)", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			req := request("/ping")
			w := &discardWriter{h: http.Header{}}
			for pb.Next() {
				clear(w.h)
				w.status = 0
				bare.ServeHTTP(w, req)
				if w.status != http.StatusOK {
					b.Fatalf("/ping: %d", w.status)
				}
			}
		})
	})
	etag := func(req *http.Request) string {
		w := &discardWriter{h: http.Header{}}
		serve(req, w)
		if w.status != http.StatusOK {
			b.Fatalf("%s: %d", req.URL, w.status)
		}
		return w.h.Get("ETag")
	}
	cardTag := etag(request("/embed/claims/" + st.ClaimToll68800))
	scriptTag := etag(request("/widget/claim-provenance.js", "Accept-Encoding", "gzip"))
	_ = etag(request("/v1/claims/" + st.ClaimToll68800 + "/card"))
	for _, bc := range widgetCases(benchCase{"healthz", "/healthz", nil, 200}, cardTag, scriptTag) {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				req := request(bc.path, bc.header...)
				w := &discardWriter{h: http.Header{}}
				for pb.Next() {
					serve(req, w)
					if w.status != bc.status {
						b.Fatalf("%s: %d", bc.path, w.status)
					}
				}
			})
		})
	}
}

// benchCase is one request of the widget benchmarks: path, headers as name/value
// pairs, and the status it must get.
type benchCase struct {
	name, path string
	header     []string
	status     int
}

// widgetCases lists the widget's cached answers after a first case to compare them
// with; cardTag and scriptTag are the ETags of the iframe card and the gzipped script.
func widgetCases(first benchCase, cardTag, scriptTag string) []benchCase {
	card := "/embed/claims/" + st.ClaimToll68800
	return []benchCase{
		first,
		{"card JSON", "/v1/claims/" + st.ClaimToll68800 + "/card", nil, 200},
		{"iframe card", card, nil, 200},
		{"iframe card 304", card, []string{"If-None-Match", cardTag}, 304},
		{"script gzip", "/widget/claim-provenance.js", []string{"Accept-Encoding", "gzip"}, 200},
		{"script 304", "/widget/claim-provenance.js", []string{"Accept-Encoding", "gzip", "If-None-Match", scriptTag}, 304},
	}
}

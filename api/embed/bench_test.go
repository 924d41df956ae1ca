package embed_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

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
	for _, bc := range []struct {
		name, path string
		header     []string
		status     int
	}{
		{"provenance JSON (uncached API)", "/v1/claims/" + st.ClaimToll68800 + "/provenance", nil, 200},
		{"card JSON", "/v1/claims/" + st.ClaimToll68800 + "/card", nil, 200},
		{"iframe card", card, nil, 200},
		{"iframe card 304", card, []string{"If-None-Match", cardTag}, 304},
		{"script gzip", "/widget/claim-provenance.js", []string{"Accept-Encoding", "gzip"}, 200},
		{"script 304", "/widget/claim-provenance.js", []string{"Accept-Encoding", "gzip", "If-None-Match", scriptTag}, 304},
	} {
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

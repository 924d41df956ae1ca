//go:build pprof

package main

import (
	"fmt"
	"net/http"
	_ "net/http/pprof" // registers /debug/pprof/ on http.DefaultServeMux
	"os"
)

// With the pprof build tag (go build -tags pprof ./cmd/claimgraph), the binary serves
// Go's profiles on the address of CLAIMGRAPH_PPROF (e.g. 127.0.0.1:6060), apart from
// the API's own listener, so that a server under load (cmd/apiload/wrk.sh with
// CLAIMGRAPH_BIN) can be profiled as it runs:
//
//	go tool pprof 'http://127.0.0.1:6060/debug/pprof/profile?seconds=8'
//
// Release builds carry none of this.
func init() {
	addr := os.Getenv("CLAIMGRAPH_PPROF")
	if addr == "" {
		return
	}
	go func() {
		if err := http.ListenAndServe(addr, nil); err != nil {
			fmt.Fprintln(os.Stderr, "claimgraph: pprof listener:", err)
		}
	}()
}

package api

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// Keys of the contract run's server: one of each scope.
const (
	contractAdminKey  = "contract-admin-key-0123456789"
	contractIngestKey = "contract-ingest-key-0123456789"
)

// contractExamples bounds schemathesis's examples per operation and phase, so that a
// run takes a minute or two per store and key. CONTRACT_EXAMPLES overrides it.
const contractExamples = 25

// TestContractSchemathesis serves the real API (real store, real extractor and
// ingester, the built-in corpus loaded) on a real port and runs schemathesis
// (api/contract/run.sh, pinned) against /openapi.json with every check, in positive
// and negative mode: once without a key and once with an admin key, on each store. It
// requires 0 failures. Outside CI it skips when Python or PyPI is missing; in CI
// (CI=true) it fails instead.
func TestContractSchemathesis(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skips schemathesis")
	}
	examples := contractExamples
	if s := os.Getenv("CONTRACT_EXAMPLES"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, "CONTRACT_EXAMPLES must be a number")
		examples = n
	}
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			b.skip(t)
			base := contractServer(t, b)
			runs := []struct {
				name string
				args []string
			}{
				{"without key", nil},
				{"admin key", []string{"-H", "Authorization: Bearer " + contractAdminKey}},
			}
			for _, run := range runs {
				t.Run(run.name, func(t *testing.T) {
					start := time.Now()
					out, code := runSchemathesis(t, base, append([]string{"--max-examples", strconv.Itoa(examples)}, run.args...))
					t.Logf("schemathesis %s on %s: exit %d in %s", run.name, b.name, code, time.Since(start).Round(time.Second))
					require.Equal(t, 0, code, "schemathesis found failures:\n%s", out)
					m := regexp.MustCompile(`(\d+) generated, (\d+) passed`).FindStringSubmatch(out)
					require.NotNil(t, m, "schemathesis reports the test cases it ran:\n%s", out)
					require.NotEqual(t, "0", m[1], "schemathesis generated test cases")
					t.Logf("schemathesis %s on %s: %s test cases generated, %s passed, 0 failures", run.name, b.name, m[1], m[2])
				})
			}
		})
	}
}

// runSchemathesis runs api/contract/run.sh against base and returns its output and
// exit code. It skips (outside CI) or fails (in CI) when schemathesis cannot be
// installed (exit 3).
func runSchemathesis(t *testing.T, base string, args []string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
	defer cancel()
	script, err := filepath.Abs(filepath.Join("contract", "run.sh"))
	require.NoError(t, err)
	cmd := exec.CommandContext(ctx, script, append([]string{base, "--seed", "20261203", "--no-color", "--request-timeout", "60"}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &ee) && ee.ExitCode() == 3:
		if os.Getenv("CI") != "" {
			t.Fatalf("CI must run schemathesis, and it cannot be installed:\n%s", out.String())
		}
		t.Skipf("schemathesis cannot be installed here, so the contract is not fuzzed: %s", out.String())
	case errors.As(err, &ee):
		return out.String(), ee.ExitCode()
	}
	t.Fatalf("running %s: %v\n%s", script, err, out.String())
	return "", -1
}

// contractServer serves the API over a fresh store of the backend holding the built-in
// corpus, with the real ingester, an admin and an ingest key, and no rate limits (the
// fuzzer sends as fast as it can); it returns the base URL.
func contractServer(t *testing.T, b backend) string {
	t.Helper()
	store := b.open(t)
	ing := ingest.New(store, extract.Extractor{}, ingest.Options{})
	arts, err := corpus.Default()
	require.NoError(t, err)
	for _, a := range arts {
		_, err := ing.Ingest(t.Context(), a.Input())
		require.NoError(t, err, a.Path)
	}
	keys, err := NewScopedKeySet(
		APIKey{Name: "contract-admin", Scope: ScopeAdmin, Value: contractAdminKey},
		APIKey{Name: "contract-ingest", Scope: ScopeIngest, Value: contractIngestKey})
	require.NoError(t, err)
	srv, err := New(Deps{
		Store: store, Keys: keys,
		Ingester: IngesterOf(ing),
		Logger:   slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelError})),
	})
	require.NoError(t, err)
	return startServer(t, srv).base
}

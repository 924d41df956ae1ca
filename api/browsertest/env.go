package browsertest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// InCI reports whether the tests run in CI (the environment variable CI is "true" or
// "1"), where a missing tool fails a browser test instead of skipping it.
func InCI() bool {
	v := strings.ToLower(strings.TrimSpace(os.Getenv("CI")))
	return v == "true" || v == "1"
}

// unavailable ends a test that cannot run because a tool is missing: a skip on a
// developer's machine, a failure in CI.
func unavailable(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("%s (CI=true: browser tests must run in CI; .ci/run installs chromium with api/browsertest/ensure-chromium.sh)", msg)
	}
	t.Skipf("%s; skipping (in CI this fails)", msg)
}

// repoRoot finds the module root (the directory holding go.mod) from the working
// directory, which go test sets to the package's directory.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory: run the tests from inside the claimgraph module")
		}
		dir = parent
	}
}

// cacheDir returns (creating it) the directory for downloaded test tools: the
// environment variable BROWSERTEST_CACHE, else .cache/browsertest at the module root
// (ignored by git).
func cacheDir() (string, error) {
	dir := os.Getenv("BROWSERTEST_CACHE")
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(root, ".cache", "browsertest")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating the browser-test cache %s: %w", dir, err)
	}
	return dir, nil
}

package browsertest

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeFiles pin axe-core: package.json names the version, package-lock.json its
// tarball's integrity hash, which `npm ci` verifies.
//
//go:embed axe/package.json axe/package-lock.json
var axeFiles embed.FS

// WCAG22AA are the axe-core tags of the rules for WCAG 2.0, 2.1 and 2.2 at levels A
// and AA: conformance to WCAG 2.2 AA means passing all of them.
var WCAG22AA = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// AxeNode is one element that breaks a rule.
type AxeNode struct {
	Target         []any  `json:"target"`
	HTML           string `json:"html"`
	FailureSummary string `json:"failureSummary"`
}

// AxeViolation is one axe-core rule that the page breaks, with the elements that
// break it.
type AxeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Tags    []string  `json:"tags"`
	Nodes   []AxeNode `json:"nodes"`
}

func (v AxeViolation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s): %s [%s]", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n    %v %s\n      %s", n.Target, n.HTML, strings.ReplaceAll(n.FailureSummary, "\n", "\n      "))
	}
	return b.String()
}

// AxeResult is what axe-core found on a page.
type AxeResult struct {
	// Version is axe-core's version, as it reports it.
	Version    string         `json:"version"`
	URL        string         `json:"url"`
	Violations []AxeViolation `json:"violations"`
	// Passes counts the rules that ran and passed.
	Passes int `json:"passes"`
}

// Serious returns the violations of impact serious or critical.
func (r AxeResult) Serious() []AxeViolation {
	var out []AxeViolation
	for _, v := range r.Violations {
		if v.Impact == "serious" || v.Impact == "critical" {
			out = append(out, v)
		}
	}
	return out
}

// Axe runs axe-core on the current page with the rules of the given tags (WCAG22AA
// when none) and returns what it found. axe-core is installed from npm into the cache
// on first use; without npm the test is skipped (failed in CI).
func (tab *Tab) Axe(tags ...string) AxeResult {
	tab.t.Helper()
	if len(tags) == 0 {
		tags = WCAG22AA
	}
	src := axeSource(tab.t)
	tagJSON, _ := json.Marshal(tags)
	// Injected with DevTools' Runtime.evaluate, which the page's CSP does not govern,
	// so the CSP under test stays as strict as it is in production.
	run := `(async () => {
		const r = await axe.run(document, {runOnly: {type: "tag", values: ` + string(tagJSON) + `}, resultTypes: ["violations"]});
		return {version: r.testEngine.version, url: r.url, violations: r.violations, passes: r.passes.length};
	})()`
	tab.Run(chromedp.Evaluate[chromedp.Void](src))
	var res AxeResult
	tab.Eval(run, &res)
	sort.Slice(res.Violations, func(i, j int) bool { return res.Violations[i].ID < res.Violations[j].ID })
	return res
}

// axeSource returns axe.min.js of the pinned axe-core, installing it when needed.
func axeSource(t testing.TB) string {
	t.Helper()
	dir, err := InstallAxe()
	if err != nil {
		unavailable(t, "axe-core: %v", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is installed in %s but unreadable: %v", dir, err)
	}
	return string(b)
}

// InstallAxe makes sure the pinned axe-core is installed under the cache directory
// (.cache/browsertest/axe-HASH, HASH naming the pinned files, so a new pin installs
// afresh) and returns that directory. It runs `npm ci`, which installs exactly the
// locked version and checks its integrity hash. Concurrent test processes wait on a
// file lock rather than install twice. It takes a few seconds once, then nothing.
func InstallAxe() (string, error) {
	pkg, err := axeFiles.ReadFile("axe/package.json")
	if err != nil {
		return "", err
	}
	lock, err := axeFiles.ReadFile("axe/package-lock.json")
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(append(append([]byte{}, pkg...), lock...))
	cache, err := cacheDir()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, "axe-"+hex.EncodeToString(sum[:8]))
	stamp := filepath.Join(dir, ".installed")
	if _, err := os.Stat(stamp); err == nil {
		return dir, nil
	}
	unlock, err := lockFile(filepath.Join(cache, "axe.lock"))
	if err != nil {
		return "", err
	}
	defer unlock()
	if _, err := os.Stat(stamp); err == nil {
		return dir, nil // another process installed it while we waited
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		return "", fmt.Errorf("npm is not installed, so axe-core cannot be fetched (install Node.js and npm)")
	}
	if err := os.RemoveAll(dir); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "package.json"), pkg, 0o644); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(dir, "package-lock.json"), lock, 0o644); err != nil {
		return "", err
	}
	cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "npm_config_update_notifier=false")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		_ = os.RemoveAll(dir)
		return "", fmt.Errorf("npm ci of the pinned axe-core failed (no registry access?): %v\n%s", err, out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")); err != nil {
		return "", fmt.Errorf("npm ci ran but left no axe.min.js in %s: %v", dir, err)
	}
	if err := os.WriteFile(stamp, []byte(time.Since(start).String()+"\n"), 0o644); err != nil {
		return "", err
	}
	return dir, nil
}

// lockFile takes an exclusive lock on path (created if needed), waiting for it; the
// returned function releases it.
func lockFile(path string) (func(), error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, fmt.Errorf("opening the lock file %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, fmt.Errorf("locking %s: %w", path, err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

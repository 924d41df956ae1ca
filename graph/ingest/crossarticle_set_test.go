package ingest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
)

// crossCase is one case of testdata/crossarticle (its README gives the format).
type crossCase struct {
	ID       string `json:"id"`
	Note     string `json:"note"`
	Articles []struct {
		Outlet    string `json:"outlet"`
		Published string `json:"published"`
		Text      string `json:"text"`
	} `json:"articles"`
	Expect []crossExpect `json:"expect"`
}

// crossExpect is one annotation: a link or dispute that must be there (kind
// conflicts, corroborates, disputes) or must not (none).
type crossExpect struct {
	Kind string `json:"kind"`
	A    string `json:"a"`
	B    string `json:"b"`
}

// crossFound is a link or dispute across articles that ingest produced: the two claim
// texts of a link, or the disputed claim's text and the disputer's name.
type crossFound struct {
	kind, a, b string
}

func (f crossFound) matches(e crossExpect) bool {
	if f.kind != e.Kind {
		return false
	}
	if f.kind == "disputes" {
		return strings.Contains(f.a, e.A) && strings.Contains(f.b, e.B)
	}
	return strings.Contains(f.a, e.A) && strings.Contains(f.b, e.B) || strings.Contains(f.b, e.A) && strings.Contains(f.a, e.B)
}

// crossScore counts one split: must-link annotations found, and links produced that
// an annotation asks for.
type crossScore struct {
	expected, found, produced, right int
}

func (s crossScore) String() string {
	p, r := 1.0, 0.0
	if s.produced > 0 {
		p = float64(s.right) / float64(s.produced)
	}
	if s.expected > 0 {
		r = float64(s.found) / float64(s.expected)
	}
	return fmt.Sprintf("recall %d/%d (%.2f), precision %d/%d (%.2f)", s.found, s.expected, r, s.right, s.produced, p)
}

func loadCrossCases(t *testing.T, name string) []crossCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "crossarticle", name))
	require.NoError(t, err)
	defer f.Close()
	var out []crossCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c crossCase
		require.NoError(t, json.Unmarshal(sc.Bytes(), &c), sc.Text())
		require.NotEmpty(t, c.Expect, c.ID)
		require.GreaterOrEqual(t, len(c.Articles), 2, c.ID)
		out = append(out, c)
	}
	require.NoError(t, sc.Err())
	return out
}

// crossArticleFindings ingests a case's articles in order into a fresh embedded store
// and returns every link between claims of different articles and every dispute of a
// claim from another article, as the contradictions answers give them.
func crossArticleFindings(t *testing.T, c crossCase) []crossFound {
	t.Helper()
	s := newTestStore(t)
	in := New(s, extract.Extractor{}, Options{})
	for i, a := range c.Articles {
		_, err := in.Ingest(t.Context(), article(fmt.Sprintf("%s-%d", c.ID, i), a.Outlet, a.Published, a.Text))
		require.NoError(t, err, c.ID)
	}
	page, err := s.Articles(t.Context(), graph.ArticleQuery{Page: graph.PageRequest{Limit: graph.MaxPageSize}})
	require.NoError(t, err)
	claimArticles := map[string]map[string]bool{}
	for _, ref := range page.Items {
		ag, err := s.ArticleGraph(t.Context(), ref.ID)
		require.NoError(t, err)
		for _, st := range ag.Statements {
			if claimArticles[st.ClaimID] == nil {
				claimArticles[st.ClaimID] = map[string]bool{}
			}
			claimArticles[st.ClaimID][st.ArticleID] = true
		}
	}
	apart := func(x, y string) bool {
		for a := range claimArticles[x] {
			if !claimArticles[y][a] {
				return true
			}
		}
		return false
	}
	var out []crossFound
	seen := map[string]bool{}
	for id := range claimArticles {
		x, err := s.Contradictions(t.Context(), id)
		require.NoError(t, err)
		for _, rel := range append(append([]graph.RelatedClaim{}, x.Conflicts...), x.Corroborations...) {
			if seen[rel.Link.ID] || !apart(id, rel.Claim.ID) {
				continue
			}
			seen[rel.Link.ID] = true
			out = append(out, crossFound{string(rel.Link.Kind), x.Claim.Text, rel.Claim.Text})
		}
		for _, d := range x.Disputes {
			if seen[d.Dispute.ID] || claimArticles[id][d.Dispute.ArticleID] {
				continue
			}
			seen[d.Dispute.ID] = true
			out = append(out, crossFound{"disputes", x.Claim.Text, d.Disputer.Name})
		}
	}
	return out
}

// scoreCrossCases runs the cases and scores them; with verbose it logs each miss and
// each wrong link.
func scoreCrossCases(t *testing.T, cases []crossCase, verbose bool) crossScore {
	var sc crossScore
	for _, c := range cases {
		found := crossArticleFindings(t, c)
		for _, e := range c.Expect {
			if e.Kind == "none" {
				continue
			}
			sc.expected++
			hit := false
			for _, f := range found {
				hit = hit || f.matches(e)
			}
			if hit {
				sc.found++
			} else if verbose {
				t.Logf("%s: missed %s %q ~ %q", c.ID, e.Kind, e.A, e.B)
			}
		}
		for _, f := range found {
			sc.produced++
			right := false
			for _, e := range c.Expect {
				right = right || e.Kind != "none" && f.matches(e)
			}
			if right {
				sc.right++
			} else if verbose {
				t.Logf("%s: wrong %s %q ~ %q", c.ID, f.kind, f.a, f.b)
			}
		}
	}
	return sc
}

// TestCrossArticleSet runs the annotated cross-article set (testdata/crossarticle)
// through the real ingest path: claims of two articles that must be linked (a denial
// of a claim reported elsewhere, the same figure from independent origins, different
// figures of one count) and look-alikes that must not be. The tune half is scored in
// full; the unseen half is reported as totals only.
func TestCrossArticleSet(t *testing.T) {
	tune := scoreCrossCases(t, loadCrossCases(t, "tune.jsonl"), true)
	t.Logf("cross-article set, tune: %s", tune)
	assert.Equal(t, tune.produced, tune.right, "no wrong link or dispute across articles on the tune half")
	assert.GreaterOrEqual(t, tune.found, 6, "must-link annotations found on the tune half")
	unseen := scoreCrossCases(t, loadCrossCases(t, "unseen.jsonl"), false)
	t.Logf("cross-article set, unseen (totals only): %s", unseen)
}

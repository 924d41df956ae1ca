package disputes

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/eval"
)

// oodDisputeDir is the out-of-domain dispute tuning set (texts and disputes.jsonl),
// open to developers (see its README.md).
const oodDisputeDir = "../testdata/ooddisp"

// TestOODDisputeSetAligns checks the out-of-domain dispute tuning set against its
// article bodies: every span holds the words annotated, shapes and disputer forms
// are of the shared vocabulary, a second claim exactly for the two-claim shapes, a
// referent before its pronoun, and every article has front matter saying where it
// came from and at least one case (the set is annotated exhaustively).
func TestOODDisputeSetAligns(t *testing.T) {
	checkDisputeSetAligns(t, oodDisputeDir, "disputes.jsonl", 15, 40)
}

// checkDisputeSetAligns checks an out-of-domain dispute set (texts in dir, cases in
// dir/file) as TestOODDisputeSetAligns says, with at least minTexts texts and
// minCases cases.
func checkDisputeSetAligns(t *testing.T, dir, file string, minTexts, minCases int) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	require.NoError(t, err)
	bodies := map[string][]rune{}
	for _, p := range paths {
		if filepath.Base(p) == "README.md" {
			continue
		}
		a, err := eval.ReadMarkdownArticle(p)
		require.NoError(t, err)
		assert.Equal(t, strings.TrimSuffix(filepath.Base(p), ".md"), a.ID, "id matches the file name")
		bodies[a.ID] = []rune(eval.UniversalNewlines(a.Body))
		checkFrontMatter(t, p)
	}
	require.GreaterOrEqual(t, len(bodies), minTexts, "at least %d texts", minTexts)

	cases, err := ReadCases(filepath.Join(dir, file))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(cases), minCases, "at least %d cases", minCases)
	shapes := map[string]bool{}
	for _, s := range Shapes {
		shapes[s] = true
	}
	forms := map[string]bool{"name": true, "nominal": true, "pronoun": true, "metonym": true, "group": true}
	text := func(body []rune, sp [2]int) string {
		if sp[0] < 0 || sp[1] > len(body) || sp[0] >= sp[1] {
			return "<bad span>"
		}
		return string(body[sp[0]:sp[1]])
	}
	seen := map[string]bool{}
	perDoc := map[string]int{}
	for _, c := range cases {
		key := c.Doc + "/" + c.ID
		assert.False(t, seen[key], "duplicate case %s", key)
		seen[key] = true
		body, ok := bodies[c.Doc]
		require.True(t, ok, "%s: no such article", key)
		perDoc[c.Doc]++
		assert.True(t, shapes[c.Shape], "%s: shape %q", key, c.Shape)
		assert.Equal(t, c.Cue, text(body, c.CueSpan), key)
		if c.DisputerSpan != nil {
			assert.True(t, forms[c.DisputerForm], "%s: disputer_form %q", key, c.DisputerForm)
			assert.Equal(t, c.Disputer, text(body, *c.DisputerSpan), key)
		}
		if c.DisputerRefSpan != nil {
			assert.Equal(t, c.DisputerRef, text(body, *c.DisputerRefSpan), key)
			assert.Less(t, c.DisputerRefSpan[0], c.DisputerSpan[0], "%s: the referent comes before the disputer", key)
		}
		if c.ClaimSpan != nil {
			assert.Equal(t, c.Claim, text(body, *c.ClaimSpan), key)
		} else {
			assert.NotEmpty(t, c.Claim, "%s: a claim not in the text is said in words", key)
		}
		twoClaims := c.Shape == "counterclaim" || c.Shape == "figures"
		assert.Equal(t, twoClaims, c.OtherClaimSpan != nil, "%s: other_claim_span only for counterclaim/figures", key)
		if c.OtherClaimSpan != nil {
			assert.Equal(t, c.OtherClaim, text(body, *c.OtherClaimSpan), key)
		}
	}
	var empty []string
	for id := range bodies {
		if perDoc[id] == 0 {
			empty = append(empty, id)
		}
	}
	sort.Strings(empty)
	assert.Empty(t, empty, "articles without a dispute case")
}

// checkFrontMatter checks that an article says where it came from.
func checkFrontMatter(t *testing.T, p string) {
	t.Helper()
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	require.True(t, utf8.Valid(data), p)
	head, _, ok := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
	require.True(t, ok, "%s: front matter", p)
	for _, key := range []string{"id: ", "url: http", "license: ", "retrieved: 20", "notes: "} {
		assert.Contains(t, "\n"+head, "\n"+key, "%s: front matter lacks %q", p, key)
	}
	for _, line := range strings.Split(head, "\n") {
		if u, ok := strings.CutPrefix(line, "url: "); ok {
			host := strings.ToLower(strings.SplitN(strings.SplitN(u, "://", 2)[1], "/", 2)[0])
			for _, heldOut := range []string{"bbc.", "cnn.", "aljazeera."} {
				assert.NotContains(t, host, heldOut, "%s: articles of the held-out outlets are not used here", p)
			}
		}
	}
}

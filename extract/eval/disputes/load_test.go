package disputes

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract/eval"
)

// corpusDir finds shared/polnear (PolNeAR train and dev, read only) in a parent of
// the working directory: ../shared/polnear next to the repository, or next to the
// directory holding the worktree. It returns "" when there is none.
func corpusDir(t *testing.T) string {
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		c := filepath.Join(dir, "shared", "polnear")
		if _, err := os.Stat(filepath.Join(c, "dev", "text")); err == nil {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

var validForms = map[string]bool{"name": true, "nominal": true, "pronoun": true, "metonym": true, "group": true}

// loadFile reads one annotation file of testdata (missing files are an error).
func loadFile(t *testing.T, name string) []Case {
	cases, err := ReadCases(filepath.Join("testdata", name))
	require.NoError(t, err, name)
	return cases
}

// TestAnnotationFormat checks every committed case without the article texts:
// known shape and disputer form, ids unique per document, spans well formed,
// documents listed in the split's document list, the minimum sizes.
func TestAnnotationFormat(t *testing.T) {
	total := 0
	for _, split := range Splits {
		set, err := Load("testdata", split)
		require.NoError(t, err)
		listed, err := readDocList(filepath.Join("testdata", "documents_"+split+".txt"))
		require.NoError(t, err)
		assert.ElementsMatch(t, listed, set.Docs, "%s: every annotated document is listed", split)
		checkCases(t, set.Cases, listed, false)
		checkCases(t, loadFile(t, "negatives_"+split+".jsonl"), listed, true)
		total += len(set.Cases)
		if split == "report" {
			assert.GreaterOrEqual(t, len(set.Cases), 60, "report split size")
		}
	}
	assert.GreaterOrEqual(t, total, 150, "annotated dispute cases")
}

func checkCases(t *testing.T, cases []Case, listed []string, negative bool) {
	inList := map[string]bool{}
	for _, d := range listed {
		inList[d] = true
	}
	ids := map[string]bool{}
	for _, c := range cases {
		key := c.Doc + "/" + c.ID
		assert.False(t, ids[key], "duplicate id %s", key)
		ids[key] = true
		assert.True(t, inList[c.Doc], "%s: document not listed", key)
		if negative {
			assert.Equal(t, "none", c.Shape, key)
		} else {
			assert.Contains(t, Shapes, c.Shape, key)
		}
		if c.DisputerSpan != nil {
			assert.True(t, validForms[c.DisputerForm], "%s: disputer form %q", key, c.DisputerForm)
		} else {
			assert.NotEmpty(t, c.Note, "%s: a case without a disputer says why", key)
		}
		other := c.OtherClaimSpan != nil
		assert.Equal(t, c.Shape == "counterclaim" || c.Shape == "figures", other, "%s: other_claim_span only for counterclaim and figures", key)
		assert.NotEmpty(t, c.Claim, key)
	}
}

// TestAnnotationSpansMatchText checks every span of every committed case (disputes
// and negatives) against the article text, and that tune cases come from PolNeAR
// train and report cases from dev. Skipped when the corpus is not next to the
// repository.
func TestAnnotationSpansMatchText(t *testing.T) {
	corpus := corpusDir(t)
	if corpus == "" {
		t.Skip("shared/polnear not found in a parent directory")
	}
	part := SplitPart
	checked := 0
	for _, split := range Splits {
		cases := append(loadFile(t, "disputes_"+split+".jsonl"), loadFile(t, "negatives_"+split+".jsonl")...)
		texts := map[string][]rune{}
		for _, c := range cases {
			text, ok := texts[c.Doc]
			if !ok {
				b, err := os.ReadFile(filepath.Join(corpus, part[split], "text", c.Doc+".txt"))
				require.NoError(t, err, "%s case from %s must be in PolNeAR %s", split, c.Doc, part[split])
				text = []rune(eval.UniversalNewlines(string(b)))
				texts[c.Doc] = text
			}
			assert.NoError(t, CheckCaseSpans(c, text))
			checked++
		}
	}
	assert.Greater(t, checked, 150)
	t.Logf("checked the spans of %d cases", checked)
}

// TestSplitsShareNoDocument checks that no article is annotated in two splits: the
// check split is only a check while its documents are neither tuned on (tune) nor
// reported (report), and every split names the PolNeAR part it comes from.
func TestSplitsShareNoDocument(t *testing.T) {
	owner := map[string]string{}
	for _, split := range Splits {
		assert.Contains(t, SplitPart, split, "split %s names its PolNeAR part", split)
		docs, err := readDocList(filepath.Join("testdata", "documents_"+split+".txt"))
		require.NoError(t, err)
		require.NotEmpty(t, docs, split)
		for _, d := range docs {
			if prev, ok := owner[d]; ok {
				t.Errorf("%s is annotated in both %s and %s", d, prev, split)
			}
			owner[d] = split
		}
	}
}

// TestLoadFileHalves checks that a disputes_NAME.jsonl file is read with its
// documents_NAME.txt and negatives_NAME.jsonl (the rebuttal21 halves), and that
// every case of both halves is well formed.
func TestLoadFileHalves(t *testing.T) {
	for _, half := range []string{"tune", "unseen"} {
		dir := filepath.Join("testdata", "rebuttal21")
		set, err := LoadFile(filepath.Join(dir, "disputes_"+half+".jsonl"))
		require.NoError(t, err, half)
		listed, err := readDocList(filepath.Join(dir, "documents_"+half+".txt"))
		require.NoError(t, err, half)
		assert.ElementsMatch(t, listed, set.Docs, half)
		assert.NotEmpty(t, set.Negatives, half)
		checkCases(t, set.Cases, listed, false)
		checkCases(t, set.Negatives, listed, true)
	}
}

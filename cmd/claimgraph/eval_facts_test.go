package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract/eval"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunEvalFactsSmallDir runs "eval facts" end to end on a one-article set: a named
// speaker with "said" and a figure, and a fact credited to a speaker the text never
// names, which no extractor can find.
func TestRunEvalFactsSmallDir(t *testing.T) {
	dir := t.TempDir()
	body := "Officials said 12 people were killed in the flood.\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "flood.md"),
		[]byte("---\nid: flood\nurl: https://example.org/flood\nlicense: test\n---\n"+body), 0o644))
	facts := `{"doc":"flood","id":"f1","speaker":"officials","speaker_span":[0,9],"cue":"said","cue_span":[10,14],"claim":"12 people were killed","claim_span":[15,36],"value":12,"unit":"people","qualifier":null,"counted":"killed"}
{"doc":"flood","id":"f2","speaker":"Red Cross","speaker_span":null,"cue":"","cue_span":null,"claim":"in the flood","claim_span":[37,49],"value":null,"unit":null,"qualifier":null,"counted":null}
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "facts.jsonl"), []byte(facts), 0o644))
	var out, errb bytes.Buffer
	require.NoError(t, runEval(context.Background(), []string{"facts", dir}, &out, &errb), errb.String())
	s := out.String()
	assert.Contains(t, s, "1 articles, 2 facts")
	assert.Contains(t, s, "OVERALL")
	assert.Regexp(t, `facts found [01]/2 `, s, "the fact of an unnamed speaker is never found")
	assert.Regexp(t, `with a speaker \(\d+ right, \d+ wrong, \d+ unresolved\), value right`, s)
}

// TestRunEvalFactsOOD scores the committed out-of-domain set: every fact is counted
// (the figures themselves are the extractor's business, not this test's).
func TestRunEvalFactsOOD(t *testing.T) {
	dir := filepath.Join("..", "..", "extract", "eval", "testdata", "ood")
	data, err := os.ReadFile(filepath.Join(dir, "facts.jsonl"))
	require.NoError(t, err)
	n := strings.Count(strings.TrimSpace(string(data)), "\n") + 1
	var out, errb bytes.Buffer
	require.NoError(t, runEval(context.Background(), []string{"facts", dir}, &out, &errb), errb.String())
	last := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.NotEmpty(t, last)
	overall := last[len(last)-2]
	assert.True(t, strings.HasPrefix(overall, "OVERALL"), overall)
	assert.Contains(t, overall, "/"+strconv.Itoa(n)+" ")
}

func TestRunEvalFactsUsage(t *testing.T) {
	var out, errb bytes.Buffer
	assert.Error(t, runEval(context.Background(), []string{"facts", "a", "b"}, &out, &errb))
	assert.Contains(t, errb.String(), "usage: claimgraph eval facts")
	assert.Error(t, runEval(context.Background(), []string{"facts", t.TempDir()}, &out, &errb), "empty directory")
}

// TestSelectFactArticles checks --only and --exclude: the kept articles and their facts,
// and the errors for an unknown id and for a selection that keeps nothing.
func TestSelectFactArticles(t *testing.T) {
	arts := []eval.FactArticle{{ID: "a"}, {ID: "b"}, {ID: "c"}}
	gold := []eval.GoldFact{{Doc: "a", ID: "f1"}, {Doc: "b", ID: "f1"}, {Doc: "b", ID: "f2"}, {Doc: "c", ID: "f1"}}
	tests := []struct {
		name          string
		only, exclude []string
		wantArts      []string
		wantFacts     int
		wantErr       string
	}{
		{name: "all", wantArts: []string{"a", "b", "c"}, wantFacts: 4},
		{name: "only", only: []string{"b"}, wantArts: []string{"b"}, wantFacts: 2},
		{name: "exclude", exclude: []string{"b"}, wantArts: []string{"a", "c"}, wantFacts: 2},
		{name: "both", only: []string{"a", "b"}, exclude: []string{"a"}, wantArts: []string{"b"}, wantFacts: 2},
		{name: "unknown id", only: []string{"x"}, wantErr: `article "x" is not in the set`},
		{name: "nothing left", only: []string{"a"}, exclude: []string{"a"}, wantErr: "leave no article"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, g, err := selectFactArticles(arts, gold, tc.only, tc.exclude)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			var ids []string
			for _, x := range a {
				ids = append(ids, x.ID)
			}
			assert.Equal(t, tc.wantArts, ids)
			assert.Len(t, g, tc.wantFacts)
		})
	}
}

// TestRunEvalFactsOverallFlag checks that --overall prints no per-article row and that
// the flags may stand before or after DIR.
func TestRunEvalFactsOverallFlag(t *testing.T) {
	dir := t.TempDir()
	for _, id := range []string{"one", "two"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, id+".md"),
			[]byte("---\nid: "+id+"\n---\nOfficials said 12 people were killed.\n"), 0o644))
	}
	facts := `{"doc":"one","id":"f1","speaker":"","claim":"12 people","claim_span":[15,24],"value":12}
{"doc":"two","id":"f1","speaker":"","claim":"12 people","claim_span":[15,24],"value":12}
`
	require.NoError(t, os.WriteFile(filepath.Join(dir, "facts.jsonl"), []byte(facts), 0o644))
	var out, errb bytes.Buffer
	require.NoError(t, runEval(context.Background(), []string{"facts", dir, "--only", "two", "--overall"}, &out, &errb), errb.String())
	s := out.String()
	assert.Contains(t, s, "1 articles, 1 facts")
	assert.NotContains(t, s, "two ")
	assert.Contains(t, s, "OVERALL")
	out.Reset()
	require.NoError(t, runEval(context.Background(), []string{"facts", "--exclude", "two", dir}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "one ")
	assert.NotContains(t, out.String(), "two ")
}

package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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
	assert.Contains(t, s, "with a speaker, value right")
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
	assert.Contains(t, errb.String(), "usage: claimgraph eval facts [DIR]")
	assert.Error(t, runEval(context.Background(), []string{"facts", t.TempDir()}, &out, &errb), "empty directory")
}

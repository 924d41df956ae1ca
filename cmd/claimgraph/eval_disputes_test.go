package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval/disputes"
)

// disputeFixture writes a one-article corpus (CORPUS/dev/text) and a "report"
// annotation set for it, and returns the two directories.
func disputeFixture(t *testing.T) (corpus, annDir string) {
	root := t.TempDir()
	corpus = filepath.Join(root, "corpus")
	annDir = filepath.Join(root, "ann")
	require.NoError(t, os.MkdirAll(filepath.Join(corpus, "dev", "text"), 0o755))
	require.NoError(t, os.MkdirAll(annDir, 0o755))
	text := "Aides denied a report that the campaign had run out of money.\r\n"
	require.NoError(t, os.WriteFile(filepath.Join(corpus, "dev", "text", "doc1.txt"), []byte(text), 0o644))
	gold := `{"doc":"doc1","id":"d1","shape":"inline","disputer":"Aides","disputer_span":[0,5],"disputer_form":"group","cue":"denied","cue_span":[6,12],"claim":"the campaign had run out of money","claim_span":[27,60]}` + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(annDir, "disputes_report.jsonl"), []byte(gold), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(annDir, "documents_report.txt"), []byte("# listed\ndoc1\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(annDir, "disputes_tune.jsonl"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(annDir, "documents_tune.txt"), nil, 0o644))
	return corpus, annDir
}

func TestRunEvalDisputesTable(t *testing.T) {
	corpus, annDir := disputeFixture(t)
	var out, errb bytes.Buffer
	err := runEval(context.Background(), []string{"disputes", "--split", "report", annDir, "--corpus", corpus}, &out, &errb)
	require.NoError(t, err, errb.String())
	s := out.String()
	assert.Contains(t, s, "dispute documents 1\n")
	assert.Contains(t, s, "\ninline            1 ")
	lines := strings.Split(strings.TrimSpace(s), "\n")
	assert.True(t, strings.HasPrefix(lines[len(lines)-1], "summary dispute_recall="), s)
	assert.Contains(t, lines[len(lines)-1], " gold=1 ")

	// the same run again prints the same bytes
	var again bytes.Buffer
	require.NoError(t, runEval(context.Background(), []string{"disputes", "--split", "report", annDir, "--corpus", corpus}, &again, &errb))
	assert.Equal(t, s, again.String())
}

func TestRunEvalDisputesJSONAndFile(t *testing.T) {
	corpus, annDir := disputeFixture(t)
	var out, errb bytes.Buffer
	file := filepath.Join(annDir, "disputes_report.jsonl")
	require.NoError(t, runEval(context.Background(), []string{"disputes", "--json", "--corpus", corpus, file}, &out, &errb), errb.String())
	var r disputes.Result
	require.NoError(t, json.Unmarshal(out.Bytes(), &r))
	assert.Equal(t, 1, r.Documents)
	assert.Equal(t, 1, r.Total.Gold)
	require.Len(t, r.Cases, 1)
	assert.Equal(t, "d1", r.Cases[0].ID)

	// split all: the empty tune split adds nothing, and the check split is not part
	// of it (its files are absent here)
	out.Reset()
	require.NoError(t, runEval(context.Background(), []string{"disputes", "--split", "all", "--json", "--corpus", corpus, annDir}, &out, &errb))
	require.NoError(t, json.Unmarshal(out.Bytes(), &r))
	assert.Equal(t, 1, r.Total.Gold)

	// split check reads documents_check.txt and disputes_check.jsonl alone
	out.Reset()
	require.Error(t, runEval(context.Background(), []string{"disputes", "--split", "check", "--json", "--corpus", corpus, annDir}, &out, &errb), "no check files yet")
	require.NoError(t, os.WriteFile(filepath.Join(annDir, "disputes_check.jsonl"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(annDir, "documents_check.txt"), []byte("doc1\n"), 0o644))
	out.Reset()
	require.NoError(t, runEval(context.Background(), []string{"disputes", "--split", "check", "--json", "--corpus", corpus, annDir}, &out, &errb), errb.String())
	require.NoError(t, json.Unmarshal(out.Bytes(), &r))
	assert.Equal(t, 1, r.Documents)
	assert.Equal(t, 0, r.Total.Gold)
}

func TestRunEvalDisputesErrors(t *testing.T) {
	corpus, annDir := disputeFixture(t)
	var out, errb bytes.Buffer
	ctx := context.Background()
	assert.Error(t, runEval(ctx, []string{"disputes", "--split", "dev", "--corpus", corpus, annDir}, &out, &errb), "unknown split")
	assert.Error(t, runEval(ctx, []string{"disputes", "--split", "tune", "--corpus", corpus, annDir, "extra"}, &out, &errb), "two arguments")
	assert.Error(t, runEval(ctx, []string{"disputes", "--corpus", filepath.Join(corpus, "nowhere"), "--split", "report", annDir}, &out, &errb), "article missing")
	assert.Error(t, runEval(ctx, []string{"disputes", filepath.Join(annDir, "missing")}, &out, &errb), "annotations missing")
	errb.Reset()
	assert.Error(t, runEval(ctx, []string{"polnearx"}, &out, &errb))
	assert.Contains(t, errb.String(), "eval disputes")
}

// The out-of-domain set's disputes are scored from its Markdown articles (front matter
// stripped), so their offsets line up with the bodies.
func TestRunEvalDisputesMarkdownSet(t *testing.T) {
	dir := filepath.Join("..", "..", "extract", "eval", "testdata", "ood")
	var out, errb bytes.Buffer
	err := runEval(context.Background(), []string{"disputes", "--split", "all", "--corpus", dir, filepath.Join(dir, "disputes.jsonl")}, &out, &errb)
	require.NoError(t, err, errb.String())
	assert.Regexp(t, `(?m)^summary dispute_recall=\S+ dispute_precision=\S+ gold=20 `, out.String())

	_, err = readCorpusArticle(dir, "no-such-article")
	require.ErrorContains(t, err, "NAME.md")
}

// Two speakers' different tolls in one article are a conflict the scorer sees through
// the ingest path; one speaker's toll alone is none.
func TestIngestedConflicts(t *testing.T) {
	ctx := context.Background()
	d := extract.Extract("Ukraine put the death toll at 40, Russia at 12. Talks resume next week.")
	pairs, err := ingestedConflicts(ctx, filepath.Join(t.TempDir(), "a.db"), d)
	require.NoError(t, err)
	require.Len(t, pairs, 1)
	texts := []string{pairs[0][0].Text, pairs[0][1].Text}
	assert.Contains(t, strings.Join(texts, " | "), "40")
	assert.Contains(t, strings.Join(texts, " | "), "12")

	d = extract.Extract("Ukraine said 40 people were killed in the strike.")
	pairs, err = ingestedConflicts(ctx, filepath.Join(t.TempDir(), "b.db"), d)
	require.NoError(t, err)
	assert.Empty(t, pairs)
}

// A single file of cases may hold annotated non-disputes (shape "none"): they are
// negatives, not gold.
func TestRunEvalDisputesFileNegatives(t *testing.T) {
	corpus, annDir := disputeFixture(t)
	file := filepath.Join(annDir, "mixed.jsonl")
	gold, err := os.ReadFile(filepath.Join(annDir, "disputes_report.jsonl"))
	require.NoError(t, err)
	neg := `{"doc":"doc1","id":"n1","shape":"none","disputer":"Aides","disputer_span":[0,5],"disputer_form":"group","cue":"denied","cue_span":[6,12],"claim":"a report","claim_span":null}` + "\n"
	require.NoError(t, os.WriteFile(file, append(gold, neg...), 0o644))
	var out, errb bytes.Buffer
	require.NoError(t, runEval(context.Background(), []string{"disputes", "--json", "--corpus", corpus, file}, &out, &errb), errb.String())
	var r disputes.Result
	require.NoError(t, json.Unmarshal(out.Bytes(), &r))
	assert.Equal(t, 1, r.Total.Gold)
	assert.Len(t, r.Cases, 1)
	assert.Equal(t, 1, r.Negatives)
}

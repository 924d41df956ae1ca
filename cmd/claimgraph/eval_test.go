package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract/eval"
)

func TestRunEvalSmallDir(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "text"), 0o755)
	os.MkdirAll(filepath.Join(dir, "attributions"), 0o755)
	text := "Officials said that the bridge would reopen next week.\n\n“We are ready,” the mayor said.\n"
	ann := "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 53\tthat the bridge would reopen next week\n" +
		"E1\tAttribution:T2 Cue:T2 Content:T3 Source:T1\n"
	if err := os.WriteFile(filepath.Join(dir, "text", "doc1.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "attributions", "doc1_ann1.ann"), []byte(ann), 0o644); err != nil {
		t.Fatal(err)
	}
	// a second annotator's file is ignored: the first by sorted name counts
	if err := os.WriteFile(filepath.Join(dir, "attributions", "doc1_ann2.ann"), []byte(""), 0o644); err != nil {
		t.Fatal(err)
	}
	jsonOut := filepath.Join(dir, "pred.jsonl")
	var out, errb bytes.Buffer
	if err := runEval(context.Background(), []string{"polnear", dir, "--json-out", jsonOut}, &out, &errb); err != nil {
		t.Fatalf("runEval: %v\n%s", err, errb.String())
	}
	s := out.String()
	if !strings.Contains(s, "documents 1 (without prediction: 0)") || !strings.Contains(s, "attributions gold 1 ") {
		t.Errorf("output:\n%s", s)
	}
	last := strings.Split(strings.TrimSpace(s), "\n")
	if !strings.HasPrefix(last[len(last)-1], "summary attribution_f1=") {
		t.Errorf("no summary line last:\n%s", s)
	}
	f, err := os.Open(jsonOut)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	preds, err := eval.ReadPreds(f)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := preds["doc1"]; !ok || len(preds["doc1"]) == 0 {
		t.Errorf("predictions %v", preds)
	}
	// the printed figures are those of scoring the written predictions
	gold, _ := eval.LoadGold(dir)
	var b strings.Builder
	eval.Score(gold, preds).Print(&b)
	if b.String() != s {
		t.Errorf("printed:\n%s\nrescored:\n%s", s, b.String())
	}
}

func TestRunEvalUsage(t *testing.T) {
	var out, errb bytes.Buffer
	if err := runEval(context.Background(), nil, &out, &errb); err == nil {
		t.Error("no error without arguments")
	}
	if err := runEval(context.Background(), []string{"polnear"}, &out, &errb); err == nil {
		t.Error("no error without DIR")
	}
	if err := runEval(context.Background(), []string{"polnear", t.TempDir()}, &out, &errb); err == nil {
		t.Error("no error for a directory without attributions/")
	}
}

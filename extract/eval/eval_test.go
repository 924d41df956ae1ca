package eval_test

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
)

// sharedDir finds ../shared relative to the repository root (the directory holding
// go.mod), or skips the test.
func sharedDir(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "polnear", "dev")); err != nil {
		t.Skipf("skipping: %s not present (needs ../shared/polnear/dev)", shared)
	}
	return shared
}

func writeJSONL(t *testing.T, lines []eval.PredLine) string {
	path := filepath.Join(t.TempDir(), "pred.jsonl")
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func pythonScore(t *testing.T, shared, gold, pred string) string {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not found")
	}
	out, err := exec.Command("python3", filepath.Join(shared, "tools", "score_attrib.py"), gold, pred).CombinedOutput()
	if err != nil {
		t.Fatalf("score_attrib.py: %v\n%s", err, out)
	}
	return string(out)
}

func predLine(path string, d *extract.Document) eval.PredLine {
	l := eval.PredLine{Path: path}
	conv := func(s extract.Span) *eval.PredSpan {
		return &eval.PredSpan{Start: s.Start, End: s.End, Fragments: s.Fragments}
	}
	for _, a := range d.Attributions {
		p := eval.PredAttr{Cue: conv(a.Cue), Content: conv(a.Content)}
		if a.Source != nil {
			p.Source = conv(*a.Source)
		}
		l.Attributions = append(l.Attributions, p)
	}
	return l
}

// TestAgreesWithReferenceScorer runs the extractor over PolNeAR dev, scores the
// predictions with this package and with ../shared/tools/score_attrib.py, and requires
// identical output. A second round scores deliberately damaged predictions (shifted,
// fragmented, missing sources, duplicated, a missing document) to exercise every
// branch of the matching rule.
func TestAgreesWithReferenceScorer(t *testing.T) {
	shared := sharedDir(t)
	dev := filepath.Join(shared, "polnear", "dev")
	gold, err := eval.LoadGold(dev)
	if err != nil {
		t.Fatal(err)
	}
	var lines, damaged []eval.PredLine
	for k, g := range gold {
		path := filepath.Join(dev, "text", g.Name+".txt")
		l := predLine(path, extract.Extract(string(g.Text)))
		lines = append(lines, l)
		if k == 3 {
			continue // a document without prediction
		}
		dl := eval.PredLine{Path: path}
		for i, a := range l.Attributions {
			switch i % 5 {
			case 0: // shift the content start
				c := *a.Content
				if c.End-c.Start > 4 {
					c.Start += 3
					c.Fragments = nil
				}
				a.Content = &c
			case 1: // drop the source
				a.Source = nil
			case 2: // split the content into two fragments
				c := *a.Content
				if c.End-c.Start > 6 {
					mid := (c.Start + c.End) / 2
					c.Fragments = [][2]int{{c.Start, mid - 1}, {mid + 1, c.End}}
				}
				a.Content = &c
			case 3: // duplicate
				dl.Attributions = append(dl.Attributions, a)
			}
			dl.Attributions = append(dl.Attributions, a)
		}
		damaged = append(damaged, dl)
	}
	for name, ls := range map[string][]eval.PredLine{"extractor": lines, "damaged": damaged} {
		t.Run(name, func(t *testing.T) {
			path := writeJSONL(t, ls)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			preds, err := eval.ReadPreds(f)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			eval.Score(gold, preds).Print(&b)
			want := pythonScore(t, shared, dev, path)
			if b.String() != want {
				t.Errorf("Go scorer:\n%s\nscore_attrib.py:\n%s", b.String(), want)
			}
			t.Logf("%s", strings.TrimSpace(b.String()))
		})
	}
}

// TestScoreSmall checks the matching rule on a hand-made document.
func TestScoreSmall(t *testing.T) {
	text := []rune(`Officials said that the bridge would reopen. "It is safe," she said: fine.`)
	ann := "T1\tSource 0 9\tOfficials\nT2\tCue 10 14\tsaid\nT3\tContent 15 43\tthat...\n" +
		"E1\tAttribution:T2 Cue:T2 Content:T3 Source:T1\n" +
		"T4\tContent 45 58\t\"It is safe,\"\nT5\tCue 63 67\tsaid\nT6\tSource 59 62\tshe\n" +
		"E2\tAttribution:T5 Cue:T5 Content:T4 Source:T6\n"
	attrs, err := eval.ParseAnn(ann)
	if err != nil {
		t.Fatal(err)
	}
	gold := []eval.Doc{{Name: "x", Text: text, Attrs: attrs}}
	preds := map[string][]eval.Attr{"x": {
		{Cue: []eval.Frag{{10, 14}}, Content: []eval.Frag{{20, 43}}, Source: []eval.Frag{{0, 9}}}, // matched, content partial
		{Cue: []eval.Frag{{67, 68}}, Content: []eval.Frag{{69, 73}}},                              // ":" cue, no match
	}}
	r := eval.Score(gold, preds)
	if r.Gold != 2 || r.Predicted != 2 || r.Matched != 1 {
		t.Fatalf("counts %+v", r)
	}
	if r.Attribution.P != 0.5 || r.Attribution.R != 0.5 {
		t.Errorf("attribution %+v", r.Attribution)
	}
	if r.Source.P != 1 || r.Source.R != 0.5 {
		t.Errorf("source %+v", r.Source)
	}
	// content tokens: gold 1 has 5 words, prediction 1 covers 4 of them; gold 2 has 3
	// unmatched; prediction 2 has 1 unmatched ("fine").
	if p, r := r.ContentToken.P, r.ContentToken.R; p != 4.0/5 || r != 4.0/8 {
		t.Errorf("content tokens P %v R %v", p, r)
	}
	// the ":" cue trims to nothing and is left out of exact matching
	if r.Exact["cue"].P != 1 || r.Exact["cue"].R != 0.5 || r.Exact["source"].R != 0.5 || r.Exact["content"].P != 0 {
		t.Errorf("exact %+v", r.Exact)
	}
}

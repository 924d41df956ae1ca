package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
)

// runEval implements "claimgraph eval polnear DIR [--json-out FILE]": it runs the
// extractor over DIR/text/*.txt of a PolNeAR-format directory, scores the attributions
// against DIR/attributions with the matching rule of ../shared/tools/score_attrib.py
// (package extract/eval) and prints the same figures and summary line. --json-out
// writes the predictions as JSON Lines in the reference scorer's input format
// ({"path", "attributions": [{"cue", "source", "content"}]}), so the figures can be
// checked with: python3 score_attrib.py DIR FILE.
//
// "claimgraph eval disputes ..." scores disputes instead (eval_disputes.go), and
// "claimgraph eval facts ..." the must-find facts of the out-of-domain set (eval_facts.go),
// and "claimgraph eval graph ..." the graph as a whole (eval_graph.go).
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		switch args[0] {
		case "facts":
			return runEvalFacts(ctx, args[1:], stdout, stderr)
		case "disputes":
			return runEvalDisputes(ctx, args[1:], stdout, stderr)
		case "graph":
			return runEvalGraph(ctx, args[1:], stdout, stderr)
		}
	}
	if len(args) == 0 || args[0] != "polnear" {
		fmt.Fprintln(stderr, "usage: claimgraph eval polnear DIR [--json-out FILE]")
		fmt.Fprintln(stderr, "       "+disputeUsage[len("usage: "):])
		fmt.Fprintln(stderr, "       "+factsUsage[len("usage: "):])
		fmt.Fprintln(stderr, "       "+graphUsage[len("usage: "):])
		return errors.New("eval: expected the dataset kind \"polnear\", \"disputes\", \"facts\" or \"graph\"")
	}
	fs := flag.NewFlagSet("eval polnear", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jsonOut := fs.String("json-out", "", "write the predictions as JSON Lines (score_attrib.py input) to `FILE`")
	// accept the flag before or after DIR
	var dir string
	rest := args[1:]
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			return err
		}
		rest = fs.Args()
		if len(rest) > 0 {
			if dir != "" {
				return fmt.Errorf("eval: unexpected argument %q", rest[0])
			}
			dir, rest = rest[0], rest[1:]
		}
	}
	if dir == "" {
		fmt.Fprintln(stderr, "usage: claimgraph eval polnear DIR [--json-out FILE]")
		return errors.New("eval: missing DIR")
	}
	gold, err := eval.LoadGold(dir)
	if err != nil {
		return err
	}
	preds := make(map[string][]eval.Attr, len(gold))
	lines := make([]eval.PredLine, 0, len(gold))
	for _, g := range gold {
		if err := ctx.Err(); err != nil {
			return err
		}
		d := extract.Extract(string(g.Text))
		line := predictionLine(filepath.Join(dir, "text", g.Name+".txt"), d)
		lines = append(lines, line)
		preds[g.Name] = line.ToAttrs()
	}
	if *jsonOut != "" {
		if err := writePredictions(*jsonOut, lines); err != nil {
			return err
		}
	}
	eval.Score(gold, preds).Print(stdout)
	return nil
}

// predictionLine converts a document's attributions to the scorer's prediction line.
func predictionLine(path string, d *extract.Document) eval.PredLine {
	conv := func(s extract.Span) *eval.PredSpan {
		return &eval.PredSpan{Start: s.Start, End: s.End, Fragments: s.Fragments}
	}
	l := eval.PredLine{Path: path, Attributions: []eval.PredAttr{}}
	for _, a := range d.Attributions {
		p := eval.PredAttr{Cue: conv(a.Cue), Content: conv(a.Content)}
		if a.Source != nil {
			p.Source = conv(*a.Source)
		}
		l.Attributions = append(l.Attributions, p)
	}
	return l
}

func writePredictions(path string, lines []eval.PredLine) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, l := range lines {
		if err := enc.Encode(l); err != nil {
			f.Close()
			return err
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

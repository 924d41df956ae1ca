package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
)

// defaultFactSet is the committed out-of-domain development set, relative to the
// repository root: "claimgraph eval facts" without DIR uses it when run from there.
const defaultFactSet = "extract/eval/testdata/ood"

// runEvalFacts implements "claimgraph eval facts [DIR]": it runs the extractor over
// every article of a fact set (DIR/*.md with front matter, DIR/facts.jsonl; see
// extract/eval/testdata/ood/README.md) and prints how many must-find facts it finds
// with the right speaker and figure, per article and overall (extract/eval.ScoreFacts).
func runEvalFacts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	dir := defaultFactSet
	switch len(args) {
	case 0:
		if _, err := os.Stat(dir); err != nil {
			fmt.Fprintln(stderr, "usage: claimgraph eval facts [DIR]")
			return fmt.Errorf("eval facts: no DIR given and %s not found (run from the repository root)", dir)
		}
	case 1:
		dir = args[0]
	default:
		fmt.Fprintln(stderr, "usage: claimgraph eval facts [DIR]")
		return errors.New("eval facts: expected at most one DIR")
	}
	arts, gold, err := eval.LoadFactSet(dir)
	if err != nil {
		return err
	}
	preds := make(map[string][]eval.FactPrediction, len(arts))
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		preds[a.ID] = factPredictions(extract.Extract(a.Body))
	}
	fmt.Fprintf(stdout, "%d articles, %d facts in %s\n", len(arts), len(gold), dir)
	eval.ScoreFacts(gold, preds).Print(stdout)
	return nil
}

// factPredictions converts a document's claims and attribution contents into the
// facts scorer's predictions: span, the resolved speaker's name and aliases, and the
// quantities of the claim (an attribution takes those of the claim made from it).
func factPredictions(d *extract.Document) []eval.FactPrediction {
	names := map[string][]string{}
	for _, e := range d.Entities {
		names[e.ID] = append([]string{e.Name}, e.Aliases...)
	}
	speaker := func(id *string) []string {
		if id == nil {
			return nil
		}
		return names[*id]
	}
	byAttr := map[string][]eval.PredQuantity{}
	var out []eval.FactPrediction
	for _, c := range d.Claims {
		qs := make([]eval.PredQuantity, 0, len(c.Quantities))
		for _, q := range c.Quantities {
			qs = append(qs, eval.PredQuantity{Value: q.Value, Max: q.Max, Qualifier: q.Qualifier})
		}
		if c.Attribution != nil {
			byAttr[*c.Attribution] = append(byAttr[*c.Attribution], qs...)
		}
		out = append(out, eval.FactPrediction{Start: c.Span.Start, End: c.Span.End, Speaker: speaker(c.Speaker), Quantities: qs})
	}
	for _, a := range d.Attributions {
		out = append(out, eval.FactPrediction{Start: a.Content.Start, End: a.Content.End,
			Speaker: speaker(a.Speaker), Quantities: byAttr[a.ID]})
	}
	return out
}

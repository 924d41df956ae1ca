package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
)

// defaultFactSet is the committed out-of-domain development set, relative to the
// repository root: "claimgraph eval facts" without DIR uses it when run from there.
const defaultFactSet = "extract/eval/testdata/ood"

// factsUsage is the usage line of "claimgraph eval facts".
const factsUsage = "usage: claimgraph eval facts [--only IDS] [--exclude IDS] [--overall | --misses] [DIR]"

// runEvalFacts implements "claimgraph eval facts [flags] [DIR]": it runs the extractor
// over every article of a fact set (DIR/*.md with front matter, DIR/facts.jsonl; see
// extract/eval/testdata/ood/README.md) and prints how many must-find facts it finds
// with the right speaker and figure, per article and overall (extract/eval.ScoreFacts).
//
// --only and --exclude take comma-separated article ids and score a part of the set
// (an id that names no article is an error, so a typo cannot silently empty a half);
// --overall prints the overall lines without the per-article rows, so that the score of
// a part kept unseen by whoever tunes the extractor can be read without its details.
func runEvalFacts(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval facts", flag.ContinueOnError)
	fs.SetOutput(stderr)
	only := fs.String("only", "", "score only these comma-separated article `IDS`")
	exclude := fs.String("exclude", "", "leave out these comma-separated article `IDS`")
	overall := fs.Bool("overall", false, "print only the overall figures, not one row per article")
	misses := fs.Bool("misses", false, "also list every missed fact with the overlapping predictions (tuning sets only; cannot be combined with --overall)")
	var dirs []string
	for rest := args; len(rest) > 0; {
		if err := fs.Parse(rest); err != nil {
			fmt.Fprintln(stderr, factsUsage)
			return err
		}
		rest = fs.Args()
		if len(rest) > 0 {
			dirs, rest = append(dirs, rest[0]), rest[1:]
		}
	}
	dir := defaultFactSet
	switch len(dirs) {
	case 0:
		if _, err := os.Stat(dir); err != nil {
			fmt.Fprintln(stderr, factsUsage)
			return fmt.Errorf("eval facts: no DIR given and %s not found (run from the repository root)", dir)
		}
	case 1:
		dir = dirs[0]
	default:
		fmt.Fprintln(stderr, factsUsage)
		return errors.New("eval facts: expected at most one DIR")
	}
	arts, gold, err := eval.LoadFactSet(dir)
	if err != nil {
		return err
	}
	if *misses && *overall {
		return errors.New("eval facts: --misses lists articles' facts one by one; it cannot be combined with --overall, which is for sets kept unseen")
	}
	if arts, gold, err = selectFactArticles(arts, gold, idList(*only), idList(*exclude)); err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	preds := make(map[string][]eval.FactPrediction, len(arts))
	for _, a := range arts {
		if err := ctx.Err(); err != nil {
			return err
		}
		preds[a.ID] = factPredictions(extract.Extract(a.Body))
	}
	fmt.Fprintf(stdout, "%d articles, %d facts in %s\n", len(arts), len(gold), dir)
	res := eval.ScoreFacts(gold, preds)
	if *overall {
		res.PrintOverall(stdout)
	} else {
		res.Print(stdout)
	}
	if *misses {
		eval.PrintMisses(stdout, eval.MissedFacts(gold, preds))
	}
	return nil
}

// idList splits a comma-separated list of article ids, dropping empty items.
func idList(s string) []string {
	var out []string
	for _, id := range strings.Split(s, ",") {
		if id = strings.TrimSpace(id); id != "" {
			out = append(out, id)
		}
	}
	return out
}

// selectFactArticles keeps the articles named by only (all when only is empty) minus
// those named by exclude, and the gold facts of the kept articles. Every id must name an
// article of the set: a misspelt id is an error rather than a silently different part.
func selectFactArticles(arts []eval.FactArticle, gold []eval.GoldFact, only, exclude []string) ([]eval.FactArticle, []eval.GoldFact, error) {
	known := make(map[string]bool, len(arts))
	for _, a := range arts {
		known[a.ID] = true
	}
	in := func(ids []string) (map[string]bool, error) {
		m := make(map[string]bool, len(ids))
		for _, id := range ids {
			if !known[id] {
				return nil, fmt.Errorf("article %q is not in the set (ids are the file names without .md)", id)
			}
			m[id] = true
		}
		return m, nil
	}
	keep, err := in(only)
	if err != nil {
		return nil, nil, err
	}
	drop, err := in(exclude)
	if err != nil {
		return nil, nil, err
	}
	kept := func(id string) bool { return (len(keep) == 0 || keep[id]) && !drop[id] }
	var outA []eval.FactArticle
	for _, a := range arts {
		if kept(a.ID) {
			outA = append(outA, a)
		}
	}
	if len(outA) == 0 {
		return nil, nil, errors.New("--only and --exclude leave no article to score")
	}
	var outG []eval.GoldFact
	for _, g := range gold {
		if kept(g.Doc) {
			outG = append(outG, g)
		}
	}
	return outA, outG, nil
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

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/extract/eval"
	"github.com/claimgraph/claimgraph/extract/eval/disputes"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// disputeUsage is the usage line of "claimgraph eval disputes".
const disputeUsage = "usage: claimgraph eval disputes [--split tune|report|check|all] [--corpus DIR] [--json] [--stages] [FILE or DIR]"

// defaultDisputeDir is the committed dispute annotation set, relative to the
// repository root.
const defaultDisputeDir = "extract/eval/disputes/testdata"

// runEvalDisputes implements "claimgraph eval disputes": it runs the extractor over
// every document of a dispute annotation set and prints precision and recall per
// shape (package extract/eval/disputes, matching rule in its documentation). The set is DIR
// (documents_SPLIT.txt and disputes_SPLIT.jsonl, default extract/eval/disputes/testdata)
// for the chosen split (tune: PolNeAR train articles; report: dev articles; check:
// train articles not in tune, never tuned on; all: tune and report),
// or one disputes JSONL FILE whose documents are those it names. Article texts are
// read from the corpus directory (default ../shared/polnear): CORPUS/train/text,
// CORPUS/dev/text or CORPUS/text, NAME.txt.
func runEvalDisputes(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval disputes", flag.ContinueOnError)
	fs.SetOutput(stderr)
	split := fs.String("split", "tune", "annotation split: tune, report, check or all (tune and report)")
	corpus := fs.String("corpus", "../shared/polnear", "directory holding the article texts (`DIR`/train/text, DIR/dev/text or DIR/text)")
	asJSON := fs.Bool("json", false, "print the result as JSON (with every case and false positive)")
	stages := fs.Bool("stages", false, "also print the missed cases by the pipeline stage that lost them (counts only, allowed on held-out sets)")
	path, err := parseOneArg(fs, args)
	if err != nil {
		fmt.Fprintln(stderr, disputeUsage)
		return err
	}
	if path == "" {
		path = defaultDisputeDir
	}
	set, err := loadDisputeSet(path, *split)
	if err != nil {
		return err
	}
	docs := make(map[string]*extract.Document, len(set.Docs))
	for _, name := range set.Docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		text, err := readCorpusArticle(*corpus, name)
		if err != nil {
			return err
		}
		docs[name] = extract.Extract(text)
	}
	tmp, err := os.MkdirTemp("", "claimgraph-eval-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	res := disputes.Score(set, docs, extractorDisputeHooks(ctx, tmp, stderr))
	if *asJSON {
		return res.WriteJSON(stdout)
	}
	res.Print(stdout)
	if *stages {
		res.PrintStages(stdout)
	}
	return nil
}

// extractorDisputeHooks says what the extractor offers the dispute scorer: each
// dispute's shape (graph.DisputeShape, "unknown" when it has none) and the
// within-article conflicts that the real ingest path finds (within-article numeric
// conflicts and counter-claims become ClaimLinks of kind conflicts, not disputes), so
// counterclaim and figures cases are scored on what a user of the graph would see.
// Conflict lookups write each article into a throwaway embedded store under tmp.
func extractorDisputeHooks(ctx context.Context, tmp string, stderr io.Writer) disputes.Hooks {
	n := 0
	return disputes.Hooks{
		Shape: func(d extract.Dispute) string {
			if d.Shape == "" {
				return "unknown"
			}
			return string(d.Shape)
		},
		Conflicts: func(d *extract.Document) [][2]extract.Span {
			n++
			pairs, err := ingestedConflicts(ctx, filepath.Join(tmp, fmt.Sprintf("a%d.db", n)), d)
			if err != nil {
				// the scorer has no error path: a failed lookup scores as no conflict,
				// and says so
				fmt.Fprintf(stderr, "eval disputes: conflicts of one article not read: %v\n", err)
			}
			return pairs
		},
	}
}

// ingestedConflicts writes the extracted article alone into a new embedded store at
// path, through the ingest path's reasoning, and returns the content spans of every
// pair of its claims that the store links as conflicting.
func ingestedConflicts(ctx context.Context, path string, d *extract.Document) ([][2]extract.Span, error) {
	st, err := embedded.Open(ctx, path, &embedded.Options{NoSync: true})
	if err != nil {
		return nil, err
	}
	defer func() { _ = st.Close(ctx); _ = os.Remove(path) }()
	bundle := extract.ToGraph(extract.ArticleMeta{}, d)
	res, err := ingest.New(st, nil, ingest.Options{}).IngestGraph(ctx, bundle, ingest.Unlinked(bundle, extract.Disputes(d, bundle.Outlet)))
	if err != nil {
		return nil, err
	}
	g, err := st.ArticleGraph(ctx, res.ArticleID)
	if err != nil {
		return nil, err
	}
	spans := map[string][]graph.Span{}
	for _, s := range g.Statements {
		spans[s.ClaimID] = append(spans[s.ClaimID], s.Content)
	}
	var out [][2]extract.Span
	for _, l := range g.Links {
		if l.Kind != graph.LinkConflicts {
			continue
		}
		for _, a := range spans[l.From] {
			for _, b := range spans[l.To] {
				out = append(out, [2]extract.Span{a, b})
			}
		}
	}
	return out, nil
}

// parseOneArg parses flags placed before or after at most one positional argument.
func parseOneArg(fs *flag.FlagSet, args []string) (string, error) {
	var arg string
	rest := args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			return "", err
		}
		rest = fs.Args()
		if len(rest) > 0 {
			if arg != "" {
				return "", fmt.Errorf("eval disputes: unexpected argument %q", rest[0])
			}
			arg, rest = rest[0], rest[1:]
		}
	}
	return arg, nil
}

// loadDisputeSet reads a directory's split(s), or a single JSONL file.
func loadDisputeSet(path, split string) (disputes.Set, error) {
	st, err := os.Stat(path)
	if err != nil {
		return disputes.Set{}, err
	}
	if !st.IsDir() {
		set, err := disputes.LoadFile(path)
		if err != nil {
			return disputes.Set{}, fmt.Errorf("%s: %w", path, err)
		}
		return set, nil
	}
	splits := []string{split}
	switch split {
	case "all":
		splits = disputes.CombinedSplits
	case "tune", "report", "check":
	default:
		return disputes.Set{}, fmt.Errorf("eval disputes: unknown split %q (tune, report, check or all)", split)
	}
	var set disputes.Set
	for _, s := range splits {
		part, err := disputes.Load(path, s)
		if err != nil {
			return disputes.Set{}, err
		}
		set = set.Merge(part)
	}
	return set, nil
}

// readCorpusArticle finds NAME.txt under the corpus directory (or NAME.md, the body of
// a Markdown article with front matter) and returns it with
// universal newlines, as the annotation offsets assume.
func readCorpusArticle(corpus, name string) (string, error) {
	for _, sub := range []string{"train/text", "dev/text", "text"} {
		b, err := os.ReadFile(filepath.Join(corpus, sub, name+".txt"))
		if err == nil {
			return eval.UniversalNewlines(string(b)), nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
	}
	// a Markdown evaluation set (extract/eval/testdata/ood): NAME.md with front matter
	if a, err := eval.ReadMarkdownArticle(filepath.Join(corpus, name+".md")); err == nil {
		return eval.UniversalNewlines(a.Body), nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	return "", fmt.Errorf("eval disputes: article %q not found under %s (train/text, dev/text, text, NAME.md)", name, corpus)
}

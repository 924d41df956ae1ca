package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

const graphUsage = "usage: claimgraph eval graph [--data DIR] [--metadata FILE] [--sample N] [--list] [PATH...]"

// runEvalGraph implements "claimgraph eval graph": issue 7's figures of the graph as
// a whole (ingest.CountGraph): claims, disputes and how many reach another article's
// claim, conflict and corroboration links, and the share of claims whose
// contradictions answer is non-empty. With PATHs it first ingests their articles in
// order into a fresh embedded store (in a temporary directory, or --data DIR if it
// does not exist yet); without, it counts the store of --data (after "claimgraph
// ingest --data DIR"). --metadata gives the articles outlets and dates
// (corpus.ApplyMetadataFile, PolNeAR's metadata.tsv); --sample N keeps every k-th
// article so that N remain.
func runEvalGraph(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval graph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "directory of the embedded store to fill (PATHs given) or count (none)")
	meta := fs.String("metadata", "", "tab-separated `FILE` with columns filename, publisher, publication_date")
	list := fs.Bool("list", false, "also list every dispute of another article's claim and every link, with both claims")
	sample := fs.Int("sample", 0, "keep `N` articles, evenly spaced over the sorted list (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, graphUsage)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 && *data == "" {
		fs.Usage()
		return errors.New("eval graph: give article PATHs to ingest, or --data DIR of a store to count")
	}
	dir := *data
	if len(paths) > 0 {
		if dir == "" {
			tmp, err := os.MkdirTemp("", "claimgraph-evalgraph-")
			if err != nil {
				return err
			}
			defer os.RemoveAll(tmp)
			dir = tmp
		} else if _, err := os.Stat(filepath.Join(dir, "graph.db")); err == nil {
			return fmt.Errorf("eval graph: %s already holds a store: give a new directory, or no PATHs to count it", dir)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	s, err := embedded.Open(ctx, filepath.Join(dir, "graph.db"), &embedded.Options{NoSync: len(paths) > 0})
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
	if len(paths) > 0 {
		arts, err := loadEvalArticles(paths)
		if err != nil {
			return err
		}
		slices.SortStableFunc(arts, func(a, b corpus.Article) int { return strings.Compare(a.Path, b.Path) })
		if *sample > 0 && *sample < len(arts) {
			var kept []corpus.Article
			for i := 0; i < *sample; i++ {
				kept = append(kept, arts[i*len(arts) / *sample])
			}
			arts = kept
		}
		if *meta != "" {
			if _, err := corpus.ApplyMetadataFile(*meta, arts); err != nil {
				return err
			}
		}
		ing := ingest.New(s, extract.Extractor{}, ingest.Options{})
		failed := 0
		_, err = ing.IngestAll(ctx, corpus.Inputs(arts), ingest.PipelineOptions{Workers: runtime.GOMAXPROCS(0), Batch: 1}, func(_ int, r ingest.BatchResult) {
			if r.Err != nil {
				fmt.Fprintf(stderr, "skipped: %s\n", graph.ErrorMessage(r.Err))
				failed++
			}
		})
		if err != nil {
			return err
		}
		if failed > 0 {
			fmt.Fprintf(stdout, "skipped         %d\n", failed)
		}
	}
	var lw io.Writer
	if *list {
		lw = stdout
	}
	st, err := ingest.CountGraph(ctx, s, lw)
	if err != nil {
		return err
	}
	st.Print(stdout)
	return nil
}

// evalFrontKeys are the front-matter keys corpus.ParseText knows; the evaluation sets
// (extract/eval/testdata/ood*) add others (license, retrieved) and undated "published"
// values ("not given (May 2025 events)").
var evalFrontKeys = []string{"id", "url", "title", "outlet", "authors", "published", "source_file", "notes"}

// loadEvalArticles loads articles like loadArticles, except that a Markdown file's
// front matter keeps only the keys corpus knows and a published date it can read, so
// the annotated evaluation sets load as they are.
func loadEvalArticles(paths []string) ([]corpus.Article, error) {
	var out []corpus.Article
	for _, p := range paths {
		var files []string
		if st, err := os.Stat(p); err != nil {
			return nil, err
		} else if st.IsDir() {
			ents, err := os.ReadDir(p)
			if err != nil {
				return nil, err
			}
			for _, e := range ents {
				if !e.IsDir() && (strings.HasSuffix(e.Name(), ".md") || strings.HasSuffix(e.Name(), ".txt")) && e.Name() != "README.md" {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
		} else {
			files = append(files, p)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			a, err := corpus.ParseText(f, lenientFrontMatter(b))
			if err != nil {
				return nil, err
			}
			out = append(out, a)
		}
	}
	return out, nil
}

// lenientFrontMatter drops the front-matter lines whose key corpus does not know, and a
// published value that is no date.
func lenientFrontMatter(b []byte) []byte {
	s := string(b)
	if !strings.HasPrefix(s, "---\n") {
		return b
	}
	end := strings.Index(s[4:], "\n---")
	if end < 0 {
		return b
	}
	var kept []string
	for _, l := range strings.Split(s[4:4+end], "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok || !slices.Contains(evalFrontKeys, strings.TrimSpace(k)) {
			continue
		}
		if strings.TrimSpace(k) == "published" {
			if _, err := corpus.ParseDate(strings.TrimSpace(v)); err != nil {
				continue
			}
		}
		kept = append(kept, l)
	}
	return []byte("---\n" + strings.Join(kept, "\n") + s[4+end:])
}

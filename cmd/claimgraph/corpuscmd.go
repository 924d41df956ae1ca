package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"unicode/utf8"

	"github.com/claimgraph/claimgraph/corpus"
)

// loadArticles reads the given files and directories, or the built-in corpus when
// there are none.
func loadArticles(paths []string) ([]corpus.Article, error) {
	if len(paths) == 0 {
		return corpus.Default()
	}
	var out []corpus.Article
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("cannot read %s: %w", p, err)
		}
		var arts []corpus.Article
		if st.IsDir() {
			arts, err = corpus.Load(os.DirFS(p), ".")
			for i := range arts {
				arts[i].Path = p + "/" + arts[i].Path
			}
		} else {
			arts, err = corpus.ReadFile(p)
			if err == nil && arts == nil {
				err = fmt.Errorf("%s: not an article file (want .md, .markdown, .txt or .jsonl)", p)
			}
		}
		if err != nil {
			return nil, err
		}
		out = append(out, arts...)
	}
	return out, nil
}

// runCorpus lists the articles of a collection (the built-in corpus by default).
func runCorpus(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph corpus [PATH...]\nLists the articles of files and directories (default: the built-in corpus).")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	arts, err := loadArticles(fs.Args())
	if err != nil {
		return err
	}
	for _, a := range arts {
		outlet, date := a.Outlet, a.Published.Value
		if outlet == "" {
			outlet = "outlet unknown"
		}
		if date == "" {
			date = "date unknown"
		}
		fmt.Fprintf(stdout, "%s\t%d chars\t%s\t%s\t%s\n", a.ID, utf8.RuneCountInString(a.Text), outlet, date, a.Path)
	}
	return nil
}

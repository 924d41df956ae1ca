package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
)

// runExtract is `claimgraph extract [--json] FILE...`: it runs the extractor over each
// file ("-" reads standard input) and prints what it found, readable by default or,
// with --json, one JSON object per file per line in input order (format:
// extract/FORMAT.md). A file that starts with "---" front matter (as in the corpus)
// is read without it, and offsets count from the first character after it.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("extract", flag.ContinueOnError)
	fl.SetOutput(stderr)
	asJSON := fl.Bool("json", false, "print one JSON object per file per line (JSON Lines)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph extract [--json] FILE...   (FILE may be - for standard input)")
		fl.PrintDefaults()
	}
	// flags may come before or after the files ("extract a.txt --json"); "--" ends them
	var files []string
	for len(args) > 0 {
		if err := fl.Parse(args); err != nil {
			return err
		}
		rest := fl.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			files = append(files, rest...)
			break
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
	if len(files) == 0 {
		fl.Usage()
		return fmt.Errorf("extract: no input files")
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, p := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		text, err := readArticle(p)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		d := extract.Extract(text)
		out := extract.NewOutput(p, d)
		if *asJSON {
			if err := enc.Encode(out); err != nil {
				return err
			}
			continue
		}
		printReadable(stdout, out)
	}
	return nil
}

// readArticle reads a file's article text, without front matter when it has some.
func readArticle(p string) (string, error) {
	var data []byte
	var err error
	if p == "-" {
		data, err = io.ReadAll(io.LimitReader(os.Stdin, corpus.MaxFileBytes+1))
	} else {
		data, err = os.ReadFile(p)
	}
	if err != nil {
		return "", err
	}
	if len(data) > corpus.MaxFileBytes {
		return "", fmt.Errorf("%s: over the %d-byte limit per file", p, corpus.MaxFileBytes)
	}
	if bytes.HasPrefix(data, []byte("---\n")) || bytes.HasPrefix(data, []byte("---\r\n")) {
		if a, err := corpus.ParseText(p, data); err == nil {
			return a.Text, nil
		}
	}
	return string(data), nil
}

func printReadable(w io.Writer, o extract.Output) {
	names := map[string]string{}
	for _, e := range o.Entities {
		names[e.ID] = e.Name
	}
	name := func(id *string) string {
		if id == nil {
			return "(none)"
		}
		if n, ok := names[*id]; ok {
			return n
		}
		return *id
	}
	claims := map[string]string{}
	for _, c := range o.Claims {
		claims[c.ID] = c.Text
	}
	fmt.Fprintf(w, "== %s\n", o.Path)
	for _, wmsg := range o.Warnings {
		fmt.Fprintf(w, "warning: %s\n", wmsg)
	}
	fmt.Fprintf(w, "entities (%d):\n", len(o.Entities))
	for _, e := range o.Entities {
		fmt.Fprintf(w, "  %-10s %s", e.Kind, e.Name)
		if len(e.Aliases) > 0 {
			fmt.Fprintf(w, "  aka %s", strings.Join(e.Aliases, "; "))
		}
		if len(e.Roles) > 0 {
			fmt.Fprintf(w, "  — %s", strings.Join(e.Roles, "; "))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "attributions (%d):\n", len(o.Attributions))
	for _, a := range o.Attributions {
		sp := name(a.Speaker)
		for _, c := range a.CoSpeakers {
			sp += " + " + name(&c)
		}
		fmt.Fprintf(w, "  %s %-8s %s [%s]", a.ID, a.Kind, sp, a.Cue.Text)
		if len(a.Via) > 0 {
			var vs []string
			for _, v := range a.Via {
				vs = append(vs, name(&v))
			}
			fmt.Fprintf(w, " via %s", strings.Join(vs, ", "))
		}
		fmt.Fprintf(w, "\n      %q\n", a.Content.Text)
	}
	fmt.Fprintf(w, "claims (%d):\n", len(o.Claims))
	for _, c := range o.Claims {
		fmt.Fprintf(w, "  %s %-11s %-10s %s: %q\n", c.ID, c.Origin, c.Modality, name(c.Speaker), c.Text)
		for _, q := range c.Quantities {
			fmt.Fprintf(w, "      quantity %v", q.Value)
			if q.Max != nil {
				fmt.Fprintf(w, "–%v", *q.Max)
			}
			fmt.Fprintf(w, " %s", q.Unit)
			if q.Qualifier != "" {
				fmt.Fprintf(w, " %s", q.Qualifier)
			}
			if q.Counted != "" {
				fmt.Fprintf(w, " of %q", q.Counted)
			}
			fmt.Fprintf(w, " (%q)\n", q.Text)
		}
	}
	fmt.Fprintf(w, "disputes (%d):\n", len(o.Disputes))
	for _, d := range o.Disputes {
		disputer := name(&d.Disputer)
		if d.Disputer == extract.ArticleVoice {
			disputer = "(the article)" // the article disputes in its own voice
		}
		fmt.Fprintf(w, "  %s %s %s [%s]", d.ID, disputer, d.Kind, d.Cue.Text)
		if d.Target != nil {
			fmt.Fprintf(w, " agent %s", name(d.Target))
		}
		if d.Claim != nil {
			fmt.Fprintf(w, " claim %q", claims[*d.Claim])
		}
		fmt.Fprintln(w)
	}
}

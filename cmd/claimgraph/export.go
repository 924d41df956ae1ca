package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/export"
)

// runExport writes the store, or the part its filters select, in a researchers' format
// (package export): to stdout or --out FILE for one-file formats, into --out DIR for
// multi-file ones (neo4j-csv, dataset, neo4j-store).
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := storeFlag(fs)
	format := fs.String("format", export.FormatGraphML, "output format (see below)")
	out := fs.String("out", "", "output file (default stdout), or directory for neo4j-csv, neo4j-store and dataset")
	params := map[string]*string{}
	for _, p := range export.FilterParams {
		params[p] = fs.String(p, "", "filter: "+p+" (as GET /v1/export)")
	}
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph export [--data DIR] [filters] --format F [--out FILE|DIR]")
		fmt.Fprintln(stderr, "Filters: the search filters (--q, --speaker, --article, --outlet, --disputed, --has_quantity,")
		fmt.Fprintln(stderr, "--from, --to) or a neighbourhood (--root, --depth, --limit); none exports the whole store.")
		fmt.Fprintln(stderr, "Formats:")
		for _, f := range export.Formats() {
			fmt.Fprintf(stderr, "  %-12s %s\n", f.Name, f.About)
		}
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q: filters are flags (--q WORDS)", fs.Arg(0))
	}
	info, err := export.LookupFormat(*format)
	if err != nil {
		return err
	}
	v := url.Values{}
	fs.Visit(func(fl *flag.Flag) {
		if p, ok := params[fl.Name]; ok {
			v.Set(fl.Name, *p)
		}
	})
	filter, err := export.ParseFilter(v)
	if err != nil {
		return fmt.Errorf("--%v", err)
	}
	var dir export.Dir
	var closeOut func() error
	switch {
	case info.Multi():
		if *out == "" {
			return fmt.Errorf("format %s writes several files (%s): give --out DIR", info.Name, strings.Join(info.Files, ", "))
		}
		d := &export.DiskDir{Path: *out}
		dir, closeOut = d, d.Close
	case *out == "" || *out == "-":
		dir, closeOut = export.OneFile(stdout), func() error { return nil }
	default:
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("create %s: %w", *out, err)
		}
		dir, closeOut = export.OneFile(f), f.Close
	}
	// An export reads each record once: the embedded store's decoded-record cache would
	// only cost time and memory (make bench-export: a third faster, ~260 MB less). Nor
	// does it hand the file's mapped pages back every 500 ms (release.go): a walk of the
	// whole file faults them all in again, which at 959,949 claims cost more system CPU
	// than the export's own (47 s of 90 s); the pages are the file's, not the process's
	// memory, and the process ends with the export.
	store, cfg, err := openStoreWith(ctx, osGetenv, *data, &embedded.Options{CacheEntries: -1, ReleaseMappedEvery: -1})
	if err != nil {
		_ = closeOut()
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	fmt.Fprintln(stderr, "claimgraph export:", cfg)
	meta := export.Meta{Version: export.BuildVersion(), Extractor: export.DefaultExtractor, Store: cfg.Backend}
	counts, err := export.Export(ctx, store, info.Name, filter, meta, dir)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("export %s: %w", info.Name, err)
	}
	fmt.Fprintf(stderr, "claimgraph export: %s: nodes %v, edges %v\n", info.Name, counts.Nodes, counts.Edges)
	return nil
}

// runImport restores a records export (export --format records) into the store. The
// whole file is checked before anything is written.
func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := storeFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph import [--data DIR] FILE|-")
		fmt.Fprintln(stderr, "Writes a records export (claimgraph export --format records) into the store: Neo4j when")
		fmt.Fprintln(stderr, "NEO4J_URI is set, else the embedded store. The file is checked whole first; a bad line")
		fmt.Fprintln(stderr, "is reported with its number and then nothing is written.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("give one records file, or - for standard input")
	}
	in, cleanup, err := seekableInput(fs.Arg(0))
	if err != nil {
		return err
	}
	defer cleanup()
	store, cfg, err := openStore(ctx, osGetenv, *data)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	fmt.Fprintln(stderr, "claimgraph import:", cfg)
	res, err := export.Import(ctx, store, in)
	if err != nil {
		return fmt.Errorf("import %s: %w", fs.Arg(0), err)
	}
	fmt.Fprintf(stdout, "imported %d articles (%d written, %d already stored unchanged)\n", res.Bundles, res.Created, res.Bundles-res.Created)
	return nil
}

// seekableInput opens a file, or spools standard input ("-") to a temporary file, since
// Import reads its input twice.
func seekableInput(name string) (*os.File, func(), error) {
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, err
		}
		return f, func() { _ = f.Close() }, nil
	}
	f, err := os.CreateTemp("", "claimgraph-import-*.jsonl")
	if err != nil {
		return nil, nil, fmt.Errorf("spool standard input (set TMPDIR to a writable directory): %w", err)
	}
	cleanup := func() { _ = f.Close(); _ = os.Remove(f.Name()) }
	if _, err := io.Copy(f, os.Stdin); err != nil {
		cleanup()
		return nil, nil, fmt.Errorf("read standard input: %w", err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		cleanup()
		return nil, nil, err
	}
	return f, cleanup, nil
}

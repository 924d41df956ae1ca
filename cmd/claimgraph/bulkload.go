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
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/corpus"
	"github.com/claimgraph/claimgraph/extract"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// runBulkload is the fast first load of many articles into Neo4j. It ingests the
// articles into a scratch embedded store (extraction on every core, the same
// reasoning across articles as ingest, so the graph is the one ingest would write),
// or takes an embedded store that exists (--from), writes it as neo4j-admin import
// files in the Neo4j store's layout (neo4jstore.WriteImportCSV), runs the --admin
// command on them (it must build the database with `neo4j-admin database import full`
// and have the server serve it: graph/neo4jstore/launcher/neo4j.sh import does, for
// the project's Neo4j), and finishes the imported store (schema, per-claim
// aggregates, version) at NEO4J_URI, checking its counts against the source's.
// Without --admin it stops after the files and says what to run; --finish does the
// last step alone.
func runBulkload(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bulkload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	work := fs.String("work", "bulkload", "working directory: the scratch store (reason.db) and the import files (csv/)")
	from := fs.String("from", "", "an embedded store file to load instead of ingesting articles")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles extracted in parallel")
	batch := fs.Int("batch", 64, "articles per transaction of the scratch store")
	admin := fs.String("admin", "", "command run with the import directory as its last argument, that imports it with neo4j-admin and serves it at NEO4J_URI (e.g. './graph/neo4jstore/launcher/neo4j.sh import')")
	finish := fs.Bool("finish", false, "only finish a store imported from --work's files (schema, aggregates, counts)")
	versionsKeep := fs.String("versions-keep", envDefault(osGetenv, "CLAIMGRAPH_VERSIONS_KEEP", strconv.Itoa(graph.DefaultVersionsKeep)), "earlier versions an article lists in previous_versions, the newest, as serve's --versions-keep; 0 lists all (env CLAIMGRAPH_VERSIONS_KEEP)")
	csvFlag := fs.String("csv", "", "the import files' directory (default WORK/csv); with --finish, also a neo4j-store export's directory")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph bulkload [--work DIR] [--from STORE] [--versions-keep N] [--workers N] [--batch N] [--admin CMD] [--csv DIR] [--finish] [PATH...]")
		fmt.Fprintln(stderr, "First load of many articles into a NEW Neo4j database through neo4j-admin import")
		fmt.Fprintln(stderr, "(NEO4J_URI names the server that serves it). A store with data is added to with ingest.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	keep, err := strconv.Atoi(*versionsKeep)
	if err != nil || keep < 0 {
		return fmt.Errorf("--versions-keep %q: want a number of versions, or 0 to keep all", *versionsKeep)
	}
	if *workers < 1 || *batch < 1 || *batch > maxBatch {
		return fmt.Errorf("--workers %d --batch %d: want at least 1 worker and 1 to %d articles per transaction", *workers, *batch, maxBatch)
	}
	cfg := neo4jstore.ConfigFromEnv(osGetenv)
	csvDir := *csvFlag
	if csvDir == "" {
		csvDir = filepath.Join(*work, "csv")
	}
	if *finish {
		return finishBulkload(ctx, cfg, csvDir, stdout)
	}
	if (*admin != "") && cfg.URI == "" {
		return errors.New("NEO4J_URI is not set: it names the Neo4j that serves the imported database (e.g. bolt://127.0.0.1:7687)")
	}
	start := time.Now()
	src, err := bulkSource(ctx, *work, *from, fs.Args(), *workers, *batch, stderr)
	if err != nil {
		return err
	}
	defer src.Close(context.WithoutCancel(ctx))
	reasoned := time.Now()
	st, err := neo4jstore.WriteImportCSV(ctx, src, csvDir, cfg.Database, neo4jstore.WithVersionsKeep(keep))
	if err != nil {
		return fmt.Errorf("writing the import files into %s: %s", csvDir, graph.ErrorMessage(err))
	}
	if err := src.Close(ctx); err != nil {
		return err
	}
	written := time.Now()
	fmt.Fprintf(stdout, "source: %d articles, %d claims, %d statements, %d agents, %d disputes, %d links\n",
		st.Articles, st.Claims, st.Statements, st.Agents, st.Disputes, st.Links)
	fmt.Fprintf(stdout, "building the graph %s, import files %s (%s)\n",
		reasoned.Sub(start).Round(time.Millisecond), written.Sub(reasoned).Round(time.Millisecond), csvDir)
	if *admin == "" {
		fmt.Fprintf(stdout, "next: stop the Neo4j server, run `neo4j-admin $(cat %s)` in %s (the database must not exist: add --overwrite-destination to replace it), start the server, then `claimgraph bulkload --csv %s --finish` with NEO4J_URI set\n",
			neo4jstore.ImportArgsFile, csvDir, csvDir)
		printPeak(stdout)
		return nil
	}
	cmdline := append(strings.Fields(*admin), csvDir)
	cmd := exec.CommandContext(ctx, cmdline[0], cmdline[1:]...)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("the import command %q failed: %v (its output is above); the files stay in %s", strings.Join(cmdline, " "), err, csvDir)
	}
	imported := time.Now()
	if err := neo4jstore.FinishImport(ctx, cfg, st); err != nil {
		return fmt.Errorf("finishing the imported store at %s: %s", cfg.URI, graph.ErrorMessage(err))
	}
	done := time.Now()
	fmt.Fprintf(stdout, "neo4j-admin import %s, finishing (schema, aggregates, counts checked) %s\n",
		imported.Sub(written).Round(time.Millisecond), done.Sub(imported).Round(time.Millisecond))
	fmt.Fprintf(stdout, "loaded %d articles in %s: %s articles/s\n", st.Articles, done.Sub(start).Round(time.Millisecond),
		fmtRate(float64(st.Articles)/done.Sub(start).Seconds()))
	printPeak(stdout)
	return nil
}

// bulkSource returns the store to load: the embedded store --from names (read-only),
// or a new scratch store in work into which the articles of paths are ingested.
func bulkSource(ctx context.Context, work, from string, paths []string, workers, batch int, stderr io.Writer) (graph.Store, error) {
	if from != "" {
		if len(paths) > 0 {
			return nil, errors.New("give articles or --from STORE, not both")
		}
		return embedded.Open(ctx, from, &embedded.Options{ReadOnly: true, CacheEntries: -1})
	}
	arts, err := loadArticles(paths)
	if err != nil {
		return nil, fmt.Errorf("%v (give article files or directories: .md, .markdown, .txt or .jsonl)", err)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("no articles found in %s", strings.Join(paths, ", "))
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(work, "reason.db")
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("%s exists (an earlier bulk load's scratch store): remove it, or load it with --from %s", path, path)
	}
	s, err := embedded.Open(ctx, path, &embedded.Options{NoSync: true})
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(stderr, "claimgraph bulkload: %d articles, %d extraction workers, reasoning in %s\n", len(arts), workers, path)
	in := ingest.New(s, extract.Extractor{}, ingest.Options{})
	bar := newProgress(stderr, len(arts), time.Now())
	failed := 0
	_, err = in.IngestAll(ctx, corpus.Inputs(arts), ingest.PipelineOptions{Workers: workers, Batch: batch}, func(i int, r ingest.BatchResult) {
		if r.Err != nil {
			bar.clear()
			fmt.Fprintf(stderr, "skipped: %s\n", graph.ErrorMessage(r.Err))
			failed++
		}
		bar.update(i + 1)
	})
	bar.finish()
	if err != nil {
		_ = s.Close(ctx)
		return nil, fmt.Errorf("building the graph in %s: %s", path, graph.ErrorMessage(err))
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "claimgraph bulkload: %d of %d articles were invalid and skipped\n", failed, len(arts))
	}
	return s, nil
}

// finishBulkload finishes a store imported from the files in csvDir.
func finishBulkload(ctx context.Context, cfg neo4jstore.Config, csvDir string, stdout io.Writer) error {
	b, err := os.ReadFile(filepath.Join(csvDir, neo4jstore.ImportCountsFile))
	if err != nil {
		return fmt.Errorf("reading the source's counts: %v (run bulkload without --finish first)", err)
	}
	var want graph.Stats
	if err := json.Unmarshal(b, &want); err != nil {
		return fmt.Errorf("%s: %v", filepath.Join(csvDir, neo4jstore.ImportCountsFile), err)
	}
	t0 := time.Now()
	if err := neo4jstore.FinishImport(ctx, cfg, want); err != nil {
		return fmt.Errorf("finishing the imported store at %s: %s", cfg.URI, graph.ErrorMessage(err))
	}
	fmt.Fprintf(stdout, "finished the imported store (%d articles, %d claims) in %s\n", want.Articles, want.Claims, time.Since(t0).Round(time.Millisecond))
	return nil
}

// printPeak prints the process's peak resident set size (VmHWM), where Linux gives it.
func printPeak(w io.Writer) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			fmt.Fprintf(w, "peak memory of this process (VmHWM): %s\n", strings.TrimSpace(v))
		}
	}
}

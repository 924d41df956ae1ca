// Command bulkperf measures a first load of many generated articles into Neo4j through
// neo4j-admin import: it generates -articles bundles (graph/storetest.GenerateArticles,
// -chunk at a time so that the generator's memory stays bounded), writes them as
// import files (neo4jstore.WriteImportBundles, streaming), runs the -admin command on
// them (by default the project's launcher: `neo4j.sh import DIR` stops the Neo4j of
// NEO4J_PORT, builds a new database with neo4j-admin and serves it), finishes the
// store at NEO4J_URI (neo4jstore.FinishImport: schema, per-claim aggregates, counts
// checked), and prints the time of each phase, articles/s and this process's peak
// memory (neo4j-admin prints its own). `make bench-bulkload` runs it on a Neo4j of its
// own. It prints figures and asserts none beyond the counts check.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
	"github.com/claimgraph/claimgraph/graph/storetest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bulkperf:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bulkperf", flag.ContinueOnError)
	fs.SetOutput(stderr)
	articles := fs.Int("articles", 100_000, "generated articles to load")
	chunk := fs.Int("chunk", 10_000, "articles generated at a time (chunk i uses seed+i)")
	seed := fs.Uint64("seed", 1, "generator seed of the first chunk")
	work := fs.String("work", filepath.Join(".cache", "bulkperf"), "directory of the import files (replaced)")
	admin := fs.String("admin", "./graph/neo4jstore/launcher/neo4j.sh import", "command run with the import directory as its last argument: imports it with neo4j-admin and serves it at NEO4J_URI")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *articles < 1 || *chunk < 1 {
		return errors.New("-articles and -chunk must be positive")
	}
	cfg := neo4jstore.ConfigFromEnv(getenv)
	if cfg.URI == "" {
		return errors.New("NEO4J_URI is not set: it names the Neo4j that serves the imported database")
	}
	dir := filepath.Join(*work, "csv")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	start := time.Now()
	var batch []*graph.ArticleGraph
	made, chunks := 0, uint64(0)
	next := func() (*graph.ArticleGraph, error) {
		if len(batch) == 0 {
			if made == *articles {
				return nil, nil
			}
			n := min(*chunk, *articles-made)
			batch = storetest.GenerateArticles(n, *seed+chunks)
			chunks++
			made += n
		}
		g := batch[0]
		batch[0] = nil
		batch = batch[1:]
		return g, nil
	}
	st, err := neo4jstore.WriteImportBundles(ctx, next, dir, cfg.Database)
	if err != nil {
		return err
	}
	written := time.Now()
	var size int64
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if fi, err := e.Info(); err == nil {
			size += fi.Size()
		}
	}
	fmt.Fprintf(stdout, "generated and wrote %d articles, %d claims, %d statements, %d agents, %d disputes, %d links, %d mentions as import files (%.0f MB) in %s\n",
		st.Articles, st.Claims, st.Statements, st.Agents, st.Disputes, st.Links, st.Mentions, float64(size)/1e6, written.Sub(start).Round(time.Millisecond))
	cmdline := append(strings.Fields(*admin), dir)
	cmd := exec.CommandContext(ctx, cmdline[0], cmdline[1:]...)
	cmd.Stdout, cmd.Stderr = stderr, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %v", strings.Join(cmdline, " "), err)
	}
	imported := time.Now()
	if err := neo4jstore.FinishImport(ctx, cfg, st); err != nil {
		return err
	}
	done := time.Now()
	fmt.Fprintf(stdout, "neo4j-admin import and server start %s, finish (schema, aggregates, counts checked) %s\n",
		imported.Sub(written).Round(time.Millisecond), done.Sub(imported).Round(time.Millisecond))
	total := done.Sub(start)
	fmt.Fprintf(stdout, "loaded %d articles into Neo4j in %s: %.0f articles/s; peak memory of this process (VmHWM) %s\n",
		st.Articles, total.Round(time.Millisecond), float64(st.Articles)/total.Seconds(), peak())
	return nil
}

// peak is the process's peak resident set size from /proc/self/status, or "unknown".
func peak() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

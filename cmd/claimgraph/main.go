// Command claimgraph turns news articles into a source-claim provenance graph and
// serves it to fact-checkers.
//
// Usage:
//
//	claimgraph serve                  start the HTTP API (embedded store unless NEO4J_URI is set)
//	claimgraph ingest [PATH...]       extract articles and write them into the store
//	claimgraph bulkload [PATH...]     first load of many articles into Neo4j through neo4j-admin import
//	claimgraph extract [--json] FILE  print the attributions found in files
//	claimgraph eval polnear DIR       score the extractor on a PolNeAR-format directory
//	claimgraph eval disputes [FILE]   precision and recall per dispute shape
//	claimgraph eval facts [DIR]       must-find facts on the out-of-domain set (--only/--exclude IDS, --overall)
//	claimgraph migrate                upgrade the Neo4j store of NEO4J_URI in place
//	claimgraph export [filters] --format F [--out FILE|DIR]  researchers' formats (graphml, gexf, prov, ...)
//	claimgraph import FILE            restore a records export
//	claimgraph backup --out FILE      copy the embedded store consistently, even while it is written
//	claimgraph restore --in FILE      put a backup in place of the embedded store
//
// Run "claimgraph help" for the configuration each command reads.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"
)

// command runs one subcommand with its arguments (without the subcommand name).
type command func(ctx context.Context, args []string, stdout, stderr io.Writer) error

// commands lists every subcommand. Each lives in its own file.
func commands() map[string]command {
	return map[string]command{
		"backup":   runBackup,
		"bulkload": runBulkload,
		"corpus":   runCorpus,
		"eval":     runEval,
		"export":   runExport,
		"import":   runImport,
		"extract":  runExtract,
		"ingest":   runIngest,
		"migrate":  runMigrate,
		"restore":  runRestore,
		"serve":    runServe,
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "claimgraph:", err)
		os.Exit(1)
	}
}

// run dispatches to a subcommand; it is main without the process-global parts, so
// tests can call it.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout, cmds)
		return nil
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		usage(stderr, cmds)
		return fmt.Errorf("unknown command %q", args[0])
	}
	return cmd(ctx, args[1:], stdout, stderr)
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintln(w, "usage: claimgraph COMMAND [ARGS]")
	fmt.Fprintln(w, "commands:")
	for _, n := range names {
		fmt.Fprintln(w, "  "+n)
	}
	fmt.Fprintln(w, "Run 'claimgraph COMMAND -h' for a command's flags.")
}

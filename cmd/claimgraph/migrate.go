package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// runMigrate upgrades the Neo4j store that NEO4J_URI names to the schema version this
// claimgraph needs, in place: every article, claim and agent is kept. It prints each
// step that ran. The embedded store has no versions to migrate: without NEO4J_URI it
// is an error that says so.
func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: claimgraph migrate")
		fmt.Fprintln(stderr, "Upgrades the Neo4j store named by NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")
		fmt.Fprintf(stderr, "to schema version %d in place, keeping its data. Stop writers (serve, ingest) first.\n", neo4jstore.SchemaVersion)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("migrate takes no arguments (got %s)", strings.Join(fs.Args(), " "))
	}
	if strings.TrimSpace(osGetenv("NEO4J_URI")) == "" {
		return fmt.Errorf("migrate upgrades a Neo4j store: set NEO4J_URI (the embedded store needs no migration)")
	}
	cfg := neo4jstore.ConfigFromEnv(osGetenv)
	fmt.Fprintln(stderr, "claimgraph migrate: store:", cfg)
	res, err := neo4jstore.Migrate(ctx, cfg)
	if err != nil {
		return fmt.Errorf("migrate: %s", graph.ErrorMessage(err))
	}
	if len(res.Steps) == 0 {
		fmt.Fprintf(stdout, "schema version %d: nothing to do\n", res.To)
		return nil
	}
	for _, s := range res.Steps {
		fmt.Fprintln(stdout, "migrated", s)
	}
	fmt.Fprintf(stdout, "schema version %d → %d\n", res.From, res.To)
	return nil
}

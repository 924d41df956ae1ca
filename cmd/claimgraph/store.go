package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/embedded"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// Store selection, shared by every command that opens the graph (ingest, serve):
//
//   - NEO4J_URI set: Neo4j, configured by NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
//     NEO4J_DATABASE (neo4jstore.ConfigFromEnv);
//   - otherwise the embedded store, the file storeFileName in the data directory:
//     the --data flag, else CLAIMGRAPH_DATA, else $XDG_DATA_HOME/claimgraph, else
//     $HOME/.local/share/claimgraph (the XDG default), else ./claimgraph-data.
//
// --data with NEO4J_URI set is an error rather than silently ignored.

// storeFileName is the embedded store's file inside the data directory.
const storeFileName = "graph.db"

// storeConfig is the store a command opens.
type storeConfig struct {
	Backend string // "neo4j" or "embedded"
	// DataDir and Path locate the embedded store; DataFrom says where DataDir came
	// from (flag, env, default).
	DataDir, Path, DataFrom string
	Neo4j                   neo4jstore.Config
}

// String describes the configuration for a start-up line, with secrets masked.
func (c storeConfig) String() string {
	if c.Backend == "neo4j" {
		return "store: " + c.Neo4j.String()
	}
	return fmt.Sprintf("store: embedded %s (data directory from %s)", c.Path, c.DataFrom)
}

// storeFlag adds the --data flag to a command's flag set; pass its value to
// resolveStore.
func storeFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", "directory of the embedded store (default $CLAIMGRAPH_DATA, else $XDG_DATA_HOME/claimgraph or ~/.local/share/claimgraph); not with NEO4J_URI")
}

// resolveStore decides which store to open from the environment (getenv: os.Getenv,
// or a map lookup in tests) and the --data flag.
func resolveStore(getenv func(string) string, dataFlag string) (storeConfig, error) {
	if strings.TrimSpace(getenv("NEO4J_URI")) != "" {
		if dataFlag != "" {
			return storeConfig{}, fmt.Errorf("--data %s selects the embedded store, but NEO4J_URI is set: unset NEO4J_URI to use the embedded store, or drop --data", dataFlag)
		}
		return storeConfig{Backend: "neo4j", Neo4j: neo4jstore.ConfigFromEnv(getenv)}, nil
	}
	c := storeConfig{Backend: "embedded"}
	switch {
	case dataFlag != "":
		c.DataDir, c.DataFrom = dataFlag, "--data"
	case getenv("CLAIMGRAPH_DATA") != "":
		c.DataDir, c.DataFrom = getenv("CLAIMGRAPH_DATA"), "CLAIMGRAPH_DATA"
	case getenv("XDG_DATA_HOME") != "":
		c.DataDir, c.DataFrom = filepath.Join(getenv("XDG_DATA_HOME"), "claimgraph"), "XDG_DATA_HOME"
	case getenv("HOME") != "":
		c.DataDir, c.DataFrom = filepath.Join(getenv("HOME"), ".local", "share", "claimgraph"), "the default (~/.local/share)"
	default:
		c.DataDir, c.DataFrom = "claimgraph-data", "the default (no HOME)"
	}
	c.Path = filepath.Join(c.DataDir, storeFileName)
	return c, nil
}

// openStore opens the store that getenv and the --data flag select (see resolveStore)
// and returns it with its configuration. Errors say what went wrong and what to do.
func openStore(ctx context.Context, getenv func(string) string, dataFlag string) (graph.Store, storeConfig, error) {
	return openStoreWith(ctx, getenv, dataFlag, nil)
}

// openStoreWith is openStore with the embedded store's options (nil: the defaults).
func openStoreWith(ctx context.Context, getenv func(string) string, dataFlag string, opts *embedded.Options) (graph.Store, storeConfig, error) {
	c, err := resolveStore(getenv, dataFlag)
	if err != nil {
		return nil, c, err
	}
	if c.Backend == "neo4j" {
		s, err := neo4jstore.New(ctx, c.Neo4j)
		if err != nil {
			return nil, c, fmt.Errorf("%s; or unset NEO4J_URI to use the embedded store", graph.ErrorMessage(err))
		}
		return s, c, nil
	}
	s, err := embedded.Open(ctx, c.Path, opts)
	if err != nil {
		hint := "check that the directory is writable, or choose another with --data or CLAIMGRAPH_DATA"
		if strings.Contains(graph.ErrorMessage(err), "locked") {
			hint = "another claimgraph process (serve or ingest) has it open: stop it, or use another --data directory"
		}
		return nil, c, fmt.Errorf("%s: %s", graph.ErrorMessage(err), hint)
	}
	return s, c, nil
}

// osGetenv is os.Getenv, the getenv of the real commands.
var osGetenv = os.Getenv

package export

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// neo4jStoreFiles are the files of FormatNeo4jStore: the bulk load's import files
// (neo4jstore.ImportFiles), import.sh (neo4j-admin) and StoreLoadCSVFile (LOAD CSV).
func neo4jStoreFiles() []string {
	return append(neo4jstore.ImportFiles(), "import.sh", StoreLoadCSVFile)
}

// writeNeo4jStore writes what f selects as a neo4j-admin import bundle in the Neo4j
// store's own layout: the files `claimgraph bulkload` imports (neo4jstore's writer
// makes them, so the layout has one writer), import.sh and the LOAD CSV script. A
// database built from them (neo4j-admin, then FinishImport; or the LOAD CSV script
// alone) answers every read as store does, or for a filtered export as the subgraph
// store of SubgraphBundles does. The files are written into a temporary directory
// first, since the import writer writes them all at once and a zip takes one file at
// a time. The counts are the rows written: nodes by label, relationships by type as
// the store keeps them (a MENTIONS per mention span, a VIA per agency). Errors:
// EINVALID (filter), the store's, EUNAVAILABLE (temporary files), the output's.
func writeNeo4jStore(ctx context.Context, store graph.Store, f Filter, dir Dir) (Counts, error) {
	n := Counts{Nodes: map[string]int{}, Edges: map[string]int{}}
	err := withStoreLayout(ctx, store, f, func(tmp string, _ graph.Stats) error {
		for _, name := range neo4jstore.ImportFiles() {
			out, err := dir.Create(name)
			if err != nil {
				return err
			}
			rows, err := copyCounting(filepath.Join(tmp, name), out)
			if err != nil {
				return err
			}
			if rows == 0 { // as the walk counts: only what was written
				continue
			}
			if label, ok := strings.CutPrefix(strings.TrimSuffix(name, ".csv"), "nodes_"); ok {
				n.Nodes[label] = rows
			} else if typ, ok := strings.CutPrefix(strings.TrimSuffix(name, ".csv"), "rels_"); ok {
				n.Edges[typ] = rows
			}
		}
		w, err := dir.Create("import.sh")
		if err != nil {
			return err
		}
		if _, err := io.WriteString(w, neo4jStoreScript); err != nil {
			return err
		}
		script, err := storeLoadCSVScript(tmp)
		if err != nil {
			return err
		}
		if w, err = dir.Create(StoreLoadCSVFile); err != nil {
			return err
		}
		_, err = io.WriteString(w, script)
		return err
	})
	return n, err
}

// writeNeo4jStoreCypher writes what f selects as the neo4j-store-cypher script and
// returns the rows it holds, counted as writeNeo4jStore counts them.
func writeNeo4jStoreCypher(ctx context.Context, store graph.Store, f Filter, meta Meta, out io.Writer) (Counts, error) {
	var n Counts
	err := withStoreLayout(ctx, store, f, func(tmp string, _ graph.Stats) error {
		var err error
		n, err = storeScript(ctx, tmp, meta, f, out)
		return err
	})
	return n, err
}

// copyCounting copies the file at path to out and, for a CSV file, returns its rows
// after the header (a field may span lines, so rows are read, not lines counted).
func copyCounting(path string, out io.Writer) (int, error) {
	in, err := os.Open(path)
	if err != nil {
		return 0, graph.Wrap(graph.EUNAVAILABLE, err, "reading the import file %s: %v", filepath.Base(path), err)
	}
	defer in.Close()
	if !strings.HasSuffix(path, ".csv") {
		_, err := io.Copy(out, in)
		return 0, err
	}
	r := csv.NewReader(io.TeeReader(in, out))
	r.ReuseRecord = true
	rows := -1 // the header
	for {
		_, err := r.Read()
		if errors.Is(err, io.EOF) {
			return max(rows, 0), nil
		}
		if err != nil {
			return 0, graph.Wrap(graph.EINTERNAL, err, "copying the import file %s: %v", filepath.Base(path), err)
		}
		rows++
	}
}

// neo4jStoreScript is the import.sh of FormatNeo4jStore.
const neo4jStoreScript = `#!/bin/sh
# import.sh - load this claimgraph neo4j-store export into Neo4j, for the claimgraph API.
#
# The CSV files are neo4j-admin import files in the layout of claimgraph's Neo4j store
# (what claimgraph bulkload writes): they make a NEW database with
# "neo4j-admin database import full", with the server stopped. Once the server serves
# it, "finish" creates the schema, computes the per-claim aggregates and quantity keys,
# stamps the schema version and checks the counts against counts.json; the API then
# answers as it did on the exported store.
#
#   ./import.sh admin    run neo4j-admin on the files (stop the server first; NEO4J_ADMIN
#                        names the command, default neo4j-admin on PATH)
#   ./import.sh finish   finish the database once the server is started (NEO4J_URI names
#                        the server; CLAIMGRAPH names the command, default claimgraph)
#
# The database is the one neo4j-admin.args names (replace it there to import under
# another name, and set NEO4J_DATABASE to it for finish; add --overwrite-destination to
# replace a database that exists). With claimgraph's own launcher,
# "graph/neo4jstore/launcher/neo4j.sh import DIR" runs the admin step and starts the
# server; then run "./import.sh finish".
set -eu
cd "$(dirname "$0")"
case "${1:-}" in
admin)
	set -f
	# neo4j-admin.args holds one argument a line, none with a space.
	# shellcheck disable=SC2046
	exec ${NEO4J_ADMIN:-neo4j-admin} $(cat neo4j-admin.args)
	;;
finish)
	: "${NEO4J_URI:?set NEO4J_URI to the Neo4j that serves the imported database}"
	exec ${CLAIMGRAPH:-claimgraph} bulkload --finish --csv "$PWD"
	;;
*)
	echo "usage: $0 admin|finish (the comment at the top of this file says more)" >&2
	exit 2
	;;
esac
`

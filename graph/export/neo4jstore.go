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
// (neo4jstore.ImportFiles) and import.sh.
func neo4jStoreFiles() []string { return append(neo4jstore.ImportFiles(), "import.sh") }

// writeNeo4jStore writes the whole store as a neo4j-admin import bundle in the Neo4j
// store's own layout: the files `claimgraph bulkload` imports (neo4jstore.WriteImportCSV
// writes them, so the layout has one writer), copied into dir, and import.sh. A
// database built from them and finished (neo4jstore.FinishImport) answers every read
// as store does. The files are written into a temporary directory first, since
// WriteImportCSV writes them all at once and a zip takes one file at a time. The
// counts are the rows written: nodes by label, relationships by type as the store keeps
// them (a MENTIONS per mention span, a VIA per agency). Only the whole store: a part of
// it would leave bundles naming records the files lack. Errors: EINVALID (a filter),
// the store's, EUNAVAILABLE (temporary files), the output's.
func writeNeo4jStore(ctx context.Context, store graph.Store, f Filter, dir Dir) (Counts, error) {
	if !f.IsWhole() {
		return Counts{}, graph.Errorf(graph.EINVALID, "the %s format is the whole store in the Neo4j store's layout, whose article bundles would name records a part of it lacks: drop the filters (a filtered export fits neo4j-csv)", FormatNeo4jStore)
	}
	tmp, err := os.MkdirTemp("", "claimgraph-export-*")
	if err != nil {
		return Counts{}, graph.Wrap(graph.EUNAVAILABLE, err, "create a temporary directory for the export (set TMPDIR to a writable directory): %v", err)
	}
	defer os.RemoveAll(tmp)
	if _, err := neo4jstore.WriteImportCSV(ctx, store, tmp, ""); err != nil {
		return Counts{}, err
	}
	n := Counts{Nodes: map[string]int{}, Edges: map[string]int{}}
	for _, name := range neo4jstore.ImportFiles() {
		out, err := dir.Create(name)
		if err != nil {
			return Counts{}, err
		}
		rows, err := copyCounting(filepath.Join(tmp, name), out)
		if err != nil {
			return Counts{}, err
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
		return Counts{}, err
	}
	if _, err := io.WriteString(w, neo4jStoreScript); err != nil {
		return Counts{}, err
	}
	return n, nil
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

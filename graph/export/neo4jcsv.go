package export

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

// edgeEnds gives every relationship type its start and end labels (graph.EdgesOf).
var edgeEnds = map[string][2]string{
	graph.EdgePublishedBy: {graph.LabelArticle, graph.LabelOutlet},
	graph.EdgeInArticle:   {graph.LabelStatement, graph.LabelArticle},
	graph.EdgeOfClaim:     {graph.LabelStatement, graph.LabelClaim},
	graph.EdgeSaidBy:      {graph.LabelStatement, graph.LabelAgent},
	graph.EdgeVia:         {graph.LabelStatement, graph.LabelAgent},
	graph.EdgeDisputedBy:  {graph.LabelDispute, graph.LabelAgent},
	graph.EdgeDisputes:    {graph.LabelDispute, graph.LabelClaim},
	graph.EdgeTargets:     {graph.LabelDispute, graph.LabelAgent},
	graph.EdgeDisputeIn:   {graph.LabelDispute, graph.LabelArticle},
	graph.EdgeMentions:    {graph.LabelArticle, graph.LabelAgent},
	graph.EdgeConflicts:   {graph.LabelClaim, graph.LabelClaim},
	graph.EdgeCorroborate: {graph.LabelClaim, graph.LabelClaim},
}

// edgeTypes lists the relationship types in output order.
var edgeTypes = []string{graph.EdgePublishedBy, graph.EdgeInArticle, graph.EdgeOfClaim, graph.EdgeSaidBy, graph.EdgeVia,
	graph.EdgeDisputedBy, graph.EdgeDisputes, graph.EdgeTargets, graph.EdgeDisputeIn, graph.EdgeMentions, graph.EdgeConflicts, graph.EdgeCorroborate}

// arrayDelimiter joins list elements in a Neo4j CSV cell (neo4j-admin's default).
// An element holding it has it replaced by U+FF1B (；), which Neo4j cannot escape.
const arrayDelimiter = ";"

func nodeFile(label string) string { return "nodes_" + label + ".csv" }
func relFile(typ string) string    { return "relationships_" + typ + ".csv" }

func neo4jCSVFiles() []string {
	var out []string
	for _, l := range labels {
		out = append(out, nodeFile(l))
	}
	for _, t := range edgeTypes {
		out = append(out, relFile(t))
	}
	return append(out, "import.sh", LoadCSVFile)
}

// neo4jCSV writes Neo4j admin-import CSV: one node file per label with header
// "id:ID(Label),prop[:type]…,:LABEL" (id spaces per label, so ids need only be unique
// within a label), one relationship file per type with ":START_ID(Label),:END_ID(Label),
// :TYPE" and a link's properties, lists as string[] joined with ";", nested values as
// JSON text (as the Neo4j store keeps them), import.sh, the neo4j-admin command that
// loads them into a new database, and LoadCSVFile, the LOAD CSV script that loads them
// into a running one.
type neo4jCSV struct {
	t   *tempFiles
	dir Dir
	w   map[string]*csv.Writer
}

func newNeo4jCSV(dir Dir) (*neo4jCSV, error) {
	t, err := newTempFiles()
	if err != nil {
		return nil, err
	}
	return &neo4jCSV{t: t, dir: dir, w: map[string]*csv.Writer{}}, nil
}

func (n *neo4jCSV) writer(name string, header []string) (*csv.Writer, error) {
	if w, ok := n.w[name]; ok {
		return w, nil
	}
	b, err := n.t.get(name, nil)
	if err != nil {
		return nil, err
	}
	w := csv.NewWriter(b)
	n.w[name] = w
	return w, w.Write(header)
}

func nodeHeader(label string) []string {
	h := []string{"id:ID(" + label + ")"}
	for _, f := range nodeFields[label] {
		switch f.Kind {
		case kindList:
			h = append(h, f.Name+":string[]")
		case kindDouble:
			h = append(h, f.Name+":double")
		default:
			h = append(h, f.Name)
		}
	}
	return append(h, ":LABEL")
}

func relHeader(typ string) []string {
	ends := edgeEnds[typ]
	h := []string{":START_ID(" + ends[0] + ")", ":END_ID(" + ends[1] + ")", ":TYPE"}
	if typ == graph.EdgeConflicts || typ == graph.EdgeCorroborate {
		for _, f := range linkFields {
			h = append(h, f.Name)
		}
	}
	return h
}

// cell renders a value for a Neo4j CSV cell.
func cell(v any) string {
	if ss, ok := v.([]string); ok {
		parts := make([]string, len(ss))
		for i, s := range ss {
			parts[i] = strings.ReplaceAll(s, arrayDelimiter, "；")
		}
		return strings.Join(parts, arrayDelimiter)
	}
	return flat(v)
}

// Node implements Writer.
func (n *neo4jCSV) Node(_ context.Context, nd Node) error {
	w, err := n.writer(nodeFile(nd.Label), nodeHeader(nd.Label))
	if err != nil {
		return err
	}
	row := []string{nd.ID()}
	for _, v := range values(nd) {
		row = append(row, cell(v))
	}
	return w.Write(append(row, nd.Label))
}

// Edge implements Writer.
func (n *neo4jCSV) Edge(_ context.Context, e Edge) error {
	if _, ok := edgeEnds[e.Type]; !ok {
		return graph.Errorf(graph.EINTERNAL, "edge type %q has no Neo4j CSV file", e.Type)
	}
	w, err := n.writer(relFile(e.Type), relHeader(e.Type))
	if err != nil {
		return err
	}
	row := []string{e.From, e.To, e.Type}
	if e.Type == graph.EdgeConflicts || e.Type == graph.EdgeCorroborate {
		lv := linkValues(e)
		if lv == nil {
			lv = make([]any, len(linkFields))
		}
		for _, v := range lv {
			row = append(row, cell(v))
		}
	}
	return w.Write(row)
}

// Close implements Writer.
func (n *neo4jCSV) Close(_ context.Context) error {
	for _, w := range n.w {
		w.Flush()
		if err := w.Error(); err != nil {
			n.t.remove()
			return err
		}
	}
	b, err := n.t.get("import.sh", nil)
	if err != nil {
		n.t.remove()
		return err
	}
	if err := writeImportScript(b, n.t.names); err != nil {
		n.t.remove()
		return err
	}
	l, err := n.t.get(LoadCSVFile, nil)
	if err != nil {
		n.t.remove()
		return err
	}
	if _, err := io.WriteString(l, LoadCSVScript(n.t.names)); err != nil {
		n.t.remove()
		return err
	}
	return n.t.copyTo(n.dir, neo4jCSVFiles())
}

// writeImportScript writes the neo4j-admin command that loads the files present.
func writeImportScript(w io.Writer, present []string) error {
	var b strings.Builder
	b.WriteString("#!/bin/sh\n# Load this claimgraph export into a new, stopped Neo4j database (default: claimgraph):\n")
	b.WriteString("#   sh import.sh [DATABASE]   (run from this directory, with neo4j-admin on PATH)\n")
	b.WriteString("# This is the graph as researchers query it; to serve it with the claimgraph API, restore\n")
	b.WriteString("# the records format with `claimgraph import` instead: the API's Neo4j layout adds what\n")
	b.WriteString("# claimgraph derives when it writes (search words, per-claim aggregates, each article's\n")
	b.WriteString("# bundle, mention spans), which these files do not hold.\nset -e\ncd \"$(dirname \"$0\")\"\n")
	// The database is named first: --nodes and --relationships take several files
	// each, so neo4j-admin would read a name after them as one more file.
	b.WriteString("neo4j-admin database import full \"${1:-claimgraph}\" --array-delimiter=';' --multiline-fields=true --id-type=string")
	has := map[string]bool{}
	for _, p := range present {
		has[p] = true
	}
	for _, l := range labels {
		if has[nodeFile(l)] {
			fmt.Fprintf(&b, " \\\n  --nodes=%s=%s", l, nodeFile(l))
		}
	}
	for _, t := range edgeTypes {
		if has[relFile(t)] {
			fmt.Fprintf(&b, " \\\n  --relationships=%s=%s", t, relFile(t))
		}
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// Neo4jCSVAdminArgs is the neo4j-admin command line, one argument an element and
// nothing quoted, that import.sh runs on a neo4j-csv export whose files are present
// (names as the export writes them), into a new database db. It is for a caller that
// runs neo4j-admin itself: graph/neo4jstore/launcher's `neo4j.sh import DIR` reads it
// from DIR/neo4j-admin.args, one argument a line (the bulk load of
// graph/export/internal/apocpeer).
func Neo4jCSVAdminArgs(present []string, db string) []string {
	args := []string{"database", "import", "full", db, "--array-delimiter=" + arrayDelimiter, "--multiline-fields=true", "--id-type=string"}
	has := map[string]bool{}
	for _, p := range present {
		has[p] = true
	}
	for _, l := range labels {
		if has[nodeFile(l)] {
			args = append(args, "--nodes="+l+"="+nodeFile(l))
		}
	}
	for _, t := range edgeTypes {
		if has[relFile(t)] {
			args = append(args, "--relationships="+t+"="+relFile(t))
		}
	}
	return args
}

// Abort implements Writer.
func (n *neo4jCSV) Abort() { n.t.remove() }

// LoadCSVFile is the LOAD CSV script of a neo4j-csv export (LoadCSVScript).
const LoadCSVFile = "load-csv.cypher"

// loadCSVBatch is how many CSV rows each transaction of the LOAD CSV script commits.
const loadCSVBatch = 1000

// LoadCSVScript is a Cypher script that loads the files present (names as
// neo4jCSVFiles gives them) into a running Neo4j with LOAD CSV, for a database that
// neo4j-admin cannot import into (it only makes new databases, and needs the server
// stopped). It sets the parameter base to "file:///" (the database's import
// directory) and then reads every file from $base + name, so the files may also be
// served over http(s): run the statements with another base. It creates the uniqueness
// constraints first (MATCH on the ends of a relationship is then an index lookup),
// then the nodes and the relationships, each file in transactions of loadCSVBatch
// rows. Cells are converted as the headers type them (string[] split on ";", double
// with toFloat); an empty cell sets nothing, as neo4j-admin does. Each statement ends
// with ";" at the end of a line, as cypher-shell reads them.
func LoadCSVScript(present []string) string {
	has := map[string]bool{}
	for _, p := range present {
		has[p] = true
	}
	var b strings.Builder
	b.WriteString("// Load this claimgraph export into a running Neo4j (5.x): copy the CSV files into the\n")
	b.WriteString("// database's import directory, then run `cypher-shell -f " + LoadCSVFile + "`. To read them from\n")
	b.WriteString("// elsewhere (a web server), change base below to the URL of the directory, ending in \"/\".\n")
	b.WriteString("// Run it in an empty database: it CREATEs every node and relationship. The server must read\n")
	b.WriteString("// CSV quotes as RFC 4180 does: set db.import.csv.legacy_quote_escaping=false in neo4j.conf\n")
	b.WriteString("// (the default, true, also takes \\\" for a quote, which breaks JSON text holding a quote).\n")
	b.WriteString("// This is the graph as researchers query it; to serve it with the claimgraph API, restore\n")
	b.WriteString("// the records format with `claimgraph import` instead (see import.sh).\n")
	b.WriteString(":param {base: 'file:///'}\n")
	for _, l := range labels {
		fmt.Fprintf(&b, "CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE;\n", strings.ToLower(l), l)
	}
	for _, l := range labels {
		if !has[nodeFile(l)] {
			continue
		}
		h := nodeHeader(l)
		fmt.Fprintf(&b, "LOAD CSV WITH HEADERS FROM $base + '%s' AS row CALL (row) { CREATE (n:%s {id: row.%s})", nodeFile(l), l, cypherName(h[0]))
		sep := " SET "
		for i, f := range nodeFields[l] {
			fmt.Fprintf(&b, "%sn.%s = %s", sep, f.Name, loadCSVValue(f.Kind, "row."+cypherName(h[i+1])))
			sep = ", "
		}
		fmt.Fprintf(&b, " } IN TRANSACTIONS OF %d ROWS;\n", loadCSVBatch)
	}
	for _, t := range edgeTypes {
		if !has[relFile(t)] {
			continue
		}
		h, ends := relHeader(t), edgeEnds[t]
		fmt.Fprintf(&b, "LOAD CSV WITH HEADERS FROM $base + '%s' AS row CALL (row) { MATCH (a:%s {id: row.%s}) MATCH (b:%s {id: row.%s}) CREATE (a)-[r:%s]->(b)",
			relFile(t), ends[0], cypherName(h[0]), ends[1], cypherName(h[1]), t)
		sep := " SET "
		for i, name := range h[3:] {
			f := relFields(t)[i]
			fmt.Fprintf(&b, "%sr.%s = %s", sep, f.Name, loadCSVValue(f.Kind, "row."+cypherName(name)))
			sep = ", "
		}
		fmt.Fprintf(&b, " } IN TRANSACTIONS OF %d ROWS;\n", loadCSVBatch)
	}
	return b.String()
}

// relFields are the properties a relationship type carries in the CSV files.
func relFields(typ string) []field {
	if typ == graph.EdgeConflicts || typ == graph.EdgeCorroborate {
		return linkFields
	}
	return nil
}

// cypherName quotes a CSV header as a Cypher property key (backticks doubled).
func cypherName(h string) string { return "`" + strings.ReplaceAll(h, "`", "``") + "`" }

// loadCSVValue converts a LOAD CSV cell expression to the property's type; an empty
// cell is null (nothing set).
func loadCSVValue(k valueKind, cellExpr string) string {
	switch k {
	case kindList:
		return "split(" + cellExpr + ", '" + arrayDelimiter + "')"
	case kindDouble:
		return "toFloat(" + cellExpr + ")"
	}
	return cellExpr
}

package export

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/neo4jstore"
)

// The store-layout scripts: the neo4j-store-cypher script and the neo4j-store bundle's
// LOAD CSV script, both made from the import files of writeStoreLayout (the layout
// neo4j-admin imports), so that the three ways into Neo4j build one database.

// FormatNeo4jStoreCypher is a parameter-free Cypher script that rebuilds the export in
// an empty Neo4j in the Neo4j store's own layout (schema, search words, bundles,
// per-claim aggregates, quantity keys, schema version): claimgraph serves the database
// it builds, with every answer the exported store (or, filtered, its subgraph store)
// gives.
const FormatNeo4jStoreCypher = "neo4j-store-cypher"

// StoreLoadCSVFile is the LOAD CSV script of the neo4j-store bundle (storeLoadCSVScript).
const StoreLoadCSVFile = "load-csv.cypher"

// writeStoreLayout writes the import files of what f selects into dir: the whole store
// through neo4jstore.WriteImportCSV (streamed), a part through
// neo4jstore.WriteImportBundles of SubgraphBundles. It returns the Stats written (the
// subgraph store's for a part).
func writeStoreLayout(ctx context.Context, store graph.Store, f Filter, dir string) (graph.Stats, error) {
	if f.IsWhole() {
		return neo4jstore.WriteImportCSV(ctx, store, dir, "")
	}
	next, err := SubgraphBundles(ctx, store, f)
	if err != nil {
		return graph.Stats{}, err
	}
	return neo4jstore.WriteImportBundles(ctx, next, dir, "")
}

// withStoreLayout writes the import files of f's selection into a temporary directory,
// calls use with it and removes it.
func withStoreLayout(ctx context.Context, store graph.Store, f Filter, use func(dir string, stats graph.Stats) error) error {
	tmp, err := os.MkdirTemp("", "claimgraph-export-*")
	if err != nil {
		return graph.Wrap(graph.EUNAVAILABLE, err, "create a temporary directory for the export (set TMPDIR to a writable directory): %v", err)
	}
	defer os.RemoveAll(tmp)
	stats, err := writeStoreLayout(ctx, store, f, tmp)
	if err != nil {
		return err
	}
	return use(tmp, stats)
}

// importFile is the shape of one import file, read from its name and header.
type importFile struct {
	name       string
	rel        bool
	label, typ string   // node label, or relationship type
	start, end string   // a relationship's end labels
	cols       []string // property keys after the leading id columns
	kinds      []string // their neo4j-admin types ("" string, string[], long, double, boolean)
}

// readImportHeader reads the header of an import file (nodes_LABEL.csv with
// "id:ID(LABEL)", or rels_TYPE.csv with ":START_ID(L)", ":END_ID(L)"), then its
// property columns "key[:type]".
func readImportHeader(name string, header []string) (importFile, error) {
	f := importFile{name: name}
	base := strings.TrimSuffix(name, ".csv")
	lead := 1
	if t, ok := strings.CutPrefix(base, "rels_"); ok {
		f.rel, f.typ, lead = true, t, 2
		if len(header) < 2 {
			return f, graph.Errorf(graph.EINTERNAL, "%s: header %q lacks :START_ID and :END_ID", name, header)
		}
		var ok1, ok2 bool
		f.start, ok1 = idSpace(header[0], ":START_ID(")
		f.end, ok2 = idSpace(header[1], ":END_ID(")
		if !ok1 || !ok2 {
			return f, graph.Errorf(graph.EINTERNAL, "%s: header %q does not open with :START_ID(L),:END_ID(L)", name, header)
		}
	} else if l, ok := strings.CutPrefix(base, "nodes_"); ok {
		f.label = l
		if len(header) < 1 || header[0] != "id:ID("+l+")" {
			return f, graph.Errorf(graph.EINTERNAL, "%s: header %q does not open with id:ID(%s)", name, header, l)
		}
	} else {
		return f, graph.Errorf(graph.EINTERNAL, "%s is not an import file (nodes_LABEL.csv or rels_TYPE.csv)", name)
	}
	for _, h := range header[lead:] {
		key, kind, _ := strings.Cut(h, ":")
		f.cols, f.kinds = append(f.cols, key), append(f.kinds, kind)
	}
	return f, nil
}

func idSpace(h, prefix string) (string, bool) {
	rest, ok := strings.CutPrefix(h, prefix)
	if !ok || !strings.HasSuffix(rest, ")") {
		return "", false
	}
	return strings.TrimSuffix(rest, ")"), true
}

// eachImportRow reads the import file at path: its header, then every row.
func eachImportRow(path string, each func(f importFile, row []string) error) (importFile, error) {
	in, err := os.Open(path)
	if err != nil {
		return importFile{}, graph.Wrap(graph.EUNAVAILABLE, err, "reading the import file %s: %v", filepath.Base(path), err)
	}
	defer in.Close()
	r := bufio.NewReaderSize(in, 1<<16)
	name := filepath.Base(path)
	h, err := readCSVRecord(r)
	if err != nil {
		return importFile{}, graph.Wrap(graph.EINTERNAL, err, "reading the header of %s: %v", name, err)
	}
	f, err := readImportHeader(name, h)
	if err != nil {
		return f, err
	}
	for rows := 1; ; rows++ {
		row, err := readCSVRecord(r)
		if errors.Is(err, io.EOF) {
			return f, nil
		}
		if err != nil {
			return f, graph.Wrap(graph.EINTERNAL, err, "reading row %d of %s: %v", rows, name, err)
		}
		if err := each(f, row); err != nil {
			return f, err
		}
	}
}

// readCSVRecord reads one RFC 4180 record as encoding/csv's Writer writes them (","
// between fields, "\n" after a record, a field quoted when it holds a quote, a comma or
// a line break, quotes doubled). Unlike encoding/csv's Reader it keeps a quoted "\r\n"
// as it is (the Reader makes it "\n"), as neo4j-admin and LOAD CSV do: the script must
// store the text the other two ways store. io.EOF when no record is left.
func readCSVRecord(r *bufio.Reader) ([]string, error) {
	var rec []string
	var f []byte
	for {
		c, err := r.ReadByte()
		if errors.Is(err, io.EOF) && len(rec) == 0 {
			return nil, io.EOF
		}
		if c == '"' && err == nil {
			for {
				if c, err = r.ReadByte(); err != nil {
					return nil, fmt.Errorf("a quoted field ends before its closing quote: %w", io.ErrUnexpectedEOF)
				}
				if c != '"' {
					f = append(f, c)
					continue
				}
				if c, err = r.ReadByte(); err == nil && c == '"' {
					f = append(f, '"')
					continue
				}
				break // c, err: what follows the closing quote
			}
		} else {
			for err == nil && c != ',' && c != '\n' {
				f = append(f, c)
				c, err = r.ReadByte()
			}
		}
		rec = append(rec, string(f))
		f = f[:0]
		switch {
		case errors.Is(err, io.EOF):
			return rec, nil
		case err != nil:
			return nil, err
		case c == ',':
			continue
		case c == '\n':
			return rec, nil
		case c == '\r':
			if c, err = r.ReadByte(); err == nil && c == '\n' {
				return rec, nil
			}
		}
		return nil, fmt.Errorf("a closing quote is followed by %q, not a comma or a line end", c)
	}
}

// importLiteral renders an import cell as the Cypher literal of the value neo4j-admin
// stores for it (kind is the column's type); ok is false for an empty cell, which
// stores nothing.
func importLiteral(cell, kind string) (lit string, ok bool, err error) {
	if cell == "" {
		return "", false, nil
	}
	switch kind {
	case "":
		return cypherString(cell), true, nil
	case "string[]":
		parts := strings.Split(cell, "\x1e")
		for i, p := range parts {
			parts[i] = cypherString(p)
		}
		return "[" + strings.Join(parts, ", ") + "]", true, nil
	case "long":
		n, err := strconv.ParseInt(cell, 10, 64)
		if err != nil {
			return "", false, fmt.Errorf("%q is not a long", cell)
		}
		return strconv.FormatInt(n, 10), true, nil
	case "double":
		x, err := strconv.ParseFloat(cell, 64)
		if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			return "", false, fmt.Errorf("%q is not a finite double", cell)
		}
		return cypherFloat(x), true, nil
	case "boolean":
		b, err := strconv.ParseBool(cell)
		if err != nil {
			return "", false, fmt.Errorf("%q is not a boolean", cell)
		}
		return strconv.FormatBool(b), true, nil
	}
	return "", false, fmt.Errorf("column type %q is unknown", kind)
}

// cypherFloat renders a finite float as a Cypher float literal: always with a decimal
// point (1.0, not 1, which Cypher reads as an integer) and never in exponent form.
func cypherFloat(x float64) string {
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// relKeys are the properties a relationship of the store's layout is merged on: those
// that tell apart two relationships of one type between the same nodes (a statement's
// agencies by position, an article's mentions of an agent by span, links by id).
var relKeys = map[string][]string{
	graph.EdgeVia:         {"pos"},
	graph.EdgeMentions:    {"start", "end"},
	graph.EdgeConflicts:   {"id"},
	graph.EdgeCorroborate: {"id"},
}

// storeScript writes the neo4j-store-cypher script of the import files in dir: a
// header comment, the store's schema, a MERGE statement per batch of nodes (files in
// neo4jstore.ImportFiles order, so every node precedes the relationships naming it),
// per batch of relationships, the per-claim aggregates and quantity keys per batch of
// claims, and the schema version. Every statement is on one line ending in ";", with
// every value a literal escaped by cypherString: the script takes no parameters and
// runs in any client, a statement at a time or in transactions of several. It returns
// the rows written: nodes by label, relationships by type as the store keeps them.
func storeScript(ctx context.Context, dir string, meta Meta, f Filter, out io.Writer) (Counts, error) {
	n := Counts{Nodes: map[string]int{}, Edges: map[string]int{}}
	w := newErrWriter(out)
	w.s("// claimgraph export in the Neo4j store's layout: ", f.describe(), "; claimgraph ", meta.Version, ", ",
		meta.Created.UTC().Format("2006-01-02T15:04:05Z"), "\n")
	w.s("// Run it in an empty database (cypher-shell -f ", storeScriptFile, "); claimgraph serve (NEO4J_URI)\n")
	w.s("// then serves that database: its answers are the exported store's (a filtered export: its subgraph's).\n")
	for _, q := range neo4jstore.SchemaStatements() {
		w.s(oneLine(q), ";\n")
	}
	c := &cypher{w: w, batch: map[string]*cypherBatch{}}
	for _, name := range neo4jstore.ImportFiles() {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		var head, tail string
		_, err := eachImportRow(filepath.Join(dir, name), func(f importFile, row []string) error {
			if head == "" {
				head, tail = storeStatement(f)
			}
			lit, err := storeRow(f, row)
			if err != nil {
				return err
			}
			if f.rel {
				n.Edges[f.typ]++
			} else {
				n.Nodes[f.label]++
			}
			c.add(name, head, tail, lit)
			return w.err
		})
		if err != nil {
			return n, err
		}
		c.flushBatch(name, head, tail)
		if err := ctx.Err(); err != nil {
			return n, err
		}
	}
	aggHead, aggTail := "UNWIND [", "] "+oneLine(neo4jstore.ClaimAggregatesTail)+";\n"
	if _, err := eachImportRow(filepath.Join(dir, "nodes_"+graph.LabelClaim+".csv"), func(_ importFile, row []string) error {
		c.add("aggregates", aggHead, aggTail, cypherString(row[0]))
		return w.err
	}); err != nil {
		return n, err
	}
	c.flushBatch("aggregates", aggHead, aggTail)
	w.s(oneLine(neo4jstore.VersionStatement()), ";\n")
	return n, w.flush()
}

// storeScriptFile is the file name of the neo4j-store-cypher format.
const storeScriptFile = "claimgraph.store.cypher"

// storeStatement is the statement of an import file's batches, up to and after the
// rows: nodes are merged on their id and given the row's properties; a relationship is
// merged between its ends on its relKeys and given the rest.
func storeStatement(f importFile) (head, tail string) {
	if !f.rel {
		return "UNWIND [", "] AS r MERGE (n:" + f.label + " {id: r.id}) SET n += r.p;\n"
	}
	var keys []string
	for _, k := range relKeys[f.typ] {
		keys = append(keys, k+": r.p."+k)
	}
	pattern := "[e:" + f.typ + "]"
	if len(keys) > 0 {
		pattern = "[e:" + f.typ + " {" + strings.Join(keys, ", ") + "}]"
	}
	tail = "] AS r MATCH (a:" + f.start + " {id: r.a}) MATCH (b:" + f.end + " {id: r.b}) MERGE (a)-" + pattern + "->(b)"
	if len(f.cols) > len(relKeys[f.typ]) {
		tail += " SET e += r.p"
	}
	return "UNWIND [", tail + ";\n"
}

// storeRow renders one row of an import file as a map literal: {id: …, p: {…}} for a
// node, {a: …, b: …, p: {…}} for a relationship; p holds the row's non-empty cells as
// the header types them. A relationship's merge keys must be present.
func storeRow(f importFile, row []string) (string, error) {
	lead := 1
	var b strings.Builder
	if f.rel {
		lead = 2
		b.WriteString("{a: " + cypherString(row[0]) + ", b: " + cypherString(row[1]) + ", p: {")
	} else {
		b.WriteString("{id: " + cypherString(row[0]) + ", p: {")
	}
	if len(row) != lead+len(f.cols) {
		return "", graph.Errorf(graph.EINTERNAL, "%s: a row of %d cells under a header of %d", f.name, len(row), lead+len(f.cols))
	}
	sep := ""
	set := map[string]bool{}
	for i, key := range f.cols {
		lit, ok, err := importLiteral(row[lead+i], f.kinds[i])
		if err != nil {
			return "", graph.Errorf(graph.EINTERNAL, "%s, %s of %s: %v", f.name, key, row[0], err)
		}
		if !ok {
			continue
		}
		set[key] = true
		b.WriteString(sep + key + ": " + lit)
		sep = ", "
	}
	for _, k := range relKeys[f.typ] {
		if f.rel && !set[k] {
			return "", graph.Errorf(graph.EINTERNAL, "%s: the relationship %s→%s has no %s, which it is merged on", f.name, row[0], row[1], k)
		}
	}
	b.WriteString("}}")
	return b.String(), nil
}

// oneLine joins a statement's lines (the store's statements are laid out for reading)
// so that it ends its line; none of them holds a string literal with a line break or
// two spaces.
func oneLine(q string) string { return strings.Join(strings.Fields(q), " ") }

// storeLoadCSVScript is the LOAD CSV script of the neo4j-store bundle: it loads the
// import files into a running, empty Neo4j (the base parameter is where the files
// are, "file:///" being the database's import directory) and readies the database for
// claimgraph as FinishImport does: the store's schema first (MERGE on the ends of a
// relationship is then an index lookup), then each node file and relationship file in
// transactions of loadCSVBatch rows, the cells typed as neo4j-admin types them (lists
// split on U+001E; an empty cell sets nothing), then the per-claim aggregates and
// quantity keys and the schema version. Statements end their lines with ";".
func storeLoadCSVScript(dir string) (string, error) {
	var b strings.Builder
	b.WriteString("// Load this claimgraph neo4j-store export into a running, empty Neo4j (5.x) with LOAD CSV:\n")
	b.WriteString("// copy the CSV files into the database's import directory and run `cypher-shell -f " + StoreLoadCSVFile + "`,\n")
	b.WriteString("// or serve them over http(s) and change base below to the directory's URL, ending in \"/\".\n")
	b.WriteString("// The server must read CSV quotes as RFC 4180 does (db.import.csv.legacy_quote_escaping=false).\n")
	b.WriteString("// claimgraph serve (NEO4J_URI) then serves the database, as after import.sh.\n")
	b.WriteString(":param {base: 'file:///'}\n")
	for _, q := range neo4jstore.SchemaStatements() {
		b.WriteString(oneLine(q) + ";\n")
	}
	for _, name := range neo4jstore.ImportFiles() {
		if !strings.HasSuffix(name, ".csv") {
			continue
		}
		in, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return "", graph.Wrap(graph.EUNAVAILABLE, err, "reading the import file %s: %v", name, err)
		}
		h, err := readCSVRecord(bufio.NewReader(in))
		in.Close()
		if err != nil {
			return "", graph.Wrap(graph.EINTERNAL, err, "reading the header of %s: %v", name, err)
		}
		f, err := readImportHeader(name, h)
		if err != nil {
			return "", err
		}
		lead := 1
		if f.rel {
			lead = 2
			var keys []string
			for _, k := range relKeys[f.typ] {
				for i, c := range f.cols {
					if c == k {
						keys = append(keys, k+": "+loadCSVCell(f.kinds[i], "row."+cypherName(h[lead+i])))
					}
				}
			}
			pattern := "[e:" + f.typ + "]"
			if len(keys) > 0 {
				pattern = "[e:" + f.typ + " {" + strings.Join(keys, ", ") + "}]"
			}
			fmt.Fprintf(&b, "LOAD CSV WITH HEADERS FROM $base + '%s' AS row CALL (row) { MATCH (a:%s {id: row.%s}) MATCH (b:%s {id: row.%s}) MERGE (a)-%s->(b)",
				name, f.start, cypherName(h[0]), f.end, cypherName(h[1]), pattern)
		} else {
			fmt.Fprintf(&b, "LOAD CSV WITH HEADERS FROM $base + '%s' AS row CALL (row) { MERGE (e:%s {id: row.%s})", name, f.label, cypherName(h[0]))
		}
		sep := " SET "
		for i, c := range f.cols {
			fmt.Fprintf(&b, "%se.%s = %s", sep, c, loadCSVCell(f.kinds[i], "row."+cypherName(h[lead+i])))
			sep = ", "
		}
		fmt.Fprintf(&b, " } IN TRANSACTIONS OF %d ROWS;\n", loadCSVBatch)
	}
	for _, q := range neo4jstore.AggregateStatements() {
		b.WriteString(oneLine(q) + ";\n")
	}
	b.WriteString(oneLine(neo4jstore.VersionStatement()) + ";\n")
	return b.String(), nil
}

// loadCSVCell converts a LOAD CSV cell expression to the type neo4j-admin gives a
// column of that kind; an empty cell is null (nothing set).
func loadCSVCell(kind, cellExpr string) string {
	switch kind {
	case "string[]":
		return "split(" + cellExpr + ", '\\u001E')"
	case "long":
		return "toInteger(" + cellExpr + ")"
	case "double":
		return "toFloat(" + cellExpr + ")"
	case "boolean":
		return "toBoolean(" + cellExpr + ")"
	}
	return cellExpr
}

package export

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph"
)

// Format names, as `claimgraph export --format` and GET /v1/export?format= take them.
const (
	FormatGraphML    = "graphml"
	FormatGEXF       = "gexf"     // GEXF 1.2draft, which networkx reads
	FormatGEXF13     = "gexf-1.3" // GEXF 1.3, for Gephi
	FormatNodeLink   = "node-link"
	FormatNeo4jCSV   = "neo4j-csv"
	FormatCypher     = "cypher"
	FormatPROVJSON   = "prov-json"
	FormatPROVTurtle = "prov-turtle"
	FormatJSONLD     = "jsonld"
	FormatDataset    = "dataset"
	FormatRecords    = "records" // JSON Lines of the store's own records; Import reads it back
	// FormatNeo4jStore is the whole store as neo4j-admin import files in the Neo4j
	// store's own layout (what claimgraph bulkload imports), which the API serves once
	// imported and finished; neo4j-csv is the model's graph, for Cypher queries.
	FormatNeo4jStore = "neo4j-store"
)

// FormatInfo describes a format: its name, the media type and file name of its one
// file, or for a multi-file format (Files) the files it writes into a directory or zip.
type FormatInfo struct {
	Name      string   `json:"name"`
	MediaType string   `json:"media_type"`
	FileName  string   `json:"file_name,omitempty"`
	Files     []string `json:"files,omitempty"`
	About     string   `json:"about"`
}

// Multi reports whether the format writes several files.
func (f FormatInfo) Multi() bool { return len(f.Files) > 0 }

var formats = []FormatInfo{
	{Name: FormatGraphML, MediaType: "application/graphml+xml", FileName: "claimgraph.graphml", About: "GraphML with typed keys, for networkx, igraph and yEd"},
	{Name: FormatGEXF, MediaType: "application/gexf+xml", FileName: "claimgraph.gexf", About: "GEXF 1.2draft, which networkx reads"},
	{Name: FormatGEXF13, MediaType: "application/gexf+xml", FileName: "claimgraph.gexf", About: "GEXF 1.3, for Gephi"},
	{Name: FormatNodeLink, MediaType: "application/json", FileName: "claimgraph.node-link.json", About: `node-link JSON as networkx.node_link_graph(data, edges="links") reads it`},
	{Name: FormatNeo4jCSV, MediaType: "application/zip", Files: neo4jCSVFiles(), About: "Neo4j admin-import CSV: a node file per label, a relationship file per type, import.sh (neo4j-admin) and load-csv.cypher (LOAD CSV)"},
	{Name: FormatCypher, MediaType: "application/x-cypher-query; charset=utf-8", FileName: "claimgraph.cypher", About: "a Cypher script of parameter-free MERGE statements that rebuilds the graph in an empty Neo4j"},
	{Name: FormatPROVJSON, MediaType: "application/json", FileName: "claimgraph.prov.json", About: "W3C PROV-JSON"},
	{Name: FormatPROVTurtle, MediaType: "text/turtle; charset=utf-8", FileName: "claimgraph.prov.ttl", About: "W3C PROV-O in Turtle"},
	{Name: FormatJSONLD, MediaType: "application/ld+json", FileName: "claimgraph.jsonld", About: "schema.org Claim JSON-LD, ready to wrap in a ClaimReview"},
	{Name: FormatDataset, MediaType: "application/zip", Files: datasetFiles(), About: "CSV tables with datapackage.json (Frictionless) and ro-crate-metadata.json"},
	{Name: FormatRecords, MediaType: "application/x-ndjson", FileName: "claimgraph.records.jsonl", About: "JSON Lines of the store's own records (one article bundle a line); claimgraph import reads it back"},
	{Name: FormatNeo4jStore, MediaType: "application/zip", Files: neo4jStoreFiles(), About: "neo4j-admin import CSV in claimgraph's Neo4j store layout, with import.sh (neo4j-admin, then claimgraph bulkload --finish) and load-csv.cypher (LOAD CSV into a running Neo4j): the claimgraph API serves the database they make"},
	{Name: FormatNeo4jStoreCypher, MediaType: "application/x-cypher-query; charset=utf-8", FileName: storeScriptFile, About: "a Cypher script of parameter-free MERGE statements that rebuilds the export in an empty Neo4j in claimgraph's Neo4j store layout: the claimgraph API serves the database it makes"},
}

// Formats lists every format, in a fixed order.
func Formats() []FormatInfo { return append([]FormatInfo(nil), formats...) }

// LookupFormat returns the format of that name. Errors: EINVALID naming the formats.
func LookupFormat(name string) (FormatInfo, error) {
	for _, f := range formats {
		if f.Name == name {
			return f, nil
		}
	}
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return FormatInfo{}, graph.Errorf(graph.EINVALID, "format %q is unknown; choose one of %s", name, strings.Join(names, ", "))
}

// Meta says how the exported data was made, for the formats that record it (GEXF,
// node-link, PROV, the dataset bundle, records).
type Meta struct {
	Version   string    // claimgraph version (a module version or VCS revision)
	Extractor string    // the extractor and its model
	Created   time.Time // when the export ran
	Store     string    // which store it read ("embedded", "neo4j")
}

// DefaultExtractor describes claimgraph's extractor, for Meta.Extractor.
const DefaultExtractor = "claimgraph extract: rules and lexicons with averaged-perceptron cue and role models (extract/models, embedded in the binary)"

// BuildVersion is the running binary's version: the main module's version, else its
// VCS revision (with +dirty), else "devel".
func BuildVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if dirty {
		rev += "+dirty"
	}
	return rev
}

// Dir receives the files of an export. Create starts a file; the previous one is
// complete when Create is called again or the export returns (a zip.Writer is a Dir).
type Dir interface {
	Create(name string) (io.Writer, error)
}

// OneFile is the Dir of a single-file format written to w: it accepts one Create.
func OneFile(w io.Writer) Dir { return &oneFile{w: w} }

type oneFile struct {
	w    io.Writer
	used bool
}

func (o *oneFile) Create(name string) (io.Writer, error) {
	if o.used {
		return nil, fmt.Errorf("export: %s is a second file, but the output holds one: write a multi-file format into a directory", name)
	}
	o.used = true
	return o.w, nil
}

// DiskDir is a Dir that writes files into a directory, creating it when missing.
type DiskDir struct {
	Path string
	cur  *os.File
}

// Create implements Dir.
func (d *DiskDir) Create(name string) (io.Writer, error) {
	if err := d.Close(); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(d.Path, 0o755); err != nil {
		return nil, fmt.Errorf("create directory %s: %w", d.Path, err)
	}
	f, err := os.Create(filepath.Join(d.Path, name))
	if err != nil {
		return nil, err
	}
	d.cur = f
	return f, nil
}

// Close closes the last file; call it after Export.
func (d *DiskDir) Close() error {
	if d.cur == nil {
		return nil
	}
	err := d.cur.Close()
	d.cur = nil
	return err
}

// Export writes what f selects from store in the named format into dir and returns
// the counts it wrote. A single-file format makes one file (FormatInfo.FileName);
// FormatRecords needs the whole store (a zero Filter).
// Errors: EINVALID (format, filter), ENOTFOUND (root), the store's and the output's.
func Export(ctx context.Context, store graph.Store, format string, f Filter, meta Meta, dir Dir) (Counts, error) {
	info, err := LookupFormat(format)
	if err != nil {
		return Counts{}, err
	}
	if err := f.Validate(); err != nil {
		return Counts{}, err
	}
	meta.Store = orString(meta.Store, "unknown")
	if meta.Created.IsZero() {
		meta.Created = time.Now().UTC()
	}
	if format == FormatRecords {
		if !f.IsWhole() {
			return Counts{}, graph.Errorf(graph.EINVALID, "the records format is a backup of the whole store: drop the filters (a filtered export fits the other formats)")
		}
		w, err := dir.Create(info.FileName)
		if err != nil {
			return Counts{}, err
		}
		return WriteRecords(ctx, store, meta, w)
	}
	if format == FormatNeo4jStore {
		return writeNeo4jStore(ctx, store, f, dir)
	}
	if format == FormatNeo4jStoreCypher {
		w, err := dir.Create(info.FileName)
		if err != nil {
			return Counts{}, err
		}
		return writeNeo4jStoreCypher(ctx, store, f, meta, w)
	}
	var wr Writer
	if info.Multi() {
		wr, err = newMultiWriter(format, meta, f, dir)
	} else {
		var out io.Writer
		if out, err = dir.Create(info.FileName); err == nil {
			wr, err = newWriter(format, meta, f, out, store)
		}
	}
	if err != nil {
		return Counts{}, err
	}
	return Run(ctx, store, f, wr)
}

func newWriter(format string, meta Meta, f Filter, out io.Writer, store graph.Store) (Writer, error) {
	switch format {
	case FormatCypher:
		return newCypher(out, meta, f)
	case FormatPROVJSON:
		return newPROVJSON(out, meta, f)
	case FormatPROVTurtle:
		return newPROVTurtle(out, meta, f), nil
	case FormatJSONLD:
		return newJSONLD(out, &articleDates{get: store.Article, dates: map[string]graph.Date{}})
	case FormatGraphML:
		return newGraphML(out)
	case FormatGEXF:
		return newGEXF(out, GEXF12, meta.Created)
	case FormatGEXF13:
		return newGEXF(out, GEXF13, meta.Created)
	case FormatNodeLink:
		return newNodeLink(out, metaMap(meta, f))
	}
	return nil, graph.Errorf(graph.EINTERNAL, "format %q has no writer", format)
}

func newMultiWriter(format string, meta Meta, f Filter, dir Dir) (Writer, error) {
	switch format {
	case FormatNeo4jCSV:
		return newNeo4jCSV(dir)
	case FormatDataset:
		return newDataset(dir, meta, f)
	}
	return nil, graph.Errorf(graph.EINTERNAL, "format %q has no writer", format)
}

// metaMap is Meta as a JSON object for the formats' graph-level attributes.
func metaMap(m Meta, f Filter) map[string]any {
	return map[string]any{
		"name":      "claimgraph",
		"software":  "claimgraph " + m.Version,
		"extractor": m.Extractor,
		"created":   m.Created.UTC().Format(time.RFC3339),
		"store":     m.Store,
		"selection": f.describe(),
		"namespace": NS,
	}
}

// NS is the claimgraph vocabulary (NAMESPACE.md).
const NS = "https://claimgraph.dev/ns#"

// IDBase prefixes every record id to make its IRI.
const IDBase = "https://claimgraph.dev/id/"

func orString(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
